"""ConvTab, the convolution lab: bring an image, and see what a trained CNN and a single kernel make of it.

Images come from the samples, a file, the clipboard, a drop or the drawing canvas; all
become a `LoadedImage` (core.data.images), which core.cnn.analysis turns into a FeatureRecord for
the chosen model. The tab draws that record in a CNNView and hands the image to the
KernelPlayground. A refused image or model is one sentence in the message line; the
image, the maps and the prediction on screen stay as they were.

The forward pass of these small models takes a few milliseconds, so it runs here on
the GUI thread; that keeps the drawing canvas's live prediction simple.

Below the views, the training panel trains a network live in a worker thread
(gui/convolution/live_training.py). While it runs, the network list has one more entry, the
network in training, and each report's weights redraw the current image's maps.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QFrame, QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from core.data.images import LoadedImage, decode_image, from_array, load_image
from core.data.sample_images import sample_image, sample_names
from core.errors import GlassboxError, ImageLoadError
from core.cnn.analysis import DEFAULT_MODEL, analyse, inverts, open_model, preprocessing_of, suggested_model
from core.nets.cnn import cnn_spec
from core.nets.model_store import available_models, read_model_info
from gui.style import theme
from gui.convolution.training_panel import CnnTrainingPanel
from gui.convolution.cnn_view import CNNView
from gui.convolution.live_training import LiveTraining
from gui.convolution.sources import (ERROR_STYLE, INFO_STYLE, OPEN_FILTER, SourceStrip, can_load, image_from_mime,
                                    image_from_qimage)
from gui.convolution.kernel_playground import KernelPlayground
from gui.convolution.drawing_canvas import DrawingCanvas

DEFAULT_SAMPLE = "digit 7"
PREVIEW_SIDE = 220
CAPTION_WIDTH = PREVIEW_SIDE + 90
DRAWING_NAME = "your drawing"
LIVE_MODEL = "(training)"  # the network list's key for the network in training: never a file name


class ConvTab(QWidget):
    """The "Convolution" tab: image sources on top and at the left, the network and the playground on the right."""

    def __init__(self, settings: QSettings | None = None, models_dir: str | os.PathLike | None = None,
                 parent: QWidget | None = None, cache_dir: str | os.PathLike | None = None):
        super().__init__(parent)
        self.settings = settings
        self.models_dir = models_dir
        self._live_title = ""
        self.image: LoadedImage | None = None
        self.record = None
        self.model_name = ""
        self.source = ""  # "sample", "file", "clipboard", "drop", "drawing"
        self._models: dict = {}  # name -> (model, info), loaded once
        self._playground_stale = False
        self.setAcceptDrops(True)

        self.strip = SourceStrip(sample_names())
        self.message = QLabel("")
        self.message.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE, bold=True))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setToolTip(self.tr("How the image was prepared for the network, and what the network says"))
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_SIDE, PREVIEW_SIDE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet(f"border: 2px solid {theme.GREY}; background: white;")
        self.preview.setToolTip(self.tr("The image as loaded. Drop a file here, or anywhere on the window."))
        self.caption = QLabel("")
        self.caption.setFont(theme.font(theme.PLOT_TICK_POINT_SIZE))
        self.caption.setFixedWidth(CAPTION_WIDTH)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.canvas = DrawingCanvas()
        self.canvas.setToolTip(self.tr("Draw a digit: the prediction and every map follow your pen."))
        draw_title = QLabel(self.tr("…or draw a digit:"))
        draw_title.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE, bold=True))
        image_title = QLabel(self.tr("Your image"))
        image_title.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE, bold=True))

        self.cnn_view = CNNView()
        self.cnn_view.graphics.setAcceptDrops(False)  # drops go to the tab, which loads them
        self.playground = KernelPlayground()
        self.views = QTabWidget()
        self.views.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE))
        self.views.addTab(self.cnn_view, self.tr("What the network sees"))
        # Scrolled: the playground needs about 1200 px, which must not set the whole window's minimum width.
        self.views.addTab(_scrolled(self.playground), self.tr("Kernel playground"))
        self.views.setTabToolTip(0, self.tr("Every layer's feature maps and the class probabilities"))
        self.views.setTabToolTip(1, self.tr("Slide one kernel over the image by hand, with ReLU and pooling"))

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(image_title)
        column.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(8)
        column.addWidget(draw_title)
        column.addWidget(self.canvas, 1)
        side.setMaximumWidth(CAPTION_WIDTH + 30)
        self.training = CnnTrainingPanel(settings, cache_dir)
        # No reference back to the tab: a cycle through Qt objects lets Python's garbage collector delete
        # widgets at a random moment, even in the middle of another widget's paint event.
        self.live = LiveTraining(self.training, models_dir, cache_dir, self)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.views)
        self.right.addWidget(self.training)
        self.right.setStretchFactor(0, 4)
        self.right.setStretchFactor(1, 1)
        self.right.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(_scrolled(side, horizontal=False))
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

        self.strip.sample_chosen.connect(self.load_sample)
        self.strip.open_requested.connect(self.open_dialog)
        self.strip.paste_requested.connect(self.paste)
        self.strip.model_chosen.connect(self.set_model)
        self.canvas.drawing_changed.connect(self._on_drawing_changed)
        self.views.currentChanged.connect(self._on_view_changed)
        self.live.network_started.connect(self._on_live_network)
        self.live.weights_changed.connect(self._on_live_weights)
        self.live.saved.connect(self._on_model_saved)
        self._fill_models()
        self._say(self.tr("Choose a sample, open or paste an image, drop a file here, or draw a digit."))

    # ------------------------------------------------------------------ public: images
    def load_path(self, path: str | os.PathLike) -> bool:
        """Load an image file; False (with the reason in the message line) if it cannot be read."""
        return self._try_image(lambda: load_image(path), "file")

    def load_bytes(self, data: bytes, name: str = "image") -> bool:
        return self._try_image(lambda: decode_image(data, name=name), "file")

    def load_qimage(self, image: QImage, name: str = "pasted image") -> bool:
        return self._try_image(lambda: image_from_qimage(image, name), "clipboard")

    def load_mime(self, mime, where: str = "dropped") -> bool:
        """A drop's or the clipboard's contents: a file, a link to one, image bytes or an image."""
        return self._try_image(lambda: image_from_mime(mime, where), "clipboard" if where == "clipboard" else "drop")

    def load_sample(self, name: str) -> bool:
        """One of core.data.sample_images; switches to the model trained on such pictures, if any."""
        suggested = suggested_model(name)
        if suggested and suggested != self.model_name and suggested in self._model_names():
            self.set_model(suggested, analyse_now=False)
        loaded = self._try_image(lambda: from_array(sample_image(name), name), "sample")
        if loaded:
            self.strip.show_sample(name)
            self._remember("conv/sample", name)
        return loaded

    @Slot()
    def paste(self) -> bool:
        """Ctrl+V: the clipboard's image, or the image file it holds."""
        return self.load_mime(QGuiApplication.clipboard().mimeData(), "clipboard")

    @Slot()
    def open_dialog(self) -> bool:
        folder = str(self.settings.value("files/last_image_folder", "")) if self.settings is not None else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Image"), folder, self.tr(OPEN_FILTER))
        if not path:
            return False
        self._remember("files/last_image_folder", os.path.dirname(path))
        return self.load_path(path)

    # ------------------------------------------------------------------ public: model and views
    @Slot(str)
    def set_model(self, name: str, analyse_now: bool = True) -> bool:
        """Look at the image with model `name`; on failure the previous model stays chosen."""
        try:
            self._load_model(name)
        except GlassboxError as error:
            self.strip.show_model(self.model_name)
            self._say(str(error), error=True)
            return False
        self.model_name = name
        self.strip.show_model(name)
        if name != LIVE_MODEL:  # the network in training is gone after a restart
            self._remember("conv/model", name)
        if analyse_now and self.image is not None:
            self._analyse()
        return True

    def show_network(self) -> None:
        self.views.setCurrentWidget(self.cnn_view)

    def show_playground(self) -> None:
        self.views.setCurrentIndex(1)

    def shutdown(self) -> None:
        """Stop the training thread, if one was started (the window calls this on close)."""
        self.live.shutdown()

    def message_text(self) -> str:
        return self.message.text()

    def message_is_error(self) -> bool:
        return self.message.property("error") is True

    # ------------------------------------------------------------------ Qt events
    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.image is None:  # the first look at the tab: start with a picture, not an empty page
            saved = str(self.settings.value("conv/sample", DEFAULT_SAMPLE)) if self.settings is not None else ""
            self.load_sample(saved if saved in sample_names() else DEFAULT_SAMPLE)
        elif self.model_name == LIVE_MODEL:  # training went on while another tab was shown
            self._analyse()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if can_load(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if can_load(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        event.acceptProposedAction()
        self.load_mime(event.mimeData(), "dropped")

    # ------------------------------------------------------------------ internals
    def _fill_models(self) -> None:
        names = self._model_names()
        descriptions, labels = {}, {}
        for name in names:
            if name == LIVE_MODEL:
                labels[name] = self.tr("training: {0}").format(self._live_title)
                descriptions[name] = self.tr("The network being trained below, as it is right now")
                continue
            try:
                descriptions[name] = cnn_spec(read_model_info(name, self.models_dir).architecture).description
            except GlassboxError as error:
                descriptions[name] = str(error)
        self.strip.set_models(names, descriptions, labels)
        if not names:
            return
        if self.model_name in names:
            self.strip.show_model(self.model_name)
            return
        saved = str(self.settings.value("conv/model", "")) if self.settings is not None else ""
        # Chosen, not loaded: the weights are read when the first image is analysed.
        self.model_name = next(name for name in (saved, DEFAULT_MODEL, names[0]) if name in names)
        self.strip.show_model(self.model_name)

    def _model_names(self) -> list[str]:
        return available_models(self.models_dir) + ([LIVE_MODEL] if LIVE_MODEL in self._models else [])

    def _load_model(self, name: str):
        if name not in self._models:
            self._models[name] = open_model(name, self.models_dir)
        return self._models[name]

    def _try_image(self, make, source: str) -> bool:
        try:
            image = make()
        except ImageLoadError as error:
            self._say(str(error), error=True)
            return False
        self.image, self.source = image, source
        if source != "sample":
            self.strip.show_sample("")
        self._show_preview(image)
        self._playground_stale = True
        # The playground redoes every window position; mid-stroke it waits for the pen to lift.
        if self.views.currentIndex() == 1 and not (source == "drawing" and self.canvas.drawing):
            self._update_playground()
        self._analyse()
        return True

    def _analyse(self) -> None:
        """Run the current image through the current model and draw the record; errors keep the last one."""
        if self.image is None:
            return
        if not self.model_name:
            self._say(self.tr("{0} is loaded, but no trained network is installed: run scripts/train_models.py "
                              "to create the digits and shapes models (the kernel playground works without one).")
                      .format(self.image.name), error=True)
            return
        try:
            model, info = self._load_model(self.model_name)
            record = analyse(model, info, self.image)
        except GlassboxError as error:
            self._say(str(error), error=True)
            return
        self.record = record
        shown = (self.tr("the network in training on {0}").format(self._live_title) if self.model_name == LIVE_MODEL
                 else self.tr("the {0} network").format(self.model_name))
        self.cnn_view.set_title(self.tr("What {0} makes of {1}").format(shown, self.image.name))
        self.cnn_view.show_record(record)
        self._say(self._describe(info))

    def _describe(self, info) -> str:
        p = preprocessing_of(info)
        width, height = self.image.original_size
        steps = [self.tr("{0} ({1}×{2})").format(self.image.name, width, height)]
        if p.channels == 1:
            steps.append(self.tr("made grey"))
        if inverts(self.image, info):
            steps.append(self.tr("dark and light swapped"))
        if p.digit_box is not None:
            steps.append(self.tr("ink centred in {0}×{1}").format(*p.size[::-1]))
        else:
            steps.append(self.tr("shrunk to {0}×{1}").format(*p.size[::-1]))
        steps.append(self.tr("it's {0} ({1:.0%})").format(self.record.top_class_name,
                                                          float(self.record.probs[self.record.top_class])))
        return " → ".join(steps)

    def _show_preview(self, image: LoadedImage) -> None:
        pixels = np.ascontiguousarray(image.pixels)
        height, width = pixels.shape[:2]
        qimage = QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
        pixmap = QPixmap.fromImage(qimage).scaled(PREVIEW_SIDE - 8, PREVIEW_SIDE - 8,
                                                  Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pixmap)
        width, height = image.original_size
        size = self.tr(" · {0} × {1} px").format(width, height)
        metrics = self.caption.fontMetrics()
        name = metrics.elidedText(image.name, Qt.TextElideMode.ElideMiddle,
                                  CAPTION_WIDTH - metrics.horizontalAdvance(size) - 4)
        self.caption.setText(name + size)
        self.caption.setToolTip(image.name)

    def _update_playground(self) -> None:
        if self.image is not None and self._playground_stale:
            self.playground.set_image(self.image)
            self._playground_stale = False

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)

    def _remember(self, key: str, value: str) -> None:
        if self.settings is not None:
            self.settings.setValue(key, value)

    @Slot()
    def _on_drawing_changed(self) -> None:
        if self.canvas.is_empty() and self.source != "drawing":
            return  # clearing an unused sheet must not replace a photo
        if self.source != "drawing" and self.model_name != "digits" and "digits" in self._model_names():
            self.set_model("digits", analyse_now=False)
        self._try_image(lambda: from_array(self.canvas.image(), DRAWING_NAME), "drawing")

    @Slot(object, object, str)
    def _on_live_network(self, model, info, title: str) -> None:
        """A training run has its data and its starting weights: show it in place of the chosen model."""
        self._models[LIVE_MODEL] = (model, info)
        self._live_title = title
        self._fill_models()
        self.set_model(LIVE_MODEL)

    @Slot()
    def _on_live_weights(self) -> None:
        if self.model_name == LIVE_MODEL and self.image is not None and self.isVisible():
            self._analyse()

    @Slot(str)
    def _on_model_saved(self, name: str) -> None:
        self._models.pop(name, None)  # a model saved over an older one of that name is read again
        self._fill_models()

    @Slot(int)
    def _on_view_changed(self, index: int) -> None:
        if index == 1:  # the kernel playground
            self._update_playground()


def _scrolled(widget: QWidget, horizontal: bool = True) -> QScrollArea:
    """`widget` in a frameless scroll area that gives it all the room there is, and scrolls when it is too small."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if not horizontal:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(widget.minimumSizeHint().width() + 16)
    return area
