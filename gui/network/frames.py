"""Which numbers a frame of a step-through shows, and where: plain numpy, no Qt.

A frame is (trace, phase, layer, fraction): `phase` at linear layer `layer` (-1: every
layer, for the update), `fraction` of the way through its animation. These functions say
what each column of neurons and each layer of edges shows in that frame; the scene only
colours items from their answers, so the teaching logic is testable without a screen.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from core.mlp.trace import ExampleTrace
from gui.network import layout as geo
from gui.network.state import PHASES
from gui.style.plots import check_finite


def sizes_of(weights: Sequence[tuple[np.ndarray, np.ndarray]]) -> tuple[int, ...]:
    """Layer widths from (weight out×in, bias) pairs; raise ValueError if they do not chain."""
    if not weights:
        raise ValueError("A network needs at least one layer of weights.")
    sizes = [weights[0][0].shape[-1]]
    for weight, bias in weights:
        if weight.ndim != 2 or weight.shape[1] != sizes[-1] or bias.shape != (weight.shape[0],):
            raise ValueError("Each layer's weights must be (out, in) with in equal to the previous out, and bias (out,).")
        sizes.append(weight.shape[0])
    return tuple(int(size) for size in sizes)


def trace_sizes(trace: ExampleTrace) -> tuple[int, ...]:
    return (len(trace.input), *(item.weight.shape[0] for item in trace.layers))


def clamp_frame(trace: ExampleTrace, phase: str, layer: int, fraction: float) -> tuple[int, float]:
    """(layer, fraction) of a valid frame: the layer inside the network (-1 kept for the update), 0 ≤ fraction ≤ 1."""
    if phase not in PHASES:
        raise ValueError(f"Unknown phase '{phase}'; choose one of: {', '.join(PHASES)}.")
    if phase == "update" and layer < 0:
        layer = -1
    else:
        layer = int(np.clip(layer, 0, len(trace.layers) - 1))
    return layer, float(np.clip(fraction, 0.0, 1.0))


def update_amount(i: int, layer: int, fraction: float) -> float:
    """How far linear layer i has moved towards its updated weights (0..1) while layer `layer` updates."""
    if layer < 0 or i == layer:
        return fraction
    return 1.0 if i < layer else 0.0


def edge_source(trace: ExampleTrace | None, phase: str | None, layer: int, fraction: float, i: int,
                weights=None) -> tuple[np.ndarray | None, np.ndarray | None, float]:
    """(weights that choose the drawn edges, values that colour them, scale) for linear layer i."""
    if trace is None:
        weight = weights[i][0] if weights is not None else None
        return weight, weight, geo.largest(weight) if weight is not None else 1.0
    step = trace.layers[i]
    if phase == "backward" and i >= layer:
        return step.weight, step.grad_weight, geo.largest(step.grad_weight)
    if phase == "update" and update_amount(i, layer, fraction) > 0.0:
        # One example's Δw is far too small to see as a change of width, so once a layer
        # updates its edges show Δw itself: orange grew, blue shrank, thickest changed most.
        # Hovering an edge gives w → w + Δw in numbers.
        return step.weight, step.weight_change, geo.largest(step.weight_change)
    return step.weight, step.weight, geo.largest(step.weight)


def bias_fills(trace: ExampleTrace | None, phase: str | None, layer: int, fraction: float,
               weights, sizes: Sequence[int]) -> np.ndarray:
    """Fill bucket of every bias ring, layer after layer (neutral before any weights arrive)."""
    parts = []
    for i in range(len(sizes) - 1):
        if trace is not None:
            step = trace.layers[i]
            amount = update_amount(i, layer, fraction) if phase == "update" else 0.0
            bias = step.bias + amount * (step.bias_after - step.bias)
            scale = max(geo.largest(step.weight), geo.largest(step.bias), geo.largest(step.bias_after))
        elif weights is not None:
            weight, bias = weights[i]
            scale = max(geo.largest(weight), geo.largest(bias))
        else:
            parts.append(np.full(sizes[i + 1], geo.FILL_NEUTRAL))
            continue
        parts.append(geo.fill_buckets(bias, scale))
    return np.concatenate(parts)


def column_kinds(n_columns: int, trace: ExampleTrace | None, phase: str | None, layer: int,
                 fraction: float) -> list[str | None]:
    """What each column shows: 'x' inputs, 'a' activations, 'd' deltas, or None."""
    if trace is None:
        return [None] * n_columns
    done = fraction >= 1.0
    if phase == "forward":
        reached = layer + (1 if done else 0)
        return ["x"] + ["a" if c <= reached else None for c in range(1, n_columns)]
    if phase == "loss":
        return ["x"] + ["a"] * (n_columns - 1)
    if phase == "backward":
        first_delta = layer + (0 if done else 1)
        return ["x"] + ["d" if c >= max(first_delta, 1) else "a" for c in range(1, n_columns)]
    return ["x"] + ["d"] * (n_columns - 1)


def column_values(trace: ExampleTrace, column: int, kind: str) -> tuple[np.ndarray, float]:
    """The values column `column` shows as `kind` ('x', 'a' or 'd'), and the scale of their colours."""
    if kind == "x":
        return trace.input, max(1.0, geo.largest(trace.input))
    step = trace.layers[column - 1]
    if kind == "a":
        return step.a, max(1.0, geo.largest(step.a))
    return step.delta, geo.largest(step.delta)


def pulses_move(trace: ExampleTrace | None, phase: str | None, fraction: float) -> bool:
    """Dots run along the edges only while a forward or backward layer is animating."""
    return trace is not None and phase in ("forward", "backward") and fraction < 1.0


def pulse_strength(trace: ExampleTrace, phase: str, i: int, sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """How strongly each drawn edge of layer i carries the pulse: w·x forward, ∂L/∂w backward."""
    step = trace.layers[i]
    if phase == "forward":
        signal = trace.input if i == 0 else trace.layers[i - 1].a
        return step.weight[targets, sources] * signal[sources]
    return step.grad_weight[targets, sources]


def outputs_known(trace: ExampleTrace | None, phase: str | None, layer: int, fraction: float) -> bool:
    """The output layer's values are on screen: the forward pass has reached it, or a later phase."""
    return trace is not None and (phase != "forward" or (layer == len(trace.layers) - 1 and fraction >= 1.0))


def shows_loss(trace: ExampleTrace | None, phase: str | None) -> bool:
    return trace is not None and phase in ("loss", "backward", "update")


def input_pixels(values: np.ndarray | None, side: int) -> np.ndarray:
    """An image input as uint8 ink levels (side × side); a neutral light grey square without values."""
    if values is None or np.size(values) != side * side:
        return np.full((side, side), 40, dtype=np.uint8)
    values = np.nan_to_num(np.asarray(values, dtype=np.float64).reshape(side, side))
    low, high = min(0.0, values.min()), max(1.0, values.max())
    return np.clip((values - low) / (high - low) * 255.0, 0, 255).astype(np.uint8)


def check_trace(trace: ExampleTrace) -> None:
    """In a debug run, an AssertionError if any number of `trace` is not finite (core.mlp.recording refuses those)."""
    check_finite([trace.loss_value], "the step-through's loss")
    for layer in trace.layers:
        for name in ("weight", "bias", "z", "a", "grad_a", "delta", "grad_weight", "grad_bias", "weight_after",
                     "bias_after"):
            check_finite(getattr(layer, name), f"the step-through's {name}")
