"""LandscapeTab: textbook surfaces with an optimizer race, and the loss landscapes of the user's own networks.

Everything it shows is a LandscapeState (state.py): `state()` reads it, `apply_state()` restores it, and
`state_changed` reports it whenever the user changes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gui.landscape.race_view import LandscapeView
from gui.landscape.slice_panel import NetworkLandscapePanel
from gui.landscape.state import SUB_VIEWS, LandscapeState
from gui.widgets.state_reporter import StateReporter


class LandscapeTab(QWidget):
    """Three sub-tabs: "Textbook surfaces" (LandscapeView), then a NetworkLandscapePanel for "Your network"
    (the MLP of the Training tab) and one for "Your CNN" (the network trained in the Convolution tab).

    Built from a LandscapeState when one is given; `state()` says what it shows now. threaded=False races
    in the calling thread (see LandscapeView). `state_changed` carries the new state after each change the
    user makes (a race playing reports when it stops, not every frame); `apply_state` emits it at most once.
    """

    state_changed = Signal(object)  # LandscapeState, after the user changed what the tab shows

    def __init__(self, parent: QWidget | None = None, state: LandscapeState | None = None, threaded: bool = True):
        super().__init__(parent)
        self._states = StateReporter(self.state, self.state_changed.emit)  # state_changed, once per change
        self.surfaces = LandscapeView(threaded=threaded)
        self.network = NetworkLandscapePanel()
        self.cnn = NetworkLandscapePanel(cnn=True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for view in (self.surfaces, self.network, self.cnn):
            self.tabs.addTab(view, "")
        self.retranslate()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        for view in (self.surfaces, self.network, self.cnn):
            view.changed.connect(self._report_state)
        self.tabs.currentChanged.connect(self._on_sub_view_changed)
        self._states.start()
        if state is not None:
            self.apply_state(state)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Textbook surfaces"))
        self.tabs.setTabText(1, self.tr("Your network"))
        self.tabs.setTabText(2, self.tr("Your CNN"))
        self.tabs.setTabToolTip(0, self.tr("Race optimizers downhill on classic test functions"))
        self.tabs.setTabToolTip(1, self.tr("A slice of the loss of the network you are training, with its path"))
        self.tabs.setTabToolTip(2, self.tr(
            "A slice of the loss of the CNN trained in the Convolution tab, with its path"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ presenter protocol
    def clicker_next(self) -> None:
        """Page Down / Right / Down: one race step (on a slice: nothing to step through)."""
        if self.tabs.currentWidget() is self.surfaces:
            self.surfaces.step()

    def clicker_previous(self) -> None:
        """Page Up / Left / Up: one race step back."""
        if self.tabs.currentWidget() is self.surfaces:
            self.surfaces.back()

    def clicker_play(self) -> None:
        """Space and the toolbar's Play: play or pause the race; on a slice, compute it (if not computing)."""
        view = self.tabs.currentWidget()
        if view is self.surfaces:
            self.surfaces.toggle()
        elif not view.computing:
            view.request_compute()

    def set_presenting(self, on: bool) -> None:
        """Large map and captions, settings column away; playback and the sub-tabs stay."""
        for view in (self.surfaces, self.network, self.cnn):
            view.set_presenting(on)

    def show_network(self) -> None:
        self.tabs.setCurrentWidget(self.network)

    def state(self) -> LandscapeState:
        """Everything the tab shows, for a session file or a lesson."""
        return LandscapeState(view=SUB_VIEWS[self.tabs.currentIndex()], race=self.surfaces.state(),
                              network=self.network.state(), cnn=self.cnn.state())

    def apply_state(self, state: LandscapeState) -> None:
        """Show `state`; `state_changed` follows once, if it differs from the state last reported."""
        with self._states.applying():
            self.surfaces.apply_state(state.race)
            self.network.apply_state(state.network)
            self.cnn.apply_state(state.cnn)
            self.tabs.setCurrentIndex(SUB_VIEWS.index(state.view))

    @Slot(int)
    def _on_sub_view_changed(self, _index: int) -> None:
        self._report_state()

    @Slot()
    def _report_state(self) -> None:
        self._states.report()

    def shutdown(self) -> None:
        """Stop the race thread of "Textbook surfaces" (the window calls this when it closes)."""
        self.surfaces.shutdown()
