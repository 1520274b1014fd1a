"""A GIF's frames, reduced to 256 colours as they come and assembled with Pillow at the end.

A view's frames share most of their colours (the theme, the colour maps), so a frame is
first mapped onto the palette of the frames before it: one palette means no colour flicker
between frames and a smaller file. When that palette no longer fits (a new colour appeared:
a curve, a boundary), the frame gets a palette of its own, chosen from its pixels, and the
frames after it share that one. No dithering: a view is flat colours, thin lines and text,
which dithering turns into noise.
"""

from __future__ import annotations

from typing import BinaryIO

import numpy as np
from PIL import Image

SAMPLE_STEP = 3  # judge a palette on every third pixel of every third row
POOR_FIT = 40  # a pixel whose nearest palette colour is this far off (in any channel) is a poor fit
POOR_SHARE = 0.001  # ... and a palette with more than this share of poor fits is replaced


class GifFrames:
    """Frames as palette images, one byte a pixel, in the order they came."""

    def __init__(self):
        self.images: list[Image.Image] = []
        self._palette: Image.Image | None = None  # the palette the last frames share
        self._colours: np.ndarray | None = None  # ... as an N×3 array

    def add(self, frame: np.ndarray) -> None:
        """Reduce an H×W×3 uint8 frame to palette indices and keep it."""
        picture = Image.fromarray(frame, "RGB")
        if self._palette is not None:
            shared = picture.quantize(palette=self._palette, dither=Image.Dither.NONE)
            if self._fits(frame, shared):
                self.images.append(shared)
                return
        own = picture.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        self._palette = own
        self._colours = np.asarray(own.getpalette()[: 3 * 256], dtype=np.int16).reshape(-1, 3)
        self.images.append(own)

    def _fits(self, frame: np.ndarray, indexed: Image.Image) -> bool:
        indices = np.asarray(indexed)[::SAMPLE_STEP, ::SAMPLE_STEP]
        shown = self._colours[np.minimum(indices, len(self._colours) - 1)]
        wanted = frame[::SAMPLE_STEP, ::SAMPLE_STEP].astype(np.int16)
        poor = np.abs(shown - wanted).max(axis=2) > POOR_FIT
        return poor.mean() <= POOR_SHARE

    def save(self, stream: BinaryIO, fps: int) -> None:
        """Write the GIF: looping forever, each frame shown for its share of the timeline.

        A GIF counts in hundredths of a second, so 15 frames a second alternate 7 and 6 hundredths,
        which keeps the whole length right instead of drifting by a rounded 7 every frame.
        """
        if not self.images:
            raise ValueError("no frames to save")
        durations = [10 * (round((i + 1) * 100 / fps) - round(i * 100 / fps)) for i in range(len(self.images))]
        first, rest = self.images[0], self.images[1:]
        first.save(stream, format="GIF", save_all=True, append_images=rest, loop=0, duration=durations,
                   disposal=1, optimize=False)
