"""OpenLessonDialog: Lesson › Open Lesson…: the built-in and installed lessons, or a lesson file.

Each lesson shows its title in the current language, its scenes and its minutes, and whether it
came with Glassbox or was installed; installed files that could not be read are named below in
a sentence each. Choosing one sets `chosen_path`; "Open a lesson file…" asks for a file instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout, QWidget)

from core.errors import GlassboxError
from core.lesson.library import BUILT_IN, LessonEntry, list_lessons, list_problems
from gui import i18n


def lesson_filter() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("OpenLessonDialog", "Glassbox lessons (*.glassbox-lesson)")


class OpenLessonDialog(QDialog):
    """Lists the lessons; `chosen_path` is the file to open once accepted (an entry's, or one picked by hand)."""

    def __init__(self, parent: QWidget | None = None, folder: str = ""):
        super().__init__(parent)
        self.folder = folder
        self.chosen_path = ""
        self.entries: list[LessonEntry] = list_lessons()
        self.problems = [i18n.say(p) if isinstance(p, GlassboxError) else str(p) for p in list_problems()]
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self.accept_current)
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.file_button = QPushButton()
        self.buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.file_button.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.accept_current)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.list, self.empty, self.problem_label, self.buttons):
            layout.addWidget(widget)
        self.resize(620, 420)
        self.retranslate()
        if self.entries:
            self.list.setCurrentRow(0)
        self._on_row_changed(self.list.currentRow())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open Lesson"))
        self.heading.setText(self.tr("Choose a lesson. Each scene sets up the app; Page Down and Page Up (or a "
                                     "presentation clicker) move between scenes."))
        self.file_button.setText(self.tr("Open a lesson file…"))
        self.file_button.setToolTip(self.tr("A .glassbox-lesson file from a colleague or a USB stick"))
        self.empty.setText(self.tr("No lessons are installed yet: open a lesson file."))
        self.empty.setVisible(not self.entries)
        if self.problems:
            self.problem_label.setText(self.tr("Some installed lessons could not be read:") + "\n"
                                       + "\n".join(self.problems[:5]))
        self.problem_label.setVisible(bool(self.problems))
        language = i18n.current()
        self.list.clear()
        for entry in self.entries:
            source = self.tr("built-in") if entry.source == BUILT_IN else self.tr("installed")
            text = self.tr("{0}\n{1} scenes · about {2} min · {3}").format(
                entry.title.get(language) or entry.id, entry.scenes, entry.minutes, source)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(entry.path))
            item.setToolTip(str(entry.path))
            self.list.addItem(item)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(row >= 0)

    @Slot()
    def accept_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen_path = str(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Lesson File"), self.folder, lesson_filter())
        if path:
            self.chosen_path = path
            self.accept()
