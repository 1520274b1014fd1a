"""TrainingState: everything the training session and the Training tab show and the saved settings hold.

Plain Python (no Qt), so sessions and lessons can save it and tests can compare it. The
settings panel, the device menu and the speed box are built from it and report changes
to it; `to_dict`/`from_dict` are what is saved, and a value that no longer reads falls
back to its default alone, without taking the other values with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from core.errors import GlassboxError
from core.mlp.config import TrainConfig

# The speeds offered, in steps per second (None: as fast as the machine goes), fastest first.
SPEED_RATES: tuple[float | None, ...] = (None, 1000.0, 100.0, 30.0, 10.0, 3.0, 1.0)
DEVICES = ("auto", "cpu", "cuda")


@dataclass(frozen=True)
class TrainingState:
    """The running network's settings (dataset, layers, optimizer, device) and the chosen training speed."""

    config: TrainConfig = field(default_factory=TrainConfig)
    speed_index: int = 0  # into SPEED_RATES

    @property
    def device(self) -> str:
        """"auto", "cpu" or "cuda": the Device menu's choice."""
        return self.config.device

    @property
    def steps_per_second(self) -> float | None:
        return SPEED_RATES[self.speed_index]

    def with_config(self, config: TrainConfig) -> "TrainingState":
        return replace(self, config=config)

    def with_speed(self, speed_index: int) -> "TrainingState":
        return replace(self, speed_index=_speed_index(speed_index))

    def to_dict(self) -> dict[str, Any]:
        return {"config": self.config.to_dict(), "speed_index": self.speed_index}

    @classmethod
    def from_dict(cls, data: Any) -> "TrainingState":
        """Read what `to_dict` wrote; each key that is missing or no longer valid takes its default."""
        data = data if isinstance(data, dict) else {}
        return cls(config=_config(data.get("config")), speed_index=_speed_index(data.get("speed_index", 0)))


def _config(value: Any) -> TrainConfig:
    if not isinstance(value, dict):
        return TrainConfig()
    try:
        return TrainConfig.from_dict(value)
    except (GlassboxError, TypeError, ValueError):
        return TrainConfig()


def _speed_index(value: Any) -> int:
    try:
        index = int(value)
    except (TypeError, ValueError):
        return 0
    return index if 0 <= index < len(SPEED_RATES) else 0
