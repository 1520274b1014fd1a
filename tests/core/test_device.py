"""Device choice: CUDA when present and asked for, CPU otherwise, and a clear error when not."""

from __future__ import annotations

import pytest
import torch

import core.device
from core.mlp.config import TrainConfig
from core.device import describe_device, resolve_device
from core.errors import DeviceError
from core.mlp.trainer import Trainer

no_cuda = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU on this machine")


def trainer_tensors(trainer: Trainer) -> dict[str, torch.Tensor]:
    tensors = {f"parameter {name}": p for name, p in trainer.model.named_parameters()}
    tensors.update(x_train=trainer._x_train, y_train=trainer._y_train, x_test=trainer._x_test, y_test=trainer._y_test)
    return tensors


def test_auto_is_cuda_exactly_when_cuda_is_available():
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert resolve_device("auto").type == expected
    assert resolve_device().type == expected


@pytest.mark.parametrize("available, expected", [(True, "cuda"), (False, "cpu")])
def test_auto_follows_cuda_availability(monkeypatch, available, expected):
    monkeypatch.setattr(core.device, "cuda_available", lambda: available)
    assert resolve_device("auto") == torch.device(expected)


def test_cpu_is_cpu_and_described_as_cpu():
    device = resolve_device("cpu")
    assert device == torch.device("cpu")
    assert describe_device(device) == "CPU"
    assert resolve_device("CPU") == torch.device("cpu")  # case does not matter


def test_cuda_without_a_gpu_raises_a_device_error_suggesting_cpu(monkeypatch):
    monkeypatch.setattr(core.device, "cuda_available", lambda: False)
    with pytest.raises(DeviceError) as info:
        resolve_device("cuda")
    assert "cpu" in str(info.value).lower()
    assert "CUDA" in str(info.value)


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a CUDA GPU")
def test_cuda_on_this_machine_without_gpu_is_refused():
    with pytest.raises(DeviceError, match="cpu"):
        resolve_device("cuda")
    with pytest.raises(DeviceError):
        Trainer(TrainConfig(device="cuda", n_points=20))


@pytest.mark.parametrize("name", ["tpu", "gpu", "cuda:7", "mps"])
def test_unknown_device_names_raise_device_error(name):
    with pytest.raises(DeviceError) as info:
        resolve_device(name)
    assert f"'{name}'" in str(info.value)


def test_trainer_on_cpu_keeps_everything_on_cpu():
    trainer = Trainer(TrainConfig(device="cpu", n_points=100))
    assert trainer.device == torch.device("cpu") and trainer.device_name == "CPU"
    list(trainer.run(max_steps=5))
    for name, tensor in trainer_tensors(trainer).items():
        assert tensor.device.type == "cpu", name


@no_cuda
def test_trainer_on_cuda_keeps_everything_on_the_gpu():
    trainer = Trainer(TrainConfig(device="cuda", n_points=200, seed=1))
    assert trainer.device_name.startswith("CUDA: ")
    assert describe_device(resolve_device("cuda")).startswith("CUDA: ")
    before = trainer.evaluate().train_loss
    records = list(trainer.run(max_steps=20))
    assert [record.step for record in records] == list(range(1, 21))
    for name, tensor in trainer_tensors(trainer).items():
        assert tensor.device.type == "cuda", name
    for state in trainer.optimizer.state.values():
        for value in state.values():
            if isinstance(value, torch.Tensor) and value.dim() > 0:
                assert value.device.type == "cuda"
    assert trainer.parameters_are_finite()
    assert trainer.evaluate().train_loss < before
    assert all(weight.dtype.kind == "f" for weight, _ in trainer.weights())  # numpy copies on the host
