"""AutoencoderWorker: loads 28×28 images and trains an autoencoder live, in its own QThread.

It sits on the one worker base (gui.threads.Worker), like the convolution lab's CnnTrainingWorker:
commands are plain methods that queue a message; paused, the loop blocks on that queue and
costs no CPU. While training it sends a report (numpy copies only: the loss curve, an
evaluation, the held-out images with their codes and reconstructions) a few times a second,
and only once the GUI has drawn the last one. `decode(generation, point)` is answered between
two training steps, so dragging on the plane of codes follows the mouse while it trains; the
GUI keeps only the newest answer (gui.threads.Generations). A new bottleneck builds a new
network on the same images; new noise, learning rate or speed change the run as it goes. This is
the only module of the tab that imports torch.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

import numpy as np
import torch
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal

from core.autoencoder.trainer import (AutoencoderConfig, AutoencoderData, AutoencoderEvaluation, AutoencoderTrainer,
                                      Reconstructions, load_autoencoder_data)
from core.errors import DivergedError, GlassboxError, Phrase
from core.limits import describe
from gui.i18n import say
from gui.threads import Clock, SpeedLimit, Worker, follow

REPORTS_PER_SECOND = 3.0  # every report redraws the pictures and up to 1,000 points: a few a second reads well
DOWNLOADED_LIMIT = 20_000  # images kept of MNIST and Fashion-MNIST: plenty to learn from, a fifth of the memory
MAX_TEST_POINTS = 2000  # held-out losses kept for the curve; every other one goes when it is full
PAUSING = ("pause", "step", "steps", "reset")
LOAD_CANCELLED = QT_TRANSLATE_NOOP("Worker", "Loading was cancelled; the autoencoder you had is unchanged.")
LOAD_TOO_BIG = QT_TRANSLATE_NOOP("Worker", "These images need more memory than there is; choose a smaller set.")
TRAINING_TOO_BIG = QT_TRANSLATE_NOOP("Worker", "Training ran out of memory; choose a smaller bottleneck or set.")


@dataclass(frozen=True)
class AutoencoderRunInfo:
    """A new network on its images: shown once when it starts."""

    title: str  # of the data, in the window's language
    class_names: tuple[str, ...]
    n_train: int
    n_test: int
    device_name: str
    config: AutoencoderConfig
    layers: tuple  # core.autoencoder.model.AutoencoderLayer, encoder first
    estimate: str  # its weights, memory and time a step, in the window's language


@dataclass(frozen=True, eq=False)
class AutoencoderReport:
    step: int
    epoch: float
    steps_per_second: float
    loss_curve: np.ndarray  # every step's training loss
    test_steps: tuple[int, ...]  # the steps at which the held-out loss was measured
    test_losses: tuple[float, ...]
    evaluation: AutoencoderEvaluation
    baseline_loss: float  # the loss of answering the mean training image, on the held-out images
    reconstructions: Reconstructions  # every held-out image scored (up to 1,000): codes, inputs, rebuilt
    noise: float


class AutoencoderWorker(Worker):
    """Owns the images and an AutoencoderTrainer; lives in a worker thread; talks only through signals."""

    REPORTS_PER_SECOND = REPORTS_PER_SECOND

    loading_progressed = Signal(int, int, str)  # done, total, what is happening
    load_failed = Signal(str)  # one sentence; the run that was there goes on untouched
    run_started = Signal(object)  # AutoencoderRunInfo
    progressed = Signal(object)  # AutoencoderReport
    playing_changed = Signal(bool)
    diverged = Signal(str)  # one sentence; the weights are those of the step before
    settings_rejected = Signal(str)
    decoded = Signal(int, object, object)  # generation, the point, its 28×28 image (0..1)

    def __init__(self, cache_dir: str | os.PathLike | None = None, clock: Clock = time.perf_counter):
        super().__init__(clock)
        self._cache_dir = cache_dir
        self._speed = SpeedLimit(clock)
        self._data: AutoencoderData | None = None
        self._trainer: AutoencoderTrainer | None = None
        self._playing = False
        self._test_steps: list[int] = []
        self._test_losses: list[float] = []
        self._rate_origin = (clock(), 0)

    # ------------------------------------------------------------ commands (any thread)
    def load(self, kind: str, path: str, config: AutoencoderConfig) -> None:
        """Read or draw the images and build a fresh network on them (paused)."""
        self.send("load", (kind, path, config))

    def use(self, data: AutoencoderData, config: AutoencoderConfig) -> None:
        """Train on images already made (core.autoencoder.trainer.autoencoder_data): tests, lessons."""
        self.send("use", (data, config))

    def cancel(self) -> None:
        self.send("cancel")

    def play(self) -> None:
        self.send("play")

    def pause(self) -> None:
        self.send("pause")

    def step(self) -> None:
        self.send("step")

    def train_steps(self, count: int) -> None:
        """`count` training steps (paused), then a report."""
        self.send("steps", count)

    def reset(self) -> None:
        self.send("reset")

    def set_speed(self, steps_per_second: float | None) -> None:
        self.send("speed", steps_per_second)

    def configure(self, config: AutoencoderConfig) -> None:
        """New settings: the same network retuned where it can be, else a new network on the same images."""
        self.send("configure", config)

    def decode(self, generation: int, point) -> None:
        self.send("decode", (generation, tuple(point)))

    # ------------------------------------------------------------ hooks (worker thread)
    def busy(self) -> bool:
        return self._playing and self._trainer is not None

    def work(self) -> None:
        self._train_for_a_report()

    def recover(self, error: BaseException) -> None:
        self._set_playing(False)

    def handle(self, command: str, argument) -> None:
        if command == "load":
            self._load(*argument)
            return
        if command == "use":
            self._set_playing(False)
            with self.saying(self.load_failed, LOAD_TOO_BIG):
                data, config = argument
                trainer = AutoencoderTrainer(data, config.validated())
                self._data = data
                self._start(trainer)
            return
        if command == "speed":
            self._speed.set(argument, self._trainer.step_count if self._trainer is not None else 0)
            return
        trainer = self._trainer
        if trainer is None:
            return  # nothing else means anything before the first images are loaded
        if command == "decode":
            self._decode(*argument)
            return
        self._set_playing(command == "play" or (self._playing and command not in PAUSING))
        if command == "step":
            self._train(max_steps=1)
        elif command == "steps":
            self._train(max_steps=int(argument))
        elif command == "reset":
            trainer.reset()
            self._new_curve()
        elif command == "configure":
            self._configure(argument)
        if command in ("pause", "step", "steps", "reset"):
            self._report(force=True)

    # ------------------------------------------------------------ loading and new networks
    def _load(self, kind: str, path: str, config: AutoencoderConfig) -> None:
        self._set_playing(False)
        with self.interruptible(("load",)) as should_stop, self.saying(self.load_failed, LOAD_TOO_BIG):
            config = config.validated()
            limit = DOWNLOADED_LIMIT if kind in ("mnist", "fashion-mnist") else None
            data = follow(load_autoencoder_data(kind, path, should_stop, self._cache_dir, config.seed, limit),
                          self._report_loading)
            if data is not None:
                trainer = AutoencoderTrainer(data, config)  # refuses, in one sentence, what will not fit
                self._data = data
                self._start(trainer)
            elif not self.stopping:
                self.load_failed.emit(QCoreApplication.translate("Worker", LOAD_CANCELLED))

    def _report_loading(self, progress) -> None:
        self.loading_progressed.emit(progress.done, progress.total, say(progress.what))

    def _start(self, trainer: AutoencoderTrainer) -> None:
        self._trainer = trainer
        data = trainer.data
        title = say(data.title) if isinstance(data.title, Phrase) else str(data.title)
        self.run_started.emit(AutoencoderRunInfo(
            title, data.class_names, trainer.n_train, len(data.x_test), trainer.device_name, trainer.config,
            trainer.model.layer_table(), say(describe(trainer.estimate()))))
        self._new_curve()
        self._report(force=True)

    def _configure(self, config: AutoencoderConfig) -> None:
        try:
            config = config.validated()
            if self._trainer.can_retune(config):
                self._trainer.retune(config)
                self._report(force=True)  # the inputs' noise is drawn again: show it at once
            else:
                self._start(AutoencoderTrainer(self._data, config))
        except GlassboxError as error:
            self.settings_rejected.emit(say(error))

    def _new_curve(self) -> None:
        self._test_steps, self._test_losses = [], []
        self._speed.restart(self._trainer.step_count)
        self._rate_origin = (self.clock(), self._trainer.step_count)

    # ------------------------------------------------------------ training
    def _set_playing(self, playing: bool) -> None:
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)

    def _train_for_a_report(self) -> None:
        """Train until the next report is due, a command arrives, or the speed limit says wait."""
        trainer, clock = self._trainer, self.clock
        budget = self._speed.budget(trainer.step_count)
        if budget is not None and budget <= 0:  # ahead of the chosen speed: wait, but wake for any command
            self.wait_for_command(min(0.2, self._speed.pause_s()))
            self._report()
            return
        report_at = clock() + 1.0 / self.REPORTS_PER_SECOND
        last_step = None if budget is None else trainer.step_count + budget
        waiting = self.commands_waiting
        self._train(lambda: clock() >= report_at or waiting() or self.stopping
                    or (last_step is not None and trainer.step_count >= last_step))
        self._report()

    def _train(self, should_stop=lambda: False, max_steps: int | None = None) -> None:
        try:
            for _ in self._trainer.run(lambda: should_stop() or self.stopping, max_steps):
                pass
        except DivergedError as error:
            self._set_playing(False)
            self.diverged.emit(say(error))
            self._report(force=True)
        except (MemoryError, torch.OutOfMemoryError):
            self._set_playing(False)
            self.settings_rejected.emit(QCoreApplication.translate("Worker", TRAINING_TOO_BIG))

    def _report(self, force: bool = False) -> None:
        """Evaluate and emit copies, unless it is too soon or the GUI has not drawn the previous report."""
        if not self.report_due(force):
            return
        trainer = self._trainer
        evaluation = trainer.evaluate()
        reconstructions = trainer.reconstructions()
        step = trainer.step_count
        if not self._test_steps or self._test_steps[-1] != step:
            self._test_steps.append(step)
            self._test_losses.append(evaluation.test_loss)
            if len(self._test_steps) > MAX_TEST_POINTS:  # keep the first, thin the rest
                self._test_steps[1:] = self._test_steps[2::2]
                self._test_losses[1:] = self._test_losses[2::2]
        now = self.clock()
        (then, then_step), self._rate_origin = self._rate_origin, (now, step)
        rate = (step - then_step) / (now - then) if now > then and step > then_step else 0.0
        report = AutoencoderReport(step, trainer.epoch, rate, trainer.loss_curve, tuple(self._test_steps),
                                   tuple(self._test_losses), evaluation, evaluation.mean_image_loss, reconstructions,
                                   trainer.config.noise)
        self.report_sent()
        self.progressed.emit(report)

    def _decode(self, generation: int, point) -> None:
        try:
            image = self._trainer.decode(point)
        except GlassboxError:  # a point for another bottleneck, asked for before the new network arrived
            return
        self.decoded.emit(generation, point, image)
