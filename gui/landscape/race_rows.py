"""The race table's words: each optimizer's loss now, how much it fell, and where it is and how it is doing.

Plain functions of a path and a step (the table draws them; LandscapeView calls `race_row` as playback moves).
The sentences keep LandscapeView's translation context.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication

from core.landscape.surfaces import OptimizerPath, Surface
from gui.landscape.panels import shown_index
from gui.style.numbers import finite_or_missing, fixed, signed, significant

STALL_WINDOW = 20  # steps: a path that moved less than a ten-thousandth of the plot over these is "barely moving"


def _span(surface: Surface) -> float:
    return max(np.ptp(surface.x_range), np.ptp(surface.y_range))


def _near(surface: Surface, x: float, y: float, points) -> bool:
    return any(math.hypot(x - px, y - py) < 0.02 * _span(surface) for px, py in points)


def _moved(path: OptimizerPath, index: int) -> float:
    return float(np.linalg.norm(path.positions[index] - path.positions[index - STALL_WINDOW]))


def race_row(path: OptimizerPath, step: int, surface: Surface) -> tuple[str, str, str]:
    """(loss now, change since the start, status) for `path` at `step` on `surface`."""
    index = shown_index(path, step)
    loss = float(path.loss[index])
    change = loss - float(path.loss[0])
    x, y = path.positions[index]
    where = (fixed(x, 2), fixed(y, 2))
    if path.diverged_at is not None and step >= path.diverged_at:
        status = QCoreApplication.translate(
            "LandscapeView", "diverged at step {0}: the steps grew without bound").format(path.diverged_at)
    elif _near(surface, x, y, surface.minima):
        status = QCoreApplication.translate("LandscapeView", "at a minimum ({0}, {1})").format(*where)
    elif _near(surface, x, y, surface.saddle_points):
        status = QCoreApplication.translate("LandscapeView", "stuck near the saddle point")
    elif index >= STALL_WINDOW and _moved(path, index) < 1e-4 * _span(surface):
        status = QCoreApplication.translate("LandscapeView",
                                            "barely moving at ({0}, {1})").format(*where)
    else:
        status = QCoreApplication.translate("LandscapeView", "at ({0}, {1})").format(*where)
    return finite_or_missing(loss, significant(loss, 4)), signed(change, 3), status
