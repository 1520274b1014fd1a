"""Slices through a real network's loss, after Li et al., "Visualizing the Loss Landscape of Neural Nets" (2018).

The loss lives in thousands of dimensions, so we show L(θ + α·d1 + β·d2) around the
current weights θ: along two random directions scaled filter by filter to the weights
they perturb, or along the first two principal directions of the recorded training
path, onto which that path is projected. The textbook surfaces and optimizer races are
in core.landscape.surfaces.

The grid is evaluated in chunks of weight sets on the model's device by
core.landscape.evaluation (layer by layer for the shipped networks, vmap for any other
model). `loss_slice` is a generator that reports progress, shows a coarse grid first
and can be cancelled, for a worker thread and a progress bar. Every loss here is the
data loss on the training set without the regularisation penalty: what a lesson calls
"the loss", and what the training curves plot.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Sequence

import numpy as np
import torch
from torch.nn.utils import parameters_to_vector, vector_to_parameters

from core.errors import ConfigError, Phrase
from core.landscape.evaluation import PointLoss, Stopped, Vector, flat_parameters, slice_estimate, task_loss
from core.limits import SLICING_IT, require_fits
from core.landscape.surfaces import check_resolution
from core.mlp.trainer import Trainer

DIRECTIONS = ("random", "pca")
MAX_NETWORK_RESOLUTION = 401
COARSE_STRIDE = 4  # the first pass computes every 4th row and column: 1/16 of the work
RANDOM_LIMIT = 1.0  # filter-normalised directions are on the weights' own scale: ±1 is ±"the weights"
PATH_MARGIN = 1.15  # room around the projected path
COARSE_PATH_POINTS = 32  # path points drawn with the coarse picture, before the whole path's losses

__all__ = ["PointLoss", "flat_parameters"]  # re-exported: callers reach the evaluator through this module


# ----------------------------------------------------------------------------- evaluating many weights
def trajectory_losses(trainer: Trainer, vectors: Sequence, chunk: int | None = None,
                      should_stop: Callable[[], bool] | None = None) -> np.ndarray:
    """The true training loss at each of several flat parameter vectors (e.g. a recorded path).

    Raises core.landscape.evaluation.Stopped when `should_stop()` says yes before it is done.
    """
    point_loss = PointLoss(trainer, chunk)
    if not len(vectors):
        return np.empty(0)
    return point_loss.rows(torch.stack([point_loss.vector(v, Phrase("path point")) for v in vectors]), should_stop)


# ----------------------------------------------------------------------------- directions
def filter_normalised_directions(model: torch.nn.Module, seed: int = 0) -> tuple[Vector, Vector]:
    """Two random Gaussian directions, each filter scaled to the norm of the filter it perturbs.

    A "filter" is one output neuron: a row of a Linear weight (an output channel of a
    convolution). Scaling makes a step of α = 1 change every neuron by as much as its
    own weights, so wide and narrow, large and small layers are perturbed alike and
    slices of different networks can be compared. Biases get zero, as in Li et al.,
    who leave biases (and batch norm) out of the directions: they hold few parameters
    and have no filter to scale by.
    """
    generator = torch.Generator().manual_seed(int(seed))  # drawn on the CPU: same directions on any device
    directions = []
    for _ in range(2):
        parts = []
        for param in model.parameters():
            weight = param.detach().cpu()
            if weight.dim() < 2:
                parts.append(torch.zeros(weight.numel(), dtype=weight.dtype))
                continue
            rows = torch.randn(weight.shape, generator=generator, dtype=weight.dtype).reshape(weight.shape[0], -1)
            rows *= (weight.reshape(weight.shape[0], -1).norm(dim=1) / rows.norm(dim=1).clamp_min(1e-12))[:, None]
            parts.append(rows.reshape(-1))
        device = next(model.parameters()).device
        directions.append(torch.cat(parts).to(device))
    return directions[0], directions[1]


def _matrix(trajectory: Sequence) -> torch.Tensor:
    return torch.stack([torch.as_tensor(v).detach().reshape(-1).cpu().double() for v in trajectory])


def pca_directions(trajectory: Sequence) -> tuple[Vector, Vector, np.ndarray]:
    """The first two principal directions of (trajectory − final weights), and their explained-variance ratios.

    The directions are orthonormal float32 CPU vectors, signed so the path starts at
    negative α and β and ends at (0, 0).
    """
    if len(trajectory) < 3:
        raise ConfigError("PCA directions need at least 3 recorded points of the training path, not "
                          "{count}; train a few more steps or use random directions.", count=len(trajectory))
    offsets = _matrix(trajectory)
    offsets = offsets - offsets[-1]
    centred = offsets - offsets.mean(dim=0)
    _, singular, right = torch.linalg.svd(centred, full_matrices=False)
    variance = singular**2
    if len(variance) < 2 or float(variance.sum()) <= 0:
        raise ConfigError("The recorded training path never moved, so it has no PCA directions; "
                          "train some steps first.")
    pair = []
    for direction in right[:2]:
        if float(offsets[0] @ direction) > 0:  # the start on the negative side: the path runs left to right
            direction = -direction
        pair.append(direction.float())
    ratio = (variance[:2] / variance.sum()).numpy().copy()
    return pair[0], pair[1], ratio


def project_trajectory(trajectory: Sequence, d1: Vector, d2: Vector, center=None) -> np.ndarray:
    """(α, β) of each point: least-squares coordinates of (point − center) in the plane of d1, d2.

    For orthonormal (PCA) directions these are plain dot products; random directions are
    not quite orthogonal, so least squares gives the nearest point of the slice.
    `center` defaults to the last point, which therefore lands at (0, 0).
    """
    if not len(trajectory):
        return np.empty((0, 2))
    points = _matrix(trajectory)
    origin = points[-1] if center is None else torch.as_tensor(center).detach().reshape(-1).cpu().double()
    basis = torch.stack([d1.detach().cpu().double().reshape(-1), d2.detach().cpu().double().reshape(-1)], dim=1)
    coordinates = torch.linalg.lstsq(basis, (points - origin).T).solution.T
    return coordinates.numpy().copy()


# ----------------------------------------------------------------------------- slices
@dataclass(frozen=True)
class SliceUpdate:
    """Progress of a slice, and the best complete grid so far (coarse, then full)."""

    fraction: float  # of all grid points computed
    alpha: np.ndarray | None  # the axes of `loss`: a subset of the requested ones until `final`
    beta: np.ndarray | None
    loss: np.ndarray | None  # (len(beta), len(alpha)); None until the coarse pass is done
    final: bool  # True once: the full-resolution grid


def _axis(values, what: str) -> np.ndarray:
    axis = np.asarray(values, dtype=np.float64).reshape(-1)
    if axis.size == 0 or not np.isfinite(axis).all():
        raise ConfigError("The {what} axis must be one or more finite numbers.", what=what)
    return axis


def _coarse_indices(count: int, stride: int) -> np.ndarray:
    """Every `stride`-th index, and the last one so the coarse grid spans the whole range."""
    return np.unique(np.append(np.arange(0, count, stride), count - 1))


def _read_only(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


def loss_slice(
    trainer: Trainer, d1: Vector, d2: Vector, alphas, betas, chunk: int | None = None,
    should_stop: Callable[[], bool] | None = None, coarse_stride: int = COARSE_STRIDE, center=None,
) -> Iterator[SliceUpdate]:
    """Yield SliceUpdates while computing loss[j, i] = L(θ + alphas[i]·d1 + betas[j]·d2).

    θ is `center`, by default the model's current weights. A coarse pass (every
    `coarse_stride`-th row and column, and the edges) completes first, then the points
    in between; no point is computed twice. `should_stop()` is asked before every
    chunk: when it says yes the generator simply ends without a final update, and the
    caller keeps whatever it last drew. The model itself is never modified.
    """
    alphas, betas = _axis(alphas, Phrase("alpha")), _axis(betas, Phrase("beta"))
    if int(coarse_stride) < 1:
        raise ConfigError(
            "The coarse stride must be at least 1, not {coarse_stride}.",
            coarse_stride=coarse_stride,
        )
    should_stop = should_stop or (lambda: False)
    point_loss = PointLoss(trainer, chunk)
    theta = point_loss.vector(flat_parameters(trainer.model) if center is None else center, Phrase("center"))
    d1, d2 = point_loss.vector(d1), point_loss.vector(d2)
    alpha_t = torch.as_tensor(alphas, dtype=point_loss.dtype, device=point_loss.device)
    beta_t = torch.as_tensor(betas, dtype=point_loss.dtype, device=point_loss.device)
    n_alpha, n_beta = len(alphas), len(betas)
    loss = np.full((n_beta, n_alpha), np.nan)

    coarse_i, coarse_j = _coarse_indices(n_alpha, int(coarse_stride)), _coarse_indices(n_beta, int(coarse_stride))
    in_coarse = np.zeros((n_beta, n_alpha), dtype=bool)
    in_coarse[np.ix_(coarse_j, coarse_i)] = True
    stages = [(np.flatnonzero(in_coarse), (coarse_i, coarse_j)), (np.flatnonzero(~in_coarse), None)]
    stages = [stage for stage in stages if len(stage[0])]

    done, total = 0, loss.size
    shown: tuple = (None, None, None)
    for number, (indices, coarse) in enumerate(stages):
        for start in range(0, len(indices), point_loss.chunk):
            if should_stop():
                return
            flat = indices[start : start + point_loss.chunk]
            j, i = np.divmod(flat, n_alpha)
            try:
                loss.flat[flat] = point_loss.plane(theta, d1, d2, alpha_t[i], beta_t[j], should_stop)
            except Stopped:
                return
            done += len(flat)
            if start + point_loss.chunk < len(indices):  # the stage's last chunk is reported below
                yield SliceUpdate(done / total, *shown, final=False)
        final = number == len(stages) - 1
        if final:
            shown = (alphas.copy(), betas.copy(), loss.copy())
        else:
            ci, cj = coarse
            shown = (alphas[ci], betas[cj], loss[np.ix_(cj, ci)])
        shown = tuple(_read_only(array) for array in shown)
        yield SliceUpdate(done / total, *shown, final=final)


def compute_slice(trainer: Trainer, d1: Vector, d2: Vector, alphas, betas, chunk: int | None = None) -> np.ndarray:
    """`loss_slice` run to the end: the full (len(betas), len(alphas)) grid."""
    result = None
    for update in loss_slice(trainer, d1, d2, alphas, betas, chunk):
        result = update
    return np.array(result.loss)


@torch.no_grad()
def naive_loss_slice(trainer: Trainer, d1: Vector, d2: Vector, alphas, betas, center=None) -> np.ndarray:
    """The same grid as `loss_slice`, one network at a time: the benchmark's baseline and the tests' oracle."""
    alphas, betas = _axis(alphas, Phrase("alpha")), _axis(betas, Phrase("beta"))
    model = copy.deepcopy(trainer.model)  # load weights into a copy: the trainer's model stays as it was
    params = list(model.parameters())
    inputs, targets = trainer.training_set()
    loss_fn = task_loss(trainer.loss_name)
    theta = flat_parameters(model) if center is None else torch.as_tensor(center).to(params[0])
    d1, d2 = d1.to(params[0]), d2.to(params[0])
    alpha_t, beta_t = torch.as_tensor(alphas).to(params[0]), torch.as_tensor(betas).to(params[0])
    loss = np.empty((len(betas), len(alphas)))
    for j in range(len(betas)):
        for i in range(len(alphas)):
            vector_to_parameters(theta + alpha_t[i] * d1 + beta_t[j] * d2, params)
            loss[j, i] = loss_fn(model(inputs), targets).item()
    return loss


def interpolation_1d(
    trainer: Trainer, initial_vector, steps: int = 101, alpha_range: tuple[float, float] = (-0.25, 1.25),
    chunk: int | None = None, should_stop: Callable[[], bool] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Loss along the line θ0 + α·(θ − θ0) from the initial weights (α = 0) to the current ones (α = 1).

    Goodfellow et al.'s 1-D check: a smooth, monotone curve means training walked
    downhill without crossing a barrier, even if its actual path was anything but straight.
    """
    if isinstance(steps, bool) or not isinstance(steps, int) or not 2 <= steps <= 10_001:
        raise ConfigError(
            "The line needs a whole number of points between 2 and 10001, not {steps!r}.",
            steps=steps,
        )
    point_loss = PointLoss(trainer, chunk)
    initial = point_loss.vector(initial_vector, Phrase("initial weight vector"))
    towards = flat_parameters(trainer.model) - initial
    alphas = np.linspace(float(alpha_range[0]), float(alpha_range[1]), int(steps))
    return alphas, point_loss.plane(initial, towards, torch.zeros_like(towards), alphas, np.zeros_like(alphas),
                                    should_stop)  # raises Stopped when told to stop


# ----------------------------------------------------------------------------- the training path
class TrajectoryRecorder:
    """Flat parameter vectors recorded during training, as CPU copies, in bounded memory.

    It records every `every`-th step. When it holds `max_points` (fewer for a big
    network: at most `max_bytes` in all), it drops every other point, keeping the
    first and the newest, and records half as often: the path stays evenly sampled
    from its start however long training runs.
    """

    def __init__(self, every: int = 1, max_points: int = 1000, max_bytes: int = 64 * 2**20):
        self.every = max(1, int(every))
        self.max_points = max(3, int(max_points))
        self.max_bytes = int(max_bytes)
        self.vectors: list[torch.Tensor] = []
        self.steps: list[int] = []

    def __len__(self) -> int:
        return len(self.vectors)

    def clear(self) -> None:
        self.vectors, self.steps = [], []

    def maybe_record(self, step: int, model: torch.nn.Module) -> bool:
        """Record the model's weights if `step` is one to keep; True when it did."""
        if step % self.every:
            return False
        self.record(step, model)
        return True

    def record(self, step: int, model_or_vector) -> None:
        """Record now, whatever the step (the start and the end of a run should always be kept)."""
        if isinstance(model_or_vector, torch.nn.Module):
            vector = parameters_to_vector(model_or_vector.parameters())
        else:
            vector = torch.as_tensor(model_or_vector)
        vector = vector.detach().reshape(-1).to("cpu", torch.float32, copy=True)
        self.vectors.append(vector)
        self.steps.append(int(step))
        limit = max(3, min(self.max_points, self.max_bytes // max(1, 4 * vector.numel())))
        if len(self.vectors) > limit:
            keep = list(range(0, len(self.vectors) - 1, 2)) + [len(self.vectors) - 1]
            self.vectors = [self.vectors[k] for k in keep]
            self.steps = [self.steps[k] for k in keep]
            self.every *= 2


# ----------------------------------------------------------------------------- the whole picture
@dataclass(frozen=True)
class NetworkLandscape:
    """A slice of a network's loss around its current weights, and its training path on it."""

    alpha: np.ndarray  # the d1 axis
    beta: np.ndarray  # the d2 axis
    loss: np.ndarray  # (len(beta), len(alpha)): loss[j, i] at θ + alpha[i]·d1 + beta[j]·d2
    path: np.ndarray  # (n, 2) the recorded weights projected onto the slice; the last is (0, 0)
    path_loss: np.ndarray  # (n,) the TRUE loss at each recorded point, not the slice's value under it
    path_steps: np.ndarray  # (n,) the training step of each path point
    center_loss: float  # the loss at the current weights: loss at α = β = 0
    directions: str  # "random" or "pca"
    explained_variance: np.ndarray | None = None  # PCA: the share of the path's variance d1 and d2 hold
    diverged_at: int | None = None  # the training step where training diverged, if it did


@dataclass(frozen=True)
class LandscapeUpdate:
    fraction: float
    landscape: NetworkLandscape | None  # the best complete grid so far; None before the coarse pass ends
    final: bool


def _thinned(count: int, most: int) -> np.ndarray:
    """At most `most` evenly spread indices of `count` points, always with the last one."""
    if count <= most:
        return np.arange(count)
    return np.unique(np.linspace(0, count - 1, most).round().astype(int))  # the first and the last among them


def _symmetric_axis(limit: float, resolution: int) -> np.ndarray:
    axis = limit * np.linspace(-1.0, 1.0, resolution)
    if resolution % 2:
        axis[resolution // 2] = 0.0  # exactly the current weights, so loss there is center_loss
    return axis


def _limits(path: np.ndarray, directions: str) -> tuple[float, float]:
    reach = np.abs(path).max(axis=0) * PATH_MARGIN if len(path) else np.zeros(2)
    if directions == "random":
        return max(RANDOM_LIMIT, reach[0]), max(RANDOM_LIMIT, reach[1])
    top = max(reach[0], reach[1], 1e-6)  # keep a thin second axis readable: ≥ 10 % of the first
    return max(reach[0], 0.1 * top), max(reach[1], 0.1 * top)


def check_directions(directions: str) -> str:
    if directions not in DIRECTIONS:
        raise ConfigError(
            "Unknown directions '{directions}'; choose one of: {choices}.",
            directions=directions, choices=", ".join(DIRECTIONS),
        )
    return directions


def landscape_updates(
    trainer: Trainer, recorder: TrajectoryRecorder | None = None, directions: str = "random", resolution: int = 41,
    seed: int = 0, chunk: int | None = None, should_stop: Callable[[], bool] | None = None,
) -> Iterator[LandscapeUpdate]:
    """The slice around the trainer's current weights with its recorded path, as progressive updates.

    The current weights join the end of the path if the recorder does not end there.
    Like `loss_slice`, it ends without a final update when `should_stop()` says so.
    """
    check_directions(directions)
    resolution = check_resolution(resolution, 3, MAX_NETWORK_RESOLUTION)
    require_fits(slice_estimate(trainer, resolution), SLICING_IT)
    center = flat_parameters(trainer.model).cpu()
    vectors = list(recorder.vectors) if recorder else []
    steps = list(recorder.steps) if recorder else []
    if not vectors or not torch.equal(vectors[-1], center.float()):
        vectors.append(center)
        steps.append(trainer.step_count)
    explained = None
    if directions == "pca":
        d1, d2, explained = pca_directions(vectors)
    else:
        d1, d2 = filter_normalised_directions(trainer.model, seed)
    path = project_trajectory(vectors, d1, d2, center)
    path[-1] = 0.0  # the current weights by definition; least squares leaves rounding dust
    alpha_limit, beta_limit = _limits(path, directions)
    steps = np.array(steps)

    def shown_path(indices: np.ndarray) -> dict | None:
        """The path's points `indices` with their true losses (None if stopped), as NetworkLandscape fields."""
        try:
            losses = trajectory_losses(trainer, [vectors[k] for k in indices], chunk, should_stop)
        except Stopped:
            return None
        return dict(path=_read_only(path[indices]), path_loss=_read_only(losses),
                    path_steps=_read_only(steps[indices]), center_loss=float(losses[-1]), directions=directions,
                    explained_variance=explained)

    # The coarse picture carries a thinned path (a CNN's 400 path points cost as much as the grid): the
    # whole path's losses are computed once it is on screen.
    every = _thinned(len(vectors), COARSE_PATH_POINTS)
    common = shown_path(every)
    if common is None:
        return
    whole = len(every) == len(vectors)
    landscape = None
    for update in loss_slice(trainer, d1, d2, _symmetric_axis(alpha_limit, resolution),
                             _symmetric_axis(beta_limit, resolution), chunk, should_stop, center=center):
        if (update.final or landscape is not None) and not whole:
            common, whole = shown_path(np.arange(len(vectors))), True
            if common is None:
                return
            if landscape is not None and not update.final:
                landscape = replace(landscape, **common)
        if update.loss is not None and (landscape is None or landscape.loss is not update.loss):
            landscape = NetworkLandscape(alpha=update.alpha, beta=update.beta, loss=update.loss, **common)
        yield LandscapeUpdate(update.fraction, landscape, update.final)
