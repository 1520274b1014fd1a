"""The Convolution tab's analysis of its current image, off the GUI thread: the newest request wins.

AnalysisWorker sits on the one worker base (gui.threads.Worker) and holds the torch models on a
ModelShelf (gui/convolution/explain/model_shelf.py, shared by every lab worker): the stored
models it has opened, and the network in training, to which it applies the newest report's
numpy weights when it next looks through it. It answers the newest
request queued with a FeatureRecord (numpy copies) or one sentence; older requests still
waiting are skipped. A forward pass of these small models takes a few milliseconds, so a
drawing stroke still gets its prediction within a frame or two.

AnalysisRunner is the GUI thread's side, like gui/landscape/worker.py's RaceRunner: it
numbers each request, starts the thread on first use, and passes on only the answer to
the latest request. threaded=False computes in the calling thread instead and answers
before `request` returns (pictures made headlessly, tests that need the answer at once).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from core.cnn.analysis import analyse
from core.data.images import LoadedImage
from core.errors import GlassboxError
from gui.convolution.explain.model_shelf import LIVE_MODEL, LiveNetwork, ModelShelf
from gui.i18n import say
from gui.convolution.explain.lab_runner import LabRunner
from gui.threads import Generations, Worker

__all__ = ["LIVE_MODEL", "LiveNetwork", "AnalysisRequest", "AnalysisWorker", "AnalysisRunner"]  # old imports go on


@dataclass(frozen=True)
class AnalysisRequest:
    """One image through one model, numbered: a larger generation is a newer request."""

    generation: int
    model: str  # a stored model's name, or LIVE_MODEL
    image: LoadedImage


class AnalysisWorker(Worker):
    """Opens models and runs images through them in its own thread; talks only through signals."""

    analysed = Signal(object, object, object)  # AnalysisRequest, FeatureRecord, ModelInfo
    refused = Signal(object, str)  # AnalysisRequest, one sentence (say, a model that cannot be opened)
    abandoned = Signal(object)  # AnalysisRequest given up after an unexpected error; its sentence comes on `failed`

    def __init__(self, models_dir: str | os.PathLike | None = None):
        super().__init__()
        self.shelf = ModelShelf(models_dir)
        self._current: AnalysisRequest | None = None

    def handle(self, command: str, argument) -> None:
        if command == "analyse":
            self._answer_newest(argument)
        else:
            self.shelf.obey(command, argument)  # the live network, its newest weights, a model saved over
        # "wake" only unblocks the queue so the loop sees the stop flag.

    def recover(self, error: BaseException) -> None:
        if self._current is not None:
            self.abandoned.emit(self._current)
        self._current = None

    def _answer_newest(self, request: AnalysisRequest) -> None:
        """Carry out every command queued so far, then answer only the newest request among them."""
        queued: list = []
        while self.interrupted(queued, replaced_by=("analyse",)) and not self.stopping:
            pass  # each pass takes commands up to and including one more request
        for command, argument in queued:
            if command == "analyse":
                request = argument  # a newer request replaces this one
            else:
                self.guarded(self.handle, command, argument)
        if self.stopping:
            return
        self._current = request
        try:
            model, info = self.shelf.model(request.model)
            record = analyse(model, info, request.image)
        except GlassboxError as error:
            self.refused.emit(request, say(error))
        else:
            self.analysed.emit(request, record, info)
        self._current = None


class AnalysisRunner(LabRunner):
    """The GUI thread's side: numbers requests, starts the analysis thread on first use, and passes on
    only the answer to the latest request."""

    analysed = Signal(object, object, object)  # the latest AnalysisRequest, its FeatureRecord, the model's ModelInfo
    refused = Signal(object, str)  # the latest AnalysisRequest, one sentence
    failed = Signal(str)  # one sentence: something unexpected went wrong; the next request works again
    thread_name = "glassbox-cnn-analysis"

    def __init__(self, models_dir: str | os.PathLike | None = None, threaded: bool = True,
                 parent: QObject | None = None):
        super().__init__(threaded, parent)
        self.models_dir = models_dir
        self.generations = Generations()

    @property
    def pending(self) -> bool:
        """True from a request until its answer (or a newer request's) has arrived."""
        return self.generations.pending

    def request(self, model: str, image: LoadedImage) -> AnalysisRequest:
        """Run `image` through `model` (a stored model's name or LIVE_MODEL); older answers still due are ignored."""
        request = AnalysisRequest(self.generations.next(), model, image)
        self._command("analyse", request)
        return request

    def give_up(self) -> None:
        self.generations.give_up()

    def make_worker(self) -> AnalysisWorker:
        worker = AnalysisWorker(self.models_dir)
        worker.analysed.connect(self._on_analysed)
        worker.refused.connect(self._on_refused)
        worker.abandoned.connect(self._on_abandoned)
        worker.failed.connect(self._on_failed)
        return worker

    # A stale answer, or one that arrives after shutdown, is dropped.
    @Slot(object, object, object)
    def _on_analysed(self, request: AnalysisRequest, record, info) -> None:
        if self.generations.settle(request.generation):
            self.analysed.emit(request, record, info)

    @Slot(object, str)
    def _on_refused(self, request: AnalysisRequest, sentence: str) -> None:
        if self.generations.settle(request.generation):
            self.refused.emit(request, sentence)

    @Slot(object)
    def _on_abandoned(self, request: AnalysisRequest) -> None:
        self.generations.settle(request.generation)

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        self.failed.emit(sentence)
