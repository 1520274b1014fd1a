"""The kernel playground: classic kernels, convolution, ReLU and pooling, step by step.

Plain numpy, so the convolution view can animate exactly the arithmetic a student does
by hand, and the tests can hold it against torch. "Convolution" here is what deep-learning
frameworks compute: cross-correlation, with the kernel NOT flipped, and zero padding.
Even-sized and non-square kernels are allowed (torch allows them); the window is anchored
at its top-left corner in the padded image.

The step sequences are lazy: step i is computed when asked for, so an animation over a
64×64 image (4,096 steps) never builds them all.
"""

from __future__ import annotations

import numbers
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from core.errors import ConfigError, Phrase

Pair = int | tuple[int, int]
StepT = TypeVar("StepT")

# ITU-R BT.601 weights, the ones Pillow's "L" mode uses, so a luminance convolution
# matches what the image looks like in grayscale elsewhere in the app.
LUMINANCE_WEIGHTS = (0.299, 0.587, 0.114)
CHANNEL_MODES = ("separate", "luminance")
POOL_MODES = ("max", "avg")


# --- Classic kernels ---------------------------------------------------------------

_BINOMIAL = {3: [1, 2, 1], 5: [1, 4, 6, 4, 1]}  # smoothing rows of Pascal's triangle
_DERIVATIVE = {3: [-1, 0, 1], 5: [-1, -2, 0, 2, 1]}  # central differences, Sobel style


def _identity(size: int) -> np.ndarray:
    k = np.zeros((size, size))
    k[size // 2, size // 2] = 1
    return k


def _gaussian(size: int) -> np.ndarray:
    b = np.asarray(_BINOMIAL[size], dtype=np.float64)
    k = np.outer(b, b)
    return k / k.sum()


def _sobel_x(size: int) -> np.ndarray:
    # Smooth down the rows, differentiate across the columns: positive where the
    # image gets brighter from left to right (a vertical edge).
    return np.outer(_BINOMIAL[size], _DERIVATIVE[size])


@dataclass(frozen=True)
class KernelSpec:
    """A named kernel the playground offers, and the sizes it exists in."""

    name: str  # registry key, e.g. "sobel_x"
    title: str  # what a menu shows, e.g. "Sobel x"
    description: str  # one line for a tooltip: what it does to an image
    sizes: tuple[int, ...]
    make: Callable[[int], Any]

    def array(self, size: int = 3) -> np.ndarray:
        if size not in self.sizes:
            sizes = " or ".join(f"{s}×{s}" for s in self.sizes)
            raise ConfigError(
                "The {title} kernel exists as {sizes} only; pick that size or edit a kernel by hand.",
                title=self.title, sizes=sizes,
            )
        return np.array(self.make(size), dtype=np.float32)


KERNELS: dict[str, KernelSpec] = {
    spec.name: spec
    for spec in (
        KernelSpec("identity", "Identity", "Copies the image unchanged.", (3, 5), _identity),
        KernelSpec("box_blur", "Box blur", "Averages each pixel with its neighbours.", (3, 5),
                   lambda n: np.full((n, n), 1.0 / (n * n))),
        KernelSpec("gaussian_blur", "Gaussian blur", "A soft blur that weighs near neighbours most.",
                   (3, 5), _gaussian),
        KernelSpec("sharpen", "Sharpen", "Boosts a pixel against its neighbours, so edges stand out.",
                   (3,), lambda n: [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
        KernelSpec("sobel_x", "Sobel x", "Finds vertical edges: brightness changing from left to right.",
                   (3, 5), _sobel_x),
        KernelSpec("sobel_y", "Sobel y", "Finds horizontal edges: brightness changing from top to bottom.",
                   (3, 5), lambda n: _sobel_x(n).T),
        KernelSpec("laplacian", "Laplacian", "Finds edges in every direction; flat areas become zero.",
                   (3,), lambda n: [[0, 1, 0], [1, -4, 1], [0, 1, 0]]),
        KernelSpec("emboss", "Emboss", "Lights the image from one corner, like a relief.",
                   (3,), lambda n: [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]]),
    )
}


def kernel(name: str, size: int = 3) -> np.ndarray:
    """A fresh float32 copy of a classic kernel, safe for the caller to edit."""
    spec = KERNELS.get(name)
    if spec is None:
        raise ConfigError(
            "There is no kernel called {name!r}; choose one of {choices}.",
            name=name, choices=", ".join(KERNELS),
        )
    return spec.array(size)


# --- Validation ----------------------------------------------------------------------

def _whole(value: Any, what: str) -> int:
    # bool is an Integral, but stride=True is a bug, not a stride of 1.
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ConfigError("The {what} must be a whole number, not {value!r}.", what=what, value=value)
    return int(value)


def _pair(value: Any, what: str, minimum: int) -> tuple[int, int]:
    items = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    if len(items) != 2:
        raise ConfigError(
            "The {what} must be one whole number or two (rows, columns), not {value!r}.",
            what=what, value=value,
        )
    pair = (_whole(items[0], what), _whole(items[1], what))
    if min(pair) < minimum:
        raise ConfigError(
            "The {what} must be at least {minimum}, not {value!r}.",
            what=what, minimum=minimum, value=value,
        )
    return pair


def _as_map(values: Any, what: str) -> np.ndarray:
    array = np.asarray(values, dtype=np.float32)
    if array.ndim != 2 or array.size == 0:
        raise ConfigError(
            "The {what} must be a non-empty 2-D array (rows × columns), not shape {shape}.",
            what=what, shape=array.shape,
        )
    if not np.all(np.isfinite(array)):
        raise ConfigError(
            "The {what} contains a value that is not a finite number; replace it with a number.",
            what=what,
        )
    return array


def output_size(n: int, k: int, stride: int = 1, padding: int = 0) -> int:
    """Output length of a sliding window along one axis: (n + 2p − k) // s + 1.

    The padded input has n + 2p cells; the window fits at (n + 2p − k) // s + 1 starts,
    0, s, 2s, ... The last cells are dropped when the stride does not divide evenly,
    as PyTorch does (floor mode).
    """
    n, k = _whole(n, Phrase("input size")), _whole(k, Phrase("kernel size"))
    stride, padding = _whole(stride, Phrase("stride")), _whole(padding, Phrase("padding"))
    if n < 1 or k < 1:
        raise ConfigError("Input and kernel sizes must be at least 1, not {n} and {k}.", n=n, k=k)
    if stride < 1:
        raise ConfigError("The stride must be at least 1, not {stride}.", stride=stride)
    if padding < 0:
        raise ConfigError("The padding must be 0 or more, not {padding}.", padding=padding)
    if k > n + 2 * padding:
        raise ConfigError(
            "A window of {k} does not fit in an input of {n} with padding {padding}; "
            "use a smaller kernel or more padding.",
            k=k, n=n, padding=padding,
        )
    return (n + 2 * padding - k) // stride + 1


def _output_shape(shape: tuple[int, ...], window: tuple[int, int], stride: tuple[int, int],
                  padding: tuple[int, int], what: str) -> tuple[int, int]:
    if any(w > n + 2 * p for n, w, p in zip(shape, window, padding)):
        raise ConfigError(
            "The {window_height}×{window_width} {what} does not fit in the {height}×{width} image "
            "with padding {padding_height}×{padding_width}; use a smaller {what} or more padding.",
            window_height=window[0], window_width=window[1], what=what, height=shape[0], width=shape[1],
            padding_height=padding[0], padding_width=padding[1],
        )
    return (output_size(shape[0], window[0], stride[0], padding[0]),
            output_size(shape[1], window[1], stride[1], padding[1]))


# --- Lazy step sequences ---------------------------------------------------------------

class _LazySteps(Sequence, Generic[StepT]):
    """A read-only sequence whose items are built on demand by `_step(i)`."""

    _count: int

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # int -> one step, slice -> list of steps
        if isinstance(index, slice):
            return [self._step(i) for i in range(*index.indices(self._count))]
        i = operator.index(index)
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError(f"step {index} is out of range for {self._count} steps")
        return self._step(i)

    def _step(self, i: int) -> StepT:
        raise NotImplementedError


# --- Convolution -------------------------------------------------------------------------

def _correlate(padded: np.ndarray, k: np.ndarray, stride: tuple[int, int]) -> np.ndarray:
    windows = sliding_window_view(padded, k.shape)[:: stride[0], :: stride[1]]
    # A strided view, summed in float64 without copying every window.
    return np.einsum("ijkl,kl->ij", windows, k, dtype=np.float64).astype(np.float32)


def convolve2d(image: np.ndarray, kernel: np.ndarray, stride: Pair = 1, padding: Pair = 0) -> np.ndarray:
    """Cross-correlate a 2-D image with a kernel, as torch's conv2d does; float32 out.

    out[i, j] = Σ_{a,b} padded[i·s + a, j·s + b] · kernel[a, b], with zero padding.
    Stride and padding are one int or (rows, columns).
    """
    return ConvolutionSteps(image, kernel, stride, padding).output


def luminance(rgb: np.ndarray) -> np.ndarray:
    """Grayscale H×W from an H×W×3 RGB image, with BT.601 weights."""
    array = np.asarray(rgb, dtype=np.float32)
    if array.ndim != 3 or array.shape[2] != 3:
        raise ConfigError("Luminance needs an H×W×3 RGB image, not shape {shape}.", shape=array.shape)
    return np.einsum("hwc,c->hw", array, np.asarray(LUMINANCE_WEIGHTS, dtype=np.float32))


def convolve_image(image: np.ndarray, kernel: np.ndarray, stride: Pair = 1, padding: Pair = 0,
                   channels: str = "separate") -> np.ndarray:
    """Convolve a grayscale (H×W) or colour (H×W×C) image with one kernel.

    channels="separate" applies the kernel to each channel on its own and returns
    Ho×Wo×C, so a colour image stays in colour (how image editors filter).
    channels="luminance" first turns an RGB image into grayscale and returns Ho×Wo
    (closer to one convolution unit, which sees one number per pixel here).
    A 2-D image is convolved as it is in either mode.
    """
    if channels not in CHANNEL_MODES:
        raise ConfigError(
            "Unknown channel mode {channels!r}; choose one of {choices}.",
            channels=channels, choices=", ".join(CHANNEL_MODES),
        )
    array = np.asarray(image, dtype=np.float32)
    if array.ndim == 2:
        return convolve2d(array, kernel, stride, padding)
    if array.ndim != 3 or array.shape[2] < 1:
        raise ConfigError("The image must be H×W or H×W×C, not shape {shape}.", shape=array.shape)
    if channels == "luminance":
        return convolve2d(luminance(array), kernel, stride, padding)
    planes = [convolve2d(array[:, :, c], kernel, stride, padding) for c in range(array.shape[2])]
    return np.stack(planes, axis=-1)


@dataclass(frozen=True, eq=False)
class ConvStep:
    """One position of the sliding window: patch × kernel, summed into one output pixel."""

    index: int  # row-major position in the output
    out_row: int
    out_col: int
    top: int  # the patch's top-left corner, in padded-image coordinates
    left: int
    patch: np.ndarray  # kh×kw input values under the kernel (zeros where it covers padding)
    products: np.ndarray  # kh×kw, patch * kernel, element by element
    output: float  # products.sum(): the output pixel


class ConvolutionSteps(_LazySteps[ConvStep]):
    """Every window position of a convolution, in row-major output order, built lazily."""

    def __init__(self, image: np.ndarray, kernel: np.ndarray, stride: Pair = 1, padding: Pair = 0):
        self.image = _as_map(image, Phrase("image"))
        self.kernel = _as_map(kernel, Phrase("kernel"))
        self.stride = _pair(stride, Phrase("stride"), 1)
        self.padding = _pair(padding, Phrase("padding"), 0)
        self.output_shape = _output_shape(self.image.shape, self.kernel.shape, self.stride, self.padding,
                                          Phrase("kernel"))
        (pr, pc) = self.padding
        self.padded = np.pad(self.image, ((pr, pr), (pc, pc)))
        self._count = self.output_shape[0] * self.output_shape[1]

    @cached_property
    def output(self) -> np.ndarray:
        """The whole output image, as `convolve2d` returns it."""
        return _correlate(self.padded, self.kernel, self.stride)

    def _step(self, i: int) -> ConvStep:
        row, col = divmod(i, self.output_shape[1])
        top, left = row * self.stride[0], col * self.stride[1]
        kh, kw = self.kernel.shape
        patch = self.padded[top:top + kh, left:left + kw].copy()
        products = patch * self.kernel
        return ConvStep(i, row, col, top, left, patch, products, float(products.sum(dtype=np.float64)))


def convolution_steps(image: np.ndarray, kernel: np.ndarray, stride: Pair = 1,
                      padding: Pair = 0) -> ConvolutionSteps:
    """The sliding-window animation of `convolve2d`: `steps[i]` is cheap for any i."""
    return ConvolutionSteps(image, kernel, stride, padding)


# --- ReLU ----------------------------------------------------------------------------------

def relu(x: np.ndarray) -> np.ndarray:
    """max(x, 0), element by element, as float32."""
    return np.maximum(np.asarray(x, dtype=np.float32), np.float32(0))


@dataclass(frozen=True, eq=False)
class ReluStep:
    """One element through ReLU."""

    index: int  # row-major
    row: int
    col: int
    before: float
    after: float  # max(before, 0)


class ReluSteps(_LazySteps[ReluStep]):
    """ReLU over a 2-D map, one element per step, built lazily."""

    def __init__(self, x: np.ndarray):
        self.input = _as_map(x, Phrase("feature map"))
        self._count = self.input.size

    @cached_property
    def output(self) -> np.ndarray:
        return relu(self.input)

    def _step(self, i: int) -> ReluStep:
        row, col = divmod(i, self.input.shape[1])
        before = float(self.input[row, col])
        return ReluStep(i, row, col, before, max(before, 0.0))


def relu_steps(x: np.ndarray) -> ReluSteps:
    return ReluSteps(x)


# --- Pooling -------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class PoolStep:
    """One pooling window and the single value it keeps."""

    index: int  # row-major position in the output
    out_row: int
    out_col: int
    top: int  # the window's top-left corner in the input
    left: int
    window: np.ndarray  # kh×kw input values
    winner: tuple[int, int] | None  # (row, col) inside the window of the max; None for avg
    output: float


class PoolingSteps(_LazySteps[PoolStep]):
    """Every window of a max or average pooling, in row-major output order, built lazily.

    No padding, and floor mode, as torch's MaxPool2d/AvgPool2d by default. The stride
    defaults to the window size (windows side by side), as in torch.
    """

    def __init__(self, x: np.ndarray, kernel_size: Pair, stride: Pair | None = None, mode: str = "max"):
        if mode not in POOL_MODES:
            raise ConfigError(
                "Unknown pooling mode {mode!r}; choose one of {choices}.",
                mode=mode, choices=", ".join(POOL_MODES),
            )
        self.input = _as_map(x, Phrase("feature map"))
        self.kernel_size = _pair(kernel_size, Phrase("pooling window size"), 1)
        self.stride = self.kernel_size if stride is None else _pair(stride, Phrase("stride"), 1)
        self.mode = mode
        self.output_shape = _output_shape(self.input.shape, self.kernel_size, self.stride, (0, 0),
                                          Phrase("pooling window"))
        self._count = self.output_shape[0] * self.output_shape[1]

    @cached_property
    def output(self) -> np.ndarray:
        """The whole pooled map, as `pool2d` returns it."""
        windows = sliding_window_view(self.input, self.kernel_size)[:: self.stride[0], :: self.stride[1]]
        if self.mode == "max":
            return windows.max(axis=(2, 3))
        return windows.mean(axis=(2, 3), dtype=np.float64).astype(np.float32)

    def _step(self, i: int) -> PoolStep:
        row, col = divmod(i, self.output_shape[1])
        top, left = row * self.stride[0], col * self.stride[1]
        kh, kw = self.kernel_size
        window = self.input[top:top + kh, left:left + kw].copy()
        if self.mode == "max":
            # First maximum in row-major order wins a tie, as np.argmax does.
            winner = tuple(int(v) for v in np.unravel_index(int(np.argmax(window)), window.shape))
            return PoolStep(i, row, col, top, left, window, winner, float(window[winner]))
        return PoolStep(i, row, col, top, left, window, None, float(window.mean(dtype=np.float64)))


def pool2d(x: np.ndarray, kernel_size: Pair, stride: Pair | None = None, mode: str = "max") -> np.ndarray:
    """Max or average pooling of a 2-D map (float32), matching torch's defaults."""
    return PoolingSteps(x, kernel_size, stride, mode).output


def pooling_steps(x: np.ndarray, kernel_size: Pair, stride: Pair | None = None,
                  mode: str = "max") -> PoolingSteps:
    """The window-by-window animation of `pool2d`: `steps[i]` is cheap for any i."""
    return PoolingSteps(x, kernel_size, stride, mode)
