"""ConvTab, the convolution lab: bring an image, and see what a trained CNN and a single kernel make of it.

Images come from the samples, a file, the clipboard, a drop or the drawing canvas; all become a
`LoadedImage` (core.data.images: the GUI never reads a path itself), which core.cnn.analysis turns into
a FeatureRecord for the chosen model. The tab draws that record in a CNNView and hands the image to the
KernelPlayground. A refused image or model is one sentence in the message line; what is on screen stays.

The forward pass runs in a worker thread (analysis_worker.py), which holds the torch models: every image
change, model change, drawing stroke and training report asks it for a FeatureRecord, the newest wins.
Below the views, the training panel trains a network live in a worker thread (LiveTraining, worker.py);
while it runs, the network list has one more entry, and each report's weights redraw the current maps.
Two more views answer "why?" with workers of their own (explain/tab_parts.py joins them): "Where does it
look?" (saliency, Grad-CAM, occlusion) and "What a channel looks for" (a feature map's window leads there).

Everything the tab shows is a ConvolutionState (state.py): `state()` reads it, `apply_state()` restores it,
and `state_changed` reports it whenever the user changes it (a drawing when the pen lifts, the playground
where its animation stops); `apply_state` reports at most once. A session also keeps the lab's model and
image as parts (state.LabParts). The tab fits a 1024×768 projector: the image panel and the training panel
fold away, the playground stacks its steps; its texts follow the language and the zoom (looks.py).
"""

from __future__ import annotations

import os
from functools import partial

from PySide6.QtCore import QT_TR_NOOP, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from core.data.images import LoadedImage, decode_image, from_array, load_image
from core.data.sample_images import sample_image, sample_names
from core.errors import GlassboxError
from core.cnn.analysis import DEFAULT_MODEL, check_model, inverts, preprocessing_of, suggested_model
from core.nets.cnn import cnn_spec
from core.nets.model_store import available_models, list_models, read_model_info
from gui.i18n import say
from gui.style import theme
from gui.convolution.training_panel import CnnTrainingPanel
from gui.convolution.cnn_view import CNNView
from gui.convolution.analysis_worker import LIVE_MODEL, AnalysisRunner, LiveNetwork
from gui.convolution.explain.tab_parts import ExplainParts
from gui.convolution.worker import LiveTraining
from gui.convolution.looks import Looks, Presenting, retranslate_tree, scrolled as _scrolled, shown_name, translate
from gui.convolution.sources import (ERROR_STYLE, INFO_STYLE, OPEN_FILTER, ImagePanel, SourceStrip, can_load, describe,
                                    image_from_mime, image_from_qimage)
from gui.convolution.kernel_playground import KernelPlayground
from gui.convolution.state import DEFAULT_SAMPLE, VIEWS, ConvolutionState, ImageState, LabParts
from gui.widgets.saved_values import read_str
from gui.widgets.state_reporter import StateReporter

DRAWING_NAME = "your drawing"


class ConvTab(ExplainParts, LabParts, Presenting, QWidget):
    """The "Convolution" tab: image sources on top and at the left, the network and the playground on the right."""

    state_changed = Signal(object)  # ConvolutionState, after the user changed what the tab shows
    model_part_ready = Signal(object)  # the lab's model as a session Part (or None), after request_model_part()

    def __init__(self, settings: QSettings | None = None, models_dir: str | os.PathLike | None = None,
                 parent: QWidget | None = None, cache_dir: str | os.PathLike | None = None, threaded: bool = True):
        super().__init__(parent)
        self.settings = settings
        self.models_dir = models_dir
        self._live_title = ""
        self._last_answer = None  # (request, record, info) drawn last: written again in another language
        self._last_words: tuple = ("", False)  # the message line's last (text or error, is an error), likewise
        self._greeting = ""
        self._unsaid_problems: list = []  # (name, ModelError) of stored models that cannot be used, not yet said
        self._known_problems: set = set()  # the names of those already said
        self._live_network: LiveNetwork | None = None  # the network in training (or from a session), newest weights
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

        self.looks = Looks(self)
        self.strip = SourceStrip(sample_names())
        self.message = QLabel("")
        self.looks.font(self.message, theme.PLOT_LABEL_POINT_SIZE, bold=True)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # file and class names are shown as typed, never as markup
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.looks.text(self.message.setToolTip, QT_TR_NOOP(
            "How the image was prepared for the network, and what the network says"))
        self.image_panel = ImagePanel()
        self.preview, self.caption, self.canvas = self.image_panel.preview, self.image_panel.caption, self.image_panel.canvas

        self.cnn_view = CNNView()
        self.cnn_view.graphics.setAcceptDrops(False)  # drops go to the tab, which loads them
        self.playground = KernelPlayground()
        self.views = QTabWidget()
        self.looks.font(self.views, theme.PLOT_LABEL_POINT_SIZE)
        self.views.addTab(self.cnn_view, "")
        # Scrolled only downwards: the playground stacks its steps when it is narrow.
        self.views.addTab(_scrolled(self.playground, horizontal=False), "")
        for index, title, tip in (
                (0, QT_TR_NOOP("What the network sees"), QT_TR_NOOP(
                    "Every layer's feature maps and the class probabilities.\nPage Down / Page Up: the next or previous "
                    "layer, large. Space: train or pause the network in training (without one, the kernel playground "
                    "plays).")),
                (1, QT_TR_NOOP("Kernel playground"), QT_TR_NOOP(
                    "Slide one kernel over the image by hand, with ReLU and pooling.\nSpace: play or pause. "
                    "Page Down / Page Up: one position forwards or back."))):
            self.looks.text(partial(self.views.setTabText, index), title)
            self.looks.text(partial(self.views.setTabToolTip, index), tip)

        self.side = _scrolled(self.image_panel, horizontal=False)
        self.training = CnnTrainingPanel(settings, cache_dir)
        # No reference back to the tab: a cycle through Qt objects lets Python's garbage collector delete
        # widgets at a random moment, even in the middle of another widget's paint event.
        self.live = LiveTraining(self.training, models_dir, cache_dir, self)
        self.right = QWidget()
        self._build_explanations(settings, models_dir, cache_dir, threaded)
        right = QVBoxLayout(self.right)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.views, 1)
        right.addWidget(self.training)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.strip)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self.presenting = False
        self.strip.side_button.toggled.connect(self.side.setVisible)

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
        self._greet()
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
        folder = read_str(self.settings, "files/last_image_folder", "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Image"), folder, translate(OPEN_FILTER))
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
            return self._refuse(error)
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

    # ------------------------------------------------------------------ the window's protocol: language
    def retranslate(self) -> None:
        """Every text in the current language (the window calls this too; Qt's LanguageChange does it anyway)."""
        for widget in (self.strip, self.image_panel, self.training, self):
            widget.looks.retranslate()

    def retranslate_dynamic(self) -> None:
        """Every static text, then what this tab wrote from data: the model list, the title, the message line."""
        retranslate_tree(self)
        for view in (self.cnn_view, self.playground, self.training, self.image_panel, self.saliency, self.channels):
            view.retranslate_dynamic()
        self._fill_models()
        if self.record is not None and self._last_answer is not None:
            self._on_analysed(*self._last_answer)
        elif isinstance(self._last_words[0], BaseException):
            self._refuse(self._last_words[0])
        elif self._last_words[0] == self._greeting:
            self._greet()

    def _greet(self) -> None:
        words = self.tr("Choose a sample, open or paste an image, drop a file here, or draw a digit.")
        self._say(" ".join(filter(None, (words, self._problems_note()))), error=bool(self._unsaid_problems))
        self._greeting = self.message.text()

    def _problems_note(self) -> str:
        """One sentence about stored models that cannot be used (a broken file), until it has been shown
        with a picture's description; "" when there is nothing new to say."""
        if not self._unsaid_problems:
            return ""
        name, error = self._unsaid_problems[0]
        return self.tr("{0} model(s) in the models folder cannot be used; the first: {1}").format(
            len(self._unsaid_problems), say(error))

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
                                playground=self.playground.state(), training=self.training.state(),
                                saliency=self.saliency.state())

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
        self.saliency.apply_state(state.saliency)
        self.views.setCurrentIndex(VIEWS.index(state.view))

    def shutdown(self) -> None:
        """Stop the training, analysis and explanation threads, if they were started (the window calls this on close)."""
        self.live.shutdown()
        self.analysis.shutdown()
        self._shutdown_explanations()

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
            saved = read_str(self.settings, "conv/sample", DEFAULT_SAMPLE, max_length=200)
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
        """The model list: the stored models, then the network in training. Never raises: a model that cannot
        be used is refused in one sentence when chosen, and said once with the first picture."""
        problems = list_models(self.models_dir).problems
        self._unsaid_problems += [problem for problem in problems if problem[0] not in self._known_problems]
        self._known_problems |= {name for name, _ in problems}
        names = self._model_names()
        descriptions, labels = {}, {}
        for name in names:
            if name == LIVE_MODEL:
                labels[name] = self.tr("training: {0}").format(self._live_title)
                descriptions[name] = self.tr("The network being trained below, as it is right now")
                continue
            try:
                descriptions[name] = translate(cnn_spec(read_model_info(name, self.models_dir).architecture).description)
            except GlassboxError as error:
                descriptions[name] = say(error)
            except Exception:  # noqa: BLE001 - changed on disk since it was listed: the list still fills
                descriptions[name] = ""
            labels[name] = shown_name(name)
        self.strip.set_models(names, descriptions, labels)
        if not names:
            return
        if self.model_name in names:
            self.strip.show_model(self.model_name)
            return
        saved = read_str(self.settings, "conv/model", "", max_length=200)
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
        except GlassboxError as error:  # the core read the path (never the GUI): a FIFO, a folder, /dev/zero...
            return self._refuse(error)
        self.image, self.source, self.image_path = image, source, path
        if source != "sample":
            self.strip.show_sample("")
        self.image_panel.show_image(image)
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
                      .format(shown_name(self.image.name)), error=True)
            return
        self.analysis.request(self.model_name, self.image)
        self._explain()

    @Slot(object, object, object)
    def _on_analysed(self, request, record, info) -> None:
        """Draw the answer to the latest request (the runner drops older ones)."""
        self.record, self._last_answer = record, (request, record, info)
        shown = (self.tr("the network in training on {0}").format(self._live_title) if request.model == LIVE_MODEL
                 else self.tr("the {0} network").format(shown_name(request.model)))
        self.cnn_view.set_title(self.tr("What {0} makes of {1}").format(shown, shown_name(request.image.name)))
        self.cnn_view.show_record(record)
        note = self._problems_note()
        self._unsaid_problems = []
        self._say(" ".join(filter(None, (describe(request.image, info, record, preprocessing_of(info),
                                                  inverts(request.image, info)), note))), error=bool(note))

    @Slot(object, str)
    def _on_analysis_refused(self, request, sentence: str) -> None:
        """A model that cannot be opened: one sentence; the last picture stays."""
        self._say(sentence, error=True)

    @Slot(str)
    def _on_analysis_failed(self, sentence: str) -> None:
        """Something unexpected went wrong in the analysis: one sentence; the last picture stays."""
        self._say(sentence, error=True)

    def _update_playground(self) -> None:
        if self.image is not None and self._playground_stale:
            self.playground.set_image(self.image)
            self._playground_stale = False

    def _refuse(self, error: BaseException) -> bool:
        """A core error as one sentence in the message line, in the window's language; False."""
        self._say(say(error), error=True)
        self._last_words = (error, True)
        return False

    def _say(self, text: str, error: bool = False) -> None:
        self._last_words = (text, error)
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

    @Slot(int)
    def _on_view_changed(self, index: int) -> None:
        if index == 1:  # the kernel playground
            self._update_playground()
        self._report_state()

    @Slot()
    def _report_state(self) -> None:
        self._states.report()

