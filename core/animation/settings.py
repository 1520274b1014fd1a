"""What an animation may be, said before any frame is drawn: its format, size, speed, length and cost.

A teacher drops the file into a slide, so the defaults are a slide's: 960×540 (16:9, at least
640 wide, readable when the slide is projected), 8 seconds, 15 frames a second for a GIF (a
smaller file; browsers and slide programs play GIFs unevenly faster than that) and 25 for an
MP4. `check_animation` refuses nonsense and work that cannot fit in memory with one sentence
before the recording starts; `estimate_animation` says roughly what it will take.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.errors import AnimationError, Phrase
from core.files import shown_name, size_text
from core.limits import BASE_BYTES, SAFETY, Estimate, available_memory, seconds_text

FORMATS = ("gif", "mp4")
DEFAULT_SIZE = (960, 540)
DEFAULT_FPS = {"gif": 15, "mp4": 25}
DEFAULT_SECONDS = 8
MIN_SIZE = (64, 64)
MAX_SIZE = (1920, 1080)
FPS_RANGE = (1, 60)
GIF_MAX_FPS = 50  # a GIF counts time in hundredths of a second; players slow faster ones down to 10 a second
SECONDS_RANGE = (1, 120)

# Measured on the 2-core machine (bench/animation.py): drawing a 960×540 frame of a tab offscreen, then
# quantising it for a GIF or encoding it as H.264; scaled by the pixels of other sizes.
DRAW_SECONDS_PER_MEGAPIXEL = 0.06
GIF_SECONDS_PER_MEGAPIXEL = 0.03
MP4_SECONDS_PER_MEGAPIXEL = 0.01
GIF_BYTES_PER_PIXEL = 1.1  # a frame waits as palette indices (one byte a pixel) until the GIF is assembled
MP4_LOOKAHEAD_FRAMES = 60  # frames ffmpeg's H.264 encoder holds while it plans, whatever the length


def animation_format(path: str | os.PathLike) -> str:
    """'gif' or 'mp4' from the file's suffix; an AnimationError sentence for any other name."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise AnimationError("{file} is not a .gif or .mp4 name; an animation is saved as a GIF (for any slide "
                             "program) or an MP4 video; end the name with .gif or .mp4.", file=shown_name(path))
    return suffix


def frame_count(fps: int, seconds: float) -> int:
    """The frames of `seconds` at `fps` (at least one)."""
    return max(1, int(round(float(fps) * float(seconds))))


def check_animation(path: str | os.PathLike, size: tuple[int, int], fps: int, seconds: float,
                    free: int | None = None) -> Estimate:
    """The estimate of recording `path` at `size`, `fps` and `seconds`; AnimationError (one sentence) when a
    value is out of range or the recording would not fit in this computer's free memory (`free` bytes)."""
    kind = animation_format(path)
    width, height = _checked_size(size)
    if isinstance(fps, bool) or not isinstance(fps, int) or not FPS_RANGE[0] <= fps <= FPS_RANGE[1]:
        raise AnimationError("The frames per second must be a whole number from {low} to {high}, not {value}.",
                             low=FPS_RANGE[0], high=FPS_RANGE[1], value=fps)
    if kind == "gif" and fps > GIF_MAX_FPS:
        raise AnimationError("A GIF plays at most {high} frames per second, not {value}; choose fewer frames "
                             "per second, or save an MP4.", high=GIF_MAX_FPS, value=fps)
    if (isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds != seconds
            or not SECONDS_RANGE[0] <= seconds <= SECONDS_RANGE[1]):
        raise AnimationError("The length must be from {low} to {high} seconds, not {value}.",
                             low=SECONDS_RANGE[0], high=SECONDS_RANGE[1], value=seconds)
    estimate = estimate_animation(kind, (width, height), fps, seconds)
    free = available_memory() if free is None else free
    if estimate.memory_bytes > SAFETY * free:
        raise AnimationError("A {kind} of {frames} frames at {width}×{height} needs about {need} of memory, but "
                             "this computer has about {free} free; make it smaller or shorter, choose fewer frames "
                             "per second, or save an MP4.", kind=kind.upper(), frames=frame_count(fps, seconds),
                             width=width, height=height, need=size_text(estimate.memory_bytes),
                             free=size_text(free))
    return estimate


def estimate_animation(kind: str, size: tuple[int, int], fps: int, seconds: float) -> Estimate:
    """Roughly what recording takes: peak memory, and the seconds of drawing and encoding every frame.

    `kind` is 'gif' or 'mp4' (or a path ending in either). `Estimate.weights` holds the frame count.
    """
    kind = kind if kind in FORMATS else animation_format(kind)
    width, height = int(size[0]), int(size[1])
    frames = frame_count(fps, seconds)
    pixels = width * height
    megapixels = pixels / 1e6
    frame_bytes = 3 * pixels
    if kind == "gif":
        memory = BASE_BYTES + frames * pixels * GIF_BYTES_PER_PIXEL + 8 * frame_bytes
        per_frame = GIF_SECONDS_PER_MEGAPIXEL * megapixels
    else:
        memory = BASE_BYTES + MP4_LOOKAHEAD_FRAMES * pixels * 1.5 + 8 * frame_bytes  # yuv420p: 1.5 bytes a pixel
        per_frame = MP4_SECONDS_PER_MEGAPIXEL * megapixels
    seconds_needed = frames * (per_frame + DRAW_SECONDS_PER_MEGAPIXEL * megapixels)
    return Estimate(frames, int(memory), seconds_needed)


def describe_animation(estimate: Estimate) -> Phrase:
    """One short line for the export dialog: '120 frames · about 90 MB of memory while recording · about 9 s'
    (the memory, not the file's size: a teacher deciding whether the machine can take it needs that one)."""
    return Phrase("{frames} frames · about {memory} of memory while recording · about {seconds}", frames=f"{estimate.weights:,}",
                  memory=size_text(estimate.memory_bytes), seconds=seconds_text(estimate.seconds))


def _checked_size(size) -> tuple[int, int]:
    try:
        width, height = size
    except (TypeError, ValueError):
        raise AnimationError("The size must be a width and a height in pixels, such as 960x540.") from None
    for value in (width, height):
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnimationError("The size must be a width and a height in pixels, such as 960x540.")
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise AnimationError("An animation must be from {low_width}×{low_height} to {high_width}×{high_height} "
                             "pixels, not {width}×{height}.", low_width=MIN_SIZE[0], low_height=MIN_SIZE[1],
                             high_width=MAX_SIZE[0], high_height=MAX_SIZE[1], width=width, height=height)
    return width, height
