"""TrainingWorker: runs the core Trainer in its own QThread and reports throttled copies.

It sits on the one worker base (gui.threads.Worker): commands (play, pause, step, reset,
apply settings, speed, landscape, ...) are plain methods that the GUI thread calls; they
only queue a message (`send`), because a queued Qt slot would never be delivered while
the loop is busy training. Paused, the loop blocks on that queue and costs no CPU. An
unexpected error follows the base's policy: `failed` says one sentence and training stops.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal

from core.errors import DivergedError, GlassboxError
from core.landscape.slices import TrajectoryRecorder
from core.mlp.config import TrainConfig
from core.mlp.recording import record_example
from core.mlp.reports import progress_of, run_info
from core.mlp.trainer import EvaluationStopped, Trainer
from core.session.parts import Part
from core.session.training import restore_training
from gui.i18n import say
from gui.threads import OUT_OF_MEMORY, Clock, PlayableWorker, SpeedLimit

log = logging.getLogger("glassbox")
NOT_IN_MEMORY = QT_TRANSLATE_NOOP("TrainingWorker", "This network does not fit in this computer's memory. Using the "
                                                   "default settings instead.")
NOT_IN_MEMORY_KEPT = QT_TRANSLATE_NOOP("TrainingWorker", "This network does not fit in this computer's memory; use "
                                      "fewer or smaller hidden layers, or fewer points. The current network goes on.")

REPORTS_PER_SECOND = 30
BOUNDARY_INTERVAL_S = 0.1  # neuron heatmaps are costlier: at most 10 a second
# The training path for the landscape: every 4th step at first; the recorder halves its
# points (and doubles the interval) whenever it holds more, so a long run keeps ≤ 500.
TRAJECTORY_EVERY = 4
TRAJECTORY_POINTS = 500
LINE_POINTS = 121  # the 1-D plot from the initial weights (α = 0) to the current ones (α = 1)


class TrainingWorker(PlayableWorker):
    """Owns a Trainer; lives in a worker thread; talks to the GUI only through signals."""

    REPORTS_PER_SECOND = float(REPORTS_PER_SECOND)

    run_started = Signal(object, bool)  # RunInfo, keep_history (False after start, reset or a rebuild)
    progressed = Signal(object)  # TrainingProgress, at most REPORTS_PER_SECOND per second
    playing_changed = Signal(bool)
    diverged = Signal(str)  # one sentence for the user
    settings_rejected = Signal(str)  # one sentence; the previous run goes on untouched
    trace_refused = Signal(str)  # one sentence: the step-through could not record this example; nothing changed
    trace_recorded = Signal(object)  # ExampleTrace of a step-through, already applied to the network
    snapshot_ready = Signal(object)  # a core.session.parts.Part: the run, to continue exactly elsewhere
    snapshot_restored = Signal()  # after a restore's run_started and first report: the restored run is live

    def __init__(self, config: TrainConfig, clock: Clock = time.perf_counter):
        super().__init__(clock)
        self._config = config
        self._speed = SpeedLimit(clock)
        self._trainer: Trainer | None = None
        self._playing = False
        self._pending: list = []
        self._want_boundaries = self._want_gradients = False
        self._inspected: tuple[int, int] | None = None
        self._last_boundaries_time = float("-inf")
        self._next_example = 0
        self._recorder = TrajectoryRecorder(TRAJECTORY_EVERY, TRAJECTORY_POINTS)
        self._initial_weights = None
        self._rate_origin = (clock(), 0)  # (time, step) of the last report: the speed it shows

    # ------------------------------------------------------------ commands (any thread)
    def apply_settings(self, config: TrainConfig, keep_weights: bool = False) -> None:
        """Use new settings. With `keep_weights`, an edit of the layers carries the learned weights over."""
        self.send("apply", (config, keep_weights))

    def record_trace(self, example_index: int | None = None) -> None:
        """Step once on a single training example (the next one if None) and report its trace."""
        self.send("trace", example_index)

    def set_weight(self, layer: int, out: int, inp: int, value: float) -> None:
        """Replace one weight; the next steps train on from the edited network."""
        self.send("weight", (layer, out, inp, value))

    def set_extras(self, boundaries: bool, gradients: bool) -> None:
        """Add neuron heatmaps and per-layer gradient sizes to reports (only while a view shows them)."""
        self.send("extras", (boundaries, gradients))

    def inspect_neuron(self, neuron: tuple[int, int] | None) -> None:
        """Add (layer, index)'s weights and activations to reports while its inspector is open; None stops."""
        self.send("inspect", neuron)

    def compute_landscape(self, directions: str, resolution: int) -> None:
        """Pause training and slice the loss around the current weights (random or PCA directions)."""
        self.send("landscape", (directions, resolution))

    def cancel_landscape(self) -> None:
        """Stop a landscape computation; training keeps its weights and can go on."""
        self.send("cancel")

    def request_snapshot(self) -> None:
        """Emit `snapshot_ready` with the run as a Part (between two steps, so it is consistent)."""
        self.send("snapshot")

    def restore_snapshot(self, part: Part) -> None:
        """Continue from a snapshot, paused; a part that does not restore says so and the run stays."""
        self.send("restore", part)

    # ------------------------------------------------------------ hooks (worker thread)
    def started(self) -> None:
        try:
            self._trainer = Trainer(self._config)
        except GlassboxError as error:
            self.settings_rejected.emit(self.tr("{0} Using the default settings instead.").format(say(error)))
        except OUT_OF_MEMORY:
            self.settings_rejected.emit(self.tr(NOT_IN_MEMORY))
        except Exception as error:  # a bug building this network: the run still starts, on the defaults
            log.exception("the training network could not be built")
            self.settings_rejected.emit(self.failure_sentence(error))
        if self._trainer is None:
            self._trainer = Trainer(TrainConfig(device="cpu"))
        self._announce_run()

    def busy(self) -> bool:
        return self._playing

    def work(self) -> None:
        self._train_for_a_frame()

    def recover(self, error: BaseException) -> None:
        """Stop playing, so the Play button says "Play" again; the weights stay as they are."""
        self._pending = []
        self._set_playing(False)

    def handle(self, command: str, argument) -> None:
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
            self._speed.set(argument, self._trainer.step_count)  # counted from now
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
                self.settings_rejected.emit(say(error))
                return
            self._report(force=True)
        elif command == "trace":
            self._set_playing(False)
            self._record_trace(argument)
        elif command == "landscape":
            self._set_playing(False)
            self._compute_landscape(*argument)
        elif command == "snapshot":
            self.snapshot_ready.emit(self._snapshot())
        elif command == "restore":
            self._restore(argument)
        # "cancel" with nothing computing is nothing to do.
        # "wake" only unblocks the queue so the loop sees the stop flag.

    # ------------------------------------------------------------ training
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
            self.settings_rejected.emit(say(error))
            return
        except OUT_OF_MEMORY:
            self.settings_rejected.emit(self.tr(NOT_IN_MEMORY_KEPT))
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
        self._rate_origin = (self.clock(), self._trainer.step_count)
        self._speed.restart(self._trainer.step_count)
        self.run_started.emit(run_info(self._trainer), keep_history)
        self._report(force=True)

    def _train_for_a_frame(self) -> None:
        """Train until the next report is due (or a command or the speed limit interrupts)."""
        clock = self.clock
        frame_end = clock() + 1.0 / self.REPORTS_PER_SECOND
        budget = self._speed.budget(self._trainer.step_count)
        if budget is not None and budget <= 0:
            # Ahead of the requested speed: wait, but wake for any command, and look again within a frame.
            self.wait_for_command(min(self._speed.pause_s(), 1.0 / self.REPORTS_PER_SECOND))
            return
        waiting = self.commands_waiting
        steps = 0

        def should_stop() -> bool:
            return clock() >= frame_end or waiting() or (budget is not None and steps >= budget)

        recorder, model = self._recorder, self._trainer.model
        try:
            for record in self._trainer.run(should_stop):
                steps += 1
                if not record.step % recorder.every:
                    recorder.record(record.step, model)
        except DivergedError as error:
            self._set_playing(False)
            self.diverged.emit(say(error))
            self._report(force=True)
            return
        self._report()

    def _train_steps(self, count: int) -> None:
        try:
            for record in self._trainer.run(max_steps=count):
                self._recorder.maybe_record(record.step, self._trainer.model)
        except DivergedError as error:
            self.diverged.emit(say(error))

    def _record_trace(self, example_index: int | None) -> None:
        index = self._next_example if example_index is None else example_index
        try:
            trace = record_example(self._trainer, index % self._trainer.n_train, commit=True)
        except GlassboxError as error:  # say, a step that would make the weights non-finite: nothing changed
            self.trace_refused.emit(say(error))
            return
        self._next_example = (trace.example_index + 1) % self._trainer.n_train
        self.trace_recorded.emit(trace)
        self._report(force=True)

    # ------------------------------------------------------------ sessions
    def _snapshot(self) -> Part:
        """The trainer's snapshot, with the landscape's recorded path (which this worker keeps)."""
        return self._trainer.snapshot(self._recorder)

    def _restore(self, part) -> None:
        """Rebuild the trainer from `part`, paused, and report it as after a reset; a bad part changes nothing."""
        if not isinstance(part, Part):
            self.failed.emit(self.tr("The saved network could not be restored; the current one stays."))
            return
        try:
            trainer, recorder = restore_training(part)
        except GlassboxError as error:
            self.failed.emit(say(error))
            return
        self._set_playing(False)
        self._trainer = trainer
        self._config = trainer.config
        self._announce_run()
        if recorder is not None and len(recorder.vectors):  # the path as it was saved, not only from here on
            self._recorder = recorder
        self._initial_weights = trainer.initial_weights  # the line from the run's real start
        self.snapshot_restored.emit()

    # ------------------------------------------------------------ the landscape
    def _compute_landscape(self, directions: str, resolution: int) -> None:
        """Drive the core's progressive slice; cancel, stop or a newer request ends it early.

        Other commands that arrive meanwhile wait, in order, until it is done.
        """
        self.slice_landscape(self._trainer, self._recorder, self._initial_weights, directions, resolution,
                             LINE_POINTS, ("landscape",))

    # ------------------------------------------------------------ reports
    def _closing(self) -> bool:
        return self.stopping

    def _report(self, force: bool = False) -> None:
        """Evaluate and emit a copy, unless it is too soon or the GUI is still drawing the previous one."""
        if not self.report_due(force):
            return
        trainer = self._trainer
        now = self.clock()
        origin_time, origin_step = self._rate_origin
        elapsed, steps_done = now - origin_time, trainer.step_count - origin_step
        rate = steps_done / elapsed if elapsed > 0 and steps_done > 0 else 0.0
        if not self._pending or self._pending[-1].step != trainer.step_count:
            try:  # a big set takes seconds to measure: closing need not wait for it
                self._pending.append(trainer.evaluate(should_stop=self._closing))
            except EvaluationStopped:
                return
        maps = (self._want_boundaries or self._inspected is not None) and (
            force or now - self._last_boundaries_time >= BOUNDARY_INTERVAL_S)
        if maps:
            self._last_boundaries_time = now
        progress = progress_of(trainer, self._pending, rate, boundaries=maps, gradients=self._want_gradients,
                               inspected=self._inspected if maps else None)
        self._pending = []
        self._rate_origin = (now, trainer.step_count)
        self.report_sent()
        self.progressed.emit(progress)

