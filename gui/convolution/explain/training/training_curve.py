"""LossCurve: the training panel's loss chart, falling as the lab's network trains.

Two curves (training batches, solid; held-out pictures, dashed: colour is never the only cue), a legend
above the chart so it never covers the held-out curve, and a cross where a step diverged. The points
are kept as reported and thinned when a run grows long, so a redraw stays near a millisecond.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui.convolution.looks import zoomed_font
from gui.style import theme
from gui.style.zoom import ZOOM

MAX_CURVE_POINTS = 2000  # older points are thinned: a long run still redraws in a millisecond


class LossCurve(QWidget):
    """The loss of the training batches and of the held-out pictures against the step."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._steps, self._train_loss, self._test_loss = [], [], []  # the curves, as reported
        self._diverged_at: tuple[float, float] | None = None  # (step, the last finite loss) to mark
        self.plot = pg.PlotWidget(background="w")
        item = self.plot.getPlotItem()
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setTickFont(zoomed_font(theme.BASE_POINT_SIZE))
            axis.setPen(pg.mkPen("k"))
            axis.setTextPen(pg.mkPen("k"))
            axis.enableAutoSIPrefix(False)  # a loss is a plain number: never "loss (×0.001)"
        self.train_curve = self.plot.plot([], [], pen=pg.mkPen(theme.TRAIN_COLOUR, width=theme.LINE_WIDTH))
        self.test_curve = self.plot.plot([], [], pen=pg.mkPen(theme.TEST_COLOUR, width=theme.LINE_WIDTH,
                                                              style=Qt.PenStyle.DashLine))
        self.divergence_mark = self.plot.plot([], [], pen=None, symbol="x", symbolSize=16,  # where a step diverged
                                              symbolPen=pg.mkPen(theme.VERMILLION, width=3))
        self.plot.setXRange(0, 100, padding=0)  # before training: a sensible empty chart, not −400…400
        self.plot.setYRange(0, 2.5, padding=0)
        self.legend = QLabel()
        self.legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.legend.setWordWrap(True)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMinimumWidth(180)
        # The curve takes the height the controls need, no more: the maps above get the rest.
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.legend)
        column.addWidget(self.plot, 1)

    def retranslate(self, step: str, loss: str, legend: str) -> None:
        """The chart's words (translated by the panel, whose context they have always had)."""
        item = self.plot.getPlotItem()
        size = {"font-size": f"{ZOOM.pt(theme.BASE_POINT_SIZE):.1f}pt"}
        item.setLabel("bottom", step, color="black", **size)
        item.setLabel("left", loss, color="black", **size)
        self.legend.setText(legend.format(theme.TRAIN_COLOUR, theme.TEST_COLOUR))

    def rezoom(self) -> None:
        for side in ("left", "bottom"):
            self.plot.getPlotItem().getAxis(side).setTickFont(zoomed_font(theme.BASE_POINT_SIZE))

    # ------------------------------------------------------------------ data
    def clear(self) -> None:
        self._steps, self._train_loss, self._test_loss, self._diverged_at = [], [], [], None
        self.redraw()

    def add(self, step: int, train_loss: float, test_loss: float) -> None:
        """One report's losses (a step that went back means a reset: the curve starts again)."""
        if self._steps and step < self._steps[-1]:
            self._steps, self._train_loss, self._test_loss, self._diverged_at = [], [], [], None
        if not self._steps or step != self._steps[-1]:
            self._steps.append(step)
            self._train_loss.append(train_loss)
            self._test_loss.append(test_loss)
            if len(self._steps) > MAX_CURVE_POINTS:
                keep = slice(None, None, 2)
                self._steps, self._train_loss, self._test_loss = (
                    self._steps[keep], self._train_loss[keep], self._test_loss[keep])
        self.redraw()

    def mark_divergence(self) -> None:
        """A cross on the training curve's last finite loss."""
        steps, losses = self.curve_data()
        self._diverged_at = (float(steps[-1]), float(losses[-1])) if len(steps) else None
        self.redraw()

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The training-loss curve as drawn: (steps, losses)."""
        x, y = self.train_curve.getData()
        return (np.asarray(x if x is not None else []), np.asarray(y if y is not None else []))

    def redraw(self) -> None:
        steps = np.asarray(self._steps, dtype=float)
        if len(steps):
            self.plot.enableAutoRange()
        else:
            self.plot.disableAutoRange()
            self.plot.setXRange(0, 100, padding=0)
            self.plot.setYRange(0, 2.5, padding=0)
        for curve, values in ((self.train_curve, self._train_loss), (self.test_curve, self._test_loss)):
            values = np.asarray(values, dtype=float)
            finite = np.isfinite(values)
            curve.setData(steps[finite], values[finite])
        mark = self._diverged_at if len(steps) else None
        self.divergence_mark.setData([mark[0]] if mark else [], [mark[1]] if mark else [])
