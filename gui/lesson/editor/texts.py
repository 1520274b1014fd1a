"""One text of a lesson in both languages, side by side (English | 中文), with a ⚠ on a missing side.

A teacher may teach in one language only, so a missing translation is allowed; the mark says which
side the player will fall back to, so nothing is left empty by accident.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from core.lesson.model import MAX_TEXT, Text

WARNING = "⚠"


class BilingualText(QWidget):
    """A heading over two editors, English on the left and Chinese on the right; emits `edited(Text)`."""

    edited = Signal(object)  # Text

    def __init__(self, heading: str, lines: int = 1, parent: QWidget | None = None):
        """`heading` is the English source of the label (translated here); `lines` > 1 gives text areas."""
        super().__init__(parent)
        self._heading_source, self._lines = heading, lines
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.english, self.chinese = (self._make_editor() for _ in range(2))
        self.english_mark, self.chinese_mark = QLabel(WARNING), QLabel(WARNING)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.addWidget(self.heading, 0, 0, 1, 4)
        for column, (mark, editor) in enumerate(((self.english_mark, self.english), (self.chinese_mark, self.chinese))):
            mark.setAlignment(Qt.AlignmentFlag.AlignTop)
            mark.setAccessibleName(WARNING)
            policy = mark.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the two sides keep their width whichever is marked
            mark.setSizePolicy(policy)
            layout.addWidget(mark, 1, column * 2)
            layout.addWidget(editor, 1, column * 2 + 1)
            layout.setColumnStretch(column * 2 + 1, 1)
        self.retranslate()
        self._show_marks()

    def _make_editor(self):
        if self._lines > 1:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.textChanged.connect(self._on_changed)
            self._fit_height(editor)
        else:
            editor = QLineEdit()
            editor.setMaxLength(MAX_TEXT)
            editor.textEdited.connect(self._on_changed)
        return editor

    def _fit_height(self, editor) -> None:
        """Room for `lines` lines (up to two more), in the font of the moment (View › Zoom changes it)."""
        spacing = QFontMetrics(self.font()).lineSpacing()  # (the editors follow this font)
        editor.setMinimumHeight(spacing * self._lines + 12)
        editor.setMaximumHeight(spacing * (self._lines + 2) + 12)

    # ------------------------------------------------------------------ value
    def text(self) -> Text:
        return Text(_plain(self.english), _plain(self.chinese))

    def set_text(self, text: Text) -> None:
        """Show `text` without emitting `edited` (the form is being filled, not edited)."""
        for editor, value in ((self.english, text.en), (self.chinese, text.zh_CN)):
            if _plain(editor) != value:
                with QSignalBlocker(editor):
                    editor.setPlainText(value) if isinstance(editor, QPlainTextEdit) else editor.setText(value)
        self._show_marks()

    def _on_changed(self, *_args) -> None:
        for editor in (self.english, self.chinese):  # a pasted essay is cut at what a lesson file may hold
            if isinstance(editor, QPlainTextEdit) and len(editor.toPlainText()) > MAX_TEXT:
                with QSignalBlocker(editor):
                    editor.setPlainText(editor.toPlainText()[:MAX_TEXT])
        self._show_marks()
        self.edited.emit(self.text())

    def _show_marks(self) -> None:
        """⚠ beside the side that is empty while the other is written (both empty: nothing to translate)."""
        english, chinese = bool(_plain(self.english).strip()), bool(_plain(self.chinese).strip())
        self.english_mark.setVisible(chinese and not english)
        self.chinese_mark.setVisible(english and not chinese)

    def missing(self) -> tuple[bool, bool]:
        """(English missing, Chinese missing), as the marks show it."""
        return self.english_mark.isVisibleTo(self), self.chinese_mark.isVisibleTo(self)

    # ------------------------------------------------------------------ words
    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange and self._lines > 1:
            for editor in (self.english, self.chinese):
                self._fit_height(editor)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(f"<b>{_translate(self._heading_source)}</b>")
        self.english.setPlaceholderText(self.tr("English"))
        self.chinese.setPlaceholderText(self.tr("Chinese (中文)"))
        self.english.setAccessibleName(self.tr("{0}, in English").format(_translate(self._heading_source)))
        self.chinese.setAccessibleName(self.tr("{0}, in Chinese").format(_translate(self._heading_source)))
        self.english_mark.setToolTip(self.tr("No English yet: the lesson shows the Chinese text to everyone "
                                             "who uses Glassbox in English."))
        self.chinese_mark.setToolTip(self.tr("No Chinese yet: the lesson shows the English text to everyone "
                                             "who uses Glassbox in Chinese."))


def _plain(editor) -> str:
    return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()


def _translate(source: str) -> str:
    """A heading's words: the forms that name the headings mark them with QT_TRANSLATE_NOOP("LessonFields", ...)."""
    return QCoreApplication.translate("LessonFields", source)
