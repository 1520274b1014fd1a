"""The training-set loss at many weight sets of one network: what every slice, path and line is made of.

PointLoss picks the fastest way the model allows: core.landscape.stacked's layer-by-layer
evaluator for the shipped kinds of network (MLPs, and Sequential CNNs), and torch.func's
vmap over functional_call for anything else. Both give the Trainer's data loss (no
regularisation penalty), and neither touches the trainer's own model.
"""

from __future__ import annotations

import copy
from typing import Callable

import numpy as np
import torch
from torch.func import functional_call, vmap
from torch.nn import functional as F
from torch.nn.utils import parameters_to_vector

from core.errors import ConfigError, Phrase
from core.landscape.stacked import (ACTIVATION_BUDGET, CACHE_FLOATS, DENSE_BUDGET, MAX_SETS, WEIGHT_FLOATS,
                                   StackedLoss, Stopped)
from core.limits import BASE_BYTES, FLOAT, FLOPS_PER_SECOND, Estimate, mlp_slice

# Activations (floats) one vmapped chunk may hold. On the CPU a chunk that stays in the
# cache is fastest (measured: 32–128 spiral networks beat 512); a GPU wants big batches.
CHUNK_BUDGET = {"cpu": 2**19, "cuda": 2**26}
MAX_CHUNK = {"cpu": 1024, "cuda": 16384}

Vector = torch.Tensor  # a flat parameter vector, in model.parameters() order

__all__ = ["PointLoss", "Stopped", "VmapLoss", "flat_parameters", "slice_estimate", "task_loss"]


def flat_parameters(model: torch.nn.Module) -> Vector:
    """A detached copy of all parameters as one vector, on the model's device."""
    return parameters_to_vector(model.parameters()).detach().clone()


def task_loss(loss_name: str) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
    """The Trainer's data loss, chosen by its public `loss_name` (see Trainer._data_loss)."""
    if loss_name == "bce":
        return lambda logits, targets: F.binary_cross_entropy_with_logits(logits.squeeze(-1), targets)
    if loss_name == "cross_entropy":
        return F.cross_entropy
    return lambda logits, targets: F.mse_loss(logits.squeeze(-1), targets)


def _check_chunk(chunk) -> int | None:
    if chunk is not None and (isinstance(chunk, bool) or int(chunk) != chunk or chunk < 1):
        raise ConfigError(
            "The chunk size must be a whole number of at least 1, not {chunk!r}.",
            chunk=chunk,
        )
    return None if chunk is None else int(chunk)


class VmapLoss:
    """The training-set loss at many parameter vectors at once: functional_call under vmap (any model)."""

    def __init__(self, trainer, chunk: int | None = None):
        # functional_call swaps parameters into the module while it runs: on a copy, the
        # trainer's model is never touched, even if training goes on between chunks.
        self.model = copy.deepcopy(trainer.model)
        self.inputs, self.targets = trainer.training_set()
        self.loss = task_loss(trainer.loss_name)
        params = list(self.model.named_parameters())
        self.layout = [(name, param.shape, param.numel()) for name, param in params]
        self.size = sum(count for _, _, count in self.layout)
        self.device, self.dtype = params[0][1].device, params[0][1].dtype
        # Each network in a chunk holds about (examples × widest layer) activations at once
        # (for a model without `sizes`, a rough guess: pass `chunk` to override).
        widest = max(getattr(self.model, "sizes", None) or [max(shape[0] for _, shape, _ in self.layout)])
        kind = "cuda" if self.device.type == "cuda" else "cpu"
        auto = CHUNK_BUDGET[kind] // max(1, len(self.inputs) * widest)
        chunk = _check_chunk(chunk)
        self.chunk = chunk if chunk is not None else max(1, min(MAX_CHUNK[kind], auto))
        self._batched = vmap(self._one)

    def _one(self, params: dict[str, torch.Tensor]) -> torch.Tensor:
        return self.loss(functional_call(self.model, params, (self.inputs,)), self.targets)

    def vector(self, vector, what: str = Phrase("direction")) -> Vector:
        """`vector` on the model's device and dtype, after checking its length."""
        return checked_vector(vector, self.size, self.device, self.dtype, what)

    @torch.no_grad()
    def __call__(self, rows: torch.Tensor) -> np.ndarray:
        """Loss at each row of a (K, P) matrix of parameter vectors, evaluated chunk by chunk."""
        values = []
        for start in range(0, len(rows), self.chunk):
            part = rows[start : start + self.chunk]
            params, offset = {}, 0
            for name, shape, count in self.layout:
                block = part[:, offset : offset + count].reshape(len(part), *shape)
                if len(shape) == 2:
                    # Same values, stored as (K, in, out): F.linear multiplies by Wᵀ, and a
                    # contiguous Wᵀ makes vmap's batched matmul about 20 % faster.
                    block = block.transpose(1, 2).contiguous().transpose(1, 2)
                params[name] = block
                offset += count
            values.append(self._batched(params).double().cpu().numpy())
        return np.concatenate(values) if values else np.empty(0)


class PointLoss:
    """The trainer's training-set loss at many weight sets: on a plane through three vectors, or at given rows.

    `chunk` is how many weight sets are evaluated together (by default what the model's
    size allows); a slice reports progress and checks its stop flag between chunks, and the
    stacked evaluator also between groups of examples inside one.
    """

    def __init__(self, trainer, chunk: int | None = None):
        chunk = _check_chunk(chunk)
        model = copy.deepcopy(trainer.model)  # the trainer's model is never touched, even if training goes on
        inputs, targets = trainer.training_set()
        self.stacked = StackedLoss.build(model, inputs, targets, trainer.loss_name, sets=chunk)
        self.fallback = None if self.stacked is not None else VmapLoss(trainer, chunk)
        self.chunk = self.stacked.sets if self.stacked is not None else self.fallback.chunk
        params = list(model.parameters())
        self.size = sum(param.numel() for param in params)
        self.device, self.dtype = params[0].device, params[0].dtype

    def vector(self, vector, what: str = Phrase("direction")) -> Vector:
        """`vector` on the model's device and dtype, after checking its length."""
        return checked_vector(vector, self.size, self.device, self.dtype, what)

    def plane(self, center: Vector, d1: Vector, d2: Vector, alphas, betas,
              should_stop: Callable[[], bool] | None = None) -> np.ndarray:
        """Loss at center + alphas[k]·d1 + betas[k]·d2 for each k (float64); raises Stopped if told to stop."""
        alphas = torch.as_tensor(alphas, dtype=self.dtype, device=self.device).reshape(-1)
        betas = torch.as_tensor(betas, dtype=self.dtype, device=self.device).reshape(-1)
        if self.stacked is not None:
            return self.stacked.plane(center, d1, d2, alphas, betas, should_stop).numpy()
        return self.fallback(center + alphas[:, None] * d1 + betas[:, None] * d2)

    def rows(self, rows: torch.Tensor, should_stop: Callable[[], bool] | None = None) -> np.ndarray:
        """Loss at each row of a (K, P) matrix of parameter vectors (float64)."""
        if not len(rows):
            return np.empty(0)
        if self.stacked is not None:
            return self.stacked.rows(rows, should_stop).numpy()
        return self.fallback(rows)


def slice_estimate(trainer, resolution: int) -> Estimate:
    """Roughly what a resolution² slice of the trainer's loss needs: core.limits.mlp_slice for an MLP's
    Trainer, else (a CNN) the weight sets, caches and activation budgets of the evaluator above."""
    from core.mlp.config import TrainConfig

    inputs, targets = trainer.training_set()
    points, sets = len(targets), int(resolution) ** 2
    if isinstance(getattr(trainer, "config", None), TrainConfig):
        return mlp_slice(trainer.config, points, resolution)
    weights = sum(param.numel() for param in trainer.model.parameters())
    chunk = max(1, min(MAX_SETS, sets, WEIGHT_FLOATS // max(1, weights)))
    memory = (BASE_BYTES + 4 * weights * FLOAT + 2 * chunk * weights * FLOAT + inputs.numel() * FLOAT
              + (2 * ACTIVATION_BUDGET["cpu"] + DENSE_BUDGET["cpu"] + CACHE_FLOATS) * FLOAT + sets * 8)
    return Estimate(weights, int(memory), 2 * sets * points * _multiply_adds(trainer.model, inputs[:1])
                    / FLOPS_PER_SECOND)


@torch.no_grad()
def _multiply_adds(model: torch.nn.Module, example: torch.Tensor) -> int:
    """Multiply-adds of one example's forward pass: each weight times the positions it is applied at."""
    if not isinstance(model, torch.nn.Sequential):
        return sum(param.numel() for param in model.parameters())
    total, x = 0, example
    for layer in model:
        x = layer(x)
        if isinstance(layer, torch.nn.Conv2d):
            total += layer.weight.numel() * x.shape[-1] * x.shape[-2]
        elif isinstance(layer, torch.nn.Linear):
            total += layer.weight.numel()
    return total


def checked_vector(vector, size: int, device, dtype, what: str) -> Vector:
    """`vector` flattened onto `device` and `dtype`; ConfigError unless it has `size` numbers."""
    vector = torch.as_tensor(vector).detach().reshape(-1).to(device, dtype)
    if vector.numel() != size:
        raise ConfigError(
            "The {what} has {size} numbers but the network has {expected} parameters.",
            what=what, size=vector.numel(), expected=size,
        )
    return vector
