"""A Trainer as a session Part, and back: training goes on exactly as if it had never stopped.

The part holds everything the next step depends on: the settings, every parameter, the
initial weights (the landscape's line starts there), the last finite weights (the
rollback target), the optimizer's per-parameter state, the batch generator's RNG
state, the current batch order and cursor, the step count, and optionally the recorded
path the landscape slices (a TrajectoryRecorder's points, passed in duck-typed because
core.mlp sits below core.landscape). The dataset is not stored: it is generated
deterministically from the settings.

`part_from_trainer` is Trainer.snapshot; `trainer_from_part` is Trainer.from_snapshot,
which believes nothing: settings, every array's presence, dtype, shape and range are
checked, and anything wrong is a SessionError in one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from core.errors import ConfigError, DeviceError, SessionError
from core.mlp.config import TrainConfig
from core.session.parts import Part

if TYPE_CHECKING:
    from core.mlp.trainer import Trainer

KIND = "mlp-trainer"
VERSION = 1
# The per-parameter state each optimizer keeps once it has stepped ("step" is a 0-d float32 tensor).
OPTIMIZER_STATE = {
    "sgd": (),
    "momentum": ("momentum_buffer",),
    "nesterov": ("momentum_buffer",),
    "adagrad": ("step", "sum"),
    "rmsprop": ("step", "square_avg"),
    "adam": ("step", "exp_avg", "exp_avg_sq"),
    "adamw": ("step", "exp_avg", "exp_avg_sq"),
}
NON_NEGATIVE_STATE = {"sum", "square_avg", "exp_avg_sq", "step"}
MAX_WEIGHT = 1e12  # beyond this a weight is absurd (a typed weight stops at 1e6)
MAX_STEPS = 10**12
MAX_PATH_POINTS = 100_000
META_KEYS = {"kind", "version", "config", "step_count", "cursor", "rolled_back", "optimizer_state", "path"}


@dataclass(frozen=True)
class RecordedPath:
    """A TrajectoryRecorder's contents as plain arrays (core.session.training turns it back into one)."""

    vectors: np.ndarray  # (n, n_parameters) float32, oldest first
    steps: np.ndarray  # (n,) int64, the training step of each vector
    every: int
    max_points: int
    max_bytes: int


def _numpy(tensor: torch.Tensor) -> np.ndarray:
    return tensor.detach().to("cpu").numpy().copy()


def part_from_trainer(trainer: "Trainer", recorder=None) -> Part:
    """Everything needed to continue `trainer` exactly; `recorder` (a TrajectoryRecorder) adds its path."""
    arrays: dict[str, np.ndarray] = {}
    for index, param in enumerate(trainer._params):
        arrays[f"parameters/{index}"] = _numpy(param)
    arrays["initial_weights"] = _numpy(trainer.initial_weights).astype(np.float32, copy=False)
    arrays["last_finite"] = _numpy(trainer._last_finite)
    arrays["batch_rng"] = _numpy(trainer._batch_generator.get_state())
    arrays["batch_order"] = _numpy(trainer._order).astype(np.int64, copy=False)
    state = trainer.optimizer.state_dict()["state"]
    keys = sorted(state.get(0, {}))
    for index in range(len(trainer._params)):
        for key in keys:
            value = state[index][key]
            value = value if isinstance(value, torch.Tensor) else torch.tensor(float(value))
            arrays[f"optimizer/{index}/{key}"] = _numpy(value).astype(np.float32, copy=False)
    path = None
    if recorder is not None and len(recorder.vectors):
        arrays["path/vectors"] = np.stack([_numpy(vector).reshape(-1) for vector in recorder.vectors]).astype(
            np.float32, copy=False)
        arrays["path/steps"] = np.asarray(recorder.steps, dtype=np.int64)
        path = {"every": int(recorder.every), "max_points": int(recorder.max_points),
                "max_bytes": int(recorder.max_bytes)}
    meta = {
        "kind": KIND,
        "version": VERSION,
        "config": trainer.config.to_dict(),
        "step_count": int(trainer.step_count),
        "cursor": int(trainer._cursor),
        "rolled_back": bool(trainer._rolled_back),
        "optimizer_state": keys,
        "path": path,
    }
    return Part(meta=meta, arrays=arrays)


# ============================================================================ restoring
def _damaged(what: str) -> SessionError:
    return SessionError("The session's trained network is damaged ({what}); ask for a fresh copy of the session.",
                        what=what)


def _whole(meta: dict, key: str, low: int, high: int) -> int:
    value = meta.get(key)
    if type(value) is not int or not low <= value <= high:
        raise _damaged(key)
    return value


def _array(arrays: dict, name: str, dtype, shape: tuple[int, ...], limit: float | None = MAX_WEIGHT) -> np.ndarray:
    array = arrays.get(name)
    if not isinstance(array, np.ndarray) or array.dtype != np.dtype(dtype) or array.shape != tuple(shape):
        raise _damaged(name)
    if array.dtype.kind == "f" and not np.isfinite(array).all():
        raise _damaged(name)
    if limit is not None and array.size and np.abs(array).max() > limit:
        raise _damaged(name)
    return array


def _config(meta: dict, device: str | None) -> TrainConfig:
    data = meta.get("config")
    names = {field.name for field in fields(TrainConfig)}
    if not isinstance(data, dict) or set(data) != names:
        raise _damaged("config")
    if device is not None:
        data = {**data, "device": device}
    try:
        return TrainConfig.from_dict(data)
    except (ConfigError, TypeError, ValueError, AttributeError, KeyError):  # a hostile value of any JSON type
        raise SessionError("The session's training settings are not valid; ask for a fresh copy of the session.") \
            from None


def trainer_from_part(part: Part, device: str | None = None) -> "Trainer":
    """A Trainer that continues exactly where the snapshot's trainer stood; SessionError if the part is wrong.

    `device` overrides the saved one ("cpu", "cuda", "auto"); a session saved on a CUDA
    machine opens on the CPU where there is no CUDA.
    """
    from core.mlp.trainer import Trainer

    if not isinstance(part, Part) or not isinstance(part.meta, dict) or not isinstance(part.arrays, dict):
        raise _damaged("part")
    meta, arrays = part.meta, part.arrays
    if meta.get("kind") != KIND:
        raise SessionError("The session's network part is not a trained network Glassbox can read.")
    version = meta.get("version")
    if type(version) is not int or version < 1:
        raise _damaged("version")
    if version > VERSION:
        raise SessionError("The session's trained network was saved by a newer Glassbox; update Glassbox to open it.")
    if set(meta) != META_KEYS:
        raise _damaged("meta")
    config = _config(meta, device)
    try:
        trainer = Trainer(config)
    except DeviceError:
        trainer = Trainer(TrainConfig.from_dict({**config.to_dict(), "device": "auto"}))
    _restore(trainer, meta, arrays)
    return trainer


def _restore(trainer: "Trainer", meta: dict, arrays: dict[str, Any]) -> None:
    expected: set[str] = set()

    def take(name, dtype, shape, limit=MAX_WEIGHT):
        expected.add(name)
        return _array(arrays, name, dtype, shape, limit)

    step_count = _whole(meta, "step_count", 0, MAX_STEPS)
    cursor = _whole(meta, "cursor", 0, trainer.n_train + 10**6)
    rolled_back = meta.get("rolled_back")
    if not isinstance(rolled_back, bool):
        raise _damaged("rolled_back")
    params = trainer._params
    values = [take(f"parameters/{index}", np.float32, tuple(param.shape)) for index, param in enumerate(params)]
    n_parameters = sum(param.numel() for param in params)
    initial = take("initial_weights", np.float32, (n_parameters,))
    last_finite = take("last_finite", np.float32, (n_parameters,))
    rng_shape = tuple(trainer._batch_generator.get_state().shape)
    rng = take("batch_rng", np.uint8, rng_shape, None)
    order = arrays.get("batch_order")
    order_shape = (0,) if isinstance(order, np.ndarray) and order.shape == (0,) else (trainer.n_train,)
    order = take("batch_order", np.int64, order_shape, None)
    if order.size and not np.array_equal(np.sort(order), np.arange(trainer.n_train)):
        raise _damaged("batch_order")
    optimizer_state = _optimizer_state(trainer, meta, take)
    path = _path(meta, arrays, take, n_parameters, step_count)
    extra = sorted(set(arrays) - expected)
    if extra:
        raise _damaged(str(extra[0])[:60])

    device = trainer.device
    with torch.no_grad():
        for param, value in zip(params, values):
            param.copy_(torch.from_numpy(value))
    trainer.initial_weights = torch.from_numpy(initial.copy())
    trainer._last_finite = torch.from_numpy(last_finite.copy()).to(device)
    try:
        trainer._batch_generator.set_state(torch.from_numpy(rng.copy()))
    except RuntimeError:
        raise _damaged("batch_rng") from None
    trainer._order = torch.from_numpy(order.copy()).to(device)
    trainer._cursor = cursor
    trainer.step_count = step_count
    trainer._rolled_back = rolled_back
    if optimizer_state is not None:
        state_dict = trainer.optimizer.state_dict()
        state_dict["state"] = optimizer_state
        trainer.optimizer.load_state_dict(state_dict)
    trainer.recorded_path = path


def _optimizer_state(trainer: "Trainer", meta: dict, take) -> dict | None:
    """{param index: {key: tensor}} for the optimizer, or None for "no state yet" (a fresh optimizer)."""
    keys = meta.get("optimizer_state")
    allowed = OPTIMIZER_STATE[trainer.config.optimizer]
    if not isinstance(keys, list) or (keys and sorted(keys) != sorted(allowed)) or len(set(keys)) != len(keys):
        raise _damaged("optimizer_state")
    if not keys:
        if trainer.optimizer.state_dict()["state"]:  # this optimizer always holds state (AdaGrad)
            raise _damaged("optimizer_state")
        return None
    state: dict[int, dict[str, torch.Tensor]] = {}
    for index, param in enumerate(trainer._params):
        entry = {}
        for key in keys:
            shape = () if key == "step" else tuple(param.shape)
            name = f"optimizer/{index}/{key}"
            value = take(name, np.float32, shape, 1e30 if key != "step" else float(MAX_STEPS))
            if key in NON_NEGATIVE_STATE and value.size and value.min() < 0:
                raise _damaged(name)
            if key == "step" and not float(value).is_integer():
                raise _damaged(name)
            entry[key] = torch.from_numpy(value.copy())
        state[index] = entry
    return state


def _path(meta: dict, arrays: dict, take, n_parameters: int, step_count: int) -> RecordedPath | None:
    settings = meta.get("path")
    if settings is None:
        return None
    if not isinstance(settings, dict) or set(settings) != {"every", "max_points", "max_bytes"}:
        raise _damaged("path")
    every = _whole(settings, "every", 1, MAX_STEPS)
    max_points = _whole(settings, "max_points", 3, MAX_PATH_POINTS)
    max_bytes = _whole(settings, "max_bytes", 1, 2**40)
    vectors = arrays.get("path/vectors")
    count = vectors.shape[0] if isinstance(vectors, np.ndarray) and vectors.ndim == 2 else -1
    if not 1 <= count <= MAX_PATH_POINTS:
        raise _damaged("path/vectors")
    vectors = take("path/vectors", np.float32, (count, n_parameters))
    steps = take("path/steps", np.int64, (count,), None)
    if steps.min() < 0 or steps.max() > step_count or (np.diff(steps) < 0).any():
        raise _damaged("path/steps")
    return RecordedPath(vectors.copy(), steps.copy(), every, max_points, max_bytes)
