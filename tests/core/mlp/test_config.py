"""TrainConfig validation and parse_hidden: every bad setting gets one ConfigError sentence."""

from __future__ import annotations

import json
import math
import re

import pytest

from core.mlp.config import MAX_LEARNING_RATE, TrainConfig, parse_activations, parse_hidden
from core.errors import ConfigError, GlassboxError


def test_defaults_validate_unchanged():
    config = TrainConfig()
    assert config.validated() == config


def test_validated_normalises_feature_order():
    config = TrainConfig(features=("sin(x1)", "x2", "x1")).validated()
    assert config.features == ("x1", "x2", "sin(x1)")


def test_validated_returns_a_copy_and_leaves_the_original():
    config = TrainConfig(features=("x2", "x1"))
    assert config.validated() is not config
    assert config.features == ("x2", "x1")


def test_to_dict_is_json_ready_and_round_trips():
    config = TrainConfig(
        dataset="xor", noise=0.25, hidden=(4, 3, 2), features=("x1", "x1*x2"), activation="relu",
        optimizer="nesterov", learning_rate=0.5, batch_size=7, regularization="l2",
        regularization_rate=0.01, momentum=0.5, seed=99, device="cpu",
    )
    data = config.to_dict()
    assert data["hidden"] == [4, 3, 2] and data["features"] == ["x1", "x1*x2"]
    restored = TrainConfig.from_dict(json.loads(json.dumps(data)))
    assert restored == config
    assert isinstance(restored.hidden, tuple) and isinstance(restored.features, tuple)


def test_from_dict_ignores_unknown_keys_and_defaults_missing_ones():
    config = TrainConfig.from_dict({"dataset": "moons", "colour": "red", "version": 3})
    assert config == TrainConfig(dataset="moons")


def test_from_dict_validates():
    with pytest.raises(ConfigError, match="learning rate"):
        TrainConfig.from_dict({"learning_rate": -1})


def test_architecture_label():
    assert TrainConfig(hidden=(8, 8)).architecture_label(1) == "2-8-8-1"
    assert TrainConfig(hidden=(), features=("x1", "x2", "x1^2")).architecture_label(4) == "3-4"


def test_config_error_is_a_glassbox_error_and_a_value_error():
    assert issubclass(ConfigError, GlassboxError) and issubclass(ConfigError, ValueError)


# ------------------------------------------------------------- parse_hidden
@pytest.mark.parametrize(
    "text, expected", [("8,8", (8, 8)), ("", ()), ("   ", ()), ("4", (4,)), (" 6, 5 ,4 ", (6, 5, 4))]
)
def test_parse_hidden_accepts(text, expected):
    assert parse_hidden(text) == expected


@pytest.mark.parametrize("text, shown", [("8,x", "8,x"), ("0", "0"), ("-3", "-3"), ("8,,8", "8,,8"), ("2.5", "2.5")])
def test_parse_hidden_rejects(text, shown):
    with pytest.raises(ConfigError) as info:
        parse_hidden(text)
    assert shown in str(info.value)


def test_parse_hidden_rejects_too_many_layers():
    with pytest.raises(ConfigError, match="65"):
        parse_hidden(",".join(["2"] * 65))


# ------------------------------------------------------------- bad settings
@pytest.mark.parametrize("rate, shown", [(-1, "-1"), (0, "0"), (math.nan, "nan"), (math.inf, "inf"), (5000, "5000")])
def test_bad_learning_rates_are_rejected(rate, shown):
    with pytest.raises(ConfigError) as info:
        TrainConfig(learning_rate=rate).validated()
    message = str(info.value)
    assert "learning rate" in message and f"not {shown}" in message


def test_largest_learning_rate_is_accepted():
    assert TrainConfig(learning_rate=MAX_LEARNING_RATE).validated().learning_rate == MAX_LEARNING_RATE


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("batch_size", 0, "batch size"),
        ("batch_size", -4, "batch size"),
        ("noise", 1.5, "noise"),
        ("noise", -0.1, "noise"),
        ("train_fraction", 0.95, "training share"),
        ("n_points", 5, "number of points"),
        ("regularization_rate", -0.5, "regularisation rate"),
        ("momentum", 1.0, "momentum"),
        ("seed", -1, "seed"),
        ("learning_rate", "0.03", "learning rate"),
    ],
)
def test_out_of_range_numbers_are_rejected(field, value, words):
    with pytest.raises(ConfigError) as info:
        TrainConfig(**{field: value}).validated()
    message = str(info.value)
    assert words in message.lower() and str(value) in message


@pytest.mark.parametrize(
    "field, value",
    [
        ("optimizer", "adamax"),
        ("activation", "swish"),
        ("dataset", "squares"),
        ("regularization", "dropout"),
        ("device", "tpu"),
        ("features", ("x1", "x3")),
    ],
)
def test_unknown_names_are_rejected_naming_the_bad_value(field, value):
    with pytest.raises(ConfigError) as info:
        TrainConfig(**{field: value}).validated()
    bad = value if isinstance(value, str) else value[-1]
    assert f"'{bad}'" in str(info.value)
    assert "choose" in str(info.value)


def test_bad_hidden_layers_are_rejected():
    with pytest.raises(ConfigError, match="0"):
        TrainConfig(hidden=(8, 0)).validated()
    with pytest.raises(ConfigError):
        TrainConfig(features=()).validated()


def test_per_layer_activations_are_kept_and_listed_per_hidden_layer():
    config = TrainConfig(hidden=(4, 3), layer_activations=("relu", "tanh")).validated()
    assert config.hidden_activations() == ("relu", "tanh")
    assert config.activation == "relu"
    assert config.activation_label() == "relu,tanh"


def test_identical_per_layer_activations_fold_into_one():
    config = TrainConfig(hidden=(4, 3), activation="tanh", layer_activations=("sigmoid", "sigmoid")).validated()
    assert config.layer_activations == ()
    assert config.activation == "sigmoid"
    assert config.hidden_activations() == ("sigmoid", "sigmoid")


@pytest.mark.parametrize("names, words", [
    (("relu",), "one activation per hidden layer (2)"),
    (("relu", "swish"), "Unknown activation 'swish'"),
    ("relu,tanh", "must be a list"),
])
def test_bad_per_layer_activations_are_rejected(names, words):
    with pytest.raises(ConfigError, match=re.escape(words)):
        TrainConfig(hidden=(4, 3), layer_activations=names).validated()


def test_per_layer_activations_round_trip_through_a_dict():
    config = TrainConfig(hidden=(4, 3, 2), layer_activations=("relu", "tanh", "relu")).validated()
    data = json.loads(json.dumps(config.to_dict()))
    assert TrainConfig.from_dict(data) == config


@pytest.mark.parametrize("text, expected", [
    ("tanh", ("tanh", ())),
    (" ReLU , tanh ", ("relu", ("relu", "tanh"))),
])
def test_parse_activations(text, expected):
    assert parse_activations(text) == expected


@pytest.mark.parametrize("text", ["", "relu,,swish", "softmax"])
def test_parse_activations_rejects(text):
    with pytest.raises(ConfigError):
        parse_activations(text)


def test_negative_zero_is_zero_and_a_bool_is_no_learning_rate():
    config = TrainConfig(noise=-0.0, regularization_rate=-0.0, momentum=-0.0, device="cpu").validated()
    assert math.copysign(1.0, config.noise) == 1.0 and math.copysign(1.0, config.regularization_rate) == 1.0
    assert math.copysign(1.0, config.momentum) == 1.0
    with pytest.raises(ConfigError):
        TrainConfig(learning_rate=True).validated()
