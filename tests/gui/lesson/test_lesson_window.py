"""Lessons in the window: the menu, the clicker keys, the panel and the presenter overlay, files opened and refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog

from core.lesson.files import write_lesson
from core.lesson.model import Goal, Lesson, Scene, Text
from gui.style.zoom import ZOOM


@pytest.fixture(autouse=True)
def back_to_100():
    yield
    ZOOM.set_factor(1.0)


def lesson(lesson_id: str = "keys") -> Lesson:
    return Lesson(id=lesson_id, title=Text("Keys", "按键"), scenes=(
        Scene(title=Text("The pass", "前向传播"), try_this=Text("Press Right.", "按右方向键。"), tab="network",
              hide=("network.gradients",)),
        Scene(title=Text("The curves", "曲线"), tab="training"),
        Scene(title=Text("The pass again", ""), tab="network"),
    ))


def active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def triggered(action) -> list:
    calls = []
    action.triggered.connect(lambda *args: calls.append(True))
    return calls


def test_the_lesson_menu_sits_between_view_and_train(make_window):
    window = make_window()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles.index("&Lesson") == titles.index("&View") + 1 == titles.index("&Train") - 1
    lessons = window.lessons
    assert lessons.open_action.shortcut().toString() == "Ctrl+L"
    assert lessons.next_action.shortcut().toString() == "PgDown" and "Page Down" in lessons.next_action.toolTip()
    assert not lessons.next_action.isEnabled() and not lessons.close_action.isEnabled()  # no lesson yet
    assert window.menus.export_animation_action.shortcut().toString() == "Ctrl+Shift+E"
    assert "Page Down / Page Up" in window.menus.shortcuts_text() and "Ctrl+L" in window.menus.shortcuts_text()


def test_page_down_steps_the_network_tab_without_a_lesson(make_window, qtbot):
    window = active(make_window(), qtbot)
    window.tabs.setCurrentWidget(window.network_tab)
    steps = triggered(window.network_tab.step_layer_action)

    qtbot.keyClick(window.network_tab, Qt.Key.Key_PageDown)

    assert steps == [True]


def test_page_down_moves_scenes_and_right_still_steps_the_pass_with_a_lesson_open(make_window, qtbot):
    window = active(make_window(), qtbot)
    assert window.lessons.open_lesson(lesson(), start=0)
    steps, backs = triggered(window.network_tab.step_layer_action), triggered(window.network_tab.back_action)

    qtbot.keyClick(window.network_tab, Qt.Key.Key_Right)
    assert steps == [True] and window.lessons.player.index == 0

    qtbot.keyClick(window.network_tab, Qt.Key.Key_PageDown)
    assert window.lessons.player.index == 1 and steps == [True]
    assert window.tabs.currentWidget() is window.training_view
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_PageUp)
    assert window.lessons.player.index == 0 and backs == []

    window.lessons.close_lesson()  # the Network tab has its clicker keys back
    qtbot.keyClick(window.network_tab, Qt.Key.Key_PageDown)
    assert steps == [True, True]


def test_the_panel_shows_the_scene_and_follows_the_buttons(make_window, qtbot):
    window = make_window()
    window.resize(1024, 768)
    lessons = window.lessons
    lessons.open_lesson(lesson(), start=0)
    panel = lessons.panel

    assert panel.isVisible() and panel.scene_title.text() == "The pass"
    assert panel.position.text() == "Scene 1 of 3 · 3 min"
    assert panel.try_this.text() == "Press Right." and not panel.previous_button.isEnabled()
    assert min(label.font().pointSizeF() for label in (panel.explanation, panel.try_this, panel.position)) >= 12
    assert panel.scene_title.font().pointSizeF() > panel.explanation.font().pointSizeF()
    panel.next_button.click()
    assert lessons.player.index == 1 and panel.scene_title.text() == "The curves"
    panel.scene_list.activated.emit(2)
    assert lessons.player.index == 2 and not panel.next_button.isEnabled()
    # at 1024 px the tab on screen keeps the room it needs (the panel narrows rather than the tab scrolling),
    # and only the tab on screen counts: the Network tab leaves the panel its full width
    qtbot.waitUntil(lambda: window.tab_scroller.horizontalScrollBar().maximum() == 0 and panel.width() == 300)
    window.tabs.setCurrentWidget(window.conv_tab)  # the lab needs far more room
    qtbot.waitUntil(lambda: window.tab_scroller.horizontalScrollBar().maximum() == 0 and panel.width() < 300)

    panel.close_button.click()
    assert lessons.player.lesson is None and panel.isHidden()


def test_the_goal_status_and_its_celebration_show_in_words(make_window):
    window = make_window()
    lessons = window.lessons
    goal_lesson = Lesson(id="goal", title=Text("Goal", ""), scenes=(
        Scene(title=Text("Challenge", ""), tab="network",
              goal=Goal("mlp_test_loss", {}), minutes=5),))
    lessons.open_lesson(goal_lesson, start=0)
    panel = lessons.panel
    assert panel.goal_box.isVisibleTo(panel) and not panel.met_banner.isVisibleTo(panel)

    lessons._on_goal_status("Test loss 0.35; get it under 0.10.", False)
    assert panel.goal_status.text() == "Test loss 0.35; get it under 0.10."
    lessons._on_goal_status("Test loss 0.08.", True)
    assert panel.met_banner.isVisibleTo(panel) and "✓" in panel.met_banner.text()


def test_presenter_mode_shows_the_lesson_as_an_overlay_that_h_folds(make_window, qtbot):
    window = active(make_window(), qtbot)
    lessons = window.lessons
    lessons.open_lesson(lesson(), start=0)
    window.presenter.set_on(True)

    overlay = lessons.overlay
    assert overlay.isVisible() and lessons.panel.isHidden()
    assert "1 / 3" in overlay.heading.text() and "The pass" in overlay.heading.text()
    assert "Press Right." in overlay.task.text()
    assert overlay.geometry().bottom() <= window.height() and overlay.y() > window.height() // 2
    unfolded = overlay.height()

    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_H)
    assert overlay.folded and overlay.task.isHidden() and overlay.height() < unfolded
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_PageDown)
    assert lessons.player.index == 1 and "2 / 3" in overlay.heading.text()

    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Escape)
    assert not window.presenter.on and overlay.isHidden() and lessons.panel.isVisible()


def test_a_lesson_file_dropped_on_the_window_opens_as_a_lesson(make_window, tmp_path):
    window = make_window()
    path = tmp_path / "keys.glassbox-lesson"
    write_lesson(path, lesson())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)

    window.dropEvent(event)

    assert window.lessons.player.lesson == lesson()


def test_a_hostile_lesson_file_chosen_in_the_dialog_is_one_sentence_and_changes_nothing(make_window, tmp_path,
                                                                                      monkeypatch):
    window = make_window()
    window.tabs.setCurrentWidget(window.conv_tab)
    hostile = tmp_path / "evil.glassbox-lesson"
    hostile.write_text('{"format": "glassbox-lesson", "version": 1, "id": "x", "id": "y", "scenes": [NaN]}')
    said = []
    monkeypatch.setattr(window, "warn", said.append)

    class Chooses(QDialog):
        def __init__(self, *args):
            super().__init__()
            self.chosen_path = str(hostile)

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr("gui.lesson.open_dialog.OpenLessonDialog", Chooses)
    window.lessons.open_dialog()

    assert len(said) == 1 and "\n" not in said[0] and "evil.glassbox-lesson" in said[0]
    assert window.lessons.player.lesson is None and window.lessons.panel.isHidden()
    assert window.tabs.currentWidget() is window.conv_tab


def test_a_scene_with_a_value_its_tab_cannot_show_is_refused_before_anything_changes(make_window, monkeypatch):
    window = make_window()
    window.tabs.setCurrentWidget(window.conv_tab)
    said = []
    monkeypatch.setattr(window, "warn", said.append)
    bad = Lesson(id="bad", title=Text("Bad", ""), scenes=(
        Scene(title=Text("Fine", ""), tab="network", hide=("dock",)),
        Scene(title=Text("Broken", ""), tab="network", tabs={"network": {"speed": "very fast"}})))

    assert not window.lessons.open_lesson(bad)

    assert len(said) == 1 and "Scene 2" in said[0] and "speed" in said[0]
    assert window.lessons.player.lesson is None and window.lessons.hider.hidden() == ()
    assert window.tabs.currentWidget() is window.conv_tab


def test_a_lesson_offers_to_continue_where_it_was_left(make_window, monkeypatch):
    window = make_window()
    lessons = window.lessons
    lessons.open_lesson(lesson(), start=0)
    lessons.next_scene()
    lessons.next_scene()
    lessons.close_lesson()
    asked = []
    monkeypatch.setattr(lessons, "ask_continue", lambda opened, index: asked.append(index) or True)

    lessons.open_lesson(lesson(), ask=True)  # opened by the teacher (Open Lesson…, a dropped file)
    assert asked == [2] and lessons.player.index == 2

    lessons.open_lesson(lesson())  # opened by the program (the editor, the handout): no question, the first scene
    assert asked == [2] and lessons.player.index == 0


def test_the_panel_and_the_overlay_follow_the_language_and_the_zoom(make_window, qtbot):
    from gui import i18n

    window = make_window()
    lessons = window.lessons
    lessons.open_lesson(lesson(), start=0)
    panel, overlay = lessons.panel, lessons.overlay
    size = panel.explanation.font().pointSizeF()
    try:
        i18n.install("zh_CN", terms=False)
        qtbot.waitUntil(lambda: panel.scene_title.text() == "前向传播")  # on the LanguageChange Qt posts
        assert panel.lesson_title.text() == "按键"
        assert panel.scene_list.itemText(1) == "2. 曲线"
        assert panel.try_this.text() == "按右方向键。"
        overlay.set_scene(lesson(), 0)
        assert "前向传播" in overlay.heading.text()
    finally:
        i18n.install("en", terms=False)
    qtbot.waitUntil(lambda: panel.scene_title.text() == "The pass")

    ZOOM.set_factor(1.5)
    assert panel.explanation.font().pointSizeF() == pytest.approx(size * 1.5)
    assert overlay.heading.font().pointSizeF() > panel.scene_title.font().pointSizeF() / 1.5
