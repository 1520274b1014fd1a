"""CnnTrainer: trains a convolution-lab network on an ImageSet, step by step, on CUDA when there is one.

It mirrors core.mlp.trainer.Trainer, which trains the MLPs: `run(should_stop, max_steps)`
is a generator of step records, so the GUI worker trains a few steps, reports, and
trains on; the tests drive the same code without Qt. It also offers what
core.landscape.slices needs of a trainer (`model`, `training_set()`, `loss_name`,
`step_count`, `config.seed`), so the loss landscape can slice a CNN's loss too.

Starting from a shipped model ("shipped") copies every weight whose shape fits: the
convolution kernels always, the classifier only when the classes are the same ones.
A class with forty photos of three objects then fine-tunes kernels that already find
edges and blobs, instead of learning them from nothing.

A step never leaves a non-finite number behind: a loss or an updated weight that is not
finite puts back the weights of the step before (copied after every good step) and raises
DivergedError, so nothing non-finite reaches a report. A step works through its batch in
pieces of at most MICRO_BATCH images (the gradients add up to the batch's), and `abort()`
(the worker's stop flag) is asked between pieces and between the pieces of an evaluation,
so closing the window never waits for a long step: an abandoned step changes nothing.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np
import torch
from torch.nn import functional as F

from core.cnn.image_sets import ImageSet
from core.device import describe_device, resolve_device
from core.errors import ConfigError, DivergedError, GlassboxError
from core.files import size_text
from core.limits import SAFETY, Estimate, LimitError, available_memory, cnn_training
from core.nets.cnn import build_cnn, layer_shapes
from core.nets.model_store import ModelInfo, load_model, save_model
from core.optimizers import check_optimizer, make_optimizer

STARTS = ("shipped", "random")
EVALUATION_EXAMPLES = 1000  # held-out images scored per evaluation: a steady figure, a few ms per report
LANDSCAPE_EXAMPLES = 256  # training images behind a loss-landscape slice of a CNN
LANDSCAPE_BUDGET_FLOATS = 2**25  # activations held at once while slicing (128 MB of float32)
RECENT_STEPS = 50  # the training loss and accuracy shown are means over this many recent batches
SHIFT_PIXELS = 4  # augmentation: photos move by up to this many pixels each way
MICRO_BATCH = 32  # images a step pushes through at once: a 512-image batch of 64×64 photos takes ~1.5 s
EVALUATION_CHUNK = 100  # held-out images scored at once; `abort()` is asked in between


@dataclass(frozen=True)
class CnnTrainConfig:
    """How to train: the optimizer, its step length, the batch, the starting weights, the device."""

    optimizer: str = "adam"
    learning_rate: float = 1e-3
    batch_size: int = 32
    start: str = "shipped"  # "shipped": from the shipped model's kernels where one fits; "random"
    device: str = "auto"
    seed: int = 0

    def validated(self) -> "CnnTrainConfig":
        check_optimizer(self.optimizer)
        if not (isinstance(self.learning_rate, (int, float)) and math.isfinite(self.learning_rate)
                and 0 < self.learning_rate <= 10):
            raise ConfigError(
                "The learning rate must be a number above 0 and at most 10, not {value!r}.",
                value=self.learning_rate,
            )
        if isinstance(self.batch_size, bool) or not isinstance(self.batch_size, int) or not 1 <= self.batch_size <= 4096:
            raise ConfigError(
                "The batch size must be a whole number from 1 to 4096, not {value!r}.",
                value=self.batch_size,
            )
        if self.start not in STARTS:
            raise ConfigError("Start from 'shipped' or 'random' weights, not {value!r}.", value=self.start)
        return self


@dataclass(frozen=True)
class CnnStep:
    step: int  # steps completed, this one included
    epoch: float  # passes over the training images so far
    loss: float  # the batch's cross-entropy before the update
    accuracy: float  # the share of the batch classified right before the update


@dataclass(frozen=True)
class CnnEvaluation:
    """Where training stands: recent training batches and the held-out images."""

    step: int
    epoch: float
    train_loss: float  # mean over the last RECENT_STEPS batches; NaN before the first step
    train_accuracy: float
    test_loss: float  # on up to EVALUATION_EXAMPLES held-out images; NaN when none are held out
    test_accuracy: float


class CnnTrainer:
    """One CNN, its optimizer and its data, on the chosen device."""

    loss_name = "cross_entropy"

    def __init__(self, data: ImageSet, config: CnnTrainConfig = CnnTrainConfig(),
                 models_dir: str | os.PathLike | None = None, abort: Callable[[], bool] = lambda: False):
        self.config = config.validated()
        self.abort = abort  # asked inside long steps and evaluations: True abandons them (the worker is closing)
        self.data = data
        self.models_dir = models_dir
        self.device = resolve_device(config.device)
        self.device_name = describe_device(self.device)
        self._x_train, self._y_train = data.x_train.to(self.device), data.y_train.to(self.device)
        count = min(EVALUATION_EXAMPLES, len(data.y_test))
        self._x_test, self._y_test = data.x_test[:count].to(self.device), data.y_test[:count].to(self.device)
        if len(self._y_train) == 0:
            raise ConfigError("{title} has no training images.", title=data.title)
        network = build_cnn(data.architecture, len(data.class_names))
        self.parameters = sum(p.numel() for p in network.parameters())
        self.batch_size = self._fitting_batch(config.batch_size)
        shapes = layer_shapes(network, data.input_shape)
        self._activations_per_example = sum(math.prod(shape) for _, shape in shapes)
        self.reset()

    # ----------------------------------------------------------------- state
    def reset(self) -> None:
        """The starting weights again, a fresh optimizer and batch order, step 0."""
        torch.manual_seed(self.config.seed)
        model = build_cnn(self.data.architecture, len(self.data.class_names))
        self.started_from = self._start_weights(model)
        self.model = model.to(self.device).train()
        self.optimizer = make_optimizer(self.config.optimizer, self.model.parameters(), self.config.learning_rate)
        self._generator = torch.Generator().manual_seed(self.config.seed)
        self._order = torch.empty(0, dtype=torch.long)
        self._cursor = 0
        self.step_count = 0
        self._recent: list[tuple[float, float]] = []
        self._snapshot = self._copy_state()  # the last finite weights: what a diverged step goes back to

    def retune(self, config: CnnTrainConfig) -> None:
        """New optimizer, learning rate or batch size for the next steps; the weights and the step count stay.

        A new starting point ("start") only takes effect at the next reset.
        """
        config = config.validated()
        batch_size = self._fitting_batch(config.batch_size)
        self.config = config
        self.optimizer = make_optimizer(config.optimizer, self.model.parameters(), config.learning_rate)
        self.batch_size = batch_size

    def _start_weights(self, model: torch.nn.Sequential) -> str:
        """Copy the shipped model's fitting weights into `model`; say where the weights came from."""
        base = self.data.base_model
        if self.config.start != "shipped" or base is None:
            return "random weights"
        try:
            shipped, info = load_model(base, self.models_dir)
        except GlassboxError:
            return "random weights"  # no shipped model here: a fresh start still trains
        if info.architecture != self.data.architecture:
            return "random weights"
        same_classes = tuple(info.class_names) == tuple(self.data.class_names)
        last = [name for name, _ in model.named_parameters()][-2:]  # the classifier's weight and bias
        target = model.state_dict()
        for name, value in shipped.state_dict().items():
            if name in target and target[name].shape == value.shape and (same_classes or name not in last):
                target[name] = value.clone()
        model.load_state_dict(target)
        return f"the shipped {base} network" + ("" if same_classes else "'s kernels")

    def estimate(self, batch_size: int | None = None) -> Estimate:
        """Rough peak memory and time of a step (core.limits), for this network and data."""
        batch = self.batch_size if batch_size is None else batch_size
        return cnn_training(self.parameters, self.data.input_shape, batch)

    def _fitting_batch(self, batch_size: int, free: int | None = None) -> int:
        """The batch a step will use; LimitError (one sentence) when training with it cannot fit in memory."""
        batch = min(batch_size, len(self._y_train))
        need, free = self.estimate(batch).memory_bytes, available_memory() if free is None else free
        if need > SAFETY * free:
            raise LimitError("Training on {title} in batches of {batch} needs about {need}, but this computer "
                             "has about {free} free; choose a smaller batch.",
                             title=self.data.title, batch=batch, need=size_text(need), free=size_text(free))
        return batch

    def _copy_state(self) -> dict:
        return {key: value.detach().clone() for key, value in self.model.state_dict().items()}

    def _keep_snapshot(self) -> None:
        """Copy the (finite) weights into the snapshot, in place: cheap enough for every step."""
        state = self.model.state_dict()
        for key, value in self._snapshot.items():
            value.copy_(state[key])

    def _roll_back(self, value: float) -> DivergedError:
        """The last finite weights and a fresh optimizer (its moments may hold the blow-up); the error to raise."""
        self.model.load_state_dict(self._snapshot)
        self.optimizer = make_optimizer(self.config.optimizer, self.model.parameters(), self.config.learning_rate)
        self.optimizer.zero_grad(set_to_none=True)
        return DivergedError(self.step_count + 1, value)

    def weights_finite(self) -> bool:
        parameters = [p.detach() for p in self.model.parameters()]
        return bool(torch.stack([torch.isfinite(p).all() for p in parameters]).all()) if parameters else True

    # ----------------------------------------------------------------- facts
    @property
    def n_train(self) -> int:
        return len(self._y_train)

    @property
    def n_test(self) -> int:
        return len(self._y_test)

    @property
    def epoch(self) -> float:
        return self.step_count * self.batch_size / self.n_train

    @property
    def class_names(self) -> tuple[str, ...]:
        return self.data.class_names

    def training_set(self) -> tuple[torch.Tensor, torch.Tensor]:
        """The first LANDSCAPE_EXAMPLES training images as float inputs, with their labels: what a slice scores."""
        count = min(LANDSCAPE_EXAMPLES, self.n_train)
        return self.data.inputs(self._x_train[:count]), self._y_train[:count]

    @property
    def landscape_chunk(self) -> int:
        """How many networks core.landscape.slices may evaluate at once without holding more than the budget."""
        examples = min(LANDSCAPE_EXAMPLES, self.n_train)
        return max(1, min(64, LANDSCAPE_BUDGET_FLOATS // (self._activations_per_example * examples)))

    # ----------------------------------------------------------------- training
    def _next_batch(self) -> torch.Tensor:
        if self._cursor >= len(self._order):
            self._order = torch.randperm(self.n_train, generator=self._generator)
            self._cursor = 0
        batch = self._order[self._cursor:self._cursor + self.batch_size]
        self._cursor += self.batch_size
        return batch.to(self.device)

    def _augmented(self, x: torch.Tensor) -> torch.Tensor:
        """Each photo mirrored or not, and the batch shifted by a few pixels: new views of a small set."""
        flip = torch.rand(len(x), generator=self._generator) < 0.5
        x = torch.where(flip.to(x.device).view(-1, 1, 1, 1), x.flip(-1), x)
        dy, dx = (int(v) for v in torch.randint(-SHIFT_PIXELS, SHIFT_PIXELS + 1, (2,), generator=self._generator))
        padded = F.pad(x, (SHIFT_PIXELS,) * 4, mode="replicate")
        height, width = x.shape[-2:]
        top, left = SHIFT_PIXELS + dy, SHIFT_PIXELS + dx
        return padded[..., top:top + height, left:left + width]

    def step(self) -> CnnStep | None:
        """One step on the next batch; None if `abort()` said stop part way (then nothing changed)."""
        batch = self._next_batch()
        x = self.data.inputs(self._x_train[batch])
        if self.data.augment:
            x = self._augmented(x)
        y = self._y_train[batch]
        self.model.train()
        self.optimizer.zero_grad(set_to_none=True)
        total, loss_sum, right = len(y), 0.0, 0
        for start in range(0, total, MICRO_BATCH):
            if start and self.abort():
                self.optimizer.zero_grad(set_to_none=True)
                return None
            xs, ys = x[start:start + MICRO_BATCH], y[start:start + MICRO_BATCH]
            logits = self.model(xs)
            loss = F.cross_entropy(logits, ys, reduction="sum")
            if not torch.isfinite(loss):
                raise self._roll_back(float(loss.detach()))
            (loss / total).backward()  # the gradients of the batch's mean loss, a piece at a time
            loss_sum += float(loss.detach())
            right += int((logits.argmax(1) == ys).sum())
        self.optimizer.step()
        if not self.weights_finite():  # a finite loss, yet an overflowing update
            raise self._roll_back(math.inf)
        self._keep_snapshot()
        self.step_count += 1
        record = CnnStep(self.step_count, self.epoch, loss_sum / total, right / total)
        self._recent = (self._recent + [(record.loss, record.accuracy)])[-RECENT_STEPS:]
        return record

    def run(self, should_stop: Callable[[], bool] = lambda: False, max_steps: int | None = None) -> Iterator[CnnStep]:
        """Train step by step until `should_stop()`, `abort()` or `max_steps`; DivergedError ends it with the
        weights rolled back."""
        done = 0
        while (max_steps is None or done < max_steps) and not should_stop():
            record = self.step()
            if record is None:
                return
            yield record
            done += 1

    @torch.no_grad()
    def evaluate(self) -> CnnEvaluation | None:
        """Recent batches and the held-out images; None if `abort()` said stop part way."""
        if self._recent:
            train_loss, train_accuracy = (float(v) for v in np.mean(self._recent, axis=0))
        else:
            train_loss = train_accuracy = math.nan
        test_loss = test_accuracy = math.nan
        if self.n_test:
            self.model.eval()
            losses, right = 0.0, 0
            for start in range(0, self.n_test, EVALUATION_CHUNK):
                if start and self.abort():
                    self.model.train()
                    return None
                x = self.data.inputs(self._x_test[start:start + EVALUATION_CHUNK])
                y = self._y_test[start:start + EVALUATION_CHUNK]
                logits = self.model(x)
                losses += float(F.cross_entropy(logits, y, reduction="sum"))
                right += int((logits.argmax(1) == y).sum())
            self.model.train()
            test_loss, test_accuracy = losses / self.n_test, right / self.n_test
        return CnnEvaluation(self.step_count, self.epoch, train_loss, train_accuracy, test_loss, test_accuracy)

    # ----------------------------------------------------------------- copies out
    def weights_copy(self) -> dict[str, np.ndarray]:
        """The state dict as CPU numpy copies: what the GUI loads into its own model to draw the maps."""
        return {key: value.detach().cpu().numpy().copy() for key, value in self.model.state_dict().items()}

    def cpu_model(self) -> torch.nn.Sequential:
        """A CPU copy of the network in eval mode, independent of further training."""
        model = build_cnn(self.data.architecture, len(self.data.class_names))
        model.load_state_dict({key: torch.from_numpy(value) for key, value in self.weights_copy().items()})
        return model.eval()

    def model_info(self, name: str) -> ModelInfo:
        evaluation = self.evaluate()
        training = {
            "data": self.data.title,
            "train_samples": self.n_train,
            "steps": self.step_count,
            "epochs": round(self.epoch, 3),
            "batch_size": self.batch_size,
            "optimizer": self.config.optimizer,
            "learning_rate": self.config.learning_rate,
            "started_from": self.started_from,
            "script": "the Glassbox convolution lab",
        }
        if evaluation is not None and not math.isnan(evaluation.test_accuracy):
            training |= {"held_out_accuracy": round(evaluation.test_accuracy, 4), "held_out_samples": self.n_test}
        return self.data.model_info(name, training)

    def save(self, name: str, directory: str | os.PathLike | None = None):
        """Write the network as a model the lab and `main.py evaluate` can open; returns the two paths."""
        return save_model(self.cpu_model(), self.model_info(name), directory)
