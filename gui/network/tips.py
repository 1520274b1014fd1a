"""Every sentence the Network tab says, once: phase captions, the loss and output texts, headers, hover tips.

TF Playground users ask for formulas in tooltips; these write z = Σ wᵢ·xᵢ + b term by
term, as a student would on paper, from the pass on screen (or the live weights).
The graph's own caption and the tab's caption read the same phase table, and the graph's
loss text and the captions the same loss names. Numbers go through gui.style.numbers.
They draw nothing.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from core.data.input_features import FEATURE_LABELS
from core.optimizers import OPTIMIZERS
from gui.network.layout import LABELLED_LAYER_MAX
from gui.style import numbers, theme
from gui.style.zoom import ZOOM

TERMS_SHOWN = 6  # a longer weighted sum ends in "… n more"
VECTOR_SHOWN = 6  # a longer prediction or target ends in "…"
SHORT_ACTIVATIONS = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "lReLU", "linear": "lin"}
FORWARD_PULSE = theme.GREEN  # neither edge colour, so a moving dot stands out
BACKWARD_PULSE = theme.PURPLE


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal") calls


def number(value: float) -> str:
    """Three significant digits and a real minus sign."""
    return numbers.significant(value, 3)


def loss_name(name: str, long: bool = False) -> str:
    """The one loss-name table: short on the graph, long in the caption."""
    names = {"bce": ("BCE", translate("NetworkView", "binary cross-entropy")),
             "cross_entropy": (translate("NetworkView", "cross-entropy"), translate("NetworkView", "cross-entropy")),
             "mse": ("MSE", translate("NetworkView", "mean squared error"))}.get(name)
    return name if names is None else names[1 if long else 0]


def class_word(name: str) -> str:
    """A data set's class name in the current language ("negative"/"positive" of the binary sets); others as given."""
    words = {"negative": translate("NetworkView", "negative"), "positive": translate("NetworkView", "positive")}
    return words.get(name, name)


def class_name(index: int) -> str:
    """The name of an output class when the data set gives none."""
    return translate("NetworkView", "class {0}").format(index)


def vector(values) -> str:
    """'0.73' for one value, '(0.1, 0.9, …)' for several."""
    values = list(values)
    shown = [number(value) for value in values[:VECTOR_SHOWN]]
    if len(shown) == 1:
        return shown[0]
    return "(" + ", ".join(shown) + ("…" if len(values) > VECTOR_SHOWN else "") + ")"


# ---------------------------------------------------------------------- captions
def phase_sentence(trace, phase: str, layer: int) -> str:
    """Which phase, which layer, and the formula being shown: the caption of one step-through frame."""
    count = len(trace.layers)
    if phase == "forward":
        return translate("NetworkView", "1 · Forward, layer {0} of {1}: z = Σ wᵢ·xᵢ + b, then a = {2}(z)").format(
            layer + 1, count, trace.layers[layer].activation)
    if phase == "loss":
        return translate("NetworkView", "2 · Loss ({0}): prediction {1} vs target {2} → L = {3}").format(
            loss_name(trace.loss_name, long=True), vector(trace.layers[-1].a), vector(trace.target),
            numbers.significant(trace.loss_value, 4))
    if phase == "backward":
        return translate("NetworkView", "3 · Backward, layer {0} of {1}: δ = ∂L/∂z flows back; ∂L/∂w = δ · input").format(layer + 1, count)
    return translate("NetworkView", "4 · Update ({0}, η = {1}): every weight moves by Δw = −η·∂L/∂w. "
              "Edges now show Δw: orange grew, blue shrank, thicker changed more").format(
        OPTIMIZERS.get(trace.optimizer, trace.optimizer), numbers.significant(trace.learning_rate, 6))


def idle_sentence(sizes) -> str:
    """The caption while no pass is on screen."""
    architecture = "-".join(str(size) for size in sizes)
    return translate("NetworkView", "Network {0}: each line is a weight, each circle a neuron").format(architecture)


def example_sentence(trace) -> str:
    return translate("NetworkView", "   ·   example {0}, step {1}").format(trace.example_index, trace.step)


# ---------------------------------------------------------------------- texts on the graph
def loss_text(trace, class_names) -> str:
    """Prediction, target and loss beside the output layer."""
    output = trace.layers[-1].a
    value = trace.loss_value
    amount = numbers.fixed(value, 3) if abs(value) >= 0.001 else numbers.short(value)
    loss = translate("NetworkView", "loss {0} ({1})").format(amount, loss_name(trace.loss_name))
    if len(output) > 1:
        top, target = int(np.argmax(output)), int(np.argmax(trace.target))
        return "\n".join([
            translate("NetworkView", "prediction {0} ({1})").format(class_names[top], numbers.percent(output[top], 0)),
            translate("NetworkView", "target {0}").format(class_names[target]),
            loss,
        ])
    return "\n".join([
        translate("NetworkView", "prediction {0}").format(numbers.short(output[0])),
        translate("NetworkView", "target {0}").format(numbers.significant(trace.target[0], 6)),
        loss,
    ])


def loss_text_sample(class_names) -> str:
    """As wide and tall as the loss text gets: the graph leaves it this much room."""
    name = max(class_names, key=len) if class_names else ""
    lines = [translate("NetworkView", "prediction {0} ({1})").format(name, "100%") if class_names
             else translate("NetworkView", "prediction {0}").format("−0.000"),
             translate("NetworkView", "target {0}").format(name or "−0.00000"),
             translate("NetworkView", "loss {0} ({1})").format("0.000", loss_name("cross_entropy" if class_names
                                                                                  else "bce"))]
    return "\n".join(lines)


def class_label(name: str, probability: float, top: bool) -> str:
    return f"{name}  {numbers.percent(probability, 0)}" + (translate("NetworkView", "  ◀ top") if top else "")


def top_class_text(name: str, probability: float) -> str:
    return translate("NetworkView", "top class: {0} ({1})").format(name, numbers.percent(probability, 0))


def value_label(value: float, kind: str) -> str:
    """The number beside a neuron: its input, activation, or δ."""
    return ("δ " if kind == "d" else "") + numbers.short(value)


def header(view, column: int, short: bool = False) -> str:
    """A column's name under it: input, hidden k and its activation (▾: a menu), output; the size of big layers.

    `short` is for columns too narrow for the full name (eight hidden layers in a small window): "h3", "out".
    """
    sizes = view.sizes
    n = sizes[column]
    if column == 0:
        side = view.net_layout.image_side
        lines = [translate("NetworkView", "in") if short else translate("NetworkView", "input")]
        if side:
            lines.append(translate("NetworkView", "{0}×{0} image").format(side))
        return "\n".join(lines)
    elif column == len(sizes) - 1:
        activation = view.output_activation
        lines = [translate("NetworkView", "out"), SHORT_ACTIVATIONS.get(activation, activation)] if short else \
            [translate("NetworkView", "output"), activation]
    else:
        name = translate("NetworkView", "h{0}") if short else translate("NetworkView", "hidden {0}")
        activation = SHORT_ACTIVATIONS.get(view.activations[column - 1], view.activations[column - 1]) if short \
            else view.activations[column - 1]
        lines = [name.format(column), activation + (" ▾" if view.editable else "")]  # ▾: click for a menu
    if n > LABELLED_LAYER_MAX:
        lines.append(translate("NetworkView", "{0} neurons").format(n))
    return "\n".join(lines)


def activation_menu_tip(layer: int) -> str:
    return translate("NetworkView", "Click to change the activation of hidden layer {0}").format(layer + 1)


def thinning_note(view, limits) -> str:
    """'Edges thinned: strongest 8 of 784 per neuron (hidden 1), …', or "" when every edge is drawn."""
    notes = [(translate("NetworkView", "{0} of {1}").format(k, view.sizes[i]), header(view, i + 1).split("\n")[0])
             for i, k in enumerate(limits) if k is not None]
    if not notes:
        return ""
    first, rest = notes[0], notes[1:]
    text = translate("NetworkView", "Edges thinned: strongest {0} per neuron ({1})").format(*first)
    return text + "".join(f", {amount} ({name})" for amount, name in rest)


def _swatch(colour: str, glyph: str) -> str:
    return f"<span style='color:{colour}; font-size:{ZOOM.pt(15):.0f}pt'>{glyph}</span>"


def legend_html() -> str:
    return "&nbsp;&nbsp;&nbsp;".join([
        _swatch(theme.ORANGE, "━━") + " " + translate("NetworkView", "positive"),
        _swatch(theme.BLUE, "━━") + " " + translate("NetworkView", "negative"),
        translate("NetworkView", "thicker = larger"),
        translate("NetworkView", "ring: bias"),
        translate("NetworkView", "fill: a or δ"),
        _swatch(FORWARD_PULSE, "●") + " " + translate("NetworkView", "signal"),
        _swatch(BACKWARD_PULSE, "●") + " " + translate("NetworkView", "error"),
    ])


# ---------------------------------------------------------------------- hover tips


def weighted_sum(weights: np.ndarray, inputs: np.ndarray | None, bias: float, limit: int = TERMS_SHOWN) -> str:
    """'(0.12·2.3) + (−0.8·1.1) + … + (−0.07)': the terms of z, as a student writes them."""
    if inputs is None:
        terms = [f"{number(w)}·x{index + 1}" for index, w in enumerate(weights[:limit])]
    else:
        terms = [f"({number(w)}·{number(x)})" for w, x in zip(weights[:limit], inputs[:limit])]
    if len(weights) > limit:
        terms.append(translate("NetworkView", "… {0} more").format(len(weights) - limit))
    return " + ".join([*terms, f"({number(bias)})"])


def input_label(view, index: int) -> str:
    name = view.input_names[index] if index < len(view.input_names) else f"x{index + 1}"
    return FEATURE_LABELS.get(name, name)


def neuron_title(view, column: int, index: int) -> str:
    """'Neuron 2 of hidden layer 1 · tanh' or 'Output neuron 1 · sigmoid'."""
    if column == 0:
        return translate("NetworkView", "Input {0}").format(input_label(view, index))
    last = column == len(view.sizes) - 1
    activation = view.output_activation if last else view.activations[column - 1]
    text = translate("NetworkView", "Output neuron {0} · {1}") if last else translate("NetworkView", "Neuron {0} of hidden layer {2} · {1}")
    return text.format(index + 1, activation, column)


def neuron_tip(view, column: int, index: int) -> str:
    """A neuron's formula with the real numbers of the pass on screen."""
    if column == 0:
        if view.trace is None:
            return neuron_title(view, column, index)
        return translate("NetworkView", "Input {0} = {1}").format(input_label(view, index), number(view.trace.input[index]))
    layer = column - 1
    title = neuron_title(view, column, index)
    activation = view.output_activation if column == len(view.sizes) - 1 else view.activations[layer]
    if view.trace is None:
        if view.weights is None:
            return title
        weight, bias = view.weights[layer]
        return "\n".join([title, "z = Σ wᵢ·xᵢ + b = " + weighted_sum(weight[index], None, bias[index]),
                          translate("NetworkView", "a = {0}(z)").format(activation),
                          translate("NetworkView", "Step an example through to see the numbers. Click for the inspector.")])
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
        source = translate("NetworkView", "neuron {0} of layer {1}").format(inp + 1, layer)
    if layer == len(view.sizes) - 2:
        target = translate("NetworkView", "output {0}").format(out + 1)
    else:
        target = translate("NetworkView", "neuron {0} of hidden layer {1}").format(out + 1, layer + 1)
    lines = [translate("NetworkView", "Weight from {0} to {1}").format(source, target)]
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
    lines.append(translate("NetworkView", "Click to type a new value."))
    return "\n".join(lines)
