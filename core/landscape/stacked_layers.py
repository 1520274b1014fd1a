"""The layers core.landscape.stacked knows, and what it does with them outside its evaluator class.

A network is read as a list of steps (conv, linear, elementwise activation, pooling,
flatten) with the index of each weight among model.parameters(); anything else is not
planned, and the slice falls back to vmap.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn
from torch.nn import functional as F

from core.nets.mlp import MLP, activate

ELEMENTWISE = (nn.ReLU, nn.LeakyReLU, nn.Tanh, nn.Sigmoid, nn.Identity, nn.ELU, nn.GELU, nn.SiLU)
POOLS = (nn.MaxPool2d, nn.AvgPool2d)


@dataclass(frozen=True)
class Layer:
    """One step of the network: `kind` is linear, conv, act (elementwise), pool or flatten."""

    kind: str
    module: object = None  # the nn.Module (conv, pool, elementwise), or an activation name for an MLP
    weight: int | None = None  # index of the weight among model.parameters()
    bias: int | None = None


def plan(model: nn.Module) -> list[Layer] | None:
    """The network as a list of steps this evaluator knows, or None."""
    index = {id(param): number for number, param in enumerate(model.parameters())}
    if isinstance(model, MLP):
        layers = []
        for number, linear in enumerate(model.linears):
            layers.append(Layer("linear", None, index.get(id(linear.weight)),
                                None if linear.bias is None else index.get(id(linear.bias))))
            if number < len(model.linears) - 1:
                layers.append(Layer("act", model.activations[number]))
        return layers if _covers(layers, index) else None
    if type(model) is not nn.Sequential:
        return None
    layers = []
    for child in model:
        if type(child) is nn.Linear:
            layers.append(Layer("linear", child, index.get(id(child.weight)),
                                None if child.bias is None else index.get(id(child.bias))))
        elif type(child) is nn.Conv2d:
            if child.groups != 1 or child.padding_mode != "zeros" or isinstance(child.padding, str):
                return None
            layers.append(Layer("conv", child, index.get(id(child.weight)),
                                None if child.bias is None else index.get(id(child.bias))))
        elif type(child) in ELEMENTWISE:
            layers.append(Layer("act", child))
        elif type(child) in POOLS:
            layers.append(Layer("pool", child))
        elif type(child) is nn.Flatten:
            if child.start_dim != 1 or child.end_dim != -1:
                return None
            layers.append(Layer("flatten"))
        else:
            return None
    return _pool_first(layers) if _covers(layers, index) and _flattens(layers) else None


def _pool_first(layers: list[Layer]) -> list[Layer]:
    """Max pooling moved before a monotone activation just before it: the same numbers, on a quarter of them.

    max(σ(a), σ(b)) = σ(max(a, b)) exactly for any nondecreasing σ (ReLU, tanh, sigmoid, ...).
    """
    layers = list(layers)
    for number in range(len(layers) - 1):
        act, pool = layers[number], layers[number + 1]
        if act.kind == "act" and pool.kind == "pool" and type(pool.module) is nn.MaxPool2d and _monotone(act.module):
            layers[number], layers[number + 1] = pool, act
    return layers


def _monotone(module) -> bool:
    if type(module) is nn.LeakyReLU:
        return module.negative_slope >= 0
    return type(module) in (nn.ReLU, nn.Tanh, nn.Sigmoid, nn.Identity)


def _flattens(layers: list[Layer]) -> bool:
    """Images become vectors once, after the convolutions: what the evaluator's two stages assume."""
    kinds = [layer.kind for layer in layers]
    first = next(number for number, kind in enumerate(kinds) if kind in ("linear", "conv"))
    if kinds[first] == "linear":
        return not {"conv", "pool"} & set(kinds[first:])
    if "flatten" not in kinds[first:]:
        return False
    flatten = kinds.index("flatten", first)
    return not {"conv", "pool", "flatten"} & set(kinds[flatten + 1:])


def _covers(layers: list[Layer], index: dict) -> bool:
    """Every parameter belongs to exactly one layer, and the first layer with weights is a conv or linear."""
    used = [number for layer in layers for number in (layer.weight, layer.bias) if number is not None]
    weighted = [layer for layer in layers if layer.kind in ("linear", "conv")]
    if not weighted or any(layer.weight is None for layer in weighted):
        return False
    if any(layer.kind == "flatten" for layer in layers[:layers.index(weighted[0])]) and weighted[0].kind == "conv":
        return False
    return sorted(used) == list(range(len(index)))


def loss_sums(loss_name: str, logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Each set's summed data loss over these examples: logits (K, n, outputs), targets (n,)."""
    count, examples = logits.shape[:2]
    if loss_name == "cross_entropy":
        flat = logits.reshape(count * examples, -1)
        return F.cross_entropy(flat, targets.repeat(count), reduction="none").view(count, examples).sum(1)
    values = logits.squeeze(-1)
    wanted = targets.to(values.dtype).expand(count, examples)
    if loss_name == "bce":
        return F.binary_cross_entropy_with_logits(values, wanted, reduction="none").sum(1)
    return ((values - wanted) ** 2).sum(1)


def elementwise(layer: Layer, x: torch.Tensor) -> torch.Tensor:
    """An activation, in place where it can be (the chunk's activations are its own)."""
    name = layer.module if isinstance(layer.module, str) else None
    if name == "relu" or type(layer.module) is nn.ReLU:
        return x.clamp_min_(0)
    if name == "tanh" or type(layer.module) is nn.Tanh:
        # 2·σ(2x) − 1: within 2e-7 of tanh, and about 5× faster here (torch's float32 tanh costs ~2 ns a number,
        # most of a small MLP's slice)
        return x.mul_(2.0).sigmoid_().mul_(2.0).sub_(1.0)
    if name == "sigmoid" or type(layer.module) is nn.Sigmoid:
        return x.sigmoid_()
    return activate(name, x) if name is not None else layer.module(x)


def fast_pool(pool) -> bool:
    """A max pool whose windows tile the image: taken as the maximum of kh·kw strided views."""
    if type(pool) is not nn.MaxPool2d or pool.ceil_mode or pool.return_indices:
        return False
    pair = lambda value: tuple(value) if isinstance(value, (tuple, list)) else (value, value)  # noqa: E731
    return pair(pool.kernel_size) == pair(pool.stride) and pair(pool.padding) == (0, 0) and pair(
        pool.dilation) == (1, 1)


def max_pool(x: torch.Tensor, pool) -> torch.Tensor:
    """Max pooling of (n, H, W, K, C) with windows that tile the image, channels last throughout."""
    kernel = pool.kernel_size if isinstance(pool.kernel_size, (tuple, list)) else (pool.kernel_size,) * 2
    kh, kw = int(kernel[0]), int(kernel[1])
    n, height, width, count, channels = x.shape
    rows, columns = height // kh, width // kw
    x = x[:, :rows * kh, :columns * kw].reshape(n, rows, kh, columns, kw, count * channels)
    out = torch.maximum(x[:, :, 0, :, 0], x[:, :, 0, :, 1]) if kw > 1 else x[:, :, 0, :, 0].clone()
    for i in range(kh):
        for j in range(kw):
            if i or j > 1:
                torch.maximum(out, x[:, :, i, :, j], out=out)
    return out.view(n, rows, columns, count, channels)
