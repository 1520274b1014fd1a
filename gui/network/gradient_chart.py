"""GradientChart: mean |∂L/∂w| per layer, on a log scale, so vanishing gradients show.

In a deep sigmoid network the bars shrink by orders of magnitude towards the input:
the first layers barely learn. That is the picture this chart exists for.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.style import theme
FLOOR = 1e-12  # log scale: a zero gradient is drawn at this height


class GradientChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        item = self.plot.getPlotItem()
        item.setTitle(f"<span style='font-size:{theme.PLOT_LABEL_POINT_SIZE}pt; color:black'>"
                      f"{self.tr('Gradient size per layer')}</span>")
        item.setLabel("left", "log₁₀ mean |∂L/∂w|", color="black")
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setTickFont(theme.font(theme.BASE_POINT_SIZE))
            axis.setPen(pg.mkPen("k"))
            axis.setTextPen(pg.mkPen("k"))
        self.plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=pg.mkBrush(theme.BLUE), pen=pg.mkPen("k"))
        self.plot.addItem(self.bars)
        self.magnitudes = np.zeros(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    @Slot(object)
    def show_magnitudes(self, magnitudes: np.ndarray) -> None:
        """Bars for layer 1 (input side) … output; heights are log10 of the mean |∂L/∂w|."""
        self.magnitudes = np.asarray(magnitudes, dtype=float)
        logs = np.log10(np.maximum(self.magnitudes, FLOOR))
        positions = np.arange(1, len(logs) + 1)
        bottom = float(np.floor(logs.min())) - 1 if len(logs) else -6.0
        self.bars.setOpts(x=positions, height=logs - bottom, y0=bottom, width=0.7)
        labels = [(int(p), self.tr("out") if p == len(logs) else str(int(p))) for p in positions]
        self.plot.getPlotItem().getAxis("bottom").setTicks([labels])
        self.plot.setYRange(bottom, max(float(logs.max()) + 0.5, bottom + 1) if len(logs) else 0, padding=0)
        self.plot.setXRange(0.4, len(logs) + 0.6, padding=0)
