"""ConfusionWindow: the confusion matrix of the lab's network in training, in a window of its own, live.

A separate, non-modal window: the training panel has no room for a 10×10 grid a class can read, and the
window stays on screen in presenter mode (which hides the panel) and on a second screen. Beside the
matrix, the pictures of the clicked cell ("these pictures of 3 were read as 8"), as thumbnails: their
pixels came once per run from the worker, and a cell picks them with Confusion.members, so a click costs
no forward pass. Each new count redraws the grid and the clicked cell's pictures: they change as the
network learns. ConfusionSwitch is the panel's button that opens it, and what is remembered about it.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QByteArray, QObject, QRectF, QSettings, QSignalBlocker, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from gui.convolution.explain.training.confusion_view import ConfusionView
from gui.convolution.explain.training.training_confusion import ConfusionReport
from gui.convolution.looks import Looks, shown_name
from gui.style import theme
from gui.style.zoom import ZOOM
from gui.widgets.clamped_label import ClampedLabel
from gui.widgets.saved_values import read_bool

MAX_THUMBNAILS = 24  # a cell's first 24 pictures: enough to see a pattern, few enough to see each one
MAX_SIDE = 150  # px at 100%: two pictures do not fill the column as blocky giants
GAP = 4


def to_qimage(pixels: np.ndarray) -> QImage:
    """One H×W×C uint8 picture (C = 1 or 3) as a QImage that owns its bytes."""
    picture = np.ascontiguousarray(pixels)
    height, width, channels = picture.shape
    kind = QImage.Format.Format_Grayscale8 if channels == 1 else QImage.Format.Format_RGB888
    return QImage(picture.data, width, height, width * channels, kind).copy()


class ThumbnailGrid(QWidget):
    """Small pictures in rows, as large as the room allows; a tiny picture is enlarged without blurring."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._images: list[QImage] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_pictures(self, pixels: np.ndarray) -> None:
        """(N, H, W, C) uint8 pictures (N may be 0)."""
        self._images = [to_qimage(picture) for picture in pixels]
        self.update()

    def count(self) -> int:
        return len(self._images)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(ZOOM.px(120), ZOOM.px(80))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(ZOOM.px(300), ZOOM.px(300))

    def layout_for(self, count: int) -> tuple[int, float]:
        """(columns, side of a thumbnail) that fit `count` pictures into the widget at the largest size."""
        best = (1, 0.0)
        for columns in range(1, max(1, count) + 1):
            rows = -(-count // columns)
            side = min((self.width() - GAP * (columns - 1)) / columns, (self.height() - GAP * (rows - 1)) / rows)
            if side > best[1]:
                best = (columns, side)
        return best[0], min(best[1], float(ZOOM.px(MAX_SIDE)))

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        if not self._images:
            return
        painter = QPainter(self)
        columns, side = self.layout_for(len(self._images))
        small = max(image.width() for image in self._images) < side / 2
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not small)
        painter.setPen(QPen(QColor(theme.GREY), 1))
        for index, image in enumerate(self._images):
            row, column = divmod(index, columns)
            target = QRectF(column * (side + GAP), row * (side + GAP), side, side)
            painter.drawImage(target, image)
            painter.drawRect(target)
        painter.end()


class ConfusionWindow(QWidget):
    """The live confusion matrix and the pictures of its clicked cell."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        # A companion of the main window: closing that one ends the app even while this one is open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.looks = Looks(self)
        self.looks.font(self, theme.BASE_POINT_SIZE + 1)
        self.report: ConfusionReport | None = None
        self.pixels: np.ndarray | None = None  # the counted pictures of this run, (N, H, W, C) uint8
        self.shown: np.ndarray = np.empty(0, dtype=np.int64)  # indices (into pixels) of the thumbnails
        self._message = ""
        self.view = ConfusionView()
        self.caption = ClampedLabel("", 3)
        self.looks.font(self.caption, theme.BASE_POINT_SIZE + 1, bold=True)
        self.thumbnails = ThumbnailGrid()
        side = QVBoxLayout()
        side.addWidget(self.caption)
        side.addWidget(self.thumbnails, 1)
        row = QHBoxLayout(self)
        row.addWidget(self.view, 3)
        row.addLayout(side, 2)
        self.view.cell_clicked.connect(self._on_cell_clicked)
        # 940×560 at 100% fits a 1024×768 projector with the window's frame; larger zooms stay on the screen.
        room = self.screen().availableGeometry()
        self.resize(min(ZOOM.px(940), int(room.width() * 0.92)), min(ZOOM.px(560), int(room.height() * 0.85)))
        self.retranslate_dynamic()

    # ------------------------------------------------------------------ what the worker counted
    def show_report(self, report: ConfusionReport) -> None:
        """A new count: the grid, and the clicked cell's pictures again (the network has learned since)."""
        if report.pixels is not None:
            self.pixels = report.pixels
        self.report, self._message = report, ""
        self.view.set_confusion(report.confusion, report.held_out, report.step)
        self._show_cell()

    def clear(self) -> None:
        """A new run: nothing counted yet."""
        self.report, self.pixels, self._message = None, None, ""
        self.view.set_confusion(None)
        self._show_cell()

    def show_message(self, sentence: str) -> None:
        """One sentence instead of the caption (the count failed); the last matrix stays."""
        self._message = sentence
        self.caption.setText(sentence)

    def cell_caption(self, true_class: int, predicted: int, count: int) -> str:
        """The caption of a cell, e.g. "These 5 pictures of '3' were read as '8'.", in the window's language."""
        names = [shown_name(name) for name in self.report.confusion.class_names]
        true_name, predicted_name = names[true_class], names[predicted]
        if count == 0:
            if true_class == predicted:
                return self.tr("No picture of '{0}' was read correctly.").format(true_name)
            return self.tr("No picture of '{0}' was read as '{1}'.").format(true_name, predicted_name)
        if true_class == predicted:
            text = self.tr("These {0} pictures of '{1}' were read correctly.").format(count, true_name)
        else:
            text = self.tr("These {0} pictures of '{1}' were read as '{2}'.").format(
                count, true_name, predicted_name)
        if count > MAX_THUMBNAILS:
            text += " " + self.tr("The first {0} are shown.").format(MAX_THUMBNAILS)
        return text

    # ------------------------------------------------------------------ internals
    @Slot(int, int)
    def _on_cell_clicked(self, _true_class: int, _predicted: int) -> None:
        self._show_cell()

    def _show_cell(self) -> None:
        selected, report = self.view.selected, self.report
        if report is None or selected is None:
            self.shown = np.empty(0, dtype=np.int64)
            self.thumbnails.set_pictures(np.empty((0, 1, 1, 1), dtype=np.uint8))
            hint = "" if report is None else self.tr(
                "Click a cell to see its pictures. The framed cells are right answers; every other cell "
                "holds pictures of one class taken for another.")
            self.caption.setText(self._message or hint)
            return
        members = report.confusion.members(*selected)
        self.shown = members[:MAX_THUMBNAILS]
        pixels = self.pixels
        if pixels is not None and (len(self.shown) == 0 or self.shown.max() < len(pixels)):
            self.thumbnails.set_pictures(pixels[self.shown])
        self.caption.setText(self._message or self.cell_caption(*selected, len(members)))

    def retranslate_dynamic(self) -> None:
        self.setWindowTitle(self.tr("Confusion matrix of the network in training"))
        self._show_cell()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().closeEvent(event)
        self.closed.emit()


class ConfusionSwitch(QObject):
    """The training panel's "Confusion matrix" button and the window it opens: made on first use, its
    size and whether it was open remembered in QSettings, fed with the worker's counts (the last one is kept
    for a window opened later), and `wanted` says when the worker should count."""

    wanted = Signal(bool)

    def __init__(self, parent: QWidget, settings: QSettings | None, prefix: str):
        super().__init__(parent)
        self.settings, self.prefix = settings, prefix
        self.button = QToolButton()
        self.button.setCheckable(True)
        self.button.toggled.connect(self.set_open)
        self.window: ConfusionWindow | None = None
        self._report: ConfusionReport | None = None  # the last count, for a window opened later
        self._pixels: np.ndarray | None = None  # its run's pictures (sent with the run's first count)
        self._reopen = read_bool(settings, prefix + "confusion_open", False)

    def retranslate(self) -> None:
        self.button.setText(self.tr("▦ Confusion matrix"))
        self.button.setToolTip(self.tr("Which held-out pictures the network in training gets wrong, and what it "
                                       "takes them for: a window that updates as it trains"))

    def is_open(self) -> bool:
        return self.button.isChecked()

    @Slot(bool)
    def set_open(self, show: bool) -> None:
        show = bool(show)
        with QSignalBlocker(self.button):
            self.button.setChecked(show)
        if self.settings is not None:
            self.settings.setValue(self.prefix + "confusion_open", show)
        window = self.window
        if show:
            if window is None:
                window = self.window = ConfusionWindow(self.parent())
                geometry = self.settings.value(self.prefix + "confusion_geometry") if self.settings else None
                if isinstance(geometry, QByteArray):
                    window.restoreGeometry(geometry)
                window.closed.connect(self._on_closed)
                if self._report is not None:
                    report = self._report
                    window.show_report(replace(report, pixels=self._pixels) if report.pixels is None else report)
            window.show()
            window.raise_()
        elif window is not None and window.isVisible():
            window.close()  # its `closed` comes back to _on_closed, with the button already unchecked
        self.wanted.emit(show)

    def panel_shown(self) -> None:
        """Open last time the app ran: open again, once the panel is on screen."""
        if self._reopen:
            self._reopen = False
            self.set_open(True)

    def new_run(self) -> None:
        self._report = self._pixels = None
        if self.window is not None:
            self.window.clear()

    @Slot(object)
    def show_report(self, report: ConfusionReport) -> None:
        """A new count from the worker (the window shows it if it was ever opened; kept for later if not)."""
        if report.pixels is not None:
            self._pixels = report.pixels
        self._report = report
        if self.window is not None:
            self.window.show_report(report)

    @Slot(str)
    def show_failure(self, sentence: str) -> None:
        if self.window is not None:
            self.window.show_message(sentence)

    @Slot()
    def _on_closed(self) -> None:
        if self.settings is not None:
            self.settings.setValue(self.prefix + "confusion_geometry", self.window.saveGeometry())
        if not self.parent().window().isVisible():  # the main window is closing and takes this one along:
            return  # it stays remembered as open, for the next session
        if self.button.isChecked():  # closed by its own title bar
            self.set_open(False)
