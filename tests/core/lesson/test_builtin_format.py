"""The built-in lessons (assets/lessons/) read cleanly and are what the issue asks for: at least 12 scenes,
every text in both languages (the Chinese really Chinese), 35 to 60 minutes, and scenes on every
tab the curriculum needs."""

from __future__ import annotations

import re

import pytest

from core.lesson.files import LESSON_SUFFIX, read_lesson
from core.lesson.library import builtin_dir
from core.lesson.model import SCENE_TEXTS

CJK = re.compile(r"[\u4e00-\u9fff]")
PATHS = sorted(builtin_dir().glob(f"*{LESSON_SUFFIX}")) if builtin_dir().is_dir() else []


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """Reading lessons runs no torch: override tests/core/conftest.py's fixture, which imports torch."""
    yield


def test_glassbox_ships_a_built_in_lesson():
    assert PATHS, f"no *{LESSON_SUFFIX} in {builtin_dir()}"


@pytest.mark.parametrize("path", PATHS, ids=[path.name for path in PATHS])
def test_a_built_in_lesson_is_complete_in_both_languages(path):
    lesson = read_lesson(path)
    assert path.name == f"{lesson.id}{LESSON_SUFFIX}"
    assert len(lesson.scenes) >= 12
    assert 35 <= lesson.total_minutes <= 60
    texts = [("title", lesson.title), ("summary", lesson.summary)]
    texts += [(f"scene {number} {name}", scene.text(name))
              for number, scene in enumerate(lesson.scenes, start=1) for name in SCENE_TEXTS]
    for where, text in texts:
        assert text.en.strip(), f"{where} has no English"
        assert text.zh_CN.strip(), f"{where} has no Chinese"
        assert CJK.search(text.zh_CN), f"{where}'s Chinese has no Chinese characters: {text.zh_CN!r}"
    tabs = {scene.tab for scene in lesson.scenes}
    assert {"network", "landscape", "convolution", "autoencoder"} <= tabs

