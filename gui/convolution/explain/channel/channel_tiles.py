"""The top images of a channel as a 3×3 grid: each picture large and blocky, the patch that excited it outlined.

Painted rather than built of labels, so the tiles take whatever room there is (about 75 pixels
a side in the lab at 1024×768, twice that full screen) and stay square; a caption may use its
tile's whole cell, wider than the picture. The outline is orange
with a black rim and a zoom-following width, so it shows on white strokes and black paper alike
and does not rely on colour alone. Under each tile: the class and the channel's value there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.convolution.explain.channel.channel_pixels import qimage
from gui.convolution.looks import zoomed_font
from gui.style import theme
from gui.style.zoom import ZOOM

COLUMNS = 3
GAP = 6  # pixels between tiles at 100%
OUTLINE = theme.ORANGE
OUTLINE_WIDTH = 3  # the coloured line, at 100%; a black rim of 1 pixel on each side keeps it visible
CAPTION_POINT_SIZE = theme.BASE_POINT_SIZE


@dataclass(frozen=True)
class Tile:
    """One picture of the grid as it is drawn: pixels, outline, caption."""

    pixels: np.ndarray  # uint8 H×W×3
    box: tuple[int, int, int, int]  # top, left, bottom, right (exclusive), in the picture's pixels
    caption: str  # "digit 7 · 8.92"


class TileGrid(QWidget):
    """Up to nine tiles, three a row, strongest first; a sentence instead while there are none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tiles: list[Tile] = []
        self._images = []
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(180, 180))

    def set_tiles(self, tiles: list[Tile]) -> None:
        self.tiles = list(tiles)
        self._images = [qimage(tile.pixels) for tile in self.tiles]
        self.update()

    def set_empty_text(self, text: str) -> None:
        """What the grid says while it has no tiles (how to choose a channel, or what went wrong)."""
        self.empty_text = text
        self.update()

    # ------------------------------------------------------------ geometry (tests read it too)
    def caption_height(self) -> int:
        return QFontMetrics(zoomed_font(CAPTION_POINT_SIZE)).height() + 2

    def cells(self) -> list[QRect]:
        """Each tile's share of the widget: its picture, centred at the top, and its caption below, as wide as this."""
        count = len(self.tiles)
        if not count:
            return []
        rows = max(1, math.ceil(count / COLUMNS))
        width, height = self.width() / COLUMNS, self.height() / rows
        return [QRect(round((i % COLUMNS) * width), round((i // COLUMNS) * height), round(width), round(height))
                for i in range(count)]

    def tile_rects(self) -> list[QRect]:
        """Where each tile's picture is drawn, in widget coordinates: square, as large as its cell allows."""
        gap, caption = ZOOM.px(GAP), self.caption_height()
        rects = []
        for cell in self.cells():
            side = max(8, min(cell.width() - gap, cell.height() - caption - gap))
            rects.append(QRect(cell.left() + (cell.width() - side) // 2, cell.top(), side, side))
        return rects

    def box_rect(self, index: int) -> QRectF:
        """The outlined patch of tile `index`, in widget coordinates."""
        rect = self.tile_rects()[index]
        tile = self.tiles[index]
        height, width = tile.pixels.shape[:2]
        top, left, bottom, right = tile.box
        sx, sy = rect.width() / width, rect.height() / height
        return QRectF(rect.left() + left * sx, rect.top() + top * sy, (right - left) * sx, (bottom - top) * sy)

    # ------------------------------------------------------------ drawing
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # nearest neighbour: crisp pixels
        painter.setFont(zoomed_font(CAPTION_POINT_SIZE))
        if not self.tiles:
            painter.setPen(self.palette().windowText().color())
            margin = ZOOM.px(12)
            painter.drawText(self.rect().adjusted(margin, margin, -margin, -margin),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_text)
            return
        caption = self.caption_height()
        metrics = painter.fontMetrics()
        width = ZOOM.px(OUTLINE_WIDTH)
        for index, (cell, rect, image, tile) in enumerate(zip(self.cells(), self.tile_rects(), self._images,
                                                               self.tiles)):
            painter.drawImage(rect, image)
            patch = self.box_rect(index)
            # The outline lies inside a large patch, so it never covers a neighbour tile, and around a small
            # one, so the few pixels it marks stay visible.
            inset = (width + 2) / 2 * (1 if min(patch.width(), patch.height()) > 3 * (width + 2) else -1)
            patch = patch.adjusted(inset, inset, -inset, -inset)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(theme.BLACK), width + 2))
            painter.drawRect(patch)
            painter.setPen(QPen(QColor(OUTLINE), width))
            painter.drawRect(patch)
            painter.setPen(self.palette().windowText().color())
            text = metrics.elidedText(tile.caption, Qt.TextElideMode.ElideMiddle, cell.width())
            painter.drawText(QRect(cell.left(), rect.bottom() + 1, cell.width(), caption),
                             int(Qt.AlignmentFlag.AlignCenter), text)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self.update()
        super().changeEvent(event)

