"""The autoencoder: an encoder squeezes a 28×28 image to a bottleneck of 2 to 64 numbers, a decoder rebuilds it.

In the seeds' form, every step on the way in is a fully connected layer (weights W, bias b) and
a sigmoid, h = σ(W·x + b), and the way out is the same in reverse, x̂ = σ(W'·h + b'), ending in 784
pixels from 0 (black) to 1 (white). The code itself passes through a sigmoid too, so every code
lies in the unit square (cube) and a view can offer the whole plane of 2-number codes to decode.

The layers are named children of two `nn.Sequential`s (`encoder`: enc1, sigmoid1, ...; `decoder`:
dec1, ...), and `layer_table` describes them in order, so a view draws the encoder and the decoder
as the layers they are, with the sizes in between.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.errors import ConfigError

SIDE = 28
PIXELS = SIDE * SIDE
BOTTLENECK_RANGE = (2, 64)
MAX_HIDDEN_LAYERS = 3
MAX_WIDTH = 1024
# One hidden layer of 128: on 1,000 generated digits (bench/autoencoder.py, 3,000 steps) 512 neurons rebuilt
# no better (0.79 against 0.80 of the mean image's error with 2 numbers) at three times the time, and two
# sigmoid hidden layers (256, 64) did not learn at all in that time (vanishing gradients): 1.00.
DEFAULT_HIDDEN = (128,)


@dataclass(frozen=True)
class AutoencoderLayer:
    """One fully connected step of the autoencoder, as a view draws it: h_out = σ(W·h_in + b)."""

    name: str  # "enc1", "dec2", ...
    part: str  # "encoder" or "decoder"
    inputs: int
    outputs: int
    activation: str  # "sigmoid"


def check_shape(bottleneck: int, hidden: Sequence[int]) -> tuple[int, tuple[int, ...]]:
    """The bottleneck and hidden widths as ints; ConfigError (one sentence) when they are out of range."""
    low, high = BOTTLENECK_RANGE
    if isinstance(bottleneck, bool) or not isinstance(bottleneck, (int, np.integer)) or not low <= bottleneck <= high:
        raise ConfigError("The bottleneck must be a whole number from {low} to {high}, not {value!r}.",
                          low=low, high=high, value=bottleneck)
    try:
        widths = tuple(hidden)
    except TypeError:
        widths = (hidden,)
    if len(widths) > MAX_HIDDEN_LAYERS or not all(
            not isinstance(w, bool) and isinstance(w, (int, np.integer)) and int(bottleneck) <= w <= MAX_WIDTH
            for w in widths):
        raise ConfigError("The autoencoder takes up to {layers} hidden layers, each from the bottleneck's {bottleneck} "
                          "to {widest} neurons wide, not {value!r}.", layers=MAX_HIDDEN_LAYERS,
                          bottleneck=int(bottleneck), widest=MAX_WIDTH, value=widths)
    return int(bottleneck), tuple(int(w) for w in widths)


def _stack(prefix: str, widths: Sequence[int]) -> nn.Sequential:
    layers = OrderedDict()
    for index, (fan_in, fan_out) in enumerate(zip(widths, widths[1:]), start=1):
        layers[f"{prefix}{index}"] = nn.Linear(fan_in, fan_out)
        layers[f"{prefix}_sigmoid{index}"] = nn.Sigmoid()
    return nn.Sequential(layers)


class Autoencoder(nn.Module):
    """encoder: 784 → hidden… → bottleneck; decoder: bottleneck → …hidden → 784; a sigmoid after every layer."""

    def __init__(self, bottleneck: int = 2, hidden: Sequence[int] = DEFAULT_HIDDEN):
        super().__init__()
        self.bottleneck, self.hidden = check_shape(bottleneck, hidden)
        widths = (PIXELS, *self.hidden, self.bottleneck)
        self.encoder = _stack("enc", widths)
        self.decoder = _stack("dec", widths[::-1])

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """N×784 (or N×28×28, N×1×28×28) pixels in 0..1 → N×bottleneck codes in 0..1."""
        return self.encoder(x.reshape(len(x), PIXELS))

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        """N×bottleneck codes → N×784 pixels in 0..1."""
        return self.decoder(codes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.decode(self.encode(x))

    def layer_table(self) -> tuple[AutoencoderLayer, ...]:
        """Every fully connected step in order, encoder first: what a view draws."""
        table = []
        for part, stack in (("encoder", self.encoder), ("decoder", self.decoder)):
            for name, child in stack.named_children():
                if isinstance(child, nn.Linear):
                    table.append(AutoencoderLayer(name, part, child.in_features, child.out_features, "sigmoid"))
        return tuple(table)

    def weights(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Each layer's W (out×in) and b as read-only numpy copies, by layer name."""
        copies = {}
        for stack in (self.encoder, self.decoder):
            for name, child in stack.named_children():
                if isinstance(child, nn.Linear):
                    pair = tuple(value.detach().to("cpu", torch.float32).numpy().copy()
                                 for value in (child.weight, child.bias))
                    for array in pair:
                        array.setflags(write=False)
                    copies[name] = pair
        return copies
