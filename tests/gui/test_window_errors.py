"""Any unexpected error in the window (a slot, a timer, another thread) is one sentence on the status line;
the traceback goes to stderr for a bug report, and the app keeps running."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QObject, QTimer, Slot

from gui.app import install_error_hooks, report_unexpected


class Broken(QObject):
    @Slot()
    def explode(self) -> None:
        raise ZeroDivisionError("a bug in a slot")


@pytest.fixture
def hooks():
    """The app's hooks, for one test; pytest's and pytest-qt's come back afterwards."""
    saved = sys.excepthook, threading.excepthook
    reporter = install_error_hooks()
    yield reporter
    sys.excepthook, threading.excepthook = saved


def test_an_error_in_a_timer_slot_is_one_sentence_and_the_window_goes_on(make_window, qtbot, hooks, capsys):
    window = make_window()
    hooks.occurred.connect(window.show_unexpected)
    broken = Broken()
    QTimer.singleShot(0, broken.explode)
    qtbot.waitUntil(lambda: "unexpected" in window.statusBar().currentMessage(), timeout=5000)
    assert "ZeroDivisionError" in window.statusBar().currentMessage()
    assert "a bug in a slot" in capsys.readouterr().err  # the traceback, for a bug report
    step = window.last_progress.step
    window.worker_step()  # the window still works
    qtbot.waitUntil(lambda: window.last_progress.step > step, timeout=5000)


def test_an_error_in_another_thread_reaches_the_window(make_window, qtbot, hooks):
    window = make_window()
    hooks.occurred.connect(window.show_unexpected)

    def fail() -> None:
        raise KeyError("from a thread")

    thread = threading.Thread(target=fail)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: "KeyError" in window.statusBar().currentMessage(), timeout=5000)


def test_the_hook_itself_never_raises(hooks):
    class Unprintable(Exception):
        def __str__(self):
            raise RuntimeError("cannot say")

    report_unexpected(Unprintable, Unprintable(), None)  # nothing escapes
