"""What one example's forward pass, loss, backward pass and update did, as numpy arrays.

An ExampleTrace is frozen and holds copies, so the network view can replay it phase by
phase while the worker trains on, and `export trace` can write it for students to check
with a calculator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

TRACE_FORMAT = "glassbox.trace/1"


@dataclass(frozen=True)
class LayerTrace:
    """One linear layer and the activation after it, for one example."""

    activation: str  # relu|tanh|sigmoid|linear|leaky_relu, or the output's sigmoid|softmax|linear
    weight: np.ndarray  # (out, in), before the update
    bias: np.ndarray  # (out,)
    z: np.ndarray  # (out,) weighted sum plus bias: z = W·x + b
    a: np.ndarray  # (out,) activation: a = σ(z)
    grad_a: np.ndarray  # ∂L/∂a
    delta: np.ndarray  # ∂L/∂z
    grad_weight: np.ndarray  # ∂L/∂W (out, in), including any regularisation term
    grad_bias: np.ndarray  # ∂L/∂b
    weight_after: np.ndarray  # after the optimizer's step
    bias_after: np.ndarray

    @property
    def weight_change(self) -> np.ndarray:
        return self.weight_after - self.weight


@dataclass(frozen=True)
class ExampleTrace:
    """The pass of one training example through the network, and the update it causes."""

    example_index: int
    step: int  # training steps done before this pass
    input_names: tuple[str, ...]  # the features layer 1 receives (x1, x2, x1^2, …)
    input: np.ndarray  # (n_inputs,) after feature expansion
    target: np.ndarray  # (n_outputs,), one-hot for multi-class
    loss_name: str  # bce|cross_entropy|mse
    loss_value: float  # data loss plus any regularisation penalty
    output_activation: str  # sigmoid|softmax|linear
    optimizer: str
    learning_rate: float
    regularization: str  # none|l1|l2
    regularization_rate: float
    layers: tuple[LayerTrace, ...]  # input side first

    @property
    def hidden_activation(self) -> str:
        """The hidden layers' activation; 'relu,tanh' (one per layer) when they differ."""
        names = [layer.activation for layer in self.layers[:-1]]
        if not names:
            return "linear"
        return names[0] if len(set(names)) == 1 else ",".join(names)

    def to_json_dict(self) -> dict[str, Any]:
        """The documented `glassbox.trace/1` layout: plain lists and floats."""
        return {
            "format": TRACE_FORMAT,
            "example": self.example_index,
            "step": self.step,
            "activation": self.hidden_activation,
            "output_activation": self.output_activation,
            "loss": self.loss_name,
            "optimizer": self.optimizer,
            "learning_rate": self.learning_rate,
            "regularization": self.regularization,
            "regularization_rate": self.regularization_rate,
            "input_names": list(self.input_names),
            "input": _plain(self.input),
            "target": _plain(self.target),
            "loss_value": float(self.loss_value),
            "layers": [
                {
                    "activation": layer.activation,
                    "weight": _plain(layer.weight),
                    "bias": _plain(layer.bias),
                    "z": _plain(layer.z),
                    "a": _plain(layer.a),
                    "grad_a": _plain(layer.grad_a),
                    "delta": _plain(layer.delta),
                    "grad_weight": _plain(layer.grad_weight),
                    "grad_bias": _plain(layer.grad_bias),
                    "weight_after": _plain(layer.weight_after),
                    "bias_after": _plain(layer.bias_after),
                }
                for layer in self.layers
            ],
        }


def _plain(array: np.ndarray) -> list:
    return np.asarray(array, dtype=np.float64).tolist()
