"""The kernel playground's arithmetic and words, without widgets: its settings, the steps, the formula.

`Settings` decides the steps; `pipeline` chains convolution → ReLU → pooling as a CNN does,
with the core's step generators (core.cnn.kernels). The texts here (kernel values as
fractions, typed values, the output-size formula) use gui.style.numbers' real minus sign.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from core.cnn.kernels import convolution_steps, kernel, luminance, pooling_steps, relu, relu_steps
from core.errors import ConfigError
from gui.convolution.state import CHANNELS, GRID_SIDES, MAX_KERNEL_VALUE, OPERATIONS
from gui.convolution.looks import in_language
from gui.style.numbers import MINUS, readable, with_minus

FULL_SIDE = 256
STEPS_PER_SECOND = 4.0  # at 1×; the slider goes from MIN_SPEED (0.1×) to MAX_SPEED (10×)


def tr(text: str) -> str:
    """The current language's text (lupdate files these under the empty context)."""
    return in_language(text)


@dataclass(frozen=True, eq=False)
class Settings:
    """Everything that decides the steps; the last good one is kept when a change is refused."""

    operation: str = "convolution"
    kernel_name: str = "sobel_x"  # a KERNELS key, or "custom"
    kernel: np.ndarray = field(default_factory=lambda: kernel("sobel_x", 3))
    channel: str = "luminance"
    stride: int = 1
    padding: int = 0
    pool_size: int = 2
    pool_stride: int = 2
    grid: int = 32


def shrink(pixels: np.ndarray, side: int) -> np.ndarray:
    """The image with its longest side at most `side` pixels (never enlarged)."""
    height, width = pixels.shape[:2]
    if max(height, width) <= side:
        return pixels
    scale = side / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return np.asarray(Image.fromarray(pixels).resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0))


def channel_plane(pixels: np.ndarray, channel: str) -> np.ndarray:
    """One float32 plane, 0–255: the luminance or one of R, G, B."""
    return luminance(pixels) if channel == "luminance" else pixels[:, :, "RGB".index(channel)].astype(np.float32)


def pipeline(plane: np.ndarray, s: Settings):
    """(steps of the chosen operation, the convolution's output): conv → ReLU → pooling, as in a CNN."""
    conv = convolution_steps(plane, s.kernel, s.stride, s.padding)
    if s.operation == "convolution":
        return conv, conv.output
    if s.operation == "relu":
        return relu_steps(conv.output), conv.output
    mode = "max" if s.operation == "max_pool" else "avg"
    return pooling_steps(relu(conv.output), s.pool_size, s.pool_stride, mode), conv.output


def check_ranges(s: Settings) -> None:
    limits = ((tr("stride"), s.stride, 1, 4), (tr("padding"), s.padding, 0, 3),
              (tr("pooling stride"), s.pool_stride, 1, 3))
    for what, value, low, high in limits:
        if not low <= value <= high:
            raise ConfigError(tr("The {0} must be between {1} and {2}, not {3}.").format(what, low, high, value))
    if s.operation not in OPERATIONS or s.channel not in CHANNELS or s.pool_size not in (2, 3) or s.grid not in GRID_SIDES:
        raise ConfigError(tr("That setting is not one the playground offers; pick one from its menu."))
    if s.kernel.ndim != 2 or s.kernel.shape[0] != s.kernel.shape[1] or s.kernel.shape[0] not in (3, 5):
        raise ConfigError(tr("The kernel must be 3×3 or 5×5, not {0}.").format("×".join(map(str, s.kernel.shape))))


def resized(values: np.ndarray, size: int) -> np.ndarray:
    """A custom kernel grown with zeros or cropped around its centre to size×size."""
    current = values.shape[0]
    if size > current:
        margin = (size - current) // 2
        return np.pad(values, margin).astype(np.float32)
    margin = (current - size) // 2
    return values[margin:margin + size, margin:margin + size].astype(np.float32)


def kernel_text(value: float) -> str:
    """A kernel value as a short fraction where it is one (1/16, 3/32), else as a decimal."""
    if abs(value - round(value)) < 1e-6:
        return readable(value)
    for denominator in range(2, 257):
        numerator = value * denominator
        if abs(numerator - round(numerator)) < 1e-6 and abs(round(numerator)) < denominator:
            text = f"{int(round(numerator))}/{denominator}"
            return with_minus(text) if len(text) <= 6 else readable(value)
    return readable(value)


def parse_number(text: str) -> float:
    """A typed kernel value: 2, -0.5, 0,5, 1/9 or −1. ConfigError with one sentence otherwise."""
    cleaned = text.strip().replace(MINUS, "-").replace(" ", "")
    if not cleaned:
        raise ConfigError(tr("A kernel cell cannot be empty; type a number such as 0."))
    try:
        if "/" in cleaned:
            top, bottom = cleaned.split("/")
            value = float(top.replace(",", ".")) / float(bottom.replace(",", "."))
        else:
            value = float(cleaned.replace(",", "."))
    except (ValueError, ZeroDivisionError):
        raise ConfigError(tr("“{0}” is not a number; type a number such as 2, −0.5 or 1/9.").format(
            text.strip())) from None
    if not math.isfinite(value) or abs(value) > MAX_KERNEL_VALUE:
        raise ConfigError(tr("“{0}” is too large; keep kernel values between −1000 and 1000.").format(text.strip()))
    return value


def size_formula(n_hw: tuple[int, int], out_hw: tuple[int, int], k: int, stride: int, padding: int | None) -> str:
    """out = (n + 2p − k)/s + 1 with the real numbers, per axis where height and width differ.

    padding=None writes the pooling form, (n − k)/s + 1. Floor brackets appear only when
    the stride does not divide evenly, so the class sees why a row or column is dropped.
    """
    symbols = f"n {MINUS} k" if padding is None else f"n + 2p {MINUS} k"
    lines = []
    for axis, n, out in zip((tr("height"), tr("width")), n_hw, out_hw):
        inner = f"{n} {MINUS} {k}" if padding is None else f"{n} + 2·{padding} {MINUS} {k}"
        top = n + 2 * (padding or 0) - k
        if top % stride:
            text = (f"out = ⌊({symbols})/s⌋ + 1 = ⌊({inner})/{stride}⌋ + 1 = "
                    f"⌊{readable(top / stride)}⌋ + 1 = {out}")
        else:
            text = f"out = ({symbols})/s + 1 = ({inner})/{stride} + 1 = {out}"
        lines.append(text if n_hw[0] == n_hw[1] else f"{axis}: {text}")
    return f"{lines[0]}   ({out_hw[1]} × {out_hw[0]})" if n_hw[0] == n_hw[1] else "\n".join(lines)


def formula_text(s: Settings, plane_shape: tuple[int, int], steps) -> str:
    """How the output's size follows from the input's, for the operation shown."""
    shape = steps.output.shape
    if s.operation == "relu":
        return tr("ReLU keeps the size: out = n = {0} × {1}").format(shape[1], shape[0])
    if s.operation == "convolution":
        return size_formula(plane_shape, shape, s.kernel.shape[0], s.stride, s.padding)
    return size_formula(steps.input.shape, shape, s.pool_size, s.pool_stride, None)
