"""DrawingCanvas: draw a digit with the mouse, dark ink on white paper, and watch the network follow.

The drawing is a fixed 280×280 QImage (ten times MNIST's 28×28), whatever size the
widget has on screen, so `image()` always gives the same pixels for the same strokes.
Strokes are kept as point lists: undo paints the remaining ones again on clean paper.
`drawing_changed` is throttled to about 30 per second while a stroke is drawn, so a
listener can run the network on every signal, and fires once more on release.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from gui.convolution.looks import Looks, zoomed_font
from gui.style import theme
from gui.style.zoom import ZOOM
from gui.convolution.state import DrawingState

INK = QColor("#111111")
PAPER = QColor("#FFFFFF")
THROTTLE_MS = 33  # at most ~30 drawing_changed per second while drawing
ERASER_FACTOR = 2.0  # the right button rubs out with a pen this much wider than the ink


class Stroke:
    """One press-drag-release: its pen width, whether it rubs out, and the points it went through."""

    __slots__ = ("width", "erase", "points")

    def __init__(self, width: float, erase: bool, start: QPointF):
        self.width, self.erase, self.points = width, erase, [start]

    def pen(self) -> QPen:
        pen = QPen(PAPER if self.erase else INK, self.width * (ERASER_FACTOR if self.erase else 1.0))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen


class Paper(QWidget):
    """The square sheet that takes the mouse; it shows the canvas's image scaled to fit."""

    def __init__(self, canvas: "DrawingCanvas"):
        super().__init__(canvas)
        self.canvas = canvas
        self.setMinimumSize(canvas.paper_side, canvas.paper_side)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Left button: draw.  Right button: rub out.  Ctrl+Z: undo the last stroke."))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.canvas.paper_side, self.canvas.paper_side)

    def sheet(self) -> QRectF:
        """Where the image is drawn: the largest centred square."""
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def to_image(self, position: QPointF) -> QPointF:
        sheet = self.sheet()
        scale = self.canvas.side / sheet.width()
        return QPointF((position.x() - sheet.x()) * scale, (position.y() - sheet.y()) * scale)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        sheet = self.sheet()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(sheet, self.canvas.paper_image)
        painter.setPen(QPen(QColor(theme.GREY), 2))
        painter.drawRect(sheet.adjusted(1, 1, -1, -1))
        if not self.canvas.strokes:
            painter.setPen(QColor(theme.GREY))
            painter.setFont(zoomed_font(theme.PLOT_LABEL_POINT_SIZE))
            painter.drawText(sheet, Qt.AlignmentFlag.AlignCenter, self.tr("Draw a digit here"))
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        button = event.button()
        if button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            self.canvas.begin_stroke(self.to_image(event.position()), erase=button == Qt.MouseButton.RightButton)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        # The pressed state is our own: synthetic and some tablet moves carry no buttons.
        if self.canvas.drawing:
            self.canvas.extend_stroke(self.to_image(event.position()))
            event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self.canvas.drawing:
            self.canvas.extend_stroke(self.to_image(event.position()))
            self.canvas.end_stroke()
            event.accept()

    def event(self, event) -> bool:
        # Ctrl+Z here undoes a stroke even when the window has its own Undo shortcut.
        if event.type() == QEvent.Type.ShortcutOverride and event.matches(QKeySequence.StandardKey.Undo):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Undo):
            self.canvas.undo()
            event.accept()
        else:
            super().keyPressEvent(event)


class DrawingCanvas(QWidget):
    """A square sheet to draw on with a pen-width box and Undo and Clear buttons below it."""

    drawing_changed = Signal()

    def __init__(self, parent: QWidget | None = None, side: int = 280, paper_side: int | None = None):
        super().__init__(parent)
        self.looks = Looks(self, language=False)  # fonts follow the zoom
        self.side = int(side)  # the drawing's pixels
        self.paper_side = int(paper_side or side)  # the sheet's smallest size on screen (at 100% zoom)
        self.paper_image = QImage(self.side, self.side, QImage.Format.Format_RGB32)
        self.paper_image.fill(PAPER)
        self.strokes: list[Stroke] = []
        self.drawing = False
        self._pending = False
        self._throttle = QTimer(self)
        self._throttle.setInterval(THROTTLE_MS)
        self._throttle.setSingleShot(True)
        self._throttle.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5% early
        self._throttle.timeout.connect(self._on_throttle)

        self.paper = Paper(self)
        pen_label = QLabel(self.tr("Pen:"))
        self.looks.font(pen_label, theme.PLOT_LABEL_POINT_SIZE)
        self.pen_box = QSpinBox()
        self.pen_box.setRange(4, 60)
        self.pen_box.setValue(22)  # about MNIST's stroke: 2 to 3 pixels of 28
        self.pen_box.setSuffix(" px")
        self.looks.font(self.pen_box, theme.PLOT_LABEL_POINT_SIZE)
        self.pen_box.setToolTip(self.tr("The width of the pen, in pixels of the 280×280 drawing"))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Take back the last stroke (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Start again on a clean sheet"))
        self.clear_button.clicked.connect(self.clear)
        for button in (self.undo_button, self.clear_button):
            self.looks.font(button, theme.PLOT_LABEL_POINT_SIZE)
        controls = QGridLayout()  # two rows: the sheet's column stays narrow
        controls.addWidget(pen_label, 0, 0)
        controls.addWidget(self.pen_box, 0, 1)
        controls.addWidget(self.undo_button, 1, 0)
        controls.addWidget(self.clear_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.paper, 1)
        layout.addLayout(controls)
        self._update_buttons()

    def rezoom(self) -> None:
        self.paper.setMinimumSize(ZOOM.px(self.paper_side), ZOOM.px(self.paper_side))

    # ------------------------------------------------------------------ public
    def image(self) -> np.ndarray:
        """The drawing as uint8 H×W×3 RGB (dark ink on white), ready for `core.data.images.from_array`."""
        image = self.paper_image
        rows = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
        rows = rows.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4]
        bgra = rows.reshape(image.height(), image.width(), 4)  # Format_RGB32 is 0xffRRGGBB: B, G, R, A in memory
        return np.ascontiguousarray(bgra[..., 2::-1])

    def is_empty(self) -> bool:
        """True when no ink is left on the paper (never drawn, cleared, or all rubbed out)."""
        return not self.strokes or bool((self.image() == 255).all())

    def pen_width(self) -> int:
        return self.pen_box.value()

    def set_pen_width(self, width: int) -> None:
        self.pen_box.setValue(int(width))

    def state(self) -> DrawingState:
        """The pen and every stroke, as plain numbers in the sheet's pixels."""
        strokes = tuple((stroke.width, stroke.erase, tuple((p.x(), p.y()) for p in stroke.points))
                        for stroke in self.strokes)
        return DrawingState(pen_width=self.pen_width(), strokes=strokes)

    def apply_state(self, state: DrawingState) -> None:
        """Paint `state`'s strokes on clean paper. Silent: the tab decides whether the drawing is its image."""
        self.set_pen_width(state.pen_width)
        self.drawing = False
        self.strokes = []
        for width, erase, points in state.strokes:
            stroke = Stroke(float(width), bool(erase), QPointF(*points[0]))
            stroke.points.extend(QPointF(x, y) for x, y in points[1:])
            self.strokes.append(stroke)
        self._repaint_strokes()
        self._update_buttons()

    @Slot()
    def clear(self) -> None:
        self.drawing = False
        self.strokes.clear()
        self._repaint_strokes()
        self._changed_now()

    @Slot()
    def undo(self) -> None:
        """Remove the last stroke (the one being drawn, if any)."""
        if not self.strokes:
            return
        self.drawing = False
        self.strokes.pop()
        self._repaint_strokes()
        self._changed_now()

    # ------------------------------------------------------------------ strokes
    def begin_stroke(self, point: QPointF, erase: bool = False) -> None:
        self.drawing = True
        self.strokes.append(Stroke(float(self.pen_box.value()), erase, point))
        self._paint_segment(self.strokes[-1], point, point)
        self._changed_soon()

    def extend_stroke(self, point: QPointF) -> None:
        stroke = self.strokes[-1]
        last = stroke.points[-1]
        if point == last:
            return
        stroke.points.append(point)
        self._paint_segment(stroke, last, point)
        self._changed_soon()

    def end_stroke(self) -> None:
        self.drawing = False
        self._changed_now()

    def _paint_segment(self, stroke: Stroke, start: QPointF, end: QPointF) -> None:
        painter = QPainter(self.paper_image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(stroke.pen())
        if start == end:
            painter.drawPoint(start)  # a round dot: a click without a drag still leaves ink
        else:
            painter.drawLine(start, end)
        painter.end()
        self.paper.update()

    def _repaint_strokes(self) -> None:
        self.paper_image.fill(PAPER)
        painter = QPainter(self.paper_image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self.strokes:
            painter.setPen(stroke.pen())
            if len(stroke.points) == 1:
                painter.drawPoint(stroke.points[0])
            else:
                painter.drawPolyline(stroke.points)
        painter.end()
        self.paper.update()

    # ------------------------------------------------------------------ throttled signal
    def _changed_soon(self) -> None:
        """Emit now if the last signal is over 33 ms old, else once when the timer runs out."""
        self._update_buttons()
        if self._throttle.isActive():
            self._pending = True
            return
        self._pending = False
        self._throttle.start()
        self.drawing_changed.emit()

    def _changed_now(self) -> None:
        self._update_buttons()
        self._pending = False
        self._throttle.start()  # the next stroke's first signal waits its turn too
        self.drawing_changed.emit()

    @Slot()
    def _on_throttle(self) -> None:
        if self._pending:
            self._pending = False
            self._throttle.start()
            self.drawing_changed.emit()

    def _update_buttons(self) -> None:
        self.undo_button.setEnabled(bool(self.strokes))
        self.clear_button.setEnabled(bool(self.strokes))
