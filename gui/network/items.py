"""The drawing pieces of the network view: its colour tables and the batched edge item.

Edges are drawn per layer by one EdgeBatch, a few pen buckets (sign × width) painted into
one device-pixel cache, never one QGraphicsItem per edge (DESIGN.md, habit 6).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from gui.style import theme
from gui.network import layout as geo
NEUTRAL = "#F2F2F2"  # a value of about 0
EDGE_NEUTRAL = "#D9D9D9"
EDGE_STRENGTHS = (0.35, 0.6, 0.85, 1.0)  # how far each width bucket's colour is from grey
ANTIALIAS_EDGES = 1500  # smooth edges for small layers; big ones would redraw too slowly


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
