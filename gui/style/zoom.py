"""The one zoom factor for the whole window (View › Zoom, 75% to 250%), and how views follow it.

The application font is scaled by the window (gui/main_window.py), which resizes every
widget that uses the default font. Anything that sets its own pixel or point sizes (a
caption's font, a scene's text, a plot's tick labels, a minimum size) multiplies them by
`ZOOM.factor` through `px()` / `pt()` and redraws on `ZOOM.changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

MIN_ZOOM = 0.75
MAX_ZOOM = 2.5
ZOOM_STEPS = (0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5)


def clamp_zoom(value: float) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return 1.0
    if value != value:  # NaN
        return 1.0
    return min(MAX_ZOOM, max(MIN_ZOOM, value))


class Zoom(QObject):
    changed = Signal(float)

    def __init__(self):
        super().__init__()
        self.factor = 1.0

    def set_factor(self, value: float) -> None:
        value = clamp_zoom(value)
        if abs(value - self.factor) > 1e-9:
            self.factor = value
            self.changed.emit(value)

    def zoom_in(self) -> None:
        self.set_factor(next((step for step in ZOOM_STEPS if step > self.factor + 1e-9), MAX_ZOOM))

    def zoom_out(self) -> None:
        self.set_factor(next((step for step in reversed(ZOOM_STEPS) if step < self.factor - 1e-9), MIN_ZOOM))

    def px(self, pixels: float) -> int:
        """A length in pixels at 100%, at the current zoom."""
        return max(1, round(pixels * self.factor))

    def pt(self, points: float) -> float:
        """A font size in points at 100%, at the current zoom."""
        return points * self.factor


ZOOM = Zoom()
