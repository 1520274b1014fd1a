"""The Trainer: one network, one dataset, one optimizer, stepped as a generator.

`Trainer.run(should_stop)` yields a StepRecord per optimizer step and returns when
`should_stop()` says so, which lets the GUI worker, the command line and the tests
drive the same loop. Everything is seeded, so a seed gives the same losses every run
(on the CPU; CUDA kernels may differ in the last bits).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Callable, Iterator

import numpy as np
import torch
from torch.nn import functional as F
from torch.nn.utils import parameters_to_vector

from core.mlp.config import TrainConfig
from core.mlp.finite import finite
from core.data.input_features import input_names, network_inputs
from core.data.toy2d import make_dataset
from core.device import describe_device, resolve_device
from core.errors import ConfigError, DivergedError
from core.nets.mlp import build_mlp, transplant_weights
from core.optimizers import make_optimizer

if TYPE_CHECKING:
    from core.session.parts import Part

# A loss this large means the weights have run away even if it is still finite
# (sigmoid outputs saturate, so BCE rarely reaches inf by itself).
DIVERGENCE_LOSS = 1e6

# How many of the last steps' losses a divergence keeps, so a chart can draw the loss exploding.
RUN_UP_STEPS = 64

# Big data sets are evaluated this many examples at a time, so a report's memory stays bounded
# (smaller sets in one pass, exactly as before); the gradient chart looks at an even sample of this size.
EVALUATION_CHUNK = 8192
GRADIENT_SAMPLE = 4096

# Settings that can change under a training network without rebuilding it.
RETUNABLE = frozenset({"optimizer", "learning_rate", "batch_size", "regularization", "regularization_rate", "momentum"})
# Settings that change the network's shape: an edit of these can carry the learned weights over.
ARCHITECTURE = frozenset({"hidden", "activation", "layer_activations"})


@dataclass(frozen=True)
class StepRecord:
    """What one optimizer step did."""

    step: int  # steps completed, this one included
    epoch: float  # passes over the training set so far
    loss: float  # the minibatch's data loss, before the update


class EvaluationStopped(Exception):
    """Trainer.evaluate was asked to stop between chunks (the worker is closing); nothing was measured."""


@dataclass(frozen=True)
class Divergence:
    """Where training last diverged, and the finite losses that led there (for the learning curve)."""

    step: int  # the step whose loss was refused, as DivergedError says it
    value: float  # that loss: inf, NaN, or finite above DIVERGENCE_LOSS
    run_up: tuple[tuple[int, float], ...]  # (step, minibatch loss) of the last steps before it, oldest first


@dataclass(frozen=True)
class Evaluation:
    """Loss and accuracy on the whole train and test sets at one moment."""

    step: int
    epoch: float
    train_loss: float
    test_loss: float
    train_accuracy: float  # NaN for regression, where accuracy has no meaning
    test_accuracy: float
    # The divergence the trainer stands at (rolled back, not yet trained on), so every consumer of
    # evaluations (the live curves, the command line's snapshot) can draw it; None otherwise.
    divergence: Divergence | None = None


LOSS_NAMES = {"binary": "bce", "multiclass": "cross_entropy", "regression": "mse"}


def regularization_penalty(weights, kind: str, rate: float) -> torch.Tensor | float:
    """L1 (rate·Σ|w|) or L2 (rate·½Σw²) over the weight matrices; biases are not penalised."""
    if kind == "l1" and rate > 0:
        return rate * sum(weight.abs().sum() for weight in weights)
    if kind == "l2" and rate > 0:
        return rate * 0.5 * sum(weight.pow(2).sum() for weight in weights)
    return 0.0


class Trainer:
    """Trains an MLP on a generated 2-D dataset, on the configured device."""

    def __init__(self, config: TrainConfig):
        self.config = config = config.validated()
        self.device = resolve_device(config.device)
        self.device_name = describe_device(self.device)
        self.dataset = make_dataset(config.dataset, config.n_points, config.noise, config.train_fraction, config.seed)
        self.task = self.dataset.task
        image = self.dataset.is_image
        self._x_train = self._to_device(network_inputs(self.dataset.x_train, config.features, image))
        self._x_test = self._to_device(network_inputs(self.dataset.x_test, config.features, image))
        self._y_train = self._to_device(self.dataset.y_train)
        self._y_test = self._to_device(self.dataset.y_test)
        self.batch_size = min(config.batch_size, len(self.dataset.y_train))
        self.reset()

    def _to_device(self, array: np.ndarray) -> torch.Tensor:
        return torch.from_numpy(np.ascontiguousarray(array)).to(self.device)

    # ----------------------------------------------------------------- state
    def reset(self) -> None:
        """Fresh weights (from the seed), a fresh optimizer and batch order, step 0."""
        config = self.config
        self.model = build_mlp(
            self.n_inputs, config.hidden, self.dataset.n_outputs, config.hidden_activations(), self.task,
            config.seed,
        ).to(self.device)
        self._params = list(self.model.parameters())
        self._weights = [linear.weight for linear in self.model.linears]
        self.optimizer = make_optimizer(config.optimizer, self._params, config.learning_rate, config.momentum)
        self._batch_generator = torch.Generator().manual_seed(config.seed)
        self._order = torch.empty(0, dtype=torch.long)
        self._cursor = 0
        self.step_count = 0
        self._rolled_back = False
        self._run_up: deque[tuple[int, float]] = deque(maxlen=RUN_UP_STEPS)
        self.divergence: Divergence | None = None
        self._last_finite = parameters_to_vector(self._params).detach().clone()
        # This run's first weights (a CPU copy): the landscape's line starts here, and a snapshot keeps them.
        self.initial_weights = self._last_finite.to("cpu", copy=True)
        self.recorded_path = None  # the path a snapshot carried (core.mlp.snapshot.RecordedPath), if any

    # ----------------------------------------------------------------- sessions
    def snapshot(self, recorder=None) -> "Part":
        """Everything needed to continue exactly, as a session Part (with `recorder`'s path if given)."""
        from core.mlp.snapshot import part_from_trainer

        return part_from_trainer(self, recorder)

    @classmethod
    def from_snapshot(cls, part: "Part", device: str | None = None) -> "Trainer":
        """The trainer a snapshot describes, ready to continue; SessionError when the part is wrong."""
        from core.mlp.snapshot import trainer_from_part

        return trainer_from_part(part, device)

    def can_retune(self, config: TrainConfig) -> bool:
        """True when `config` differs from ours only in settings `retune` can change in place."""
        return all(
            getattr(config, field.name) == getattr(self.config, field.name)
            for field in fields(TrainConfig)
            if field.name not in RETUNABLE
        )

    def differs_only_in_architecture(self, config: TrainConfig) -> bool:
        """True when `config` changes the hidden layers or activations but keeps the data and inputs."""
        return all(
            getattr(config, field.name) == getattr(self.config, field.name)
            for field in fields(TrainConfig)
            if field.name not in ARCHITECTURE | RETUNABLE
        )

    def inherit_weights(self, other: "Trainer") -> None:
        """Start from `other`'s weights where the shapes still fit (an edited network trains on)."""
        transplant_weights(other.model, self.model)
        self._last_finite = parameters_to_vector(self._params).detach().clone()
        self.initial_weights = self._last_finite.to("cpu", copy=True)

    def retune(self, config: TrainConfig) -> None:
        """Change optimizer, learning rate, batch size or regularisation, keeping the weights."""
        config = config.validated()
        old, self.config = self.config, config
        self.batch_size = min(config.batch_size, self.n_train)
        if (config.optimizer, config.momentum) != (old.optimizer, old.momentum):
            self.optimizer = make_optimizer(config.optimizer, self._params, config.learning_rate, config.momentum)
        else:
            for group in self.optimizer.param_groups:
                group["lr"] = config.learning_rate

    @property
    def n_inputs(self) -> int:
        """Layer 1's width: the number of features, or of pixels."""
        return int(self._x_train.shape[1])

    @property
    def input_names(self) -> tuple[str, ...]:
        return input_names(self.config.features, self.n_inputs, self.dataset.is_image)

    @property
    def has_input_plane(self) -> bool:
        """True when the inputs come from points in the plane, so decision boundaries can be drawn."""
        return not self.dataset.is_image

    @property
    def n_train(self) -> int:
        return len(self.dataset.y_train)

    @property
    def loss_name(self) -> str:
        """bce, cross_entropy or mse: the loss this task trains with."""
        return LOSS_NAMES[self.task]

    def training_set(self) -> tuple[torch.Tensor, torch.Tensor]:
        """Every training example's features (n, n_inputs) and targets, on the device."""
        return self._x_train, self._y_train

    def training_example(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        """Training example `index`: its features (1, n_inputs) and its target, on the device."""
        return self._x_train[index : index + 1], self._y_train[index]

    @property
    def epoch(self) -> float:
        return self.step_count * self.batch_size / self.n_train

    @property
    def architecture(self) -> str:
        return "-".join(str(size) for size in self.model.sizes)

    # ----------------------------------------------------------------- loss
    def _data_loss(self, logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        if self.task == "binary":
            return F.binary_cross_entropy_with_logits(logits.squeeze(1), targets)
        if self.task == "multiclass":
            return F.cross_entropy(logits, targets)
        return F.mse_loss(logits.squeeze(1), targets)

    def _penalty(self) -> torch.Tensor | float:
        return regularization_penalty(self._weights, self.config.regularization, self.config.regularization_rate)

    # ----------------------------------------------------------------- stepping
    def _next_batch(self) -> torch.Tensor:
        if self._cursor >= len(self._order):
            self._order = torch.randperm(self.n_train, generator=self._batch_generator).to(self.device)
            self._cursor = 0
        batch = self._order[self._cursor : self._cursor + self.batch_size]
        self._cursor += self.batch_size
        return batch

    def step(self) -> StepRecord:
        """One optimizer step on the next minibatch. Raises DivergedError after rolling back.

        Both ends are guarded: a loss that is not finite (or explodes) is refused before the
        update, and an update that leaves a weight non-finite is undone at once, so no report,
        view or export ever sees non-finite weights.
        """
        batch = self._next_batch()
        logits = self.model(self._x_train[batch])
        data_loss = self._data_loss(logits, self._y_train[batch])
        loss_value = data_loss.item()
        if not math.isfinite(loss_value) or loss_value > DIVERGENCE_LOSS:
            self._diverge(loss_value)
        # These weights gave a finite loss: remember them before the update moves them.
        self._last_finite.copy_(parameters_to_vector(self._params).detach())
        self.optimizer.zero_grad(set_to_none=True)
        (data_loss + self._penalty()).backward()
        self.optimizer.step()
        self._rolled_back = False
        self.step_count += 1
        self._run_up.append((self.step_count, loss_value))
        if not self.parameters_are_finite():  # the update itself overflowed
            self._diverge(math.inf)
        self.divergence = None
        return StepRecord(self.step_count, self.epoch, loss_value)

    def _diverge(self, value: float) -> None:
        """Roll back and raise DivergedError for the step that gave `value`, remembering the run-up."""
        diverged_at = self.step_count + 1
        self.divergence = Divergence(diverged_at, value, tuple(self._run_up))
        self._roll_back()
        while self._run_up and self._run_up[-1][0] > self.step_count:  # steps the rollback undid
            self._run_up.pop()
        raise DivergedError(diverged_at, value)

    def _roll_back(self) -> None:
        """Put back the weights from before the last update, whose loss was finite.

        The step count goes back with them, and the optimizer is renewed because its
        running averages may hold the runaway values.
        """
        with torch.no_grad():
            offset = 0
            for param in self._params:  # copy in: vector_to_parameters would alias the backup
                count = param.numel()
                param.copy_(self._last_finite[offset : offset + count].view_as(param))
                offset += count
        if not self._rolled_back:  # a second rollback in a row restores the same weights
            self.step_count = max(0, self.step_count - 1)
        self._rolled_back = True
        config = self.config
        self.optimizer = make_optimizer(config.optimizer, self._params, config.learning_rate, config.momentum)

    def run(self, should_stop: Callable[[], bool] = lambda: False, max_steps: int | None = None) -> Iterator[StepRecord]:
        """Yield a StepRecord per step until `should_stop()` is true or `max_steps` steps are done."""
        done = 0
        while (max_steps is None or done < max_steps) and not should_stop():
            yield self.step()
            done += 1

    # ----------------------------------------------------------------- reading
    @torch.no_grad()
    def evaluate(self, should_stop: Callable[[], bool] | None = None) -> Evaluation:
        """Loss and accuracy over the full train and test sets (no regularisation term).

        A big set is measured in chunks; `should_stop` is asked between them, and True raises
        EvaluationStopped (200,000 points through 512,512,512 take seconds: closing need not wait).
        """
        train_loss, train_accuracy = self._measure(self._x_train, self._y_train, should_stop)
        test_loss, test_accuracy = self._measure(self._x_test, self._y_test, should_stop)
        return Evaluation(self.step_count, self.epoch, train_loss, test_loss, train_accuracy, test_accuracy,
                          self.divergence)

    def _measure(self, inputs: torch.Tensor, targets: torch.Tensor, should_stop=None) -> tuple[float, float]:
        if len(targets) == 0:
            return math.nan, math.nan
        if len(targets) > EVALUATION_CHUNK:
            return self._measure_in_chunks(inputs, targets, should_stop)
        logits = self.model(inputs)
        loss = self._data_loss(logits, targets)
        if self.task == "binary":
            correct = ((logits.squeeze(1) > 0).float() == targets).float().mean()
        elif self.task == "multiclass":
            correct = (logits.argmax(dim=1) == targets).float().mean()
        else:
            return loss.item(), math.nan
        values = torch.stack([loss, correct]).cpu().tolist()
        return values[0], values[1]

    def _measure_in_chunks(self, inputs: torch.Tensor, targets: torch.Tensor, should_stop) -> tuple[float, float]:
        """_measure over EVALUATION_CHUNK examples at a time: the same numbers, without every activation at once."""
        loss_sum = correct = 0.0
        for start in range(0, len(targets), EVALUATION_CHUNK):
            if should_stop is not None and should_stop():
                raise EvaluationStopped()
            part_loss, part_accuracy = self._measure(inputs[start : start + EVALUATION_CHUNK],
                                                     targets[start : start + EVALUATION_CHUNK])
            count = len(targets[start : start + EVALUATION_CHUNK])
            loss_sum += part_loss * count
            correct += part_accuracy * count
        return loss_sum / len(targets), correct / len(targets)

    def adopt_step(self, model_state: dict, optimizer_state: dict, loss: float) -> None:
        """Take over weights and optimizer state from a step made on a copy (see core.mlp.recording).

        The caller has checked that every new weight is finite; as after `step`, a rollback
        from here goes back to the weights before this update.
        """
        self._last_finite.copy_(parameters_to_vector(self._params).detach())
        self.model.load_state_dict(model_state)
        self.optimizer.load_state_dict(optimizer_state)
        self._rolled_back = False
        self.step_count += 1
        self._run_up.append((self.step_count, loss))
        self.divergence = None

    def set_weight(self, layer: int, out: int, inp: int, value: float) -> None:
        """Type one weight by hand (the graph's click-to-edit); training continues from it."""
        if not 0 <= layer < len(self._weights):
            raise ConfigError(
                "There is no layer {layer}; the network has {count} weight layers.",
                layer=layer, count=len(self._weights),
            )
        weight = self._weights[layer]
        if not (0 <= out < weight.shape[0] and 0 <= inp < weight.shape[1]):
            raise ConfigError(
                "Layer {layer} has no weight from input {inp} to neuron {out}.",
                layer=layer, inp=inp, out=out,
            )
        if not math.isfinite(value) or abs(value) > 1e6:
            raise ConfigError(
                "A weight must be a finite number between -1,000,000 and 1,000,000, not {value}.",
                value=value,
            )
        with torch.no_grad():
            weight[out, inp] = value
        self._last_finite.copy_(parameters_to_vector(self._params).detach())

    def gradient_magnitudes(self) -> np.ndarray:
        """Mean |∂L/∂w| of each layer's weights on the training set, input side first.

        This is what makes vanishing gradients visible: in a deep sigmoid network the
        first layers' values are orders of magnitude below the last layer's. A set larger
        than GRADIENT_SAMPLE is represented by an even sample of that size: a backward pass
        keeps every layer's activations, which for 200,000 points of a wide network is gigabytes.
        """
        inputs, targets = self._x_train, self._y_train
        if len(targets) > GRADIENT_SAMPLE:
            chosen = torch.linspace(0, len(targets) - 1, GRADIENT_SAMPLE).round().long().to(inputs.device)
            inputs, targets = inputs[chosen], targets[chosen]
        self.model.zero_grad(set_to_none=True)
        self._data_loss(self.model(inputs), targets).backward()
        magnitudes = torch.stack([weight.grad.abs().mean() for weight in self._weights]).cpu().numpy()
        self.model.zero_grad(set_to_none=True)
        return finite(magnitudes)  # an overflowed gradient is huge, not missing

    def weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Copies of every layer's (weight out×in, bias), safe to hand to another thread."""
        return [
            (linear.weight.detach().cpu().numpy().copy(), linear.bias.detach().cpu().numpy().copy())
            for linear in self.model.linears
        ]

    def parameters_are_finite(self) -> bool:
        return bool(torch.isfinite(parameters_to_vector(self._params)).all())
