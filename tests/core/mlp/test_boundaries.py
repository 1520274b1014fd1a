"""Boundary maps are the network's real outputs over the input plane."""

import numpy as np
import torch

from core.mlp.boundaries import boundary_maps, grid_points
from core.mlp.config import TrainConfig
from core.data.input_features import expand_features
from core.mlp.trainer import Trainer


def test_output_map_equals_the_prediction_on_the_grid():
    trainer = Trainer(TrainConfig(dataset="circle", hidden=(5, 3), features=("x1", "x2", "x1^2"), n_points=100,
                                  device="cpu"))
    for _ in trainer.run(max_steps=30):
        pass
    maps = boundary_maps(trainer.model, trainer.config.features, resolution=9)
    points = grid_points(9)
    with torch.no_grad():
        expected = trainer.model.predict(torch.from_numpy(expand_features(points, trainer.config.features)))
    np.testing.assert_allclose(maps.output.ravel(), expected[:, 0].numpy(), rtol=1e-5, atol=1e-6)
    assert [layer.shape for layer in maps.layers] == [(5, 9, 9), (3, 9, 9), (1, 9, 9)]
    # Row j is y, column i is x: the first row is the bottom edge, x increasing.
    assert points[1, 0] > points[0, 0] and points[1, 1] == points[0, 1]


def test_hidden_maps_are_the_hidden_activations():
    trainer = Trainer(TrainConfig(dataset="xor", hidden=(4,), activation="relu", n_points=100, device="cpu"))
    maps = boundary_maps(trainer.model, trainer.config.features, resolution=5)
    points = torch.from_numpy(expand_features(grid_points(5), trainer.config.features))
    with torch.no_grad():
        hidden = torch.relu(trainer.model.linears[0](points))
    np.testing.assert_allclose(maps.layers[0][2].ravel(), hidden[:, 2].numpy(), rtol=1e-5, atol=1e-6)
    assert (maps.layers[0] >= 0).all()


def test_multiclass_output_map_is_the_winning_class():
    trainer = Trainer(TrainConfig(dataset="blobs", n_points=200, device="cpu"))
    for _ in trainer.run(max_steps=300):
        pass
    maps = boundary_maps(trainer.model, trainer.config.features, resolution=21)
    assert set(np.unique(maps.output)) <= {0.0, 1.0, 2.0, 3.0}
    # Blob A sits at (-3, 3): the top-left of the plane should be class 0.
    assert maps.output[-3, 2] == 0.0
