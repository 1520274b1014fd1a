"""One neuron up close: its incoming weights, and what it outputs for every training example.

The neuron inspector shows these beside the neuron's own decision boundary (from
core.mlp.boundaries). A histogram of the activations tells a class whether a neuron is
saturated (sigmoid/tanh stuck at ±1), dead (ReLU always 0) or splitting the classes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.errors import ConfigError
from core.mlp.finite import finite


@dataclass(frozen=True, eq=False)
class NeuronActivity:
    """Neuron `index` of linear layer `layer` (the last layer is the output) at one moment of training."""

    layer: int
    index: int
    activation: str  # relu|tanh|sigmoid|linear|leaky_relu, or the output's sigmoid|softmax|linear
    weights: np.ndarray  # (inputs,) the incoming weights
    bias: float
    values: np.ndarray  # (n_train,) a = σ(z) for every training example
    targets: np.ndarray  # (n_train,) class index, or value for regression
    step: int


@torch.no_grad()
def neuron_activity(trainer, layer: int, index: int) -> NeuronActivity:
    """Run the training set through the network and keep one neuron's output for each example."""
    model = trainer.model
    if not 0 <= layer < len(model.linears):
        raise ConfigError(
            "There is no layer {layer}; the network has {count} weight layers.",
            layer=layer + 1, count=len(model.linears),
        )
    linear = model.linears[layer]
    if not 0 <= index < linear.out_features:
        raise ConfigError(
            "Layer {layer} has {count} neurons, so there is no neuron {index}.",
            layer=layer + 1, count=linear.out_features, index=index + 1,
        )
    inputs, _ = trainer.training_set()
    signal = model.layer_outputs(inputs, layers=layer + 1)[-1]
    last = len(model.linears) - 1
    name = model.output_activation if layer == last else model.activations[layer]
    return NeuronActivity(
        layer=layer,
        index=index,
        activation=name,
        weights=linear.weight[index].cpu().numpy().copy(),
        bias=float(linear.bias[index]),
        values=finite(signal[:, index].cpu().numpy()),
        targets=np.asarray(trainer.dataset.y_train).copy(),
        step=trainer.step_count,
    )
