"""A fully connected network of any depth and width, with one activation per hidden layer.

The model returns raw output scores (logits). The output activation (sigmoid, softmax
or identity) belongs to the task, so losses can use their numerically stable
"with logits" forms and views can still show probabilities through `output_activation`.
"""

from __future__ import annotations

import numbers
from typing import Sequence

import torch
from torch import nn
from torch.nn import functional as F

from core.errors import ConfigError

ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear", "leaky_relu")
OUTPUT_ACTIVATIONS = {"binary": "sigmoid", "multiclass": "softmax", "regression": "linear"}

# Generous limits that still fit a laptop; TF Playground stops at 6 layers of 8.
MAX_DEPTH = 64
MAX_WIDTH = 4096
LEAKY_SLOPE = 0.01

_FUNCTIONS = {
    "relu": F.relu,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "linear": lambda z: z,
    "leaky_relu": lambda z: F.leaky_relu(z, LEAKY_SLOPE),
}

# Initialisation gains (torch.nn.init.calculate_gain) keep signals from fading at the start.
_GAINS = {"relu": 2**0.5, "leaky_relu": 2**0.5, "tanh": 5 / 3, "sigmoid": 1.0, "linear": 1.0}


def activate(name: str, z: torch.Tensor) -> torch.Tensor:
    return _FUNCTIONS[name](z)


def check_hidden(hidden: Sequence[int]) -> tuple[int, ...]:
    """Validate hidden-layer widths: any depth up to MAX_DEPTH, any width 1..MAX_WIDTH."""
    if isinstance(hidden, str) or not all(isinstance(width, numbers.Integral) or
                                          (isinstance(width, float) and width.is_integer()) for width in hidden):
        raise ConfigError(
            "Hidden layer widths must be whole numbers such as 8,8, not {hidden!r}.",
            hidden=hidden,
        )
    hidden = tuple(int(width) for width in hidden)
    if len(hidden) > MAX_DEPTH:
        raise ConfigError(
            "At most {max_depth} hidden layers are supported, not {depth}.",
            max_depth=MAX_DEPTH, depth=len(hidden),
        )
    for width in hidden:
        if not 1 <= width <= MAX_WIDTH:
            raise ConfigError(
                "Each hidden layer needs between 1 and {max_width} neurons, not {width}.",
                max_width=MAX_WIDTH, width=width,
            )
    return hidden


def check_activation(name: str) -> str:
    if name not in _FUNCTIONS:
        raise ConfigError(
            "Unknown activation '{name}'; choose one of: {choices}.",
            name=name, choices=", ".join(ACTIVATIONS),
        )
    return name


class MLP(nn.Module):
    """Linear layers with an activation after each hidden one; outputs are logits."""

    def __init__(self, sizes: Sequence[int], activations: Sequence[str], output_activation: str):
        super().__init__()
        if len(activations) != len(sizes) - 2:
            raise ConfigError("Give one activation per hidden layer.")
        self.sizes = tuple(sizes)
        self.activations = [check_activation(name) for name in activations]
        self.output_activation = output_activation
        self.linears = nn.ModuleList(nn.Linear(n_in, n_out) for n_in, n_out in zip(sizes[:-1], sizes[1:]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for linear, name in zip(self.linears, self.activations):
            x = activate(name, linear(x))
        return self.linears[-1](x)

    def predict(self, x: torch.Tensor) -> torch.Tensor:
        """Outputs after the output activation: probabilities, or values for regression."""
        logits = self(x)
        if self.output_activation == "sigmoid":
            return torch.sigmoid(logits)
        if self.output_activation == "softmax":
            return torch.softmax(logits, dim=1)
        return logits

    def layer_outputs(self, x: torch.Tensor, layers: int | None = None) -> list[torch.Tensor]:
        """Every layer's output a = σ(z) (the output layer's after its own activation), input side first.

        `layers` stops after that many linear layers. The views use this to show what each
        neuron computes: its boundary over the plane, or its activations over a dataset.
        """
        outputs = []
        last = len(self.linears) - 1
        for index, linear in enumerate(self.linears[:layers]):
            z = linear(x)
            if index < last:
                x = activate(self.activations[index], z)
            elif self.output_activation == "sigmoid":
                x = torch.sigmoid(z)
            elif self.output_activation == "softmax":
                x = torch.softmax(z, dim=1)
            else:
                x = z
            outputs.append(x)
        return outputs

    def reset_parameters(self, generator: torch.Generator) -> None:
        """Xavier-uniform weights scaled for each layer's activation, zero biases; seeded."""
        gains = [_GAINS[name] for name in self.activations] + [1.0]
        with torch.no_grad():
            for linear, gain in zip(self.linears, gains):
                fan_in, fan_out = linear.in_features, linear.out_features
                bound = gain * (6.0 / (fan_in + fan_out)) ** 0.5
                weight = torch.rand(linear.weight.shape, generator=generator, dtype=torch.float32) * 2 - 1
                linear.weight.copy_(weight * bound)
                linear.bias.zero_()


def build_mlp(
    n_inputs: int,
    hidden: Sequence[int],
    n_outputs: int,
    activation: str | Sequence[str],
    task: str,
    seed: int = 0,
) -> MLP:
    """An MLP n_inputs → hidden… → n_outputs, initialised deterministically from `seed` (on CPU)."""
    hidden = check_hidden(hidden)
    activations = [activation] * len(hidden) if isinstance(activation, str) else list(activation)
    if task not in OUTPUT_ACTIVATIONS:
        raise ConfigError(
            "Unknown task '{task}'; choose one of: {choices}.",
            task=task, choices=", ".join(OUTPUT_ACTIVATIONS),
        )
    model = MLP((n_inputs, *hidden, n_outputs), activations, OUTPUT_ACTIVATIONS[task])
    model.reset_parameters(torch.Generator().manual_seed(seed))
    return model


@torch.no_grad()
def transplant_weights(source: MLP, target: MLP) -> None:
    """Copy what still fits from `source` into `target` after the user adds or removes neurons or layers.

    Hidden layers are matched from the input side and the output layer to the output
    layer; each copies the block of weights both shapes share. A neuron that was kept
    keeps its incoming weights and bias; new neurons and layers keep their fresh
    initialisation, so training continues from the edited network.
    """
    pairs = list(zip(source.linears[:-1], target.linears[:-1])) + [(source.linears[-1], target.linears[-1])]
    for old, new in pairs:
        rows = min(old.out_features, new.out_features)
        columns = min(old.in_features, new.in_features)
        new.weight[:rows, :columns] = old.weight[:rows, :columns].to(new.weight.device)
        new.bias[:rows] = old.bias[:rows].to(new.bias.device)
