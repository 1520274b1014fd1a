"""Axes every plot shares: black, large tick labels and axis names, and plain numbers (no SI prefixes).

The axes follow View › Zoom by themselves: `style_axes` remembers the names and styles them
again at every zoom. Call it again with new names when the language changes.

Non-finite numbers stop here. Every chart range goes through `finite_range` / `set_view_range`
(pyqtgraph raises "Cannot set range [nan, nan]" inside a slot otherwise), and a view checks
what the core promises is finite with `check_finite`. The core guarantees finite weights,
traces and gradient sizes, so in a debug run (GLASSBOX_DEBUG=1, and always under pytest,
unless GLASSBOX_DEBUG=0) a non-finite number there is an AssertionError that names the view;
in a normal run it is dropped and the chart keeps a sensible range.
"""

from __future__ import annotations

import math
import os
from typing import Iterable

import numpy as np
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


def debugging() -> bool:
    """True under GLASSBOX_DEBUG=1, or while pytest runs a test (GLASSBOX_DEBUG=0 turns it off)."""
    flag = os.environ.get("GLASSBOX_DEBUG", "")
    if flag:
        return flag != "0"
    return "PYTEST_CURRENT_TEST" in os.environ


def check_finite(values, where: str) -> np.ndarray:
    """`values` as a float array; in a debug run, an AssertionError naming `where` if any is not finite."""
    array = np.asarray(values, dtype=float)
    if debugging() and not np.isfinite(array).all():
        raise AssertionError(f"non-finite numbers reached {where}: the core must guard them")
    return array


def finite_range(values: Iterable[float], fallback: tuple[float, float] = (0.0, 1.0),
                 min_span: float = 1e-9) -> tuple[float, float]:
    """(low, high) of the finite values, at least `min_span` apart; `fallback` when none is finite.

    NaN and ±inf are left out (a missing test loss is NaN by design), and so are values so
    large that the span itself would overflow, so the result can always be given to setRange.
    """
    array = np.asarray(values, dtype=float).ravel()
    array = array[np.isfinite(array)]
    array = array[np.abs(array) < 1e300]
    if not len(array):
        low, high = fallback
    else:
        low, high = float(array.min()), float(array.max())
    if not high - low >= min_span:
        middle = (low + high) / 2 if math.isfinite(low + high) else 0.0
        half = max(min_span, abs(middle) * 1e-6) / 2
        low, high = middle - half, middle + half
    return low, high


def set_view_range(plot, x: Iterable[float] | None = None, y: Iterable[float] | None = None,
                   padding: float = 0.0) -> None:
    """Set a plot's (PlotWidget, PlotItem or ViewBox) x and/or y range to cover `x` / `y`, finite always."""
    if x is not None:
        plot.setXRange(*finite_range(x), padding=padding)
    if y is not None:
        plot.setYRange(*finite_range(y), padding=padding)
