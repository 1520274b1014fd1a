"""Presenter mode: F5 or the toolbar, full screen without clutter; a clicker drives the visible tab; Esc leaves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.style.zoom import ZOOM


@pytest.fixture(autouse=True)
def back_to_100():
    yield
    ZOOM.set_factor(1.0)


class Recorder:
    """Stands in for a tab's clicker methods."""

    def __init__(self):
        self.calls: list[str] = []

    def __call__(self, name: str):
        return lambda *args: self.calls.append((name, *args))


def test_presenter_mode_hides_the_clutter_and_esc_restores_it(make_window, qtbot):
    window = make_window()
    presenting = Recorder()
    window.training_view.set_presenting = presenting("training")
    window.network_tab.set_presenting = presenting("network")
    assert not window.dock.isHidden() and window.menus.toolbar.isVisible()

    window.menus.presenter_action.trigger()

    assert window.presenter.on and window.presenter_action.isChecked()
    assert window.isFullScreen()
    assert window.dock.isHidden() and window.menus.toolbar.isHidden() and window.menuBar().isHidden()
    assert window.presenter.hint.isVisible() and "Esc" in window.presenter.hint.text()
    assert ("training", True) in presenting.calls and ("network", True) in presenting.calls

    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Escape)

    assert not window.presenter.on and not window.presenter_action.isChecked()
    assert not window.isFullScreen()
    assert not window.dock.isHidden() and window.menus.toolbar.isVisible() and window.menuBar().isVisible()
    assert not window.presenter.hint.isVisible()
    assert ("training", False) in presenting.calls


def test_f5_is_the_presenter_shortcut(make_window, qtbot):
    window = make_window()
    assert window.presenter_action.shortcut().toString() == "F5"
    assert window.presenter_action in window.menus.toolbar.actions()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_F5)
    assert window.presenter.on
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert ZOOM.factor > 1  # the menus are hidden, their shortcuts are not
    ZOOM.set_factor(1.0)
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_F5)
    assert not window.presenter.on
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_F5)
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Escape)
    assert not window.presenter.on


def test_the_clicker_trains_on_the_training_tab(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentWidget(window.training_view)
    window.presenter.set_on(True)
    step = window.last_progress.step

    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.last_progress.step == step + 1)
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.playing)
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not window.playing)
    window.presenter.set_on(False)


def test_the_clicker_keys_go_to_the_visible_tabs_own_steps(make_window, qtbot):
    window = make_window()
    clicks = Recorder()
    for name in ("clicker_next", "clicker_previous", "clicker_play"):
        setattr(window.conv_tab, name, clicks(name))
    window.tabs.setCurrentWidget(window.conv_tab)
    window.presenter.set_on(True)
    target = window.tabs.currentWidget()

    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_Left,
                Qt.Key.Key_Up, Qt.Key.Key_Space):
        qtbot.keyClick(target, key)

    assert [call[0] for call in clicks.calls] == ["clicker_next"] * 3 + ["clicker_previous"] * 3 + ["clicker_play"]
    assert not window.playing  # the 2-D network was not trained behind the picture
    window.presenter.set_on(False)
    qtbot.keyClick(target, Qt.Key.Key_PageDown)  # outside presenter mode the keys are the tab's widgets' again
    assert len(clicks.calls) == 7


def test_leaving_presenter_mode_keeps_a_maximised_window_maximised(make_window, qtbot):
    window = make_window()
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)

    window.presenter.set_on(True)
    window.presenter.set_on(False)

    assert window.isMaximized() and not window.isFullScreen()
