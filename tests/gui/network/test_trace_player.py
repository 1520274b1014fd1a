"""Playback of a step-through: units in lesson order, stepping, going back, speed.

The player's clock is moved by hand (`clock.advance`), as its timer would move it, so no
test waits on the wall clock.
"""

import pytest

from gui.network.trace_player import TracePlayer, TraceSequence, Unit, units_for


def test_units_follow_the_lesson_order():
    assert units_for(3) == (
        Unit("forward", 0), Unit("forward", 1), Unit("forward", 2),
        Unit("loss", 2),
        Unit("backward", 2), Unit("backward", 1), Unit("backward", 0),
        Unit("update", -1),
    )


def test_sequence_advances_goes_back_and_finds_phases():
    sequence = TraceSequence(2)
    assert not sequence.advance(0.5) and sequence.advance(0.6)
    assert sequence.next_phase_start() == 2  # the loss
    assert sequence.next_unit() and sequence.unit == Unit("forward", 1)
    sequence.previous_unit()
    assert (sequence.unit, sequence.fraction) == (Unit("forward", 0), 1.0)
    sequence.previous_unit()
    assert (sequence.unit, sequence.fraction) == (Unit("forward", 0), 0.0)
    sequence.index = len(sequence.units) - 1
    assert not sequence.next_unit() and sequence.at_end


TICK_SECONDS = 0.01  # wall time per hand-made tick: at 10× speed, a seventh of a layer's pulse


def run_until_stopped(player: TracePlayer, limit: int = 10_000) -> None:
    """Tick the player's clock until the animation stops by itself."""
    for _ in range(limit):
        if not player.playing:
            return
        player.clock.advance(TICK_SECONDS)
    raise AssertionError("the player never stopped")


@pytest.fixture
def player(qtbot):
    player = TracePlayer()
    frames = []
    player.frame_changed.connect(lambda phase, layer, fraction: frames.append((phase, layer, fraction)))
    player.frames = frames
    player.set_speed(10)  # fast, so tests finish quickly
    player.load(2)
    return player


def test_step_layer_animates_one_unit_then_stops(player, qtbot):
    player.step_layer()
    run_until_stopped(player)
    assert player.frames[-1] == ("forward", 0, 1.0)
    assert len(player.frames) > 2  # it animated, not jumped
    player.step_layer()
    run_until_stopped(player)
    assert player.frames[-1] == ("forward", 1, 1.0)


def test_step_phase_runs_to_the_end_of_the_phase(player, qtbot):
    player.step_phase()
    run_until_stopped(player)
    assert player.frames[-1] == ("forward", 1, 1.0)
    player.step_phase()
    run_until_stopped(player)
    assert player.frames[-1] == ("loss", 1, 1.0)
    player.step_phase()
    run_until_stopped(player)
    assert player.frames[-1] == ("backward", 0, 1.0)


def test_play_runs_everything_and_says_when_finished(player, qtbot):
    with qtbot.waitSignal(player.finished, timeout=5000):
        player.play()
        run_until_stopped(player)
    phases = [frame[0] for frame in player.frames]
    assert phases.index("forward") < phases.index("loss") < phases.index("backward") < phases.index("update")
    assert player.frames[-1] == ("update", -1, 1.0)
    assert not player.playing


def test_back_shows_the_previous_finished_unit(player, qtbot):
    player.step_phase()
    run_until_stopped(player)
    player.back()
    assert player.frames[-1] == ("forward", 0, 1.0)


def test_seek_shows_a_frame_paused(player):
    player.seek("backward", 0, 0.5)
    assert not player.playing
    assert player.frames[-1] == ("backward", 0, 0.5)
    player.seek("update", 7, 1.0)  # no such layer: the phase's first unit
    assert player.frames[-1] == ("update", -1, 1.0) and player.sequence.at_end


def test_speed_is_clamped_between_a_tenth_and_ten():
    player = TracePlayer()
    player.set_speed(100)
    assert player.speed == 10
    player.set_speed(0.001)
    assert player.speed == 0.1
