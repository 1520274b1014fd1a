"""The editor's files: Open…, Save, Save As…, and the question before unsaved work would be lost.

A lesson is written in one go (core/lesson/files.py writes atomically); a file that does not read
says one sentence and leaves the lesson on screen as it was. Save As offers the folder of installed
lessons, so a saved lesson shows up in Lesson › Open Lesson and `python main.py lesson --list`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.errors import GlassboxError
from core.files import shown_name
from core.lesson.model import is_lesson_id, lesson_id_from
from gui.i18n import current, say
from gui.lesson.editor.checks import lesson_problem
from gui.lesson.editor.draft import LessonDraft

SUFFIX = ".glassbox-lesson"


class EditorFiles(QObject):
    """Reads and writes the editor's lesson; `editor` shows the draft (`editor.draft`, `editor.load(draft)`)."""

    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor

    def _filter(self) -> str:
        return self.tr("Glassbox lessons (*{0})").format(SUFFIX)

    # ------------------------------------------------------------------ opening
    def open_dialog(self) -> None:
        folder = self._folder()
        path, _ = QFileDialog.getOpenFileName(self.editor, self.tr("Open Lesson to Edit"), folder, self._filter())
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Read all of `path`, then edit it; a bad file says one sentence and the editor keeps what it had."""
        from core.lesson.files import read_lesson

        try:
            lesson = read_lesson(path)
        except (GlassboxError, OSError) as error:
            QMessageBox.warning(self.editor, self.tr("Open Lesson to Edit"), self._sentence(error, path))
            return False
        if not self.may_discard():
            return False
        self.editor.load(LessonDraft.from_lesson(lesson, str(path)))
        self.editor.show_status(self.tr("Opened {0}.").format(shown_name(path)))
        return True

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        """Save to the lesson's file, or ask for one; True once it is written."""
        draft = self.editor.draft
        if draft.path is None:
            return self.save_as()
        return self.write(draft.path)

    def save_as(self) -> bool:
        draft = self.editor.draft
        problem = lesson_problem(draft)  # before the file dialog: nothing to choose a name for yet
        if problem is not None:
            self._refuse(problem)
            return False
        name = (draft.id if is_lesson_id(draft.id) else lesson_id_from(draft.title.en, "lesson")) + SUFFIX
        start = str(Path(draft.path).with_name(name)) if draft.path else str(Path(self._folder(installed=True)) / name)
        path, _ = QFileDialog.getSaveFileName(self.editor, self.tr("Save Lesson As"), start, self._filter())
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX  # a name the dialog did not ask about: ask here before replacing it
            if Path(path).exists() and QMessageBox.question(
                    self.editor, self.tr("Save Lesson As"),
                    self.tr("{0} already exists. Replace it?").format(shown_name(path))) \
                    != QMessageBox.StandardButton.Yes:
                return False
        return self.write(path)

    def write(self, path: str) -> bool:
        """Check the lesson, then write it to `path` in one go; a problem is one sentence and nothing is written."""
        from core.lesson.files import write_lesson

        draft = self.editor.draft
        if not is_lesson_id(draft.id):  # a lesson titled only in Chinese: its file's name gives the id
            draft.set_id(lesson_id_from(Path(path).name[: -len(SUFFIX)] if path.endswith(SUFFIX) else
                                        Path(path).stem, "lesson"))
            self.editor.show_lesson_fields()
        problem = lesson_problem(draft, shown_name(path)) or self._taken(draft.id, path)
        if problem is not None:
            self._refuse(problem)
            return False
        try:
            write_lesson(path, draft.lesson())
        except (GlassboxError, OSError) as error:
            self._refuse(self.tr("Could not save {0}: {1}").format(shown_name(path), self._sentence(error, path)))
            return False
        draft.saved(str(path))
        self.editor.show_saved()
        self.editor.show_status(self.tr("Saved the lesson to {0}.").format(shown_name(path)))
        return True

    # ------------------------------------------------------------------ unsaved work
    def may_discard(self) -> bool:
        """True when the draft is saved, or the teacher saved it now or chose to discard it."""
        if not self.editor.draft.dirty:
            return True
        answer = QMessageBox.question(
            self.editor, self.tr("Unsaved Lesson"),
            self.tr("The lesson has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _taken(self, lesson_id: str, path: str) -> str | None:
        """A sentence when another lesson already has this id where both would be listed: Open Lesson and
        `lesson --list` would skip this one (a copy of a built-in lesson must take a name of its own)."""
        from core.lesson.library import BUILT_IN, installed_dir, list_lessons

        target = _resolved(path)
        installing = target.parent == _resolved(installed_dir())
        for entry in list_lessons():
            if entry.id == lesson_id and _resolved(entry.path) != target and (entry.source == BUILT_IN or installing):
                return self.tr("The identifier “{0}” is already used by the lesson “{1}” ({2}); give this lesson "
                               "another identifier on the Lesson page.").format(
                    lesson_id, entry.title.get(current()), shown_name(entry.path))
        return None

    # ------------------------------------------------------------------ helpers
    def _refuse(self, sentence: str) -> None:
        QMessageBox.warning(self.editor, self.tr("Save Lesson"), sentence)

    def _sentence(self, error: BaseException, path) -> str:
        if isinstance(error, GlassboxError):
            return say(error)
        return self.tr("Could not read {0}: {1}").format(shown_name(path), getattr(error, "strerror", None) or error)

    def _folder(self, installed: bool = False) -> str:
        """The folder of the lesson being edited, else the installed lessons' (made, so the dialog opens there)."""
        draft = self.editor.draft
        if draft.path and not installed:
            return str(Path(draft.path).parent)
        from core.lesson.library import installed_dir

        folder = installed_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return str(Path.home())
        return str(folder)


def _resolved(path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(path)
