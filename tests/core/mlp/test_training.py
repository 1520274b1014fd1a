"""The Trainer: determinism, learning, optimizers, stopping, divergence and regularisation."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
import torch
from torch.nn import functional as F

from core.mlp.config import TrainConfig
from core.data.input_features import expand_features
from core.errors import ConfigError, DivergedError
from core.optimizers import OPTIMIZERS
from core.mlp.trainer import DIVERGENCE_LOSS, Trainer


def make_trainer(**settings) -> Trainer:
    settings.setdefault("device", "cpu")
    return Trainer(TrainConfig(**settings))


def train(trainer: Trainer, steps: int) -> list[float]:
    return [record.loss for record in trainer.run(max_steps=steps)]


def assert_same_weights(first: Trainer, second: Trainer) -> None:
    for (w1, b1), (w2, b2) in zip(first.weights(), second.weights(), strict=True):
        np.testing.assert_array_equal(w1, w2)
        np.testing.assert_array_equal(b1, b2)


def squared_weights(trainer: Trainer) -> float:
    return float(sum((weight.astype(np.float64) ** 2).sum() for weight, _ in trainer.weights()))


def absolute_weights(trainer: Trainer) -> float:
    return float(sum(np.abs(weight.astype(np.float64)).sum() for weight, _ in trainer.weights()))


# ------------------------------------------------------------- determinism
def test_same_config_gives_identical_losses_and_weights():
    first, second = make_trainer(seed=3), make_trainer(seed=3)
    losses = train(first, 50)
    assert len(losses) == 50 and all(math.isfinite(loss) for loss in losses)
    assert train(second, 50) == losses
    assert_same_weights(first, second)


def test_different_seed_gives_different_losses_and_weights():
    first, second = make_trainer(seed=3), make_trainer(seed=4)
    assert train(first, 50) != train(second, 50)
    assert not np.array_equal(first.weights()[0][0], second.weights()[0][0])


def test_reset_replays_the_same_run():
    trainer = make_trainer(seed=5)
    losses = train(trainer, 30)
    trainer.reset()
    assert trainer.step_count == 0
    assert train(trainer, 30) == losses


# ------------------------------------------------------------------ learning
def test_circle_is_learned():
    trainer = make_trainer(dataset="circle", hidden=(8,), activation="tanh", optimizer="adam", learning_rate=0.03)
    before = trainer.evaluate()
    assert before.step == 0 and before.epoch == 0.0
    train(trainer, 400)
    after = trainer.evaluate()
    assert after.step == 400
    assert after.test_accuracy >= 0.9
    assert after.train_loss < 0.3 * before.train_loss


@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_every_optimizer_lowers_the_loss(optimizer):
    rate = 0.01 if optimizer in ("rmsprop", "adam", "adamw") else 0.1
    trainer = make_trainer(dataset="gauss", n_points=200, optimizer=optimizer, learning_rate=rate)
    before = trainer.evaluate().train_loss
    losses = train(trainer, 100)
    assert len(losses) == 100 and trainer.parameters_are_finite()
    assert trainer.evaluate().train_loss < 0.5 * before


def test_optimizer_is_the_configured_torch_optimizer():
    expected = {"sgd": torch.optim.SGD, "momentum": torch.optim.SGD, "nesterov": torch.optim.SGD,
                "adagrad": torch.optim.Adagrad, "rmsprop": torch.optim.RMSprop, "adam": torch.optim.Adam,
                "adamw": torch.optim.AdamW}
    assert set(expected) == set(OPTIMIZERS)
    for name, cls in expected.items():
        optimizer = make_trainer(optimizer=name, momentum=0.5, n_points=20).optimizer
        assert type(optimizer) is cls
    assert make_trainer(optimizer="momentum", momentum=0.5, n_points=20).optimizer.defaults["momentum"] == 0.5
    assert make_trainer(optimizer="nesterov", n_points=20).optimizer.defaults["nesterov"] is True
    assert make_trainer(optimizer="sgd", n_points=20).optimizer.defaults["momentum"] == 0


def test_multiclass_blobs_use_cross_entropy_and_are_learned():
    trainer = make_trainer(dataset="blobs", hidden=(8,), learning_rate=0.03, n_points=300)
    assert trainer.dataset.n_outputs == 4 and trainer.architecture == "2-8-4"
    train(trainer, 200)
    evaluation = trainer.evaluate()
    assert evaluation.train_accuracy >= 0.9 and evaluation.test_accuracy >= 0.9
    inputs = torch.from_numpy(expand_features(trainer.dataset.x_train, trainer.config.features))
    with torch.no_grad():
        expected = F.cross_entropy(trainer.model(inputs), torch.from_numpy(trainer.dataset.y_train)).item()
    assert evaluation.train_loss == pytest.approx(expected, rel=1e-5)


def test_regression_loss_falls_and_accuracy_is_nan():
    trainer = make_trainer(dataset="reg-plane", hidden=(8,), learning_rate=0.01, n_points=200)
    before = trainer.evaluate()
    train(trainer, 200)
    after = trainer.evaluate()
    assert after.train_loss < 0.1 * before.train_loss
    assert math.isfinite(after.test_loss)
    for value in (before.train_accuracy, before.test_accuracy, after.train_accuracy, after.test_accuracy):
        assert math.isnan(value)
    inputs = torch.from_numpy(expand_features(trainer.dataset.x_test, trainer.config.features))
    with torch.no_grad():
        expected = F.mse_loss(trainer.model(inputs).squeeze(1), torch.from_numpy(trainer.dataset.y_test)).item()
    assert after.test_loss == pytest.approx(expected, rel=1e-5)


def test_binary_accuracy_counts_positive_logits_as_class_1():
    trainer = make_trainer(dataset="gauss", n_points=100)
    inputs = torch.from_numpy(expand_features(trainer.dataset.x_test, trainer.config.features))
    with torch.no_grad():
        predicted = (trainer.model(inputs).squeeze(1) > 0).numpy()
    expected = float((predicted == (trainer.dataset.y_test == 1)).mean())
    assert trainer.evaluate().test_accuracy == pytest.approx(expected)


# ----------------------------------------------------------- stop and steps
def test_run_is_lazy():
    trainer = make_trainer(n_points=100)
    trainer.run()
    assert trainer.step_count == 0


def test_run_stops_exactly_when_the_callback_turns_true():
    trainer = make_trainer(n_points=100)
    seen = []
    asked = []

    def should_stop() -> bool:
        asked.append(len(seen))
        return len(seen) >= 7

    for record in trainer.run(should_stop):
        seen.append(record.step)
    assert seen == [1, 2, 3, 4, 5, 6, 7]
    assert trainer.step_count == 7
    assert asked == [0, 1, 2, 3, 4, 5, 6, 7]  # asked before every step, and once more to stop


def test_run_does_nothing_when_told_to_stop_at_once():
    trainer = make_trainer(n_points=100)
    assert list(trainer.run(lambda: True)) == []
    assert trainer.step_count == 0


def test_max_steps_is_respected_and_steps_continue_across_runs():
    trainer = make_trainer(n_points=100)
    records = list(trainer.run(max_steps=25))
    assert [record.step for record in records] == list(range(1, 26))
    more = list(trainer.run(max_steps=5))
    assert [record.step for record in more] == list(range(26, 31))
    assert trainer.step_count == 30


def test_epoch_is_steps_times_batch_over_training_set():
    trainer = make_trainer(n_points=100, train_fraction=0.4, batch_size=16)
    assert trainer.n_train == 40
    for record in trainer.run(max_steps=12):
        assert record.epoch == pytest.approx(record.step * 16 / 40)
    assert trainer.epoch == pytest.approx(12 * 16 / 40)
    assert trainer.evaluate().epoch == pytest.approx(4.8)


def test_batch_size_is_capped_at_the_training_set():
    trainer = make_trainer(n_points=100, train_fraction=0.5, batch_size=10_000)
    assert trainer.batch_size == 50
    records = list(trainer.run(max_steps=3))
    assert [record.epoch for record in records] == [1.0, 2.0, 3.0]
    assert trainer.parameters_are_finite()


def test_step_losses_are_the_minibatch_data_loss_before_the_update():
    trainer = make_trainer(n_points=100, batch_size=10_000)  # one batch = the whole training set
    expected = trainer.evaluate().train_loss
    assert trainer.step().loss == pytest.approx(expected, rel=1e-5)


# ---------------------------------------------------------- regularisation
@pytest.mark.parametrize("regularization, size", [("l2", squared_weights), ("l1", absolute_weights)])
def test_regularisation_shrinks_the_weights(regularization, size):
    plain = make_trainer(seed=2)
    shrunk = make_trainer(seed=2, regularization=regularization, regularization_rate=0.1)
    assert size(plain) == size(shrunk)  # same start
    train(plain, 300)
    train(shrunk, 300)
    assert size(shrunk) < 0.5 * size(plain)


def test_zero_rate_means_no_regularisation():
    plain = make_trainer(seed=2)
    zero = make_trainer(seed=2, regularization="l2", regularization_rate=0.0)
    assert train(plain, 30) == train(zero, 30)
    assert_same_weights(plain, zero)


def test_l2_penalises_weights_but_not_biases():
    trainer = make_trainer(seed=2, regularization="l2", regularization_rate=1.0, hidden=(4,), n_points=40)
    expected = 0.5 * sum(float((w.astype(np.float64) ** 2).sum()) for w, _ in trainer.weights())
    with torch.no_grad():
        assert float(trainer._penalty()) == pytest.approx(expected, rel=1e-5)
        for linear in trainer.model.linears:
            linear.bias.fill_(100.0)
        assert float(trainer._penalty()) == pytest.approx(expected, rel=1e-5)


# ------------------------------------------------------------------ weights()
def test_weights_are_numpy_copies():
    trainer = make_trainer(hidden=(3,), n_points=40)
    weights = trainer.weights()
    assert [(w.shape, b.shape) for w, b in weights] == [((3, 2), (3,)), ((1, 3), (1,))]
    assert all(isinstance(w, np.ndarray) and isinstance(b, np.ndarray) for w, b in weights)
    original = [(w.copy(), b.copy()) for w, b in weights]
    for w, b in weights:
        w += 123.0
        b[:] = -7.0
    torch.testing.assert_close(trainer.model.linears[0].weight.detach(), torch.from_numpy(original[0][0]))
    for (w, b), (w0, b0) in zip(trainer.weights(), original, strict=True):
        np.testing.assert_array_equal(w, w0)
        np.testing.assert_array_equal(b, b0)


def test_weights_are_a_snapshot_that_training_does_not_change():
    trainer = make_trainer(hidden=(3,), n_points=40)
    snapshot = trainer.weights()
    kept = [w.copy() for w, _ in snapshot]
    train(trainer, 5)
    for (w, _), w0 in zip(snapshot, kept, strict=True):
        np.testing.assert_array_equal(w, w0)
    assert not np.array_equal(trainer.weights()[0][0], kept[0])


# --------------------------------------------------------------- divergence
def diverge(trainer: Trainer, limit: int = 50) -> DivergedError:
    for _ in range(limit):
        try:
            trainer.step()
        except DivergedError as error:
            return error
    pytest.fail(f"no DivergedError within {limit} steps")


def test_huge_learning_rate_diverges_and_rolls_back():
    trainer = make_trainer(dataset="spiral", activation="relu", optimizer="sgd", learning_rate=50)
    snapshots = [trainer.weights()]
    error = None
    for _ in range(50):
        try:
            trainer.step()
        except DivergedError as raised:
            error = raised
            break
        snapshots.append(trainer.weights())
    assert error is not None, "no DivergedError within 50 steps"

    assert len(snapshots) == error.step  # snapshots[k]: the weights after k steps
    assert not math.isfinite(error.value) or error.value > DIVERGENCE_LOSS
    assert f"step {error.step}" in str(error) and "diverged" in str(error)
    assert trainer.parameters_are_finite()
    # Rolled back to the weights before the last successful update (they gave a finite loss).
    for (weight, bias), (kept_weight, kept_bias) in zip(trainer.weights(), snapshots[-2], strict=True):
        np.testing.assert_array_equal(weight, kept_weight)
        np.testing.assert_array_equal(bias, kept_bias)
    assert trainer.step_count == error.step - 2  # the step count goes back with the weights
    evaluation = trainer.evaluate()
    assert math.isfinite(evaluation.train_loss) and math.isfinite(evaluation.test_loss)


def test_stepping_on_after_divergence_never_leaves_non_finite_weights():
    trainer = make_trainer(dataset="spiral", activation="relu", optimizer="sgd", learning_rate=50)
    diverge(trainer)
    for _ in range(20):
        try:
            record = trainer.step()
            assert math.isfinite(record.loss)
        except DivergedError as error:
            assert "diverged" in str(error)
        assert trainer.parameters_are_finite()


def test_reset_after_divergence_starts_afresh():
    settings = dict(dataset="spiral", activation="relu", optimizer="sgd", learning_rate=50)
    trainer = make_trainer(**settings)
    diverge(trainer)
    trainer.reset()
    assert trainer.step_count == 0 and trainer.parameters_are_finite()
    assert_same_weights(trainer, make_trainer(**settings))


def test_regression_with_huge_learning_rate_diverges():
    trainer = make_trainer(dataset="reg-bumps", optimizer="sgd", learning_rate=50)
    error = diverge(trainer)
    assert f"step {error.step}" in str(error)
    assert trainer.parameters_are_finite()
    assert math.isfinite(trainer.evaluate().train_loss)


def same_weights(first, second) -> bool:
    return all(
        np.array_equal(w1, w2) and np.array_equal(b1, b2)
        for (w1, b1), (w2, b2) in zip(first, second, strict=True)
    )


def test_every_divergence_rolls_back_not_only_the_first():
    trainer = make_trainer(dataset="spiral", activation="relu", optimizer="sgd", learning_rate=50)
    history = [trainer.weights()]  # the weights after each successful step or rollback
    last_was_success = False
    checked = 0
    for _ in range(30):
        try:
            trainer.step()
        except DivergedError:
            # Back to the weights before the last successful update (or unchanged if none since).
            expected = history[-2] if last_was_success else history[-1]
            assert same_weights(trainer.weights(), expected), f"divergence #{checked + 1} was not rolled back"
            checked += 1
            history.append(trainer.weights())
            last_was_success = False
        else:
            history.append(trainer.weights())
            last_was_success = True
    assert checked >= 2


def test_back_to_back_rollbacks_do_not_rewind_the_count_twice(monkeypatch):
    import core.mlp.trainer

    trainer = make_trainer(n_points=100)
    for _ in range(3):
        trainer.step()
    after_two = None
    monkeypatch.setattr(core.mlp.trainer, "DIVERGENCE_LOSS", -1.0)  # every loss now counts as diverged
    for attempt in range(3):
        with pytest.raises(DivergedError):
            trainer.step()
        if after_two is None:
            after_two = trainer.weights()
        assert trainer.step_count == 2  # the weights after step 2, however often we roll back
        assert same_weights(trainer.weights(), after_two)


def test_deep_sigmoid_network_shows_vanishing_gradients():
    trainer = make_trainer(dataset="circle", hidden=(8,) * 8, activation="sigmoid", n_points=200)
    magnitudes = trainer.gradient_magnitudes()
    assert magnitudes.shape == (9,)
    assert magnitudes[0] < magnitudes[-1] / 100  # fades by orders of magnitude towards the input
    shallow = make_trainer(dataset="circle", hidden=(8,), activation="relu", n_points=200).gradient_magnitudes()
    assert shallow[0] > shallow[-1] / 100
    # Measuring does not train: the weights are unchanged and no gradient is left behind.
    assert all(parameter.grad is None for parameter in trainer.model.parameters())


def test_a_typed_weight_is_used_and_training_goes_on_from_it():
    trainer = make_trainer(dataset="xor", hidden=(3,), n_points=100)
    trainer.set_weight(0, 2, 1, 1.25)
    assert trainer.weights()[0][0][2, 1] == np.float32(1.25)
    next(trainer.run(max_steps=1))
    assert trainer.step_count == 1 and trainer.parameters_are_finite()
    for bad in ((5, 0, 0, 1.0), (0, 3, 0, 1.0), (0, 0, 2, 1.0), (0, 0, 0, float("nan")), (0, 0, 0, 1e9)):
        with pytest.raises(ConfigError):
            trainer.set_weight(*bad)


def test_per_layer_activations_reach_the_model():
    trainer = make_trainer(dataset="xor", hidden=(4, 3), layer_activations=("relu", "sigmoid"), n_points=100)
    assert trainer.model.activations == ["relu", "sigmoid"]


def test_adding_a_neuron_keeps_every_learned_weight():
    old = make_trainer(dataset="xor", hidden=(3, 2), n_points=100)
    for _ in old.run(max_steps=30):
        pass
    grown = Trainer(replace(old.config, hidden=(4, 2)))
    assert old.differs_only_in_architecture(grown.config)
    grown.inherit_weights(old)
    before, after = old.weights(), grown.weights()
    np.testing.assert_array_equal(after[0][0][:3], before[0][0])  # the three old neurons' incoming weights
    np.testing.assert_array_equal(after[0][1][:3], before[0][1])
    np.testing.assert_array_equal(after[1][0][:, :3], before[1][0])  # and what they feed forward
    assert not np.array_equal(after[1][0][:, 3], np.zeros(2))  # the new neuron is initialised, not dead


def test_removing_a_layer_keeps_the_first_layers_and_the_output():
    old = make_trainer(dataset="xor", hidden=(3, 2), n_points=100)
    for _ in old.run(max_steps=30):
        pass
    shrunk = Trainer(replace(old.config, hidden=(3,)))
    shrunk.inherit_weights(old)
    before, after = old.weights(), shrunk.weights()
    np.testing.assert_array_equal(after[0][0], before[0][0])
    np.testing.assert_array_equal(after[1][0][:, :2], before[2][0][:, :2])  # output block that still fits
    next(shrunk.run(max_steps=1))
    assert shrunk.parameters_are_finite()


def test_a_new_dataset_is_not_an_architecture_edit():
    trainer = make_trainer(dataset="xor", hidden=(3,), n_points=100)
    assert not trainer.differs_only_in_architecture(replace(trainer.config, dataset="circle"))
    assert trainer.differs_only_in_architecture(replace(trainer.config, activation="relu", learning_rate=0.1))
