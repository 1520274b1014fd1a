"""OcclusionReplay: the occlusion square, moved at a pace a class can follow while the map fills in.

The worker scores the occluded copies far faster than anyone can watch (the lab's networks take
a fraction of a second for every position), so the GUI replays the positions it has received:
a QTimer reveals a few at each tick, so that a whole run takes about 2 to 4 seconds whatever the
number of positions, and never runs ahead of the worker. The map so far is, for every pixel the
square has covered, the mean drop over the positions revealed that cover it: the same formula as
core.cnn.attribution.occlusion_steps, so the last frame is the finished map.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot

TICK_MS = 40  # 25 frames a second
SECONDS_PER_POSITION = 0.025
SHORTEST_S, LONGEST_S = 2.0, 4.0  # a run takes this long to watch, whatever its number of positions


def replay_seconds(total: int) -> float:
    """How long a run of `total` positions takes to watch."""
    return min(LONGEST_S, max(SHORTEST_S, total * SECONDS_PER_POSITION))


class OcclusionReplay(QObject):
    """Reveals received occlusion positions a few per tick; `progressed` after each tick, `finished` at the end."""

    progressed = Signal()  # more positions revealed: values, covered, square, done, total describe them
    finished = Signal(object)  # every position revealed and the finished Attribution received: that Attribution

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pace = 1.0  # 0 reveals everything received at each tick (tests); 1 is the classroom's pace
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.running = False
        self._reset(1, 1)

    def _reset(self, height: int, width: int) -> None:
        self.total = 0
        self.done = 0
        self.window = 0
        self._positions: list[np.ndarray] = []  # received and not yet revealed, in order
        self._drops: list[np.ndarray] = []
        self._drop_sum = np.zeros((height, width), dtype=np.float64)
        self._cover = np.zeros((height, width), dtype=np.float64)
        self.square: tuple[int, int, int] | None = None
        self.final = None

    @property
    def values(self) -> np.ndarray:
        """The map so far: the mean drop over the revealed positions covering each pixel (0 where none does)."""
        return (self._drop_sum / np.maximum(self._cover, 1)).astype(np.float32)

    @property
    def covered(self) -> np.ndarray:
        return self._cover > 0

    def start(self) -> None:
        """A new run: forget the last one and wait for positions."""
        self._reset(1, 1)
        self.running = True
        self._timer.start()

    def add(self, progress, size: tuple[int, int]) -> None:
        """One batch scored by the worker (core.cnn.attribution.OcclusionProgress) on an image of `size` (H, W)."""
        if not self.running:
            return
        if self.total == 0:  # the run's first batch: now the image's size is known
            self._reset(*size)
        self.total, self.window = progress.total, progress.window
        self._positions.append(np.asarray(progress.positions))
        self._drops.append(np.asarray(progress.drops, dtype=np.float64))

    def finish(self, attribution) -> None:
        """The worker's finished map: shown once the replay has revealed every position."""
        if self.running:
            self.final = attribution
            self.total = self.total or 1

    def stop(self) -> None:
        self.running = False
        self._timer.stop()

    @Slot()
    def _tick(self) -> None:
        waiting = sum(len(batch) for batch in self._positions)
        if waiting:
            per_tick = waiting if self.pace <= 0 else max(
                1, math.ceil(self.total * TICK_MS / 1000.0 / (replay_seconds(self.total) * self.pace)))
            self._reveal(min(per_tick, waiting))
            self.progressed.emit()
        elif self.final is not None:
            final = self.final
            self.stop()
            self.square = None
            self.finished.emit(final)

    def _reveal(self, count: int) -> None:
        side = self.window
        while count > 0 and self._positions:
            positions, drops = self._positions[0], self._drops[0]
            taken = min(count, len(positions))
            for (top, left), drop in zip(positions[:taken], drops[:taken]):
                self._drop_sum[top:top + side, left:left + side] += drop
                self._cover[top:top + side, left:left + side] += 1
                self.square = (int(top), int(left), side)
            self.done += taken
            count -= taken
            if taken == len(positions):
                self._positions.pop(0)
                self._drops.pop(0)
            else:
                self._positions[0], self._drops[0] = positions[taken:], drops[taken:]
