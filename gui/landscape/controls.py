"""The Landscape tab's controls: the left column (surface, optimizers, settings) and the playback row.

Like the setupUi(form) that Qt Designer writes, `build_controls(view)` and `build_playback(view)` make the
widgets, store them as the view's attributes (view.lr_slider, view.checkboxes, view.play_button, ...) and
connect them to the view's handlers; the view keeps all the behaviour. Their words are bound through
`view.texts` (context "LandscapeView") and set again on every language change.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QSizePolicy, QSlider, QSpinBox, QVBoxLayout, QWidget)

from core.landscape.surfaces import KAPPA_RANGE, SURFACES
from core.optimizers import OPTIMIZERS
from gui.landscape.panels import style_icon
from gui.landscape.state import DEFAULT_OPTIMIZERS, DEFAULT_SURFACE, STEPS_RANGE
from gui.style.clock import MAX_SPEED, MIN_SPEED
from gui.style.zoom import ZOOM

LR_RANGE = (1e-5, 2.0)
TICKS_PER_DECADE = 100
COLUMN_WIDTH = 250  # at 100%: the map keeps the room on a 1024×768 projector
# The surfaces' names and notes (core.landscape.surfaces, word for word), for translation.
SURFACE_WORDS = (
    QT_TRANSLATE_NOOP("Surfaces", "Convex bowl"), QT_TRANSLATE_NOOP("Surfaces", "Rosenbrock"),
    QT_TRANSLATE_NOOP("Surfaces", "Himmelblau"), QT_TRANSLATE_NOOP("Surfaces", "Saddle"),
    QT_TRANSLATE_NOOP("Surfaces", "Beale"), QT_TRANSLATE_NOOP("Surfaces", "Six-hump camel"),
    QT_TRANSLATE_NOOP("Surfaces", "Plateau and narrow valley"),
    QT_TRANSLATE_NOOP("Surfaces", "The condition number κ stretches the bowl; SGD zigzags across it and momentum "
                                  "smooths the zigzag."),
    QT_TRANSLATE_NOOP("Surfaces", "A curved, nearly flat valley: finding it is easy, following it to (1, 1) is slow."),
    QT_TRANSLATE_NOOP("Surfaces", "Four minima of equal depth: where you start and how you step decide which one "
                                  "you reach."),
    QT_TRANSLATE_NOOP("Surfaces", "Downhill in x leads to a point that is uphill nowhere and downhill only in y: "
                                  "a saddle."),
    QT_TRANSLATE_NOOP("Surfaces", "Steep walls and flat arms: step sizes that suit one region fail in another."),
    QT_TRANSLATE_NOOP("Surfaces", "Six minima, two of them global: a local minimum is a real trap for gradient "
                                  "descent."),
    QT_TRANSLATE_NOOP("Surfaces", "On the plateau the gradient is almost zero, so SGD stalls; Adam rescales it and "
                                  "finds the valley."),
)


def surface_words(text: str) -> str:
    """A surface's title ("Convex bowl (κ = 10)") or note in the current language; the formula part stays."""
    from gui.training.looks import translate

    head, bracket, tail = text.partition(" (")
    return translate("Surfaces", head) + (bracket + tail if bracket else "")


def log_slider(low: float, high: float) -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, round(math.log10(high / low) * TICKS_PER_DECADE))
    slider.setMinimumWidth(60)
    return slider


def from_log_slider(position: int, low: float) -> float:
    return low * 10 ** (position / TICKS_PER_DECADE)


def to_log_slider(value: float, low: float) -> int:
    return round(math.log10(value / low) * TICKS_PER_DECADE)


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def build_controls(view) -> QWidget:
    """The column of controls, connected to `view`'s handlers; its widgets become `view`'s attributes."""
    texts = view.texts
    panel = QWidget()
    panel.setFixedWidth(ZOOM.px(COLUMN_WIDTH))
    column = QVBoxLayout(panel)
    column.setContentsMargins(0, 0, 4, 0)

    surface_box = QGroupBox()
    texts.bind(surface_box.setTitle, QT_TRANSLATE_NOOP("LandscapeView", "Surface"))
    form = _form(surface_box)
    view.surface_combo = QComboBox()
    view.surface_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    view.surface_combo.setMinimumContentsLength(10)
    for name, item in SURFACES.items():
        view.surface_combo.addItem(item.title.split(" (")[0], name)
    view.surface_combo.setCurrentIndex(list(SURFACES).index(DEFAULT_SURFACE))
    texts.bind(view.surface_combo.setToolTip,
               QT_TRANSLATE_NOOP("LandscapeView", "The loss function the optimizers walk across"))
    view.surface_combo.currentIndexChanged.connect(view._on_surface_chosen)
    form.addRow(view.surface_combo)
    view.kappa_slider = log_slider(*KAPPA_RANGE)
    view.kappa_slider.setValue(to_log_slider(view.kappa, KAPPA_RANGE[0]))
    texts.bind(view.kappa_slider.setToolTip, QT_TRANSLATE_NOOP(
        "LandscapeView", "How stretched the bowl is: its steepest over its flattest curvature"))
    view.kappa_slider.valueChanged.connect(view._on_kappa_moved)
    view.kappa_slider.sliderReleased.connect(view._on_kappa_released)
    view.kappa_label = QLabel()
    form.addRow(view.kappa_label, view.kappa_slider)
    column.addWidget(surface_box)

    optimizer_box = QGroupBox()
    texts.bind(optimizer_box.setTitle, QT_TRANSLATE_NOOP("LandscapeView", "Optimizers"))
    boxes = QVBoxLayout(optimizer_box)
    boxes.setSpacing(2)
    view.checkboxes: dict[str, QCheckBox] = {}
    for name, label in OPTIMIZERS.items():
        box = QCheckBox(label)
        box.setIcon(style_icon(name))
        box.setIconSize(QSize(48, 24))
        box.setChecked(name in DEFAULT_OPTIMIZERS)
        texts.bind(box.setToolTip, QT_TRANSLATE_NOOP("LandscapeView", "Race {0} from the start point"), label)
        box.toggled.connect(view._on_setting_changed)
        boxes.addWidget(box)
        view.checkboxes[name] = box
    column.addWidget(optimizer_box)

    settings_box = view.settings_box = QGroupBox()
    texts.bind(settings_box.setTitle, QT_TRANSLATE_NOOP("LandscapeView", "Settings"))
    form = _form(settings_box)
    view.lr_slider = log_slider(*LR_RANGE)
    texts.bind(view.lr_slider.setToolTip,
               QT_TRANSLATE_NOOP("LandscapeView", "The learning rate: the length of each step downhill"))
    view.lr_slider.valueChanged.connect(view._on_lr_moved)
    view.lr_label = QLabel()
    form.addRow(view.lr_label)
    form.addRow(view.lr_slider)
    view.momentum_slider = QSlider(Qt.Orientation.Horizontal)
    view.momentum_slider.setRange(0, 99)
    view.momentum_slider.setValue(round(view.momentum * 100))
    texts.bind(view.momentum_slider.setToolTip,
               QT_TRANSLATE_NOOP("LandscapeView", "How much of the last step Momentum and Nesterov keep"))
    view.momentum_slider.valueChanged.connect(view._on_momentum_moved)
    view.momentum_label = QLabel()
    form.addRow(view.momentum_label)
    form.addRow(view.momentum_slider)
    view.steps_spin = QSpinBox()
    view.steps_spin.setRange(*STEPS_RANGE)
    view.steps_spin.setSingleStep(50)
    view.steps_spin.setValue(view.steps)
    texts.bind(view.steps_spin.setToolTip, QT_TRANSLATE_NOOP("LandscapeView", "How many steps each optimizer takes"))
    view.steps_spin.valueChanged.connect(view._on_steps_changed)
    steps_label = QLabel()
    texts.bind(steps_label.setText, QT_TRANSLATE_NOOP("LandscapeView", "steps"))
    form.addRow(steps_label, view.steps_spin)
    view.arrows_box = QCheckBox()
    texts.bind(view.arrows_box.setText, QT_TRANSLATE_NOOP("LandscapeView", "show arrows"))
    texts.bind(view.arrows_box.setToolTip, QT_TRANSLATE_NOOP(
        "LandscapeView", "Show the downhill direction and the momentum at each optimizer"))
    view.arrows_box.toggled.connect(view._on_arrows_toggled)
    form.addRow(view.arrows_box)
    view.arrows_key = QLabel()
    view.arrows_key.setWordWrap(True)
    texts.bind(view.arrows_key.setText, QT_TRANSLATE_NOOP(
        "LandscapeView", "solid arrow: downhill (−gradient)\ndashed arrow: momentum"))
    form.addRow(view.arrows_key)
    column.addWidget(settings_box)
    column.addStretch(1)
    return panel


def build_playback(view) -> QWidget:
    """Reset, back, play, step and the speed, in one row under the map: always on screen, even at 1024×768."""
    texts = view.texts
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    buttons = [(QT_TRANSLATE_NOOP("LandscapeView", "Reset"), QT_TRANSLATE_NOOP("LandscapeView", "Back to the start point"),
                view.reset),
               (QT_TRANSLATE_NOOP("LandscapeView", "◀ Back"), QT_TRANSLATE_NOOP("LandscapeView", "One step back"),
                view.back),
               (QT_TRANSLATE_NOOP("LandscapeView", "▶ Play"), QT_TRANSLATE_NOOP("LandscapeView", "Play or pause the race"),
                view.toggle),
               (QT_TRANSLATE_NOOP("LandscapeView", "Step ▶"), QT_TRANSLATE_NOOP("LandscapeView", "One step forward"),
                view.step)]
    view.playback_buttons = []
    for text, tip, slot in buttons:
        button = QPushButton()
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        if text != buttons[2][0]:  # Play's text says Play or Pause: the view sets it
            texts.bind(button.setText, text)
        texts.bind(button.setToolTip, tip)
        button.clicked.connect(slot)
        line.addWidget(button)
        view.playback_buttons.append(button)
    view.play_button = view.playback_buttons[2]
    view.speed_slider = log_slider(MIN_SPEED, MAX_SPEED)
    view.speed_slider.setValue(to_log_slider(1.0, MIN_SPEED))
    view.speed_slider.setMaximumWidth(ZOOM.px(160))
    texts.bind(view.speed_slider.setToolTip, QT_TRANSLATE_NOOP("LandscapeView", "Playback speed, from 0.1× to 10×"))
    view.speed_slider.valueChanged.connect(view._on_speed_moved)
    view.speed_label = QLabel()
    line.addSpacing(8)
    line.addWidget(view.speed_label)
    line.addWidget(view.speed_slider)
    line.addStretch(1)
    return row


def retranslate(view) -> None:
    """The view's words in the current language and its sizes at the current zoom (LandscapeView.retranslate)."""
    from gui.landscape.panels import HEAD_SIZE, PATH_WIDTH
    from gui.style import theme
    from gui.training.looks import PRESENTING_SCALE, font, style_plot, translate

    scale = PRESENTING_SCALE if view.presenting else 1.0
    view.setFont(font(theme.BASE_POINT_SIZE + 2))
    view.title.setFont(font(theme.TITLE_POINT_SIZE, bold=True, scale=scale))
    for label in (view.note, view.banner):
        label.setFont(font(theme.PLOT_LABEL_POINT_SIZE, scale=scale))
    view.step_label.setFont(font(theme.TITLE_POINT_SIZE, bold=True, scale=scale))
    busy = font(theme.TITLE_POINT_SIZE, scale=scale)
    busy.setItalic(True)
    view.busy_label.setFont(busy)
    view.arrows_key.setFont(font(theme.BASE_POINT_SIZE))
    view.controls.setFixedWidth(ZOOM.px(COLUMN_WIDTH))
    scrollbar = view.controls_area.verticalScrollBar().sizeHint().width()
    view.controls_area.setFixedWidth(view.controls.width() + scrollbar)
    view.speed_slider.setMaximumWidth(ZOOM.px(160))
    style_plot(view.map.getPlotItem(), "x", "y", scale=scale)
    view.map.head_size = ZOOM.px(HEAD_SIZE * scale)
    view.map.set_path_width(ZOOM.px(PATH_WIDTH * scale))
    view.map.start_marker.setSize(ZOOM.px(30 * scale))
    view.map.minima.setSize(ZOOM.px(18 * scale))
    view.table.restyle(scale)
    view.splitter.setMinimumHeight(ZOOM.px(200))  # the map first; the table scrolls when the room runs out
    if view.missing_3d is not None:
        view.missing_3d.setFont(font(theme.PLOT_LABEL_POINT_SIZE))
    view.texts.refresh()
    for index in range(view.surface_combo.count()):
        view.surface_combo.setItemText(
            index, surface_words(SURFACES[view.surface_combo.itemData(index)].title.split(" (")[0]))
    view.title.setText(f"{surface_words(view.surface.title)}:   {view.surface.formula}")
    view.note.setText(surface_words(view.surface.note))
    view.busy_label.setText(translate("LandscapeView", QT_TRANSLATE_NOOP("LandscapeView", "computing the race…")))
    view.busy_label.setToolTip(translate("LandscapeView", QT_TRANSLATE_NOOP(
        "LandscapeView", "The new settings are racing; the paths shown are the previous ones.")))
    view.map.setToolTip(translate("LandscapeMap", QT_TRANSLATE_NOOP(
        "LandscapeMap", "Click anywhere on the map to start the race from there")))
    if view.missing_3d is not None:
        view.missing_3d.setText(translate("LandscapeView", view.missing_reason))
    if view.surface_3d is not None:
        view.surface_3d.widget.setToolTip(translate("LandscapeView", QT_TRANSLATE_NOOP(
            "LandscapeView", "Drag to rotate, scroll to zoom")))
    view.table.retranslate()
    view.play_button.setText(translate("LandscapeView", QT_TRANSLATE_NOOP("LandscapeView", "Pause")) if view.playing
                             else translate("LandscapeView", QT_TRANSLATE_NOOP("LandscapeView", "▶ Play")))


class Classroom:
    """LandscapeView's answers to a language switch, the zoom and presenter mode (mixed into the view)."""

    def retranslate(self) -> None:
        """Every word in the current language and every size at the current zoom; the race is not recomputed."""
        retranslate(self)
        self._update_labels()
        self._update_speed_label()
        self._redraw_step()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """A figure that hides the settings column (gui/snapshot.py) hides the playback row with it."""
        if watched is getattr(self, "controls_area", None) and not self.presenting:
            if event.type() == QEvent.Type.Hide:
                self.playback.hide()
            elif event.type() == QEvent.Type.Show:
                self.playback.show()
        return False

    def _on_zoom_changed(self, _factor: float) -> None:
        self.retranslate()

    def set_presenting(self, on: bool) -> None:
        """Presenter mode: the map and its caption large, the settings column away (playback stays)."""
        self.presenting = bool(on)
        self.controls_area.setVisible(not self.presenting)
        self.playback.show()
        if self.missing_3d is not None:  # no OpenGL: the map takes the room, not the excuse
            self.missing_3d.setVisible(self.shows_3d and not self.presenting)
        self.retranslate()
