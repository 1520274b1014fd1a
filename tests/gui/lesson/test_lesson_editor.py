"""The teacher's lesson editor: add views as scenes, write both languages, reorder, hide, set a challenge,
save one file that reads back the same; refuse a lesson with problems; a hostile file changes nothing;
unsaved work is never lost without asking."""

from __future__ import annotations

import copy
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.lesson.files import read_lesson, write_lesson
from core.lesson.model import Goal, Lesson, Scene, Text
from core.session.parts import TAB_NAMES
from gui.lesson.editor import LessonEditor, open_editor
from gui.lesson.states import default_tab_states


class FakeHider:
    def __init__(self):
        self.names: tuple[str, ...] = ()

    def hidden(self) -> tuple[str, ...]:
        return self.names

    def wanted(self, widget):
        return None  # (the real one: whether the owner of a hidden widget wants it shown)


class FakeLessons:
    """The window's lessons: what the player hides now, and the lessons it was asked to open (at which scene)."""

    def __init__(self):
        self.hider, self.opened = FakeHider(), []

    def open_lesson(self, lesson, start=None) -> bool:
        self.opened.append((lesson, start))
        return True


class FakeSessions:
    def __init__(self):
        self.states = default_tab_states()

    def tab_states(self):
        return copy.deepcopy(self.states)


class FakeTabs:
    def __init__(self):
        self.index = TAB_NAMES.index("network")

    def currentIndex(self) -> int:  # noqa: N802 (Qt's name, as the window's QTabWidget has it)
        return self.index


class FakeWindow(QWidget):
    """What the editor reaches in the app's window: its tab states, the tab on screen, the lesson player."""

    def __init__(self):
        super().__init__()
        self.sessions, self.tabs, self.lessons = FakeSessions(), FakeTabs(), FakeLessons()
        self.network_tab = SimpleNamespace(toolbar=QWidget(self), gradient_chart=QWidget(self))

    def show_tab(self, name: str) -> None:
        self.tabs.index = TAB_NAMES.index(name)


@pytest.fixture
def window(qtbot) -> FakeWindow:
    window = FakeWindow()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture(autouse=True)
def installed(monkeypatch, tmp_path) -> Path:
    """The installed lessons' folder, private to the test (Save As offers it, and checks ids against it)."""
    folder = tmp_path / "installed"
    monkeypatch.setenv("GLASSBOX_LESSON_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def never_blocked(monkeypatch):
    """A question nobody answers would hang the test: unless a test answers it, the answer is Discard."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Discard)


@pytest.fixture
def said(monkeypatch) -> list[str]:
    """Every warning the editor shows, instead of a modal box."""
    sentences: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: sentences.append(text))
    return sentences


@pytest.fixture
def editor(window, qtbot) -> LessonEditor:
    editor = open_editor(window, None)
    qtbot.addWidget(editor)
    yield editor
    editor.draft.dirty = False  # qtbot closes it: no question at the end of a test


def type_text(qtbot, field, english: str, chinese: str) -> None:
    """Type into both sides of a BilingualText: keys where QTest can send them (ASCII), else as an input method
    would (QTest has no keys for Chinese)."""
    for editor, words in ((field.english, english), (field.chinese, chinese)):
        editor.setFocus()
        if words.isascii():
            qtbot.keyClicks(editor, words)
        elif hasattr(editor, "insert"):
            editor.insert(words)
        else:
            editor.insertPlainText(words)


def test_a_lesson_written_in_the_editor_saves_and_reads_back_the_same(editor, window, qtbot, tmp_path, said,
                                                                    monkeypatch):
    assert editor.isWindow() and not editor.isModal() and editor.width() <= 1024 and editor.height() <= 768
    window.sessions.states["network"]["show_boundary"] = False
    window.sessions.states["training"]["config"]["dataset"] = "xor"
    window.lessons.hider.names = ("dock",)  # what the player hides now
    editor.add_action.trigger()
    assert editor.draft.scenes[0].tab == "network"
    assert editor.draft.scenes[0].tabs == {"network": {"show_boundary": False}, "training": {"config": {"dataset": "xor"}}}
    assert editor.draft.scenes[0].hide == ("dock",)
    form = editor.scene_form
    type_text(qtbot, form.texts["title"], "One neuron", "一个神经元")
    type_text(qtbot, form.texts["explanation"], "z = w·x + b", "先加权求和")
    form.minutes.setValue(5)

    window.show_tab("landscape")
    window.sessions.states["landscape"]["race"]["surface"] = "bowl"
    window.lessons.hider.names = ()
    editor.add_action.trigger()
    assert editor.scene_list.currentRow() == 1 and editor.draft.scenes[1].tab == "landscape"
    type_text(qtbot, form.texts["title"], "Downhill", "下山")
    form.checklist.boxes["landscape.controls"].setChecked(True)
    chooser = form.goal
    chooser.kind.setCurrentIndex(chooser.kind.findData("race_reach_minimum"))
    chooser.editors["max_steps"].setValue(120)
    chooser.editors["optimizer"].setCurrentIndex(chooser.editors["optimizer"].findData("adam"))
    assert chooser.sentence.text(), "the goal in words, as the class will read it"

    editor.up_action.trigger()  # "Downhill" first now
    assert [scene.title.en for scene in editor.draft.scenes] == ["Downhill", "One neuron"]
    assert editor.scene_list.currentRow() == 0 and editor.scene_list.item(0).text().startswith("1. Downhill")

    editor.pages.setCurrentIndex(1)
    type_text(qtbot, editor.lesson_form.title, "First Steps!", "第一步")
    assert editor.lesson_form.id_field.text() == "first-steps", "the id follows the English title"
    qtbot.keyClicks(editor.lesson_form.author, "Ms. Li")
    assert editor.isWindowModified()

    path = tmp_path / "mine.glassbox-lesson"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(path), ""))
    editor.activateWindow()
    editor.save_action.trigger()  # (Ctrl+S) a new lesson: Save asks for a file
    assert said == [] and path.exists()
    assert not editor.draft.dirty and not editor.isWindowModified()

    lesson = read_lesson(path)
    assert lesson.id == "first-steps" and lesson.title == Text("First Steps!", "第一步") and lesson.author == "Ms. Li"
    downhill, neuron = lesson.scenes
    assert downhill.title == Text("Downhill", "下山") and downhill.tab == "landscape"
    assert downhill.tabs == {"landscape": {"race": {"surface": "bowl"}}, "network": {"show_boundary": False},
                             "training": {"config": {"dataset": "xor"}}}, "every tab's differences, as on screen"
    assert downhill.hide == ("landscape.controls",)
    assert downhill.goal == Goal("race_reach_minimum", {"surface": "bowl", "optimizer": "adam", "max_steps": 120,
                                                        "distance": 0.05})
    assert neuron.title == Text("One neuron", "一个神经元") and neuron.explanation == Text("z = w·x + b", "先加权求和")
    assert neuron.minutes == 5 and neuron.hide == ("dock",) and neuron.goal is None
    assert lesson.scenes == tuple(editor.draft.scenes)


def test_scenes_duplicate_delete_move_and_undo(editor, window):
    for title in ("a", "b", "c"):
        editor.add_action.trigger()
        editor.draft.change_scene(editor.current(), title=Text(title, ""))
    titles = lambda: [scene.title.en for scene in editor.draft.scenes]  # noqa: E731
    editor.scene_list.setCurrentRow(0)
    editor.duplicate_action.trigger()
    assert titles() == ["a", "a", "b", "c"] and editor.current() == 1
    editor.delete_action.trigger()
    assert titles() == ["a", "b", "c"]
    editor.undo_action.trigger()
    assert titles() == ["a", "a", "b", "c"], "Undo brings the deleted scene back"
    editor.scene_list.setCurrentRow(3)
    editor.up_action.trigger()
    assert titles() == ["a", "a", "c", "b"] and editor.current() == 2
    assert editor.down_action.isEnabled()  # (c can still go down)
    window.sessions.states["network"]["layer"] = 2
    editor.replace_action.trigger()
    assert editor.draft.scenes[2].title.en == "c" and editor.draft.scenes[2].tabs == {"network": {"layer": 2}}
    editor.undo_action.trigger()
    assert editor.draft.scenes[2].tabs == {}, "Undo puts the replaced view back"
    editor.undo_action.trigger()
    assert titles() == ["a", "a", "b", "c"]


def test_a_drag_in_the_list_reorders_the_scenes(editor):
    for title in ("a", "b", "c"):
        editor.add_action.trigger()
        editor.draft.change_scene(editor.current(), title=Text(title, ""))
    editor.scene_list.setCurrentRow(0)
    editor.scene_list.reordered.emit([1, 2, 0])  # what dropping "a" below "c" reports
    assert [scene.title.en for scene in editor.draft.scenes] == ["b", "c", "a"]
    assert editor.current() == 2 and editor.scene_form.texts["title"].english.text() == "a"
    editor.undo_action.trigger()
    assert [scene.title.en for scene in editor.draft.scenes] == ["a", "b", "c"]


def test_a_missing_language_is_marked_and_allowed(editor, qtbot, tmp_path, said):
    editor.add_action.trigger()
    title = editor.scene_form.texts["title"]
    type_text(qtbot, title, "Only English", "")
    assert title.missing() == (False, True), "⚠ beside the empty Chinese side"
    assert title.chinese_mark.toolTip()
    type_text(qtbot, editor.lesson_form.title, "", "只有中文")
    assert editor.lesson_form.title.missing() == (True, False)
    path = tmp_path / "one-language.glassbox-lesson"
    assert editor.files.write(str(path)) and said == []
    lesson = read_lesson(path)
    assert lesson.id == "one-language", "a lesson titled only in Chinese takes its id from the file's name"
    assert lesson.scenes[0].title == Text("Only English", "")


@pytest.mark.parametrize("problem, expected", [
    ("no title", "no title"),
    ("no scenes", "no scenes"),
    ("untitled scene", "Scene 2"),
    ("bad state", "Scene 1"),
])
def test_a_lesson_with_a_problem_is_refused_at_save_time(window, qtbot, tmp_path, said, problem, expected):
    good = Scene(title=Text("Fine", "好"), tab="network")
    lesson = Lesson(id="x", title=Text("A lesson", ""), scenes=(good, good))
    if problem == "no title":
        lesson = Lesson(id="x", title=Text("  ", ""), scenes=(good,))
    elif problem == "no scenes":
        lesson = Lesson(id="x", title=Text("A lesson", ""), scenes=())
    elif problem == "untitled scene":
        lesson = lesson.with_scenes((good, Scene(title=Text("", ""), tab="network")))
    elif problem == "bad state":
        lesson = lesson.with_scenes((Scene(title=Text("Bad", ""), tab="network",
                                           tabs={"training": {"config": {"learning_rate": -1}}}),))
    editor = LessonEditor(window, lesson)
    qtbot.addWidget(editor)
    path = tmp_path / "refused.glassbox-lesson"
    assert not editor.files.write(str(path))
    assert len(said) == 1 and expected in said[0] and not path.exists()
    if problem in ("untitled scene", "bad state"):
        row = 1 if problem == "untitled scene" else 0
        assert editor.scene_list.item(row).text().startswith("⚠"), "the list marks the scene to fix"


def test_a_hostile_file_says_one_sentence_and_the_editor_keeps_its_lesson(editor, tmp_path, said, monkeypatch):
    editor.add_action.trigger()
    editor.draft.change_scene(0, title=Text("Mine", ""))
    before = list(editor.draft.scenes)
    hostile = tmp_path / "evil.glassbox-lesson"
    hostile.write_bytes(b'{"format": "glassbox-lesson", "version": 1, "id": "x", "id": "y", "scenes": [NaN]}')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(hostile), ""))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args) or QMessageBox.StandardButton.Cancel)
    editor.open_action.trigger()
    assert len(said) == 1 and "evil.glassbox-lesson" in said[0] and "\n" not in said[0].strip()
    assert asked == [], "nothing to ask: the file never opened"
    assert editor.draft.scenes == before and editor.draft.dirty


def test_opening_a_lesson_file_edits_it_and_saves_back_in_place(editor, tmp_path, said, monkeypatch):
    path = tmp_path / "theirs.glassbox-lesson"
    scene = Scene(title=Text("Theirs", "他们的"), tab="convolution", hide=("convolution.training",),
                  goal=Goal("lab_draw_digit", {"digit": "3", "confidence": 0.8}))
    write_lesson(path, Lesson(id="theirs", title=Text("Their lesson", "他们的课"), scenes=(scene,)))
    assert editor.files.open_path(str(path)) and said == []
    assert editor.scene_form.checklist.hidden() == ("convolution.training",)
    assert editor.scene_form.goal.goal() == Goal("lab_draw_digit", {"digit": "3", "confidence": 0.8})
    assert editor.scene_form.goal.editors["digit"].currentData() == "3"
    editor.scene_form.minutes.setValue(7)
    assert editor.files.save() and said == []
    assert read_lesson(path).scenes[0].minutes == 7


def test_try_this_scene_enters_it_in_the_player(editor, window):
    editor.add_action.trigger()
    window.show_tab("convolution")
    editor.add_action.trigger()
    editor.scene_list.setCurrentRow(1)
    editor.try_action.trigger()
    lesson, start = window.lessons.opened[-1]
    assert [scene.tab for scene in lesson.scenes] == ["network", "convolution"] and start == 1


@pytest.mark.parametrize("answer, closes, saved", [
    (QMessageBox.StandardButton.Cancel, False, False),
    (QMessageBox.StandardButton.Discard, True, False),
    (QMessageBox.StandardButton.Save, True, True),
])
def test_closing_with_unsaved_changes_asks(window, qtbot, tmp_path, monkeypatch, said, answer, closes, saved):
    path = tmp_path / "kept.glassbox-lesson"
    write_lesson(path, Lesson(id="kept", title=Text("Kept", ""), scenes=(Scene(title=Text("One", "")),)))
    editor = LessonEditor(window, read_lesson(path), str(path))  # (it deletes itself once closed)
    editor.show()
    editor.scene_form.minutes.setValue(9)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or answer)
    assert editor.close() is closes
    assert len(asked) == 1 and "not saved" in asked[0]
    assert (read_lesson(path).scenes[0].minutes == 9) is saved
    if not closes:
        assert editor.isVisible() and editor.draft.dirty, "Cancel keeps the editor and its changes"
        editor.draft.dirty = False
        editor.close()


def test_the_app_closing_asks_about_an_unsaved_lesson_first(editor, window, monkeypatch):
    editor.add_action.trigger()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Cancel)
    assert not window.close(), "Cancel keeps the app open, with the lesson"
    assert window.isVisible() and editor.isVisible()


def test_the_id_follows_the_english_title_until_the_teacher_types_one(editor, qtbot):
    form = editor.lesson_form
    qtbot.keyClicks(form.title.english, "Gradient Descent")
    assert form.id_field.text() == "gradient-descent"
    form.id_field.clear()
    qtbot.keyClicks(form.id_field, "GD lesson_2")  # the validator keeps only what an id may hold
    assert editor.draft.id == form.id_field.text() and editor.draft.id_chosen
    assert all(ch in "abcdefghijklmnopqrstuvwxyz0123456789-" for ch in editor.draft.id)
    qtbot.keyClicks(form.title.english, " Again")
    assert editor.draft.id != "gradient-descent-again", "a typed id stays"
    form.id_field.selectAll()
    qtbot.keyClick(form.id_field, Qt.Key.Key_Delete)
    assert editor.draft.id == "gradient-descent-again" and not editor.draft.id_chosen


def test_an_editor_from_a_real_window_captures_its_view(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentWidget(window.landscape_tab)
    editor = open_editor(window, None)
    qtbot.addWidget(editor)
    editor.add_action.trigger()
    assert editor.draft.scenes[0].tab == "landscape"
    editor.scene_form.checklist.boxes["status_bar"].setChecked(True)
    window.tabs.setCurrentWidget(window.network_tab)
    editor.try_action.trigger()  # the player enters the scene: its tab, and what it hides
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.landscape_tab)
    assert window.lessons.player.is_open() and window.lessons.player.index == 0
    assert window.lessons.hider.hidden() == ("status_bar",)
    editor.add_action.trigger()  # a view added while the player hides something hides it too
    assert editor.draft.scenes[1].hide == ("status_bar",) and editor.draft.scenes[1].tab == "landscape"
    editor.draft.dirty = False


def test_the_editor_follows_the_language_and_the_zoom(editor, qtbot):
    from gui import i18n
    from gui.style.zoom import ZOOM

    editor.add_action.trigger()
    explanation = editor.scene_form.texts["explanation"].english
    height = explanation.minimumHeight()
    try:
        i18n.install("zh_CN")
        qtbot.waitUntil(lambda: "网络" in editor.scene_form.tab_label.text())  # the tab's name, as its tab says it
        ZOOM.set_factor(1.5)
        qtbot.waitUntil(lambda: explanation.minimumHeight() > height * 1.3)
    finally:
        i18n.install("en")
        ZOOM.set_factor(1.0)
    qtbot.waitUntil(lambda: "Network" in editor.scene_form.tab_label.text())
    assert editor.scene_list.count() == 1


def test_ctrl_s_saves_in_the_editor(window, qtbot, tmp_path, said):
    path = tmp_path / "keys.glassbox-lesson"
    write_lesson(path, Lesson(id="keys", title=Text("Keys", ""), scenes=(Scene(title=Text("One", "")),)))
    editor = LessonEditor(window, read_lesson(path), str(path))
    qtbot.addWidget(editor)
    editor.show()
    editor.scene_form.minutes.setValue(12)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(editor.scene_list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert read_lesson(path).scenes[0].minutes == 12 and said == [] and not editor.draft.dirty


def test_a_built_in_lesson_is_edited_as_a_copy_of_ones_own(window, qtbot, installed, said, monkeypatch):
    from core.lesson.library import BUILT_IN, find_lesson, list_lessons

    built_in = next(entry for entry in list_lessons() if entry.source == BUILT_IN)
    editor = open_editor(window, find_lesson(built_in.id))  # (it deletes itself once closed)
    assert editor.draft.path is None and editor.draft.id == f"{built_in.id}-copy"
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, *rest: offered.append(start) or (start, ""))
    editor.draft.dirty = True
    editor.save_action.trigger()  # Save asks where, in the installed lessons' folder
    assert said == [] and Path(offered[0]).parent == installed
    assert {entry.id: entry.source for entry in list_lessons()}[f"{built_in.id}-copy"] == "installed"
    assert not editor.draft.dirty

    assert open_editor(window, read_lesson(offered[0])) is editor, "the editor already on it comes forward"
    editor.close()

    again = open_editor(window, read_lesson(offered[0]))  # an installed lesson saves back to its own file
    qtbot.addWidget(again)
    assert again.draft.path == offered[0]
    again.draft.set_id(built_in.id)  # the built-in lesson's own id: the copy would never be listed
    assert not again.files.write(str(installed / "clash.glassbox-lesson"))
    assert len(said) == 1 and built_in.id in said[0] and not (installed / "clash.glassbox-lesson").exists()
    again.draft.dirty = False
