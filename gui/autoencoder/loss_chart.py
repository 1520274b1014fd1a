"""LossChart: the reconstruction loss falling, training and held-out, against answering the average image.

The dashed line is what a network that learnt nothing would score: it answers the mean image
every time (the untrained decoder starts there). A curve well below it means the bottleneck
carries real information about each image. The loss is binary cross-entropy, the trainer's own.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.style import theme
from gui.style.plots import finite_range
from gui.style.zoom import ZOOM
from gui.training.looks import font, style_plot

MAX_CURVE_POINTS = 2000  # a long run is thinned: it still redraws in a millisecond
BASELINE_COLOUR = theme.GREY


def thinned(values: np.ndarray, limit: int = MAX_CURVE_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """Steps 1..N and the values, every k-th one so at most `limit` points remain (the last always kept)."""
    values = np.asarray(values, dtype=np.float64)
    steps = np.arange(1, len(values) + 1, dtype=np.float64)
    if len(values) > limit:
        keep = np.unique(np.r_[np.linspace(0, len(values) - 1, limit).astype(int), len(values) - 1])
        steps, values = steps[keep], values[keep]
    return steps, values


class LossChart(QWidget):
    """Training loss (solid), held-out loss (dashed, with dots) and the average-image baseline (grey, dotted)."""

    def __init__(self, parent: QWidget | None = None, label_baseline: bool = True):
        """`label_baseline=False`: the dotted line is named only in the legend (a small picture, where a name
        on the line would sit over the top axis)."""
        super().__init__(parent)
        self.label_baseline = bool(label_baseline)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.train_curve = self.plot.plot([], [], pen=pg.mkPen(theme.TRAIN_COLOUR, width=theme.LINE_WIDTH))
        self.test_curve = self.plot.plot([], [], pen=pg.mkPen(theme.TEST_COLOUR, width=theme.LINE_WIDTH,
                                                              style=Qt.PenStyle.DashLine),
                                         symbol="o", symbolSize=6, symbolBrush=theme.TEST_COLOUR, symbolPen=None)
        self.baseline = pg.InfiniteLine(angle=0, movable=False,
                                        pen=pg.mkPen(BASELINE_COLOUR, width=2, style=Qt.PenStyle.DotLine))
        self.baseline_label = pg.TextItem(color=BASELINE_COLOUR, anchor=(1, 1))
        self.plot.addItem(self.baseline, ignoreBounds=True)
        self.plot.addItem(self.baseline_label, ignoreBounds=True)
        self.baseline.hide()
        self.baseline_label.hide()
        self.legend = QLabel()  # above the plot: never over a curve
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)
        self.setMinimumSize(220, 160)
        self._steps = np.zeros(0)
        self._train = np.zeros(0)
        self._test_steps: list[float] = []
        self._test_losses: list[float] = []
        self._baseline = math.nan
        self.digits = True  # "the average digit" for digits, "the average image" for clothes and photos
        self.retranslate()
        ZOOM.changed.connect(self.rezoom)

    # ------------------------------------------------------------------ what it shows
    def show_curves(self, loss_curve: np.ndarray, test_steps, test_losses, baseline: float) -> None:
        """Every step's training loss, the held-out loss at the steps it was measured, and the baseline."""
        self._steps, self._train = thinned(loss_curve)
        self._test_steps, self._test_losses = list(test_steps), list(test_losses)
        self._baseline = float(baseline) if baseline is not None else math.nan
        self._draw()

    def set_digits(self, digits: bool) -> None:
        """Say "digit" when the images are digits, "image" otherwise."""
        self.digits = bool(digits)
        self.retranslate()

    def clear(self) -> None:
        self.show_curves(np.zeros(0), [], [], math.nan)

    @property
    def baseline_value(self) -> float:
        return self._baseline

    def _draw(self) -> None:
        finite = np.isfinite(self._train)
        self.train_curve.setData(self._steps[finite], self._train[finite])
        test = np.asarray(self._test_losses, dtype=np.float64)
        steps = np.asarray(self._test_steps, dtype=np.float64)
        keep = np.isfinite(test)
        self.test_curve.setData(steps[keep], test[keep])
        has_baseline = math.isfinite(self._baseline)
        self.baseline.setVisible(has_baseline)
        self.baseline_label.setVisible(has_baseline and self.label_baseline)
        last = max([1.0, *self._steps[-1:], *steps[-1:]])
        values = [*self._train[finite], *test[keep]] + ([self._baseline] if has_baseline else [])
        low, high = finite_range(values, fallback=(0.0, 0.7))
        self.plot.setXRange(0, last, padding=0.02)
        self.plot.setYRange(min(0.0, low), high * 1.1 if high > 0 else 1.0, padding=0)
        if has_baseline:
            self.baseline.setValue(self._baseline)
            self.baseline_label.setPos(last, self._baseline)

    # ------------------------------------------------------------------ language and zoom
    def retranslate(self) -> None:
        style_plot(self.plot.getPlotItem(), self.tr("training step"), self.tr("loss"))
        for side in ("left", "bottom"):  # pyqtgraph rescales 0..1 ticks (×1000) even with its SI prefix off
            axis = self.plot.getPlotItem().getAxis(side)
            axis.setSIPrefixEnableRanges(())  # (setLabel, in style_plot, puts the default ranges back)
            axis.updateAutoSIPrefix()
        average = self.tr("answering the average digit") if self.digits else self.tr("answering the average image")
        self.baseline_label.setText(average)
        self.baseline_label.setFont(font(theme.BASE_POINT_SIZE))
        self.legend.setFont(font(theme.BASE_POINT_SIZE))
        self.legend.setText(self.tr(
            "<span style='color:{0}'>━ training</span> &nbsp; <span style='color:{1}'>╍●╍ held-out images</span>"
            " &nbsp; <span style='color:{2}'>┈┈ {3}</span>").format(
            theme.TRAIN_COLOUR, theme.TEST_COLOUR, BASELINE_COLOUR, average))
        self.legend.setToolTip(self.tr(
            "Reconstruction loss (binary cross-entropy between each pixel and its rebuilt value). The dotted line is "
            "what a network that learnt nothing scores: it answers the average image every time."))

    @Slot(float)
    def rezoom(self, _factor: float = 1.0) -> None:
        self.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
