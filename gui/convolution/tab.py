"""ConvTab, the convolution lab: bring an image, and see what a trained CNN and a single kernel make of it.

Images come from the samples, a file, the clipboard, a drop or the drawing canvas; all
become a `LoadedImage` (core.data.images), which core.cnn.analysis turns into a FeatureRecord for
the chosen model. The tab draws that record in a CNNView and hands the image to the
KernelPlayground. A refused image or model is one sentence in the message line; the
image, the maps and the prediction on screen stay as they were.

The forward pass runs in a worker thread (gui/convolution/analysis_worker.py), which
holds the torch models: every image change, model change, drawing stroke and training
report asks it for a FeatureRecord, the newest request wins, and the tab draws the answer.

Below the views, the training panel trains a network live in a worker thread
(gui/convolution/live_training.py). While it runs, the network list has one more entry, the
network in training, and each report's weights (numpy copies) redraw the current image's maps.

Everything the tab shows is a ConvolutionState (state.py): `state()` reads it, `apply_state()` restores it,
and `state_changed` reports it whenever the user changes it (a drawing when the pen lifts, the playground
where its animation stops); `apply_state` reports at most once.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QFrame, QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from core.data.images import LoadedImage, decode_image, from_array, load_image
from core.data.sample_images import sample_image, sample_names
from core.errors import GlassboxError, ImageLoadError
from core.cnn.analysis import DEFAULT_MODEL, check_model, inverts, preprocessing_of, suggested_model
from core.nets.cnn import cnn_spec
from core.nets.model_store import available_models, read_model_info
from gui.style import theme
from gui.convolution.training_panel import CnnTrainingPanel
from gui.convolution.cnn_view import CNNView
from gui.convolution.analysis_worker import LIVE_MODEL, AnalysisRunner, LiveNetwork
from gui.convolution.live_training import LiveTraining
from gui.convolution.sources import (ERROR_STYLE, INFO_STYLE, OPEN_FILTER, SourceStrip, can_load, image_from_mime,
                                    image_from_qimage)
from gui.convolution.kernel_playground import KernelPlayground
from gui.convolution.drawing_canvas import DrawingCanvas
from gui.convolution.state import DEFAULT_SAMPLE, VIEWS, ConvolutionState, ImageState
from gui.widgets.state_reporter import StateReporter

PREVIEW_SIDE = 220
CAPTION_WIDTH = PREVIEW_SIDE + 90
DRAWING_NAME = "your drawing"


class ConvTab(QWidget):
    """The "Convolution" tab: image sources on top and at the left, the network and the playground on the right."""

    state_changed = Signal(object)  # ConvolutionState, after the user changed what the tab shows

    def __init__(self, settings: QSettings | None = None, models_dir: str | os.PathLike | None = None,
                 parent: QWidget | None = None, cache_dir: str | os.PathLike | None = None, threaded: bool = True):
        super().__init__(parent)
        self.settings = settings
        self.models_dir = models_dir
        self._live_title = ""
        self.image: LoadedImage | None = None
        self.image_path = ""  # the file the image came from, when it came from one
        self.record = None
        self.model_name = ""
        self.source = ""  # "sample", "file", "clipboard", "drop", "drawing"
        self._infos: dict = {}  # name -> ModelInfo, checked once (the analysis worker opens the models)
        # threaded=False: each analysis is answered before the request returns (headless pictures, some tests).
        self.analysis = AnalysisRunner(models_dir, threaded, self)
        self._playground_stale = False
        self._states = StateReporter(self.state, self.state_changed.emit)  # state_changed, once per change
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
        self.analysis.analysed.connect(self._on_analysed)
        self.analysis.refused.connect(self._on_analysis_refused)
        self.analysis.failed.connect(self._on_analysis_failed)
        self.live.saved.connect(self._on_model_saved)
        for signal in (self.canvas.pen_box.valueChanged, self.cnn_view.normalisation_changed,
                       self.cnn_view.detail_changed, self.playground.changed, self.training.changed):
            signal.connect(self._report_state)
        self._fill_models()
        self._say(self.tr("Choose a sample, open or paste an image, drop a file here, or draw a digit."))
        self._states.start()

    # ------------------------------------------------------------------ public: images
    def load_path(self, path: str | os.PathLike) -> bool:
        """Load an image file; False (with the reason in the message line) if it cannot be read."""
        # The state names the file, so a session can open it again.
        return self._try_image(lambda: load_image(path), "file", os.fspath(path))

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
            self._check_model(name)
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
        if analyse_now:  # else an image follows, and reports both
            self._report_state()
        return True

    def show_network(self) -> None:
        self.views.setCurrentWidget(self.cnn_view)

    def show_playground(self) -> None:
        self.views.setCurrentIndex(1)

    # ------------------------------------------------------------------ public: state
    def state(self) -> ConvolutionState:
        """Everything the tab shows, as plain data (gui/convolution/state.py) that a session or a lesson saves."""
        if self.image is None or not self.source:
            image = ImageState()
        elif self.source == "sample":
            image = ImageState("sample", self.image.name)
        else:  # a file by its path where the tab knows it; pasted and dropped pictures are not kept
            image = ImageState(self.source, path=self.image_path)
        return ConvolutionState(model=self.model_name, image=image, view=VIEWS[self.views.currentIndex()],
                                maps=self.cnn_view.state(), drawing=self.canvas.state(),
                                playground=self.playground.state(), training=self.training.state())

    def apply_state(self, state: ConvolutionState) -> None:
        """Show `state`. A part that cannot be shown (a missing file or model) says why; the rest is shown."""
        with self._states.applying():
            self._apply_state(state)

    def _apply_state(self, state: ConvolutionState) -> None:
        self.canvas.apply_state(state.drawing)
        usable = state.model != LIVE_MODEL or LIVE_MODEL in self._model_names()  # training ends with the session
        if usable and state.model != self.model_name:
            self.set_model(state.model, analyse_now=False)
        image = state.image
        if image.kind == "sample":
            self.load_sample(image.sample)
        elif image.kind == "file" and image.path:
            self.load_path(image.path)
        elif image.kind == "drawing" and not self.canvas.is_empty():
            self._try_image(lambda: from_array(self.canvas.image(), DRAWING_NAME), "drawing")
        if usable and state.model != self.model_name:  # a sample may have picked its own network
            self.set_model(state.model)
        self.cnn_view.apply_state(state.maps, record_coming=self.analysing)
        self.playground.apply_state(state.playground)
        self.training.apply_state(state.training)
        self.views.setCurrentIndex(VIEWS.index(state.view))

    def shutdown(self) -> None:
        """Stop the training and analysis threads, if they were started (the window calls this on close)."""
        self.live.shutdown()
        self.analysis.shutdown()

    @property
    def analysing(self) -> bool:
        """True while the answer to the latest analysis has not been drawn yet."""
        return self.analysis.pending

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
        return available_models(self.models_dir) + ([LIVE_MODEL] if LIVE_MODEL in self._infos else [])

    def _check_model(self, name: str):
        """The model's ModelInfo; a missing or unreadable model is refused here, without torch."""
        if name not in self._infos:
            self._infos[name] = check_model(name, self.models_dir)
        return self._infos[name]

    def _try_image(self, make, source: str, path: str = "") -> bool:
        try:
            image = make()
        except ImageLoadError as error:
            self._say(str(error), error=True)
            return False
        self.image, self.source, self.image_path = image, source, path
        if source != "sample":
            self.strip.show_sample("")
        self._show_preview(image)
        self._playground_stale = True
        # The playground redoes every window position; mid-stroke it waits for the pen to lift.
        mid_stroke = source == "drawing" and self.canvas.drawing
        if self.views.currentIndex() == 1 and not mid_stroke:
            self._update_playground()
        self._analyse()
        if not mid_stroke:
            self._report_state()
        return True

    def _analyse(self) -> None:
        """Ask for the current image through the current model; `_on_analysed` draws the answer."""
        if self.image is None:
            return
        if not self.model_name:
            self._say(self.tr("{0} is loaded, but no trained network is installed: run scripts/train_models.py "
                              "to create the digits and shapes models (the kernel playground works without one).")
                      .format(self.image.name), error=True)
            return
        self.analysis.request(self.model_name, self.image)

    @Slot(object, object, object)
    def _on_analysed(self, request, record, info) -> None:
        """Draw the answer to the latest request (the runner drops older ones)."""
        self.record = record
        shown = (self.tr("the network in training on {0}").format(self._live_title) if request.model == LIVE_MODEL
                 else self.tr("the {0} network").format(request.model))
        self.cnn_view.set_title(self.tr("What {0} makes of {1}").format(shown, request.image.name))
        self.cnn_view.show_record(record)
        self._say(self._describe(request.image, info))

    @Slot(object, str)
    def _on_analysis_refused(self, request, sentence: str) -> None:
        """A model that cannot be opened: one sentence; the last picture stays."""
        self._say(sentence, error=True)

    @Slot(str)
    def _on_analysis_failed(self, sentence: str) -> None:
        """Something unexpected went wrong in the analysis: one sentence; the last picture stays."""
        self._say(sentence, error=True)

    def _describe(self, image: LoadedImage, info) -> str:
        p = preprocessing_of(info)
        width, height = image.original_size
        steps = [self.tr("{0} ({1}×{2})").format(image.name, width, height)]
        if p.channels == 1:
            steps.append(self.tr("made grey"))
        if inverts(image, info):
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
        if not self.canvas.is_empty() or self.source == "drawing":  # clearing an unused sheet keeps a photo
            if self.source != "drawing" and self.model_name != "digits" and "digits" in self._model_names():
                self.set_model("digits", analyse_now=False)
            self._try_image(lambda: from_array(self.canvas.image(), DRAWING_NAME), "drawing")
        if not self.canvas.drawing:  # the strokes are in the state: reported when the pen lifts
            self._report_state()

    @Slot(object)
    def _on_live_network(self, run) -> None:
        """A training run (CnnRunInfo) has its data and its starting weights: show it in place of the chosen model."""
        self._infos[LIVE_MODEL] = run.info
        self._live_title = run.title
        self.analysis.set_live_network(LiveNetwork(run.architecture, run.info, run.weights))
        self._fill_models()
        self.set_model(LIVE_MODEL)

    @Slot(object)
    def _on_live_weights(self, weights: dict) -> None:
        self.analysis.set_live_weights(weights)
        if self.model_name == LIVE_MODEL and self.image is not None and self.isVisible():
            self._analyse()

    @Slot(str)
    def _on_model_saved(self, name: str) -> None:
        self._infos.pop(name, None)  # a model saved over an older one of that name is read again
        self.analysis.forget(name)
        self._fill_models()

    @Slot(int)
    def _on_view_changed(self, index: int) -> None:
        if index == 1:  # the kernel playground
            self._update_playground()
        self._report_state()

    @Slot()
    def _report_state(self) -> None:
        self._states.report()


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
