"""Trainer.snapshot / Trainer.from_snapshot: a saved run continues bit for bit, and a bad part is refused."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import torch

from core.errors import DivergedError, SessionError
from core.landscape.slices import TrajectoryRecorder
from core.mlp.config import TrainConfig
from core.mlp.snapshot import RecordedPath
from core.mlp.trainer import Trainer
from core.session.files import read_session, write_session
from core.session.parts import MLP_PART, Part, Session
from core.session.training import recorder_from_path, restore_training

SMALL = dict(dataset="circle", n_points=120, batch_size=7, hidden=(5, 3), device="cpu", seed=3)


def make_trainer(**settings) -> Trainer:
    return Trainer(TrainConfig(**{**SMALL, **settings}))


def train(trainer: Trainer, steps: int, recorder: TrajectoryRecorder | None = None) -> list[float]:
    losses = []
    for record in trainer.run(max_steps=steps):
        losses.append(record.loss)
        if recorder is not None:
            recorder.maybe_record(record.step, trainer.model)
    return losses


def flat(trainer: Trainer) -> torch.Tensor:
    return torch.cat([param.detach().reshape(-1) for param in trainer.model.parameters()])


def through_a_file(part: Part, tmp_path) -> Part:
    path = tmp_path / "run.glassbox"
    write_session(path, Session(parts={MLP_PART: part}))
    return read_session(path).parts[MLP_PART]


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"])
@pytest.mark.parametrize("regularization", ["l2", "l1"])
def test_a_snapshot_continues_exactly_as_straight_training(optimizer, regularization, tmp_path):
    settings = dict(optimizer=optimizer, regularization=regularization, regularization_rate=0.01, learning_rate=0.05)
    straight = make_trainer(**settings)
    straight_losses = train(straight, 23 + 31)

    first = make_trainer(**settings)
    recorder = TrajectoryRecorder(every=2, max_points=5)
    recorder.record(0, first.model)
    first_losses = train(first, 23, recorder)
    restored, restored_recorder = restore_training(through_a_file(first.snapshot(recorder), tmp_path))

    assert restored.step_count == 23
    assert restored.epoch == first.epoch
    later_losses = train(restored, 31)
    assert first_losses + later_losses == straight_losses  # bit for bit: == on floats
    assert torch.equal(flat(restored), flat(straight))
    assert torch.equal(restored.initial_weights, straight.initial_weights)
    assert restored_recorder.steps == recorder.steps and restored_recorder.every == recorder.every
    for saved, original in zip(restored_recorder.vectors, recorder.vectors, strict=True):
        assert torch.equal(saved, original)


@pytest.mark.parametrize("dataset", ["blobs", "reg-plane"])
def test_multiclass_and_regression_runs_continue_exactly(dataset, tmp_path):
    straight = make_trainer(dataset=dataset)
    straight_losses = train(straight, 40)
    first = make_trainer(dataset=dataset)
    losses = train(first, 17)
    restored = Trainer.from_snapshot(through_a_file(first.snapshot(), tmp_path))
    assert losses + train(restored, 23) == straight_losses
    assert torch.equal(flat(restored), flat(straight))
    assert restored.recorded_path is None


def test_a_snapshot_before_any_step_restores_a_fresh_run(tmp_path):
    fresh = make_trainer(optimizer="adam")
    restored = Trainer.from_snapshot(through_a_file(make_trainer(optimizer="adam").snapshot(), tmp_path))
    assert restored.step_count == 0
    assert train(restored, 12) == train(fresh, 12)


def test_a_retuned_run_keeps_its_new_settings(tmp_path):
    straight = make_trainer(optimizer="momentum")
    train(straight, 10)
    straight.retune(replace(straight.config, learning_rate=0.2, batch_size=11))
    expected = train(straight, 20)

    first = make_trainer(optimizer="momentum")
    train(first, 10)
    first.retune(replace(first.config, learning_rate=0.2, batch_size=11))
    restored = Trainer.from_snapshot(through_a_file(first.snapshot(), tmp_path))
    assert restored.config.learning_rate == 0.2 and restored.batch_size == 11
    assert train(restored, 20) == expected


def test_an_edited_network_keeps_its_own_initial_weights(tmp_path):
    old = make_trainer()
    train(old, 5)
    edited = Trainer(replace(old.config, hidden=(5, 4)))
    edited.inherit_weights(old)
    start = edited.initial_weights.clone()
    train(edited, 5)
    restored = Trainer.from_snapshot(through_a_file(edited.snapshot(), tmp_path))
    assert torch.equal(restored.initial_weights, start)
    assert torch.equal(flat(restored), flat(edited))


def losses_until_diverged(trainer: Trainer, steps: int) -> list:
    """Each step's loss, or ("diverged", step) where it rolled back; training goes on after a rollback."""
    results = []
    for _ in range(steps):
        try:
            results.append(trainer.step().loss)
        except DivergedError as error:
            results.append(("diverged", error.step))
    return results


def test_a_run_that_rolled_back_continues_exactly(tmp_path):
    settings = dict(optimizer="sgd", learning_rate=900.0, dataset="reg-plane")
    straight = make_trainer(**settings)
    expected = losses_until_diverged(straight, 30)
    assert any(isinstance(result, tuple) for result in expected[:10]), "the setting should diverge early"

    first = make_trainer(**settings)
    head = losses_until_diverged(first, 10)
    restored = Trainer.from_snapshot(through_a_file(first.snapshot(), tmp_path))
    assert head + losses_until_diverged(restored, 20) == expected
    assert torch.equal(flat(restored), flat(straight))


def test_a_restored_recorder_records_on_like_the_original():
    trainer = make_trainer()
    recorder = TrajectoryRecorder(every=1, max_points=4)
    recorder.record(0, trainer.model)
    train(trainer, 9, recorder)  # halved at least once: every > 1
    restored_trainer, restored = restore_training(trainer.snapshot(recorder))
    train(trainer, 13, recorder)
    train(restored_trainer, 13, restored)
    assert restored.steps == recorder.steps and restored.every == recorder.every


def test_snapshot_arrays_are_plain_numpy_of_the_allowed_kinds():
    trainer = make_trainer(optimizer="adam")
    train(trainer, 3)
    part = trainer.snapshot()
    allowed = {np.dtype(np.float32), np.dtype(np.float64), np.dtype(np.int64), np.dtype(np.uint8)}
    assert all(isinstance(array, np.ndarray) and array.dtype in allowed for array in part.arrays.values())
    assert part.meta["config"] == trainer.config.to_dict()
    assert part.meta["step_count"] == 3


def test_the_device_can_be_chosen_when_opening():
    trainer = make_trainer()
    train(trainer, 3)
    part = trainer.snapshot()
    part.meta["config"]["device"] = "cuda"  # saved on a GPU machine
    restored = Trainer.from_snapshot(part, device="cpu")
    assert restored.device.type == "cpu"


def test_a_session_saved_on_a_gpu_opens_where_there_is_none():
    trainer = make_trainer()
    train(trainer, 3)
    part = trainer.snapshot()
    part.meta["config"]["device"] = "cuda"
    assert Trainer.from_snapshot(part).step_count == 3  # CUDA where there is some, else the CPU


# ----------------------------------------------------------------------------- bad parts
def good_part(optimizer: str = "adam") -> Part:
    trainer = make_trainer(optimizer=optimizer)
    recorder = TrajectoryRecorder(every=2, max_points=6)
    recorder.record(0, trainer.model)
    train(trainer, 9, recorder)
    return trainer.snapshot(recorder)


def changed(part: Part, meta: dict | None = None, **arrays) -> Part:
    """A copy of `part` with some meta keys and arrays replaced (None removes)."""
    new_meta = {**part.meta, **(meta or {})}
    new_arrays = dict(part.arrays)
    for name, array in arrays.items():
        name = name.replace("__", "/")
        if array is None:
            new_arrays.pop(name)
        else:
            new_arrays[name] = array
    return Part({key: value for key, value in new_meta.items() if value is not ...}, new_arrays)


def nan_copy(array: np.ndarray) -> np.ndarray:
    array = array.copy()
    array.flat[0] = np.nan
    return array


BAD_PARTS = {
    "wrong shape": lambda p: changed(p, parameters__0=np.zeros((4, 2), np.float32)),
    "NaN weight": lambda p: changed(p, parameters__0=nan_copy(p.arrays["parameters/0"])),
    "infinite optimizer state": lambda p: changed(p, optimizer__1__exp_avg=np.full_like(
        p.arrays["optimizer/1/exp_avg"], np.inf)),
    "missing weight": lambda p: changed(p, parameters__2=None),
    "missing rng": lambda p: changed(p, batch_rng=None),
    "missing optimizer state": lambda p: changed(p, optimizer__0__exp_avg_sq=None),
    "extra array": lambda p: changed(p, surprise=np.zeros(3, np.float32)),
    "wrong dtype": lambda p: changed(p, parameters__1=p.arrays["parameters/1"].astype(np.float64)),
    "absurd weight": lambda p: changed(p, parameters__1=np.full_like(p.arrays["parameters/1"], 1e30)),
    "negative second moment": lambda p: changed(p, optimizer__0__exp_avg_sq=-np.ones_like(
        p.arrays["optimizer/0/exp_avg_sq"])),
    "fractional step": lambda p: changed(p, optimizer__0__step=np.asarray(2.5, np.float32)),
    "order not a permutation": lambda p: changed(p, batch_order=np.zeros_like(p.arrays["batch_order"])),
    "short rng": lambda p: changed(p, batch_rng=p.arrays["batch_rng"][:100]),
    "path of the wrong width": lambda p: changed(p, path__vectors=p.arrays["path/vectors"][:, :-1]),
    "path steps out of order": lambda p: changed(p, path__steps=p.arrays["path/steps"][::-1].copy()),
    "other kind": lambda p: changed(p, {"kind": "cnn"}),
    "newer version": lambda p: changed(p, {"version": 2}),
    "missing meta key": lambda p: changed(p, {"cursor": ...}),
    "negative step count": lambda p: changed(p, {"step_count": -1}),
    "step count as text": lambda p: changed(p, {"step_count": "9"}),
    "invalid config": lambda p: changed(p, {"config": {**p.meta["config"], "learning_rate": -1.0}}),
    "config missing a setting": lambda p: changed(p, {"config": {
        key: value for key, value in p.meta["config"].items() if key != "seed"}}),
    "architecture differs from weights": lambda p: changed(p, {"config": {**p.meta["config"], "hidden": [6, 3]}}),
    "unknown optimizer state": lambda p: changed(p, {"optimizer_state": ["momentum_buffer"]}),
    "bad path settings": lambda p: changed(p, {"path": {"every": 0, "max_points": 6, "max_bytes": 10}}),
}


@pytest.mark.parametrize("case", sorted(BAD_PARTS))
def test_a_bad_part_gives_one_sentence(case):
    part = good_part()
    before = {name: array.copy() for name, array in part.arrays.items()}
    with pytest.raises(SessionError) as caught:
        Trainer.from_snapshot(BAD_PARTS[case](part))
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message
    assert all(np.array_equal(part.arrays[name], array) for name, array in before.items())  # nothing changed


def test_any_json_value_in_any_setting_gives_a_session_error_or_works():
    part = good_part("sgd")
    for key in sorted(part.meta["config"]):
        for value in (None, 5, -1, 1.5, True, "x", "", [], [1e9], ["relu"], {}, {"a": 1}):
            config = {**part.meta["config"], key: value}
            try:
                Trainer.from_snapshot(changed(part, {"config": config}))
            except SessionError as error:
                assert "\n" not in str(error)


def test_the_good_part_itself_is_accepted():
    assert Trainer.from_snapshot(good_part()).step_count == 9


def test_a_stateless_adagrad_snapshot_is_refused():
    part = good_part("adagrad")
    arrays = {name: array for name, array in part.arrays.items() if not name.startswith("optimizer/")}
    with pytest.raises(SessionError):
        Trainer.from_snapshot(Part({**part.meta, "optimizer_state": []}, arrays))


def test_recorder_from_path_holds_copies():
    path = RecordedPath(np.zeros((2, 3), np.float32), np.array([0, 4]), 4, 10, 1000)
    recorder = recorder_from_path(path)
    recorder.vectors[0][0] = 5.0
    assert path.vectors[0, 0] == 0.0
    assert recorder.steps == [0, 4] and recorder.every == 4
