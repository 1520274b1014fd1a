"""The lesson library: built-in lessons first, then installed ones; a hostile folder is skipped, never fatal."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from core.errors import LessonError
from core.lesson import library
from core.lesson.files import LESSON_SUFFIX, lesson_to_bytes, read_lesson, write_lesson
from core.lesson.library import (LessonEntry, builtin_dir, find_lesson, install_lesson, installed_dir, list_lessons,
                                 list_problems)
from core.lesson.model import Lesson, Scene, Text


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """Lessons run no torch: override tests/core/conftest.py's fixture, which imports torch and resets its
    thread pool around every test."""
    yield


def make(lesson_id: str, minutes=(3, 4), title="A lesson") -> Lesson:
    return Lesson(id=lesson_id, title=Text(title, "一节课"),
                  scenes=tuple(Scene(title=Text(f"Scene {i}", ""), minutes=m) for i, m in enumerate(minutes)))


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """(built-in folder, installed folder), both empty and private to the test."""
    builtin, installed = tmp_path / "builtin", tmp_path / "installed"
    builtin.mkdir()
    installed.mkdir()
    monkeypatch.setattr(library, "BUILTIN_DIR", builtin)
    monkeypatch.setenv("GLASSBOX_LESSON_DIR", str(installed))
    return builtin, installed


def test_the_builtin_folder_sits_beside_core():
    assert builtin_dir() == Path(library.__file__).resolve().parents[2] / "assets" / "lessons"


def test_the_installed_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("GLASSBOX_LESSON_DIR", str(tmp_path / "mine"))
    assert installed_dir() == tmp_path / "mine"
    monkeypatch.delenv("GLASSBOX_LESSON_DIR")
    if sys.platform == "win32":
        monkeypatch.setenv("APPDATA", str(tmp_path))
        assert installed_dir() == tmp_path / "glassbox" / "lessons"
        return
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert installed_dir() == tmp_path / "data" / "glassbox" / "lessons"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert installed_dir() == tmp_path / "home" / ".local" / "share" / "glassbox" / "lessons"


def test_built_in_lessons_come_first_then_installed_ones_by_file_name(folders):
    builtin, installed = folders
    write_lesson(builtin / f"zeta{LESSON_SUFFIX}", make("zeta", (5, 5, 5)))
    write_lesson(installed / f"b{LESSON_SUFFIX}", make("bravo"))
    write_lesson(installed / f"a{LESSON_SUFFIX}", make("alpha", (30,)))
    (installed / "notes.txt").write_text("not a lesson")
    entries = list_lessons()
    assert [(e.id, e.source) for e in entries] == [("zeta", "built-in"), ("alpha", "installed"),
                                                   ("bravo", "installed")]
    assert entries[0] == LessonEntry(id="zeta", title=Text("A lesson", "一节课"), scenes=3, minutes=15,
                                     source="built-in", path=builtin / f"zeta{LESSON_SUFFIX}")
    assert entries[1].minutes == 30 and entries[1].scenes == 1
    assert list_problems() == []


def test_missing_folders_give_no_lessons_and_no_problems(tmp_path, monkeypatch):
    monkeypatch.setattr(library, "BUILTIN_DIR", tmp_path / "no-builtin")
    monkeypatch.setenv("GLASSBOX_LESSON_DIR", str(tmp_path / "no-installed"))
    assert list_lessons() == [] and list_problems() == []


def test_a_hostile_installed_folder_is_skipped_lesson_by_lesson(folders):
    builtin, installed = folders
    write_lesson(installed / f"good{LESSON_SUFFIX}", make("good"))
    (installed / f"broken{LESSON_SUFFIX}").write_bytes(b'{"format": "glassbox-lesson", "version": 1, ')
    (installed / f"binary{LESSON_SUFFIX}").write_bytes(os.urandom(512))
    with open(installed / f"huge{LESSON_SUFFIX}", "wb") as stream:
        stream.truncate(3 * 2**20)
    (installed / f"folder{LESSON_SUFFIX}").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(installed / f"fifo{LESSON_SUFFIX}")
    if os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", installed / f"zero{LESSON_SUFFIX}")
    os.symlink(installed / "nowhere", installed / f"dangling{LESSON_SUFFIX}")
    (installed / f"newer{LESSON_SUFFIX}").write_bytes(
        lesson_to_bytes(make("newer")).replace(b'"version": 1', b'"version": 9'))
    entries = list_lessons()
    assert [entry.id for entry in entries] == ["good"]
    problems = [str(problem) for problem in list_problems()]
    assert all(isinstance(problem, LessonError) for problem in list_problems())
    bad = {"broken", "binary", "huge", "folder", "dangling", "newer"}
    bad |= {"fifo"} if hasattr(os, "mkfifo") else set()
    bad |= {"zero"} if os.path.exists("/dev/zero") else set()
    assert len(problems) == len(bad)
    for name in bad:
        assert any(f"{name}{LESSON_SUFFIX}" in problem or name == "zero" and "/dev/zero" in problem
                   or name == "fifo" and "fifo" in problem for problem in problems), (name, problems)
    assert all("\n" not in problem for problem in problems)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_files_and_folders_are_problems_not_crashes(folders):
    builtin, installed = folders
    locked = installed / f"locked{LESSON_SUFFIX}"
    write_lesson(locked, make("locked"))
    locked.chmod(0)
    try:
        assert list_lessons() == []
        assert "permission" in str(list_problems()[0])
    finally:
        locked.chmod(0o644)
    installed.chmod(0)
    try:
        assert list_lessons() == []
        assert "cannot be read" in str(list_problems()[0])
    finally:
        installed.chmod(0o755)


def test_an_installed_folder_that_is_a_file_is_a_problem(tmp_path, monkeypatch, folders):
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("GLASSBOX_LESSON_DIR", str(tmp_path / "file"))
    assert list_lessons() == []
    assert "is a file, not a folder" in str(list_problems()[0])


def test_at_most_so_many_installed_files_are_read(folders, monkeypatch):
    builtin, installed = folders
    monkeypatch.setattr(library, "MAX_INSTALLED", 5)
    data = lesson_to_bytes(make("same"))
    for number in range(7):
        (installed / f"l{number}{LESSON_SUFFIX}").write_bytes(data.replace(b'"same"', f'"l{number}"'.encode()))
    assert [entry.id for entry in list_lessons()] == ["l0", "l1", "l2", "l3", "l4"]
    assert any("holds 7 lessons" in str(problem) and "first 5" in str(problem) for problem in list_problems())


def test_an_identifier_used_twice_keeps_the_first_and_reports_the_second(folders):
    builtin, installed = folders
    write_lesson(builtin / f"beginner{LESSON_SUFFIX}", make("beginner", title="Built in"))
    write_lesson(installed / f"copy{LESSON_SUFFIX}", make("beginner", title="Copy"))
    entries = list_lessons()
    assert [(e.id, e.source) for e in entries] == [("beginner", "built-in")]
    problem = str(list_problems()[0])
    assert "copy.glassbox-lesson" in problem and "'beginner'" in problem


def test_find_a_lesson_by_identifier_or_path(folders, tmp_path):
    builtin, installed = folders
    write_lesson(builtin / f"first{LESSON_SUFFIX}", make("first", title="Built in"))
    write_lesson(installed / f"x{LESSON_SUFFIX}", make("second"))
    elsewhere = tmp_path / f"loose{LESSON_SUFFIX}"
    write_lesson(elsewhere, make("loose", title="Loose"))
    assert find_lesson("first").title.en == "Built in"
    assert find_lesson("second").id == "second"
    assert find_lesson(str(elsewhere)).title.en == "Loose"
    assert find_lesson(elsewhere).id == "loose"


@pytest.mark.parametrize("name", ["nothing", "no/such/file.glassbox-lesson", "", "bad\x00name"])
def test_a_lesson_that_is_nowhere_is_one_sentence(folders, name):
    with pytest.raises(LessonError, match="There is no lesson") as caught:
        find_lesson(name)
    assert "\n" not in str(caught.value)


def test_find_reports_a_bad_file_by_its_own_sentence(folders, tmp_path):
    path = tmp_path / "bad.glassbox-lesson"
    path.write_text("{}")
    with pytest.raises(LessonError, match="bad.glassbox-lesson is not a Glassbox lesson"):
        find_lesson(str(path))


def test_installing_copies_the_checked_file_under_its_identifier(folders, tmp_path):
    builtin, installed = folders
    source = tmp_path / "From A Colleague.glassbox-lesson"
    write_lesson(source, make("shared", title="Shared"))
    target = install_lesson(source)
    assert target == installed / f"shared{LESSON_SUFFIX}"
    assert target.read_bytes() == source.read_bytes()
    assert [entry.id for entry in list_lessons()] == ["shared"]
    write_lesson(source, make("shared", title="Shared, second edition"))
    assert install_lesson(source) == target  # a newer version replaces the installed one
    assert read_lesson(target).title.en == "Shared, second edition"


def test_installing_creates_the_folder(tmp_path, monkeypatch, folders):
    monkeypatch.setenv("GLASSBOX_LESSON_DIR", str(tmp_path / "new" / "lessons"))
    source = tmp_path / "a.glassbox-lesson"
    write_lesson(source, make("fresh"))
    assert install_lesson(source) == tmp_path / "new" / "lessons" / f"fresh{LESSON_SUFFIX}"


def test_installing_refuses_a_bad_file_and_a_built_in_identifier(folders, tmp_path):
    builtin, installed = folders
    bad = tmp_path / "bad.glassbox-lesson"
    bad.write_bytes(b"not json")
    with pytest.raises(LessonError, match="bad.glassbox-lesson"):
        install_lesson(bad)
    write_lesson(builtin / f"beginner{LESSON_SUFFIX}", make("beginner"))
    clash = tmp_path / "clash.glassbox-lesson"
    write_lesson(clash, make("beginner"))
    with pytest.raises(LessonError, match="built-in lesson"):
        install_lesson(clash)
    assert os.listdir(installed) == []


def test_installing_where_the_folder_cannot_be_made_is_one_sentence(tmp_path, monkeypatch, folders):
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("GLASSBOX_LESSON_DIR", str(tmp_path / "file" / "lessons"))
    source = tmp_path / "a.glassbox-lesson"
    write_lesson(source, make("fresh"))
    with pytest.raises(LessonError, match="cannot be created"):
        install_lesson(source)
