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


MAX_HISTORY_ROWS = 2000  # a saved curve keeps at most this many points, evenly thinned, the newest always kept
HISTORY_COLUMNS = 6  # core.mlp.reports.METRICS: step, epoch, train_loss, test_loss, train_accuracy, test_accuracy


@dataclass(frozen=True)
class CurvesState:
    """The Training tab's curves: the metrics history so far, as rows of METRICS (NaN where none).

    Its dictionary has one key, "history", so a session can keep it in the same entry as the
    TrainingState ({**state.to_dict(), **curves.to_dict()}): each `from_dict` reads only its own keys.
    """

    rows: tuple[tuple[float, ...], ...] = ()

    @classmethod
    def of_rows(cls, rows) -> "CurvesState":
        rows = [tuple(float(value) for value in row) for row in rows]
        if len(rows) > MAX_HISTORY_ROWS:
            stride = -(-len(rows) // (MAX_HISTORY_ROWS - 1))
            rows = rows[:-1:stride] + [rows[-1]]
        return cls(tuple(rows))

    def to_dict(self) -> dict[str, Any]:
        return {"history": [[value if value == value else None for value in row] for row in self.rows]}

    @classmethod
    def from_dict(cls, data: Any) -> "CurvesState":
        """Read what `to_dict` wrote; rows that do not read (or go back in steps) are left out."""
        history = data.get("history") if isinstance(data, dict) else None
        if not isinstance(history, list):
            return cls()
        rows, last_step = [], float("-inf")
        for row in history[: 4 * MAX_HISTORY_ROWS]:
            values = _row(row)
            if values is None or values[0] < last_step:
                continue
            rows.append(values)
            last_step = values[0]
        return cls.of_rows(rows)


def _row(row: Any) -> tuple[float, ...] | None:
    if not isinstance(row, list) or len(row) != HISTORY_COLUMNS:
        return None
    values = []
    for value in row:
        if value is None:
            values.append(float("nan"))
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 1e300:
            values.append(float(value))
        else:
            return None
    if values[0] != values[0] or values[0] < 0:
        return None
    return tuple(values)
