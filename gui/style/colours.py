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


# --- feature maps: a signed palette with five stops, tints for image channels -------------

# Blue below 0, white at 0, orange then vermillion above: the sign of a value, and its size.
SIGNED_STOPS = ((-1.0, theme.BLUE), (-0.5, theme.SKY), (0.0, "#FFFFFF"), (0.5, theme.ORANGE),
                (1.0, theme.VERMILLION))
_STOP_T = np.array([t for t, _ in SIGNED_STOPS])
_STOP_RGB = np.array([QColor(c).getRgb()[:3] for _, c in SIGNED_STOPS], dtype=float)
# The colour each input channel is drawn in: grey for one channel, red, green and blue for three.
CHANNEL_TINTS = {1: ((255, 255, 255),), 3: ((255, 0, 0), (0, 200, 0), (40, 110, 255))}


def signed_colours(t: np.ndarray) -> np.ndarray:
    """RGBA bytes for t in [-1, 1]: blue below 0, white at 0, orange and vermillion above."""
    t = np.clip(np.nan_to_num(np.asarray(t, dtype=float)), -1.0, 1.0)
    out = np.empty(t.shape + (4,), dtype=np.uint8)
    for k in range(3):
        out[..., k] = np.rint(np.interp(t, _STOP_T, _STOP_RGB[:, k]))
    out[..., 3] = 255
    return out


SIGNED_LUT = signed_colours(np.linspace(-1.0, 1.0, 256))  # for levels centred on 128


def tint_lut(rgb: tuple[int, int, int]) -> np.ndarray:
    """Black to `rgb`: one input channel drawn in its own colour."""
    ramp = np.linspace(0.0, 1.0, 256)[:, None] * np.array(rgb, dtype=float)
    return np.concatenate([np.rint(ramp), np.full((256, 1), 255.0)], axis=1).astype(np.uint8)


def value_luts(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """One N×256×4 table per map: level i is the value lo + (hi − lo)·i/255, coloured by its sign and size.

    A map with no spread shows level 0 only, which gets the colour of its one value.
    """
    lo, hi = np.atleast_1d(np.asarray(lo, dtype=float)), np.atleast_1d(np.asarray(hi, dtype=float))
    spread = hi - lo
    usable = np.isfinite(spread) & (spread > 0)
    base = np.where(np.isfinite(lo), lo, 0.0)
    values = base[:, None] + np.where(usable, spread, 0.0)[:, None] * np.linspace(0.0, 1.0, 256)[None, :]
    scale = np.maximum(np.abs(base), np.where(usable, np.abs(hi), 0.0))
    scale = np.where(scale > 0, scale, np.inf)
    return signed_colours(values / scale[:, None])


# --- maps that fill in step by step: index 0 is transparent, "not computed yet" -----------

_RAMP = np.linspace(0, 255, 255)
# 1..255 run black → white (unsigned), or blue → white (0) → orange (signed).
LUTS_WITH_MISSING = {
    False: np.vstack([[0, 0, 0, 0], np.stack([_RAMP, _RAMP, _RAMP, np.full(255, 255.0)], axis=1)]).astype(np.uint8),
    True: np.vstack([[0, 0, 0, 0], diverging_lut(steps=255)]).astype(np.uint8)}


def map_lut() -> np.ndarray:
    """A pale, perceptually even grey-blue ramp for loss maps: light valleys, darker peaks, so coloured paths
    stand out (uint8 RGB rows)."""
    import pyqtgraph as pg  # here, not at the top: PySide6 is loaded by then, and the colour tables stay light

    ramp = pg.colormap.get("CET-L1").getLookupTable(1.0, 0.7, 256, alpha=False).astype(np.float64)
    tint = np.array([0.93, 0.97, 1.0])
    return np.clip(ramp * tint, 0, 255).astype(np.uint8)
