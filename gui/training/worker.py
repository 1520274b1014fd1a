"""TrainingWorker: runs the core Trainer in its own QThread and reports throttled copies.

Commands (play, pause, step, reset, apply settings, speed, landscape, stop) are plain methods that
the GUI thread calls; they only put a message on a queue, because a queued Qt slot
would never be delivered while `run()` is busy training. The loop blocks on that queue
when paused or throttled, so an idle worker costs no CPU.
"""

from __future__ import annotations

import queue
import threading
import time

import torch
from PySide6.QtCore import QObject, Signal, Slot

from core.mlp.boundaries import boundary_maps
from core.mlp.config import TrainConfig
from core.errors import DivergedError, GlassboxError
from core.mlp.inspection import neuron_activity
from core.landscape.network import LandscapeResult
from core.landscape.slices import TrajectoryRecorder, flat_parameters, interpolation_1d, landscape_updates
from core.mlp.reports import TrainingProgress, run_info
from core.mlp.recording import record_example
from core.mlp.trainer import Trainer
from gui.threads import WORKER_TORCH_THREADS

REPORTS_PER_SECOND = 30
BOUNDARY_INTERVAL_S = 0.1  # neuron heatmaps are costlier: at most 10 a second
# The training path for the landscape: every 4th step at first; the recorder halves its
# points (and doubles the interval) whenever it holds more, so a long run keeps ≤ 500.
TRAJECTORY_EVERY = 4
TRAJECTORY_POINTS = 500
LINE_POINTS = 121  # the 1-D plot from the initial weights (α = 0) to the current ones (α = 1)
LINE_RANGE = (-0.25, 1.25)
LANDSCAPE_CANCELLED = "The landscape was cancelled; training can go on, and Compute starts it again."



class TrainingWorker(QObject):
    """Owns a Trainer; lives in a worker thread; talks to the GUI only through signals."""

    run_started = Signal(object, bool)  # RunInfo, keep_history (False after start, reset or a rebuild)
    progressed = Signal(object)  # TrainingProgress, at most REPORTS_PER_SECOND per second
    playing_changed = Signal(bool)
    diverged = Signal(str)  # one sentence for the user
    settings_rejected = Signal(str)  # one sentence; the previous run goes on untouched
    trace_recorded = Signal(object)  # ExampleTrace of a step-through, already applied to the network
    landscape_progressed = Signal(float, object)  # fraction done, NetworkLandscape so far (None before coarse)
    landscape_finished = Signal(object)  # LandscapeResult
    landscape_failed = Signal(str)  # one sentence: too few path points for PCA, cancelled, ...
    finished = Signal()

    def __init__(self, config: TrainConfig):
        super().__init__()
        self._config = config
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self._stop = threading.Event()
        self._report_in_flight = threading.Event()
        self._steps_per_second: float | None = None  # None: as fast as possible

    # ------------------------------------------------------------ commands (any thread)
    def play(self) -> None:
        self._commands.put(("play", None))

    def pause(self) -> None:
        self._commands.put(("pause", None))

    def step(self) -> None:
        self._commands.put(("step", None))

    def reset(self) -> None:
        self._commands.put(("reset", None))

    def apply_settings(self, config: TrainConfig, keep_weights: bool = False) -> None:
        """Use new settings. With `keep_weights`, an edit of the layers carries the learned weights over."""
        self._commands.put(("apply", (config, keep_weights)))

    def set_speed(self, steps_per_second: float | None) -> None:
        """Limit training to this many steps per second; None means as fast as it goes."""
        self._commands.put(("speed", steps_per_second))

    def record_trace(self, example_index: int | None = None) -> None:
        """Step once on a single training example (the next one if None) and report its trace."""
        self._commands.put(("trace", example_index))

    def set_weight(self, layer: int, out: int, inp: int, value: float) -> None:
        """Replace one weight; the next steps train on from the edited network."""
        self._commands.put(("weight", (layer, out, inp, value)))

    def set_extras(self, boundaries: bool, gradients: bool) -> None:
        """Add neuron heatmaps and per-layer gradient sizes to reports (only while a view shows them)."""
        self._commands.put(("extras", (boundaries, gradients)))

    def inspect_neuron(self, neuron: tuple[int, int] | None) -> None:
        """Add (layer, index)'s weights and activations to reports while its inspector is open; None stops."""
        self._commands.put(("inspect", neuron))

    def compute_landscape(self, directions: str, resolution: int) -> None:
        """Pause training and slice the loss around the current weights (random or PCA directions)."""
        self._commands.put(("landscape", (directions, resolution)))

    def cancel_landscape(self) -> None:
        """Stop a landscape computation; training keeps its weights and can go on."""
        self._commands.put(("cancel", None))

    def stop(self) -> None:
        """Ask the loop to end; it returns within one training step."""
        self._stop.set()
        self._commands.put(("wake", None))

    def report_consumed(self) -> None:
        """The GUI has drawn the last report; the next one may be sent."""
        self._report_in_flight.clear()

    # ------------------------------------------------------------ the loop (worker thread)
    @Slot()
    def run(self) -> None:
        torch.set_num_threads(WORKER_TORCH_THREADS)
        self._playing = False
        self._pending = []
        self._want_boundaries = self._want_gradients = False
        self._inspected: tuple[int, int] | None = None
        self._last_boundaries_time = 0.0
        self._next_example = 0
        self._recorder = TrajectoryRecorder(TRAJECTORY_EVERY, TRAJECTORY_POINTS)
        self._initial_weights = None
        self._trainer = self._build_first_trainer()
        self._announce_run()
        while not self._stop.is_set():
            if self._playing:
                self._drain_commands()
                if self._playing and not self._stop.is_set():
                    self._train_for_a_frame()
            else:
                self._handle(*self._commands.get())
        self.finished.emit()

    def _build_first_trainer(self) -> Trainer:
        try:
            return Trainer(self._config)
        except GlassboxError as error:
            self.settings_rejected.emit(f"{error} Using the default settings instead.")
            return Trainer(TrainConfig(device="cpu"))

    def _drain_commands(self) -> None:
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            self._handle(*command)

    def _handle(self, command: str, argument) -> None:
        if command == "play":
            self._set_playing(True)
        elif command == "pause":
            self._set_playing(False)
            self._report(force=True)
        elif command == "step":
            self._set_playing(False)
            self._train_steps(1)
            self._report(force=True)
        elif command == "reset":
            self._set_playing(False)
            self._trainer.reset()
            self._announce_run()
        elif command == "apply":
            self._apply(*argument)
        elif command == "speed":
            self._steps_per_second = argument
            # Count the new speed from now: from the run's start, a slower speed would owe a long pause.
            self._throttle_origin = (time.perf_counter(), self._trainer.step_count)
        elif command == "extras":
            self._want_boundaries, self._want_gradients = argument
            self._report(force=True)
        elif command == "inspect":
            self._inspected = argument
            self._report(force=True)
        elif command == "weight":
            try:
                self._trainer.set_weight(*argument)
            except GlassboxError as error:
                self.settings_rejected.emit(str(error))
                return
            self._report(force=True)
        elif command == "trace":
            self._set_playing(False)
            self._record_trace(argument)
        elif command == "landscape":
            self._set_playing(False)
            self._compute_landscape(*argument)
        # "cancel" with nothing computing is nothing to do.
        # "wake" only unblocks the queue so the loop sees the stop flag.

    def _apply(self, config: TrainConfig, keep_weights: bool) -> None:
        try:
            if self._trainer.can_retune(config):
                self._trainer.retune(config)
                self._announce_run(keep_history=True)
                return
            trainer = Trainer(config)
            if keep_weights and self._trainer.differs_only_in_architecture(config):
                trainer.inherit_weights(self._trainer)
        except GlassboxError as error:
            self.settings_rejected.emit(str(error))
            return
        self._set_playing(False)
        self._trainer = trainer
        self._announce_run()

    def _set_playing(self, playing: bool) -> None:
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)

    def _announce_run(self, keep_history: bool = False) -> None:
        if not keep_history:  # new weights: a new path, starting here (a retune trains on along the old one)
            self._recorder = TrajectoryRecorder(TRAJECTORY_EVERY, TRAJECTORY_POINTS)
            self._recorder.record(self._trainer.step_count, self._trainer.model)
            self._initial_weights = self._recorder.vectors[0]
        self._pending = []
        self._last_report_time = time.perf_counter()
        self._last_report_step = self._trainer.step_count
        self._throttle_origin = (time.perf_counter(), self._trainer.step_count)
        self.run_started.emit(run_info(self._trainer), keep_history)
        self._report(force=True)

    def _train_for_a_frame(self) -> None:
        """Train until the next report is due (or a command or the speed limit interrupts)."""
        frame_end = time.perf_counter() + 1.0 / REPORTS_PER_SECOND
        if self._steps_per_second is None:
            budget = None
        else:
            origin_time, origin_step = self._throttle_origin
            allowed = int((time.perf_counter() - origin_time) * self._steps_per_second) + 1
            budget = allowed - (self._trainer.step_count - origin_step)
            if budget <= 0:  # ahead of the requested speed: sleep, but wake for any command
                try:
                    self._handle(*self._commands.get(timeout=1.0 / self._steps_per_second))
                except queue.Empty:
                    pass
                return
        commands = self._commands
        steps = 0
        should_stop = lambda: (  # noqa: E731
            time.perf_counter() >= frame_end or not commands.empty() or (budget is not None and steps >= budget)
        )
        recorder, model = self._recorder, self._trainer.model
        try:
            for record in self._trainer.run(should_stop):
                steps += 1
                if not record.step % recorder.every:
                    recorder.record(record.step, model)
        except DivergedError as error:
            self._set_playing(False)
            self.diverged.emit(str(error))
            self._report(force=True)
            return
        self._report()

    def _record_trace(self, example_index: int | None) -> None:
        index = self._next_example if example_index is None else example_index
        try:
            trace = record_example(self._trainer, index % self._trainer.n_train, commit=True)
        except GlassboxError as error:
            self.settings_rejected.emit(str(error))
            return
        self._next_example = (trace.example_index + 1) % self._trainer.n_train
        self.trace_recorded.emit(trace)
        self._report(force=True)

    def _neuron_activity(self):
        """The inspected neuron's activity, or None (none inspected, or gone after an edit)."""
        if self._inspected is None:
            return None
        try:
            return neuron_activity(self._trainer, *self._inspected)
        except GlassboxError:
            return None

    def _train_steps(self, count: int) -> None:
        try:
            for record in self._trainer.run(max_steps=count):
                self._recorder.maybe_record(record.step, self._trainer.model)
        except DivergedError as error:
            self.diverged.emit(str(error))

    def _compute_landscape(self, directions: str, resolution: int) -> None:
        """Drive the core's progressive slice; cancel, stop or a newer request ends it early.

        Other commands that arrive meanwhile wait, in order, until it is done.
        """
        deferred: list = []
        cancelled = False

        def should_stop() -> bool:
            nonlocal cancelled
            while True:
                try:
                    command = self._commands.get_nowait()
                except queue.Empty:
                    break
                if command[0] in ("cancel", "landscape"):
                    cancelled = True
                    if command[0] == "landscape":  # the newer request replaces this one
                        deferred.append(command)
                elif command[0] != "wake":
                    deferred.append(command)
            return cancelled or self._stop.is_set()

        try:
            final = None
            for update in landscape_updates(self._trainer, self._recorder, directions, resolution,
                                            seed=self._trainer.config.seed, should_stop=should_stop):
                if update.final:
                    final = update.landscape
                else:
                    self.landscape_progressed.emit(update.fraction, update.landscape)
            if final is not None and not self._stop.is_set():
                self.landscape_progressed.emit(1.0, final)
                initial = self._initial_weights
                if initial is None or initial.numel() != flat_parameters(self._trainer.model).numel():
                    initial = self._recorder.vectors[0]
                alphas, losses = interpolation_1d(self._trainer, initial, LINE_POINTS, LINE_RANGE)
                self.landscape_finished.emit(LandscapeResult(final, alphas, losses))
            elif not self._stop.is_set():
                self.landscape_failed.emit(LANDSCAPE_CANCELLED)
        except GlassboxError as error:
            self.landscape_failed.emit(str(error))
        except (MemoryError, torch.OutOfMemoryError):
            self.landscape_failed.emit("The landscape needs more memory than there is; try a lower resolution.")
        for command in deferred:
            self._handle(*command)

    def _report(self, force: bool = False) -> None:
        """Evaluate and emit a copy, unless the GUI is still drawing the previous one."""
        now = time.perf_counter()
        if not force and (now - self._last_report_time < 1.0 / REPORTS_PER_SECOND or self._report_in_flight.is_set()):
            return
        trainer = self._trainer
        elapsed = now - self._last_report_time
        steps_done = trainer.step_count - self._last_report_step
        rate = steps_done / elapsed if elapsed > 0 and steps_done > 0 else 0.0
        if not self._pending or self._pending[-1].step != trainer.step_count:
            self._pending.append(trainer.evaluate())
        boundaries = activity = None
        maps_due = force or now - self._last_boundaries_time >= BOUNDARY_INTERVAL_S
        if (self._want_boundaries or self._inspected) and maps_due:
            if trainer.has_input_plane:  # an image's pixels have no plane to draw boundaries on
                boundaries = boundary_maps(trainer.model, trainer.config.features)
            activity = self._neuron_activity()
            self._last_boundaries_time = now
        progress = TrainingProgress(
            step=trainer.step_count,
            epoch=trainer.epoch,
            steps_per_second=rate,
            evaluations=tuple(self._pending),
            weights=tuple(trainer.weights()),
            boundaries=boundaries,
            gradient_magnitudes=trainer.gradient_magnitudes() if self._want_gradients else None,
            neuron_activity=activity,
        )
        self._pending = []
        self._last_report_time, self._last_report_step = now, trainer.step_count
        self._report_in_flight.set()
        self.progressed.emit(progress)

