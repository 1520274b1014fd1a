"""Decision boundaries: every neuron's output over the input plane, for 2-D datasets.

TensorFlow Playground draws a small heatmap on each neuron; this computes them all in
one forward pass over a grid of points, so the worker can send them beside the weights.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.data.input_features import expand_features
from core.data.toy2d import DOMAIN
from core.mlp.finite import finite
from core.nets.mlp import MLP


@dataclass(frozen=True)
class BoundaryMaps:
    """Neuron outputs on a resolution×resolution grid over [-extent, extent]²."""

    extent: float
    resolution: int
    layers: tuple[np.ndarray, ...]  # per linear layer: (neurons, resolution, resolution); row j is y, column i is x
    output: np.ndarray  # (resolution, resolution): probability of the positive / top class, or the value

    def grid_axes(self) -> np.ndarray:
        return np.linspace(-self.extent, self.extent, self.resolution)


def grid_points(resolution: int, extent: float = DOMAIN) -> np.ndarray:
    """(resolution², 2) points, x varying fastest, so a reshape gives [y, x] images."""
    axis = np.linspace(-extent, extent, resolution, dtype=np.float32)
    xs, ys = np.meshgrid(axis, axis)
    return np.stack([xs.ravel(), ys.ravel()], axis=1)


@torch.no_grad()
def boundary_maps(model: MLP, features, resolution: int = 48, extent: float = DOMAIN) -> BoundaryMaps:
    """Run the grid through `model` and keep every layer's activations as images."""
    device = next(model.parameters()).device
    inputs = torch.from_numpy(expand_features(grid_points(resolution, extent), features)).to(device)
    layers = [finite(signal.T.reshape(-1, resolution, resolution).cpu().numpy())
              for signal in model.layer_outputs(inputs)]
    final = layers[-1]
    if model.output_activation == "softmax":
        output = final.argmax(axis=0).astype(np.float32)  # the winning class index
    else:
        output = final[0]
    return BoundaryMaps(extent, resolution, tuple(layers), output)
