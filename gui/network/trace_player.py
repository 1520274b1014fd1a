"""Step-through playback of an ExampleTrace: forward, loss, backward, update, layer by layer.

TraceSequence is the plain state (which unit, how far along it); TracePlayer drives it
with the shared AnimationClock (gui.style.clock) and tells the network view what to draw.
The worker never animates: it records a trace once, and playback only replays it. Tests
move the clock with `player.clock.advance(seconds)` instead of waiting.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from gui.style.clock import AnimationClock, clamp_speed

UNIT_SECONDS = 0.7  # one layer's pulse at 1× speed


@dataclass(frozen=True)
class Unit:
    """One animated piece of a step-through: a phase on one layer (-1: every layer)."""

    phase: str
    layer: int


def units_for(layer_count: int) -> tuple[Unit, ...]:
    """Forward input→output, the loss, backward output→input, then the update of every layer."""
    forward = [Unit("forward", index) for index in range(layer_count)]
    backward = [Unit("backward", index) for index in reversed(range(layer_count))]
    return (*forward, Unit("loss", layer_count - 1), *backward, Unit("update", -1))


class TraceSequence:
    """Where playback stands: the current unit and how far its animation has run (0..1)."""

    def __init__(self, layer_count: int):
        self.layer_count = layer_count
        self.units = units_for(layer_count)
        self.index = 0
        self.fraction = 0.0

    @property
    def unit(self) -> Unit:
        return self.units[self.index]

    @property
    def at_end(self) -> bool:
        return self.index == len(self.units) - 1 and self.fraction >= 1.0

    def advance(self, fraction: float) -> bool:
        """Move the animation on by `fraction` of a unit; True when the unit has finished."""
        self.fraction = min(1.0, self.fraction + fraction)
        return self.fraction >= 1.0

    def next_unit(self) -> bool:
        """Start the next unit from its beginning; False at the end of the sequence."""
        if self.index + 1 >= len(self.units):
            self.fraction = 1.0
            return False
        self.index += 1
        self.fraction = 0.0
        return True

    def previous_unit(self) -> None:
        """Back to the last finished picture before this one (the very start at unit 0)."""
        if self.index == 0:
            self.fraction = 0.0
        else:
            self.index -= 1
            self.fraction = 1.0

    def next_phase_start(self) -> int | None:
        """Index of the first unit of the next phase, or None in the last phase."""
        phase = self.unit.phase
        for index in range(self.index + 1, len(self.units)):
            if self.units[index].phase != phase:
                return index
        return None

    def seek(self, phase: str, layer: int, fraction: float) -> None:
        """Jump to `phase` at `layer` (the phase's first unit if that layer has none), `fraction` of the way."""
        matches = [index for index, unit in enumerate(self.units) if unit.phase == phase]
        if not matches:
            raise ValueError(f"Unknown phase '{phase}'.")
        exact = [index for index in matches if self.units[index].layer == layer]
        self.index = exact[0] if exact else matches[0]
        self.fraction = min(1.0, max(0.0, float(fraction)))


class TracePlayer(QObject):
    """Plays a TraceSequence on an AnimationClock; emits each frame for the view to draw."""

    frame_changed = Signal(str, int, float)  # phase, layer, fraction
    finished = Signal()  # the update has been shown
    playing_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.sequence: TraceSequence | None = None
        self.playing = False
        self._stop_at: int | None = None  # stop when this unit finishes (step commands)
        self.clock = AnimationClock(self)
        self.clock.ticked.connect(self._on_tick)

    def load(self, layer_count: int) -> None:
        """A new trace: start at the first forward layer, not yet animated."""
        self.sequence = TraceSequence(layer_count)
        self._stop_at = None
        self._emit()

    @property
    def speed(self) -> float:
        return self.clock.speed

    def set_speed(self, speed: float) -> None:
        self.clock.set_speed(clamp_speed(speed))

    def seek(self, phase: str, layer: int, fraction: float) -> None:
        """Show `phase` at `layer`, `fraction` of the way, paused (a restored step-through)."""
        if self.sequence is None:
            return
        self.pause()
        self._stop_at = None
        self.sequence.seek(phase, layer, fraction)
        self._emit()

    # ------------------------------------------------------------ commands
    def play(self) -> None:
        if self.sequence is None:
            return
        if self.sequence.at_end:
            self.load(self.sequence.layer_count)
        self._stop_at = None
        self._start()

    def pause(self) -> None:
        self.clock.stop()
        self._set_playing(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def step_layer(self) -> None:
        """Animate the next unit (one layer of one phase) and stop."""
        if self.sequence is None:
            return
        if self.sequence.fraction >= 1.0 and not self.sequence.next_unit():
            self.finished.emit()
            return
        self._stop_at = self.sequence.index
        self._start()

    def step_phase(self) -> None:
        """Animate to the end of the current phase (or the next one, if this one is done)."""
        sequence = self.sequence
        if sequence is None:
            return
        if sequence.fraction >= 1.0:
            if not sequence.next_unit():
                self.finished.emit()
                return
        end = sequence.next_phase_start()
        self._stop_at = (end - 1) if end is not None else len(sequence.units) - 1
        self._start()

    def back(self) -> None:
        if self.sequence is None:
            return
        self.pause()
        self.sequence.previous_unit()
        self._emit()

    # ------------------------------------------------------------ animation
    def _start(self) -> None:
        self.clock.start()
        self._set_playing(True)

    def _set_playing(self, playing: bool) -> None:
        if playing != self.playing:
            self.playing = playing
            self.playing_changed.emit(playing)

    @Slot(float)
    def _on_tick(self, seconds: float) -> None:
        """`seconds` of animation (wall time × speed) have passed."""
        sequence = self.sequence
        if sequence is None:
            self.pause()
            return
        if sequence.advance(seconds / UNIT_SECONDS):
            self._emit()
            if self._stop_at is not None and sequence.index >= self._stop_at:
                self.pause()
                return
            if not sequence.next_unit():
                self.pause()
                self.finished.emit()
                return
        self._emit()

    def _emit(self) -> None:
        unit = self.sequence.unit
        self.frame_changed.emit(unit.phase, unit.layer, self.sequence.fraction)
