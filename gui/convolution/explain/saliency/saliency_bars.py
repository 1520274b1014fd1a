"""ClassBars: the network's class probabilities as clickable bars; a click picks the class the maps explain.

Each row is the class's name, a bar as long as its probability and the percentage. The class
being explained is marked by a ▶ glyph, bold text and an orange bar, and the network's answer
by a ★, so neither depends on colour alone.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.convolution.cnn_panels import percent_text
from gui.convolution.looks import shown_name, zoomed_font
from gui.style import theme

EXPLAINED_MARK, ANSWER_MARK = "▶", "★"


class ClassBars(QWidget):
    """One clickable row per class: "name  ████  42%"."""

    class_chosen = Signal(int)  # the class index clicked

    POINT_SIZE = theme.BASE_POINT_SIZE

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.names: tuple[str, ...] = ()
        self.probs = np.zeros(0)
        self.explained: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.rezoom()

    def show_probs(self, names: tuple[str, ...], probs: np.ndarray, explained: int) -> None:
        self.names, self.probs, self.explained = tuple(names), np.asarray(probs, dtype=float), int(explained)
        self.updateGeometry()
        self.update()

    def texts(self) -> list[str]:
        """One "name percent" per row, as shown (tests and the accessible description)."""
        return [f"{shown_name(name)} {percent_text(p)}" for name, p in zip(self.names, self.probs)]

    def rezoom(self) -> None:
        self.setFont(zoomed_font(self.POINT_SIZE))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> float:
        return self.fontMetrics().height() * 1.35

    def _name_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(shown_name(name)) for name in self.names), default=0)
        return min(widest, metrics.horizontalAdvance("m" * 9)) + metrics.horizontalAdvance(EXPLAINED_MARK + " ")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        metrics = self.fontMetrics()
        width = self._name_width() + metrics.horizontalAdvance("100%") + 60
        return QSize(width, int(self._row_height() * max(1, len(self.names))) + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.sizeHint().width(), int(self._row_height() * 3))

    def row_at(self, y: float) -> int | None:
        if not self.names:
            return None
        row = int(y // self._row_height())
        return row if 0 <= row < len(self.names) else None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        row = self.row_at(event.position().y())
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.class_chosen.emit(row)

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.names:
            return
        painter = QPainter(self)
        metrics = self.fontMetrics()
        height = min(self._row_height(), self.height() / len(self.names))
        name_width = self._name_width()
        percent_width = metrics.horizontalAdvance("100%") + 4
        bar_room = max(10.0, self.width() - name_width - percent_width - 8)
        answer = int(np.argmax(self.probs)) if self.probs.size else -1
        plain, bold = painter.font(), painter.font()
        bold.setBold(True)
        for row, (name, p) in enumerate(zip(self.names, self.probs)):
            top = row * height
            chosen = row == self.explained
            painter.setFont(bold if chosen else plain)
            painter.setPen(QColor(theme.BLACK))
            mark = EXPLAINED_MARK if chosen else (ANSWER_MARK if row == answer else "")
            label = metrics.elidedText(shown_name(name), Qt.TextElideMode.ElideRight,
                                       name_width - metrics.horizontalAdvance(EXPLAINED_MARK + " "))
            painter.drawText(QRectF(0, top, name_width, height), Qt.AlignmentFlag.AlignVCenter, f"{mark} {label}".strip()
                             if mark else f"  {label}")
            bar = QRectF(name_width + 4, top + height * 0.2, bar_room * float(p), height * 0.6)
            painter.fillRect(bar, QColor(theme.ORANGE if chosen else theme.BLUE))
            painter.drawText(QRectF(name_width + 8 + bar_room, top, percent_width, height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, percent_text(float(p)))
        painter.end()
