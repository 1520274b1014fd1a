"""The feature maps of one image, layer by layer, through a named Sequential CNN.

`compute_features` runs the model child by child and keeps a frozen numpy copy of
every child's output (and of each convolution's kernels), so the CNN view can draw
them while training goes on, and `export features` can write numbers a student checks
with an independent cross-correlation. The arrays are read-only: one record may be
shared by the worker, the view and an export at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.errors import ConfigError, ModelError, Phrase

# The keys `to_npz_dict` writes besides the layer names; a layer may not take them.
RESERVED_KEYS = ("input", "layers", "probs", "classes")
NORMALISE_MODES = ("map", "layer", "global")
# Words a message puts into its sentence (translated with it: see Phrase in core/errors.py).
_PADDING, _DILATION, _STRIDE, _KERNEL_SIZE = (Phrase("padding"), Phrase("dilation"), Phrase("stride"),
                                              Phrase("kernel size"))


@dataclass(frozen=True, eq=False)
class LayerFeatures:
    """One child of the model and what it made of the image."""

    name: str  # the child's name in the Sequential, e.g. "conv1"
    kind: str  # conv|relu|pool|flatten|linear|dropout
    output: np.ndarray  # C×H×W for spatial layers, a vector after flatten/linear
    weight: np.ndarray | None = None  # conv: out×in×kh×kw; linear: out×in
    bias: np.ndarray | None = None  # conv and linear: (out,), zeros when the layer has none
    stride: tuple[int, int] | None = None  # conv and pool
    padding: tuple[int, int] | None = None  # conv
    kernel_size: tuple[int, int] | None = None  # pool
    mode: str | None = None  # pool: max|avg

    @property
    def is_spatial(self) -> bool:
        """True when the output is a stack of maps that can be drawn as images."""
        return self.output.ndim == 3


@dataclass(frozen=True, eq=False)
class FeatureRecord:
    """One image's pass through a CNN: input, every layer, and the prediction."""

    input: np.ndarray  # float32 C×H×W, exactly what the network was fed
    layers: tuple[LayerFeatures, ...]  # in the model's order
    logits: np.ndarray  # the last layer's output
    probs: np.ndarray  # softmax(logits)
    class_names: tuple[str, ...]
    top_class: int  # index of the most probable class

    @property
    def top_class_name(self) -> str:
        return self.class_names[self.top_class]

    @property
    def layer_names(self) -> tuple[str, ...]:
        return tuple(layer.name for layer in self.layers)

    def layer(self, name: str) -> LayerFeatures:
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise KeyError(name)


def _frozen(tensor: torch.Tensor) -> np.ndarray:
    # Always a copy: parameters keep training, and an in-place ReLU would otherwise
    # overwrite the convolution output recorded just before it.
    array = tensor.detach().to("cpu", torch.float32).numpy().copy()
    array.setflags(write=False)
    return array


def _two(value, what: str, name: str) -> tuple[int, int]:
    pair = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    if len(pair) != 2:
        raise ModelError(
            "Layer {name!r} has a {what} of {value!r}; only 2-D layers can be shown.",
            name=name, what=what, value=value,
        )
    return (int(pair[0]), int(pair[1]))


def _conv_padding(layer: nn.Conv2d, name: str) -> tuple[int, int]:
    if layer.padding == "valid":
        return (0, 0)
    if layer.padding == "same":
        if any(k % 2 == 0 for k in layer.kernel_size):
            raise ModelError("Layer {name!r} pads 'same' with an even kernel, which pads unevenly; "
                             "give it explicit padding.", name=name)
        return (layer.kernel_size[0] // 2, layer.kernel_size[1] // 2)
    return _two(layer.padding, _PADDING, name)


def _describe(name: str, layer: nn.Module) -> dict:
    """The kind of a child and the settings the export records; refuses what it cannot describe.

    Settings the export has no key for (dilation, groups, pooling padding, ceil mode)
    are refused rather than silently dropped: a student checking the numbers with the
    recorded stride and padding would otherwise get a different answer.
    """
    if name in RESERVED_KEYS or "." in name:
        raise ModelError("A layer may not be called {name!r}; rename it in the model.", name=name)
    if isinstance(layer, nn.Conv2d):
        if _two(layer.dilation, _DILATION, name) != (1, 1) or layer.groups != 1 or layer.padding_mode != "zeros":
            raise ModelError("Layer {name!r} uses dilation, groups or non-zero padding, "
                             "which the feature view cannot show.", name=name)
        return {"kind": "conv", "stride": _two(layer.stride, _STRIDE, name), "padding": _conv_padding(layer, name)}
    if isinstance(layer, (nn.MaxPool2d, nn.AvgPool2d)):
        dilation = getattr(layer, "dilation", 1)
        if _two(layer.padding, _PADDING, name) != (0, 0) or layer.ceil_mode or _two(dilation, _DILATION, name) != (1, 1):
            raise ModelError("Layer {name!r} pools with padding, dilation or ceil mode, "
                             "which the feature view cannot show.", name=name)
        stride = layer.stride if layer.stride is not None else layer.kernel_size
        return {"kind": "pool", "kernel_size": _two(layer.kernel_size, _KERNEL_SIZE, name),
                "stride": _two(stride, _STRIDE, name), "mode": "max" if isinstance(layer, nn.MaxPool2d) else "avg"}
    for kind, types in (("relu", nn.ReLU), ("flatten", nn.Flatten), ("linear", nn.Linear), ("dropout", nn.Dropout)):
        if isinstance(layer, types):
            return {"kind": kind}
    raise ModelError(
        "Layer {name!r} is a {layer_type}, which the feature view cannot show yet.",
        name=name, layer_type=type(layer).__name__,
    )


def _parameters(layer: nn.Module) -> dict:
    if not isinstance(layer, (nn.Conv2d, nn.Linear)):
        return {}
    bias = layer.bias if layer.bias is not None else torch.zeros(layer.weight.shape[0])
    return {"weight": _frozen(layer.weight), "bias": _frozen(bias)}


def compute_features(model: nn.Sequential, input: np.ndarray, class_names: Sequence[str]) -> FeatureRecord:
    """Run one C×H×W image through `model`, keeping every child's output.

    Runs without gradients and in eval mode (dropout off), on the device of the model's
    parameters; the model's training mode is restored afterwards, so a training loop
    can call this between steps.
    """
    if not isinstance(model, nn.Sequential) or len(model) == 0:
        raise ModelError("The feature view needs a non-empty torch.nn.Sequential model.")
    # Our own copy: it is recorded as "exactly what the network was fed", so neither the
    # caller nor an in-place first layer may change it afterwards.
    image = np.array(input, dtype=np.float32, order="C", copy=True)
    if image.ndim != 3 or image.size == 0:
        raise ConfigError(
            "The network's input must be one C×H×W image, not shape {shape}.",
            shape=image.shape,
        )
    names = tuple(str(name) for name in class_names)
    children = list(model.named_children())
    settings = [_describe(name, child) for name, child in children]
    parameter = next(model.parameters(), None)
    device = parameter.device if parameter is not None else torch.device("cpu")
    dtype = parameter.dtype if parameter is not None else torch.float32
    first_conv = next((child for child in model if isinstance(child, nn.Conv2d)), None)
    if first_conv is not None and first_conv.in_channels != image.shape[0]:
        raise ConfigError(
            "The model expects {expected_channels}-channel images, "
            "but this one has {image_channels} channels.",
            expected_channels=first_conv.in_channels, image_channels=image.shape[0],
        )

    was_training = model.training
    model.eval()
    layers = []
    try:
        with torch.no_grad():
            x = torch.tensor(image, device=device, dtype=dtype).unsqueeze(0)  # copies
            for (name, child), setting in zip(children, settings):
                try:
                    x = child(x)
                except RuntimeError as error:
                    raise ModelError(
                        "Layer {name!r} cannot take an input of shape "
                        "{shape}; the image does not fit this model.",
                        name=name, shape=tuple(x.shape[1:]),
                    ) from error
                layers.append(LayerFeatures(name=name, output=_frozen(x[0]), **setting, **_parameters(child)))
            if x.dim() != 2:
                raise ModelError("The model's last layer must output one score per class.")
            probs = torch.softmax(x[0].to(torch.float64), dim=0)
    finally:
        model.train(was_training)

    logits = layers[-1].output
    if len(names) != logits.shape[0]:
        raise ModelError(
            "The model outputs {outputs} scores but {count} class names were given.",
            outputs=logits.shape[0], count=len(names),
        )
    image.setflags(write=False)
    return FeatureRecord(
        input=image,
        layers=tuple(layers),
        logits=logits,
        probs=_frozen(probs),
        class_names=names,
        top_class=int(torch.argmax(probs)),
    )


def global_range_of(record: FeatureRecord) -> tuple[float, float]:
    """Min and max over every spatial layer's maps (not the input, not the vectors).

    "Global" normalisation uses this one range for every layer, so a bright map really
    is stronger than a dim one in another layer. The input is left out: it lives on
    the image's own 0..1 scale and is drawn as channels, not as feature maps.
    """
    values = [layer.output for layer in record.layers if layer.is_spatial]
    finite = [v[np.isfinite(v)] for v in values]
    finite = [v for v in finite if v.size]
    if not finite:
        return (0.0, 0.0)
    return (float(min(v.min() for v in finite)), float(max(v.max() for v in finite)))


def normalise_maps(maps: np.ndarray, mode: str = "map", global_range: tuple[float, float] | None = None,
                   dtype: type = np.uint8) -> np.ndarray:
    """Scale N×H×W maps to 0..255 (uint8, the default) or 0..1 (float32) for display.

    mode="map": each map on its own min..max, so every map shows its own pattern.
    mode="layer": one min..max over all N maps, so maps of one layer compare.
    mode="global": the caller's `global_range` (see `global_range_of(record)`), so maps
    compare across layers. A map with no spread (all one value) shows as 0 (black), and
    values that are not finite show as 0 too.
    """
    if mode not in NORMALISE_MODES:
        raise ConfigError(
            "Unknown normalisation {mode!r}; choose one of {choices}.",
            mode=mode, choices=", ".join(NORMALISE_MODES),
        )
    as_bytes = np.dtype(dtype) == np.uint8
    if not as_bytes and np.dtype(dtype) != np.float32:
        raise ConfigError("Maps normalise to uint8 or float32 only.")
    array = np.asarray(maps, dtype=np.float64)
    if array.ndim != 3:
        raise ConfigError("Feature maps must be N×H×W, not shape {shape}.", shape=array.shape)
    finite = np.isfinite(array)
    if mode == "global":
        if global_range is None:
            raise ConfigError("Global normalisation needs the range over all layers; pass global_range.")
        lo, hi = np.float64(global_range[0]), np.float64(global_range[1])
    else:
        axes = (1, 2) if mode == "map" else (0, 1, 2)
        # Non-finite values take no part in the range; a map without any finite value
        # gets lo=+inf, hi=-inf, i.e. no spread.
        lo = np.min(np.where(finite, array, np.inf), axis=axes, keepdims=True, initial=np.inf)
        hi = np.max(np.where(finite, array, -np.inf), axis=axes, keepdims=True, initial=-np.inf)
    spread = hi - lo
    usable = np.isfinite(spread) & (spread > 0)
    shifted = np.where(finite, array, 0.0) - np.where(usable, lo, 0.0)
    scaled = np.where(usable & finite, shifted / np.where(usable, spread, 1.0), 0.0)
    scaled = np.clip(scaled, 0.0, 1.0)
    if as_bytes:
        return np.rint(scaled * 255).astype(np.uint8)
    return scaled.astype(np.float32)


def to_npz_dict(record: FeatureRecord) -> dict[str, np.ndarray]:
    """The `export features` layout; loads back with np.load(allow_pickle=False).

    Keys: input, layers, one per layer name N (its output), N.weight / N.bias /
    N.stride / N.padding for a convolution, N.kernel_size / N.stride for a pooling
    layer, probs and classes. Names are unicode string arrays, never object arrays.
    """
    out: dict[str, np.ndarray] = {
        "input": np.asarray(record.input, dtype=np.float32),
        "layers": np.array(record.layer_names, dtype=np.str_),
    }
    for layer in record.layers:
        out[layer.name] = layer.output
        if layer.kind == "conv":
            out[f"{layer.name}.weight"] = layer.weight
            out[f"{layer.name}.bias"] = layer.bias
            out[f"{layer.name}.stride"] = np.array(layer.stride, dtype=np.int64)
            out[f"{layer.name}.padding"] = np.array(layer.padding, dtype=np.int64)
        elif layer.kind == "pool":
            out[f"{layer.name}.kernel_size"] = np.array(layer.kernel_size, dtype=np.int64)
            out[f"{layer.name}.stride"] = np.array(layer.stride, dtype=np.int64)
    out["probs"] = record.probs
    out["classes"] = np.array(record.class_names, dtype=np.str_)
    return out
