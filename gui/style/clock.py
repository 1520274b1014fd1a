"""The animation clock every animated view shares: one frame rate, one speed range, and a test hook.

A view asks for ticks; each tick says how many seconds of animation passed (wall time ×
the speed). Tests call `advance` instead of waiting on the wall clock, so an animation test
is exact and never flakes on a loaded machine.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

FRAME_MS = 33  # about 30 frames per second
MIN_SPEED, MAX_SPEED = 0.1, 10.0


def clamp_speed(speed: float) -> float:
    return min(MAX_SPEED, max(MIN_SPEED, float(speed)))


class AnimationClock(QObject):
    """A QTimer at FRAME_MS that emits `ticked(seconds of animation)` while running."""

    ticked = Signal(float)

    def __init__(self, parent: QObject | None = None, speed: float = 1.0):
        super().__init__(parent)
        self._speed = clamp_speed(speed)
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_timeout)
        self._elapsed = QElapsedTimer()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def speed(self) -> float:
        return self._speed

    def set_speed(self, speed: float) -> float:
        self._speed = clamp_speed(speed)
        return self._speed

    def start(self) -> None:
        if not self._timer.isActive():
            self._elapsed.start()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def advance(self, seconds: float) -> None:
        """Move the animation on by `seconds` of wall time, as a timer tick would (only while running)."""
        if self.running:
            self.ticked.emit(seconds * self._speed)

    def _on_timeout(self) -> None:
        seconds = self._elapsed.restart() / 1000.0
        self.ticked.emit(seconds * self._speed)
