"""Whole landscape jobs on a network: train then slice (the command line), and slice then draw the line.

core.landscape.slices holds the mathematics; this module puts its pieces together the way
the app and the command line use them, so both workers (the MLP's and the CNN's) and the
exports drive one generator instead of three copies of the same loop.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Generator

import numpy as np
import torch

from core.errors import DivergedError
from core.landscape.evaluation import Stopped, slice_estimate
from core.landscape.slices import (MAX_NETWORK_RESOLUTION, LandscapeUpdate, NetworkLandscape, TrajectoryRecorder,
                                   check_directions, flat_parameters, interpolation_1d, landscape_updates)
from core.landscape.surfaces import check_resolution, check_steps
from core.mlp.config import TrainConfig
from core.limits import SLICING_IT, require_fits
from core.mlp.trainer import Trainer

LINE_RANGE = (-0.25, 1.25)  # the 1-D line runs a quarter beyond both ends


@dataclass(frozen=True)
class LandscapeResult:
    """What the GUI draws for the user's own network: the slice, and the line from the initial weights."""

    landscape: NetworkLandscape
    line_alphas: np.ndarray  # α along θ0 + α·(θ − θ0): 0 is the initial weights, 1 the current ones
    line_losses: np.ndarray


def landscape_with_line(
    trainer, recorder: TrajectoryRecorder, initial: torch.Tensor | None, directions: str, resolution: int,
    line_points: int, chunk: int | None = None, should_stop: Callable[[], bool] | None = None,
) -> Generator[LandscapeUpdate, None, LandscapeResult | None]:
    """Yield the slice's progressive updates, then return it with the line from `initial`; None if stopped.

    `initial` is the run's first weight vector; when an edit of the layers changed the
    number of weights since, the recorder's first point stands in for it.
    """
    final = None
    for update in landscape_updates(trainer, recorder, directions, resolution, seed=trainer.config.seed,
                                    chunk=chunk, should_stop=should_stop):
        if update.final:
            final = update.landscape
        else:
            yield update
    if final is None or (should_stop is not None and should_stop()):
        return None
    yield LandscapeUpdate(1.0, final, True)
    if initial is None or initial.numel() != flat_parameters(trainer.model).numel():
        initial = recorder.vectors[0]
    try:
        alphas, losses = interpolation_1d(trainer, initial, line_points, LINE_RANGE, chunk=chunk,
                                          should_stop=should_stop)
    except Stopped:
        return None
    return LandscapeResult(final, alphas, losses)


Progress = Callable[[float], None]  # the fraction of the slice's grid computed so far


def network_landscape(
    config: TrainConfig, steps: int, directions: str = "random", resolution: int = 41, seed: int | None = None,
    chunk: int | None = None, progress: Progress | None = None,
) -> NetworkLandscape:
    """Train a fresh network for `steps` steps, recording its path, then slice its loss around the end point.

    `seed` picks the random directions (the config's seed by default). If training
    diverges, it stops there with the last finite weights and `diverged_at` says when.
    `progress(fraction)` hears how far the slice is, after each chunk of grid points (a
    slice too big for this computer's memory is refused first, with core.limits.LimitError).
    """
    return _train_and_slice(config, steps, directions, resolution, seed, chunk, progress)[0]


def network_landscape_result(
    config: TrainConfig, steps: int, directions: str = "random", resolution: int = 41, seed: int | None = None,
    progress: Progress | None = None,
) -> "LandscapeResult":
    """network_landscape plus the loss along the line from the initial weights: what the GUI panel draws."""
    landscape, trainer, initial = _train_and_slice(config, steps, directions, resolution, seed, None, progress)
    alphas, losses = interpolation_1d(trainer, initial)
    return LandscapeResult(landscape, alphas, losses)


def _train_and_slice(config, steps, directions, resolution, seed, chunk, progress=None):
    """(landscape, trainer, initial weight vector) after training `steps` steps from `config`."""
    check_directions(directions)
    check_resolution(resolution, 3, MAX_NETWORK_RESOLUTION)
    steps = check_steps(steps)
    trainer = Trainer(config)
    require_fits(slice_estimate(trainer, resolution), SLICING_IT)  # before training, not after
    recorder = TrajectoryRecorder(every=max(1, steps // 200))
    recorder.record(0, trainer.model)
    initial = recorder.vectors[0]
    diverged_at = None
    try:
        for record in trainer.run(max_steps=steps):
            recorder.maybe_record(record.step, trainer.model)
    except DivergedError as error:
        diverged_at = error.step
    last = None
    for last in landscape_updates(trainer, recorder, directions, resolution,
                                  trainer.config.seed if seed is None else seed, chunk):
        if progress is not None:
            progress(last.fraction)
    return replace(last.landscape, diverged_at=diverged_at), trainer, initial


# ----------------------------------------------------------------------------- export
def network_npz(landscape: NetworkLandscape) -> dict[str, np.ndarray]:
    """The arrays `export landscape --dataset` writes: alpha, beta, loss, path, path_loss, center_loss."""
    return {"alpha": landscape.alpha, "beta": landscape.beta, "loss": landscape.loss, "path": landscape.path,
            "path_loss": landscape.path_loss, "center_loss": np.array(landscape.center_loss)}
