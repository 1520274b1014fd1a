"""Texts that follow the language and fonts that follow the zoom, for the training and landscape views.

`Texts` remembers which setter shows which English source, sets the translation now and again on
every language change (a widget calls `refresh()` from its `retranslate()`). Sources are marked with
QT_TRANSLATE_NOOP(context, text) where they are bound, so lupdate sees them. `font()` and
`style_plot()` size text through gui.style.zoom, times an extra factor for presenter mode.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from gui.style import theme
from gui.style.zoom import ZOOM

PRESENTING_SCALE = 1.4  # presenter mode: charts' text this much larger again


def font(points: float, bold: bool = False, scale: float = 1.0) -> QFont:
    """A font of `points` at 100%, at the current zoom (times `scale`)."""
    result = QFont()
    result.setPointSizeF(max(1.0, ZOOM.pt(points) * scale))
    result.setBold(bold)
    return result


def points(size: float, scale: float = 1.0) -> str:
    """A CSS font size for pyqtgraph's labels and titles at the current zoom."""
    return f"{ZOOM.pt(size) * scale:.1f}pt"


def style_plot(item: pg.PlotItem, bottom: str, left: str, title: str | None = None, scale: float = 1.0) -> None:
    """Axis names, tick labels and title, readable from the back of a room at the current zoom.

    Called again whenever the language or the zoom changes.
    """
    label_style = {"color": "black", "font-size": points(theme.PLOT_LABEL_POINT_SIZE, scale)}
    item.setLabel("bottom", bottom, **label_style)
    item.setLabel("left", left, **label_style)
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setTickFont(font(theme.PLOT_TICK_POINT_SIZE, scale=scale))
        axis.setPen(pg.mkPen("k"))
        axis.setTextPen(pg.mkPen("k"))
        # pyqtgraph 0.14's setLabel restores the default SI-prefix ranges, in which an axis spanning 0..1
        # is scaled ×1000 ("270" for a loss of 0.27) even with the prefix disabled: allow no range at all.
        axis.setSIPrefixEnableRanges(())
        axis.enableAutoSIPrefix(False)
    if title is not None:
        set_title(item, title, color="black", size=points(theme.PLOT_LABEL_POINT_SIZE, scale))


def set_title(item: pg.PlotItem, title: str, **options) -> None:
    """A plot's title, with room for its height (pyqtgraph gives a title a fixed 30 px, too little when zoomed)."""
    item.setTitle(title, **options)
    height = max(30, int(item.titleLabel.item.boundingRect().height()) + 4)
    item.titleLabel.setMaximumHeight(height)
    item.layout.setRowFixedHeight(0, height)


def translate(context: str, source: str, *args, **named) -> str:
    text = QCoreApplication.translate(context, source)
    return text.format(*args, **named) if args or named else text


class Texts:
    """Static texts of one translation context, set again on every language change."""

    def __init__(self, context: str):
        self.context = context
        self._bound: list[tuple[object, str, tuple]] = []

    def bind(self, setter, source: str, *args) -> str:
        """Show `source` (translated, then filled with `args`) through `setter`, now and after each switch."""
        self._bound.append((setter, source, args))
        text = translate(self.context, source, *args)
        setter(text)
        return text

    def refresh(self) -> None:
        alive = []
        for setter, source, args in self._bound:
            try:
                setter(translate(self.context, source, *args))
            except RuntimeError:  # the widget is gone
                continue
            alive.append((setter, source, args))
        self._bound = alive
