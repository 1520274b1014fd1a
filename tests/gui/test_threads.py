"""The one worker base: its error policy, its command queue, its throttle and its speed limit.

Most tests run the loop synchronously in the test's thread (commands queued first, the last
one stops it); one runs it in a real thread, as the app does, and waits on GUI-thread slots.
"""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QObject, Signal, Slot

from gui.threads import SpeedLimit, Worker, start_in_thread, stop_thread


class Probe(Worker):
    """A worker that records what it did; "boom" raises, "quit" ends the loop."""

    handled_command = Signal(str)

    def __init__(self, clock=lambda: 0.0, busy: bool = False):
        super().__init__(clock)
        self.handled: list[str] = []
        self.recovered: list[BaseException] = []
        self._busy = busy

    def handle(self, command, argument):
        if command == "boom":
            raise RuntimeError("boom")
        if command == "quit":
            self.stop()
            return
        self.handled.append(command)
        self.handled_command.emit(command)

    def busy(self):
        return self._busy

    def work(self):
        raise ValueError("broken work")

    def recover(self, error):
        self.recovered.append(error)
        self._busy = False  # as a training worker stops playing


def sentences_of(worker: Worker) -> list[str]:
    said: list[str] = []
    worker.failed.connect(said.append)  # same thread: a direct call
    return said


def is_one_sentence(text: str) -> bool:
    return text.endswith(".") and "\n" not in text and ". " not in text and "Traceback" not in text


def test_an_error_in_a_command_is_one_sentence_then_recovery_then_the_next_command(qapp, caplog):
    worker = Probe()
    said = sentences_of(worker)
    finished = []
    worker.finished.connect(lambda: finished.append(True))
    for command in ("first", "boom", "after", "quit"):
        worker.send(command)
    with caplog.at_level(logging.ERROR, logger="glassbox"):
        worker.run()
    assert worker.handled == ["first", "after"]  # the loop went on serving commands
    assert len(said) == 1 and is_one_sentence(said[0]) and "RuntimeError: boom" in said[0]
    assert [type(error) for error in worker.recovered] == [RuntimeError]
    assert finished == [True]
    assert any(record.exc_info for record in caplog.records), "the details go to the log"


class Recorder(QObject):
    """Lives in the GUI thread: the worker's signals reach it queued."""

    def __init__(self):
        super().__init__()
        self.sentences: list[str] = []
        self.commands: list[str] = []

    @Slot(str)
    def on_failed(self, sentence: str) -> None:
        self.sentences.append(sentence)

    @Slot(str)
    def on_command(self, command: str) -> None:
        self.commands.append(command)


def test_an_error_in_work_stops_the_work_and_the_thread_still_serves_commands(qtbot):
    worker = Probe(busy=True)
    recorder = Recorder()
    worker.failed.connect(recorder.on_failed)
    worker.handled_command.connect(recorder.on_command)
    thread = start_in_thread(worker, "probe")
    try:
        qtbot.waitUntil(lambda: len(recorder.sentences) > 0, timeout=5_000)
        assert is_one_sentence(recorder.sentences[0]) and "ValueError: broken work" in recorder.sentences[0]
        assert not worker.busy()  # recover ran: no endless failing loop
        worker.send("next")
        qtbot.waitUntil(lambda: recorder.commands == ["next"], timeout=5_000)
        assert len(recorder.sentences) == 1
    finally:
        assert stop_thread(worker, thread)


def test_an_error_while_recovering_still_says_one_sentence(qapp):
    class Stubborn(Probe):
        def recover(self, error):
            raise OSError("cannot recover")

    worker = Stubborn()
    said = sentences_of(worker)
    for command in ("boom", "after", "quit"):
        worker.send(command)
    worker.run()
    assert len(said) == 1 and "RuntimeError" in said[0]
    assert worker.handled == ["after"]


def test_interrupted_defers_other_commands_and_a_newer_request_replaces_the_running_one(qapp):
    worker = Probe()
    for command, argument in (("a", None), ("wake", None), ("slice", 2), ("b", None)):
        worker.send(command, argument)
    deferred: list = []
    assert worker.interrupted(deferred, replaced_by=("slice",))
    assert deferred == [("a", None), ("slice", 2)]  # "wake" is dropped; "b" still waits in the queue
    assert not worker.interrupted(deferred, replaced_by=("slice",))
    assert deferred == [("a", None), ("slice", 2), ("b", None)]
    worker.send("cancel")
    assert worker.interrupted(deferred)
    assert deferred[-1] == ("b", None)  # a cancel is not deferred
    assert not worker.interrupted(deferred)
    worker.stop()
    assert worker.interrupted(deferred)  # stopping interrupts too


def test_deferred_commands_run_in_order_and_a_failing_one_does_not_stop_the_rest(qapp):
    worker = Probe()
    said = sentences_of(worker)
    worker.handle_deferred([("a", None), ("boom", None), ("b", None)])
    assert worker.handled == ["a", "b"]
    assert len(said) == 1


def test_reports_wait_for_the_interval_and_for_the_gui_to_draw_the_last_one(fake_clock):
    clock = fake_clock
    worker = Probe(clock)  # 30 reports a second
    assert not worker.report_due()
    assert worker.report_due(force=True)
    clock.advance(0.02)
    assert not worker.report_due()
    clock.advance(0.02)
    assert worker.report_due()
    worker.report_sent()
    clock.advance(10.0)
    assert not worker.report_due()  # the GUI has not drawn the last one yet
    worker.report_consumed()
    assert worker.report_due()
    worker.report_sent()
    worker.report_consumed()
    assert not worker.report_due()  # the interval starts again at each report


def test_speed_limit_allows_steps_as_the_clock_goes(fake_clock):
    clock = fake_clock
    clock.advance(50.0)
    speed = SpeedLimit(clock)
    assert speed.budget(0) is None and speed.pause_s() == 0.0  # no limit
    speed.set(2.0, step=10)
    assert speed.budget(10) == 1  # one step at once
    assert speed.budget(11) == 0  # then wait
    assert speed.pause_s() == pytest.approx(0.5)
    clock.advance(0.5)
    assert speed.budget(11) == 1
    clock.advance(2.0)
    assert speed.budget(12) == 4  # 2.5 s at 2 steps/s: 6 steps in all, 2 done
    speed.restart(12)  # a new speed, or a new run, counts from now: no debt, no burst
    assert speed.budget(12) == 1
    speed.set(None, step=12)
    assert speed.budget(12) is None


def test_the_window_logs_a_workers_error_with_its_traceback_to_a_file(qapp, tmp_path, monkeypatch):
    from gui.app import LOG_NAME, start_log

    monkeypatch.setenv("GLASSBOX_LOG_DIR", str(tmp_path / "logs"))
    logger = logging.getLogger("glassbox")
    before = list(logger.handlers)
    path = start_log()
    try:
        assert path == tmp_path / "logs" / LOG_NAME
        worker = Probe()
        for command in ("boom", "quit"):
            worker.send(command)
        worker.run()
        for handler in logger.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "Probe failed in handle" in text and "Traceback" in text and "RuntimeError: boom" in text
    finally:
        for handler in [h for h in logger.handlers if h not in before]:
            logger.removeHandler(handler)
            handler.close()


def test_no_log_file_when_its_folder_cannot_be_made(qapp, tmp_path, monkeypatch):
    from gui.app import start_log

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GLASSBOX_LOG_DIR", str(blocker / "logs"))
    logger = logging.getLogger("glassbox")
    before = list(logger.handlers)
    assert start_log() is None
    assert logger.handlers == before


def test_the_window_collects_garbage_only_on_the_gui_thread(qapp):
    """A Qt object freed by Python's collector inside a worker thread can deadlock (seen in this suite)."""
    import gc

    from gui.app import collect_garbage_on_gui_thread

    was_enabled = gc.isenabled()
    try:
        collect_garbage_on_gui_thread(qapp)
        collector = qapp._glassbox_gc
        assert not gc.isenabled() and collector.timer.isActive()
        collect_garbage_on_gui_thread(qapp)  # a second call installs no second collector
        assert qapp._glassbox_gc is collector
    finally:
        qapp._glassbox_gc.timer.stop()
        qapp._glassbox_gc = None
        if was_enabled:
            gc.enable()


def test_saying_turns_expected_failures_into_one_sentence_and_lets_bugs_through(qapp):
    from core.errors import ConfigError

    worker = Probe()
    said = sentences_of(worker)  # any str signal will do: use the worker's own `failed`
    with worker.saying(worker.failed, "Not enough memory; try something smaller."):
        raise ConfigError("The resolution must be between 3 and 401, not 2.")
    with worker.saying(worker.failed, "Not enough memory; try something smaller."):
        raise MemoryError
    assert said == ["The resolution must be between 3 and 401, not 2.", "Not enough memory; try something smaller."]
    with pytest.raises(RuntimeError):  # a bug is not an expected failure: the error policy handles it
        with worker.saying(worker.failed, "unused"):
            raise RuntimeError("bug")


class LongStep(Worker):
    """A worker whose one command ("long") blocks until the test lets it go: a step that ignores the stop flag."""

    def __init__(self):
        super().__init__()
        import threading

        self.entered, self.release = threading.Event(), threading.Event()

    def handle(self, command, argument):
        if command == "long":
            self.entered.set()
            self.release.wait(30)


def test_a_thread_inside_a_long_step_is_kept_not_destroyed_and_ends_by_itself(qtbot):
    import gc

    from gui import threads

    worker = LongStep()
    thread = start_in_thread(worker, "glassbox-test-long")
    worker.send("long")
    qtbot.waitUntil(worker.entered.is_set, timeout=5000)
    assert stop_thread(worker, thread, timeout_ms=50) is False  # gave up waiting...
    assert any(kept is thread for kept, _ in threads.ABANDONED)  # ...but kept it: Qt never sees it destroyed
    del thread
    gc.collect()
    kept = threads.ABANDONED[-1][0]
    assert kept.isRunning()
    worker.release.set()  # the step ends; the loop sees the stop flag and the thread ends
    qtbot.waitUntil(lambda: not kept.isRunning(), timeout=5000)
    assert threads.still_running() == [] or kept not in threads.still_running()


def test_closing_stops_every_worker_at_once_within_one_deadline(qtbot):
    import time

    from gui import threads

    workers = [LongStep() for _ in range(3)]
    started = [start_in_thread(worker, f"glassbox-test-{index}") for index, worker in enumerate(workers)]
    for worker in workers:
        worker.send("long")
    qtbot.waitUntil(lambda: all(worker.entered.is_set() for worker in workers), timeout=5000)
    begin = time.monotonic()
    threads.begin_closing(0.3)
    try:
        assert all(worker.stopping for worker in workers)  # every stop flag at once
        assert not any(stop_thread(worker, thread) for worker, thread in zip(workers, started))
    finally:
        threads.end_closing()
    assert time.monotonic() - begin < 1.5  # one shared deadline, not 2 s per worker
    for worker in workers:
        worker.release.set()
    qtbot.waitUntil(lambda: not any(thread.isRunning() for thread in started), timeout=5000)
