"""NetworkTab: the neuron graph with its step-through controls, decision boundary and gradients.

It asks the worker for a trace of one example (which trains on that example for real),
plays it with a TracePlayer, and shows live weights, boundaries and gradient sizes
between passes. All drawing is done by the views it holds.
"""

from __future__ import annotations


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

from core.nets.mlp import OUTPUT_ACTIVATIONS
from core.optimizers import OPTIMIZERS
from core.mlp.reports import RunInfo, TrainingProgress
from core.mlp.trace import ExampleTrace
from gui.style import theme
from gui.network.boundary_view import BoundaryView
from gui.network.gradient_chart import GradientChart
from gui.network.tips import neuron_title
from gui.network.network_view import NetworkView
from gui.network.neuron_inspector import NeuronInspector
from gui.network.trace_player import MAX_SPEED, MIN_SPEED, TracePlayer

EDGE_LIMIT_CHOICES = (2, 4, 8, 16, 32)  # "strongest k incoming edges per neuron" in the toolbar
ALL_EDGES = 1_000_000  # more than any layer's fan-in: every edge is drawn
LOSS_LABELS = {"bce": "binary cross-entropy", "cross_entropy": "cross-entropy", "mse": "mean squared error"}


class NetworkTab(QWidget):
    trace_requested = Signal(object)  # example index, or None for the next one
    preset_requested = Signal(str)  # "deep_sigmoid"
    weight_edit_requested = Signal(int, int, int, float)  # layer, out, in, new value
    architecture_requested = Signal(object, object)  # hidden widths, hidden activations: edited on the graph
    inspect_requested = Signal(object)  # (linear layer, neuron) while the inspector is open, else None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.info: RunInfo | None = None
        self.trace: ExampleTrace | None = None
        self._structure_key: tuple | None = None
        self._waiting_for_trace = False
        self._play_when_recorded = False

        self.network_view = NetworkView()
        self.network_view.caption.hide()
        self.network_view.edge_clicked.connect(self.on_edge_clicked)  # this tab's own caption says the phase and formula
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

    @Slot(int)
    def on_speed_changed(self, value: int) -> None:
        speed = min(MAX_SPEED, max(MIN_SPEED, 10 ** (value / 10)))
        self.player.set_speed(speed)
        self.speed_label.setText(f"{speed:.2g}×")

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

    @Slot()
    def toggle_pass(self) -> None:
        if self._needs_new_example():
            self.next_example(play=True)
        else:
            self.player.toggle()

    @Slot()
    def step_layer(self) -> None:
        if self._needs_new_example():
            self.next_example(play=False)
        else:
            self.player.step_layer()

    @Slot()
    def step_phase(self) -> None:
        if self._needs_new_example():
            self.next_example(play=False)
        else:
            self.player.step_phase()

    @Slot()
    def back(self) -> None:
        self.player.back()

    @Slot(object)
    def on_trace_recorded(self, trace: ExampleTrace) -> None:
        self._waiting_for_trace = False
        self.trace = trace
        self.player.load(len(trace.layers))
        if self._play_when_recorded:
            self.player.play()
        else:
            self.player.step_layer()

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

    def describe(self, phase: str, layer: int) -> str:
        """The caption: which phase, which layer, and the formula being shown."""
        trace = self.trace
        count = len(trace.layers)
        if phase == "forward":
            name = trace.layers[layer].activation
            return self.tr("1 · Forward, layer {0} of {1}: z = Σ wᵢ·xᵢ + b, then a = {2}(z)").format(
                layer + 1, count, "softmax" if name == "softmax" else name)
        if phase == "loss":
            return self.tr("2 · Loss ({0}): prediction {1} vs target {2} → L = {3}").format(
                LOSS_LABELS[trace.loss_name], _vector(trace.layers[-1].a), _vector(trace.target),
                f"{trace.loss_value:.4g}")
        if phase == "backward":
            return self.tr("3 · Backward, layer {0} of {1}: δ = ∂L/∂z flows back; ∂L/∂w = δ · input").format(
                layer + 1, count)
        return self.tr("4 · Update ({0}, η = {1}): every weight moves by Δw = −η·∂L/∂w. "
                       "Edges now show Δw: orange grew, blue shrank, thicker changed more").format(
            OPTIMIZERS[trace.optimizer], f"{trace.learning_rate:g}")

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

    @Slot()
    def _on_inspector_closed(self) -> None:
        self.inspect_requested.emit(None)

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
    @Slot(object, bool)
    def on_run_started(self, info: RunInfo, keep_history: bool = False) -> None:
        self.info = info
        if not keep_history:
            self.trace = None
            self.player.pause()
            self.player.sequence = None
            self._structure_key = None
            self.network_view.clear_trace()
        # Digits are 784 pixels, not points in a plane: there is no boundary map to draw.
        self.boundary_view.setVisible(not info.dataset.is_image)
        self.network_view.set_input_preview(info.dataset.x_train[0] if info.dataset.is_image else None)
        if not info.dataset.is_image:
            self.boundary_view.set_dataset(info.dataset, info.output_activation)

    @Slot(object)
    def on_progress(self, progress: TrainingProgress) -> None:
        if self.info is None:
            return
        key = tuple(weight.shape for weight, _ in progress.weights)
        if key != self._structure_key:
            config = self.info.config
            sizes = [key[0][1], *(shape[0] for shape in key)]
            self.network_view.set_structure(sizes, self.info.input_names, list(config.hidden_activations()),
                                            OUTPUT_ACTIVATIONS[self.info.task], self.info.dataset.class_names)
            self._structure_key = key
            self._follow_new_network(key)
        showing_pass = self.player.sequence is not None and not self.player.sequence.at_end
        if not showing_pass and self.trace is not None and progress.step > self.trace.step + 1:
            # Training has moved on past the example on screen: back to the live network.
            self.trace = None
            self.player.sequence = None
            self.network_view.clear_trace()
            self.caption.setText(self.tr("Training. Press Right to step one example through the network."))
        if not showing_pass:
            self.network_view.set_weights(progress.weights)
        if progress.boundaries is not None:
            self.boundary_view.show_maps(progress.boundaries)
            self.network_view.set_boundaries(progress.boundaries)
        if progress.gradient_magnitudes is not None:
            self.gradient_chart.show_magnitudes(progress.gradient_magnitudes)
        if progress.neuron_activity is not None and self.inspector is not None and self.inspector.isVisible():
            self.inspector.show_activity(progress.neuron_activity, progress.boundaries)


def _vector(values) -> str:
    numbers = [f"{value:.3g}" for value in list(values)[:6]]
    return numbers[0] if len(numbers) == 1 else "(" + ", ".join(numbers) + ("…" if len(values) > 6 else "") + ")"
