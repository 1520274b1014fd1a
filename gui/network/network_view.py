"""NetworkView: an MLP drawn neuron by neuron and weight by weight, with a trace replayed on it.

The edges are the costly part: a 64-64-64-10 net has 8,832 of them. Each linear layer
is one EdgeBatch item. It splits its edges into nine pen buckets (sign × four widths,
plus "no weights yet") and draws them once into a device-pixel cache. A forward-pulse
frame then moves one ScatterPlotItem of dots and blits the cached edges. Edges are
drawn again only when a bucket changes: new weights, or the backward pass reaching a
layer. Neurons are one ScatterPlotItem whose brushes come from 17 cached colours.

This module is the widget: its public methods, the mouse, editing on the graph, and its
answers to a new language (retranslate), a new zoom and a stale pass. The items and their
painting are in scene.py, where their texts go in placement.py, what a frame shows in frames.py, what is
under the mouse in layout.py (edges, neurons) and editing.py (buttons), and every sentence in tips.py.
"""

from __future__ import annotations

from functools import partial
from typing import Sequence

import numpy as np

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from core.mlp.trace import ExampleTrace
from core.nets.mlp import ACTIVATIONS
from gui.network import frames, tips
from gui.network import layout as geo
from gui.network.editing import Edit, GraphButton, apply_edit, control_at
from gui.network.items import EdgeBatch, NeuronThumbnails, fill_colours, zoomed_font
from gui.network.scene import NetworkScene
from gui.style import theme
from gui.style.plots import check_finite
from gui.style.zoom import ZOOM


class NetworkView(NetworkScene, QWidget):
    """Columns of neurons joined by weight-coloured edges. It replays an ExampleTrace one frame at a time."""

    edge_clicked = Signal(int, int, int)  # layer, out, in: the user wants to type a new weight
    neuron_clicked = Signal(int, int)  # column, index of a hidden or output neuron: open its inspector
    architecture_edited = Signal(object, object)  # hidden widths, hidden activations (tuples)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # else a subclass ignores the sheet
        self.setStyleSheet("NetworkView { background: white; }")
        self._brushes = [QBrush(colour) for colour in fill_colours()]
        self._outline = pg.mkPen(theme.GREY, width=1.5)

        self.caption = QLabel()
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.plot = pg.PlotWidget(background="w")
        item = self.plot.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.hideButtons()
        self.view_box = item.getViewBox()
        self.view_box.setAspectLocked(True)
        self.view_box.invertY(True)  # the first neuron of a column at the top
        self.view_box.disableAutoRange()
        self._marker_scale = 1.0  # a resize can arrive while the scene is still being built
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.view_box.sigTransformChanged.connect(self._on_view_changed)
        self.view_box.sigResized.connect(self._fit_view)  # e.g. a tab shown for the first time
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.thinning_label = QLabel("")
        self.thinning_label.setStyleSheet(f"color: {theme.VERMILLION};")
        self.thinning_label.hide()

        footer = QVBoxLayout()  # the thinning note on its own line: the legend must not wrap
        footer.addWidget(self.thinning_label)
        footer.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)
        layout.addLayout(footer)

        self.sizes: tuple[int, ...] = ()
        self.input_names: tuple[str, ...] = ()
        self.activations: tuple[str, ...] = ()
        self.output_activation = "linear"
        self.class_names: tuple[str, ...] = ()
        self.net_layout: geo.NetworkLayout | None = None
        self.edge_limit: int | None = None
        self.trace: ExampleTrace | None = None
        self.phase: str | None = None
        self.layer = 0
        self.fraction = 1.0
        self._trace_serial = 0  # tells traces apart in cache keys (an id() can be reused)
        self._weights: list[tuple[np.ndarray, np.ndarray]] | None = None
        self._edge_tip_shown = False
        self._boundary_maps = None  # BoundaryMaps of the current structure, once the worker sends them
        self.thumbs: NeuronThumbnails | None = None
        self.edge_items: list[EdgeBatch] = []
        self.edit_buttons: list[GraphButton] = []
        self.layer_headers: list[pg.TextItem] = []
        self._input_preview: np.ndarray | None = None
        self.editable = True  # ± buttons and activation menus on the graph (off for exported pictures)
        self.stale = False  # the pass on screen is from an earlier step than the network now training
        self._apply_fonts()
        ZOOM.changed.connect(self._on_zoom_changed)
        self.retranslate()

    # ------------------------------------------------------------------ language and zoom
    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Every text again in the language now installed, the frame on screen included."""
        self.legend.setText(tips.legend_html())
        self._fit_legend()
        if self.net_layout is None:
            self.caption.setText(self.tr("No network yet"))
            return
        self._retranslate_scene()

    def _apply_fonts(self) -> None:
        self.caption.setFont(zoomed_font(theme.TITLE_POINT_SIZE, bold=True))
        # A fixed height, so a longer caption never resizes the plot (which would redraw every edge).
        self.caption.setFixedHeight(int(self.caption.fontMetrics().height() * 1.4))
        self.legend.setFont(zoomed_font(theme.PLOT_TICK_POINT_SIZE))
        self.thinning_label.setFont(zoomed_font(theme.PLOT_TICK_POINT_SIZE, bold=True))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_legend()

    def _fit_legend(self) -> None:
        """The legend wraps only where the graph has height to spare (zoomed in on a small screen, each line
        of it would shrink the drawing): else it is one line, cut at the edge, and whole in its tooltip."""
        wrap = self.height() >= 14 * self.legend.fontMetrics().height()
        if wrap != self.legend.wordWrap():
            self.legend.setWordWrap(wrap)
        self.legend.setToolTip("" if wrap else tips.legend_html())

    @Slot(float)
    def _on_zoom_changed(self, _factor: float) -> None:
        """Texts, circles and pulses at the new zoom: the items are built again, the frame on screen kept."""
        self._apply_fonts()
        self.legend.setText(tips.legend_html())
        self._fit_legend()
        if self.net_layout is not None:
            self._rebuild_items()

    def set_stale(self, stale: bool) -> None:
        """Dim the pass on screen: training has moved on since its numbers were recorded."""
        self.stale = bool(stale)
        self._dim_trace()

    # ------------------------------------------------------------------ structure
    def set_structure(
        self,
        sizes: Sequence[int],
        input_names: Sequence[str],
        activations: Sequence[str],
        output_activation: str,
        class_names: Sequence[str] = (),
    ) -> None:
        """Lay the network out afresh: columns left to right, neurons centred in each column."""
        sizes = tuple(int(size) for size in sizes)
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError("A network needs an input and an output layer, each with at least one neuron.")
        if len(activations) != len(sizes) - 2:
            raise ValueError(f"Give one activation per hidden layer ({len(sizes) - 2}), not {len(activations)}.")
        self.sizes = sizes
        self.input_names = tuple(input_names)
        self.activations = tuple(activations)
        self.output_activation = output_activation
        self.class_names = tuple(class_names)
        self.net_layout = geo.build_layout(sizes)
        if self._weights is not None and frames.sizes_of(self._weights) != sizes:
            self._weights = None
        self.trace = self.phase = None
        self._boundary_maps = None  # they belong to the old structure
        self._build_items()
        self._redraw()
        # The column headers' height in view units is right only once the new items have been
        # laid out; place "− layer" / "+ layer" under them again on the next turn of the event loop
        # (built while shown, nothing else would move them, and they sat on the layer names).
        QTimer.singleShot(0, self, self._fit_view)

    def set_edge_limit(self, k: int | None) -> None:
        """Draw each neuron's strongest k incoming edges (None: all, thinning big layers automatically)."""
        if k is not None and (not isinstance(k, (int, np.integer)) or k < 1):
            raise ValueError(f"The edge limit must be a whole number of at least 1, or None, not {k!r}.")
        self.edge_limit = None if k is None else int(k)
        if self.net_layout is not None:
            self._update_limits()
            self._redraw()

    # ------------------------------------------------------------------ weights and traces
    def set_weights(self, weights: Sequence[tuple[np.ndarray, np.ndarray]]) -> None:
        """New weights while training: recolour edges and bias rings (no items are rebuilt)."""
        weights = [(check_finite(w, "the network's weights"), check_finite(b, "the network's biases"))
                   for w, b in weights]
        sizes = frames.sizes_of(weights)
        if sizes != self.sizes:
            self._weights = weights
            self._rebuild_from(sizes, self.input_names, self.activations, self.output_activation)
            return
        self._weights = weights
        if self.trace is None:  # a trace on screen shows its own weights until clear_trace()
            self._draw_edges()
            self._draw_biases()

    def show_trace(self, trace: ExampleTrace, phase: str, layer: int, fraction: float = 1.0) -> None:
        """Draw one frame of a step-through: `phase` at linear layer `layer`, `fraction` of the way."""
        layer, fraction = frames.clamp_frame(trace, phase, layer, fraction)  # refuses an unknown phase
        sizes = frames.trace_sizes(trace)
        if sizes != self.sizes:
            hidden = tuple(item.activation for item in trace.layers[:-1])
            self._rebuild_from(sizes, trace.input_names, hidden, trace.output_activation)
        if trace is not self.trace:
            self.stale = False
            self._trace_serial += 1
            self._pulse_cache.clear()
            self._show_input_image(trace.input)
        self.trace, self.phase, self.layer, self.fraction = trace, phase, layer, fraction
        self._redraw()

    def clear_trace(self) -> None:
        """Back to the plain weight display."""
        self.trace = self.phase = None
        self.stale = False
        self._show_input_image(self._input_preview)
        self._redraw()

    def set_input_preview(self, values: np.ndarray | None) -> None:
        """An example image shown in an image input while no pass is on screen (None: a plain square)."""
        self._input_preview = None if values is None else np.asarray(values)
        if self.trace is None:
            self._show_input_image(self._input_preview)

    def drawn_edge_count(self, layer: int | None = None) -> int:
        """How many edges are drawn, in linear layer `layer` or in all of them."""
        items = self.edge_items if layer is None else [self.edge_items[layer]]
        return sum(item.segment_count() for item in items)

    def neuron_colours(self, column: int) -> list[str]:
        """Fill colours (#rrggbb) of the neurons in column `column` as drawn now."""
        start = self._offsets[column]
        brushes = self.neuron_item.data["brush"][start : start + self.sizes[column]]
        return [brush.color().name() for brush in brushes]

    def value_texts(self, column: int) -> list[str]:
        """The numbers beside the neurons of `column` ("" where none is shown)."""
        return [label.toPlainText() if label.isVisible() else "" for label in self.value_labels.get(column, ())]

    def edge_at(self, x: float, y: float, tolerance_px: float = 5.0) -> tuple[int, int, int] | None:
        """(layer, out, in) of the edge under view point (x, y), or None; thinned layers are not searched."""
        if self.net_layout is None or self._weights is None:
            return None
        pixel = self.view_box.viewPixelSize()[0] or 1.0
        return geo.edge_at(self.net_layout, x, y, pixel, tolerance_px)

    @property
    def weights(self) -> list[tuple[np.ndarray, np.ndarray]] | None:
        """The live weights drawn when no pass is on screen (copies from the worker)."""
        return self._weights

    def edge_tip(self, layer: int, out: int, inp: int) -> str:
        return tips.edge_tip(self, layer, out, inp)

    def neuron_tip(self, x=None, y=None, data=None) -> str:
        """pyqtgraph's hover callback; `data` is (column, index)."""
        return tips.neuron_tip(self, *data)

    def neuron_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(column, index) of the circle under view point (x, y), or None."""
        if self.net_layout is None:
            return None
        pixel = self.view_box.viewPixelSize()[0] or 1.0
        return geo.neuron_at(self.net_layout, self._circle_columns, x, y, pixel, self._marker_scale)

    def _control_at(self, scene_pos):
        """The ± button, or the hidden layer whose header (an activation menu), under a scene point."""
        return control_at(self.edit_buttons, self.layer_headers, scene_pos, self.editable)

    def _on_mouse_moved(self, scene_pos) -> None:
        control = self._control_at(scene_pos)
        if isinstance(control, GraphButton):
            tip = control.tip
        elif control is not None:
            tip = tips.activation_menu_tip(control)
        else:
            point = self.view_box.mapSceneToView(scene_pos)
            edge = self.edge_at(point.x(), point.y())
            tip = self.edge_tip(*edge) if edge is not None else ""
        if tip or self._edge_tip_shown:
            self.view_box.setToolTip(tip)
            self._edge_tip_shown = bool(tip)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        control = self._control_at(event.scenePos())
        if isinstance(control, GraphButton):
            self.request_edit(control.edit)
            return
        if control is not None:
            self.activation_menu(control).exec(event.screenPos().toPoint())
            return
        point = self.view_box.mapSceneToView(event.scenePos())
        neuron = self.neuron_at(point.x(), point.y())
        if neuron is not None:
            if neuron[0] > 0:
                self.neuron_clicked.emit(*neuron)
            return
        edge = self.edge_at(point.x(), point.y())
        if edge is not None:
            self.edge_clicked.emit(*edge)

    # ------------------------------------------------------------------ editing
    def request_edit(self, edit: Edit) -> bool:
        """Ask for an edited architecture (architecture_edited); False when the edit breaks a limit."""
        result = apply_edit(self.sizes[1:-1], self.activations, edit)
        if result is None:
            return False
        self.architecture_edited.emit(*result)
        return True

    def activation_menu(self, layer: int) -> QMenu:
        """The menu a hidden layer's header opens: its activation, the current one checked."""
        menu = QMenu(self)
        menu.setFont(zoomed_font(theme.PLOT_LABEL_POINT_SIZE))
        menu.setToolTipsVisible(True)
        for name in ACTIVATIONS:
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name == self.activations[layer])
            action.triggered.connect(partial(self.request_edit, Edit("activation", layer=layer, activation=name)))
        return menu

    def set_editable(self, editable: bool) -> None:
        """Show or hide the graph's own editing controls (hidden in exported pictures)."""
        if editable != self.editable:
            self.editable = editable
            if self.net_layout is not None:
                self._rebuild_items()

    def set_boundaries(self, maps) -> None:
        """Each hidden and output neuron's output over the input plane, drawn on the neuron (as in TF Playground).

        Shown while training; a step-through hides them, because then the neuron's colour is its a or δ.
        """
        self._boundary_maps = maps
        kinds = [None, *self.activations, self.output_activation]
        self.thumbs.set_maps(maps, kinds, flip_y=self.view_box.yInverted())
        self._place_thumbs()
        self._show_thumbs()

    def _show_thumbs(self) -> None:
        self.thumbs.set_visible(self.trace is None and self._boundary_maps is not None)

    def _place_thumbs(self) -> None:
        self.thumbs.place(self.view_box.viewPixelSize(), self._marker_scale)

    def _on_view_changed(self, _view_box=None) -> None:
        """Circles as large as the zoom asks where there is room, shrinking with the layout in a small window
        so that neighbours never overlap; then the texts move to stay clear of them."""
        if self.net_layout is None or self.thumbs is None:  # not built yet, or being built
            return
        units_per_pixel = self.view_box.viewPixelSize()[0]
        room = 1.0 / units_per_pixel if units_per_pixel > 0 else 1.0
        scale = float(min(ZOOM.factor, max(0.2, room)))
        if abs(scale - self._marker_scale) >= 0.02:
            self._marker_scale = scale
            self.neuron_item.setSize(self._marker_sizes * scale)
            self.bias_item.setSize(self._ring_sizes * scale)
        self._place_thumbs()
        self._place_texts()

    def _rebuild_from(self, sizes, input_names, activations, output_activation) -> None:
        """A structure from layer shapes, keeping the names that still fit."""
        hidden = len(sizes) - 2
        names = tuple(input_names) if len(input_names) == sizes[0] else tuple(f"x{i + 1}" for i in range(sizes[0]))
        if len(activations) != hidden:
            activations = (activations[-1] if activations else "relu",) * hidden
        classes = self.class_names if len(self.class_names) == sizes[-1] else ()
        self.set_structure(sizes, names, activations, output_activation, classes)  # keeps weights that fit
