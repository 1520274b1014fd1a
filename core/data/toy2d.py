"""2-D datasets generated in code, each with a noise level, a train/test split and a seed.

Points live in the square [-6, 6]², as in TensorFlow Playground, so teachers who know
that tool recognise the pictures. Every generator takes (n, noise, rng) and returns
points (n, 2) and targets (n,); `make_dataset` shuffles and splits them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from core.errors import ConfigError, Phrase

DOMAIN = 6.0  # points lie (mostly) in [-DOMAIN, DOMAIN]²
TASKS = ("binary", "multiclass", "regression")

MIN_POINTS, MAX_POINTS = 20, 200_000


@dataclass(frozen=True)
class Dataset:
    """A generated dataset, split into train and test parts (numpy arrays)."""

    name: str
    task: str  # one of TASKS
    class_names: tuple[str, ...]  # empty for regression
    x_train: np.ndarray  # (N, 2) float32 raw points, before feature expansion
    y_train: np.ndarray  # (N,) float32 0/1 (binary), int64 class (multiclass), float32 (regression)
    x_test: np.ndarray
    y_test: np.ndarray
    image_side: int = 0  # 28 when each row is a 28×28 image's pixels (digits), 0 for points in the plane

    @property
    def is_image(self) -> bool:
        return self.image_side > 0

    @property
    def n_outputs(self) -> int:
        """How many output units a network needs for this task."""
        return len(self.class_names) if self.task == "multiclass" else 1


def _circle(n, noise, rng):
    radius = 5.0
    half = n // 2
    inner_r = rng.uniform(0, radius * 0.5, half)
    outer_r = rng.uniform(radius * 0.7, radius, n - half)
    r = np.concatenate([inner_r, outer_r])
    angle = rng.uniform(0, 2 * np.pi, n)
    points = np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1)
    points += rng.normal(0, noise * radius * 0.5, points.shape)
    labels = np.concatenate([np.ones(half), np.zeros(n - half)])
    return points, labels


def _xor(n, noise, rng):
    padding = 0.3
    points = rng.uniform(-5, 5, (n, 2))
    points += np.where(points > 0, padding, -padding)  # keep a gap at the axes
    labels = (points[:, 0] * points[:, 1] >= 0).astype(float)
    points += rng.normal(0, noise * 2.5, points.shape)
    return points, labels


def _gauss(n, noise, rng):
    spread = 0.5 + noise * 3.0
    half = n // 2
    positive = rng.normal(2.0, spread, (half, 2))
    negative = rng.normal(-2.0, spread, (n - half, 2))
    labels = np.concatenate([np.ones(half), np.zeros(n - half)])
    return np.concatenate([positive, negative]), labels


def _spiral(n, noise, rng):
    half = n // 2
    parts, labels = [], []
    for label, delta, count in ((1.0, 0.0, half), (0.0, np.pi, n - half)):
        t = np.linspace(0.0, 1.0, count, endpoint=False)
        r = 5.0 * t
        angle = 1.75 * t * 2 * np.pi + delta
        arm = np.stack([r * np.sin(angle), r * np.cos(angle)], axis=1)
        arm += rng.normal(0, noise * 1.5, arm.shape)
        parts.append(arm)
        labels.append(np.full(count, label))
    return np.concatenate(parts), np.concatenate(labels)


def _moons(n, noise, rng):
    half = n // 2
    upper_angle = rng.uniform(0, np.pi, half)
    lower_angle = rng.uniform(0, np.pi, n - half)
    upper = np.stack([np.cos(upper_angle), np.sin(upper_angle)], axis=1)
    lower = np.stack([1 - np.cos(lower_angle), 0.5 - np.sin(lower_angle)], axis=1)
    points = (np.concatenate([upper, lower]) - [0.5, 0.25]) * 3.5
    points += rng.normal(0, noise * 2.0, points.shape)
    labels = np.concatenate([np.ones(half), np.zeros(n - half)])
    return points, labels


BLOB_CENTRES = np.array([[-3.0, 3.0], [3.0, 3.0], [3.0, -3.0], [-3.0, -3.0]])


def _blobs(n, noise, rng):
    labels = np.arange(n) % len(BLOB_CENTRES)
    points = BLOB_CENTRES[labels] + rng.normal(0, 0.6 + noise * 3.0, (n, 2))
    return points, labels


def _regression_plane(n, noise, rng):
    points = rng.uniform(-DOMAIN, DOMAIN, (n, 2))
    target = (points[:, 0] + points[:, 1]) / (2 * DOMAIN)
    return points, target + rng.normal(0, noise * 0.5, n)


def _regression_bumps(n, noise, rng):
    points = rng.uniform(-DOMAIN, DOMAIN, (n, 2))
    centres = np.array([[-2.5, 2.5], [2.5, -2.5]])
    signs = np.array([1.0, -1.0])
    dist2 = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    target = (signs * np.exp(-dist2 / 8.0)).sum(axis=1)
    return points, target + rng.normal(0, noise * 0.5, n)


def _digits(n, noise, rng):
    """Handwriting-like 28×28 digits (core.data.synthetic_images), as 784 pixel values in [0, 1]."""
    from core.data.synthetic_images import make_digits  # Pillow drawing: only loaded when asked for

    images, labels = make_digits(n, seed=int(rng.integers(2**31 - 1)))
    pixels = images.reshape(n, -1).astype(np.float64) / 255.0
    pixels += rng.normal(0, noise * 0.5, pixels.shape) if noise > 0 else 0.0
    return np.clip(pixels, 0.0, 1.0), labels


@dataclass(frozen=True)
class DatasetSpec:
    task: str
    class_names: tuple[str, ...]
    generate: Callable[[int, float, np.random.Generator], tuple[np.ndarray, np.ndarray]]
    description: str
    image_side: int = 0  # the inputs are a side×side image, not a point in the plane
    # Images are drawn one by one (about 1–2 ms each on a laptop): more than this would keep a
    # class waiting minutes before the first step, so it is refused up front.
    max_points: int = MAX_POINTS


MAX_DRAWN_IMAGES = 10_000
_BINARY = ("negative", "positive")
DATASETS: dict[str, DatasetSpec] = {
    "circle": DatasetSpec("binary", _BINARY, _circle, "A disc of one class inside a ring of the other."),
    "xor": DatasetSpec("binary", _BINARY, _xor, "Opposite quadrants share a class: no straight line separates them."),
    "gauss": DatasetSpec("binary", _BINARY, _gauss, "Two Gaussian clouds: the easy, linearly separable case."),
    "spiral": DatasetSpec("binary", _BINARY, _spiral, "Two interleaved spirals: hard, needs depth or good features."),
    "moons": DatasetSpec("binary", _BINARY, _moons, "Two interlocking half moons."),
    "blobs": DatasetSpec("multiclass", ("A", "B", "C", "D"), _blobs, "Four Gaussian blobs, one class each (softmax)."),
    "reg-plane": DatasetSpec("regression", (), _regression_plane, "Regression: the target rises along a tilted plane."),
    "reg-bumps": DatasetSpec("regression", (), _regression_bumps, "Regression: a hill and a valley."),
    "digits": DatasetSpec("multiclass", tuple("0123456789"), _digits,
                          "Handwritten-style digits, 28×28 pixels = 784 inputs (an MNIST-sized network).", 28,
                          MAX_DRAWN_IMAGES),
}


def make_dataset(
    name: str,
    n_points: int = 500,
    noise: float = 0.0,
    train_fraction: float = 0.5,
    seed: int = 0,
) -> Dataset:
    """Generate dataset `name` deterministically from `seed` and split it into train and test."""
    if name not in DATASETS:
        raise ConfigError(
            "Unknown dataset '{name}'; choose one of: {choices}.",
            name=name, choices=", ".join(DATASETS),
        )
    whole = not isinstance(n_points, bool) and isinstance(n_points, (int, np.integer))
    if not whole or not MIN_POINTS <= n_points <= MAX_POINTS:
        raise ConfigError(
            "The number of points must be between {min_points} and {max_points}, not {n_points}.",
            min_points=MIN_POINTS, max_points=MAX_POINTS, n_points=n_points,
        )
    noise = _number(noise, Phrase("Noise"))
    if not 0.0 <= noise <= 1.0:  # NaN fails this test too
        raise ConfigError("Noise must be between 0 and 1 (0% to 100%), not {noise:g}.", noise=noise)
    noise += 0.0  # -0.0 becomes 0.0: numpy refuses a normal distribution whose scale has its sign bit set
    train_fraction = _number(train_fraction, Phrase("The training share"))
    if not 0.1 <= train_fraction <= 0.9:
        raise ConfigError(
            "The training share must be between 0.1 and 0.9, not {train_fraction:g}.",
            train_fraction=train_fraction,
        )
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed < 2**63:
        raise ConfigError("The seed must be a whole number from 0 to {max_seed}, not {seed}.",
                          max_seed=2**63 - 1, seed=str(seed)[:40])
    n_points, seed = int(n_points), int(seed)
    spec = DATASETS[name]
    if n_points > spec.max_points:
        raise ConfigError(
            "The {name} dataset is drawn image by image: use at most {max_points} points, not {n_points} "
            "(drawing that many would take minutes).",
            name=name, max_points=spec.max_points, n_points=n_points,
        )
    rng = np.random.default_rng(seed)
    points, targets = spec.generate(n_points, noise, rng)
    order = rng.permutation(n_points)
    points = points[order].astype(np.float32)
    targets = targets[order]
    targets = targets.astype(np.int64) if spec.task == "multiclass" else targets.astype(np.float32)
    n_train = int(round(n_points * train_fraction))
    return Dataset(
        name=name,
        task=spec.task,
        class_names=spec.class_names,
        x_train=points[:n_train],
        y_train=targets[:n_train],
        x_test=points[n_train:],
        y_test=targets[n_train:],
        image_side=spec.image_side,
    )


def _number(value, what: Phrase) -> float:
    """`value` as a float, or the ConfigError that names `what` (a string or None is not a number)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ConfigError("{what} must be a number, not {value}.", what=what, value=str(value)[:40])
    return float(value)
