"""The optimizers a class compares, all from torch.optim, under the names a lesson uses."""

from __future__ import annotations

from typing import Iterable

import torch

from core.errors import ConfigError

# name → what a person reads
OPTIMIZERS = {
    "sgd": "SGD",
    "momentum": "Momentum",
    "nesterov": "Nesterov",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSProp",
    "adam": "Adam",
    "adamw": "AdamW",
}


def check_optimizer(name: str) -> str:
    if name not in OPTIMIZERS:
        raise ConfigError(
            "Unknown optimizer '{name}'; choose one of: {choices}.",
            name=name, choices=", ".join(OPTIMIZERS),
        )
    return name


def make_optimizer(
    name: str, params: Iterable[torch.nn.Parameter], lr: float, momentum: float = 0.9
) -> torch.optim.Optimizer:
    """Build the named torch.optim optimizer. `momentum` is used by momentum and Nesterov."""
    check_optimizer(name)
    params = list(params)
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if name == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=momentum)
    if name == "nesterov":
        return torch.optim.SGD(params, lr=lr, momentum=momentum, nesterov=True)
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=lr)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr)
    return torch.optim.AdamW(params, lr=lr)
