"""The lesson being written: its fields and its scenes, with an undo of the last list changes.

Plain Python (no Qt), so the editor's widgets stay thin and the rules are easy to test. Scenes are
frozen (core/lesson/model.py), so a change replaces one, and remembering the list before a change
costs one tuple: that is what makes "Undo" cheap.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from core.lesson.model import Lesson, Scene, Text, is_lesson_id, lesson_id_from

UNDO_DEPTH = 30  # list changes remembered
FALLBACK_ID = "untitled-lesson"


@dataclass
class LessonDraft:
    """Everything a lesson file holds, as the teacher edits it; `dirty` says it differs from the file."""

    id: str = ""
    title: Text = Text()
    summary: Text = Text()
    author: str = ""
    scenes: list[Scene] = field(default_factory=list)
    path: str | None = None       # the file it was read from or last saved to
    id_chosen: bool = False       # the teacher typed the id (else it follows the English title)
    dirty: bool = False
    _undo: list[tuple[tuple[Scene, ...], int]] = field(default_factory=list, repr=False)

    @classmethod
    def from_lesson(cls, lesson: Lesson, path: str | None = None) -> "LessonDraft":
        return cls(id=lesson.id, title=lesson.title, summary=lesson.summary, author=lesson.author,
                   scenes=list(lesson.scenes), path=path, id_chosen=True)

    def lesson(self) -> Lesson:
        """The draft as a Lesson; an id that is not usable yet becomes one that is (to try a scene)."""
        return Lesson(id=self.usable_id(), title=self.title, summary=self.summary, author=self.author,
                      scenes=tuple(self.scenes))

    def usable_id(self) -> str:
        if is_lesson_id(self.id):
            return self.id
        return lesson_id_from(self.title.en, FALLBACK_ID)

    # ------------------------------------------------------------------ lesson fields
    def set_title(self, title: Text) -> None:
        if title != self.title:
            self.title, self.dirty = title, True
            if not self.id_chosen:
                self.id = lesson_id_from(title.en, "") if title.en.strip() else ""

    def set_summary(self, summary: Text) -> None:
        if summary != self.summary:
            self.summary, self.dirty = summary, True

    def set_author(self, author: str) -> None:
        if author != self.author:
            self.author, self.dirty = author, True

    def set_id(self, text: str) -> None:
        """The id the teacher typed; clearing it lets it follow the English title again."""
        self.id_chosen = bool(text)
        new = text if text else (lesson_id_from(self.title.en, "") if self.title.en.strip() else "")
        if new != self.id:
            self.id, self.dirty = new, True

    # ------------------------------------------------------------------ one scene's fields (not undone: the
    # text boxes have their own undo)
    def change_scene(self, index: int, **changes) -> None:
        scene = self.scenes[index]
        changed = dataclasses.replace(scene, **changes)
        if changed != scene:
            self.scenes[index], self.dirty = changed, True

    # ------------------------------------------------------------------ the list of scenes (undoable)
    def _remember(self, current: int) -> None:
        self._undo.append((tuple(self.scenes), current))
        del self._undo[:-UNDO_DEPTH]
        self.dirty = True

    def add(self, scene: Scene, after: int) -> int:
        """Insert `scene` after row `after` (-1: at the end); returns its row."""
        self._remember(after)
        row = len(self.scenes) if after < 0 else min(after + 1, len(self.scenes))
        self.scenes.insert(row, scene)
        return row

    def replace(self, index: int, scene: Scene) -> None:
        self._remember(index)
        self.scenes[index] = scene

    def duplicate(self, index: int) -> int:
        return self.add(self.scenes[index], index)

    def delete(self, index: int) -> int:
        """Remove row `index`; returns the row to show next (-1 when none is left)."""
        self._remember(index)
        del self.scenes[index]
        return min(index, len(self.scenes) - 1)

    def move(self, index: int, to: int) -> int:
        """Move row `index` to row `to` (clamped); returns where it went."""
        to = max(0, min(to, len(self.scenes) - 1))
        if to == index:
            return index
        self._remember(index)
        self.scenes.insert(to, self.scenes.pop(index))
        return to

    def reorder(self, order: list[int], current: int) -> None:
        """Put the scenes in `order` (old rows, in their new order: what a drag in the list did)."""
        if sorted(order) != list(range(len(self.scenes))) or order == list(range(len(self.scenes))):
            return
        self._remember(current)
        self.scenes = [self.scenes[row] for row in order]

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> int:
        """Put the list back as it was before its last change; returns the row that was current then."""
        scenes, current = self._undo.pop()
        self.scenes, self.dirty = list(scenes), True
        return min(current, len(self.scenes) - 1)

    def saved(self, path: str) -> None:
        self.path, self.dirty = path, False
