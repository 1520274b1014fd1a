"""NetworkTab: the neuron graph with its step-through controls, decision boundary and gradients.

It asks the worker for a trace of one example (which trains on that example for real),
plays it with a TracePlayer, and shows live weights, boundaries and gradient sizes
between passes. All drawing is done by the views it holds. Everything it shows is a
NetworkState (state.py): `state()` reads it, `apply_state()` restores it, and
`state_changed` reports it whenever the user changes it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QSlider,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.mlp.reports import RunInfo, TrainingProgress
from core.mlp.trace import ExampleTrace
from core.nets.mlp import OUTPUT_ACTIVATIONS
from gui.network.boundary_view import BoundaryView
from gui.network.gradient_chart import GradientChart
from gui.network.network_view import NetworkView
from gui.network.neuron_inspector import NeuronInspector
from gui.network.state import EDGE_LIMIT_CHOICES, NetworkState
from gui.network.tips import neuron_title, phase_sentence
from gui.network.trace_player import TracePlayer
from gui.style import numbers, theme
from gui.style.clock import clamp_speed
from gui.widgets.state_reporter import StateReporter

ALL_EDGES = 1_000_000  # more than any layer's fan-in: every edge is drawn


class NetworkTab(QWidget):
    trace_requested = Signal(object)  # example index, or None for the next one
    preset_requested = Signal(str)  # "deep_sigmoid"
    weight_edit_requested = Signal(int, int, int, float)  # layer, out, in, new value
    architecture_requested = Signal(object, object)  # hidden widths, hidden activations: edited on the graph
    inspect_requested = Signal(object)  # (linear layer, neuron) while the inspector is open, else None
    state_changed = Signal(object)  # NetworkState, after the user changed what the tab shows

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.info: RunInfo | None = None
        self.trace: ExampleTrace | None = None
        self._structure_key: tuple | None = None
        self._waiting_for_trace = False
        self._play_when_recorded = False
        self._show_boundary = True  # unless the inputs are an image, which has no input plane to map
        self._pending_position: tuple[int, tuple[str, int, float]] | None = None  # restored: (example, frame)
        self._pending_neuron: tuple[int, int] | None = None  # restored before its network arrived
        self._unseen_progress: TrainingProgress | None = None  # arrived while another tab was in front
        self._states = StateReporter(self.state, self.state_changed.emit)  # state_changed, once per change

        self.network_view = NetworkView()
        self.network_view.caption.hide()  # this tab's own caption, above everything, says the same sentence
        self.network_view.edge_clicked.connect(self.on_edge_clicked)
        self.network_view.architecture_edited.connect(self.architecture_requested)
        self.network_view.neuron_clicked.connect(self.open_inspector)
        self.inspector: NeuronInspector | None = None  # made on the first click of a neuron
        self.boundary_view = BoundaryView()
        self.gradient_chart = GradientChart()
        self.boundary_view.example_clicked.connect(self.request_example)
        self.player = TracePlayer(self)
        self.player.frame_changed.connect(self.on_frame)
        self.player.finished.connect(self.on_pass_finished)
        self.player.playing_changed.connect(self.on_player_playing_changed)

        self.caption = QLabel(self.tr("Press Right (or “Next example”) to send one training example through the network."))
        self.caption.setWordWrap(True)
        self.caption.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE, bold=True))
        self.caption.setStyleSheet("background: white; color: black; padding: 6px;")

        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.boundary_view)
        side.addWidget(self.gradient_chart)
        side.setSizes([500, 260])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.network_view)
        main.addWidget(side)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 1)
        main.setSizes([1000, 520])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = self._build_toolbar()
        layout.addWidget(self.toolbar)
        layout.addWidget(self.caption)
        layout.addWidget(main, 1)

    # ------------------------------------------------------------------ controls
    def _action(self, text: str, slot, shortcut: str, tip: str, clicker: str = "") -> QAction:
        """A toolbar action with its key; `clicker` is the key a presentation remote sends for it."""
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key) for key in (shortcut, clicker) if key])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{tip} ({shortcut})")
        action.triggered.connect(slot)
        return action

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar(self.tr("Step-through"))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.play_pass_action = self._action(self.tr("▶ Play pass"), self.toggle_pass, "Space",
                                             self.tr("Play this example's pass: forward, loss, backward, update"))
        self.step_layer_action = self._action(self.tr("Step ▸"), self.step_layer, "Right",
                                              self.tr("Animate one layer of the pass; a new example when it is done"),
                                              clicker="PgDown")
        self.step_phase_action = self._action(self.tr("Phase ▸▸"), self.step_phase, "Shift+Right",
                                              self.tr("Animate to the end of the current phase"))
        self.back_action = self._action(self.tr("◂ Back"), self.back, "Left", self.tr("Back one step"), clicker="PgUp")
        self.next_example_action = self._action(self.tr("Next example"), self.next_example, "N",
                                                self.tr("Take the next training example and show its pass"))
        self.shortcut_actions = [self.play_pass_action, self.step_layer_action, self.step_phase_action,
                                 self.back_action, self.next_example_action]
        toolbar.addActions(self.shortcut_actions)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" Speed ")))
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(-10, 10)  # 10^(v/10): 0.1× … 10×
        self.speed_slider.setFixedWidth(160)
        self.speed_slider.setToolTip(self.tr("Animation speed, 0.1× to 10×"))
        self.speed_slider.valueChanged.connect(self.on_speed_changed)
        toolbar.addWidget(self.speed_slider)
        self.speed_label = QLabel("1×")
        toolbar.addWidget(self.speed_label)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" Edges ")))
        self.edge_limit_combo = QComboBox()
        self.edge_limit_combo.setToolTip(self.tr(
            "How many incoming edges to draw per neuron: its strongest k by |w|. "
            "Auto thins only layers with thousands of edges; All draws every weight."))
        self.edge_limit_combo.addItem(self.tr("auto"), None)
        for k in EDGE_LIMIT_CHOICES:
            self.edge_limit_combo.addItem(self.tr("strongest {0}").format(k), k)
        self.edge_limit_combo.addItem(self.tr("all"), ALL_EDGES)
        self.edge_limit_combo.currentIndexChanged.connect(self.on_edge_limit_chosen)
        toolbar.addWidget(self.edge_limit_combo)
        toolbar.addSeparator()
        preset = QAction(self.tr("Preset: 8 sigmoid layers"), self)
        preset.setToolTip(self.tr("Eight hidden sigmoid layers: watch the gradient fade towards the input"))
        preset.triggered.connect(lambda: self.preset_requested.emit("deep_sigmoid"))
        toolbar.addAction(preset)
        return toolbar

    def set_shortcuts_active(self, active: bool) -> None:
        """Space, arrows and N drive the step-through only while this tab is shown."""
        for action in self.shortcut_actions:
            action.setEnabled(active)

    @Slot(int)
    def on_edge_limit_chosen(self, index: int) -> None:
        self.network_view.set_edge_limit(self.edge_limit_combo.itemData(index))
        self._report_state()

    @Slot(int)
    def on_speed_changed(self, value: int) -> None:
        self._set_speed(10 ** (value / 10))
        self._report_state()

    def _set_speed(self, speed: float) -> None:
        speed = clamp_speed(speed)
        self.player.set_speed(speed)
        self.speed_label.setText(numbers.significant(speed, 2) + "×")

    # ------------------------------------------------------------------ step-through
    @Slot()
    def next_example(self, play: bool = True) -> None:
        if self._waiting_for_trace:
            return
        self._waiting_for_trace = True
        self._play_when_recorded = play
        self.trace_requested.emit(None)

    @Slot(int)
    def request_example(self, index: int) -> None:
        """A clicked data point: show that example's pass."""
        self._waiting_for_trace = True
        self._play_when_recorded = True
        self.trace_requested.emit(index)

    def _needs_new_example(self) -> bool:
        """No pass on screen, or the last one has been shown to its end."""
        return self.trace is None or self.player.sequence is None or self.player.sequence.at_end

    def _go_on(self, command, play: bool) -> None:
        """Run a player command on the pass on screen, or start the next example's pass."""
        if self._needs_new_example():
            self.next_example(play=play)
        else:
            command()

    @Slot()
    def toggle_pass(self) -> None:
        self._go_on(self.player.toggle, play=True)

    @Slot()
    def step_layer(self) -> None:
        self._go_on(self.player.step_layer, play=False)

    @Slot()
    def step_phase(self) -> None:
        self._go_on(self.player.step_phase, play=False)

    @Slot()
    def back(self) -> None:
        self.player.back()
        self._report_state()

    @Slot(object)
    def on_trace_recorded(self, trace: ExampleTrace) -> None:
        self._waiting_for_trace = False
        self.trace = trace
        self.player.load(len(trace.layers))
        pending, self._pending_position = self._pending_position, None
        if pending is not None and pending[0] == trace.example_index:
            self.player.seek(*pending[1])  # a restored step-through: that frame, paused
        elif self._play_when_recorded:
            self.player.play()
        else:
            self.player.step_layer()
        self._report_state()

    @Slot(str, int, float)
    def on_frame(self, phase: str, layer: int, fraction: float) -> None:
        if self.trace is None:
            return
        self.network_view.show_trace(self.trace, phase, layer, fraction)
        self.caption.setText(self.describe(phase, layer))

    @Slot()
    def on_pass_finished(self) -> None:
        self.caption.setText(self.describe("update", -1) + "   " + self.tr("Right: next example."))

    @Slot(bool)
    def on_player_playing_changed(self, playing: bool) -> None:
        self.play_pass_action.setText(self.tr("❚❚ Pause pass") if playing else self.tr("▶ Play pass"))
        if not playing:
            self._report_state()  # the step-through has settled on a frame

    def describe(self, phase: str, layer: int) -> str:
        """The caption: which phase, which layer, and the formula being shown (the graph's sentence table)."""
        return phase_sentence(self.trace, phase, layer)

    @Slot(int, int, int)
    def on_edge_clicked(self, layer: int, out: int, inp: int) -> None:
        """Ask for a new weight value; the network trains on from the edited weight."""
        weights = self.network_view.weights
        current = float(weights[layer][0][out, inp]) if weights is not None else 0.0
        value, accepted = QInputDialog.getDouble(
            self, self.tr("Edit weight"), self.network_view.edge_tip(layer, out, inp).split("\n")[0] + "\n"
            + self.tr("New value of w:"), current, -1e6, 1e6, 4)
        if accepted:
            self.weight_edit_requested.emit(layer, out, inp, value)

    # ------------------------------------------------------------------ inspector
    @Slot(int, int)
    def open_inspector(self, column: int, index: int) -> None:
        """Show neuron `index` of graph column `column` up close; the worker adds its numbers to reports."""
        if self.info is None or column < 1:
            return
        if self.inspector is None:
            self.inspector = NeuronInspector(self)
            self.inspector.finished.connect(self._on_inspector_closed)
        neuron = (column - 1, index)
        self.inspector.inspect(self.info, neuron, neuron_title(self.network_view, column, index))
        self.inspector.show()
        self.inspector.raise_()
        self.inspect_requested.emit(neuron)
        self._report_state()

    @Slot()
    def _on_inspector_closed(self) -> None:
        self.inspect_requested.emit(None)
        self._report_state()

    def _follow_new_network(self, shapes: tuple) -> None:
        """A new or edited network: the inspector follows its neuron there, or closes if it is gone."""
        inspector = self.inspector
        if inspector is None or not inspector.isVisible() or inspector.neuron is None:
            return
        layer, index = inspector.neuron
        if layer >= len(shapes) or index >= shapes[layer][0]:
            inspector.close()
            return
        inspector.inspect(self.info, inspector.neuron, neuron_title(self.network_view, layer + 1, index))

    # ------------------------------------------------------------------ live state
    def _out_of_sight(self) -> bool:
        """True while the window is shown with another tab in front and no inspector of ours is open."""
        inspecting = self.inspector is not None and self.inspector.isVisible()
        return self.window().isVisible() and not self.isVisible() and not inspecting

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        unseen = self._unseen_progress
        if unseen is not None:
            self.on_progress(unseen)

    @Slot(object, bool)
    def on_run_started(self, info: RunInfo, keep_history: bool = False) -> None:
        self.info = info
        if not keep_history:
            self.trace = None
            self.player.pause()
            self.player.sequence = None
            self._structure_key = None
            self.network_view.clear_trace()
        self._show_boundary_view()
        self.network_view.set_input_preview(info.dataset.x_train[0] if info.dataset.is_image else None)
        if not info.dataset.is_image:
            self.boundary_view.set_dataset(info.dataset, info.output_activation)

    @Slot(object)
    def on_progress(self, progress: TrainingProgress) -> None:
        if self.info is None:
            return
        if self._out_of_sight():
            # Another tab is in front: drawing thousands of edges nobody sees would take the
            # worker's interpreter time (bench/training_overhead.py). Keep the newest, draw it on show.
            self._unseen_progress = progress
            return
        self._unseen_progress = None
        key = tuple(weight.shape for weight, _ in progress.weights)
        if key != self._structure_key:
            config = self.info.config
            sizes = [key[0][1], *(shape[0] for shape in key)]
            self.network_view.set_structure(sizes, self.info.input_names, list(config.hidden_activations()),
                                            OUTPUT_ACTIVATIONS[self.info.task], self.info.dataset.class_names)
            self._structure_key = key
            self._follow_new_network(key)
            if self._pending_neuron is not None:
                self._restore_inspector(self._pending_neuron)
        showing_pass = self.player.sequence is not None and not self.player.sequence.at_end
        if not showing_pass and self.trace is not None and progress.step > self.trace.step + 1:
            # Training has moved on past the example on screen: back to the live network.
            self.trace = None
            self.player.sequence = None
            self.network_view.clear_trace()
            self.caption.setText(self.tr("Training. Press Right to step one example through the network."))
            self._report_state()
        if not showing_pass:
            self.network_view.set_weights(progress.weights)
        if progress.boundaries is not None:
            self.boundary_view.show_maps(progress.boundaries)
            self.network_view.set_boundaries(progress.boundaries)
        if progress.gradient_magnitudes is not None:
            self.gradient_chart.show_magnitudes(progress.gradient_magnitudes)
        if progress.neuron_activity is not None and self.inspector is not None and self.inspector.isVisible():
            self.inspector.show_activity(progress.neuron_activity, progress.boundaries)


    # ------------------------------------------------------------------ state
    def state(self) -> NetworkState:
        """Everything this tab shows, as plain Python (a restore still waiting for its trace included)."""
        example, frame = None, None
        if self._pending_position is not None:
            example, frame = self._pending_position
        elif self.trace is not None and self.player.sequence is not None:
            unit = self.player.sequence.unit
            example, frame = self.trace.example_index, (unit.phase, unit.layer, self.player.sequence.fraction)
        phase, layer, fraction = frame if frame is not None else (None, 0, 1.0)
        limit = self.edge_limit_combo.currentData()
        inspector = self.inspector
        neuron = self._pending_neuron
        if neuron is None and inspector is not None and inspector.isVisible():
            neuron = inspector.neuron
        return NetworkState(
            example_index=example, phase=phase, layer=layer, fraction=fraction, speed=self.player.speed,
            edge_limit="auto" if limit is None else "all" if limit == ALL_EDGES else int(limit),
            inspected_neuron=neuron, show_toolbar=not self.toolbar.isHidden(), show_boundary=self._show_boundary,
            show_gradients=not self.gradient_chart.isHidden(), editable=self.network_view.editable)

    def apply_state(self, state: NetworkState) -> None:
        """Show `state`. A step-through of another example asks the worker for its pass (trace_requested),
        which trains on it as any pass does, and shows the frame, paused, when it arrives."""
        with self._states.applying():
            self.toolbar.setVisible(state.show_toolbar)
            self.gradient_chart.setVisible(state.show_gradients)
            self._show_boundary = state.show_boundary
            self._show_boundary_view()
            self.network_view.set_editable(state.editable)
            self.speed_slider.blockSignals(True)
            self.speed_slider.setValue(round(10 * math.log10(clamp_speed(state.speed))))
            self.speed_slider.blockSignals(False)
            self._set_speed(state.speed)
            data = None if state.edge_limit == "auto" else ALL_EDGES if state.edge_limit == "all" else state.edge_limit
            self.edge_limit_combo.setCurrentIndex(max(0, self.edge_limit_combo.findData(data)))
            self._restore_position(state)
            self._restore_inspector(state.inspected_neuron)

    def _restore_position(self, state: NetworkState) -> None:
        if state.example_index is None or state.phase is None:
            self._pending_position = None
            if self.trace is not None:
                self.player.pause()
                self.trace = self.player.sequence = None
                self.network_view.clear_trace()
            return
        frame = (state.phase, state.layer, state.fraction)
        same_example = self.trace is not None and self.trace.example_index == state.example_index
        if same_example and self.player.sequence is not None:
            self._pending_position = None
            self.player.seek(*frame)
            return
        self.player.pause()
        self._pending_position = (state.example_index, frame)
        self._waiting_for_trace = True
        self._play_when_recorded = False
        self.trace_requested.emit(state.example_index)

    def _restore_inspector(self, neuron: tuple[int, int] | None) -> None:
        """Open the inspector on `neuron` (layer, index), or close it; wait for a network to open it in."""
        self._pending_neuron = None
        if neuron is None:
            if self.inspector is not None and self.inspector.isVisible():
                self.inspector.close()
            return
        sizes = self.network_view.sizes
        if self.info is None or not sizes:
            self._pending_neuron = neuron
        elif neuron[0] + 1 < len(sizes) and neuron[1] < sizes[neuron[0] + 1]:
            self.open_inspector(neuron[0] + 1, neuron[1])

    def _show_boundary_view(self) -> None:
        # Digits are 784 pixels, not points in a plane: there is no boundary map to draw.
        image = self.info is not None and self.info.dataset.is_image
        self.boundary_view.setVisible(self._show_boundary and not image)

    @Slot()
    def _report_state(self) -> None:
        self._states.report()
