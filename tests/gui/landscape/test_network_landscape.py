"""The Landscape tab's "Your network": a slice of the loss of the network being trained, computed by the worker."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from core.mlp.config import TrainConfig
from gui.landscape.slice_panel import STALE_OPACITY
from gui.threads import LANDSCAPE_CANCELLED

XOR = TrainConfig(dataset="xor", hidden=(4, 3), n_points=100, device="cpu")


def _train(qtbot, window, steps: int) -> None:
    target = window.last_progress.step + steps
    for _ in range(steps):
        window.worker_step()
    qtbot.waitUntil(lambda: window.last_progress.step >= target, timeout=10_000)


def _open_panel(window):
    window.tabs.setCurrentWidget(window.landscape_tab)
    tab = window.landscape_tab.view
    tab.show_network()
    return tab.network


def _request(panel, directions: str, resolution: int) -> None:
    panel.directions_combo.setCurrentIndex(panel.directions_combo.findData(directions))
    panel.resolution_spin.setValue(resolution)
    panel.compute_button.click()


@pytest.fixture
def trained(qtbot, make_window):
    window = make_window(XOR)
    _train(qtbot, window, 12)
    return window, _open_panel(window)


def test_random_directions_arrive_coarse_then_full_centred_on_the_training_loss(qtbot, trained):
    window, panel = trained
    shown = []
    panel.landscape_shown.connect(shown.append)
    _request(panel, "random", 11)
    assert panel.progress.isVisibleTo(panel) and panel.cancel_button.isVisibleTo(panel)
    qtbot.waitUntil(lambda: panel.result is not None, timeout=20_000)
    assert len(shown) >= 2 and shown[0].loss.shape[0] < 11  # a coarse grid was drawn first
    landscape = panel.result.landscape
    assert landscape.loss.shape == (11, 11) and shown[-1] is landscape
    assert landscape.directions == "random" and landscape.explained_variance is None
    training_loss = window.last_progress.evaluations[-1].train_loss
    assert landscape.center_loss == pytest.approx(training_loss, abs=1e-4)
    assert landscape.loss[5, 5] == pytest.approx(training_loss, abs=1e-4)
    assert not panel.progress.isVisibleTo(panel) and panel.compute_button.isEnabled()
    alphas, losses = panel.result.line_alphas, panel.result.line_losses
    assert alphas[0] == pytest.approx(-0.25) and alphas[-1] == pytest.approx(1.25)
    assert np.interp(1.0, alphas, losses) == pytest.approx(training_loss, abs=1e-3)
    assert "projected" in panel.note.text()


def test_pca_puts_the_end_of_the_path_at_the_centre_and_names_the_explained_variance(qtbot, trained):
    window, panel = trained
    _request(panel, "pca", 11)
    qtbot.waitUntil(lambda: panel.result is not None, timeout=20_000)
    landscape = panel.result.landscape
    assert len(landscape.path) >= 3
    assert np.allclose(landscape.path[-1], 0.0, atol=1e-6)
    assert landscape.path_steps[-1] == window.last_progress.step
    assert landscape.explained_variance is not None and "%" in panel.note.text()


def test_cancel_says_so_and_training_goes_on(qtbot, trained):
    window, panel = trained
    _request(panel, "random", 101)
    panel.cancel_button.click()  # queued right behind the request: seen before the first chunk
    qtbot.waitUntil(lambda: not panel.computing, timeout=20_000)
    assert panel.result is None and panel.message.text() == LANDSCAPE_CANCELLED
    _train(qtbot, window, 3)  # the worker still trains
    window.toggle_play()
    qtbot.waitUntil(lambda: window.playing, timeout=10_000)
    window.toggle_play()
    qtbot.waitUntil(lambda: not window.playing, timeout=10_000)


def test_pca_right_after_reset_says_in_one_sentence_to_train_first(qtbot, trained):
    window, panel = trained
    window.worker_reset()
    qtbot.waitUntil(lambda: window.last_progress.step == 0, timeout=10_000)
    _request(panel, "pca", 11)
    qtbot.waitUntil(lambda: not panel.computing, timeout=20_000)
    sentence = panel.message.text()
    assert sentence.startswith("PCA directions need at least 3 recorded points")
    assert "random directions" in sentence and "Traceback" not in sentence
    assert window.statusBar().currentMessage() == sentence


# ---------------------------------------------------------------------- a slice that is no longer current
def _slice(qtbot, panel, directions: str = "random"):
    before = panel.result
    _request(panel, directions, 11)
    qtbot.waitUntil(lambda: panel.result is not before and not panel.computing, timeout=20_000)
    return panel.result


def _opacity(plot) -> float:
    return plot.getPlotItem().opacity()


def _map_title(panel) -> str:
    return panel.map.getPlotItem().titleLabel.text


def test_a_reset_marks_the_slice_as_the_old_network_until_the_next_one(qtbot, trained):
    window, panel = trained
    result = _slice(qtbot, panel)
    panel.on_training_step(int(result.landscape.path_steps[-1]))  # a report at the slice's own step: current
    assert panel.stale is None and not panel.banner.isVisibleTo(panel)
    assert _opacity(panel.map) == 1.0 and _map_title(panel) == "Loss around the current weights"
    window.worker_reset()
    qtbot.waitUntil(lambda: panel.stale == "reset", timeout=10_000)
    assert panel.banner.isVisibleTo(panel)
    assert panel.banner.text() == ("This slice shows the network before it was reset; press Compute to slice the "
                                   "current one.")
    for plot in (panel.map, panel.path_plot, panel.line_plot):
        assert _opacity(plot) == pytest.approx(STALE_OPACITY)  # dimmed
    assert _map_title(panel) == "Before the reset: loss around the weights of step 12"
    assert panel.center_label.toPlainText() == "step 12"  # the star is no longer "now"
    assert "now" not in panel.message.text() and "step 12" in panel.message.text()
    qtbot.waitUntil(lambda: window.last_progress.step == 0, timeout=10_000)
    assert panel.stale == "reset"  # training's next reports keep the stronger warning
    _slice(qtbot, panel)
    assert panel.stale is None and not panel.banner.isVisibleTo(panel)
    assert _opacity(panel.map) == 1.0 and _map_title(panel) == "Loss around the current weights"
    assert panel.message.text().startswith("Loss at the current weights")
    assert panel.center_label.toPlainText() == "now"


def test_new_settings_mark_the_slice_as_a_network_that_is_gone(qtbot, trained):
    window, panel = trained
    _slice(qtbot, panel)
    window.on_config_changed(replace(window.config, hidden=(5,)))
    qtbot.waitUntil(lambda: panel.stale == "rebuilt", timeout=10_000)
    assert "before its settings changed" in panel.banner.text() and "Compute" in panel.banner.text()
    assert _opacity(panel.map) == pytest.approx(STALE_OPACITY)


def test_training_on_after_a_slice_says_gently_that_it_has_moved_on(qtbot, trained):
    window, panel = trained
    _slice(qtbot, panel)
    _train(qtbot, window, 3)
    qtbot.waitUntil(lambda: panel.stale == "moved", timeout=10_000)
    assert panel.banner.text() == "Training has moved on since this slice; Compute again to follow it."
    assert _opacity(panel.map) == 1.0  # still this network: not dimmed
    assert _map_title(panel) == "Loss around the weights of step 12"
    window.worker_reset()  # …and a reset after that is the stronger warning
    qtbot.waitUntil(lambda: panel.stale == "reset", timeout=10_000)
    assert _opacity(panel.map) == pytest.approx(STALE_OPACITY)


def test_with_no_slice_yet_a_reset_changes_nothing(qtbot, trained):
    window, panel = trained
    message = panel.message.text()
    window.worker_reset()
    qtbot.waitUntil(lambda: window.last_progress.step == 0, timeout=10_000)
    assert panel.stale is None and not panel.banner.isVisibleTo(panel) and panel.message.text() == message


def test_the_log_axis_of_the_path_loss_is_labelled_at_one_two_and_five():
    from gui.landscape.slice_panel import _log_ticks

    major, minor = _log_ticks(np.array([0.08, 0.3, 2.3]))
    labels = [label for _, label in major]
    assert labels == ["0.1", "0.2", "0.5", "1", "2"] and minor == []
    assert all(position == pytest.approx(np.log10(float(label))) for position, label in major)
