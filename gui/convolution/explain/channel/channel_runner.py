"""The GUI thread's side of the channel worker: numbers requests, starts the thread, passes on the latest answers.

Like gui/convolution/analysis_worker.py's AnalysisRunner: each kind of request (describe, top,
dream) has its own Generations, so a stale answer (an earlier channel's images arriving after a
newer click) is dropped. A new channel gives up the dream in flight as well: the worker ends it.
threaded=False runs every job in the calling thread before the call returns (tests, pictures).
"""

from __future__ import annotations

import os
from functools import partial

from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.cnn.image_sets import DataSource, load_image_set
from gui.convolution.explain.channel.channel_worker import DREAM_FRAME_S, ChannelRequest, ChannelWorker
from gui.threads import Generations, start_in_thread, stop_thread

KINDS = ("describe", "top", "dream")


class ChannelRunner(QObject):
    """Starts the channel worker on first use and passes on only what belongs to the latest request of each kind."""

    described = Signal(object)  # ModelLayers
    progressed = Signal(object)  # SearchProgress of the latest top request
    found = Signal(object)  # TopResult
    dreamed = Signal(object, bool)  # DreamFrame, True for the last one
    refused = Signal(str, str)  # the request's kind, one sentence
    ended = Signal(str)  # the request's kind: stopped early (Cancel, or given up after an error)
    failed = Signal(str)  # one sentence: something unexpected went wrong; the next request works again

    def __init__(self, models_dir: str | os.PathLike | None = None, cache_dir: str | os.PathLike | None = None,
                 threaded: bool = True, loader=load_image_set, frame_s: float | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.models_dir, self.cache_dir, self.threaded, self.loader = models_dir, cache_dir, threaded, loader
        self.frame_s = (DREAM_FRAME_S if threaded else 0.0) if frame_s is None else frame_s
        self.generations = {kind: Generations() for kind in KINDS}
        self._worker: ChannelWorker | None = None
        self._thread: QThread | None = None
        self._stop_on_destroy = None

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

    def set_live_network(self, network) -> None:
        self._command("live", network)

    def set_live_weights(self, weights: dict) -> None:
        self._command("weights", weights)

    def forget(self, name: str) -> None:
        self._command("forget", name)

    def shutdown(self) -> None:
        """Stop the thread (flag, quit, wait) and forget what is pending; safe to call twice."""
        for generations in self.generations.values():
            generations.give_up()
        if self._thread is None:
            return
        self.destroyed.disconnect(self._stop_on_destroy)
        stop_thread(self._worker, self._thread)
        self._thread = self._worker = self._stop_on_destroy = None

    def _request(self, kind: str, model: str, layer: str = "", channel: int = 0, source=None) -> None:
        request = ChannelRequest(self.generations[kind].next(), kind, model, layer, int(channel), source)
        self._command(kind, request)

    def _command(self, command: str, argument) -> None:
        if self._worker is None:
            self._start_worker()
        if self.threaded:
            self._worker.send(command, argument)
        else:  # in this thread, under the same error policy
            self._worker.guarded(self._worker.handle, command, argument)

    def _start_worker(self) -> None:
        worker = ChannelWorker(self.models_dir, self.cache_dir, self.loader, self.frame_s)
        worker.described.connect(self._on_described)
        worker.progressed.connect(self._on_progressed)
        worker.found.connect(self._on_found)
        worker.dreamed.connect(self._on_dreamed)
        worker.refused.connect(self._on_refused)
        worker.ended.connect(self._on_ended)
        worker.failed.connect(self._on_failed)
        self._worker = worker
        if self.threaded:
            self._thread = start_in_thread(worker, "glassbox-channel")
            # Dropped without shutdown()? Stop the thread as this object dies: a running QThread must not be destroyed.
            self._stop_on_destroy = partial(stop_thread, worker, self._thread)
            self.destroyed.connect(self._stop_on_destroy)

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
