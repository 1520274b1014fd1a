"""The challenges a scene may set, and how the running app's numbers meet them. Qt-free.

`GOALS` describes each kind of core.lesson.model.GOAL_KINDS: its parameters with their
defaults, and the range or the choices each one allows. `check_goal` checks a lesson file's
goal against that (core/lesson/files.py calls it; the editor offers the same ranges).
`GoalTracker(goal).update(readings)` decides whether the goal is met from a readings
dictionary that gui/lesson/readings.py collects from the window; it is a plain function of
those numbers plus the little a goal must remember (that SGD was seen diverging), so every
kind is tested with hand-made readings. core/lesson/goal_paths.py measures the race's paths.

The readings (missing keys and None mean "not known yet"; the goal is then not met):
  mlp.dataset           str    the Training/Network tabs' dataset
  mlp.hidden_layers     int    their network's hidden layers
  mlp.hidden_neurons    int    its hidden neurons, all layers together
  mlp.test_loss         float  the latest test loss of THAT network (None before it has trained)
  mlp.test_accuracy     float  the latest test accuracy, 0..1 (None for regression or before training)
  mlp.gradient_first    float  the size of the first weight layer's gradient (latest step)
  mlp.gradient_last     float  the size of the last weight layer's gradient
  race.surface          str    the Landscape race's surface
  race.kappa            float  the bowl's condition number
  race.pending          bool   True while the paths drawn are not yet those of the latest settings
  race.step             int    the playback position: what the class has been shown so far
  race.paths            dict   optimizer name -> {"lr": float, "positions": (n, 2) points,
                               "loss": n values, "diverged_at": int | None}
  lab.pending           bool   True while the lab's latest image waits for the network's answer
  lab.image_kind        str    "drawing", "sample", "file"... where the lab's image came from
  lab.probabilities     dict   class name -> the network's probability for the lab's image
  lab.confusion         rows of counts (true class by row, predicted class by column) | None
  lab.confusion_clicked (row, column) of the cell last clicked in the confusion window | None
  autoencoder.bottleneck  int  the numbers in the autoencoder's middle layer
  autoencoder.class_error dict class name -> mean squared error of its rebuilds of held-out images
  autoencoder.mean_error  dict class name -> that error when every image is answered with the mean image
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import numpy as np

from core.data.toy2d import DATASETS
from core.errors import LessonError
from core.lesson.goal_paths import (divergence_step, first_near, largest_stable_rate, path_distances, positions_of,
                                    surface_minima)

# core.landscape.surfaces.SURFACES and core.optimizers.OPTIMIZERS, named here so that reading a
# lesson file needs no torch (those modules import it); tests/core/lesson/test_goals.py checks they agree.
SURFACE_NAMES = ("bowl", "rosenbrock", "himmelblau", "saddle", "beale", "camel", "plateau")
SURFACES_WITH_MINIMA = tuple(name for name in SURFACE_NAMES if name != "saddle")
OPTIMIZER_NAMES = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw")
CLASSIFICATION_DATASETS = tuple(name for name, spec in DATASETS.items() if spec.task != "regression")
DIGITS = tuple("0123456789")
KAPPA_RANGE = (1.0, 1000.0)
CONVERGED_DISTANCE = 0.05  # SGD "converges" once its path comes this close to a minimum


@dataclass(frozen=True)
class GoalSpec:
    """One kind of goal: its parameters (name -> default), and what each one may be.

    A parameter with an int default takes whole numbers, a float default any number, both
    within `ranges[name]`; a str default takes one of `choices[name]`. `tab` is the tab the
    goal reads (the editor suggests it).
    """

    params: dict[str, Any]
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tab: str = "training"


GOALS: dict[str, GoalSpec] = {
    "mlp_test_loss": GoalSpec(
        {"dataset": "spiral", "loss": 0.1, "max_hidden_neurons": 8},
        {"loss": (0.001, 10.0), "max_hidden_neurons": (0, 1000)}, {"dataset": tuple(DATASETS)}),
    "mlp_test_accuracy": GoalSpec(
        {"dataset": "xor", "accuracy": 0.95, "min_hidden_layers": 1},
        {"accuracy": (0.5, 1.0), "min_hidden_layers": (0, 10)}, {"dataset": CLASSIFICATION_DATASETS}),
    "gradient_ratio": GoalSpec(
        {"ratio": 0.1, "min_hidden_layers": 4},
        {"ratio": (0.001, 10.0), "min_hidden_layers": (1, 10)}, tab="network"),
    "race_reach_minimum": GoalSpec(
        {"surface": "bowl", "optimizer": "sgd", "max_steps": 60, "distance": 0.05},
        {"max_steps": (1, 5000), "distance": (0.001, 5.0)},
        {"surface": SURFACES_WITH_MINIMA, "optimizer": OPTIMIZER_NAMES}, tab="landscape"),
    "sgd_largest_stable_rate": GoalSpec(
        {"surface": "bowl", "tolerance": 0.15}, {"tolerance": (0.01, 0.9)},
        {"surface": SURFACES_WITH_MINIMA}, tab="landscape"),
    "himmelblau_other_minimum": GoalSpec({"distance": 0.1}, {"distance": (0.001, 2.0)}, tab="landscape"),
    "lab_draw_digit": GoalSpec({"digit": "7", "confidence": 0.9}, {"confidence": (0.1, 1.0)},
                               {"digit": DIGITS}, tab="convolution"),
    "lab_most_confused": GoalSpec({}, tab="convolution"),
    # With 2 numbers the generated 3s come back at 0.88 of the mean image's error after 2,000 steps (0.84
    # after 5,000; all digits: 0.82, 0.78), so 0.9 is a goal a class reaches in a minute; 0.6 it never would.
    "autoencoder_rebuild": GoalSpec(
        {"digit": 3, "bottleneck": 2, "ratio": 0.9},
        {"digit": (0, 9), "bottleneck": (1, 64), "ratio": (0.05, 1.0)}, tab="autoencoder"),
}


# ----------------------------------------------------------------------------- checking a lesson's goal
def check_goal(kind: Any, params: Any, file: str, scene: int) -> dict[str, Any]:
    """`params` with every missing parameter defaulted, each one checked; else LessonError (one sentence)."""
    if not isinstance(kind, str) or kind not in GOALS:
        raise LessonError("In {file}, scene {scene} sets a goal of unknown kind {kind}; "
                          "choose one of: {choices}.", file=file, scene=scene, kind=_shown(kind),
                          choices=", ".join(GOALS))
    if not isinstance(params, Mapping):
        raise LessonError("In {file}, the goal of scene {scene} must list its parameters as names and values; "
                          "set the goal again in the lesson editor.", file=file, scene=scene)
    spec = GOALS[kind]
    for name in params:
        if name in spec.params:
            continue
        if not spec.params:
            raise LessonError("In {file}, the goal of scene {scene} takes no parameters; remove {name}.",
                              file=file, scene=scene, name=_shown(name))
        raise LessonError("In {file}, the goal of scene {scene} has no parameter {name}; "
                          "its parameters are: {names}.", file=file, scene=scene, name=_shown(name),
                          names=", ".join(spec.params))
    checked = {}
    for name, default in spec.params.items():
        value = params.get(name, default)
        if not _allowed(spec, name, value):
            raise _bad_value(spec, name, value, file, scene)
        checked[name] = type(default)(value)
    return checked


def _allowed(spec: GoalSpec, name: str, value: Any) -> bool:
    default = spec.params[name]
    if isinstance(default, str):
        return isinstance(value, str) and value in spec.choices[name]
    if not _real(value):
        return False
    if isinstance(default, int) and value != int(value):
        return False
    low, high = spec.ranges[name]
    return low <= value <= high


def _bad_value(spec: GoalSpec, name: str, value: Any, file: str, scene: int) -> LessonError:
    default, shown = spec.params[name], _shown(value)
    if isinstance(default, str):
        return LessonError("In {file}, the goal parameter '{name}' of scene {scene} must be one of: {choices}; "
                           "not {value}.", file=file, scene=scene, name=name,
                           choices=", ".join(spec.choices[name]), value=shown)
    low, high = (_plain(limit) for limit in spec.ranges[name])
    if isinstance(default, int):
        return LessonError("In {file}, the goal parameter '{name}' of scene {scene} must be a whole number "
                           "from {low} to {high}; not {value}.", file=file, scene=scene, name=name, low=low,
                           high=high, value=shown)
    return LessonError("In {file}, the goal parameter '{name}' of scene {scene} must be a number from {low} "
                       "to {high}; not {value}.", file=file, scene=scene, name=name, low=low, high=high,
                       value=shown)


def _shown(value: Any) -> str:
    """A value as a sentence quotes it: short, whatever a hostile file put there."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _real(value: Any) -> bool:
    """A finite real number (not a bool, not an integer beyond any float)."""
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


# ----------------------------------------------------------------------------- tracking a goal live
@dataclass(frozen=True)
class GoalStatus:
    """Whether the goal is met, and the numbers a status sentence shows (None where not known)."""

    met: bool
    values: dict[str, Any]


class GoalTracker:
    """Follows one goal through successive readings. Once met, it stays met until `reset()`."""

    def __init__(self, goal):
        self.kind = goal.kind
        self.params = {**GOALS[goal.kind].params, **dict(goal.params)}
        self.reset()

    def reset(self) -> None:
        self.met = False
        self._memory: dict[str, Any] = {}
        self._values: dict[str, Any] | None = None

    def update(self, readings: Mapping[str, Any]) -> GoalStatus:
        pending = _PENDING.get(self.kind)
        if pending and readings.get(pending) and self._values is not None:
            # New numbers are on their way (a race recomputing, an image being read): the last ones stand.
            return GoalStatus(self.met, self._values)
        met, values = _CHECKS[self.kind](self.params, readings, self._memory)
        self.met = self.met or bool(met)
        self._values = values
        return GoalStatus(self.met, values)


def _number(readings: Mapping[str, Any], key: str) -> float | None:
    value = readings.get(key)
    return float(value) if _real(value) else None


def _mlp_test_loss(params, readings, _memory):
    dataset, neurons = readings.get("mlp.dataset"), _number(readings, "mlp.hidden_neurons")
    loss = _number(readings, "mlp.test_loss")
    met = (dataset == params["dataset"] and neurons is not None and neurons <= params["max_hidden_neurons"]
           and loss is not None and loss < params["loss"])
    return met, {"dataset": dataset, "hidden_neurons": neurons, "test_loss": loss}


def _mlp_test_accuracy(params, readings, _memory):
    dataset, layers = readings.get("mlp.dataset"), _number(readings, "mlp.hidden_layers")
    accuracy = _number(readings, "mlp.test_accuracy")
    met = (dataset == params["dataset"] and layers is not None and layers >= params["min_hidden_layers"]
           and accuracy is not None and accuracy >= params["accuracy"])
    return met, {"dataset": dataset, "hidden_layers": layers, "test_accuracy": accuracy}


def _gradient_ratio(params, readings, _memory):
    layers = _number(readings, "mlp.hidden_layers")
    first, last = _number(readings, "mlp.gradient_first"), _number(readings, "mlp.gradient_last")
    ratio = first / last if first is not None and last is not None and last > 0 else None
    met = layers is not None and layers >= params["min_hidden_layers"] and ratio is not None \
        and ratio >= params["ratio"]
    return met, {"hidden_layers": layers, "gradient_first": first, "gradient_last": last, "ratio": ratio}


# ----------------------------------------------------------------------------- the race's goals
def _race_paths(readings, surface_name: str) -> dict | None:
    """The race's paths when they are settled and on that surface; else None."""
    paths = readings.get("race.paths")
    if readings.get("race.surface") != surface_name or readings.get("race.pending") or not isinstance(paths, Mapping):
        return None
    return paths


def _kappa(readings) -> float:
    kappa = _number(readings, "race.kappa")
    return min(max(kappa, KAPPA_RANGE[0]), KAPPA_RANGE[1]) if kappa is not None else 10.0


def _shown_step(readings) -> float:
    step = _number(readings, "race.step")
    return step if step is not None else 0.0


def _race_reach_minimum(params, readings, _memory):
    values = {"optimizer_racing": False, "distance_now": None, "reached_at": None, "step": None}
    paths = _race_paths(readings, params["surface"])
    path = paths.get(params["optimizer"]) if paths else None
    if path is None:
        return False, values
    positions, minima, step = positions_of(path), surface_minima(params["surface"], _kappa(readings)), _shown_step(readings)
    values.update(optimizer_racing=True, step=step)
    if len(positions) and len(minima):
        shown = positions[min(int(step), len(positions) - 1)][None, :]
        values["distance_now"] = float(path_distances(shown, minima).min())
    hit = first_near(positions[: params["max_steps"] + 1], minima, params["distance"])
    values["reached_at"] = hit[0] if hit else None
    return hit is not None and step >= hit[0], values


def _sgd_largest_stable_rate(params, readings, memory):
    diverged = memory.setdefault("diverged", {})  # (surface, kappa) -> the learning rates seen diverging
    key = (params["surface"], _kappa(readings) if params["surface"] == "bowl" else None)
    values = {"sgd_racing": False, "learning_rate": None, "diverged_rate": min(diverged.get(key, ()), default=None),
              "converged": False, "diverging": False, "largest_stable": None, "close": False}
    paths = _race_paths(readings, params["surface"])
    path = paths.get("sgd") if paths else None
    if path is None or not _real(path.get("lr")):
        return False, values
    lr, positions, step = float(path["lr"]), positions_of(path), _shown_step(readings)
    values.update(sgd_racing=True, learning_rate=lr)
    divergence = divergence_step(path)
    if divergence is not None:
        values["diverging"] = True
        if step >= divergence:
            diverged.setdefault(key, set()).add(lr)
            values["diverged_rate"] = min(diverged[key])
        return False, values
    minima = surface_minima(params["surface"], _kappa(readings))
    near = first_near(positions, minima, CONVERGED_DISTANCE)
    values["converged"] = near is not None and step >= near[0]
    values["steps"], values["shown_to_end"] = len(positions) - 1, step >= len(positions) - 1
    if not len(positions):
        return False, values
    largest = largest_stable_rate(params["surface"], key[1] or 10.0, tuple(positions[0]), len(positions) - 1)
    values["largest_stable"] = largest
    close = (1.0 - params["tolerance"]) * largest <= lr <= largest
    values["close"] = close
    return key in diverged and values["converged"] and close, values


def _himmelblau_other_minimum(params, readings, _memory):
    values = {"adam_minimum": None, "other": None, "other_minimum": None, "adam_racing": False}
    paths = _race_paths(readings, "himmelblau")
    if not paths or "adam" not in paths:
        return False, values
    values["adam_racing"] = True
    minima, step = surface_minima("himmelblau"), _shown_step(readings)
    finishes = {}
    for name, path in paths.items():
        positions = positions_of(path)
        if not len(positions) or path.get("diverged_at") is not None:
            continue
        ending = int(np.argmin(path_distances(positions[-1:], minima)[0]))
        if np.linalg.norm(positions[-1] - minima[ending]) > params["distance"]:
            continue
        arrived = first_near(positions, minima[ending:ending + 1], params["distance"])
        if arrived is not None and step >= arrived[0]:
            finishes[name] = ending
    if "adam" in finishes:
        values["adam_minimum"] = tuple(float(v) for v in minima[finishes["adam"]])
        for name, ending in finishes.items():
            if name != "adam" and ending != finishes["adam"]:
                values.update(other=name, other_minimum=tuple(float(v) for v in minima[ending]))
                return True, values
    return False, values


# ----------------------------------------------------------------------------- the lab and the autoencoder
def _lab_draw_digit(params, readings, _memory):
    kind, probabilities = readings.get("lab.image_kind"), readings.get("lab.probabilities")
    values = {"image_kind": kind, "probability": None, "top_class": None, "top_probability": None}
    if isinstance(probabilities, Mapping) and probabilities:
        known = {str(name): float(p) for name, p in probabilities.items() if _real(p)}
        if known:
            top = max(known, key=known.get)
            values.update(probability=known.get(params["digit"]), top_class=top, top_probability=known[top])
    met = kind == "drawing" and values["probability"] is not None and values["probability"] >= params["confidence"]
    return met, values


def _lab_most_confused(_params, readings, _memory):
    values = {"has_matrix": False, "clicked": None, "clicked_count": None, "largest": None}
    try:
        counts = np.asarray(readings.get("lab.confusion"), dtype=float)
    except (TypeError, ValueError):
        return False, values
    if counts.ndim != 2 or counts.shape[0] != counts.shape[1] or counts.shape[0] < 2 \
            or not np.isfinite(counts).all():
        return False, values
    off = counts.copy()
    np.fill_diagonal(off, -np.inf)
    largest = float(off.max())
    values.update(has_matrix=True, largest=largest)
    clicked = readings.get("lab.confusion_clicked")
    try:
        row, column = (int(v) for v in clicked)
    except (TypeError, ValueError):
        return False, values
    if not (0 <= row < len(counts) and 0 <= column < len(counts)):
        return False, values
    values.update(clicked=(row, column), clicked_count=float(counts[row, column]))
    return row != column and largest > 0 and counts[row, column] == largest, values


def _autoencoder_rebuild(params, readings, _memory):
    digit = str(params["digit"])
    bottleneck = _number(readings, "autoencoder.bottleneck")
    errors, baseline = readings.get("autoencoder.class_error"), readings.get("autoencoder.mean_error")
    error = _number(errors, digit) if isinstance(errors, Mapping) else None
    mean_error = _number(baseline, digit) if isinstance(baseline, Mapping) else None
    ratio = error / mean_error if error is not None and mean_error else None
    met = bottleneck is not None and bottleneck <= params["bottleneck"] and ratio is not None \
        and ratio <= params["ratio"]
    return met, {"bottleneck": bottleneck, "error": error, "mean_error": mean_error, "ratio": ratio}


# The reading that says a kind's numbers are being recomputed.
_PENDING = {"race_reach_minimum": "race.pending", "sgd_largest_stable_rate": "race.pending",
            "himmelblau_other_minimum": "race.pending", "lab_draw_digit": "lab.pending"}

_CHECKS: dict[str, Callable[[dict, Mapping, dict], tuple[bool, dict]]] = {
    "mlp_test_loss": _mlp_test_loss,
    "mlp_test_accuracy": _mlp_test_accuracy,
    "gradient_ratio": _gradient_ratio,
    "race_reach_minimum": _race_reach_minimum,
    "sgd_largest_stable_rate": _sgd_largest_stable_rate,
    "himmelblau_other_minimum": _himmelblau_other_minimum,
    "lab_draw_digit": _lab_draw_digit,
    "lab_most_confused": _lab_most_confused,
    "autoencoder_rebuild": _autoencoder_rebuild,
}
