"""The main window drives a real trainer in its worker thread: play, pause, step, reset, settings."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
from PySide6.QtCore import QObject, Slot

from core.mlp.config import TrainConfig
from core.mlp.reports import train_headless
from core.mlp.trainer import Trainer

SMALL = TrainConfig(dataset="circle", n_points=200, hidden=(4,), seed=3, device="cpu")


def steps_of(window) -> int:
    return window.last_progress.step


def test_window_shows_device_and_idle_run(make_window):
    window = make_window(SMALL)
    assert window.device_label.text() == "Device: CPU"
    assert steps_of(window) == 0
    assert not window.playing
    assert window.training_view.title.text().startswith("circle · 2-4-1")


def test_play_trains_and_pause_stops(make_window, qtbot):
    window = make_window(SMALL)
    window.toggle_play()
    qtbot.waitUntil(lambda: window.playing and steps_of(window) > 50, timeout=10_000)
    assert "steps/s" in window.rate_label.text()
    assert len(window.training_view.history) > 1
    window.toggle_play()
    qtbot.waitUntil(lambda: not window.playing, timeout=5_000)
    # Paused: a single Step now adds exactly one step to where the trainer stopped.
    paused_at = window.worker._trainer.step_count
    window.worker_step()
    qtbot.waitUntil(lambda: steps_of(window) == paused_at + 1, timeout=5_000)
    assert window.worker._trainer.step_count == paused_at + 1


def test_step_does_one_step_at_a_time(make_window, qtbot):
    window = make_window(SMALL)
    for expected in (1, 2, 3):
        window.step_action.trigger()
        qtbot.waitUntil(lambda: steps_of(window) == expected, timeout=5_000)
    assert list(window.training_view.history.column("step")) == [0, 1, 2, 3]


def test_reset_returns_to_step_zero_with_the_same_weights(make_window, qtbot):
    window = make_window(SMALL)
    initial = window.last_progress.weights
    window.toggle_play()
    qtbot.waitUntil(lambda: steps_of(window) > 30, timeout=10_000)
    window.reset_action.trigger()
    qtbot.waitUntil(lambda: not window.playing and steps_of(window) == 0, timeout=5_000)
    assert len(window.training_view.history) == 1
    for (w0, b0), (w1, b1) in zip(initial, window.last_progress.weights):
        np.testing.assert_array_equal(w0, w1)
        np.testing.assert_array_equal(b0, b1)


def test_changing_the_architecture_rebuilds_the_network(make_window, qtbot):
    window = make_window(SMALL)
    window.panel.hidden.setText("6,5,4")
    window.panel.hidden.editingFinished.emit()
    qtbot.waitUntil(lambda: "2-6-5-4-1" in window.training_view.title.text(), timeout=5_000)
    shapes = [weight.shape for weight, _ in window.last_progress.weights]
    assert shapes == [(6, 2), (5, 6), (4, 5), (1, 4)]
    assert window.config.hidden == (6, 5, 4)


def test_changing_the_learning_rate_keeps_the_weights(make_window, qtbot):
    window = make_window(SMALL)
    for _ in range(5):
        window.worker_step()
    qtbot.waitUntil(lambda: steps_of(window) == 5, timeout=5_000)
    window.panel.learning_rate.setCurrentText("0.1")
    window.panel.learning_rate.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: window.config.learning_rate == 0.1, timeout=5_000)
    assert steps_of(window) == 5  # retuned in place, not rebuilt
    assert window.worker._trainer.optimizer.param_groups[0]["lr"] == 0.1


def test_bad_setting_is_explained_and_changes_nothing(make_window, qtbot):
    window = make_window(SMALL)
    window.panel.hidden.setText("0")
    window.panel.hidden.editingFinished.emit()
    assert window.panel.error.isVisible()
    assert "between 1 and" in window.panel.error.text()
    window.worker_step()
    qtbot.waitUntil(lambda: steps_of(window) == 1, timeout=5_000)
    assert [w.shape for w, _ in window.last_progress.weights] == [(4, 2), (1, 4)]


def test_divergence_stops_tells_the_user_and_keeps_finite_weights(make_window, qtbot):
    window = make_window(TrainConfig(dataset="spiral", n_points=200, activation="relu", optimizer="sgd",
                                     learning_rate=50, device="cpu"))
    window.toggle_play()
    qtbot.waitUntil(lambda: window.training_view.banner.isVisible(), timeout=10_000)
    message = window.training_view.banner.text()
    assert message.startswith("Training diverged at step ")
    assert "learning rate" in message
    qtbot.waitUntil(lambda: not window.playing, timeout=5_000)
    assert all(np.isfinite(w).all() and np.isfinite(b).all() for w, b in window.last_progress.weights)
    last = window.training_view.history.last()
    assert math.isfinite(last["train_loss"]) and math.isfinite(last["test_loss"])
    # The app keeps running: a smaller learning rate trains on from the restored weights.
    window.panel.learning_rate.setCurrentText("0.01")
    window.panel.learning_rate.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: window.config.learning_rate == 0.01, timeout=5_000)
    before = steps_of(window)
    window.worker_step()
    qtbot.waitUntil(lambda: steps_of(window) == before + 1, timeout=5_000)


def test_same_seed_gives_the_same_losses_as_the_core(make_window, qtbot):
    config = TrainConfig(dataset="xor", n_points=200, hidden=(5, 3), seed=11, device="cpu")
    losses = []
    for _ in range(2):
        window = make_window(config)
        for _ in range(12):
            window.worker_step()
        qtbot.waitUntil(lambda: steps_of(window) == 12, timeout=5_000)
        losses.append(window.training_view.history.column("train_loss").copy())
        window.close()
    np.testing.assert_array_equal(losses[0], losses[1])
    history, _ = train_headless(Trainer(config), 12, points=12)
    np.testing.assert_array_equal(losses[0], history.column("train_loss"))


def test_closing_during_training_stops_the_thread_within_a_second(make_window, qtbot):
    window = make_window(TrainConfig(dataset="spiral", hidden=(64, 64, 64), n_points=2000, device="cpu"))
    window.toggle_play()
    qtbot.waitUntil(lambda: steps_of(window) > 5, timeout=10_000)
    thread = window.thread
    started = time.perf_counter()
    window.close()
    assert time.perf_counter() - started < 1.0
    assert thread.isFinished()


def test_settings_and_speed_are_remembered(make_window, qtbot, settings):
    window = make_window(SMALL)
    window.panel.dataset.setCurrentIndex(window.panel.dataset.findData("moons"))
    qtbot.waitUntil(lambda: window.config.dataset == "moons", timeout=5_000)
    window.speed_combo.setCurrentIndex(3)
    window.close()
    # The offscreen platform's small virtual screen clamps restored sizes, so check what was saved.
    assert settings.value("window/geometry") == window.saveGeometry()
    again = make_window(None, settings)
    assert again.config.dataset == "moons"
    assert again.panel.dataset.currentData() == "moons"
    assert again.speed_combo.currentIndex() == 3


def test_corrupt_saved_settings_fall_back_to_defaults(make_window, settings):
    settings.setValue("training/config", '{"hidden": "eight", "dataset": 5')
    settings.setValue("training/speed_index", "fast")
    window = make_window(None)
    assert window.config == TrainConfig()
    assert window.speed_combo.currentIndex() == 0


def advance_and_let_the_worker_see(qtbot, clock, seconds: float) -> None:
    """Move the injected clock on, then wait until the worker has read it a few times (it looked at the new time)."""
    clock.advance(seconds)
    reads = clock.reads
    qtbot.waitUntil(lambda: clock.reads > reads + 2, timeout=5_000)


@pytest.mark.parametrize("speed_index", [6])  # 1 step/s
def test_speed_limit_slows_training(make_window, qtbot, speed_index, fake_clock):
    window = make_window(SMALL, clock=fake_clock)
    window.speed_combo.setCurrentIndex(speed_index)
    window.toggle_play()
    qtbot.waitUntil(lambda: window.playing and window.worker._trainer.step_count >= 1, timeout=5_000)
    for _ in range(12):  # 1.2 s of the worker's clock, a tenth at a time
        advance_and_let_the_worker_see(qtbot, fake_clock, 0.1)
    assert window.worker._trainer.step_count <= 3
    qtbot.waitUntil(lambda: window.worker._trainer.step_count >= 2, timeout=5_000)  # and it does go on


class ReportCounter(QObject):
    """Lives in the GUI thread, so the worker's reports reach it queued, as they reach the window."""

    def __init__(self, clock):
        super().__init__()
        self.clock = clock
        self.arrivals = []

    @Slot(object)
    def record(self, progress):
        self.arrivals.append((self.clock.now, progress.step))


def test_reports_are_throttled_to_about_30_per_second(make_window, qtbot, fake_clock):
    counter = ReportCounter(fake_clock)
    arrivals = counter.arrivals
    window = make_window(SMALL, clock=fake_clock)
    window.worker.progressed.connect(counter.record)
    trainer = window.worker._trainer

    def advance(seconds: float) -> None:
        """Move the clock on and let the worker train a couple of steps on the new time."""
        fake_clock.advance(seconds)
        steps = trainer.step_count
        qtbot.waitUntil(lambda: trainer.step_count >= steps + 2, timeout=5_000)

    window.toggle_play()
    qtbot.waitUntil(lambda: window.playing, timeout=5_000)
    for _ in range(1000):
        if len(arrivals) > 3 and arrivals[-1][1] > 200:
            break
        advance(0.01)
    assert len(arrivals) > 3 and arrivals[-1][1] > 200
    start = len(arrivals)
    for _ in range(150):  # measuring a rate needs some time: 1.5 s of the worker's clock
        advance(0.01)
    window.toggle_play()
    recent = arrivals[start:]
    seconds = recent[-1][0] - recent[0][0]
    steps = recent[-1][1] - recent[0][1]
    assert len(recent) - 1 <= 36 * seconds, f"{len(recent)} reports in {seconds:.2f} s"
    assert steps > 5 * len(recent), "training runs many steps per report"
    # Every report is a copy: changing it cannot touch the network.
    weights = window.last_progress.weights[0][0]
    weights[:] = 1e9
    qtbot.waitUntil(lambda: not window.playing, timeout=5_000)
    assert window.worker._trainer.parameters_are_finite()
    assert not (window.worker._trainer.weights()[0][0] == 1e9).any()


def test_a_recorded_trace_is_one_real_step_on_one_example(make_window, qtbot):
    window = make_window(SMALL)
    window.worker.record_trace(3)
    qtbot.waitUntil(lambda: window.last_trace is not None and steps_of(window) == 1, timeout=5_000)
    trace = window.last_trace
    assert trace.example_index == 3 and trace.step == 0
    for layer, (weight, _) in zip(trace.layers, window.last_progress.weights):
        np.testing.assert_allclose(weight, layer.weight_after, rtol=1e-6)
    window.worker.record_trace(None)
    qtbot.waitUntil(lambda: window.last_trace.example_index == 4, timeout=5_000)  # "take the next one"
    assert window.last_trace.step == 1


def test_extras_add_boundaries_and_gradient_sizes(make_window, qtbot):
    window = make_window(SMALL)
    window.worker.set_extras(True, True)
    qtbot.waitUntil(lambda: window.last_progress.boundaries is not None, timeout=5_000)
    progress = window.last_progress
    assert [layer.shape[0] for layer in progress.boundaries.layers] == [4, 1]
    assert progress.gradient_magnitudes.shape == (2,)
    window.worker.set_extras(False, False)
    qtbot.waitUntil(lambda: window.last_progress.gradient_magnitudes is None, timeout=5_000)


def test_a_slow_network_says_it_is_working_while_its_step_runs(make_window, qtbot):
    import gui.window_settings

    window = make_window()
    window.run_status.set_step_seconds(3.0)  # as core.limits estimates for a huge network
    window.tabs.setCurrentWidget(window.training_view)
    before = window.last_progress.step
    window.step_action.trigger()
    assert "working" in window.rate_label.text()  # at once, before the step's report
    qtbot.waitUntil(lambda: window.last_progress.step == before + 1, timeout=5_000)
    qtbot.waitUntil(lambda: "working" not in window.rate_label.text(), timeout=5_000)
    assert gui.window_settings.step_seconds(window.config) < 0.5  # the small test network is not slow
