"""TrainingView draws a MetricsHistory: curves, readout, rewinds, regression, warnings."""

import numpy as np
import pytest

from core.mlp.config import TrainConfig
from core.data.toy2d import make_dataset
from core.mlp.reports import RunInfo, TrainingProgress
from core.mlp.trainer import Evaluation
from gui.training.curves_view import TrainingView


def info(task="binary"):
    config = TrainConfig(n_points=40)
    dataset = make_dataset(config.dataset, config.n_points)
    return RunInfo("circle · 2-4-1", task, "CPU", config, dataset, "sigmoid")


def progress(*evaluations):
    last = evaluations[-1]
    return TrainingProgress(last.step, last.epoch, 100.0, tuple(evaluations), ())


def evaluation(step, loss=0.5, accuracy=0.75):
    return Evaluation(step, step / 10, loss, loss + 0.1, accuracy, accuracy - 0.05)


def test_curves_follow_the_progress(qtbot):
    view = TrainingView()
    qtbot.addWidget(view)
    view.on_run_started(info())
    view.on_progress(progress(evaluation(0, 0.7), evaluation(10, 0.4)))
    view.on_progress(progress(evaluation(20, 0.2, 0.9)))
    qtbot.waitUntil(lambda: not view.redraw_pending, timeout=2_000)  # at most one redraw per 66 ms
    x, y = view.curves["train_loss"].getData()
    np.testing.assert_allclose(x, [0, 10, 20])
    np.testing.assert_allclose(y, [0.7, 0.4, 0.2])
    _, accuracy = view.curves["test_accuracy"].getData()
    np.testing.assert_allclose(accuracy[-1], 85.0)  # shown in percent
    assert "step 20" in view.readout.text() and "85.0%" in view.readout.text()
    # Axes grow to hold the curve.
    assert view.loss_plot.getViewBox().viewRange()[0][1] >= 20
    assert view.loss_plot.getViewBox().viewRange()[1][1] >= 0.8


def test_an_earlier_step_rewinds_the_curves(qtbot):
    view = TrainingView()
    qtbot.addWidget(view)
    view.on_run_started(info())
    view.on_progress(progress(evaluation(0), evaluation(1), evaluation(2), evaluation(3)))
    view.on_progress(progress(evaluation(2, 0.3)))  # a rollback after divergence
    qtbot.waitUntil(lambda: not view.redraw_pending, timeout=2_000)
    x, y = view.curves["train_loss"].getData()
    np.testing.assert_allclose(x, [0, 1, 2])
    assert y[-1] == 0.3


def test_a_new_run_clears_and_tuning_keeps_the_history(qtbot):
    view = TrainingView()
    qtbot.addWidget(view)
    view.on_run_started(info())
    view.on_progress(progress(evaluation(0), evaluation(5)))
    view.on_run_started(info(), True)
    assert len(view.history) == 2
    view.on_run_started(info())
    assert len(view.history) == 0
    assert view.readout.text() == ""


def test_regression_hides_accuracy_and_says_why(qtbot):
    view = TrainingView()
    qtbot.addWidget(view)
    view.show()
    view.on_run_started(info("regression"))
    view.on_progress(progress(Evaluation(0, 0.0, 0.2, 0.3, float("nan"), float("nan"))))
    assert not view.accuracy_plot.isVisible()
    assert view.no_accuracy.isVisible()
    assert "accuracy" not in view.readout.text()


def test_warning_banner_shows_and_a_new_run_hides_it(qtbot):
    view = TrainingView()
    qtbot.addWidget(view)
    view.show()
    view.show_warning("Training diverged at step 4: the loss became inf.")
    assert view.banner.isVisible()
    view.on_run_started(info())
    assert not view.banner.isVisible()


def test_a_stream_of_reports_is_drawn_at_most_every_interval_and_the_newest_always(qtbot):
    view = TrainingView()
    qtbot.addWidget(view)
    view.on_run_started(info())
    redraws = []
    original = view.redraw
    view.redraw = lambda: (redraws.append(len(view.history)), original())
    for step in range(10):  # ten reports at once: the first is drawn, the rest wait for one redraw
        view.on_progress(progress(evaluation(step, 0.5 - step / 100)))
    assert redraws == [1] and view.redraw_pending
    qtbot.waitUntil(lambda: not view.redraw_pending, timeout=2_000)
    assert redraws == [1, 10]
    x, _ = view.curves["train_loss"].getData()
    assert x[-1] == 9


# ---------------------------------------------------------------- non-finite numbers and divergence

def diverged_evaluation(step, divergence):
    return Evaluation(step, step / 10, 2000.0, 2500.0, 0.5, 0.45, divergence)


def test_a_divergence_is_drawn_rising_to_the_last_finite_loss_and_marked(qtbot):
    from core.mlp.trainer import Divergence

    view = TrainingView()
    qtbot.addWidget(view)
    view.on_run_started(info())
    view.on_progress(progress(evaluation(0, 0.7)))
    qtbot.waitUntil(lambda: not view.redraw_pending, timeout=2_000)
    divergence = Divergence(step=4, value=float("inf"), run_up=((1, 0.8), (2, 40.0), (3, 2600.0)))
    view.on_progress(progress(diverged_evaluation(2, divergence)))  # rolled back to step 2
    qtbot.waitUntil(lambda: not view.redraw_pending, timeout=2_000)
    mark = view.divergence
    x, y = mark.run_up.getData()
    np.testing.assert_allclose(x, [0, 1, 2])  # a step's loss is measured on the weights after the step before
    np.testing.assert_allclose(y, [0.8, 40.0, 2600.0])
    assert mark.run_up.isVisible() and mark.line.isVisible() and mark.marker.isVisible()
    assert mark.line.value() == 3
    assert "diverged" in mark.label.textItem.toPlainText() and "∞" in mark.label.textItem.toPlainText()
    (_, x_high), (low, high) = view.loss_plot.getViewBox().viewRange()
    assert high >= 2600.0 and x_high >= 3  # the whole rise and the mark are on the chart
    marker_y = mark.marker.data["y"][0]
    assert low < marker_y <= high
    # Training on leaves the divergence behind: the mark goes, the curve stays.
    view.on_progress(progress(evaluation(3, 0.6)))
    qtbot.waitUntil(lambda: not view.redraw_pending, timeout=2_000)
    assert not mark.line.isVisible() and not mark.run_up.isVisible() and not mark.label.isVisible()


def test_a_recorded_divergence_is_drawn_in_a_snapshot(qtbot):
    from core.mlp.reports import train_headless
    from core.mlp.trainer import Trainer

    trainer = Trainer(TrainConfig(dataset="spiral", activation="relu", optimizer="sgd", learning_rate=50,
                                  device="cpu"))
    history, error = train_headless(trainer, 50)
    assert error is not None
    view = TrainingView()
    qtbot.addWidget(view)
    view.on_run_started(info())
    view.show_history(history)
    assert view.divergence.line.isVisible() and view.divergence.line.value() == error.step - 1
    assert view.loss_plot.getViewBox().viewRange()[0][1] > error.step - 1  # room right of the line for its label


def test_non_finite_losses_never_reach_a_range(qtbot):
    view = TrainingView()
    qtbot.addWidget(view)
    view.on_run_started(info())
    view.on_progress(progress(evaluation(0, float("nan")), evaluation(1, float("inf")), evaluation(2, 0.4)))
    qtbot.waitUntil(lambda: not view.redraw_pending, timeout=2_000)
    for axis in view.loss_plot.getViewBox().viewRange():
        assert np.isfinite(axis).all()
    _, y = view.curves["train_loss"].getData()
    assert not np.isinf(y).any()  # an overflowed loss is a gap in the curve
    view.on_progress(progress(evaluation(3, float("nan"))))  # nothing finite at all at first: still a range
    qtbot.waitUntil(lambda: not view.redraw_pending, timeout=2_000)
    assert np.isfinite(view.loss_plot.getViewBox().viewRange()).all()


def test_finite_range_leaves_out_what_is_not_finite():
    from gui.style.plots import finite_range

    assert finite_range([1.0, float("nan"), 3.0, float("inf")]) == (1.0, 3.0)
    assert finite_range([float("nan"), float("-inf")]) == (0.0, 1.0)
    assert finite_range([], fallback=(-6.0, 0.0)) == (-6.0, 0.0)
    low, high = finite_range([5.0, 5.0])
    assert low < 5.0 < high
    low, high = finite_range([-1e308, 1e308, 1e300])
    assert np.isfinite(high - low)


def test_views_assert_finite_input_in_a_debug_run_and_cope_without(qtbot, monkeypatch):
    from gui.network.boundary_view import GradientChart

    chart = GradientChart()
    qtbot.addWidget(chart)
    bad = np.array([1e-3, float("nan"), float("inf")])
    monkeypatch.setenv("GLASSBOX_DEBUG", "1")  # the test suite runs this way by default (PYTEST_CURRENT_TEST)
    with pytest.raises(AssertionError, match="gradient chart"):
        chart.show_magnitudes(bad)
    monkeypatch.setenv("GLASSBOX_DEBUG", "0")  # a release run draws what it can
    chart.show_magnitudes(bad)
    assert np.isfinite(chart.plot.getViewBox().viewRange()).all()
    chart.show_magnitudes(np.array([1e-3, 1e-5]))
    low, high = chart.plot.getViewBox().viewRange()[1]
    assert low <= -5 and high >= -3


def test_a_divergence_in_the_window_is_drawn_on_the_loss_chart(make_window, qtbot):
    window = make_window(TrainConfig(dataset="spiral", n_points=200, activation="relu", optimizer="sgd",
                                     learning_rate=50, device="cpu"))
    window.toggle_play()
    view = window.training_view
    qtbot.waitUntil(lambda: view.divergence.line.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: not view.redraw_pending, timeout=2_000)
    _, losses = view.divergence.run_up.getData()
    assert len(losses) >= 1 and np.isfinite(losses).all()
    assert view.loss_plot.getViewBox().viewRange()[1][1] >= losses.max()  # the rise is on the chart
    assert view.history.divergence.step - 1 == view.divergence.line.value()
