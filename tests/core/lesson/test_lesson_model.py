"""The lesson's plain data: texts in two languages, scenes, lessons, and the names a scene may use."""

from __future__ import annotations

import dataclasses

import pytest

from core.lesson.model import (GOAL_KINDS, HIDEABLE, SCENE_TEXTS, TAB_NAMES, Goal, Lesson, Scene, Text, is_lesson_id,
                               lesson_id_from)


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """Lessons run no torch: override tests/core/conftest.py's fixture, which imports torch and resets its
    thread pool around every test (half a second each on a busy machine)."""
    yield


def test_a_text_gives_the_language_asked_for_and_falls_back_to_the_other():
    both = Text("Neuron", "神经元")
    assert both.get("zh_CN") == "神经元"
    assert both.get("en") == "Neuron"
    assert both.get("de") == "Neuron"  # anything but Chinese is English
    assert Text("Neuron", "").get("zh_CN") == "Neuron"
    assert Text("", "神经元").get("en") == "神经元"
    assert Text.empty().get("zh_CN") == "" and Text.empty().is_empty()
    assert not both.is_empty()


def test_a_text_changes_one_language_at_a_time():
    text = Text("Loss", "")
    assert text.with_language("zh_CN", "损失") == Text("Loss", "损失")
    assert text.with_language("en", "Gap") == Text("Gap", "")
    assert text == Text("Loss", "")  # frozen: the original is unchanged
    with pytest.raises(dataclasses.FrozenInstanceError):
        text.en = "x"


def test_a_scene_has_sensible_defaults_and_keeps_what_json_would_keep():
    scene = Scene(title=Text("One neuron", "一个神经元"), hide=["dock", "toolbar"],
                  tabs={"network": {"hidden": (2, 2), "inner": {"pair": (1, 2)}}})
    assert scene.hide == ("dock", "toolbar")
    assert scene.tabs == {"network": {"hidden": [2, 2], "inner": {"pair": [1, 2]}}}
    assert scene.tab in TAB_NAMES and 1 <= scene.minutes <= 30 and scene.goal is None
    assert scene.explanation == Text.empty()


def test_a_scene_replaces_its_texts_and_names_them():
    scene = Scene(title=Text("A", "甲"))
    changed = scene.with_texts(try_this=Text("Press Step", "按“单步”"), title=Text("B", "乙"))
    assert changed.title == Text("B", "乙") and changed.try_this.zh_CN == "按“单步”"
    assert scene.title == Text("A", "甲")
    assert [changed.text(name) for name in SCENE_TEXTS] == [changed.title, changed.explanation, changed.look_at,
                                                            changed.try_this]
    with pytest.raises(TypeError):
        scene.with_texts(tab=Text("x", "y"))
    with pytest.raises(KeyError):
        scene.text("tab")
    assert dataclasses.replace(scene, minutes=7).minutes == 7


def test_a_lesson_adds_up_its_minutes_and_replaces_its_scenes():
    scenes = [Scene(title=Text("A", ""), minutes=5), Scene(title=Text("B", ""), minutes=12)]
    lesson = Lesson(id="demo", title=Text("Demo", "演示"), scenes=scenes)
    assert lesson.scenes == tuple(scenes)
    assert lesson.total_minutes == 17
    shorter = lesson.with_scenes(reversed(scenes[:1]))
    assert shorter.scenes == (scenes[0],) and shorter.total_minutes == 5
    assert lesson.total_minutes == 17
    assert Lesson(id="empty").total_minutes == 0


def test_a_goal_holds_its_kind_and_parameters():
    goal = Goal("mlp_test_loss", {"loss": 0.1})
    assert goal == Goal("mlp_test_loss", {"loss": 0.1}) and goal != Goal("mlp_test_loss", {"loss": 0.2})
    assert Goal("lab_most_confused").params == {}


def test_the_names_a_scene_may_use_are_the_agreed_ones():
    assert len(HIDEABLE) == 15 and len(set(HIDEABLE)) == 15
    assert {"dock", "toolbar", "tab_bar", "status_bar", "network.boundary", "autoencoder.plane"} <= set(HIDEABLE)
    assert len(GOAL_KINDS) == 9 and "autoencoder_rebuild" in GOAL_KINDS
    assert TAB_NAMES == ("training", "network", "convolution", "landscape", "autoencoder")


def test_the_goal_kinds_are_the_ones_the_goals_module_checks():
    goals = pytest.importorskip("core.lesson.goals")
    assert set(goals.GOALS) == set(GOAL_KINDS)


@pytest.mark.parametrize("text, usable", [
    ("beginner", True), ("a", True), ("0", True), ("cnn-2", True), ("a" * 40, True),
    ("", False), ("-a", False), ("A", False), ("a_b", False), ("a b", False), ("a" * 41, False), ("课程", False),
    ("beginner\n", False), (None, False), (3, False),
])
def test_lesson_identifiers(text, usable):
    assert is_lesson_id(text) is usable


def test_an_identifier_is_made_from_a_title():
    assert lesson_id_from("My First Net!") == "my-first-net"
    assert lesson_id_from("  CNN -- 2  ") == "cnn-2"
    assert lesson_id_from("神经网络入门") == "lesson"
    assert lesson_id_from("神经网络入门", fallback="mine") == "mine"
    assert is_lesson_id(lesson_id_from("x" * 100 + " y"))
    assert is_lesson_id(lesson_id_from("a" * 39 + " b c"))
