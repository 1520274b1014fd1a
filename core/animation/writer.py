"""Write frames into a GIF or an MP4 that appears whole, or not at all.

`open_animation(path, size, fps)` checks the values and the file, and opens a scratch file
beside the target (so an unwritable folder is said before the first frame is drawn, not after
the last). `.add(frame)` takes one H×W×3 uint8 frame; `.finish()` renames the scratch file over
the target; `.abort()` removes it, and the old file at the path stays as it was.

A GIF keeps its frames until `.finish()` (Pillow assembles the file in one go), each reduced to
palette indices as it comes, one byte a pixel; frames reuse one palette while it still fits
them (fewer colours flicker, the file is smaller) and get a fresh one when new colours appear.
An MP4 streams every frame to the ffmpeg that imageio-ffmpeg ships (H.264, yuv420p: what every
slide program plays), so memory stays flat however long it is.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import tempfile
import threading
from pathlib import Path

import numpy as np

from core.animation.gif import GifFrames
from core.animation.settings import (DEFAULT_FPS, DEFAULT_SECONDS, DEFAULT_SIZE, FORMATS, animation_format,  # noqa: F401
                                     check_animation, describe_animation, estimate_animation, frame_count)
from core.errors import AnimationError, Phrase
from core.files import shared_file_mode, shown_name, writable_target

H264_QUALITY = "20"  # x264's constant rate factor: sharp lines and text, a few MB for a minute at 960×540


class AnimationWriter:
    """Frames in, one animation file out. Not thread-safe: one caller adds, then finishes or aborts."""

    def __init__(self, path: Path, size: tuple[int, int], fps: int):
        self.path = Path(path)
        self.size = (int(size[0]), int(size[1]))
        self.fps = int(fps)
        self.format = animation_format(path)
        self.frames = 0
        self._scratch: Path | None = _scratch_beside(self.path)
        self._closed = False
        self._gif = GifFrames() if self.format == "gif" else None
        self._encoder = None
        if self.format == "mp4":
            try:
                self._encoder = _H264(self._scratch, self.size, self.fps)
            except BaseException:
                self._remove_scratch()
                raise

    def add(self, frame: np.ndarray) -> None:
        """Append one frame: an H×W×3 uint8 array exactly `size` (anything else is the caller's bug)."""
        if self._closed:
            raise ValueError("this animation is already finished or aborted")
        width, height = self.size
        if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8 or frame.shape != (height, width, 3):
            raise ValueError(f"a frame must be a {height}×{width}×3 uint8 array, not "
                             f"{getattr(frame, 'shape', type(frame))} {getattr(frame, 'dtype', '')}")
        if self._gif is not None:
            self._gif.add(frame)
        else:
            self._encoder.send(frame)
        self.frames += 1

    def finish(self, cancelled: threading.Event | None = None) -> Path | None:
        """Complete the file and put it at `path` whole (the old file there is replaced only now).

        `cancelled`: an Event another thread may set while the file is assembled (a long GIF takes seconds);
        if it is set before the rename, nothing is written and None is returned, as after `abort()`.
        """
        if self._closed:
            raise ValueError("this animation is already finished or aborted")
        if self.frames == 0:
            self.abort()
            raise AnimationError("No frame was recorded, so {file} was not written; record again.",
                                 file=shown_name(self.path))
        self._closed = True
        try:
            if self._gif is not None:
                with open(self._scratch, "wb") as stream:
                    self._gif.save(stream, self.fps)
                    stream.flush()
                    os.fsync(stream.fileno())
                self._gif = None
            else:
                self._encoder.close()
                _fsync(self._scratch)
            if cancelled is not None and cancelled.is_set():
                return None  # `finally` removes the scratch file: the old file stays as it was
            os.chmod(self._scratch, shared_file_mode(self.path))
            os.replace(self._scratch, self.path)
            self._scratch = None
        except OSError as exc:
            raise _unwritable(self.path, exc) from exc
        finally:
            self._release()
        return self.path

    def abort(self) -> None:
        """Stop and remove what was written so far; the old file at `path` stays as it was. Safe to repeat."""
        self._closed = True
        self._release()

    def _release(self) -> None:
        self._gif = None
        if self._encoder is not None:
            self._encoder.kill()
            self._encoder = None
        self._remove_scratch()

    def _remove_scratch(self) -> None:
        if self._scratch is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._scratch)
            self._scratch = None

    def __enter__(self) -> "AnimationWriter":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if not self._closed:
            self.abort() if kind is not None else self.finish()

    def __del__(self):  # a writer dropped half-way leaves no scratch file and no ffmpeg behind
        with contextlib.suppress(Exception):
            if not self._closed:
                self.abort()


def open_animation(path: str | os.PathLike, size: tuple[int, int], fps: int,
                   seconds: float = DEFAULT_SECONDS) -> AnimationWriter:
    """A writer for `path` (.gif or .mp4) at `size` (width, height) and `fps`; AnimationError (one sentence)
    for a bad value, a name or folder that cannot be written, or one that would not fit (`seconds` long)."""
    check_animation(path, size, fps, seconds)
    target = writable_target(path, AnimationError)
    return AnimationWriter(target, size, fps)


class _H264:
    """ffmpeg reading raw RGB frames on its standard input and writing H.264 into the scratch file."""

    def __init__(self, scratch: Path, size: tuple[int, int], fps: int):
        try:
            import imageio_ffmpeg
            executable = imageio_ffmpeg.get_ffmpeg_exe()
        except (ImportError, RuntimeError, OSError):
            raise AnimationError("The video encoder that comes with Glassbox is missing, so an MP4 cannot be "
                                 "written; save a GIF instead, or reinstall Glassbox.") from None
        width, height = size
        self.padded = (width + width % 2, height + height % 2)  # H.264 in yuv420p needs even sides
        self.log = tempfile.TemporaryFile()
        command = [executable, "-y", "-f", "rawvideo", "-vcodec", "rawvideo", "-s", f"{self.padded[0]}x{self.padded[1]}",
                   "-pix_fmt", "rgb24", "-r", str(int(fps)), "-i", "-", "-an",
                   "-vcodec", "libx264", "-pix_fmt", "yuv420p", "-crf", H264_QUALITY, "-preset", "veryfast",
                   "-tune", "animation", "-movflags", "+faststart", "-v", "error", "-f", "mp4", str(scratch)]
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        try:
            self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                            stderr=self.log, creationflags=flags)
        except OSError:
            self.log.close()
            raise AnimationError("The video encoder that comes with Glassbox could not start, so an MP4 cannot be "
                                 "written; save a GIF instead, or reinstall Glassbox.") from None

    def send(self, frame: np.ndarray) -> None:
        height, width = frame.shape[:2]
        if (width, height) != self.padded:
            frame = np.pad(frame, ((0, self.padded[1] - height), (0, self.padded[0] - width), (0, 0)), mode="edge")
        try:
            self.process.stdin.write(np.ascontiguousarray(frame).data)
        except (OSError, ValueError):
            self.kill()
            raise self._failed() from None

    def close(self) -> None:
        try:
            self.process.stdin.close()
        except OSError:
            pass
        code = self.process.wait()
        if code != 0:
            raise self._failed()
        self.log.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(OSError, ValueError):
            self.process.stdin.close()
        self.process.wait()
        self.log.close()

    def _failed(self) -> AnimationError:
        self.process.wait()
        try:
            self.log.seek(0)
            lines = self.log.read(4096).decode("utf-8", "replace").strip().splitlines()
        except (OSError, ValueError):
            lines = []
        reason = lines[-1].strip()[:160] if lines else Phrase("the encoder stopped")
        return AnimationError("The MP4 could not be written ({reason}); check the disk has room, then record "
                              "again, or save a GIF.", reason=reason)


def _scratch_beside(target: Path) -> Path:
    """An empty private file next to `target`, for the frames until finish; the folder's refusal as a sentence."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name[:200]}.", suffix=".part",
                                        dir=str(target.parent) or ".")
    except OSError as exc:
        raise _unwritable(target, exc) from exc
    os.close(handle)
    return Path(name)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(descriptor)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF):  # some file systems cannot sync a read-only handle
            raise
    finally:
        os.close(descriptor)


def _unwritable(target: Path, exc: OSError) -> AnimationError:
    name = shown_name(target)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return AnimationError("{file} could not be saved because the disk is full; free some space and save again "
                              "(the old file, if any, is unchanged).", file=name)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return AnimationError("{file} could not be saved: you may not write in that folder; choose another "
                              "folder.", file=name)
    return AnimationError("{file} could not be saved ({reason}); check the folder and the disk, then save again "
                          "(the old file, if any, is unchanged).", file=name,
                          reason=exc.strerror.rstrip(".").lower() if exc.strerror else Phrase("the system refused"))


__all__ = ["AnimationWriter", "open_animation", "check_animation", "estimate_animation", "describe_animation",
           "animation_format", "frame_count", "DEFAULT_SIZE", "DEFAULT_FPS", "DEFAULT_SECONDS", "FORMATS"]
