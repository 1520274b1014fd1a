"""The graphics items of the neuron graph, and how one frame paints them.

NetworkScene is the part of NetworkView that builds pyqtgraph items for a structure
(batched edges, neuron and bias scatters, labels, output bars, ± buttons) and repaints
them for a frame. What a frame shows comes from gui.network.frames, what it says from
gui.network.tips; this module only turns those answers into items. Every paint step keeps
a key of what it last drew and touches its items only when that key changes.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsRectItem

from core.data.input_features import FEATURE_LABELS
from core.mlp.trace import ExampleTrace
from gui.network import frames, tips
from gui.network import layout as geo
from gui.network.editing import build_edit_buttons
from gui.network.items import EdgeBatch, NeuronThumbnails, edge_pens, zoomed_font
from gui.network.placement import BAR_GAP, BAR_LENGTH, VALUE_POINT_SIZE, TextPlacement, ring
from gui.style import theme
from gui.style.zoom import ZOOM

MAX_PULSES = 128


class NetworkScene(TextPlacement):
    """Mixin of NetworkView: it expects `plot`, `view_box`, the structure (`sizes`, `net_layout`, names,
    activations) and the frame (`trace`, `phase`, `layer`, `fraction`) on the view."""

    # ------------------------------------------------------------------ building
    def _text(self, text: str, point_size: int, anchor, position, bold: bool = False, fill=None) -> pg.TextItem:
        item = pg.TextItem(text, color=theme.BLACK, anchor=anchor, fill=fill)
        item.setFont(zoomed_font(point_size, bold))
        item.setPos(*position)
        item.setZValue(20)
        item.point_size, item.bold = point_size, bold  # to follow the zoom
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
            widths = tuple(width * ZOOM.factor for width in layout.edge_widths(i))  # thickness means |w|: it zooms
            batch = EdgeBatch(edge_pens(widths, saturation=0.55 + 0.45 * density))
            self.plot.addItem(batch)
            self.edge_items.append(batch)
        self._update_limits()

        self.input_image = self.image_frame = None
        if layout.image_side:
            self.input_image = pg.ImageItem(axisOrder="row-major")
            self.input_image.setLookupTable(np.linspace(255, 0, 256).astype(np.uint8))  # ink on paper
            shown = self.trace.input if self.trace is not None else self._input_preview
            self._show_input_image(shown)  # an image first: setRect scales by its size
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
        self._ring_sizes = ring_markers + 2 * ring(ring_markers)
        self.bias_item.setData(pos=self._bias_positions, size=self._ring_sizes, pen=pg.mkPen(None),
                               brush=self._brushes[geo.FILL_NEUTRAL])
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
        """The graph's texts. They keep their pixel size at any scale, so `_place_texts` moves them to sit
        clear of each other whenever the view changes, and `_fit_view` leaves them room on every side."""
        layout, sizes = self.net_layout, self.sizes
        self.input_labels = []
        if not layout.image_side and sizes[0] <= geo.LABELLED_LAYER_MAX:
            for name, (x, y) in zip(self.input_names, layout.positions[0]):
                label = FEATURE_LABELS.get(name, name)
                self.input_labels.append(self._text(label, theme.TITLE_POINT_SIZE, (1, 0.5), (x, y)))
        self.value_labels = {}
        for column in self._circle_columns:
            if sizes[column] <= geo.LABELLED_LAYER_MAX:
                # Right of each neuron, on a white ground: δ values stay readable over the edges.
                labels = []
                for x, y in layout.positions[column]:
                    label = self._text("", VALUE_POINT_SIZE, (0, 0.5), (x, y), fill=pg.mkBrush(255, 255, 255, 210))
                    label.hide()
                    label.wanted = False  # shown by the frame; _declutter may still hide it
                    labels.append(label)
                self.value_labels[column] = labels
        bottom = max(layout.column_extent(c)[1] for c in range(len(sizes)))
        self.layer_headers = [
            self._text(tips.header(self, column), theme.PLOT_LABEL_POINT_SIZE, (0.5, 0), (layout.xs[column], bottom),
                       bold=True)
            for column in range(len(sizes))
        ]
        self._header_mode = "full"
        x_out = layout.xs[-1] + layout.marker_px[-1] / 2
        multiclass = self.output_activation == "softmax" or sizes[-1] > 1
        anchor = (0, 0)  # under the output's value, or under the bars: _place_texts puts it
        self.loss_text = self._text("", theme.PLOT_LABEL_POINT_SIZE, anchor, (x_out, 0),
                                    fill=pg.mkBrush(255, 255, 255, 220))
        self.loss_text.hide()
        self.bar_item = None
        self.class_labels = []
        if multiclass:
            ys = layout.positions[-1][:, 1]
            height = self._bar_height = min(0.6 * (ys[1] - ys[0]) if len(ys) > 1 else 30.0, 36.0)
            self._bar_x = x_out + BAR_GAP  # after the value labels
            self.bar_item = pg.BarGraphItem(x0=np.full(len(ys), self._bar_x), y=ys, height=height, width=np.zeros(len(ys)),
                                            brush=pg.mkBrush(theme.SKY), pen=pg.mkPen(theme.GREY, width=1))
            self.bar_item.setZValue(15)
            self.bar_item.hide()
            self.plot.addItem(self.bar_item)
            self._class_names_shown = self.class_names or tuple(tips.class_name(i) for i in range(sizes[-1]))
            for y in ys:
                label = self._text("", VALUE_POINT_SIZE + 2, (0, 0.5), (self._bar_x + BAR_LENGTH, y))
                label.hide()
                label.wanted = False
                self.class_labels.append(label)
            self.top_class_text = self._text("", theme.PLOT_LABEL_POINT_SIZE, anchor, (x_out, 0), bold=True)
            self.top_class_text.hide()
        self.edit_buttons = build_edit_buttons(self.plot, layout, bottom) if self.editable else []
        for button in self.edit_buttons:
            button.point_size, button.bold = theme.PLOT_LABEL_POINT_SIZE, True
        self._fit_view()

    def _update_limits(self) -> None:
        sizes = self.sizes
        self._limits = [geo.edge_limit_for(sizes[i], sizes[i + 1], self.edge_limit) for i in range(len(sizes) - 1)]
        self._selection = [None] * len(self._limits)
        self._edge_state = [None] * len(self._limits)
        self._pulse_cache.clear()
        note = tips.thinning_note(self, self._limits)
        if note:
            self.thinning_label.setText(note)
        self.thinning_label.setVisible(bool(note))

    # ------------------------------------------------------------------ painting a frame
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
        if getattr(self, "_texts_dirty", False):
            self._declutter()
        self._dim_trace()

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
            weight, values, scale = frames.edge_source(self.trace, self.phase, self.layer, self.fraction, i,
                                                       self._weights)
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
        key = frames.bias_fills(self.trace, self.phase, self.layer, self.fraction, self._weights, self.sizes)
        if self._bias_key is None or not np.array_equal(key, self._bias_key):
            self._bias_key = key
            self.bias_item.setBrush([self._brushes[index] for index in key])

    def _draw_neurons(self) -> None:
        kinds = frames.column_kinds(len(self.sizes), self.trace, self.phase, self.layer, self.fraction)
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
                    label.wanted = False
                continue
            values, scale = frames.column_values(self.trace, column, kind)
            fills.append(geo.fill_buckets(values, scale))
            for label, value in zip(labels, values):
                label.setText(tips.value_label(value, kind))
                label.wanted = True
        self._texts_dirty = True
        self.neuron_item.setBrush([self._brushes[index] for index in np.concatenate(fills)])

    def _draw_pulses(self) -> None:
        trace, phase = self.trace, self.phase
        if not frames.pulses_move(trace, phase, self.fraction):
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
        sources, targets, starts, ends = self._selected(i, trace.layers[i].weight)
        strength = frames.pulse_strength(trace, phase, i, sources, targets)
        if phase == "forward":
            brush = pg.mkBrush(tips.FORWARD_PULSE)
        else:
            starts, ends = ends, starts
            brush = pg.mkBrush(tips.BACKWARD_PULSE)
        chosen = geo.strongest(strength, MAX_PULSES)
        size = (13.0 if len(chosen) <= 64 else 9.0) * ZOOM.factor
        return starts[chosen], ends[chosen], size, brush

    def _show_input_image(self, values: np.ndarray | None) -> None:
        if self.net_layout is None or self.input_image is None:
            return
        image = frames.input_pixels(values, self.net_layout.image_side)
        self.input_image.setImage(image, levels=(0, 255), autoLevels=False)

    def _draw_outputs(self) -> None:
        trace, phase = self.trace, self.phase
        outputs_known = frames.outputs_known(trace, phase, self.layer, self.fraction)
        show_loss = frames.shows_loss(trace, phase)
        key = (self._trace_serial if trace is not None else 0, outputs_known, show_loss)
        if key == self._outputs_key:
            return  # texts are costly to lay out: touch them only when they change
        self._outputs_key = key
        self._texts_dirty = True
        if show_loss:
            output_count = len(trace.layers[-1].a)
            names = self._class_names_shown if self.bar_item is not None else [str(i) for i in range(output_count)]
            self.loss_text.setText(tips.loss_text(trace, names))
        self.loss_text.setVisible(show_loss)
        if self.bar_item is None:
            return
        self.bar_item.setVisible(outputs_known)
        for label in self.class_labels:
            label.wanted = outputs_known  # `_declutter` shows it where it is clear of the other texts
            label.setVisible(outputs_known)
        self.top_class_text.setVisible(outputs_known and not show_loss)
        if not outputs_known:
            return
        probabilities = trace.layers[-1].a
        self.bar_item.setOpts(width=np.clip(probabilities, 0, 1) * BAR_LENGTH)
        top = int(np.argmax(probabilities))
        for index, (label, p) in enumerate(zip(self.class_labels, probabilities)):
            label.setText(tips.class_label(self._class_names_shown[index], p, index == top))
        self.top_class_text.setText(tips.top_class_text(self._class_names_shown[top], probabilities[top]))

    def _dim_trace(self) -> None:
        """A stale pass (set_stale) is drawn faint, its numbers grey: they no longer describe the network."""
        if self.net_layout is None:
            return
        opacity = 0.35 if self.stale and self.trace is not None else 1.0
        texts = [*self.loss_text_items(), *(label for labels in self.value_labels.values() for label in labels)]
        for item in [*texts, self.neuron_item, self.bias_item, *self.edge_items]:
            item.setOpacity(opacity)

    def loss_text_items(self) -> list:
        """The texts beside the outputs: loss, class probabilities, top class."""
        items = [self.loss_text, *self.class_labels]
        return items + [self.top_class_text] if self.bar_item is not None else items

    def _rebuild_items(self) -> None:
        """The same structure's items made again (new words, zoom or controls); the frame on screen is kept."""
        self._build_items()
        self._redraw()
        if self._boundary_maps is not None:
            self.set_boundaries(self._boundary_maps)

    def _retranslate_scene(self) -> None:
        """The graph's words in the language now installed: names, buttons, outputs, caption."""
        if self.bar_item is not None and not self.class_names:
            self._class_names_shown = tuple(tips.class_name(i) for i in range(self.sizes[-1]))
        self._rebuild_items()  # headers, button tips and names are made in the current language
        note = tips.thinning_note(self, self._limits)
        self.thinning_label.setText(note)

    def _update_caption(self) -> None:
        trace = self.trace
        if trace is None:
            text = tips.idle_sentence(self.sizes)
        else:
            text = tips.phase_sentence(trace, self.phase, self.layer) + tips.example_sentence(trace)
        if text != self.caption.text():
            self.caption.setText(text)
