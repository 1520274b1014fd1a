"""The Landscape tab in class: Chinese at once, fits 1000×600, follows the zoom, presenter keys, no label overlap."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect

import gui.i18n
from core.landscape.slices import NetworkLandscape
from gui.landscape.tab import LandscapeTab
from gui.style.zoom import ZOOM
from tests.gui.language_check import english_leftovers


def _landscape(start=(0.02, 0.01)) -> NetworkLandscape:
    """A small slice whose path starts right beside the current weights (as random directions often give)."""
    axis = np.linspace(-1.0, 1.0, 9)
    alpha, beta = np.meshgrid(axis, axis)
    path = np.array([start, (0.01, 0.005), (0.0, 0.0)])
    return NetworkLandscape(alpha=axis, beta=axis, loss=0.5 + alpha ** 2 + beta ** 2, path=path,
                            path_loss=np.array([0.9, 0.7, 0.5]), path_steps=np.array([0, 4, 8]), center_loss=0.5,
                            directions="random")


@pytest.fixture
def tab(qtbot):
    tab = LandscapeTab(threaded=False)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    qtbot.waitExposed(tab)
    yield tab
    tab.shutdown()


@pytest.fixture
def chinese():
    gui.i18n.install("zh_CN")
    try:
        yield
    finally:
        gui.i18n.install("en")


def test_every_word_turns_chinese_at_once_and_back(qtbot, tab, chinese):
    tab.surfaces.go_to_end()  # a race drawn: the table's statuses are words too
    tab.network.show_landscape(_landscape())
    qtbot.waitUntil(lambda: tab.tabs.tabText(0) == "经典曲面")  # Qt posts LanguageChange: it arrives next
    assert english_leftovers(tab) == []
    assert "步" in tab.surfaces.step_label.text()
    gui.i18n.install("en")
    qtbot.waitUntil(lambda: tab.tabs.tabText(0) == "Textbook surfaces")
    assert tab.surfaces.play_button.text() == "▶ Play"
    assert tab.network.compute_button.text() == "Compute"


def test_fits_1000_by_600_with_the_race_controls_on_screen(tab):
    hint = tab.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 600
    view = tab.surfaces
    visible = QRect(QPoint(0, 0), tab.size())
    for button in [*view.playback_buttons, view.speed_slider]:
        assert button.isVisible()
        corner = button.mapTo(tab, QPoint(0, 0))
        assert visible.contains(QRect(corner, button.size())), button.text()


def test_start_and_now_labels_never_overlap(tab):
    tab.tabs.setCurrentWidget(tab.network)
    panel = tab.network
    for start in ((0.02, 0.01), (0.0, 0.0), (0.0, -0.05), (0.6, 0.6)):
        panel.show_landscape(_landscape(start))
        panel.map.getPlotItem().getViewBox().setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0)
        panel._place_labels()
        first, second = panel.start_label.sceneBoundingRect(), panel.center_label.sceneBoundingRect()
        assert panel.start_label.isVisible() and panel.center_label.isVisible()
        assert not first.intersects(second), start


def test_fonts_and_markers_follow_the_zoom(tab):
    view = tab.surfaces
    title, head = view.title.font().pointSizeF(), view.map.head_size
    try:
        ZOOM.set_factor(2.0)
        assert view.title.font().pointSizeF() == pytest.approx(2 * title)
        assert view.map.head_size == pytest.approx(2 * head, abs=1)
        assert tab.network.message.font().pointSizeF() > 12
    finally:
        ZOOM.set_factor(1.0)
    assert view.title.font().pointSizeF() == pytest.approx(title)


def test_clicker_steps_the_race_and_presenting_hides_the_settings(tab):
    view = tab.surfaces
    view.reset()
    tab.clicker_next()
    tab.clicker_next()
    assert view.current_step == 2
    tab.clicker_previous()
    assert view.current_step == 1
    tab.clicker_play()
    assert view.playing
    tab.clicker_play()
    assert not view.playing
    size = view.title.font().pointSizeF()
    tab.set_presenting(True)
    assert not view.controls_area.isVisible() and view.play_button.isVisible()
    assert view.title.font().pointSizeF() > size
    tab.set_presenting(False)
    assert view.controls_area.isVisible() and view.title.font().pointSizeF() == pytest.approx(size)
