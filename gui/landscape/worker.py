"""Optimizer races (core.landscape.surfaces) in their own QThread, so a slider never freezes the window.

RaceRunner is the GUI thread's side: it numbers each request (a generation) and passes on
only the answer to the latest one. RaceWorker lives in the thread: `request()` only puts a
RaceRequest on a queue; the loop takes the newest request and drops the older ones, and a
newer request (or stop) abandons a race between two optimizers.
"""

from __future__ import annotations

import queue
import threading
import traceback
from dataclasses import dataclass
from functools import partial
from typing import Callable

import torch
from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.errors import GlassboxError
from core.landscape.surfaces import OptimizerPath, Point, Surface, optimizer_path, race
from gui.threads import WORKER_TORCH_THREADS, start_in_thread, stop_thread


@dataclass(frozen=True)
class RaceRequest:
    """Everything one race needs, numbered: a larger generation is a newer request."""

    generation: int
    surface: Surface
    optimizers: tuple[str, ...]
    lr: float
    steps: int
    start: Point
    momentum: float


def compute_race(request: RaceRequest, superseded: Callable[[], bool] = lambda: False
                 ) -> dict[str, OptimizerPath] | None:
    """core.landscape.surfaces.race for `request`, or None when `superseded()` turns true between two optimizers.

    Raises ConfigError for bad settings, with race's own sentence.
    """
    names, surface = list(request.optimizers), request.surface
    # A 0-step race checks every setting exactly as race() does, in a few milliseconds.
    race(surface, names, request.lr, 0, request.start, request.momentum)
    paths = {}
    for name in names:  # race() is this loop; run here, it can stop between optimizers
        if superseded():
            return None
        paths[name] = optimizer_path(surface, name, request.lr, request.steps, request.start, request.momentum)
    return paths


class RaceWorker(QObject):
    """Lives in a worker thread; answers each request it does not skip with race_finished or race_failed."""

    race_finished = Signal(object, object)  # RaceRequest, {optimizer name: OptimizerPath}
    race_failed = Signal(object, str)  # RaceRequest, one sentence (a bad setting)
    finished = Signal()

    def __init__(self):
        super().__init__()
        self._requests: queue.SimpleQueue = queue.SimpleQueue()
        self._stop = threading.Event()

    # ------------------------------------------------------------ commands (any thread)
    def request(self, request: RaceRequest) -> None:
        """Race with these settings; any older request not yet answered is dropped."""
        self._requests.put(request)

    def stop(self) -> None:
        """Ask the loop to end; it returns within one optimizer's path."""
        self._stop.set()
        self._requests.put(None)  # wakes the loop

    # ------------------------------------------------------------ the loop (worker thread)
    @Slot()
    def run(self) -> None:
        torch.set_num_threads(WORKER_TORCH_THREADS)
        while not self._stop.is_set():
            request = self._newest(self._requests.get())
            if request is not None and not self._stop.is_set():
                self._answer(request)
        self.finished.emit()

    def _newest(self, request: RaceRequest | None) -> RaceRequest | None:
        """The last request queued so far (None: only wake-ups)."""
        while True:
            try:
                queued = self._requests.get_nowait()
            except queue.Empty:
                return request
            if queued is not None:
                request = queued

    def _superseded(self) -> bool:
        return self._stop.is_set() or not self._requests.empty()

    def _answer(self, request: RaceRequest) -> None:
        try:
            paths = compute_race(request, self._superseded)
        except GlassboxError as error:
            self.race_failed.emit(request, str(error))
            return
        except Exception as error:  # our bug: say so in one sentence and keep the loop alive for the next request
            traceback.print_exc()
            self.race_failed.emit(request, f"The race could not be computed ({error}); try other settings.")
            return
        if paths is not None:
            self.race_finished.emit(request, paths)


class RaceRunner(QObject):
    """The GUI thread's side: numbers each request, starts the race thread on first use, passes on only the
    answer to the latest request.

    threaded=False races in the calling thread instead and answers before `request` returns (for pictures
    made headlessly, where no event loop waits for an answer).
    """

    computed = Signal(object, object)  # the latest RaceRequest, its {optimizer name: OptimizerPath}
    failed = Signal(str)  # one sentence, for the latest request

    def __init__(self, threaded: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self.threaded = threaded
        self._generation = 0  # the latest request's
        self._answered = 0  # the latest request answered (or given up at shutdown)
        self._worker: RaceWorker | None = None
        self._thread: QThread | None = None
        self._stop_on_destroy = None

    @property
    def pending(self) -> bool:
        """True from a request until its answer (or a newer request's) has arrived."""
        return self._answered < self._generation

    def request(self, surface: Surface, optimizers, lr: float, steps: int, start: Point, momentum: float) -> None:
        """Race these settings; an older request's answer that has not arrived yet will be ignored."""
        self._generation += 1
        request = RaceRequest(self._generation, surface, tuple(optimizers), lr, steps, tuple(start), momentum)
        if not self.threaded:
            try:
                self._on_race_finished(request, compute_race(request))
            except GlassboxError as error:
                self._on_race_failed(request, str(error))
            return
        if self._thread is None:
            self._worker = RaceWorker()
            self._worker.race_finished.connect(self._on_race_finished)
            self._worker.race_failed.connect(self._on_race_failed)
            self._thread = start_in_thread(self._worker, "glassbox-race")
            # Dropped without shutdown() (say, a view nobody closed)? Stop the thread as this object dies,
            # before Python frees the QThread: a QThread destroyed while running aborts the process.
            self._stop_on_destroy = partial(stop_thread, self._worker, self._thread)
            self.destroyed.connect(self._stop_on_destroy)
        self._worker.request(request)

    def shutdown(self) -> None:
        """Stop the race thread (flag, quit, wait) and forget what is pending; safe to call twice.

        A later request starts a new thread.
        """
        if self._thread is not None:
            self.destroyed.disconnect(self._stop_on_destroy)
            stop_thread(self._worker, self._thread)
            self._thread = self._worker = self._stop_on_destroy = None
        self._answered = self._generation

    def _is_latest(self, request: RaceRequest) -> bool:
        if request.generation != self._generation or not self.pending:
            return False  # a stale answer, or one that arrived after shutdown
        self._answered = request.generation
        return True

    @Slot(object, object)
    def _on_race_finished(self, request: RaceRequest, paths: dict) -> None:
        if self._is_latest(request):
            self.computed.emit(request, paths)

    @Slot(object, str)
    def _on_race_failed(self, request: RaceRequest, sentence: str) -> None:
        if self._is_latest(request):
            self.failed.emit(sentence)
