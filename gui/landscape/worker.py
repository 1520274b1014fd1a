"""Optimizer races (core.landscape.surfaces) in their own QThread, so a slider never freezes the window.

RaceRunner is the GUI thread's side: it numbers each request (a generation) and passes on
only the answer to the latest one. RaceWorker runs on the worker base (gui.threads.Worker):
a request is a "race" command on the base's queue; the newest queued request wins and the
older ones are dropped, and a newer request (or stop) abandons a race between two optimizers.
Bad settings are answered with core's sentence (race_failed); anything unexpected follows the
base's policy (logged, `recover`, `failed`), which RaceRunner says as the latest request's failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.errors import GlassboxError
from core.landscape.surfaces import OptimizerPath, Point, Surface, optimizer_path, race
from gui.i18n import say
from gui.threads import Generations, Worker, start_in_thread, stop_thread


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


class RaceWorker(Worker):
    """Lives in a worker thread; answers each request it does not skip with race_finished or race_failed.

    An unexpected error answers with race_broken(request) and then the base's failed(sentence).
    """

    race_finished = Signal(object, object)  # RaceRequest, {optimizer name: OptimizerPath}
    race_failed = Signal(object, str)  # RaceRequest, one sentence (a bad setting)
    race_broken = Signal(object)  # the RaceRequest an unexpected error ended; `failed` follows with the sentence

    def __init__(self):
        super().__init__()
        self._racing: RaceRequest | None = None

    # ------------------------------------------------------------ commands (any thread)
    def request(self, request: RaceRequest) -> None:
        """Race with these settings; any older request not yet answered is dropped."""
        self.send("race", request)

    # ------------------------------------------------------------ hooks (worker thread)
    def handle(self, command: str, argument) -> None:
        if command != "race":
            return  # "wake" (from stop)
        request = self._newest(argument)
        if request is not None:
            self._answer(request)

    def recover(self, error: BaseException) -> None:
        """Nothing to undo (a race changes no state); say which request the error ended."""
        request, self._racing = self._racing, None
        if request is not None:
            self.race_broken.emit(request)

    def failure_sentence(self, error: BaseException) -> str:
        return f"The race could not be computed ({error}); try other settings."

    # ------------------------------------------------------------ racing
    def _newest(self, request: RaceRequest) -> RaceRequest | None:
        """The last request queued so far (None once stopping): older ones are dropped unanswered."""
        queued: list = []
        while self.interrupted(queued, replaced_by=("race",)) and not self.stopping:
            pass  # each call takes the queue up to the next race request
        for command, argument in queued:
            if command == "race":
                request = argument
        return None if self.stopping else request

    def _superseded(self) -> bool:
        return self.stopping or self.commands_waiting()

    def _answer(self, request: RaceRequest) -> None:
        self._racing = request
        try:
            paths = compute_race(request, self._superseded)
        except GlassboxError as error:  # a bad setting: core's own sentence
            self._racing = None
            self.race_failed.emit(request, say(error))
            return
        self._racing = None
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
        self._generations = Generations()  # the newest request wins; stale answers are dropped
        self._broken_latest = False  # an unexpected error ended the latest request; its sentence comes next
        self._worker: RaceWorker | None = None
        self._thread: QThread | None = None
        self._stop_on_destroy = None

    @property
    def pending(self) -> bool:
        """True from a request until its answer (or a newer request's) has arrived."""
        return self._generations.pending

    def request(self, surface: Surface, optimizers, lr: float, steps: int, start: Point, momentum: float) -> None:
        """Race these settings; an older request's answer that has not arrived yet will be ignored."""
        request = RaceRequest(self._generations.next(), surface, tuple(optimizers), lr, steps, tuple(start), momentum)
        if not self.threaded:
            try:
                self._on_race_finished(request, compute_race(request))
            except GlassboxError as error:
                self._on_race_failed(request, say(error))
            return
        if self._thread is None:
            self._worker = RaceWorker()
            self._worker.race_finished.connect(self._on_race_finished)
            self._worker.race_failed.connect(self._on_race_failed)
            self._worker.race_broken.connect(self._on_race_broken)
            self._worker.failed.connect(self._on_worker_failed)
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
        self._generations.give_up()
        self._broken_latest = False

    def _is_latest(self, request: RaceRequest) -> bool:
        """True, once, for the answer to the latest request (not a stale one, nor one after shutdown)."""
        return self._generations.settle(request.generation)

    @Slot(object, object)
    def _on_race_finished(self, request: RaceRequest, paths: dict) -> None:
        if self._is_latest(request):
            self.computed.emit(request, paths)

    @Slot(object, str)
    def _on_race_failed(self, request: RaceRequest, sentence: str) -> None:
        if self._is_latest(request):
            self.failed.emit(sentence)

    @Slot(object)
    def _on_race_broken(self, request: RaceRequest) -> None:
        """The worker's `failed` sentence follows (same thread, same order): it is the answer if this is latest."""
        self._broken_latest = self._is_latest(request)

    @Slot(str)
    def _on_worker_failed(self, sentence: str) -> None:
        if self._broken_latest:
            self._broken_latest = False
            self.failed.emit(sentence)
