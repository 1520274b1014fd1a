"""Axes every plot shares: black, large tick labels and axis names, and plain numbers (no SI prefixes).

The axes follow View › Zoom by themselves: `style_axes` remembers the names and styles them
again at every zoom. Call it again with new names when the language changes.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, Slot

from gui.style import theme
from gui.style.zoom import ZOOM


class _AxesFollower(QObject):
    """Restyles one plot's axes at the current zoom."""

    def __init__(self, item: pg.PlotItem):
        super().__init__(item)
        self.item = item
        self.names = ("", "")
        ZOOM.changed.connect(self.on_zoom_changed)

    @Slot(float)
    def on_zoom_changed(self, _factor: float) -> None:
        _style(self.item, *self.names)


def _style(item: pg.PlotItem, bottom: str, left: str) -> None:
    label_style = {"color": "black", "font-size": f"{ZOOM.pt(theme.PLOT_LABEL_POINT_SIZE):.1f}pt"}
    item.setLabel("bottom", bottom, **label_style)
    item.setLabel("left", left, **label_style)
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setTickFont(theme.font(theme.PLOT_TICK_POINT_SIZE))
        axis.setPen(pg.mkPen("k"))
        axis.setTextPen(pg.mkPen("k"))
        axis.enableAutoSIPrefix(False)  # "loss (x0.001)" confuses a class


def style_axes(item: pg.PlotItem, bottom: str, left: str) -> None:
    """Name the two axes and make them readable from the back of a room, at every zoom."""
    follower = getattr(item, "_glassbox_axes", None)
    if follower is None:
        follower = item._glassbox_axes = _AxesFollower(item)
    follower.names = (bottom, left)
    _style(item, bottom, left)
