"""The pieces NetworkLandscapePanel is built from: its controls row, its three plots, and where a label goes.

Like controls.py for the race, these make the widgets and items, store them as the panel's attributes and
connect them to its handlers; the panel sets their words (`retranslate`) and keeps all the behaviour.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSpinBox

from gui.landscape.state import CNN_RESOLUTION, NETWORK_RESOLUTION, RESOLUTION_RANGE
from gui.style import theme
from gui.style.colours import map_lut
from gui.style.numbers import significant

PATH_COLOUR = theme.VERMILLION
LINE_COLOUR = theme.BLUE


def log_ticks(values: np.ndarray) -> list[list[tuple[float, str]]]:
    """Ticks for a log10 axis spanning `values`: (log10 v, "v") for v = 1, 2, 5 × 10^k."""
    low, high = float(np.min(values)), float(np.max(values))
    ticks = []
    for power in range(int(np.floor(np.log10(low))) - 1, int(np.ceil(np.log10(high))) + 1):
        for mantissa in (1, 2, 5):
            value = mantissa * 10.0 ** power
            if low / 1.5 <= value <= high * 1.5:
                ticks.append((np.log10(value), significant(value, 6)))
    return [ticks, []]


ABOVE, BELOW, LEFT, RIGHT = (0.5, 1.3), (0.5, -0.3), (1.15, 0.5), (-0.15, 0.5)  # a label's anchors by its point


def _label(text: str) -> pg.TextItem:
    return pg.TextItem(text, color="k", anchor=ABOVE, fill=pg.mkBrush(255, 255, 255, 200))


def label_rect(label: pg.TextItem, point: QPointF, anchor: tuple[float, float]) -> QRectF:
    """Where `label` lies in scene pixels when anchored at `anchor` to `point` (as pyqtgraph's TextItem places it)."""
    size = label.textItem.boundingRect()
    return QRectF(point.x() - anchor[0] * size.width(), point.y() - anchor[1] * size.height(), size.width(),
                  size.height())



def build_slice_controls(panel) -> None:
    """The directions, resolution, Compute / Cancel row and the message labels, as `panel`'s attributes."""
    panel.directions_combo = QComboBox()
    panel.directions_combo.addItem("", "random")
    panel.directions_combo.addItem("", "pca")
    panel.resolution_spin = QSpinBox()
    panel.resolution_spin.setRange(*RESOLUTION_RANGE)
    panel.resolution_spin.setSingleStep(10)
    # A CNN's loss costs thousands of times an MLP's per grid point: a coarser grid is still a picture.
    panel.resolution_spin.setValue(CNN_RESOLUTION if panel.cnn else NETWORK_RESOLUTION)
    panel.directions_combo.currentIndexChanged.connect(panel._on_setting_changed)
    panel.resolution_spin.valueChanged.connect(panel._on_setting_changed)
    panel.compute_button = QPushButton()
    panel.compute_button.clicked.connect(panel.request_compute)
    panel.progress = QProgressBar()
    panel.progress.setRange(0, 100)
    panel.cancel_button = QPushButton()
    panel.cancel_button.clicked.connect(panel.request_cancel)
    panel.directions_label, panel.resolution_label = QLabel(), QLabel()
    panel.controls = QHBoxLayout()
    panel.controls.addWidget(panel.directions_label)
    panel.controls.addWidget(panel.directions_combo)
    panel.controls.addSpacing(16)
    panel.controls.addWidget(panel.resolution_label)
    panel.controls.addWidget(panel.resolution_spin)
    panel.controls.addSpacing(16)
    panel.controls.addWidget(panel.compute_button)
    panel.controls.addWidget(panel.progress, stretch=1)
    panel.controls.addWidget(panel.cancel_button)
    panel.controls.addStretch(0)
    panel.message = QLabel()
    panel.message.setWordWrap(True)
    panel._said: tuple[str, str | None] = ("idle", None)  # what the message says: a state and its sentence
    panel.banner = QLabel()
    panel.banner.setWordWrap(True)
    panel.banner.hide()
    panel.note = QLabel()
    panel.note.setWordWrap(True)

def build_slice_plots(panel) -> None:
    """The slice map with the path and its labels, the true loss along the path, and the straight line."""
    panel.map = pg.PlotWidget(background="w")
    panel.map.setMinimumSize(200, 160)
    item = panel.map.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    panel.image = pg.ImageItem(axisOrder="col-major")
    panel.image.setLookupTable(map_lut())
    panel.image.setZValue(-10)
    panel.contours = pg.PlotCurveItem(pen=pg.mkPen(70, 80, 95, 150, width=1.5), connect="pairs")
    panel.path_curve = pg.PlotCurveItem(pen=pg.mkPen(PATH_COLOUR, width=4), antialias=True)
    panel.path_curve.setShadowPen(pg.mkPen(255, 255, 255, 200, width=7))
    panel.path_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen("k", width=1), brush=pg.mkBrush(PATH_COLOUR))
    panel.start_marker = pg.ScatterPlotItem(symbol="o", size=22, pen=pg.mkPen("k", width=2),
                                           brush=pg.mkBrush("w"))
    panel.center_marker = pg.ScatterPlotItem(symbol="star", size=30, pen=pg.mkPen("k", width=2),
                                            brush=pg.mkBrush(theme.YELLOW))
    panel.start_label, panel.center_label = _label(""), _label("")
    for z, child in enumerate((panel.image, panel.contours, panel.path_curve, panel.path_points, panel.start_marker,
                               panel.center_marker, panel.start_label, panel.center_label)):
        child.setZValue(z - 10 if child is panel.image else z)
        item.addItem(child)
    panel.start_label.hide()
    panel.center_label.hide()
    item.getViewBox().sigRangeChanged.connect(panel._place_labels)
    item.getViewBox().sigResized.connect(panel._place_labels)

    panel.path_plot = pg.PlotWidget(background="w")
    panel.path_plot.setMinimumSize(160, 100)
    panel.path_plot.getPlotItem().setMenuEnabled(False)
    panel.path_plot.getPlotItem().hideButtons()
    panel.path_loss_curve = panel.path_plot.plot(pen=pg.mkPen(PATH_COLOUR, width=theme.LINE_WIDTH), symbol="o",
                                               symbolSize=6, symbolBrush=PATH_COLOUR, symbolPen=None)

    panel.line_plot = pg.PlotWidget(background="w")
    panel.line_plot.setMinimumSize(160, 100)
    panel.line_plot.getPlotItem().setMenuEnabled(False)
    panel.line_plot.getPlotItem().hideButtons()
    panel.line_curve = panel.line_plot.plot(pen=pg.mkPen(LINE_COLOUR, width=theme.LINE_WIDTH))
    label_opts = {"position": 0.9, "color": "k", "fill": pg.mkBrush(255, 255, 255, 200)}
    panel.line_marks = []
    for value in (0.0, 1.0):
        pen = pg.mkPen(theme.GREY, width=2)
        pen.setStyle(Qt.PenStyle.DashLine)
        mark = pg.InfiniteLine(value, angle=90, pen=pen, label=" ", labelOpts=label_opts)
        panel.line_plot.addItem(mark)
        panel.line_marks.append(mark)

    panel.plots = QGridLayout()
    panel.plots.addWidget(panel.map, 0, 0, 2, 1)
    panel.plots.addWidget(panel.path_plot, 0, 1)
    panel.plots.addWidget(panel.line_plot, 1, 1)
    panel.plots.addWidget(panel.message, 2, 0, 1, 2)
    panel.plots.setColumnStretch(0, 3)
    panel.plots.setColumnStretch(1, 2)

