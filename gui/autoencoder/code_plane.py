"""CodePlane: the held-out images as points on the plane of their 2-number codes, and decoding any point.

Every code passes through a sigmoid, so the whole plane is the unit square. Each point is drawn
as its class's number (0–9) in its class's colour: the classes stay apart without colour too, and
a legend names them. Clicking or dragging anywhere moves a crosshair and asks for that point to be
decoded (`point_chosen`); the tab's worker answers and `show_decoded` draws the image large beside
the plane: "imagine a digit halfway between 1 and 7". With more than 2 numbers in the bottleneck
the plane shows the first two of them and says that decoding a point needs exactly two.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui.autoencoder.pictures import gray_image
from gui.style import theme
from gui.style.zoom import ZOOM
from gui.training.looks import font, style_plot
from gui.widgets.clamped_label import ClampedLabel

# Okabe–Ito, with yellow darkened to read on white; the glyph tells classes apart where colours repeat.
CLASS_COLOURS = (theme.BLUE, theme.VERMILLION, theme.GREEN, theme.PURPLE, theme.ORANGE, theme.SKY, theme.BLACK,
                 "#9E8A00", theme.GREY, "#7A3E9D")
MARKER_SIZE = 11  # px at 100%: few points, each number easy to read
SMALLEST_MARKER = 6  # px at 100%: a thousand points on a small plane still read as clouds, not one pile
LARGEST_GROWTH = 1.6  # a plot much larger than 600 px lets its glyphs grow up to this much
TALL_RATIO = 1.15  # a plane this much taller than wide puts its decoded image under the plot
INKED_SHARE = 0.35  # about this share of the plot's area under glyphs: denser and the numbers pile up


def class_colour(index: int) -> str:
    return CLASS_COLOURS[index % len(CLASS_COLOURS)]


def marker_size(count: int, width: float, height: float, zoom: float = 1.0) -> float:
    """The glyphs' size in px: the most that keeps `count` of them to about INKED_SHARE of a width×height plot,
    from SMALLEST_MARKER to MARKER_SIZE (a plot over 600 px: a little more), both scaled by the zoom."""
    fitting = math.sqrt(INKED_SHARE * max(1.0, width) * max(1.0, height) / max(1, count))
    largest = MARKER_SIZE * zoom * min(LARGEST_GROWTH, max(1.0, min(width, height) / 600))  # a projected picture
    return min(largest, max(SMALLEST_MARKER * zoom, fitting))


def glyph(text: str) -> QPainterPath:
    """`text` as a marker path, centred on 0 and about 1 unit tall (pyqtgraph scales symbols by their size)."""
    path = QPainterPath()
    typeface = QFont()
    typeface.setPointSize(20)
    typeface.setBold(True)
    path.addText(0, 0, typeface, text)
    box = path.boundingRect()
    scale = 1.0 / max(box.width(), box.height(), 1e-6)
    # pyqtgraph draws pixel-sized symbols in screen coordinates (y down), so the text stays upright.
    transform = QTransform().scale(scale, scale).translate(-box.center().x(), -box.center().y())
    return transform.map(path)


class PlaneBox(pg.ViewBox):
    """The plot's view box: a left click or drag anywhere picks that point (no panning, no zooming)."""

    picked = Signal(float, float)

    def __init__(self):
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=False, y=False)
        self.pickable = True

    @Slot(object)
    def on_scene_clicked(self, event) -> None:
        """Any left click in the plot (a point's glyph takes the click first, so the scene's signal hears it)."""
        if event.button() == Qt.MouseButton.LeftButton and self.pickable \
                and self.sceneBoundingRect().contains(event.scenePos()):
            self._pick(event.scenePos())

    def mouseDragEvent(self, event, axis=None) -> None:  # noqa: N802 (pyqtgraph's name)
        if event.button() == Qt.MouseButton.LeftButton and self.pickable:
            event.accept()
            self._pick(event.scenePos())
        else:
            event.ignore()

    def _pick(self, scene_position) -> None:
        point = self.mapSceneToView(scene_position)
        self.picked.emit(min(1.0, max(0.0, point.x())), min(1.0, max(0.0, point.y())))


class DecodedImage(QWidget):
    """The image the decoder makes of the chosen point, large, with the point under it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.image: np.ndarray | None = None
        self.setMinimumSize(90, 90)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(int(130 * ZOOM.factor), int(130 * ZOOM.factor))

    def show_image(self, image: np.ndarray | None) -> None:
        self.image = None if image is None else np.asarray(image)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        side = min(self.width(), self.height()) - 4
        target = QRectF((self.width() - side) / 2, 2, side, side)
        if self.image is None:
            painter.fillRect(target, QColor("#EEEEEE"))
            painter.setFont(font(theme.BASE_POINT_SIZE))
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("Click the plane"))
        else:
            painter.drawImage(target, gray_image(self.image))
        painter.setPen(QPen(QColor(theme.BLACK), 2))
        painter.drawRect(target)
        painter.end()


class CodePlane(QWidget):
    """The plane of codes with its legend, a crosshair, and the decoded image of the crosshair's point."""

    point_chosen = Signal(float, float)  # the user clicked or dragged to this point: decode it

    def __init__(self, parent: QWidget | None = None, interactive: bool = True):
        """`interactive=False`: a picture (snapshot): no crosshair, no decoded image, no "click here"."""
        super().__init__(parent)
        self.interactive = bool(interactive)
        self.box = PlaneBox()
        self.plot = pg.PlotWidget(background="w", viewBox=self.box)
        self.plot.hideButtons()
        self.plot.setMinimumSize(150, 130)
        self.plot.setXRange(0, 1, padding=0.02)
        self.plot.setYRange(0, 1, padding=0.02)
        if self.interactive:
            self.plot.setToolTip(self.tr("Click or drag anywhere: the decoder turns that point into an image"))
        self.points: list[pg.ScatterPlotItem] = []
        pen = pg.mkPen(theme.BLACK, width=2, style=Qt.PenStyle.DashLine)
        self.cross_x = pg.InfiniteLine(angle=90, movable=False, pen=pen)
        self.cross_y = pg.InfiniteLine(angle=0, movable=False, pen=pen)
        for line in (self.cross_x, self.cross_y):
            line.setZValue(10)
            line.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.plot.addItem(line, ignoreBounds=True)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.note = ClampedLabel("", 3)
        self.decoded = DecodedImage()
        self.decoded_caption = QLabel()
        self.decoded_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.decoded_caption.setWordWrap(True)
        # The decoded image sits beside the plot, or under it when the plane is tall (arrange()).
        self.side = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.side.addWidget(self.decoded)
        self.side.addWidget(self.decoded_caption, 1)  # the caption right by the image, the room after it
        self.row = row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.plot, 3)
        row.addLayout(self.side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.legend)
        layout.addLayout(row, 1)
        layout.addWidget(self.note)
        self.codes = np.zeros((0, 2), np.float32)
        self.labels = np.zeros(0, np.int64)
        self.class_names: tuple[str, ...] = ()
        self.point = (0.5, 0.5)
        self.box.picked.connect(self._on_picked)
        self.plot.scene().sigMouseClicked.connect(self.box.on_scene_clicked)
        ZOOM.changed.connect(self.rezoom)
        if not self.interactive:
            for part in (self.decoded, self.decoded_caption, self.cross_x, self.cross_y):
                part.hide()
            row.setStretch(1, 0)  # the plot takes the whole width
        self.set_point(*self.point)
        self.retranslate()

    @property
    def bottleneck(self) -> int:
        return int(self.codes.shape[1]) if self.codes.ndim == 2 else 0

    @property
    def decodable(self) -> bool:
        """A point of the plane is a whole code only when the bottleneck has exactly 2 numbers."""
        return self.bottleneck == 2

    # ------------------------------------------------------------------ what it shows
    def show_codes(self, codes: np.ndarray, labels: np.ndarray, class_names) -> None:
        """N×K codes (K ≥ 2; the first two are drawn), their class indices and the classes' names."""
        codes = np.asarray(codes, dtype=np.float32)
        labels = np.asarray(labels, dtype=np.int64).reshape(-1)
        renamed = tuple(class_names) != self.class_names
        self.codes, self.labels, self.class_names = codes, labels, tuple(class_names)
        while len(self.points) < len(self.class_names):
            index = len(self.points)
            item = pg.ScatterPlotItem(symbol=glyph(str(index)), size=MARKER_SIZE * ZOOM.factor, pen=None,
                                      brush=pg.mkBrush(class_colour(index)))
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # a click on a point decodes it too
            self.points.append(item)
            self.plot.addItem(item)
        for index, item in enumerate(self.points):
            members = labels == index
            if codes.ndim == 2 and codes.shape[1] >= 2 and index < len(self.class_names):
                item.setData(codes[members, 0], codes[members, 1])
            else:
                item.setData([], [])
        self.box.pickable = self.decodable and self.interactive
        self._resize_markers()
        if renamed:
            self.retranslate()
        else:
            self._write_note()

    def set_point(self, x: float, y: float) -> None:
        """Put the crosshair on (x, y) without asking for a decoding."""
        self.point = (float(x), float(y))
        self.cross_x.setValue(self.point[0])
        self.cross_y.setValue(self.point[1])
        self._write_caption()

    def show_decoded(self, image: np.ndarray | None) -> None:
        self.decoded.show_image(image)

    @Slot(float, float)
    def _on_picked(self, x: float, y: float) -> None:
        self.set_point(x, y)
        self.point_chosen.emit(*self.point)

    def pick(self, x: float, y: float) -> None:
        """As a click at (x, y) would (tests, the clicker)."""
        if self.decodable and self.interactive:
            self._on_picked(min(1.0, max(0.0, x)), min(1.0, max(0.0, y)))

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        style_plot(self.plot.getPlotItem(), self.tr("code number 1"), self.tr("code number 2"))
        for side in ("left", "bottom"):  # pyqtgraph rescales 0..1 ticks (×1000) even with its SI prefix off
            axis = self.plot.getPlotItem().getAxis(side)
            axis.setSIPrefixEnableRanges(())  # (setLabel, in style_plot, puts the default ranges back)
            axis.updateAutoSIPrefix()
        for widget in (self.legend, self.note, self.decoded_caption):
            widget.setFont(font(theme.BASE_POINT_SIZE))
        entries = []
        digits = self.class_names == tuple(str(digit) for digit in range(10))
        for index, name in enumerate(self.class_names):
            mark = f"<b style='color:{class_colour(index)}'>{index}</b>"
            entries.append(mark if digits else f"{mark}&nbsp;{_escaped(QCoreApplication.translate('', name))}")
        self.legend.setText((self.tr("Classes:") + " " + " &nbsp;".join(entries)) if entries else "")
        self._resize_markers()
        self._write_note()
        self._write_caption()

    def _resize_markers(self) -> None:
        size = marker_size(len(self.labels), self.plot.width(), self.plot.height(), ZOOM.factor)
        for item in self.points:
            if item.opts["size"] != size:
                item.setSize(size)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.arrange()
        self._resize_markers()

    def arrange(self) -> None:
        """A tall plane puts the decoded image under the plot, so the plot keeps the whole width; a wide one
        puts it beside."""
        tall = self.interactive and self.height() > self.width() * TALL_RATIO
        row_direction = QBoxLayout.Direction.TopToBottom if tall else QBoxLayout.Direction.LeftToRight
        if self.row.direction() != row_direction:
            self.row.setDirection(row_direction)
            self.side.setDirection(QBoxLayout.Direction.LeftToRight if tall else QBoxLayout.Direction.TopToBottom)
            self.decoded_caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter if tall
                                              else Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

    def _write_note(self) -> None:
        if not self.interactive:  # a picture explains what it shows, never what a click would do
            self.note.setText(self.tr("This bottleneck has {0} numbers: the plane shows the first two of each code.")
                              .format(self.bottleneck) if self.bottleneck > 2 else "")
            self.note.setVisible(self.bottleneck > 2)
        elif self.bottleneck > 2:
            self.note.setText(self.tr("The plane needs a bottleneck of 2 numbers; this one has {0}, so it shows the "
                                      "first two, and a point cannot be decoded.").format(self.bottleneck))
        else:
            self.note.setText(self.tr("Each held-out image sits at its code. Click or drag anywhere to decode that "
                                      "point: what lies halfway between two classes?"))

    def _write_caption(self) -> None:
        self.decoded_caption.setText(self.tr("decoded from\n({0:.2f}, {1:.2f})").format(*self.point))

    @Slot(float)
    def rezoom(self, _factor: float = 1.0) -> None:
        self.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
