"""The teacher's lesson editor: write a lesson from views of the app, in both languages, and save it as one file.

window.py        LessonEditor (the window) and open_editor(window, lesson)
draft.py         the lesson being written, with an undo of list changes (no Qt)
scene_list.py    the scenes, numbered, reordered by buttons or drag and drop
scene_form.py    one scene's fields;  texts.py: a text in English | 中文 with ⚠ on a missing side
hide_checklist.py, goal_chooser.py   what a scene hides, and its challenge with its parameters
lesson_form.py   the lesson's title, summary, identifier and author
checks.py        what keeps a lesson from being saved;  files.py: Open…, Save, Save As…, unsaved work
"""

from gui.lesson.editor.window import LessonEditor, open_editor

__all__ = ["LessonEditor", "open_editor"]
