"""View › Zoom: 75% to 250%, the whole window's text follows, remembered between sessions."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from gui.style import theme
from gui.style.zoom import ZOOM, clamp_zoom


@pytest.fixture(autouse=True)
def back_to_100():
    yield
    ZOOM.set_factor(1.0)


def test_zoom_steps_stay_between_75_and_250_percent():
    ZOOM.set_factor(1.0)
    for _ in range(20):
        ZOOM.zoom_in()
    assert ZOOM.factor == 2.5
    for _ in range(20):
        ZOOM.zoom_out()
    assert ZOOM.factor == 0.75
    assert clamp_zoom(float("nan")) == 1.0 and clamp_zoom(9) == 2.5 and clamp_zoom("x") == 1.0


def test_zooming_scales_the_application_font_and_the_styled_widgets(make_window, settings):
    window = make_window()
    base = QApplication.font().pointSizeF()
    label_size = window.device_label.font().pointSizeF()

    window.menus.zoom_in_action.trigger()
    window.menus.zoom_in_action.trigger()

    assert ZOOM.factor == 1.25
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.25)
    assert window.device_label.font().pointSizeF() == pytest.approx(label_size * 1.25)
    assert theme.font(12).pointSizeF() == pytest.approx(15)
    assert "125%" in window.statusBar().currentMessage()
    assert float(settings.value("view/zoom")) == 1.25

    window.menus.zoom_reset_action.trigger()
    assert ZOOM.factor == 1.0 and QApplication.font().pointSizeF() == pytest.approx(base)


def test_the_zoom_is_remembered_for_the_next_window(make_window, settings):
    first = make_window()
    first.menus.zoom_out_action.trigger()
    assert ZOOM.factor == 0.9
    first.close()
    ZOOM.set_factor(1.0)

    make_window()

    assert ZOOM.factor == 0.9


def test_the_zoom_shortcuts(make_window):
    menus = make_window().menus
    shortcuts = {sequence.toString() for sequence in menus.zoom_in_action.shortcuts()}

    assert {"Ctrl+=", "Ctrl++"} <= shortcuts
    assert menus.zoom_out_action.shortcut().toString() == "Ctrl+-"
    assert menus.zoom_reset_action.shortcut().toString() == "Ctrl+0"


def test_axes_follow_the_zoom(qtbot):
    import pyqtgraph as pg

    from gui.style.plots import style_axes

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    style_axes(plot.getPlotItem(), "step", "loss")
    tick = plot.getPlotItem().getAxis("left").style["tickFont"].pointSizeF()

    ZOOM.set_factor(2.0)

    assert plot.getPlotItem().getAxis("left").style["tickFont"].pointSizeF() == pytest.approx(tick * 2)
    assert plot.getPlotItem().getAxis("bottom").labelText == "step"
