"""The training worker's confusion matrix: when to count it, how many held-out pictures, and what it sends.

CnnTrainingWorker owns one ConfusionCounter and runs it in its own thread. Counting is a forward pass over
held-out pictures, so it runs only while someone looks (the confusion window is open), at most every
CONFUSION_EVERY_S seconds while training plays, and at once after a pause, a step, a reset and a new run.
The number of pictures counted is capped per architecture so that one count stays well under 0.3 s on a
2-core CPU (measured here on a quiet machine with one torch thread: 2,000 digits in 0.14 s; 2,000
CIFAR-sized photos in 0.44 s, so 600 in about 0.13 s; 2,000 64×64 colour pictures in 1.8 s, so 200 in
about 0.18 s); the view says how many of the held-out pictures that is. The pixels of the pictures
counted go to the GUI once per run (uint8, as a person sees them), so a clicked cell shows its pictures
without asking the worker.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from core.cnn.confusion import Confusion, confusion_of_set
from core.cnn.image_sets import ImageSet
from gui.threads import Clock, follow

CONFUSION_EVERY_S = 2.0  # while training plays: often enough to watch it change, rarely enough to cost little
CONFUSION_LIMITS = {"digits": 2000, "cifar": 600, "shapes": 200}  # held-out pictures counted, per architecture
DEFAULT_LIMIT = 200  # an architecture not measured above: the slowest measured one's cap
COUNT_BATCH = 100  # pictures per forward pass: the stop flag is asked between them (a few ms each)


@dataclass(frozen=True, eq=False)
class ConfusionReport:
    """One count of the network in training, for the GUI (numpy only)."""

    step: int  # the training step the weights are at
    confusion: Confusion
    held_out: int  # the held-out pictures of the set; the matrix counts the first confusion.total of them
    pixels: np.ndarray | None  # (N, H, W, C) uint8 of the pictures counted: sent once per run, else None


def limit_for(architecture: str) -> int:
    return CONFUSION_LIMITS.get(architecture, DEFAULT_LIMIT)


def held_out_pixels(data: ImageSet, count: int) -> np.ndarray:
    """The first `count` held-out pictures as (N, H, W, C) uint8: stored pixels as they are, a folder's
    photos (stored normalised) turned back into pixels with the set's mean, spread and scale."""
    images = data.x_test[:count]
    if images.is_floating_point():
        p = data.preprocessing
        mean = np.asarray(p["mean"], dtype=np.float32).reshape(1, -1, 1, 1)
        std = np.asarray(p["std"], dtype=np.float32).reshape(1, -1, 1, 1)
        values = (images.numpy() * std + mean) * float(p.get("scale", 255))
        pixels = np.clip(np.rint(values), 0, 255).astype(np.uint8)
    else:
        pixels = images.numpy().astype(np.uint8, copy=False)
    return np.ascontiguousarray(pixels.transpose(0, 2, 3, 1))


class ConfusionCounter:
    """When the confusion matrix is due, and counting it (in the training worker's thread)."""

    def __init__(self, clock: Clock, every_s: float = CONFUSION_EVERY_S):
        self.clock, self.every_s = clock, every_s
        self.wanted = False  # someone is looking: the window is open
        self._data: ImageSet | None = None
        self._last = -math.inf  # when the last count started
        self._pixels_sent = False

    def new_run(self, data: ImageSet) -> None:
        """New pictures: the next count is due at once and sends their pixels."""
        self._data, self._last, self._pixels_sent = data, -math.inf, False

    def due(self, force: bool = False) -> bool:
        if not self.wanted or self._data is None:  # (a set without held-out pictures says so when counted)
            return False
        return force or self.clock() - self._last >= self.every_s

    def count(self, model, step: int, should_stop: Callable[[], bool]) -> ConfusionReport | None:
        """The matrix of `model` on the capped held-out pictures; None if `should_stop()` ended it early."""
        data = self._data
        self._last = self.clock()  # from the start: a slow count is not followed at once by the next
        job = confusion_of_set(model, data, limit_for(data.architecture), should_stop, batch_size=COUNT_BATCH)
        confusion = follow(job, lambda _running: None)
        if confusion is None:
            return None
        pixels = None
        if not self._pixels_sent:
            pixels, self._pixels_sent = held_out_pixels(data, confusion.total), True
        return ConfusionReport(step, confusion, len(data.y_test), pixels)
