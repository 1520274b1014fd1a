"""NetworkTab: the neuron graph with its step-through controls, decision boundary and gradients.

It asks the worker for a trace of one example (which trains on that example for real),
plays it with a TracePlayer, and shows live weights, boundaries and gradient sizes
between passes. All drawing is done by the views it holds. Everything it shows is a
NetworkState (state.py): `state()` reads it, `apply_state()` restores it, and
`state_changed` reports it whenever the user changes it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QInputDialog, QLabel, QSplitter, QVBoxLayout, QWidget

from core.mlp.reports import RunInfo, TrainingProgress
from core.mlp.trace import ExampleTrace
from core.nets.mlp import OUTPUT_ACTIVATIONS
from gui.network import frames
from gui.network.boundary_view import BoundaryView, GradientChart
from gui.network.controls import ALL_EDGES, StepToolbar
from gui.network.items import zoomed_font
from gui.network.network_view import NetworkView
from gui.network.neuron_inspector import NeuronInspector
from gui.network.state import NetworkState
from gui.network.tips import phase_sentence
from gui.network.trace_player import TracePlayer
from gui.style import numbers, theme
from gui.style.clock import clamp_speed
from gui.style.zoom import ZOOM
from gui.widgets.state_reporter import StateReporter



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

        self.trace_stale = False  # training has moved on since the pass on screen was recorded
        self._caption: tuple = ("intro",)  # what the caption says, kept so it can be said again in another language
        self.presenting = False
        self._editable = True  # the graph's ± buttons and menus (off in pictures; hidden while presenting)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
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
        main.setSizes([1000, 500])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = StepToolbar(self)
        self._connect_toolbar()
        layout.addWidget(self.toolbar)
        layout.addWidget(self.caption)
        layout.addWidget(main, 1)
        self.main_splitter = main
        self._apply_fonts()
        ZOOM.changed.connect(self._on_zoom_changed)
        self.retranslate()

    # ------------------------------------------------------------------ controls
    def _connect_toolbar(self) -> None:
        bar = self.toolbar
        self.play_pass_action, self.step_layer_action = bar.play_pass_action, bar.step_layer_action
        self.step_phase_action, self.back_action = bar.step_phase_action, bar.back_action
        self.next_example_action, self.shortcut_actions = bar.next_example_action, bar.shortcut_actions
        self.speed_slider, self.speed_label = bar.speed_slider, bar.speed_label
        self.edge_limit_combo, self.preset_action = bar.edge_limit_combo, bar.preset_action
        for action, slot in ((self.play_pass_action, self.toggle_pass), (self.step_layer_action, self.step_layer),
                             (self.step_phase_action, self.step_phase), (self.back_action, self.back),
                             (self.next_example_action, self.next_example),
                             (self.preset_action, self.request_deep_sigmoid)):
            action.triggered.connect(slot)
        self.speed_slider.valueChanged.connect(self.on_speed_changed)
        self.edge_limit_combo.currentIndexChanged.connect(self.on_edge_limit_chosen)

    # ------------------------------------------------------------------ presenter (the window calls these)
    def clicker_next(self) -> None:
        """Page Down / Right on a clicker: animate one layer; a fresh example when the pass is done."""
        self.step_layer()

    def clicker_previous(self) -> None:
        """Page Up / Left: back one step of the pass."""
        self.back()

    def clicker_play(self) -> None:
        """Space or the window's Play while this tab is shown: play or pause this example's pass."""
        self.toggle_pass()

    def set_presenting(self, on: bool) -> None:
        """Presenter mode: the editing and advanced controls hide, the graph and its caption grow."""
        self.presenting = bool(on)
        self.toolbar.set_presenting(self.presenting)
        self.network_view.set_editable(not self.presenting and self._editable)
        self.network_view.legend.setVisible(not self.presenting)
        self.main_splitter.widget(1).setVisible(not self.presenting)  # the graph takes the whole width
        self._apply_fonts()

    @Slot()
    def request_deep_sigmoid(self) -> None:
        self.preset_requested.emit("deep_sigmoid")

    # ------------------------------------------------------------------ language and zoom
    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """The caption says its last sentence again in the language now installed (the views reword themselves)."""
        self._render_caption()

    def _apply_fonts(self) -> None:
        size = theme.TITLE_POINT_SIZE + 5 if self.presenting else theme.PLOT_LABEL_POINT_SIZE
        self.caption.setFont(zoomed_font(size, bold=True))
        self.toolbar.apply_zoom()

    @Slot(float)
    def _on_zoom_changed(self, _factor: float) -> None:
        self._apply_fonts()

    def _say(self, *caption) -> None:
        """Show a caption: ("intro",), ("frame", phase, layer), ("finished",), ("training",) or ("stale", step)."""
        self._caption = caption
        self._render_caption()

    def _render_caption(self) -> None:
        kind = self._caption[0]
        stale = kind == "stale"
        if kind == "frame" and self.trace is not None:
            text = self.describe(*self._caption[1:])
        elif kind == "finished" and self.trace is not None:
            text = self.describe("update", -1) + "   " + self.tr("Right: next example.")
        elif kind == "refused":  # a step-through the core refused: its sentence, already in the user's language
            text = self._caption[1]
        elif kind == "training":
            text = self.tr("Training. Press Right to step one example through the network.")
        elif stale:
            text = self.tr("These numbers are from step {0}; training has moved on. Press → for a fresh example.").format(
                self._caption[1])
        else:
            text = self.tr("Press Right (or “Next example”) to send one training example through the network.")
        self.caption.setText(text)
        background = theme.WARNING_BACKGROUND if stale or kind == "refused" else "white"
        self.caption.setStyleSheet(f"background: {background}; color: black; padding: 6px;")

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
        """No pass on screen, the last one has been shown to its end, or training has moved on since it."""
        return self.trace is None or self.player.sequence is None or self.player.sequence.at_end or self.trace_stale

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
        frames.check_trace(trace)
        if self._pending_position is not None and self._pending_position[0] != trace.example_index:
            return  # an earlier request's pass, overtaken by a restore (a lesson's next scene): its pass is coming
        self._waiting_for_trace = False
        self.trace = trace
        self.trace_stale = False
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
        if not self.trace_stale:
            self._say("frame", phase, layer)

    @Slot(str)
    def on_trace_refused(self, message: str) -> None:
        """The worker refused the requested pass (it would diverge): say why; the next request is taken again."""
        self._waiting_for_trace = False
        self._pending_position = None
        self._say("refused", message)

    @Slot()
    def on_pass_finished(self) -> None:
        self._say("finished")

    @Slot(bool)
    def on_player_playing_changed(self, playing: bool) -> None:
        self.toolbar.set_playing(playing)
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
        self.inspector.inspect(self.info, neuron, (self.network_view, column, index))
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
        inspector.inspect(self.info, inspector.neuron, (self.network_view, layer + 1, index))

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
            if self.trace is not None:
                self._say("intro")  # the pass on screen goes with this network: so does its caption
            self.trace = None
            self.trace_stale = False
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
            if self.trace is not None and tuple(layer.weight.shape for layer in self.trace.layers) != key:
                self._restore_position(NetworkState())  # a pass of the network before an edit: gone, and its caption
            self._follow_new_network(key)
            if self._pending_neuron is not None:
                self._restore_inspector(self._pending_neuron)
        showing_pass = self.player.sequence is not None and not self.player.sequence.at_end
        if not showing_pass and self.trace is not None and progress.step > self.trace.step + 1:
            # Training has moved on past the example on screen: back to the live network.
            self.trace = None
            self.player.sequence = None
            self.network_view.clear_trace()
            self._say("training")
            self._report_state()
        elif showing_pass and self.trace is not None and progress.step > self.trace.step + 1 and not self.trace_stale:
            # A pass stopped half-way while training goes on: its numbers no longer describe the network.
            self.trace_stale = True
            self.network_view.set_stale(True)
            self._say("stale", self.trace.step)
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
            show_gradients=not self.gradient_chart.isHidden(), editable=self._editable)

    def apply_state(self, state: NetworkState) -> None:
        """Show `state`. A step-through of another example asks the worker for its pass (trace_requested),
        which trains on it as any pass does, and shows the frame, paused, when it arrives."""
        with self._states.applying():
            self.toolbar.setVisible(state.show_toolbar)
            self.gradient_chart.setVisible(state.show_gradients)
            self._show_boundary = state.show_boundary
            self._show_boundary_view()
            self._editable = state.editable
            self.network_view.set_editable(state.editable and not self.presenting)
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
                self._say("intro")  # no pass on screen: its caption goes with it
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
