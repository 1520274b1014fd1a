"""The colour tables every view shares, built once from the Okabe–Ito palette in gui.style.theme.

Blue means negative (or class 0) and orange positive (or class 1) everywhere in the app,
so a student who learns the code on one tab can read every other tab.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from gui.style import theme

CLASS_COLOURS = (theme.BLUE, theme.ORANGE, theme.GREEN, theme.PURPLE, theme.SKY, theme.VERMILLION)


def rgb(name: str) -> np.ndarray:
    return np.array(QColor(name).getRgb()[:3], dtype=float)


def diverging_lut(steps: int = 256, strength: float = 1.0) -> np.ndarray:
    """Blue → white → orange, as uint8 RGBA rows: the sign of a value, and its size.

    `strength` below 1 keeps the far ends pale, so saturated points stand out on top.
    """
    blue, orange = rgb(theme.BLUE), rgb(theme.ORANGE)
    white = np.array([255.0, 255.0, 255.0])
    t = np.linspace(-1.0, 1.0, steps)[:, None] * strength
    colours = np.where(t < 0, white + (blue - white) * -t, white + (orange - white) * t)
    return np.concatenate([colours, np.full((steps, 1), 255.0)], axis=1).astype(np.uint8)
