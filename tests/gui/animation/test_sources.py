"""Offscreen frame sources: the tabs' own views, moved frame by frame, each frame exactly the size asked for."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from core.landscape.surfaces import race, surface
from core.mlp.config import TrainConfig
from core.mlp.recording import record_example
from core.mlp.reports import MetricsHistory, progress_of, run_info
from core.mlp.trainer import Trainer
from gui.animation.sources import image_array, kernel_source, network_pass_source, race_source, training_source
from gui.convolution.state import PlaygroundState
from gui.landscape.state import RaceState

SIZE = (320, 180)


@pytest.fixture(scope="module")
def run():
    """A small trained run: its info, a report with boundaries and gradients, a pass, reports and curves."""
    trainer = Trainer(TrainConfig(dataset="xor", hidden=(3,), n_points=100))
    history = MetricsHistory()
    history.extend([trainer.evaluate()])
    reports = [progress_of(trainer, (), 0.0, boundaries=True, gradients=True)]
    for _ in range(4):
        for _record in trainer.run(max_steps=5):
            pass
        history.extend([trainer.evaluate()])
        reports.append(progress_of(trainer, (), 0.0, boundaries=True, gradients=True))
    info = run_info(trainer)
    trace = record_example(trainer, 2)
    return info, reports, history, trace


def _pixels(image: QImage) -> np.ndarray:
    return image_array(image)


def test_image_array_is_rgb_rows_without_padding():
    image = QImage(7, 3, QImage.Format.Format_RGB32)  # 7 × 3 bytes a row: QImage pads RGB888 rows to 4 bytes
    image.fill(QColor(0, 114, 178))
    array = image_array(image)
    assert array.shape == (3, 7, 3) and array.dtype == np.uint8
    assert (array == (0, 114, 178)).all()


def test_the_pass_goes_forward_then_loss_backward_and_update(run):
    info, reports, _, trace = run
    source = network_pass_source(info, reports[-1], trace, SIZE, 5, 4)
    try:
        assert source.frame_count == 20 and source.hold_frames == 4
        phases = [source.unit_at(index)[0] for index in range(source.frame_count)]
        assert phases[0] == "forward" and phases[-1] == "update"
        order = list(dict.fromkeys(phases))
        assert order == ["forward", "loss", "backward", "update"]
        assert source.unit_at(source.frame_count - 1) == ("update", -1, 1.0)
        assert source.unit_at(source.frame_count - 1 - source.hold_frames)[2] == 1.0  # the hold shows the end
        pictures = {}
        for index in (0, phases.index("backward"), source.frame_count - 1):
            image = source.frame(index)
            assert (image.width(), image.height()) == SIZE
            unit = source.widget.player.sequence.unit
            assert (unit.phase, unit.layer) == source.unit_at(index)[:2]
            assert not source.widget.player.playing  # frames seek the player; its clock never runs
            pictures[index] = _pixels(image)
        first, backward, last = pictures.values()
        assert (first != backward).any() and (backward != last).any()
    finally:
        source.close()


def test_a_narrow_pass_gives_the_graph_the_whole_frame(run):
    info, reports, _, trace = run
    narrow = network_pass_source(info, reports[-1], trace, SIZE, 2, 1)
    wide = network_pass_source(info, reports[-1], trace, (960, 540), 2, 1)
    try:
        assert narrow.widget.main_splitter.widget(1).isHidden()  # the boundary map and the gradient sizes
        assert narrow.widget.network_view.legend.isHidden() and not wide.widget.network_view.legend.isHidden()
        assert not wide.widget.main_splitter.widget(1).isHidden()
        assert wide.widget.toolbar.isHidden() and narrow.widget.toolbar.isHidden()  # a figure: no buttons
    finally:
        narrow.close()
        wide.close()


def test_training_shows_each_report_with_the_curves_so_far(run):
    info, reports, history, _ = run
    source = training_source(info, reports, history, SIZE, 4, 2)
    try:
        assert source.frame_count == 8
        assert source.report_at(0) == 0 and source.report_at(source.frame_count - 1) == len(reports) - 1
        shown_steps = []
        for index in range(source.frame_count):
            image = source.frame(index)
            assert (image.width(), image.height()) == SIZE
            shown_steps.append(int(source.curves.history.column("step")[-1]))
            assert f"step {reports[source.report_at(index)].step}" in source.network.caption.text()
        assert shown_steps == sorted(shown_steps) and shown_steps[0] == 0 and shown_steps[-1] == reports[-1].step
    finally:
        source.close()


def test_training_needs_a_report(run):
    info, _, history, _ = run
    with pytest.raises(ValueError):
        training_source(info, [], history, SIZE, 4, 2)


def test_the_race_draws_the_paths_it_is_given_and_never_races(run, monkeypatch):
    import gui.landscape.worker as worker

    def refuse(*_arguments, **_keywords):
        raise AssertionError("the source raced again instead of drawing the paths it was given")

    monkeypatch.setattr(worker, "compute_race", refuse)
    state = RaceState(surface="himmelblau", optimizers=("sgd", "adam"), steps=40)
    paths = race(surface("himmelblau"), ["sgd", "adam"], state.learning_rate, 40, state.start, state.momentum)
    source = race_source(state, paths, SIZE, 10, 2)
    try:
        view = source.widget
        assert view.paths["adam"] is paths["adam"] and view.shown_steps == 40
        steps = []
        for index in range(source.frame_count):
            image = source.frame(index)
            assert (image.width(), image.height()) == SIZE
            steps.append(view.current_step)
        assert steps[0] == 0 and steps[-1] == 40 and steps == sorted(steps)
        assert steps[-source.hold_frames - 1:] == [40] * (source.hold_frames + 1)
        assert "step 40 of 40" in view.step_label.text()
    finally:
        source.close()


def test_the_kernel_slides_over_every_position_and_can_go_back():
    pixels = np.zeros((40, 40, 3), np.uint8)
    pixels[10:30, 10:30] = (230, 159, 0)
    state = PlaygroundState(grid=16, step=7)  # the playground's position is not the film's: it starts at 0
    source = kernel_source(pixels, state, SIZE, 10, 2)
    try:
        playground = source.widget
        assert source.positions == 14 * 14  # a 3×3 kernel on 16×16 pixels, stride 1, no padding
        assert source.step_at(0) == 0 and source.step_at(source.frame_count - 1) == source.positions - 1
        steps = [source.step_at(index) for index in range(source.frame_count)]
        assert steps == sorted(steps) and steps[source.frame_count // 4] < source.positions // 8  # slow at first
        for index in (0, 5, source.frame_count - 1, 3):  # forwards by stepping, backwards by restoring
            image = source.frame(index)
            assert (image.width(), image.height()) == SIZE
            assert playground.current_step_index == source.step_at(index)
        output = playground.output_so_far()
        assert np.isfinite(output).sum() == source.step_at(3) + 1  # the map filled in up to that position
        assert playground.side.isHidden()  # a figure: no settings column
    finally:
        source.close()


def test_a_frame_outside_the_animation_is_a_bug():
    source = kernel_source(np.zeros((20, 20, 3), np.uint8), PlaygroundState(grid=16), SIZE, 2, 1)
    try:
        with pytest.raises(IndexError):
            source.frame(source.frame_count)
    finally:
        source.close()
