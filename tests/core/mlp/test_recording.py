"""record_example against an independent, hand-written numpy forward and backward pass."""

from __future__ import annotations

import numpy as np
import pytest

from core.mlp.config import TrainConfig
from core.errors import ConfigError
from core.mlp.recording import record_example
from core.mlp.trainer import Trainer

ACTIVATIONS = {
    "relu": (lambda z: np.maximum(z, 0), lambda z: (z > 0).astype(float)),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2),
    "linear": (lambda z: z, lambda z: np.ones_like(z)),
    "leaky_relu": (lambda z: np.where(z > 0, z, 0.01 * z), lambda z: np.where(z > 0, 1.0, 0.01)),
}


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def numpy_pass(trace):
    """Forward and backward by the textbook formulas, from the trace's weights and input only."""
    signals, zs, outs = [trace.input], [], []
    last = len(trace.layers) - 1
    for index, layer in enumerate(trace.layers):
        z = layer.weight @ signals[-1] + layer.bias
        if index < last:
            a = ACTIVATIONS[layer.activation][0](z)
        elif trace.output_activation == "sigmoid":
            a = 1 / (1 + np.exp(-z))
        elif trace.output_activation == "softmax":
            a = softmax(z)
        else:
            a = z
        zs.append(z)
        outs.append(a)
        signals.append(a)
    a, y = outs[-1], trace.target
    if trace.loss_name == "bce":
        loss = -(y * np.log(a) + (1 - y) * np.log(1 - a)).sum()
        grad_a = -(y / a) + (1 - y) / (1 - a)
        delta = a - y
    elif trace.loss_name == "cross_entropy":
        loss = -(y * np.log(a)).sum()
        grad_a = -y / a
        delta = a - y
    else:
        loss = ((a - y) ** 2).mean()
        grad_a = delta = 2 * (a - y) / len(a)
    grads_a, deltas = [grad_a], [delta]
    for index in range(last - 1, -1, -1):
        grad_a = trace.layers[index + 1].weight.T @ deltas[0]
        delta = grad_a * ACTIVATIONS[trace.layers[index].activation][1](zs[index])
        grads_a.insert(0, grad_a)
        deltas.insert(0, delta)
    grad_weights = [np.outer(deltas[i], signals[i]) for i in range(len(trace.layers))]
    return zs, outs, loss, grads_a, deltas, grad_weights


CASES = {
    "xor-tanh-sgd": dict(dataset="xor", hidden=(4, 3), activation="tanh", optimizer="sgd", learning_rate=0.1),
    "blobs-relu-sgd": dict(dataset="blobs", hidden=(6,), activation="relu", optimizer="sgd", learning_rate=0.05),
    "plane-sigmoid-sgd": dict(dataset="reg-plane", hidden=(5, 4), activation="sigmoid", optimizer="sgd"),
    "moons-leaky-sgd": dict(dataset="moons", hidden=(3, 3, 3), activation="leaky_relu", optimizer="sgd"),
    "circle-linear-features": dict(dataset="circle", hidden=(2,), activation="linear", optimizer="sgd",
                                   features=("x1^2", "x2^2", "x1*x2", "sin(x1)")),
}


@pytest.mark.parametrize("settings", CASES.values(), ids=CASES.keys())
def test_every_number_matches_numpy(settings):
    trainer = Trainer(TrainConfig(n_points=100, seed=4, device="cpu", **settings))
    for _ in trainer.run(max_steps=15):
        pass
    trace = record_example(trainer, 7)
    zs, outs, loss, grads_a, deltas, grad_weights = numpy_pass(trace)
    assert trace.loss_value == pytest.approx(loss, rel=1e-4)
    for index, layer in enumerate(trace.layers):
        np.testing.assert_allclose(layer.z, zs[index], rtol=1e-4, atol=1e-6)
        np.testing.assert_allclose(layer.a, outs[index], rtol=1e-4, atol=1e-6)
        np.testing.assert_allclose(layer.grad_a, grads_a[index], rtol=1e-3, atol=1e-6)
        np.testing.assert_allclose(layer.delta, deltas[index], rtol=1e-3, atol=1e-6)
        np.testing.assert_allclose(layer.grad_weight, grad_weights[index], rtol=1e-3, atol=1e-6)
        np.testing.assert_allclose(layer.grad_bias, deltas[index], rtol=1e-3, atol=1e-6)
        lr = trace.learning_rate  # plain SGD: w ← w − η·∂L/∂w
        np.testing.assert_allclose(layer.weight_after, layer.weight - lr * layer.grad_weight, rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(layer.bias_after, layer.bias - lr * layer.grad_bias, rtol=1e-5, atol=1e-7)


def test_input_and_target_are_what_the_network_receives():
    trainer = Trainer(TrainConfig(dataset="blobs", n_points=100, features=("x1", "x1^2"), device="cpu"))
    trace = record_example(trainer, 3)
    point = trainer.dataset.x_train[3]
    np.testing.assert_allclose(trace.input, [point[0], point[0] ** 2], rtol=1e-6)
    expected = np.zeros(4)
    expected[trainer.dataset.y_train[3]] = 1
    np.testing.assert_array_equal(trace.target, expected)
    assert trace.input_names == ("x1", "x1^2")
    np.testing.assert_allclose(trace.layers[-1].a.sum(), 1.0, rtol=1e-6)  # softmax


def test_adam_and_momentum_record_their_own_first_step():
    for optimizer in ("adam", "momentum"):
        trainer = Trainer(TrainConfig(dataset="xor", n_points=100, optimizer=optimizer, learning_rate=0.01,
                                      device="cpu"))
        trace = record_example(trainer, 0)
        for layer in trace.layers:
            g = layer.grad_weight
            if optimizer == "adam":  # first Adam step: m̂ = g, v̂ = g², so Δw = −η·g/(|g| + ε)
                expected = layer.weight - 0.01 * g / (np.abs(g) + 1e-8)
            else:  # first momentum step: the buffer is the gradient itself
                expected = layer.weight - 0.01 * g
            np.testing.assert_allclose(layer.weight_after, expected, rtol=1e-4, atol=1e-6)


def test_l2_regularisation_adds_its_gradient_and_penalty():
    trainer = Trainer(TrainConfig(dataset="xor", n_points=100, optimizer="sgd", regularization="l2",
                                  regularization_rate=0.1, device="cpu"))
    trace = record_example(trainer, 2)
    _, _, loss, _, deltas, grad_weights = numpy_pass(trace)
    penalty = 0.1 * 0.5 * sum((layer.weight ** 2).sum() for layer in trace.layers)
    assert trace.loss_value == pytest.approx(loss + penalty, rel=1e-4)
    for index, layer in enumerate(trace.layers):
        np.testing.assert_allclose(layer.grad_weight, grad_weights[index] + 0.1 * layer.weight, rtol=1e-3, atol=1e-6)
        np.testing.assert_allclose(layer.grad_bias, deltas[index], rtol=1e-3, atol=1e-6)


def test_recording_leaves_the_trainer_untouched():
    trainer = Trainer(TrainConfig(dataset="xor", n_points=100, optimizer="adam", device="cpu"))
    for _ in trainer.run(max_steps=10):
        pass
    before = trainer.weights()
    state = {k: v for k, v in trainer.optimizer.state_dict()["state"][0].items() if k != "step"}
    record_example(trainer, 0)
    for (w0, b0), (w1, b1) in zip(before, trainer.weights()):
        np.testing.assert_array_equal(w0, w1)
        np.testing.assert_array_equal(b0, b1)
    after_state = trainer.optimizer.state_dict()["state"][0]
    for key, value in state.items():
        np.testing.assert_array_equal(value.numpy(), after_state[key].numpy())
    assert trainer.step_count == 10


def test_example_out_of_range_is_refused():
    trainer = Trainer(TrainConfig(n_points=100, device="cpu"))
    with pytest.raises(ConfigError, match="from 0 to 49"):
        record_example(trainer, 50)
    with pytest.raises(ConfigError):
        record_example(trainer, -1)


def test_json_has_the_documented_keys():
    trainer = Trainer(TrainConfig(dataset="xor", hidden=(4, 3), n_points=100, device="cpu"))
    data = record_example(trainer, 0).to_json_dict()
    assert data["format"] == "glassbox.trace/1"
    for key in ("activation", "output_activation", "loss", "optimizer", "learning_rate", "input", "target",
                "loss_value", "layers"):
        assert key in data
    assert [len(layer["weight"]) for layer in data["layers"]] == [4, 3, 1]
    for layer in data["layers"]:
        assert set(layer) >= {"weight", "bias", "z", "a", "grad_a", "delta", "grad_weight", "grad_bias",
                              "weight_after", "bias_after"}


def test_commit_makes_the_recorded_step_real():
    trainer = Trainer(TrainConfig(dataset="xor", n_points=100, optimizer="adam", device="cpu"))
    for _ in trainer.run(max_steps=3):
        pass
    trace = record_example(trainer, 4, commit=True)
    assert trace.step == 3 and trainer.step_count == 4
    for layer, (weight, bias) in zip(trace.layers, trainer.weights()):
        np.testing.assert_allclose(weight, layer.weight_after, rtol=1e-6)
        np.testing.assert_allclose(bias, layer.bias_after, rtol=1e-6)
    # Training goes on from there with the optimizer's state carried along.
    next(trainer.run(max_steps=1))
    assert trainer.step_count == 5 and trainer.optimizer.state_dict()["state"][0]["step"].item() == 5
