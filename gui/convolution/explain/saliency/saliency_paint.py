"""The drawing pieces of "Where does it look?": a map laid over the image, and its colour bar.

The compositing is plain numpy on the network's own input (28×28 or 64×64 pixels), so a
live update costs well under a millisecond; Qt only scales the result to the room there is.
The heat colours are matplotlib's "inferno" as pyqtgraph ships it: perceptually even, readable
in grey and by colour-blind viewers (not jet); dark is "matters little", bright yellow "matters most",
and the colour bar says so in words and numbers, so colour is never the only cue.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.style import theme
from gui.convolution.looks import zoomed_font

HEAT = pg.colormap.get("inferno").getLookupTable(0.0, 1.0, 256, alpha=False).astype(np.uint8)  # 256×3
SQUARE_EDGE = theme.SKY  # the occlusion square's outline: visible on black, white and the heat colours


def shown_input(input: np.ndarray, mean, std) -> np.ndarray:
    """The network's input (C×H×W, normalised) as H×W×3 floats in 0..1: what the network sees, de-normalised."""
    channels = input.shape[0]
    mean = np.resize(np.asarray(mean, dtype=np.float32), channels).reshape(-1, 1, 1)
    std = np.resize(np.asarray(std, dtype=np.float32), channels).reshape(-1, 1, 1)
    pixels = np.clip(input * std + mean, 0.0, 1.0).transpose(1, 2, 0)
    return np.repeat(pixels, 3, axis=2) if channels == 1 else pixels[:, :, :3]


def map_top(values: np.ndarray) -> float:
    """The value drawn brightest: the map's largest, or 1 for a map with nothing above 0."""
    top = float(np.max(values)) if values.size else 0.0
    return top if np.isfinite(top) and top > 0 else 1.0


def map_levels(values: np.ndarray, top: float | None = None) -> np.ndarray:
    """The map as colour levels 0..255: 0 at or below 0, 255 at `top` (the map's largest by default)."""
    top = map_top(values) if top is None else top
    return np.rint(np.clip(np.nan_to_num(values / top), 0.0, 1.0) * 255.0).astype(np.uint8)


def composite(base: np.ndarray, levels: np.ndarray | None, opacity: float,
              covered: np.ndarray | None = None) -> np.ndarray:
    """`base` (H×W×3 in 0..1) with the heat colours of `levels` over it at `opacity`, as uint8 RGB.

    Pixels outside `covered` (occlusion still running) show the image alone."""
    picture = base * 255.0
    if levels is not None:
        alpha = float(np.clip(opacity, 0.0, 1.0))
        heat = HEAT[levels].astype(np.float32)
        mixed = (1.0 - alpha) * picture + alpha * heat
        picture = mixed if covered is None else np.where(covered[:, :, None], mixed, picture)
    return np.ascontiguousarray(np.rint(picture), dtype=np.uint8)


class OverlayImage(QWidget):
    """An RGB picture scaled to fit (crisp pixels, kept square), with the occlusion square drawn on top."""

    hovered = Signal(int, int)  # the image pixel (row, column) under the mouse; (-1, -1) when it leaves

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(64, 64)
        self.pixels: np.ndarray | None = None  # H×W×3 uint8, as drawn
        self._image: QImage | None = None
        self.square: tuple[int, int, int] | None = None  # (top, left, side) in the image's pixels
        self.square_colour = QColor(128, 128, 128)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(180, 180)

    def set_pixels(self, pixels: np.ndarray | None) -> None:
        self.pixels = None if pixels is None else np.ascontiguousarray(pixels, dtype=np.uint8)
        if self.pixels is None:
            self._image = None
        else:
            height, width, _ = self.pixels.shape
            self._image = QImage(self.pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
        self.update()

    def set_square(self, square: tuple[int, int, int] | None, grey: float = 0.5) -> None:
        """Show the occlusion square at (top, left, side), filled with the baseline's grey (0..1); None hides it."""
        self.square = square
        level = int(round(255 * min(1.0, max(0.0, grey))))
        self.square_colour = QColor(level, level, level)
        self.update()

    def picture_rect(self) -> QRectF:
        """Where the picture is drawn: as large as fits, centred, pixels square."""
        if self.pixels is None:
            return QRectF()
        height, width, _ = self.pixels.shape
        scale = min(self.width() / width, self.height() / height)
        w, h = width * scale, height * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        rect = self.picture_rect()
        point = event.position()
        if self.pixels is None or not rect.contains(point):
            self.hovered.emit(-1, -1)
            return
        height, width, _ = self.pixels.shape
        row = min(height - 1, int((point.y() - rect.top()) * height / rect.height()))
        column = min(width - 1, int((point.x() - rect.left()) * width / rect.width()))
        self.hovered.emit(row, column)

    def leaveEvent(self, event) -> None:  # noqa: N802
        self.hovered.emit(-1, -1)

    def paintEvent(self, event) -> None:  # noqa: N802
        if self._image is None:
            return
        painter = QPainter(self)
        rect = self.picture_rect()
        painter.drawImage(rect, self._image)
        if self.square is not None:
            top, left, side = self.square
            scale = rect.width() / self.pixels.shape[1]
            box = QRectF(rect.left() + left * scale, rect.top() + top * scale, side * scale, side * scale)
            painter.fillRect(box, self.square_colour)
            painter.setPen(QPen(QColor(SQUARE_EDGE), 3))
            painter.drawRect(box)
        painter.end()


class ColourBar(QWidget):
    """The heat colours from dark to bright, with the lowest and highest value and what they measure in words."""

    POINT_SIZE = theme.BASE_POINT_SIZE

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.low, self.caption, self.high = "", "", ""
        self.marker: tuple[float, str] | None = None  # a value pointed at: its place on the bar (0..1), its text
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.rezoom()

    def set_texts(self, low: str, caption: str, high: str) -> None:
        self.low, self.caption, self.high = low, caption, high
        self.setToolTip(f"{low} … {high}: {caption}")
        self.update()

    def set_marker(self, fraction: float | None, text: str = "") -> None:
        """Mark a value on the bar (the pixel under the mouse), with its number in place of the words; None hides it."""
        self.marker = None if fraction is None else (float(np.clip(fraction, 0.0, 1.0)), text)
        self.update()

    def rezoom(self) -> None:
        self.setFont(zoomed_font(self.POINT_SIZE))
        self.setFixedHeight(int(self.fontMetrics().height() * 2.1))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        metrics = self.fontMetrics()
        bar_height = max(6, int(metrics.height() * 0.8))
        gradient = QLinearGradient(0, 0, self.width(), 0)
        for position in np.linspace(0.0, 1.0, 9):
            r, g, b = HEAT[int(round(position * 255))]
            gradient.setColorAt(float(position), QColor(int(r), int(g), int(b)))
        painter.fillRect(QRectF(0, 0, self.width(), bar_height), gradient)
        painter.setPen(QColor(theme.BLACK))
        text_top = bar_height + 1
        line = QRectF(0, text_top, self.width(), self.height() - text_top)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.low)
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, self.high)
        ends = max(metrics.horizontalAdvance(self.low), metrics.horizontalAdvance(self.high))
        room = self.width() - 2 * ends - 16  # centred between the two numbers, clear of both
        if self.marker is not None:  # a ▲ under the bar at the value pointed at, and the value itself
            fraction, text = self.marker
            x = fraction * self.width()
            painter.setBrush(QColor(theme.BLACK))
            painter.drawPolygon(QPolygonF([QPointF(x, bar_height - 5), QPointF(x - 5, bar_height + 3),
                                           QPointF(x + 5, bar_height + 3)]))
            if metrics.horizontalAdvance(text) <= room:
                painter.drawText(line, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        elif metrics.horizontalAdvance(self.caption) <= room:  # else only in the tooltip: numbers stay whole
            painter.drawText(line, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.caption)
        painter.end()
