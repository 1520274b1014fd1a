"""What the training loop reports: progress packets for a live view, and a metrics history.

A TrainingProgress holds only numbers and numpy copies, so the worker thread can hand
it to the GUI thread without sharing a tensor. MetricsHistory is the growing record of
evaluations that the training view plots and the command line renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from core.mlp.boundaries import BoundaryMaps, boundary_maps
from core.mlp.config import TrainConfig
from core.data.toy2d import Dataset
from core.errors import DivergedError, GlassboxError
from core.mlp.inspection import NeuronActivity, neuron_activity
from core.optimizers import OPTIMIZERS
from core.mlp.trainer import Divergence, Evaluation, Trainer

METRICS = ("step", "epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy")


@dataclass(frozen=True)
class TrainingProgress:
    """One report from a running trainer."""

    step: int
    epoch: float
    steps_per_second: float
    evaluations: tuple[Evaluation, ...]  # new since the previous report, oldest first
    weights: tuple[tuple[np.ndarray, np.ndarray], ...]  # per layer (weight out×in, bias) copies
    boundaries: BoundaryMaps | None = None  # every neuron over the input plane, when a view asks
    gradient_magnitudes: np.ndarray | None = None  # mean |∂L/∂w| per layer, when a view asks
    neuron_activity: NeuronActivity | None = None  # the inspected neuron, while its inspector is open


def progress_of(
    trainer: Trainer, evaluations: Sequence[Evaluation], steps_per_second: float, boundaries: bool = False,
    gradients: bool = False, inspected: tuple[int, int] | None = None,
) -> TrainingProgress:
    """A TrainingProgress of `trainer` now: the one place the live app and the snapshots assemble it.

    `boundaries` adds every neuron's heatmap (when the input is a plane: an image's pixels
    have none), `gradients` the mean |∂L/∂w| per layer, and `inspected` (linear layer,
    neuron) that neuron's weights and activity; one that an edit removed is left out.
    """
    activity = None
    if inspected is not None:
        try:
            activity = neuron_activity(trainer, *inspected)
        except GlassboxError:
            activity = None
    return TrainingProgress(
        step=trainer.step_count,
        epoch=trainer.epoch,
        steps_per_second=steps_per_second,
        evaluations=tuple(evaluations),
        weights=tuple(trainer.weights()),
        boundaries=boundary_maps(trainer.model, trainer.config.features)
        if boundaries and trainer.has_input_plane else None,
        gradient_magnitudes=trainer.gradient_magnitudes() if gradients else None,
        neuron_activity=activity,
    )


@dataclass(frozen=True)
class RunInfo:
    """What a view needs to title and label a run; sent when a run (re)starts."""

    title: str  # e.g. "spiral · 2-8-8-1 · tanh · Adam η=0.03 · batch 16"
    task: str  # binary, multiclass or regression
    device_name: str  # "CPU" or "CUDA: <GPU name>"
    config: TrainConfig  # the settings the run actually uses
    dataset: Dataset  # the generated points (never modified after creation)
    output_activation: str  # sigmoid, softmax or linear
    input_names: tuple[str, ...] = ()  # what layer 1 reads: features (x1, x1^2, …) or pixels (p1…p784)


def run_info(trainer: Trainer) -> RunInfo:
    config = trainer.config
    parts = [
        config.dataset,
        trainer.architecture,
        config.activation_label(),
        f"{OPTIMIZERS[config.optimizer]} η={config.learning_rate:g}",
        f"batch {trainer.batch_size}",
    ]
    if config.regularization != "none" and config.regularization_rate > 0:
        parts.append(f"{config.regularization.upper()} {config.regularization_rate:g}")
    return RunInfo(" · ".join(parts), trainer.task, trainer.device_name, config, trainer.dataset,
                   trainer.model.output_activation, trainer.input_names)


class MetricsHistory:
    """Evaluations in arrival order, as growing numpy columns (amortised appends).

    `divergence` is the newest evaluation's (core.mlp.trainer.Divergence): set while the run
    stands rolled back at a divergence, so a chart can draw the loss exploding; None once it
    trains on.
    """

    def __init__(self) -> None:
        self._data = np.empty((0, len(METRICS)), dtype=np.float64)
        self._length = 0
        self.divergence: Divergence | None = None

    def __len__(self) -> int:
        return self._length

    def clear(self) -> None:
        self._length = 0
        self.divergence = None

    def extend(self, evaluations: Iterable[Evaluation]) -> None:
        """Append evaluations; one at an earlier step (after a rollback) first drops the later rows."""
        evaluations = list(evaluations)
        rows = [[getattr(evaluation, name) for name in METRICS] for evaluation in evaluations]
        if not rows:
            return
        self.divergence = getattr(evaluations[-1], "divergence", None)
        first_step = rows[0][0]
        if self._length and self._data[self._length - 1, 0] >= first_step:
            self._length = int(np.searchsorted(self._data[: self._length, 0], first_step, side="left"))
        needed = self._length + len(rows)
        if needed > len(self._data):
            grown = np.empty((max(needed, 2 * len(self._data), 256), len(METRICS)))
            grown[: self._length] = self._data[: self._length]
            self._data = grown
        self._data[self._length : needed] = rows
        self._length = needed

    def column(self, name: str) -> np.ndarray:
        """A read-only view of one metric over time."""
        view = self._data[: self._length, METRICS.index(name)]
        view.flags.writeable = False
        return view

    def last(self) -> dict[str, float] | None:
        if not self._length:
            return None
        return dict(zip(METRICS, self._data[self._length - 1].tolist()))

    def to_csv(self) -> str:
        """One row per evaluation; a number that is not finite (a loss that overflowed) is an empty cell,
        which spreadsheets and pandas read as missing, never a bare nan or inf."""
        lines = [",".join(METRICS)]
        for row in self._data[: self._length]:
            lines.append(",".join(f"{value:.6g}" if np.isfinite(value) else "" for value in row))
        return "\n".join(lines) + "\n"


def evaluation_steps(total_steps: int, points: int = 300) -> Sequence[int]:
    """Which steps to evaluate at when training headless: about `points` of them, 0 and the last included."""
    if total_steps <= 0:
        return [0]
    stride = max(1, total_steps // points)
    steps = list(range(0, total_steps + 1, stride))
    if steps[-1] != total_steps:
        steps.append(total_steps)
    return steps


def train_headless(trainer: Trainer, steps: int, points: int = 300) -> tuple[MetricsHistory, DivergedError | None]:
    """Train `steps` steps, evaluating about `points` times.

    If training diverges, it stops there (the weights rolled back) and the error is
    returned beside the history so far, so a figure of the divergence can still be drawn.
    """
    history = MetricsHistory()
    checkpoints = set(evaluation_steps(steps, points))
    start = trainer.step_count
    history.extend([trainer.evaluate()])
    try:
        for record in trainer.run(max_steps=steps):
            if record.step - start in checkpoints:
                history.extend([trainer.evaluate()])
    except DivergedError as error:
        history.extend([trainer.evaluate()])
        return history, error
    return history, None
