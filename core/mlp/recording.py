"""Record one training example's pass through a trainer's network as an ExampleTrace.

The pass runs on a copy of the network and of the optimizer's state, so recording never
changes what is training. Autograd computes every gradient; `retain_grad` keeps ∂L/∂z
and ∂L/∂a of each layer, which a plain backward pass would throw away.
"""

from __future__ import annotations

import copy

import torch
from torch.nn import functional as F

from core.errors import ConfigError
from core.nets.mlp import activate
from core.optimizers import make_optimizer
from core.mlp.trace import ExampleTrace, LayerTrace
from core.mlp.trainer import Trainer, regularization_penalty


def _numpy(tensor: torch.Tensor):
    return tensor.detach().cpu().numpy().astype("float64").reshape(tensor.shape).copy()


def _output(name: str, z: torch.Tensor) -> torch.Tensor:
    if name == "sigmoid":
        return torch.sigmoid(z)
    if name == "softmax":
        return torch.softmax(z, dim=1)
    return z


def _loss(name: str, a: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The loss written as the lesson writes it, on the output activation a."""
    if name == "bce":
        return F.binary_cross_entropy(a, target)  # −[y·log p + (1−y)·log(1−p)]
    if name == "cross_entropy":
        return -(target * torch.log(a)).sum()  # −Σ yᵢ·log pᵢ
    return (a - target).pow(2).mean()  # mean of (a − y)² over the outputs


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
    loss = _loss(trainer.loss_name, activations[-1], target)
    total = loss + regularization_penalty(
        [linear.weight for linear in model.linears], config.regularization, config.regularization_rate
    )
    optimizer.zero_grad(set_to_none=True)
    total.backward()
    before = [(_numpy(linear.weight), _numpy(linear.bias)) for linear in model.linears]
    gradients = [(_numpy(linear.weight.grad), _numpy(linear.bias.grad)) for linear in model.linears]
    optimizer.step()

    if commit:
        trainer.adopt_step(model.state_dict(), optimizer.state_dict())
    layers = []
    for index, linear in enumerate(model.linears):
        layers.append(
            LayerTrace(
                activation=names[index],
                weight=before[index][0],
                bias=before[index][1],
                z=_numpy(zs[index])[0],
                a=_numpy(activations[index])[0],
                grad_a=_numpy(activations[index].grad)[0],
                delta=_numpy(zs[index].grad)[0],
                grad_weight=gradients[index][0],
                grad_bias=gradients[index][1],
                weight_after=_numpy(linear.weight),
                bias_after=_numpy(linear.bias),
            )
        )
    return ExampleTrace(
        example_index=example_index,
        step=trainer.step_count - (1 if commit else 0),
        input_names=trainer.input_names,
        input=_numpy(x)[0],
        target=_numpy(target)[0],
        loss_name=trainer.loss_name,
        loss_value=float(total.item()),
        output_activation=model.output_activation,
        optimizer=config.optimizer,
        learning_rate=config.learning_rate,
        regularization=config.regularization,
        regularization_rate=config.regularization_rate,
        layers=tuple(layers),
    )
