"""The lab's trainer under stress: overflowing updates roll back, long steps and reads can be abandoned."""

from __future__ import annotations

import math
import threading

import pytest
import torch

from core.cnn import image_sets, trainer as cnn_trainer
from core.cnn.image_sets import DataSource, ImageSet, load_image_set
from core.cnn.trainer import CnnTrainConfig, CnnTrainer
from core.errors import DivergedError


def drive(generator):
    records = []
    try:
        while True:
            records.append(next(generator))
    except StopIteration as stop:
        return records, stop.value


@pytest.fixture(scope="module")
def digits() -> ImageSet:
    sizes = image_sets.GENERATED_SIZES["digits"]
    image_sets.GENERATED_SIZES["digits"] = (300, 150)
    try:
        return drive(load_image_set(DataSource("digits")))[1]
    finally:
        image_sets.GENERATED_SIZES["digits"] = sizes


def weights(trainer: CnnTrainer) -> dict:
    return {key: value.clone() for key, value in trainer.model.state_dict().items()}


def same(a: dict, b: dict) -> bool:
    return all(torch.equal(a[key], b[key]) for key in a)


def test_an_update_that_overflows_rolls_back_to_the_weights_of_the_step_before(digits):
    trainer = CnnTrainer(digits, CnnTrainConfig(start="random"))
    list(trainer.run(max_steps=3))
    before, step = weights(trainer), trainer.step_count
    real_step = trainer.optimizer.step

    def overflowing():
        real_step()
        next(trainer.model.parameters()).data[0] = math.inf  # a finite loss, yet an infinite weight

    trainer.optimizer.step = overflowing
    with pytest.raises(DivergedError, match=f"diverged at step {step + 1}"):
        trainer.step()
    assert same(weights(trainer), before) and trainer.step_count == step
    assert trainer.weights_finite()
    assert math.isfinite(trainer.evaluate().test_loss)
    assert trainer.step() is not None  # a fresh optimizer: training goes on


def test_a_non_finite_loss_rolls_back_too(digits):
    trainer = CnnTrainer(digits, CnnTrainConfig(start="random"))
    list(trainer.run(max_steps=2))
    before = weights(trainer)
    with torch.no_grad():
        trainer.model.fc2.bias.fill_(math.nan)  # as if the last update had broken it unseen
    with pytest.raises(DivergedError):
        trainer.step()
    assert same(weights(trainer), before)


def test_a_big_batch_in_pieces_gives_the_same_step_as_in_one_go(digits, monkeypatch):
    config = CnnTrainConfig(optimizer="sgd", learning_rate=0.05, batch_size=100, start="random")
    pieces = CnnTrainer(digits, config)
    record = pieces.step()
    monkeypatch.setattr(cnn_trainer, "MICRO_BATCH", 1000)
    whole = CnnTrainer(digits, config)
    expected = whole.step()
    assert record.loss == pytest.approx(expected.loss, rel=1e-5) and record.accuracy == expected.accuracy
    for key, value in weights(whole).items():
        assert torch.allclose(pieces.model.state_dict()[key], value, atol=1e-6)


def test_abort_part_way_through_a_step_changes_nothing_and_ends_the_run(digits):
    asked = []
    trainer = CnnTrainer(digits, CnnTrainConfig(batch_size=100, start="random"),
                         abort=lambda: asked.append(1) or len(asked) > 1)
    before = weights(trainer)
    assert list(trainer.run(max_steps=5)) == []
    assert same(weights(trainer), before) and trainer.step_count == 0
    assert all(p.grad is None for p in trainer.model.parameters())


def test_abort_part_way_through_an_evaluation_gives_none(digits):
    stop = threading.Event()
    trainer = CnnTrainer(digits, CnnTrainConfig(start="random"), abort=stop.is_set)
    assert trainer.evaluate() is not None
    stop.set()
    assert trainer.evaluate() is None
    assert trainer.model.training  # back in training mode for the next step


def test_reading_a_downloaded_set_is_abandoned_at_once_when_stopped(monkeypatch, tmp_path):
    released, started = threading.Event(), threading.Event()

    def slow_read(kind, cache_dir):  # a CIFAR archive on a slow disk
        started.set()
        released.wait(30)
        raise AssertionError("never used")

    monkeypatch.setattr(image_sets, "is_downloaded", lambda kind, cache_dir: True)
    monkeypatch.setattr(image_sets, "load_dataset", slow_read)
    stop, outcome = threading.Event(), []
    reading = threading.Thread(target=lambda: outcome.append(
        drive(load_image_set(DataSource("cifar10"), stop.is_set, tmp_path))[1]), daemon=True)
    try:
        reading.start()
        assert started.wait(10)
        stop.set()
        reading.join(1.0)
        assert not reading.is_alive() and outcome == [None]
    finally:
        released.set()


def test_training_that_cannot_fit_in_memory_is_refused_before_it_starts(digits, monkeypatch):
    from core.limits import LimitError
    trainer = CnnTrainer(digits, CnnTrainConfig(batch_size=16, start="random"))
    small, big = trainer.estimate(32).memory_bytes, trainer.estimate(250).memory_bytes
    free = int((small + big) / 2 / cnn_trainer.SAFETY)  # room for a batch of 32, not one of 250
    monkeypatch.setattr(cnn_trainer, "available_memory", lambda: free)
    with pytest.raises(LimitError, match=r"batches of 250 needs about .* free; choose a smaller batch"):
        CnnTrainer(digits, CnnTrainConfig(batch_size=250, start="random"))
    with pytest.raises(LimitError):
        trainer.retune(CnnTrainConfig(batch_size=250, learning_rate=0.5, start="random"))
    assert trainer.batch_size == 16 and trainer.config.learning_rate == 0.001  # the refused settings changed nothing
    trainer.retune(CnnTrainConfig(batch_size=32, start="random"))
    assert trainer.batch_size == 32


# ---- nothing non-finite reaches a view --------------------------------------------------------

@pytest.mark.parametrize("mean, std", [([math.nan], [0.3]), ([math.inf], [0.3]), ([0.1], [1e-300]),
                                       ([0.1], [math.inf]), ([1e300], [0.3])])
def test_a_model_description_with_an_unusable_mean_or_std_is_refused(mean, std):
    from core.cnn.analysis import preprocessing_of
    from core.errors import ModelError
    from core.nets.model_store import ModelInfo
    info = ModelInfo("odd", "digits", tuple("0123456789"), {"mean": mean, "std": std})
    with pytest.raises(ModelError, match="mean or std that is not a usable number"):
        preprocessing_of(info)


def test_a_network_whose_numbers_are_not_finite_is_refused_not_drawn():
    from core.cnn.analysis import analyse
    from core.data.images import from_array
    from core.data.sample_images import sample_image
    from core.errors import ModelError
    from core.nets.cnn import build_cnn
    from core.nets.model_store import ModelInfo
    model = build_cnn("digits").eval()
    info = ModelInfo("broken", "digits", tuple("0123456789"), dict(image_sets.DIGITS_PREPROCESSING))
    image = from_array(sample_image("digit 7"), "digit 7")
    assert np_finite(analyse(model, info, image).probs)
    with torch.no_grad():
        model.fc2.weight[0, 0] = math.nan
    with pytest.raises(ModelError, match="'broken' gives numbers that are not finite"):
        analyse(model, info, image)


def np_finite(array) -> bool:
    import numpy as np
    return bool(np.isfinite(array).all())
