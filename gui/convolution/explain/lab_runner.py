"""LabRunner: the GUI thread's side of a lab worker that opens models on a ModelShelf.

The analysis, saliency and channel workers each hold their own models (so a slow occlusion or
top-9 search never holds up the feature maps of a drawing stroke), and their GUI-side runners
share everything but their requests: the thread starts on first use; commands go to the worker,
or run in the calling thread under the same error policy when `threaded` is False (tests and
headless pictures); the live network and its newest weights are passed on; `shutdown` stops the
thread and forgets what is pending, and a runner dropped without it still stops its thread as it
dies, because a QThread freed while running aborts the process.

A subclass builds its worker and connects the worker's signals in `make_worker`, and forgets its
own pending requests in `give_up`.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QThread

from gui.threads import Worker, start_in_thread, stop_thread


class LabRunner(QObject):
    """Starts a model-holding worker on first use, sends it commands, and stops it with its owner."""

    thread_name = "glassbox-lab"

    def __init__(self, threaded: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self.threaded = threaded
        self._worker: Worker | None = None
        self._thread: QThread | None = None
        self._stop_on_destroy = None

    def make_worker(self) -> Worker:
        """A new worker with its signals connected to this runner's slots."""
        raise NotImplementedError

    def give_up(self) -> None:
        """Forget the requests still pending: their answers are dropped when they come."""

    def set_live_network(self, network) -> None:
        """A new network in training (LIVE_MODEL), with its starting weights."""
        self._command("live", network)

    def set_live_weights(self, weights: dict) -> None:
        """The network in training has new weights (numpy copies); only the newest are applied."""
        self._command("weights", weights)

    def forget(self, name: str) -> None:
        """Model `name` was saved over: open it again when it is next used."""
        self._command("forget", name)

    def shutdown(self) -> None:
        """Stop the thread (flag, quit, wait) and forget what is pending; safe to call twice."""
        self.give_up()
        if self._thread is None:
            return
        self.destroyed.disconnect(self._stop_on_destroy)
        stop_thread(self._worker, self._thread)
        self._thread = self._worker = self._stop_on_destroy = None

    def _command(self, command: str, argument=None) -> None:
        if self._worker is None:
            self._start_worker()
        if self.threaded:
            self._worker.send(command, argument)
        else:  # in this thread, under the same error policy
            self._worker.guarded(self._worker.handle, command, argument)

    def _start_worker(self) -> None:
        worker = self.make_worker()
        self._worker = worker
        if self.threaded:
            self._thread = start_in_thread(worker, self.thread_name)
            # Dropped without shutdown()? Stop the thread as this object dies: a running QThread must not be freed.
            self._stop_on_destroy = partial(stop_thread, worker, self._thread)
            self.destroyed.connect(self._stop_on_destroy)
