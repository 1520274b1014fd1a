"""Editing the network on the graph itself: ± neurons per hidden layer, ± hidden layers, and each layer's activation.

The buttons are text items inside the plot, so they sit above the columns they change
and scale with the drawing. A click becomes an `Edit`; `apply_edit` turns it into new
hidden widths and activations, which the window hands to the worker. The worker keeps
the learned weights that still fit, so training continues from the edited network.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF

from core.nets.mlp import ACTIVATIONS, MAX_DEPTH, MAX_WIDTH
from gui.style import theme
NEW_LAYER_WIDTH = 4  # the width of a first hidden layer added to a network without one
BUTTON_CLEARANCE = 48  # from a column's top to its ± buttons: room for the top neuron's value label


@dataclass(frozen=True)
class Edit:
    """One change the user asked for: kind is 'neurons', 'layers' or 'activation'."""

    kind: str
    layer: int = -1  # hidden layer index (0 = first hidden layer) for 'neurons' and 'activation'
    change: int = 0  # +1 or −1 for 'neurons' and 'layers'
    activation: str = ""


def apply_edit(hidden: tuple[int, ...], activations: tuple[str, ...], edit: Edit):
    """(hidden widths, activations) after `edit`, or None when the edit would break a limit."""
    hidden, activations = list(hidden), list(activations)
    if edit.kind == "neurons":
        width = hidden[edit.layer] + edit.change
        if not 1 <= width <= MAX_WIDTH:
            return None
        hidden[edit.layer] = width
    elif edit.kind == "layers":
        if edit.change > 0:
            if len(hidden) >= MAX_DEPTH:
                return None
            hidden.append(hidden[-1] if hidden else NEW_LAYER_WIDTH)
            activations.append(activations[-1] if activations else "tanh")
        else:
            if not hidden:
                return None
            hidden.pop()
            activations.pop()
    elif edit.kind == "activation":
        if edit.activation not in ACTIVATIONS:
            return None
        activations[edit.layer] = edit.activation
    else:
        raise ValueError(f"Unknown edit '{edit.kind}'.")
    return tuple(hidden), tuple(activations)


class GraphButton(pg.TextItem):
    """A clickable label drawn in the plot: bold text on a light rounded-looking box."""

    def __init__(self, text: str, tip: str, edit: Edit | None, anchor=(0.5, 0.5)):
        # Text items keep their pixel size at any zoom, so neighbours are placed by their
        # anchors (the − ends left of a point, the + starts right of it) and never overlap.
        super().__init__(text, color=theme.BLACK, anchor=anchor, fill=pg.mkBrush("#e8e8e8"),
                         border=pg.mkPen(theme.GREY, width=1.5))
        self.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE, bold=True))
        self.tip = tip
        self.edit = edit
        self.setZValue(25)

    def contains_scene_point(self, scene_pos: QPointF) -> bool:
        return self.isVisible() and self.sceneBoundingRect().contains(scene_pos)


def tr(text: str) -> str:
    return QCoreApplication.translate("NetworkEditing", text)


def build_edit_buttons(plot, layout, layers_y: float) -> list[GraphButton]:
    """− and + above each hidden column (neurons), and "− layer" / "+ layer" from height `layers_y` down.

    The view moves the layer buttons under the column headers whenever the zoom changes
    (the headers' height is in pixels), with `place_layer_buttons`.
    """
    sizes = layout.sizes
    buttons = []
    n_hidden = len(sizes) - 2
    for layer in range(n_hidden):
        column = layer + 1
        x, width = float(layout.xs[column]), sizes[column]
        y = layout.column_extent(column)[0] - BUTTON_CLEARANCE
        for change, glyph, anchor in ((-1, "−", (1.0, 0.5)), (+1, "+", (0.0, 0.5))):
            tip = (tr("Remove a neuron from hidden layer {0} (now {1})") if change < 0
                   else tr("Add a neuron to hidden layer {0} (now {1})")).format(column, width)
            button = GraphButton(glyph, tip, Edit("neurons", layer=layer, change=change), anchor)
            button.setPos(x + change * 3, y)
            button.setVisible(1 <= width + change <= MAX_WIDTH)
            buttons.append(button)
    middle = float(layout.xs[1:-1].mean()) if n_hidden else float(layout.xs[[0, -1]].mean())
    for change, glyph, anchor in ((-1, tr("− layer"), (1.0, 0.0)), (+1, tr("+ layer"), (0.0, 0.0))):
        tip = tr("Remove the last hidden layer") if change < 0 else tr("Add a hidden layer before the output")
        button = GraphButton(glyph, tip, Edit("layers", change=change), anchor)
        button.setPos(middle + change * 6, layers_y)
        button.setVisible(n_hidden > 0 if change < 0 else n_hidden < MAX_DEPTH)
        buttons.append(button)
    for button in buttons:
        plot.addItem(button)
    return buttons


def place_layer_buttons(buttons: list[GraphButton], headers, view_box) -> None:
    """Put "− layer" / "+ layer" just under the lowest column header, whatever the zoom."""
    layer_buttons = [button for button in buttons if button.edit.kind == "layers"]
    if not layer_buttons or not headers:
        return
    lowest = max(view_box.mapSceneToView(header.sceneBoundingRect().bottomLeft()).y() for header in headers)
    gap = 10 * abs(view_box.viewPixelSize()[1])
    for button in layer_buttons:
        button.setPos(button.pos().x(), lowest + gap)
