"""Sample images the app offers without any file or network: drawn here, the same every time.

Shapes and digits come from the same drawing code as the training sets, so the built-in
models recognise them; digits are drawn dark on light, like ink on paper, because that is
what a student's photo will look like. The checkerboard and the scene are for the kernel
playground: sharp edges and corners, and a picture with gradients and objects.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

import numpy as np
from PIL import Image, ImageDraw

from core.data.synthetic_images import SHAPE_CLASSES, draw_digit, object_parts
from core.errors import ImageLoadError

PAPER = np.array([246, 243, 232], dtype=np.float32)  # off-white paper
INK = np.array([25, 30, 60], dtype=np.float32)  # blue-black ink

# Shape samples: background, main, detail and trunk colours, angle in degrees, and the seed
# of the shape's own random choices (a round crown or a pine, where the door goes, ...).
_SHAPES = {
    "circle": ((235, 240, 250), (220, 60, 50), (0, 0, 0), (0, 0, 0), 0, 1),
    "square": ((250, 245, 225), (40, 90, 200), (0, 0, 0), (0, 0, 0), 20, 0),
    "triangle": ((225, 245, 230), (230, 140, 20), (0, 0, 0), (0, 0, 0), 0, 0),
    "star": ((30, 40, 90), (250, 210, 40), (0, 0, 0), (0, 0, 0), 0, 0),
    "house": ((200, 230, 250), (230, 200, 150), (90, 50, 30), (180, 40, 40), 0, 0),
    "tree": ((225, 240, 250), (40, 150, 60), (0, 0, 0), (110, 70, 40), 0, 0),
}
# Seeds whose neat hand-drawn digit reads clearly (picked by eye); any seed draws a valid digit.
_DIGIT_SEEDS = {0: 0, 1: 1, 2: 0, 3: 0, 4: 8, 5: 0, 6: 0, 7: 4, 8: 0, 9: 4}


def _shape(name: str, size: int = 128) -> np.ndarray:
    background, main, detail, trunk, angle, seed = _SHAPES[name]
    parts = object_parts(SHAPE_CLASSES.index(name), np.random.default_rng(seed))
    img = Image.new("RGB", (2 * size, 2 * size), background)
    draw = ImageDraw.Draw(img)
    a = np.radians(angle)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    colours = {"main": main, "detail": detail, "trunk": trunk}
    for points, role in parts:
        draw.polygon([tuple(p) for p in points @ rot.T * (0.7 * size) + size], fill=colours[role])
    return np.asarray(img.resize((size, size), Image.BOX), dtype=np.uint8)


def _digit(digit: int, size: int = 112) -> np.ndarray:
    """A hand-drawn digit in ink on paper: the generator's white-on-black strokes, inverted and tinted."""
    ink = draw_digit(digit, _DIGIT_SEEDS[digit], size).astype(np.float32)[..., None] / 255
    return np.round(PAPER * (1 - ink) + INK * ink).astype(np.uint8)


def _checkerboard(size: int = 128, squares: int = 8) -> np.ndarray:
    cell = size // squares
    yy, xx = np.mgrid[0:size, 0:size] // cell
    board = np.where((yy + xx) % 2 == 0, 235, 20).astype(np.uint8)
    return np.repeat(board[..., None], 3, axis=2)


def _scene(width: int = 256, height: int = 192) -> np.ndarray:
    """Sky, sun, grass, a house and a tree: smooth gradients next to hard edges."""
    horizon = int(height * 0.68)
    t = np.linspace(0, 1, horizon)[:, None, None]
    sky = np.array([70, 130, 220]) * (1 - t) + np.array([190, 225, 250]) * t
    t = np.linspace(0, 1, height - horizon)[:, None, None]
    grass = np.array([110, 190, 80]) * (1 - t) + np.array([40, 110, 40]) * t
    pixels = np.concatenate([np.broadcast_to(sky, (horizon, width, 3)),
                             np.broadcast_to(grass, (height - horizon, width, 3))])
    img = Image.fromarray(pixels.astype(np.uint8))
    draw = ImageDraw.Draw(img)
    draw.ellipse((196, 14, 236, 54), fill=(255, 215, 60))  # sun
    # House: walls, roof, door and a window with a cross.
    draw.rectangle((40, 92, 120, 150), fill=(225, 195, 150))
    draw.polygon([(30, 94), (130, 94), (80, 52)], fill=(170, 50, 40))
    draw.rectangle((56, 116, 76, 150), fill=(100, 60, 35))
    draw.rectangle((88, 106, 110, 126), fill=(170, 210, 240), outline=(255, 255, 255), width=2)
    draw.line((99, 106, 99, 126), fill=(255, 255, 255), width=2)
    draw.line((88, 116, 110, 116), fill=(255, 255, 255), width=2)
    # Tree: trunk and a round crown.
    draw.rectangle((176, 110, 188, 156), fill=(110, 70, 40))
    draw.ellipse((150, 62, 214, 122), fill=(50, 140, 60))
    return np.asarray(img, dtype=np.uint8)


SAMPLE_IMAGES: dict[str, Callable[[], np.ndarray]] = {
    **{name: (lambda name=name: _shape(name)) for name in _SHAPES},
    **{f"digit {d}": (lambda d=d: _digit(d)) for d in _DIGIT_SEEDS},
    "checkerboard": _checkerboard,
    "scene": _scene,
}


def sample_names() -> list[str]:
    """The sample names, in menu order."""
    return list(SAMPLE_IMAGES)


@lru_cache(maxsize=None)
def _cached(name: str) -> np.ndarray:
    image = SAMPLE_IMAGES[name]()
    image.setflags(write=False)
    return image


def sample_image(name: str) -> np.ndarray:
    """The named sample as uint8 RGB (height, width, 3); a fresh copy the caller may change."""
    if name not in SAMPLE_IMAGES:
        raise ImageLoadError(
            "There is no sample image '{name}'; choose one of: {choices}.",
            name=name, choices=", ".join(SAMPLE_IMAGES),
        )
    return _cached(name).copy()
