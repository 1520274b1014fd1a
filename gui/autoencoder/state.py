"""AutoencoderState: what the Autoencoder tab is set to, as plain Python (no Qt), for sessions and settings.

`to_dict` gives JSON-ready values; `from_dict` checks each key on its own and keeps that key's
default when the value is missing or wrong, so one bad value in a session never loses the others.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, fields, replace
from typing import Any, Callable

SOURCES = ("digits", "mnist", "fashion-mnist", "folder")  # core.autoencoder.trainer.SOURCES, in the menu's order
BOTTLENECK_RANGE = (2, 64)  # core.autoencoder.model.BOTTLENECK_RANGE (a test checks both agree)
NOISE_RANGE = (0.0, 0.5)  # the slider's range: above half the pixels' range, nothing is left to rebuild from
NOISE_STEPS = 50  # the slider moves in steps of 0.01
LEARNING_RATE_RANGE = (1e-5, 10.0)
SPEEDS = (None, 50.0, 10.0, 2.0)  # steps per second (None: as fast as it goes); the speed box's order


def _whole(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if not isinstance(value, numbers.Integral) or isinstance(value, bool) or not low <= value <= high:
            raise ValueError(value)
        return int(value)
    return check


def _number(low: float, high: float) -> Callable[[Any], float]:
    def check(value: Any) -> float:
        if not isinstance(value, numbers.Real) or isinstance(value, bool) or not math.isfinite(value) \
                or not low <= value <= high:
            raise ValueError(value)
        return float(value)
    return check


def _choice(options) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in options:
            raise ValueError(value)
        return value
    return check


def _text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 4096:
        raise ValueError(value)
    return value


def _point(value: Any) -> tuple[float, float]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or len(value) != 2:
        raise ValueError(value)
    return tuple(_number(0.0, 1.0)(v) for v in value)


@dataclass(frozen=True)
class AutoencoderState:
    source: str = "digits"  # what it learns from (SOURCES)
    folder: str = ""  # the photo folder, for source "folder"
    bottleneck: int = 2  # numbers in the middle
    noise: float = 0.0  # noise on the inputs (a denoising autoencoder above 0)
    learning_rate: float = 3e-3
    speed_index: int = 0  # into SPEEDS
    point: tuple[float, float] = (0.5, 0.5)  # where the crosshair stands on the plane of codes

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "folder": self.folder, "bottleneck": self.bottleneck, "noise": self.noise,
                "learning_rate": self.learning_rate, "speed_index": self.speed_index, "point": list(self.point)}

    @classmethod
    def from_dict(cls, data: Any) -> "AutoencoderState":
        """Each key checked on its own; a missing or wrong one keeps its default."""
        state = cls()
        if not isinstance(data, dict):
            return state
        for field in fields(cls):
            if field.name in data:
                try:
                    state = replace(state, **{field.name: CHECKS[field.name](data[field.name])})
                except (ValueError, TypeError):
                    pass
        return state


CHECKS: dict[str, Callable[[Any], Any]] = {
    "source": _choice(SOURCES), "folder": _text, "bottleneck": _whole(*BOTTLENECK_RANGE),
    "noise": _number(*NOISE_RANGE), "learning_rate": _number(*LEARNING_RATE_RANGE),
    "speed_index": _whole(0, len(SPEEDS) - 1), "point": _point,
}
