"""TrainingView draws a MetricsHistory: curves, readout, rewinds, regression, warnings."""

import numpy as np

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
