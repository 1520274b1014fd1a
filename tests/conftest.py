"""Settings for every test: Qt draws offscreen, and the repository root is importable."""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# Models saved and datasets downloaded by tests go to a throwaway folder, never the user's own.
_SCRATCH = tempfile.mkdtemp(prefix="glassbox-tests-")
os.environ["GLASSBOX_MODELS_DIR"] = os.path.join(_SCRATCH, "models")
os.environ["GLASSBOX_CACHE_DIR"] = os.path.join(_SCRATCH, "cache")

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))
