"""The fields of the lesson itself: its title and summary in both languages, its id and its author."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, QSignalBlocker, QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.lesson.model import MAX_AUTHOR, MAX_ID, is_lesson_id
from gui.lesson.editor.draft import LessonDraft
from gui.lesson.editor.texts import BilingualText

TITLE = QT_TRANSLATE_NOOP("LessonFields", "Lesson title")
SUMMARY = QT_TRANSLATE_NOOP("LessonFields", "Summary (what the class will learn)")


class LessonForm(QWidget):
    """Emits one signal per field the teacher edits; `show_draft` fills the fields without emitting."""

    title_edited = Signal(object)    # Text
    summary_edited = Signal(object)  # Text
    id_edited = Signal(str)
    author_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = BilingualText(TITLE)
        self.summary = BilingualText(SUMMARY, lines=3)
        self.title.edited.connect(self.title_edited)
        self.summary.edited.connect(self.summary_edited)
        self.id_field, self.author = QLineEdit(), QLineEdit()
        self.id_field.setMaxLength(MAX_ID)
        # Lowercase letters, digits and dashes only: typing anything else does nothing (the file's rule).
        self.id_field.setValidator(QRegularExpressionValidator(QRegularExpression("[a-z0-9][a-z0-9-]*"), self))
        self.id_field.textEdited.connect(self._on_id_edited)
        self.author.setMaxLength(MAX_AUTHOR)
        self.author.textEdited.connect(self.author_edited)
        self.id_note, self.totals = QLabel(), QLabel()
        for label in (self.id_note, self.totals):
            label.setWordWrap(True)
        self.id_label, self.author_label = QLabel(), QLabel()
        self.id_label.setBuddy(self.id_field)
        self.author_label.setBuddy(self.author)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.id_label, self.id_field)
        form.addRow("", self.id_note)
        form.addRow(self.author_label, self.author)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.totals)
        layout.addStretch(1)
        self._draft: LessonDraft | None = None
        self.retranslate()

    def show_draft(self, draft: LessonDraft) -> None:
        self._draft = draft
        self.title.set_text(draft.title)
        self.summary.set_text(draft.summary)
        self.show_id(draft)
        with QSignalBlocker(self.author):
            self.author.setText(draft.author)
        self.show_totals(draft)

    def show_id(self, draft: LessonDraft) -> None:
        """The id (it follows the English title until the teacher types one) and whether it is usable."""
        if self.id_field.text() != draft.id:
            with QSignalBlocker(self.id_field):
                self.id_field.setText(draft.id)
        self._draft = draft
        self._show_id_note()

    def show_totals(self, draft: LessonDraft) -> None:
        self._draft = draft
        self._show_totals()

    def _on_id_edited(self, text: str) -> None:
        self.id_edited.emit(text)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.id_label.setText(self.tr("Identifier:"))
        self.author_label.setText(self.tr("Author:"))
        self.id_field.setToolTip(self.tr("How the command line names the lesson (python main.py snapshot --lesson "
                                         "ID): lowercase letters, digits and dashes"))
        self.author.setPlaceholderText(self.tr("Your name or your school"))
        self._show_id_note()
        self._show_totals()

    def _show_id_note(self) -> None:
        draft = self._draft
        if draft is not None and draft.id_chosen:
            note = "" if is_lesson_id(draft.id) else "⚠ " + self.tr("An identifier is 1 to 40 lowercase letters, "
                                                                     "digits and dashes.")
        elif draft is not None and draft.id:
            note = self.tr("Made from the English title until you type one.")
        else:
            note = self.tr("Made from the English title (or, without one, from the file's name when you save); "
                           "or type one.")
        self.id_note.setText(note)
        self.id_note.setVisible(bool(note))

    def _show_totals(self) -> None:
        draft = self._draft
        scenes = len(draft.scenes) if draft is not None else 0
        minutes = sum(scene.minutes for scene in draft.scenes) if draft is not None else 0
        self.totals.setText(self.tr("{0} scenes, about {1} minutes in all.").format(scenes, minutes))
