"""ConvolutionState: everything the Convolution tab shows, as plain data a session or a lesson can save.

No Qt here. `to_dict` gives JSON-ready values; `from_dict` checks every key on its own and
puts the default back in place of a missing or broken one, so a hand-edited or older file
still opens, with as much of it as makes sense. The tab is built from it with
`ConvTab.apply_state` and reports it with `ConvTab.state`; each view owns one piece.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field, fields

import numpy as np

from core.cnn.kernels import KERNELS, kernel
from core.data.sample_images import sample_names

DEFAULT_MODEL = "digits"
DEFAULT_SAMPLE = "digit 7"
IMAGE_KINDS = ("sample", "file", "drawing", "clipboard", "drop")  # the last two cannot be restored: no data kept
VIEWS = ("network", "playground", "saliency", "channel")  # the lab's sub-views, in their tabs' order
SCALINGS = ("map", "layer", "global")  # the CNN view's colour scale
OPERATIONS = ("convolution", "relu", "max_pool", "avg_pool")
CHANNELS = ("luminance", "R", "G", "B")
GRID_SIDES = (16, 32, 64)
MIN_SPEED, MAX_SPEED = 0.1, 10.0  # as gui.style.clock, which cannot be imported here (it is Qt)
TRAINING_SOURCES = ("digits", "shapes", "folder", "mnist", "fashion-mnist", "cifar10")
TRAINING_STARTS = ("shipped", "random")
TRAINING_SPEEDS = (None, 20.0, 5.0, 1.0)  # steps per second; None is full speed
MAX_KERNEL_VALUE = 1000.0
MAX_STROKE_POINTS = 20_000  # all strokes together: a drawing is a few hundred
MAX_CLASSES = 1000  # a class number to explain is below this
MAX_OCCLUSION_SIDE = 64  # the occlusion square's side and step: the lab's images are at most 64 pixels


def slider_speed(speed: float) -> float:
    """The speed the playground's slider can show (steps of 1/100 decade, 0.1× to 10×)."""
    clamped = min(MAX_SPEED, max(MIN_SPEED, float(speed)))
    return 10.0 ** (round(100 * math.log10(clamped)) / 100.0)


def as_kernel(values) -> tuple[tuple[float, ...], ...]:
    """Kernel values as float32-exact tuples (what the playground computes with); ValueError if not a 3×3 or 5×5."""
    array = np.array(values, dtype=np.float32)
    if array.ndim != 2 or array.shape[0] != array.shape[1] or array.shape[0] not in (3, 5):
        raise ValueError("a kernel is 3×3 or 5×5")
    if not np.all(np.isfinite(array)) or np.abs(array).max() > MAX_KERNEL_VALUE:
        raise ValueError("kernel values are finite, at most 1000 in size")
    return tuple(tuple(float(v) for v in row) for row in array)


# ---------------------------------------------------------------------- per-key checks
def _choice(value, options):
    if value not in options:
        raise ValueError(f"{value!r} is not one of {options}")
    return value


def _int_in(value, low: int, high: int) -> int:
    if isinstance(value, bool):
        raise ValueError("a number, not true/false")
    number = float(value)
    if number != int(number) or not low <= number <= high:
        raise ValueError(f"{value!r} is not a whole number from {low} to {high}")
    return int(number)


def _float_in(value, low: float, high: float) -> float:
    if isinstance(value, bool):
        raise ValueError("a number, not true/false")
    number = float(value)
    if not (math.isfinite(number) and low <= number <= high):
        raise ValueError(f"{value!r} is not a number from {low} to {high}")
    return number


def _text(value) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    return value


def _checked(cls, data, checks: dict):
    """An instance of dataclass `cls` from `data`, each key through its check; a failing key keeps its default."""
    default = cls()
    if not isinstance(data, dict):
        return default
    values = {}
    for item in fields(cls):
        if item.name in data and item.name in checks:
            try:
                values[item.name] = checks[item.name](data[item.name])
                continue
            except (TypeError, ValueError, KeyError, OverflowError):
                pass
        values[item.name] = getattr(default, item.name)
    return cls(**values)


# ---------------------------------------------------------------------- the pieces
@dataclass(frozen=True)
class ImageState:
    """Where the picture came from: a sample by name, a file by path, or the drawing canvas."""

    kind: str = "sample"
    sample: str = DEFAULT_SAMPLE
    path: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data) -> ImageState:
        return _checked(cls, data, {"kind": lambda v: _choice(v, IMAGE_KINDS),
                                    "sample": lambda v: _choice(v, tuple(sample_names())), "path": _text})


def _stroke(value) -> tuple[float, bool, tuple[tuple[float, float], ...]]:
    width, erase, points = value
    if not isinstance(erase, bool):
        raise ValueError("erase is true or false")
    points = tuple((_float_in(x, -1e4, 1e4), _float_in(y, -1e4, 1e4)) for x, y in points)
    if not points:
        raise ValueError("a stroke has a point")
    return _float_in(width, 1.0, 200.0), erase, points


def _strokes(value) -> tuple:
    strokes = tuple(_stroke(stroke) for stroke in value)
    if sum(len(points) for _, _, points in strokes) > MAX_STROKE_POINTS:
        raise ValueError("too many points")
    return strokes


@dataclass(frozen=True)
class DrawingState:
    """The drawing canvas: its pen and its strokes (width, rubs out, points in the 280×280 sheet)."""

    pen_width: int = 22
    strokes: tuple = ()

    @classmethod
    def from_dict(cls, data) -> DrawingState:
        return _checked(cls, data, {"pen_width": lambda v: _int_in(v, 4, 60), "strokes": _strokes})

    def to_dict(self) -> dict:
        return {"pen_width": self.pen_width,
                "strokes": [[width, erase, [list(p) for p in points]] for width, erase, points in self.strokes]}


def _detail(value) -> tuple[str, int] | None:
    if value is None:
        return None
    layer, index = value
    return _text(layer), _int_in(index, 0, 10_000)


@dataclass(frozen=True)
class MapsState:
    """The network's maps: the colour scale, and the one map enlarged in its own window (layer, index), if any."""

    scaling: str = "map"
    detail: tuple[str, int] | None = None

    @classmethod
    def from_dict(cls, data) -> MapsState:
        return _checked(cls, data, {"scaling": lambda v: _choice(v, SCALINGS), "detail": _detail})

    def to_dict(self) -> dict:
        return {"scaling": self.scaling, "detail": list(self.detail) if self.detail else None}


@dataclass(frozen=True)
class PlaygroundState:
    """The kernel playground: the operation and its settings, where the animation is, and how fast it plays.

    `kernel` holds the numbers; for a named kernel they are the core's, at the kernel's size.
    `step` is the last position shown (−1: none yet).
    """

    operation: str = "convolution"
    kernel_name: str = "sobel_x"  # a KERNELS key, or "custom"
    kernel: tuple = field(default_factory=lambda: as_kernel(kernel("sobel_x", 3)))
    channel: str = "luminance"
    stride: int = 1
    padding: int = 0
    pool_size: int = 2
    pool_stride: int = 2
    grid: int = 32
    step: int = -1
    speed: float = 1.0

    @classmethod
    def from_dict(cls, data) -> PlaygroundState:
        state = _checked(cls, data, {
            "operation": lambda v: _choice(v, OPERATIONS), "kernel_name": lambda v: _choice(v, (*KERNELS, "custom")),
            "kernel": as_kernel, "channel": lambda v: _choice(v, CHANNELS), "stride": lambda v: _int_in(v, 1, 4),
            "padding": lambda v: _int_in(v, 0, 3), "pool_size": lambda v: _choice(_int_in(v, 2, 3), (2, 3)),
            "pool_stride": lambda v: _int_in(v, 1, 3), "grid": lambda v: _choice(_int_in(v, 16, 64), GRID_SIDES),
            "step": lambda v: _int_in(v, -1, 10_000_000), "speed": lambda v: slider_speed(_float_in(v, 0, 1e9))})
        if state.kernel_name == "custom":
            return state
        size = len(state.kernel)
        if size not in KERNELS[state.kernel_name].sizes:  # a named kernel at a size it lacks: the default kernel
            default = cls()
            return cls(**{**asdict(state), "kernel_name": default.kernel_name, "kernel": default.kernel})
        return cls(**{**asdict(state), "kernel": as_kernel(kernel(state.kernel_name, size))})

    def to_dict(self) -> dict:
        return {**asdict(self), "kernel": [list(row) for row in self.kernel]}


def _target(value) -> int | None:
    return None if value is None else _int_in(value, 0, MAX_CLASSES - 1)


def _layer(value) -> str:
    name = _text(value)
    if len(name) > 100:
        raise ValueError("a layer name is short")
    return name


@dataclass(frozen=True)
class SaliencyState:
    """"Where does it look?": the class explained (None: the network's answer), Grad-CAM's layer ("": the
    default), the occlusion square's side and step, and how strongly the maps cover the image (0..1)."""

    target: int | None = None
    layer: str = ""
    window: int = 6  # as core.cnn.attribution.DEFAULT_WINDOW and DEFAULT_STRIDE
    stride: int = 2
    opacity: float = 0.6

    @classmethod
    def from_dict(cls, data) -> SaliencyState:
        # The window and step are kept as saved (within the spin boxes' range): the core says in one sentence
        # when they do not fit the image, as it does for a value typed in.
        return _checked(cls, data, {
            "target": _target, "layer": _layer, "window": lambda v: _int_in(v, 1, MAX_OCCLUSION_SIDE),
            "stride": lambda v: _int_in(v, 1, MAX_OCCLUSION_SIDE), "opacity": lambda v: round(_float_in(v, 0.0, 1.0), 2)})

    def to_dict(self) -> dict:
        return asdict(self)


MAX_SAVE_NAME = 100  # as core.nets.model_store.MAX_NAME


def valid_save_name(name) -> bool:
    """Whether `name` can be a saved model's name: letters, digits, - and _, at most MAX_SAVE_NAME of them."""
    return isinstance(name, str) and re.fullmatch(r"[A-Za-z0-9_\-]{1,%d}" % MAX_SAVE_NAME, name) is not None


def _save_name(value) -> str:
    name = _text(value).strip()
    if not valid_save_name(name):
        raise ValueError("a model name is letters, digits, - and _")
    return name


def _optimizer(value) -> str:
    from core.optimizers import OPTIMIZERS  # the names only; imported here so this module stays light

    return _choice(value, tuple(OPTIMIZERS))


@dataclass(frozen=True)
class TrainingState:
    """The live training panel's settings: the pictures, the starting weights, optimizer, step size, speed."""

    source: str = "digits"
    folder: str = ""  # the photo folder, for source "folder"
    start: str = "shipped"
    optimizer: str = "adam"
    learning_rate: float = 0.001
    batch_size: int = 32
    speed: float | None = None  # steps per second; None is full speed
    save_name: str = "my_model"

    @classmethod
    def from_dict(cls, data) -> TrainingState:
        return _checked(cls, data, {
            "source": lambda v: _choice(v, TRAINING_SOURCES), "folder": _text,
            "start": lambda v: _choice(v, TRAINING_STARTS), "optimizer": _optimizer,
            "learning_rate": lambda v: round(_float_in(v, 0.00001, 10.0), 5), "batch_size": lambda v: _int_in(v, 1, 512),
            "speed": lambda v: _choice(None if v is None else _float_in(v, 0, 1e9), TRAINING_SPEEDS), "save_name": _save_name})

    def to_dict(self) -> dict:
        return asdict(self)


# ---------------------------------------------------------------------- the whole tab
@dataclass(frozen=True)
class ConvolutionState:
    """What the Convolution tab shows: the network, the picture, which view, and each view's settings."""

    model: str = DEFAULT_MODEL
    image: ImageState = field(default_factory=ImageState)
    view: str = "network"
    maps: MapsState = field(default_factory=MapsState)
    drawing: DrawingState = field(default_factory=DrawingState)
    playground: PlaygroundState = field(default_factory=PlaygroundState)
    training: TrainingState = field(default_factory=TrainingState)
    saliency: SaliencyState = field(default_factory=SaliencyState)

    def to_dict(self) -> dict:
        return {"model": self.model, "image": self.image.to_dict(), "view": self.view, "maps": self.maps.to_dict(),
                "drawing": self.drawing.to_dict(), "playground": self.playground.to_dict(),
                "training": self.training.to_dict(), "saliency": self.saliency.to_dict()}

    @classmethod
    def from_dict(cls, data) -> ConvolutionState:
        if not isinstance(data, dict):
            return cls()
        pieces = {"image": ImageState, "maps": MapsState, "drawing": DrawingState, "playground": PlaygroundState,
                  "training": TrainingState, "saliency": SaliencyState}
        state = _checked(cls, data, {"model": lambda v: _text(v) or DEFAULT_MODEL,
                                     "view": lambda v: _choice(v, VIEWS)})
        return cls(model=state.model, view=state.view,
                   **{name: piece.from_dict(data.get(name)) for name, piece in pieces.items()})


# --- the lab's model and image as session parts ---------------------------------------------

MAX_IMAGE_SIDE = 1024
MAX_NAME = 200


class LabParts:
    """ConvTab's session hooks (core/session/parts.py), kept free of Qt: the tab supplies `_refuse(error)`,
    `_show_live_network(architecture, info, weights, title)`, `looking_through_live_network()`, `_try_image`,
    `set_model` and the signal `model_part_ready`."""

    def request_model_part(self) -> None:
        """Emit `model_part_ready` with the lab's model: a shipped or saved one by name, or the trained weights."""
        self.model_part_ready.emit(self.model_part())

    def model_part(self):
        from core.cnn.snapshot import part_from_model
        if not self.model_name:
            return None
        if not self.looking_through_live_network():
            return part_from_model(self.model_name)
        live = self._live_network
        return None if live is None else part_from_model(self._live_title, live.info, live.weights)

    def restore_model_part(self, part) -> bool:
        """Look through the part's model; a bad part is one sentence and the model on screen stays."""
        from core.cnn.snapshot import model_from_part
        from core.errors import GlassboxError
        try:
            model = model_from_part(part)
        except GlassboxError as error:
            return self._refuse(error)
        if not model.trained:
            return self.set_model(model.name)
        self._show_live_network(model.info.architecture, model.info, model.weights, model.name)
        return True

    def lab_image_part(self):
        """The current image's uint8 pixels and what is needed to show it as it was; None without an image."""
        from core.session.parts import Part
        if self.image is None:
            return None
        width, height = self.image.original_size
        meta = {"format": 1, "name": self.image.name, "source": self.source, "path": self.image_path,
                "original_size": [int(width), int(height)], "image_format": self.image.format}
        return Part(meta, {"pixels": np.array(self.image.pixels, dtype=np.uint8, copy=True)})

    def restore_lab_image_part(self, part) -> bool:
        """Show the part's image exactly; a bad part is one sentence and the image on screen stays."""
        from dataclasses import replace
        from core.data.images import from_array
        from core.errors import SessionError
        try:
            name, source, path, size, image_format, pixels = _lab_image(part)
        except (TypeError, ValueError, KeyError, AttributeError):
            return self._refuse(SessionError("The session's lab image is damaged, so the image on screen was kept."))
        return self._try_image(lambda: replace(from_array(pixels, name), original_size=size, format=image_format),
                               source, path)


def _lab_image(part):
    meta, pixels = part.meta, part.arrays["pixels"]
    if not isinstance(meta, dict) or meta.get("format") != 1:
        raise ValueError("unknown format")
    name, source, path = _text(meta["name"]), meta.get("source", "clipboard"), _text(meta.get("path", ""))
    if not name or len(name) > MAX_NAME or source not in IMAGE_KINDS:
        raise ValueError("bad name or source")
    if not isinstance(pixels, np.ndarray) or pixels.dtype != np.uint8 or pixels.ndim not in (2, 3):
        raise ValueError("not uint8 pixels")
    if pixels.ndim == 3 and pixels.shape[2] != 3 or not all(1 <= side <= MAX_IMAGE_SIDE for side in pixels.shape[:2]):
        raise ValueError("bad shape")
    width, height = (int(_float_in(v, 1, 100_000)) for v in meta["original_size"])
    image_format = _text(meta.get("image_format", "array"))[:10]
    return name, source, path if source == "file" else "", (width, height), image_format, pixels
