"""gui/lesson/readings.py: the numbers a goal is judged on, read from a real window's tabs."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from core.autoencoder.trainer import AutoencoderConfig, autoencoder_data
from core.cnn.confusion import Confusion
from core.data.synthetic_images import make_digits
from core.mlp.config import TrainConfig
from core.session.parts import TAB_NAMES
from gui.convolution.explain.training.training_confusion import ConfusionReport
from gui.landscape.state import RaceState
from gui.lesson.readings import KEYS, read_window

XOR = TrainConfig(dataset="xor", hidden=(4, 3), n_points=200)


def trained(window, qtbot, steps: int = 3) -> None:
    start = window.last_progress.step
    for _ in range(steps):
        window.worker_step()
    qtbot.waitUntil(lambda: window.last_progress.step == start + steps, timeout=10_000)


def test_a_fresh_window_gives_every_key(make_window):
    window = make_window(XOR)
    readings = read_window(window)
    assert tuple(readings) == KEYS
    assert readings["mlp.dataset"] == "xor"
    assert readings["mlp.hidden_layers"] == 2 and readings["mlp.hidden_neurons"] == 7
    # The tabs built on first opening are not built by reading them.
    assert window.landscape_tab.view is None and window.autoencoder_tab.view is None
    assert readings["race.paths"] is None and readings["autoencoder.bottleneck"] is None
    assert readings["lab.confusion"] is None and readings["lab.confusion_clicked"] is None


def test_the_mlp_readings_follow_training_and_the_gradient_chart(make_window, qtbot):
    window = make_window(XOR)
    window.tabs.setCurrentWidget(window.network_tab)  # the worker measures gradients while the graph shows
    trained(window, qtbot)
    qtbot.waitUntil(lambda: read_window(window)["mlp.gradient_first"] is not None, timeout=10_000)
    readings = read_window(window)
    last = window.training_view.history.last()
    assert readings["mlp.test_loss"] == pytest.approx(last["test_loss"])
    assert 0 <= readings["mlp.test_accuracy"] <= 1
    bars = window.network_tab.gradient_chart.magnitudes
    assert readings["mlp.gradient_first"] == pytest.approx(bars[0])
    assert readings["mlp.gradient_last"] == pytest.approx(bars[-1])

    # Another network: its numbers start afresh, and bars of the old depth are not read as its own.
    with qtbot.waitSignal(window.session.run_started, timeout=10_000):
        window.session.apply_settings(TrainConfig(dataset="spiral", hidden=(5,), n_points=200))
    readings = read_window(window)
    assert readings["mlp.dataset"] == "spiral" and readings["mlp.hidden_neurons"] == 5
    bars = window.last_progress.gradient_magnitudes
    bars = window.network_tab.gradient_chart.magnitudes if bars is None else bars
    assert (readings["mlp.gradient_first"] is not None) == (len(bars) == 2)
    # The old network's last report may still be the newest: train once the new one has reported.
    qtbot.waitUntil(lambda: window.last_progress.weights[0][0].shape == (5, 2), timeout=10_000)
    trained(window, qtbot, 1)
    assert read_window(window)["mlp.gradient_first"] == pytest.approx(window.last_progress.gradient_magnitudes[0])


def test_the_race_readings_are_the_drawn_paths_and_the_playback(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentIndex(TAB_NAMES.index("landscape"))
    view = window.landscape_tab.ensure_built().surfaces
    view.apply_state(RaceState(surface="bowl", kappa=10.0, optimizers=("sgd", "adam"), learning_rate=0.15,
                               steps=80, start=(-2.0, 1.5)))
    qtbot.waitUntil(lambda: not view.race_pending and view.shown_steps == 80, timeout=10_000)
    view.reset()
    readings = read_window(window)
    assert readings["race.surface"] == "bowl" and readings["race.kappa"] == 10.0
    assert readings["race.pending"] is False and readings["race.step"] == 0
    assert set(readings["race.paths"]) == {"sgd", "adam"}
    sgd = readings["race.paths"]["sgd"]
    assert sgd["lr"] == 0.15 and sgd["diverged_at"] is None
    np.testing.assert_allclose(sgd["positions"][0], (-2.0, 1.5))
    assert len(sgd["positions"]) == len(sgd["loss"]) == 81
    view.go_to_end()
    assert read_window(window)["race.step"] == 80


def test_the_lab_readings_are_its_latest_answer(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentWidget(window.conv_tab)
    tab = window.conv_tab
    canvas = tab.canvas
    with qtbot.waitSignal(canvas.drawing_changed, timeout=5_000):
        canvas.begin_stroke(QPointF(140, 40))
        canvas.extend_stroke(QPointF(140, 240))
        canvas.end_stroke()
    qtbot.waitUntil(lambda: tab.record is not None and not tab.analysing, timeout=20_000)
    readings = read_window(window)
    assert readings["lab.image_kind"] == "drawing"
    probabilities = readings["lab.probabilities"]
    assert set(probabilities) == set("0123456789")
    assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-4)


def test_the_confusion_readings_are_the_window_on_screen_and_its_clicked_cell(make_window, qtbot):
    window = make_window()
    switch = window.conv_tab.training.confusion
    counts = np.array([[9, 1, 0], [4, 5, 1], [0, 2, 8]])
    confusion = Confusion(("a", "b", "c"), counts, np.zeros(30, np.int64), np.zeros(30, np.int64), 30, 30)
    switch.show_report(ConfusionReport(step=10, confusion=confusion, held_out=30, pixels=None))
    assert read_window(window)["lab.confusion"] is None  # kept for later, but not on screen
    switch.set_open(True)
    qtbot.waitUntil(lambda: switch.window is not None and switch.window.isVisible(), timeout=5_000)
    readings = read_window(window)
    assert readings["lab.confusion"] == counts.tolist() and readings["lab.confusion_clicked"] is None
    switch.window.view.select(1, 0)
    assert read_window(window)["lab.confusion_clicked"] == (1, 0)
    switch.set_open(False)
    assert read_window(window)["lab.confusion_clicked"] is None


def test_the_autoencoder_readings_after_a_few_steps(make_window, qtbot):
    x, y = make_digits(100, 3)
    digits = autoencoder_data(x, y, [str(d) for d in range(10)], "test digits")
    window = make_window()
    window.tabs.setCurrentIndex(TAB_NAMES.index("autoencoder"))
    tab = window.autoencoder_tab.ensure_built()
    with qtbot.waitSignal(tab.runner.run_started, timeout=20_000):
        tab.runner.use(digits, AutoencoderConfig(bottleneck=3, hidden=(32,)))
    tab.runner.set_playing(True)
    qtbot.waitUntil(lambda: tab.runner.last_report is not None and tab.runner.last_report.step >= 2,
                    timeout=20_000)
    tab.runner.set_playing(False)
    readings = read_window(window)
    assert readings["autoencoder.bottleneck"] == 3
    errors, baseline = readings["autoencoder.class_error"], readings["autoencoder.mean_error"]
    assert set(errors) == set(baseline) == set("0123456789")
    assert all(math.isfinite(errors[d]) and errors[d] > 0 and baseline[d] > 0 for d in "0123456789")
