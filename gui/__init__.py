"""Glassbox's glass: Qt widgets and pyqtgraph views that draw what core/ computes.

pyqtgraph binds to whichever Qt binding is loaded first, so pin it to PySide6 before
any view imports it.
"""

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import PySide6.QtCore  # noqa: E402,F401  (loaded first on purpose, see above)
