"""The built-in beginner lesson: it reads, it covers what the issue asks in order, and every scene enters cleanly
in a real window (its tab on screen, its states set, exactly its parts hidden, no warning), scene after scene."""

from __future__ import annotations

import pytest
from pytestqt.exceptions import TimeoutError
from PySide6.QtWidgets import QMessageBox

from core.lesson.files import read_lesson
from core.lesson.library import builtin_dir, find_lesson, list_lessons
from core.lesson.model import HIDEABLE
from core.lesson.states import difference
from core.session.parts import TAB_NAMES
from gui.lesson.states import STATE_CLASSES, scene_problem, scene_session

LESSON_FILE = builtin_dir() / "beginner.glassbox-lesson"


@pytest.fixture(scope="module")
def lesson():
    return read_lesson(LESSON_FILE)


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    said: list[str] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *rest: said.append(text))
    return said


# ---------------------------------------------------------------------------------------------- the file itself
def test_the_lesson_is_listed_and_found_by_its_id(lesson):
    entry = next(entry for entry in list_lessons() if entry.id == "beginner")
    assert entry.source == "built-in" and entry.scenes == len(lesson.scenes)
    assert find_lesson("beginner") == lesson


def test_it_is_a_lesson_of_about_45_minutes_in_both_languages(lesson):
    assert 14 <= len(lesson.scenes) <= 20
    assert 40 <= sum(scene.minutes for scene in lesson.scenes) <= 50
    for number, scene in enumerate(lesson.scenes, start=1):
        for name in ("title", "explanation", "look_at", "try_this"):
            text = getattr(scene, name)
            assert text.en.strip() and text.zh_CN.strip(), (number, name)
            assert text.en != text.zh_CN, (number, name)
            assert any("\u4e00" <= character <= "\u9fff" for character in text.zh_CN), (number, name)
        # Short enough for the lesson panel on a 1024×768 projector.
        assert len(scene.explanation.en) <= 450 and len(scene.explanation.zh_CN) <= 280, number
        assert len(scene.title.en) <= 40 and len(scene.title.zh_CN) <= 16, number


def test_the_scenes_cover_the_curriculum_in_order(lesson):
    """The issue's order: neuron, layers, xor, forward pass, loss, descent, minima and plateaus, backpropagation,
    vanishing gradients, convolution, a drawn digit, a colour picture, saliency, the autoencoder."""
    full = [scene_session(scene).tabs for scene in lesson.scenes]  # what each scene shows, defaults included

    def first(predicate) -> int:
        return next(number for number, scene in enumerate(lesson.scenes) if predicate(scene))

    def config(scene) -> dict:
        return full[lesson.scenes.index(scene)].get("training", {}).get("config", {})

    def race(scene) -> dict:
        return full[lesson.scenes.index(scene)].get("landscape", {}).get("race", {})

    def lab(scene) -> dict:
        return full[lesson.scenes.index(scene)].get("convolution", {})

    order = [
        first(lambda s: s.tab == "network" and config(s).get("hidden") == []),  # one neuron
        first(lambda s: len(config(s).get("hidden", ())) >= 2 and s.tabs.get("network", {}).get("phase")),  # layers
        first(lambda s: config(s).get("dataset") == "xor"),
        first(lambda s: s.goal is not None and s.goal.kind == "mlp_test_accuracy"),
        first(lambda s: s.tabs.get("network", {}).get("phase") == "forward" and config(s).get("dataset") == "blobs"),
        first(lambda s: s.tabs.get("network", {}).get("phase") == "loss"),
        first(lambda s: race(s).get("surface") == "bowl"),
        first(lambda s: s.goal is not None and s.goal.kind == "sgd_largest_stable_rate"),
        first(lambda s: s.tab == "landscape" and race(s).get("surface") == "himmelblau"),
        first(lambda s: race(s).get("surface") == "plateau"),
        first(lambda s: s.tabs.get("network", {}).get("phase") == "backward"),
        first(lambda s: config(s).get("activation") == "sigmoid" and len(config(s).get("hidden", ())) >= 8),
        first(lambda s: s.tab == "convolution" and lab(s).get("view") == "playground"),
        first(lambda s: s.tab == "convolution" and lab(s).get("image", {}).get("kind") == "drawing"),
        first(lambda s: s.tab == "convolution" and lab(s).get("model") == "shapes"),
        first(lambda s: s.tab == "convolution" and lab(s).get("view") == "saliency"),
        first(lambda s: s.tab == "autoencoder"),
    ]
    assert order == sorted(order) and len(set(order)) == len(order)
    goals = [scene.goal.kind for scene in lesson.scenes if scene.goal is not None]
    assert 4 <= len(goals) <= 6 and len(set(goals)) == len(goals)


def test_every_scene_sets_only_what_differs_and_every_value_is_valid(lesson):
    for number, scene in enumerate(lesson.scenes, start=1):
        assert scene_problem(scene, number) is None
        assert set(scene.hide) <= set(HIDEABLE)
        for name, full in scene_session(scene).tabs.items():
            default = STATE_CLASSES[name]().to_dict()
            partial = scene.tabs.get(name, {})
            assert difference(partial, default) == partial, (number, name, "sets a default value")
            # The state class keeps every value the scene sets: nothing falls back to a default.
            kept = STATE_CLASSES[name].from_dict(full).to_dict()
            assert difference(kept, default) == difference(full, default), (number, name)


# ---------------------------------------------------------------------------------------------- in the window
def hideable_parts(window) -> dict[str, list]:
    """The widgets each hideable name stands for (the Network tab's editing and the row of tabs are checked apart)."""
    land, auto = window.landscape_tab.ensure_built(), window.autoencoder_tab.ensure_built()
    conv, net = window.conv_tab, window.network_tab
    return {
        "dock": [window.dock], "toolbar": [window.menus.toolbar], "status_bar": [window.statusBar()],
        "network.step_controls": [net.toolbar], "network.boundary": [net.boundary_view],
        "network.gradients": [net.gradient_chart], "convolution.views": [conv.views.tabBar()],
        "convolution.image_controls": [conv.strip, conv.side], "convolution.training": [conv.training],
        "landscape.views": [land.tabs.tabBar()], "landscape.controls": [land.surfaces.controls_area],
        "autoencoder.controls": [auto.controls], "autoencoder.plane": [auto.plane],
    }


def shown_parts(window) -> dict[str, list[bool]]:
    return {name: [not widget.isHidden() for widget in group] for name, group in hideable_parts(window).items()}


def assert_scene_on_screen(window, scene, number: int, shown_before: dict[str, list[bool]]) -> None:
    assert window.tabs.currentIndex() == TAB_NAMES.index(scene.tab), number
    assert set(window.lessons.hider.hidden()) == set(scene.hide), number
    for name, group in hideable_parts(window).items():
        if name in scene.hide:
            assert all(widget.isHidden() for widget in group), (number, name)
        else:  # not hidden by this scene: as the window had it before the lesson
            assert [not widget.isHidden() for widget in group] == shown_before[name], (number, name)
    tabs = window.tabs
    visible = [tabs.isTabVisible(index) for index in range(tabs.count())]
    if "tab_bar" in scene.hide:
        assert visible == [index == TAB_NAMES.index(scene.tab) for index in range(tabs.count())], number
    else:
        assert all(visible), number
    assert window.network_tab.network_view.editable == ("network.editing" not in scene.hide), number


def missing_states(window, scene) -> dict:
    """What the scene sets that its tabs do not show (yet): tab -> the values missing."""
    states = window.sessions.tab_states()
    missing = {}
    for name, partial in scene.tabs.items():
        shown = difference(states[name], STATE_CLASSES[name]().to_dict()) if name in states else {}
        if difference(partial, shown):
            missing[name] = difference(partial, shown)
    return missing


def states_set_up(window, scene) -> bool:
    """Whether every tab the scene sets shows what it sets (the Training tab's settings arrive with the new run)."""
    return not missing_states(window, scene)


def test_every_scene_enters_cleanly_and_scene_1_afterwards_hides_only_its_own(make_window, lesson, warnings, qtbot):
    window = make_window()
    window.resize(1024, 768)
    shown_before = shown_parts(window)
    entered: list[int] = []
    window.lessons.player.scene_entered.connect(entered.append)

    assert window.lessons.open_lesson(lesson, 0)
    for index, scene in enumerate(lesson.scenes):
        if index:
            window.lessons.next_scene()
        assert entered[-1] == index and window.lessons.player.index == index
        try:
            qtbot.waitUntil(lambda scene=scene: states_set_up(window, scene), timeout=10_000)
        except TimeoutError:
            pytest.fail(f"scene {index + 1} does not show its states: {missing_states(window, scene)}")
        assert_scene_on_screen(window, scene, index + 1, shown_before)
        assert warnings == [], (index + 1, warnings)

    window.lessons.player.enter(0)
    assert_scene_on_screen(window, lesson.scenes[0], 1, shown_before)
    window.lessons.close_lesson()
    assert window.lessons.hider.hidden() == ()
    assert shown_parts(window) == shown_before
    assert warnings == []
