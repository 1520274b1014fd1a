"""How fast are Glassbox's loss slices, against the library people use instead (loss-landscapes) and a plain loop?

Two networks, the ones a class slices:
  - mlp: the spiral 2-8-8-1 MLP after 500 Adam steps, 41×41 grid, loss over its 500 training points;
  - cnn: the shipped digits CNN, 21×21 grid, loss over its 256 slice images (CnnTrainer.training_set).

Three ways of computing the same grid run in this one process, on one torch thread, in turns
(best of a few runs each), so their ratios survive a noisy shared machine. Times are this
thread's CPU seconds (time.thread_time): with one torch thread all the work is done on it, so
on a quiet machine they equal the wall-clock time, and on a busy one other programs do not
count (the wall-clock seconds are printed beside them).
  - ours:  core.landscape.slices.loss_slice, coarse grid first, as the app runs it;
  - peer:  loss_landscapes.random_plane(model, Loss(...), normalization="filter"), under no_grad
           (it builds autograd graphs otherwise, which would only slow it down);
  - plain: load each grid point's weights into the model and run it (naive_loss_slice).
They compute the same thing: the peer's own random directions (re-drawn from the same seed
with its own functions) and its grid are given to the other two, and their values are
compared with the peer's (loss-landscapes walks odd rows one step lower than even rows; the
comparison follows it point by point).

Last line:

    mlp_vs_peer=<peer ÷ ours> cnn_vs_peer=<peer ÷ ours> cnn_slice_s=<ours> mlp_slice_s=<ours> cnn_coarse_s=<ours>

cnn_coarse_s is the time from asking for the CNN slice to its first (coarse) picture.
Goals: cnn_vs_peer ≥ 3, cnn_slice_s ≤ 3, cnn_coarse_s ≤ 0.5, mlp_vs_peer ≥ 2.
Run `pip install -e .[bench]` first; without loss-landscapes the bench says so and exits 2.
An earlier line gives the old bench's figures (grid_s, speedup over the plain loop, fps_race).
"""

from __future__ import annotations

import copy
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import torch  # noqa: E402

from core.landscape.slices import loss_slice, naive_loss_slice  # noqa: E402
from core.landscape.evaluation import task_loss  # noqa: E402
from core.landscape.surfaces import SURFACES, race  # noqa: E402
from core.mlp.config import TrainConfig  # noqa: E402
from core.mlp.trainer import Trainer  # noqa: E402
from core.optimizers import OPTIMIZERS  # noqa: E402

MLP_CONFIG = TrainConfig(dataset="spiral", hidden=(8, 8), n_points=1000, train_fraction=0.5, device="cpu", seed=0)
MLP_STEPS = 500
MLP_RESOLUTION = 41
CNN_RESOLUTION = 21
REPEATS = {"mlp": 5, "cnn": 2}
SEED = 0
RACE_STEPS = 500


def peer_library():
    try:
        import loss_landscapes
        import loss_landscapes.metrics
    except ImportError as error:
        print(f"loss-landscapes is not installed ({error}); run: pip install -e .[bench]")
        sys.exit(2)
    return loss_landscapes


# ----------------------------------------------------------------------------- the two networks
def mlp_trainer() -> Trainer:
    trainer = Trainer(MLP_CONFIG)
    for _ in trainer.run(max_steps=MLP_STEPS):
        pass
    return trainer


def cnn_trainer():
    from core.cnn.image_sets import DataSource, load_image_set
    from core.cnn.trainer import CnnTrainConfig, CnnTrainer

    loading = load_image_set(DataSource("digits"))
    try:
        while True:
            next(loading)
    except StopIteration as stop:
        data = stop.value
    trainer = CnnTrainer(data, CnnTrainConfig(device="cpu"))
    trainer.model.eval()
    return trainer


# ----------------------------------------------------------------------------- the peer's plane
def peer_plane(library, model, seed: int, steps: int):
    """The peer's own directions (per grid step) and corner, re-drawn exactly as random_plane draws them."""
    from loss_landscapes.model_interface.model_parameters import orthogonal_to, rand_u_like
    from loss_landscapes.model_interface.model_wrapper import wrap_model

    torch.manual_seed(seed)
    start = wrap_model(copy.deepcopy(model)).get_module_parameters()
    one = rand_u_like(start)
    two = orthogonal_to(one)
    one.filter_normalize_(start)
    two.filter_normalize_(start)
    one.mul_(((start.model_norm() / 1) / steps) / one.model_norm())  # random_plane's distance=1
    two.mul_(((start.model_norm() / 1) / steps) / two.model_norm())
    flat = [torch.cat([p.detach().reshape(-1) for p in vector.parameters]) for vector in (one, two)]
    return flat[0], flat[1]


def run_peer(library, model, inputs, targets, loss_name: str, seed: int, steps: int) -> np.ndarray:
    metric = library.metrics.Loss(task_loss(loss_name), inputs, targets)
    torch.manual_seed(seed)
    with torch.no_grad():
        grid = library.random_plane(model, metric, distance=1, steps=steps, normalization="filter",
                                    deepcopy_model=True)
    return np.asarray(grid, dtype=np.float64)


def ours(trainer, d1, d2, axis_a, axis_b) -> tuple[np.ndarray, float]:
    """The full grid, and the CPU seconds until the first (coarse) picture."""
    start = time.thread_time()
    first = None
    for update in loss_slice(trainer, d1, d2, axis_a, axis_b):
        if first is None and update.loss is not None:
            first = time.thread_time() - start
    return np.array(update.loss), first


# ----------------------------------------------------------------------------- one network
def compare(name: str, library, trainer, steps: int) -> dict:
    model = trainer.model
    inputs, targets = trainer.training_set()
    d1, d2 = peer_plane(library, model, SEED, steps)
    # random_plane puts grid point (i, j) at θ + (i − s/2)·d1 + (j + 1 − s/2)·d2 on even rows i (one step
    # lower, j − s/2, on odd rows): its grid[i, j] is our loss[j, i] on these axes.
    alphas = np.arange(steps) - steps / 2
    betas = np.arange(steps) + 1 - steps / 2
    runs = {"peer": lambda: run_peer(library, model, inputs, targets, trainer.loss_name, SEED, steps),
            "ours": lambda: ours(trainer, d1, d2, alphas, betas),
            "plain": lambda: naive_loss_slice(trainer, d1, d2, alphas, betas)}
    ours(trainer, d1, d2, alphas[:3], betas[:3])  # warm-up
    best = {key: float("inf") for key in runs}
    wall = dict(best)
    results = {}
    for _ in range(REPEATS[name]):
        for key, run in runs.items():
            start, start_wall = time.thread_time(), time.perf_counter()
            results[key] = run()
            best[key] = min(best[key], time.thread_time() - start)
            wall[key] = min(wall[key], time.perf_counter() - start_wall)
    grid, coarse = results["ours"]
    peer = results["peer"]
    lower = np.array(next(u for u in loss_slice(trainer, d1, d2, alphas, betas - 1) if u.final).loss)
    expected = np.where((np.arange(steps) % 2 == 0)[:, None], grid.T, lower.T)  # peer's layout: [i, j]
    peer_gap = np.abs(expected - peer).max()
    plain_gap = np.abs(grid - results["plain"]).max()
    print(f"{name}: {model.__class__.__name__} with {sum(p.numel() for p in model.parameters()):,} weights, "
          f"{len(targets)} examples, {steps}×{steps} grid: ours {best['ours']:.3f} s (first picture "
          f"{coarse:.3f} s), loss-landscapes {best['peer']:.3f} s, plain loop {best['plain']:.3f} s; "
          f"largest difference from loss-landscapes {peer_gap:.1e}, from the plain loop {plain_gap:.1e} "
          f"(losses {np.nanmin(grid):.3g}…{np.nanmax(grid):.3g}); wall-clock: ours {wall['ours']:.3f} s, "
          f"loss-landscapes {wall['peer']:.3f} s, plain {wall['plain']:.3f} s")
    if not (peer_gap <= 1e-4 * max(1.0, np.abs(peer).max()) and plain_gap <= 1e-4 * max(1.0, np.abs(grid).max())):
        print(f"{name}: THE GRIDS DISAGREE")
    return {"ours": best["ours"], "peer": best["peer"], "plain": best["plain"], "coarse": coarse}


def activation_floor(trainer, steps: int) -> None:
    """What the MLP's elementwise activations alone cost over the whole grid: a floor under any batching."""
    sets, points = steps * steps, len(trainer.training_set()[1])
    values = torch.randn(64, points, max(trainer.model.sizes[1:-1]))
    count = sets / 64 * (len(trainer.model.sizes) - 2)  # blocks of 64 sets, once per hidden layer
    for name, function in (("torch.tanh", torch.tanh),
                           ("2σ(2x) − 1 (what the slice uses)", lambda x: x.mul(2.0).sigmoid_().mul_(2.0).sub_(1.0))):
        best = float("inf")
        for _ in range(REPEATS["mlp"]):
            start = time.thread_time()
            for _ in range(round(count)):
                function(values)
            best = min(best, time.thread_time() - start)
        print(f"mlp: its {trainer.model.activations[0]} activations alone over the grid, as {name}: {best:.4f} s")


def race_fps() -> float:
    shape = SURFACES["rosenbrock"]
    names = list(OPTIMIZERS)
    start = time.perf_counter()
    paths = race(shape, names, shape.lr, RACE_STEPS, shape.start)
    frames = RACE_STEPS + 1
    for frame in range(frames):  # what the view draws at frame t: each optimizer's point and its loss
        last = [min(frame, len(path.positions) - 1) for path in paths.values()]
        positions = np.stack([path.positions[k] for path, k in zip(paths.values(), last)])
        losses = np.array([path.loss[k] for path, k in zip(paths.values(), last)])
        assert positions.shape == (len(names), 2) and losses.shape == (len(names),)
    return frames / (time.perf_counter() - start)


def main() -> None:
    library = peer_library()
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, CPU, 1 thread; loss-landscapes {getattr(library, '__version__', '3.0.6')}")
    trainer = mlp_trainer()
    mlp = compare("mlp", library, trainer, MLP_RESOLUTION)
    activation_floor(trainer, MLP_RESOLUTION)
    cnn = compare("cnn", library, cnn_trainer(), CNN_RESOLUTION)
    print(f"grid_s={mlp['ours']:.4f} speedup={mlp['plain'] / mlp['ours']:.2f} fps_race={race_fps():.0f}")
    print(f"mlp_vs_peer={mlp['peer'] / mlp['ours']:.2f} cnn_vs_peer={cnn['peer'] / cnn['ours']:.2f} "
          f"cnn_slice_s={cnn['ours']:.3f} mlp_slice_s={mlp['ours']:.4f} cnn_coarse_s={cnn['coarse']:.3f}")


if __name__ == "__main__":
    main()
