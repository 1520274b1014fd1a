"""Where does the network look? Gradient saliency, Grad-CAM and occlusion for one image.

Each method answers for one class's score, which is the logit before softmax (the predicted
class unless the caller picks one), and returns an `Attribution`: frozen numpy copies of
the input exactly as fed (C×H×W), the map at the input's resolution (H×W), the target, the
probabilities and each method's own settings, so a view draws it and `export saliency` writes
it (`to_npz_dict`).

- Gradient saliency: max over input channels of |∂score/∂pixel|.
- Grad-CAM (Selvaraju et al. 2017) at a layer with maps A (K×h×w), by default the last
  convolution's rectified maps (the ReLU right after it, where there is one): α_k = spatial mean of ∂score/∂A_k, map = ReLU(Σ_k α_k A_k), upsampled bilinearly to
  the input; the layer-resolution map is kept as `layer_map`.
- Occlusion (Zeiler & Fergus 2014): a window×window square filled with `baseline` (in the
  network's input units; the default 0 is the data set's mean after normalisation) slides over
  the image by `stride`; each pixel gets the mean, over the square's positions that cover it,
  of score(original) − score(occluded). The last row and column of positions touch the far
  edges, so every pixel is covered. `occlusion_steps` is a generator (DESIGN.md habit 3): it
  scores many occluded copies per forward pass, yields each batch's positions and drops (a view
  animates the square with them), and stops when `should_stop()` says so.

Gradients are taken with respect to the input or the layer only (`torch.autograd.grad`), so a
model that is training elsewhere keeps its parameter gradients; the model's mode is restored.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Callable, Generator

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from core.errors import ConfigError, ModelError

METHODS = ("gradient", "gradcam", "occlusion")
OCCLUSION_BATCH = 64  # occluded copies scored in one forward pass
DEFAULT_WINDOW = 6
DEFAULT_STRIDE = 2
MAX_POSITIONS = 65_536  # occlusion positions: beyond this a window of 1 on a huge image takes minutes


@dataclass(frozen=True, eq=False)
class Attribution:
    """One method's answer to "where does it look?" for one image and one class."""

    method: str  # "gradient", "gradcam" or "occlusion"
    input: np.ndarray  # float32 C×H×W, exactly what the network was fed
    map: np.ndarray  # float32 H×W at the input's resolution
    target: int  # the class whose score (logit) is explained
    probs: np.ndarray  # softmax of the logits for the unchanged input
    class_names: tuple[str, ...]
    layer: str | None = None  # gradcam: the layer whose maps were weighted
    layer_map: np.ndarray | None = None  # gradcam: h×w at the layer's resolution, before upsampling
    window: int | None = None  # occlusion: the square's side in pixels
    stride: int | None = None  # occlusion: pixels between two positions of the square
    baseline: float | None = None  # occlusion: the value the square is filled with, in input units

    @property
    def target_name(self) -> str:
        return self.class_names[self.target]

    def to_npz_dict(self) -> dict[str, np.ndarray]:
        """The `export saliency` layout; loads back with np.load(allow_pickle=False)."""
        out = {"input": self.input, "map": self.map, "target": np.array(self.target, dtype=np.int64),
               "method": np.array(self.method, dtype=np.str_), "probs": self.probs,
               "classes": np.array(self.class_names, dtype=np.str_)}
        if self.method == "gradcam":
            out |= {"layer": np.array(self.layer, dtype=np.str_), "layer_map": self.layer_map}
        if self.method == "occlusion":
            out |= {"window": np.array(self.window, dtype=np.int64), "stride": np.array(self.stride, dtype=np.int64),
                    "baseline": np.array(self.baseline, dtype=np.float32)}
        return out


@dataclass(frozen=True)
class OcclusionProgress:
    """One batch of occlusion positions scored: where the square was and how much the score dropped."""

    done: int  # positions scored so far
    total: int
    window: int
    positions: np.ndarray  # (n, 2) int64: (top, left) of each square in this batch
    drops: np.ndarray  # (n,) float32: score(original) − score(occluded) at each of them


# ----------------------------------------------------------------------------- shared
def _frozen(value: torch.Tensor | np.ndarray) -> np.ndarray:
    if isinstance(value, torch.Tensor):
        value = value.detach().to("cpu", torch.float32).numpy()
    array = np.array(value, dtype=np.float32, copy=True)
    array.setflags(write=False)
    return array


def _placement(model: nn.Module) -> tuple[torch.device, torch.dtype]:
    parameter = next(model.parameters(), None)
    if parameter is None:
        return torch.device("cpu"), torch.float32
    return parameter.device, parameter.dtype


def checked_input(model: nn.Module, input: np.ndarray) -> np.ndarray:
    """The image as a float32 C×H×W copy; ConfigError if it is not one finite image this model takes."""
    if not isinstance(model, nn.Sequential) or len(model) == 0:
        raise ModelError("Explaining a prediction needs a non-empty torch.nn.Sequential model.")
    image = np.array(input, dtype=np.float32, order="C", copy=True)
    if image.ndim != 3 or image.size == 0:
        raise ConfigError("The network's input must be one C×H×W image, not shape {shape}.", shape=image.shape)
    if not np.isfinite(image).all():
        raise ConfigError("The image has values that are not finite numbers; load or draw it again.")
    first_conv = next((child for child in model if isinstance(child, nn.Conv2d)), None)
    if first_conv is not None and first_conv.in_channels != image.shape[0]:
        raise ConfigError("The model expects {expected_channels}-channel images, but this one has "
                          "{image_channels} channels.", expected_channels=first_conv.in_channels,
                          image_channels=image.shape[0])
    return image


def _scores(model: nn.Module, batch: torch.Tensor) -> torch.Tensor:
    try:
        logits = model(batch)
    except RuntimeError as error:
        raise ModelError("The image does not fit this model: {error}", error=error) from None
    if logits.dim() != 2:
        raise ModelError("The model's last layer must output one score per class.")
    return logits


def _names(class_names: Sequence[str] | None, count: int) -> tuple[str, ...]:
    if class_names is None:
        return tuple(str(i) for i in range(count))
    names = tuple(str(name) for name in class_names)
    if len(names) != count:
        raise ModelError("The model outputs {outputs} scores but {count} class names were given.",
                         outputs=count, count=len(names))
    return names


def _target(target: int | None, logits: torch.Tensor) -> int:
    count = logits.shape[-1]
    if target is None:
        return int(torch.argmax(logits.detach()))
    if isinstance(target, bool) or not isinstance(target, (int, np.integer)) or not 0 <= int(target) < count:
        raise ConfigError("The class to explain must be a class number from 0 to {last}, not {value!r}.",
                          last=count - 1, value=target)
    return int(target)


def _probs(logits: torch.Tensor) -> np.ndarray:
    return _frozen(torch.softmax(logits.detach().reshape(-1).to(torch.float64), dim=0))


def _finite(*arrays: np.ndarray) -> None:
    if not all(np.isfinite(array).all() for array in arrays):
        raise ModelError("The model gives numbers that are not finite for this image, so its weights are broken; "
                         "choose another model or train it again.")


class _EvalMode:
    """Eval mode for the duration (no dropout), then the caller's mode again."""

    def __init__(self, model: nn.Module):
        self.model, self.was_training = model, model.training

    def __enter__(self):
        self.model.eval()

    def __exit__(self, *exc):
        self.model.train(self.was_training)


# ----------------------------------------------------------------------------- gradient saliency
def gradient_saliency(model: nn.Sequential, input: np.ndarray, target: int | None = None,
                      class_names: Sequence[str] | None = None) -> Attribution:
    """max over channels of |∂score/∂pixel| for the target class (the predicted one by default)."""
    image = checked_input(model, input)
    device, dtype = _placement(model)
    with _EvalMode(model), torch.enable_grad():
        x = torch.tensor(image, device=device, dtype=dtype).unsqueeze(0).requires_grad_(True)
        logits = _scores(model, x)
        chosen = _target(target, logits)
        (gradient,) = torch.autograd.grad(logits[0, chosen], x)
    saliency = _frozen(gradient[0].abs().amax(dim=0))
    probs = _probs(logits)
    _finite(saliency, probs)
    image.setflags(write=False)
    return Attribution("gradient", image, saliency, chosen, probs, _names(class_names, logits.shape[1]))


# ----------------------------------------------------------------------------- Grad-CAM
def spatial_layers(model: nn.Sequential, input_shape: tuple[int, int, int]) -> tuple[str, ...]:
    """The names of the children whose output is a stack of maps: the layers Grad-CAM can use."""
    names = []
    device, dtype = _placement(model)
    x = torch.zeros((1, *input_shape), device=device, dtype=dtype)
    with torch.no_grad():
        for name, child in model.named_children():
            x = child(x)
            if x.dim() == 4:
                names.append(name)
    return tuple(names)


RECTIFIERS = (nn.ReLU, nn.LeakyReLU, nn.ReLU6, nn.ELU, nn.GELU, nn.SiLU)


def default_layer(model: nn.Sequential) -> str:
    """The last convolution's maps, rectified: the activation right after the last convolution layer when
    there is one (Selvaraju et al. weight the rectified maps; before the ReLU, the weighted sum of these small
    networks is mostly negative, and the map shows nothing), else the convolution itself. ModelError if the
    model has no convolution."""
    children = list(model.named_children())
    positions = [index for index, (_, child) in enumerate(children) if isinstance(child, nn.Conv2d)]
    if not positions:
        raise ModelError("Grad-CAM needs a convolution layer, and this model has none.")
    last = positions[-1]
    if last + 1 < len(children) and isinstance(children[last + 1][1], RECTIFIERS):
        return children[last + 1][0]
    return children[last][0]


def grad_cam(model: nn.Sequential, input: np.ndarray, target: int | None = None, layer: str | None = None,
             class_names: Sequence[str] | None = None) -> Attribution:
    """Grad-CAM for the target class at `layer` (the last convolution by default)."""
    image = checked_input(model, input)
    layer = default_layer(model) if layer is None else str(layer)
    children = list(model.named_children())
    if layer not in [name for name, _ in children]:
        raise ConfigError("There is no layer {name!r}; choose one of: {choices}.", name=layer,
                          choices=", ".join(name for name, _ in children))
    device, dtype = _placement(model)
    with _EvalMode(model), torch.enable_grad():
        x = torch.tensor(image, device=device, dtype=dtype).unsqueeze(0)
        maps = None
        try:
            for name, child in children:
                x = child(x)
                if name == layer:
                    if x.dim() != 4:
                        raise ConfigError("Grad-CAM needs a layer that outputs maps; {name!r} outputs a vector, "
                                          "so choose a convolution layer.", name=layer)
                    maps = x if x.requires_grad else x.requires_grad_(True)
                    x = maps.clone()  # an in-place layer after it must not change the maps recorded
        except RuntimeError as error:
            raise ModelError("The image does not fit this model: {error}", error=error) from None
        if x.dim() != 2:
            raise ModelError("The model's last layer must output one score per class.")
        chosen = _target(target, x)
        (gradient,) = torch.autograd.grad(x[0, chosen], maps)
    with torch.no_grad():
        alpha = gradient[0].mean(dim=(1, 2))  # K
        cam = torch.relu((alpha.view(-1, 1, 1) * maps[0].detach()).sum(dim=0))
        upsampled = F.interpolate(cam[None, None], size=image.shape[1:], mode="bilinear", align_corners=False)[0, 0]
    layer_map, full, probs = _frozen(cam), _frozen(upsampled), _probs(x)
    _finite(layer_map, full, probs)
    image.setflags(write=False)
    return Attribution("gradcam", image, full, chosen, probs, _names(class_names, x.shape[1]),
                       layer=layer, layer_map=layer_map)


# ----------------------------------------------------------------------------- occlusion
def occlusion_positions(height: int, width: int, window: int, stride: int) -> np.ndarray:
    """(top, left) of every square, row by row; the last ones touch the bottom and right edges."""
    def starts(side: int) -> list[int]:
        values = list(range(0, side - window + 1, stride))
        if values[-1] != side - window:
            values.append(side - window)
        return values

    tops, lefts = starts(height), starts(width)
    return np.array([(top, left) for top in tops for left in lefts], dtype=np.int64).reshape(-1, 2)


def _check_window(window: int, stride: int, baseline: float, height: int, width: int) -> None:
    for value in (window, stride):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ConfigError("The occlusion window and stride must be whole numbers of pixels, not {value!r}.",
                              value=value)
    if not 1 <= window <= min(height, width):
        raise ConfigError("The occlusion window must be from 1 to {largest} pixels for this image, not {value}.",
                          largest=min(height, width), value=window)
    if not 1 <= stride <= window:
        raise ConfigError("The occlusion stride must be from 1 to the window ({window} pixels), so that every "
                          "pixel is covered; not {value}.", window=window, value=stride)
    if isinstance(baseline, bool) or not isinstance(baseline, (int, float, np.floating)) \
            or not math.isfinite(baseline):
        raise ConfigError("The occlusion square's value must be a finite number, not {value!r}.", value=baseline)


def occlusion_steps(model: nn.Sequential, input: np.ndarray, target: int | None = None,
                    window: int = DEFAULT_WINDOW, stride: int = DEFAULT_STRIDE, baseline: float = 0.0,
                    class_names: Sequence[str] | None = None, batch_size: int = OCCLUSION_BATCH,
                    should_stop: Callable[[], bool] = lambda: False,
                    ) -> Generator[OcclusionProgress, None, Attribution | None]:
    """Slide the square over the image batch by batch, yielding progress; the Attribution at the end,
    or None if `should_stop()` ended it early."""
    image = checked_input(model, input)
    _, height, width = image.shape
    _check_window(window, stride, baseline, height, width)
    window, stride, baseline = int(window), int(stride), float(baseline)
    positions = occlusion_positions(height, width, window, stride)
    if len(positions) > MAX_POSITIONS:
        raise ConfigError("The occlusion square would take {count} positions; choose a larger window or stride.",
                          count=len(positions))
    device, dtype = _placement(model)
    batch_size = max(1, int(batch_size))
    drop_sum = np.zeros((height, width), dtype=np.float64)
    cover = np.zeros((height, width), dtype=np.float64)
    with _EvalMode(model), torch.no_grad():
        original = torch.tensor(image, device=device, dtype=dtype).unsqueeze(0)
        logits = _scores(model, original)
        chosen = _target(target, logits)
        reference = float(logits[0, chosen])
        for start in range(0, len(positions), batch_size):
            if should_stop():
                return None
            chunk = positions[start:start + batch_size]
            occluded = original.repeat(len(chunk), 1, 1, 1)
            for row, (top, left) in enumerate(chunk):
                occluded[row, :, top:top + window, left:left + window] = baseline
            drops = reference - _scores(model, occluded)[:, chosen].to(torch.float64).cpu().numpy()
            for (top, left), drop in zip(chunk, drops):
                drop_sum[top:top + window, left:left + window] += drop
                cover[top:top + window, left:left + window] += 1
            yield OcclusionProgress(start + len(chunk), len(positions), window, chunk.copy(), _frozen(drops))
    probs = _probs(logits)
    result = _frozen(drop_sum / np.maximum(cover, 1))
    _finite(result, probs)
    image.setflags(write=False)
    return Attribution("occlusion", image, result, chosen, probs, _names(class_names, logits.shape[1]),
                       window=window, stride=stride, baseline=baseline)


def occlusion(model: nn.Sequential, input: np.ndarray, target: int | None = None, window: int = DEFAULT_WINDOW,
              stride: int = DEFAULT_STRIDE, baseline: float = 0.0, class_names: Sequence[str] | None = None,
              on_progress: Callable[[OcclusionProgress], None] | None = None) -> Attribution:
    """The whole occlusion map (see occlusion_steps)."""
    steps = occlusion_steps(model, input, target, window, stride, baseline, class_names)
    while True:
        try:
            progress = next(steps)
        except StopIteration as finished:
            return finished.value
        if on_progress is not None:
            on_progress(progress)


def explain(method: str, model: nn.Sequential, input: np.ndarray, target: int | None = None,
            class_names: Sequence[str] | None = None, layer: str | None = None, window: int = DEFAULT_WINDOW,
            stride: int = DEFAULT_STRIDE, baseline: float = 0.0) -> Attribution:
    """One of METHODS by name, for a caller (the CLI) that lets the user choose."""
    if method == "gradient":
        return gradient_saliency(model, input, target, class_names)
    if method == "gradcam":
        return grad_cam(model, input, target, layer, class_names)
    if method == "occlusion":
        return occlusion(model, input, target, window, stride, baseline, class_names)
    raise ConfigError("Unknown explanation {method!r}; choose one of: {choices}.", method=method,
                      choices=", ".join(METHODS))
