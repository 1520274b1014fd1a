"""Glassbox's science: datasets, networks and training, in torch and numpy only.

Nothing under core/ may import Qt or pyqtgraph (tests/core/test_no_qt.py checks).
"""

__version__ = "0.1.0"
