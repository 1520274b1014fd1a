"""Axes every plot shares: black, large tick labels and axis names, and plain numbers (no SI prefixes)."""

from __future__ import annotations

import pyqtgraph as pg

from gui.style import theme


def style_axes(item: pg.PlotItem, bottom: str, left: str) -> None:
    """Name the two axes and make them readable from the back of a room."""
    label_style = {"color": "black", "font-size": f"{theme.PLOT_LABEL_POINT_SIZE}pt"}
    item.setLabel("bottom", bottom, **label_style)
    item.setLabel("left", left, **label_style)
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setTickFont(theme.font(theme.PLOT_TICK_POINT_SIZE))
        axis.setPen(pg.mkPen("k"))
        axis.setTextPen(pg.mkPen("k"))
        axis.enableAutoSIPrefix(False)  # "loss (x0.001)" confuses a class
