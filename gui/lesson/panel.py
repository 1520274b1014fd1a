"""LessonPanel: the lesson's dock at the right of the window, read from the back of a classroom.

From top to bottom: the lesson's title, "Scene 3 of 14 · 4 min", the scene's title, its
explanation, "Look at:", "Try this:", and the challenge with its live status (a ✓ banner,
"Goal reached!", when met: a glyph and words, never colour alone). Below, always in view:
the scene list, ◀ Previous / Next ▶ and Close. The texts scroll; the panel keeps about 300 px,
so the tab beside it stays usable at 1024×768.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QDockWidget, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from core.lesson.model import Lesson, Scene
from gui import i18n
from gui.style import theme
from gui.style.zoom import ZOOM

PANEL_WIDTH = 300  # at 100%, where the window has the room
WIDE_ENOUGH = 240  # at 100%: narrower than this, the scene's title takes a smaller size
NARROW_WIDTH = 180  # at 100%, the least it takes: a 1024×768 window keeps the rest for the widest tab
MET_STYLE = f"background: {theme.BLACK}; color: {theme.YELLOW}; padding: 6px; border-radius: 4px;"
GOAL_STYLE = "QFrame#lesson-goal { background: #EAF3FA; border-radius: 4px; } QFrame#lesson-goal QLabel { color: black; }"


def _label(point_size: float = theme.BASE_POINT_SIZE, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a lesson file's words are shown as written, never as markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setProperty("points", point_size)
    label.setProperty("bold", bold)
    return label


class LessonPanel(QDockWidget):
    """The player's dock; it asks (signals) and the window's lessons answer, so it can be tested alone."""

    previous_requested = Signal()
    next_requested = Signal()
    scene_chosen = Signal(int)
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesson-dock")
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.lesson: Lesson | None = None
        self.index = -1
        self._goal: tuple[str, str, bool] | None = None  # description, status sentence, met
        self._room = 10_000  # the width the window leaves it (fit)
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)  # Close Lesson closes it
        self.setTitleBarWidget(QWidget())  # the lesson's title is its heading: no title bar to spend height on
        self.lesson_title = _label(theme.BASE_POINT_SIZE, bold=True)
        self.position = _label(theme.BASE_POINT_SIZE)
        self.scene_title = _label(theme.TITLE_POINT_SIZE + 1, bold=True)
        self.explanation = _label()
        self.look_at_title, self.look_at = _label(bold=True), _label()
        self.try_this_title, self.try_this = _label(bold=True), _label()
        self.goal_box = QFrame()
        self.goal_box.setObjectName("lesson-goal")
        self.goal_box.setStyleSheet(GOAL_STYLE)
        self.goal_title, self.goal_text, self.goal_status = _label(bold=True), _label(), _label()
        self.met_banner = _label(theme.TITLE_POINT_SIZE, bold=True)
        self.met_banner.setStyleSheet(MET_STYLE)
        self.met_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        goal = QVBoxLayout(self.goal_box)
        goal.setContentsMargins(8, 6, 8, 6)
        for widget in (self.goal_title, self.goal_text, self.goal_status, self.met_banner):
            goal.addWidget(widget)
        texts = QWidget()
        column = QVBoxLayout(texts)
        for widget in (self.lesson_title, self.position, self.scene_title, self.explanation, self.look_at_title,
                       self.look_at, self.try_this_title, self.try_this, self.goal_box):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(texts)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.scene_list = QComboBox()
        self.scene_list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scene_list.setMinimumContentsLength(12)
        self.scene_list.activated.connect(self.scene_chosen)
        self.previous_button, self.next_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.close_button.clicked.connect(self.close_requested)
        for button in (self.previous_button, self.next_button, self.close_button, self.scene_list):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the window: Page Down, arrows, Space
        steps = QHBoxLayout()
        steps.addWidget(self.previous_button)
        steps.addWidget(self.next_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.scene_list)
        layout.addLayout(steps)
        layout.addWidget(self.close_button)
        self.setWidget(body)
        self._apply_zoom()
        ZOOM.changed.connect(self._on_zoom_changed)
        self.retranslate()

    # ------------------------------------------------------------------ what it shows
    def fit(self, room: int) -> int:
        """Take about PANEL_WIDTH of `room` (pixels), never less than NARROW_WIDTH; returns the width taken."""
        self._room = room
        width = max(ZOOM.px(NARROW_WIDTH), min(ZOOM.px(PANEL_WIDTH), room))
        if width != self.width() or self.minimumWidth() != width:
            self.setFixedWidth(width)
            narrow = width < ZOOM.px(WIDE_ENOUGH)  # a smaller scene title, so the explanation starts higher
            points = theme.PLOT_LABEL_POINT_SIZE if narrow else theme.TITLE_POINT_SIZE + 1
            if self.scene_title.property("points") != points:
                self.scene_title.setProperty("points", points)
                self._apply_fonts()
        return width

    def show_lesson(self, lesson: Lesson | None) -> None:
        self.lesson, self.index = lesson, -1
        self._goal = None
        self._fill_scene_list()
        self._render()

    def show_scene(self, index: int) -> None:
        self.index = index
        self._goal = None
        self.scene_list.setCurrentIndex(index)
        self._render()
        self.scroll.verticalScrollBar().setValue(0)

    def show_goal(self, description: str, sentence: str, met: bool) -> None:
        """The scene's challenge in words, how it stands now, and the banner once it is met."""
        just_met = met and not (self._goal is not None and self._goal[2])
        self._goal = (description, sentence, met)
        self._render_goal()
        if just_met:  # the celebration is seen even when the texts above fill the panel
            QTimer.singleShot(0, self._show_banner)

    @Slot()
    def _show_banner(self) -> None:
        if shiboken6.isValid(self) and self.met_banner.isVisibleTo(self):
            self.scroll.ensureWidgetVisible(self.met_banner)

    def scene(self) -> Scene | None:
        lesson = self.lesson
        return lesson.scenes[self.index] if lesson is not None and 0 <= self.index < len(lesson.scenes) else None

    def _fill_scene_list(self) -> None:
        language = i18n.current()
        self.scene_list.clear()
        for number, scene in enumerate(self.lesson.scenes if self.lesson is not None else (), start=1):
            self.scene_list.addItem(f"{number}. {scene.title.get(language)}")
        if self.index >= 0:
            self.scene_list.setCurrentIndex(self.index)

    def _render(self) -> None:
        language, lesson, scene = i18n.current(), self.lesson, self.scene()
        self.lesson_title.setText(lesson.title.get(language) if lesson is not None else "")
        if scene is None:
            for label in (self.position, self.scene_title, self.explanation, self.look_at, self.try_this):
                label.setText("")
            self._render_goal()
            return
        count = len(lesson.scenes)
        self.position.setText(self.tr("Scene {0} of {1} · {2} min").format(self.index + 1, count, scene.minutes))
        self.scene_title.setText(scene.title.get(language))
        self.explanation.setText(scene.explanation.get(language))
        for title, label, text in ((self.look_at_title, self.look_at, scene.look_at),
                                   (self.try_this_title, self.try_this, scene.try_this)):
            label.setText(text.get(language))
            title.setVisible(not text.is_empty())
            label.setVisible(not text.is_empty())
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < count - 1)
        self._render_goal()

    def _render_goal(self) -> None:
        scene = self.scene()
        shown = scene is not None and scene.goal is not None
        self.goal_box.setVisible(shown)
        if not shown:
            return
        description, sentence, met = self._goal or ("", "", False)
        self.goal_text.setText(description)
        self.goal_status.setText(sentence)
        self.goal_status.setVisible(bool(sentence))
        self.met_banner.setVisible(met)

    # ------------------------------------------------------------------ language and zoom
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lesson"))
        self.look_at_title.setText(self.tr("Look at:"))
        self.try_this_title.setText(self.tr("Try this:"))
        self.goal_title.setText(self.tr("Challenge:"))
        self.met_banner.setText(self.tr("✓ Goal reached!"))
        self.previous_button.setText(self.tr("◀ Previous"))
        self.previous_button.setToolTip(self.tr("The previous scene (Page Up)"))
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("The next scene (Page Down, or a presentation clicker)"))
        self.close_button.setText(self.tr("Close Lesson"))
        self.close_button.setToolTip(self.tr("Close the lesson: every control comes back; the screen stays as it is"))
        self.scene_list.setToolTip(self.tr("Go to any scene of the lesson"))
        self._fill_scene_list()
        self._render()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(float)
    def _on_zoom_changed(self, _factor: float) -> None:
        if shiboken6.isValid(self):  # a zoom that arrives while a closed window is taken down
            self._apply_zoom()

    def _apply_zoom(self) -> None:
        self._apply_fonts()
        self.fit(self._room)

    def _apply_fonts(self) -> None:
        labels = self.findChildren(QLabel)
        for label in labels:
            points = label.property("points")
            if points is None:
                continue
            font = QFont(label.font())
            font.setPointSizeF(ZOOM.pt(float(points)))
            font.setBold(bool(label.property("bold")))
            label.setFont(font)
        for widget in (self.scene_list, self.previous_button, self.next_button, self.close_button):
            font = QFont(widget.font())
            font.setPointSizeF(ZOOM.pt(theme.BASE_POINT_SIZE))
            widget.setFont(font)
