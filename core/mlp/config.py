"""TrainConfig: every setting of a training run, validated in one place.

The side panel, the command line and the saved settings all build a TrainConfig, so a
bad value gets the same one-sentence ConfigError wherever it comes from.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from core.data.input_features import check_features
from core.data.toy2d import DATASETS, MAX_POINTS, MIN_POINTS
from core.device import DEVICE_CHOICES
from core.errors import ConfigError, Phrase
from core.nets.mlp import check_activation, check_hidden
from core.optimizers import check_optimizer

REGULARIZATIONS = ("none", "l1", "l2")
MAX_LEARNING_RATE = 1000.0
MAX_BATCH = 100_000
MAX_SEED = 2_147_483_647


@dataclass(frozen=True)
class TrainConfig:
    dataset: str = "spiral"
    noise: float = 0.0
    train_fraction: float = 0.5
    n_points: int = 500
    features: tuple[str, ...] = ("x1", "x2")
    hidden: tuple[int, ...] = (8, 8)
    activation: str = "tanh"
    # One activation per hidden layer, when they differ (the graph's per-layer menu); () means
    # every hidden layer uses `activation`.
    layer_activations: tuple[str, ...] = ()
    optimizer: str = "adam"
    learning_rate: float = 0.03
    batch_size: int = 16
    regularization: str = "none"
    regularization_rate: float = 0.0
    momentum: float = 0.9
    seed: int = 0
    device: str = "auto"

    def validated(self) -> "TrainConfig":
        """Return a normalised copy, or raise ConfigError naming the first bad setting."""
        if self.dataset not in DATASETS:
            raise ConfigError(
                "Unknown dataset '{name}'; choose one of: {choices}.",
                name=self.dataset, choices=", ".join(DATASETS),
            )
        _check_range(Phrase("The noise level"), self.noise, 0.0, 1.0)
        _check_range(Phrase("The training share"), self.train_fraction, 0.1, 0.9)
        _check_range(Phrase("The number of points"), self.n_points, MIN_POINTS, MAX_POINTS, whole=True)
        _check_positive(Phrase("The learning rate"), self.learning_rate, MAX_LEARNING_RATE)
        _check_range(Phrase("The batch size"), self.batch_size, 1, MAX_BATCH, whole=True)
        if self.regularization not in REGULARIZATIONS:
            raise ConfigError(
                "Unknown regularisation '{name}'; choose one of: none, l1, l2.",
                name=self.regularization,
            )
        _check_range(Phrase("The regularisation rate"), self.regularization_rate, 0.0, 10.0)
        _check_range(Phrase("The momentum"), self.momentum, 0.0, 0.999)
        _check_range(Phrase("The seed"), self.seed, 0, MAX_SEED, whole=True)
        if self.device not in DEVICE_CHOICES:
            raise ConfigError(
                "Unknown device '{name}'; choose one of: {choices}.",
                name=self.device, choices=", ".join(DEVICE_CHOICES),
            )
        hidden = check_hidden(self.hidden)
        activation, layer_activations = _check_layer_activations(
            check_activation(self.activation), self.layer_activations, len(hidden))
        return replace(
            self,
            features=check_features(self.features),
            hidden=hidden,
            activation=activation,
            layer_activations=layer_activations,
            optimizer=check_optimizer(self.optimizer),
            n_points=int(self.n_points),
            batch_size=int(self.batch_size),
            seed=int(self.seed),
            # Plain floats, and + 0.0 makes −0.0 a 0.0 (numpy refuses a noise "scale < 0" of −0.0).
            noise=float(self.noise) + 0.0,
            train_fraction=float(self.train_fraction),
            learning_rate=float(self.learning_rate),
            regularization_rate=float(self.regularization_rate) + 0.0,
            momentum=float(self.momentum) + 0.0,
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["features"] = list(self.features)
        data["hidden"] = list(self.hidden)
        data["layer_activations"] = list(self.layer_activations)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TrainConfig":
        """Build from a dict (saved settings); unknown keys are ignored, missing ones defaulted."""
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        try:
            for key in ("features", "hidden", "layer_activations"):
                if key in values:
                    if isinstance(values[key], str):
                        raise TypeError(f"{key} must be a list")
                    values[key] = tuple(values[key])
            return cls(**values).validated()
        except (TypeError, ValueError) as error:
            if isinstance(error, ConfigError):
                raise
            raise ConfigError(
                "The saved settings are not valid ({error}); using the defaults is safest.",
                error=error,
            ) from None

    def hidden_activations(self) -> tuple[str, ...]:
        """The activation of each hidden layer, input side first."""
        return self.layer_activations or (self.activation,) * len(self.hidden)

    def activation_label(self) -> str:
        """'tanh', or 'relu,tanh' when the layers differ: as the command line takes it."""
        return ",".join(self.layer_activations) if self.layer_activations else self.activation

    def architecture_label(self, n_outputs: int) -> str:
        """'2-8-8-1', the network's layer widths as a lesson writes them."""
        return "-".join(str(n) for n in (len(self.features), *self.hidden, n_outputs))


def parse_hidden(text: str) -> tuple[int, ...]:
    """'8,8' → (8, 8); '' → () (no hidden layer). Raise ConfigError on anything else."""
    text = text.strip()
    if not text:
        return ()
    try:
        widths = tuple(int(part) for part in text.replace(" ", "").split(","))
    except ValueError:
        raise ConfigError(
            "Hidden layers must be comma-separated whole numbers such as 8,8, not '{text}'.",
            text=text,
        ) from None
    return check_hidden(widths)


def parse_activations(text: str) -> tuple[str, tuple[str, ...]]:
    """'tanh' → ('tanh', ()); 'relu,tanh' → ('relu', ('relu', 'tanh')): one name, or one per hidden layer."""
    names = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    if not names:
        raise ConfigError("Give an activation such as tanh, or one per hidden layer such as relu,tanh.")
    for name in names:
        check_activation(name)
    return names[0], (names if len(names) > 1 else ())


def _check_layer_activations(default: str, names, n_hidden: int) -> tuple[str, tuple[str, ...]]:
    """Validate per-layer activations; when they all agree they fold into the single `activation`."""
    if isinstance(names, str) or not all(isinstance(name, str) for name in names):
        raise ConfigError(
            "Per-layer activations must be a list of names such as relu,tanh, not {names!r}.",
            names=names,
        )
    names = tuple(check_activation(name) for name in names)
    if not names:
        return default, ()
    if len(names) != n_hidden:
        raise ConfigError(
            "Give one activation per hidden layer ({n_hidden}) or a single one for all, not {count}.",
            n_hidden=n_hidden, count=len(names),
        )
    if len(set(names)) == 1:
        return names[0], ()
    return names[0], names


def _check_range(what: str, value: float, low: float, high: float, whole: bool = False) -> None:
    if (
        not isinstance(value, numbers.Real)
        or isinstance(value, bool)
        or not _finite(value)
        or not low <= value <= high
        or (whole and value != int(value))
    ):
        if whole:
            raise ConfigError(
                "{what} must be a whole number between {low} and {high}, not {value}.",
                what=what, low=_plain(low), high=_plain(high), value=value,
            )
        raise ConfigError(
            "{what} must be a number between {low} and {high}, not {value}.",
            what=what, low=_plain(low), high=_plain(high), value=value,
        )


def _finite(value) -> bool:
    """math.isfinite that says False, not OverflowError, for an integer beyond any float (400 digits)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _plain(number: float) -> str:
    """2147483647 rather than 2.14748e+09; 0.1 rather than 0.100000."""
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _check_positive(what: str, value: float, high: float) -> None:
    if (not isinstance(value, numbers.Real) or isinstance(value, bool) or not math.isfinite(value)
            or not 0 < value <= high):
        raise ConfigError(
            "{what} must be a positive number up to {high:g}, not {value}.",
            what=what, high=high, value=value,
        )
