"""NetworkState: everything the Network tab shows, as plain Python (no Qt), for sessions and lessons.

The tab is restored from one (`NetworkTab.apply_state`) and says what it shows as one
(`NetworkTab.state`, and `state_changed` when it changes). `to_dict` and `from_dict`
write and read it as JSON-ready values; `from_dict` keeps every good key and falls back
to the default for each key that is missing or wrong, so an old or hand-edited file still opens.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any

PHASES = ("forward", "loss", "backward", "update")  # of a step-through, in lesson order
MIN_SPEED, MAX_SPEED = 0.1, 10.0  # as gui.style.clock, which cannot be imported here (it is Qt); a test checks

EDGE_LIMIT_CHOICES = (2, 4, 8, 16, 32)  # "strongest k incoming edges per neuron" in the toolbar
EDGE_MODES = ("auto", "all")  # auto thins only layers with thousands of edges; all draws every weight


@dataclass(frozen=True)
class NetworkState:
    example_index: int | None = None  # the training example whose pass is on screen; None: the live network
    phase: str | None = None  # where the step-through stands: forward, loss, backward or update (None: no pass)
    layer: int = 0  # linear layer of that phase (-1: every layer, for the update)
    fraction: float = 1.0  # how far that layer's animation has run, 0..1
    speed: float = 1.0  # animation speed, 0.1× … 10×
    edge_limit: int | str = "auto"  # strongest k incoming edges per neuron (k in EDGE_LIMIT_CHOICES), "auto" or "all"
    inspected_neuron: tuple[int, int] | None = None  # (linear layer, neuron) open in the inspector
    show_toolbar: bool = True  # the step-through controls (hidden in pictures for slides)
    show_boundary: bool = True  # the output map over the input plane (never shown for image inputs)
    show_gradients: bool = True  # the gradient size per layer
    editable: bool = True  # ± buttons and activation menus on the graph

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.inspected_neuron is not None:
            data["inspected_neuron"] = list(self.inspected_neuron)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> NetworkState:
        """A state from `to_dict` output; each missing or invalid key takes its default."""
        if not isinstance(data, dict):
            return cls()
        defaults = cls()
        values = {}
        for field in fields(cls):
            if field.name in data:
                checked = _CHECKS[field.name](data[field.name])
                if checked is not _INVALID:
                    values[field.name] = checked
                    continue
            values[field.name] = getattr(defaults, field.name)
        if values["phase"] is None or values["example_index"] is None:
            values["phase"] = values["example_index"] = None  # a position needs both an example and a phase
        return cls(**values)


_INVALID = object()


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _example(value: Any):
    return value if value is None or (_whole(value) and value >= 0) else _INVALID


def _phase(value: Any):
    return value if value is None or value in PHASES else _INVALID


def _layer(value: Any):
    return value if _whole(value) and value >= -1 else _INVALID


def _fraction(value: Any):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        return _INVALID
    return float(value)


def _speed(value: Any):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return _INVALID
    return float(value) if MIN_SPEED <= value <= MAX_SPEED else _INVALID


def _edge_limit(value: Any):
    return value if value in EDGE_MODES or (_whole(value) and value in EDGE_LIMIT_CHOICES) else _INVALID


def _neuron(value: Any):
    if value is None:
        return None
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(_whole(v) and v >= 0 for v in value):
        return int(value[0]), int(value[1])
    return _INVALID


def _flag(value: Any):
    return value if isinstance(value, bool) else _INVALID


_CHECKS = {
    "example_index": _example, "phase": _phase, "layer": _layer, "fraction": _fraction, "speed": _speed,
    "edge_limit": _edge_limit, "inspected_neuron": _neuron, "show_toolbar": _flag, "show_boundary": _flag,
    "show_gradients": _flag, "editable": _flag,
}
