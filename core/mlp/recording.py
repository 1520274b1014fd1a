"""Record one training example's pass through a trainer's network as an ExampleTrace.

The pass runs on a copy of the network and of the optimizer's state, so recording never
changes what is training. Autograd computes every gradient; `retain_grad` keeps ∂L/∂z
and ∂L/∂a of each layer, which a plain backward pass would throw away.

The losses are computed the stable way, from the output's logits (log-softmax, BCE with
logits): written on the probabilities, −y·log p is 0·log 0 = NaN as soon as a probability
underflows, while δ = p − y at the output stays finite. A trace never holds a non-finite
number: a pass that would is refused with a StepDivergedError, and nothing changes.
"""

from __future__ import annotations

import copy
import math

import numpy as np
import torch
from torch.nn import functional as F

from core.errors import ConfigError, DivergedError, GlassboxError, Phrase
from core.nets.mlp import activate
from core.optimizers import make_optimizer
from core.mlp.trace import ExampleTrace, LayerTrace
from core.mlp.trainer import DIVERGENCE_LOSS, Trainer, regularization_penalty

# The smallest probability ∂L/∂p divides by: a vanished probability shows a huge but finite slope.
_TINY = float(np.finfo(np.float64).tiny)


class StepDivergedError(DivergedError):
    """One example's pass or update gives a non-finite (or exploding) number; the weights were not changed."""

    def __init__(self, step: int, example: int, what: Phrase, value: float):
        self.step = step
        self.value = value
        self.example = example
        GlassboxError.__init__(
            self,
            "Example {example}'s pass at step {step} diverged: {what} became {value:.4g}. "
            "The weights were not changed; lower the learning rate and train again.",
            example=example, step=step, what=what, value=value,
        )


def _numpy(tensor: torch.Tensor):
    return tensor.detach().cpu().numpy().astype("float64").reshape(tensor.shape).copy()


def _output(name: str, z: torch.Tensor) -> torch.Tensor:
    if name == "sigmoid":
        return torch.sigmoid(z)
    if name == "softmax":
        return torch.softmax(z, dim=1)
    return z


def _loss(name: str, z: torch.Tensor, a: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The lesson's loss, computed from the logits z where a log is involved (stable for any z)."""
    if name == "bce":  # −[y·log p + (1−y)·log(1−p)] with p = σ(z)
        return F.binary_cross_entropy_with_logits(z, target)
    if name == "cross_entropy":  # −Σ yᵢ·log pᵢ = −log p_true: only the true class's term, never 0·log 0
        return -F.log_softmax(z, dim=1)[0, int(target[0].argmax())]
    return (a - target).pow(2).mean()  # mean of (a − y)² over the outputs


def _output_slope(name: str, z: torch.Tensor, target: torch.Tensor) -> np.ndarray | None:
    """∂L/∂a at the output for the losses computed from logits (None: autograd has it).

    −y/p for cross-entropy and −y/p + (1−y)/(1−p) for BCE, in float64 with p and 1 − p
    no smaller than the smallest float: a vanished probability gives a huge, finite slope.
    """
    if name not in ("bce", "cross_entropy"):
        return None
    z64, y = z.detach().double().cpu(), target.detach().double().cpu()
    if name == "cross_entropy":
        p = torch.softmax(z64, dim=1).clamp_min(_TINY)
        return (-y / p + 0.0).numpy()[0].copy()  # + 0.0: no −0 where y = 0
    p, q = torch.sigmoid(z64).clamp_min(_TINY), torch.sigmoid(-z64).clamp_min(_TINY)
    return (-y / p + (1 - y) / q).numpy()[0].copy()


def _target_vector(trainer: Trainer, label: torch.Tensor, n_outputs: int) -> torch.Tensor:
    if trainer.task == "multiclass":
        return F.one_hot(label.long(), n_outputs).float().reshape(1, n_outputs)
    return label.float().reshape(1, 1)


def record_example(trainer: Trainer, example_index: int = 0, commit: bool = False) -> ExampleTrace:
    """Forward, loss, backward and one optimizer step for training example `example_index`.

    With `commit`, the trainer takes that step for real (weights, optimizer state and step
    count), so a step-through is training with a batch of one, in slow motion.
    """
    if not 0 <= example_index < trainer.n_train:
        raise ConfigError(
            "The example must be an index from 0 to {largest} in the training set, not {example_index}.",
            largest=trainer.n_train - 1, example_index=example_index,
        )
    config = trainer.config
    model = copy.deepcopy(trainer.model)
    optimizer = make_optimizer(config.optimizer, model.parameters(), config.learning_rate, config.momentum)
    optimizer.load_state_dict(copy.deepcopy(trainer.optimizer.state_dict()))

    x, label = trainer.training_example(example_index)
    n_layers = len(model.linears)
    names = [*model.activations, model.output_activation]
    zs, activations = [], []
    signal = x
    for index, linear in enumerate(model.linears):
        z = linear(signal)
        a = activate(names[index], z) if index < n_layers - 1 else _output(names[index], z)
        z.retain_grad()
        a.retain_grad()
        zs.append(z)
        activations.append(a)
        signal = a
    target = _target_vector(trainer, label, model.sizes[-1])
    loss = _loss(trainer.loss_name, zs[-1], activations[-1], target)
    total = loss + regularization_penalty(
        [linear.weight for linear in model.linears], config.regularization, config.regularization_rate
    )
    optimizer.zero_grad(set_to_none=True)
    total.backward()
    before = [(_numpy(linear.weight), _numpy(linear.bias)) for linear in model.linears]
    gradients = [(_numpy(linear.weight.grad), _numpy(linear.bias.grad)) for linear in model.linears]
    optimizer.step()

    output_slope = _output_slope(trainer.loss_name, zs[-1], target)
    layers = []
    for index, linear in enumerate(model.linears):
        slope = output_slope if index == n_layers - 1 and output_slope is not None else \
            _numpy(activations[index].grad)[0]
        layers.append(
            LayerTrace(
                activation=names[index],
                weight=before[index][0],
                bias=before[index][1],
                z=_numpy(zs[index])[0],
                a=_numpy(activations[index])[0],
                grad_a=slope,
                delta=_numpy(zs[index].grad)[0],
                grad_weight=gradients[index][0],
                grad_bias=gradients[index][1],
                weight_after=_numpy(linear.weight),
                bias_after=_numpy(linear.bias),
            )
        )
    loss_value = float(total.item())
    _check_finite(trainer.step_count + 1, example_index, loss_value, layers)
    if commit:
        trainer.adopt_step(model.state_dict(), optimizer.state_dict(), loss_value)
    return ExampleTrace(
        example_index=example_index,
        step=trainer.step_count - (1 if commit else 0),
        input_names=trainer.input_names,
        input=_numpy(x)[0],
        target=_numpy(target)[0],
        loss_name=trainer.loss_name,
        loss_value=loss_value,
        output_activation=model.output_activation,
        optimizer=config.optimizer,
        learning_rate=config.learning_rate,
        regularization=config.regularization,
        regularization_rate=config.regularization_rate,
        layers=tuple(layers),
    )


# What a refused pass names, in the order a class meets them.
_PARTS = (
    ("z", Phrase("a weighted sum z")),
    ("a", Phrase("an activation")),
    ("grad_a", Phrase("a gradient ∂L/∂a")),
    ("delta", Phrase("a δ")),
    ("grad_weight", Phrase("a gradient ∂L/∂w")),
    ("grad_bias", Phrase("a gradient ∂L/∂b")),
    ("weight_after", Phrase("an updated weight")),
    ("bias_after", Phrase("an updated bias")),
)


def _check_finite(step: int, example: int, loss: float, layers: list[LayerTrace]) -> None:
    """Refuse a pass whose loss explodes or any of whose numbers is not finite (the trainer's own rule)."""
    if not math.isfinite(loss) or loss > DIVERGENCE_LOSS:
        raise StepDivergedError(step, example, Phrase("the loss"), loss)
    for name, what in _PARTS:
        for layer in layers:
            values = getattr(layer, name)
            bad = ~np.isfinite(values)
            if bad.any():
                raise StepDivergedError(step, example, what, float(values[bad].flat[0]))
