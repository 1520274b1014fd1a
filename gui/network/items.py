"""The drawing pieces of the network view: its colour tables, the batched edge item, the neuron thumbnails.

Edges are drawn per layer by one EdgeBatch, a few pen buckets (sign × width) painted into
one device-pixel cache, never one QGraphicsItem per edge (DESIGN.md, habit 6).

Decision-boundary thumbnails sit on the neurons, as TF Playground draws them: every
hidden and output neuron of a small layer carries a heatmap of its own output over the
input plane. They are ImageItems with one shared lookup table; the worker sends the
values (core.mlp.boundaries.BoundaryMaps) and NeuronThumbnails only colours and places them.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from gui.network import layout as geo
from gui.style import theme
from gui.style.colours import diverging_lut
from gui.style.zoom import ZOOM

NEUTRAL = "#F2F2F2"  # a value of about 0
EDGE_NEUTRAL = "#D9D9D9"
EDGE_STRENGTHS = (0.35, 0.6, 0.85, 1.0)  # how far each width bucket's colour is from grey
ANTIALIAS_EDGES = 1500  # smooth edges for small layers; big ones would redraw too slowly
INSIDE_CIRCLE = 0.72  # side of a thumbnail's heatmap square relative to its circle's diameter


def zoomed_font(point_size: float, bold: bool = False) -> QFont:
    """theme's font at the window's zoom (View › Zoom): every text of this tab that sets its own size."""
    font = theme.font(round(point_size), bold)
    font.setPointSizeF(ZOOM.pt(point_size))
    return font


def _mix(start: str, end: str, amount: float) -> QColor:
    a, b = QColor(start), QColor(end)
    return QColor.fromRgbF(*(x + (y - x) * amount for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3])))


def fill_colours() -> list[QColor]:
    """The 17 diverging colours: Okabe–Ito blue (negative) through light grey to orange (positive)."""
    steps = geo.FILL_STEPS
    return [_mix(NEUTRAL, theme.BLUE if i < 0 else theme.ORANGE, abs(i) / steps) for i in range(-steps, steps + 1)]


def edge_pens(widths: Sequence[float] = geo.EDGE_WIDTHS, saturation: float = 1.0) -> list[QPen]:
    """One cosmetic pen per edge bucket: positive widths 0..3, negative 4..7, then "no value".

    Crowded layers get paler pens, so one colour does not flood the picture. The pens stay
    opaque: Qt strokes thousands of translucent wide lines about fifteen times slower.
    """
    pens = []
    for colour in (theme.ORANGE, theme.BLUE):
        for width, strength in zip(widths, EDGE_STRENGTHS):
            pens.append(QPen(_mix(EDGE_NEUTRAL, colour, strength * saturation), width))
    pens.append(QPen(QColor(EDGE_NEUTRAL), 1.0))
    for pen in pens:
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pens


class EdgeBatch(pg.GraphicsObject):
    """The edges of one linear layer, as a few pen buckets drawn into one device-pixel cache."""

    DRAW_ORDER = (geo.NO_VALUE, 0, 4, 1, 5, 2, 6, 3, 7)  # faint first, strong on top
    PAD = 8.0

    def __init__(self, pens: Sequence[QPen]):
        super().__init__()
        self.pens = list(pens)
        self._segments = [np.empty((0, 4)) for _ in self.pens]
        self._rect = QRectF()
        self.antialias = False
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_segments(self, starts: np.ndarray, ends: np.ndarray, buckets: np.ndarray) -> None:
        segments = np.hstack([starts, ends])
        order = np.argsort(buckets, kind="stable")
        counts = np.bincount(buckets, minlength=len(self.pens))
        self._segments = np.split(segments[order], np.cumsum(counts)[:-1])
        self.antialias = len(segments) <= ANTIALIAS_EDGES
        rect = QRectF()
        if len(segments):
            low = np.minimum(starts.min(axis=0), ends.min(axis=0)) - self.PAD
            high = np.maximum(starts.max(axis=0), ends.max(axis=0)) + self.PAD
            rect = QRectF(low[0], low[1], high[0] - low[0], high[1] - low[1])
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    def segments(self, bucket: int) -> np.ndarray:
        """(n, 4) x0, y0, x1, y1 of the edges drawn with pen `bucket`."""
        return self._segments[bucket].copy()

    def bucket_counts(self) -> np.ndarray:
        return np.array([len(segments) for segments in self._segments])

    def segment_count(self) -> int:
        return int(sum(len(segments) for segments in self._segments))

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        # Qt strokes wide cosmetic pens under a scaling transform about ten times slower than
        # in device pixels, so map the points here and draw with an identity transform.
        t = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self.antialias)
        for bucket in self.DRAW_ORDER:
            points = self._segments[bucket].reshape(-1, 2)
            if not len(points):
                continue
            x = t.m11() * points[:, 0] + t.m21() * points[:, 1] + t.dx()
            y = t.m12() * points[:, 0] + t.m22() * points[:, 1] + t.dy()
            painter.setPen(self.pens[bucket])
            painter.drawPath(pg.arrayToQPath(x, y, connect="pairs"))
        painter.restore()


def signed_image(values: np.ndarray, kind: str) -> np.ndarray:
    """uint8 0..255 with 127.5 meaning 'zero' (or 'unsure' for a probability), ready for the diverging LUT."""
    if kind in ("sigmoid", "softmax"):
        signed = values * 2.0 - 1.0  # probabilities: 0.5 is "unsure"
    else:
        signed = values / (float(np.abs(values).max()) or 1.0)
    return ((np.clip(np.nan_to_num(signed), -1, 1) + 1.0) * 127.5).astype(np.uint8)


class NeuronThumbnails:
    """One heatmap ImageItem per neuron of the layers up to LABELLED_LAYER_MAX wide."""

    def __init__(self, plot: pg.PlotWidget, layout: geo.NetworkLayout):
        self.layout = layout
        self.items: dict[tuple[int, int], pg.ImageItem] = {}
        self.has_maps = False
        lut = diverging_lut(strength=0.8)
        for column in range(1, len(layout.sizes)):
            if layout.sizes[column] > geo.LABELLED_LAYER_MAX:
                continue  # big layers: circles only
            for index in range(layout.sizes[column]):
                thumb = pg.ImageItem()
                thumb.setLookupTable(lut)
                thumb.setLevels((0, 255))
                thumb.setZValue(12)
                thumb.setVisible(False)
                plot.addItem(thumb)
                self.items[(column, index)] = thumb

    def set_maps(self, maps, kinds: list[str], flip_y: bool) -> None:
        """Colour each thumbnail from `maps` (BoundaryMaps); kinds[c] is column c's activation."""
        for (column, index), thumb in self.items.items():
            values = maps.layers[column - 1][index]
            if flip_y:  # the graph draws y downwards; keep x₂ pointing up like the big map
                values = values[::-1]
            thumb.setImage(signed_image(values, kinds[column]).T, autoLevels=False)
        self.has_maps = True

    def set_visible(self, visible: bool) -> None:
        for thumb in self.items.values():
            thumb.setVisible(visible and self.has_maps)

    def place(self, pixel_size: tuple[float, float], marker_scale: float) -> None:
        """Keep each heatmap square inside its neuron's circle, whatever the zoom."""
        px, py = pixel_size[0], abs(pixel_size[1])
        for (column, index), thumb in self.items.items():
            side = self.layout.marker_px[column] * marker_scale * INSIDE_CIRCLE
            x, y = self.layout.positions[column][index]
            thumb.setRect(QRectF(x - side * px / 2, y - side * py / 2, side * px, side * py))
