"""Start the Qt application: names for QSettings, a readable base font that follows the zoom and
falls back to the shipped Chinese font, garbage collection, a fast exit.

The window itself is opened by cli/window.py; this module knows no window, so the snapshot
renderer can use it without reaching above itself.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QtMsgType, Slot, qInstallMessageHandler
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


def _message_handler(kind: QtMsgType, context, message: str) -> None:
    if message in BENIGN_MESSAGES:
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


def leave(exit_code: int) -> int:
    """End the process at once once the event loop is over.

    Python's own teardown of torch, Qt and pyqtgraph takes 0.5 to 0.9 s on a small
    machine, which a class sees as a window that will not close. By now the window has
    saved its settings and stopped its training thread, so there is nothing left to
    finalise: flush the output streams and exit.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(exit_code)
