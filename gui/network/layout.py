"""Where each neuron and edge of an MLP goes, which colour bucket each value falls in, and what is under the mouse.

Plain numpy and no Qt: NetworkView computes the geometry once per structure, and then
each frame only looks values up in it. Coordinates are "reference pixels". At
1600×900 one unit is about one screen pixel, so pixel-sized markers and fonts fit
the gaps. y grows downwards, because the view inverts its y axis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

# Colour buckets: 8 steps each side of zero, so 17 fill colours with index 8 meaning "about 0".
FILL_STEPS = 8
FILL_NEUTRAL = FILL_STEPS
# Edge buckets: magnitude 0..3 (+4 when negative). NO_VALUE is for edges before any weights arrive.
EDGE_WIDTHS = (0.5, 1.5, 3.5, 6.0)
EDGE_BUCKETS = 2 * len(EDGE_WIDTHS) + 1
NO_VALUE = EDGE_BUCKETS - 1

AUTO_THIN_EDGES = 2000  # a layer with more edges than this is thinned automatically...
AUTO_EDGE_LIMIT = 8  # ...to its strongest this many incoming edges per neuron
LABELLED_LAYER_MAX = 16  # layers up to this size get a number beside each neuron

NET_WIDTH = 1150.0  # from the input column to the output column
MAX_GAP = 280.0
NET_HEIGHT = 640.0  # the tallest column
MAX_SPACING = 150.0
MAX_MARKER = 84.0
MIN_MARKER = 4.0
IMAGE_SIDE = 320.0


def image_side(n_inputs: int) -> int:
    """The side of the square image the inputs are (28 for 784), or 0 when they are not one."""
    side = math.isqrt(n_inputs)
    return side if n_inputs >= 64 and side * side == n_inputs else 0


@dataclass(frozen=True)
class NetworkLayout:
    sizes: tuple[int, ...]
    xs: np.ndarray  # (layers,) x of each neuron column
    positions: tuple[np.ndarray, ...]  # (n, 2) per column; pixel centres when the input is an image
    marker_px: tuple[float, ...]  # circle diameter per column
    image_side: int  # 0 unless the input column is drawn as an image
    image_rect: tuple[float, float, float, float] | None  # x, y, width, height
    spacing: tuple[float, ...]  # distance between neighbouring neurons (pixels) per column

    def edge_density(self, layer: int) -> float:
        """1 where neurons have room, down to 0.35 where they crowd (128 in a column): edges thin and fade."""
        room = min(self.spacing[layer], self.spacing[layer + 1])
        return float(np.clip(room / 20.0, 0.35, 1.0))

    def edge_widths(self, layer: int) -> tuple[float, ...]:
        """Pen widths of linear layer `layer`'s magnitude buckets."""
        scale = self.edge_density(layer)
        return tuple(max(EDGE_WIDTHS[0], width * scale) for width in EDGE_WIDTHS)

    @property
    def n_linear(self) -> int:
        return len(self.sizes) - 1

    def column_extent(self, column: int) -> tuple[float, float]:
        """Top and bottom y of a column, including its markers."""
        if column == 0 and self.image_rect is not None:
            _, y, _, height = self.image_rect
            return y, y + height
        ys = self.positions[column][:, 1]
        radius = self.marker_px[column] / 2
        return float(ys.min()) - radius, float(ys.max()) + radius


def _column(n: int) -> tuple[np.ndarray, float, float]:
    spacing = MAX_SPACING if n == 1 else min(MAX_SPACING, NET_HEIGHT / (n - 1))
    ys = (np.arange(n) - (n - 1) / 2.0) * spacing
    # Crowded columns (64, 128 neurons) touch, so their fills read as one strip of colour.
    marker = MAX_MARKER if n == 1 else float(np.clip(max(0.6 * spacing, min(spacing, 7.0)), MIN_MARKER, MAX_MARKER))
    return ys, marker, spacing


def build_layout(sizes: Sequence[int]) -> NetworkLayout:
    """Columns left to right, each centred vertically; an image input gets a square of pixels."""
    sizes = tuple(int(size) for size in sizes)
    side = image_side(sizes[0])
    n_linear = len(sizes) - 1
    image_extra = IMAGE_SIDE / 2 if side else 0.0
    gap = min(MAX_GAP, (NET_WIDTH - image_extra) / n_linear)
    xs = np.array([0.0] + [image_extra + gap * index for index in range(1, n_linear + 1)])
    positions, markers, spacings = [], [], []
    for column, n in enumerate(sizes):
        if column == 0 and side:
            cell = IMAGE_SIDE / side
            rows, cols = np.divmod(np.arange(n), side)
            positions.append(np.column_stack([-IMAGE_SIDE / 2 + (cols + 0.5) * cell, -IMAGE_SIDE / 2 + (rows + 0.5) * cell]))
            markers.append(cell)
            spacings.append(cell)
            continue
        ys, marker, spacing = _column(n)
        positions.append(np.column_stack([np.full(n, xs[column]), ys]))
        markers.append(marker)
        spacings.append(spacing)
    rect = (-IMAGE_SIDE / 2, -IMAGE_SIDE / 2, IMAGE_SIDE, IMAGE_SIDE) if side else None
    return NetworkLayout(sizes, xs, tuple(positions), tuple(markers), side, rect, tuple(spacings))


# ---------------------------------------------------------------------- edges
def edge_limit_for(fan_in: int, fan_out: int, limit: int | None) -> int | None:
    """How many incoming edges per neuron to draw, or None for all of them."""
    if limit is None:
        return AUTO_EDGE_LIMIT if fan_in * fan_out > AUTO_THIN_EDGES and fan_in > AUTO_EDGE_LIMIT else None
    return int(limit) if fan_in > limit else None


def select_edges(weight: np.ndarray | None, fan_out: int, fan_in: int, k: int | None) -> tuple[np.ndarray, np.ndarray]:
    """(source, target) neuron indices of the drawn edges: all, or each target's k strongest by |w|."""
    if k is None or weight is None:
        if k is not None:  # no weights yet: any k inputs, spread over the column
            sources = np.linspace(0, fan_in - 1, k).round().astype(np.intp)
            return np.tile(sources, fan_out), np.repeat(np.arange(fan_out), k)
        targets, sources = np.divmod(np.arange(fan_out * fan_in), fan_in)
        return sources, targets
    strongest = np.argpartition(-np.abs(weight), k - 1, axis=1)[:, :k]
    return strongest.ravel(), np.repeat(np.arange(fan_out), k)


def edge_buckets(values: np.ndarray, scale: float) -> np.ndarray:
    """Bucket per edge: magnitude 0..3 relative to `scale`, plus 4 for negative values."""
    if not scale > 0 or not math.isfinite(scale):
        scale = 1.0
    steps = len(EDGE_WIDTHS)
    values = np.nan_to_num(values)
    magnitude = np.minimum((np.abs(values) * (steps / scale)).astype(np.intp), steps - 1)
    return magnitude + steps * (values < 0)


def fill_buckets(values: np.ndarray, scale: float) -> np.ndarray:
    """Diverging colour index 0..16 per value: 0 is strongest negative, 8 is zero, 16 strongest positive."""
    if not scale > 0 or not math.isfinite(scale):
        scale = 1.0
    relative = np.clip(np.nan_to_num(values) / scale, -1.0, 1.0)
    return np.rint(relative * FILL_STEPS).astype(np.intp) + FILL_STEPS


def strongest(values: np.ndarray, count: int) -> np.ndarray:
    """Indices of the `count` largest |values| (all of them when there are fewer)."""
    if len(values) <= count:
        return np.arange(len(values))
    return np.argpartition(-np.abs(values), count - 1)[:count]


def largest(values: np.ndarray) -> float:
    return float(np.max(np.abs(values))) if np.size(values) else 0.0


# ---------------------------------------------------------------------- what is under the mouse
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
