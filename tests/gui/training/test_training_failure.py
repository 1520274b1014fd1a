"""An unexpected error inside the training worker: one sentence, Play comes back, the app goes on."""

from __future__ import annotations

import logging

from core.mlp.config import TrainConfig

SMALL = TrainConfig(dataset="circle", n_points=200, hidden=(4,), seed=3, device="cpu")


def test_an_error_while_playing_is_one_sentence_and_training_can_go_on(make_window, qtbot, monkeypatch, caplog):
    window = make_window(SMALL)
    trainer = window.worker._trainer
    original_run = trainer.run
    failures = []

    def run_that_fails_once(*arguments, **keywords):
        if not failures:
            failures.append(True)
            raise RuntimeError("injected failure")
        return original_run(*arguments, **keywords)

    monkeypatch.setattr(trainer, "run", run_that_fails_once)  # the worker is idle: it reads it when playing
    with caplog.at_level(logging.ERROR, logger="glassbox"):
        window.toggle_play()
        qtbot.waitUntil(lambda: window.training_view.banner.isVisible(), timeout=5_000)
        qtbot.waitUntil(lambda: not window.playing, timeout=5_000)
    message = window.training_view.banner.text()
    assert "injected failure" in message
    assert message.endswith(".") and "\n" not in message and ". " not in message and "Traceback" not in message
    assert window.statusBar().currentMessage() == message
    assert window.play_action.text() == "Play"
    assert any(record.exc_info for record in caplog.records), "the details go to the log"
    # The thread is alive and the network intact: a Step trains one step from where it was.
    before = window.last_progress.step
    window.step_action.trigger()
    qtbot.waitUntil(lambda: window.last_progress.step == before + 1, timeout=5_000)
    window.toggle_play()  # and Play trains again
    qtbot.waitUntil(lambda: window.playing and window.last_progress.step > before + 5, timeout=10_000)
    assert window.play_action.text() == "Pause"


def test_a_network_too_big_for_memory_is_refused_before_it_starts(make_window, qtbot, monkeypatch):
    import core.limits

    window = make_window(SMALL)
    assert "weights" in window.panel.estimate.text()  # the hint line: weights, memory, time of a step
    monkeypatch.setattr(core.limits, "available_memory", lambda: 2**20)  # a computer with 1 MB free
    runs = []
    window.session.run_started.connect(lambda info, keep: runs.append(info))
    window.panel.hidden.setText("512,512")
    window.panel._emit_config()
    assert window.panel.error.isVisible() or not window.panel.isVisible()
    sentence = window.panel.error.text()
    assert "weights" in sentence and "\n" not in sentence
    assert window.config == SMALL and window.panel.hidden.text() == "4"  # the running settings stay, shown again
    before = window.last_progress.step
    window.step_action.trigger()  # the run goes on
    qtbot.waitUntil(lambda: window.last_progress.step == before + 1, timeout=5_000)
    assert runs == []


def test_a_saved_network_too_big_for_memory_starts_on_the_defaults_with_a_sentence(make_window, qtbot, monkeypatch):
    import core.limits

    monkeypatch.setattr(core.limits, "available_memory", lambda: 400 * 2**20)
    window = make_window(TrainConfig(dataset="circle", n_points=200, hidden=(4096, 4096, 4096), device="cpu"))
    assert window.config.hidden == TrainConfig().hidden
    qtbot.waitUntil(lambda: "weights" in window.statusBar().currentMessage(), timeout=5_000)
