"""The pieces the kernel playground is drawn with: maps, number grids, a colour bar, a kernel editor.

Maps are pyqtgraph ImageItems of uint8 indices through a lookup table, with one batched
curve for all grid lines, so a 64×64 map is a handful of items, not 4,096. Numbers are
painted only in the small panels (patch, kernel, products), which are at most 5×5.
Index 0 of every table is transparent: "not computed yet", shown over a hatched square.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal, Slot
from PySide6.QtGui import QAction, QBrush, QColor, QFontMetrics, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (QBoxLayout, QGraphicsRectItem, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSizePolicy, QSlider,
                               QTableWidget, QTableWidgetItem, QWidget)

from core.errors import ConfigError
from gui.style import theme
from gui.style.clock import MAX_SPEED, MIN_SPEED, clamp_speed
from gui.style.colours import LUTS_WITH_MISSING as LUTS
from gui.style.numbers import readable, with_minus
from gui.style.zoom import ZOOM
from gui.convolution.kernel_pipeline import kernel_text, parse_number
from gui.convolution.looks import Looks, flow, in_language, zoomed_font
from gui.i18n import say

GRID_LINES_UP_TO = 72  # cells across; beyond that the lines would hide the pixels


# --- colours: LUTS (gui.style.colours) has index 0 transparent, 1..255 the values -------------

def to_indices(values: np.ndarray, signed: bool, scale: float) -> np.ndarray:
    """Values → uint8 indices into LUTS[signed]; NaN → 0. Signed maps are centred on 0."""
    values = np.asarray(values, dtype=np.float64)
    unit = np.nan_to_num(values / (scale if scale > 0 else 1.0))
    unit = (np.clip(unit, -1.0, 1.0) + 1.0) / 2.0 if signed else np.clip(unit, 0.0, 1.0)
    index = 1.0 + np.round(unit * 254.0)
    return np.where(np.isnan(values), 0, index).astype(np.uint8)


def cell_colours(values: np.ndarray, signed: bool, scale: float) -> np.ndarray:
    """RGBA rows (H×W×4) for painting number cells with the same tables as the maps."""
    return LUTS[signed][to_indices(values, signed, scale)]


# --- numbers ----------------------------------------------------------------------------

# --- a map of pixels ----------------------------------------------------------------------

def _rect_path(left: float, top: float, width: float, height: float) -> tuple[list, list]:
    return [left, left + width, left + width, left, left], [top, top, top + height, top + height, top]


class MapPanel(pg.PlotWidget):
    """One map as squares: an ImageItem, its grid lines, and outlines for the current window."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent, background="w")
        item = self.getPlotItem()
        for side in ("left", "bottom"):
            item.hideAxis(side)
        item.setAspectLocked(True)
        item.invertY(True)
        item.setMouseEnabled(False, False)
        item.setMenuEnabled(False)
        item.hideButtons()
        self.setTitle(title)
        self.hatch = QGraphicsRectItem()  # seen through the transparent "not yet" cells
        self.hatch.setBrush(QBrush(QColor("#9A9A9A"), Qt.BrushStyle.BDiagPattern))
        self.hatch.setPen(QPen(Qt.PenStyle.NoPen))
        self.hatch.setZValue(-10)
        item.addItem(self.hatch)
        self.image = pg.ImageItem(levels=(0, 255))
        item.addItem(self.image)
        self.grid = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(128, 128, 128, 110, width=1))
        self.frame = pg.PlotCurveItem(pen=pg.mkPen(theme.SKY, width=3, style=Qt.PenStyle.DashLine))
        self.marker = pg.PlotCurveItem(pen=pg.mkPen(theme.BLUE, width=4))
        self.outline = pg.PlotCurveItem(pen=pg.mkPen(theme.VERMILLION, width=5))
        self.halo = pg.PlotCurveItem(pen=pg.mkPen("w", width=9))  # keeps the outline visible on orange
        for curve in (self.grid, self.frame, self.halo, self.outline, self.marker):
            item.addItem(curve)
        self.shape: tuple[int, int] = (0, 0)

    def setTitle(self, title: str) -> None:  # noqa: N802 (pyqtgraph's name)
        """The title in bold, at the zoom's size, smaller where the panel is too narrow for it."""
        self._title = title
        point = ZOOM.pt(theme.PLOT_LABEL_POINT_SIZE)
        while point > 8 and QFontMetrics(zoomed_font(point / ZOOM.factor, bold=True)).horizontalAdvance(title) > \
                self.width() - 12:
            point -= 1
        self.getPlotItem().setTitle(f"<span style='font-size:{point:.1f}pt; color:black; font-weight:bold'>{title}</span>")

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if hasattr(self, "_title"):  # not while pyqtgraph is still building the plot
            self.setTitle(self._title)

    def show_map(self, values: np.ndarray | None, signed: bool = False, scale: float = 255.0) -> None:
        """Draw values (rows × columns, NaN = not yet) and fit the view; None clears the panel."""
        if values is None:
            self.image.clear()
            for curve in (self.grid, self.frame, self.marker, self.outline, self.halo):
                curve.setData([], [])
            self.hatch.setRect(QRectF())
            self.shape = (0, 0)
            return
        rows, cols = values.shape
        self.image.setLookupTable(LUTS[signed])
        self.image.setImage(to_indices(values, signed, scale).T, autoLevels=False, levels=(0, 255))
        self.image.setRect(0, 0, cols, rows)
        if self.shape != (rows, cols):
            self.shape = (rows, cols)
            self.hatch.setRect(QRectF(0, 0, cols, rows))
            self._draw_grid(rows, cols)
            self.getPlotItem().getViewBox().setRange(xRange=(0, cols), yRange=(0, rows), padding=0.03)

    def _draw_grid(self, rows: int, cols: int) -> None:
        if max(rows, cols) > GRID_LINES_UP_TO:
            self.grid.setData([], [])
            return
        xs, ys = [], []
        for c in range(cols + 1):
            xs += [c, c]
            ys += [0, rows]
        for r in range(rows + 1):
            xs += [0, cols]
            ys += [r, r]
        self.grid.setData(np.array(xs, float), np.array(ys, float))

    def set_outline(self, rect: tuple[int, int, int, int] | None) -> None:
        """Outline (left, top, width, height) in cells: the current window, or nothing."""
        data = _rect_path(*rect) if rect is not None else ([], [])
        self.halo.setData(*data)
        self.outline.setData(*data)

    def set_marker(self, rect: tuple[int, int, int, int] | None) -> None:
        self.marker.setData(*(_rect_path(*rect) if rect is not None else ([], [])))

    def set_frame(self, rect: tuple[int, int, int, int] | None) -> None:
        """A dashed border around the real image inside the zero padding."""
        self.frame.setData(*(_rect_path(*rect) if rect is not None else ([], [])))


# --- a small grid of numbers ------------------------------------------------------------

class NumberGrid(QWidget):
    """A caption over at most 5×5 coloured cells, each with its number in large type."""

    MAX_POINT_SIZE = 22

    def __init__(self, caption: str, parent: QWidget | None = None, caption_colour: str = theme.BLACK):
        super().__init__(parent)
        self.caption = caption
        self.caption_colour = caption_colour
        self.texts: list[list[str]] = []
        self.colours: np.ndarray | None = None
        self.highlight: tuple[int, int] | None = None
        self.setMinimumSize(150, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_values(self, values: np.ndarray | None, signed: bool, scale: float,
                    texts: list[list[str]] | None = None, highlight: tuple[int, int] | None = None) -> None:
        if values is None:
            self.texts, self.colours, self.highlight = [], None, None
        else:
            values = np.atleast_2d(values)
            self.texts = texts or [[readable(float(v)) for v in row] for row in values]
            self.colours = cell_colours(values, signed, scale)
            self.highlight = highlight
        self.update()

    def set_caption(self, caption: str) -> None:
        self.caption = caption
        self.update()

    def _fitting_point_size(self, cell: float) -> int:
        """The largest bold size at which the widest number fits inside its cell."""
        widest = max((text for row in self.texts for text in row), key=len, default="0") or "0"
        for point in range(self.MAX_POINT_SIZE, 7, -1):
            metrics = QFontMetrics(theme.font(point, bold=True))
            if metrics.horizontalAdvance(widest) <= cell * 0.9 and metrics.height() <= cell * 0.8:
                return point
        return 8

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        caption_font = zoomed_font(theme.PLOT_LABEL_POINT_SIZE, bold=True)
        painter.setFont(caption_font)
        caption_height = painter.fontMetrics().height() + 6
        painter.setPen(QColor(self.caption_colour))
        painter.drawText(QRectF(0, 0, self.width(), caption_height), Qt.AlignmentFlag.AlignCenter, self.caption)
        if not self.texts or self.colours is None:
            return
        rows, cols = len(self.texts), len(self.texts[0])
        cell = min((self.width() - 8) / cols, (self.height() - caption_height - 8) / rows)
        left = (self.width() - cell * cols) / 2
        top = caption_height + 4
        point = self._fitting_point_size(cell)
        painter.setFont(zoomed_font(point, bold=True))
        for r in range(rows):
            for c in range(cols):
                rect = QRectF(left + c * cell, top + r * cell, cell, cell)
                red, green, blue, alpha = (int(v) for v in self.colours[r, c])
                painter.fillRect(rect, QColor(red, green, blue, alpha) if alpha else QColor("#DDDDDD"))
                painter.setPen(QPen(QColor(theme.GREY), 1))
                painter.drawRect(rect)
                light = 0.299 * red + 0.587 * green + 0.114 * blue > 120 or not alpha
                painter.setPen(QColor(theme.BLACK) if light else QColor("white"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.texts[r][c])
        if self.highlight is not None:
            r, c = self.highlight
            painter.setPen(QPen(QColor(theme.BLUE), 6))
            painter.drawRect(QRectF(left + c * cell + 2.5, top + r * cell + 2.5, cell - 5, cell - 5))


# --- a colour bar ------------------------------------------------------------------------

class ColourBar(QWidget):
    """What the colours mean: a strip of the table, its end values, and a short sentence under them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.signed, self.scale = True, 1.0
        self.setFixedSize(280, 104)

    def show_scale(self, signed: bool, scale: float) -> None:
        self.signed, self.scale = signed, scale
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setFont(zoomed_font(theme.PLOT_LABEL_POINT_SIZE))
        metrics = painter.fontMetrics()
        strip = QRectF(2, 2, self.width() - 4, 26)
        lut = LUTS[self.signed][1:]
        step = strip.width() / len(lut)
        for i, (red, green, blue, _) in enumerate(lut):
            painter.fillRect(QRectF(strip.left() + i * step, strip.top(), step + 1, strip.height()),
                             QColor(int(red), int(green), int(blue)))
        painter.setPen(QPen(QColor(theme.GREY), 1))
        painter.drawRect(strip)
        painter.setPen(QColor(theme.BLACK))
        low = -self.scale if self.signed else 0.0
        labels = QRectF(strip.left(), strip.bottom() + 2, strip.width(), metrics.height())
        painter.drawText(labels, Qt.AlignmentFlag.AlignLeft, readable(low))
        painter.drawText(labels, Qt.AlignmentFlag.AlignRight, readable(self.scale))
        if self.signed:
            painter.drawText(labels, Qt.AlignmentFlag.AlignHCenter, "0")
        painter.setFont(zoomed_font(theme.PLOT_TICK_POINT_SIZE, bold=True))
        painter.drawText(QRectF(0, labels.bottom() + 2, self.width(), self.height() - labels.bottom() - 2),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         self.tr("orange = positive\nblue = negative, white = 0") if self.signed
                         else self.tr("dark = low\nlight = high"))


# --- the editable kernel -----------------------------------------------------------------

class KernelEditor(QTableWidget):
    """The kernel's numbers, typed by hand. A bad cell is refused and put back as it was."""

    values_edited = Signal(object)  # a new kernel, float32 k×k
    edit_refused = Signal(str)  # one sentence

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.values = np.zeros((3, 3), np.float32)
        self.looks = Looks(self, language=False)  # fonts follow the zoom
        self.looks.font(self, theme.PLOT_LABEL_POINT_SIZE, bold=True)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(5 * 40)
        self.itemChanged.connect(self._on_item_changed)

    def show_kernel(self, values: np.ndarray) -> None:
        self.values = np.array(values, dtype=np.float32)
        rows, cols = self.values.shape
        self.setFont(zoomed_font(theme.PLOT_LABEL_POINT_SIZE if cols <= 3 else theme.BASE_POINT_SIZE, bold=True))
        scale = float(np.abs(self.values).max()) or 1.0
        colours = cell_colours(self.values, True, scale)
        self.blockSignals(True)
        if (self.rowCount(), self.columnCount()) != (rows, cols):
            self.setRowCount(rows)
            self.setColumnCount(cols)
        for r in range(rows):
            for c in range(cols):
                item = self.item(r, c)
                if item is None:  # new cells only: an edited item is never replaced under its own signal
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.setItem(r, c, item)
                item.setText(kernel_text(float(self.values[r, c])))
                red, green, blue, _ = (int(v) for v in colours[r, c])
                # Pale cells, so black numbers stay readable on every colour.
                item.setBackground(QColor((red + 255) // 2, (green + 255) // 2, (blue + 255) // 2))
        self.blockSignals(False)

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        try:
            value = parse_number(item.text())
        except ConfigError as error:
            self.show_kernel(self.values)  # the last good kernel stays
            self.edit_refused.emit(say(error))
            return
        values = self.values.copy()
        values[item.row(), item.column()] = value
        self.show_kernel(values)
        self.values_edited.emit(values)


# --- the arithmetic of one position ------------------------------------------------------

class ArithmeticRow(QWidget):
    """What one position computes, in big numbers: patch × kernel = products → sum;
    value → max(value, 0); or window → its largest value or its mean."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.looks = Looks(self, language=False)  # fonts follow the zoom
        self.first = NumberGrid(self.tr("Patch"), caption_colour=theme.VERMILLION)  # the outlined window
        self.second, self.third = NumberGrid(self.tr("Kernel")), NumberGrid(self.tr("Products"))
        self.times, self.equals, self.result = QLabel("×"), QLabel("="), QLabel("")
        for label, size in ((self.times, 30), (self.equals, 30), (self.result, 24)):
            self.looks.font(label, size, bold=True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result.setMinimumWidth(200)
        self.result.setWordWrap(True)
        self.legend = ColourBar()  # beside the numbers whose colours it explains, and the maps'
        self.legend.setToolTip(self.tr("What the colours of the maps and numbers mean"))
        self.row = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)  # a row when wide (set_wide)
        self.row.setContentsMargins(0, 0, 0, 0)
        grids = QHBoxLayout()
        for widget, stretch in ((self.first, 2), (self.times, 0), (self.second, 2), (self.equals, 0), (self.third, 2)):
            grids.addWidget(widget, stretch)
        self.column = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.column.addWidget(self.result, 1)
        self.column.addWidget(self.legend, 0, Qt.AlignmentFlag.AlignHCenter)
        self.row.addLayout(grids, 6)
        self.row.addLayout(self.column, 2)

    def set_wide(self, wide: bool) -> None:
        """Numbers, result and colour bar in one row; or the result and the colour bar below the numbers."""
        flow(self.row, wide)
        flow(self.column, not wide)

    def set_operation(self, operation: str, kernel: np.ndarray) -> None:
        """Which panels this operation needs; the kernel is shown with its own numbers."""
        conv = operation == "convolution"
        for widget in (self.second, self.equals, self.third):
            widget.setVisible(conv)
        self.times.setText("×" if conv else "→")
        self.first.set_caption({"convolution": self.tr("Patch"), "relu": self.tr("Value")}.get(operation, self.tr("Window")))
        self.kernel_scale = float(np.abs(kernel).max()) or 1.0
        self.second.show_values(kernel, True, self.kernel_scale, [[kernel_text(float(v)) for v in row] for row in kernel])

    def clear(self, prompt: str) -> None:
        self.first.show_values(None, False, 1.0)
        self.third.show_values(None, True, 1.0)
        self.result.setText(prompt)

    def show_convolution(self, step) -> None:
        """Products and their sum rounded alike: whole products never sit beside a sum with decimals."""
        self.first.show_values(step.patch, False, 255.0)
        products, total = np.atleast_2d(step.products), float(step.output)
        digits = max(_decimals(readable(float(v))) for v in [*products.flat, total])
        texts = [[same_digits(float(v), digits) for v in row] for row in products]
        self.third.show_values(products, True, self.kernel_scale * 255.0, texts)
        self._say(self.tr("sum = {0}").format(same_digits(total, digits)))

    def shown_products(self) -> list[list[str]]:
        return self.third.texts

    def show_relu(self, step, signed: bool, scale: float) -> None:
        self.first.show_values(np.array([[step.before]]), signed, scale)
        self._say(self.tr("max({0}, 0)\n= {1}").format(readable(step.before), readable(step.after)))

    def show_pooling(self, step, signed: bool, scale: float) -> None:
        self.first.show_values(step.window, signed, scale, highlight=step.winner)
        if step.winner is not None:
            self._say(self.tr("largest = {0}").format(readable(step.output)))
        else:
            total = readable(float(step.window.sum(dtype=np.float64)))
            self._say(self.tr("sum {0} ÷ {1}\n= {2}").format(total, step.window.size, readable(step.output)))

    def _say(self, text: str) -> None:
        self.result.setText(text + "\n" + self.tr("→ output"))


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def same_digits(value: float, digits: int) -> str:
    """`value` with exactly `digits` decimals (−0 shown as 0)."""
    text = f"{value:.{digits}f}"
    return with_minus("0" if float(text) == 0 and digits == 0 else text.lstrip("-") if float(text) == 0 else text)


# --- the transport bar -------------------------------------------------------------------

class PlaybackBar(QWidget):
    """Back, play/pause, step, to the end, a 0.1×–10× speed slider, and where the animation is.

    Its shortcuts are QActions on `owner` with WidgetWithChildrenShortcut context, so they
    work while the playground has focus and never clash with the window's Space and Right.
    """

    speed_changed = Signal(float)  # the slider's speed, MIN_SPEED to MAX_SPEED

    def __init__(self, owner: QWidget, back, toggle, step, to_end):
        super().__init__(owner)
        self.looks = Looks(self, language=False)  # fonts follow the zoom
        self.speed = 1.0
        self.back_button = self._button(owner, self.tr("◀ Back"), self.tr("Undo the last position"), back, ",")
        self.play_button = self._button(owner, self.tr("▶ Play"), self.tr("Play or pause the sliding window"), toggle, "P")
        self.step_button = self._button(owner, self.tr("Step ▶"), self.tr("Compute one more position"), step, ".")
        self.end_button = self._button(owner, self.tr("To the end ▶▶"), self.tr("Compute every position at once"),
                                       to_end, "End")
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        # speed = 10 ** (value / 100): MIN_SPEED (0.1×) … MAX_SPEED (10×)
        self.speed_slider.setRange(round(100 * math.log10(MIN_SPEED)), round(100 * math.log10(MAX_SPEED)))
        self.speed_slider.setToolTip(self.tr("Playback speed, from 0.1× to 10×"))
        self.speed_slider.valueChanged.connect(self._on_speed_changed)
        self.speed_label, self.position = QLabel("1.0×"), QLabel("")
        self.speed_label.setMinimumWidth(70)
        self.row = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)  # one row when wide (set_wide)
        self.row.setContentsMargins(0, 0, 0, 0)
        buttons, speed = QHBoxLayout(), QHBoxLayout()
        for widget in (self.back_button, self.play_button, self.step_button, self.end_button):
            buttons.addWidget(widget)
        for widget in (QLabel(self.tr("Speed")), self.speed_slider, self.speed_label, self.position):
            speed.addWidget(widget, 1 if widget in (self.speed_slider, self.position) else 0)
        for widget in (self.back_button, self.play_button, self.step_button, self.end_button, self.speed_label,
                       self.position, speed.itemAt(0).widget()):
            self.looks.font(widget, theme.PLOT_LABEL_POINT_SIZE, bold=True)
        self.row.addLayout(buttons)
        self.row.addLayout(speed, 1)

    def set_wide(self, wide: bool) -> None:
        flow(self.row, wide)

    def _button(self, owner: QWidget, text: str, tip: str, slot, key: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(f"{tip} ({key})")
        self._tips = [*getattr(self, "_tips", []), (button, tip, key)]
        button.clicked.connect(slot)
        action = QAction(text, owner)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        owner.addAction(action)
        return button

    def retranslate_dynamic(self) -> None:
        """The buttons' tips carry their keys, so they are written again here rather than looked up."""
        self._tips = [(button, in_language(tip), key) for button, tip, key in self._tips]
        for button, tip, key in self._tips:
            button.setToolTip(f"{tip} ({key})")

    def set_speed(self, speed: float) -> None:
        self.speed_slider.setValue(round(100 * math.log10(clamp_speed(speed))))

    def show_state(self, playing: bool, index: int, total: int) -> None:
        self.play_button.setText(self.tr("▮▮ Pause") if playing else self.tr("▶ Play"))
        for button in (self.back_button, self.play_button, self.step_button, self.end_button):
            button.setEnabled(total > 0)
        self.position.setText(self.tr("Position {0} of {1}").format(f"{index + 1:,}", f"{total:,}") if total else "")

    @Slot(int)
    def _on_speed_changed(self, value: int) -> None:
        self.speed = 10.0 ** (value / 100.0)
        self.speed_label.setText(f"{self.speed:.1f}×")
        self.speed_changed.emit(self.speed)
