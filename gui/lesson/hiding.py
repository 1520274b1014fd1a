"""Hiding the controls a scene does not need yet, and showing them again afterwards.

Each name of core.lesson.model.HIDEABLE maps to widgets of the window (or, for the Network tab's
editing, to a switch). `Hider.apply(names)` hides exactly those and shows again what it hid
before that is not among them, as its owner last wanted it: while a part is hidden, an owner
that shows it (presenter mode ending, a new run, the window widening) is noted and put back
out of sight, and the part comes back when the scene that hid it is left.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QT_TRANSLATE_NOOP, QTimer, Slot
from PySide6.QtWidgets import QWidget

from core.lesson.model import HIDEABLE

_LABELS = {
    "dock": QT_TRANSLATE_NOOP("LessonHiding", "Settings panel"),
    "toolbar": QT_TRANSLATE_NOOP("LessonHiding", "Toolbar"),
    "tab_bar": QT_TRANSLATE_NOOP("LessonHiding", "Other tabs"),
    "status_bar": QT_TRANSLATE_NOOP("LessonHiding", "Status bar"),
    "network.step_controls": QT_TRANSLATE_NOOP("LessonHiding", "Network: step-through controls"),
    "network.boundary": QT_TRANSLATE_NOOP("LessonHiding", "Network: decision boundary"),
    "network.gradients": QT_TRANSLATE_NOOP("LessonHiding", "Network: gradient sizes"),
    "network.editing": QT_TRANSLATE_NOOP("LessonHiding", "Network: ± buttons and activation menus"),
    "convolution.views": QT_TRANSLATE_NOOP("LessonHiding", "Convolution: choice of view"),
    "convolution.image_controls": QT_TRANSLATE_NOOP("LessonHiding", "Convolution: open, paste, draw and samples"),
    "convolution.training": QT_TRANSLATE_NOOP("LessonHiding", "Convolution: training panel"),
    "landscape.views": QT_TRANSLATE_NOOP("LessonHiding", "Landscape: surfaces or your network"),
    "landscape.controls": QT_TRANSLATE_NOOP("LessonHiding", "Landscape: race settings"),
    "autoencoder.controls": QT_TRANSLATE_NOOP("LessonHiding", "Autoencoder: controls"),
    "autoencoder.plane": QT_TRANSLATE_NOOP("LessonHiding", "Autoencoder: plane of codes"),
}


class _Labels(dict):
    """HIDEABLE_LABELS: each name's label in the language installed when it is read."""

    def __getitem__(self, name: str) -> str:
        return QCoreApplication.translate("LessonHiding", _LABELS[name])

    def get(self, name, default=None):
        return self[name] if name in _LABELS else default

    def values(self):
        return [self[name] for name in _LABELS]

    def items(self):
        return [(name, self[name]) for name in _LABELS]


HIDEABLE_LABELS: dict[str, str] = _Labels({name: _LABELS[name] for name in HIDEABLE})


class Hider(QObject):
    """Hides named parts of `window` (a MainWindow) for a scene; `apply(())` or `clear()` shows them all again."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._hidden: list[str] = []
        self._wanted: dict[QWidget, bool] = {}  # a hidden widget -> whether its owner wants it shown
        self._owner: dict[QWidget, str] = {}  # a hidden widget -> the name that hid it
        self._rehide = QTimer(self)
        self._rehide.setSingleShot(True)
        self._rehide.setInterval(0)
        self._rehide.timeout.connect(self.refresh)

    # ------------------------------------------------------------------ public
    def hidden(self) -> tuple[str, ...]:
        return tuple(self._hidden)

    def is_hidden(self, name: str) -> bool:
        return name in self._hidden

    def wanted(self, widget: QWidget) -> bool | None:
        """Whether `widget`'s owner wants it shown, while a scene hides it; None when no scene hides it."""
        return self._wanted.get(widget) if widget in self._owner else None

    def apply(self, names) -> None:
        """Hide exactly `names` (unknown ones are ignored); everything hidden before and not named comes back."""
        wanted = [name for name in HIDEABLE if name in set(names)]
        for name in [name for name in self._hidden if name not in wanted]:
            self._show(name)
        for name in wanted:
            if name not in self._hidden:
                self._hide(name)
        self.refresh()

    def clear(self) -> None:
        self.apply(())

    @Slot()
    def refresh(self) -> None:
        """Hide again what an owner showed meanwhile (and the tabs other than the one now on screen)."""
        for widget, name in list(self._owner.items()):
            if not widget.isHidden():
                widget.hide()
                self._after_hide(name)
        if "tab_bar" in self._hidden:
            self._show_tabs(only_current=True)
        if "network.editing" in self._hidden:
            self.window.network_tab.network_view.set_editable(False)
        if "dock" in self._hidden:
            self.window.dock.toggleViewAction().setEnabled(False)

    # ------------------------------------------------------------------ what each name hides
    def _widgets(self, name: str) -> list[QWidget]:
        w = self.window
        simple: dict[str, Callable[[], list]] = {
            "dock": lambda: [w.dock],
            "toolbar": lambda: [w.menus.toolbar],
            "status_bar": lambda: [w.statusBar()],
            "network.step_controls": lambda: [w.network_tab.toolbar],
            "network.boundary": lambda: [w.network_tab.boundary_view],
            "network.gradients": lambda: [w.network_tab.gradient_chart],
            "convolution.views": lambda: [w.conv_tab.views.tabBar()],
            "convolution.image_controls": lambda: [w.conv_tab.strip, w.conv_tab.side],
            "convolution.training": lambda: [w.conv_tab.training],
            "landscape.views": lambda: [w.landscape_tab.ensure_built().tabs.tabBar()],
            "landscape.controls": lambda: [w.landscape_tab.ensure_built().surfaces.controls_area],
            "autoencoder.controls": lambda: [w.autoencoder_tab.ensure_built().controls],
            "autoencoder.plane": lambda: [w.autoencoder_tab.ensure_built().plane],
        }
        return simple[name]() if name in simple else []

    def _hide(self, name: str) -> None:
        self._hidden.append(name)
        for widget in self._widgets(name):
            self._wanted[widget] = not widget.isHidden()
            self._owner[widget] = name
            widget.installEventFilter(self)
            widget.hide()
        self._after_hide(name)

    def _after_hide(self, name: str) -> None:
        if name == "landscape.controls":  # the race hides its playback with its settings (for figures): not here
            self.window.landscape_tab.ensure_built().surfaces.playback.show()

    def _show(self, name: str) -> None:
        self._hidden.remove(name)
        w = self.window
        for widget in [widget for widget, owner in self._owner.items() if owner == name]:
            widget.removeEventFilter(self)
            del self._owner[widget]
            wanted = self._wanted.pop(widget, True)
            if widget is w.dock:
                w.dock.toggleViewAction().setEnabled(True)
                if wanted and w.dock_belongs_on_tab() and not w.presenter.on:
                    w.dock.show()
                w.refit_docks()
            elif wanted:
                widget.show()
        if name == "tab_bar":
            self._show_tabs(only_current=False)
        elif name == "network.editing":
            tab = w.network_tab
            tab.network_view.set_editable(tab.state().editable and not tab.presenting)

    def _show_tabs(self, only_current: bool) -> None:
        """Every tab, or only the one on screen. The one on screen is made visible first: QTabWidget moves
        to the first visible tab when another is shown while the current one is hidden."""
        tabs = self.window.tabs
        current = tabs.currentIndex()
        tabs.setTabVisible(current, True)
        for index in range(tabs.count()):
            if index != current:
                tabs.setTabVisible(index, not only_current)
        if tabs.currentIndex() != current:
            tabs.setCurrentIndex(current)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """An owner showed a part this scene hides: remember that it wants it, and hide it again at once."""
        if event.type() == QEvent.Type.Show and watched in self._owner:
            self._wanted[watched] = True
            self._rehide.start()
        return False
