"""Pieces of the CNN view: map ranges, scene text, and the window that enlarges one map.

One palette for every feature map (gui.style.colours' signed stops): blue below 0, white
at 0, orange then vermillion above (Okabe–Ito, safe for colour blindness). The maps keep
`normalise_maps`' bytes as their levels, and each map gets its own lookup table that puts
white exactly at the value 0. So a convolution shows its sign, and ReLU visibly turns the
blue white while the orange stays as it was.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import (QDialog, QGraphicsPathItem, QGraphicsSimpleTextItem, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from core.cnn.feature_maps import FeatureRecord, LayerFeatures, normalise_maps
from gui.convolution.looks import in_language, zoomed_font
from gui.style import theme
from gui.style.zoom import ZOOM
from gui.style.colours import CHANNEL_TINTS, SIGNED_LUT, tint_lut, value_luts
from gui.style.numbers import fixed, percent

NUMBERED_KERNEL = 5  # kernels up to 5×5 show their numbers on every cell


def map_ranges(maps: np.ndarray, mode: str, global_range: tuple[float, float] | None) -> tuple[np.ndarray, np.ndarray]:
    """The min and max per map that `normalise_maps` stretches over (same rules: finite values only)."""
    array = np.asarray(maps, dtype=np.float64)
    n = array.shape[0]
    if mode == "global":
        return np.full(n, float(global_range[0])), np.full(n, float(global_range[1]))
    finite = np.isfinite(array)
    axes = (1, 2) if mode == "map" else (0, 1, 2)
    lo = np.min(np.where(finite, array, np.inf), axis=axes, initial=np.inf)
    hi = np.max(np.where(finite, array, -np.inf), axis=axes, initial=-np.inf)
    return np.broadcast_to(lo, (n,)), np.broadcast_to(hi, (n,))


def scaled_text(text: str, size: float, bold: bool = False, colour: str = theme.BLACK) -> QGraphicsSimpleTextItem:
    """Text `size` view units tall, for views whose units are not pixels (a kernel cell is 1 unit)."""
    item = QGraphicsSimpleTextItem(text)
    font = QFont()
    font.setPixelSize(100)
    font.setBold(bold)
    item.setFont(font)
    item.setBrush(QColor(colour))
    item.setScale(size / 100.0)
    return item


def place_centred(item: QGraphicsSimpleTextItem, x: float, y: float) -> None:
    rect = item.boundingRect()
    item.setPos(x - rect.width() * item.scale() / 2, y - rect.height() * item.scale() / 2)


def _view_box(graphics: pg.GraphicsLayoutWidget, row: int, col: int) -> pg.ViewBox:
    box = graphics.addViewBox(row=row, col=col, lockAspect=True, invertY=True, enableMouse=False, enableMenu=False)
    box.setBackgroundColor("w")
    return box


class MapDetail(QDialog):
    """One feature map enlarged: for a convolution, the kernels and bias that made it; else before and after.

    It follows live updates (a drawing, training) until closed: `show_map` with a record
    of the same structure only sets new images and numbers.
    """

    channel_asked = Signal(str, int)  # "What does this channel look for?": the layer and the map shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(False)
        self.resize(1250, 720)
        self.title = QLabel()
        self.title.setFont(theme.font(theme.TITLE_POINT_SIZE + 3, bold=True))
        self.explain = QLabel()
        self.explain.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE))
        self.explain.setWordWrap(True)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.readout = QLabel(self.tr("Point at a pixel or a kernel cell to read its value."))
        self.readout.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE))
        close = QPushButton(self.tr("Close"))
        close.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE))
        close.clicked.connect(self.close)
        self.channel_button = QPushButton(self.tr("What does this channel look for?"))
        self.channel_button.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE))
        self.channel_button.setToolTip(self.tr("The test images that excite this channel most, and the image it "
                                               "likes best, in the lab's \"What a channel looks for\" view."))
        self.channel_button.clicked.connect(self._on_channel_button)
        footer = QHBoxLayout()
        footer.addWidget(self.readout, 1)
        footer.addWidget(self.channel_button)
        footer.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(self.graphics, 1)
        layout.addLayout(footer)
        self.key: tuple | None = None
        self.layer_name = ""
        self.index = 0
        self.kernel_arrays: list[np.ndarray] = []
        self.bias: float | None = None
        self.bias_text: QGraphicsSimpleTextItem | None = None
        self.images: list[pg.ImageItem] = []
        self.numbers: list[list[QGraphicsSimpleTextItem]] = []
        self._hover: list[tuple[pg.ViewBox, QRectF, np.ndarray, str]] = []
        self._kernel_rects: list[QRectF] = []
        self._fresh = True

    # ------------------------------------------------------------------ building
    def show_map(self, record: FeatureRecord, layer_name: str, index: int) -> None:
        """Show map `index` of `layer_name` ("input" for the image's channels) from `record`."""
        position, layer, maps = _find(record, layer_name)
        before = record.layers[position - 1].output if position > 0 else record.input
        key = (layer_name, index, maps.shape, before.shape, layer.kind if layer else "input")
        self.layer_name, self.index = layer_name, index
        self.channel_button.setVisible(layer_name != "input")  # the image's own channels look for nothing
        if key != self.key:
            self.key = key
            self._build(record, position, layer, maps, before)
        self._fill(record, position, layer, maps, before)

    def _build(self, record, position, layer, maps, before) -> None:
        self.graphics.clear()
        self.images, self.numbers, self._hover, self._kernel_rects = [], [], [], []
        self._fresh = True
        size = theme.PLOT_LABEL_POINT_SIZE + 2
        if layer is None or layer.kind not in ("conv", "relu", "pool"):
            self.graphics.addLabel(self.tr("the channel, enlarged"), row=0, col=0, size=f"{size}pt", color="k")
            self._add_image(_view_box(self.graphics, 1, 0))
            return
        if layer.kind == "conv":
            self.graphics.addLabel(self.tr("the map, enlarged"), row=0, col=0, size=f"{size}pt", color="k")
            self.graphics.addLabel(self.tr("its kernels: one per input map"), row=0, col=1, size=f"{size}pt", color="k")
            self._add_image(_view_box(self.graphics, 1, 0))
            self._build_kernels(_view_box(self.graphics, 1, 1), record, position, layer)
            self.graphics.ci.layout.setColumnStretchFactor(1, 2)
            return
        verb = self.tr("ReLU") if layer.kind == "relu" else self.tr("pooling")
        self.graphics.addLabel(self.tr("before {0}").format(verb), row=0, col=0, size=f"{size}pt", color="k")
        self.graphics.addLabel(self.tr("after {0}").format(verb), row=0, col=1, size=f"{size}pt", color="k")
        before_box = _view_box(self.graphics, 1, 0)
        self._add_image(before_box)
        self._add_image(_view_box(self.graphics, 1, 1))
        if layer.kind == "pool":  # the pooling windows, drawn over the map they read
            path = QPainterPath()
            height, width = before.shape[1:]
            sh, sw = layer.stride
            for x in range(0, width + 1, sw):
                path.moveTo(x, 0)
                path.lineTo(x, height)
            for y in range(0, height + 1, sh):
                path.moveTo(0, y)
                path.lineTo(width, y)
            grid = QGraphicsPathItem(path)
            pen = QPen(QColor(89, 89, 89, 120))
            pen.setCosmetic(True)
            pen.setWidthF(1.0)
            grid.setPen(pen)
            before_box.addItem(grid)

    @Slot()
    def _on_channel_button(self) -> None:
        self.channel_asked.emit(self.layer_name, self.index)

    def _add_image(self, box: pg.ViewBox) -> pg.ImageItem:
        item = pg.ImageItem(axisOrder="row-major")
        box.addItem(item)
        self.images.append(item)
        return item

    def _build_kernels(self, box: pg.ViewBox, record, position, layer: LayerFeatures) -> None:
        n_in, kh, kw = layer.weight.shape[1:]
        columns = min(n_in, max(1, math.ceil(math.sqrt(n_in * 1.5))))
        names = input_names(record, position, n_in, tr)
        numbered = max(kh, kw) <= NUMBERED_KERNEL
        for i in range(n_in):
            x, y = (i % columns) * (kw + 1), (i // columns) * (kh + 1.2) + 1.0
            item = self._add_image(box)
            item.setImage(np.zeros((kh, kw), np.uint8), autoLevels=False, levels=(0, 255), lut=SIGNED_LUT)
            item.setRect(QRectF(x, y, kw, kh))
            self._kernel_rects.append(QRectF(x, y, kw, kh))
            item.setToolTip(self.tr("kernel for {0}").format(names[i]))
            label = scaled_text(names[i], 0.45)
            place_centred(label, x + kw / 2, y - 0.4)
            box.addItem(label)
            cells = []
            for r in range(kh):
                for c in range(kw):
                    text = scaled_text("", 0.3 if kw <= 3 else 0.28, bold=True)
                    text.setVisible(numbered)
                    box.addItem(text)
                    cells.append(text)
            self.numbers.append(cells)
        rows = math.ceil(n_in / columns)
        self.bias_text = scaled_text("", 0.5, bold=True)
        self.bias_text.setPos(0, rows * (kh + 1.2) + 0.5)
        box.addItem(self.bias_text)
        box.setRange(QRectF(-0.2, 0.2, columns * (kw + 1) - 0.6, rows * (kh + 1.2) + 1.8), padding=0.02)

    # ------------------------------------------------------------------ numbers
    def _fill(self, record, position, layer, maps, before) -> None:
        index = self.index
        values = maps[index]
        kind = layer.kind if layer else "input"
        where = self.tr("{0} · map {1} of {2}").format(self.layer_name, index + 1, maps.shape[0])
        self.title.setText(where)
        self.setWindowTitle(where)
        self._hover = []
        if kind in ("relu", "pool"):
            previous = before[index]
            both = np.concatenate([previous[np.isfinite(previous)], values[np.isfinite(values)]])
            span = (float(both.min()), float(both.max())) if both.size else (0.0, 0.0)
            for item, array, what in ((self.images[0], previous, self.tr("before")), (self.images[1], values, self.tr("after"))):
                levels = normalise_maps(array[None], "global", span)[0]
                item.setImage(levels, autoLevels=False, levels=(0, 255), lut=value_luts(span[0], span[1])[0])
                item.setRect(QRectF(0, 0, array.shape[1], array.shape[0]))
                self._hover.append((item.getViewBox(), QRectF(0, 0, array.shape[1], array.shape[0]), array, what))
            if kind == "relu":
                self.explain.setText(self.tr("ReLU keeps every positive value and turns every negative one into 0: "
                                             "the blue disappears, the orange stays exactly as it was."))
            else:
                (kh, kw), how = layer.kernel_size, (self.tr("largest") if layer.mode == "max" else self.tr("average"))
                self.explain.setText(self.tr("Pooling cuts the map into {0}×{1} blocks (the grey grid) and keeps the {2} "
                                             "value of each block: the map shrinks from {3}×{4} to {5}×{6} and keeps "
                                             "where the features are.").format(
                    kh, kw, how, previous.shape[0], previous.shape[1], values.shape[0], values.shape[1]))
            self._fit()
            self.kernel_arrays, self.bias = [], None
            return
        item = self.images[0]
        if kind == "input":
            tints = CHANNEL_TINTS.get(maps.shape[0], ((255, 255, 255),) * maps.shape[0])
            item.setImage(normalise_maps(values[None], "map")[0], autoLevels=False, levels=(0, 255),
                          lut=tint_lut(tints[index % len(tints)]))
            self.explain.setText(self.tr("One channel of the image the network was fed: a grid of numbers, "
                                         "bright where the number is large."))
        else:
            lo, hi = map_ranges(values[None], "map", None)
            item.setImage(normalise_maps(values[None], "map")[0], autoLevels=False, levels=(0, 255),
                          lut=value_luts(lo, hi)[0])
        item.setRect(QRectF(0, 0, values.shape[1], values.shape[0]))
        self._fit()
        self._hover.append((item.getViewBox(), QRectF(0, 0, values.shape[1], values.shape[0]), values, self.tr("map")))
        if kind != "conv":
            self.kernel_arrays, self.bias = [], None
            return
        self._fill_kernels(record, position, layer, index)

    def _fit(self) -> None:
        """Frame the enlarged maps once per structure, not on every live update."""
        if self._fresh:
            self._fresh = False
            for item in self.images[:2 if self.key[-1] in ("relu", "pool") else 1]:
                item.getViewBox().autoRange(padding=0.02)

    def _fill_kernels(self, record, position, layer: LayerFeatures, index: int) -> None:
        weights = layer.weight[index]
        self.kernel_arrays = [np.array(kernel) for kernel in weights]
        self.bias = float(layer.bias[index])
        scale = float(np.abs(weights).max()) or 1.0
        names = input_names(record, position, weights.shape[0], tr)
        for i, kernel in enumerate(self.kernel_arrays):
            item = self.images[1 + i]
            item.setImage(np.rint(np.clip(127.5 + 127.5 * kernel / scale, 0, 255)).astype(np.uint8),
                          autoLevels=False, levels=(0, 255))
            rect = self._kernel_rects[i]
            self._hover.append((item.getViewBox(), rect, kernel, self.tr("kernel for {0}").format(names[i])))
            kh, kw = kernel.shape
            for cell, text in enumerate(self.numbers[i]):
                r, c = divmod(cell, kw)
                value = float(kernel[r, c])
                text.setText(fixed(value))
                text.setBrush(QColor("white" if abs(value) / scale > 0.55 else theme.BLACK))
                place_centred(text, rect.x() + c + 0.5, rect.y() + r + 0.5)
        self.bias_text.setText(self.tr("+ bias b = {0}").format(fixed(self.bias)))
        if weights.shape[0] == 1:
            text = self.tr("The kernel slides over the input; at every position its numbers multiply the pixels under "
                           "it, and the products are added up, plus the bias b = {1}, to give one pixel of this map. "
                           "Blue numbers are negative, orange positive.")
        else:
            text = self.tr("Each kernel slides over one of the {0} input maps; at every position its numbers multiply "
                           "the pixels under it. The products of all {0} kernels are added up, plus the bias b = {1}, "
                           "to give one pixel of this map. Blue numbers are negative, orange positive.")
        self.explain.setText(text.format(weights.shape[0], fixed(self.bias)))

    def _on_mouse_moved(self, position) -> None:
        for box, rect, values, what in self._hover:
            point = box.mapSceneToView(position)
            if rect.contains(point):
                row = min(int((point.y() - rect.y()) / rect.height() * values.shape[0]), values.shape[0] - 1)
                col = min(int((point.x() - rect.x()) / rect.width() * values.shape[1]), values.shape[1] - 1)
                self.readout.setText(self.tr("{0} · row {1}, column {2}: {3}").format(
                    what, row + 1, col + 1, fixed(values[row, col], 3)))
                return


def _find(record: FeatureRecord, layer_name: str) -> tuple[int, LayerFeatures | None, np.ndarray]:
    """(position in record.layers, the layer or None for the input, its maps); KeyError when not drawable."""
    if layer_name == "input":
        return 0, None, record.input
    for position, layer in enumerate(record.layers):
        if layer.name == layer_name and layer.is_spatial:
            return position, layer, layer.output
    raise KeyError(layer_name)


def input_names(record: FeatureRecord, position: int, n_in: int, tr) -> list[str]:
    """What each input channel of the convolution at `position` is called (`tr` translates)."""
    if position == 0:
        if n_in == 3:
            return [tr("red"), tr("green"), tr("blue")]
        return [tr("input")] if n_in == 1 else [f"{tr('input')} {i + 1}" for i in range(n_in)]
    previous = record.layers[position - 1].name
    return [f"{previous} #{i + 1}" for i in range(n_in)]


# ---------------------------------------------------------------------- layout and text for CNNView
def percent_text(p: float) -> str:
    """Whole percents, with one decimal below 10% so small chances do not all read 0%."""
    return percent(p, 0 if 100.0 * float(p) >= 9.95 else 1)


def pixel_font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def shape_text(array: np.ndarray) -> str:
    return "×".join(str(n) for n in array.shape)


def grid_sizes(counts: list[int], available: float, min_width: float, height: float,
               gap: float) -> tuple[float, list[tuple[int, int]]]:
    """One map size for every grid: the largest whose columns fit `available` (else the smallest tried)."""
    def plan(size: float) -> tuple[float, list[tuple[int, int]]]:
        fit_rows = max(1, int((height + gap) // (size + gap)))
        grids = []
        for n in counts:
            cols = -(-n // min(n, fit_rows))
            grids.append((cols, -(-n // cols)))
        return sum(max(c * size + (c - 1) * gap, min_width) for c, _ in grids), grids
    available = max(available, len(counts) * min_width)  # too narrow anyway: fill the headers' width
    size = 120.0
    while size > 24 and plan(size)[0] > available:
        size -= 2
    return size, plan(size)[1]


def best_grid(n: int, width: float, height: float, gap: float, largest: float) -> tuple[int, float]:
    """(columns, map size) of the largest maps (at most `largest`) that n fit in a `width` × `height` column."""
    options = []
    for cols in range(1, n + 1):
        rows = -(-n // cols)
        options.append((min((width - (cols - 1) * gap) / cols, (height - (rows - 1) * gap) / rows, largest), -cols))
    size, cols = max(options)
    return -cols, size


def takes_an(name: str) -> bool:
    """English says "an 8", "an 11", "an owl": the article follows the sound, not the letter."""
    if name.isdigit():
        return name.startswith("8") or (len(name) in (2, 5) and name.startswith(("11", "18")))
    return name[:1].lower() in "aeiou"


def tr(text: str) -> str:
    return in_language(text)


def layer_caption(kind: str, layer=None) -> str:
    """The grey plain-language line under a layer's name."""
    if kind == "conv":
        return tr("conv: kernels slide over the image")
    if kind == "relu":
        return tr("ReLU: negatives become 0")
    if kind == "pool":
        kh, kw = layer.kernel_size
        if layer.mode == "avg":
            return tr("pool: average each {0}×{1}").format(kh, kw)
        return tr("pool: keep the strongest of each {0}×{1}").format(kh, kw)
    return tr("{0}: passes values on").format(kind)


def legend_html() -> str:
    """One short line under the picture; its tooltip (legend_tip) explains the rest."""
    def swatch(colour: str, glyph: str = "■") -> str:
        return f"<b style='color:{colour}'>{glyph}</b>"
    return "&nbsp;&nbsp;".join([
        swatch(theme.BLUE) + " " + tr("below 0"), swatch(theme.GREY, "□") + " 0",
        swatch(theme.VERMILLION) + " " + tr("above 0"), "· " + tr("click a map to enlarge it"),
    ])


def legend_tip() -> str:
    return tr("Deeper colours are further from 0. The input's channels are bright where their numbers are large.")


def hover_text(record: FeatureRecord, hit, point) -> str:
    """The value under the pointer: a class's probability, a number of a strip, or a map's pixel."""
    if hit is None:
        return ""
    rect, name, index, what = hit
    if what == "bar":
        return f"{name}: {percent(float(record.probs[index]), 1)}"
    values = record.input if name == "input" else record.layer(name).output
    fy = (point.y() - rect.top()) / rect.height()
    if what == "strip":
        i = min(int(fy * values.shape[0]), values.shape[0] - 1)
        return tr("{0} · number {1}: {2}").format(name, i + 1, fixed(values[i], 3))
    h, w = values.shape[1:]
    row, col = min(int(fy * h), h - 1), min(int((point.x() - rect.left()) / rect.width() * w), w - 1)
    return tr("{0} · map {1} · row {2}, column {3}: {4}").format(
        name, index + 1, row + 1, col + 1, fixed(values[index, row, col], 3))


PLAN_TOP, MAPS_H = 150.0, 620.0  # view units: about pixels at 1600×900; headers take PLAN_TOP or less
NAME_PX, SHAPE_PX, CAPTION_PX, CLASS_PX, TOP_PX = 21, 18, 16, 22, 32
READABLE_PX, MOST_ENLARGED = 12.0, 1.8  # a caption should reach 12 screen pixels: text may grow up to 1.8×


class CnnViewClassroom:
    """CNNView's classroom side: a clicker walks its columns, presenter mode, and text that stays readable."""

    def focus_layer(self, delta: int) -> int | None:
        """Show the next (+1) or previous (−1) column large, framed; past either end, the whole network again.

        Returns the column now shown (0 is the input), or None for the whole network."""
        if self.record is None or not self._columns:
            return None
        count = len(self._columns)
        if self._focus is None:
            self._focus = 0 if delta > 0 else count - 1
        else:
            self._focus += delta
            if not 0 <= self._focus < count:
                self._focus = None
        self._fit_range()
        self._show_title()
        return self._focus

    def _show_title(self) -> None:
        """The title; while a column is shown large, that column's name and plain-language caption."""
        if self._focus is None or self._focus >= len(self._column_captions):
            self.title.setText(self._title_text)
        else:
            self.title.setText("{0} — {1}".format(*self._column_captions[self._focus]))

    def focused_layer(self) -> int | None:
        return self._focus

    def retranslate_dynamic(self) -> None:
        """The legend, the placeholder and every text drawn in the picture, in the current language."""
        self.legend.setText(legend_html())
        self.legend.setToolTip(legend_tip())
        self._placeholder.setPlainText(tr("Load an image or draw a digit to see what the network makes of it."))
        if self.record is not None:
            self._relayout_now()
            if self.detail is not None and self.detail.isVisible():
                self.detail.show_map(self.record, self.detail.layer_name, self.detail.index)

    def set_presenting(self, on: bool) -> None:
        """Presenter mode: the picture and its title only, the title large."""
        self.title.setFont(zoomed_font(theme.TITLE_POINT_SIZE * (1.5 if on else 1.0), bold=True))
        for widget in (self.scale_label, self.scale_combo, self.legend, self.readout):
            widget.setVisible(not on)

    def _px(self, px: float) -> int:
        return max(1, round(px * self._text_scale))

    def _readable_scale(self) -> float:
        """The zoom, times up to MOST_ENLARGED where the picture is shown so small that captions would be tiny."""
        width = self.graphics.viewport().width()
        scene_width = self._aspect * (PLAN_TOP + MAPS_H + 16)
        shown = width / scene_width if width >= 200 else 1.0
        wanted = READABLE_PX / (CAPTION_PX * shown)
        # Too small to read even enlarged: the grey captions move into the headers' tooltips.
        self._captions_shown = wanted <= MOST_ENLARGED
        return ZOOM.factor * min(max(wanted, 1.0), MOST_ENLARGED)

    def rezoom(self) -> None:
        self.title.setFont(zoomed_font(theme.TITLE_POINT_SIZE, bold=True))
        for widget in (self.scale_label, self.scale_combo, self.legend, self.readout):
            widget.setFont(zoomed_font(theme.PLOT_TICK_POINT_SIZE if widget in (self.legend, self.readout)
                                       else theme.PLOT_LABEL_POINT_SIZE, bold=widget is self.readout))
        self.readout.setFixedWidth(self.readout.fontMetrics().horizontalAdvance("m" * 22))
        if self.record is not None:
            self._relayout_now()
