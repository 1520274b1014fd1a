"""Where a race's paths go, for the Landscape goals: the surfaces' minima, how near a path comes to one,
when it is seen diverging, and the largest learning rate at which plain SGD does not diverge. Qt-free.

core.landscape.surfaces (and torch) is imported only when a number is first needed, so that reading a
lesson file (core/lesson/files.py checks its goals) costs no torch.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

STABLE_RATE_RANGE = (1e-5, 2.0)  # the race's learning-rate slider (gui/landscape/controls.py LR_RANGE)


@lru_cache(maxsize=32)
def surface_minima(name: str, kappa: float = 10.0) -> np.ndarray:
    """The surface's known minima as an (m, 2) array (the bowl's condition number moves none of them)."""
    from core.landscape.surfaces import surface

    return np.array(surface(name, **({"kappa": kappa} if name == "bowl" else {})).minima, dtype=float).reshape(-1, 2)


def positions_of(path) -> np.ndarray:
    return np.asarray(path.get("positions", ()), dtype=float).reshape(-1, 2)


def path_distances(positions: np.ndarray, minima: np.ndarray) -> np.ndarray:
    """(n, m): each point's distance to each minimum."""
    return np.linalg.norm(positions[:, None, :] - minima[None, :, :], axis=2)


def first_near(positions: np.ndarray, minima: np.ndarray, distance: float) -> tuple[int, int] | None:
    """(step, minimum) of the first point within `distance` of a minimum; None if none comes that close."""
    if not len(positions) or not len(minima):
        return None
    near = path_distances(positions, minima) <= distance
    steps = np.flatnonzero(near.any(axis=1))
    if not len(steps):
        return None
    step = int(steps[0])
    return step, int(np.argmax(near[step]))


def divergence_step(path) -> int | None:
    """The step at which a path is seen diverging: where it flew off, or where its loss first rose
    above the start's when it ends higher than it began; None for a path that does not diverge."""
    diverged_at = path.get("diverged_at")
    if diverged_at is not None:
        return int(diverged_at)
    loss = np.asarray(path.get("loss", ()), dtype=float)
    if len(loss) > 1 and loss[-1] > loss[0]:
        return int(np.flatnonzero(loss > loss[0])[0])
    return None


def largest_stable_rate(surface_name: str, kappa: float = 10.0, start: tuple[float, float] | None = None,
                        steps: int = 300) -> float:
    """The largest learning rate at which plain SGD does not diverge on the surface.

    On the bowl ½(x² + κy²) it is exactly 2/λmax, λmax = max(1, κ). Elsewhere it is searched for among
    SGD paths like the race's, from `start` for `steps` steps: the first rate that diverges, going up a
    log-spaced grid, bounds it (near the edge a surface like Himmelblau is chaotic, so "largest" means
    the largest below which every rate tried is stable). Remembered per surface, start and steps.
    """
    if surface_name == "bowl":
        return 2.0 / max(1.0, float(kappa))
    start = tuple(float(v) for v in start) if start is not None else None
    return _bisected_rate(surface_name, start, int(steps))


@lru_cache(maxsize=32)
def _bisected_rate(surface_name: str, start, steps: int) -> float:
    """Many learning rates raced at once (one SGD path each, as rows of one tensor: about 30 ms where
    one path after another took seconds), then a finer grid between the last stable and the first
    unstable rate: within about 0.2 % of the edge."""
    low, high = STABLE_RATE_RANGE
    for count in (160, 48):  # 8 % apart, then 0.16 %
        rates = np.geomspace(low, high, count)
        unstable = _unstable_rates(surface_name, rates, start, steps)
        if not unstable.any():
            return float(rates[-1])
        first = int(np.argmax(unstable))
        if first == 0:
            return float(rates[0])
        low, high = rates[first - 1], rates[first]
    return float(low)


def _unstable_rates(surface_name: str, rates: np.ndarray, start, steps: int) -> np.ndarray:
    """For each rate, whether plain SGD diverges from `start` within `steps` steps, judged as
    core.landscape.surfaces.optimizer_path and divergence_step judge one path."""
    import torch

    from core.landscape.surfaces import DIVERGED_COORDINATE, DIVERGED_LOSS, surface

    shape = surface(surface_name)
    start = shape.start if start is None else start
    lr = torch.tensor(rates, dtype=torch.float64)[:, None]
    origin = torch.tensor(start, dtype=torch.float64).repeat(len(rates), 1)
    point, bad, first_loss = origin.clone(), torch.zeros(len(rates), dtype=torch.bool), None
    for step in range(steps + 1):
        point.requires_grad_(True)
        loss = shape(point[:, 0], point[:, 1])
        (gradient,) = torch.autograd.grad(loss.sum(), point)
        point, loss = point.detach(), loss.detach()
        if first_loss is None:
            first_loss = loss.clone()
        huge = ~torch.isfinite(loss) | ~torch.isfinite(gradient).all(dim=1) | (loss.abs() > DIVERGED_LOSS) \
            | (point.abs() > DIVERGED_COORDINATE).any(dim=1)
        bad |= huge
        point = torch.where(bad[:, None], origin, point)  # a diverged row rests at the start, harmless
        if step == steps:
            bad |= loss > first_loss
        else:
            point = point - torch.where(bad[:, None], torch.zeros_like(gradient), lr * gradient)
    return bad.numpy()
