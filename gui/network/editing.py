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
from gui.network.items import zoomed_font
from gui.style import theme

NEW_LAYER_WIDTH = 4  # the width of a first hidden layer added to a network without one


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
        self.setFont(zoomed_font(theme.PLOT_LABEL_POINT_SIZE, bold=True))
        self.tip = tip
        self.edit = edit
        self.setZValue(25)

    def contains_scene_point(self, scene_pos: QPointF) -> bool:
        return self.isVisible() and self.sceneBoundingRect().contains(scene_pos)


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal") calls


def build_edit_buttons(plot, layout, layers_y: float) -> list[GraphButton]:
    """− and + above each hidden column (neurons), and "− layer" / "+ layer" from height `layers_y` down.

    The view places them (scene.py `_place_texts`) whenever its scale changes: texts keep their pixel size.
    """
    sizes = layout.sizes
    buttons = []
    n_hidden = len(sizes) - 2
    for layer in range(n_hidden):
        column = layer + 1
        x, width = float(layout.xs[column]), sizes[column]
        y = layout.column_extent(column)[0]
        for change, glyph, anchor in ((-1, "−", (1.0, 0.5)), (+1, "+", (0.0, 0.5))):
            tip = (translate("NetworkEditing", "Remove a neuron from hidden layer {0} (now {1})") if change < 0
                   else translate("NetworkEditing", "Add a neuron to hidden layer {0} (now {1})")).format(column, width)
            button = GraphButton(glyph, tip, Edit("neurons", layer=layer, change=change), anchor)
            button.setPos(x + change * 3, y)
            button.allowed = 1 <= width + change <= MAX_WIDTH
            button.setVisible(button.allowed)
            buttons.append(button)
    middle = float(layout.xs[1:-1].mean()) if n_hidden else float(layout.xs[[0, -1]].mean())
    for change, glyph, anchor in ((-1, translate("NetworkEditing", "− layer"), (1.0, 0.0)), (+1, translate("NetworkEditing", "+ layer"), (0.0, 0.0))):
        tip = translate("NetworkEditing", "Remove the last hidden layer") if change < 0 else translate("NetworkEditing", "Add a hidden layer before the output")
        button = GraphButton(glyph, tip, Edit("layers", change=change), anchor)
        button.setPos(middle + change * 6, layers_y)
        button.allowed = n_hidden > 0 if change < 0 else n_hidden < MAX_DEPTH
        button.setVisible(button.allowed)
        buttons.append(button)
    for button in buttons:
        plot.addItem(button)
    return buttons


def control_at(buttons, headers, scene_pos, menus: bool):
    """The ± button under a scene point, or the hidden layer (0-based) whose header opens its activation menu."""
    for button in buttons:
        if button.contains_scene_point(scene_pos):
            return button
    if menus:
        for column, header in enumerate(headers[1:-1], start=1):
            if header.isVisible() and header.sceneBoundingRect().contains(scene_pos):
                return column - 1
    return None
