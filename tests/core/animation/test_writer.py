"""Animations are written whole or not at all, and bad values are refused with one sentence."""

from __future__ import annotations

import os

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from core.animation.settings import (DEFAULT_FPS, DEFAULT_SECONDS, DEFAULT_SIZE, check_animation,
                                     describe_animation, estimate_animation)
from core.animation.writer import open_animation
from core.errors import AnimationError

SIZE = (96, 64)


def _frames(count: int, size=SIZE) -> list[np.ndarray]:
    """Distinct frames: a square that walks right, on a background whose shade changes."""
    width, height = size
    frames = []
    for index in range(count):
        frame = np.full((height, width, 3), 240 - 3 * index, np.uint8)
        left = 4 + 4 * index
        frame[10:30, left:left + 16] = (0, 114, 178)
        frame[40:44, :] = (230, 159, 0)
        frames.append(frame)
    return frames


def _leftovers(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".part"))


def test_defaults_suit_a_slide():
    assert DEFAULT_SIZE[0] >= 640 and DEFAULT_SIZE == (960, 540)
    assert DEFAULT_FPS == {"gif": 15, "mp4": 25} and DEFAULT_SECONDS == 8


def test_a_gif_loops_with_every_frame_at_its_size_and_its_share_of_the_time(tmp_path):
    path = tmp_path / "pass.gif"
    writer = open_animation(path, SIZE, 15, seconds=1)
    for frame in _frames(15):
        writer.add(frame)
    assert not path.exists()  # nothing at the path until the file is whole
    assert writer.finish() == path

    with Image.open(path) as gif:
        assert gif.size == SIZE and gif.n_frames == 15 and gif.info["loop"] == 0
        durations = []
        for index in range(gif.n_frames):
            gif.seek(index)
            durations.append(gif.info["duration"])
        last = np.asarray(gif.convert("RGB"))
    assert sum(durations) == 1000  # 15 frames a second: the whole second, not 15 × 70 ms
    assert set(durations) <= {60, 70}
    assert tuple(last[20, 4 + 4 * 14 + 8]) == (0, 114, 178)  # flat colours come through exactly
    assert _leftovers(tmp_path) == []


def test_an_mp4_has_every_frame_and_pads_odd_sides_for_h264(tmp_path):
    path = tmp_path / "race.mp4"
    size = (97, 65)
    with open_animation(path, size, 25, seconds=1) as writer:
        for frame in _frames(10, size):
            writer.add(frame)
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert frames == 10 and seconds == pytest.approx(0.4, abs=0.05)
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    assert meta["size"] == (98, 66) and "h264" in meta["codec"]
    first = np.frombuffer(next(reader), np.uint8).reshape(66, 98, 3)
    reader.close()
    assert np.abs(first[20, 12].astype(int) - (0, 114, 178)).max() < 24
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["old.gif", "old.mp4"])
def test_abort_leaves_the_old_file_and_no_scratch(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"the animation from last week")
    writer = open_animation(path, SIZE, 10, seconds=1)
    writer.add(_frames(1)[0])
    assert len(_leftovers(tmp_path)) == 1
    writer.abort()
    writer.abort()
    assert path.read_bytes() == b"the animation from last week"
    assert _leftovers(tmp_path) == []
    with pytest.raises(ValueError):
        writer.add(_frames(1)[0])


def test_an_error_inside_the_block_aborts(tmp_path):
    path = tmp_path / "broken.mp4"
    with pytest.raises(RuntimeError):
        with open_animation(path, SIZE, 10) as writer:
            writer.add(_frames(1)[0])
            raise RuntimeError("the view broke")
    assert not path.exists() and _leftovers(tmp_path) == []


def test_a_frame_of_the_wrong_shape_is_a_bug(tmp_path):
    writer = open_animation(tmp_path / "a.gif", SIZE, 10)
    with pytest.raises(ValueError):
        writer.add(np.zeros((SIZE[1], SIZE[0], 4), np.uint8))
    with pytest.raises(ValueError):
        writer.add(np.zeros((SIZE[0], SIZE[1], 3), np.uint8))
    with pytest.raises(ValueError):
        writer.add(np.zeros((SIZE[1], SIZE[0], 3), np.float32))
    writer.abort()


def test_finishing_with_no_frame_says_so(tmp_path):
    writer = open_animation(tmp_path / "a.gif", SIZE, 10)
    with pytest.raises(AnimationError, match="No frame was recorded"):
        writer.finish()
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("name, size, fps, seconds, words", [
    ("a.png", SIZE, 10, 8, "not a .gif or .mp4 name"),
    ("a", SIZE, 10, 8, "not a .gif or .mp4 name"),
    ("a.gif", (63, 64), 10, 8, "from 64×64 to 1920×1080 pixels, not 63×64"),
    ("a.mp4", (4000, 4000), 10, 8, "not 4000×4000"),
    ("a.mp4", (96.5, 64), 10, 8, "a width and a height"),
    ("a.mp4", "96x64", 10, 8, "a width and a height"),
    ("a.mp4", SIZE, 0, 8, "from 1 to 60, not 0"),
    ("a.mp4", SIZE, 61, 8, "from 1 to 60, not 61"),
    ("a.mp4", SIZE, 2.5, 8, "whole number"),
    ("a.gif", SIZE, 60, 8, "A GIF plays at most 50 frames per second"),
    ("a.mp4", SIZE, 10, 0, "from 1 to 120 seconds, not 0"),
    ("a.mp4", SIZE, 10, float("nan"), "from 1 to 120 seconds"),
    ("a.mp4", SIZE, 10, 1e9, "from 1 to 120 seconds"),
])
def test_absurd_values_are_one_sentence(tmp_path, name, size, fps, seconds, words):
    with pytest.raises(AnimationError) as caught:
        open_animation(tmp_path / name, size, fps, seconds)
    assert words in str(caught.value) and "\n" not in str(caught.value)
    assert os.listdir(tmp_path) == []


def test_a_gif_that_cannot_fit_in_memory_is_refused_with_the_estimate(tmp_path):
    with pytest.raises(AnimationError) as caught:
        check_animation(tmp_path / "long.gif", (1920, 1080), 50, 120, free=2**30)
    sentence = str(caught.value)
    assert "6000 frames at 1920×1080" in sentence and "GB of memory" in sentence and "1.0 GB free" in sentence
    # the same recording streamed to an MP4 keeps memory flat, so it fits
    assert check_animation(tmp_path / "long.mp4", (1920, 1080), 50, 120, free=2**30).memory_bytes < 2**29


def test_the_estimate_grows_with_the_work():
    small = estimate_animation("gif", (640, 360), 15, 8)
    big = estimate_animation("gif", (1920, 1080), 15, 8)
    assert small.weights == 120 and big.memory_bytes > 3 * small.memory_bytes and big.seconds > small.seconds
    assert "120 frames" in str(describe_animation(small))


def test_an_unwritable_folder_is_said_before_any_frame(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        with pytest.raises(AnimationError, match="you may not write in that folder"):
            open_animation(folder / "a.gif", SIZE, 10)
    finally:
        folder.chmod(0o700)


def test_a_missing_folder_a_folder_and_a_fifo_are_refused(tmp_path):
    with pytest.raises(AnimationError, match="does not exist"):
        open_animation(tmp_path / "nowhere" / "a.gif", SIZE, 10)
    (tmp_path / "dir.gif").mkdir()
    with pytest.raises(AnimationError, match="is a folder"):
        open_animation(tmp_path / "dir.gif", SIZE, 10)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.mp4")
        with pytest.raises(AnimationError, match="not a regular file"):
            open_animation(tmp_path / "pipe.mp4", SIZE, 10)


def test_a_new_colour_gets_a_palette_of_its_own(tmp_path):
    path = tmp_path / "colours.gif"
    grey = np.full((SIZE[1], SIZE[0], 3), 128, np.uint8)
    coloured = grey.copy()
    coloured[:, : SIZE[0] // 2] = (213, 94, 0)  # vermillion: not in the first frame's palette
    with open_animation(path, SIZE, 10) as writer:
        writer.add(grey)
        writer.add(coloured)
    with Image.open(path) as gif:
        gif.seek(1)
        shown = np.asarray(gif.convert("RGB"))
    assert tuple(shown[5, 5]) == (213, 94, 0) and tuple(shown[5, -5]) == (128, 128, 128)


@pytest.mark.parametrize("name", ["late.gif", "late.mp4"])
def test_a_cancel_while_finishing_writes_nothing(tmp_path, name):
    import threading

    path = tmp_path / name
    path.write_bytes(b"kept")
    cancelled = threading.Event()
    writer = open_animation(path, SIZE, 10)
    writer.add(_frames(1)[0])
    cancelled.set()
    assert writer.finish(cancelled) is None
    assert path.read_bytes() == b"kept" and _leftovers(tmp_path) == []


def test_an_encoder_that_stops_half_way_is_one_sentence_and_leaves_nothing(tmp_path):
    path = tmp_path / "cut.mp4"
    writer = open_animation(path, SIZE, 10)
    writer.add(_frames(1)[0])
    writer._encoder.process.kill()  # as when the disk fills up or the system ends it
    writer._encoder.process.wait()
    with pytest.raises(AnimationError, match="The MP4 could not be written") as caught:
        for frame in _frames(40):  # the pipe takes a few frames before it notices
            writer.add(frame)
        writer.finish()
    assert "\n" not in str(caught.value)
    writer.abort()
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("error, words", [
    (PermissionError(13, "Permission denied"), "you may not write in that folder"),
    (OSError(28, "No space left on device"), "the disk is full"),
])
def test_a_folder_that_refuses_the_scratch_file_is_one_sentence(tmp_path, monkeypatch, error, words):
    import core.animation.writer as writer_module

    def refuse(*_arguments, **_keywords):
        raise error

    monkeypatch.setattr(writer_module.tempfile, "mkstemp", refuse)  # as root, folder permissions do not stop us
    with pytest.raises(AnimationError, match=words):
        open_animation(tmp_path / "a.mp4", SIZE, 10)
    assert os.listdir(tmp_path) == []
