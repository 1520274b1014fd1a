"""Input features computed from a 2-D point, as in TensorFlow Playground.

Giving the network x1² or sin x1 lets a class see how good features make a small
network's job easy (a circle is a straight line in x1², x2²).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from core.errors import ConfigError

# Keys used in settings and on the command line, in display order.
FEATURES = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")

# What a person reads on screen.
FEATURE_LABELS = {
    "x1": "x₁",
    "x2": "x₂",
    "x1^2": "x₁²",
    "x2^2": "x₂²",
    "x1*x2": "x₁·x₂",
    "sin(x1)": "sin x₁",
    "sin(x2)": "sin x₂",
}

_COMPUTE = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 * x1,
    "x2^2": lambda x1, x2: x2 * x2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: np.sin(x1),
    "sin(x2)": lambda x1, x2: np.sin(x2),
}


def check_features(features: Sequence[str]) -> tuple[str, ...]:
    """Return the features as a tuple in canonical order, or raise ConfigError."""
    unknown = [name for name in features if name not in _COMPUTE]
    if unknown:
        raise ConfigError(
            "Unknown input feature '{name}'; choose from: {choices}.",
            name=unknown[0], choices=", ".join(FEATURES),
        )
    if not features:
        raise ConfigError("Choose at least one input feature (for example x1 and x2).")
    chosen = set(features)
    return tuple(name for name in FEATURES if name in chosen)


def expand_features(points: np.ndarray, features: Sequence[str]) -> np.ndarray:
    """Map (N, 2) points to the (N, len(features)) float32 matrix the network reads."""
    points = np.asarray(points, dtype=np.float64)
    x1, x2 = points[:, 0], points[:, 1]
    columns = [_COMPUTE[name](x1, x2) for name in check_features(features)]
    return np.stack(columns, axis=1).astype(np.float32)


def network_inputs(points: np.ndarray, features: Sequence[str], is_image: bool) -> np.ndarray:
    """What layer 1 reads: the chosen features of 2-D points, or an image's pixels as they are."""
    if is_image:
        return np.ascontiguousarray(points, dtype=np.float32)
    return expand_features(points, features)


def input_names(features: Sequence[str], n_inputs: int, is_image: bool) -> tuple[str, ...]:
    """Names of layer 1's inputs: the features, or p1…p784 for an image's pixels."""
    if is_image:
        return tuple(f"p{index + 1}" for index in range(n_inputs))
    return tuple(check_features(features))
