"""Colours and type sizes shared by every view: readable from the back of a classroom.

Colours are from the Okabe–Ito palette, which stays distinct for the common forms of
colour blindness. Train and test also differ by line style, so colour is never the only cue.
"""

from PySide6.QtGui import QColor, QFont

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


def font(point_size: int, bold: bool = False) -> QFont:
    result = QFont()
    result.setPointSize(point_size)
    result.setBold(bold)
    return result


def colour(name: str) -> QColor:
    return QColor(name)
