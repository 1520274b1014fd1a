"""The built-in convolutional networks, as plain `nn.Sequential`s with named layers.

Every layer is a named child (`conv1`, `relu1`, `pool1`, ...), so a view or an export can
walk `model.named_children()` and show each step a classroom talks about: convolution,
ReLU, pooling, flatten, fully connected. Only those layer kinds are used (no batch norm,
no dropout): what the student sees is the whole computation.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

import torch
from torch import nn

from core.errors import ModelError

# The layer kinds a built-in CNN may contain; anything else would need its own explanation.
ALLOWED_LAYERS = (nn.Conv2d, nn.ReLU, nn.MaxPool2d, nn.AvgPool2d, nn.Flatten, nn.Linear)


@dataclass(frozen=True)
class CnnSpec:
    """What the rest of the app needs to know about an architecture before building it."""

    name: str
    input_shape: tuple[int, int, int]  # channels, height, width
    num_classes: int  # the default; a network trained on a user's photo folder has one output per subfolder
    description: str
    build: Callable[[int], nn.Sequential]


def _digits_layers(num_classes: int) -> nn.Sequential:
    # 1x28x28 -> 8x28x28 -> 8x14x14 -> 16x14x14 -> 16x7x7 -> 784 -> 64 -> 10
    return nn.Sequential(OrderedDict([
        ("conv1", nn.Conv2d(1, 8, kernel_size=3, padding=1)),
        ("relu1", nn.ReLU()),
        ("pool1", nn.MaxPool2d(2)),
        ("conv2", nn.Conv2d(8, 16, kernel_size=3, padding=1)),
        ("relu2", nn.ReLU()),
        ("pool2", nn.MaxPool2d(2)),
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(16 * 7 * 7, 64)),
        ("relu3", nn.ReLU()),
        ("fc2", nn.Linear(64, num_classes)),
    ]))


def _shapes_layers(num_classes: int) -> nn.Sequential:
    # 3x64x64 -> 8x64x64 -> 8x32x32 -> 16x32x32 -> 16x16x16 -> 32x16x16 -> 32x8x8 -> 2048 -> 64 -> 6
    return nn.Sequential(OrderedDict([
        ("conv1", nn.Conv2d(3, 8, kernel_size=5, padding=2)),
        ("relu1", nn.ReLU()),
        ("pool1", nn.MaxPool2d(2)),
        ("conv2", nn.Conv2d(8, 16, kernel_size=3, padding=1)),
        ("relu2", nn.ReLU()),
        ("pool2", nn.MaxPool2d(2)),
        ("conv3", nn.Conv2d(16, 32, kernel_size=3, padding=1)),
        ("relu3", nn.ReLU()),
        ("pool3", nn.MaxPool2d(2)),
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(32 * 8 * 8, 64)),
        ("relu4", nn.ReLU()),
        ("fc2", nn.Linear(64, num_classes)),
    ]))


def _cifar_layers(num_classes: int) -> nn.Sequential:
    # 3x32x32 -> 16x32x32 -> 16x16x16 -> 32x16x16 -> 32x8x8 -> 64x8x8 -> 64x4x4 -> 1024 -> 64 -> 10
    return nn.Sequential(OrderedDict([
        ("conv1", nn.Conv2d(3, 16, kernel_size=3, padding=1)),
        ("relu1", nn.ReLU()),
        ("pool1", nn.MaxPool2d(2)),
        ("conv2", nn.Conv2d(16, 32, kernel_size=3, padding=1)),
        ("relu2", nn.ReLU()),
        ("pool2", nn.MaxPool2d(2)),
        ("conv3", nn.Conv2d(32, 64, kernel_size=3, padding=1)),
        ("relu3", nn.ReLU()),
        ("pool3", nn.MaxPool2d(2)),
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(64 * 4 * 4, 64)),
        ("relu4", nn.ReLU()),
        ("fc2", nn.Linear(64, num_classes)),
    ]))


CNN_MODELS: dict[str, CnnSpec] = {
    "digits": CnnSpec(
        "digits", (1, 28, 28), 10,
        "Handwritten digits 0-9: white strokes on black, 28x28 grayscale, like MNIST.",
        _digits_layers,
    ),
    "shapes": CnnSpec(
        "shapes", (3, 64, 64), 6,
        "Drawn objects (circle, square, triangle, star, house, tree) in 64x64 colour images.",
        _shapes_layers,
    ),
    "cifar": CnnSpec(
        "cifar", (3, 32, 32), 10,
        "Small colour photos (plane, car, bird, cat, ...), 32x32, like CIFAR-10.",
        _cifar_layers,
    ),
}
MAX_CLASSES = 100  # a photo folder with more subfolders than this is surely not a class's object sorting


def cnn_spec(name: str) -> CnnSpec:
    """The registry entry for `name`, or a ModelError that lists the known ones."""
    try:
        return CNN_MODELS[name]
    except KeyError:
        raise ModelError(
            "Unknown model architecture '{name}'; choose one of: {choices}.",
            name=name, choices=", ".join(CNN_MODELS),
        ) from None


def build_cnn(name: str, num_classes: int | None = None) -> nn.Sequential:
    """A freshly initialised network of the named architecture (seed torch first for repeatability).

    `num_classes` replaces the architecture's default number of outputs, e.g. three for a
    folder of cat, dog and bird photos.
    """
    spec = cnn_spec(name)
    count = spec.num_classes if num_classes is None else num_classes
    if isinstance(count, bool) or not isinstance(count, int) or not 2 <= count <= MAX_CLASSES:
        raise ModelError(
            "A network needs between 2 and {max_classes} classes, not {count!r}.",
            max_classes=MAX_CLASSES, count=count,
        )
    return spec.build(count)


def layer_shapes(model: nn.Sequential, input_shape: tuple[int, int, int]) -> list[tuple[str, tuple[int, ...]]]:
    """(layer name, output shape without the batch axis) for each child, from one dummy forward pass."""
    shapes = []
    x = torch.zeros((1, *input_shape))
    with torch.no_grad():
        for name, layer in model.named_children():
            x = layer(x)
            shapes.append((name, tuple(x.shape[1:])))
    return shapes


def check_architecture(model: nn.Module, input_shape: tuple[int, int, int], num_classes: int) -> None:
    """Raise ModelError unless `model` is a Sequential of allowed layers mapping input_shape to num_classes.

    Views rely on this: they walk the children in order and know how to draw each kind.
    """
    if not isinstance(model, nn.Sequential):
        raise ModelError("A CNN for the convolution lab must be a sequence of named layers.")
    for name, layer in model.named_children():
        if not isinstance(layer, ALLOWED_LAYERS):
            raise ModelError(
                "Layer '{name}' is a {layer_type}; the lab only shows convolution, ReLU, "
                "pooling, flatten and fully connected layers.",
                name=name, layer_type=type(layer).__name__,
            )
    try:
        shapes = layer_shapes(model, input_shape)
    except RuntimeError as error:
        raise ModelError(
            "The layers do not fit together for an input of {input_shape}: {error}",
            input_shape=input_shape, error=error,
        ) from None
    if not shapes or shapes[-1][1] != (num_classes,):
        found = shapes[-1][1] if shapes else ()
        raise ModelError(
            "The network ends in {found} outputs where {num_classes} class scores were expected.",
            found=found, num_classes=num_classes,
        )
