"""SaliencyView: "Where does it look?" drawn from finished Attributions: three maps over the image, and the classes.

Left to right: gradient saliency, Grad-CAM and occlusion, each the image as the network sees
it with the map laid over it, a colour bar with its numbers and words, one plain sentence for
the class explained, and the map's own settings underneath; at the right, the class
probabilities as bars to click. It computes nothing (no torch): the panel
(saliency_panel.py) fills it from its worker, and pictures.saliency_widget from Attributions.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSlider,
                               QSpinBox, QVBoxLayout, QWidget)

from core.cnn.analysis import preprocessing_of
from gui.convolution.explain.saliency.saliency_bars import ClassBars
from gui.convolution.explain.saliency.saliency_paint import (ColourBar, OverlayImage, composite, map_levels, map_top,
                                                         shown_input)
from gui.convolution.looks import Looks, shown_name, translate
from gui.style import theme
from gui.style.numbers import short
from gui.widgets.clamped_label import ClampedLabel

METHODS = ("gradient", "gradcam", "occlusion")
TITLES = {"gradient": QT_TR_NOOP("Gradient saliency"), "gradcam": QT_TR_NOOP("Grad-CAM"),
          "occlusion": QT_TR_NOOP("Occlusion")}
TIPS = {
    "gradient": QT_TR_NOOP("For each pixel, how much a tiny change there would change the class's score "
                           "(the largest over the colour channels of |∂score/∂pixel|)."),
    "gradcam": QT_TR_NOOP("Grad-CAM: the chosen layer's feature maps, each weighted by how much the class's score "
                          "grows with it on average, added up; only what pushes the score up is kept."),
    "occlusion": QT_TR_NOOP("A grey square covers part of the image, place after place; where covering a pixel "
                            "lowers the class's score, the map is bright. Covering that raises the score shows dark.")}
CAPTIONS = {"gradient": QT_TR_NOOP("how much this pixel matters"), "gradcam": QT_TR_NOOP("how much this area matters"),
            "occlusion": QT_TR_NOOP("drop in score when covered")}
POINTED = QT_TR_NOOP("this pixel: {0}")  # the colour bar's words while the mouse points at a pixel of the map
DEFAULT_OPACITY = 0.6


class MapColumn:
    """One method's widgets, which the view sets in one grid column (so the three pictures line up): its title,
    the image with its map, the colour bar, one sentence, and its settings below."""

    def __init__(self, method: str, looks: Looks):
        self.method = method
        self.title = QLabel()
        looks.font(self.title, theme.BASE_POINT_SIZE + 1, bold=True)
        looks.text(self.title.setText, TITLES[method])
        looks.text(self.title.setToolTip, TIPS[method])
        self.picture = OverlayImage()
        looks.text(self.picture.setToolTip, TIPS[method])
        self.bar = ColourBar()
        self.sentence = ClampedLabel(lines=4)
        looks.font(self.sentence, theme.BASE_POINT_SIZE)
        for widget in (self.title, self.sentence, self.bar):  # the columns share the width evenly
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
        self.picture.hovered.connect(self._on_hovered)
        self.values: np.ndarray | None = None  # the map as computed (H×W floats)
        self.levels: np.ndarray | None = None  # the map as drawn: colour levels 0..255
        self.covered: np.ndarray | None = None  # occlusion under way: the pixels the square has visited

    def show_map(self, base: np.ndarray, values: np.ndarray | None, opacity: float,
                 covered: np.ndarray | None = None, top: float | None = None) -> None:
        self.values, self.covered = values, covered
        self.levels = None if values is None else map_levels(values, top)
        self.redraw(base, opacity)

    def _on_hovered(self, row: int, column: int) -> None:
        """The pixel under the mouse: its value marked on the colour bar, with its number."""
        if row < 0 or self.values is None or self.covered is not None and not self.covered[row, column]:
            self.bar.set_marker(None)
            return
        value = float(self.values[row, column])
        self.bar.set_marker(value / map_top(self.values), translate(POINTED).format(short(value)))

    def redraw(self, base: np.ndarray, opacity: float) -> None:
        if self.levels is not None and self.levels.shape != base.shape[:2]:
            # A map of the model before (28×28 digits under a 64×64 shapes image): it means nothing here.
            self.values = self.levels = self.covered = None
        self.picture.set_pixels(composite(base, self.levels, opacity, self.covered))

    def say(self, text: str, error: bool = False) -> None:
        self.sentence.setText(text)
        self.sentence.setStyleSheet(f"color: {theme.VERMILLION};" if error else "")


class SaliencyView(QWidget):
    """The three maps and the class bars, with the controls a teacher uses (the panel connects them)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.looks = Looks(self)
        self.explaining = ClampedLabel(lines=1)
        self.looks.font(self.explaining, theme.PLOT_LABEL_POINT_SIZE, bold=True)
        self.back_button = QPushButton()
        self.looks.text(self.back_button.setText, QT_TR_NOOP("Back to the predicted class"))
        self.looks.text(self.back_button.setToolTip, QT_TR_NOOP(
            "Explain the class the network chose again (the maps follow its answer as the image changes)."))
        self.opacity_label = QLabel()
        self.looks.text(self.opacity_label.setText, QT_TR_NOOP("Map strength:"))
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(round(DEFAULT_OPACITY * 100))
        self.looks.text(self.opacity.setToolTip, QT_TR_NOOP(
            "How strongly the maps cover the image: left shows the image alone, right the maps alone."))
        header = QHBoxLayout()
        header.addWidget(self.explaining, 1)
        header.addWidget(self.back_button)

        self.columns = {method: MapColumn(method, self.looks) for method in METHODS}
        self.legend = ClampedLabel(lines=3)
        self.looks.font(self.legend, theme.BASE_POINT_SIZE)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.looks.text(self.legend.setText, QT_TR_NOOP("Colours: dark matters little, bright yellow matters most."))
        self.layer_combo = QComboBox()
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.looks.text(self.layer_combo.setToolTip, QT_TR_NOOP(
            "The layer whose feature maps Grad-CAM weighs: early layers show small details, the last "
            "convolution the parts that decide the class."))
        self.layer_label = QLabel()
        self.looks.text(self.layer_label.setText, QT_TR_NOOP("Layer:"))
        layer_row = QHBoxLayout()
        layer_row.addWidget(self.layer_label)
        layer_row.addWidget(self.layer_combo)
        layer_row.addStretch(1)
        self.window_spin, self.stride_spin = QSpinBox(), QSpinBox()
        for spin, tip in ((self.window_spin, QT_TR_NOOP("The grey square's side, in the network's pixels.")),
                          (self.stride_spin, QT_TR_NOOP("How far the square moves between two places, in pixels."))):
            spin.setRange(1, 64)
            spin.setKeyboardTracking(False)  # typing "12" asks once, for 12, not for 1 first
            self.looks.text(spin.setToolTip, tip)
        self.window_spin.setValue(6)
        self.stride_spin.setValue(2)
        self.window_label, self.stride_label = QLabel(), QLabel()
        self.looks.text(self.window_label.setText, QT_TR_NOOP("Square:"))
        self.looks.text(self.stride_label.setText, QT_TR_NOOP("Step:"))
        spins = QHBoxLayout()
        for widget in (self.window_label, self.window_spin, self.stride_label, self.stride_spin):
            spins.addWidget(widget)
        spins.addStretch(1)
        self.run_button, self.stop_button = QPushButton(), QPushButton()
        self.looks.text(self.run_button.setText, QT_TR_NOOP("Run occlusion"))
        self.looks.text(self.run_button.setToolTip, QT_TR_NOOP(
            "Slide the grey square over the image again. It runs by itself when the image, the network, the class "
            "or the square changes; while the network trains it keeps its last map, so press this for a new one."))
        self.looks.text(self.stop_button.setText, QT_TR_NOOP("Stop"))
        self.looks.text(self.stop_button.setToolTip, QT_TR_NOOP("Stop the square where it is."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)

        self.bars = ClassBars()
        self.bars_title = QLabel()
        self.bars_title.setWordWrap(True)
        self.looks.text(self.bars_title.setText, QT_TR_NOOP("Click a class to explain it:"))
        self.looks.text(self.bars.setToolTip, QT_TR_NOOP(
            "The network's answer for this image. Click a class to see where the network looks for it.\n"
            "▶ the class explained, ★ the network's answer."))
        self.side = QWidget()  # as narrow as the bars: the maps get the room
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.bars_title)
        side.addWidget(self.bars, 1)
        side.addWidget(self.opacity_label)
        side.addWidget(self.opacity)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        for index, method in enumerate(METHODS):
            column = self.columns[method]
            for row, widget in enumerate((column.title, column.picture, column.bar, column.sentence)):
                grid.addWidget(widget, row, index)
            grid.setColumnStretch(index, 1)
        grid.setRowStretch(1, 1)
        grid.addWidget(self.legend, 4, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(layer_row, 4, 1)
        grid.addLayout(spins, 4, 2)
        grid.addLayout(buttons, 5, 2)
        grid.addWidget(self.side, 0, len(METHODS), 6, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addLayout(grid, 1)

        self.base: np.ndarray | None = None  # the image as the network sees it, H×W×3 in 0..1
        self.grey = 0.5  # the occlusion square's fill, as a grey level of the shown image
        self.reference = None  # an Attribution of the image on screen: its input, probabilities and class explained
        self.cheap: tuple = (None, None)  # (gradient Attribution, Grad-CAM Attribution), either None
        self.occlusion = None  # the finished occlusion Attribution, or None
        self.occlusion_words: tuple = ("", ())  # what the occlusion column says while it runs or after a stop
        self.occlusion_error = ""  # a sentence refusing the last occlusion (a window too large)
        self.opacity.valueChanged.connect(self._on_opacity)
        self._fit_side()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        """No: its wrapped labels have fixed heights, and a scroll area that asked would make the view as tall
        as its preferred size (a scroll bar at 1024×768) instead of the room there is."""
        return False

    # ------------------------------------------------------------------ filling
    @property
    def opacity_value(self) -> float:
        return self.opacity.value() / 100.0

    def set_reference(self, attribution, info) -> None:
        """The image, the probabilities and the class explained, from any one of the maps (they share them)."""
        preprocessing = preprocessing_of(info)
        self.base = shown_input(attribution.input, preprocessing.mean, preprocessing.std)
        self.grey = float(np.clip(np.mean(preprocessing.mean), 0.0, 1.0))  # baseline 0 is the mean pixel
        self.reference = attribution
        self.bars.show_probs(attribution.class_names, attribution.probs, attribution.target)
        self._fit_side()
        self.back_button.setEnabled(True)

    def show_cheap(self, gradient, gradcam, layers: tuple[str, ...], layer: str, info) -> None:
        """The gradient and Grad-CAM maps (Attributions; either may be None), the layers Grad-CAM can use and
        the one it used."""
        self.set_reference(gradient if gradient is not None else gradcam, info)
        self.cheap = (gradient, gradcam)
        self.fill_layers(layers, layer)
        for method, attribution in (("gradient", gradient), ("gradcam", gradcam)):
            self.columns[method].show_map(self.base, None if attribution is None else attribution.map,
                                          self.opacity_value)
        if self.occlusion is not None:
            self.columns["occlusion"].redraw(self.base, self.opacity_value)
        self.retranslate_dynamic()

    def fill_layers(self, layers: tuple[str, ...], layer: str) -> None:
        self.layer_combo.blockSignals(True)
        if tuple(self.layer_combo.itemText(i) for i in range(self.layer_combo.count())) != tuple(layers):
            self.layer_combo.clear()
            self.layer_combo.addItems(list(layers))
        self.layer_combo.setCurrentIndex(max(0, list(layers).index(layer)) if layer in layers else -1)
        self.layer_combo.setEnabled(bool(layers))
        self.layer_combo.blockSignals(False)

    def show_occlusion_progress(self, values: np.ndarray, covered: np.ndarray, square, done: int, total: int) -> None:
        """The occlusion map so far (the mean drop over the places visited), with the square where it is now."""
        if self.base is None or values.shape != self.base.shape[:2]:
            return
        self.occlusion, self.occlusion_error = None, ""
        column = self.columns["occlusion"]
        column.show_map(self.base, values, self.opacity_value, covered)
        column.picture.set_square(square, self.grey)
        self.occlusion_words = (QT_TR_NOOP("The grey square slides over the image: {0} of {1} places."),
                                (done, total))
        self._say_occlusion()

    def show_occlusion(self, attribution, stopped: tuple[int, int] | None = None) -> None:
        """The finished occlusion map; or, with `stopped` (done, total), the square halted where it was."""
        column = self.columns["occlusion"]
        if stopped is not None:
            column.picture.set_square(None)
            self.occlusion_words = (QT_TR_NOOP("Stopped after {0} of {1} places."),
                                    stopped)
            self._say_occlusion()
            return
        self.occlusion, self.occlusion_error = attribution, ""
        self.occlusion_words = ("", ())
        if self.base is None or attribution.map.shape != self.base.shape[:2]:
            return  # a newer image is on screen; its own occlusion follows
        column.show_map(self.base, attribution.map, self.opacity_value)
        column.picture.set_square(None)
        self._say_occlusion()

    def say_error(self, method: str, sentence: str) -> None:
        """One sentence in place of `method`'s explanation (a bad window, a network without convolutions)."""
        if method == "occlusion":  # kept until the square moves again: a later redraw must not hide it
            self.occlusion_words = ("", ())
            self.occlusion_error = sentence
        self.columns[method].say(sentence, error=True)

    # ------------------------------------------------------------------ texts
    def retranslate_dynamic(self) -> None:
        self.bars.update()  # its class names, in the new language
        if self.reference is None:
            self.explaining.setText(self.tr("Load an image to see where the network looks."))
            return
        reference = self.reference
        name = shown_name(reference.target_name)
        answer = int(np.argmax(reference.probs))
        if answer == reference.target:
            self.explaining.setText(self.tr("Why {0}? The maps explain the network's answer.").format(name))
        else:
            self.explaining.setText(self.tr("Where does the network see {0}? (Its answer is {1}.)").format(
                name, shown_name(reference.class_names[answer])))
        gradient, gradcam = self.cheap
        if gradient is not None:
            self.columns["gradient"].say(self.tr(
                "Bright: a tiny change here moves the score for {0} most.").format(name))
            self._say_bar("gradient", gradient.map)
        if gradcam is not None:
            if float(np.max(gradcam.map)) > 0:
                self.columns["gradcam"].say(self.tr(
                    "Bright: where the maps of layer {1} push the score for {0} up.").format(name, gradcam.layer))
            else:
                self.columns["gradcam"].say(self.tr(
                    "Nothing in the maps of layer {1} pushes the score for {0} up.").format(name, gradcam.layer))
            self._say_bar("gradcam", gradcam.map)
        self._say_occlusion()

    def _say_bar(self, method: str, values: np.ndarray) -> None:
        self.columns[method].bar.set_texts("0", translate(CAPTIONS[method]), short(map_top(values)))

    def _say_occlusion(self) -> None:
        column = self.columns["occlusion"]
        words, values = self.occlusion_words
        if self.occlusion_error:
            column.say(self.occlusion_error, error=True)
        elif words:
            column.say(translate(words).format(*values))
        elif self.occlusion is not None:
            top = float(np.max(self.occlusion.map))
            name = shown_name(self.occlusion.target_name)
            if top > 0:
                column.say(self.tr("Where the grey square hides bright pixels, the score for {0} drops most "
                                   "(by up to {1}).").format(name, short(top)))
            else:
                column.say(self.tr("Covering any part of the image does not lower the score for {0}.").format(name))
        if column.values is not None:
            self._say_bar("occlusion", column.values)

    def rezoom(self) -> None:
        for column in self.columns.values():
            column.bar.rezoom()
        self.bars.rezoom()
        self._fit_side()

    def _fit_side(self) -> None:
        self.side.setFixedWidth(max(self.bars.sizeHint().width(), self.opacity_label.sizeHint().width(),
                                    self.fontMetrics().horizontalAdvance("m" * 10)))

    def _on_opacity(self, _value: int) -> None:
        self.redraw_maps()

    def redraw_maps(self) -> None:
        """Every map again over the image, at the slider's strength."""
        if self.base is None:
            return
        for column in self.columns.values():
            if column.levels is not None:
                column.redraw(self.base, self.opacity_value)

