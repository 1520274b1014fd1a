"""What keeps a lesson from being saved, in one sentence that names the scene and says what to fix.

A missing translation is not a problem (a teacher may teach in one language; the editor marks it);
an empty title in both languages, no scenes, a scene whose tab states would not read, or a challenge
whose values are out of range is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.errors import GlassboxError
from core.lesson.model import MAX_SCENES, Scene
from gui.i18n import say
from gui.lesson.editor.draft import LessonDraft


def _tr(text: str) -> str:
    return QCoreApplication.translate("LessonChecks", text)


def lesson_problem(draft: LessonDraft, file: str = "") -> str | None:
    """The first thing to fix before `draft` can be saved (to `file`, named in a goal's sentence), else None."""
    if draft.title.is_empty() or not (draft.title.en.strip() or draft.title.zh_CN.strip()):
        return _tr("The lesson has no title: write one in English or Chinese on the Lesson page.")
    if not draft.scenes:
        return _tr("The lesson has no scenes yet: set the window up as the class should see it and use "
                   "“Add this view as a scene”.")
    if len(draft.scenes) > MAX_SCENES:
        return _tr("A lesson holds at most {0} scenes and this one has {1}: delete some, or split it into two "
                   "lessons.").format(MAX_SCENES, len(draft.scenes))
    for number, scene in enumerate(draft.scenes, start=1):
        problem = scene_check(scene, number, file)
        if problem is not None:
            return problem
    return None


def scene_check(scene: Scene, number: int, file: str = "") -> str | None:
    """The first thing to fix in scene `number` (from 1), else None."""
    if not (scene.title.en.strip() or scene.title.zh_CN.strip()):
        return _tr("Scene {0} has no title: write one in English or Chinese.").format(number)
    from gui.lesson.states import scene_problem

    problem = scene_problem(scene, number)
    if problem is not None:
        return problem
    if scene.goal is not None:
        from core.lesson.goals import check_goal

        try:
            check_goal(scene.goal.kind, dict(scene.goal.params), file, number)
        except GlassboxError as error:
            return say(error)
    return None
