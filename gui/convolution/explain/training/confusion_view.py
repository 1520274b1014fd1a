"""ConfusionView: where the network gets confused, as a grid a class reads from the back of the room.

Rows are the true classes, columns what the network predicted. Each cell shows its count and is coloured
by the share of its row (white → blue, Okabe–Ito): with unequal classes a raw count would make a big class
look confused. The diagonal (right answers) is framed, so it reads without colour; a clicked cell gets a
dashed frame. The widget paints itself (a 10×10 grid is a hundred rectangles and numbers: a QPainter
draws it in about a millisecond) and sizes its cells and fonts to the room it gets, following View › Zoom
at paint time. It holds a core Confusion (numpy only) and never runs the network.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from core.cnn.confusion import Confusion
from gui.convolution.looks import Looks, shown_name, zoomed_font
from gui.style import theme
from gui.style.colours import rgb
from gui.style.zoom import ZOOM

SCALE_LOW, SCALE_HIGH = rgb("#FFFFFF"), rgb(theme.BLUE)  # a sequential scale: no share → white, all → blue
ZERO_INK = "#8C8C8C"  # an empty cell's 0 reads, but steps back from the counts that matter
SCALE_GAMMA = 0.6  # lifts small shares, so a handful of mistakes still shows as a tint
MAX_COLUMN_LABEL_PX = 110  # rotated column names longer than this end in "…" (the tooltip has them whole)


def share_colour(share: float) -> QColor:
    """The cell colour for `share` (0 to 1) of its true class's pictures."""
    t = float(np.clip(np.nan_to_num(share), 0.0, 1.0)) ** SCALE_GAMMA
    red, green, blue = np.rint(SCALE_LOW + (SCALE_HIGH - SCALE_LOW) * t).astype(int)
    return QColor(int(red), int(green), int(blue))


def ink_for(background: QColor) -> QColor:
    """Black on light cells, white on dark ones."""
    return QColor("white") if background.lightnessF() < 0.55 else QColor(theme.BLACK)


@dataclass(frozen=True)
class Geometry:
    """Where everything goes at the current size: computed for painting and for finding the cell under the mouse."""

    grid: QRectF  # the cells
    cell: float
    title_y: float  # baseline of the summary line
    column_labels: QRectF
    row_labels: QRectF
    legend: QRectF
    rotated: bool  # column names written upwards (they do not fit across a cell)


class ConfusionView(QWidget):
    """The confusion matrix: counts, colours by share of the true class, the diagonal framed, a cell clickable."""

    cell_clicked = Signal(int, int)  # true class, predicted class

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.looks = Looks(self)
        self.confusion: Confusion | None = None
        self.held_out = 0  # the held-out pictures of the set (the matrix may count only the first of them)
        self.step: int | None = None  # the training step the matrix shows, if it comes from a run
        self.from_folder = False  # True: every picture of a class folder was counted, none is "held out"
        self.selected: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(ZOOM.px(220), ZOOM.px(200))

    # ------------------------------------------------------------------ what it shows
    def set_confusion(self, confusion: Confusion | None, held_out: int | None = None, step: int | None = None) -> None:
        """Show `confusion` (None: nothing counted yet); `held_out` is the size of the whole held-out set."""
        if confusion is None or self.confusion is None or confusion.class_names != self.confusion.class_names:
            self.selected = None  # a new run: its classes may differ
        self.confusion = confusion
        self.held_out = int(held_out) if held_out is not None else (confusion.total if confusion else 0)
        self.step = step
        self.update()

    def select(self, true_class: int, predicted: int) -> None:
        """Mark a cell and announce it, as a click does."""
        self.selected = (int(true_class), int(predicted))
        self.update()
        self.cell_clicked.emit(int(true_class), int(predicted))

    def class_count(self) -> int:
        return len(self.confusion.class_names) if self.confusion is not None else 0

    def summary_text(self) -> str:
        """The line above the grid: the accuracy, on how many pictures, at which step."""
        confusion = self.confusion
        if confusion is None:
            return self.tr("No matrix yet: press Load data in the training panel, and the held-out pictures "
                           "are counted here as the network trains.")
        counted = int(confusion.counts.sum())
        if self.from_folder:
            text = self.tr("Accuracy {0:.1%} on {1:,} pictures of the folder").format(confusion.accuracy, counted)
        elif self.held_out > counted:
            text = self.tr("Accuracy {0:.1%} on the first {1:,} of {2:,} held-out pictures").format(
                confusion.accuracy, counted, self.held_out)
        else:
            text = self.tr("Accuracy {0:.1%} on {1:,} held-out pictures").format(confusion.accuracy, counted)
        if self.step is not None:
            text += self.tr(" · step {0:,}").format(self.step)
        return text

    def tooltip_for(self, true_class: int, predicted: int) -> str:
        """What hovering over a cell says, in words."""
        confusion = self.confusion
        names = [shown_name(name) for name in confusion.class_names]
        count = int(confusion.counts[true_class, predicted])
        total = int(confusion.counts[true_class].sum())
        share = count / total if total else 0.0
        if true_class == predicted:
            text = self.tr("{0} of the {1:,} pictures of '{2}' were read correctly ({3:.0%}).").format(
                count, total, names[true_class], share)
        else:
            text = self.tr("{0} of the {1:,} pictures of '{2}' were read as '{3}' ({4:.0%}).").format(
                count, total, names[true_class], names[predicted], share)
        return text + "\n" + self.tr("Click to see them.") if count else text

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(true class, predicted class) of the cell under the point, or None."""
        if self.confusion is None:
            return None
        geometry = self.geometry_now()
        grid, size = geometry.grid, self.class_count()
        if not grid.contains(QPointF(x, y)):
            return None
        column = min(size - 1, int((x - grid.left()) / geometry.cell))
        row = min(size - 1, int((y - grid.top()) / geometry.cell))
        return row, column

    def cell_rect(self, true_class: int, predicted: int) -> QRectF:
        geometry = self.geometry_now()
        grid, cell = geometry.grid, geometry.cell
        return QRectF(grid.left() + predicted * cell, grid.top() + true_class * cell, cell, cell)

    # ------------------------------------------------------------------ sizes
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(ZOOM.px(520), ZOOM.px(460))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(ZOOM.px(220), ZOOM.px(200))

    def _label_font(self) -> QFont:
        return zoomed_font(theme.BASE_POINT_SIZE)

    def _title_font(self) -> QFont:
        return zoomed_font(theme.BASE_POINT_SIZE, bold=True)

    def geometry_now(self) -> Geometry:
        """The layout at the widget's current size and zoom."""
        size = max(1, self.class_count())
        names = [shown_name(name) for name in self.confusion.class_names] if self.confusion else []
        label = QFontMetricsF(self._label_font())
        title = QFontMetricsF(self._title_font())
        pad = ZOOM.px(6)
        line = label.height()
        widest = max((label.horizontalAdvance(name) for name in names), default=0.0)
        top = title.height() + pad  # the summary line
        axis_title = line + pad / 2  # "predicted as" above the columns; "true class" left of the rows (turned)
        legend_height = line * 1.2 + pad
        row_label_width = min(widest, self.width() * 0.25) + pad
        room_w = self.width() - axis_title - row_label_width - pad
        room_h = self.height() - top - axis_title - legend_height - pad
        # Column names across the cells if they fit, else written upwards (at most MAX_COLUMN_LABEL_PX tall).
        across = line + pad / 2
        cell = min(room_w, room_h - across) / size
        rotated = widest > cell - pad / 2
        if rotated:
            column_height = min(widest, ZOOM.px(MAX_COLUMN_LABEL_PX), room_h * 0.3) + pad / 2
            cell = min(room_w, room_h - column_height) / size
        else:
            column_height = across
        cell = max(4.0, cell)
        grid_left = axis_title + row_label_width + max(0.0, room_w - cell * size) / 2  # centred in its room
        grid_top = top + axis_title + column_height
        grid = QRectF(grid_left, grid_top, cell * size, cell * size)
        return Geometry(
            grid=grid, cell=cell, title_y=title.ascent() + pad / 2,
            column_labels=QRectF(grid_left, top + axis_title, grid.width(), column_height),
            row_labels=QRectF(grid_left - row_label_width, grid_top, row_label_width - pad / 2, grid.height()),
            legend=QRectF(pad, grid.bottom() + pad, self.width() - 2 * pad, line * 1.2),
            rotated=rotated)

    # ------------------------------------------------------------------ painting
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor(theme.BLACK))
        painter.setFont(self._title_font())
        if self.confusion is None:
            painter.drawText(QRectF(self.rect()).adjusted(12, 12, -12, -12),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.summary_text())
            painter.end()
            return
        geometry = self.geometry_now()
        summary = QFontMetricsF(self._title_font()).elidedText(self.summary_text(), Qt.TextElideMode.ElideRight,
                                                               self.width() - ZOOM.px(12))
        painter.drawText(QPointF(ZOOM.px(6), geometry.title_y), summary)
        self._paint_axes(painter, geometry)
        self._paint_cells(painter, geometry)
        self._paint_legend(painter, geometry)
        painter.end()

    def _paint_axes(self, painter: QPainter, geometry: Geometry) -> None:
        names = [shown_name(name) for name in self.confusion.class_names]
        grid, cell = geometry.grid, geometry.cell
        font = self._label_font()
        metrics = QFontMetricsF(font)
        line = metrics.height()
        painter.setFont(self._title_font())
        painter.setPen(QColor(theme.BLACK))
        # Axis titles: "predicted as" above the column names, "true class" turned, left of the row names.
        painter.drawText(QRectF(grid.left(), geometry.column_labels.top() - line, grid.width(), line),
                         Qt.AlignmentFlag.AlignCenter, self.tr("predicted as →"))
        painter.save()
        painter.translate(geometry.row_labels.left() - line - ZOOM.px(2), grid.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-grid.height() / 2, 0, grid.height(), line), Qt.AlignmentFlag.AlignCenter,
                         self.tr("true class →"))
        painter.restore()
        painter.setFont(font)
        rows = geometry.row_labels
        for index, name in enumerate(names):
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, rows.width())
            painter.drawText(QRectF(rows.left(), grid.top() + index * cell, rows.width(), cell),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        columns = geometry.column_labels
        for index, name in enumerate(names):
            left = grid.left() + index * cell
            if geometry.rotated:  # written upwards, ending just above its column
                text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, columns.height() - 2)
                painter.save()
                painter.translate(left + cell / 2 + metrics.ascent() / 2 - metrics.descent(), columns.bottom() - 2)
                painter.rotate(-90)
                painter.drawText(QPointF(0, 0), text)
                painter.restore()
            else:
                text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, cell)
                painter.drawText(QRectF(left, columns.top(), cell, columns.height()),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)

    def _count_font(self, cell: float, counts: np.ndarray) -> QFont:
        """The counts' font: the labels' size, smaller only if the widest count would not fit its cell."""
        font = self._label_font()
        widest = QFontMetricsF(font).horizontalAdvance(str(int(counts.max())) if counts.size else "0")
        if widest > cell * 0.9 and widest > 0:
            font.setPointSizeF(max(5.0, font.pointSizeF() * cell * 0.9 / widest))
        return font

    def _paint_cells(self, painter: QPainter, geometry: Geometry) -> None:
        counts = self.confusion.counts
        totals = counts.sum(axis=1)
        grid, cell = geometry.grid, geometry.cell
        painter.setFont(self._count_font(cell, counts))
        edge = QPen(QColor("#D0D0D0"), 1)
        for row in range(counts.shape[0]):
            for column in range(counts.shape[1]):
                rect = QRectF(grid.left() + column * cell, grid.top() + row * cell, cell, cell)
                count = int(counts[row, column])
                fill = share_colour(count / totals[row] if totals[row] else 0.0)
                painter.fillRect(rect, fill)
                painter.setPen(edge)
                painter.drawRect(rect)
                painter.setPen(ink_for(fill) if count else QColor(ZERO_INK))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count))
        # The diagonal: right answers, framed in black so they read without colour.
        frame = QPen(QColor(theme.BLACK), max(2.0, cell * 0.07))
        frame.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(frame)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = frame.widthF() / 2
        for index in range(counts.shape[0]):
            painter.drawRect(QRectF(grid.left() + index * cell, grid.top() + index * cell, cell, cell).adjusted(
                inset, inset, -inset, -inset))
        if self.selected is not None and max(self.selected) < counts.shape[0]:
            row, column = self.selected
            chosen = QPen(QColor(theme.VERMILLION), max(3.0, cell * 0.1), Qt.PenStyle.DashLine)
            painter.setPen(chosen)
            painter.drawRect(QRectF(grid.left() + column * cell, grid.top() + row * cell, cell, cell))

    def _paint_legend(self, painter: QPainter, geometry: Geometry) -> None:
        """The scale (white → blue: share of the true class) and what the frames mean, in words."""
        legend = geometry.legend
        font = self._label_font()
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(QColor(theme.BLACK))
        low, high = "0%", "100%"
        bar_width = min(ZOOM.px(90), legend.width() * 0.25)
        x = legend.left()
        baseline = legend.top() + metrics.ascent()
        painter.drawText(QPointF(x, baseline), low)
        x += metrics.horizontalAdvance(low) + 4
        gradient = QLinearGradient(x, 0, x + bar_width, 0)
        for t in np.linspace(0.0, 1.0, 6):
            gradient.setColorAt(float(t), share_colour(float(t)))
        bar = QRectF(x, legend.top() + 2, bar_width, metrics.height() - 4)
        painter.fillRect(bar, gradient)
        painter.setPen(QPen(QColor(theme.GREY), 1))
        painter.drawRect(bar)
        painter.setPen(QColor(theme.BLACK))
        x += bar_width + 4
        painter.drawText(QPointF(x, baseline), high)
        x += metrics.horizontalAdvance(high) + ZOOM.px(8)
        words = self.tr("of the true class · framed: read correctly")
        painter.drawText(QPointF(x, baseline), metrics.elidedText(words, Qt.TextElideMode.ElideRight,
                                                                  max(0.0, legend.right() - x)))

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            position = event.position()
            cell = self.cell_at(position.x(), position.y())
            if cell is not None:
                self.select(*cell)
                return
        super().mousePressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = event.position() if hasattr(event, "position") else QPointF(event.pos())
            cell = self.cell_at(position.x(), position.y())
            if cell is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(*cell), self)
            return True
        return super().event(event)

    def retranslate_dynamic(self) -> None:
        self.update()  # every word is painted: a repaint speaks the new language

    def rezoom(self) -> None:
        self.setMinimumSize(ZOOM.px(220), ZOOM.px(200))
        self.updateGeometry()
        self.update()


def confusion_widget(confusion: Confusion, held_out: int | None = None, step: int | None = None,
                     from_folder: bool = False) -> QWidget:
    """A ready-to-grab confusion matrix for `snapshot --view confusion` (no worker, no torch): the grid with its
    counts, colours, class names, axis titles, accuracy line and legend, at its preferred size.
    `from_folder`: the pictures are a whole class folder's, not a data set's held-out ones."""
    view = ConfusionView()
    view.from_folder = bool(from_folder)
    view.set_confusion(confusion, held_out, step)
    view.resize(view.sizeHint())
    return view
