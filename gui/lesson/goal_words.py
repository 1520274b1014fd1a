"""A goal in words, in the window's language: what to do, how far the class is, and the editor's labels.

`describe_goal(goal)` is the challenge as the panel, the handout and the editor show it ("Get the test
loss under 0.10 on the spiral dataset with at most 8 hidden neurons"); `status_sentence(goal, status)`
says where the class stands, in parts joined by " · " ("test loss 0.23 (goal: under 0.10) · 12 hidden
neurons (at most 8)"), with a ✓ once met. Numbers come from core.lesson.goals.GoalStatus.values.
`param_label` and `choice_label` name a goal's parameters and their choices for the lesson editor.
Every word is looked up when asked for, so a language change shows at the next call.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from core.lesson.goals import GOALS, GoalStatus
from gui.style.numbers import fixed, percent, significant
from gui.training.names import dataset_name

# core.optimizers.OPTIMIZERS: the optimizers' own names, the same in every language.
OPTIMIZER_TITLES = {"sgd": "SGD", "momentum": "Momentum", "nesterov": "Nesterov", "adagrad": "AdaGrad",
                    "rmsprop": "RMSProp", "adam": "Adam", "adamw": "AdamW"}
# The surfaces' titles as gui/landscape/controls.py marks them for translation (context "Surfaces").
SURFACE_TITLES = {"bowl": "Convex bowl", "rosenbrock": "Rosenbrock", "himmelblau": "Himmelblau",
                  "saddle": "Saddle", "beale": "Beale", "camel": "Six-hump camel",
                  "plateau": "Plateau and narrow valley"}
MET = "✓"


def describe_goal(goal) -> str:
    """The challenge in one sentence, with its parameters (defaults where the goal leaves one out)."""
    return _WORDS.describe(goal.kind, _params(goal))


def status_sentence(goal, status: GoalStatus) -> str:
    """Where the class stands on `goal`, from the tracker's latest `status`."""
    return _WORDS.status(goal.kind, _params(goal), status)


def param_label(name: str, kind: str = "") -> str:
    """A goal parameter's name for the lesson editor ("max_hidden_neurons" → "Hidden neurons, at most");
    `kind` tells apart the parameters two goals name alike (a ratio at least, or at most)."""
    return _WORDS.param(name, kind)


def choice_label(choice: str) -> str:
    """A parameter's choice as the class reads it: a dataset's, surface's or optimizer's name, or a digit."""
    if choice in SURFACE_TITLES:
        return surface_title(choice)
    if choice in OPTIMIZER_TITLES:
        return OPTIMIZER_TITLES[choice]
    return dataset_name(choice)


def surface_title(name: str) -> str:
    return QCoreApplication.translate("Surfaces", SURFACE_TITLES.get(name, name))


def _params(goal) -> dict[str, Any]:
    spec = GOALS.get(goal.kind)
    return {**(spec.params if spec else {}), **dict(goal.params)}


def _value(number: float) -> str:
    """A loss, an error or a distance as a class reads it: 0.10, 0.023, 2.5e-04."""
    number = float(number)
    return fixed(number, 2) if 0.1 <= abs(number) < 100 else significant(number, 2)


def _point(point) -> str:
    return f"({fixed(point[0], 2)}, {fixed(point[1], 2)})"


class GoalWords(QObject):
    """The sentences, as methods of a QObject so that self.tr marks them for translation (context GoalWords)."""

    # ------------------------------------------------------------------ the challenge
    def describe(self, kind: str, p: dict) -> str:
        if kind == "mlp_test_loss":
            return self.tr("Get the test loss under {0} on the {1} dataset with at most {2} hidden neurons.").format(
                _value(p["loss"]), dataset_name(p["dataset"]), p["max_hidden_neurons"])
        if kind == "mlp_test_accuracy":
            return self.tr("Reach a test accuracy of at least {0} on the {1} dataset with at least {2} hidden "
                           "layers.").format(percent(p["accuracy"], 0), dataset_name(p["dataset"]),
                                             p["min_hidden_layers"])
        if kind == "gradient_ratio":
            return self.tr("In a network of at least {0} hidden layers, make the first layer's gradient at least "
                           "{1} × the last layer's.").format(p["min_hidden_layers"], significant(p["ratio"], 2))
        if kind == "race_reach_minimum":
            return self.tr("On the {0} surface, bring {1} within {2} of a minimum in at most {3} steps.").format(
                surface_title(p["surface"]), choice_label(p["optimizer"]), _value(p["distance"]), p["max_steps"])
        if kind == "sgd_largest_stable_rate":
            return self.tr("On the {0} surface, make SGD diverge, then find the largest learning rate at which it "
                           "does not (within {1}).").format(surface_title(p["surface"]), percent(p["tolerance"], 0))
        if kind == "himmelblau_other_minimum":
            return self.tr("On the Himmelblau surface, bring another optimizer to a different minimum than Adam "
                           "reaches.")
        if kind == "lab_draw_digit":
            return self.tr("Draw a {0} that the network reads as {0} with at least {1} probability.").format(
                p["digit"], percent(p["confidence"], 0))
        if kind == "lab_most_confused":
            return self.tr("Find the mistake the network makes most often: click its cell in the confusion "
                           "matrix.")
        if kind == "autoencoder_rebuild":
            return self.tr("Make the autoencoder rebuild the {0}s with at most {1} numbers in its middle, with at "
                           "most {2} of the error of answering the average image.").format(
                p["digit"], p["bottleneck"], percent(p["ratio"], 0))
        return kind

    # ------------------------------------------------------------------ where the class stands
    def status(self, kind: str, p: dict, status: GoalStatus) -> str:
        parts = [part for part in getattr(self, "_" + kind, lambda _p, _v: [])(p, status.values) if part]
        if status.met:
            parts.insert(0, MET + " " + self.tr("Goal met!"))
        return " · ".join(parts)

    def _dataset(self, p, v) -> str:
        if v.get("dataset") is not None and v["dataset"] != p["dataset"]:
            return self.tr("the dataset is {0}, not {1}").format(dataset_name(v["dataset"]),
                                                                  dataset_name(p["dataset"]))
        return ""

    def _mlp_test_loss(self, p, v) -> list[str]:
        loss = v.get("test_loss")
        return [self._dataset(p, v),
                self.tr("test loss {0} now (goal: under {1})").format(_value(loss), _value(p["loss"]))
                if loss is not None else self.tr("no test loss yet: train the network"),
                self.tr("{0} hidden neurons (at most {1})").format(int(v["hidden_neurons"]), p["max_hidden_neurons"])
                if v.get("hidden_neurons") is not None else ""]

    def _layers(self, p, v) -> str:
        if v.get("hidden_layers") is None:
            return ""
        return self.tr("{0} hidden layers (at least {1})").format(int(v["hidden_layers"]), p["min_hidden_layers"])

    def _mlp_test_accuracy(self, p, v) -> list[str]:
        accuracy = v.get("test_accuracy")
        return [self._dataset(p, v),
                self.tr("test accuracy {0} now (goal: at least {1})").format(percent(accuracy),
                                                                             percent(p["accuracy"], 0))
                if accuracy is not None else self.tr("no test accuracy yet: train the network"),
                self._layers(p, v)]

    def _gradient_ratio(self, p, v) -> list[str]:
        ratio = v.get("ratio")
        return [self._layers(p, v),
                self.tr("the first layer's gradient is {0} × the last layer's (goal: at least {1} ×)").format(
                    significant(ratio, 2), significant(p["ratio"], 2)) if ratio is not None
                else self.tr("no gradient sizes yet: train a step with the Network tab on screen")]

    def _race_reach_minimum(self, p, v) -> list[str]:
        optimizer = choice_label(p["optimizer"])
        if not v.get("optimizer_racing"):
            return [self.tr("race {0} on the {1} surface").format(optimizer, surface_title(p["surface"]))]
        parts = [self.tr("{0} is {1} from the nearest minimum at step {2}").format(
            optimizer, _value(v["distance_now"]), int(v["step"])) if v.get("distance_now") is not None else ""]
        reached = v.get("reached_at")
        if reached is None:
            parts.append(self.tr("it does not get within {0} in {1} steps").format(_value(p["distance"]),
                                                                                 p["max_steps"]))
        else:
            parts.append(self.tr("it gets within {0} at step {1}: play the race to see it").format(
                _value(p["distance"]), reached))
        return parts

    def _sgd_largest_stable_rate(self, p, v) -> list[str]:
        if not v.get("sgd_racing"):
            return [self.tr("race SGD on the {0} surface").format(surface_title(p["surface"]))]
        diverged = v.get("diverged_rate")
        parts = [self.tr("SGD diverged at learning rate {0} {1}").format(significant(diverged, 3), MET)
                 if diverged is not None else self.tr("first make SGD diverge: raise the learning rate and play")]
        rate = significant(v["learning_rate"], 3)
        if v.get("diverging"):
            parts.append(self.tr("at learning rate {0} it diverges").format(rate))
        elif not v.get("converged") and v.get("shown_to_end"):
            parts.append(self.tr("at learning rate {0} it does not reach the minimum in {1} steps").format(
                rate, v["steps"]))
        elif not v.get("converged"):
            parts.append(self.tr("at learning rate {0} it has not reached the minimum yet: play on").format(rate))
        elif not v.get("close"):
            parts.append(self.tr("at learning rate {0} it converges, and a larger rate would too").format(rate))
        else:
            parts.append(self.tr("at learning rate {0} it converges, close to the edge").format(rate))
        return parts

    def _himmelblau_other_minimum(self, p, v) -> list[str]:
        if not v.get("adam_racing"):
            return [self.tr("race Adam and another optimizer on the Himmelblau surface")]
        adam = v.get("adam_minimum")
        parts = [self.tr("Adam ends in the minimum at {0}").format(_point(adam)) if adam is not None
                 else self.tr("Adam has not settled in a minimum yet")]
        if v.get("other") is not None:
            parts.append(self.tr("{0} ends in the minimum at {1}").format(choice_label(v["other"]),
                                                                         _point(v["other_minimum"])))
        elif adam is not None:
            parts.append(self.tr("no other optimizer ends in another minimum yet"))
        return parts

    def _lab_draw_digit(self, p, v) -> list[str]:
        parts = [] if v.get("image_kind") == "drawing" else [self.tr("draw on the sheet in the Convolution tab")]
        probability = v.get("probability")
        if probability is None and not parts:
            parts.append(self.tr("waiting for the network's answer"))
        if probability is not None:
            parts.append(self.tr("the network gives {0} a probability of {1} (goal: at least {2})").format(
                p["digit"], percent(probability), percent(p["confidence"], 0)))
        if v.get("top_class") is not None and v["top_class"] != p["digit"]:
            parts.append(self.tr("its best guess is {0}").format(dataset_name(v["top_class"])))
        return parts

    def _lab_most_confused(self, p, v) -> list[str]:
        if not v.get("has_matrix"):
            return [self.tr("open the confusion matrix while the network trains")]
        clicked = v.get("clicked")
        if clicked is None:
            return [self.tr("click the cell you think holds the most mistakes")]
        if clicked[0] == clicked[1]:
            return [self.tr("that cell holds right answers: look off the diagonal")]
        count, largest = int(v["clicked_count"]), int(v["largest"] or 0)
        if count < largest:
            return [self.tr("that cell holds {0} mistakes; another holds more").format(count)]
        return [self.tr("that cell holds {0} mistakes").format(count)]

    def _autoencoder_rebuild(self, p, v) -> list[str]:
        if v.get("bottleneck") is None:
            return [self.tr("train the autoencoder")]
        parts = [self.tr("{0} numbers in the middle (at most {1})").format(int(v["bottleneck"]), p["bottleneck"])]
        ratio = v.get("ratio")
        if ratio is not None:
            parts.append(self.tr("the {0}s are rebuilt with {1} of the average image's error (goal: at most {2})")
                         .format(p["digit"], percent(ratio, 0), percent(p["ratio"], 0)))
        return parts

    # ------------------------------------------------------------------ the editor's labels
    def param(self, name: str, kind: str = "") -> str:
        if name == "ratio" and kind == "autoencoder_rebuild":
            return self.tr("Share of the average image's error, at most")
        labels = {
            "dataset": self.tr("Dataset"), "loss": self.tr("Test loss under"),
            "max_hidden_neurons": self.tr("Hidden neurons, at most"), "accuracy": self.tr("Test accuracy, at least"),
            "min_hidden_layers": self.tr("Hidden layers, at least"),
            "ratio": self.tr("First layer's gradient over the last's, at least") if kind == "gradient_ratio"
            else self.tr("Ratio"),
            "surface": self.tr("Surface"), "optimizer": self.tr("Optimizer"), "max_steps": self.tr("Steps, at most"),
            "distance": self.tr("Distance to a minimum"), "tolerance": self.tr("Tolerance below the largest rate"),
            "digit": self.tr("Digit"), "confidence": self.tr("Probability, at least"),
            "bottleneck": self.tr("Numbers in the middle, at most"),
        }
        return labels.get(name, name.replace("_", " "))


_WORDS = GoalWords()
