"""How fast is a loss landscape? A 41×41 slice of the spiral 2-8-8-1 MLP, and a 7-optimizer race.

Both ways of computing the slice run in this one process, on one torch thread, so
their ratio survives a noisy shared machine:
  - batched: torch.func (functional_call + vmap over chunks of grid points), as the app does it;
  - naive: load each grid point's weights into the model and run it, one point at a time.
The loss is taken over 500 training points (1,000 generated, half of them for training).

Last line:

    grid_s=<batched seconds> speedup=<naive ÷ batched> fps_race=<frames/s>

Goals: grid_s ≤ 1.0 on CPU, speedup ≥ 5, fps_race ≥ 30.

fps_race is measured without a screen (core only): computing the seven paths and then
producing each animation frame's data (every optimizer's position and loss at frame
t). It bounds what the view can reach; the GUI may replace it with a measurement that
includes rendering.
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import torch  # noqa: E402

from core.mlp.config import TrainConfig  # noqa: E402
from core.landscape.slices import compute_slice, filter_normalised_directions, naive_loss_slice  # noqa: E402
from core.optimizers import OPTIMIZERS  # noqa: E402
from core.landscape.surfaces import SURFACES, race  # noqa: E402
from core.mlp.trainer import Trainer  # noqa: E402

CONFIG = TrainConfig(dataset="spiral", hidden=(8, 8), n_points=1000, train_fraction=0.5, device="cpu", seed=0)
TRAIN_STEPS = 500
RESOLUTION = 41
REPEATS = 5  # best of five: the least disturbed run of each side
RACE_STEPS = 500


def best_times(*functions) -> list[tuple[float, object]]:
    """The fastest of REPEATS runs of each function, run in turns so a burst of load hits both sides."""
    times = [[] for _ in functions]
    results = [None] * len(functions)
    for _ in range(REPEATS):
        for k, function in enumerate(functions):
            start = time.perf_counter()
            results[k] = function()
            times[k].append(time.perf_counter() - start)
    return [(min(spent), result) for spent, result in zip(times, results)]


def slice_times() -> tuple[float, float]:
    trainer = Trainer(CONFIG)
    for _ in trainer.run(max_steps=TRAIN_STEPS):
        pass
    n_train = len(trainer.training_set()[1])
    print(f"network: spiral {trainer.architecture}, trained {TRAIN_STEPS} Adam steps; loss over {n_train} points")
    d1, d2 = filter_normalised_directions(trainer.model, seed=0)
    axis = np.linspace(-1.0, 1.0, RESOLUTION)
    compute_slice(trainer, d1, d2, axis, axis)  # warm-up: vmap traces the model on its first call
    (batched_s, batched), (naive_s, naive) = best_times(lambda: compute_slice(trainer, d1, d2, axis, axis),
                                                        lambda: naive_loss_slice(trainer, d1, d2, axis, axis))
    per_pt = 1e6 / RESOLUTION**2  # seconds → µs per grid point
    print(f"slice {RESOLUTION}×{RESOLUTION}: batched {batched_s * 1e3:.1f} ms ({batched_s * per_pt:.1f} µs/point), "
          f"naive {naive_s * 1e3:.1f} ms ({naive_s * per_pt:.1f} µs/point)")
    print(f"largest difference between the two grids: {np.abs(batched - naive).max():.2e}")
    return batched_s, naive_s


def race_fps() -> float:
    shape = SURFACES["rosenbrock"]
    names = list(OPTIMIZERS)
    start = time.perf_counter()
    paths = race(shape, names, shape.lr, RACE_STEPS, shape.start)
    computed = time.perf_counter() - start
    frames = RACE_STEPS + 1
    for frame in range(frames):  # what the view draws at frame t: each optimizer's point and its loss
        last = [min(frame, len(path.positions) - 1) for path in paths.values()]
        positions = np.stack([path.positions[k] for path, k in zip(paths.values(), last)])
        losses = np.array([path.loss[k] for path, k in zip(paths.values(), last)])
        assert positions.shape == (len(names), 2) and losses.shape == (len(names),)
    elapsed = time.perf_counter() - start
    diverged = [name for name, path in paths.items() if path.diverged_at is not None]
    print(f"race on Rosenbrock: {len(names)} optimizers × {RACE_STEPS} steps at lr {shape.lr:g} computed in "
          f"{computed * 1e3:.0f} ms (a slider move recomputes this); diverged: {', '.join(diverged) or 'none'}")
    return frames / elapsed


def main() -> None:
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, CPU, 1 thread")
    batched_s, naive_s = slice_times()
    fps = race_fps()
    print(f"grid_s={batched_s:.4f} speedup={naive_s / batched_s:.2f} fps_race={fps:.0f}")


if __name__ == "__main__":
    main()
