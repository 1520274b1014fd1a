"""The teacher's lesson editor: a window of its own beside the app, scenes on the left, fields on the right.

The teacher sets the app up as the class should see it and adds that view as a scene (the tab on screen
and what differs from each tab's defaults, gui/lesson/states.py), writes its texts in both languages,
chooses what to hide and a challenge, reorders, tries a scene in the player, and saves one lesson file.
The editor reaches the app only through `window` at run time: its tab states and the lesson player.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMainWindow, QPushButton, QScrollArea,
                               QSplitter, QTabWidget, QToolBar, QVBoxLayout, QWidget)

from core.lesson.model import Lesson, Scene, lesson_id_from
from gui.i18n import current
from gui.lesson.editor.checks import scene_check
from gui.lesson.editor.draft import LessonDraft
from gui.lesson.editor.files import EditorFiles
from gui.lesson.editor.lesson_form import LessonForm
from gui.lesson.editor.scene_form import SceneForm
from gui.lesson.editor.scene_list import SceneList, scene_row_text
from gui.style.zoom import ZOOM

SIZE = (1000, 720)  # fits a 1024×768 screen with its title bar


class LessonEditor(QMainWindow):
    """Edits one lesson (a new one when `lesson` is None); `path` is the file it came from, if any."""

    def __init__(self, window, lesson: Lesson | None = None, path: str | None = None):
        super().__init__(window)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.app_window = window  # (not `window`: QWidget.window() is Qt's)
        self.draft = LessonDraft.from_lesson(lesson, path) if lesson is not None else LessonDraft()
        self.files = EditorFiles(self)
        self._checked: dict[tuple[int, int], tuple[Scene, str | None]] = {}  # see _problem
        self._actions()
        self.scene_list = SceneList()
        self.scene_list.currentRowChanged.connect(self._on_row_chosen)
        self.scene_list.reordered.connect(self._on_reordered)
        self.scene_form, self.lesson_form = SceneForm(), LessonForm()
        self.scene_form.changed.connect(self._on_scene_edited)
        self.lesson_form.title_edited.connect(self._on_title_edited)
        self.lesson_form.summary_edited.connect(lambda text: self._lesson_edited(self.draft.set_summary, text))
        self.lesson_form.author_edited.connect(lambda text: self._lesson_edited(self.draft.set_author, text))
        self.lesson_form.id_edited.connect(self._on_id_edited)
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.pages = QTabWidget()
        scene_page = QWidget()
        scene_layout = QVBoxLayout(scene_page)
        scene_layout.addWidget(self.empty_note)
        scene_layout.addWidget(self.scene_form)
        for page in (scene_page, self.lesson_form):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            self.pages.addTab(scroll, "")
        splitter = QSplitter()
        splitter.addWidget(self._left_side())
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([ZOOM.px(250), ZOOM.px(750)])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.resize(*SIZE)
        window.installEventFilter(self)  # the app closing asks about unsaved work first (see eventFilter)
        self.retranslate()
        self.load(self.draft)

    # ------------------------------------------------------------------ building
    def _actions(self) -> None:
        def action(slot, shortcut=None) -> QAction:
            made = QAction(self)
            made.triggered.connect(slot)
            if shortcut is not None:
                made.setShortcut(shortcut)
                made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(made)
            return made

        self.open_action = action(self.files.open_dialog, QKeySequence.StandardKey.Open)
        self.save_action = action(self.files.save, QKeySequence.StandardKey.Save)
        self.save_as_action = action(self.files.save_as, QKeySequence.StandardKey.SaveAs)
        self.add_action = action(self.add_current_view, "Ctrl+Shift+A")
        self.replace_action = action(self.replace_with_current_view)
        self.try_action = action(self.try_scene, "F5")
        self.duplicate_action = action(self.duplicate_scene)
        self.delete_action = action(self.delete_scene)
        self.up_action = action(lambda: self.move_scene(-1), "Alt+Up")
        self.down_action = action(lambda: self.move_scene(+1), "Alt+Down")
        self.undo_action = action(self.undo, QKeySequence.StandardKey.Undo)
        self.close_action = action(self.close, QKeySequence.StandardKey.Close)
        # Ctrl+Z in a text box undoes the typing there; the list's undo takes it only elsewhere.
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        toolbar = QToolBar()
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for item in (self.open_action, self.save_action, self.save_as_action, None, self.add_action,
                     self.replace_action, self.try_action):
            toolbar.addSeparator() if item is None else toolbar.addAction(item)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _left_side(self) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list_heading = QLabel()
        layout.addWidget(self.list_heading)
        layout.addWidget(self.scene_list, 1)
        self.list_buttons: dict[QAction, QPushButton] = {}
        for row in ((self.up_action, self.down_action), (self.duplicate_action, self.delete_action),
                    (self.undo_action,)):
            line = QHBoxLayout()
            for action in row:
                button = QPushButton()
                button.clicked.connect(action.trigger)
                self.list_buttons[action] = button
                line.addWidget(button)
            layout.addLayout(line)
        self.scene_list.addActions([self.up_action, self.down_action, self.undo_action])
        return side

    # ------------------------------------------------------------------ showing the draft
    def load(self, draft: LessonDraft) -> None:
        """Edit `draft` from now on (a file just opened, or the one this editor started with)."""
        self.draft = draft
        self.lesson_form.show_draft(draft)
        self._fill_list(0 if draft.scenes else -1)
        self.show_saved()

    def current(self) -> int:
        return self.scene_list.currentRow() if self.draft.scenes else -1

    def _fill_list(self, current: int) -> None:
        live = {id(scene) for scene in self.draft.scenes}
        self._checked = {key: known for key, known in self._checked.items() if key[0] in live}
        self.scene_list.fill([self._row_words(row) for row in range(len(self.draft.scenes))], current)
        self._show_scene(self.scene_list.currentRow())

    def _row_words(self, row: int) -> tuple[str, str]:
        scene = self.draft.scenes[row]
        problem = self._problem(scene, row + 1)
        text = scene_row_text(row + 1, scene, current(), self.tr("(no title yet)"), problem is not None)
        tip = problem or self.tr("{0} minutes").format(scene.minutes)
        return text, tip

    def _problem(self, scene: Scene, number: int) -> str | None:
        """scene_check, remembered per scene and number (a scene is frozen; reading its states takes ~1.5 ms,
        which a list of 60 scenes refilled at every move would feel)."""
        key = (id(scene), number)
        known = self._checked.get(key)
        if known is None or known[0] is not scene:
            known = self._checked[key] = (scene, scene_check(scene, number))
        return known[1]

    def _show_scene(self, row: int) -> None:
        has_scene = 0 <= row < len(self.draft.scenes)
        self.scene_form.setVisible(has_scene)
        self.empty_note.setVisible(not has_scene)
        if has_scene:
            self.scene_form.show_scene(self.draft.scenes[row], row + 1, len(self.draft.scenes))
        self._enable()

    def _enable(self) -> None:
        row, count = self.current(), len(self.draft.scenes)
        for action in (self.replace_action, self.try_action, self.duplicate_action, self.delete_action):
            action.setEnabled(row >= 0)
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < count - 1)
        self.undo_action.setEnabled(self.draft.can_undo())
        for action, button in self.list_buttons.items():
            button.setEnabled(action.isEnabled())
        self.lesson_form.show_totals(self.draft)
        self.setWindowModified(self.draft.dirty)

    def show_saved(self) -> None:
        self._show_title()
        self._enable()

    def show_lesson_fields(self) -> None:
        self.lesson_form.show_draft(self.draft)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _show_title(self) -> None:
        title = self.draft.title.get(current()).strip() or self.tr("New lesson")
        self.setWindowTitle(self.tr("Lesson Editor — {0}[*]").format(title))

    # ------------------------------------------------------------------ edits
    def _on_row_chosen(self, row: int) -> None:
        self._show_scene(row)

    def _on_scene_edited(self, changes: dict) -> None:
        row = self.current()
        if row < 0:
            return
        self.draft.change_scene(row, **changes)
        self.scene_list.set_row(row, *self._row_words(row))
        self._enable()

    def _on_title_edited(self, text) -> None:
        self._lesson_edited(self.draft.set_title, text)
        self.lesson_form.show_id(self.draft)
        self._show_title()

    def _on_id_edited(self, text: str) -> None:
        self.draft.set_id(text)
        self.lesson_form.show_id(self.draft)
        self._enable()

    def _lesson_edited(self, setter, value) -> None:
        setter(value)
        self._enable()

    def _list_changed(self, current: int) -> None:
        self._fill_list(current)
        self.scene_list.setFocus()

    def captured_scene(self) -> Scene:
        """The app as it is now: the tab on screen, every tab's differences from its defaults, what is hidden."""
        from gui.lesson.states import capture_scene_states

        tab, states = capture_scene_states(self.app_window)
        lessons = getattr(self.app_window, "lessons", None)
        hider = getattr(lessons, "hider", None)
        hidden = tuple(hider.hidden()) if hider is not None else ()
        return Scene(tab=tab, tabs=states, hide=hidden)

    def add_current_view(self) -> None:
        row = self.draft.add(self.captured_scene(), self.current())
        self._list_changed(row)
        self.pages.setCurrentIndex(0)
        self.scene_form.focus_title()
        self.show_status(self.tr("Added scene {0}: give it a title and the words for the class.").format(row + 1))

    def replace_with_current_view(self) -> None:
        """The scene's tab and states become the app's now; its texts, what it hides and its challenge stay."""
        row = self.current()
        if row < 0:
            return
        captured = self.captured_scene()
        old = self.draft.scenes[row]
        self.draft.replace(row, Scene(old.title, old.explanation, old.look_at, old.try_this, captured.tab,
                                      captured.tabs, old.hide, old.goal, old.minutes))
        self._list_changed(row)
        self.show_status(self.tr("Scene {0} now shows the current view.").format(row + 1))

    def duplicate_scene(self) -> None:
        if self.current() >= 0:
            self._list_changed(self.draft.duplicate(self.current()))

    def delete_scene(self) -> None:
        if self.current() >= 0:
            self._list_changed(self.draft.delete(self.current()))
            self.show_status(self.tr("Deleted the scene (Undo brings it back)."))

    def move_scene(self, step: int) -> None:
        if self.current() >= 0:
            self._list_changed(self.draft.move(self.current(), self.current() + step))

    def _on_reordered(self, order: list) -> None:
        moved = next((new for new, old in enumerate(order) if old == self.current()), self.current())
        self.draft.reorder(order, self.current())
        self._fill_list(moved if 0 <= moved < len(self.draft.scenes) else 0)

    def undo(self) -> None:
        if self.draft.can_undo():
            self._list_changed(self.draft.undo())

    def try_scene(self) -> None:
        """The lesson player enters the scene on screen in the app, as the class will see it."""
        row = self.current()
        lessons = getattr(self.app_window, "lessons", None)
        if row < 0 or lessons is None:
            return
        if lessons.open_lesson(self.draft.lesson(), row) is False:
            return  # (the window said which scene cannot be shown)
        self.app_window.raise_()
        self.app_window.activateWindow()

    # ------------------------------------------------------------------ closing and words
    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.files.may_discard():
            event.accept()
        else:
            event.ignore()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """The app's window closing takes this editor with it: unsaved work asks Save / Discard / Cancel first,
        and Cancel keeps both open."""
        if watched is self.app_window and event.type() == QEvent.Type.Close and self.isVisible() \
                and not self.files.may_discard():
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        words = {
            self.open_action: (self.tr("Open…"), self.tr("Edit a lesson file")),
            self.save_action: (self.tr("Save"), self.tr("Save the lesson (Ctrl+S)")),
            self.save_as_action: (self.tr("Save As…"), self.tr("Save the lesson in a new file")),
            self.add_action: (self.tr("Add this view as a scene"),
                              self.tr("A new scene after this one, showing the app exactly as it is now")),
            self.replace_action: (self.tr("Replace with current view"),
                                  self.tr("This scene shows the app as it is now; its words, what it hides and its "
                                          "challenge stay")),
            self.try_action: (self.tr("Try this scene"), self.tr("Show this scene in the app as the class will "
                                                                 "see it (F5)")),
            self.duplicate_action: (self.tr("Duplicate"), self.tr("A copy of this scene right after it")),
            self.delete_action: (self.tr("Delete"), self.tr("Remove this scene (Undo brings it back)")),
            self.up_action: (self.tr("Move up"), self.tr("Earlier in the lesson (Alt+Up); or drag it in the list")),
            self.down_action: (self.tr("Move down"), self.tr("Later in the lesson (Alt+Down); or drag it in the "
                                                             "list")),
            self.undo_action: (self.tr("Undo"), self.tr("Undo the last change to the list: add, delete, move, "
                                                        "replace")),
            self.close_action: (self.tr("Close"), ""),
        }
        for action, (text, tip) in words.items():
            action.setText(text)
            action.setToolTip(tip)
            if action in getattr(self, "list_buttons", {}):
                self.list_buttons[action].setText(text)
                self.list_buttons[action].setToolTip(tip)
        self.list_heading.setText("<b>{0}</b>".format(self.tr("Scenes")))
        self.pages.setTabText(0, self.tr("Scene"))
        self.pages.setTabText(1, self.tr("Lesson"))
        self.empty_note.setText(self.tr("No scenes yet. Set the app up as the class should first see it (the tab, "
                                        "the network, the settings), then click “Add this view as a scene”."))
        self._checked = {}  # the sentences in the new language
        if self.draft.scenes:
            self._fill_list(max(self.current(), 0))
        self._show_title()


def open_editor(window, lesson: Lesson | None = None, path: str | None = None) -> LessonEditor:
    """Show the lesson editor beside `window` (a new lesson when `lesson` is None): it does not block the app.

    An editor already open on the same lesson (or on a new one) is brought forward instead of a second one.
    """
    for editor in window.findChildren(LessonEditor):
        same = editor.draft.id == lesson.id if lesson is not None else editor.draft.path is None
        if same and editor.isVisible() and (lesson is None or path is None or editor.draft.path == path):
            editor.raise_()
            editor.activateWindow()
            return editor
    built_in = False
    if lesson is not None and path is None:
        path, built_in = _where_from(lesson)
    editor = LessonEditor(window, lesson, path)
    if built_in:  # saved as it is, an installed copy would be skipped for its id: it takes one of its own
        editor.draft.id = lesson_id_from(f"{lesson.id}-copy", "my-lesson")
        editor.show_lesson_fields()
        editor.show_status(QCoreApplication.translate(
            "LessonEditor", "This is a copy of a built-in lesson: save it as a lesson of your own."))
    editor.show()
    editor.raise_()
    return editor


def _where_from(lesson: Lesson) -> tuple[str | None, bool]:
    """(the installed file holding exactly `lesson`, or None; whether it is a built-in lesson), by its id: Save
    then writes back to the teacher's own file, and never over a lesson that came with Glassbox."""
    from core.errors import GlassboxError
    from core.lesson.files import read_lesson
    from core.lesson.library import BUILT_IN, list_lessons

    for entry in list_lessons():
        if entry.id == lesson.id:
            if entry.source == BUILT_IN:
                return None, True
            try:
                return (str(entry.path) if read_lesson(entry.path) == lesson else None), False
            except (GlassboxError, OSError):
                return None, False
    return None, False
