"""TrainingState: what the training session shows and saves; state → window → state gives the same state."""

from __future__ import annotations

import ast
from pathlib import Path

from core.mlp.config import TrainConfig
from gui.training.state import SPEED_RATES, TrainingState

REPO_ROOT = Path(__file__).resolve().parents[3]
CHOSEN = TrainingState(TrainConfig(dataset="moons", noise=0.2, n_points=300, hidden=(5, 3), activation="relu",
                                   optimizer="sgd", learning_rate=0.1, batch_size=8, seed=7, device="cpu"),
                       speed_index=4)


def test_the_state_imports_no_qt():
    """Only core and the standard library (the `gui` package itself loads PySide6 first, on purpose)."""
    tree = ast.parse((REPO_ROOT / "gui" / "training" / "state.py").read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported and all(name.split(".")[0] in {"__future__", "dataclasses", "typing", "core"} for name in imported)


def test_to_dict_and_back_gives_the_same_state():
    assert TrainingState.from_dict(CHOSEN.to_dict()) == CHOSEN
    assert CHOSEN.device == "cpu" and CHOSEN.steps_per_second == SPEED_RATES[4]
    assert TrainingState.from_dict({}) == TrainingState()
    assert TrainingState.from_dict("not a dict") == TrainingState()


def test_a_value_that_no_longer_reads_falls_back_alone():
    saved = CHOSEN.to_dict()
    assert TrainingState.from_dict({**saved, "speed_index": "fast"}) == TrainingState(CHOSEN.config, 0)
    assert TrainingState.from_dict({**saved, "speed_index": len(SPEED_RATES)}) == TrainingState(CHOSEN.config, 0)
    assert TrainingState.from_dict({**saved, "config": {"hidden": "eight"}}) == TrainingState(TrainConfig(), 4)
    assert TrainingState.from_dict({**saved, "config": {"n_points": -5}}) == TrainingState(TrainConfig(), 4)
    assert TrainingState.from_dict({**saved, "config": [1, 2]}) == TrainingState(TrainConfig(), 4)


def test_state_to_window_to_state_gives_the_same_state(make_window, settings):
    from gui.window_settings import save_training_state, saved_training_state

    save_training_state(settings, CHOSEN)
    window = make_window(None)  # opens with the saved settings, as the app does
    assert window.session.state == CHOSEN
    # The controls show it…
    assert window.panel.config() == CHOSEN.config
    assert window.speed_combo.currentIndex() == CHOSEN.speed_index
    assert window.speed_combo.currentData() == CHOSEN.steps_per_second
    assert window.device_actions["cpu"].isChecked()
    assert window.training_view.title.text().startswith("moons · 2-5-3-1 · relu")
    # …and what they hold is what is saved again.
    window.close()
    assert saved_training_state(settings) == CHOSEN


def test_the_controls_report_their_changes_to_the_state(make_window, qtbot):
    window = make_window(CHOSEN.config)
    window.speed_combo.setCurrentIndex(2)
    assert window.session.state.speed_index == 2
    window.panel.dataset.setCurrentIndex(window.panel.dataset.findData("xor"))
    qtbot.waitUntil(lambda: window.session.state.config.dataset == "xor", timeout=5_000)
    assert window.session.state.config == window.panel.config()


def test_a_corrupt_saved_value_falls_back_to_its_default_alone(make_window, settings):
    settings.setValue("training/config", '{"hidden": "eight", "dataset": 5')
    settings.setValue("training/speed_index", 2)
    window = make_window(None)
    assert window.session.state == TrainingState(TrainConfig(), 2)
    assert window.speed_combo.currentIndex() == 2
