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
While the confusion window is open, the worker also counts the confusion matrix on the held-out
pictures (explain/training/training_confusion.py: throttled, capped, and stopped between batches).
The GUI-thread side of a run, LiveTraining, is explain/training/training_live.py's link with this worker.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass

import torch
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal

from core.cnn.trainer import CnnEvaluation, CnnTrainConfig, CnnTrainer
from core.cnn.image_sets import DataSource, ImageSet, load_image_set
from core.errors import DivergedError, GlassboxError
from core.landscape.slices import TrajectoryRecorder
from core.files import shown_name
from core.limits import describe
from core.nets.model_store import ModelInfo, check_name, is_shipped
from gui.convolution.explain.training.training_confusion import ConfusionCounter
from gui.convolution.explain.training.training_live import SHIPPED_NAME, LiveTrainingLink
from gui.i18n import say
from gui.threads import Clock, PlayableWorker, SpeedLimit, follow

REPORTS_PER_SECOND = 4  # every feature map of the image is redrawn per report: a few a second reads well

TRAJECTORY_EVERY = 2  # the path for the loss landscape: every 2nd step at first, thinned as it grows
TRAJECTORY_POINTS = 400
LINE_POINTS = 61
PAUSING = ("pause", "step", "reset", "landscape")  # commands that pause training first
LOAD_CANCELLED = QT_TRANSLATE_NOOP("Worker", "Loading was cancelled; the network you had is unchanged.")
LOAD_TOO_BIG = QT_TRANSLATE_NOOP("Worker", "These images need more memory than there is; choose a smaller set.")
TRAINING_TOO_BIG = QT_TRANSLATE_NOOP("Worker", "Training ran out of memory; choose a smaller batch.")
CONFUSION_TOO_BIG = QT_TRANSLATE_NOOP("Worker",
                                      "The confusion matrix needs more memory than there is; training goes on.")
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
    confusion_counted = Signal(object)  # ConfusionReport (explain/training/training_confusion.py)
    confusion_failed = Signal(str)  # one sentence: the held-out pictures could not be counted

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
        self._confusion = ConfusionCounter(clock)

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

    def want_confusion(self, wanted: bool) -> None:
        """Count the confusion matrix while training (someone looks at it), or not; wanted, it is counted now."""
        self.send("confusion", bool(wanted))

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
        elif command == "confusion":
            self._confusion.wanted = argument
        if trainer is None or command in ("load", "speed"):
            return  # nothing else means anything before the first images are loaded
        if command == "confusion":  # neither pauses nor plays
            self._count_confusion(force=True)
            return
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
        self._confusion.new_run(data)
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
        """Evaluate and emit a copy, unless it is too soon or the GUI has not taken the previous one; then the
        confusion matrix, if it is wanted and due (always when forced: a pause, a step, a reset, a new run)."""
        self._report_progress(force)
        self._count_confusion(force)

    def _report_progress(self, force: bool) -> None:
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

    def _count_confusion(self, force: bool) -> None:
        if not self._confusion.due(force):
            return
        with self.saying(self.confusion_failed, CONFUSION_TOO_BIG):
            report = self._confusion.count(self._trainer.model, self._trainer.step_count, self._closing)
            if report is not None:
                self.confusion_counted.emit(report)

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


class LiveTraining(LiveTrainingLink):
    """The lab's side of a training run (explain/training/training_live.py), on a CnnTrainingWorker."""

    worker_class = CnnTrainingWorker
