"""Hover texts of the neuron graph: a neuron's formula and a weight's numbers, with the real values.

TF Playground users ask for formulas in tooltips; these write z = Σ wᵢ·xᵢ + b term by
term, as a student would on paper, from the pass on screen (or the live weights).
They read the view's state and draw nothing.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from core.data.input_features import FEATURE_LABELS

TERMS_SHOWN = 6  # a longer weighted sum ends in "… n more"


def tr(text: str) -> str:
    return QCoreApplication.translate("NetworkView", text)


def number(value: float) -> str:
    """Three significant digits and a real minus sign."""
    return f"{value:.3g}".replace("-", "−")


def weighted_sum(weights: np.ndarray, inputs: np.ndarray | None, bias: float, limit: int = TERMS_SHOWN) -> str:
    """'(0.12·2.3) + (−0.8·1.1) + … + (−0.07)': the terms of z, as a student writes them."""
    if inputs is None:
        terms = [f"{number(w)}·x{index + 1}" for index, w in enumerate(weights[:limit])]
    else:
        terms = [f"({number(w)}·{number(x)})" for w, x in zip(weights[:limit], inputs[:limit])]
    if len(weights) > limit:
        terms.append(tr("… {0} more").format(len(weights) - limit))
    return " + ".join([*terms, f"({number(bias)})"])


def input_label(view, index: int) -> str:
    name = view.input_names[index] if index < len(view.input_names) else f"x{index + 1}"
    return FEATURE_LABELS.get(name, name)


def neuron_title(view, column: int, index: int) -> str:
    """'Neuron 2 of hidden layer 1 · tanh' or 'Output neuron 1 · sigmoid'."""
    if column == 0:
        return tr("Input {0}").format(input_label(view, index))
    last = column == len(view.sizes) - 1
    activation = view.output_activation if last else view.activations[column - 1]
    text = tr("Output neuron {0} · {1}") if last else tr("Neuron {0} of hidden layer {2} · {1}")
    return text.format(index + 1, activation, column)


def neuron_tip(view, column: int, index: int) -> str:
    """A neuron's formula with the real numbers of the pass on screen."""
    if column == 0:
        if view.trace is None:
            return neuron_title(view, column, index)
        return tr("Input {0} = {1}").format(input_label(view, index), number(view.trace.input[index]))
    layer = column - 1
    title = neuron_title(view, column, index)
    activation = view.output_activation if column == len(view.sizes) - 1 else view.activations[layer]
    if view.trace is None:
        if view.weights is None:
            return title
        weight, bias = view.weights[layer]
        return "\n".join([title, "z = Σ wᵢ·xᵢ + b = " + weighted_sum(weight[index], None, bias[index]),
                          tr("a = {0}(z)").format(activation),
                          tr("Step an example through to see the numbers. Click for the inspector.")])
    step = view.trace.layers[layer]
    inputs = view.trace.input if layer == 0 else view.trace.layers[layer - 1].a
    lines = [
        title,
        "z = Σ wᵢ·xᵢ + b = " + weighted_sum(step.weight[index], inputs, step.bias[index]),
        f"   = {number(step.z[index])}",
        f"a = {activation}(z) = {number(step.a[index])}",
    ]
    if view.phase in ("backward", "update"):
        lines.append(f"∂L/∂a = {number(step.grad_a[index])}")
        lines.append(f"δ = ∂L/∂z = {number(step.delta[index])}")
    if view.phase == "update":
        lines.append(f"b: {number(step.bias[index])} → {number(step.bias_after[index])}")
    return "\n".join(lines)


def edge_tip(view, layer: int, out: int, inp: int) -> str:
    """w, and during a step-through ∂L/∂w and Δw, of one weight."""
    if layer == 0 and inp < len(view.input_names):
        source = input_label(view, inp)
    else:
        source = tr("neuron {0} of layer {1}").format(inp + 1, layer)
    if layer == len(view.sizes) - 2:
        target = tr("output {0}").format(out + 1)
    else:
        target = tr("neuron {0} of hidden layer {1}").format(out + 1, layer + 1)
    lines = [tr("Weight from {0} to {1}").format(source, target)]
    if view.trace is not None:
        step = view.trace.layers[layer]
        lines.append(f"w = {number(step.weight[out, inp])}")
        if view.phase in ("backward", "update"):
            lines.append(f"∂L/∂w = {number(step.grad_weight[out, inp])}")
        if view.phase == "update":
            change = step.weight_after[out, inp] - step.weight[out, inp]
            lines.append(f"Δw = {number(change)}  →  w = {number(step.weight_after[out, inp])}")
    else:
        lines.append(f"w = {number(view.weights[layer][0][out, inp])}")
    lines.append(tr("Click to type a new value."))
    return "\n".join(lines)
