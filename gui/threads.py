"""The one worker base every background job runs on: training, slices, races, downloads, analysis.

A job is a `Worker` moved to a QThread (Qt's worker-object pattern). The GUI thread talks
to it only by putting commands on a queue (`send`): a queued Qt slot would never be
delivered while `run()` is busy. The loop blocks on that queue while the job is idle, so
an idle worker costs no CPU; while `busy()` it drains the queue between slices of `work()`.

Subclasses fill in hooks, after Orange3's `ConcurrentMixin` (Orange/widgets/utils/concurrent.py):
- `handle(command, argument)`: one command, in the worker's thread;
- `busy()` and `work()`: continuous work between commands (training while playing);
- `recover(error)`: put the job back into a sane state after an unexpected error.

One policy for unexpected errors: the details go to the log, `recover` runs, the user reads
one sentence (`failed`), and the loop goes on with the next command, so the app keeps
running and the controls return to a state that works. Expected problems are typed core
errors, and each worker says those with its own signals.

Threads end one way: set the stop flag, then quit, then wait (`stop_thread`). A thread still
inside one long step when the wait ends (a huge network's first step, a stalled read) is not
dropped: Qt aborts the process when a running QThread is destroyed. It is kept in `ABANDONED`,
alive, until the process leaves with os._exit (gui/app.py `leave`), its loop ending by itself
at the next stop check if the process lasts that long. When the window closes, `begin_closing`
sets every worker's stop flag at once and gives all the waits together one deadline, so
closing takes under a second however many workers there are.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import sys
import threading
import time
import weakref
from contextlib import contextmanager
from typing import Callable, Generator, Iterable, Iterator

import torch
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QThread, Signal, Slot

from core.errors import GlassboxError
from core.landscape.network import landscape_with_line
from gui.i18n import say

WORKER_TORCH_THREADS = 1  # measured: a busy GUI plus a thread-hungry torch halves training speed
OUT_OF_MEMORY = (MemoryError, torch.OutOfMemoryError)  # for workers whose packages may not import torch
STOP_TIMEOUT_MS = 2000  # a worker that needs longer than this to stop is abandoned (see ABANDONED)
CLOSING_BUDGET_S = 0.5  # every wait while the window closes, together

log = logging.getLogger("glassbox")

# Every QThread started here, with its worker, so tests can fail (and stop) one left running.
LIVE_THREADS: "weakref.WeakKeyDictionary[QThread, QObject]" = weakref.WeakKeyDictionary()
# Threads that did not end in time, with their workers: never destroyed while running (see the module's notes).
ABANDONED: list[tuple[QThread, QObject]] = []
_closing_deadline: list[float] = []  # set by begin_closing: the moment every wait gives up

Clock = Callable[[], float]


class Worker(QObject):
    """A command queue, a stop flag, a report throttle and the error policy, for one background job."""

    failed = Signal(str)  # one sentence: something unexpected went wrong; the job is back in a sane state
    finished = Signal()

    # A report (a numpy copy for the GUI) at most this often; subclasses set their own rate.
    REPORTS_PER_SECOND = 30.0

    def __init__(self, clock: Clock = time.perf_counter):
        super().__init__()
        self.clock = clock  # injectable: tests drive throttles and speeds without waiting on the wall clock
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self._stop = threading.Event()
        self._report_in_flight = threading.Event()
        self._last_report_time = clock()

    # ------------------------------------------------------------ commands (any thread)
    def send(self, command: str, argument=None) -> None:
        """Queue a command for the worker's thread."""
        self._commands.put((command, argument))

    def stop(self) -> None:
        """Ask the loop to end; it returns within one slice of work."""
        self._stop.set()
        self._commands.put(("wake", None))

    def report_consumed(self) -> None:
        """The GUI has drawn the last report; the next one may be sent."""
        self._report_in_flight.clear()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    # ------------------------------------------------------------ hooks (worker thread)
    def started(self) -> None:
        """Runs first in the worker's thread (build what the job needs)."""

    def handle(self, command: str, argument) -> None:
        """Carry out one command."""

    def busy(self) -> bool:
        """True while there is continuous work to do between commands."""
        return False

    def work(self) -> None:
        """One short slice of continuous work (about one report's worth)."""

    def recover(self, error: BaseException) -> None:
        """Return to a sane, idle state after an unexpected error (say, stop playing)."""

    def failure_sentence(self, error: BaseException) -> str:
        return QCoreApplication.translate(
            "Worker", "Something unexpected went wrong ({kind}: {error}); "
            "what was running has stopped, and everything else still works.",
        ).format(kind=type(error).__name__, error=say(error))

    # ------------------------------------------------------------ the loop (worker thread)
    @Slot()
    def run(self) -> None:
        torch.set_num_threads(WORKER_TORCH_THREADS)
        try:
            self.guarded(self.started)
            while not self._stop.is_set():
                if self.busy():
                    self.drain_commands()
                    if self.busy() and not self._stop.is_set():
                        self.guarded(self.work)
                else:
                    self.guarded(self.handle, *self._commands.get())
        finally:
            self.finished.emit()

    def guarded(self, function: Callable, *arguments) -> bool:
        """Call `function`; on an unexpected error log it, recover and say one sentence. True if it ran through."""
        try:
            function(*arguments)
            return True
        except Exception as error:  # the policy: our bug must not end the thread or freeze the controls
            log.exception("%s failed in %s", type(self).__name__, getattr(function, "__name__", function))
            try:
                self.recover(error)
            except Exception:
                log.exception("%s could not recover", type(self).__name__)
            self.failed.emit(self.failure_sentence(error))
            return False

    def drain_commands(self) -> None:
        """Carry out every command queued so far."""
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            self.guarded(self.handle, *command)

    def wait_for_command(self, timeout: float) -> None:
        """Sleep up to `timeout` seconds, but carry out a command at once if one arrives."""
        try:
            command = self._commands.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return
        self.guarded(self.handle, *command)

    def commands_waiting(self) -> bool:
        return not self._commands.empty()

    def interrupted(self, deferred: list, replaced_by: Iterable[str] = ()) -> bool:
        """For long jobs (loading, slicing): True on "cancel", on stop, or when a newer request of a kind in
        `replaced_by` arrives. Other commands wait, in order, in `deferred` (see `handle_deferred`)."""
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return self._stop.is_set()
            if command[0] == "cancel":
                return True
            if command[0] in replaced_by:  # the newer request replaces the running one
                deferred.append(command)
                return True
            if command[0] != "wake":
                deferred.append(command)

    def handle_deferred(self, deferred: list) -> None:
        for command in deferred:
            self.guarded(self.handle, *command)

    @contextmanager
    def interruptible(self, replaced_by: Iterable[str] = ()) -> Iterator[Callable[[], bool]]:
        """A long job's `should_stop` for the core (`interrupted`, and once true it stays true); the
        commands deferred meanwhile run, in order, when the block ends."""
        deferred: list = []
        stopped = False

        def should_stop() -> bool:
            nonlocal stopped
            stopped = stopped or self.interrupted(deferred, replaced_by)
            return stopped

        try:
            yield should_stop
        finally:
            self.handle_deferred(deferred)

    @contextmanager
    def saying(self, signal, out_of_memory: str) -> Iterator[None]:
        """Expected failures inside the block become one sentence on `signal`: a core error says its own,
        running out of memory says `out_of_memory` (marked QT_TRANSLATE_NOOP("Worker", ...) where it
        is defined). Both in the window's language. Anything else is a bug, for the error policy."""
        try:
            yield
        except GlassboxError as error:
            signal.emit(say(error))
        except (MemoryError, torch.OutOfMemoryError):
            signal.emit(QCoreApplication.translate("Worker", out_of_memory))

    # ------------------------------------------------------------ reports
    def report_due(self, force: bool = False) -> bool:
        """True when a report may go out: forced, or the rate allows it and the GUI drew the last one."""
        if force:
            return True
        elapsed = self.clock() - self._last_report_time
        return elapsed >= 1.0 / self.REPORTS_PER_SECOND and not self._report_in_flight.is_set()

    def report_sent(self) -> None:
        """Call just before emitting a report: starts the throttle's interval and waits for `report_consumed`."""
        self._last_report_time = self.clock()
        self._report_in_flight.set()


# Marked for lupdate, translated where they are sent (the window's language at that moment).
LANDSCAPE_CANCELLED = QT_TRANSLATE_NOOP(
    "Worker", "The landscape was cancelled; training can go on, and Compute starts it again.")
LANDSCAPE_TOO_BIG = QT_TRANSLATE_NOOP("Worker", "The landscape needs more memory than there is; try a lower resolution.")


class PlayableWorker(Worker):
    """What every training worker has: play, pause, step, reset, a speed limit, and slicing its loss."""

    landscape_progressed = Signal(float, object)  # fraction done, NetworkLandscape so far (None before coarse)
    landscape_finished = Signal(object)  # LandscapeResult
    landscape_failed = Signal(str)  # one sentence: too few path points for PCA, cancelled, too big, ...

    def play(self) -> None:
        """Train continuously, a report at a time, until paused."""
        self.send("play")

    def pause(self) -> None:
        """Stop after the current slice of training, and report where it stands."""
        self.send("pause")

    def step(self) -> None:
        """One training step (paused), then a report."""
        self.send("step")

    def reset(self) -> None:
        """Back to the run's starting weights (paused)."""
        self.send("reset")

    def set_speed(self, steps_per_second: float | None) -> None:
        """Limit training to this many steps per second; None means as fast as it goes."""
        self.send("speed", steps_per_second)

    def slice_landscape(self, trainer, recorder, initial, directions: str, resolution: int, line_points: int,
                        replaced_by: Iterable[str], chunk: int | None = None) -> None:
        """The loss around the trainer's weights, then the line from `initial`, reported as it grows.

        Cancel, stop or a newer request of a kind in `replaced_by` ends it early; other commands
        wait until it is done.
        """
        with (self.interruptible(replaced_by) as should_stop, self.saying(self.landscape_failed, LANDSCAPE_TOO_BIG)):
            job = landscape_with_line(trainer, recorder, initial, directions, resolution, line_points, chunk=chunk,
                                      should_stop=should_stop)
            result = follow(job, self._report_landscape)
            if result is not None:
                self.landscape_finished.emit(result)
            elif not self.stopping:
                self.landscape_failed.emit(QCoreApplication.translate("Worker", LANDSCAPE_CANCELLED))

    def _report_landscape(self, update) -> None:
        self.landscape_progressed.emit(update.fraction, update.landscape)


class Generations:
    """The GUI side of "the newest request wins": numbers requests and knows the latest one's answer."""

    def __init__(self):
        self.latest = 0  # the latest request's number
        self.answered = 0  # the latest number answered (or given up)

    @property
    def pending(self) -> bool:
        """True from a request until its answer (or a newer request's) has arrived."""
        return self.answered < self.latest

    def next(self) -> int:
        self.latest += 1
        return self.latest

    def settle(self, generation: int) -> bool:
        """True, once, for the answer to the latest request; False for a stale one or one given up."""
        if generation != self.latest or not self.pending:
            return False
        self.answered = generation
        return True

    def give_up(self) -> None:
        """Forget what is pending (say, at shutdown): answers still on their way are dropped."""
        self.answered = self.latest


class SpeedLimit:
    """At most `steps_per_second` training steps a second, counted from the moment the speed was set."""

    def __init__(self, clock: Clock = time.perf_counter):
        self.clock = clock
        self.steps_per_second: float | None = None  # None: as fast as it goes
        self._origin = (clock(), 0)

    def set(self, steps_per_second: float | None, step: int) -> None:
        self.steps_per_second = steps_per_second
        self.restart(step)

    def restart(self, step: int) -> None:
        """Count from now: from the run's start, a slower speed would owe a long pause."""
        self._origin = (self.clock(), step)

    def budget(self, step: int) -> int | None:
        """Steps allowed now (≤ 0: ahead of the speed, wait), or None without a limit."""
        if self.steps_per_second is None:
            return None
        origin_time, origin_step = self._origin
        allowed = int((self.clock() - origin_time) * self.steps_per_second) + 1
        return allowed - (step - origin_step)

    def pause_s(self) -> float:
        """How long to wait for the next step when ahead of the speed."""
        return 1.0 / self.steps_per_second if self.steps_per_second else 0.0


def follow(generator: Generator, report: Callable[[object], None]):
    """Run a core generator to its end, passing each item it yields to `report`; return its value."""
    while True:
        try:
            item = next(generator)
        except StopIteration as stop:
            return stop.value
        report(item)


def thread_for(worker: QObject, name: str) -> QThread:
    """A new QThread named `name` that will run `worker.run` and end with it; not started yet."""
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    worker.finished.connect(worker.deleteLater)
    LIVE_THREADS[thread] = worker
    return thread


def start_in_thread(worker: QObject, name: str) -> QThread:
    """Move `worker` to a new QThread and start its loop; stop with `stop_thread`."""
    thread = thread_for(worker, name)
    thread.start()
    return thread


def stop_thread(worker: QObject, thread: QThread, timeout_ms: int = STOP_TIMEOUT_MS) -> bool:
    """Set the stop flag, then quit and wait; True when the thread has ended.

    A thread still running after `timeout_ms` (or after the closing deadline) is abandoned, never
    destroyed: it stays referenced in ABANDONED and ends at its next stop check.
    """
    worker.stop()
    thread.quit()
    if _closing_deadline:
        timeout_ms = max(0, min(timeout_ms, int((_closing_deadline[0] - time.monotonic()) * 1000)))
    if thread.wait(timeout_ms):
        return True
    ABANDONED[:] = [(kept, job) for kept, job in ABANDONED if kept.isRunning()]  # ended ones may go now
    if not any(kept is thread for kept, _ in ABANDONED):
        log.info("%s did not stop within %d ms; it is left to end by itself", thread.objectName(), timeout_ms)
        ABANDONED.append((thread, worker))
    return False


EXIT_WAIT_MS = 10_000  # at interpreter exit, how long an abandoned thread may still take (scripts and tests)


@atexit.register
def _wait_for_abandoned_threads() -> None:
    """Python's teardown would destroy an abandoned QThread that still runs, and Qt would abort the process.

    The app never gets here (gui/app.py `leave` ends it with os._exit); a script or a test run that
    closed a window mid-step does: wait for those threads to end at their next stop check, and if one
    still runs, end the process here, with status 1 and one line, rather than with Qt's abort.
    """
    running = [thread for thread, _ in ABANDONED if thread.isRunning()]
    for thread in running:
        thread.wait(EXIT_WAIT_MS)
    if any(thread.isRunning() for thread in running):
        print("glassbox: a worker thread was still inside a long step at exit; ending the process here.",
              file=sys.stderr, flush=True)
        sys.stdout.flush()
        os._exit(1)


def begin_closing(budget_s: float = CLOSING_BUDGET_S) -> None:
    """The application is closing: ask every worker to stop now (they stop in parallel) and give every
    wait from here on one shared deadline, `budget_s` from now."""
    _closing_deadline[:] = [time.monotonic() + budget_s]
    for thread, worker in list(LIVE_THREADS.items()):
        if thread.isRunning() and hasattr(worker, "stop"):
            worker.stop()


def end_closing() -> None:
    """Waits get their own full timeouts again (a test that closes one window and goes on)."""
    _closing_deadline.clear()


def still_running() -> list[QThread]:
    """Every worker thread started here that has not ended (abandoned ones included)."""
    return [thread for thread in list(LIVE_THREADS) if thread.isRunning()]
