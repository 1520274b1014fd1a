"""Contour lines of a grid as line segments, by marching squares done in numpy (no Qt, no torch).

pyqtgraph's isocurve walks the grid cell by cell in Python: 1.2–1.8 s on the GUI thread for a
textbook surface's map, and far more for a 401×401 slice. This is the same drawing (one segment
per cell an isoline crosses, two in a saddle cell) computed for every cell at once.
"""

from __future__ import annotations

import numpy as np


def contour_segments(data: np.ndarray, levels) -> np.ndarray:
    """(2·M, 2) endpoints of M segments, in index coordinates of `data` (x along axis 0, y along axis 1),
    each pair of rows one segment: the isolines of `data` at each level, for a PlotCurveItem(connect="pairs").

    Cells with a non-finite corner draw nothing.
    """
    data = np.asarray(data, dtype=np.float64)
    if data.ndim != 2 or min(data.shape) < 2:
        return np.empty((0, 2))
    finite = np.isfinite(data)
    finite = finite[:-1, :-1] & finite[1:, :-1] & finite[:-1, 1:] & finite[1:, 1:]
    parts = [_segments(data, finite, float(level)) for level in np.atleast_1d(levels)]
    parts = [part for part in parts if len(part)]
    return np.concatenate(parts).reshape(-1, 2) if parts else np.empty((0, 2))


def _segments(v: np.ndarray, finite: np.ndarray, level: float) -> np.ndarray:
    """(M, 2, 2) segments of the isoline at `level`: found with whole-grid comparisons, placed only where
    it crosses (a few cells in a hundred)."""
    above = v > level
    b00, b10, b01, b11 = above[:-1, :-1], above[1:, :-1], above[:-1, 1:], above[1:, 1:]
    # The four edges of each cell: bottom (c00→c10), top (c01→c11), left (c00→c01), right (c10→c11).
    crossed = ((b00 ^ b10) | (b01 ^ b11) | (b00 ^ b01) | (b10 ^ b11)) & finite
    ci, cj = np.nonzero(crossed)
    if not len(ci):
        return np.empty((0, 2, 2))
    c00, c10, c01, c11 = v[ci, cj], v[ci + 1, cj], v[ci, cj + 1], v[ci + 1, cj + 1]
    ends = [(c00, c10), (c01, c11), (c00, c01), (c10, c11)]
    cross = np.stack([(a > level) != (b > level) for a, b in ends], axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = [np.where(edge, (level - a) / (b - a), 0.0) for edge, (a, b) in zip(cross.T, ends)]
    i, j = ci.astype(np.float64), cj.astype(np.float64)
    xs = np.stack([i + t[0], i + t[1], i, i + 1], axis=1)
    ys = np.stack([j, j + 1, j + t[2], j + t[3]], axis=1)
    points = np.stack([xs, ys], axis=-1)  # (cells, 4 edges, 2)
    count = cross.sum(axis=1)
    segments = []

    two = count == 2
    if two.any():
        crossing = cross[two]
        first = np.argmax(crossing, axis=1)
        second = 3 - np.argmax(crossing[:, ::-1], axis=1)
        chosen = points[two]
        rows = np.arange(len(chosen))
        segments.append(np.stack([chosen[rows, first], chosen[rows, second]], axis=1))

    four = count == 4
    if four.any():
        chosen = points[four]
        centre = (c00[four] + c10[four] + c01[four] + c11[four]) / 4
        with_c00 = (centre > level) == (c00[four] > level)
        # The centre on c00's side: the lines cut off corners c10 (bottom–right) and c01 (left–top);
        # otherwise they cut off c00 (bottom–left) and c11 (top–right).
        pairs = np.where(with_c00[:, None], np.array([[0, 3, 2, 1]]), np.array([[0, 2, 1, 3]]))
        rows = np.arange(len(chosen))[:, None]
        segments.append(chosen[rows, pairs].reshape(-1, 2, 2))  # two segments per cell
    return np.concatenate(segments) if segments else np.empty((0, 2, 2))
