"""Hiding what a scene does not need: every name hides its part, and every part comes back."""

from __future__ import annotations

from core.lesson.model import HIDEABLE
from gui.lesson.hiding import HIDEABLE_LABELS


def parts(window) -> dict:
    """The widgets each name must hide (the Network tab's editing is a switch, checked on its own)."""
    land, auto = window.landscape_tab.ensure_built(), window.autoencoder_tab.ensure_built()
    conv, net = window.conv_tab, window.network_tab
    return {
        "dock": [window.dock], "toolbar": [window.menus.toolbar], "status_bar": [window.statusBar()],
        "network.step_controls": [net.toolbar], "network.boundary": [net.boundary_view],
        "network.gradients": [net.gradient_chart], "convolution.views": [conv.views.tabBar()],
        "convolution.image_controls": [conv.strip, conv.side], "convolution.training": [conv.training],
        "landscape.views": [land.tabs.tabBar()], "landscape.controls": [land.surfaces.controls_area],
        "autoencoder.controls": [auto.controls], "autoencoder.plane": [auto.plane],
    }


def test_every_name_has_a_label_in_words():
    assert set(HIDEABLE_LABELS) == set(HIDEABLE)
    assert all(HIDEABLE_LABELS[name].strip() for name in HIDEABLE)
    assert HIDEABLE_LABELS["network.editing"] != HIDEABLE_LABELS["network.boundary"]


def test_each_name_hides_its_part_and_the_next_scene_shows_it_again(make_window, qtbot):
    window = make_window()
    window.resize(1600, 900)
    hider, widgets = window.lessons.hider, parts(window)
    assert set(widgets) | {"tab_bar", "network.editing"} == set(HIDEABLE)
    shown = {name: [not widget.isHidden() for widget in group] for name, group in widgets.items()}

    for name, group in widgets.items():
        hider.apply([name])
        assert hider.hidden() == (name,)
        assert all(widget.isHidden() for widget in group), name
        hider.apply([])  # the next scene hides nothing
        assert [not widget.isHidden() for widget in group] == shown[name], name
    assert hider.hidden() == ()


def test_the_row_of_tabs_keeps_only_the_scenes_tab(make_window):
    window = make_window()
    window.tabs.setCurrentWidget(window.network_tab)
    hider = window.lessons.hider

    hider.apply(["tab_bar"])
    assert [window.tabs.isTabVisible(i) for i in range(window.tabs.count())] == [False, True, False, False, False]
    window.tabs.setCurrentWidget(window.conv_tab)  # the next scene is on another tab and hides the row too
    hider.apply(["tab_bar"])
    assert window.tabs.currentWidget() is window.conv_tab
    assert [window.tabs.isTabVisible(i) for i in range(window.tabs.count())] == [False, False, True, False, False]

    hider.clear()
    assert window.tabs.currentWidget() is window.conv_tab  # showing the others again does not move the class
    assert all(window.tabs.isTabVisible(i) for i in range(window.tabs.count()))


def test_the_networks_editing_switches_off_and_back_on(make_window):
    window = make_window()
    view = window.network_tab.network_view
    editable = view.editable if hasattr(view, "editable") else None
    hider = window.lessons.hider

    hider.apply(["network.editing"])
    assert window.network_tab.state().editable  # the tab's own setting is untouched: only the lesson hides it
    assert getattr(view, "editable", getattr(view, "_editable", None)) is False
    hider.clear()
    assert getattr(view, "editable", getattr(view, "_editable", None)) in (True, editable)


def test_the_settings_dock_stays_hidden_when_the_window_widens(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentWidget(window.training_view)
    window.resize(1000, 760)
    window.lessons.hider.apply(["dock"])
    assert not window.dock.toggleViewAction().isEnabled()  # the toolbar's toggle cannot bring it back either

    window.resize(1900, 1000)
    assert window.dock.isHidden()

    window.lessons.hider.clear()
    assert not window.dock.isHidden() and window.dock.toggleViewAction().isEnabled()


def test_a_part_its_owner_shows_meanwhile_is_hidden_again_and_comes_back_afterwards(make_window, qtbot):
    window = make_window()
    toolbar = window.menus.toolbar
    window.presenter.set_on(True)  # presenter mode puts the toolbar away...
    window.lessons.hider.apply(["toolbar"])
    window.presenter.set_on(False)  # ...and brings it back when it ends: the scene still hides it
    qtbot.waitUntil(toolbar.isHidden)

    window.lessons.hider.clear()
    assert not toolbar.isHidden()  # the owner wanted it shown: closing the scene shows it
