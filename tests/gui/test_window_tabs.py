"""The window opens on the tab asked for; the toolbar's Play and Step act on the visible tab; names suggested."""

from __future__ import annotations

import pytest

from gui.main_window import MainWindow
from tests.gui.conftest import SMALL_DEFAULT


@pytest.mark.parametrize("tab, index", [("training", 0), ("network", 1), ("convolution", 2), ("landscape", 3),
                                        ("autoencoder", 4)])
def test_the_window_opens_on_the_tab_asked_for(qtbot, settings, tab, index):
    window = MainWindow(SMALL_DEFAULT, settings, tab=tab)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.tabs.currentIndex() == index
    finally:
        window.close()


def test_an_unknown_tab_opens_the_saved_one(qtbot, settings):
    settings.setValue("window/tab", 1)
    window = MainWindow(SMALL_DEFAULT, settings, tab="nonsense")
    qtbot.addWidget(window)
    try:
        assert window.tabs.currentIndex() == 1
    finally:
        window.close()


def test_play_on_the_convolution_tab_plays_the_tab_not_the_network(make_window):
    window = make_window()
    calls = []
    window.conv_tab.clicker_play = lambda: calls.append("play")
    window.conv_tab.clicker_next = lambda: calls.append("next")
    window.tabs.setCurrentWidget(window.conv_tab)

    window.play_action.trigger()
    window.step_action.trigger()

    assert calls == ["play", "next"]
    assert not window.playing
    assert "demonstration" in window.play_action.toolTip()


def test_play_on_the_training_and_network_tabs_trains(make_window, qtbot):
    window = make_window()
    for tab in (window.training_view, window.network_tab):
        window.tabs.setCurrentWidget(tab)
        window.play_action.trigger()
        qtbot.waitUntil(lambda: window.playing)
        assert "train" in window.play_action.toolTip().lower()
        window.play_action.trigger()
        qtbot.waitUntil(lambda: not window.playing)


def test_save_view_suggests_a_name_after_the_visible_tab(make_window):
    window = make_window()
    for index, name in enumerate(("training", "network", "convolution")):
        window.tabs.setCurrentIndex(index)
        suggested = window.menus.view_image_name()
        assert suggested.startswith(f"{name}-20") and suggested.endswith(".png")
