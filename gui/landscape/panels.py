"""The pieces LandscapeView is built from: the 2-D contour map, the 3-D surface, the race table.

Each piece draws what it is given (a grid, a race, a step) and computes no gradients:
the paths come from core.landscape.surfaces.race. Every optimizer keeps one colour, one line
style and one marker everywhere, so colour is never the only cue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QOpenGLContext, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from core.optimizers import OPTIMIZERS
from core.landscape.surfaces import OptimizerPath, Surface
from gui.landscape.contours import contour_segments
from gui.style import theme
from gui.style.colours import map_lut


@dataclass(frozen=True)
class Style:
    colour: str
    line: Qt.PenStyle
    symbol: str  # a pyqtgraph symbol for the head marker


# Yellow is left out: it vanishes on the pale map. Black takes its place.
STYLES: dict[str, Style] = {
    "sgd": Style(theme.BLACK, Qt.PenStyle.SolidLine, "o"),
    "momentum": Style(theme.BLUE, Qt.PenStyle.DashLine, "s"),
    "nesterov": Style(theme.SKY, Qt.PenStyle.DashDotLine, "t"),
    "adagrad": Style(theme.GREEN, Qt.PenStyle.DotLine, "d"),
    "rmsprop": Style(theme.PURPLE, Qt.PenStyle.DashDotDotLine, "star"),
    "adam": Style(theme.VERMILLION, Qt.PenStyle.SolidLine, "p"),
    "adamw": Style(theme.ORANGE, Qt.PenStyle.DashLine, "h"),
}
assert set(STYLES) == set(OPTIMIZERS)

PATH_WIDTH = 4
HEAD_SIZE = 20
CONTOUR_LEVELS = 14
DRAW_LIMIT = 20.0  # coordinates are clipped this many plot-widths out, so Qt never sees 1e6
GL_MISSING = QT_TRANSLATE_NOOP(
    "LandscapeView", "3-D needs OpenGL, which this display does not offer; the 2-D map shows the same paths.")
GL_NO_PACKAGE = QT_TRANSLATE_NOOP(
    "LandscapeView", "3-D needs the PyOpenGL package, which is not installed; the 2-D map shows the same paths.")


def path_pen(name: str, width: int = PATH_WIDTH):
    style = STYLES[name]
    pen = pg.mkPen(style.colour, width=width)
    pen.setStyle(style.line)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def style_icon(name: str, width: int = 64, height: int = 28) -> QIcon:
    """A swatch of the optimizer's line and marker, for checkboxes and table rows."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(path_pen(name, 3))
    painter.drawLine(2, height // 2, width - 14, height // 2)
    painter.translate(width - 10, height / 2)
    drawSymbol(painter, STYLES[name].symbol, 16, pg.mkPen("k", width=1),
                                                pg.mkBrush(STYLES[name].colour))
    painter.end()
    return QIcon(pixmap)


# ----------------------------------------------------------------------------- scaling
def log_scale(loss: np.ndarray, low: float, high: float) -> np.ndarray:
    """Loss → log10(1 + (loss − low)/scale): four decades between the floor and the top of the grid.

    Finite output for any input: NaN and ±inf land at the top or bottom of the scale.
    """
    scale = max((high - low) * 1e-4, 1e-12)
    shifted = np.nan_to_num(np.asarray(loss, dtype=np.float64) - low, nan=high - low, posinf=high - low, neginf=0.0)
    return np.log10(1.0 + np.clip(shifted, 0.0, None) / scale)


def clip_points(points: np.ndarray, surface: Surface) -> np.ndarray:
    """Finite points only, held inside a box a few plot-widths around the surface's range."""
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    points = points[np.isfinite(points).all(axis=1)]
    (x0, x1), (y0, y1) = surface.x_range, surface.y_range
    margin = DRAW_LIMIT * max(x1 - x0, y1 - y0)
    return np.clip(points, [x0 - margin, y0 - margin], [x1 + margin, y1 + margin])


def shown_index(path: OptimizerPath, step: int) -> int:
    """The last point of `path` shown at `step`: a diverged path stops at its last finite point."""
    return max(0, min(step, len(path.positions) - 1))


def arrow_segments(tails: np.ndarray, vectors: np.ndarray, length: float) -> np.ndarray:
    """Arrows as pairs of points (shaft and two head strokes), lengths growing with |v|, for connect='pairs'."""
    segments = []
    norms = np.linalg.norm(vectors, axis=1)
    finite = np.isfinite(norms) & (norms > 0)
    if not finite.any():
        return np.zeros((0, 2))
    reference = norms[finite].max()
    for tail, vector, norm in zip(tails[finite], vectors[finite], norms[finite]):
        size = length * (0.35 + 0.65 * math.sqrt(norm / reference))
        direction = vector / norm
        tip = tail + direction * size
        side = np.array([-direction[1], direction[0]])
        for sign in (1, -1):
            segments += [tip, tip - direction * size * 0.3 + sign * side * size * 0.18]
        segments += [tail, tip]
    return np.array(segments)


# ----------------------------------------------------------------------------- the 2-D map
class LandscapeMap(pg.PlotWidget):
    """A contour heatmap of the surface with each optimizer's path up to the current step."""

    start_clicked = Signal(float, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, background="w")
        item = self.getPlotItem()
        label_style = {"color": "black", "font-size": f"{theme.PLOT_LABEL_POINT_SIZE}pt"}
        item.setLabel("bottom", "x", **label_style)
        item.setLabel("left", "y", **label_style)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setTickFont(theme.font(theme.PLOT_TICK_POINT_SIZE))
            axis.setPen(pg.mkPen("k"))
            axis.setTextPen(pg.mkPen("k"))
        item.setMenuEnabled(False)
        item.hideButtons()
        self.view_box = item.getViewBox()
        self.view_box.disableAutoRange()
        self.view_box.setAspectLocked(True)  # one unit of x is one unit of y: valleys keep their true shape
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setLookupTable(map_lut())
        self.image.setZValue(-10)
        self.contours = pg.PlotCurveItem(pen=pg.mkPen(70, 80, 95, 150, width=1.5), connect="pairs")
        self.minima = pg.ScatterPlotItem(symbol="x", size=18, pen=pg.mkPen(theme.GREY, width=2), brush=None)
        self.gradient_arrows = pg.PlotCurveItem(pen=pg.mkPen(theme.BLACK, width=3), connect="pairs")
        momentum_pen = pg.mkPen(theme.GREY, width=3)
        momentum_pen.setStyle(Qt.PenStyle.DashLine)
        self.momentum_arrows = pg.PlotCurveItem(pen=momentum_pen, connect="pairs")
        self.heads = pg.ScatterPlotItem(pxMode=True)
        self.heads.setZValue(20)
        self.start_marker = pg.ScatterPlotItem(symbol="star", size=30, pen=pg.mkPen("k", width=2),
                                               brush=pg.mkBrush("w"))
        self.start_marker.setZValue(30)
        for child in (self.image, self.contours, self.minima, self.gradient_arrows, self.momentum_arrows,
                      self.heads, self.start_marker):
            item.addItem(child)
        self.curves: dict[str, pg.PlotCurveItem] = {}
        self.surface: Surface | None = None
        self.head_size = HEAD_SIZE  # at the current zoom: the view sets these two
        self.path_width = PATH_WIDTH
        self.scene().sigMouseClicked.connect(self._on_clicked)

    def show_surface(self, surface: Surface, x: np.ndarray, y: np.ndarray, z: np.ndarray) -> None:
        """z[j, i] is the log-scaled loss at (x[i], y[j])."""
        self.surface = surface
        top = float(z.max()) or 1.0
        self.image.setImage((np.clip(z / top, 0, 1) * 255).astype(np.uint8).T, levels=(0, 255), autoLevels=False)
        dx, dy = x[1] - x[0], y[1] - y[0]
        self.image.setRect(x[0] - dx / 2, y[0] - dy / 2, x[-1] - x[0] + dx, y[-1] - y[0] + dy)
        points = contour_segments(z.T, np.linspace(0, top, CONTOUR_LEVELS + 2)[1:-1])  # grid index coordinates
        if len(points):
            self.contours.setData(x[0] + points[:, 0] * dx, y[0] + points[:, 1] * dy)
        else:
            self.contours.setData([], [])
        minima = np.array(surface.minima + surface.saddle_points).reshape(-1, 2)
        self.minima.setData(minima[:, 0], minima[:, 1])
        self.view_box.setRange(xRange=surface.x_range, yRange=surface.y_range, padding=0)

    def set_start(self, x: float, y: float) -> None:
        self.start_marker.setData([x], [y])

    def show_race(self, names) -> None:
        """One curve per optimizer, in racing order; old ones removed."""
        for curve in self.curves.values():
            self.getPlotItem().removeItem(curve)
        self.curves = {}
        for order, name in enumerate(names):
            curve = pg.PlotCurveItem(pen=path_pen(name, self.path_width), antialias=True)
            curve.setShadowPen(pg.mkPen(255, 255, 255, 200, width=self.path_width + 3))
            curve.setZValue(10 + order * 0.01)
            self.getPlotItem().addItem(curve)
            self.curves[name] = curve

    def set_path_width(self, width: int) -> None:
        """Thicker paths when zoomed or presenting: a line is what the room follows."""
        self.path_width = width
        for name, curve in self.curves.items():
            curve.setPen(path_pen(name, width))
            curve.setShadowPen(pg.mkPen(255, 255, 255, 200, width=width + 3))

    def show_step(self, paths: dict[str, OptimizerPath], step: int, arrows: bool) -> None:
        heads, symbols, brushes = [], [], []
        grad_tails, grad_vectors, momentum_tails, momentum_vectors = [], [], [], []
        for name, path in paths.items():
            index = shown_index(path, step)
            points = clip_points(path.positions[: index + 1], self.surface)
            self.curves[name].setData(points[:, 0], points[:, 1])
            if len(points):
                heads.append(points[-1])
                symbols.append(STYLES[name].symbol)
                brushes.append(pg.mkBrush(STYLES[name].colour))
                grad_tails.append(points[-1])
                grad_vectors.append(-path.gradient[index])  # downhill: where the gradient pushes
                if path.momentum is not None and index > 0:
                    momentum_tails.append(points[-1])
                    momentum_vectors.append(-path.momentum[index])  # the step follows −buffer
        if heads:
            heads = np.array(heads)
            self.heads.setData(heads[:, 0], heads[:, 1], symbol=symbols, brush=brushes, size=self.head_size,
                               pen=pg.mkPen("k", width=1.5))
        else:
            self.heads.setData([], [])
        span = 0.12 * max(np.ptp(self.surface.x_range), np.ptp(self.surface.y_range)) if self.surface else 1.0
        for item, tails, vectors in ((self.gradient_arrows, grad_tails, grad_vectors),
                                     (self.momentum_arrows, momentum_tails, momentum_vectors)):
            segments = arrow_segments(np.array(tails).reshape(-1, 2), np.array(vectors).reshape(-1, 2), span) \
                if arrows else np.zeros((0, 2))
            item.setData(segments[:, 0], segments[:, 1])

    def _on_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.surface is None:
            return
        point = self.view_box.mapSceneToView(event.scenePos())
        (x0, x1), (y0, y1) = self.surface.x_range, self.surface.y_range
        if x0 <= point.x() <= x1 and y0 <= point.y() <= y1:
            event.accept()
            self.start_clicked.emit(float(point.x()), float(point.y()))

    def scene_point(self, x: float, y: float) -> QPoint:
        """Where (x, y) is in widget pixels (for tests that click the map)."""
        return self.mapFromScene(self.view_box.mapViewToScene(QPointF(x, y)))


# ----------------------------------------------------------------------------- the 3-D surface
def gl_missing_reason() -> str | None:
    """Why no 3-D view can be made here, in one sentence; None where it can.

    Never makes a context on the offscreen platform, which crashes when one is made.
    """
    if QGuiApplication.platformName() in ("offscreen", "minimal", ""):
        return GL_MISSING
    try:
        import OpenGL.GL as _gl  # noqa: F401 (pyqtgraph.opengl needs PyOpenGL)
        del _gl
    except Exception:  # ImportError, or PyOpenGL failing to find a GL library
        return GL_NO_PACKAGE
    context = QOpenGLContext()
    return None if context.create() and context.isValid() else GL_MISSING


HEIGHT = 6.0  # the 3-D surface is drawn in a 20×20 square, this tall
SIDE = 20.0


class LandscapeSurface3D:
    """A GLViewWidget with the log-scaled surface and the paths lying on it. Build only where gl_possible()."""

    def __init__(self, parent: QWidget | None = None):
        import pyqtgraph.opengl as gl  # lazily: importing it is harmless, making a context is not

        self.gl = gl
        self.widget = gl.GLViewWidget(parent)
        self.widget.setBackgroundColor("w")
        self.widget.setCameraPosition(distance=30, elevation=38, azimuth=-70)
        self.mesh = None
        self.lines: dict[str, object] = {}
        self.heads = gl.GLScatterPlotItem(size=16, pxMode=True)
        self.heads.setGLOptions("translucent")
        self.widget.addItem(self.heads)
        self.surface: Surface | None = None
        self.top = 1.0

    def _to_gl(self, points: np.ndarray, heights: np.ndarray) -> np.ndarray:
        (x0, x1), (y0, y1) = self.surface.x_range, self.surface.y_range
        gx = (points[:, 0] - x0) / (x1 - x0) * SIDE - SIDE / 2
        gy = (points[:, 1] - y0) / (y1 - y0) * SIDE - SIDE / 2
        gz = np.clip(heights / self.top, 0, 1.05) * HEIGHT + 0.25
        return np.column_stack([gx, gy, gz])

    def show_surface(self, surface: Surface, x: np.ndarray, y: np.ndarray, z: np.ndarray, low: float,
                     high: float) -> None:
        self.surface, self.low, self.high = surface, low, high
        self.top = float(z.max()) or 1.0
        if self.mesh is not None:
            self.widget.removeItem(self.mesh)
        lut = map_lut().astype(np.float32) / 255
        shade = lut[(np.clip(z / self.top, 0, 1) * 255).astype(int)].transpose(1, 0, 2)
        colours = np.concatenate([shade, np.ones(shade.shape[:2] + (1,), np.float32)], axis=2)
        gx = np.linspace(-SIDE / 2, SIDE / 2, len(x))
        gy = np.linspace(-SIDE / 2, SIDE / 2, len(y))
        self.mesh = self.gl.GLSurfacePlotItem(x=gx, y=gy, z=(z / self.top).T * HEIGHT, colors=colours,
                                              drawEdges=False, smooth=True, shader="shaded")
        self.widget.addItem(self.mesh)

    def show_race(self, names) -> None:
        for line in self.lines.values():
            self.widget.removeItem(line)
        self.lines = {}
        for name in names:
            colour = QColor(STYLES[name].colour)
            line = self.gl.GLLinePlotItem(color=colour.getRgbF(), width=4, antialias=True, mode="line_strip")
            line.setGLOptions("translucent")
            self.widget.addItem(line)
            self.lines[name] = line

    def show_step(self, paths: dict[str, OptimizerPath], step: int) -> None:
        heads, colours = [], []
        for name, path in paths.items():
            index = shown_index(path, step)
            points = clip_points(path.positions[: index + 1], self.surface)
            heights = log_scale(path.loss[: len(points)], self.low, self.high)
            pos = self._to_gl(points, heights)
            self.lines[name].setData(pos=pos if len(pos) > 1 else np.zeros((0, 3)))
            if len(pos):
                heads.append(pos[-1])
                colours.append(QColor(STYLES[name].colour).getRgbF())
        self.heads.setData(pos=np.array(heads).reshape(-1, 3), color=np.array(colours).reshape(-1, 4))


def missing_3d_label(reason: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setText(reason)  # LandscapeView translates it
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE))
    label.setStyleSheet(f"background: {theme.WARNING_BACKGROUND}; color: black; padding: 16px;")
    return label


# ----------------------------------------------------------------------------- the race table
class RaceTable(QTableWidget):
    """One row per optimizer: its swatch and name, its loss now, how much that fell, and where it is."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 4, parent)
        self.retranslate()
        self.restyle()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.setIconSize(pg.QtCore.QSize(64, 28))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.names: list[str] = []

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("optimizer"), self.tr("loss now"), self.tr("change"),
                                        self.tr("status")])

    def restyle(self, scale: float = 1.0) -> None:
        """Text at the current zoom (times `scale` in presenter mode)."""
        from gui.training.looks import font

        self.setFont(font(theme.PLOT_LABEL_POINT_SIZE, scale=scale))
        self.horizontalHeader().setFont(font(theme.BASE_POINT_SIZE + 2, bold=True, scale=scale))
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                item = self.item(row, column)
                if item is not None:
                    bold = item.font().bold()
                    item.setFont(font(theme.PLOT_LABEL_POINT_SIZE, bold=bold, scale=scale))
        self.resizeRowsToContents()
        row = self.fontMetrics().height() + 8
        self.setMinimumHeight(self.horizontalHeader().sizeHint().height() + 2 * row + 2 * self.frameWidth())

    def show_race(self, names) -> None:
        self.names = list(names)
        self.setRowCount(len(self.names))
        for row, name in enumerate(self.names):
            self.setItem(row, 0, QTableWidgetItem(style_icon(name), OPTIMIZERS[name]))
            for column in (1, 2, 3):
                self.setItem(row, column, QTableWidgetItem(""))
        self.resizeRowsToContents()

    def set_row(self, name: str, cells: tuple[str, str, str], diverged: bool = False) -> None:
        row = self.names.index(name)
        for column, text in enumerate(cells, start=1):
            self.item(row, column).setText(text)
        # A diverged path: a warning colour as well as the words.
        self.item(row, 3).setForeground(QColor(theme.VERMILLION if diverged else theme.BLACK))
        font = self.item(row, 3).font()
        font.setBold(diverged)
        self.item(row, 3).setFont(font)

    def row_text(self, name: str) -> str:
        row = self.names.index(name)
        return "  ".join(self.item(row, column).text() for column in range(4) if self.item(row, column).text())
