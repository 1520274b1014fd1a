"""core.lesson.goals: each kind of goal met and not met from hand-made readings, and a lesson
file's goal parameters checked (defaults, ranges, choices, hostile values)."""

from __future__ import annotations

import math

import pytest

from core.data.toy2d import DATASETS
from core.errors import LessonError
from core.landscape.surfaces import SURFACES, optimizer_path, race, surface
from core.lesson import goals
from core.lesson.goal_paths import divergence_step, largest_stable_rate
from core.lesson.goals import GOALS, GoalSpec, GoalTracker, check_goal
from core.lesson.model import GOAL_KINDS, MAX_GOAL_PARAMS, Goal
from core.optimizers import OPTIMIZERS


def track(kind: str, readings: dict, **params):
    return GoalTracker(Goal(kind, params)).update(readings)


def race_readings(name: str, optimizers, lr: float, steps: int, step: int | None = None, kappa: float = 10.0,
                  start=None, pending: bool = False) -> dict:
    """What gui/lesson/readings.py reads from the Landscape race, from the core's own paths."""
    shape = surface(name, **({"kappa": kappa} if name == "bowl" else {}))
    paths = race(shape, optimizers, lr, steps, start)
    return {"race.surface": name, "race.kappa": kappa, "race.pending": pending,
            "race.step": steps if step is None else step,
            "race.paths": {opt: {"lr": path.lr, "positions": path.positions, "loss": path.loss,
                                 "diverged_at": path.diverged_at} for opt, path in paths.items()}}


# ----------------------------------------------------------------------------- the catalogue
def test_every_kind_has_a_spec_and_only_those():
    assert tuple(GOALS) == GOAL_KINDS
    for spec in GOALS.values():
        assert isinstance(spec, GoalSpec)
        assert len(spec.params) <= MAX_GOAL_PARAMS
        for name, default in spec.params.items():
            if isinstance(default, str):
                assert default in spec.choices[name]
            else:
                low, high = spec.ranges[name]
                assert low <= default <= high


def test_the_names_copied_to_keep_torch_out_agree_with_the_core():
    assert goals.SURFACE_NAMES == tuple(SURFACES)
    assert goals.OPTIMIZER_NAMES == tuple(OPTIMIZERS)
    assert set(goals.CLASSIFICATION_DATASETS) <= set(DATASETS)
    assert set(goals.SURFACES_WITH_MINIMA) == {name for name, s in SURFACES.items() if s.minima}


# ----------------------------------------------------------------------------- checking a lesson's goal
def test_check_goal_fills_in_defaults_and_normalises_numbers():
    assert check_goal("mlp_test_loss", {}, "a.glassbox-lesson", 2) == {
        "dataset": "spiral", "loss": 0.1, "max_hidden_neurons": 8}
    checked = check_goal("mlp_test_loss", {"loss": 1, "max_hidden_neurons": 12.0}, "a.glassbox-lesson", 2)
    assert checked["loss"] == 1.0 and isinstance(checked["loss"], float)
    assert checked["max_hidden_neurons"] == 12 and isinstance(checked["max_hidden_neurons"], int)
    assert check_goal("lab_most_confused", {}, "a", 1) == {}


REFUSED = [  # kind, params, words the sentence must hold
    ("no_such_goal", {}, "unknown kind 'no_such_goal'"),
    (["mlp_test_loss"], {}, "unknown kind"),
    ("mlp_test_loss", [], "names and values"),
    ("mlp_test_loss", {"los": 0.1}, "no parameter 'los'; its parameters are: dataset, loss, max_hidden_neurons"),
    ("mlp_test_loss", {"loss": 0}, "'loss' of scene 4 must be a number from 0.001 to 10; not 0"),
    ("mlp_test_loss", {"loss": math.nan}, "not nan"),
    ("mlp_test_loss", {"loss": math.inf}, "not inf"),
    ("mlp_test_loss", {"loss": True}, "not True"),
    ("mlp_test_loss", {"loss": "0.1"}, "not '0.1'"),
    ("mlp_test_loss", {"loss": 10 ** 400}, "must be a number"),
    ("mlp_test_loss", {"max_hidden_neurons": 8.5}, "must be a whole number from 0 to 1000; not 8.5"),
    ("mlp_test_loss", {"max_hidden_neurons": -1}, "whole number"),
    ("mlp_test_loss", {"dataset": "mnist"}, "must be one of: circle, xor"),
    ("mlp_test_loss", {"dataset": 3}, "must be one of"),
    ("mlp_test_accuracy", {"dataset": "reg-plane"}, "must be one of"),
    ("race_reach_minimum", {"surface": "saddle"}, "must be one of: bowl, rosenbrock"),
    ("race_reach_minimum", {"optimizer": "lbfgs"}, "must be one of: sgd"),
    ("lab_draw_digit", {"digit": 7}, "must be one of: 0, 1"),
    ("autoencoder_rebuild", {"digit": "3"}, "whole number from 0 to 9"),
    ("lab_most_confused", {"x": 1}, "takes no parameters; remove 'x'"),
]


def test_check_goal_refuses_bad_goals_with_one_sentence():
    for kind, params, words in REFUSED:  # one test, not twenty: each test item costs the suite setup time
        with pytest.raises(LessonError) as caught:
            check_goal(kind, params, "class.glassbox-lesson", 4)
        sentence = str(caught.value)
        assert words in sentence, (kind, params, sentence)
        assert "class.glassbox-lesson" in sentence and "scene 4" in sentence, sentence
        assert "\n" not in sentence and sentence.endswith("."), sentence


def test_a_huge_hostile_value_is_quoted_short():
    with pytest.raises(LessonError) as caught:
        check_goal("mlp_test_loss", {"dataset": "x" * 5000}, "a", 1)
    assert len(str(caught.value)) < 300


# ----------------------------------------------------------------------------- the MLP's goals
SPIRAL = {"mlp.dataset": "spiral", "mlp.hidden_layers": 2, "mlp.hidden_neurons": 8, "mlp.test_loss": 0.05}


def test_mlp_test_loss_is_met_under_the_loss_on_a_small_enough_network():
    status = track("mlp_test_loss", SPIRAL)
    assert status.met
    assert status.values == {"dataset": "spiral", "hidden_neurons": 8.0, "test_loss": 0.05}


def test_mlp_test_loss_is_not_met():
    for change in ({"mlp.test_loss": 0.1}, {"mlp.test_loss": 0.5}, {"mlp.test_loss": None},
                   {"mlp.test_loss": math.nan}, {"mlp.hidden_neurons": 9}, {"mlp.dataset": "xor"},
                   {"mlp.hidden_neurons": None}):
        assert not track("mlp_test_loss", {**SPIRAL, **change}).met, change


def test_mlp_test_loss_with_other_params():
    readings = {**SPIRAL, "mlp.hidden_neurons": 16, "mlp.test_loss": 0.15}
    assert track("mlp_test_loss", readings, loss=0.2, max_hidden_neurons=16).met
    assert not track("mlp_test_loss", readings).met


def test_mlp_test_accuracy():
    readings = {"mlp.dataset": "xor", "mlp.hidden_layers": 1, "mlp.test_accuracy": 0.96}
    assert track("mlp_test_accuracy", readings).met
    assert not track("mlp_test_accuracy", {**readings, "mlp.hidden_layers": 0}).met
    assert not track("mlp_test_accuracy", {**readings, "mlp.test_accuracy": 0.94}).met
    assert not track("mlp_test_accuracy", {**readings, "mlp.dataset": "gauss"}).met
    assert track("mlp_test_accuracy", {**readings, "mlp.hidden_layers": 0}, min_hidden_layers=0).met
    assert not track("mlp_test_accuracy", {}).met


def test_gradient_ratio_compares_the_first_layer_with_the_last():
    readings = {"mlp.hidden_layers": 8, "mlp.gradient_first": 1e-6, "mlp.gradient_last": 1e-2}
    status = track("gradient_ratio", readings)
    assert not status.met and status.values["ratio"] == pytest.approx(1e-4)
    assert track("gradient_ratio", {**readings, "mlp.gradient_first": 2e-3}).met
    assert not track("gradient_ratio", {**readings, "mlp.gradient_first": 2e-3, "mlp.hidden_layers": 3}).met
    assert not track("gradient_ratio", {**readings, "mlp.gradient_last": 0.0}).met
    assert not track("gradient_ratio", {"mlp.hidden_layers": 8}).met


def test_once_met_a_goal_stays_met_until_reset():
    tracker = GoalTracker(Goal("mlp_test_loss", {}))
    assert tracker.update(SPIRAL).met
    later = tracker.update({**SPIRAL, "mlp.test_loss": 0.7})
    assert later.met and later.values["test_loss"] == 0.7  # the numbers stay live
    tracker.reset()
    assert not tracker.update({**SPIRAL, "mlp.test_loss": 0.7}).met


# ----------------------------------------------------------------------------- the race's goals
def test_race_reach_minimum_on_the_bowl_counts_what_playback_has_shown():
    readings = race_readings("bowl", ["sgd", "adam"], 0.15, 300, step=0)
    status = track("race_reach_minimum", readings)
    reached = status.values["reached_at"]
    assert not status.met and reached is not None and reached <= 60
    assert status.values["distance_now"] == pytest.approx(math.hypot(-2.0, 1.5))
    assert not track("race_reach_minimum", {**readings, "race.step": reached - 1}).met
    assert track("race_reach_minimum", {**readings, "race.step": reached}).met


def test_race_reach_minimum_is_not_met_when_too_slow_elsewhere_or_pending():
    slow = race_readings("bowl", ["sgd"], 0.005, 300)  # crawls: far from (0, 0) after 60 steps
    assert not track("race_reach_minimum", slow).met
    assert track("race_reach_minimum", slow, max_steps=5000, distance=2.4).met
    fast = race_readings("bowl", ["sgd"], 0.15, 300)
    assert track("race_reach_minimum", fast).met
    assert not track("race_reach_minimum", {**fast, "race.pending": True}).met
    assert not track("race_reach_minimum", {**fast, "race.surface": "himmelblau"}).met
    assert not track("race_reach_minimum", fast, optimizer="adam").met  # Adam is not in this race
    assert not track("race_reach_minimum", {}).met


def test_while_the_race_recomputes_the_last_numbers_stand():
    tracker = GoalTracker(Goal("race_reach_minimum", {}))
    before = tracker.update(race_readings("bowl", ["sgd"], 0.15, 100, step=0))
    during = tracker.update({"race.surface": "bowl", "race.pending": True, "race.paths": {}})
    assert during.values == before.values and during.values["optimizer_racing"]
    assert tracker.update(race_readings("bowl", ["sgd"], 0.15, 100)).met


def test_largest_stable_rate_on_the_bowl_is_two_over_the_largest_curvature():
    assert largest_stable_rate("bowl", 10.0) == pytest.approx(0.2)
    assert largest_stable_rate("bowl", 1.0) == pytest.approx(2.0)
    assert largest_stable_rate("bowl", 250.0) == pytest.approx(0.008)


def test_largest_stable_rate_elsewhere_is_the_edge_of_the_core_race():
    start, steps = (0.0, -1.0), 200
    rate = largest_stable_rate("himmelblau", start=start, steps=steps)
    shape = surface("himmelblau")

    def diverges(lr):
        path = optimizer_path(shape, "sgd", lr, steps, start)
        return divergence_step({"diverged_at": path.diverged_at, "loss": path.loss}) is not None

    assert 1e-3 < rate < 0.2
    # Near the edge Himmelblau is chaotic (stable, unstable, stable again): the rate found is stable,
    # and SGD flies off somewhere within 1 % above it.
    assert not diverges(rate) and any(diverges(rate * (1 + k / 1000)) for k in range(1, 11))


def test_sgd_largest_stable_rate_needs_a_divergence_seen_then_a_rate_near_the_edge():
    tracker = GoalTracker(Goal("sgd_largest_stable_rate", {}))
    close = race_readings("bowl", ["sgd", "momentum"], 0.18, 300)
    status = tracker.update(close)
    assert not status.met and status.values["converged"] and status.values["close"]
    assert status.values["largest_stable"] == pytest.approx(0.2)
    diverging = race_readings("bowl", ["sgd"], 0.25, 300, step=0)
    status = tracker.update(diverging)
    assert status.values["diverging"] and status.values["diverged_rate"] is None  # not shown yet
    assert not tracker.update(close).met
    shown = tracker.update({**diverging, "race.step": 300})
    assert shown.values["diverged_rate"] == 0.25 and not shown.met
    assert not tracker.update(race_readings("bowl", ["sgd"], 0.1, 300)).met  # converges, far below the edge
    assert not tracker.update(race_readings("bowl", ["sgd"], 0.18, 300, step=1)).met  # not shown converging yet
    assert not tracker.update(race_readings("bowl", ["sgd"], 0.18, 300, kappa=20)).met  # another bowl
    assert tracker.update(close).met


def test_a_path_that_grows_without_flying_off_counts_as_diverging():
    readings = race_readings("bowl", ["sgd"], 0.202, 300)  # just past 2/κ: it grows slowly, never past 1e6
    path = readings["race.paths"]["sgd"]
    assert path["diverged_at"] is None
    assert divergence_step(path) is not None


def test_sgd_largest_stable_rate_on_another_surface():
    tracker = GoalTracker(Goal("sgd_largest_stable_rate", {"surface": "himmelblau"}))
    edge = largest_stable_rate("himmelblau", start=(0.0, -1.0), steps=300)
    tracker.update(race_readings("himmelblau", ["sgd"], edge * 1.5, 300))
    status = tracker.update(race_readings("himmelblau", ["sgd"], edge * 0.95, 300))
    assert status.values["diverged_rate"] == pytest.approx(edge * 1.5)
    assert status.met == status.values["converged"]


def test_himmelblau_other_minimum_needs_adam_and_another_at_two_different_minima():
    flown = race_readings("himmelblau", ["sgd", "adam"], 0.05, 2000)  # SGD flies off, Adam reaches (3, 2)
    status = track("himmelblau_other_minimum", flown)
    assert flown["race.paths"]["sgd"]["diverged_at"] is not None
    assert not status.met and status.values["adam_minimum"] == (3.0, 2.0)
    # From (0, 2) at rate 0.01 Adam finds (3, 2) while momentum swings round to (3.58, -1.85).
    found = race_readings("himmelblau", ["momentum", "adam"], 0.01, 300, start=(0.0, 2.0))
    status = track("himmelblau_other_minimum", found)
    assert status.met
    assert status.values["other"] == "momentum" and status.values["adam_minimum"] != status.values["other_minimum"]
    assert not track("himmelblau_other_minimum", {**found, "race.step": 0}).met
    assert not track("himmelblau_other_minimum", {**found, "race.surface": "bowl"}).met
    only_adam = {**found, "race.paths": {"adam": found["race.paths"]["adam"]}}
    assert not track("himmelblau_other_minimum", only_adam).met


# ----------------------------------------------------------------------------- the lab and the autoencoder
def test_lab_draw_digit():
    probabilities = {str(d): 0.01 for d in range(10)}
    readings = {"lab.image_kind": "drawing", "lab.probabilities": {**probabilities, "7": 0.91}}
    status = track("lab_draw_digit", readings)
    assert status.met and status.values["top_class"] == "7" and status.values["probability"] == 0.91
    assert not track("lab_draw_digit", {**readings, "lab.image_kind": "sample"}).met
    assert not track("lab_draw_digit", {**readings, "lab.probabilities": {**probabilities, "7": 0.89}}).met
    assert not track("lab_draw_digit", readings, digit="1").met
    assert not track("lab_draw_digit", {"lab.image_kind": "drawing", "lab.probabilities": None}).met


def test_lab_most_confused_wants_the_largest_off_diagonal_cell():
    counts = [[50, 2, 1], [7, 40, 3], [0, 7, 45]]  # 7 twice: either one is the most confused
    readings = {"lab.confusion": counts, "lab.confusion_clicked": (1, 0)}
    status = track("lab_most_confused", readings)
    assert status.met and status.values["largest"] == 7 and status.values["clicked_count"] == 7
    assert track("lab_most_confused", {**readings, "lab.confusion_clicked": (2, 1)}).met
    for cell in [(0, 1), (0, 0), (2, 2), (5, 0), None, "ab"]:
        assert not track("lab_most_confused", {**readings, "lab.confusion_clicked": cell}).met
    assert not track("lab_most_confused", {"lab.confusion": [[5, 0], [0, 5]], "lab.confusion_clicked": (0, 1)}).met
    assert not track("lab_most_confused", {"lab.confusion": [[1, 2, 3]], "lab.confusion_clicked": (0, 1)}).met
    assert not track("lab_most_confused", {"lab.confusion": None, "lab.confusion_clicked": (0, 1)}).met


def test_autoencoder_rebuild_compares_with_answering_the_mean_image():
    readings = {"autoencoder.bottleneck": 2, "autoencoder.class_error": {"3": 0.03, "1": 0.01},
                "autoencoder.mean_error": {"3": 0.06, "1": 0.05}}
    status = track("autoencoder_rebuild", readings)
    assert status.met and status.values["ratio"] == pytest.approx(0.5)  # 0.03 ≤ 0.6 × 0.06
    assert not track("autoencoder_rebuild", {**readings, "autoencoder.bottleneck": 3}).met
    assert not track("autoencoder_rebuild", readings, ratio=0.4).met
    assert track("autoencoder_rebuild", readings, digit=1, ratio=0.2).met
    assert not track("autoencoder_rebuild", readings, digit=5).met
    assert not track("autoencoder_rebuild", {**readings, "autoencoder.mean_error": {"3": 0.0}}).met
    assert not track("autoencoder_rebuild", {}).met


def test_the_autoencoders_per_class_errors_are_the_whole_error_split_by_class():
    """What autoencoder_rebuild reads (core.autoencoder's evaluation, per class)."""
    from core.autoencoder.trainer import AutoencoderConfig, AutoencoderTrainer, autoencoder_data
    from core.data.synthetic_images import make_digits

    x, y = make_digits(60, 2)
    trainer = AutoencoderTrainer(autoencoder_data(x, y, [str(d) for d in range(10)], "digits"),
                                 AutoencoderConfig(hidden=(16,), device="cpu"))
    for _ in range(3):
        trainer.step()
    result = trainer.evaluate()
    labels = trainer.data.y_test.numpy()
    counts = [int((labels == k).sum()) for k in range(10)]
    assert len(result.class_errors) == len(result.class_mean_image_errors) == 10
    assert sum(c * e for c, e in zip(counts, result.class_errors)) / sum(counts) == \
        pytest.approx(result.test_error, rel=1e-4)
    assert sum(c * e for c, e in zip(counts, result.class_mean_image_errors)) / sum(counts) == \
        pytest.approx(result.mean_image_error, rel=1e-4)
