"""LiveTrainingLink: joins the convolution lab's training panel to its training worker in its own thread.

The worker is started on the first Load, not before: most visits to the lab never
train. What the lab needs from a run is two things, which this object emits on the
GUI thread: a network to show (`network_started`, the run's CnnRunInfo: architecture,
starting weights as numpy copies, and the ModelInfo that says how to prepare an image
for it) and fresh weights for it (`weights_changed`, numpy copies, every report while
training). The lab hands both to its analysis worker, which redraws the maps of its
current image off the GUI thread, as for any model. The confusion matrix goes to the
panel, which shows it in its window; the worker counts it only while that window is open.
Nothing here runs torch. gui/convolution/worker.py's LiveTraining is this link with the
CnnTrainingWorker it starts (this module cannot import the worker's: that one imports this).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QThread, Signal, Slot

from core.errors import GlassboxError
from core.nets.model_store import check_name, is_shipped, model_exists, user_models_dir
from gui.convolution.training_panel import CnnTrainingPanel
from gui.i18n import say
from gui.threads import start_in_thread, stop_thread

SHIPPED_NAME = QT_TRANSLATE_NOOP("Worker",
                                 "'{0}' is the name of a model that comes with Glassbox; choose another name.")


class LiveTrainingLink(QObject):
    """The lab's side of a training run; gui/convolution/worker.py's LiveTraining names the worker it starts.
    Its words keep the context "LiveTraining" (QCoreApplication.translate), which their translations have."""

    worker_class: type = None  # CnnTrainingWorker (set by the subclass: the worker's module imports this one)

    network_started = Signal(object)  # CnnRunInfo: the new network's data, architecture, ModelInfo and weights
    weights_changed = Signal(object)  # the network's new weights: name -> numpy copy
    saved = Signal(str)  # model name: the lab lists it
    # For the Landscape tab's "Your CNN" panel:
    stepped = Signal(int)  # training reached this step
    network_replaced = Signal(bool)  # True: reset to the starting weights; False: a new run on new data
    landscape_progressed = Signal(float, object)  # fraction, NetworkLandscape so far (None before the coarse grid)
    landscape_finished = Signal(object)  # LandscapeResult
    landscape_failed = Signal(str)

    def __init__(self, panel: CnnTrainingPanel, models_dir: str | os.PathLike | None = None,
                 cache_dir: str | os.PathLike | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.panel = panel
        self.models_dir, self.cache_dir = models_dir, cache_dir
        self.worker = None  # the worker_class, once started
        self.thread: QThread | None = None
        self.info = None  # the ModelInfo of the network in training, once there is one
        self._last_step = 0
        self._slicing = False  # a landscape was asked for and has not ended yet
        panel.load_requested.connect(self._on_load_requested)

    def _ensure_worker(self):
        if self.worker is not None:
            return self.worker
        worker = self.worker_class(self.models_dir, self.cache_dir)
        panel = self.panel
        # The worker's commands are called here, on the GUI thread: connected straight to the
        # worker, Qt would queue them for the worker thread's event loop, which never runs.
        panel.cancel_requested.connect(self._on_cancel_requested)
        panel.play_requested.connect(self._on_play_requested)
        panel.step_requested.connect(self._on_step_requested)
        panel.reset_requested.connect(self._on_reset_requested)
        panel.retune_requested.connect(self._on_retune_requested)
        panel.speed_changed.connect(self._on_speed_changed)
        panel.save_requested.connect(self._on_save_requested)
        panel.confusion.wanted.connect(self._on_confusion_wanted)
        worker.loading_progressed.connect(panel.on_loading)
        worker.load_failed.connect(panel.on_load_failed)
        worker.run_started.connect(self._on_run_started)
        worker.progressed.connect(self._on_progress)
        worker.playing_changed.connect(panel.on_playing_changed)
        worker.diverged.connect(panel.on_diverged)
        worker.settings_rejected.connect(panel.on_error)
        worker.save_failed.connect(panel.on_error)
        worker.saved.connect(self._on_saved)
        worker.failed.connect(self._on_failed)
        worker.landscape_progressed.connect(self._on_landscape_progressed)
        worker.landscape_finished.connect(self._on_landscape_finished)
        worker.landscape_failed.connect(self._on_landscape_failed)
        worker.confusion_counted.connect(panel.confusion.show_report)
        worker.confusion_failed.connect(panel.confusion.show_failure)
        worker.set_speed(panel.speed_combo.currentData())
        worker.want_confusion(panel.confusion.is_open())
        self.worker, self.thread = worker, start_in_thread(worker, "glassbox-cnn-training")
        return worker

    def shutdown(self) -> None:
        """Stop the training thread: flag, quit, wait. Safe to call twice."""
        if self.thread is not None:
            stop_thread(self.worker, self.thread)
            self.thread = None

    @property
    def running(self) -> bool:
        return self.thread is not None

    def compute_landscape(self, directions: str, resolution: int) -> bool:
        """Pause training and slice the CNN's loss; False (with a sentence on landscape_failed) if there is no run."""
        if self.info is None:
            self.landscape_failed.emit(QCoreApplication.translate(
                "LiveTraining",
                "There is no CNN in training yet: in the Convolution tab, choose pictures, press Load data and "
                "train for a while, then press Compute."))
            return False
        self._slicing = True
        self.worker.compute_landscape(directions, resolution)
        return True

    def cancel_landscape(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    # ------------------------------------------------------------------ panel → worker
    @Slot(object, object)
    def _on_load_requested(self, source, config) -> None:
        self._ensure_worker().load(source, config)

    @Slot()
    def _on_cancel_requested(self) -> None:
        self.worker.cancel()

    @Slot()
    def _on_step_requested(self) -> None:
        self.worker.step()

    @Slot()
    def _on_reset_requested(self) -> None:
        self.worker.reset()

    @Slot(object)
    def _on_retune_requested(self, config) -> None:
        self.worker.retune(config)

    @Slot(object)
    def _on_speed_changed(self, steps_per_second) -> None:
        self.worker.set_speed(steps_per_second)

    @Slot(bool)
    def _on_confusion_wanted(self, wanted: bool) -> None:
        self.worker.want_confusion(wanted)

    @Slot(bool)
    def _on_play_requested(self, play: bool) -> None:
        if play:
            self.worker.play()
        else:
            self.worker.pause()

    @Slot(str)
    def _on_save_requested(self, name: str) -> None:
        """Check the name, ask before replacing a model of that name, then let the worker write it."""
        # The lab's own models folder if it was given one (the tests), else the user's.
        folder = self.models_dir if self.models_dir is not None else user_models_dir()
        try:
            check_name(name)
            exists = model_exists(name, folder)
        except GlassboxError as error:
            self.panel.on_error(say(error))
            return
        if is_shipped(name):
            self.panel.on_error(QCoreApplication.translate("Worker", SHIPPED_NAME).format(name))
            return
        if exists and not self.panel.confirm_replace(name):
            self.panel.show_status(QCoreApplication.translate(
                "LiveTraining", "Nothing was saved: the model '{0}' that was there is unchanged.").format(name))
            return
        self.panel.show_status(QCoreApplication.translate("LiveTraining", "Saving as '{0}'…").format(name))
        self.worker.save(name, folder)

    # ------------------------------------------------------------------ worker → lab
    @Slot(object)
    def _on_run_started(self, info) -> None:
        self.info = info.info
        self._last_step = 0
        self.panel.on_run_started(info)
        self.network_started.emit(info)
        self.network_replaced.emit(False)

    @Slot(object)
    def _on_progress(self, progress) -> None:
        try:
            if self.info is not None:
                self.panel.on_progress(progress)
                self.weights_changed.emit(progress.weights)
                if progress.step < self._last_step:  # only a reset goes back
                    self.network_replaced.emit(True)
                self._last_step = progress.step
                self.stepped.emit(progress.step)
        finally:
            self.worker.report_consumed()  # the lab has taken this one (its analysis worker keeps the newest)

    @Slot(float, object)
    def _on_landscape_progressed(self, fraction: float, landscape) -> None:
        self.landscape_progressed.emit(fraction, landscape)

    @Slot(object)
    def _on_landscape_finished(self, result) -> None:
        self._slicing = False
        self.landscape_finished.emit(result)

    @Slot(str)
    def _on_landscape_failed(self, sentence: str) -> None:
        self._slicing = False
        self.landscape_failed.emit(sentence)

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        """Something unexpected stopped the worker's job (it has stopped playing): one sentence wherever
        a person waits for that job, and every control back to a state that works."""
        if self.panel.busy:
            self.panel.on_load_failed(sentence)
        else:
            self.panel.on_error(sentence)
        if self._slicing:
            self._on_landscape_failed(sentence)

    @Slot(str, str)
    def _on_saved(self, name: str, folder: str) -> None:
        self.panel.on_saved(name, folder)
        self.saved.emit(name)
