"""Lesson files: what is written reads back equal, readably, atomically; what is refused is never written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from core.errors import LessonError
from core.lesson.files import (LESSON_SUFFIX, lesson_from_bytes, lesson_from_dict, lesson_to_bytes, lesson_to_dict,
                               read_lesson, write_lesson)
from core.lesson.model import HIDEABLE, Goal, Lesson, Scene, Text


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """Lessons run no torch: override tests/core/conftest.py's fixture, which imports torch and resets its
    thread pool around every test (half a second each on a busy machine)."""
    yield


def sample_lesson() -> Lesson:
    return Lesson(
        id="first-steps",
        title=Text("First steps", "第一步"),
        summary=Text("One neuron, then a layer.", "先看一个神经元，再看一层。"),
        author="Ms. Li 李老师",
        scenes=(
            Scene(title=Text("One neuron", "一个神经元"),
                  explanation=Text("z = w·x + b, then an activation.\nThat is all.",
                                   "z = w·x + b，再经过激活函数。\n就这些。"),
                  look_at=Text("The line in the middle.", "中间那条线。"),
                  try_this=Text("Change the weight.", "改一改权重。"),
                  tab="network", tabs={"network": {"hidden": [1], "inspected_neuron": [1, 0]}},
                  hide=("dock", "toolbar", "network.gradients"), minutes=4),
            Scene(title=Text("Spiral", ""), tab="training",
                  tabs={"training": {"config": {"dataset": "spiral", "hidden": [8, 8], "lr": 0.03}, "speed_index": 2}},
                  goal=Goal("mlp_test_loss", {"dataset": "spiral", "loss": 0.1, "max_hidden_neurons": 8}),
                  minutes=10),
            Scene(title=Text("", "自编码器"), tab="autoencoder", hide=tuple(HIDEABLE), minutes=30),
        ),
    )


def test_a_lesson_written_reads_back_equal(tmp_path):
    lesson = sample_lesson()
    path = tmp_path / f"first{LESSON_SUFFIX}"
    write_lesson(path, lesson)
    assert read_lesson(path) == lesson
    assert lesson_from_dict(lesson_to_dict(lesson), "x") == lesson


def test_the_file_is_pretty_ordered_json_with_readable_chinese(tmp_path):
    path = tmp_path / "a.glassbox-lesson"
    write_lesson(path, sample_lesson())
    text = path.read_text(encoding="utf-8")
    assert "第一步" in text and "\\u" not in text  # a teacher can read the Chinese in any editor
    assert text.endswith("}\n") and '\n  "scenes": [\n' in text
    data = json.loads(text)
    assert list(data) == ["format", "version", "id", "title", "summary", "author", "scenes"]
    assert list(data["scenes"][0]) == ["title", "explanation", "look_at", "try_this", "tab", "tabs", "hide", "goal",
                                       "minutes"]
    assert data["format"] == "glassbox-lesson" and data["version"] == 1
    assert data["scenes"][0]["hide"] == ["dock", "toolbar", "network.gradients"]
    assert data["scenes"][1]["goal"]["kind"] == "mlp_test_loss"
    assert data["scenes"][0]["goal"] is None


def test_the_same_lesson_always_writes_the_same_bytes(tmp_path):
    lesson = sample_lesson()
    shuffled = lesson.with_scenes([Scene(title=Text("Spiral", ""), tab="training", minutes=10,
                                         tabs={"training": {"speed_index": 2, "config": {"lr": 0.03, "hidden": [8, 8],
                                                                                        "dataset": "spiral"}}},
                                         goal=lesson.scenes[1].goal)])
    ordered = lesson.with_scenes([lesson.scenes[1]])
    assert lesson_to_bytes(shuffled) == lesson_to_bytes(ordered)
    first, second = tmp_path / "1.glassbox-lesson", tmp_path / "2.glassbox-lesson"
    write_lesson(first, lesson)
    write_lesson(second, read_lesson(first))
    assert first.read_bytes() == second.read_bytes()


def test_missing_optional_fields_take_their_defaults():
    data = {"format": "glassbox-lesson", "version": 1, "id": "tiny", "title": {"en": "Tiny"},
            "scenes": [{"title": {"zh_CN": "场景"}, "tab": "landscape"}]}
    lesson = lesson_from_dict(data, "tiny.glassbox-lesson")
    assert lesson.summary == Text.empty() and lesson.author == ""
    scene = lesson.scenes[0]
    assert scene.title == Text("", "场景") and scene.tabs == {} and scene.hide == () and scene.goal is None
    assert scene.minutes == 3


def test_a_byte_order_mark_is_allowed(tmp_path):
    path = tmp_path / "bom.glassbox-lesson"
    path.write_bytes(b"\xef\xbb\xbf" + lesson_to_bytes(sample_lesson()))
    assert read_lesson(path) == sample_lesson()


def test_goal_parameters_left_out_get_their_defaults():
    goals = pytest.importorskip("core.lesson.goals")
    data = lesson_to_dict(sample_lesson())
    data["scenes"][0]["goal"] = {"kind": "autoencoder_rebuild", "params": {"digit": 3}}
    goal = lesson_from_dict(data, "x").scenes[0].goal
    assert goal.kind == "autoencoder_rebuild"
    assert set(goal.params) == set(goals.GOALS["autoencoder_rebuild"].params) and goal.params["digit"] == 3
    data["scenes"][0]["goal"] = {"kind": "lab_most_confused"}
    assert lesson_from_dict(data, "x").scenes[0].goal == Goal("lab_most_confused", {})


def test_a_bad_goal_parameter_is_refused_by_the_goals_module():
    pytest.importorskip("core.lesson.goals")
    data = lesson_to_dict(sample_lesson())
    data["scenes"][1]["goal"]["params"]["loss"] = -4
    with pytest.raises(LessonError, match="scene 2"):
        lesson_from_dict(data, "x.glassbox-lesson")


@pytest.mark.parametrize("broken", [
    lambda lesson: Lesson(id="Not An Id", title=lesson.title, scenes=lesson.scenes),
    lambda lesson: lesson.with_scenes([]),
    lambda lesson: lesson.with_scenes([Scene(title=Text("", ""))]),
    lambda lesson: lesson.with_scenes([Scene(title=Text("a", ""), hide=("nothing",))]),
    lambda lesson: lesson.with_scenes([Scene(title=Text("a", ""), minutes=0)]),
    lambda lesson: lesson.with_scenes([Scene(title=Text("a", ""), tab="nowhere")]),
    lambda lesson: lesson.with_scenes([Scene(title=Text("a", ""), tabs={"network": {"x": float("nan")}})]),
    lambda lesson: lesson.with_scenes([Scene(title=Text("a", ""), goal=Goal("fly", {}))]),
    lambda lesson: lesson.with_scenes([Scene(title=Text("a" * 4001, ""))]),
    lambda lesson: Lesson(id="x", title=Text("\ud800", "")),
    lambda lesson: lesson.with_scenes(["not a scene"]),
])
def test_writing_refuses_what_reading_would_refuse_and_keeps_the_old_file(tmp_path, broken):
    path = tmp_path / "keep.glassbox-lesson"
    write_lesson(path, sample_lesson())
    before = path.read_bytes()
    with pytest.raises(LessonError) as caught:
        write_lesson(path, broken(sample_lesson()))
    assert "keep.glassbox-lesson" in str(caught.value) and "\n" not in str(caught.value)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["keep.glassbox-lesson"]  # no temporary file left behind


def test_writing_where_it_cannot_is_one_sentence(tmp_path):
    with pytest.raises(LessonError, match="folder"):
        write_lesson(tmp_path / "missing" / "a.glassbox-lesson", sample_lesson())
    with pytest.raises(LessonError, match="folder"):
        write_lesson(tmp_path, sample_lesson())


def test_the_lesson_error_sentences_name_the_scene_from_one():
    data = lesson_to_dict(sample_lesson())
    data["scenes"][2]["minutes"] = 31
    with pytest.raises(LessonError) as caught:
        lesson_from_dict(data, "/some/folder/class.glassbox-lesson")
    assert str(caught.value).startswith("Scene 3 of class.glassbox-lesson: 'minutes' is 31;")
    assert "/some/folder" not in str(caught.value)


def test_lesson_from_bytes_reads_what_lesson_to_bytes_makes():
    lesson = sample_lesson()
    assert lesson_from_bytes(lesson_to_bytes(lesson), "x") == lesson
    assert isinstance(Path(LESSON_SUFFIX).suffix, str) and LESSON_SUFFIX == ".glassbox-lesson"
