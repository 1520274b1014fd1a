"""LandscapeState: everything the Landscape tab shows, as plain Python (no Qt), for sessions and lessons.

The tab is built from one (`LandscapeTab(state=...)`, `apply_state`) and reports its own (`state()`).
`to_dict` gives JSON-ready values; `from_dict` checks each key on its own and falls back to that key's
default when the value is missing or wrong, so one bad value in a lesson file never loses the others.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field, fields, replace
from typing import Any, Callable

from core.landscape.surfaces import KAPPA_RANGE, MAX_COORDINATE, SURFACES
from core.optimizers import OPTIMIZERS

SUB_VIEWS = ("race", "network", "cnn")  # "Textbook surfaces", "Your network", "Your CNN"
DEFAULT_SURFACE = "himmelblau"
DEFAULT_OPTIMIZERS = ("sgd", "momentum", "adam")
DEFAULT_STEPS = 300
STEPS_RANGE = (10, 5000)  # the steps box's range
SPEED_RANGE = (0.1, 10.0)  # gui.style.clock's MIN_SPEED, MAX_SPEED (that module imports Qt; a test checks both agree)
DIRECTIONS = ("random", "pca")
RESOLUTION_RANGE = (11, 101)
NETWORK_RESOLUTION, CNN_RESOLUTION = 41, 21  # a CNN's loss costs far more per grid point: a coarser default


# ----------------------------------------------------------------------------- checks: value → value, or raise
def _number(value: Any, low: float = -math.inf, high: float = math.inf) -> float:
    if not isinstance(value, numbers.Real) or isinstance(value, bool) or not math.isfinite(value):
        raise ValueError(value)
    if not low <= value <= high:
        raise ValueError(value)
    return float(value)


def _whole(value: Any, low: int, high: int) -> int:
    if not isinstance(value, numbers.Integral) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError(value)
    return int(value)


def _choice(options) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in options:
            raise ValueError(value)
        return value
    return check


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(value)
    return value


def _optimizers(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or any(name not in OPTIMIZERS for name in value):
        raise ValueError(value)
    return tuple(name for name in OPTIMIZERS if name in value)  # racing order, each once


def _point(value: Any) -> tuple[float, float]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or len(value) != 2:
        raise ValueError(value)
    return tuple(_number(v, -MAX_COORDINATE, MAX_COORDINATE) for v in value)


def _learning_rate(value: Any) -> float:
    rate = _number(value)
    if rate <= 0:
        raise ValueError(value)
    return rate


def _read(default, data: Any, checks: dict[str, Callable[[Any], Any]]):
    """`default` with each key of `data` that passes its check; a wrong or missing key keeps its default."""
    if not isinstance(data, dict):
        return default
    values = {}
    for name, check in checks.items():
        if name in data:
            try:
                values[name] = check(data[name])
            except (ValueError, TypeError):
                pass  # this key falls back; the others still count
    return replace(default, **values)


# ----------------------------------------------------------------------------- the states
@dataclass(frozen=True)
class RaceState:
    """"Textbook surfaces": the surface, the race's settings, and where playback is."""

    surface: str = DEFAULT_SURFACE
    kappa: float = 10.0  # the bowl's condition number (kept while another surface is shown)
    optimizers: tuple[str, ...] = DEFAULT_OPTIMIZERS
    learning_rate: float = SURFACES[DEFAULT_SURFACE].lr
    momentum: float = 0.9
    steps: int = DEFAULT_STEPS
    start: tuple[float, float] = SURFACES[DEFAULT_SURFACE].start
    step: int = 0  # the playback position
    speed: float = 1.0
    arrows: bool = False
    show_3d: bool = True  # the 3-D surface beside the map (or, without OpenGL, the note saying why not)

    def to_dict(self) -> dict[str, Any]:
        data = {item.name: getattr(self, item.name) for item in fields(self)}
        data["optimizers"], data["start"] = list(self.optimizers), list(self.start)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> "RaceState":
        return _read(cls(), data, {
            "surface": _choice(SURFACES), "kappa": lambda v: _number(v, *KAPPA_RANGE), "optimizers": _optimizers,
            "learning_rate": _learning_rate, "momentum": lambda v: _number(v, 0.0, 0.999),
            "steps": lambda v: _whole(v, *STEPS_RANGE), "start": _point, "step": lambda v: _whole(v, 0, STEPS_RANGE[1]),
            "speed": lambda v: _number(v, *SPEED_RANGE), "arrows": _flag, "show_3d": _flag,
        })


@dataclass(frozen=True)
class SliceState:
    """"Your network" or "Your CNN": how the next slice of the loss is taken."""

    directions: str = "random"
    resolution: int = NETWORK_RESOLUTION

    def to_dict(self) -> dict[str, Any]:
        return {"directions": self.directions, "resolution": self.resolution}

    @classmethod
    def from_dict(cls, data: Any, default: "SliceState | None" = None) -> "SliceState":
        """`default`: this panel's own defaults (the CNN's grid is coarser)."""
        return _read(default or cls(), data, {"directions": _choice(DIRECTIONS),
                                              "resolution": lambda v: _whole(v, *RESOLUTION_RANGE)})


def _cnn_default() -> SliceState:
    return SliceState(resolution=CNN_RESOLUTION)


@dataclass(frozen=True)
class LandscapeState:
    """The whole Landscape tab: which sub-view is open, and each sub-view's state."""

    view: str = "race"
    race: RaceState = field(default_factory=RaceState)
    network: SliceState = field(default_factory=SliceState)
    cnn: SliceState = field(default_factory=_cnn_default)

    def to_dict(self) -> dict[str, Any]:
        return {"view": self.view, "race": self.race.to_dict(), "network": self.network.to_dict(),
                "cnn": self.cnn.to_dict()}

    @classmethod
    def from_dict(cls, data: Any) -> "LandscapeState":
        if not isinstance(data, dict):
            return cls()
        view = data.get("view")
        return cls(view=view if view in SUB_VIEWS else "race",
                   race=RaceState.from_dict(data.get("race")),
                   network=SliceState.from_dict(data.get("network")),
                   cnn=SliceState.from_dict(data.get("cnn"), _cnn_default()))
