"""TrainingControls: Play, Step, Reset, the speed box and the Device menu of the training session.

Built from a TrainingState, they drive a TrainingSession and follow what it reports (the
Play button says "Pause" while training runs, and "Play" again however it stopped). The
window places them in its toolbar and menus.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QStyle, QWidget

from core.device import cuda_available
from gui.training.session import TrainingSession
from gui.training.state import SPEED_RATES, TrainingState

# The speed box's labels, for state.SPEED_RATES (None: as fast as the machine goes). QT_TRANSLATE_NOOP
# marks them for translation; they are translated where they are shown.
SPEED_LABELS = (
    QT_TRANSLATE_NOOP("TrainingControls", "Max"),
    QT_TRANSLATE_NOOP("TrainingControls", "1000 steps/s"),
    QT_TRANSLATE_NOOP("TrainingControls", "100 steps/s"),
    QT_TRANSLATE_NOOP("TrainingControls", "30 steps/s"),
    QT_TRANSLATE_NOOP("TrainingControls", "10 steps/s"),
    QT_TRANSLATE_NOOP("TrainingControls", "3 steps/s"),
    QT_TRANSLATE_NOOP("TrainingControls", "1 step/s"),
)
SPEEDS = tuple(zip(SPEED_LABELS, SPEED_RATES))
DEVICE_LABELS = (
    ("auto", QT_TRANSLATE_NOOP("TrainingControls", "Automatic (CUDA if available)")),
    ("cpu", QT_TRANSLATE_NOOP("TrainingControls", "CPU")),
    ("cuda", QT_TRANSLATE_NOOP("TrainingControls", "CUDA GPU")),
)


def make_action(parent: QWidget, text: str, slot, shortcut=None, icon=None, tip: str = "") -> QAction:
    """A window-wide action with an optional shortcut, standard icon and tip."""
    action = QAction(text, parent)
    if icon is not None:
        action.setIcon(parent.style().standardIcon(icon))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def _tip(action: QAction, tip: str) -> None:
    action.setToolTip(tip)
    action.setStatusTip(tip)


class TrainingControls(QObject):
    """The actions and the speed box; `window` owns the widgets and shows them."""

    play_requested = Signal()  # the user pressed Play (not Pause): an old warning can go
    device_chosen = Signal(str)  # "auto", "cpu" or "cuda" from the Device menu

    def __init__(self, session: TrainingSession, state: TrainingState, window: QWidget):
        super().__init__(window)
        self.session = session
        self._window = window
        pixmap = QStyle.StandardPixmap
        self.play_action = make_action(window, "", self.toggle_play, Qt.Key.Key_Space, pixmap.SP_MediaPlay)
        self.step_action = make_action(window, "", session.step, Qt.Key.Key_Right, pixmap.SP_MediaSkipForward)
        self.reset_action = make_action(window, "", session.reset, QKeySequence("Ctrl+R"), pixmap.SP_BrowserReload)
        self.device_group = QActionGroup(window)
        self.device_actions: dict[str, QAction] = {}
        for name, label in DEVICE_LABELS:
            action = QAction(window, checkable=True)
            action.setData(name)
            if name == "cuda" and not cuda_available():
                action.setEnabled(False)
            action.setChecked(name == state.device)
            action.triggered.connect(self.on_device_chosen)
            self.device_group.addAction(action)
            self.device_actions[name] = action
        self.speed_combo = QComboBox()
        for label, rate in SPEEDS:
            self.speed_combo.addItem(label, rate)
        self.speed_combo.setCurrentIndex(state.speed_index)
        self.speed_combo.currentIndexChanged.connect(session.set_speed_index)
        session.playing_changed.connect(self.on_playing_changed)
        session.settings_rejected.connect(self.on_settings_rejected)
        self.retranslate()
        window.installEventFilter(self)  # an action gets no LanguageChange of its own: the window's tells us

    def retranslate(self) -> None:
        """Every action's text and tip, the speed box and the Device menu in the current language."""
        playing = self.session.playing
        self.play_action.setText(self.tr("Pause") if playing else self.tr("Play"))
        _tip(self.play_action, self.tr("Pause training (Space)") if playing else self.tr("Train continuously (Space)"))
        self.step_action.setText(self.tr("Step"))
        _tip(self.step_action, self.tr("Do one training step (Right arrow)"))
        self.reset_action.setText(self.tr("Reset"))
        _tip(self.reset_action, self.tr("New weights from the seed; step 0 (Ctrl+R)"))
        for name, label in DEVICE_LABELS:
            action = self.device_actions[name]
            action.setText(self.tr(label))
            if not action.isEnabled():
                action.setToolTip(self.tr("No CUDA GPU was found on this computer."))
        for index, (label, _rate) in enumerate(SPEEDS):
            self.speed_combo.setItemText(index, self.tr(label))
        self.speed_combo.setToolTip(self.tr("Slow training down to watch it step by step."))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is getattr(self, "_window", None) and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    @property
    def actions(self) -> list[QAction]:
        return [self.play_action, self.step_action, self.reset_action]

    @Slot()
    def toggle_play(self) -> None:
        if not self.session.playing:
            self.play_requested.emit()
        self.session.toggle_play()

    @Slot()
    def on_device_chosen(self) -> None:
        action = self.device_group.checkedAction()
        if action is not None:
            self.device_chosen.emit(action.data())

    @Slot(bool)
    def on_playing_changed(self, playing: bool) -> None:
        pixmap = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_action.setIcon(self._window.style().standardIcon(pixmap))
        self.retranslate()

    @Slot(str)
    def on_settings_rejected(self, _sentence: str) -> None:
        """The running settings stayed: so did their device."""
        self.device_actions[self.session.config.device].setChecked(True)
