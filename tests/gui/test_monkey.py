"""A monkey test: about a minute of random clicks, keys, tab switches and setting changes on the
window while training runs. No exception, no Qt warning, no worker failure, and a clean close.

Reproducible from its seed (GLASSBOX_MONKEY_SEED; GLASSBOX_MONKEY_SECONDS shortens or lengthens it):
the choices follow the seed, though what is on screen at each moment also follows the training
thread. On failure it prints the seed and the last actions. Skip it with `-m "not monkey"`.

Nothing here blocks: the static file, message and input dialogs answer at once (cancel, or a
name from a hostile list), `exec()` of a dialog or menu returns at once, and a watchdog timer
closes any popup or modal window Qt opens by itself (a tool button's menu, a combo's list).
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import random
import sys
import threading
import time
import traceback

import pytest
from PySide6.QtCore import QPoint, Qt, QtMsgType, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QDialog,
                               QDoubleSpinBox, QFileDialog, QGraphicsView, QInputDialog, QLineEdit, QMenu, QMessageBox,
                               QSpinBox, QTabWidget, QToolBar, QToolButton)

from tests.gui.conftest import SMALL_DEFAULT

pytestmark = pytest.mark.monkey

SEED = int(os.environ.get("GLASSBOX_MONKEY_SEED", "1212"))
SECONDS = float(os.environ.get("GLASSBOX_MONKEY_SECONDS", "55"))
MAX_ACTIONS = 4000
# Qt messages of these kinds fail the test (pytest-qt fails on them too; this says which action came before).
# Qt's offscreen platform says these for every window it shows or raises; they are not ours.
HARMLESS = ("This plugin does not support propagateSizeHints", "This plugin does not support raise",
            "This plugin does not support setParent", "This plugin does not support grabbing")

# What a user might type where the window asks for a name or a number.
NAMES = ["my_model", "x" * 300, "", "   ", "a/b", "..", "模型", "con", "bad\nname", "<b>bold</b>", "-", "model " * 40]
HIDDEN = ["8,8", "4", "", "16,16,16", "2,2,2,2,2,2", "64,64", "abc", "0", "-3", "8,,8", " 8 , 8 ", "1e9", "8;8",
          "3" * 40, "256,256", "9" * 400]
NUMBERS = ["0.03", "1", "10", "0", "-1", "nan", "inf", "1e-300", "1e300", "abc", "", "0.1.2", "5e", "１"]
KEYS = [(Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_PageUp, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)]


class Problems(logging.Handler):
    """Everything that went wrong: exceptions in slots and threads, and the workers' logged failures."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.found.append(f"logged: {record.getMessage()} {record.exc_info[1]!r}" if record.exc_info
                          else f"logged: {record.getMessage()}")


class Monkey:
    def __init__(self, window, qtbot, rng: random.Random, tmp_path):
        self.window, self.qtbot, self.rng, self.tmp_path = window, qtbot, rng, tmp_path
        self.actions: collections.deque[str] = collections.deque(maxlen=20)
        self.count = 0
        self.kinds: collections.Counter[str] = collections.Counter()  # what was done, for the report

    # ------------------------------------------------------------------ what is on screen
    def widgets(self, kind) -> list:
        return [w for w in self.window.findChildren(kind) if w.isVisible() and w.isEnabled()]

    def pick(self, items):
        return items[self.rng.randrange(len(items))] if items else None

    @staticmethod
    def name(widget) -> str:
        text = ""
        for getter in ("text", "title", "toolTip", "objectName"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    text = value()
                except TypeError:
                    continue
                if text:
                    break
        return f"{type(widget).__name__}({str(text)[:30]!r})"

    def log(self, text: str) -> None:
        self.count += 1
        self.actions.append(f"#{self.count} {text}")
        self.kinds[text.split(" in tab ")[0] if text.startswith("click ") else text.split(" ")[0]] += 1

    def report(self, asked: list[str]) -> str:
        return (f"\nmonkey seed={SEED} (GLASSBOX_MONKEY_SEED), {self.count} actions, dialogs asked: "
                f"{collections.Counter(asked)}\nmost done: {self.kinds.most_common(25)}\nlast actions:\n  "
                + "\n  ".join(self.actions))

    # ------------------------------------------------------------------ the actions
    def click_button(self) -> None:
        buttons = [b for b in self.widgets(QAbstractButton) if not self._opens_a_menu(b) and not self._quits(b)]
        button = self.pick(buttons)
        if button is not None:
            self.log(f"click {self.name(button)}")
            button.click()

    def click_in_tab(self) -> None:
        """A button of the visible tab's page (more often than the dock's and toolbar's)."""
        page = self.window.tabs.currentWidget()
        buttons = [b for b in self.widgets(QAbstractButton) if page.isAncestorOf(b) and not self._opens_a_menu(b)]
        button = self.pick(buttons)
        if button is not None:
            self.log(f"click {self.name(button)} in tab {self.window.tabs.currentIndex()}")
            button.click()

    def resize(self) -> None:
        width, height = self.pick([(800, 600), (1024, 768), (1280, 720), (1400, 860), (1920, 1080)])
        self.log(f"resize to {width}x{height}")
        self.window.resize(width, height)

    def _opens_a_menu(self, button) -> bool:
        if getattr(button, "menu", None) and button.menu() is not None:
            return True
        return isinstance(button, QToolButton) and button.defaultAction() is not None \
            and button.defaultAction().menu() is not None

    def _quits(self, button) -> bool:
        return isinstance(button, QToolButton) and button.defaultAction() is self.window.menus.quit_action

    def trigger_action(self) -> None:
        actions = [a for a in self.reachable_actions()
                   if a.isEnabled() and a.isVisible() and a.menu() is None and not a.isSeparator()
                   and a is not self.window.menus.quit_action]
        action = self.pick(actions)
        if action is not None:
            self.log(f"trigger action {action.text()!r}")
            action.trigger()

    def reachable_actions(self) -> list[QAction]:
        """What the user reaches from the menu bar (with its submenus) and the window's toolbars."""
        found, menus = [], [action.menu() for action in self.window.menuBar().actions() if action.menu()]
        while menus:
            menu = menus.pop()
            for action in menu.actions():
                (menus.append(action.menu()) if action.menu() else found.append(action))
        for toolbar in self.window.findChildren(QToolBar):
            found.extend(toolbar.actions())
        return found

    def choose_in_combo(self) -> None:
        combo = self.pick([c for c in self.widgets(QComboBox) if c.count()])
        if combo is None:
            return
        if combo.isEditable() and self.rng.random() < 0.3:
            text = self.pick(NUMBERS)
            self.log(f"type {text!r} into {self.name(combo)}")
            combo.setEditText(text)
            combo.lineEdit().editingFinished.emit()
            return
        index = self.rng.randrange(combo.count())
        self.log(f"choose item {index} ({combo.itemText(index)!r}) in {self.name(combo)}")
        combo.setCurrentIndex(index)
        combo.activated.emit(index)

    def set_spin(self) -> None:
        spin = self.pick([s for s in self.widgets(QAbstractSpinBox) if isinstance(s, (QSpinBox, QDoubleSpinBox))])
        if spin is None:
            return
        low, high = spin.minimum(), spin.maximum()
        roll = self.rng.random()
        # Extremes, but the largest only now and then: a 60-second test cannot wait on a huge run.
        value = low if roll < 0.25 else high if roll < 0.32 else \
            (self.rng.randint(int(low), int(min(high, low + 1000))) if isinstance(spin, QSpinBox)
             else self.rng.uniform(low, min(high, low + 10)))
        self.log(f"set {self.name(spin)} to {value} (range {low}..{high})")
        spin.setValue(value)
        spin.editingFinished.emit()

    def move_slider(self) -> None:
        slider = self.pick(self.widgets(QAbstractSlider))
        if slider is not None:
            value = self.pick([slider.minimum(), slider.maximum(), self.rng.randint(slider.minimum(), slider.maximum())])
            self.log(f"move {self.name(slider)} to {value}")
            slider.setValue(value)

    def type_text(self) -> None:
        edits = [e for e in self.widgets(QLineEdit) if not e.isReadOnly() and not isinstance(e.parent(), QComboBox)
                 and not isinstance(e.parent(), QAbstractSpinBox)]
        edit = self.pick(edits)
        if edit is None:
            return
        text = self.pick(HIDDEN if edit is self.window.panel.hidden else NAMES + HIDDEN)
        self.log(f"type {text[:40]!r} into {self.name(edit)}")
        edit.setText(text)
        edit.editingFinished.emit()

    def press_key(self) -> None:
        key, modifier = self.pick(KEYS)
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractButton) and self._opens_a_menu(focus):
            self.window.setFocus()
            focus = None
        target = focus if focus is not None and focus.window() is self.window else self.window
        self.log(f"press {key.name}{'+Ctrl' if modifier != Qt.KeyboardModifier.NoModifier else ''} on {self.name(target)}")
        self.qtbot.keyClick(target, key, modifier)

    def switch_tab(self) -> None:
        tabs = self.widgets(QTabWidget)
        if self.rng.random() < 0.6:
            tabs = [self.window.tabs]
        widget = self.pick(tabs)
        if widget is not None and widget.count():
            index = self.rng.randrange(widget.count())
            self.log(f"switch {self.name(widget)} to tab {index}")
            widget.setCurrentIndex(index)

    def switch_language(self) -> None:
        code = self.pick(sorted(self.window.menus.language_actions))
        self.log(f"language {code}")
        self.window.menus.language_actions[code].trigger()

    def click_view(self) -> None:
        view = self.pick(self.widgets(QGraphicsView))
        if view is None:
            return
        size = view.viewport().size()
        point = QPoint(self.rng.randrange(max(size.width(), 1)), self.rng.randrange(max(size.height(), 1)))
        button = Qt.MouseButton.LeftButton if self.rng.random() < 0.8 else Qt.MouseButton.RightButton
        self.log(f"{button.name} click at {point.x()},{point.y()} on {self.name(view)}")
        self.qtbot.mouseClick(view.viewport(), button, pos=point)

    def play(self) -> None:
        if not self.window.playing:
            self.log("play")
            self.window.play_action.trigger()

    def act(self) -> None:
        choices = [(self.click_button, 12), (self.click_in_tab, 14), (self.trigger_action, 8), (self.resize, 2), (self.choose_in_combo, 12), (self.set_spin, 10),
                   (self.move_slider, 4), (self.type_text, 6), (self.press_key, 12), (self.switch_tab, 10),
                   (self.switch_language, 2), (self.click_view, 8), (self.play, 8)]
        action = self.rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]
        action()


def answer_dialogs(monkeypatch, rng: random.Random, tmp_path) -> list[str]:
    """The blocking dialogs answer at once; what they were asked is kept."""
    asked: list[str] = []

    def note(what):
        def answer(*args, **kwargs):
            asked.append(what)
            return {
                "open": ("", ""), "opens": ([], ""), "folder": "",
                "save": (str(tmp_path / rng.choice(["out.png", "out.csv", "out.glassbox", "x" * 300 + ".png"])), "")
                if rng.random() < 0.5 else ("", ""),
                "question": QMessageBox.StandardButton.No, "button": QMessageBox.StandardButton.Ok, "about": None,
                "text": (rng.choice(NAMES), rng.random() < 0.7), "double": (rng.choice([0.0, 1.0, -1.0, 1e9]), rng.random() < 0.5),
                "int": (rng.choice([0, 1, -1, 10 ** 6]), rng.random() < 0.5), "item": ("", False),
                "exec": QDialog.DialogCode.Rejected, "menu": None,
            }[what]
        return answer

    for name, what in (("getOpenFileName", "open"), ("getOpenFileNames", "opens"), ("getSaveFileName", "save"),
                       ("getExistingDirectory", "folder")):
        monkeypatch.setattr(QFileDialog, name, staticmethod(note(what)))
    for name, what in (("question", "question"), ("warning", "button"), ("information", "button"),
                       ("critical", "button"), ("about", "about"), ("aboutQt", "about")):
        monkeypatch.setattr(QMessageBox, name, staticmethod(note(what)))
    for name, what in (("getText", "text"), ("getDouble", "double"), ("getInt", "int"), ("getItem", "item"),
                       ("getMultiLineText", "text")):
        monkeypatch.setattr(QInputDialog, name, staticmethod(note(what)))
    monkeypatch.setattr(QDialog, "exec", note("exec"))
    monkeypatch.setattr(QMessageBox, "exec", note("exec"))
    monkeypatch.setattr(QMenu, "exec", note("menu"))
    return asked


@pytest.fixture
def problems():
    """Exceptions in slots and threads, and the workers' logged failures, as they happen.

    The hooks are set inside the test (see `hooked`): pytest-qt sets its own sys.excepthook when the
    test's call begins, and ours passes each exception on to it.
    """
    found = Problems()
    logger = logging.getLogger("glassbox")
    logger.addHandler(found)
    yield found
    logger.removeHandler(found)


@contextlib.contextmanager
def hooked(found: Problems):
    previous_sys, previous_thread = sys.excepthook, threading.excepthook

    def on_exception(kind, error, trace):
        found.found.append(f"exception: {kind.__name__}: {error}")
        previous_sys(kind, error, trace)

    def on_thread_exception(hook_args):
        found.found.append(f"exception in thread {getattr(hook_args.thread, 'name', '?')}: "
                           f"{hook_args.exc_type.__name__}: {hook_args.exc_value}")
        previous_thread(hook_args)

    sys.excepthook, threading.excepthook = on_exception, on_thread_exception
    try:
        yield
    finally:
        sys.excepthook, threading.excepthook = previous_sys, previous_thread


@pytest.fixture
def late_threads(monkeypatch):
    """Threads started after the window closed, each with where it was started (printed at teardown,
    where tests/gui/conftest.py's guard fails the test if one still runs)."""
    from PySide6.QtCore import QThread

    record = {"closed": False, "started": []}
    original = QThread.start

    def start(thread, *args):
        if record["closed"]:
            record["started"].append(f"{thread.objectName()!r} started after the window closed, from:\n"
                                     + "".join(traceback.format_stack(limit=12)[:-1]))
        return original(thread, *args)

    monkeypatch.setattr(QThread, "start", start)
    yield record
    for text in record["started"]:
        print(f"monkey seed={SEED}: {text}")


def close_popups() -> None:
    """The watchdog: any popup or modal window Qt opened by itself is closed, so nothing blocks."""
    for widget in (QApplication.activePopupWidget(), QApplication.activeModalWidget()):
        if widget is not None:
            widget.close()


def qt_warnings(qtlog) -> list[str]:
    return [record.message for record in qtlog.records
            if record.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
            and not any(record.message.startswith(text) for text in HARMLESS)]


@pytest.mark.qt_log_ignore(*HARMLESS, extend=True)
def test_a_minute_of_random_use_breaks_nothing(late_threads, settings, qtbot, qtlog, problems, monkeypatch, tmp_path):
    from gui import i18n
    from gui.style.zoom import ZOOM
    from gui.threads import LIVE_THREADS

    language, terms = i18n.current(), i18n.showing_terms()
    rng = random.Random(SEED)
    asked = answer_dialogs(monkeypatch, random.Random(SEED + 1), tmp_path)
    from gui.main_window import MainWindow

    window = MainWindow(SMALL_DEFAULT, settings)
    qtbot.addWidget(window)
    window.show()
    # Generous: a loaded CI machine can take long to build the first network; this is no timing assertion.
    qtbot.waitUntil(lambda: window.last_progress is not None, timeout=120_000)
    watchdog = QTimer()
    watchdog.setInterval(200)
    watchdog.timeout.connect(close_popups)
    watchdog.start()
    monkey = Monkey(window, qtbot, rng, tmp_path)
    stack = contextlib.ExitStack()
    report = ""
    try:
        stack.enter_context(hooked(problems))
        window.activateWindow()
        monkey.play()
        qtbot.waitUntil(lambda: window.playing, timeout=120_000)
        end = time.monotonic() + SECONDS
        while monkey.count < MAX_ACTIONS and time.monotonic() < end:
            monkey.act()
            QApplication.processEvents()
            if problems.found or qt_warnings(qtlog):
                break
        report = monkey.report(asked)
        print(report)
        assert not problems.found, f"{problems.found[:5]}{report}"
        assert not qt_warnings(qtlog), f"{qt_warnings(qtlog)[:5]}{report}"
        late_threads["closed"] = True
        # A lesson the monkey edited asks Save / Discard / Cancel as the window closes (its "No" would mean
        # Cancel, and a user who cancels keeps the window): the user closing at the end discards it.
        monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Discard))
        window.close()
        assert not window.isVisible(), f"the window refused to close{report}"
        qtbot.waitUntil(lambda: not any(thread.isRunning() for thread in LIVE_THREADS), timeout=60_000)
        QApplication.processEvents()
        assert not problems.found, f"while closing: {problems.found[:5]}{report}"
        assert not qt_warnings(qtlog), f"while closing: {qt_warnings(qtlog)[:5]}{report}"
    finally:
        if not report:  # something raised out of the loop itself: say where the monkey was
            print(monkey.report(asked))
        stack.close()
        watchdog.stop()
        window.close()
        i18n.install(language, terms=terms)
        ZOOM.set_factor(1.0)
