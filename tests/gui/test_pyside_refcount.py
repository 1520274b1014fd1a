"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call that returns
None, and the interpreter aborts after about 60,000 such calls ("none_dealloc"). We pin
PySide6 below 6.12; this test catches a release with that bug before a class does."""

import sys

from PySide6.QtCore import QObject

CALLS = 200_000


def test_qt_calls_returning_none_keep_none_referenced():
    target = QObject()
    before = sys.getrefcount(None)
    for index in range(CALLS):
        target.setObjectName("glassbox")  # returns None
    after = sys.getrefcount(None)
    # Other code may take a few references meanwhile; a leak would lose ~200,000.
    assert after >= before - 100, f"None lost {before - after} references over {CALLS:,} Qt calls"
