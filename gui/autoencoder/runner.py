"""AutoencoderRunner: the GUI-thread side of the autoencoder's worker.

The worker is started on the first Load, not before: most visits to a tab never train. The
runner calls the worker's command methods on the GUI thread (connected straight to the worker,
Qt would queue them for the worker thread's event loop, which never runs), passes its reports
on, and keeps only the newest decoding (`Generations`). `threaded=False` runs the worker in the
calling thread: every command has been carried out, and its signals delivered, when it returns
(tests and snapshots); playing then trains only when `train_steps` is called.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QThread, Signal, Slot

from gui.autoencoder.worker import AutoencoderReport, AutoencoderRunInfo, AutoencoderWorker
from gui.threads import Generations, start_in_thread, stop_thread


class AutoencoderRunner(QObject):
    loading_progressed = Signal(int, int, str)
    load_failed = Signal(str)
    run_started = Signal(object)  # AutoencoderRunInfo
    progressed = Signal(object)  # AutoencoderReport
    playing_changed = Signal(bool)
    problem = Signal(str)  # one sentence: diverged, settings refused, or something unexpected
    decoded = Signal(object, object)  # the point, its image: the answer to the newest request only

    def __init__(self, cache_dir: str | os.PathLike | None = None, threaded: bool = True,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.cache_dir, self.threaded = cache_dir, threaded
        self.worker: AutoencoderWorker | None = None
        self.thread: QThread | None = None
        self.info: AutoencoderRunInfo | None = None
        self.last_report: AutoencoderReport | None = None
        self.playing = False
        self.decodings = Generations()
        self._speed = None

    @property
    def running(self) -> bool:
        return self.worker is not None

    def _ensure_worker(self) -> AutoencoderWorker:
        if self.worker is not None:
            return self.worker
        worker = AutoencoderWorker(self.cache_dir)
        worker.loading_progressed.connect(self._on_loading)
        worker.load_failed.connect(self._on_load_failed)
        worker.run_started.connect(self._on_run_started)
        worker.progressed.connect(self._on_progress)
        worker.playing_changed.connect(self._on_playing_changed)
        worker.diverged.connect(self._on_problem)
        worker.settings_rejected.connect(self._on_problem)
        worker.failed.connect(self._on_failed)
        worker.decoded.connect(self._on_decoded)
        self.worker = worker
        if self.threaded:
            self.thread = start_in_thread(worker, "glassbox-autoencoder")
        self._send("speed", self._speed)
        return worker

    def _send(self, command: str, argument=None) -> None:
        if self.worker is None:
            return
        if self.threaded:
            self.worker.send(command, argument)
        else:  # the worker's own guard: an unexpected error is one sentence here too
            self.worker.guarded(self.worker.handle, command, argument)

    # ------------------------------------------------------------------ commands
    def load(self, kind: str, path: str, config) -> None:
        self._ensure_worker()
        self._send("load", (kind, path, config))

    def use(self, data, config) -> None:
        """Train on images already made (an AutoencoderData): tests and lessons."""
        self._ensure_worker()
        self._send("use", (data, config))

    def cancel(self) -> None:
        self._send("cancel")

    def set_playing(self, play: bool) -> None:
        self._send("play" if play else "pause")

    def step(self) -> None:
        self._send("step")

    def train_steps(self, count: int) -> None:
        self._send("steps", count)

    def reset(self) -> None:
        self._send("reset")

    def set_speed(self, steps_per_second: float | None) -> None:
        self._speed = steps_per_second
        self._send("speed", steps_per_second)

    def configure(self, config) -> None:
        self._send("configure", config)

    def decode(self, point) -> None:
        """Ask for the image of `point`; only the newest request's answer is passed on."""
        if self.worker is not None and self.info is not None:
            self._send("decode", (self.decodings.next(), tuple(point)))

    def shutdown(self) -> None:
        """Stop the worker's thread: flag, quit, wait. Safe to call twice."""
        self.decodings.give_up()
        if self.thread is not None:
            stop_thread(self.worker, self.thread)
            self.thread = None

    # ------------------------------------------------------------------ worker → tab
    @Slot(int, int, str)
    def _on_loading(self, done: int, total: int, what: str) -> None:
        self.loading_progressed.emit(done, total, what)

    @Slot(str)
    def _on_load_failed(self, sentence: str) -> None:
        self.load_failed.emit(sentence)

    @Slot(object)
    def _on_run_started(self, info: AutoencoderRunInfo) -> None:
        self.info = info
        self.decodings.give_up()  # an answer for the old network's bottleneck means nothing now
        self.run_started.emit(info)

    @Slot(object)
    def _on_progress(self, report: AutoencoderReport) -> None:
        try:
            self.last_report = report
            self.progressed.emit(report)
        finally:
            if self.worker is not None:
                self.worker.report_consumed()

    @Slot(bool)
    def _on_playing_changed(self, playing: bool) -> None:
        self.playing = playing
        self.playing_changed.emit(playing)

    @Slot(str)
    def _on_problem(self, sentence: str) -> None:
        self.problem.emit(sentence)

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        self.load_failed.emit(sentence)  # whatever was waiting (loading, training) is back to a state that works

    @Slot(int, object, object)
    def _on_decoded(self, generation: int, point, image) -> None:
        if self.decodings.settle(generation):
            self.decoded.emit(point, image)
