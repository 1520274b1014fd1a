"""CnnTrainingWorker: loads an image set and trains a convolution-lab CNN in its own QThread.

Like gui/training/worker.py's TrainingWorker (which trains the MLPs): commands are plain methods
that put a message on a queue, because a queued slot would never be delivered while
`run()` is busy; the loop blocks on the queue while paused, so an idle worker costs no
CPU. Reports are copies (evaluations and the weights as numpy arrays), at most
REPORTS_PER_SECOND a second, and only once the GUI has drawn the previous one: the
convolution lab redraws every feature map of the current image from those weights.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from dataclasses import dataclass

import torch
from PySide6.QtCore import QObject, Signal, Slot

from core.cnn.trainer import CnnEvaluation, CnnTrainConfig, CnnTrainer
from core.cnn.image_sets import DataSource, ImageSet, load_image_set
from core.errors import DivergedError, GlassboxError
from core.landscape.network import LandscapeResult
from core.landscape.slices import TrajectoryRecorder, flat_parameters, interpolation_1d, landscape_updates
from core.nets.model_store import ModelInfo, is_shipped
from gui.threads import WORKER_TORCH_THREADS

REPORTS_PER_SECOND = 4  # every feature map of the image is redrawn per report: a few a second reads well

TRAJECTORY_EVERY = 2  # the path for the loss landscape: every 2nd step at first, thinned as it grows
TRAJECTORY_POINTS = 400
LINE_POINTS = 61
LOAD_CANCELLED = "Loading was cancelled; the network you had is unchanged."
LANDSCAPE_CANCELLED = "The landscape was cancelled; training can go on, and Compute starts it again."


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


@dataclass(frozen=True)
class CnnProgress:
    step: int
    epoch: float
    steps_per_second: float
    evaluation: CnnEvaluation
    weights: dict  # name -> numpy copy of the state dict


class CnnTrainingWorker(QObject):
    """Owns an ImageSet and a CnnTrainer; lives in a worker thread; talks only through signals."""

    loading_progressed = Signal(int, int, str)  # done, total, what is happening
    run_started = Signal(object)  # CnnRunInfo
    load_failed = Signal(str)  # one sentence; the previous run (if any) goes on untouched
    progressed = Signal(object)  # CnnProgress
    playing_changed = Signal(bool)
    diverged = Signal(str)
    settings_rejected = Signal(str)
    saved = Signal(str, str)  # model name, folder
    save_failed = Signal(str)
    landscape_progressed = Signal(float, object)
    landscape_finished = Signal(object)  # LandscapeResult
    landscape_failed = Signal(str)
    finished = Signal()

    def __init__(self, models_dir: str | os.PathLike | None = None, cache_dir: str | os.PathLike | None = None):
        super().__init__()
        self._models_dir, self._cache_dir = models_dir, cache_dir
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self._stop = threading.Event()
        self._report_in_flight = threading.Event()
        self._trainer: CnnTrainer | None = None
        self._playing = False
        self._steps_per_second: float | None = None

    # ------------------------------------------------------------ commands (any thread)
    def load(self, source: DataSource, config: CnnTrainConfig) -> None:
        """Read or draw the images of `source` and build a fresh network on them (paused)."""
        self._commands.put(("load", (source, config)))

    def cancel(self) -> None:
        """Stop loading or a landscape computation; a run that exists goes on as it was."""
        self._commands.put(("cancel", None))

    def play(self) -> None:
        self._commands.put(("play", None))

    def pause(self) -> None:
        self._commands.put(("pause", None))

    def step(self) -> None:
        self._commands.put(("step", None))

    def reset(self) -> None:
        self._commands.put(("reset", None))

    def retune(self, config: CnnTrainConfig) -> None:
        """New optimizer settings for the next steps; the weights stay."""
        self._commands.put(("retune", config))

    def set_speed(self, steps_per_second: float | None) -> None:
        self._commands.put(("speed", steps_per_second))

    def save(self, name: str, directory: str | os.PathLike) -> None:
        self._commands.put(("save", (name, directory)))

    def compute_landscape(self, directions: str, resolution: int) -> None:
        self._commands.put(("landscape", (directions, resolution)))

    def stop(self) -> None:
        self._stop.set()
        self._commands.put(("wake", None))

    def report_consumed(self) -> None:
        self._report_in_flight.clear()

    # ------------------------------------------------------------ the loop (worker thread)
    @Slot()
    def run(self) -> None:
        torch.set_num_threads(WORKER_TORCH_THREADS)
        self._last_report_time = time.perf_counter()
        self._last_report_step = 0
        while not self._stop.is_set():
            if self._playing and self._trainer is not None:
                self._drain_commands()
                if self._playing and not self._stop.is_set():
                    self._train_for_a_report()
            else:
                self._handle(*self._commands.get())
        self.finished.emit()

    def _drain_commands(self) -> None:
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            self._handle(*command)

    def _handle(self, command: str, argument) -> None:
        trainer = self._trainer
        if command == "load":
            self._load(*argument)
        elif command == "speed":
            self._steps_per_second = argument
            if trainer is not None:  # count the new speed from now, not from the start of the run
                self._throttle_origin = (time.perf_counter(), trainer.step_count)
        elif trainer is None:
            return  # nothing else means anything before the first images are loaded
        elif command == "play":
            self._set_playing(True)
        elif command == "pause":
            self._set_playing(False)
            self._report(force=True)
        elif command == "step":
            self._set_playing(False)
            self._train(max_steps=1)
            self._report(force=True)
        elif command == "reset":
            self._set_playing(False)
            trainer.reset()
            self._new_path()
            self._report(force=True)
        elif command == "retune":
            self._retune(argument)
        elif command == "save":
            self._save(*argument)
        elif command == "landscape":
            self._set_playing(False)
            self._compute_landscape(*argument)
        # "cancel" with nothing to cancel, and "wake", need nothing.

    def _set_playing(self, playing: bool) -> None:
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)

    def _interrupted(self, deferred: list) -> bool:
        """While loading or slicing: True on cancel or stop; other commands wait in `deferred`."""
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return self._stop.is_set()
            if command[0] == "cancel":
                return True
            if command[0] in ("load", "landscape"):  # a newer request replaces this one
                deferred.append(command)
                return True
            if command[0] != "wake":
                deferred.append(command)

    def _load(self, source: DataSource, config: CnnTrainConfig) -> None:
        self._set_playing(False)
        deferred: list = []
        try:
            config = config.validated()
            loading = load_image_set(source, lambda: self._interrupted(deferred), self._cache_dir, config.seed)
            data = yield_progress(loading, self.loading_progressed.emit)
            if data is None:
                if not self._stop.is_set():
                    self.load_failed.emit(LOAD_CANCELLED)
            else:
                self._start(data, config)
        except GlassboxError as error:
            self.load_failed.emit(str(error))
        except (MemoryError, torch.OutOfMemoryError):
            self.load_failed.emit("These images need more memory than there is; choose a smaller set.")
        for command in deferred:
            self._handle(*command)

    def _start(self, data: ImageSet, config: CnnTrainConfig) -> None:
        trainer = CnnTrainer(data, config, self._models_dir)
        self._trainer = trainer
        self._new_path()
        first_name, first_reason = (data.skipped[0][0].name, data.skipped[0][1]) if data.skipped else ("", "")
        self.run_started.emit(CnnRunInfo(
            data.title, data.architecture, data.class_names, trainer.n_train, trainer.n_test, len(data.skipped),
            first_name, first_reason, trainer.started_from, trainer.device_name, data.model_info("training"),
            trainer.weights_copy(),
        ))
        self._report(force=True)

    def _new_path(self) -> None:
        self._recorder = TrajectoryRecorder(TRAJECTORY_EVERY, TRAJECTORY_POINTS)
        self._recorder.record(self._trainer.step_count, self._trainer.model)
        self._initial_weights = self._recorder.vectors[0]
        self._throttle_origin = (time.perf_counter(), self._trainer.step_count)
        self._last_report_time, self._last_report_step = time.perf_counter(), self._trainer.step_count

    def _retune(self, config: CnnTrainConfig) -> None:
        trainer = self._trainer
        try:
            config = config.validated()
        except GlassboxError as error:
            self.settings_rejected.emit(str(error))
            return
        trainer.retune(config)

    def _train_for_a_report(self) -> None:
        """Train until the next report is due, a command arrives, or the speed limit says wait."""
        trainer = self._trainer
        report_at = self._last_report_time + 1.0 / REPORTS_PER_SECOND
        budget = None
        if self._steps_per_second is not None:
            origin_time, origin_step = self._throttle_origin
            allowed = int((time.perf_counter() - origin_time) * self._steps_per_second) + 1
            budget = allowed - (trainer.step_count - origin_step)
            if budget <= 0:  # ahead of the requested speed: sleep, but wake for any command
                try:
                    self._handle(*self._commands.get(timeout=1.0 / self._steps_per_second))
                except queue.Empty:
                    pass
                self._report()
                return
        commands = self._commands
        start = trainer.step_count
        self._train(should_stop=lambda: (time.perf_counter() >= report_at or not commands.empty()
                                         or (budget is not None and trainer.step_count - start >= budget)))
        self._report()

    def _train(self, should_stop=lambda: False, max_steps: int | None = None) -> None:
        try:
            for record in self._trainer.run(should_stop, max_steps):
                self._recorder.maybe_record(record.step, self._trainer.model)
        except DivergedError as error:
            self._set_playing(False)
            self.diverged.emit(str(error))
            self._report(force=True)
        except (MemoryError, torch.OutOfMemoryError):
            self._set_playing(False)
            self.diverged.emit("Training ran out of memory; choose a smaller batch.")

    def _report(self, force: bool = False) -> None:
        now = time.perf_counter()
        trainer = self._trainer
        if not force and (now - self._last_report_time < 1.0 / REPORTS_PER_SECOND or self._report_in_flight.is_set()):
            return
        elapsed, steps = now - self._last_report_time, trainer.step_count - self._last_report_step
        rate = steps / elapsed if elapsed > 0 and steps > 0 else 0.0
        progress = CnnProgress(trainer.step_count, trainer.epoch, rate, trainer.evaluate(), trainer.weights_copy())
        self._last_report_time, self._last_report_step = now, trainer.step_count
        self._report_in_flight.set()
        self.progressed.emit(progress)

    def _save(self, name: str, directory) -> None:
        if is_shipped(name):
            self.save_failed.emit(f"'{name}' is the name of a model that comes with Glassbox; choose another name.")
            return
        try:
            self._trainer.save(name, directory)
        except GlassboxError as error:
            self.save_failed.emit(str(error))
        except OSError as error:
            self.save_failed.emit(f"The model could not be written to {directory} ({error.strerror or error}); "
                                  "choose a folder you can write to.")
        else:
            self.saved.emit(name, str(directory))

    def _compute_landscape(self, directions: str, resolution: int) -> None:
        """A slice of the CNN's loss around its current weights, progressively; cancel or stop end it."""
        deferred: list = []
        trainer = self._trainer
        try:
            final = None
            for update in landscape_updates(trainer, self._recorder, directions, resolution,
                                            seed=trainer.config.seed, chunk=trainer.landscape_chunk,
                                            should_stop=lambda: self._interrupted(deferred)):
                if update.final:
                    final = update.landscape
                else:
                    self.landscape_progressed.emit(update.fraction, update.landscape)
            if final is not None and not self._stop.is_set():
                self.landscape_progressed.emit(1.0, final)
                initial = self._initial_weights
                if initial.numel() != flat_parameters(trainer.model).numel():
                    initial = self._recorder.vectors[0]
                alphas, losses = interpolation_1d(trainer, initial, LINE_POINTS, chunk=trainer.landscape_chunk)
                self.landscape_finished.emit(LandscapeResult(final, alphas, losses))
            elif not self._stop.is_set():
                self.landscape_failed.emit(LANDSCAPE_CANCELLED)
        except GlassboxError as error:
            self.landscape_failed.emit(str(error))
        except (MemoryError, torch.OutOfMemoryError):
            self.landscape_failed.emit("The landscape needs more memory than there is; try a lower resolution.")
        for command in deferred:
            self._handle(*command)


def yield_progress(generator, report) -> object:
    """Run a core generator of progress records to its end, passing each to `report`; return its value."""
    while True:
        try:
            progress = next(generator)
        except StopIteration as stop:
            return stop.value
        report(progress.done, progress.total, progress.what)
