"""build_mlp: layer shapes, activations, output activations, seeding and limits."""

from __future__ import annotations

import pytest
import torch
from torch.nn import functional as F

from core.errors import ConfigError
from core.nets import ACTIVATIONS, MAX_DEPTH, MAX_WIDTH, MLP, build_mlp


def linear_shapes(model: MLP) -> list[tuple[int, ...]]:
    return [tuple(linear.weight.shape) for linear in model.linears]


def test_depth_zero_is_a_single_linear_layer():
    model = build_mlp(2, (), 1, "tanh", "binary", seed=0)
    assert model.sizes == (2, 1)
    assert linear_shapes(model) == [(1, 2)]
    x = torch.tensor([[1.0, -2.0], [0.5, 3.0]])
    expected = x @ model.linears[0].weight.T + model.linears[0].bias
    torch.testing.assert_close(model(x), expected)  # no activation anywhere


def test_depth_ten():
    model = build_mlp(3, (8,) * 10, 1, "relu", "binary")
    assert model.sizes == (3, *(8,) * 10, 1)
    assert linear_shapes(model) == [(8, 3)] + [(8, 8)] * 9 + [(1, 8)]
    assert model(torch.zeros(5, 3)).shape == (5, 1)


def test_width_300():
    model = build_mlp(2, (300,), 1, "tanh", "regression")
    assert linear_shapes(model) == [(300, 2), (1, 300)]
    assert [tuple(linear.bias.shape) for linear in model.linears] == [(300,), (1,)]


def test_mnist_sized_net():
    model = build_mlp(784, (128, 64), 10, "relu", "multiclass")
    assert linear_shapes(model) == [(128, 784), (64, 128), (10, 64)]
    assert sum(p.numel() for p in model.parameters()) == 784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10
    assert model(torch.randn(4, 784)).shape == (4, 10)


def test_limits_themselves_are_accepted():
    assert len(build_mlp(2, (1,) * MAX_DEPTH, 1, "tanh", "binary").linears) == MAX_DEPTH + 1
    assert linear_shapes(build_mlp(2, (MAX_WIDTH,), 1, "tanh", "binary"))[0] == (MAX_WIDTH, 2)


@pytest.mark.parametrize(
    "hidden, expected",
    [((0,), "0"), ((8, 0), "0"), ((MAX_WIDTH + 1,), str(MAX_WIDTH + 1)), ((5000,), "5000"), ((4,) * 65, "65"), ((-2,), "-2")],
)
def test_bad_hidden_layers_raise_config_error(hidden, expected):
    with pytest.raises(ConfigError) as info:
        build_mlp(2, hidden, 1, "tanh", "binary")
    assert expected in str(info.value)


def test_unknown_activation_and_task_raise_config_error():
    with pytest.raises(ConfigError, match="swish"):
        build_mlp(2, (4,), 1, "swish", "binary")
    with pytest.raises(ConfigError, match="ranking"):
        build_mlp(2, (4,), 1, "tanh", "ranking")


# ------------------------------------------------------------- activations
REFERENCE = {
    "relu": torch.relu,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "linear": lambda z: z,
    "leaky_relu": lambda z: F.leaky_relu(z, 0.01),
}
W1 = torch.tensor([[1.0, -2.0], [0.5, 0.25], [-3.0, 1.0]])
B1 = torch.tensor([0.1, -0.2, 0.3])
X = torch.tensor([[1.0, 2.0], [-1.5, 0.5], [0.0, 0.0], [2.0, -1.0]])


def see_through(activations, hidden=(3,)) -> MLP:
    """2→3(→3…)→3 net whose output layer is the identity, so forward() shows the last hidden layer."""
    model = build_mlp(2, hidden, 3, activations, "regression")
    with torch.no_grad():
        model.linears[0].weight.copy_(W1)
        model.linears[0].bias.copy_(B1)
        for linear in model.linears[1:]:
            linear.weight.copy_(torch.eye(3))
            linear.bias.zero_()
    return model


def test_reference_table_covers_every_activation():
    assert set(REFERENCE) == set(ACTIVATIONS)


def test_handcrafted_preactivations_cover_both_signs():
    z = X @ W1.T + B1
    assert (z < 0).any() and (z > 0).any()


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activation_computes_what_it_is_named(name):
    model = see_through(name)
    with torch.no_grad():
        out = model(X)
    torch.testing.assert_close(out, REFERENCE[name](X @ W1.T + B1))
    for other, function in REFERENCE.items():
        if other != name:
            assert not torch.allclose(out, function(X @ W1.T + B1)), f"{name} behaves like {other}"


def test_per_layer_activation_list():
    model = see_through(["relu", "sigmoid"], hidden=(3, 3))
    assert model.activations == ["relu", "sigmoid"]
    with torch.no_grad():
        out = model(X)
    torch.testing.assert_close(out, torch.sigmoid(torch.relu(X @ W1.T + B1)))


def test_activation_list_of_wrong_length_raises_config_error():
    with pytest.raises(ConfigError, match="one activation per hidden layer"):
        build_mlp(2, (3, 3), 1, ["relu"], "binary")


def test_unknown_activation_in_a_list_raises_config_error():
    with pytest.raises(ConfigError, match="gelu"):
        build_mlp(2, (3, 3), 1, ["relu", "gelu"], "binary")


# ------------------------------------------------------ output activations
@pytest.mark.parametrize(
    "task, n_outputs, expected", [("binary", 1, "sigmoid"), ("multiclass", 4, "softmax"), ("regression", 1, "linear")]
)
def test_output_activation_follows_the_task(task, n_outputs, expected):
    assert build_mlp(2, (5,), n_outputs, "tanh", task).output_activation == expected


def test_forward_returns_logits_and_predict_applies_sigmoid_for_binary():
    model = build_mlp(2, (5,), 1, "tanh", "binary", seed=1)
    x = torch.randn(10, 2) * 4
    with torch.no_grad():
        logits, probabilities = model(x), model.predict(x)
    torch.testing.assert_close(probabilities, torch.sigmoid(logits))
    assert ((probabilities > 0) & (probabilities < 1)).all()
    assert (logits < 0).any() or (logits > 1).any()  # forward() itself is not squashed


def test_predict_applies_softmax_for_multiclass():
    model = build_mlp(2, (5,), 4, "tanh", "multiclass", seed=1)
    x = torch.randn(10, 2) * 4
    with torch.no_grad():
        probabilities = model.predict(x)
        torch.testing.assert_close(probabilities, torch.softmax(model(x), dim=1))
    assert probabilities.shape == (10, 4)
    torch.testing.assert_close(probabilities.sum(dim=1), torch.ones(10))
    assert (probabilities >= 0).all()


def test_predict_is_identity_for_regression():
    model = build_mlp(2, (5,), 1, "tanh", "regression", seed=1)
    x = torch.randn(10, 2) * 4
    with torch.no_grad():
        torch.testing.assert_close(model.predict(x), model(x))


# ----------------------------------------------------------------- seeding
def state(model: MLP) -> list[torch.Tensor]:
    return [tensor.clone() for tensor in model.state_dict().values()]


def test_same_seed_gives_identical_weights_whatever_the_global_rng():
    torch.manual_seed(1)
    first = state(build_mlp(2, (8, 8), 1, "tanh", "binary", seed=42))
    torch.manual_seed(2)
    torch.rand(100)
    second = state(build_mlp(2, (8, 8), 1, "tanh", "binary", seed=42))
    for a, b in zip(first, second, strict=True):
        assert torch.equal(a, b)


def test_different_seed_gives_different_weights():
    first = build_mlp(2, (8, 8), 1, "tanh", "binary", seed=42)
    second = build_mlp(2, (8, 8), 1, "tanh", "binary", seed=43)
    for a, b in zip(first.linears, second.linears, strict=True):
        assert not torch.equal(a.weight, b.weight)


def test_initial_weights_are_scaled_xavier_uniform_with_zero_biases():
    model = build_mlp(784, (128,), 10, "relu", "multiclass", seed=0)
    for linear, gain in zip(model.linears, (2**0.5, 1.0)):
        bound = gain * (6.0 / (linear.in_features + linear.out_features)) ** 0.5
        assert linear.weight.abs().max() <= bound
        assert linear.weight.abs().max() > 0.9 * bound
        assert linear.weight.std() > 0.4 * bound  # spread over the range, not collapsed
        assert torch.count_nonzero(linear.bias) == 0
