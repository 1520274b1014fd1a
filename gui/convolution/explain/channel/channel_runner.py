"""The GUI thread's side of the channel worker: numbers requests, starts the thread, passes on the latest answers.

Like gui/convolution/analysis_worker.py's AnalysisRunner: each kind of request (describe, top,
dream) has its own Generations, so a stale answer (an earlier channel's images arriving after a
newer click) is dropped. A new channel gives up the dream in flight as well: the worker ends it.
threaded=False runs every job in the calling thread before the call returns (tests, pictures).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Signal, Slot

from core.cnn.image_sets import DataSource, load_image_set
from gui.convolution.explain.channel.channel_worker import DREAM_FRAME_S, ChannelRequest, ChannelWorker
from gui.convolution.explain.lab_runner import LabRunner
from gui.threads import Generations

KINDS = ("describe", "top", "dream")


class ChannelRunner(LabRunner):
    """Starts the channel worker on first use and passes on only what belongs to the latest request of each kind."""

    described = Signal(object)  # ModelLayers
    progressed = Signal(object)  # SearchProgress of the latest top request
    found = Signal(object)  # TopResult
    dreamed = Signal(object, bool)  # DreamFrame, True for the last one
    refused = Signal(str, str)  # the request's kind, one sentence
    ended = Signal(str)  # the request's kind: stopped early (Cancel, or given up after an error)
    failed = Signal(str)  # one sentence: something unexpected went wrong; the next request works again
    thread_name = "glassbox-channel"

    def __init__(self, models_dir: str | os.PathLike | None = None, cache_dir: str | os.PathLike | None = None,
                 threaded: bool = True, loader=load_image_set, frame_s: float | None = None,
                 parent: QObject | None = None):
        super().__init__(threaded, parent)
        self.models_dir, self.cache_dir, self.loader = models_dir, cache_dir, loader
        self.frame_s = (DREAM_FRAME_S if threaded else 0.0) if frame_s is None else frame_s
        self.generations = {kind: Generations() for kind in KINDS}

    def pending(self, kind: str) -> bool:
        """True from a request of `kind` until its answer (or its end) has arrived."""
        return self.generations[kind].pending

    # ------------------------------------------------------------ requests
    def describe(self, model: str) -> None:
        """Which layers of `model` have channels (answers on `described`); what ran for another model stops."""
        self.generations["top"].give_up()
        self.generations["dream"].give_up()
        self._request("describe", model)

    def top(self, model: str, source: DataSource, layer: str, channel: int) -> None:
        """The held-out images of `source` that excite the channel most; replaces the search and dream running."""
        self.generations["dream"].give_up()
        self._request("top", model, layer, channel, source)

    def dream(self, model: str, layer: str, channel: int) -> None:
        """Grow the image the channel likes most, frame by frame; replaces a dream running."""
        self._request("dream", model, layer, channel)

    def cancel(self) -> None:
        """Stop the search or the dream running; what was shown stays."""
        if self._worker is not None and self.threaded:
            self._worker.send("cancel")

    def give_up(self) -> None:
        for generations in self.generations.values():
            generations.give_up()

    def _request(self, kind: str, model: str, layer: str = "", channel: int = 0, source=None) -> None:
        request = ChannelRequest(self.generations[kind].next(), kind, model, layer, int(channel), source)
        self._command(kind, request)

    def make_worker(self) -> ChannelWorker:
        worker = ChannelWorker(self.models_dir, self.cache_dir, self.loader, self.frame_s)
        worker.described.connect(self._on_described)
        worker.progressed.connect(self._on_progressed)
        worker.found.connect(self._on_found)
        worker.dreamed.connect(self._on_dreamed)
        worker.refused.connect(self._on_refused)
        worker.ended.connect(self._on_ended)
        worker.failed.connect(self._on_failed)
        return worker

    # ------------------------------------------------------------ answers (GUI thread)
    def _latest(self, request: ChannelRequest) -> bool:
        generations = self.generations[request.kind]
        return request.generation == generations.latest and generations.pending

    @Slot(object, object)
    def _on_described(self, request: ChannelRequest, layers) -> None:
        if self.generations["describe"].settle(request.generation):
            self.described.emit(layers)

    @Slot(object, object)
    def _on_progressed(self, request: ChannelRequest, progress) -> None:
        if self._latest(request):
            self.progressed.emit(progress)

    @Slot(object, object)
    def _on_found(self, request: ChannelRequest, result) -> None:
        if self.generations["top"].settle(request.generation):
            self.found.emit(result)

    @Slot(object, object, bool)
    def _on_dreamed(self, request: ChannelRequest, frame, last: bool) -> None:
        if (self.generations["dream"].settle(request.generation) if last else self._latest(request)):
            self.dreamed.emit(frame, last)

    @Slot(object, str)
    def _on_refused(self, request: ChannelRequest, sentence: str) -> None:
        if self.generations[request.kind].settle(request.generation):
            self.refused.emit(request.kind, sentence)

    @Slot(object)
    def _on_ended(self, request: ChannelRequest) -> None:
        if self.generations[request.kind].settle(request.generation):
            self.ended.emit(request.kind)

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        self.failed.emit(sentence)
