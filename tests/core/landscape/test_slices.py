"""Loss landscapes: textbook surfaces, optimizer paths and races (core.landscape.surfaces), and slices of a
real network's loss (core.landscape.slices)."""

from __future__ import annotations

import io
import math
import re

import numpy as np
import pytest
import torch

from core.mlp.config import TrainConfig
from core.errors import ConfigError
from core.landscape.slices import (
    TrajectoryRecorder, compute_slice, filter_normalised_directions, flat_parameters, interpolation_1d,
    landscape_updates, loss_slice, naive_loss_slice, pca_directions, project_trajectory, trajectory_losses,
)
from core.landscape.network import network_landscape, network_npz
from core.optimizers import OPTIMIZERS
from core.landscape.surfaces import (
    SURFACES, optimizer_path, parse_start, race, save_npz, surface, surface_grid, surface_npz,
)
from core.mlp.trainer import Trainer


def one_sentence(error: Exception) -> str:
    text = str(error)
    assert text.endswith("."), text
    assert not re.search(r"[.!?]\s+[A-Z]", text[:-1]), f"more than one sentence: {text}"
    return text


# ----------------------------------------------------------------------------- surfaces
@pytest.mark.parametrize("name", list(SURFACES))
def test_every_listed_minimum_is_a_critical_point(name):
    shape = SURFACES[name]
    for x, y in shape.minima:
        gx, gy = shape.gradient(x, y)
        assert math.hypot(gx, gy) < 1e-5, (name, x, y)


def test_known_minimum_values():
    assert SURFACES["rosenbrock"].value(1, 1) == 0.0
    himmelblau = SURFACES["himmelblau"]
    assert len(himmelblau.minima) == 4
    assert all(himmelblau.value(*point) < 1e-12 for point in himmelblau.minima)
    camel = SURFACES["camel"]
    assert camel.value(0.0898, -0.7126) == pytest.approx(-1.0316, abs=1e-4)
    assert camel.value(-0.0898, 0.7126) == pytest.approx(-1.0316, abs=1e-4)
    assert min(camel.value(*point) for point in camel.minima) == pytest.approx(-1.031628, abs=1e-6)
    assert SURFACES["beale"].value(3, 0.5) == 0.0
    assert SURFACES["plateau"].value(2, 0) == 0.0


def test_bowl_condition_number_stretches_one_axis():
    bowl = surface("bowl", kappa=50)
    assert bowl.value(1, 0) == 0.5 and bowl.value(0, 1) == 25.0
    assert "50" in bowl.formula and bowl.params == {"kappa": 50.0}


@pytest.mark.parametrize("name", list(SURFACES))
def test_gradients_match_finite_differences(name):
    shape = SURFACES[name]
    h = 1e-6
    for x, y in [shape.start, (0.3, -0.7), (-1.1, 0.4)]:
        numeric = ((shape.value(x + h, y) - shape.value(x - h, y)) / (2 * h),
                   (shape.value(x, y + h) - shape.value(x, y - h)) / (2 * h))
        np.testing.assert_allclose(shape.gradient(x, y), numeric, rtol=1e-5, atol=1e-6)


def test_grid_rows_follow_y_and_columns_follow_x():
    shape = SURFACES["rosenbrock"]
    x, y, loss = surface_grid(shape, 7, x_range=(-2, 1), y_range=(0, 3))
    assert x[0] == -2 and x[-1] == 1 and y[0] == 0 and y[-1] == 3
    assert loss.shape == (len(y), len(x))
    for j, i in [(0, 6), (6, 0), (2, 5), (4, 1)]:
        assert loss[j, i] == pytest.approx(shape.value(x[i], y[j]), rel=1e-12)


# ----------------------------------------------------------------------------- optimizer paths
def test_sgd_first_step_is_start_minus_lr_times_gradient():
    shape = SURFACES["himmelblau"]
    path = optimizer_path(shape, "sgd", 0.01, 5, (-1.0, 1.0))
    gx, gy = shape.gradient(-1.0, 1.0)
    assert path.positions.shape == (6, 2) and path.loss.shape == (6,) and path.gradient.shape == (6, 2)
    np.testing.assert_array_equal(path.positions[0], [-1.0, 1.0])
    np.testing.assert_allclose(path.positions[1], [-1.0 - 0.01 * gx, 1.0 - 0.01 * gy], rtol=1e-14)
    np.testing.assert_allclose(path.gradient[0], [gx, gy])
    assert path.loss[1] == pytest.approx(shape.value(*path.positions[1]))
    assert path.momentum is None and path.diverged_at is None and path.steps == 5


MANUAL = {
    "sgd": lambda p, lr, m: torch.optim.SGD(p, lr=lr),
    "momentum": lambda p, lr, m: torch.optim.SGD(p, lr=lr, momentum=m),
    "nesterov": lambda p, lr, m: torch.optim.SGD(p, lr=lr, momentum=m, nesterov=True),
    "adagrad": lambda p, lr, m: torch.optim.Adagrad(p, lr=lr),
    "rmsprop": lambda p, lr, m: torch.optim.RMSprop(p, lr=lr),
    "adam": lambda p, lr, m: torch.optim.Adam(p, lr=lr),
    "adamw": lambda p, lr, m: torch.optim.AdamW(p, lr=lr),
}


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_each_optimizer_matches_a_hand_written_torch_optim_loop(name):
    shape, lr, momentum, steps = SURFACES["rosenbrock"], 1e-3, 0.5, 25
    path = optimizer_path(shape, name, lr, steps, (-1.2, 1.0), momentum=momentum)
    point = torch.tensor([-1.2, 1.0], dtype=torch.float64, requires_grad=True)
    optimizer = MANUAL[name]([point], lr, momentum)
    expected, buffers = [point.tolist()], [[0.0, 0.0]]
    for _ in range(steps):
        optimizer.zero_grad()
        shape(point[0], point[1]).backward()
        optimizer.step()
        expected.append(point.tolist())
        state = optimizer.state[point]
        buffer = state.get("momentum_buffer", state.get("exp_avg"))
        buffers.append(buffer.tolist() if buffer is not None else None)
    np.testing.assert_allclose(path.positions, expected, rtol=1e-12, atol=1e-15)
    if name in ("momentum", "nesterov", "adam", "adamw"):
        np.testing.assert_allclose(path.momentum, buffers, rtol=1e-12, atol=1e-15)
    else:
        assert path.momentum is None


def test_himmelblau_optimizers_and_starts_reach_different_minima():
    shape = SURFACES["himmelblau"]
    minima = np.array(shape.minima)

    def reached(path):
        distances = np.linalg.norm(minima - path.positions[-1], axis=1)
        return int(distances.argmin()) if distances.min() < 1e-2 else None

    paths = race(shape, ["sgd", "adam"], 0.01, 500, start=(0.0, -1.0))
    by_optimizer = {name: reached(path) for name, path in paths.items()}
    assert None not in by_optimizer.values() and len(set(by_optimizer.values())) == 2, by_optimizer
    by_start = {reached(optimizer_path(shape, "sgd", 0.01, 500, start)) for start in [(-1, 1), (1, 0), (0, -1)]}
    assert len(by_start - {None}) >= 2


def test_too_large_learning_rate_diverges_into_a_finite_prefix():
    paths = race(SURFACES["rosenbrock"], ["sgd", "adam"], 0.01, 200, (-1.5, 2.0))
    sgd = paths["sgd"]
    assert sgd.diverged_at is not None and 0 < sgd.diverged_at <= 200
    assert len(sgd.positions) == len(sgd.loss) == len(sgd.gradient) == sgd.diverged_at
    for array in (sgd.positions, sgd.loss, sgd.gradient):
        assert np.isfinite(array).all()
    assert paths["adam"].diverged_at is None and paths["adam"].steps == 200  # one runaway spoils no other path


@pytest.mark.parametrize("lr", [1e150, 1e300])
def test_overflow_to_inf_and_nan_never_reaches_the_path(lr):
    path = optimizer_path(SURFACES["beale"], "momentum", lr, 50)
    assert path.diverged_at is not None and np.isfinite(path.positions).all() and len(path.positions) >= 1


def test_saddle_escape_runs_off_downhill_and_is_stopped():
    path = optimizer_path(SURFACES["saddle"], "sgd", 0.05, 1000)
    assert path.diverged_at is not None and np.isfinite(path.loss).all()
    assert abs(path.positions[:, 0]).min() < 1e-3  # it first walked into the saddle point along x


def test_plateau_stalls_sgd_while_adam_walks_off():
    shape = SURFACES["plateau"]
    sgd = optimizer_path(shape, "sgd", shape.lr, 1000)
    assert np.linalg.norm(sgd.positions[-1] - sgd.positions[0]) < 0.1
    assert sgd.loss[-1] > 0.99
    adam = optimizer_path(shape, "adam", shape.lr, 1000)
    assert adam.loss[-1] < 0.01


def test_race_keeps_the_order_given_and_drops_repeats():
    paths = race(SURFACES["bowl"], "adam, sgd,adam", 0.1, 10)
    assert list(paths) == ["adam", "sgd"]
    assert all(path.positions.shape == (11, 2) for path in paths.values())


def test_parse_start_reads_two_numbers():
    assert parse_start("-1,1") == (-1.0, 1.0)
    assert parse_start(" 2.5 , -3 ") == (2.5, -3.0)


# ----------------------------------------------------------------------------- validation
BAD_CALLS = {
    "unknown surface": lambda: surface("volcano"),
    "bowl parameter out of range": lambda: surface("bowl", kappa=0),
    "parameter a surface lacks": lambda: surface("rosenbrock", kappa=3),
    "unknown optimizer": lambda: optimizer_path(SURFACES["bowl"], "lion", 0.1, 10),
    "zero learning rate": lambda: optimizer_path(SURFACES["bowl"], "sgd", 0.0, 10),
    "negative learning rate": lambda: optimizer_path(SURFACES["bowl"], "sgd", -0.1, 10),
    "NaN learning rate": lambda: optimizer_path(SURFACES["bowl"], "sgd", math.nan, 10),
    "infinite learning rate": lambda: optimizer_path(SURFACES["bowl"], "sgd", math.inf, 10),
    "negative steps": lambda: optimizer_path(SURFACES["bowl"], "sgd", 0.1, -1),
    "too many steps": lambda: optimizer_path(SURFACES["bowl"], "sgd", 0.1, 100_001),
    "fractional steps": lambda: optimizer_path(SURFACES["bowl"], "sgd", 0.1, 2.5),
    "NaN start": lambda: optimizer_path(SURFACES["bowl"], "sgd", 0.1, 10, (math.nan, 0.0)),
    "one-number start": lambda: optimizer_path(SURFACES["bowl"], "sgd", 0.1, 10, (1.0,)),
    "Nesterov without momentum": lambda: race(SURFACES["bowl"], ["sgd", "nesterov"], 0.1, 10, momentum=0.0),
    "no optimizer": lambda: race(SURFACES["bowl"], [], 0.1, 10),
    "resolution 2": lambda: surface_grid(SURFACES["bowl"], 2),
    "reversed range": lambda: surface_grid(SURFACES["bowl"], 11, x_range=(1, -1)),
    "malformed start text": lambda: parse_start("abc"),
    "start with one number": lambda: parse_start("1"),
    "start with three numbers": lambda: parse_start("1,2,3"),
    "start with infinity": lambda: parse_start("inf,0"),
    "unknown directions": lambda: network_landscape(TrainConfig(device="cpu"), 5, directions="sideways"),
    "network resolution 2": lambda: network_landscape(TrainConfig(device="cpu"), 5, resolution=2),
}


@pytest.mark.parametrize("case", list(BAD_CALLS))
def test_bad_values_raise_one_sentence_config_errors(case):
    with pytest.raises(ConfigError) as caught:
        BAD_CALLS[case]()
    one_sentence(caught.value)


def test_error_messages_name_the_choices():
    with pytest.raises(ConfigError, match="rosenbrock.*himmelblau"):
        surface("volcano")
    with pytest.raises(ConfigError, match="sgd.*adamw"):
        optimizer_path(SURFACES["bowl"], "lion", 0.1, 10)
    with pytest.raises(ConfigError, match="at least 3"):
        surface_grid(SURFACES["bowl"], 2)


# ----------------------------------------------------------------------------- the user's network
@pytest.fixture(scope="module")
def trained():
    """A small spiral 2-8-8-1 network after a few Adam steps, and its recorded path."""
    torch.set_num_threads(1)
    trainer = Trainer(TrainConfig(dataset="spiral", hidden=(8, 8), n_points=200, device="cpu", seed=3))
    recorder = TrajectoryRecorder(every=5)
    initial = flat_parameters(trainer.model)
    recorder.record(0, trainer.model)
    for record in trainer.run(max_steps=60):
        recorder.maybe_record(record.step, trainer.model)
    return trainer, recorder, initial


def test_filter_normalised_rows_have_their_weight_rows_norms_and_biases_are_zero(trained):
    trainer, _, _ = trained
    d1, d2 = filter_normalised_directions(trainer.model, seed=7)
    for direction in (d1, d2):
        offset = 0
        for param in trainer.model.parameters():
            part = direction[offset : offset + param.numel()].view_as(param)
            offset += param.numel()
            if param.dim() == 1:
                assert torch.count_nonzero(part) == 0
            else:
                torch.testing.assert_close(part.norm(dim=1), param.detach().norm(dim=1), rtol=1e-5, atol=1e-7)
        assert offset == direction.numel()
    assert not torch.allclose(d1, d2)
    again, _ = filter_normalised_directions(trainer.model, seed=7)
    other, _ = filter_normalised_directions(trainer.model, seed=8)
    assert torch.equal(d1, again) and not torch.equal(d1, other)


def test_pca_directions_are_orthonormal_and_find_the_main_direction():
    generator = torch.Generator().manual_seed(0)
    main, side = torch.zeros(30), torch.zeros(30)
    main[4], side[9] = 1.0, 1.0
    t = torch.linspace(0, 1, 40)
    path = [10 * s * main + torch.sin(6 * s) * side + 0.01 * torch.randn(30, generator=generator) for s in t]
    d1, d2, ratio = pca_directions(path)
    assert float(d1 @ d1) == pytest.approx(1, abs=1e-5) and float(d2 @ d2) == pytest.approx(1, abs=1e-5)
    assert float(d1 @ d2) == pytest.approx(0, abs=1e-5)
    assert abs(float(d1 @ main)) > 0.95 and 1 >= ratio[0] >= ratio[1] >= 0 and ratio.sum() <= 1 + 1e-9
    coordinates = project_trajectory(path, d1, d2)
    np.testing.assert_allclose(coordinates[-1], [0, 0], atol=1e-9)
    assert coordinates[0, 0] < 0  # the path starts on the negative side and runs to the origin


def test_pca_needs_a_path_that_moved():
    with pytest.raises(ConfigError) as caught:
        pca_directions([torch.ones(5)] * 2)
    one_sentence(caught.value)
    with pytest.raises(ConfigError) as caught:
        pca_directions([torch.ones(5)] * 4)
    one_sentence(caught.value)


def test_batched_slice_equals_the_naive_loop(trained):
    trainer, _, _ = trained
    d1, d2 = filter_normalised_directions(trainer.model, seed=1)
    alphas, betas = np.linspace(-1, 1, 7), np.linspace(-0.5, 1.5, 5)  # not square: catches a transpose
    batched = compute_slice(trainer, d1, d2, alphas, betas, chunk=4)
    assert batched.shape == (5, 7)
    np.testing.assert_allclose(batched, naive_loss_slice(trainer, d1, d2, alphas, betas), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("dataset", ["blobs", "reg-plane"])
def test_batched_loss_is_the_trainers_loss_for_every_task(dataset):
    trainer = Trainer(TrainConfig(dataset=dataset, hidden=(4,), n_points=60, device="cpu"))
    expected = trainer.evaluate().train_loss
    assert trajectory_losses(trainer, [flat_parameters(trainer.model)])[0] == pytest.approx(expected, rel=1e-5)
    d1, d2 = filter_normalised_directions(trainer.model)
    grid = compute_slice(trainer, d1, d2, [-0.5, 0.0, 0.5], [0.0, 1.0, 2.0])
    np.testing.assert_allclose(grid, naive_loss_slice(trainer, d1, d2, [-0.5, 0.0, 0.5], [0.0, 1.0, 2.0]),
                               rtol=1e-5, atol=1e-6)
    assert grid[0, 1] == pytest.approx(expected, rel=1e-5)


def test_slice_refines_from_coarse_to_full_and_leaves_the_model_alone(trained):
    trainer, _, _ = trained
    before = flat_parameters(trainer.model)
    d1, d2 = filter_normalised_directions(trainer.model, seed=2)
    axis = np.linspace(-1, 1, 9)
    updates = list(loss_slice(trainer, d1, d2, axis, axis, chunk=7))
    fractions = [update.fraction for update in updates]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert [update.final for update in updates].count(True) == 1 and updates[-1].final
    grids = [update for update in updates if update.loss is not None]
    coarse = grids[0]
    assert coarse.loss.shape == (3, 3) and not coarse.final and coarse.fraction < 1.0  # rows/columns 0, 4, 8
    full = updates[-1].loss
    assert full.shape == (9, 9) and np.isfinite(full).all()
    np.testing.assert_array_equal(coarse.loss, full[np.ix_([0, 4, 8], [0, 4, 8])])
    np.testing.assert_array_equal(coarse.alpha, axis[[0, 4, 8]])
    assert torch.equal(before, flat_parameters(trainer.model))


def test_slice_stops_when_asked(trained):
    trainer, _, _ = trained
    d1, d2 = filter_normalised_directions(trainer.model)
    axis = np.linspace(-1, 1, 9)
    assert list(loss_slice(trainer, d1, d2, axis, axis, should_stop=lambda: True)) == []
    seen = []
    for update in loss_slice(trainer, d1, d2, axis, axis, chunk=5, should_stop=lambda: len(seen) >= 2):
        seen.append(update)
    assert len(seen) == 2 and not any(update.final for update in seen)


def test_slice_rejects_a_direction_of_the_wrong_length(trained):
    trainer, _, _ = trained
    with pytest.raises(ConfigError) as caught:
        compute_slice(trainer, torch.zeros(3), torch.zeros(3), [0.0], [0.0])
    one_sentence(caught.value)


def test_interpolation_runs_from_the_initial_to_the_current_weights(trained):
    trainer, _, initial = trained
    alphas, losses = interpolation_1d(trainer, initial, steps=7, alpha_range=(-0.5, 1.0))
    assert alphas[0] == -0.5 and alphas[-1] == 1.0 and losses.shape == (7,)
    current, start = trajectory_losses(trainer, [flat_parameters(trainer.model), initial])
    assert losses[-1] == pytest.approx(current, rel=1e-5)
    assert losses[np.argmin(abs(alphas))] == pytest.approx(start, rel=1e-5)


def test_trajectory_recorder_thins_evenly_within_its_bound():
    model = torch.nn.Linear(3, 2)
    recorder = TrajectoryRecorder(every=1, max_points=10)
    for step in range(100):
        with torch.no_grad():
            model.weight.fill_(step)
        recorder.maybe_record(step, model)
    recorder.record(99, model)  # the end of a run is always kept, on the stride or not
    assert 3 <= len(recorder) <= 10 and recorder.steps[0] == 0 and recorder.steps[-1] == 99
    assert np.all(np.diff(recorder.steps[:-1]) == recorder.every)  # even spacing, the newest point aside
    assert recorder.vectors[0][0] == 0 and recorder.vectors[-1][0] == 99  # copies, not views of the weights
    big = TrajectoryRecorder(max_points=1000, max_bytes=4 * 8 * 5)  # room for 5 vectors of 8 numbers
    for step in range(50):
        big.record(step, model)
    assert len(big) <= 5


def test_network_landscape_centre_path_and_export():
    config = TrainConfig(dataset="spiral", hidden=(8, 8), n_points=100, device="cpu")
    result = network_landscape(config, steps=40, directions="pca", resolution=5, seed=0)
    assert result.loss.shape == (5, 5) and np.isfinite(result.loss).all()
    assert result.alpha[2] == 0.0 and result.beta[2] == 0.0
    assert result.loss[2, 2] == pytest.approx(result.center_loss, rel=1e-6)
    assert result.path_loss[-1] == result.center_loss and len(result.path) == len(result.path_loss)
    np.testing.assert_array_equal(result.path[-1], [0.0, 0.0])
    assert result.path_steps[0] == 0 and result.path_steps[-1] == 40
    assert result.explained_variance is not None and result.explained_variance[0] > 0
    assert abs(result.path[:, 0]).max() <= result.alpha[-1]  # the slice covers the path
    buffer = io.BytesIO()
    save_npz(buffer, network_npz(result))
    buffer.seek(0)
    with np.load(buffer) as saved:
        assert set(saved.files) == {"alpha", "beta", "loss", "path", "path_loss", "center_loss"}
        assert saved["loss"].shape == (len(saved["beta"]), len(saved["alpha"]))
        assert float(saved["center_loss"]) == result.center_loss


def test_random_landscape_of_a_live_trainer_streams_updates(trained):
    trainer, recorder, _ = trained
    updates = list(landscape_updates(trainer, recorder, "random", resolution=9, seed=0, chunk=16))
    shown = [update.landscape for update in updates if update.landscape is not None]
    assert shown[0].loss.shape == (3, 3) and updates[-1].final and updates[-1].landscape.loss.shape == (9, 9)
    final = updates[-1].landscape
    assert final.alpha[0] == -1.0 and final.alpha[-1] == 1.0 and final.explained_variance is None
    assert final.loss[4, 4] == pytest.approx(final.center_loss, rel=1e-6)
    assert final.path_steps[-1] == trainer.step_count and len(final.path) == len(recorder)


def test_pca_from_too_short_a_training_run_says_so():
    with pytest.raises(ConfigError) as caught:
        network_landscape(TrainConfig(n_points=40, hidden=(2,), device="cpu"), steps=1, directions="pca", resolution=3)
    assert "at least 3" in one_sentence(caught.value)


def test_surface_export_has_exactly_the_documented_keys():
    shape = SURFACES["rosenbrock"]
    path = optimizer_path(shape, "adam", 0.01, 20, (-1.5, 2.0))
    arrays = surface_npz(shape, path, resolution=11)
    assert set(arrays) == {"x", "y", "loss", "path", "path_loss"}
    assert arrays["loss"].shape == (11, 11) and arrays["path"].shape == (21, 2) and arrays["path_loss"].shape == (21,)
    np.testing.assert_array_equal(arrays["path"][0], [-1.5, 2.0])


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU here")
def test_cuda_slice_matches_the_cpu_slice():
    cpu = Trainer(TrainConfig(dataset="spiral", hidden=(8, 8), n_points=100, device="cpu"))
    gpu = Trainer(TrainConfig(dataset="spiral", hidden=(8, 8), n_points=100, device="cuda"))  # same seed, same weights
    d1, d2 = filter_normalised_directions(cpu.model, seed=0)
    axis = np.linspace(-1, 1, 5)
    on_gpu = compute_slice(gpu, d1.cuda(), d2.cuda(), axis, axis)
    np.testing.assert_allclose(on_gpu, compute_slice(cpu, d1, d2, axis, axis), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(on_gpu, naive_loss_slice(gpu, d1.cuda(), d2.cuda(), axis, axis), rtol=1e-4, atol=1e-5)


def test_landscape_with_line_yields_progress_then_returns_the_slice_and_the_line():
    from core.landscape.network import LandscapeResult, landscape_with_line
    trainer = Trainer(TrainConfig(n_points=60, hidden=(3,), device="cpu"))
    recorder = TrajectoryRecorder(every=1)
    recorder.record(0, trainer.model)
    for record in trainer.run(max_steps=20):
        recorder.maybe_record(record.step, trainer.model)
    job = landscape_with_line(trainer, recorder, recorder.vectors[0], "pca", 9, line_points=11)
    updates = []
    try:
        while True:
            updates.append(next(job))
    except StopIteration as stop:
        result = stop.value
    assert isinstance(result, LandscapeResult)
    assert updates[-1].final and updates[-1].fraction == 1.0 and updates[-1].landscape is result.landscape
    assert result.landscape.loss.shape == (9, 9) and len(result.line_losses) == 11
    # α = 0 is the initial weights, α = 1 the current ones: the line's ends are their true losses.
    assert result.line_alphas[0] == -0.25 and result.line_alphas[-1] == 1.25


def test_landscape_with_line_returns_none_when_stopped():
    from core.landscape.network import landscape_with_line
    trainer = Trainer(TrainConfig(n_points=60, hidden=(3,), device="cpu"))
    recorder = TrajectoryRecorder(every=1)
    recorder.record(0, trainer.model)
    job = landscape_with_line(trainer, recorder, None, "random", 21, line_points=5, should_stop=lambda: True)
    updates = []
    try:
        while True:
            updates.append(next(job))
    except StopIteration as stop:
        assert stop.value is None
    assert not any(update.final for update in updates)
