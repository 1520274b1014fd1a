"""AnimationRecorder: frames from a source into an animation writer, without freezing the window.

Sources draw with the tabs' own widgets, so frames are drawn on the GUI thread, in slices: a
zero-interval QTimer draws frames until about TICK_BUDGET_S has passed, then lets the event loop
breathe (the progress bar moves, Cancel is heard, the window repaints). A live source (LiveSource:
`live` is True) is paced by real time instead: one grab per tick of its own interval, repeated
when a tick came late, so the film plays at the speed it happened.

The writer works in a plain Python thread of its own: reducing a frame to a GIF's palette, or
piping it to ffmpeg, would otherwise add tens of milliseconds a frame to the GUI thread, and the
GIF's final assembly takes seconds. Every call on the writer happens in that thread (the writer
is not thread-safe), fed by a short queue; its answer comes back by a queued signal. Cancel stops
drawing at once; the thread then aborts the writer, so nothing half-written stays on disk.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import os
import queue
import threading
import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QElapsedTimer, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from core.errors import GlassboxError
from gui.i18n import say

log = logging.getLogger("glassbox")

TICK_BUDGET_S = 0.04  # drawing per tick: the event loop runs at least every ~50 ms
MAX_REPEATS_PER_TICK = 60  # a live tick that came this many frames late does not catch up all at once
QUEUED_BYTES = 64 * 2**20  # frames drawn but not yet written, at most (and at least two frames)
POLL_S = 0.05  # how often an idle writing thread looks at the stop flag
_FINISH = object()  # the last item on the queue: assemble the file


def image_to_rgb(image: QImage, size: tuple[int, int] | None = None) -> np.ndarray:
    """An H×W×3 uint8 RGB copy of `image` (scaled to `size` = (width, height) first when it differs)."""
    if size is not None and (image.width(), image.height()) != tuple(size):
        image = image.scaled(QSize(*size), Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, line = rgb.width(), rgb.height(), rgb.bytesPerLine()
    # Qt pads each line to 4 bytes: read whole lines, then keep each line's first width×3 bytes.
    data = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=line * height).reshape(height, line)
    return data[:, :width * 3].reshape(height, width, 3).copy()


@dataclass
class _Job:
    """One recording as its writing thread knows it."""

    writer: object
    path: str
    existed: bool  # the path held a file before: never removed
    frames: queue.Queue
    stop: threading.Event = field(default_factory=threading.Event)


class AnimationRecorder(QObject):
    """Draws `source`'s frames into `writer`; `progressed`, then `finished`, `failed` or `cancelled`, once."""

    progressed = Signal(int, int)  # frames drawn, frames in all
    finishing = Signal()  # every frame is drawn; the writer is assembling the file
    finished = Signal(str)  # the path written
    failed = Signal(str)  # one sentence; nothing was written
    cancelled = Signal()  # nothing was written
    _written = Signal(object, object)  # from the writing thread: its _Job, and None (done) or the exception

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_tick)
        self._written.connect(self._on_written)
        self._clock = QElapsedTimer()
        self._source = None
        self._job: _Job | None = None
        self._thread: threading.Thread | None = None
        self._done = 0
        self._total = 0
        self.state = "idle"  # idle, drawing, finishing

    # ------------------------------------------------------------------ public
    @property
    def busy(self) -> bool:
        return self.state != "idle"

    @property
    def frames_done(self) -> int:
        return self._done

    def start(self, source, writer, path: str = "") -> None:
        """Record every frame of `source` into `writer` (opened at the source's size and frame rate)."""
        if self.busy:
            raise RuntimeError("a recording is already running")
        path = path or str(getattr(writer, "path", ""))
        size = getattr(source, "size", None) or (1, 1)
        capacity = max(2, min(64, QUEUED_BYTES // max(1, 3 * int(size[0]) * int(size[1]))))
        job = self._job = _Job(writer, path, bool(path) and os.path.lexists(path), queue.Queue(capacity))
        self._source = source
        self._done, self._total = 0, max(0, int(source.frame_count))
        self.state = "drawing"
        self._thread = threading.Thread(target=self._write, args=(job,), name="glassbox-animation", daemon=True)
        self._thread.start()
        live = bool(getattr(source, "live", False))
        if live and hasattr(source, "begin"):
            source.begin()
        self._timer.start(int(getattr(source, "interval_ms", 0)) if live else 0)
        self._clock.start()
        self.progressed.emit(0, self._total)

    def cancel(self) -> None:
        """Stop now and leave nothing behind; `cancelled` follows at once (the thread aborts the writer)."""
        if not self.busy:
            return
        self._job.stop.set()
        self._end()
        self.cancelled.emit()

    def wait_for_writer(self, timeout_s: float = 0.5) -> None:
        """Give the writing thread up to `timeout_s` to end (after cancel(), when the window closes)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout_s)

    # ------------------------------------------------------------------ drawing (GUI thread)
    @Slot()
    def _on_tick(self) -> None:
        if self.state == "finishing":
            return
        try:
            if self._done < self._total:
                if getattr(self._source, "live", False):
                    self._draw_live()
                else:
                    self._draw_slice()
                    # A full queue: the writer is behind; wait for it without spinning the event loop.
                    self._timer.setInterval(10 if self._job.frames.full() else 0)
                self.progressed.emit(self._done, self._total)
            if self._done >= self._total:
                self._begin_finishing()
        except GlassboxError as error:
            self._fail(say(error))
        except Exception as error:  # noqa: BLE001 - one sentence, the log has the details, the app goes on
            log.exception("recording an animation failed")
            self._fail(self.tr("The animation could not be recorded ({0}); nothing was saved.").format(
                type(error).__name__))

    def _draw_slice(self) -> None:
        """Offscreen frames until the tick's time is spent or the writer's queue is full."""
        started, size, frames = time.perf_counter(), self._size(), self._job.frames
        while self._done < self._total and not frames.full():
            frames.put_nowait(image_to_rgb(self._source.frame(self._done), size))
            self._done += 1
            if time.perf_counter() - started > TICK_BUDGET_S:
                break

    def _draw_live(self) -> None:
        """One grab, queued as many times as real time asks (a late tick repeats the picture)."""
        fps = max(1, int(getattr(self._source, "fps", 1)))
        due = min(self._total, int(self._clock.elapsed() * fps / 1000) + 1)
        count = min(MAX_REPEATS_PER_TICK, due - self._done)
        if count <= 0:
            return
        frame = image_to_rgb(self._source.frame(self._done), self._size())
        for _ in range(count):
            try:
                self._job.frames.put_nowait(frame)  # the same array: the writer only reads it
            except queue.Full:  # the writer is behind: the next tick brings the picture of then
                break
            self._done += 1

    def _size(self) -> tuple[int, int] | None:
        size = getattr(self._source, "size", None)
        return (int(size[0]), int(size[1])) if size is not None else None

    def _begin_finishing(self) -> None:
        try:
            self._job.frames.put_nowait(_FINISH)
        except queue.Full:  # the writer is still busy with the last frames: next tick
            return
        self._timer.stop()
        self._end_source()
        self.state = "finishing"
        self.finishing.emit()

    # ------------------------------------------------------------------ writing (its own thread)
    def _write(self, job: _Job) -> None:
        """Every call on the writer, in order: add each frame, then finish; abort when stopped or failed."""
        outcome = None
        try:
            while True:
                try:
                    item = job.frames.get(timeout=POLL_S)
                except queue.Empty:
                    item = None
                if job.stop.is_set():
                    _abort(job.writer)
                    return
                if item is None:
                    continue
                if item is _FINISH:
                    _finish(job)
                    break
                job.writer.add(item)
        except BaseException as error:  # noqa: BLE001 - reported on the GUI thread, in one sentence
            outcome = error
            _abort(job.writer)
        if job.stop.is_set() and outcome is None and job.path and not job.existed:
            # Cancelled while the file was assembled, by a writer that could not stop there: a file
            # it wrote where there was none is removed (one the user had stays as the writer left it).
            with contextlib.suppress(OSError):
                os.unlink(job.path)
        with contextlib.suppress(RuntimeError):  # the recorder is gone (the window closed): nobody to tell
            self._written.emit(job, outcome)

    # ------------------------------------------------------------------ answers and endings (GUI thread)
    @Slot(object, object)
    def _on_written(self, job: _Job, error) -> None:
        if job is not self._job or not self.busy:  # cancelled meanwhile: its answer is not news
            return
        self._end()
        if error is None:
            self.finished.emit(job.path)
        elif isinstance(error, GlassboxError):
            self.failed.emit(say(error))
        else:
            log.error("writing an animation failed", exc_info=error)
            self.failed.emit(self.tr("The animation could not be written ({0}); nothing was saved.").format(
                type(error).__name__))

    def _fail(self, sentence: str) -> None:
        self._job.stop.set()  # the thread aborts the writer
        self._end()
        self.failed.emit(sentence)

    def _end(self) -> None:
        self._timer.stop()
        self._end_source()
        self.state = "idle"

    def _end_source(self) -> None:
        """A live source stops its hooks (`end`); an offscreen one lets its widgets go (`close`), once."""
        source, self._source = self._source, None
        if source is None:
            return
        ending = getattr(source, "end", None) if getattr(source, "live", False) else getattr(source, "close", None)
        if callable(ending):
            try:
                ending()
            except Exception:  # noqa: BLE001 - letting go is cleaning up; the recording ends anyway
                log.exception("ending an animation source failed")


def _finish(job: _Job) -> None:
    """The writer assembles the file; one that takes a `cancelled` flag can still stop before it writes."""
    finish = job.writer.finish
    try:
        takes_flag = "cancelled" in inspect.signature(finish).parameters
    except (TypeError, ValueError):
        takes_flag = False
    finish(cancelled=job.stop) if takes_flag else finish()


def _abort(writer) -> None:
    try:
        writer.abort()
    except Exception:  # noqa: BLE001 - aborting is cleaning up; the recording ends anyway
        log.exception("aborting an animation writer failed")
