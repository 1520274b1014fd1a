"""WindowLessons (`window.lessons`): the Lesson menu, the player, its panel and overlay, and the clicker keys.

Keys while a lesson is open: Page Down / Page Up (what presentation clickers send) go to the next
or previous scene, everywhere and in presenter mode; the arrows and Space keep stepping and playing
the visible view as before. So the Network tab gives its own Page Down / Page Up (step and back)
to the lesson while one is open, and takes them back when it closes. In presenter mode the lesson
shows as an overlay along the bottom (H folds it); otherwise as a dock at the right.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QSizePolicy

from core.errors import GlassboxError
from core.files import shown_name
from core.lesson.files import LESSON_SUFFIX
from core.lesson.model import Goal, Lesson
from gui import i18n
from gui.lesson.hiding import Hider
from gui.lesson.overlay import LessonOverlay
from gui.lesson.panel import LessonPanel
from gui.lesson.player import LessonPlayer
from gui.lesson.states import scene_problem
from gui.training.controls import make_action
from gui.widgets.saved_values import read_str

LAST_SCENE_KEY = "lessons/last_scene/{0}"  # the scene each lesson was left on, by its id
SEPARATOR = 8  # the dock's splitter handle and margins, in pixels
CLICKER_KEYS = (QKeySequence(Qt.Key.Key_PageDown), QKeySequence(Qt.Key.Key_PageUp))


class _NoGoals(QObject):
    """Stands in for gui.lesson.goal_watch.GoalWatch where it is not available: no goal is ever checked."""

    status_changed = Signal(str, bool)
    goal_met = Signal()

    def watch(self, goal) -> None:
        pass


def _goal_watch(window) -> QObject:
    try:
        from gui.lesson.goal_watch import GoalWatch
    except ImportError:
        return _NoGoals(window)
    return GoalWatch(window)


def describe_goal(goals: QObject, goal: Goal | None) -> str:
    """The challenge in words, in the current language (gui.lesson.goal_words), or "" without one."""
    if goal is None:
        return ""
    try:
        from gui.lesson.goal_words import describe_goal as words
    except ImportError:
        words = getattr(goals, "describe_goal", None)
    return words(goal) if callable(words) else goal.kind


class WindowLessons(QObject):
    """Everything about lessons in `window` (a MainWindow)."""

    def __init__(self, window: QMainWindow, settings: QSettings):
        super().__init__(window)
        self.window, self.settings = window, settings
        self.hider = Hider(window)
        self.goals = _goal_watch(window)
        self.player = LessonPlayer(window, self.hider, self.goals, parent=self)
        self.panel = LessonPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self.overlay = LessonOverlay(window)
        self._taken_keys: dict = {}  # a Network tab action -> its shortcuts before a lesson borrowed the clicker's
        self._policies: dict = {}  # a tab page -> its size policy, while a lesson lets only the tab on screen count
        self._goal_status: tuple[str, bool] = ("", False)
        w = window
        self.open_action = make_action(w, "", self.open_dialog, QKeySequence("Ctrl+L"))
        self.close_action = make_action(w, "", self.close_lesson)
        self.next_action = make_action(w, "", self.next_scene, CLICKER_KEYS[0])
        self.previous_action = make_action(w, "", self.previous_scene, CLICKER_KEYS[1])
        self.edit_action = make_action(w, "", self.edit)
        self.new_action = make_action(w, "", self.new_lesson)
        self.handout_action = make_action(w, "", self.export_handout)
        self.menu = w.menuBar().addMenu("")
        w.menuBar().insertMenu(w.menus.train_menu.menuAction(), self.menu)  # between View and Train
        self.menu.addActions([self.open_action, self.close_action])
        self.menu.addSeparator()
        self.menu.addActions([self.next_action, self.previous_action])
        self.menu.addSeparator()
        self.menu.addActions([self.edit_action, self.new_action])
        self.menu.addSeparator()
        self.menu.addAction(self.handout_action)
        # On the window too, so the keys work while presenter mode hides the menus.
        w.addActions([self.open_action, self.next_action, self.previous_action])
        self.player.lesson_opened.connect(self._on_opened)
        self.player.scene_entered.connect(self._on_scene_entered)
        self.player.lesson_closed.connect(self._on_closed)
        self.panel.next_requested.connect(self.next_scene)
        self.panel.previous_requested.connect(self.previous_scene)
        self.panel.scene_chosen.connect(self.player.enter)
        self.panel.close_requested.connect(self.close_lesson)
        self.goals.status_changed.connect(self._on_goal_status)
        self.goals.goal_met.connect(self._on_goal_met)
        w.presenter.toggled.connect(self._on_presenter_toggled)
        w.tabs.currentChanged.connect(self._fit_pages)
        self._refit = QTimer(self)  # the tab on screen changed its minimum width: the panel takes what is left
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(w.refit_docks)
        w.tabs.installEventFilter(self)
        self._enable()
        self.retranslate()

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        texts = (
            (self.open_action, self.tr("Open Lesson…"), self.tr("Choose a lesson to teach, scene by scene (Ctrl+L)")),
            (self.close_action, self.tr("Close Lesson"), self.tr("Close the lesson: every hidden control comes back")),
            (self.next_action, self.tr("Next Scene"), self.tr("The next scene of the lesson (Page Down, or a clicker)")),
            (self.previous_action, self.tr("Previous Scene"), self.tr("The scene before (Page Up)")),
            (self.edit_action, self.tr("Edit Lesson…"), self.tr("Change this lesson's scenes, texts and goals")),
            (self.new_action, self.tr("New Lesson…"), self.tr("Write a lesson of your own from what the app shows")),
            (self.handout_action, self.tr("Export Handout (PDF)…"),
             self.tr("Print every scene with a picture, its task and room for answers, as a worksheet")),
        )
        for action, text, tip in texts:
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.menu.setTitle(self.tr("&Lesson"))
        scene = self.player.scene
        if scene is not None and scene.goal is not None:
            self.panel.show_goal(describe_goal(self.goals, scene.goal), *self._goal_status)

    # ------------------------------------------------------------------ opening
    @Slot()
    def open_dialog(self) -> None:
        from gui.lesson.open_dialog import OpenLessonDialog

        dialog = OpenLessonDialog(self.window, read_str(self.settings, "files/last_folder", ""))
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_path:
            self.open_path(dialog.chosen_path)

    def open_path(self, path: str) -> bool:
        """Read and check the lesson file at `path`, then open it; a bad file says why and changes nothing."""
        from core.lesson.files import read_lesson

        try:
            lesson = read_lesson(path)
        except (GlassboxError, OSError) as error:
            self.say_problem(i18n.say(error) if isinstance(error, GlassboxError) else
                             self.tr("Could not read {0}: {1}").format(shown_name(path), error.strerror or error))
            return False
        return self.open_lesson(lesson, ask=True)

    def open_lesson(self, lesson: Lesson, start: int | None = None, ask: bool = False) -> bool:
        """Open `lesson` at scene `start` (from 0; None: the first, or with `ask` where the teacher left it, if they
        want to go on there); False, after one sentence and with nothing changed, if a scene cannot be shown."""
        for number, scene in enumerate(lesson.scenes, start=1):
            problem = scene_problem(scene, number)
            if problem is not None:
                self.say_problem(problem)
                return False
        if start is None:
            start = 0
            saved = self._saved_scene(lesson)
            if ask and 0 < saved < len(lesson.scenes) and self.ask_continue(lesson, saved):
                start = saved
        self.player.open(lesson, start)
        return True

    def ask_continue(self, lesson: Lesson, index: int) -> bool:
        """Continue where this lesson was left last time (scene `index`), or start from the beginning?"""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Open Lesson"),
                          self.tr("Last time this lesson stopped at scene {0}, “{1}”. Continue there?").format(
                              index + 1, lesson.scenes[index].title.get(i18n.current())), parent=self.window)
        there = box.addButton(self.tr("Continue at scene {0}").format(index + 1), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("From the beginning"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is there

    def _saved_scene(self, lesson: Lesson) -> int:
        try:
            return int(self.settings.value(LAST_SCENE_KEY.format(lesson.id), 0))
        except (TypeError, ValueError):
            return 0

    def say_problem(self, sentence: str) -> None:
        self.window.warn(sentence)

    # ------------------------------------------------------------------ moving
    @Slot()
    def next_scene(self) -> None:
        if self.player.is_open() and not self.player.next():
            self.window.show_status(self.tr("This is the last scene; Lesson › Close Lesson ends it."))

    @Slot()
    def previous_scene(self) -> None:
        if self.player.is_open() and not self.player.previous():
            self.window.show_status(self.tr("This is the first scene."))

    @Slot()
    def close_lesson(self) -> None:
        self.player.close()

    # ------------------------------------------------------------------ the other lesson tools
    @Slot()
    def edit(self) -> None:
        self._open_editor(self.player.lesson)

    @Slot()
    def new_lesson(self) -> None:
        self._open_editor(None)

    def _open_editor(self, lesson: Lesson | None) -> None:
        try:
            from gui.lesson.editor import open_editor
        except ImportError:
            self.window.show_status(self.tr("The lesson editor is not available in this version."))
            return
        open_editor(self.window, lesson)

    @Slot()
    def export_handout(self) -> None:
        if self.player.lesson is None:
            self.window.show_status(self.tr("Open a lesson first (Lesson › Open Lesson…, Ctrl+L)."))
            return
        try:
            from gui.lesson.handout_dialog import export_handout
        except ImportError:
            self.window.show_status(self.tr("Exporting a handout is not available in this version."))
            return
        export_handout(self.window, self.player.lesson)

    # ------------------------------------------------------------------ files dropped on the window
    def drag_entered(self, event) -> bool:
        if dropped_lesson(event):
            event.acceptProposedAction()
            return True
        return False

    def dropped(self, event) -> bool:
        path = dropped_lesson(event)
        if not path:
            return False
        event.acceptProposedAction()
        self.open_path(path)
        return True

    # ------------------------------------------------------------------ what the player reports
    @Slot(object)
    def _on_opened(self, lesson: Lesson) -> None:
        self.panel.show_lesson(lesson)
        self._lend_clicker_keys(True)
        self._enable()
        self._place()
        self.window.show_status(self.tr("Opened the lesson “{0}”: Page Down for the next scene, Page Up for the one "
                                        "before.").format(lesson.title.get(i18n.current())))

    @Slot(int)
    def _on_scene_entered(self, index: int) -> None:
        lesson = self.player.lesson
        self._goal_status = ("", False)
        self.panel.show_scene(index)
        self.panel.show_goal(describe_goal(self.goals, lesson.scenes[index].goal), "", False)
        self.overlay.set_scene(lesson, index)
        self.settings.setValue(LAST_SCENE_KEY.format(lesson.id), index)
        self._enable()
        self._fit_pages()

    @Slot()
    def _on_closed(self) -> None:
        self.panel.show_lesson(None)
        self._lend_clicker_keys(False)
        self._enable()
        self._fit_pages()
        self._place()
        self.window.show_status(self.tr("Closed the lesson; every control is back."))

    @Slot(str, bool)
    def _on_goal_status(self, sentence: str, met: bool) -> None:
        self._goal_status = (sentence, met)
        scene = self.player.scene
        self.panel.show_goal(describe_goal(self.goals, scene.goal if scene is not None else None), sentence, met)
        self.overlay.set_goal(sentence, met)

    @Slot()
    def _on_goal_met(self) -> None:
        self.window.show_status(self.tr("✓ Goal reached! Well done."))

    @Slot(bool)
    def _on_presenter_toggled(self, _on: bool) -> None:
        self._place()
        self.hider.refresh()  # presenter mode gave back what it had put away: a scene may still hide some of it

    def _place(self) -> None:
        """The panel without presenter mode, the overlay with it; neither without a lesson."""
        open_, presenting = self.player.is_open(), self.window.presenter.on
        self.panel.setVisible(open_ and not presenting)
        self.window.refit_docks()
        self.overlay.setVisible(open_ and presenting)
        if self.overlay.isVisible():
            self.overlay.render()

    def fit_panel(self, room: int) -> int:
        """The window's `_fit_dock`: the panel takes up to about 300 px of the `room` the tabs leave (less on a
        1024×768 projector, never under a readable minimum); the width it takes, 0 while it is not shown."""
        if self.panel.isHidden():
            return 0
        return self.panel.fit(room - SEPARATOR)

    @Slot()
    def _fit_pages(self) -> None:
        """While a lesson is open, only the tab on screen says how wide the tabs must be (the Network tab needs far
        less than the Convolution lab), so on a 1024×768 projector the panel gets the room the other tabs would
        keep; without a lesson every tab counts, as before, and switching tabs never resizes the window."""
        tabs, open_ = self.window.tabs, self.player.is_open()
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if open_ and index != tabs.currentIndex():
                if page not in self._policies:
                    self._policies[page] = page.sizePolicy()
                    page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            elif page in self._policies:
                page.setSizePolicy(self._policies.pop(page))
        self.window.refit_docks()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LayoutRequest and watched is self.window.tabs and self.player.is_open():
            self._refit.start()
        return False

    def _enable(self) -> None:
        open_ = self.player.is_open()
        for action in (self.close_action, self.next_action, self.previous_action, self.edit_action,
                       self.handout_action):
            action.setEnabled(open_)

    def _lend_clicker_keys(self, to_lesson: bool) -> None:
        """While a lesson is open, Page Down / Page Up move scenes: the Network tab's stepping keeps Right and Left."""
        if to_lesson:
            for action in getattr(self.window.network_tab, "shortcut_actions", ()):
                keys = action.shortcuts()
                kept = [key for key in keys if key not in CLICKER_KEYS]
                if len(kept) != len(keys) and action not in self._taken_keys:
                    self._taken_keys[action] = keys
                    action.setShortcuts(kept)
        else:
            for action, keys in self._taken_keys.items():
                action.setShortcuts(keys)
            self._taken_keys.clear()

    def fold_overlay(self) -> bool:
        """H in presenter mode: fold the overlay to one line, or unfold it; False when no overlay is shown."""
        if not self.overlay.isVisible():
            return False
        self.overlay.toggle_folded()
        return True


def dropped_lesson(event) -> str | None:
    """The lesson file a drag carries (one local .glassbox-lesson file), else None."""
    mime = event.mimeData()
    paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
    return paths[0] if len(paths) == 1 and Path(paths[0]).name.lower().endswith(LESSON_SUFFIX) else None
