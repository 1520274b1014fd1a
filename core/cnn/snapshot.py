"""The convolution lab's model as a session part: a shipped model by name, or weights trained in the lab.

A part is JSON-able `meta` plus named numpy arrays (core/session/parts.py), so a session
file never holds anything that could execute. Reading one back trusts nothing: the
architecture must be a known one, the class names plain short texts, every array exactly
the shape the architecture gives for that many classes, finite, and nothing extra.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np

from core.errors import GlassboxError, SessionError
from core.nets.cnn import MAX_CLASSES, build_cnn, cnn_spec
from core.nets.model_store import ModelInfo
from core.session.parts import Part

FORMAT = 1
NAMED, TRAINED = "named", "trained"  # meta["kind"]: a model chosen by name, or weights carried in the part
MAX_NAME = 100
MAX_META_ENTRIES = 32
MAX_ABS_WEIGHT = 1e6


@dataclass(frozen=True)
class LabModel:
    """What a part says the lab was looking through: `name` alone for a named model, else info and weights."""

    name: str
    info: ModelInfo | None = None
    weights: dict[str, np.ndarray] | None = None

    @property
    def trained(self) -> bool:
        return self.weights is not None


def part_from_model(name: str, info: ModelInfo | None = None, weights: Mapping[str, np.ndarray] | None = None) -> Part:
    """A part for the model called `name`: by name only (a shipped or saved model) unless `weights` are given.

    With `weights` (the state dict as numpy arrays, e.g. a network trained in the lab), `info`
    says its architecture, classes and preprocessing; the arrays are copied as float32.
    """
    if weights is None:
        return Part(meta={"format": FORMAT, "kind": NAMED, "name": str(name)})
    if info is None:
        raise SessionError("The lab's trained network has no description, so it cannot be saved in a session.")
    meta = {"format": FORMAT, "kind": TRAINED, "name": str(name), "architecture": info.architecture,
            "class_names": [str(c) for c in info.class_names], "preprocessing": _plain(dict(info.preprocessing)),
            "training": _plain(dict(info.training))}
    arrays = {key: np.array(value, dtype=np.float32, copy=True) for key, value in weights.items()}
    return Part(meta=meta, arrays=arrays)


def model_from_part(part: Part) -> LabModel:
    """The lab's model from a session part, checked; SessionError (one sentence) when anything is off."""
    meta = part.meta if isinstance(part.meta, Mapping) else None
    if meta is None or meta.get("format") != FORMAT:
        raise SessionError("The session's lab model has an unknown format; it was written by another Glassbox.")
    name = meta.get("name")
    if not isinstance(name, str) or not name or len(name) > MAX_NAME:
        raise SessionError("The session's lab model has no usable name.")
    kind = meta.get("kind")
    if kind == NAMED:
        if part.arrays:
            raise SessionError("The session's lab model '{name}' is named, yet it carries weights.", name=name)
        return LabModel(name)
    if kind != TRAINED:
        raise SessionError("The session's lab model '{name}' is of an unknown kind.", name=name)
    info = _info(meta, name)
    return LabModel(name, info, _weights(part.arrays, info, name))


def _info(meta: Mapping[str, Any], name: str) -> ModelInfo:
    architecture = meta.get("architecture")
    try:
        cnn_spec(str(architecture))
    except GlassboxError:
        raise SessionError("The session's lab model '{name}' has an unknown architecture.", name=name) from None
    classes = meta.get("class_names")
    if (not isinstance(classes, list) or not 2 <= len(classes) <= MAX_CLASSES
            or not all(isinstance(c, str) and 0 < len(c) <= MAX_NAME for c in classes)
            or len(set(classes)) != len(classes)):
        raise SessionError("The session's lab model '{name}' needs 2 to {most} different class names.",
                           name=name, most=MAX_CLASSES)
    preprocessing, training = meta.get("preprocessing", {}), meta.get("training", {})
    for entry in (preprocessing, training):
        if not isinstance(entry, dict) or len(entry) > MAX_META_ENTRIES or not all(isinstance(k, str) for k in entry):
            raise SessionError("The session's lab model '{name}' has an unreadable description.", name=name)
    info = ModelInfo(name, architecture, tuple(classes), preprocessing, training)
    try:
        from core.cnn.analysis import preprocessing_of  # the same check the lab makes of a stored model
        preprocessing_of(info)
    except GlassboxError:
        raise SessionError("The session's lab model '{name}' has unusable preprocessing settings.", name=name) from None
    return info


def expected_shapes(architecture: str, classes: int) -> dict[str, tuple[int, ...]]:
    """The state dict's shapes for `architecture` with `classes` outputs, without making a single weight:
    the network is built on torch's "meta" device (shapes only), so a session opens without training-sized
    work on the GUI thread."""
    import torch
    with torch.device("meta"):
        model = build_cnn(architecture, classes)
    return {key: tuple(value.shape) for key, value in model.state_dict().items()}


def _weights(arrays: Mapping[str, np.ndarray], info: ModelInfo, name: str) -> dict[str, np.ndarray]:
    expected = expected_shapes(info.architecture, len(info.class_names))
    if set(arrays) != set(expected):
        raise SessionError("The session's lab model '{name}' does not have the weights its architecture needs.",
                           name=name)
    weights = {}
    for key, shape in expected.items():
        value = np.asarray(arrays[key])
        if value.shape != shape or value.dtype.kind != "f":
            raise SessionError("The session's lab model '{name}' has weights of the wrong shape ({key}).",
                               name=name, key=key)
        if not np.all(np.isfinite(value)) or (value.size and float(np.abs(value).max()) > MAX_ABS_WEIGHT):
            raise SessionError("The session's lab model '{name}' has weights that are not finite numbers ({key}).",
                               name=name, key=key)
        weights[key] = np.array(value, dtype=np.float32, copy=True)
    return weights


def _plain(value):
    """JSON-able copies: tuples become lists, numpy numbers plain numbers."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value
