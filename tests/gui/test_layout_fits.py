"""Every tab fits a 1024×768 projector, a 1366×768 laptop and a 1920×1080 screen: the window is no larger
than the screen, and every visible widget of the tab on screen lies inside the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

SIZES = [(1024, 768), (1366, 768), (1920, 1080)]
TABS = ["training", "network", "convolution", "landscape", "autoencoder"]


def outside(window, page: QWidget) -> list[str]:
    """Visible widgets of `page` that stick out of the window (what scrolls inside a scroll area is its own)."""
    bounds = window.rect()
    found = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 1 or widget.height() <= 1:
            continue
        if _inside_a_scroll_area(widget, page):
            continue
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if not bounds.contains(rect):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} at {rect.getRect()}")
    return found


def _inside_a_scroll_area(widget: QWidget, page: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QAbstractScrollArea) and widget is not parent.viewport():
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("tab", TABS)
def test_every_tab_fits_the_screen(make_window, qtbot, size, tab):
    from core.session.parts import TAB_NAMES

    window = make_window()
    width, height = size
    window.tabs.setCurrentIndex(TAB_NAMES.index(tab))
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.tabs.currentWidget().isVisible())
    QApplication.processEvents()

    hint = window.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, f"the window needs at least {hint.toTuple()}"
    assert window.width() <= width and window.height() <= height
    assert outside(window, window.tabs.currentWidget()) == []


def test_the_settings_dock_folds_on_narrow_windows_and_comes_back(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentWidget(window.training_view)
    window.resize(1400, 860)
    assert not window.dock.isHidden()

    window.resize(1024, 768)
    assert window.dock.isHidden()
    assert window.dock.toggleViewAction() in window.menus.toolbar.actions()  # the visible way to bring it back

    window.resize(1400, 860)
    assert not window.dock.isHidden()
