"""TrainingSession: the MLP being trained, shared by the Training, Network and Landscape tabs.

It owns the TrainingWorker and its thread (started by `start`, stopped by `shutdown`),
takes the commands the tabs and the window give, and re-emits the worker's reports in
the GUI thread, keeping the last progress, the last trace and the TrainingState. Tabs
and the window subscribe to it; it knows none of them. Worker signals arrive here
through @Slot methods (never lambdas, which PySide6 would run in the worker's thread).
"""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.errors import ConfigError
from core.mlp.config import TrainConfig
from core.mlp.reports import RunInfo, TrainingProgress
from core.mlp.trace import ExampleTrace
from gui.i18n import say
from gui.threads import Clock, start_in_thread, stop_thread
from gui.training.state import TrainingState
from gui.training.worker import TrainingWorker
from gui.widgets import saved_values

TRAINING_IT = "training it"  # the work named in core.limits' refusal (a Phrase: translated in the "core" context)


def too_big(config: TrainConfig) -> str | None:
    """One sentence when training `config` cannot fit in this computer's free memory (core.limits); else None."""
    from core.errors import Phrase
    from core.limits import LimitError, mlp_training, require_fits

    try:
        require_fits(mlp_training(config, config.n_points), Phrase(TRAINING_IT))
    except LimitError as error:
        return say(error)
    except Exception:  # noqa: BLE001 - an estimate that cannot be made never blocks a run
        return None
    return None


class TrainingSession(QObject):
    """One training run at a time, in its own thread; every view of it listens here."""

    run_started = Signal(object, bool)  # RunInfo, keep_history
    progressed = Signal(object)  # TrainingProgress; drawn by every subscriber before the next one comes
    stepped = Signal(int)  # the step of each report
    playing_changed = Signal(bool)
    diverged = Signal(str)  # one sentence
    failed = Signal(str)  # one sentence: something unexpected stopped training; the app goes on
    settings_rejected = Signal(str)  # one sentence; the running settings stay
    config_proposed = Signal(object)  # a TrainConfig asked for on a graph (edit, preset), before it runs
    architecture_refused = Signal(str)  # one sentence: an edit on the graph that cannot be built
    trace_recorded = Signal(object)  # ExampleTrace
    trace_refused = Signal(str)  # one sentence: a step-through example was refused (non-finite); nothing changed
    network_replaced = Signal(bool)  # new weights; True when the settings stayed the same (a reset)
    landscape_progressed = Signal(float, object)
    landscape_finished = Signal(object)
    landscape_failed = Signal(str)
    snapshot_ready = Signal(object)  # a core.session.parts.Part (MLP_PART), answering request_snapshot()
    snapshot_restored = Signal()  # the restored run has started (its run_started and first report came first)

    def __init__(self, state: TrainingState, clock: Clock = time.perf_counter, parent: QObject | None = None):
        super().__init__(parent)
        refusal = too_big(state.config)
        if refusal:  # saved or typed settings this computer cannot hold: start on the defaults, and say why
            saved_values.add_note(refusal)
            state = state.with_config(TrainConfig(device=state.config.device))
        self.state = state
        self.last_progress: TrainingProgress | None = None
        self.last_trace: ExampleTrace | None = None
        self.playing = False
        self.thread: QThread | None = None
        self.worker = TrainingWorker(state.config, clock)
        worker = self.worker
        worker.run_started.connect(self._on_run_started)
        worker.progressed.connect(self._on_progress)
        worker.playing_changed.connect(self._on_playing_changed)
        worker.trace_recorded.connect(self._on_trace_recorded)
        # Sentences and slices pass straight through: a signal connected to a signal is queued
        # across the threads like a slot, and re-emitted here, on the GUI thread.
        for source, relay in ((worker.diverged, self.diverged), (worker.failed, self.failed),
                              (worker.trace_refused, self.trace_refused),
                              (worker.settings_rejected, self.settings_rejected),
                              (worker.landscape_progressed, self.landscape_progressed),
                              (worker.landscape_finished, self.landscape_finished),
                              (worker.landscape_failed, self.landscape_failed),
                              (worker.snapshot_ready, self.snapshot_ready),
                              (worker.snapshot_restored, self.snapshot_restored)):
            source.connect(relay)

    @property
    def config(self) -> TrainConfig:
        """The settings the running network actually uses."""
        return self.state.config

    # ------------------------------------------------------------------ life
    def start(self) -> None:
        """Start the worker's thread; connect to the signals first."""
        self.worker.set_speed(self.state.steps_per_second)
        self.thread = start_in_thread(self.worker, "glassbox-training")

    def shutdown(self) -> None:
        """Stop the training thread: flag, quit, wait. Safe to call twice."""
        if self.thread is not None:
            stop_thread(self.worker, self.thread)
            self.thread = None

    # ------------------------------------------------------------------ commands
    @Slot()
    def toggle_play(self) -> None:
        if self.playing:
            self.worker.pause()
        else:
            self.worker.play()

    @Slot()
    def step(self) -> None:
        self.worker.step()

    @Slot()
    def reset(self) -> None:
        self.worker.reset()

    @Slot(object)
    def apply_settings(self, config: TrainConfig, keep_weights: bool = False) -> None:
        """Train `config` from now; one that cannot fit in memory is refused (`settings_rejected`), the run stays."""
        refusal = too_big(config)
        if refusal:
            self.settings_rejected.emit(refusal)
            return
        self.worker.apply_settings(config, keep_weights)

    @Slot(int)
    def set_speed_index(self, index: int) -> None:
        self.state = self.state.with_speed(index)
        self.worker.set_speed(self.state.steps_per_second)

    @Slot(object)
    def record_trace(self, example_index) -> None:
        self.worker.record_trace(example_index)

    @Slot(int, int, int, float)
    def set_weight(self, layer: int, out: int, inp: int, value: float) -> None:
        self.worker.set_weight(layer, out, inp, value)

    @Slot(bool, bool)
    def set_extras(self, boundaries: bool, gradients: bool) -> None:
        self.worker.set_extras(boundaries, gradients)

    @Slot(object)
    def inspect_neuron(self, neuron) -> None:
        self.worker.inspect_neuron(neuron)

    @Slot(str, int)
    def compute_landscape(self, directions: str, resolution: int) -> None:
        self.worker.compute_landscape(directions, resolution)

    @Slot()
    def cancel_landscape(self) -> None:
        self.worker.cancel_landscape()

    @Slot()
    def request_snapshot(self) -> None:
        """Ask for the run as a Part; `snapshot_ready` answers on the GUI thread."""
        self.worker.request_snapshot()

    @Slot(object)
    def restore_snapshot(self, part) -> None:
        """Continue from a saved Part, paused: `run_started` follows (the views redraw, the settings panel shows
        the restored settings); a part that does not restore says so through `failed`, and the run stays."""
        self.worker.restore_snapshot(part)

    @Slot(object, object)
    def edit_architecture(self, hidden: tuple, activations: tuple) -> None:
        """± neurons or layers, or a layer's activation, changed on the graph: train on from the edited network."""
        config = self.config
        try:
            config = replace(config, hidden=tuple(hidden), activation=activations[0] if activations
                             else config.activation, layer_activations=tuple(activations)).validated()
        except ConfigError as error:
            self.architecture_refused.emit(say(error))
            return
        refusal = too_big(config)
        if refusal:
            self.architecture_refused.emit(refusal)
            return
        self.config_proposed.emit(config)
        self.worker.apply_settings(config, keep_weights=True)

    @Slot(str)
    def apply_preset(self, name: str) -> None:
        """'8 sigmoid layers': the classic picture of vanishing gradients."""
        if name == "deep_sigmoid":
            config = replace(self.config, hidden=(8,) * 8, activation="sigmoid", layer_activations=())
            self.config_proposed.emit(config)
            self.worker.apply_settings(config)

    # ------------------------------------------------------------------ worker reports (GUI thread)
    @Slot(object, bool)
    def _on_run_started(self, info: RunInfo, keep_history: bool) -> None:
        same_settings = info.config == self.config
        self.state = self.state.with_config(info.config)
        if not keep_history:  # new weights: a slice on screen shows a network that is gone
            self.network_replaced.emit(same_settings)
        self.run_started.emit(info, keep_history)

    @Slot(object)
    def _on_progress(self, progress: TrainingProgress) -> None:
        self.last_progress = progress
        self.progressed.emit(progress)
        self.stepped.emit(progress.step)
        self.worker.report_consumed()

    @Slot(bool)
    def _on_playing_changed(self, playing: bool) -> None:
        self.playing = playing
        self.playing_changed.emit(playing)

    @Slot(object)
    def _on_trace_recorded(self, trace: ExampleTrace) -> None:
        self.last_trace = trace
        self.trace_recorded.emit(trace)
