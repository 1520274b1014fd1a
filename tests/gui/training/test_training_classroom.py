"""The training views in class: Chinese at once, a narrow settings dock, zoom, presenter mode, saved curves,
and a session snapshot that continues training exactly."""

from __future__ import annotations

import numpy as np
import pytest

import gui.i18n
from core.mlp.config import TrainConfig
from core.mlp.reports import run_info, train_headless
from core.mlp.trainer import Trainer
from gui.style.zoom import ZOOM
from gui.training.curves_view import TrainingView
from gui.training.session import TrainingSession
from gui.training.settings_panel import SettingsPanel
from gui.training.state import MAX_HISTORY_ROWS, CurvesState, TrainingState
from tests.gui.language_check import english_leftovers, english_words

SMALL = TrainConfig(dataset="circle", n_points=200, hidden=(4,), seed=3, device="cpu")


@pytest.fixture
def chinese():
    gui.i18n.install("zh_CN")
    try:
        yield
    finally:
        gui.i18n.install("en")


@pytest.fixture
def view(qtbot):
    view = TrainingView()
    qtbot.addWidget(view)
    trainer = Trainer(SMALL)
    view.on_run_started(run_info(trainer))
    view.show_history(train_headless(trainer, 30, points=10)[0])
    return view


def test_settings_panel_speaks_chinese_at_once_and_english_again(qtbot, chinese):
    panel = SettingsPanel(SMALL)
    qtbot.addWidget(panel)
    panel.show()
    panel.learning_rate.setCurrentText("0.0.3")
    panel._emit_config()  # a rejected value: its sentence is translated too
    qtbot.waitUntil(lambda: panel.dataset.itemText(0) == "圆环")
    assert english_leftovers(panel) == []
    assert "学习率" in panel.error.text()
    gui.i18n.install("en")
    qtbot.waitUntil(lambda: panel.dataset.itemText(0) == "circle")
    assert "learning rate" in panel.error.text()


def test_training_view_speaks_chinese_and_english_again(qtbot, view, chinese):
    view.show()
    qtbot.waitUntil(lambda: view.title.text().startswith("圆环"))
    assert english_leftovers(view) == []
    assert "批量" in view.title.text() and "第 30 步" in view.readout.text()
    gui.i18n.install("en")
    qtbot.waitUntil(lambda: view.title.text().startswith("circle · 2-4-1"))
    assert view.readout.text().startswith("step 30")


def test_the_settings_panel_fits_a_narrow_dock_and_the_view_fits_1000_by_600(qtbot, view):
    panel = SettingsPanel(SMALL)
    qtbot.addWidget(panel)
    assert panel.minimumSizeHint().width() <= 260
    panel.resize(260, 800)
    panel.show()
    assert all(box.isVisible() and box.width() > 0 for box in panel.feature_boxes.values())
    hint = view.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 600


def test_fonts_follow_the_zoom_and_presenter_mode(view):
    title, readout = view.title.font().pointSizeF(), view.readout.font().pointSizeF()
    try:
        ZOOM.set_factor(1.5)
        assert view.title.font().pointSizeF() == pytest.approx(1.5 * title)
        assert view.loss_plot.getPlotItem().getAxis("left").style["tickFont"].pointSizeF() > 13
    finally:
        ZOOM.set_factor(1.0)
    view.set_presenting(True)
    assert view.readout.font().pointSizeF() > readout
    view.set_presenting(False)
    assert view.readout.font().pointSizeF() == pytest.approx(readout)


def test_curves_survive_a_session_and_garbage_reads_as_nothing(qtbot, view):
    state = view.state()
    assert len(state.rows) == len(view.history) > 2
    again = CurvesState.from_dict(state.to_dict())
    assert np.allclose(np.array(again.rows), np.array(state.rows), equal_nan=True)
    other = TrainingView()
    qtbot.addWidget(other)
    other.apply_state(again)
    assert np.array_equal(other.history.column("step"), view.history.column("step"))
    for garbage in (None, 3, "x", {"history": "no"}, {"history": [[1, 2], ["a"] * 6, [float("inf")] * 6, [True] * 6]}):
        assert CurvesState.from_dict(garbage) == CurvesState()
    long = CurvesState.of_rows([(step, 0, 1, 1, 0.5, 0.5) for step in range(5 * MAX_HISTORY_ROWS)])
    assert len(long.rows) <= MAX_HISTORY_ROWS and long.rows[-1][0] == 5 * MAX_HISTORY_ROWS - 1


def _run(qtbot, session: TrainingSession, steps: int) -> None:
    target = session.last_progress.step + steps
    for _ in range(steps):
        session.step()
    qtbot.waitUntil(lambda: session.last_progress is not None and session.last_progress.step >= target,
                    timeout=10_000)


@pytest.mark.skipif(not hasattr(Trainer, "from_snapshot"), reason="core/mlp/trainer.py has no snapshot yet")
def test_a_snapshot_restored_in_a_fresh_session_trains_on_identically(qtbot):
    sessions = []
    try:
        original = TrainingSession(TrainingState(SMALL))
        sessions.append(original)
        original.start()
        qtbot.waitUntil(lambda: original.last_progress is not None, timeout=10_000)
        _run(qtbot, original, 7)
        with qtbot.waitSignal(original.snapshot_ready, timeout=10_000) as caught:
            original.request_snapshot()
        part = caught.args[0]
        saved_path = list(original.worker._recorder.steps)  # paused: the worker is waiting for commands
        fresh = TrainingSession(TrainingState(TrainConfig(dataset="xor", hidden=(3,), device="cpu")))
        sessions.append(fresh)
        fresh.start()
        qtbot.waitUntil(lambda: fresh.last_progress is not None, timeout=10_000)
        with qtbot.waitSignal(fresh.run_started, timeout=10_000):
            fresh.restore_snapshot(part)
        qtbot.waitUntil(lambda: fresh.last_progress.step == 7, timeout=10_000)
        assert fresh.config == original.config and not fresh.playing
        assert fresh.worker._recorder.steps == saved_path and len(saved_path) >= 2  # the landscape's path too
        assert np.array_equal(fresh.worker._initial_weights.numpy(), original.worker._initial_weights.numpy())
        _run(qtbot, original, 5)
        _run(qtbot, fresh, 5)
        for (w1, b1), (w2, b2) in zip(original.last_progress.weights, fresh.last_progress.weights):
            assert np.array_equal(w1, w2) and np.array_equal(b1, b2)
        assert fresh.last_progress.evaluations[-1].train_loss == original.last_progress.evaluations[-1].train_loss
        failures = []
        fresh.failed.connect(failures.append)
        fresh.restore_snapshot("not a part")  # the run stays, one sentence says so
        qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
        assert fresh.last_progress.step == 12 and fresh.config == original.config
    finally:
        for session in sessions:
            session.shutdown()


def test_play_step_reset_speed_and_device_speak_chinese(qtbot, chinese):
    from PySide6.QtWidgets import QWidget

    from gui.training.controls import TrainingControls

    window = QWidget()
    qtbot.addWidget(window)
    state = TrainingState(SMALL)
    controls = TrainingControls(TrainingSession(state, parent=window), state, window)
    qtbot.waitUntil(lambda: controls.play_action.text() == "播放")
    texts = [action.text() for action in controls.actions] + [action.toolTip() for action in controls.actions]
    texts += [action.text() for action in controls.device_actions.values()]
    texts += [controls.speed_combo.itemText(index) for index in range(controls.speed_combo.count())]
    assert all(text and not english_words(text) for text in texts), texts
    gui.i18n.install("en")
    qtbot.waitUntil(lambda: controls.play_action.text() == "Play")
    assert controls.speed_combo.itemText(1) == "1000 steps/s"


def test_the_curves_ride_in_the_training_tabs_session_entry(tmp_path, view):
    """The window saves {**session state, **curves state} as the "training" tab; each reads its own keys back."""
    from core.session.files import read_session, write_session
    from core.session.parts import Session

    entry = {**TrainingState(SMALL).to_dict(), **view.state().to_dict()}
    write_session(tmp_path / "lesson.glassbox", Session(app={}, tabs={"training": entry}, parts={}))
    read = read_session(tmp_path / "lesson.glassbox").tabs["training"]
    assert TrainingState.from_dict(read).config == SMALL
    assert np.allclose(np.array(CurvesState.from_dict(read).rows), np.array(view.state().rows), equal_nan=True)


def test_restored_curves_outlive_the_restored_runs_start_but_not_a_later_one(qtbot, view):
    other = TrainingView()
    qtbot.addWidget(other)
    other.apply_state(view.state())
    info = view.info
    other.on_run_started(info, False)  # the restored run arrives after the curves: they stay
    assert len(other.history) == len(view.history)
    other.on_run_started(info, False)  # a reset or new settings later: a new run, new curves
    assert len(other.history) == 0
