"""Start the Qt application: names for QSettings, a readable base font that follows the zoom and
falls back to the shipped Chinese font, garbage collection, a fast exit.

The window itself is opened by cli/window.py; this module knows no window, so the snapshot
renderer can use it without reaching above itself.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import signal
import sys
import threading
import time
import traceback
from pathlib import Path

from PySide6.QtCore import (QCoreApplication, QObject, QStandardPaths, QtMsgType, QTimer, Signal, Slot,
                            qInstallMessageHandler)
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from core import __version__
from gui.style import theme
from gui.style.zoom import ZOOM

ORGANIZATION = "Glassbox"
APPLICATION = "Glassbox"


# Qt's offscreen platform (used for snapshots and headless runs) reports every window's
# size hints, and raising a window, as unsupported; harmless there, and it would bury real warnings.
BENIGN_MESSAGES = ("This plugin does not support propagateSizeHints()", "This plugin does not support raise()")


# QSettings met a value of a type it does not know in a damaged settings file: that value reads as missing
# (its default is used, gui/widgets/saved_values.py), so Qt's line says nothing the user can act on.
BENIGN_PREFIXES = ("QVariant::load: unknown user type",)


def _message_handler(kind: QtMsgType, context, message: str) -> None:
    if message in BENIGN_MESSAGES or message.startswith(BENIGN_PREFIXES):
        return
    print(message, file=sys.stderr)


# A subset of Noto Sans CJK SC (SIL OFL) holding every character of the translations:
# Chinese renders on a machine without CJK fonts (scripts/build_cjk_font.py makes it).
CJK_FONT = Path(__file__).resolve().parent.parent / "assets" / "fonts" / "GlassboxCJK-Regular.otf"
_cjk_families: list[str] = []


def cjk_families() -> list[str]:
    """The shipped CJK font's family, registered once; empty when the file is missing or unreadable."""
    if not _cjk_families and CJK_FONT.exists():
        font_id = QFontDatabase.addApplicationFont(str(CJK_FONT))
        if font_id >= 0:
            _cjk_families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_cjk_families)


class _ZoomedFont(QObject):
    """Keeps the application font at its base size times the zoom: every default-font widget follows."""

    def __init__(self, app: QApplication, base_point_size: float):
        super().__init__(app)
        self.base_point_size = base_point_size
        ZOOM.changed.connect(self.on_zoom_changed)

    @Slot(float)
    def on_zoom_changed(self, factor: float) -> None:
        font = QApplication.font()
        font.setPointSizeF(self.base_point_size * factor)
        QApplication.setFont(font)


GUI_TORCH_THREADS = 1
LOG_BYTES = 1_000_000  # one file this size and one older: a year of rare failures, never a full disk
LOG_NAME = "glassbox.log"


def prepare_fonts(app: QApplication) -> None:
    """Once per application: the font's size follows the zoom, and Chinese falls back to the shipped font."""
    if getattr(app, "_glassbox_zoomed_font", None) is not None:
        return
    base = app.font()
    point_size = base.pointSizeF()
    families = [family for family in base.families() or [base.family()] if family]
    base.setFamilies(families + [family for family in cjk_families() if family not in families])
    base.setPointSizeF(point_size * ZOOM.factor)
    app.setFont(base)
    app._glassbox_zoomed_font = _ZoomedFont(app, point_size)


def log_folder() -> Path:
    """$GLASSBOX_LOG_DIR, else the platform's place for the application's data (after make_application)."""
    override = os.environ.get("GLASSBOX_LOG_DIR")
    if override:
        return Path(override).expanduser()
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))


def start_log() -> Path | None:
    """Send the "glassbox" logger's records (a worker's unexpected error, with its traceback) to a file.

    The window shows one sentence; the details a developer needs go here. Returns the file,
    or None when no folder can be written (then the records go to stderr, as before).
    """
    logger = logging.getLogger("glassbox")
    path = log_folder() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=1, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created if needed, named so QSettings has a home."""
    if QApplication.instance() is None:
        qInstallMessageHandler(_message_handler)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    if getattr(app, "_glassbox_zoomed_font", None) is None:
        base = app.font()
        base.setPointSize(max(base.pointSize(), theme.BASE_POINT_SIZE))
        app.setFont(base)
    prepare_fonts(app)
    # The window runs small forward passes on its own thread (the convolution lab's live
    # prediction); on a laptop's few cores torch's extra threads only wait on each other
    # and on the training worker. Measured with bench/conv_view.py: a stroke took 68 ms
    # with 2 threads and 21 ms with 1. The worker uses one thread as well.
    import torch

    torch.set_num_threads(GUI_TORCH_THREADS)
    return app


def collect_garbage_on_gui_thread(app: QApplication) -> None:
    """Let Python's cycle collector run only here, on a timer of the GUI thread.

    Left automatic, it runs in whichever thread allocates, and a Qt widget freed inside a
    worker thread deadlocks or crashes (seen: a menu freed while the training worker built
    a network). pyqtgraph's GarbageCollector disables the automatic collection and
    collects on a QTimer instead. Only the window needs it: the command line's snapshots run
    no worker thread and no event loop, so they keep Python's automatic collection.
    """
    from pyqtgraph.util.garbage_collector import GarbageCollector

    if getattr(app, "_glassbox_gc", None) is None:
        app._glassbox_gc = GarbageCollector(interval=1.0)


def freeze_startup_objects() -> None:
    """Once the window is built: leave everything alive now (modules, torch, widgets) out of later collections.

    A full collection on the GUI thread walked all of them and stalled the event loop for 0.3 to 0.4 s
    (measured with GLASSBOX_WATCH_STALLS=0.3); frozen, a collection looks only at what came later.
    """
    import gc

    gc.freeze()


def leave(exit_code: int) -> int:
    """End the process at once once the event loop is over.

    Python's own teardown of torch, Qt and pyqtgraph takes 0.5 to 0.9 s on a small
    machine, which a class sees as a window that will not close. By now the window has
    saved its settings and stopped its worker threads, so there is nothing left to
    finalise: flush the output streams and the log, and exit. A worker still inside one long
    step (gui/threads.py ABANDONED) ends with the process: destroying its QThread while it
    runs would make Qt abort, which is why this never goes through Python's teardown.
    A signal that asked the window to close (Ctrl+C: 130, SIGTERM: 0) sets the exit code.
    """
    app = QCoreApplication.instance()
    if exit_code == 0 and app is not None:
        exit_code = getattr(app, "_glassbox_exit_code", 0)
    for handler in logging.getLogger("glassbox").handlers:
        try:
            handler.flush()
        except Exception:  # noqa: BLE001 - leaving must not fail
            pass
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(exit_code)


# ============================================================================ signals: Ctrl+C and SIGTERM
EXIT_INTERRUPTED = 130  # Ctrl+C: the shell's convention (128 + SIGINT), after closing like the close button
SIGNAL_POLL_MS = 100  # Python runs a signal handler only when it gets control: this timer gives it control


def close_on_signals(app: QApplication) -> None:
    """Ctrl+C (SIGINT), SIGTERM and SIGHUP close the window like its close button: settings saved, workers stopped.

    The exit status is 130 after Ctrl+C (so a script sees the interruption) and 0 after SIGTERM
    (a polite request to quit, as a session manager sends at log-out) or SIGHUP (its terminal went away).
    """
    if threading.current_thread() is not threading.main_thread():
        return
    timer = QTimer(app)
    timer.setObjectName("glassbox-signal-poll")
    timer.timeout.connect(_let_python_run)
    timer.start(SIGNAL_POLL_MS)
    app._glassbox_signal_timer = timer
    signal.signal(signal.SIGINT, _on_signal)
    for name in ("SIGTERM", "SIGHUP"):  # SIGHUP: the terminal that started us was closed, or ssh dropped
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _on_signal)


def _let_python_run() -> None:
    """Nothing: the point is that the interpreter runs, so a pending signal's handler can."""


def _on_signal(number: int, _frame) -> None:
    app = QCoreApplication.instance()
    if app is None:
        raise KeyboardInterrupt
    app._glassbox_exit_code = EXIT_INTERRUPTED if number == signal.SIGINT else 0
    QTimer.singleShot(0, close_everything)


def close_everything() -> None:
    """Close dialogs, then every window (their closeEvents save and stop), then end the event loop."""
    app = QApplication.instance()
    if app is None:
        return
    for _ in range(20):  # a message box over a file dialog: close them from the top
        modal = QApplication.activeModalWidget()
        if modal is None:
            break
        modal.close()
    for widget in QApplication.topLevelWidgets():
        if widget.isWindow() and widget.isVisible():
            widget.close()
    app.quit()


# ============================================================================ unexpected errors
class ErrorReporter(QObject):
    """Carries the one sentence about an unexpected error to the window, from whichever thread it happened in."""

    occurred = Signal(str)


REPORTER: list[ErrorReporter] = []  # made by install_error_hooks, on the GUI thread
MAX_TRACEBACKS = 20  # printed in full on stderr; after that only counted (a failing timer would flood it)
_printed = [0]


def install_error_hooks() -> ErrorReporter:
    """Unexpected exceptions (in a slot, a timer, an event handler, any thread) become one sentence.

    `sys.excepthook` (PySide6 calls it for an exception raised in a slot or an overridden Qt method)
    and `threading.excepthook` print the traceback on stderr and to the log, for a bug report, and
    emit `occurred` with one sentence for the window; the app keeps running. Returns the reporter.
    """
    if not REPORTER:
        REPORTER.append(ErrorReporter(QCoreApplication.instance()))
    sys.excepthook = report_unexpected
    threading.excepthook = _thread_hook
    return REPORTER[0]


def _thread_hook(arguments) -> None:
    if arguments.exc_type is SystemExit:
        return
    report_unexpected(arguments.exc_type, arguments.exc_value, arguments.exc_traceback)


def report_unexpected(kind, error, trace) -> None:
    """The hook itself: details to stderr and the log, one sentence to the window. Never raises."""
    try:
        if kind is not None and issubclass(kind, KeyboardInterrupt):
            _on_signal(signal.SIGINT, None)
            return
        _printed[0] += 1
        if _printed[0] <= MAX_TRACEBACKS:
            print("".join(traceback.format_exception(kind, error, trace)).rstrip(), file=sys.stderr)
        logging.getLogger("glassbox").error("unexpected error", exc_info=(kind, error, trace))
        sentence = unexpected_sentence(kind, error)
        if REPORTER:
            REPORTER[0].occurred.emit(sentence)
    except Exception:  # noqa: BLE001 - the last resort must never raise itself
        pass


def unexpected_sentence(kind, error) -> str:
    from gui.i18n import say

    detail = say(error) if error is not None else ""
    detail = detail if len(detail) <= 200 else detail[:199] + "…"
    name = getattr(kind, "__name__", "Error")
    return QCoreApplication.translate(
        "App", "Something unexpected went wrong ({0}: {1}); everything else still works. The details are in the "
        "log, for a bug report.").format(name, detail)


# ============================================================================ a stall watchdog, for tests and debugging
class _Heartbeat(QObject):
    """Notes, on the GUI thread, that its event loop is turning."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.last = time.monotonic()
        self.stalls: list[float] = []  # the length of each stall seen, in seconds

    @Slot()
    def beat(self) -> None:
        now = time.monotonic()
        self.last = now


def watch_stalls(app: QApplication, threshold_s: float = 1.0) -> _Heartbeat:
    """GLASSBOX_WATCH_STALLS=<seconds>: print where the GUI thread is when its event loop stalls longer than that.

    A timer beats on the GUI thread every 50 ms; a daemon thread looks at the beat and, once per stall,
    prints the GUI thread's stack on stderr (and to the log), then how long the stall lasted.
    """
    heart = _Heartbeat(app)
    timer = QTimer(app)
    timer.timeout.connect(heart.beat)
    timer.start(50)
    app._glassbox_stall_timer = timer
    gui_thread = threading.main_thread().ident

    def watch() -> None:
        reported = None
        while True:
            time.sleep(threshold_s / 4)  # a watchdog's own pace; the app never waits on it
            silent = time.monotonic() - heart.last
            if silent > threshold_s and reported != heart.last:
                reported = heart.last
                frame = sys._current_frames().get(gui_thread)
                where = "".join(traceback.format_stack(frame)[-12:]) if frame is not None else "(unknown)\n"
                message = f"glassbox: the event loop has stalled for {silent:.1f} s; the GUI thread is at:\n{where}"
                print(message, file=sys.stderr, end="")
                logging.getLogger("glassbox").warning(message)
            elif reported is not None and reported != heart.last and silent < threshold_s:
                heart.stalls.append(heart.last - reported)
                print(f"glassbox: the stall ended after {heart.last - reported:.1f} s", file=sys.stderr)
                reported = None

    threading.Thread(target=watch, name="glassbox-stall-watch", daemon=True).start()
    return heart
