"""Presenter mode: full screen, no clutter, large views, and a clicker drives the visible tab.

The toolbar's Play and Step go through here too: on the Training and Network tabs they
train the network; on the others they play and step that tab's own demonstration.

While it is on, Page Down / Right / Down go to the visible tab's `clicker_next()`, Page Up /
Left / Up to `clicker_previous()`, Space to `clicker_play()` and Esc leaves. While a lesson is
open, Page Down / Page Up move between its scenes instead (the arrows still step the tab), and H
folds the lesson's overlay to one line. A tab that has no such method gets the window's
fallback (the Training tab: Space plays or pauses training, Next does one training step). Leaving restores the dock, toolbar, menus and window state.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

NEXT_KEYS = (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down)
PREVIOUS_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up)
PLAY_KEYS = (Qt.Key.Key_Space,)
LESSON_KEYS = (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)  # with a lesson open: the next and previous scene


class Presenter(QObject):
    """Turns presenter mode on and off for `window`, and routes the clicker's keys while it is on."""

    toggled = Signal(bool)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.on = False
        self._saved: dict = {}
        self.hint = QLabel(window)
        self.hint.setObjectName("presenter-hint")
        self.hint.setStyleSheet("QLabel#presenter-hint { background: rgba(0, 0, 0, 150); color: white;"
                                " border-radius: 6px; padding: 4px 10px; }")
        self.hint.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Exit presenter mode (Esc)"))
        self.hint.adjustSize()

    @Slot()
    def toggle(self) -> None:
        self.set_on(not self.on)

    def set_on(self, on: bool) -> None:
        if on == self.on:
            return
        w = self.window
        if on:
            self._saved = {"full": w.isFullScreen(), "maximized": w.isMaximized(), "menu": w.menuBar().isVisible(),
                           "dock": not w.dock.isHidden(), "toolbar": not w.menus.toolbar.isHidden()}
            self.on = True
            w.dock.hide()
            w.menus.toolbar.hide()
            w.menuBar().hide()
            w.showFullScreen()
            QApplication.instance().installEventFilter(self)
        else:
            self.on = False
            QApplication.instance().removeEventFilter(self)
            saved = self._saved
            w.menuBar().setVisible(saved.get("menu", True))
            w.menus.toolbar.setVisible(saved.get("toolbar", True))
            if saved.get("dock", False) and w.dock_belongs_on_tab():
                w.dock.show()
            if not saved.get("full", False):
                w.showMaximized() if saved.get("maximized", False) else w.showNormal()
        self.hint.setVisible(on)
        self.place_hint()
        w.menus.presenter_action.setChecked(on)
        for tab in self.tab_views():
            set_presenting = getattr(tab, "set_presenting", None)
            if callable(set_presenting):
                set_presenting(on)
        w.on_tab_changed(w.tabs.currentIndex())  # the keys: the clicker's while presenting, the tab's after
        self.toggled.emit(on)

    def place_hint(self) -> None:
        if self.hint.isVisible():
            self.hint.adjustSize()
            self.hint.move(self.window.width() - self.hint.width() - 12, 8)
            self.hint.raise_()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """The clicker's keys, wherever the focus is, while presenting (a dialog on top keeps its keys)."""
        if not self.on or event.type() != QEvent.Type.KeyPress or QApplication.activeModalWidget() is not None:
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        lessons = getattr(self.window, "lessons", None)
        lesson_open = lessons is not None and lessons.player.is_open()
        if key == Qt.Key.Key_Escape:
            self.set_on(False)
        elif lesson_open and key in LESSON_KEYS:
            lessons.next_scene() if key == Qt.Key.Key_PageDown else lessons.previous_scene()
        elif lesson_open and key == Qt.Key.Key_H:
            return lessons.fold_overlay()
        elif key in NEXT_KEYS:
            self.clicker("clicker_next")
        elif key in PREVIOUS_KEYS:
            self.clicker("clicker_previous")
        elif key in PLAY_KEYS:
            self.clicker("clicker_play")
        else:
            return False
        return True

    # ------------------------------------------------------------------ what Next, Back and Play do
    def tab_views(self) -> list:
        w = self.window
        views = [w.training_view, w.network_tab, w.conv_tab]
        return views + [lazy.view for lazy in (w.landscape_tab, w.autoencoder_tab) if lazy.view is not None]

    def visible_tab(self):
        page = self.window.tabs.currentWidget()
        return page.ensure_built() if hasattr(page, "ensure_built") else page

    def clicker(self, name: str) -> None:
        """A clicker key: the visible tab's own `clicker_next/previous/play`, else training's step and play."""
        handler = getattr(self.visible_tab(), name, None)
        if callable(handler):
            handler()
        elif name == "clicker_play":
            self.window.controls.toggle_play()
        elif name == "clicker_next":
            self.window.session.step()

    def _trains(self) -> bool:
        return self.window.tabs.currentWidget() in (self.window.training_view, self.window.network_tab)

    @Slot()
    def on_play_triggered(self) -> None:
        """The toolbar's Play: training on the Training and Network tabs, the tab's own animation elsewhere."""
        self.window.controls.toggle_play() if self._trains() else self.clicker("clicker_play")

    @Slot()
    def on_step_triggered(self) -> None:
        self.window.session.step() if self._trains() else self.clicker("clicker_next")
