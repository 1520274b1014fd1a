"""StepToolbar: the Network tab's step-through controls, their keys (and a clicker's), speed, edges and preset.

The toolbar only holds the controls and words them in the current language; NetworkTab
connects each action to what it does. Presenter mode keeps the stepping controls and hides
the rest (`set_presenting`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QSlider, QToolBar, QWidget

from gui.network.state import EDGE_LIMIT_CHOICES
from gui.style.zoom import ZOOM

ALL_EDGES = 1_000_000  # more than any layer's fan-in: every edge is drawn
KEY_NAMES = {"Right": "→", "Left": "←", "Shift+Right": "Shift+→"}  # in a tooltip: the same in every language


class StepToolbar(QToolBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.playing = False
        self.play_pass_action = self._action("Space")
        self.step_layer_action = self._action("Right", clicker="PgDown")
        self.step_phase_action = self._action("Shift+Right")
        self.back_action = self._action("Left", clicker="PgUp")
        self.next_example_action = self._action("N")
        self.shortcut_actions = [self.play_pass_action, self.step_layer_action, self.step_phase_action,
                                 self.back_action, self.next_example_action]
        self.addActions(self.shortcut_actions)
        self.addSeparator()
        self.speed_title = QLabel()
        self.addWidget(self.speed_title)
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(-10, 10)  # 10^(v/10): 0.1× … 10×
        self.addWidget(self.speed_slider)
        self.speed_label = QLabel("1×")
        self.addWidget(self.speed_label)
        self.addSeparator()
        self.edges_title = QLabel()
        self.advanced_actions = [self.addWidget(self.edges_title)]
        self.edge_limit_combo = QComboBox()
        for k in (None, *EDGE_LIMIT_CHOICES, ALL_EDGES):
            self.edge_limit_combo.addItem("", k)
        self.advanced_actions.append(self.addWidget(self.edge_limit_combo))
        self.advanced_actions.append(self.addSeparator())
        self.preset_action = QAction(self)
        self.addAction(self.preset_action)
        self.advanced_actions.append(self.preset_action)
        self.apply_zoom()
        self.retranslate()

    def _action(self, shortcut: str, clicker: str = "") -> QAction:
        """An action with its key (`clicker`: the key a presentation remote sends); retranslate() words it."""
        action = QAction(self)
        action.setShortcuts([QKeySequence(key) for key in (shortcut, clicker) if key])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.key_name = shortcut
        return action

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Step-through"))
        words = [
            (self.play_pass_action, self._play_text(),
             self.tr("Play this example's pass: forward, loss, backward, update")),
            (self.step_layer_action, self.tr("Step ▸"),
             self.tr("Animate one layer of the pass; a new example when it is done")),
            (self.step_phase_action, self.tr("Phase ▸▸"), self.tr("Animate to the end of the current phase")),
            (self.back_action, self.tr("◂ Back"), self.tr("Back one step")),
            (self.next_example_action, self.tr("Next example"), self.tr("Take the next training example and show its pass")),
        ]
        for action, text, tip in words:
            action.setText(text)
            action.setToolTip("{0} ({1})".format(tip, KEY_NAMES.get(action.key_name, action.key_name)))
        self.speed_title.setText(" " + self.tr("Speed") + " ")
        self.speed_slider.setToolTip(self.tr("Animation speed, 0.1× to 10×"))
        self.edges_title.setText(" " + self.tr("Edges") + " ")
        self.edge_limit_combo.setToolTip(self.tr(
            "How many incoming edges to draw per neuron: its strongest k by |w|. "
            "Auto thins only layers with thousands of edges; All draws every weight."))
        for index in range(self.edge_limit_combo.count()):
            k = self.edge_limit_combo.itemData(index)
            text = self.tr("auto") if k is None else self.tr("all") if k == ALL_EDGES else \
                self.tr("strongest {0}").format(k)
            self.edge_limit_combo.setItemText(index, text)
        self.preset_action.setText(self.tr("Preset: 8 sigmoid layers"))
        self.preset_action.setToolTip(self.tr("Eight hidden sigmoid layers: watch the gradient fade towards the input"))

    def _play_text(self) -> str:
        return self.tr("❚❚ Pause pass") if self.playing else self.tr("▶ Play pass")

    def set_playing(self, playing: bool) -> None:
        self.playing = playing
        self.play_pass_action.setText(self._play_text())

    def apply_zoom(self) -> None:
        self.speed_slider.setFixedWidth(ZOOM.px(120))

    def set_presenting(self, on: bool) -> None:
        """Presenter mode: only the stepping controls and the speed stay."""
        for action in [*self.advanced_actions, self.step_phase_action]:
            action.setVisible(not on)
