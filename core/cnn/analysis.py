"""The convolution lab's one path from an image to a FeatureRecord, shared by the GUI and the CLI.

A stored model's JSON says how its training images looked; `prepare_input` makes any
image look like that, so what a student loads, draws or pastes reaches the network in
the same form as the data it learned from:

- "invert": the digit model learned white ink on black, like MNIST. Dark ink on light
  paper is inverted; an image that already has a dark background is not (so a
  white-on-black digit works too). The background is the median of the border pixels.
- "digit_box" and "centre_by_mass": like MNIST, the ink is cut out, scaled so its
  longer side is `digit_box` pixels, and placed so its centre of mass is the centre of
  the frame. A digit written small in a corner of a photo then looks like training data.
- Otherwise the image is letterboxed onto its border colour at the input size.
- Finally (x - mean) / std per channel.

`open_model` and `analyse` give every caller the same refusal sentences and the same numbers;
`check_model` gives the cheap part of those refusals without building a network (no torch).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

import numpy as np
from PIL import Image
from torch import nn

from core.data.images import LoadedImage, to_model_input
from core.errors import ModelError
from core.cnn.feature_maps import FeatureRecord, compute_features
from core.nets.cnn import cnn_spec
from core.nets.model_store import MODELS_DIR, ModelInfo, available_models, check_weights, load_model, read_model_info

DEFAULT_MODEL = "digits"
WORK_SIDE = 256  # digits are cut out of a copy this small: fast, and still far above 28 pixels
INK_FLOOR = 0.1  # below this (after stretching) a pixel is paper texture, not ink
BOX_THRESHOLD = 0.3  # ink this strong decides the digit's box; faint specks do not widen it
MIN_CONTRAST = 0.08  # less spread than this between paper and darkest ink: a blank page
MIN_STD = 1e-3  # a smaller std blows a pixel up past a thousand: no model was trained like that
MAX_MEAN = 1e3  # pixels are 0..1 once scaled; a mean far outside is a broken description

# Samples that one built-in model was trained to read (sample name -> model name).
_SHAPE_SAMPLES = ("circle", "square", "triangle", "star", "house", "tree")


@dataclass(frozen=True)
class Preprocessing:
    """A model's preprocessing with every default filled in from its architecture."""

    size: tuple[int, int]  # (height, width)
    channels: int
    invert: bool
    mean: tuple[float, ...]
    std: tuple[float, ...]
    digit_box: int | None  # fit the ink into a box this large, MNIST-style; None: letterbox the image
    centre_by_mass: bool


def preprocessing_of(info: ModelInfo) -> Preprocessing:
    """Read `info.preprocessing`; a missing entry takes the architecture's value or the neutral one."""
    spec = cnn_spec(info.architecture)
    raw = dict(info.preprocessing)
    channels, height, width = spec.input_shape
    try:
        size = tuple(int(v) for v in raw.get("input_size", (height, width)))
        chosen_channels = int(raw.get("channels", channels))
        mean = tuple(float(v) for v in np.atleast_1d(raw.get("mean", 0.0)))
        std = tuple(float(v) for v in np.atleast_1d(raw.get("std", 1.0)))
        box = raw.get("digit_box")
        box = None if box in (None, 0, False) else int(box)
    except (TypeError, ValueError) as error:
        raise ModelError(
            "Model '{name}' has unreadable preprocessing settings ({error}); "
            "run scripts/train_models.py to rewrite its description.",
            name=info.name, error=error,
        ) from None
    if size != (height, width) or chosen_channels != channels:
        raise ModelError(
            "Model '{name}' says its input is {chosen_channels}×{size_height}×{size_width}, but its "
            "architecture takes {channels}×{height}×{width}; run scripts/train_models.py again.",
            name=info.name, chosen_channels=chosen_channels, size_height=size[0], size_width=size[1],
            channels=channels, height=height, width=width,
        )
    if len(mean) not in (1, channels) or len(std) not in (1, channels) or not all(s > 0 for s in std):
        raise ModelError(
            "Model '{name}' needs 1 or {channels} mean and positive std values; "
            "run scripts/train_models.py to rewrite its description.",
            name=info.name, channels=channels,
        )
    if not (all(math.isfinite(m) and abs(m) <= MAX_MEAN for m in mean)
            and all(math.isfinite(s) and MIN_STD <= s <= MAX_MEAN for s in std)):
        raise ModelError(
            "Model '{name}' has a preprocessing mean or std that is not a usable number (each std must be "
            "from {smallest} to {largest}); run scripts/train_models.py to rewrite its description.",
            name=info.name, smallest=MIN_STD, largest=MAX_MEAN,
        )
    if box is not None and not (channels == 1 and 1 <= box <= min(size)):
        raise ModelError("Model '{name}' asks for a digit box of {box} pixels, which only fits a "
                         "one-channel input of at least that size.", name=info.name, box=box)
    return Preprocessing(size, channels, bool(raw.get("invert", False)), mean, std, box,
                         bool(raw.get("centre_by_mass", box is not None)))


def border_is_dark(image: LoadedImage) -> bool:
    """True when the image's border (its background) is darker than mid-grey."""
    pixels = image.pixels
    border = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    return float(np.median(_luminance(border))) < 0.5


def inverts(image: LoadedImage, info: ModelInfo) -> bool:
    """Whether `prepare_input` turns this image's dark and light around for this model."""
    return preprocessing_of(info).invert and not border_is_dark(image)


def prepare_input(image: LoadedImage, info: ModelInfo) -> np.ndarray:
    """The float32 C×H×W array the model is fed for `image`, as its training data looked."""
    p = preprocessing_of(info)
    invert = p.invert and not border_is_dark(image)
    if p.digit_box is not None:
        x = _digit_frame(image, p, invert)[None]
    else:
        x = to_model_input(image, size=p.size, channels=p.channels, invert=invert, keep_aspect="pad")
    mean = np.asarray(p.mean, dtype=np.float32).reshape(-1, 1, 1)
    std = np.asarray(p.std, dtype=np.float32).reshape(-1, 1, 1)
    return np.ascontiguousarray((x - mean) / std, dtype=np.float32)


def analyse(model: nn.Sequential, info: ModelInfo, image: LoadedImage) -> FeatureRecord:
    """Every layer's output for `image`, and the prediction with the model's class names.

    A record with a number that is not finite never leaves here (a view would draw "nan%"): the model
    is refused in one sentence instead, whatever broke it (its weights, or weights set in training).
    """
    record = compute_features(model, prepare_input(image, info), info.class_names)
    outputs = [record.input, record.logits, record.probs, *(layer.output for layer in record.layers)]
    if not all(np.isfinite(array).all() for array in outputs):
        raise ModelError("Model '{name}' gives numbers that are not finite for this image, so its weights are "
                         "broken; choose another model or train it again.", name=info.name)
    return record


def open_model(name: str, directory: str | os.PathLike | None = None) -> tuple[nn.Sequential, ModelInfo]:
    """load_model, but an unknown name is refused with the list of models that are there."""
    _check_name(name, directory)
    return load_model(name, directory)


def check_model(name: str, directory: str | os.PathLike | None = None) -> ModelInfo:
    """The model's checked description, once its name is known and its weights file is readable.

    No network is built and torch is not used, so the GUI thread may call it to refuse a broken
    model at once; `open_model` (in a worker) checks every weight's name and shape as well.
    """
    _check_name(name, directory)
    info = read_model_info(name, directory)
    check_weights(name, directory)  # a regular file with a readable header: never opened blindly (a FIFO blocks)
    return info


def _check_name(name: str, directory: str | os.PathLike | None) -> None:
    names = available_models(directory)
    if name not in names:
        folder = directory if directory is not None else MODELS_DIR
        if not names:
            raise ModelError("No trained model was found in {folder}; run scripts/train_models.py to create "
                             "the digits and shapes models.", folder=folder)
        raise ModelError(
            "There is no model '{name}'; choose one of: {choices}.",
            name=name, choices=", ".join(names),
        )


def suggested_model(sample_name: str) -> str | None:
    """The built-in model that was trained on images like this sample, if any."""
    if sample_name.startswith("digit"):
        return "digits"
    return "shapes" if sample_name in _SHAPE_SAMPLES else None


# --- the digit path --------------------------------------------------------------------


def _luminance(pixels: np.ndarray) -> np.ndarray:
    """ITU-R 601 luminance in 0..1, float32, of RGB pixels (..., 3)."""
    rgb = np.asarray(pixels, dtype=np.float32)
    return (rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114) / 255.0


def _digit_frame(image: LoadedImage, p: Preprocessing, invert: bool) -> np.ndarray:
    """Light ink on a 0 background, in an H×W frame: cut out, scaled into the box, centred by mass."""
    pil = Image.fromarray(np.ascontiguousarray(image.pixels, dtype=np.uint8)).convert("L")
    if max(pil.size) > WORK_SIDE:
        scale = WORK_SIDE / max(pil.size)
        pil = pil.resize((max(1, round(pil.width * scale)), max(1, round(pil.height * scale))),
                         Image.Resampling.BOX, reducing_gap=2.0)
    gray = np.asarray(pil, dtype=np.float32) / 255.0
    if invert:
        gray = 1.0 - gray
    height, width = p.size
    frame = np.zeros((height, width), dtype=np.float32)
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    paper, peak = float(np.median(border)), float(gray.max())
    if peak - paper < MIN_CONTRAST:  # a blank page: the network sees an empty frame
        return frame
    ink = np.clip((gray - paper) / (peak - paper), 0.0, 1.0)
    ink[ink < INK_FLOOR] = 0.0
    rows = np.flatnonzero((ink >= BOX_THRESHOLD).any(axis=1))
    cols = np.flatnonzero((ink >= BOX_THRESHOLD).any(axis=0))
    crop = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    scale = p.digit_box / max(crop.shape)
    size = (max(1, round(crop.shape[1] * scale)), max(1, round(crop.shape[0] * scale)))  # (w, h)
    resample = Image.Resampling.BOX if scale < 1 else Image.Resampling.BILINEAR
    digit = np.asarray(Image.fromarray(np.ascontiguousarray(crop)).resize(size, resample), dtype=np.float32)
    digit = np.clip(digit, 0.0, 1.0)
    h, w = digit.shape
    if p.centre_by_mass and digit.sum() > 0:
        yy, xx = np.mgrid[0:h, 0:w]
        cy, cx = (yy * digit).sum() / digit.sum(), (xx * digit).sum() / digit.sum()
        top, left = round((height - 1) / 2 - cy), round((width - 1) / 2 - cx)
    else:
        top, left = (height - h) // 2, (width - w) // 2
    top, left = min(max(top, 0), height - h), min(max(left, 0), width - w)
    frame[top:top + h, left:left + w] = digit
    return frame
