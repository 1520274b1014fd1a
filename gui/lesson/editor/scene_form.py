"""The fields of one scene: its four texts in both languages, its minutes, its tab, what it hides, its goal."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from core.lesson.model import MAX_MINUTES, MIN_MINUTES, SCENE_TEXTS, Scene
from gui.lesson.editor.goal_chooser import GoalChooser
from gui.lesson.editor.hide_checklist import HideChecklist
from gui.lesson.editor.texts import BilingualText
from gui.lesson.states import tab_title

# The headings of a scene's texts (translated in texts.py, context "LessonFields"), and their heights in lines.
HEADINGS = {
    "title": (QT_TRANSLATE_NOOP("LessonFields", "Title"), 1),
    "explanation": (QT_TRANSLATE_NOOP("LessonFields", "Explanation (plain words for beginners)"), 4),
    "look_at": (QT_TRANSLATE_NOOP("LessonFields", "Look at"), 2),
    "try_this": (QT_TRANSLATE_NOOP("LessonFields", "Try this"), 2),
}


class SceneForm(QWidget):
    """Shows one scene and emits `changed(dict)` with the fields the teacher changed (Scene field -> value)."""

    changed = Signal(object)  # {"title": Text} / {"minutes": 5} / {"hide": (...)} / {"goal": Goal | None}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel()
        self.texts = {name: BilingualText(*HEADINGS[name]) for name in SCENE_TEXTS}
        for name, field in self.texts.items():
            field.edited.connect(lambda text, name=name: self.changed.emit({name: text}))
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.valueChanged.connect(lambda value: self.changed.emit({"minutes": value}))
        self.minutes_label, self.tab_label = QLabel(), QLabel()
        self.minutes_label.setBuddy(self.minutes)
        self.tab_label.setWordWrap(True)
        self.hide_box, self.goal_box = QGroupBox(), QGroupBox()
        self.checklist, self.goal = HideChecklist(), GoalChooser()
        self.checklist.changed.connect(lambda names: self.changed.emit({"hide": names}))
        self.goal.changed.connect(lambda goal: self.changed.emit({"goal": goal}))
        QVBoxLayout(self.hide_box).addWidget(self.checklist)
        QVBoxLayout(self.goal_box).addWidget(self.goal)

        timing = QHBoxLayout()
        timing.addWidget(self.minutes_label)
        timing.addWidget(self.minutes)
        timing.addSpacing(24)
        timing.addWidget(self.tab_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        for field in self.texts.values():
            layout.addWidget(field)
        layout.addLayout(timing)
        layout.addWidget(self.goal_box)
        layout.addWidget(self.hide_box)
        layout.addStretch(1)
        self._tab, self._number, self._count = "network", 0, 0
        self.retranslate()

    def show_scene(self, scene: Scene, number: int, count: int) -> None:
        """Fill every field from `scene` (number `number` of `count`) without emitting `changed`."""
        self._tab, self._number, self._count = scene.tab, number, count
        for name, field in self.texts.items():
            field.set_text(scene.text(name))
        with QSignalBlocker(self.minutes):
            self.minutes.setValue(scene.minutes)
        self.checklist.set_hidden(scene.hide)
        self.goal.set_goal(scene.goal, scene.tab)
        self._show_words()

    def focus_title(self) -> None:
        self.texts["title"].english.setFocus()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.minutes_label.setText(self.tr("Minutes planned:"))
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setToolTip(self.tr("The time this scene is planned to take in class (the lesson list adds "
                                        "them up)"))
        self.hide_box.setTitle(self.tr("Hide"))
        self.goal_box.setTitle(self.tr("Challenge"))
        self._show_words()

    def _show_words(self) -> None:
        self.heading.setText("<h3>{0}</h3>".format(self.tr("Scene {0} of {1}").format(self._number, self._count)))
        self.tab_label.setText(self.tr("Shows the {0} tab, as it was when the scene was added (to change it, set the "
                                       "window up and use “Replace with current view”).").format(tab_title(self._tab)))
