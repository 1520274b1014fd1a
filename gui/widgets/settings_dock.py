"""SettingsDock: the training settings beside the tabs, scrolling down, as wide as its panel at the current zoom."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtWidgets import QDockWidget, QScrollArea, QWidget

from gui.style.zoom import ZOOM


class SettingsDock(QDockWidget):
    def __init__(self, panel: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.panel = panel
        self.setObjectName("settings-dock")
        scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(scroll)
        self.fit_width()
        ZOOM.changed.connect(self.on_zoom_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.toggleViewAction().setToolTip(self.tr("Show or hide the training settings"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(float)
    def on_zoom_changed(self, _factor: float) -> None:
        QTimer.singleShot(0, self.fit_width)  # once the new font has reached the panel's widgets

    @Slot()
    def fit_width(self) -> None:
        if not shiboken6.isValid(self.panel):  # a zoom that arrives while a closed window is taken down
            return
        self.setMinimumWidth(self.panel.sizeHint().width() + 30)
