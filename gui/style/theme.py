"""Colours and type sizes shared by every view: readable from the back of a classroom.

Colours are from the Okabe–Ito palette, which stays distinct for the common forms of
colour blindness. Train and test also differ by line style, so colour is never the only cue.
"""

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from gui.style.zoom import ZOOM

BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
PURPLE = "#CC79A7"
BLACK = "#000000"
GREY = "#595959"

TRAIN_COLOUR = BLUE
TEST_COLOUR = VERMILLION
WARNING_BACKGROUND = "#FBE3D6"

BASE_POINT_SIZE = 12  # the application font
PLOT_TICK_POINT_SIZE = 13
PLOT_LABEL_POINT_SIZE = 15
TITLE_POINT_SIZE = 17
LINE_WIDTH = 3


def font(point_size: float, bold: bool = False) -> QFont:
    """The application's family at `point_size` points at 100%, already scaled by the current zoom.

    Do not multiply by ZOOM again. A painter that asks at paint time follows zoom by itself;
    a widget given a font once should use `keep_font`, which sets it again when the zoom changes.
    """
    result = QFont()
    result.setPointSizeF(max(1.0, ZOOM.pt(point_size)))
    result.setBold(bold)
    return result


class _FontKeeper(QObject):
    """Sets its widget's font again, at the new zoom, whenever the zoom changes."""

    def __init__(self, widget: QWidget, point_size: float, bold: bool):
        super().__init__(widget)
        self.point_size, self.bold = point_size, bold
        ZOOM.changed.connect(self.on_zoom_changed)

    @Slot(float)
    def on_zoom_changed(self, _factor: float) -> None:
        widget = self.parent()
        if widget is not None:
            widget.setFont(font(self.point_size, self.bold))


def keep_font(widget: QWidget, point_size: float, bold: bool = False) -> None:
    """Give `widget` this font (sizes at 100%) now and at every zoom from now on."""
    keeper = getattr(widget, "_glassbox_font_keeper", None)
    if keeper is None:
        keeper = widget._glassbox_font_keeper = _FontKeeper(widget, point_size, bold)
    keeper.point_size, keeper.bold = point_size, bold
    widget.setFont(font(point_size, bold))


def colour(name: str) -> QColor:
    return QColor(name)
