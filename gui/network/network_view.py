"""NetworkView: an MLP drawn neuron by neuron and weight by weight, with a trace replayed on it.

The edges are the costly part: a 64-64-64-10 net has 8,832 of them. Each linear layer
is one EdgeBatch item. It splits its edges into nine pen buckets (sign × four widths,
plus "no weights yet") and draws them once into a device-pixel cache. A forward-pulse
frame then moves one ScatterPlotItem of dots and blits the cached edges. Edges are
drawn again only when a bucket changes: new weights, or the backward pass reaching a
layer. Neurons are one ScatterPlotItem whose brushes come from 17 cached colours.
"""

from __future__ import annotations

from functools import partial
from typing import Sequence

import numpy as np

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from core.data.input_features import FEATURE_LABELS
from core.nets.mlp import ACTIVATIONS
from core.optimizers import OPTIMIZERS
from core.mlp.trace import ExampleTrace
from gui.style import theme
from gui.network import layout as geo
from gui.network import tips
from gui.network.editing import (BUTTON_CLEARANCE, Edit, GraphButton, apply_edit, build_edit_buttons,
                                       place_layer_buttons)
from gui.network.items import EdgeBatch, edge_pens, fill_colours
from gui.network.thumbs import NeuronThumbnails

PHASES = ("forward", "loss", "backward", "update")
FORWARD_PULSE = theme.GREEN  # neither edge colour, so a moving dot stands out
BACKWARD_PULSE = theme.PURPLE
MAX_PULSES = 128
BAR_LENGTH = 200.0
VALUE_POINT_SIZE = 14
HOVER_EDGE_LIMIT = 4096  # thinned layers: too many edges under the mouse to name one
LOSS_NAMES = {"bce": "BCE", "cross_entropy": "cross-entropy", "mse": "MSE"}


class NetworkView(QWidget):
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

        self.caption = QLabel(self.tr("No network yet"))
        self.caption.setFont(theme.font(theme.TITLE_POINT_SIZE, bold=True))
        # A fixed height, so a longer caption never resizes the plot (which would redraw every edge).
        self.caption.setFixedHeight(int(self.caption.fontMetrics().height() * 1.4))
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
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.view_box.sigTransformChanged.connect(self._on_view_changed)
        self.view_box.sigResized.connect(self._on_view_changed)  # e.g. a tab shown for the first time
        self.legend = QLabel(self._legend_html())
        self.legend.setFont(theme.font(theme.PLOT_TICK_POINT_SIZE))
        self.legend.setWordWrap(True)
        self.thinning_label = QLabel("")
        self.thinning_label.setFont(theme.font(theme.PLOT_TICK_POINT_SIZE, bold=True))
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

    def _legend_html(self) -> str:
        return "&nbsp;&nbsp;&nbsp;".join([
            _swatch(theme.ORANGE, "━━") + " " + self.tr("positive"),
            _swatch(theme.BLUE, "━━") + " " + self.tr("negative"),
            self.tr("thicker = larger"),
            self.tr("ring: bias"),
            self.tr("fill: a or δ"),
            _swatch(FORWARD_PULSE, "●") + " " + self.tr("signal"),
            _swatch(BACKWARD_PULSE, "●") + " " + self.tr("error"),
        ])

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
        if self._weights is not None and _sizes_of(self._weights) != sizes:
            self._weights = None
        self.trace = self.phase = None
        self._boundary_maps = None  # they belong to the old structure
        self._build_items()
        self._redraw()

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
        weights = [(np.asarray(w), np.asarray(b)) for w, b in weights]
        sizes = _sizes_of(weights)
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
        if phase not in PHASES:
            raise ValueError(f"Unknown phase '{phase}'; choose one of: {', '.join(PHASES)}.")
        sizes = (len(trace.input), *(item.weight.shape[0] for item in trace.layers))
        if sizes != self.sizes:
            hidden = tuple(item.activation for item in trace.layers[:-1])
            self._rebuild_from(sizes, trace.input_names, hidden, trace.output_activation)
        n_linear = len(trace.layers)
        if phase == "update" and layer < 0:
            layer = -1
        else:
            layer = int(np.clip(layer, 0, n_linear - 1))
        fraction = float(np.clip(fraction, 0.0, 1.0))
        if trace is not self.trace:
            self._trace_serial += 1
            self._pulse_cache.clear()
            self._show_input_image(trace.input)
        self.trace, self.phase, self.layer, self.fraction = trace, phase, layer, fraction
        self._redraw()

    def clear_trace(self) -> None:
        """Back to the plain weight display."""
        self.trace = self.phase = None
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

    @Slot(object)
    def edge_at(self, x: float, y: float, tolerance_px: float = 5.0) -> tuple[int, int, int] | None:
        """(layer, out, in) of the edge under view point (x, y), or None; thinned layers are not searched."""
        if self.net_layout is None or self._weights is None:
            return None
        px = self.view_box.viewPixelSize()[0] or 1.0
        best, best_distance = None, tolerance_px * px
        for layer in range(len(self.sizes) - 1):
            if self.sizes[layer] * self.sizes[layer + 1] > HOVER_EDGE_LIMIT:
                continue
            starts = self.net_layout.positions[layer][None, :, :]  # (1, in, 2)
            ends = self.net_layout.positions[layer + 1][:, None, :]  # (out, 1, 2)
            if not (min(starts[..., 0].min(), ends[..., 0].min()) <= x <= max(starts[..., 0].max(), ends[..., 0].max())):
                continue
            direction = ends - starts
            point = np.array([x, y])
            t = np.clip(((point - starts) * direction).sum(-1) / np.maximum((direction ** 2).sum(-1), 1e-12), 0.1, 0.9)
            distance = np.linalg.norm(starts + t[..., None] * direction - point, axis=-1)  # (out, in)
            index = np.unravel_index(np.argmin(distance), distance.shape)
            if distance[index] < best_distance:
                best, best_distance = (layer, int(index[0]), int(index[1])), float(distance[index])
        return best

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
        px = self.view_box.viewPixelSize()[0] or 1.0
        for column in self._circle_columns:
            positions = self.net_layout.positions[column]
            radius = max(self.net_layout.marker_px[column] * self._marker_scale / 2, 4.0) * px
            distance = np.hypot(positions[:, 0] - x, positions[:, 1] - y)
            index = int(np.argmin(distance))
            if distance[index] <= radius:
                return column, index
        return None

    def _control_at(self, scene_pos):
        """The ± button, or the hidden layer whose header (an activation menu), under a scene point."""
        for button in self.edit_buttons:
            if button.contains_scene_point(scene_pos):
                return button
        if self.editable:
            for column, header in enumerate(self.layer_headers[1:-1], start=1):
                if header.sceneBoundingRect().contains(scene_pos):
                    return column - 1
        return None

    def _on_mouse_moved(self, scene_pos) -> None:
        control = self._control_at(scene_pos)
        if isinstance(control, GraphButton):
            tip = control.tip
        elif control is not None:
            tip = self.tr("Click to change the activation of hidden layer {0}").format(control + 1)
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
        menu.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE))
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
                self.set_structure(self.sizes, self.input_names, self.activations, self.output_activation,
                                   self.class_names)

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
        """In a window smaller than 1600×900, shrink the circles with the layout so that neighbours do not overlap."""
        if self.net_layout is None:
            return
        units_per_pixel = self.view_box.viewPixelSize()[0]
        scale = float(np.clip(1.0 / units_per_pixel, 0.4, 1.0)) if units_per_pixel > 0 else 1.0
        if abs(scale - self._marker_scale) < 0.02:
            self._place_thumbs()
            place_layer_buttons(self.edit_buttons, self.layer_headers, self.view_box)
            return
        self._marker_scale = scale
        self.neuron_item.setSize(self._marker_sizes * scale)
        self.bias_item.setSize(self._ring_sizes * scale)
        self._place_thumbs()
        place_layer_buttons(self.edit_buttons, self.layer_headers, self.view_box)

    # ------------------------------------------------------------------ building
    def _rebuild_from(self, sizes, input_names, activations, output_activation) -> None:
        """A structure from layer shapes, keeping the names that still fit."""
        hidden = len(sizes) - 2
        names = tuple(input_names) if len(input_names) == sizes[0] else tuple(f"x{i + 1}" for i in range(sizes[0]))
        if len(activations) != hidden:
            activations = (activations[-1] if activations else "relu",) * hidden
        classes = self.class_names if len(self.class_names) == sizes[-1] else ()
        self.set_structure(sizes, names, activations, output_activation, classes)  # keeps weights that fit

    def _text(self, text: str, point_size: int, anchor, position, bold: bool = False, fill=None) -> pg.TextItem:
        item = pg.TextItem(text, color=theme.BLACK, anchor=anchor, fill=fill)
        item.setFont(theme.font(point_size, bold))
        item.setPos(*position)
        item.setZValue(20)
        self.plot.addItem(item)
        return item

    def _build_items(self) -> None:
        self.plot.clear()
        self.edit_buttons, self.layer_headers = [], []
        layout = self.net_layout
        sizes = self.sizes
        self._pulse_cache: dict = {}
        self._edge_state: list = [None] * layout.n_linear
        self._selection: list = [None] * layout.n_linear
        self._fill_key = self._bias_key = self._outputs_key = None
        self.edge_items = []
        for i in range(layout.n_linear):
            density = layout.edge_density(i)
            batch = EdgeBatch(edge_pens(layout.edge_widths(i), saturation=0.55 + 0.45 * density))
            self.plot.addItem(batch)
            self.edge_items.append(batch)
        self._update_limits()

        self.input_image = self.image_frame = None
        if layout.image_side:
            self.input_image = pg.ImageItem(axisOrder="row-major")
            self.input_image.setLookupTable(np.linspace(255, 0, 256).astype(np.uint8))  # ink on paper
            self._show_input_image(self._input_preview)  # an image first: setRect scales by its size
            self.input_image.setRect(QRectF(*layout.image_rect))
            self.input_image.setZValue(5)  # above the edges, which seem to leave from the pixels
            self.plot.addItem(self.input_image)
            self.image_frame = QGraphicsRectItem(QRectF(*layout.image_rect))
            self.image_frame.setPen(pg.mkPen(theme.GREY, width=2))
            self.image_frame.setZValue(6)
            self.plot.addItem(self.image_frame)

        # Neurons: every column but an image input, as one scatter item; bias rings behind them.
        self._circle_columns = [c for c in range(len(sizes)) if not (c == 0 and layout.image_side)]
        self._offsets = {}
        count = 0
        for column in self._circle_columns:
            self._offsets[column] = count
            count += sizes[column]
        positions = np.concatenate([layout.positions[c] for c in self._circle_columns])
        markers = np.concatenate([np.full(sizes[c], layout.marker_px[c]) for c in self._circle_columns])
        self.neuron_item = pg.ScatterPlotItem(pxMode=True, symbol="o")
        pens = [self._outline if size >= 8 else pg.mkPen(None) for size in markers]
        spots = [(column, index) for column in self._circle_columns for index in range(sizes[column])]
        self.neuron_item.setData(pos=positions, size=markers, pen=pens, brush=self._brushes[geo.FILL_NEUTRAL],
                                 data=spots, hoverable=True, tip=self.neuron_tip)
        self.neuron_item.setZValue(11)
        self._marker_sizes = markers
        biased = [c for c in self._circle_columns if c > 0]
        self._bias_positions = np.concatenate([layout.positions[c] for c in biased])
        ring_markers = np.concatenate([np.full(sizes[c], layout.marker_px[c]) for c in biased])
        self.bias_item = pg.ScatterPlotItem(pxMode=True, symbol="o")
        self._ring_sizes = ring_markers + 2 * _ring(ring_markers)
        self.bias_item.setData(
            pos=self._bias_positions,
            size=self._ring_sizes,
            pen=pg.mkPen(None),
            brush=self._brushes[geo.FILL_NEUTRAL],
        )
        self.bias_item.setZValue(10)
        self.pulse_item = pg.ScatterPlotItem(pxMode=True, symbol="o", pen=pg.mkPen(theme.BLACK, width=1.5))
        self.pulse_item.setZValue(9)
        for scatter in (self.neuron_item, self.bias_item, self.pulse_item):
            self.plot.addItem(scatter)
        self._marker_scale = 1.0
        self.thumbs = NeuronThumbnails(self.plot, layout)
        self._place_thumbs()
        self._build_labels()

    def _build_labels(self) -> None:
        layout, sizes = self.net_layout, self.sizes
        self.input_labels = []
        if not layout.image_side and sizes[0] <= geo.LABELLED_LAYER_MAX:
            radius = layout.marker_px[0] / 2
            for name, (x, y) in zip(self.input_names, layout.positions[0]):
                label = FEATURE_LABELS.get(name, name)
                self.input_labels.append(self._text(label, theme.TITLE_POINT_SIZE, (1, 0.5), (x - radius - 12, y)))
        self.value_labels = {}
        for column in self._circle_columns:
            if sizes[column] <= geo.LABELLED_LAYER_MAX:
                # Above the neuron where there is room; otherwise (and always for the outputs) to its right.
                marker = layout.marker_px[column]
                away = marker / 2 + _ring(marker) + 1
                room_above = layout.spacing[column] - marker - 2 * _ring(marker)
                right = column == len(sizes) - 1 or room_above < 45
                anchor, offset = ((0, 0.5), (away + 2, 0)) if right else ((0.5, 1), (0, -away))
                labels = []
                for x, y in layout.positions[column]:
                    label = self._text("", VALUE_POINT_SIZE, anchor, (x + offset[0], y + offset[1]),
                                       fill=pg.mkBrush(255, 255, 255, 210))
                    label.hide()
                    labels.append(label)
                self.value_labels[column] = labels
        bottom = max(layout.column_extent(c)[1] for c in range(len(sizes))) + 28
        self.layer_headers = [
            self._text(self._header(column), theme.PLOT_LABEL_POINT_SIZE, (0.5, 0), (layout.xs[column], bottom), bold=True)
            for column in range(len(sizes))
        ]
        x_out = layout.xs[-1] + layout.marker_px[-1] / 2
        top = min(layout.column_extent(c)[0] for c in range(len(sizes)))
        out_top = layout.column_extent(len(sizes) - 1)[0]
        multiclass = self.output_activation == "softmax" or sizes[-1] > 1
        if multiclass:  # above the output column, clear of the bars
            place = ((0, 1), (layout.xs[-1] - layout.marker_px[-1] / 2, out_top - 34))
        else:  # under the output neuron
            below = layout.marker_px[-1] / 2 + _ring(layout.marker_px[-1]) + 12
            place = ((0.5, 0), (layout.xs[-1], layout.positions[-1][0, 1] + below))
        self.loss_text = self._text("", theme.PLOT_LABEL_POINT_SIZE, place[0], place[1], fill=pg.mkBrush(255, 255, 255, 220))
        self.loss_text.hide()
        self.bar_item = None
        self.class_labels = []
        right = x_out + 300
        if multiclass:
            ys = layout.positions[-1][:, 1]
            height = min(0.6 * (ys[1] - ys[0]) if len(ys) > 1 else 30.0, 36.0)
            self._bar_x = x_out + 115  # after the value labels
            self.bar_item = pg.BarGraphItem(x0=np.full(len(ys), self._bar_x), y=ys, height=height, width=np.zeros(len(ys)),
                                            brush=pg.mkBrush(theme.SKY), pen=pg.mkPen(theme.GREY, width=1))
            self.bar_item.setZValue(15)
            self.bar_item.hide()
            self.plot.addItem(self.bar_item)
            names = self.class_names or tuple(f"class {i}" for i in range(sizes[-1]))
            self._class_names_shown = names
            for y in ys:
                label = self._text("", VALUE_POINT_SIZE + 2, (0, 0.5), (self._bar_x + BAR_LENGTH + 10, y))
                label.hide()
                self.class_labels.append(label)
            self.top_class_text = self._text("", theme.PLOT_LABEL_POINT_SIZE, place[0], place[1], bold=True)
            self.top_class_text.hide()
            right = self._bar_x + BAR_LENGTH + 200
            top = min(top, out_top - 140)
        left = layout.image_rect[0] - 20 if layout.image_side else layout.xs[0] - layout.marker_px[0] / 2 - 170
        top = min([top, *(layout.column_extent(c)[0] - BUTTON_CLEARANCE - 20 for c in range(1, len(sizes) - 1))])
        self.edit_buttons = build_edit_buttons(self.plot, layout, bottom + 135) if self.editable else []
        self.view_box.setRange(xRange=(left, right), yRange=(top - 20, bottom + (200 if self.editable else 70)),
                               padding=0.01)

    def _header(self, column: int) -> str:
        n_columns = len(self.sizes)
        n = self.sizes[column]
        if column == 0:
            side = self.net_layout.image_side
            return self.tr("input\n{0}×{0} image").format(side) if side else self.tr("input")
        if column == n_columns - 1:
            text = self.tr("output\n{0}").format(self.output_activation)
        else:
            text = self.tr("hidden {0}\n{1}").format(column, self.activations[column - 1])
            text += " ▾" if self.editable else ""  # a menu: click to change this layer's activation
        return text + ("\n" + self.tr("{0} neurons").format(n) if n > geo.LABELLED_LAYER_MAX else "")

    def _update_limits(self) -> None:
        sizes = self.sizes
        self._limits = [geo.edge_limit_for(sizes[i], sizes[i + 1], self.edge_limit) for i in range(len(sizes) - 1)]
        self._selection = [None] * len(self._limits)
        self._edge_state = [None] * len(self._limits)
        self._pulse_cache.clear()
        notes = [
            (self.tr("{0} of {1}").format(k, sizes[i]), self._header(i + 1).split("\n")[0])
            for i, k in enumerate(self._limits) if k is not None
        ]
        if notes:
            first, rest = notes[0], notes[1:]
            text = self.tr("Edges thinned: strongest {0} per neuron ({1})").format(*first)
            text += "".join(f", {amount} ({name})" for amount, name in rest)
            self.thinning_label.setText(text)
        self.thinning_label.setVisible(bool(notes))

    # ------------------------------------------------------------------ drawing
    def _redraw(self) -> None:
        if self.net_layout is None:
            return
        self._draw_edges()
        self._draw_biases()
        self._draw_neurons()
        self._draw_pulses()
        self._draw_outputs()
        self._show_thumbs()
        self._update_caption()

    def _edge_source(self, i: int) -> tuple[np.ndarray | None, np.ndarray | None, float]:
        """(weights that choose the drawn edges, values that colour them, scale) for linear layer i."""
        trace = self.trace
        if trace is None:
            weight = self._weights[i][0] if self._weights is not None else None
            return weight, weight, geo.largest(weight) if weight is not None else 1.0
        layer = trace.layers[i]
        if self.phase == "backward" and i >= self.layer:
            return layer.weight, layer.grad_weight, geo.largest(layer.grad_weight)
        if self.phase == "update":
            if self._update_amount(i) > 0.0:
                # One example's Δw is far too small to see as a change of width, so once a layer
                # updates its edges show Δw itself: orange grew, blue shrank, thickest changed most.
                # Hovering an edge gives w → w + Δw in numbers.
                return layer.weight, layer.weight_change, geo.largest(layer.weight_change)
            return layer.weight, layer.weight, geo.largest(layer.weight)
        return layer.weight, layer.weight, geo.largest(layer.weight)

    def _update_amount(self, i: int) -> float:
        """How far linear layer i has moved towards its updated weights (0..1)."""
        if self.layer < 0 or i == self.layer:
            return self.fraction
        return 1.0 if i < self.layer else 0.0

    def _selected(self, i: int, weight: np.ndarray | None):
        """Drawn edges of layer i: (sources, targets, starts, ends), recomputed when the choosing weights change."""
        cached = self._selection[i]
        k = self._limits[i]
        if cached is not None and (k is None or cached[0] is weight):
            return cached[1]
        sources, targets = geo.select_edges(weight, self.sizes[i + 1], self.sizes[i], k)
        positions = self.net_layout.positions
        chosen = (sources, targets, positions[i][sources], positions[i + 1][targets])
        self._selection[i] = (weight, chosen)
        return chosen

    def _draw_edges(self) -> None:
        for i, batch in enumerate(self.edge_items):
            weight, values, scale = self._edge_source(i)
            sources, targets, starts, ends = self._selected(i, weight)
            if values is None:
                buckets = np.full(len(sources), geo.NO_VALUE)
            else:
                buckets = geo.edge_buckets(values[targets, sources], scale)
            state = self._edge_state[i]
            if state is not None and np.array_equal(state[0], sources) and np.array_equal(state[1], buckets):
                continue  # nothing visible changed: keep the cached drawing
            self._edge_state[i] = (sources, buckets)
            batch.set_segments(starts, ends, buckets)

    def _draw_biases(self) -> None:
        parts = []
        for i in range(len(self.sizes) - 1):
            if self.trace is not None:
                layer = self.trace.layers[i]
                amount = self._update_amount(i) if self.phase == "update" else 0.0
                bias = layer.bias + amount * (layer.bias_after - layer.bias)
                scale = max(geo.largest(layer.weight), geo.largest(layer.bias), geo.largest(layer.bias_after))
            elif self._weights is not None:
                weight, bias = self._weights[i]
                scale = max(geo.largest(weight), geo.largest(bias))
            else:
                parts.append(np.full(self.sizes[i + 1], geo.FILL_NEUTRAL))
                continue
            parts.append(geo.fill_buckets(bias, scale))
        key = np.concatenate(parts)
        if self._bias_key is None or not np.array_equal(key, self._bias_key):
            self._bias_key = key
            self.bias_item.setBrush([self._brushes[index] for index in key])

    def _column_kinds(self) -> list[str | None]:
        """What each column shows: 'x' inputs, 'a' activations, 'd' deltas, or None."""
        n = len(self.sizes)
        if self.trace is None:
            return [None] * n
        phase, layer, done = self.phase, self.layer, self.fraction >= 1.0
        if phase == "forward":
            reached = layer + (1 if done else 0)
            return ["x"] + ["a" if c <= reached else None for c in range(1, n)]
        if phase == "loss":
            return ["x"] + ["a"] * (n - 1)
        if phase == "backward":
            first_delta = layer + (0 if done else 1)
            return ["x"] + ["d" if c >= max(first_delta, 1) else "a" for c in range(1, n)]
        return ["x"] + ["d"] * (n - 1)

    def _column_values(self, column: int, kind: str) -> tuple[np.ndarray, float]:
        if kind == "x":
            values = self.trace.input
            return values, max(1.0, geo.largest(values))
        layer = self.trace.layers[column - 1]
        if kind == "a":
            return layer.a, max(1.0, geo.largest(layer.a))
        return layer.delta, geo.largest(layer.delta)

    def _draw_neurons(self) -> None:
        kinds = self._column_kinds()
        key = (self._trace_serial if self.trace is not None else 0, tuple(kinds))
        if key == self._fill_key:
            return
        self._fill_key = key
        fills = []
        for column in self._circle_columns:
            kind = kinds[column]
            labels = self.value_labels.get(column, ())
            if kind is None:
                fills.append(np.full(self.sizes[column], geo.FILL_NEUTRAL))
                for label in labels:
                    label.hide()
                continue
            values, scale = self._column_values(column, kind)
            fills.append(geo.fill_buckets(values, scale))
            prefix = "δ " if kind == "d" else ""
            for label, value in zip(labels, values):
                label.setText(prefix + geo.short_number(value))
                label.show()
        self.neuron_item.setBrush([self._brushes[index] for index in np.concatenate(fills)])

    def _draw_pulses(self) -> None:
        trace, phase = self.trace, self.phase
        if trace is None or phase not in ("forward", "backward") or self.fraction >= 1.0:
            if len(self.pulse_item.data):
                self.pulse_item.setData([], [])
            return
        key = (phase, self.layer)
        if key not in self._pulse_cache:
            self._pulse_cache[key] = self._pulse_paths(trace, phase, self.layer)
        starts, ends, size, brush = self._pulse_cache[key]
        points = starts + self.fraction * (ends - starts)
        self.pulse_item.setData(pos=points, size=size, brush=brush)

    def _pulse_paths(self, trace: ExampleTrace, phase: str, i: int):
        """Start and end points of a dot on each of the layer's strongest drawn edges."""
        layer = trace.layers[i]
        sources, targets, starts, ends = self._selected(i, layer.weight)
        if phase == "forward":
            signal = trace.input if i == 0 else trace.layers[i - 1].a
            strength = layer.weight[targets, sources] * signal[sources]
            brush = pg.mkBrush(FORWARD_PULSE)
        else:
            strength = layer.grad_weight[targets, sources]
            starts, ends = ends, starts
            brush = pg.mkBrush(BACKWARD_PULSE)
        chosen = geo.strongest(strength, MAX_PULSES)
        size = 13.0 if len(chosen) <= 64 else 9.0
        return starts[chosen], ends[chosen], size, brush

    def _show_input_image(self, values: np.ndarray | None) -> None:
        if self.net_layout is None or self.input_image is None:
            return
        side = self.net_layout.image_side
        if values is None or np.size(values) != side * side:
            image = np.full((side, side), 40, dtype=np.uint8)  # a neutral light grey placeholder
        else:
            values = np.nan_to_num(np.asarray(values, dtype=np.float64).reshape(side, side))
            low, high = min(0.0, values.min()), max(1.0, values.max())
            image = np.clip((values - low) / (high - low) * 255.0, 0, 255).astype(np.uint8)
        self.input_image.setImage(image, levels=(0, 255), autoLevels=False)

    def _draw_outputs(self) -> None:
        trace, phase = self.trace, self.phase
        outputs_known = trace is not None and (
            phase != "forward" or (self.layer == len(trace.layers) - 1 and self.fraction >= 1.0)
        )
        show_loss = trace is not None and phase in ("loss", "backward", "update")
        key = (self._trace_serial if trace is not None else 0, outputs_known, show_loss)
        if key == self._outputs_key:
            return  # texts are costly to lay out: touch them only when they change
        self._outputs_key = key
        if show_loss:
            self.loss_text.setText(self._loss_description(trace))
        self.loss_text.setVisible(show_loss)
        if self.bar_item is None:
            return
        self.bar_item.setVisible(outputs_known)
        for label in self.class_labels:
            label.setVisible(outputs_known)
        self.top_class_text.setVisible(outputs_known and not show_loss)
        if not outputs_known:
            return
        probabilities = trace.layers[-1].a
        self.bar_item.setOpts(width=np.clip(probabilities, 0, 1) * BAR_LENGTH)
        top = int(np.argmax(probabilities))
        for index, (label, p) in enumerate(zip(self.class_labels, probabilities)):
            label.setText(f"{self._class_names_shown[index]}  {100 * p:.0f}%" + ("  ◀ top" if index == top else ""))
        self.top_class_text.setText(
            self.tr("top class: {0} ({1:.0f}%)").format(self._class_names_shown[top], 100 * probabilities[top])
        )

    def _loss_description(self, trace: ExampleTrace) -> str:
        output = trace.layers[-1].a
        value = trace.loss_value
        number = f"{value:.3f}" if abs(value) >= 0.001 else geo.short_number(value)
        loss = self.tr("loss {0} ({1})").format(number, LOSS_NAMES.get(trace.loss_name, trace.loss_name))
        if len(output) > 1:
            names = self._class_names_shown if self.bar_item is not None else [str(i) for i in range(len(output))]
            top, target = int(np.argmax(output)), int(np.argmax(trace.target))
            parts = [
                self.tr("prediction {0} ({1:.0f}%)").format(names[top], 100 * output[top]),
                self.tr("target {0}").format(names[target]),
                loss,
            ]
        else:
            parts = [
                self.tr("prediction {0}").format(geo.short_number(output[0])),
                self.tr("target {0:g}").format(float(trace.target[0])),
                loss,
            ]
        return "\n".join(parts)

    def _update_caption(self) -> None:
        trace, phase = self.trace, self.phase
        n_linear = len(self.sizes) - 1
        architecture = "-".join(str(size) for size in self.sizes)
        if trace is None:
            text = self.tr("Network {0}: each line is a weight, each circle a neuron").format(architecture)
        elif phase == "forward":
            text = self.tr("Forward pass, layer {0} of {1}: z = W·x + b, then a = {2}(z)").format(
                self.layer + 1, n_linear, trace.layers[self.layer].activation
            )
        elif phase == "loss":
            text = self.tr("Loss: how far the prediction is from the target")
        elif phase == "backward":
            text = self.tr("Backward pass, layer {0} of {1}: the error δ flows back; edges show ∂L/∂w").format(
                self.layer + 1, n_linear
            )
        else:
            text = self.tr("Update: every weight moves by −η·∂L/∂w (η = {0:g}, {1})").format(
                trace.learning_rate, OPTIMIZERS.get(trace.optimizer, trace.optimizer)
            )
            text += self.tr(" · edges show Δw: orange grew, blue shrank")
        if trace is not None:
            text += self.tr("   ·   example {0}, step {1}").format(trace.example_index, trace.step)
        if text != self.caption.text():
            self.caption.setText(text)


def _ring(marker):
    """Width of the bias ring around a neuron of this diameter."""
    return np.clip(marker * 0.16, 2.0, 8.0)


def _sizes_of(weights: Sequence[tuple[np.ndarray, np.ndarray]]) -> tuple[int, ...]:
    """Layer widths from (weight out×in, bias) pairs; raise ValueError if they do not chain."""
    if not weights:
        raise ValueError("A network needs at least one layer of weights.")
    sizes = [weights[0][0].shape[-1]]
    for weight, bias in weights:
        if weight.ndim != 2 or weight.shape[1] != sizes[-1] or bias.shape != (weight.shape[0],):
            raise ValueError("Each layer's weights must be (out, in) with in equal to the previous out, and bias (out,).")
        sizes.append(weight.shape[0])
    return tuple(int(size) for size in sizes)


def _swatch(colour: str, glyph: str) -> str:
    return f"<span style='color:{colour}; font-size:20pt'>{glyph}</span>"
