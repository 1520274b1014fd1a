"""CnnTrainingWorker: loads an image set and trains a convolution-lab CNN in its own QThread.

It sits on the one worker base (gui.threads.Worker), like gui/training/worker.py's
TrainingWorker (which trains the MLPs): commands are plain methods that queue a message,
because a queued slot would never be delivered while the loop is busy; paused, the loop
blocks on that queue and costs no CPU. Reports are copies (evaluations and the weights as
numpy arrays), at most REPORTS_PER_SECOND a second, and only once the GUI has taken the
previous one: the convolution lab redraws every feature map of the current image from
those weights. Every command runs inside the base's guard: an expected problem is one
sentence on its own signal (a save that fails says so on `save_failed`, never "Saved"),
and anything else follows the base's policy: `failed` says one sentence, training stops so
the Train button says "Train" again, and the loop goes on with the next command. The
trainer asks the stop flag inside long steps and evaluations, so closing never waits for one.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass

import torch
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QThread, Signal, Slot

from core.cnn.trainer import CnnEvaluation, CnnTrainConfig, CnnTrainer
from core.cnn.image_sets import DataSource, ImageSet, load_image_set
from core.errors import DivergedError, GlassboxError
from core.landscape.slices import TrajectoryRecorder
from core.files import shown_name
from core.limits import describe
from core.nets.model_store import ModelInfo, check_name, is_shipped, model_exists, user_models_dir
from gui.convolution.training_panel import CnnTrainingPanel
from gui.i18n import say
from gui.threads import Clock, PlayableWorker, SpeedLimit, follow, start_in_thread, stop_thread

REPORTS_PER_SECOND = 4  # every feature map of the image is redrawn per report: a few a second reads well

TRAJECTORY_EVERY = 2  # the path for the loss landscape: every 2nd step at first, thinned as it grows
TRAJECTORY_POINTS = 400
LINE_POINTS = 61
PAUSING = ("pause", "step", "reset", "landscape")  # commands that pause training first
LOAD_CANCELLED = QT_TRANSLATE_NOOP("Worker", "Loading was cancelled; the network you had is unchanged.")
LOAD_TOO_BIG = QT_TRANSLATE_NOOP("Worker", "These images need more memory than there is; choose a smaller set.")
TRAINING_TOO_BIG = QT_TRANSLATE_NOOP("Worker", "Training ran out of memory; choose a smaller batch.")
SHIPPED_NAME = QT_TRANSLATE_NOOP("Worker", "'{0}' is the name of a model that comes with Glassbox; choose another name.")
NOT_SAVED = QT_TRANSLATE_NOOP("Worker", "The model '{0}' was not saved ({1}); the network in training is unchanged "
                                        "and Train, Step and Save still work.")

log = logging.getLogger("glassbox")


@dataclass(frozen=True)
class CnnRunInfo:
    """What a new training run is: shown once when its data is ready."""

    title: str  # of the data
    architecture: str
    class_names: tuple[str, ...]
    n_train: int
    n_test: int
    skipped: int  # unreadable files left out of a folder
    skipped_example: str  # the first one's file name
    skipped_reason: str  # and why it could not be read
    started_from: str
    device_name: str
    info: ModelInfo  # how to prepare an image for this network, and its classes
    weights: dict  # the starting weights, as numpy copies
    estimate: str = ""  # its weights, memory and time a step (core.limits.describe), in the window's language


@dataclass(frozen=True)
class CnnProgress:
    step: int
    epoch: float
    steps_per_second: float
    evaluation: CnnEvaluation
    weights: dict  # name -> numpy copy of the state dict


class CnnTrainingWorker(PlayableWorker):
    """Owns an ImageSet and a CnnTrainer; lives in a worker thread; talks only through signals."""

    REPORTS_PER_SECOND = float(REPORTS_PER_SECOND)

    loading_progressed = Signal(int, int, str)  # done, total, what is happening
    run_started = Signal(object)  # CnnRunInfo
    load_failed = Signal(str)  # one sentence; the previous run (if any) goes on untouched
    progressed = Signal(object)  # CnnProgress
    playing_changed = Signal(bool)
    diverged = Signal(str)
    settings_rejected = Signal(str)
    saved = Signal(str, str)  # model name, folder
    save_failed = Signal(str)

    def __init__(self, models_dir: str | os.PathLike | None = None, cache_dir: str | os.PathLike | None = None,
                 clock: Clock = time.perf_counter):
        super().__init__(clock)
        self._models_dir, self._cache_dir = models_dir, cache_dir
        self._speed = SpeedLimit(clock)
        self._trainer: CnnTrainer | None = None
        self._playing = False
        self._recorder: TrajectoryRecorder | None = None
        self._initial_weights = None
        self._rate_origin = (clock(), 0)  # (time, step) of the last report: the speed it shows

    # ------------------------------------------------------------ commands (any thread)
    def load(self, source: DataSource, config: CnnTrainConfig) -> None:
        """Read or draw the images of `source` and build a fresh network on them (paused)."""
        self.send("load", (source, config))

    def cancel(self) -> None:
        """Stop loading or a landscape computation; a run that exists goes on as it was."""
        self.send("cancel")

    def retune(self, config: CnnTrainConfig) -> None:
        """New optimizer settings for the next steps; the weights stay."""
        self.send("retune", config)

    def save(self, name: str, directory: str | os.PathLike) -> None:
        self.send("save", (name, directory))

    def compute_landscape(self, directions: str, resolution: int) -> None:
        self.send("landscape", (directions, resolution))

    # ------------------------------------------------------------ hooks (worker thread)
    def busy(self) -> bool:
        return self._playing and self._trainer is not None

    def work(self) -> None:
        self._train_for_a_report()

    def recover(self, error: BaseException) -> None:
        """Stop playing, so the Train button says "Train" again; the weights stay as they are."""
        self._set_playing(False)

    def handle(self, command: str, argument) -> None:
        trainer = self._trainer
        if command == "load":
            self._load(*argument)
        elif command == "speed":  # counted from now, not from the start of the run
            self._speed.set(argument, trainer.step_count if trainer is not None else 0)
        if trainer is None or command in ("load", "speed"):
            return  # nothing else means anything before the first images are loaded
        self._set_playing(command == "play" or (self._playing and command not in PAUSING))
        if command == "step":
            self._train(max_steps=1)
        elif command == "reset":
            trainer.reset()
            self._new_path()
        elif command == "retune":
            self._retune(argument)
        elif command == "save":
            self._save(*argument)
        elif command == "landscape":
            self._compute_landscape(*argument)
        if command in ("pause", "step", "reset"):  # show the weights training stopped at
            self._report(force=True)
        # "cancel" with nothing to cancel, and "wake", need nothing.

    # ------------------------------------------------------------ loading
    def _load(self, source: DataSource, config: CnnTrainConfig) -> None:
        self._set_playing(False)
        with self.interruptible(("load", "landscape")) as should_stop, self.saying(self.load_failed, LOAD_TOO_BIG):
            config = config.validated()
            data = follow(load_image_set(source, should_stop, self._cache_dir, config.seed), self._report_loading)
            if data is not None:
                self._start(data, config)
            elif not self.stopping:
                self.load_failed.emit(QCoreApplication.translate("Worker", LOAD_CANCELLED))

    def _report_loading(self, progress) -> None:
        self.loading_progressed.emit(progress.done, progress.total, say(progress.what))

    def _start(self, data: ImageSet, config: CnnTrainConfig) -> None:
        trainer = CnnTrainer(data, config, self._models_dir, abort=self._closing)
        self._trainer = trainer
        self._new_path()
        first_name, first_reason = (data.skipped[0][0].name, data.skipped[0][1]) if data.skipped else ("", "")
        self.run_started.emit(CnnRunInfo(
            data.title, data.architecture, data.class_names, trainer.n_train, trainer.n_test, len(data.skipped),
            first_name, first_reason, trainer.started_from, trainer.device_name, data.model_info("training"),
            trainer.weights_copy(), say(describe(trainer.estimate())),
        ))
        self._report(force=True)

    def _new_path(self) -> None:
        """New weights: a new path for the landscape, and speeds counted from here."""
        self._recorder = TrajectoryRecorder(TRAJECTORY_EVERY, TRAJECTORY_POINTS)
        self._recorder.record(self._trainer.step_count, self._trainer.model)
        self._initial_weights = self._recorder.vectors[0]
        self._speed.restart(self._trainer.step_count)
        self._rate_origin = (self.clock(), self._trainer.step_count)

    def _closing(self) -> bool:
        """The trainer's `abort`: a long step or evaluation is abandoned once the thread is asked to end."""
        return self.stopping

    # ------------------------------------------------------------ training
    def _set_playing(self, playing: bool) -> None:
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)

    def _retune(self, config: CnnTrainConfig) -> None:
        try:
            config = config.validated()
        except GlassboxError as error:
            self.settings_rejected.emit(say(error))
            return
        self._trainer.retune(config)

    def _train_for_a_report(self) -> None:
        """Train until the next report is due, a command arrives, or the speed limit says wait."""
        trainer, clock = self._trainer, self.clock
        budget = self._speed.budget(trainer.step_count)
        if budget is not None and budget <= 0:  # ahead of the requested speed: sleep, but wake for any command
            self.wait_for_command(self._speed.pause_s())
            self._report()
            return
        report_at = clock() + 1.0 / self.REPORTS_PER_SECOND
        last_step = None if budget is None else trainer.step_count + budget
        waiting = self.commands_waiting
        self._train(lambda: clock() >= report_at or waiting()
                    or (last_step is not None and trainer.step_count >= last_step))
        self._report()

    def _train(self, should_stop=lambda: False, max_steps: int | None = None) -> None:
        trainer, recorder = self._trainer, self._recorder
        try:
            for record in trainer.run(should_stop, max_steps):
                recorder.maybe_record(record.step, trainer.model)
        except DivergedError as error:
            self._set_playing(False)
            self.diverged.emit(say(error))
            self._report(force=True)
        except (MemoryError, torch.OutOfMemoryError):  # not a divergence: no mark on the curve
            self._set_playing(False)
            self.settings_rejected.emit(QCoreApplication.translate("Worker", TRAINING_TOO_BIG))

    def _report(self, force: bool = False) -> None:
        """Evaluate and emit a copy, unless it is too soon or the GUI has not taken the previous one."""
        if not self.report_due(force):
            return
        trainer = self._trainer
        evaluation = trainer.evaluate()
        if evaluation is None:  # abandoned: the thread is ending
            return
        now, step = self.clock(), trainer.step_count
        (then, then_step), self._rate_origin = self._rate_origin, (now, step)
        rate = (step - then_step) / (now - then) if now > then and step > then_step else 0.0
        progress = CnnProgress(step, trainer.epoch, rate, evaluation, trainer.weights_copy())
        self.report_sent()
        self.progressed.emit(progress)

    def _save(self, name: str, directory) -> None:
        """Write the network as a model; whatever happens, one signal says what really did."""
        try:
            check_name(name)
            if is_shipped(name):
                self.save_failed.emit(QCoreApplication.translate("Worker", SHIPPED_NAME).format(name))
                return
            self._trainer.save(name, directory)
        except GlassboxError as error:
            self.save_failed.emit(say(error))
        except Exception as error:  # noqa: BLE001 - a disk or a library can fail any way; training goes on
            log.exception("saving the lab's model %r failed", shown_name(name))
            reason = getattr(error, "strerror", None) or shown_name(str(error), 120) or type(error).__name__
            self.save_failed.emit(QCoreApplication.translate("Worker", NOT_SAVED).format(shown_name(name), reason))
        else:
            self.saved.emit(name, str(directory))

    # ------------------------------------------------------------ the landscape
    def _compute_landscape(self, directions: str, resolution: int) -> None:
        """A slice of the CNN's loss around its current weights, then the line from the initial ones.

        Cancel, stop or a newer request ends it early; other commands wait until it is done.
        """
        trainer = self._trainer
        self.slice_landscape(trainer, self._recorder, self._initial_weights, directions, resolution, LINE_POINTS,
                             ("load", "landscape"), chunk=trainer.landscape_chunk)


# --- LiveTraining: the GUI-thread side of a training run ----------------------------------------
# LiveTraining: joins the convolution lab's training panel to a CnnTrainingWorker in its own thread.
# 
# The worker is started on the first Load, not before: most visits to the lab never
# train. What the lab needs from a run is two things, which this object emits on the
# GUI thread: a network to show (`network_started`, the run's CnnRunInfo: architecture,
# starting weights as numpy copies, and the ModelInfo that says how to prepare an image
# for it) and fresh weights for it (`weights_changed`, numpy copies, every report while
# training). The lab hands both to its analysis worker, which redraws the maps of its
# current image off the GUI thread, as for any model. Nothing here runs torch.

class LiveTraining(QObject):
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
        self.worker: CnnTrainingWorker | None = None
        self.thread: QThread | None = None
        self.info = None  # the ModelInfo of the network in training, once there is one
        self._last_step = 0
        self._slicing = False  # a landscape was asked for and has not ended yet
        panel.load_requested.connect(self._on_load_requested)

    def _ensure_worker(self) -> CnnTrainingWorker:
        if self.worker is not None:
            return self.worker
        worker = CnnTrainingWorker(self.models_dir, self.cache_dir)
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
        worker.set_speed(panel.speed_combo.currentData())
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
            self.landscape_failed.emit(self.tr(
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
            self.panel.show_status(self.tr("Nothing was saved: the model '{0}' that was there is unchanged.").format(
                name))
            return
        self.panel.show_status(self.tr("Saving as '{0}'…").format(name))
        self.worker.save(name, folder)

    # ------------------------------------------------------------------ worker → lab
    @Slot(object)
    def _on_run_started(self, info: CnnRunInfo) -> None:
        self.info = info.info
        self._last_step = 0
        self.panel.on_run_started(info)
        self.network_started.emit(info)
        self.network_replaced.emit(False)

    @Slot(object)
    def _on_progress(self, progress: CnnProgress) -> None:
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
