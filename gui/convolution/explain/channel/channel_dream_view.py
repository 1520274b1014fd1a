"""The image grown for a channel, frame by frame, with the channel's value rising under it.

Each DreamFrame the worker sends replaces the picture (nearest-neighbour, so a 28×28 image is
big and blocky) and adds a point to a small curve of the channel's mean value against the step:
the class watches the picture form and the number climb. Painted, so it takes whatever room
the panel gives it; the curve carries its numbers (first and latest value, the step), not only a line.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.cnn.channels import DreamFrame
from gui.convolution.explain.channel.channel_pixels import qimage, to_pixels
from gui.convolution.looks import zoomed_font
from gui.style import theme
from gui.style.numbers import fixed
from gui.style.plots import finite_range
from gui.style.zoom import ZOOM

CURVE_SHARE = 0.22  # of the height, for the curve under the picture
CURVE_COLOUR = theme.BLUE
TEXT_POINT_SIZE = theme.BASE_POINT_SIZE


class DreamView(QWidget):
    """The latest frame of a dream and the curve of its activation; a sentence while there is none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.frame: DreamFrame | None = None
        self.history: list[tuple[int, float]] = []  # (step, activation) of every frame shown
        self._image = None
        self.mean, self.std = np.zeros(1, np.float32), np.ones(1, np.float32)
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(140, 180))

    def set_normalisation(self, mean: np.ndarray, std: np.ndarray) -> None:
        """How to turn the dream's input units back into pixels (the model's preprocessing)."""
        self.mean, self.std = mean, std

    def clear(self) -> None:
        self.frame, self.history, self._image = None, [], None
        self.update()

    def add_frame(self, frame: DreamFrame) -> None:
        """Show `frame` and add its value to the curve (a frame of an earlier step starts a new curve)."""
        if self.history and frame.step <= self.history[-1][0]:
            self.history = []
        self.frame = frame
        self.history.append((frame.step, float(frame.activation)))
        self._image = qimage(to_pixels(frame.image, self.mean, self.std)[0])
        self.update()

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self.update()

    def status_text(self) -> str:
        """"step 120 of 200 · value 3.42" for the frame shown; empty without one."""
        if self.frame is None:
            return ""
        return self.tr("step {0} of {1} · value {2}").format(self.frame.step, self.frame.steps,
                                                             fixed(self.frame.activation))

    # ------------------------------------------------------------ geometry
    def _line(self) -> int:
        return QFontMetrics(zoomed_font(TEXT_POINT_SIZE)).height() + 2

    def image_rect(self) -> QRect:
        line = self._line()
        room = self.height() - 2 * line - int(self.height() * CURVE_SHARE)
        side = max(8, min(self.width(), room))
        return QRect((self.width() - side) // 2, 0, side, side)

    def curve_rect(self) -> QRect:
        image, line = self.image_rect(), self._line()
        top = image.bottom() + 1 + line
        return QRect(0, top + line, self.width(), max(10, self.height() - top - 2 * line))

    # ------------------------------------------------------------ drawing
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.setFont(zoomed_font(TEXT_POINT_SIZE))
        text_colour = self.palette().windowText().color()
        painter.setPen(text_colour)
        if self.frame is None:
            margin = ZOOM.px(8)
            painter.drawText(self.rect().adjusted(margin, margin, -margin, -margin),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_text)
            return
        image = self.image_rect()
        painter.drawImage(image, self._image)
        painter.setPen(QPen(QColor(theme.GREY), 1))
        painter.drawRect(image.adjusted(0, 0, -1, -1))
        painter.setPen(text_colour)
        line = self._line()
        painter.drawText(QRect(0, image.bottom() + 1, self.width(), line), int(Qt.AlignmentFlag.AlignCenter),
                         self.status_text())
        self._draw_curve(painter, line)

    def _draw_curve(self, painter: QPainter, line: int) -> None:
        area = self.curve_rect()
        steps = [step for step, _ in self.history]
        values = [value for _, value in self.history]
        low, high = finite_range(values + [0.0])
        last_step = max(self.frame.steps, 1)
        painter.setPen(self.palette().windowText().color())
        caption = self.tr("how strongly it excites the channel")
        painter.drawText(QRect(0, area.top() - line, self.width(), line), int(Qt.AlignmentFlag.AlignCenter),
                         QFontMetrics(painter.font()).elidedText(caption, Qt.TextElideMode.ElideRight, self.width()))
        label_width = QFontMetrics(painter.font()).horizontalAdvance("−00.00") + ZOOM.px(4)
        plot = area.adjusted(label_width, ZOOM.px(4), -ZOOM.px(6), -ZOOM.px(4))
        painter.setPen(QPen(QColor(theme.GREY), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

        def point(step: float, value: float) -> QPointF:
            x = plot.left() + plot.width() * step / last_step
            y = plot.bottom() - plot.height() * (value - low) / (high - low)
            return QPointF(x, y)

        if low < 0 < high:  # the zero line: a channel that is off sits on it
            painter.setPen(QPen(QColor(theme.GREY), 1, Qt.PenStyle.DashLine))
            painter.drawLine(point(0, 0.0), point(last_step, 0.0))
        path = QPainterPath(point(steps[0], values[0]))
        for step, value in zip(steps[1:], values[1:]):
            path.lineTo(point(step, value))
        painter.setPen(QPen(QColor(CURVE_COLOUR), ZOOM.px(theme.LINE_WIDTH)))
        painter.drawPath(path)
        painter.setBrush(QColor(CURVE_COLOUR))
        painter.drawEllipse(point(steps[-1], values[-1]), ZOOM.px(3), ZOOM.px(3))
        painter.setPen(self.palette().windowText().color())
        align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for value in (low, high):
            y = int(point(0, value).y())
            painter.drawText(QRect(0, y - line // 2, label_width - ZOOM.px(4), line), align, fixed(value))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self.update()
        super().changeEvent(event)

