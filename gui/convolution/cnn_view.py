"""CNNView: every layer of a CNN drawn from one FeatureRecord, from the input's channels to softmax.

Left to right: the input's channels, each convolution, ReLU and pooling layer as a grid
of maps, the fully connected part as heat strips, and the class probabilities as bars
with the winner named in large text. Everything lives in one ViewBox whose units are
about a pixel at 1600×900, so the whole network scales to the window as one picture.

It computes nothing: `show_record` draws a record the core made. A record of the same
structure as the last one (the next stroke of a drawing, the next training report)
only sets new images, tables and texts on the items already there, which keeps a live
update well under a frame.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QPainterPath, QPen
from PySide6.QtWidgets import (QComboBox, QGraphicsPathItem, QGraphicsRectItem, QGraphicsTextItem, QHBoxLayout, QLabel, QVBoxLayout,
                               QWidget)

from core.cnn.feature_maps import FeatureRecord, global_range_of, normalise_maps
from gui.convolution.looks import Looks, shown_name
from gui.style import theme
from gui.convolution.cnn_panels import (CAPTION_PX, CLASS_PX, MAPS_H, NAME_PX, PLAN_TOP, SHAPE_PX, TOP_PX,
                                        CnnViewClassroom, MapDetail, best_grid, grid_sizes, hover_text, layer_caption,
                                        legend_html, legend_tip, map_ranges, percent_text, pixel_font, shape_text,
                                        takes_an)
from gui.style.colours import CHANNEL_TINTS, tint_lut, value_luts
from gui.style.plots import check_finite
from gui.convolution.state import MapsState

GAP, COL_GAP, MIN_COL_W, INPUT_MAX = 6.0, 16.0, 96.0, 150.0
STRIP_W, STRIP_PITCH, BAR_LEN, TOP_TEXT_H = 34.0, 62.0, 170.0, 70.0
MODES = ("map", "layer", "global")


class CNNView(CnnViewClassroom, QWidget):
    """A FeatureRecord drawn layer by layer; click a map to enlarge it with its kernels."""

    map_clicked = Signal(str, int)  # layer name ("input" for the image's channels), map index
    normalisation_changed = Signal(str)  # "map" | "layer" | "global"
    detail_changed = Signal()  # a map was enlarged, or its window closed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("CNNView { background: white; }")
        self.title = QLabel(self.tr("Inside the CNN: what every layer makes of the image"))
        self.title.setFont(theme.font(theme.TITLE_POINT_SIZE, bold=True))
        self.title.setWordWrap(True)  # a long title wraps rather than widening the window
        self.scale_label = scale_label = QLabel(self.tr("Colour scale:"))
        scale_label.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE))
        self.scale_combo = QComboBox()
        self.scale_combo.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE))
        for text in (self.tr("each map on its own"), self.tr("each layer together"), self.tr("all layers together")):
            self.scale_combo.addItem(text)
        self.scale_combo.setToolTip(self.tr(
            "Each map on its own: every map uses its full colour range, so faint patterns show.\n"
            "Each layer together: maps of one layer compare.\nAll layers together: every map compares."))
        self.scale_combo.currentIndexChanged.connect(self._on_mode_chosen)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(scale_label)
        header.addWidget(self.scale_combo)

        self.graphics = pg.GraphicsView(background="w")
        self.view_box = pg.ViewBox(lockAspect=True, invertY=True, enableMouse=False, enableMenu=False)
        self.graphics.setCentralItem(self.view_box)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.graphics.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.legend = QLabel(legend_html())
        self.legend.setToolTip(legend_tip())
        self.legend.setFont(theme.font(theme.PLOT_TICK_POINT_SIZE))
        self.legend.setWordWrap(True)
        self.readout = QLabel("")
        self.readout.setFont(theme.font(theme.PLOT_TICK_POINT_SIZE, bold=True))
        # A fixed width: a changing readout must not re-wrap the legend and resize the picture on every hover.
        self.readout.setFixedWidth(self.readout.fontMetrics().horizontalAdvance("m" * 22))
        footer = QHBoxLayout()
        footer.addWidget(self.legend, 1)
        footer.addWidget(self.readout)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.graphics, 1)
        layout.addLayout(footer)

        self.record: FeatureRecord | None = None
        self.mode = "map"
        self.detail: MapDetail | None = None
        self._pending_detail: tuple[str, int] | None = None  # a restored enlarged map, opened with the next record
        self._structure: tuple | None = None
        self._maps: dict[str, list[pg.ImageItem]] = {}
        self._strips: dict[str, pg.ImageItem] = {}
        self._hits: list[tuple[QRectF, str, int, str]] = []  # rect, layer, index, "map" | "strip" | "bar"
        self._composite: pg.ImageItem | None = None
        self._class_items: list[tuple[QGraphicsTextItem, QGraphicsTextItem]] = []
        self._top_item: QGraphicsTextItem | None = None
        self._bars: pg.BarGraphItem | None = None
        self._bar_ys = np.zeros(0)
        self.map_clicked.connect(self._on_map_clicked)
        self._aspect = 2.0
        self._captions_shown = True  # the grey line under each layer's name; else it is the name's tooltip
        self._text_scale = 1.0  # the picture's text sizes: the zoom, and more where the picture is drawn small
        self.looks = Looks(self, language=False)  # the zoom: rezoom()
        self._columns: list[tuple[float, float]] = []  # x and width of each column: input, layers, fc, softmax
        self._focus: int | None = None  # the column a clicker has shown large
        self._column_captions: list[tuple[str, str]] = []
        self._title_text = ""
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(150)
        self._relayout.timeout.connect(self._relayout_now)
        self.view_box.sigResized.connect(self._on_resized)
        self._placeholder = self._text(self.tr("Load an image or draw a digit to see what the network makes of it."),
                                       NAME_PX, 0, 0)
        self.view_box.setRange(QRectF(-20, -40, 800, 200), padding=0)

    # ------------------------------------------------------------------ public
    def set_title(self, text: str) -> None:
        self._title_text = text
        self._show_title()

    def set_normalisation(self, mode: str) -> None:
        """"map" (each map on its own), "layer" or "global"; redraws the current record."""
        if mode not in MODES:
            raise ValueError(f"normalisation must be one of {MODES}, not {mode!r}")
        self.scale_combo.setCurrentIndex(MODES.index(mode))  # the combo's handler redraws

    @Slot(object)
    def show_record(self, record: FeatureRecord) -> None:
        """Draw `record`; items are rebuilt only when the network's structure changes."""
        check_finite(record.probs, "the CNN view's class probabilities")  # core.cnn.analysis refuses the rest
        structure = (record.input.shape, record.class_names,
                     tuple((layer.name, layer.kind, layer.output.shape) for layer in record.layers))
        if structure != self._structure:
            if self.detail is not None:
                self.detail.close()
            self._build(record)
            self._structure = structure
        self.record = record
        self._draw()
        if self.detail is not None and self.detail.isVisible():
            try:
                self.detail.show_map(record, self.detail.layer_name, self.detail.index)
            except (KeyError, IndexError):
                self.detail.close()
        if self._pending_detail is not None:
            pending, self._pending_detail = self._pending_detail, None
            try:
                self.open_detail(*pending)
            except KeyError:  # this network has no such map: nothing to enlarge
                pass

    def state(self) -> MapsState:
        """The colour scale and the enlarged map (or the one waiting for a record)."""
        detail = self._pending_detail
        if detail is None and self.detail is not None and self.detail.isVisible():
            detail = (self.detail.layer_name, self.detail.index)
        return MapsState(scaling=self.mode, detail=detail)

    def apply_state(self, state: MapsState, record_coming: bool = False) -> None:
        """Show `state`; with `record_coming` (a new image or network is being analysed) the map waits for it."""
        self.set_normalisation(state.scaling)
        self._pending_detail = None
        if state.detail is None:
            if self.detail is not None:
                self.detail.close()
        elif self.record is None or record_coming:
            self._pending_detail = state.detail
        else:
            try:
                self.open_detail(*state.detail)
            except KeyError:
                pass

    def map_item(self, layer_name: str, index: int) -> pg.ImageItem:
        """The ImageItem of map `index` of `layer_name` ("input" for a channel of the image)."""
        return self._maps[layer_name][index]

    def open_detail(self, layer_name: str, index: int) -> MapDetail:
        """Enlarge one map in the detail window (kernels and bias for a convolution, else before/after)."""
        if self.record is None:
            raise RuntimeError("open_detail needs a record; call show_record first")
        if layer_name not in self._maps or not 0 <= index < len(self._maps[layer_name]):
            raise KeyError(f"{layer_name} has no map {index}")
        if self.detail is None:
            self.detail = MapDetail(self)
            self.detail.finished.connect(self._on_detail_closed)
        was_visible = self.detail.isVisible()
        self.detail.show_map(self.record, layer_name, index)
        self.detail.show()
        if was_visible and QGuiApplication.platformName() != "offscreen":  # offscreen warns it cannot raise
            self.detail.raise_()
        self.detail_changed.emit()
        return self.detail

    @Slot()
    def _on_detail_closed(self) -> None:
        self.detail_changed.emit()

    def detail_kernel_arrays(self) -> list[np.ndarray]:
        """The kernels the detail window shows (weight[out, in] for each input channel); [] when none."""
        return [] if self.detail is None else list(self.detail.kernel_arrays)

    def detail_bias(self) -> float | None:
        return None if self.detail is None else self.detail.bias

    def probability_texts(self) -> list[str]:
        """One "class percent" string per bar, in class order, as shown."""
        return [f"{name.toPlainText()} {value.toPlainText()}" for name, value in self._class_items]

    def top_class_text(self) -> str:
        return "" if self._top_item is None else self._top_item.toPlainText()

    # ------------------------------------------------------------------ building
    def _text(self, text: str, px: int, x: float, y: float, bold: bool = False, colour: str = theme.BLACK,
              width: float | None = None) -> QGraphicsTextItem:
        item = QGraphicsTextItem(text)
        item.setFont(pixel_font(self._px(px), bold))
        item.setDefaultTextColor(QColor(colour))
        item.document().setDocumentMargin(0)
        if width is not None:
            item.setTextWidth(width)
        item.setPos(x, y)
        self.view_box.addItem(item)
        return item

    def _image(self, rect: QRectF, shape: tuple[int, int], tip: str) -> pg.ImageItem:
        item = pg.ImageItem(np.zeros(shape, np.uint8), axisOrder="row-major", levels=(0, 255))
        item.setRect(rect)
        item.setToolTip(tip)
        self.view_box.addItem(item)
        return item

    def _build(self, record: FeatureRecord) -> None:
        """Lay out every column for a new structure and create its items (empty until `_draw`).

        Headers first, so the maps start just under the tallest one; the map size is the
        largest that lets every column fit the widget's shape.
        """
        self.view_box.clear()
        self._maps, self._strips, self._hits, self._class_items, self._composite = {}, {}, [], [], None
        spatial = [layer for layer in record.layers if layer.is_spatial and layer.kind != "dropout"]
        vectors = [layer for layer in record.layers if not layer.is_spatial and layer.kind not in ("flatten", "dropout")]
        names = record.class_names
        self._aspect = self._viewport_aspect()
        self._text_scale = self._readable_scale()
        bold = QFontMetricsF(pixel_font(self._px(SHAPE_PX), True))
        min_w = max([MIN_COL_W, *(bold.horizontalAdvance(shape_text(layer.output)) + 6 for layer in spatial)])
        class_w = max(QFontMetricsF(pixel_font(self._px(CLASS_PX), True)).horizontalAdvance(shown_name(n)) for n in names) + 14
        top_w = QFontMetricsF(pixel_font(self._px(TOP_PX), True)).horizontalAdvance(
            self._top_sentence(max(map(shown_name, names), key=len), 1.0))
        value_w = QFontMetricsF(pixel_font(self._px(CLASS_PX - 2))).horizontalAdvance("100.0%") + 16
        bars_w = max(class_w + BAR_LEN + value_w, top_w + 10, 200)
        names_font = QFontMetricsF(pixel_font(self._px(NAME_PX), True))  # a column is never narrower than a word
        word = lambda text: max(names_font.horizontalAdvance(w) for w in text.split()) + 6  # noqa: E731
        min_w = max([min_w, *(word(layer.name) for layer in spatial)])
        fc_w = max(len(vectors) * STRIP_PITCH - (STRIP_PITCH - STRIP_W), 150, word(self.tr("fully connected"))
                   ) if vectors else 0
        fixed = INPUT_MAX + fc_w + bars_w + COL_GAP * (len(spatial) + 1 + bool(vectors))
        target_w = self._aspect * (PLAN_TOP + MAPS_H + 16) - 16
        size, grids = grid_sizes([layer.output.shape[0] for layer in spatial], target_w - fixed, min_w, MAPS_H, GAP)

        columns = [("input", max(INPUT_MAX, bold.horizontalAdvance(shape_text(record.input)) + 6))]
        columns += [(layer, max(c * size + (c - 1) * GAP, min_w)) for layer, (c, _) in zip(spatial, grids)]
        grids = [best_grid(layer.output.shape[0], width, MAPS_H, GAP, INPUT_MAX) for layer, width in columns[1:]]
        columns += [("fc", fc_w)] if vectors else []
        columns += [("softmax", bars_w)]
        spare = max(0.0, target_w - sum(w for _, w in columns) - COL_GAP * (len(columns) - 1))
        gap = COL_GAP + min(spare / max(len(columns) - 1, 1), COL_GAP * 2)
        channels = record.input.shape[0]
        sizes = " → ".join(str(layer.output.shape[0]) for layer in vectors if layer.kind == "linear")
        first_in = next((layer.weight.shape[1] for layer in vectors if layer.weight is not None), None)
        xs, x, bottom = [], 0.0, 0.0
        self._columns, self._column_captions = [], []
        for what, width in columns:
            xs.append(x)
            self._columns.append((x, width))
            if what == "input":
                caption = self.tr("input: red, green and blue") if channels == 3 else self.tr("input: the image as numbers")
                bottom = max(bottom, self._header(self.tr("input"), shape_text(record.input), caption, x, width))
            elif what == "fc":
                bottom = max(bottom, self._header(self.tr("fully connected"), f"{first_in} → {sizes}" if first_in else "",
                                                  self.tr("fc: every number weighs all inputs"), x, width))
            elif what == "softmax":
                bottom = max(bottom, self._header(self.tr("softmax"), self.tr("{0} classes").format(len(names)),
                                                  self.tr("softmax: scores become probabilities"), x, width))
            else:
                bottom = max(bottom, self._header(what.name, shape_text(what.output), layer_caption(what.kind, what), x, width))
            x += width + gap
        top = bottom + 14
        frames = QPainterPath()

        s_in = INPUT_MAX if channels == 1 else min(INPUT_MAX, (MAPS_H - GAP * (channels + 2)) / (channels + 1))
        y = top
        if channels == 3:
            self._composite = pg.ImageItem(np.zeros((*record.input.shape[1:], 3), np.uint8), axisOrder="row-major",
                                           levels=(0, 255))
            self._composite.setRect(QRectF(0, y, s_in, s_in))
            self._composite.setToolTip(self.tr("the image the network was fed"))
            self.view_box.addItem(self._composite)
            frames.addRect(QRectF(0, y, s_in, s_in))
            y += s_in + GAP * 3
        tips = (self.tr("red"), self.tr("green"), self.tr("blue")) if channels == 3 else ()
        self._maps["input"] = []
        for c in range(channels):
            rect = QRectF(0, y + c * (s_in + GAP), s_in, s_in)
            name = tips[c] if tips else self.tr("channel {0}").format(c + 1)
            self._maps["input"].append(self._image(rect, record.input.shape[1:],
                                                   self.tr("input, {0}: click to enlarge").format(name)))
            if tips:
                label = self._text(name, CAPTION_PX, rect.left() + 4, rect.top() + 2, bold=True, colour="white")
                label.setZValue(10)
            frames.addRect(rect)
            self._hits.append((rect, "input", c, "map"))

        for (layer, width), x0, (cols, size) in zip(columns[1:], xs[1:], grids):
            left = x0 + (width - (cols * size + (cols - 1) * GAP)) / 2
            items = []
            for i in range(layer.output.shape[0]):
                r, c = divmod(i, cols)
                rect = QRectF(left + c * (size + GAP), top + r * (size + GAP), size, size)
                tip = self.tr("{0}, map {1}: click to enlarge, and to see what it looks for").format(layer.name, i + 1)
                items.append(self._image(rect, layer.output.shape[1:], tip))
                frames.addRect(rect)
                self._hits.append((rect, layer.name, i, "map"))
            self._maps[layer.name] = items

        rows_top = top + TOP_TEXT_H * self._text_scale
        pitch = min(56.0 * self._text_scale, (MAPS_H - TOP_TEXT_H * self._text_scale) / len(names))
        self._bar_ys = rows_top + pitch * (np.arange(len(names)) + 0.5)
        if vectors:
            x0 = xs[-2]
            for k, layer in enumerate(vectors):
                sx = x0 + fc_w - STRIP_W - (len(vectors) - 1 - k) * STRIP_PITCH
                last = layer is record.layers[-1]
                rect = (QRectF(sx, rows_top, STRIP_W, pitch * len(names)) if last
                        else QRectF(sx, top + 30, STRIP_W, MAPS_H - 30))
                label = self._text(layer.name, CAPTION_PX, sx, rect.top() - 24, colour=theme.GREY)
                label.setX(sx + STRIP_W / 2 - label.boundingRect().width() / 2)
                tip = self.tr("{0}: {1} numbers").format(layer.name, layer.output.shape[0])
                self._strips[layer.name] = self._image(rect, (layer.output.shape[0], 1), tip)
                frames.addRect(rect)
                self._hits.append((rect, layer.name, -1, "strip"))

        x0 = xs[-1]
        self._top_item = self._text("", TOP_PX, x0, top + 4, bold=True)
        bar_x = x0 + class_w
        self._bars = pg.BarGraphItem(x0=np.full(len(names), bar_x), y=self._bar_ys, height=0.72 * pitch,
                                     width=np.zeros(len(names)), brush=pg.mkBrush(theme.SKY),
                                     pen=pg.mkPen(theme.GREY, width=1))
        self.view_box.addItem(self._bars)
        for i, name in enumerate(names):
            label = self._text(shown_name(name), CLASS_PX, x0, self._bar_ys[i] - self._px(CLASS_PX) * 0.62, bold=True)
            label.setX(bar_x - 10 - label.boundingRect().width())
            value = self._text("", CLASS_PX - 2, bar_x + BAR_LEN + 8, self._bar_ys[i] - self._px(CLASS_PX) * 0.6)
            self._class_items.append((label, value))
            self._hits.append((QRectF(x0, self._bar_ys[i] - pitch / 2, bars_w, pitch), name, i, "bar"))

        outline = QGraphicsPathItem(frames)
        pen = QPen(QColor(theme.GREY))
        pen.setCosmetic(True)
        outline.setPen(pen)
        outline.setZValue(5)
        self.view_box.addItem(outline)
        self._scene_rect = QRectF(-8, -8, xs[-1] + bars_w + 16, top + MAPS_H + 16)
        self._focus_frame = QGraphicsRectItem()
        self._focus_frame.setPen(pg.mkPen(theme.VERMILLION, width=4, cosmetic=True))
        self._focus_frame.setZValue(20)
        self._focus_frame.setVisible(False)
        self.view_box.addItem(self._focus_frame)
        if self._focus is not None and self._focus >= len(self._columns):
            self._focus = None
        self._fit_range()
        self._show_title()

    def _fit_range(self) -> None:
        """Show the whole network (or the focused column), anchored at the top left: spare room goes right and below."""
        rect = QRectF(self._scene_rect)
        focus = getattr(self, "_focus", None)
        frame = getattr(self, "_focus_frame", None)
        if frame is not None:
            frame.setVisible(focus is not None)
        if focus is not None:
            x, width = self._columns[focus]
            inside = [r.bottom() for r, *_ in self._hits if x <= r.center().x() <= x + width]
            rect = QRectF(x - 12, rect.top(), width + 24, max(inside, default=rect.bottom()) + 16 - rect.top())
            frame.setRect(rect.adjusted(6, 12, -6, -6))
        aspect = self._viewport_aspect()
        if focus is None and rect.width() / rect.height() > aspect:
            rect.setHeight(rect.width() / aspect)
        self.view_box.setRange(rect, padding=0)
        self.view_box.updateMatrix()  # place the items now, not at the next paint: clicks and grabs agree

    def _header(self, name: str, shape: str, caption: str, x: float, width: float) -> float:
        """Name and shape in bold, then a grey plain-language caption; returns the header's bottom."""
        title = self._text("", NAME_PX, x, 0, bold=True, width=width)
        title.setHtml(f"{html.escape(name)}<br><span style='font-size:{self._px(SHAPE_PX)}px'>{html.escape(shape)}</span>")
        below = title.boundingRect().height() + 4
        self._column_captions.append((name, caption))
        if not self._captions_shown:
            title.setToolTip(caption)
            return below
        text = self._text(caption, CAPTION_PX, x, below, colour=theme.GREY, width=width)
        return below + text.boundingRect().height()

    def _viewport_aspect(self) -> float:
        """Width over height of the drawing area, so a wide window gets wider columns (2 before it is shown)."""
        size = self.graphics.viewport().size()
        if size.width() < 200 or size.height() < 150:
            return 2.0
        return min(max(size.width() / size.height(), 1.3), 3.2)

    @Slot()
    def _on_resized(self) -> None:
        """Lay the columns out again when the window's shape changed enough to waste space."""
        if self.record is None:
            return
        self._fit_range()
        if abs(self._viewport_aspect() / self._aspect - 1) > 0.08:
            self._relayout.start()

    @Slot()
    def _relayout_now(self) -> None:
        if self.record is not None:
            self._build(self.record)
            self._draw()

    # ------------------------------------------------------------------ drawing
    def _draw(self) -> None:
        record = self.record
        self._placeholder.setVisible(False)
        x = record.input
        tints = CHANNEL_TINTS.get(x.shape[0], ((255, 255, 255),) * x.shape[0])
        levels = normalise_maps(x, "map")
        for c, item in enumerate(self._maps["input"]):
            item.setImage(levels[c], autoLevels=False, levels=(0, 255), lut=tint_lut(tints[c % len(tints)]))
        if self._composite is not None and x.shape[0] == 3:
            self._composite.setImage(np.ascontiguousarray(normalise_maps(x, "layer").transpose(1, 2, 0)),
                                     autoLevels=False, levels=(0, 255))
        span = global_range_of(record) if self.mode == "global" else None
        for layer in record.layers:
            items = self._maps.get(layer.name)
            if items is not None:
                levels = normalise_maps(layer.output, self.mode, span)
                luts = value_luts(*map_ranges(layer.output, self.mode, span))
                for i, item in enumerate(items):
                    item.setLookupTable(luts[i], update=False)
                    item.setImage(levels[i], autoLevels=False, levels=(0, 255))
            strip = self._strips.get(layer.name)
            if strip is not None:
                column = layer.output.reshape(1, -1, 1)
                strip.setLookupTable(value_luts(*map_ranges(column, "map", None))[0], update=False)
                strip.setImage(normalise_maps(column, "map")[0], autoLevels=False, levels=(0, 255))
        probs = np.asarray(record.probs, dtype=float)
        top = record.top_class
        brushes = [pg.mkBrush(theme.BLUE if i == top else theme.SKY) for i in range(len(probs))]
        self._bars.setOpts(width=np.nan_to_num(np.clip(probs, 0, 1)) * BAR_LEN, brushes=brushes)  # never NaN
        for i, (name, value) in enumerate(self._class_items):
            value.setPlainText(percent_text(probs[i]))
            value.setDefaultTextColor(QColor(theme.BLUE if i == top else theme.BLACK))
        self._top_item.setPlainText(self._top_sentence(shown_name(record.top_class_name), probs[top]))

    def _top_sentence(self, name: str, p: float) -> str:
        text = self.tr("It's an {0} ({1})") if takes_an(name) else self.tr("It's a {0} ({1})")
        return text.format(name, percent_text(p))

    # ------------------------------------------------------------------ handlers
    @Slot(int)
    def _on_mode_chosen(self, index: int) -> None:
        self.mode = MODES[index]
        if self.record is not None:
            self._draw()
        self.normalisation_changed.emit(self.mode)

    @Slot(str, int)
    def _on_map_clicked(self, layer_name: str, index: int) -> None:
        if self.record is not None and layer_name in self._maps:
            self.open_detail(layer_name, index)

    def _hit(self, scene_position) -> tuple[tuple[QRectF, str, int, str] | None, object]:
        point = self.view_box.mapSceneToView(scene_position)
        return next((hit for hit in self._hits if hit[0].contains(point)), None), point

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.record is None:
            return
        hit, _ = self._hit(event.scenePos())
        if hit is not None and hit[3] == "map":
            self.map_clicked.emit(hit[1], hit[2])

    def _on_mouse_moved(self, position) -> None:
        if self.record is not None:
            hit, point = self._hit(position)
            self.readout.setText(hover_text(self.record, hit, point))
