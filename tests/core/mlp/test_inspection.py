"""neuron_activity: one neuron's weights and its output over the training set, checked by hand."""

import numpy as np
import pytest

from core.mlp.config import TrainConfig
from core.data.input_features import expand_features
from core.errors import ConfigError
from core.mlp.inspection import neuron_activity
from core.mlp.trainer import Trainer


def trained(**settings) -> Trainer:
    trainer = Trainer(TrainConfig(n_points=120, device="cpu", **settings))
    for _ in trainer.run(max_steps=20):
        pass
    return trainer


def test_hidden_neuron_values_are_its_activation_over_the_training_set():
    trainer = trained(dataset="xor", hidden=(4, 3), activation="tanh", features=("x1", "x2", "x1*x2"))
    activity = neuron_activity(trainer, 1, 2)
    (w1, b1), (w2, b2), _ = trainer.weights()
    x = expand_features(trainer.dataset.x_train, trainer.config.features)
    expected = np.tanh(np.tanh(x @ w1.T + b1) @ w2.T + b2)[:, 2]
    np.testing.assert_allclose(activity.values, expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(activity.weights, w2[2])
    assert activity.bias == pytest.approx(float(b2[2]))
    assert (activity.layer, activity.index, activity.activation, activity.step) == (1, 2, "tanh", 20)
    np.testing.assert_array_equal(activity.targets, trainer.dataset.y_train)


def test_output_neuron_values_are_probabilities():
    trainer = trained(dataset="blobs", hidden=(5,))
    activity = neuron_activity(trainer, 1, 3)
    assert activity.activation == "softmax"
    assert activity.values.min() >= 0 and activity.values.max() <= 1
    binary = neuron_activity(trained(dataset="circle", hidden=(3,)), 1, 0)
    assert binary.activation == "sigmoid" and 0 <= binary.values.min() <= binary.values.max() <= 1


@pytest.mark.parametrize("layer, index", [(3, 0), (-1, 0), (0, 4), (2, 1)])
def test_a_missing_neuron_is_refused(layer, index):
    with pytest.raises(ConfigError):
        neuron_activity(trained(dataset="xor", hidden=(4, 3)), layer, index)
