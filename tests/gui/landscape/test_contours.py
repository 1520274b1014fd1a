"""Contour lines by marching squares in numpy (gui.landscape.contours): what pyqtgraph's isocurve draws, at once."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.landscape.contours import contour_segments


def as_set(points: np.ndarray) -> set:
    return {tuple(sorted(map(tuple, pair))) for pair in points.reshape(-1, 2, 2).round(7).tolist()}


def test_segments_match_pyqtgraphs_isocurve_on_a_smooth_surface():
    x = np.linspace(-2, 2, 41)
    grid_x, grid_y = np.meshgrid(x, x, indexing="ij")
    for z in (grid_x**2 + 0.5 * grid_y**2, np.sin(3 * grid_x) * np.cos(2 * grid_y)):
        levels = np.linspace(z.min(), z.max(), 9)[1:-1] + 0.0123  # off the grid's own values (ties differ)
        expected = [point for level in levels for pair in pg.isocurve(z, level, connected=False) for point in pair]
        expected = np.array(expected, dtype=np.float64) - 0.5  # isocurve puts grid points at cell centres
        assert as_set(contour_segments(z, levels)) == as_set(expected)


def test_every_endpoint_lies_on_its_level_and_odd_cells_draw_nothing():
    rng = np.random.default_rng(0)
    z = rng.random((30, 20))
    z[4, 5] = np.nan
    points = contour_segments(z, [0.5])
    assert len(points) and len(points) % 2 == 0 and np.isfinite(points).all()
    i, j = points[:, 0], points[:, 1]
    i0, j0 = np.floor(i).astype(int), np.floor(j).astype(int)
    on_x = i != i0  # on an edge along axis 0: interpolate there
    values = np.where(on_x, z[i0, j0] + (i - i0) * (z[np.minimum(i0 + 1, 29), j0] - z[i0, j0]),
                      z[i0, j0] + (j - j0) * (z[i0, np.minimum(j0 + 1, 19)] - z[i0, j0]))
    np.testing.assert_allclose(values, 0.5, atol=1e-9)
    assert contour_segments(np.ones((5, 5)), [1.0]).shape == (0, 2)
    assert contour_segments(np.ones((1, 5)), [0.5]).shape == (0, 2)
