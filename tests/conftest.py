"""Settings for every test: Qt draws offscreen, and the repository root is importable."""

import gc
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# Models saved, datasets downloaded and logs written by tests go to a throwaway folder, never the user's own.
_SCRATCH = tempfile.mkdtemp(prefix="glassbox-tests-")
os.environ["GLASSBOX_MODELS_DIR"] = os.path.join(_SCRATCH, "models")
os.environ["GLASSBOX_CACHE_DIR"] = os.path.join(_SCRATCH, "cache")
os.environ["GLASSBOX_LOG_DIR"] = os.path.join(_SCRATCH, "logs")
os.environ["GLASSBOX_LESSON_DIR"] = os.path.join(_SCRATCH, "lessons")  # installed lessons (core/lesson/library.py)

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def pytest_configure(config):
    # Python's cyclic garbage collector runs in whichever thread happens to allocate. When it
    # frees a Qt widget from an earlier test inside a worker thread, the widget's destructor
    # waits for the GIL that thread holds: the suite hung this way (a QMenu freed while the
    # training worker built its first network). The app collects on the GUI thread only
    # (gui/app.py); the tests do the same, after every test.
    gc.disable()


def pytest_runtest_teardown(item, nextitem):
    gc.collect()
