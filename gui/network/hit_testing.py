"""What is under the mouse on the neuron graph: an edge, a neuron, or one of the graph's own controls.

Edges and neurons are found by plain numpy geometry on the NetworkLayout (view
coordinates, with the size of one screen pixel in them), so they are testable without
a screen. Controls are text items, found by their scene rectangles.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from gui.network.layout import NetworkLayout

HOVER_EDGE_LIMIT = 4096  # thinned layers: too many edges under the mouse to name one
MIN_NEURON_RADIUS_PX = 4.0  # tiny circles still take a click


def edge_at(layout: NetworkLayout, x: float, y: float, pixel: float,
            tolerance_px: float = 5.0) -> tuple[int, int, int] | None:
    """(layer, out, in) of the edge nearest view point (x, y) within `tolerance_px`; layers too big to hover are skipped."""
    sizes = layout.sizes
    best, best_distance = None, tolerance_px * pixel
    point = np.array([x, y])
    for layer in range(len(sizes) - 1):
        if sizes[layer] * sizes[layer + 1] > HOVER_EDGE_LIMIT:
            continue
        starts = layout.positions[layer][None, :, :]  # (1, in, 2)
        ends = layout.positions[layer + 1][:, None, :]  # (out, 1, 2)
        if not (min(starts[..., 0].min(), ends[..., 0].min()) <= x <= max(starts[..., 0].max(), ends[..., 0].max())):
            continue
        direction = ends - starts
        t = np.clip(((point - starts) * direction).sum(-1) / np.maximum((direction ** 2).sum(-1), 1e-12), 0.1, 0.9)
        distance = np.linalg.norm(starts + t[..., None] * direction - point, axis=-1)  # (out, in)
        index = np.unravel_index(np.argmin(distance), distance.shape)
        if distance[index] < best_distance:
            best, best_distance = (layer, int(index[0]), int(index[1])), float(distance[index])
    return best


def neuron_at(layout: NetworkLayout, columns: Sequence[int], x: float, y: float, pixel: float,
              marker_scale: float = 1.0) -> tuple[int, int] | None:
    """(column, index) of the circle under view point (x, y) among `columns`, or None."""
    for column in columns:
        positions = layout.positions[column]
        radius = max(layout.marker_px[column] * marker_scale / 2, MIN_NEURON_RADIUS_PX) * pixel
        distance = np.hypot(positions[:, 0] - x, positions[:, 1] - y)
        index = int(np.argmin(distance))
        if distance[index] <= radius:
            return column, index
    return None


def control_at(buttons, headers, scene_pos, menus: bool):
    """The ± button under a scene point, or the hidden layer (0-based) whose header opens its activation menu."""
    for button in buttons:
        if button.contains_scene_point(scene_pos):
            return button
    if menus:
        for column, header in enumerate(headers[1:-1], start=1):
            if header.sceneBoundingRect().contains(scene_pos):
                return column - 1
    return None
