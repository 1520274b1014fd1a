"""Decision-boundary thumbnails drawn on the neurons, as TF Playground does.

Every hidden and output neuron of a small layer carries a heatmap of its own output
over the input plane. They are ImageItems with one shared lookup table; the worker
sends the values (core.mlp.boundaries.BoundaryMaps) and this class only colours and
places them.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from gui.network import layout as geo
from gui.network.boundary_view import diverging_lut

INSIDE_CIRCLE = 0.72  # side of the heatmap square relative to the circle's diameter


def signed_image(values: np.ndarray, kind: str) -> np.ndarray:
    """uint8 0..255 with 127.5 meaning 'zero' (or 'unsure' for a probability), ready for the diverging LUT."""
    if kind in ("sigmoid", "softmax"):
        signed = values * 2.0 - 1.0  # probabilities: 0.5 is "unsure"
    else:
        signed = values / (float(np.abs(values).max()) or 1.0)
    return ((np.clip(np.nan_to_num(signed), -1, 1) + 1.0) * 127.5).astype(np.uint8)


class NeuronThumbnails:
    """One heatmap ImageItem per neuron of the layers up to LABELLED_LAYER_MAX wide."""

    def __init__(self, plot: pg.PlotWidget, layout: geo.NetworkLayout):
        self.layout = layout
        self.items: dict[tuple[int, int], pg.ImageItem] = {}
        self.has_maps = False
        lut = diverging_lut(strength=0.8)
        for column in range(1, len(layout.sizes)):
            if layout.sizes[column] > geo.LABELLED_LAYER_MAX:
                continue  # big layers: circles only
            for index in range(layout.sizes[column]):
                thumb = pg.ImageItem()
                thumb.setLookupTable(lut)
                thumb.setLevels((0, 255))
                thumb.setZValue(12)
                thumb.setVisible(False)
                plot.addItem(thumb)
                self.items[(column, index)] = thumb

    def set_maps(self, maps, kinds: list[str], flip_y: bool) -> None:
        """Colour each thumbnail from `maps` (BoundaryMaps); kinds[c] is column c's activation."""
        for (column, index), thumb in self.items.items():
            values = maps.layers[column - 1][index]
            if flip_y:  # the graph draws y downwards; keep x₂ pointing up like the big map
                values = values[::-1]
            thumb.setImage(signed_image(values, kinds[column]).T, autoLevels=False)
        self.has_maps = True

    def set_visible(self, visible: bool) -> None:
        for thumb in self.items.values():
            thumb.setVisible(visible and self.has_maps)

    def place(self, pixel_size: tuple[float, float], marker_scale: float) -> None:
        """Keep each heatmap square inside its neuron's circle, whatever the zoom."""
        px, py = pixel_size[0], abs(pixel_size[1])
        for (column, index), thumb in self.items.items():
            side = self.layout.marker_px[column] * marker_scale * INSIDE_CIRCLE
            x, y = self.layout.positions[column][index]
            thumb.setRect(QRectF(x - side * px / 2, y - side * py / 2, side * px, side * py))
