"""What does a channel look for? The held-out images that excite it most, and the image grown for it.

A channel is one map of a layer's output, addressed as in core.cnn.feature_maps: the child's
name in the Sequential and the map's index (for a fully connected layer: the unit).

- `top_images_steps` runs the held-out images through the network only as far as the layer,
  in batches, and keeps the k images whose channel reaches the highest value anywhere in its map,
  with the position of that value and the box of input pixels it sees (its receptive field,
  clipped to the image): the patch a view outlines. A generator: it yields progress and stops
  when `should_stop()` says so.
- `dream_steps` grows an input that excites the channel (regularised gradient ascent: each step
  shifts the image by a random jitter, climbs the mean of the channel's map less a small penalty
  on the mean square of the pixels (L2) with a step of fixed size, and now and then blurs it a little, which keeps the image
  smooth), yielding frames so a view can animate it forming.
"""

from __future__ import annotations

import copy
import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Callable, Generator

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from core.errors import ConfigError, ModelError

BATCH_BYTES = 8 * 2**20  # the largest map of a batch of held-out images: what fits the cache
MAX_K = 100
MAX_DREAM_STEPS = 10_000
LEAK = 0.01  # the share of the value before a channel's ReLU that the dream climbs as well


@dataclass(frozen=True, eq=False)
class ChannelImages:
    """The k held-out images that excite one channel most, strongest first."""

    layer: str
    channel: int
    indices: np.ndarray  # (k,) int64: positions in the images searched
    activations: np.ndarray  # (k,) float32: the channel's highest value for each
    positions: np.ndarray  # (k, 2) int64: (row, column) of that value in the layer's map
    boxes: np.ndarray  # (k, 4) int64: top, left, bottom, right (exclusive) of the input patch it sees
    images: np.ndarray  # (k, C, H, W) float32: the images exactly as fed
    labels: np.ndarray  # (k,) int64: their classes, -1 where unknown
    searched: int  # how many images were looked at

    def to_npz_dict(self) -> dict[str, np.ndarray]:
        """The `export channel-images` layout; loads back with np.load(allow_pickle=False)."""
        return {"layer": np.array(self.layer, dtype=np.str_), "channel": np.array(self.channel, dtype=np.int64),
                "indices": self.indices, "activations": self.activations, "positions": self.positions,
                "boxes": self.boxes, "images": self.images, "labels": self.labels}


@dataclass(frozen=True)
class ChannelProgress:
    done: int  # images looked at so far
    total: int


@dataclass(frozen=True, eq=False)
class DreamFrame:
    """The grown image after `step` of `steps` steps, and how strongly it excites the channel."""

    step: int
    steps: int
    image: np.ndarray  # float32 C×H×W in the network's input units
    activation: float  # the mean of the channel's map for this image


# ----------------------------------------------------------------------------- addressing
def _placement(model: nn.Module) -> tuple[torch.device, torch.dtype]:
    parameter = next(model.parameters(), None)
    return (parameter.device, parameter.dtype) if parameter is not None else (torch.device("cpu"), torch.float32)


def trunk(model: nn.Sequential, layer: str) -> nn.Sequential:
    """The model's children up to and including `layer`; ConfigError naming the layers if it is not one."""
    if not isinstance(model, nn.Sequential) or len(model) == 0:
        raise ModelError("Looking into a channel needs a non-empty torch.nn.Sequential model.")
    names = [name for name, _ in model.named_children()]
    if layer not in names:
        raise ConfigError("There is no layer {name!r}; choose one of: {choices}.", name=layer,
                          choices=", ".join(names))
    return model[:names.index(layer) + 1]


def _check_channel(channel: int, count: int, layer: str) -> int:
    if isinstance(channel, bool) or not isinstance(channel, (int, np.integer)) or not 0 <= int(channel) < count:
        raise ConfigError("Layer {name!r} has channels 0 to {last}; there is no channel {value!r}.",
                          name=layer, last=count - 1, value=channel)
    return int(channel)


def _pair(value) -> tuple[int, int]:
    return tuple(int(v) for v in value) if isinstance(value, (tuple, list)) else (int(value), int(value))


def receptive_field(model: nn.Sequential, layer: str) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """Per axis (rows, columns): the receptive field's size, the jump between neighbouring units, and the
    offset of unit 0's first input pixel (negative where it starts in the padding).

    Unit i of the layer's map sees input pixels offset + i·jump .. offset + i·jump + size − 1.
    """
    size, jump, offset = [1, 1], [1, 1], [0, 0]
    for child in trunk(model, layer):
        if isinstance(child, nn.Conv2d):
            kernel, stride = _pair(child.kernel_size), _pair(child.stride)
            dilation = _pair(child.dilation)
            if child.padding == "valid":
                padding = (0, 0)
            elif child.padding == "same":
                padding = tuple(d * (k - 1) // 2 for k, d in zip(kernel, dilation))
            else:
                padding = _pair(child.padding)
            kernel = tuple(d * (k - 1) + 1 for k, d in zip(kernel, dilation))
        elif isinstance(child, (nn.MaxPool2d, nn.AvgPool2d)):
            kernel = _pair(child.kernel_size)
            stride = _pair(child.stride if child.stride is not None else child.kernel_size)
            padding = _pair(child.padding)
            if isinstance(child, nn.MaxPool2d):
                kernel = tuple(d * (k - 1) + 1 for k, d in zip(kernel, _pair(child.dilation)))
        else:
            continue  # ReLU, flatten and the like keep every unit's field
        for axis in (0, 1):
            offset[axis] -= padding[axis] * jump[axis]
            size[axis] += (kernel[axis] - 1) * jump[axis]
            jump[axis] *= stride[axis]
    return tuple(size), tuple(jump), tuple(offset)


def patch_box(model: nn.Sequential, layer: str, row: int, column: int, image_size: tuple[int, int]) -> np.ndarray:
    """top, left, bottom, right (exclusive) of the input pixels unit (row, column) sees, clipped to the image."""
    size, jump, offset = receptive_field(model, layer)
    top, left = offset[0] + row * jump[0], offset[1] + column * jump[1]
    height, width = image_size
    return np.array([max(0, top), max(0, left), min(height, top + size[0]), min(width, left + size[1])],
                    dtype=np.int64)


# ----------------------------------------------------------------------------- top images
def top_images_steps(model: nn.Sequential, layer: str, channel: int, images: torch.Tensor | np.ndarray,
                     k: int = 9, labels: Sequence[int] | np.ndarray | torch.Tensor | None = None,
                     prepare: Callable[[torch.Tensor], torch.Tensor] | None = None, batch_size: int | None = None,
                     should_stop: Callable[[], bool] = lambda: False,
                     ) -> Generator[ChannelProgress, None, ChannelImages | None]:
    """Search N×C×H×W `images` for the k that excite the channel most; None if stopped early.

    `prepare` turns a batch of stored images into network inputs (ImageSet.inputs for uint8 pixels);
    without it the images are network inputs already. Without `batch_size`, batches are sized so the
    layer's work fits the processor's cache (see _batch_for); each takes a few hundredths of a second,
    and `should_stop` is asked before each.
    """
    part = trunk(model, layer)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= MAX_K:
        raise ConfigError("Show from 1 to {largest} images, not {value!r}.", largest=MAX_K, value=k)
    stored = torch.as_tensor(np.asarray(images)) if not isinstance(images, torch.Tensor) else images
    if stored.dim() != 4:
        raise ConfigError("The images must be N×C×H×W, not shape {shape}.", shape=tuple(stored.shape))
    if len(stored) == 0:
        raise ConfigError("There are no images to search.")
    count = len(stored)
    known = np.full(count, -1, dtype=np.int64) if labels is None else np.asarray(labels, dtype=np.int64)
    if known.shape != (count,):
        raise ConfigError("There are {images} images but {labels} labels.", images=count, labels=len(known))
    prepare = prepare or (lambda batch: batch.float())
    device, dtype = _placement(model)
    best = np.empty(0), np.empty(0, dtype=np.int64), np.empty((0, 2), dtype=np.int64)
    # Inference mode: no autograd bookkeeping at all. The search runs on a copy of the trunk in eval mode,
    # so the caller's model (perhaps training in another thread) is never switched out of training.
    with torch.inference_mode():
        sample = prepare(stored[:1]).to(device=device, dtype=dtype)
        channel_checked, one_channel, per_image = _one_channel(part, channel, layer, sample)
        size = max(1, int(batch_size)) if batch_size else _batch_for(per_image)
        for start in range(0, count, size):
            if should_stop():
                return None
            batch = prepare(stored[start:start + size]).to(device=device, dtype=dtype)
            output = one_channel(batch)
            maps = output[:, 0].reshape(len(batch), -1).to(torch.float64)
            values, where = maps.max(dim=1)  # the first maximum of each map
            values, where = values.cpu().numpy(), where.cpu().numpy()
            if not np.isfinite(values).all():
                raise ModelError("The model gives numbers that are not finite for some images, so its weights "
                                 "are broken; choose another model or train it again.")
            columns = output.shape[3] if output.dim() == 4 else 1
            found = (values, np.arange(start, start + len(batch)), np.stack([where // columns, where % columns], 1))
            merged = [np.concatenate([a, b]) for a, b in zip(best, found)]
            order = np.lexsort((merged[1], -merged[0]))[:k]  # strongest first; ties: the earlier image
            best = tuple(array[order] for array in merged)
            yield ChannelProgress(min(count, start + len(batch)), count)
        chosen = prepare(stored[torch.as_tensor(best[1])]).to(torch.float32).cpu().numpy()
    height, width = stored.shape[2:]
    if output.dim() == 4:
        boxes = np.stack([patch_box(model, layer, int(r), int(c), (height, width)) for r, c in best[2]])
    else:  # a fully connected unit sees the whole image
        boxes = np.tile(np.array([0, 0, height, width], dtype=np.int64), (len(best[1]), 1))
    return ChannelImages(layer, channel_checked, _frozen(best[1], np.int64), _frozen(best[0], np.float32),
                         _frozen(best[2], np.int64), _frozen(boxes, np.int64), _frozen(chosen, np.float32),
                         _frozen(known[best[1]], np.int64), count)


def top_images(model: nn.Sequential, layer: str, channel: int, images, k: int = 9, labels=None,
               prepare=None, on_progress: Callable[[ChannelProgress], None] | None = None) -> ChannelImages:
    """The whole search (see top_images_steps)."""
    steps = top_images_steps(model, layer, channel, images, k, labels, prepare)
    while True:
        try:
            progress = next(steps)
        except StopIteration as finished:
            return finished.value
        if on_progress is not None:
            on_progress(progress)


def _batch_for(per_image: int) -> int:
    """Images per batch: the trunk's largest output for a batch about BATCH_BYTES, from 16 to 128 images.
    Measured (1 thread, 10,000 images, shapes conv3 / digits conv2): 64 images 1.7 / 0.19 s, 256 2.5 / 0.20 s;
    500 at once took 2 to 4 times as long: the maps no longer fit the cache."""
    return int(min(128, max(16, BATCH_BYTES // max(1, per_image))))


CHANNEL_WISE = (nn.ReLU, nn.MaxPool2d, nn.AvgPool2d, nn.Dropout, nn.Sigmoid, nn.Tanh)


def _one_channel(part: nn.Sequential, channel: int, layer: str, sample: torch.Tensor):
    """The checked channel, a function giving that channel alone (N×1×…) of the layer for a batch, and the
    bytes of the trunk's largest output for one image.

    Only the channel's own kernel (or row of weights) of the last convolution or fully connected layer
    is computed when every layer after it works channel by channel: a sixteenth of the work for one of
    sixteen channels. The trunk runs on a copy in channels-last memory order, which the CPU's
    convolutions run about twice as fast on (measured: 0.17 against 0.30 s for the digits model's conv2).
    """
    part = copy.deepcopy(part).eval().to(memory_format=torch.channels_last if sample.dim() == 4 else
                                          torch.preserve_format)
    sizes, x = [sample.numel() * sample.element_size()], _in_order(sample)
    for index in range(len(part)):
        x = _through(part[index:index + 1], x, check=index == len(part) - 1)
        sizes.append(x.numel() * x.element_size())
    channel = _check_channel(channel, x.shape[1], layer)
    children = list(part)
    last = max((i for i, child in enumerate(children) if isinstance(child, (nn.Conv2d, nn.Linear))), default=None)
    sliceable = last is not None and all(isinstance(child, CHANNEL_WISE) for child in children[last + 1:])
    computed = children[last] if sliceable else None
    if isinstance(computed, nn.Conv2d) and not (computed.groups == 1 and computed.padding_mode == "zeros"):
        computed = None
    if computed is None:
        return channel, lambda batch: _through(part, _in_order(batch))[:, channel:channel + 1], max(sizes)
    head, tail = part[:last], part[last + 1:]
    weight = computed.weight[channel:channel + 1]
    bias = computed.bias[channel:channel + 1] if computed.bias is not None else None

    def one(batch: torch.Tensor) -> torch.Tensor:
        x = _through(head, _in_order(batch), check=False) if len(head) else _in_order(batch)
        try:
            x = F.conv2d(x, weight, bias, computed.stride, computed.padding, computed.dilation) \
                if isinstance(computed, nn.Conv2d) else F.linear(x, weight, bias)
        except RuntimeError as error:
            raise ModelError("The images do not fit this model: {error}", error=error) from None
        return tail(x) if len(tail) else x

    return channel, one, max(sizes)


def _in_order(batch: torch.Tensor) -> torch.Tensor:  # channels-last, as the trunk's copy
    return batch.contiguous(memory_format=torch.channels_last) if batch.dim() == 4 else batch


def _through(part: nn.Sequential, batch: torch.Tensor, check: bool = True) -> torch.Tensor:
    try:
        output = part(batch)
    except RuntimeError as error:
        raise ModelError("The images do not fit this model: {error}", error=error) from None
    if check and output.dim() not in (2, 4):
        raise ConfigError("This layer's output is neither maps nor units, so it has no channels to look into.")
    return output


def _frozen(array, dtype) -> np.ndarray:
    copy = np.array(array, dtype=dtype, copy=True)
    copy.setflags(write=False)
    return copy


# ----------------------------------------------------------------------------- dream
def input_bounds(mean: Sequence[float], std: Sequence[float], channels: int) -> tuple[np.ndarray, np.ndarray]:
    """The lowest and highest input per channel: pixels 0 and 1 after (x − mean) / std."""
    mean = np.broadcast_to(np.asarray(mean, dtype=np.float32), (channels,))
    std = np.broadcast_to(np.asarray(std, dtype=np.float32), (channels,))
    return (0 - mean) / std, (1 - mean) / std


def _blur(x: torch.Tensor, sigma: float) -> torch.Tensor:
    radius = max(1, math.ceil(2 * sigma))
    taps = torch.arange(-radius, radius + 1, device=x.device, dtype=x.dtype)
    kernel = torch.exp(-taps ** 2 / (2 * sigma ** 2))
    kernel = kernel / kernel.sum()
    channels = x.shape[1]
    rows = kernel.view(1, 1, -1, 1).repeat(channels, 1, 1, 1)
    padded = F.pad(x, (radius, radius, radius, radius), mode="replicate")
    return F.conv2d(F.conv2d(padded, rows, groups=channels), rows.transpose(2, 3), groups=channels)


def dream_steps(model: nn.Sequential, layer: str, channel: int, input_shape: tuple[int, int, int],
                steps: int = 200, step_size: float = 0.05, jitter: int = 2, blur_every: int = 4,
                blur_sigma: float = 0.5, l2: float = 1e-2, bounds: tuple | None = None, seed: int = 0,
                frame_every: int = 5, should_stop: Callable[[], bool] = lambda: False,
                ) -> Generator[DreamFrame, None, DreamFrame | None]:
    """Grow an input that excites the channel, yielding a frame every `frame_every` steps (and the last);
    the last frame at the end, or None if `should_stop()` ended it early.

    `bounds` (lows, highs per channel, as input_bounds gives) keeps the image one the camera could take.
    """
    part = trunk(model, layer)
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or not 1 <= steps <= MAX_DREAM_STEPS:
        raise ConfigError("The dream takes from 1 to {largest} steps, not {value!r}.", largest=MAX_DREAM_STEPS,
                          value=steps)
    for value in (step_size, blur_sigma, l2):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
            raise ConfigError("The dream's step size, blur and penalty must be numbers of 0 or more, not {value!r}.",
                              value=value)
    for value in (jitter, blur_every, frame_every, seed):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
            raise ConfigError("The dream's jitter, blur interval, frame interval and seed must be whole numbers of "
                              "0 or more, not {value!r}.", value=value)
    shape = tuple(input_shape) if isinstance(input_shape, (tuple, list)) else ()
    if len(shape) != 3 or not all(isinstance(v, (int, np.integer)) and 1 <= v <= 4096 for v in shape):
        raise ConfigError("The network's input must be one C×H×W image, not shape {shape}.", shape=input_shape)
    device, dtype = _placement(model)
    generator = torch.Generator().manual_seed(int(seed))
    x = (0.1 * torch.randn((1, *shape), generator=generator, dtype=torch.float64)).to(device, dtype)
    low = high = None
    if bounds is not None:
        low, high = (torch.as_tensor(np.asarray(b, dtype=np.float32)).to(device, dtype).view(1, -1, 1, 1)
                     for b in bounds)
        x = torch.maximum(torch.minimum(x, high), low)
    climb = _leaky_climb(part)
    was_training = model.training
    model.eval()
    frame = None
    try:
        for step in range(1, int(steps) + 1):
            if should_stop():
                return None
            dy, dx = (int(v) for v in torch.randint(-jitter, jitter + 1, (2,), generator=generator)) \
                if jitter > 0 else (0, 0)
            with torch.enable_grad():
                current = x.detach().requires_grad_(True)
                shifted = torch.roll(current, shifts=(dy, dx), dims=(2, 3))
                output = _through(part, shifted)
                if step == 1:
                    channel = _check_channel(channel, output.shape[1], layer)
                activation = output[0, channel].mean()
                climbed = activation
                if climb is not None:  # a small leaky pull: a channel that is off still finds a way up
                    climbed = activation + LEAK * _through(climb, shifted)[0, channel].mean()
                # The penalty is a mean like the objective: summed over 784 pixels it outweighed a conv
                # channel's mean, and the step (normalised by the gradient's size) only shrank the image.
                (gradient,) = torch.autograd.grad(climbed - l2 * (current ** 2).mean(), current)
            if not (torch.isfinite(activation) and torch.isfinite(gradient).all()):
                raise ModelError("The model gives numbers that are not finite while growing this image, so its "
                                 "weights are broken; choose another model or train it again.")
            with torch.no_grad():
                x = x + step_size * gradient / (gradient.abs().mean() + 1e-12)
                if blur_every and blur_sigma > 0 and step % blur_every == 0:
                    x = _blur(x, blur_sigma)
                if low is not None:
                    x = torch.maximum(torch.minimum(x, high), low)
            if step % max(1, int(frame_every)) == 0 or step == steps:
                with torch.no_grad():
                    value = float(_through(part, x)[0, channel].mean())
                frame = DreamFrame(step, int(steps), _frozen(x[0].to(torch.float32).cpu().numpy(), np.float32), value)
                yield frame
    finally:
        model.train(was_training)
    return frame


def _leaky_climb(part: nn.Sequential) -> nn.Sequential | None:
    """`part` with the ReLUs after its last convolution or fully connected layer left out and every other
    ReLU leaky (slope LEAK); None if it has no ReLU at all.

    A ReLU that outputs 0 for the starting image passes no gradient, and the dream would never start: on
    the shipped digits model most of conv2's channels sat still for 200 steps. A small share (LEAK) of
    this leaky version of the channel is climbed too, which raises the same channel from anywhere.
    """
    children = list(part.named_children())
    if not any(isinstance(child, nn.ReLU) for _, child in children):
        return None
    last = max((i for i, (_, child) in enumerate(children) if isinstance(child, (nn.Conv2d, nn.Linear))), default=-1)
    kept = [(name, nn.LeakyReLU(LEAK) if isinstance(child, nn.ReLU) else child)
            for i, (name, child) in enumerate(children) if i <= last or not isinstance(child, nn.ReLU)]
    return nn.Sequential(OrderedDict(kept))


def dream(model: nn.Sequential, layer: str, channel: int, input_shape: tuple[int, int, int], steps: int = 200,
          **settings) -> DreamFrame:
    """The last frame of a whole dream (see dream_steps)."""
    frame = None
    for frame in dream_steps(model, layer, channel, input_shape, steps, **settings):
        pass
    return frame
