"""File › Save Session / Open Session: a .glassbox file opens in a fresh window exactly as it was saved;
a hostile or broken file says one sentence naming itself and changes nothing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from core.session.parts import MLP_PART
from gui.style.zoom import ZOOM
from gui.window_sessions import WindowSessions


@pytest.fixture(autouse=True)
def back_to_100():
    yield
    ZOOM.set_factor(1.0)


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: said.append(text))
    return said


def save(window, path: Path, qtbot) -> None:
    window.sessions.save(str(path))
    qtbot.waitUntil(lambda: window.sessions._pending is None and path.exists(), timeout=20_000)


def snapshot(window, qtbot):
    with qtbot.waitSignal(window.session.snapshot_ready, timeout=10_000) as answer:
        window.session.request_snapshot()
    return answer.args[0]


def test_a_saved_session_opens_in_a_fresh_window_exactly(make_window, settings, tmp_path, qtbot):
    author = make_window()
    for _ in range(5):
        author.worker_step()
    qtbot.waitUntil(lambda: author.last_progress.step == 5)
    author.tabs.setCurrentWidget(author.landscape_tab)  # built: its race settings travel too
    author.tabs.setCurrentWidget(author.network_tab)
    ZOOM.set_factor(1.25)
    path = tmp_path / "lesson.glassbox"
    save(author, path, qtbot)
    saved_states = author.sessions.tab_states()
    assert saved_states["training"]["curves"]["history"], "the learning curves travel in the session"
    saved_weights = snapshot(author, qtbot)
    assert "Saved" in author.statusBar().currentMessage()

    ZOOM.set_factor(1.0)
    from PySide6.QtCore import QSettings

    student = make_window(window_settings=QSettings(str(tmp_path / "student.ini"), QSettings.Format.IniFormat))
    assert student.open_session(str(path))
    qtbot.waitUntil(lambda: student.last_progress is not None and student.last_progress.step == 5, timeout=10_000)

    assert ZOOM.factor == 1.25
    assert student.tabs.currentWidget() is student.network_tab
    restored = student.sessions.tab_states()
    assert set(restored) == set(saved_states) == {"training", "network", "convolution", "landscape"}
    for name in saved_states:
        assert restored[name] == saved_states[name], name
    weights = snapshot(student, qtbot)
    assert set(weights.arrays) == set(saved_weights.arrays)
    for name, array in saved_weights.arrays.items():
        np.testing.assert_array_equal(weights.arrays[name], array, err_msg=name)
    assert str(path) in student.sessions.recent()

    for window in (author, student):  # Play goes on exactly as if the session had never been saved
        for _ in range(3):
            window.worker_step()
        qtbot.waitUntil(lambda window=window: window.last_progress.step == 8)
    author_after, student_after = snapshot(author, qtbot), snapshot(student, qtbot)
    for name, array in author_after.arrays.items():
        np.testing.assert_array_equal(student_after.arrays[name], array, err_msg=name)


@pytest.mark.parametrize("content", [b"not a session at all", b"PK\x03\x04" + b"\x00" * 40, b""])
def test_a_broken_file_says_one_sentence_and_changes_nothing(make_window, tmp_path, warnings, content, qtbot):
    window = make_window()
    window.tabs.setCurrentWidget(window.conv_tab)
    before = window.sessions.tab_states()
    path = tmp_path / "hostile.glassbox"
    path.write_bytes(content)

    assert not window.open_session(str(path))

    assert len(warnings) == 1 and "hostile.glassbox" in warnings[0]
    assert "\n" not in warnings[0].strip() and "Traceback" not in warnings[0]
    assert window.sessions.tab_states() == before
    assert window.tabs.currentWidget() is window.conv_tab
    assert window.sessions.recent() == []


def test_a_missing_recent_file_is_removed_with_a_sentence(make_window, tmp_path):
    window = make_window()
    gone = str(tmp_path / "gone.glassbox")
    window.sessions.remember(gone)
    action = window.menus.recent_menu.actions()[0]
    assert action.text() == "gone.glassbox"

    action.trigger()

    assert window.sessions.recent() == []
    assert "gone.glassbox" in window.statusBar().currentMessage()
    assert not window.menus.recent_menu.actions()[0].isEnabled()  # "No recent sessions"


def test_recent_sessions_keep_eight_newest_first(make_window, tmp_path):
    sessions: WindowSessions = make_window().sessions
    for index in range(10):
        sessions.remember(str(tmp_path / f"{index}.glassbox"))

    assert sessions.recent() == [str(tmp_path / f"{index}.glassbox") for index in range(9, 1, -1)]


def test_a_session_file_dropped_on_the_window_opens_as_a_session(make_window, tmp_path, qtbot, monkeypatch):
    window = make_window()
    opened = []
    monkeypatch.setattr(window.sessions, "open_session", lambda path: opened.append(path) or True)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "lesson.glassbox"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)

    window.dropEvent(event)

    assert opened == [str(tmp_path / "lesson.glassbox")]


def test_the_file_menu_has_the_session_commands(make_window):
    menus = make_window().menus

    assert menus.save_session_action.shortcut().toString() == "Ctrl+Shift+S"
    assert menus.open_session_action.shortcut().toString() == "Ctrl+Shift+O"
    assert menus.recent_menu.menuAction() in menus.file_menu.actions()
    assert MLP_PART == "mlp"


def test_a_session_opened_as_the_window_starts_keeps_its_curves(make_window, settings, tmp_path, qtbot):
    """`python main.py lesson.glassbox` opens the session before the window's own first network has
    reported: that network's run_started must not clear the session's learning curves."""
    from PySide6.QtCore import QSettings

    from gui.main_window import MainWindow

    author = make_window()
    for _ in range(5):
        author.worker_step()
    qtbot.waitUntil(lambda: author.last_progress.step == 5)
    qtbot.waitUntil(lambda: len(author.training_view.history) >= 2)
    path = tmp_path / "lesson.glassbox"
    save(author, path, qtbot)
    saved_rows = author.training_view.state().rows

    student = MainWindow(settings=QSettings(str(tmp_path / "student.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(student)
    assert student.open_session(str(path))  # at once, as cli/window.py does
    student.show()
    qtbot.waitUntil(lambda: student.last_progress is not None and student.last_progress.step == 5, timeout=10_000)
    qtbot.waitUntil(lambda: student.sessions._curves_after_restore is None, timeout=10_000)
    assert student.training_view.state().rows == saved_rows
    student.close()
