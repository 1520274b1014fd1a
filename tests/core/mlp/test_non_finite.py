"""Non-finite numbers never reach the weights, a trace or a view: stable losses and one guard on every update."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import torch

from core.errors import DivergedError, GlassboxError
from core.mlp.boundaries import boundary_maps
from core.mlp.config import TrainConfig
from core.mlp.inspection import neuron_activity
from core.mlp.recording import StepDivergedError, record_example
from core.mlp.reports import MetricsHistory, progress_of, train_headless
from core.mlp.trainer import Trainer


def make_trainer(**settings) -> Trainer:
    settings.setdefault("device", "cpu")
    settings.setdefault("n_points", 120)
    return Trainer(TrainConfig(**settings))


def scale_output(trainer: Trainer, factor: float) -> None:
    with torch.no_grad():
        trainer.model.linears[-1].weight.mul_(factor)


def weights_of(trainer: Trainer) -> list[np.ndarray]:
    return [array.copy() for pair in trainer.weights() for array in pair]


def all_finite(trace) -> bool:
    arrays = [getattr(layer, name) for layer in trace.layers for name in
              ("weight", "bias", "z", "a", "grad_a", "delta", "grad_weight", "grad_bias", "weight_after", "bias_after")]
    return math.isfinite(trace.loss_value) and all(np.isfinite(array).all() for array in arrays)


def log_softmax(z: np.ndarray) -> np.ndarray:
    z = z.astype(np.float64)
    top = z.max()
    return z - top - np.log(np.exp(z - top).sum())


def test_an_underflowing_softmax_probability_gives_a_finite_trace():
    # The case (digits, Adam 0.03, 2,000 steps) comes down to this: confident logits make the true
    # class's probability underflow to 0 in float32, and −y·log p became 0·log 0 = NaN.
    trainer = make_trainer(dataset="blobs", hidden=(8,), activation="relu")
    scale_output(trainer, 3000.0)
    underflowed = 0
    for index in range(12):
        trace = record_example(trainer, index)
        assert all_finite(trace), index
        output = trace.layers[-1]
        true_class = int(trace.target.argmax())
        underflowed += output.a[true_class] == 0.0
        # The loss is −log p_true computed from the logits, δ = p − y at the output.
        assert trace.loss_value == pytest.approx(-log_softmax(output.z)[true_class], rel=1e-4, abs=1e-4)
        np.testing.assert_allclose(output.delta, output.a - trace.target, atol=1e-6)
        assert (output.grad_a[np.arange(len(output.a)) != true_class] == 0).all()
        assert output.grad_a[true_class] < 0
    assert underflowed, "the test should contain an underflowed probability"


def test_a_saturated_sigmoid_gives_a_finite_bce_trace():
    trainer = make_trainer(dataset="circle", hidden=(4,), activation="tanh")
    scale_output(trainer, 1e4)
    for index in range(8):
        trace = record_example(trainer, index)
        assert all_finite(trace), index
        output = trace.layers[-1]
        z, y = float(output.z[0]), float(trace.target[0])
        expected = max(z, 0.0) - z * y + math.log1p(math.exp(-abs(z)))  # BCE with logits, written out
        assert trace.loss_value == pytest.approx(expected, rel=1e-4, abs=1e-4)
        np.testing.assert_allclose(output.delta, output.a - trace.target, atol=1e-6)


def test_a_committed_step_whose_update_is_not_finite_changes_nothing():
    trainer = make_trainer(dataset="blobs", hidden=(6,), activation="relu", optimizer="sgd", learning_rate=0.1)
    trainer.step()
    before, steps = weights_of(trainer), trainer.step_count
    trainer.optimizer.param_groups[0]["lr"] = math.inf  # what an absurd rate does: the update overflows
    with pytest.raises(StepDivergedError) as caught:
        record_example(trainer, 3, commit=True)
    error = caught.value
    assert isinstance(error, DivergedError) and isinstance(error, GlassboxError)
    assert error.step == steps + 1 and error.example == 3
    assert f"step {steps + 1}" in str(error) and "not changed" in str(error) and "\n" not in str(error)
    assert trainer.step_count == steps
    for kept, now in zip(before, weights_of(trainer), strict=True):
        np.testing.assert_array_equal(kept, now)
    # The next Play trains on: no false divergence from weights the refused step never wrote.
    trainer.optimizer.param_groups[0]["lr"] = 0.1
    for _ in range(5):
        assert math.isfinite(trainer.step().loss)
    assert trainer.parameters_are_finite()


def test_a_committed_step_is_undone_by_the_next_rollback_like_any_step():
    trainer = make_trainer(dataset="blobs", hidden=(6,), activation="relu", optimizer="sgd", learning_rate=0.1)
    record_example(trainer, 0, commit=True)
    after_commit = weights_of(trainer)
    trainer.optimizer.param_groups[0]["lr"] = math.inf
    with pytest.raises(DivergedError):
        trainer.step()
    assert trainer.step_count == 1 and trainer.parameters_are_finite()
    for kept, now in zip(after_commit, weights_of(trainer), strict=True):
        np.testing.assert_array_equal(kept, now)


def test_a_trace_of_exploding_weights_is_refused_not_written_with_nan():
    # `export trace --lr 1000 --steps 1`: the trace must raise, never hold NaN.
    trainer = make_trainer(dataset="blobs", hidden=(6,), activation="leaky_relu")
    with torch.no_grad():
        for linear in trainer.model.linears:
            linear.weight.mul_(1e20)
    with pytest.raises(StepDivergedError) as caught:
        record_example(trainer, 0)
    assert "step 1" in str(caught.value)


def test_every_trace_that_is_returned_is_valid_json():
    trainer = make_trainer(dataset="blobs", hidden=(6,), activation="relu")
    scale_output(trainer, 1e4)
    text = json.dumps(record_example(trainer, 1).to_json_dict(), allow_nan=False)  # raises on NaN or inf
    assert "NaN" not in text


def test_an_update_that_overflows_is_rolled_back_at_once():
    trainer = make_trainer(dataset="circle", hidden=(4,), activation="tanh", optimizer="sgd", learning_rate=0.1)
    for _ in range(3):
        trainer.step()
    before = weights_of(trainer)
    trainer.optimizer.param_groups[0]["lr"] = math.inf
    with pytest.raises(DivergedError) as caught:
        trainer.step()
    assert caught.value.step == 5  # the step whose loss the overflowed weights would have given
    assert trainer.parameters_are_finite() and trainer.step_count == 3
    for kept, now in zip(before, weights_of(trainer), strict=True):
        np.testing.assert_array_equal(kept, now)


def test_a_divergence_keeps_the_finite_losses_that_led_to_it():
    trainer = make_trainer(dataset="spiral", activation="relu", optimizer="sgd", learning_rate=50)
    history, error = train_headless(trainer, 100)
    assert error is not None
    divergence = history.divergence
    assert divergence is not None and divergence.step == error.step
    assert not math.isfinite(divergence.value) or divergence.value > 1e6
    steps = [step for step, _ in divergence.run_up]
    losses = [loss for _, loss in divergence.run_up]
    assert steps == list(range(1, error.step)) and all(math.isfinite(loss) for loss in losses)
    assert losses[-1] > losses[0]  # the loss rose before it exploded
    last = history.last()
    assert math.isfinite(last["train_loss"]) and math.isfinite(last["test_loss"])
    # Training on (at a sane rate) leaves the divergence behind.
    trainer.retune(trainer.config.__class__(**{**trainer.config.__dict__, "learning_rate": 0.01}))
    trainer.step()
    assert trainer.evaluate().divergence is None
    history.extend([trainer.evaluate()])
    assert history.divergence is None


def test_a_new_history_has_no_divergence_and_clear_forgets_it():
    trainer = make_trainer(dataset="spiral", activation="relu", optimizer="sgd", learning_rate=50)
    history, _ = train_headless(trainer, 50)
    assert history.divergence is not None
    history.clear()
    assert history.divergence is None and MetricsHistory().divergence is None


def test_what_finite_weights_overflow_into_reaches_no_view_as_inf_or_nan():
    trainer = make_trainer(dataset="circle", hidden=(8, 8), activation="relu")
    with torch.no_grad():
        for linear in trainer.model.linears:
            linear.weight.fill_(1e13)  # finite weights whose products overflow float32
    assert trainer.parameters_are_finite()
    assert np.isfinite(trainer.gradient_magnitudes()).all()
    maps = boundary_maps(trainer.model, trainer.config.features, resolution=8)
    assert all(np.isfinite(layer).all() for layer in maps.layers) and np.isfinite(maps.output).all()
    activity = neuron_activity(trainer, 1, 0)
    assert np.isfinite(activity.values).all()
    progress = progress_of(trainer, [], 0.0, boundaries=True, gradients=True, inspected=(1, 0))
    assert all(np.isfinite(array).all() for pair in progress.weights for array in pair)


def test_a_typed_weight_that_is_not_a_sane_number_is_refused():
    trainer = make_trainer(dataset="circle", hidden=(4,))
    before = weights_of(trainer)
    for value in (math.nan, math.inf, -math.inf, 1e7):
        with pytest.raises(GlassboxError):
            trainer.set_weight(0, 0, 0, value)
    for kept, now in zip(before, weights_of(trainer), strict=True):
        np.testing.assert_array_equal(kept, now)


def test_a_big_set_is_evaluated_in_chunks_with_the_same_numbers(monkeypatch):
    import core.mlp.trainer as trainer_module

    for dataset in ("blobs", "circle", "reg-plane"):
        trainer = make_trainer(dataset=dataset, n_points=400)
        for _ in range(5):
            trainer.step()
        whole = trainer.evaluate()
        monkeypatch.setattr(trainer_module, "EVALUATION_CHUNK", 64)
        chunked = trainer.evaluate()
        monkeypatch.undo()
        for name in ("train_loss", "test_loss", "train_accuracy", "test_accuracy"):
            expected, got = getattr(whole, name), getattr(chunked, name)
            assert (math.isnan(expected) and math.isnan(got)) or got == pytest.approx(expected, rel=1e-5), name


def test_the_gradient_chart_of_a_big_set_looks_at_an_even_sample(monkeypatch):
    import core.mlp.trainer as trainer_module

    trainer = make_trainer(dataset="blobs", n_points=400, activation="sigmoid", hidden=(6, 6))
    whole = trainer.gradient_magnitudes()
    monkeypatch.setattr(trainer_module, "GRADIENT_SAMPLE", 100)
    sampled = trainer.gradient_magnitudes()
    assert sampled.shape == whole.shape and np.isfinite(sampled).all()
    np.testing.assert_allclose(np.log10(sampled), np.log10(whole), atol=0.3)  # the same bars on the chart's log scale


def test_an_evaluation_in_chunks_stops_when_asked(monkeypatch):
    import core.mlp.trainer as trainer_module

    trainer = make_trainer(dataset="blobs", n_points=400)
    monkeypatch.setattr(trainer_module, "EVALUATION_CHUNK", 64)
    asked = []

    def should_stop() -> bool:
        asked.append(True)
        return len(asked) >= 2

    with pytest.raises(trainer_module.EvaluationStopped):
        trainer.evaluate(should_stop)
    assert len(asked) == 2
    assert math.isfinite(trainer.evaluate(lambda: False).train_loss)
