"""Decode the images a user loads into the convolution lab, safely and predictably.

Every file, clipboard item or drawing becomes a `LoadedImage`: uint8 RGB pixels,
upright (EXIF orientation applied), alpha composited onto white, and no larger than
`max_side`. Anything that cannot be read raises `ImageLoadError` with one sentence the
GUI can show as it is; no Pillow exception or warning escapes.

Policies:
- The formats in FORMATS are read: what phones, browsers, screenshots, scanners and
  microscopes produce (TIFF included). Formats that run other programs (EPS runs
  Ghostscript) or have no signature to tell them from random bytes (TGA, PCX) are not.
- 16-bit, 32-bit integer and float pixels are rescaled to 0-255 in numpy (`_rescaled`):
  16-bit by /257; 32-bit integers likewise when they lie in 0..65535, else by their range;
  floats by their finite minimum and maximum (NaN and infinity become 0, black). An image
  with no contrast (one value everywhere) becomes mid-grey, 128. Animated images give
  their first frame.
- At most `MAX_PIXELS` (100 megapixels) are decoded, checked from the header before any
  pixel is. A JPEG is first drafted (libjpeg decodes at 1/2, 1/4 or 1/8 scale), so only
  its drafted size counts; Pillow's own bomb ceiling (2 × `MAX_IMAGE_PIXELS`) still holds.
- Transparency becomes white, like paper, so a digit drawn on a transparent canvas looks
  like a digit written on a sheet.
- Truncated files are refused, never shown half grey. This relies on Pillow's default
  `ImageFile.LOAD_TRUNCATED_IMAGES = False`, which nothing in Glassbox changes.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from core.errors import ImageLoadError, Phrase
from core.files import read_bytes, shown_name

MAX_PIXELS = 100_000_000  # decoded pixels; larger images are refused before decoding
MAX_FILE_BYTES = 256 * 1024 * 1024  # refused unread: reading it only to refuse it would waste memory
FORMATS = ("PNG", "JPEG", "MPO", "GIF", "BMP", "WEBP", "AVIF", "TIFF", "ICO", "PPM", "QOI", "SGI", "PSD")
_DISPLAY = {"WEBP": "WebP"}  # how messages spell a format
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"BM", "BMP"),
    (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"II+\x00", "TIFF"), (b"MM\x00+", "TIFF"),
)
_WIDE = ("I", "F")  # 32-bit integer and float pixels; "I;16..." modes are wide too (see _flatten)
MID_GREY = 128  # what an image with one value everywhere becomes
_RESAMPLE = Image.Resampling.LANCZOS


@dataclass(frozen=True)
class LoadedImage:
    """A decoded image, ready to show or to feed to a network."""

    pixels: np.ndarray  # (H, W, 3) uint8 RGB, C-contiguous; treat as read-only
    name: str  # file name (no folder) or a label such as "clipboard image"
    original_size: tuple[int, int]  # (width, height) at full resolution, upright, before downscaling
    was_grayscale: bool  # the source had one luminance channel (all three channels are equal)
    format: str  # "PNG", "JPEG", "GIF", "BMP", "WEBP", or "array" for from_array

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) of `pixels`, in Pillow's order."""
        return self.pixels.shape[1], self.pixels.shape[0]


def load_image(path: str | os.PathLike, max_side: int = 1024) -> LoadedImage:
    """Read an image file; every way a file can fail becomes one ImageLoadError sentence.

    The path is not trusted (core.files): a folder, FIFO, device or socket is refused without
    blocking, and no more than MAX_FILE_BYTES are ever read, even from a file that grows.
    """
    name = shown_name(path)
    data = read_bytes(path, limit=MAX_FILE_BYTES, error=ImageLoadError)
    return decode_image(data, name=name, max_side=max_side)


def decode_image(data: bytes, name: str = "image", max_side: int = 1024) -> LoadedImage:
    """Decode image bytes (a file's contents, a drop or the clipboard) into a LoadedImage."""
    _check_max_side(max_side)
    who = _who(name)
    data = data if isinstance(data, bytes) else bytes(data)  # bytearray, memoryview, QByteArray data
    if len(data) == 0:
        raise ImageLoadError(
            "{who} is empty (0 bytes); choose another file or save the image again.",
            who=who,
        )
    kind = _sniff(data)
    try:
        # Pillow's warnings (decompression bomb, corrupt EXIF, failed format guesses) are
        # about the file; the outcome below already says everything the user needs. (Like
        # all of `warnings`, this filter is process-wide for the moment it is in place.)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data), formats=_readable_formats()) as image:
                return _decode_opened(image, name, who, max_side)
    except ImageLoadError:
        raise
    except Image.DecompressionBombError as exc:
        raise ImageLoadError(
            "{who} is too large to open safely (its header claims an enormous size, which can be a "
            "decompression bomb); shrink it in an image editor or choose another image.",
            who=who,
        ) from exc
    except MemoryError as exc:
        raise ImageLoadError("{who} is too large to fit in memory; choose a smaller image.", who=who) from exc
    except UnidentifiedImageError as exc:
        raise _unidentified(who, kind, data) from exc
    except Exception as exc:  # OSError, SyntaxError, ValueError, struct.error, EOFError, ...
        raise _damaged(who, kind) from exc


def from_array(array: np.ndarray, name: str, max_side: int = 1024) -> LoadedImage:
    """Wrap pixels made elsewhere (a drawing canvas, a clipboard QImage) as a LoadedImage.

    Accepts H×W (gray), H×W×1, H×W×2 (gray + alpha), H×W×3 (RGB) or H×W×4 (RGBA), as
    uint8, uint16 (rescaled, 65535 -> 255), bool, or floats in [0, 1].
    """
    _check_max_side(max_side)
    who = _who(name)
    array = np.asarray(array)
    channels = 1 if array.ndim == 2 else (array.shape[-1] if array.ndim == 3 else 0)
    if channels not in (1, 2, 3, 4):
        raise ImageLoadError(
            "{who} has the shape {shape}, which is not an image (expected height × width with 1, 3 or 4 "
            "channels); draw or paste the image again.",
            who=who, shape=array.shape,
        )
    if array.size == 0:
        raise ImageLoadError(
            "{who} has no pixels (its shape is {shape}); draw or paste the image again.",
            who=who, shape=array.shape,
        )
    array = _to_uint8(array, who).reshape(array.shape[0], array.shape[1], channels)
    if channels in (2, 4):
        array = _composite_on_white(array)
    pil = Image.fromarray(np.ascontiguousarray(array[..., 0] if channels <= 2 else array))
    return _finish(pil, name, (array.shape[1], array.shape[0]), "array", max_side)


def to_model_input(
    image: LoadedImage,
    size: tuple[int, int],
    channels: int,
    invert: bool = False,
    mean: float | Sequence[float] | None = None,
    std: float | Sequence[float] | None = None,
    keep_aspect: str = "pad",
) -> np.ndarray:
    """Turn a LoadedImage into what a network expects: float32 (channels, height, width).

    `size` is (height, width), like the output. Values are in [0, 1], inverted if asked
    (a dark-on-light digit becomes light-on-dark, like MNIST), then (x - mean) / std.
    keep_aspect="pad" letterboxes onto the median colour of the image's border, so a
    digit photographed on paper stays centred on "more paper"; "stretch" just resizes.
    """
    height, width = (int(v) for v in size)
    if height < 1 or width < 1:
        raise ValueError(f"size must be (height, width) with both at least 1, got {size!r}")
    if channels not in (1, 3):
        raise ValueError(f"channels must be 1 or 3, got {channels!r}")
    if keep_aspect not in ("pad", "stretch"):
        raise ValueError(f"keep_aspect must be 'pad' or 'stretch', got {keep_aspect!r}")
    pil = Image.fromarray(np.ascontiguousarray(image.pixels, dtype=np.uint8))
    if channels == 1:
        pil = pil.convert("L")  # ITU-R 601 luminance: 0.299 R + 0.587 G + 0.114 B
    if keep_aspect == "stretch":
        pil = pil.resize((width, height), _RESAMPLE)
    else:
        scale = min(width / pil.width, height / pil.height)
        fitted_size = (min(width, max(1, round(pil.width * scale))), min(height, max(1, round(pil.height * scale))))
        fitted = pil.resize(fitted_size, _RESAMPLE)
        canvas = Image.new(pil.mode, (width, height), _border_median(np.asarray(pil)))
        canvas.paste(fitted, ((width - fitted_size[0]) // 2, (height - fitted_size[1]) // 2))
        pil = canvas
    x = np.asarray(pil, dtype=np.float32) / 255.0
    x = x[None] if x.ndim == 2 else x.transpose(2, 0, 1)
    if invert:
        x = 1.0 - x
    if mean is not None or std is not None:
        x = (x - _per_channel(mean, 0.0, channels, "mean")) / _per_channel(std, 1.0, channels, "std")
    return np.ascontiguousarray(x, dtype=np.float32)


# --- decoding steps -------------------------------------------------------------------


def _decode_opened(image: Image.Image, name: str, who: str, max_side: int) -> LoadedImage:
    """Check the header's size, decode, orient, flatten and shrink an opened image."""
    fmt = "JPEG" if image.format == "MPO" else (image.format or "image")  # phone JPEGs open as MPO
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ImageLoadError(
            "{who} has no pixels (it is {width}×{height}); choose another image.",
            who=who, width=width, height=height,
        )
    if fmt == "JPEG":
        # libjpeg can decode at 1/2, 1/4 or 1/8 scale: a 24-megapixel photo never exists at full size.
        image.draft("RGB", _fit((width, height), max_side))
    if image.width * image.height > MAX_PIXELS:
        raise ImageLoadError(
            "{who} is too large ({width}×{height} pixels, over the {limit}-megapixel limit); "
            "shrink it in an image editor or choose a smaller image.",
            who=who, width=width, height=height, limit=MAX_PIXELS // 1_000_000,
        )
    image.load()
    stored = image.size
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except Exception:  # a broken EXIF block should not cost the user a readable picture
        pass
    if image.size != stored:  # rotated by 90°: report the size upright, as viewers show it
        width, height = height, width
    return _finish(_flatten(image), name, (width, height), fmt, max_side)


def _flatten(image: Image.Image) -> Image.Image:
    """An "L" or "RGB" image: alpha composited on white, 16-bit rescaled, CMYK converted."""
    mode = image.mode
    if mode in _WIDE or mode.startswith("I;16"):
        # Pillow's convert("L") clamps wide values at 255: rescale in numpy instead.
        raw = np.asarray(image)
        gray = _rescaled(raw, sixteen_bit=mode.startswith("I;16"))
        transparent = image.info.get("transparency")
        if isinstance(transparent, (int, float)) and raw.ndim == 2:
            gray[raw == transparent] = 255
        if gray.ndim == 3:  # several wide bands: keep three as colour, or the first as gray
            gray = np.ascontiguousarray(gray[..., :3] if gray.shape[-1] >= 3 else gray[..., 0])
        return Image.fromarray(gray)
    if mode == "1":
        return image.convert("L")
    # A transparent colour or palette index (PNG tRNS, GIF) becomes a real alpha channel.
    with_alpha = {"L": "LA", "La": "LA", "RGB": "RGBA", "RGBa": "RGBA", "P": "RGBA", "PA": "RGBA"}
    palette = mode in ("P", "PA")
    if mode in with_alpha and (mode not in ("L", "RGB") or "transparency" in image.info):
        mode = with_alpha[mode]
        image = image.convert(mode)
    if mode in ("LA", "RGBA"):
        flat = _composite_on_white(np.asarray(image))
        # One channel left, or a palette of grays (a GIF saved from a grayscale image): gray.
        if flat.shape[-1] == 1 or (palette and (flat == flat[..., :1]).all()):
            return Image.fromarray(np.ascontiguousarray(flat[..., 0]))
        return Image.fromarray(flat)
    return image if mode in ("L", "RGB") else image.convert("RGB")  # CMYK, YCbCr, LAB, HSV


def _rescaled(raw: np.ndarray, sixteen_bit: bool) -> np.ndarray:
    """Wide pixels (16-bit, 32-bit integer or float) as uint8 0..255; see the module's policies.

    In place where it can and in float32: a 100-megapixel float image costs about 1 GB here, not 3.
    """
    if sixteen_bit or (raw.dtype.kind in "iu" and (raw.size == 0 or (raw.min() >= 0 and raw.max() <= 65535))):
        # rint(x / 257) exactly: 257 is odd, so x / 257 never ends in .5.
        return ((np.clip(raw, 0, 65535).astype(np.uint32) + 128) // 257).astype(np.uint8)
    values = raw.astype(np.float32)  # a copy: raw may be Pillow's read-only buffer
    finite = np.isfinite(values)
    if not finite.all():
        if not finite.any():
            return np.zeros(raw.shape, dtype=np.uint8)
        values[~finite] = np.nan
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    if not high > low:
        values.fill(MID_GREY)
    elif high - low >= 1.0:  # scale first: values - low could overflow float32 for a range near its limit
        scale = 255.0 / (high - low)
        values *= np.float32(scale)
        values -= np.float32(low * scale)
    else:  # a narrow range: subtract first; 255 / range may exceed float32, so scale in float64
        values = ((values - np.float32(low)).astype(np.float64) * (255.0 / (high - low))).astype(np.float32)
    values[~finite] = 0.0
    np.clip(values, 0, 255, out=values)
    return np.rint(values, out=values).astype(np.uint8)


def _finish(flat: Image.Image, name: str, original_size: tuple[int, int], fmt: str, max_side: int) -> LoadedImage:
    """Shrink to max_side and store as contiguous H×W×3 uint8."""
    target = _fit(flat.size, max_side)
    if target != flat.size:
        # reducing_gap box-averages first, then Lanczos finishes: fast and still sharp.
        flat = flat.resize(target, _RESAMPLE, reducing_gap=3.0)
    pixels = np.asarray(flat, dtype=np.uint8)
    gray = pixels.ndim == 2
    if gray:
        pixels = np.repeat(pixels[:, :, None], 3, axis=2)
    pixels = np.array(pixels, dtype=np.uint8, order="C")  # own, writable, contiguous memory
    return LoadedImage(pixels=pixels, name=name, original_size=original_size, was_grayscale=gray, format=fmt)


# --- small helpers --------------------------------------------------------------------


def _composite_on_white(array: np.ndarray) -> np.ndarray:
    """Colour channels over white by the last (alpha) channel, in exact integer maths."""
    colour = array[..., :-1].astype(np.uint32)
    alpha = array[..., -1:].astype(np.uint32)
    return ((colour * alpha + 255 * (255 - alpha) + 127) // 255).astype(np.uint8)


def _to_uint8(array: np.ndarray, who: str) -> np.ndarray:
    """Map bool, uint16, small integers or [0, 1] floats to uint8; refuse anything else."""
    if array.dtype == np.uint8:
        return array
    if array.dtype == np.bool_:
        return array.astype(np.uint8) * 255
    if array.dtype == np.uint16:
        return np.rint(array / 257.0).astype(np.uint8)
    if np.issubdtype(array.dtype, np.floating):
        if not np.isfinite(array).all():
            raise ImageLoadError(
                "{who} contains NaN or infinite values; draw or paste the image again.",
                who=who,
            )
        if array.min() < -1e-6 or array.max() > 1 + 1e-6:
            raise ImageLoadError(
                "{who} has values outside 0 to 1 (from {low:.3g} to {high:.3g}); "
                "draw or paste the image again.",
                who=who, low=array.min(), high=array.max(),
            )
        return np.rint(np.clip(array, 0.0, 1.0) * 255.0).astype(np.uint8)
    if np.issubdtype(array.dtype, np.integer) and array.min() >= 0 and array.max() <= 255:
        return array.astype(np.uint8)
    raise ImageLoadError(
        "{who} has pixel values of type {dtype} that Glassbox cannot show (expected 0 to 255, or 0 to 1); "
        "draw or paste the image again.",
        who=who, dtype=array.dtype,
    )


def _border_median(array: np.ndarray) -> int | tuple[int, ...]:
    """The median colour of the outermost pixels: the paper a digit was written on."""
    border = np.concatenate([array[0], array[-1], array[:, 0], array[:, -1]])
    median = np.rint(np.median(border, axis=0)).astype(int)
    return int(median) if median.ndim == 0 else tuple(int(v) for v in median)


def _per_channel(value, default: float, channels: int, what: str) -> np.ndarray:
    """A (channels, 1, 1) array from a scalar or one value per channel."""
    values = np.asarray(default if value is None else value, dtype=np.float32).reshape(-1)
    if values.size not in (1, channels):
        raise ValueError(f"{what} needs 1 or {channels} values, got {values.size}")
    if what == "std" and not (np.isfinite(values).all() and (values > 0).all()):
        raise ValueError(f"std must be positive and finite, got {value!r}")
    return np.broadcast_to(values, (channels,)).reshape(channels, 1, 1)


def _fit(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    """The largest size with the same aspect ratio whose longest side is at most max_side."""
    width, height = size
    scale = max_side / max(width, height)
    if scale >= 1:
        return width, height
    return max(1, min(max_side, round(width * scale))), max(1, min(max_side, round(height * scale)))


def _check_max_side(max_side: int) -> None:
    if int(max_side) < 1:
        raise ValueError(f"max_side must be at least 1, got {max_side!r}")


def _who(name: str) -> str:
    """How a message names the image: its file name, or "The image" when there is none."""
    name = (name or "").strip()
    # A Phrase either way, so a translation can quote the name as its language does.
    return Phrase("The image") if name in ("", "image") else Phrase("{name}", name=name)


def _readable_formats() -> tuple[str, ...]:
    """FORMATS this Pillow build can open (WebP support is optional at build time)."""
    Image.init()
    return tuple(fmt for fmt in FORMATS if fmt in Image.OPEN)


def _sniff(data: bytes) -> str | None:
    """The format the first bytes announce, so a damaged PNG is not called "not an image"."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return "AVIF"
    return next((fmt for magic, fmt in _SIGNATURES if data.startswith(magic)), None)


def _unidentified(who: str, kind: str | None, data: bytes) -> ImageLoadError:
    """Why Pillow could not even open the data, in the user's terms."""
    if kind is None:
        return ImageLoadError(
            "{who} is not a {formats} image, so Glassbox cannot read it; "
            "save it as PNG or JPEG, or choose another image.",
            who=who, formats=Phrase("PNG, JPEG, GIF, BMP or WebP"),
        )
    if kind not in _readable_formats():
        return ImageLoadError(
            "{who} is a {kind} image, but this installation cannot read {kind}; save it as PNG or JPEG instead.",
            who=who, kind=_DISPLAY.get(kind, kind),
        )
    if kind == "PNG" and len(data) >= 24 and (data[16:20] == b"\0\0\0\0" or data[20:24] == b"\0\0\0\0"):
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        return ImageLoadError(
            "{who} has no pixels (it is {width}×{height}); choose another image.",
            who=who, width=width, height=height,
        )
    if kind == "TIFF":  # TIFF has many variants; Pillow reads the common ones
        return ImageLoadError(
            "{who} is a TIFF variant Glassbox cannot read (for example floating-point colour), or it is damaged; "
            "save it as PNG, or as an 8- or 16-bit TIFF.", who=who)
    return _damaged(who, kind)


def _damaged(who: str, kind: str | None) -> ImageLoadError:
    return ImageLoadError(
        "{who} is a damaged or incomplete {kind} file, so Glassbox cannot read it; "
        "save or download it again, or choose another image.",
        who=who, kind=_DISPLAY.get(kind, kind) or Phrase("image"),
    )
