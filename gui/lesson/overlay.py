"""LessonOverlay: the lesson on the projected picture in presenter mode, where the docks are away.

A translucent box along the bottom of the window: "3 / 14", the scene's title, "Try this" and
the challenge's status, in type large enough for the back of the room. H folds it to a single
line (and unfolds it), so it never covers what the class must see.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.lesson.model import Lesson
from gui import i18n
from gui.style import theme
from gui.style.zoom import ZOOM

BOX_STYLE = "QWidget#lesson-overlay { background: rgba(20, 20, 20, 240); border-radius: 8px; }"
TEXT_STYLE = "color: white; background: transparent;"
MET_STYLE = f"color: {theme.BLACK}; background: {theme.YELLOW}; padding: 2px 8px; border-radius: 4px;"
MARGIN = 12


class LessonOverlay(QWidget):
    """A child of the window, kept along its bottom edge; `set_scene` fills it, `toggle_folded` folds it."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("lesson-overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)  # clicks reach the view below
        self.setStyleSheet(BOX_STYLE)
        self.folded = False
        self.lesson: Lesson | None = None
        self.index = -1
        self.goal: tuple[str, bool] = ("", False)  # status sentence, met
        self.heading, self.task, self.status = QLabel(), QLabel(), QLabel()
        for label, points, bold in ((self.heading, theme.TITLE_POINT_SIZE + 3, True),
                                    (self.task, theme.PLOT_LABEL_POINT_SIZE + 3, False),
                                    (self.status, theme.PLOT_LABEL_POINT_SIZE + 1, True)):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setStyleSheet(TEXT_STYLE)
            label.setProperty("points", points)
            label.setProperty("bold", bold)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        for label in (self.heading, self.task, self.status):
            layout.addWidget(label)
        window.installEventFilter(self)  # it follows the window's size
        self._apply_zoom()
        ZOOM.changed.connect(self._apply_zoom)
        self.hide()

    def set_scene(self, lesson: Lesson | None, index: int) -> None:
        self.lesson, self.index = lesson, index
        self.goal = ("", False)
        self.render()

    def set_goal(self, sentence: str, met: bool) -> None:
        self.goal = (sentence, met)
        self.render()

    def toggle_folded(self) -> None:
        self.folded = not self.folded
        self.render()

    def render(self) -> None:
        lesson, index = self.lesson, self.index
        if lesson is None or not 0 <= index < len(lesson.scenes):
            return
        language, scene = i18n.current(), lesson.scenes[index]
        count = len(lesson.scenes)
        title = scene.title.get(language)
        sentence, met = self.goal
        status = self.tr("✓ Goal reached!") if met else sentence
        if self.folded:
            line = "{0} / {1} · {2}".format(index + 1, count, title)
            self.heading.setText(line + (" · " + status if status else "") + " " + self.tr("(H: unfold)"))
            self.task.hide()
            self.status.hide()
        else:
            self.heading.setText("{0} / {1} · {2}".format(index + 1, count, title))
            task = scene.try_this.get(language)
            self.task.setText(self.tr("Try this: {0}").format(task) if task else "")
            self.task.setVisible(bool(task))
            self.status.setText(status)
            self.status.setStyleSheet(MET_STYLE if met else TEXT_STYLE)
            self.status.setVisible(bool(status))
        self.place()

    def place(self) -> None:
        """Along the bottom of the window, its width less the margins, as tall as its text needs."""
        window = self.parentWidget()
        if window is None:
            return
        width = max(200, window.width() - 2 * MARGIN)
        self.setFixedWidth(width)
        height = self.layout().heightForWidth(width) if self.layout().hasHeightForWidth() else self.sizeHint().height()
        height = min(max(height, self.sizeHint().height()), window.height() // 2)
        self.setFixedHeight(height)
        central = window.centralWidget() if hasattr(window, "centralWidget") else None
        bottom = central.geometry().bottom() + 1 if central is not None else window.height()  # above the status bar
        self.move(MARGIN, bottom - height - MARGIN)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.render()
        super().changeEvent(event)

    def _apply_zoom(self, _factor: float = 1.0) -> None:
        if not shiboken6.isValid(self):  # a zoom that arrives while a closed window is taken down
            return
        for label in (self.heading, self.task, self.status):
            font = QFont(label.font())
            font.setPointSizeF(ZOOM.pt(float(label.property("points"))))
            font.setBold(bool(label.property("bold")))
            label.setFont(font)
        if self.isVisible():
            self.place()
