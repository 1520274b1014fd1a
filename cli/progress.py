"""Long work on the command line: its limits said before it starts, its progress shown while it runs.

Before a network is built, `require_training`, `require_trace` and `require_slice` ask
core.limits what the work needs and refuse, in one sentence, what this computer's memory
cannot hold (exit status 2), so nothing is ever killed half-way by the operating system.
Work that will take more than SLOW_SECONDS prints its progress on stderr, about every
tenth of the way ("training: 120/300 steps (40%)"). The loops here are Python loops over
short pieces of work, so Ctrl+C stops them within a second; cli/__init__.py turns it into
`error: cancelled…` and exit status 130, and nothing is written (outputs are atomic).
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager

from cli.words import translate

SLOW_SECONDS = 3.0  # work expected to take longer than this shows its progress
TICKS = 10  # progress lines in a run: one per tenth
PULSE_SECONDS = 10.0  # and one at least this often while the work goes on
LINE_POINTS = 101  # the line from the initial weights, as core.landscape.network.network_landscape_result draws it


def require_training(config, steps: int = 0) -> float:
    """Refuse training `config` if it cannot fit in memory; returns the estimated seconds of one step.

    When `steps` of it will be slow, a `note:` line says the estimate before the network is built.
    """
    from core.limits import TRAINING_IT, describe, mlp_training, require_fits

    estimate = mlp_training(config, config.n_points)
    require_fits(estimate, TRAINING_IT)
    if steps * estimate.seconds > SLOW_SECONDS:
        from cli.errors import said, say_line

        say_line(said(describe(estimate)), sys.stderr, "note: ")
    return estimate.seconds


def require_trace(config) -> None:
    from core.limits import TRACING_IT, mlp_trace, require_fits

    require_fits(mlp_trace(config, config.n_points), TRACING_IT)


def require_slice(config, resolution: int) -> float:
    """Refuse a loss slice of `config`'s network that cannot fit; returns its estimated seconds (and says them
    in a `note:` line when slow)."""
    from core.limits import SLICING_IT, mlp_slice, require_fits

    estimate = mlp_slice(config, config.n_points, resolution)
    require_fits(estimate, SLICING_IT)
    if estimate.seconds > SLOW_SECONDS:
        from cli.errors import said, say_line
        from core.limits import describe

        say_line(said(describe(estimate, per_step=False)), sys.stderr, "note: ")
    return estimate.seconds


@contextmanager
def one_torch_thread():
    """torch on one thread for the duration, as the app's workers run it (DESIGN.md habit 5).

    The explanations and the autoencoder work on one image or a small batch at a time; a second thread
    only spins against whatever else runs. Measured on this 2-core box under load: a 200-step dream took
    9 s on two threads and 0.5 s on one, 200 autoencoder steps 45 s and 1.4 s.
    """
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


class Progress:
    """Progress lines on stderr for work expected to take longer than SLOW_SECONDS; silent otherwise.

    A line at the start (so a long first step is not silence), one per tenth of the way, and one at
    least every PULSE_SECONDS while a tenth takes longer than that.
    """

    def __init__(self, template: str, total: int, seconds: float) -> None:
        self.template = template  # translated, with {0} done, {1} total, {2} percent
        self.total = max(1, int(total))
        self.shown = seconds > SLOW_SECONDS and total > 0
        self._next_tick = 1
        self._last = time.monotonic()
        if self.shown:
            self._say(0)

    def update(self, done: int) -> None:
        if not self.shown:
            return
        tick = min(TICKS, done * TICKS // self.total)
        if tick >= self._next_tick or (done < self.total and time.monotonic() - self._last > PULSE_SECONDS):
            self._next_tick = max(self._next_tick, tick + 1)
            self._say(done)

    def _say(self, done: int) -> None:
        self._last = time.monotonic()
        print(self.template.format(done, self.total, 100 * done // self.total), file=sys.stderr, flush=True)


def training_progress(steps: int, seconds_per_step: float) -> Progress:
    return Progress(translate("cli", "training: {0}/{1} steps ({2}%)"), steps, steps * seconds_per_step)


def train_with_progress(trainer, steps: int, points: int = 300, recorder=None, seconds_per_step: float = 0.0):
    """Train `steps` steps, evaluating about `points` times (none when 0) on core.mlp.reports.train_headless's
    schedule, with progress lines when slow; `recorder` (a TrajectoryRecorder) records the path on the way.

    Returns (history, DivergedError or None): training stops at a divergence, the weights rolled back.
    """
    from core.errors import DivergedError
    from core.mlp.reports import MetricsHistory, evaluation_steps

    history = MetricsHistory()
    checkpoints = set(evaluation_steps(steps, points)) if points else set()
    progress = training_progress(steps, seconds_per_step)
    start = trainer.step_count
    if points:
        history.extend([trainer.evaluate()])
    try:
        for record in trainer.run(max_steps=steps):
            if recorder is not None:
                recorder.maybe_record(record.step, trainer.model)
            if record.step - start in checkpoints:
                history.extend([trainer.evaluate()])
            progress.update(record.step - start)
    except DivergedError as error:
        if points:
            history.extend([trainer.evaluate()])
        return history, error
    return history, None


def slice_with_progress(trainer, recorder, initial, directions: str, resolution: int, line_points: int,
                        seconds: float):
    """The slice around `trainer`'s weights with the line from `initial` (a core.landscape LandscapeResult),
    with progress lines when slow."""
    from core.landscape.network import landscape_with_line

    progress = Progress(translate("cli", "slicing: {2}%"), 100, seconds)
    updates = landscape_with_line(trainer, recorder, initial, directions, resolution, line_points)
    try:
        while True:
            update = next(updates)
            progress.update(int(100 * update.fraction))
    except StopIteration as finished:
        return finished.value


def train_and_slice(config, steps: int, directions: str, resolution: int):
    """core.landscape.network.network_landscape_result with its limits checked first and its progress shown:
    train a fresh network `steps` steps recording its path, then slice its loss around the end point.
    If training diverges, it stops there with the last finite weights and `diverged_at` says when."""
    from dataclasses import replace

    from core.landscape.slices import TrajectoryRecorder
    from core.mlp.trainer import Trainer

    seconds = require_slice(config, resolution)
    seconds_per_step = require_training(config, steps)
    trainer = Trainer(config)
    recorder = TrajectoryRecorder(every=max(1, steps // 200))
    recorder.record(0, trainer.model)
    initial = recorder.vectors[0]
    _, diverged = train_with_progress(trainer, steps, 0, recorder, seconds_per_step)
    result = slice_with_progress(trainer, recorder, initial, directions, resolution, LINE_POINTS, seconds)
    landscape = replace(result.landscape, diverged_at=None if diverged is None else diverged.step)
    return replace(result, landscape=landscape)
