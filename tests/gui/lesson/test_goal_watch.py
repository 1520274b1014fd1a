"""GoalWatch on a real window: a goal checked live from the tabs' own numbers, met once, in words."""

from __future__ import annotations

import pytest

from core.autoencoder.trainer import AutoencoderConfig, autoencoder_data
from core.data.synthetic_images import make_digits
from core.lesson.goals import GOALS, GoalStatus, GoalTracker
from core.lesson.model import Goal
from core.mlp.config import TrainConfig
from core.session.parts import TAB_NAMES
from gui.landscape.state import RaceState
from gui.lesson.goal_watch import GoalWatch
from gui.lesson.goal_words import choice_label, describe_goal, param_label, status_sentence

XOR = TrainConfig(dataset="xor", hidden=(8,), n_points=200, learning_rate=0.03)


def checked(watch: GoalWatch) -> bool:
    """Check now (as the timer would) and say whether the goal is met: for qtbot.waitUntil."""
    watch.check()
    return watch.met


def test_every_goal_has_words_for_its_challenge_and_any_status():
    for kind, spec in GOALS.items():
        goal = Goal(kind, {})
        text = describe_goal(goal)
        assert text and text != kind and text.endswith(".")
        status = GoalTracker(goal).update({})
        assert not status.met
        assert status_sentence(goal, status)  # says what to do first, even with nothing to read
        assert status_sentence(goal, GoalStatus(True, status.values)).startswith("✓")
        for name in spec.params:
            assert param_label(name, kind) and "_" not in param_label(name, kind)
    assert describe_goal(Goal("mlp_test_loss", {})) == \
        "Get the test loss under 0.10 on the spiral dataset with at most 8 hidden neurons."
    assert choice_label("bowl") == "Convex bowl" and choice_label("adamw") == "AdamW" and choice_label("xor") == "XOR"


def test_the_status_sentence_shows_the_numbers_against_the_goal():
    goal = Goal("mlp_test_loss", {})
    status = GoalTracker(goal).update({"mlp.dataset": "spiral", "mlp.hidden_neurons": 12, "mlp.test_loss": 0.234})
    assert status_sentence(goal, status) == "test loss 0.23 now (goal: under 0.10) · 12 hidden neurons (at most 8)"
    status = GoalTracker(goal).update({"mlp.dataset": "xor", "mlp.hidden_neurons": 8})
    assert status_sentence(goal, status) == \
        "the dataset is XOR, not spiral · no test loss yet: train the network · 8 hidden neurons (at most 8)"


def test_training_xor_with_a_hidden_layer_meets_the_accuracy_goal_once(make_window, qtbot):
    window = make_window(XOR)
    watch = GoalWatch(window)
    said: list[tuple[str, bool]] = []
    met: list[bool] = []
    watch.status_changed.connect(lambda sentence, ok: said.append((sentence, ok)))
    watch.goal_met.connect(lambda: met.append(True))
    watch.watch(Goal("mlp_test_accuracy", {"dataset": "xor", "accuracy": 0.9, "min_hidden_layers": 1}))
    assert watch.timer.isActive() and said and not said[-1][1]
    assert "test accuracy" in said[-1][0] or "no test accuracy yet" in said[-1][0]
    window.toggle_play()
    qtbot.waitUntil(lambda: checked(watch), timeout=60_000)
    window.toggle_play()
    assert met == [True] and said[-1][1] and said[-1][0].startswith("✓ Goal met!")
    accuracy = window.training_view.history.last()["test_accuracy"]
    assert accuracy >= 0.9
    watch.check()
    assert met == [True]  # once per scene, however long it stays met
    watch.watch(None)
    assert not watch.timer.isActive() and said[-1] == ("", False)


def test_a_goal_on_another_dataset_is_not_met_and_says_why(make_window, qtbot):
    window = make_window(XOR)
    watch = GoalWatch(window)
    watch.watch(Goal("mlp_test_accuracy", {"dataset": "circle", "accuracy": 0.5, "min_hidden_layers": 1}))
    for _ in range(3):
        window.worker_step()
    qtbot.waitUntil(lambda: window.last_progress.step >= 3, timeout=10_000)
    watch.check()
    assert not watch.met and "the dataset is XOR, not circle" in watch.sentence()


def test_the_timer_reads_the_window_by_itself(make_window, qtbot):
    window = make_window(XOR)
    watch = GoalWatch(window, interval_ms=20)
    watch.watch(Goal("mlp_test_loss", {"dataset": "xor", "loss": 10.0, "max_hidden_neurons": 8}))
    if not watch.met:  # the first check came before any evaluation: the timer sees the next one
        window.worker_step()
        with qtbot.waitSignal(watch.goal_met, timeout=10_000):
            pass
    assert watch.met
    window.close()
    assert not watch.timer.isActive()


def test_race_goals_from_the_landscape_tab(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentIndex(TAB_NAMES.index("landscape"))
    view = window.landscape_tab.ensure_built().surfaces

    def race(lr: float) -> None:
        view.apply_state(RaceState(surface="bowl", kappa=10.0, optimizers=("sgd",), learning_rate=lr, steps=100,
                                   start=(-2.0, 1.5)))
        qtbot.waitUntil(lambda: not view.race_pending and view.paths["sgd"].lr == lr, timeout=10_000)

    reach = GoalWatch(window)
    reach.watch(Goal("race_reach_minimum", {}))
    race(0.15)
    view.reset()
    assert not checked(reach) and "play the race" in reach.sentence()
    view.go_to_end()
    assert checked(reach)

    edge = GoalWatch(window)
    edge.watch(Goal("sgd_largest_stable_rate", {}))
    race(0.18)
    view.go_to_end()
    assert not checked(edge) and "first make SGD diverge" in edge.sentence()
    race(0.25)
    view.go_to_end()
    assert not checked(edge) and "SGD diverged at learning rate 0.25" in edge.sentence()
    race(0.1)
    view.go_to_end()
    assert not checked(edge) and "a larger rate would too" in edge.sentence()
    race(0.19)
    view.go_to_end()
    assert checked(edge)


def test_the_autoencoder_goal_reads_its_latest_evaluation(make_window, qtbot):
    x, y = make_digits(100, 3)
    digits = autoencoder_data(x, y, [str(d) for d in range(10)], "test digits")
    window = make_window()
    window.tabs.setCurrentIndex(TAB_NAMES.index("autoencoder"))
    tab = window.autoencoder_tab.ensure_built()
    watch = GoalWatch(window)
    watch.watch(Goal("autoencoder_rebuild", {"digit": 3, "bottleneck": 2, "ratio": 0.6}))
    assert watch.sentence() == "train the autoencoder"
    with qtbot.waitSignal(tab.runner.run_started, timeout=20_000):
        tab.runner.use(digits, AutoencoderConfig(bottleneck=4, hidden=(32,)))
    tab.runner.set_playing(True)
    qtbot.waitUntil(lambda: tab.runner.last_report is not None and tab.runner.last_report.step >= 2,
                    timeout=20_000)
    tab.runner.set_playing(False)
    watch.check()
    assert not watch.met  # four numbers in the middle, not two
    assert watch.sentence().startswith("4 numbers in the middle (at most 2) · the 3s are rebuilt with ")
    assert watch.status.values["ratio"] == pytest.approx(
        watch.status.values["error"] / watch.status.values["mean_error"])


def test_clicking_the_most_confused_cell_meets_the_goal(make_window, qtbot):
    import numpy as np

    from core.cnn.confusion import Confusion
    from gui.convolution.explain.training.training_confusion import ConfusionReport

    window = make_window()
    watch = GoalWatch(window)
    watch.watch(Goal("lab_most_confused", {}))
    assert watch.sentence() == "open the confusion matrix while the network trains"
    switch = window.conv_tab.training.confusion
    counts = np.array([[9, 1, 0], [4, 5, 1], [0, 2, 8]])
    confusion = Confusion(("a", "b", "c"), counts, np.zeros(30, np.int64), np.zeros(30, np.int64), 30, 30)
    switch.show_report(ConfusionReport(step=10, confusion=confusion, held_out=30, pixels=None))
    switch.set_open(True)
    qtbot.waitUntil(lambda: switch.window is not None and switch.window.isVisible(), timeout=5_000)
    assert not checked(watch) and watch.sentence() == "click the cell you think holds the most mistakes"
    switch.window.view.select(2, 1)
    assert not checked(watch) and watch.sentence() == "that cell holds 2 mistakes; another holds more"
    switch.window.view.select(1, 1)
    assert not checked(watch) and "right answers" in watch.sentence()
    switch.window.view.select(1, 0)
    assert checked(watch) and watch.sentence() == "✓ Goal met! · that cell holds 4 mistakes"
    switch.set_open(False)


def test_a_language_change_says_the_status_again(make_window, qtbot):
    import gui.i18n

    window = make_window(XOR)
    watch = GoalWatch(window)
    watch.watch(Goal("mlp_test_loss", {}))
    try:
        with qtbot.waitSignal(watch.status_changed, timeout=5_000):
            gui.i18n.install("zh_CN")
    finally:
        gui.i18n.install("en")
