"""Lessons on the command line (cli/classroom/lesson.py): `lesson --list` and `--check`, `snapshot --lesson`, `export handout`.

In-process (tests/cli/cli_inprocess.py) to stay fast; the checks that stop before any window are most of them,
and one snapshot and one handout build the real window offscreen.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from cli_inprocess import run_in_process  # tests/cli is on sys.path
from core.lesson.files import write_lesson
from core.lesson.model import Lesson, Scene, Text

BUILT_IN = Path(__file__).resolve().parents[2] / "assets" / "lessons" / "beginner.glassbox-lesson"


def two_scenes(lesson_id: str = "two") -> Lesson:
    scenes = (
        Scene(title=Text("A network", "一个网络"), explanation=Text("It learns xor.", "它学异或。"),
              look_at=Text("The boundary.", "决策边界。"), try_this=Text("Press Step.", "按单步。"),
              tab="network", tabs={"training": {"config": {"dataset": "xor", "hidden": [4], "n_points": 200}}},
              minutes=5),
        Scene(title=Text("Its curves", "它的曲线"), explanation=Text("The loss falls.", "损失下降。"),
              tab="training", minutes=4),
    )
    return Lesson(id=lesson_id, title=Text("Two scenes", "两个场景"), summary=Text("A test.", "测试。"),
                  author="F", scenes=scenes)


@pytest.fixture
def place(tmp_path, monkeypatch, qapp):
    """A scratch folder as the current one, an empty folder of installed lessons, English restored afterwards."""
    installed = tmp_path / "installed"
    installed.mkdir()
    monkeypatch.setenv("GLASSBOX_LESSON_DIR", str(installed))
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    from gui import i18n

    i18n.install("en")


@pytest.fixture
def lesson_file(place) -> Path:
    path = place / "two.glassbox-lesson"
    write_lesson(path, two_scenes())
    return path


def one_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


# ---------------------------------------------------------------------- lesson --list / --check
def test_the_list_has_the_built_in_lessons_first_then_the_installed_ones_and_warns_of_broken_files(place):
    write_lesson(place / "installed" / "mine.glassbox-lesson", two_scenes("mine"))
    (place / "installed" / "broken.glassbox-lesson").write_text('{"format": "glassbox-lesson", "version": 1, "id": ')
    status, out, err = run_in_process(["lesson", "--list"])
    assert status == 0, err
    lines = out.splitlines()
    assert re.match(r"^mine\s+2 scenes\s+9 min\s+Installed\s+Two scenes$", lines[-1]), out
    if BUILT_IN.exists():
        assert lines[0].split()[0] == "beginner" and "Built-in" in lines[0]
    warnings = [line for line in err.splitlines() if line.strip()]
    assert len(warnings) == 1 and warnings[0].startswith("warning: ") and "broken" in warnings[0]


def test_the_list_shows_titles_in_the_language_asked_for(place):
    write_lesson(place / "installed" / "mine.glassbox-lesson", two_scenes("mine"))
    status, out, err = run_in_process(["lesson", "--list", "--lang", "zh_CN"])
    assert status == 0, err
    assert out.splitlines()[-1].startswith("mine") and out.splitlines()[-1].endswith("两个场景")


def test_a_sound_lesson_file_checks_ok(lesson_file):
    status, out, err = run_in_process(["lesson", "--check", str(lesson_file)])
    assert (status, out.strip(), err) == (0, "ok: 2 scenes, 9 minutes", "")


@pytest.mark.parametrize("content", [
    b"not json at all",
    b'{"format": "glassbox-lesson", "version": 1, "id": "x", "id": "y"}',  # a duplicate key
    b'{"format": "glassbox-lesson", "version": 1, "nan": NaN}',
    b"[" * 5000 + b"]" * 5000,  # nested past any sense
    b'{"format": "glassbox-lesson", "version": 99}',  # from a newer Glassbox
    b"\xff\xfe\x00garbage",
])
def test_a_hostile_lesson_file_is_one_error_line(place, content):
    path = place / "hostile.glassbox-lesson"
    path.write_bytes(content)
    status, out, err = run_in_process(["lesson", "--check", str(path)])
    assert status == 2 and out == ""
    assert "hostile" in one_error(err)


def test_a_missing_or_unusable_file_to_check_is_one_error_line(place):
    status, _, err = run_in_process(["lesson", "--check", str(place / "nowhere.glassbox-lesson")])
    assert status == 2 and one_error(err)
    status, _, err = run_in_process(["lesson", "--check", str(place)])  # a folder
    assert status == 2 and one_error(err)
    if hasattr(os, "mkfifo"):
        os.mkfifo(place / "pipe.glassbox-lesson")
        status, _, err = run_in_process(["lesson", "--check", str(place / "pipe.glassbox-lesson")])
        assert status == 2 and one_error(err)  # and it did not hang reading the pipe


@pytest.mark.parametrize("argv", [["lesson"], ["lesson", "--list", "--check", "x.glassbox-lesson"],
                                  ["lesson", "--check", ""], ["lesson", "--list", "--steps", "3"]])
def test_the_lesson_command_needs_one_thing_to_do(place, argv):
    status, _, err = run_in_process(argv)
    assert status == 2 and one_error(err)


# ---------------------------------------------------------------------- checks before any window
@pytest.mark.parametrize("scene", ["0", "3", "-1"])
def test_a_scene_past_the_end_names_the_range(lesson_file, scene):
    status, _, err = run_in_process(["snapshot", "--lesson", str(lesson_file), "--scene", scene, "--out", "s.png"])
    assert status == 2
    assert "has 2 scenes; choose --scene 1 to 2" in one_error(err)
    assert not Path("s.png").exists()


def test_an_unknown_lesson_is_one_error_line(place):
    for argv in (["snapshot", "--lesson", "no-such-lesson", "--out", "s.png"],
                 ["export", "handout", "--lesson", "no-such-lesson", "--out", "h.pdf"]):
        status, _, err = run_in_process(argv)
        assert status == 2 and "no-such-lesson" in one_error(err)
    assert list(place.glob("*.png")) == [] and list(place.glob("*.pdf")) == []


@pytest.mark.parametrize("argv, words", [
    (["snapshot", "--lesson", "LESSON", "--steps", "5", "--out", "s.png"], "--steps"),
    (["snapshot", "--lesson", "LESSON", "--view", "network", "--out", "s.png"], "--view"),
    (["snapshot", "--lesson", "LESSON", "--dataset", "xor", "--out", "s.png"], "--dataset"),
    (["snapshot", "--scene", "2", "--out", "s.png"], "--lesson"),
    (["export", "handout", "--out", "h.pdf"], "--lesson"),
    (["export", "handout", "--lesson", "LESSON", "--seed", "1", "--out", "h.pdf"], "--seed"),
    (["export", "metrics", "--lesson", "LESSON", "--out", "m.csv"], "--lesson"),
    (["export", "handout", "--lesson", "", "--out", "h.pdf"], "--lesson"),
    (["snapshot", "--lesson", "LESSON", "--size", "12x12", "--out", "s.png"], "--size"),
])
def test_options_that_make_no_sense_with_a_lesson_are_refused(lesson_file, argv, words):
    argv = [str(lesson_file) if word == "LESSON" else word for word in argv]
    status, _, err = run_in_process(argv)
    assert status == 2 and words in one_error(err)


def test_a_scene_no_tab_would_take_is_one_error_line_before_any_window(place):
    bad = Lesson(id="bad", title=Text("Bad", "坏"), scenes=(
        Scene(title=Text("x", "x"), tab="network", tabs={"network": {"speed": -5}}),))
    write_lesson(place / "bad.glassbox-lesson", bad)
    for argv in (["snapshot", "--lesson", "bad.glassbox-lesson", "--out", "s.png"],
                 ["export", "handout", "--lesson", "bad.glassbox-lesson", "--out", "h.pdf"]):
        status, _, err = run_in_process(argv)
        assert status == 2 and "Scene 1" in one_error(err)
    assert not Path("s.png").exists() and not Path("h.pdf").exists()


# ---------------------------------------------------------------------- the real window, offscreen
def test_a_scene_is_pictured_as_the_class_sees_it_at_the_size_asked_for(lesson_file):
    status, out, err = run_in_process(["snapshot", "--lesson", str(lesson_file), "--scene", "2", "--size", "800x600",
                                       "--out", "scene.png"])
    assert status == 0, err
    assert out.strip().endswith("scene.png")
    image = QImage("scene.png")
    assert (image.width(), image.height()) == (800, 600)
    assert len({image.pixel(x, y) for x in range(0, 800, 40) for y in range(0, 600, 40)}) > 3  # not a blank


def test_the_handout_is_printed_in_chinese(lesson_file):
    status, out, err = run_in_process(["export", "handout", "--lesson", str(lesson_file), "--lang", "zh_CN",
                                       "--out", "handout.pdf"])
    assert status == 0, err
    data = Path("handout.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) >= 3  # the cover and a page per scene
    assert json.loads(Path(lesson_file).read_text(encoding="utf-8"))["id"] == "two"  # the lesson is untouched
