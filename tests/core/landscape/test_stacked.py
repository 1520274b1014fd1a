"""The stacked slice evaluator (core.landscape.stacked, through core.landscape.evaluation.PointLoss): the same
losses as running each weight set alone in float64, coarse picture first, cancellable inside a chunk, and
refused before it starts when it cannot fit."""

from __future__ import annotations

import copy
from types import SimpleNamespace

import numpy as np
import pytest
import torch
from torch import nn
from torch.nn import functional as F

import core.landscape.stacked as stacked
import core.limits
from core.landscape.evaluation import PointLoss, Stopped, slice_estimate, task_loss
from core.landscape.slices import (TrajectoryRecorder, filter_normalised_directions, flat_parameters,
                                   interpolation_1d, landscape_updates, loss_slice, trajectory_losses)
from core.limits import LimitError
from core.mlp.config import TrainConfig
from core.mlp.trainer import Trainer
from core.nets.cnn import build_cnn

AXIS = np.array([-1.0, -0.25, 0.0, 0.5, 1.0])


def reference(trainer, center, d1, d2, alphas, betas) -> np.ndarray:
    """loss[j, i] one network at a time, in float64: the oracle."""
    model = copy.deepcopy(trainer.model).double()
    params = list(model.parameters())
    inputs, targets = trainer.training_set()
    inputs = inputs.double()
    targets = targets.double() if targets.is_floating_point() else targets
    loss_fn = task_loss(trainer.loss_name)
    center, d1, d2 = (torch.as_tensor(v).double() for v in (center, d1, d2))
    out = np.empty((len(betas), len(alphas)))
    with torch.no_grad():
        for j, beta in enumerate(betas):
            for i, alpha in enumerate(alphas):
                torch.nn.utils.vector_to_parameters(center + alpha * d1 + beta * d2, params)
                out[j, i] = float(loss_fn(model(inputs), targets))
    return out


def grid(trainer, d1, d2, alphas=AXIS, betas=AXIS, **options) -> np.ndarray:
    last = None
    for last in loss_slice(trainer, d1, d2, alphas, betas, **options):
        pass
    assert last.final
    return np.array(last.loss)


class FakeTrainer:
    """What core.landscape.slices needs of a trainer, around any model and data."""

    def __init__(self, model, inputs, targets, loss_name="cross_entropy"):
        self.model, self._inputs, self._targets, self.loss_name = model, inputs, targets, loss_name
        self.step_count = 0
        self.config = SimpleNamespace(seed=0)

    def training_set(self):
        return self._inputs, self._targets


def cnn_trainer(architecture: str, images: int = 12, seed: int = 0) -> FakeTrainer:
    torch.manual_seed(seed)
    model = build_cnn(architecture)
    shape = {"digits": (1, 28, 28), "shapes": (3, 64, 64), "cifar": (3, 32, 32)}[architecture]
    inputs = torch.randn(images, *shape)
    classes = model[-1].out_features
    return FakeTrainer(model, inputs, torch.arange(images) % classes)


# ----------------------------------------------------------------------------- exactness
@pytest.mark.parametrize("dataset, activation", [
    ("spiral", "tanh"), ("xor", "relu"), ("blobs", "sigmoid"), ("reg-bumps", "leaky_relu"), ("circle", "linear"),
])
def test_mlp_slices_equal_a_float64_loop(dataset, activation):
    trainer = Trainer(TrainConfig(dataset=dataset, hidden=(6, 5), activation=activation, n_points=120,
                                  device="cpu", seed=1))
    for _ in trainer.run(max_steps=30):
        pass
    point_loss = PointLoss(trainer)
    assert point_loss.stacked is not None  # the fast path, not vmap
    d1, d2 = filter_normalised_directions(trainer.model, seed=2)
    expected = reference(trainer, flat_parameters(trainer.model), d1, d2, AXIS, AXIS)
    np.testing.assert_allclose(grid(trainer, d1, d2), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(grid(trainer, d1, d2, chunk=3), expected, rtol=1e-5, atol=1e-5)


def test_a_deep_mlp_with_mixed_activations_and_an_image_dataset():
    trainer = Trainer(TrainConfig(dataset="digits", hidden=(12, 7, 5), layer_activations=("relu", "tanh", "sigmoid"),
                                  n_points=60, device="cpu", seed=0))
    d1, d2 = filter_normalised_directions(trainer.model, seed=0)
    expected = reference(trainer, flat_parameters(trainer.model), d1, d2, AXIS[:3], AXIS[2:])
    np.testing.assert_allclose(grid(trainer, d1, d2, AXIS[:3], AXIS[2:]), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("architecture", ["digits", "shapes", "cifar"])
def test_shipped_cnn_architectures_slice_as_a_float64_loop(architecture):
    trainer = cnn_trainer(architecture, images=6 if architecture == "shapes" else 12)
    assert PointLoss(trainer).stacked is not None
    d1, d2 = filter_normalised_directions(trainer.model, seed=3)
    axis = AXIS[::2]
    expected = reference(trainer, flat_parameters(trainer.model), d1, d2, axis, axis)
    np.testing.assert_allclose(grid(trainer, d1, d2, axis, axis), expected, rtol=1e-5, atol=1e-5)


def test_other_layers_biases_and_pieces_of_images_give_the_same_losses(monkeypatch):
    """No bias, stride, average pooling, tanh/leaky ReLU before max pooling, a first layer mixed from the plane's
    three outputs (5×5 kernels on 3 channels), and examples taken two at a time."""
    torch.manual_seed(4)
    model = nn.Sequential(
        nn.Conv2d(3, 4, 5, padding=2, bias=False), nn.Tanh(), nn.MaxPool2d(2),
        nn.Conv2d(4, 6, 3, stride=2, padding=1), nn.LeakyReLU(0.1), nn.AvgPool2d(2),
        nn.Conv2d(6, 5, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, stride=2),
        nn.Flatten(), nn.Linear(5, 7), nn.Sigmoid(), nn.Linear(7, 3, bias=False),
    )
    trainer = FakeTrainer(model, torch.randn(9, 3, 24, 24), torch.tensor([0, 1, 2] * 3))
    monkeypatch.setattr(stacked, "ACTIVATION_BUDGET", {"cpu": 2 * 2 * 4 * 24 * 24, "cuda": 2**26})
    point_loss = PointLoss(trainer, chunk=2)
    assert point_loss.stacked is not None and point_loss.stacked.image_examples == 2
    assert not point_loss.stacked._patches()  # 3·5·5 = 75 numbers per patch: the three-output mix is cheaper
    d1, d2 = filter_normalised_directions(model, seed=5)
    d1 = d1 + 0.1 * torch.randn_like(d1)  # biases move too
    expected = reference(trainer, flat_parameters(model), d1, d2, AXIS, AXIS[1:4])
    np.testing.assert_allclose(grid(trainer, d1, d2, AXIS, AXIS[1:4], chunk=2), expected, rtol=1e-5, atol=1e-5)


def test_rows_paths_and_lines_match_the_model_itself():
    trainer = cnn_trainer("digits", images=10)
    inputs, targets = trainer.training_set()
    vectors = [flat_parameters(trainer.model) + 0.05 * k * torch.randn(flat_parameters(trainer.model).shape)
               for k in range(5)]
    losses = trajectory_losses(trainer, vectors, chunk=2)
    model = copy.deepcopy(trainer.model)
    for vector, loss in zip(vectors, losses):
        torch.nn.utils.vector_to_parameters(vector, model.parameters())
        with torch.no_grad():
            assert loss == pytest.approx(float(F.cross_entropy(model(inputs), targets)), rel=1e-5)
    alphas, line = interpolation_1d(trainer, vectors[4], steps=3, alpha_range=(0.0, 1.0))
    assert line[0] == pytest.approx(losses[4], rel=1e-5) and line[-1] == pytest.approx(losses[0], rel=1e-5)


def test_models_it_does_not_know_fall_back_to_vmap():
    class Skip(nn.Module):
        def __init__(self):
            super().__init__()
            self.a, self.b = nn.Linear(2, 2), nn.Linear(2, 3)

        def forward(self, x):
            return self.b(x + torch.relu(self.a(x)))

    torch.manual_seed(0)
    trainer = FakeTrainer(Skip(), torch.randn(20, 2), torch.arange(20) % 3)
    assert PointLoss(trainer).stacked is None
    d1, d2 = filter_normalised_directions(trainer.model, seed=0)
    expected = reference(trainer, flat_parameters(trainer.model), d1, d2, AXIS, AXIS)
    np.testing.assert_allclose(grid(trainer, d1, d2), expected, rtol=1e-5, atol=1e-5)


# ----------------------------------------------------------------------------- coarse first, cancel, limits
def test_the_coarse_picture_comes_first_and_costs_a_sixteenth():
    trainer = cnn_trainer("digits", images=4)
    d1, d2 = filter_normalised_directions(trainer.model, seed=0)
    axis = np.linspace(-1, 1, 21)
    updates = [update for update in loss_slice(trainer, d1, d2, axis, axis, chunk=8) if update.loss is not None]
    first, last = updates[0], updates[-1]
    assert not first.final and first.loss.shape == (6, 6) and first.fraction == pytest.approx(36 / 441)
    np.testing.assert_array_equal(first.alpha, axis[::4])
    assert last.final and last.loss.shape == (21, 21)
    np.testing.assert_array_equal(last.loss[::4, ::4], first.loss)  # the same numbers, not recomputed


def test_a_stop_inside_one_chunk_is_heard_between_pieces_of_examples(monkeypatch):
    """A huge network is one weight set at a time over a few examples: stop is asked between those pieces."""
    trainer = Trainer(TrainConfig(dataset="spiral", hidden=(8,), n_points=400, device="cpu"))
    monkeypatch.setattr(stacked, "DENSE_BUDGET", {"cpu": 8 * 25, "cuda": 2**27})
    point_loss = PointLoss(trainer, chunk=1)
    assert point_loss.stacked.dense_examples == 25  # 200 training points: 8 pieces a weight set
    asked = []

    def should_stop():
        asked.append(1)
        return len(asked) > 3

    d1, d2 = filter_normalised_directions(trainer.model)
    updates = list(loss_slice(trainer, d1, d2, AXIS, AXIS, chunk=1, should_stop=should_stop))
    assert updates == [] and len(asked) == 4  # stopped inside the first weight set, and asked no more
    with pytest.raises(Stopped):
        point_loss.plane(flat_parameters(trainer.model), d1, d2, [0.0], [0.0], should_stop=lambda: True)


def test_a_stop_during_the_path_losses_ends_the_landscape_quietly():
    trainer = Trainer(TrainConfig(dataset="spiral", n_points=100, device="cpu"))
    calls = []
    updates = list(landscape_updates(trainer, None, "random", 5, should_stop=lambda: calls.append(1) or True))
    assert updates == [] and len(calls) == 1


def test_weight_sets_per_chunk_are_bounded_by_their_memory(monkeypatch):
    trainer = Trainer(TrainConfig(dataset="spiral", hidden=(8, 8), device="cpu"))
    monkeypatch.setattr(stacked, "WEIGHT_FLOATS", 3 * 105)
    assert PointLoss(trainer).chunk == 3  # 105 weights: three sets fit


def test_a_slice_that_cannot_fit_is_refused_before_it_starts(monkeypatch):
    trainer = Trainer(TrainConfig(dataset="spiral", n_points=100, device="cpu"))
    monkeypatch.setattr(core.limits, "available_memory", lambda: 10 * 2**20)
    with pytest.raises(LimitError, match=r"a loss slice of it needs about .* free"):
        next(landscape_updates(trainer, None, "random", 41))
    cnn = cnn_trainer("digits", images=4)
    estimate = slice_estimate(cnn, 21)
    assert estimate.weights == sum(p.numel() for p in cnn.model.parameters()) and estimate.memory_bytes > 2**20
    assert 0 < estimate.seconds < 60
    with pytest.raises(LimitError):
        next(landscape_updates(cnn, None, "random", 21))


def test_the_coarse_picture_carries_a_thinned_path_and_the_final_one_all_of_it():
    trainer = Trainer(TrainConfig(dataset="spiral", n_points=100, device="cpu"))
    recorder = TrajectoryRecorder()
    for record in trainer.run(max_steps=99):
        recorder.record(record.step, trainer.model)
    assert len(recorder) == 99
    shown = [update.landscape for update in landscape_updates(trainer, recorder, "pca", 9, chunk=4)
             if update.landscape is not None]
    coarse, final = shown[0], shown[-1]
    assert coarse.loss.shape == (3, 3) and len(coarse.path) == len(coarse.path_loss) == 32
    assert len(final.path) == len(final.path_loss) == len(final.path_steps) == 99  # it ends at the current weights
    index = np.searchsorted(final.path_steps, coarse.path_steps)
    np.testing.assert_array_equal(final.path_steps[index], coarse.path_steps)
    np.testing.assert_allclose(final.path_loss[index], coarse.path_loss, rtol=1e-6)
    assert coarse.center_loss == final.center_loss


def test_a_command_line_landscape_reports_its_progress():
    from core.landscape.network import network_landscape

    heard = []
    result = network_landscape(TrainConfig(dataset="xor", n_points=60, device="cpu"), 5, resolution=9,
                               progress=heard.append)
    assert result.loss.shape == (9, 9) and heard == sorted(heard) and heard[-1] == 1.0 and len(heard) >= 2
