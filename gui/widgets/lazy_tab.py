"""LazyTab: a tab page that builds its real view the first time it is shown.

Some views do real work when they are made (the Landscape tab races seven optimizers,
and torch's optimizers take a second to import the first time). Building them only
when a person opens the tab keeps the window's start-up and every test fast.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._factory = factory
        self.view: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.view is None:
            self.view = self._factory()
            self._layout.addWidget(self.view)
        return self.view

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.ensure_built()
        super().showEvent(event)
