"""A scene's challenge: none, or one of the goals the app can check, with an editor for its parameters.

The parameter editor is generated from the goal's description (core/lesson/goals.py GOALS): a spin box
for a number within its range, a check box for a yes/no, a list for a choice among names. Below them,
the goal in a sentence exactly as the class will read it (gui/lesson/goal_words.describe_goal).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from core.lesson.goals import GOALS, GoalSpec
from core.lesson.model import MAX_GOAL_TEXT, Goal
from gui.lesson.goal_words import choice_label, describe_goal, param_label
from gui.lesson.states import tab_title

NO_GOAL = ""


class GoalChooser(QWidget):
    """Emits `changed(Goal | None)` when the teacher picks a goal or changes one of its parameters."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(24)
        self.kind.addItem("", NO_GOAL)
        for kind in GOALS:
            self.kind.addItem("", kind)
        self.kind.currentIndexChanged.connect(self._on_kind_chosen)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel()  # the goal reads another tab than the scene shows
        self.hint.setWordWrap(True)
        self.params_form = QFormLayout()
        self.params_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.editors: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addLayout(self.params_form)
        layout.addWidget(self.sentence)
        layout.addWidget(self.hint)
        self._goal: Goal | None = None
        self._scene_tab = ""
        self.retranslate()

    # ------------------------------------------------------------------ value
    def goal(self) -> Goal | None:
        return self._goal

    def set_goal(self, goal: Goal | None, scene_tab: str = "") -> None:
        """Show `goal` (None: no challenge) of a scene showing `scene_tab`, without emitting `changed`."""
        self._goal, self._scene_tab = goal, scene_tab
        with QSignalBlocker(self.kind):
            index = self.kind.findData(goal.kind if goal is not None else NO_GOAL)
            self.kind.setCurrentIndex(max(index, 0))
        self._build_params()
        self._show_sentence()

    def _on_kind_chosen(self, _index: int) -> None:
        kind = self.kind.currentData()
        self._goal = Goal(kind, dict(GOALS[kind].params)) if kind else None
        self._build_params()
        self._show_sentence()
        self.changed.emit(self._goal)

    def _on_param_changed(self, name: str, value) -> None:
        if self._goal is None:
            return
        self._goal = Goal(self._goal.kind, {**self._goal.params, name: value})
        self._show_sentence()
        self.changed.emit(self._goal)

    # ------------------------------------------------------------------ the parameters' editors
    def _build_params(self) -> None:
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.editors = {}
        if self._goal is None or self._goal.kind not in GOALS:
            return
        spec = GOALS[self._goal.kind]
        for name, default in spec.params.items():
            value = self._goal.params.get(name, default)
            editor = _param_editor(default, value, param_limits(spec, name),
                                   lambda changed, name=name: self._on_param_changed(name, changed))
            editor.setObjectName(name)
            self.editors[name] = editor
            self.params_form.addRow(self.tr("{0}:").format(param_label(name, self._goal.kind)), editor)

    def _show_sentence(self) -> None:
        goal_tab = getattr(GOALS.get(self._goal.kind), "tab", "") if self._goal is not None else ""
        shows = {goal_tab, "network"} if goal_tab == "training" else {goal_tab}  # both show the MLP's numbers
        self.hint.setVisible(bool(goal_tab and self._scene_tab and self._scene_tab not in shows))
        if self.hint.isVisibleTo(self):
            self.hint.setText("⚠ " + self.tr("This challenge reads the {0} tab, and the scene shows the {1} tab: "
                                             "the class will have to switch tabs.")
                              .format(tab_title(goal_tab), tab_title(self._scene_tab)))
        if self._goal is None:
            self.sentence.setText(self.tr("The scene sets no challenge."))
            return
        self.sentence.setText(self.tr("The class reads: {0}").format(describe_goal(self._goal)))

    # ------------------------------------------------------------------ words
    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.kind.setItemText(0, self.tr("No challenge"))
        for index in range(1, self.kind.count()):
            kind = self.kind.itemData(index)
            text = describe_goal(Goal(kind, dict(GOALS[kind].params)))
            self.kind.setItemText(index, text)
            self.kind.setItemData(index, text, Qt.ItemDataRole.ToolTipRole)
        self.kind.setToolTip(self.tr("A goal the app checks live while the class works, and celebrates when met"))
        if self._goal is not None:
            self._build_params()  # the labels and choices in the new language
        self._show_sentence()


def _param_editor(default, value, limits, report) -> QWidget:
    """An editor for one parameter, of the kind its default is; `report(value)` on every change."""
    if isinstance(default, bool):
        editor = QCheckBox()
        editor.setChecked(bool(value))
        editor.toggled.connect(report)
        return editor
    if isinstance(default, str):
        if isinstance(limits, (tuple, list)) and limits and all(isinstance(choice, str) for choice in limits):
            editor = QComboBox()
            for choice in limits:
                editor.addItem(choice_label(choice), choice)
            editor.setCurrentIndex(max(editor.findData(value), 0))
            editor.currentIndexChanged.connect(lambda _index: report(editor.currentData()))
            return editor
        editor = QLineEdit(str(value))
        editor.setMaxLength(MAX_GOAL_TEXT)
        editor.textEdited.connect(report)
        return editor
    low, high = limits if _is_range(limits) else (-1e9, 1e9)
    if isinstance(default, int):
        editor = QSpinBox()
        editor.setRange(int(math.ceil(low)), int(math.floor(high)))
        editor.setValue(int(value))
        editor.valueChanged.connect(report)
        return editor
    editor = QDoubleSpinBox()
    editor.setDecimals(_decimals(low, float(value)))
    editor.setRange(float(low), float(high))
    editor.setSingleStep(_step(float(value) or float(high)))
    editor.setValue(float(value))
    editor.valueChanged.connect(report)
    return editor


def _is_range(limits) -> bool:
    return isinstance(limits, (tuple, list)) and len(limits) == 2 and \
        all(isinstance(end, (int, float)) and not isinstance(end, bool) for end in limits)


def _decimals(low: float, value: float) -> int:
    """Enough decimals for the smallest value the range allows (a learning rate of 0.001 needs 4)."""
    smallest = min(abs(x) for x in (low, value) if x) if any((low, value)) else 1.0
    return max(2, min(6, 1 - math.floor(math.log10(smallest)))) if smallest < 1 else 2


def _step(value: float) -> float:
    return 10.0 ** math.floor(math.log10(abs(value))) / 10 if value else 0.1


def param_limits(spec: GoalSpec, name: str):
    """(low, high) for a number, a tuple of names for a choice, or None."""
    if name in spec.choices:
        return spec.choices[name]
    return spec.ranges.get(name)
