"""Network inputs back into pixels a class can look at: the model's normalisation undone, nearest-neighbour images.

The top images and the dream are in the network's input units ((pixel − mean) / std per channel);
a person wants the picture. Numpy and Qt only: no torch here (views never run it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from PySide6.QtGui import QImage


def normalisation(preprocessing: Mapping, channels: int) -> tuple[np.ndarray, np.ndarray]:
    """(mean, std) per channel from a model's or an image set's preprocessing; 0 and 1 where it says none."""
    mean = np.atleast_1d(np.asarray(preprocessing.get("mean", 0.0), dtype=np.float32))
    std = np.atleast_1d(np.asarray(preprocessing.get("std", 1.0), dtype=np.float32))
    mean = mean if len(mean) in (1, channels) else np.zeros(1, np.float32)
    std = std if len(std) in (1, channels) and np.all(std > 0) else np.ones(1, np.float32)
    return (np.broadcast_to(mean, (channels,)).astype(np.float32),
            np.broadcast_to(std, (channels,)).astype(np.float32))


def to_pixels(images: np.ndarray, mean: Sequence[float], std: Sequence[float]) -> np.ndarray:
    """uint8 RGB (k, H, W, 3) for float (k, C, H, W) network inputs: x·std + mean, clipped to 0..1.

    One channel is shown grey; any count other than 1 or 3 shows its first channel grey.
    """
    array = np.asarray(images, dtype=np.float32)
    if array.ndim == 3:
        array = array[None]
    channels = array.shape[1]
    mean = np.asarray(mean, dtype=np.float32).reshape(1, -1, 1, 1)
    std = np.asarray(std, dtype=np.float32).reshape(1, -1, 1, 1)
    values = np.nan_to_num(array * std + mean, nan=0.0, posinf=1.0, neginf=0.0)
    values = np.rint(np.clip(values, 0.0, 1.0) * 255).astype(np.uint8)
    if channels != 3:
        values = np.repeat(values[:, :1], 3, axis=1)
    return np.ascontiguousarray(values.transpose(0, 2, 3, 1))


def qimage(pixels: np.ndarray) -> QImage:
    """A QImage (its own copy) of one uint8 H×W×3 picture."""
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = pixels.shape[:2]
    return QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
