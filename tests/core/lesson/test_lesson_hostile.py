"""Hostile lesson files: whatever the bytes, one LessonError sentence that names the file, never a traceback.

Each bad field gets a sentence naming it (and its scene, counted from 1); the files a reader
meets in the wild (not JSON, binary, huge, NaN, repeated keys, deep nesting, a FIFO, a folder)
are refused before or while parsing; and a property test mutates a valid file's JSON at random.
"""

from __future__ import annotations

import copy
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import LessonError
from core.lesson.files import lesson_from_bytes, lesson_from_dict, read_lesson


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """Lessons run no torch: override tests/core/conftest.py's fixture, which imports torch and resets its
    thread pool around every test (half a second each on a busy machine)."""
    yield


NAME = "class.glassbox-lesson"


def valid() -> dict:
    return {
        "format": "glassbox-lesson", "version": 1, "id": "hostile", "author": "T",
        "title": {"en": "Hostile", "zh_CN": "敌意"}, "summary": {"en": "", "zh_CN": ""},
        "scenes": [
            {"title": {"en": "One", "zh_CN": "一"}, "explanation": {"en": "e", "zh_CN": "解"},
             "look_at": {"en": "", "zh_CN": ""}, "try_this": {"en": "", "zh_CN": ""},
             "tab": "network", "tabs": {"network": {"hidden": [2]}}, "hide": ["dock"], "goal": None, "minutes": 3},
            {"title": {"en": "Two", "zh_CN": "二"}, "explanation": {"en": "", "zh_CN": ""},
             "look_at": {"en": "", "zh_CN": ""}, "try_this": {"en": "", "zh_CN": ""},
             "tab": "landscape", "tabs": {}, "hide": [], "minutes": 5,
             "goal": {"kind": "himmelblau_other_minimum", "params": {"distance": 0.1}}},
        ],
    }


def _refused(data, *words: str) -> str:
    with pytest.raises(LessonError) as caught:
        lesson_from_dict(data, NAME)
    sentence = str(caught.value)
    assert NAME in sentence and "\n" not in sentence and sentence.endswith(".")
    for word in words:
        assert word in sentence, sentence
    return sentence


def _set(path: str, value):
    """A mutation: set the value at a dotted path (numbers index lists); DELETE removes the key."""
    def mutate(data):
        *parents, last = path.split(".")
        target = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        key = int(last) if isinstance(target, list) else last
        if value is DELETE:
            del target[key]
        else:
            target[key] = copy.deepcopy(value)
        return data
    return mutate


DELETE = object()

# (mutation, words the sentence must contain)
BAD_FIELDS = [
    (_set("format", "glassbox-session"), ["not a Glassbox lesson"]),
    (_set("format", DELETE), ["not a Glassbox lesson"]),
    (_set("version", 2), ["newer Glassbox", "2", "update"]),
    (_set("version", "1"), ["version"]),
    (_set("version", True), ["version"]),
    (_set("version", 0), ["version"]),
    (_set("colour", "red"), ["unknown field 'colour'", "newer Glassbox"]),
    (_set("id", DELETE), ["'id'"]),
    (_set("id", "Beginner Lesson"), ["identifier", "Beginner Lesson"]),
    (_set("id", 7), ["identifier", "7"]),
    (_set("id", "a" * 41), ["identifier"]),
    (_set("title", DELETE), ["'title'"]),
    (_set("title", "Hostile"), ["'title'", "two languages"]),
    (_set("title", {"en": "", "zh_CN": "  "}), ["'title'", "empty"]),
    (_set("title", {"en": "x", "fr": "y"}), ["'title'", "'fr'"]),
    (_set("title.en", 5), ["'title'", "\"en\""]),
    (_set("summary.zh_CN", "长" * 4001), ["'summary'", "4001", "4000"]),
    (_set("summary.en", "a\x00b"), ["'summary'", "control"]),
    (_set("author", ["x"]), ["'author'"]),
    (_set("author", "two\nlines"), ["'author'"]),
    (_set("scenes", DELETE), ["'scenes'"]),
    (_set("scenes", {}), ["'scenes'", "list"]),
    (_set("scenes", []), ["0 scenes", "1 to 60"]),
    (_set("scenes.0", "scene"), ["Scene 1 of", "not a scene"]),
    (_set("scenes.1.sound", "beep"), ["Scene 2 of", "unknown field 'sound'"]),
    (_set("scenes.1.title", DELETE), ["Scene 2 of", "'title'"]),
    (_set("scenes.1.tab", DELETE), ["Scene 2 of", "'tab'"]),
    (_set("scenes.1.title", {"en": "", "zh_CN": ""}), ["Scene 2 of", "'title'", "empty"]),
    (_set("scenes.0.look_at", None), ["Scene 1 of", "'look_at'"]),
    (_set("scenes.0.try_this.zh_CN", "x" * 4001), ["Scene 1 of", "'try_this'", "4000"]),
    (_set("scenes.0.explanation.en", "\ud800"), ["Scene 1 of", "'explanation'"]),
    (_set("scenes.0.tab", "spreadsheet"), ["Scene 1 of", "spreadsheet", "not a tab", "network"]),
    (_set("scenes.0.tab", ["network"]), ["Scene 1 of", "not a tab"]),
    (_set("scenes.0.tabs", []), ["Scene 1 of", "'tabs'"]),
    (_set("scenes.0.tabs.charts", {}), ["Scene 1 of", "unknown tab 'charts'", "newer Glassbox"]),
    (_set("scenes.0.tabs.network", [1]), ["Scene 1 of", "network tab"]),
    (_set("scenes.0.tabs.network", {"x": "y" * 70000}), ["Scene 1 of", "network tab", "too big"]),
    (_set("scenes.0.hide", "dock"), ["Scene 1 of", "'hide'"]),
    (_set("scenes.0.hide", [1]), ["Scene 1 of", "'hide'"]),
    (_set("scenes.0.hide", ["dock", "menu_bar"]), ["Scene 1 of", "'menu_bar'", "hide"]),
    (_set("scenes.0.hide", ["dock", "toolbar", "dock"]), ["Scene 1 of", "'dock' twice"]),
    (_set("scenes.0.goal", "win"), ["Scene 1 of", "'goal'"]),
    (_set("scenes.0.goal", {"params": {}}), ["Scene 1 of", "'goal'"]),
    (_set("scenes.1.goal.kind", "fly_to_the_moon"), ["Scene 2 of", "fly_to_the_moon", "newer Glassbox"]),
    (_set("scenes.1.goal.reward", 1), ["Scene 2 of", "unknown field 'reward'"]),
    (_set("scenes.1.goal.params", [1]), ["Scene 2 of", "'params'"]),
    (_set("scenes.1.goal.params", {f"p{i}": 1 for i in range(21)}), ["Scene 2 of", "21 parameters", "20"]),
    (_set("scenes.1.goal.params", {"distance": [0.1]}), ["Scene 2 of", "'distance'"]),
    (_set("scenes.1.goal.params", {"distance": None}), ["Scene 2 of", "'distance'"]),
    (_set("scenes.1.goal.params", {"": 1}), ["Scene 2 of", "name"]),
    (_set("scenes.1.goal.params", {"distance": "x" * 201}), ["Scene 2 of", "'distance'"]),
    (_set("scenes.1.minutes", 0), ["Scene 2 of", "'minutes' is 0", "1 to 30"]),
    (_set("scenes.1.minutes", 31), ["Scene 2 of", "'minutes' is 31"]),
    (_set("scenes.1.minutes", 2.5), ["Scene 2 of", "'minutes' is 2.5"]),
    (_set("scenes.1.minutes", True), ["Scene 2 of", "'minutes' is true"]),
    (_set("scenes.1.minutes", "5"), ["Scene 2 of", "'minutes'"]),
]


@pytest.mark.parametrize("mutate, words", BAD_FIELDS, ids=[str(i) for i in range(len(BAD_FIELDS))])
def test_every_bad_field_is_one_sentence_that_names_it(mutate, words):
    _refused(mutate(valid()), *words)


def test_the_valid_file_used_above_is_valid():
    lesson = lesson_from_dict(valid(), NAME)
    assert len(lesson.scenes) == 2 and lesson.scenes[1].goal.kind == "himmelblau_other_minimum"


def test_too_many_scenes():
    data = valid()
    data["scenes"] = [copy.deepcopy(data["scenes"][0]) for _ in range(61)]
    _refused(data, "61 scenes", "1 to 60")
    data["scenes"] = data["scenes"][:60]
    assert len(lesson_from_dict(data, NAME).scenes) == 60


def test_a_goal_parameter_the_goal_does_not_take_is_refused():
    pytest.importorskip("core.lesson.goals")
    data = valid()
    data["scenes"][1]["goal"]["params"]["speed"] = 3
    _refused(data, "scene 2", "speed")


def test_a_value_that_is_not_json_data_in_a_tab_state_is_refused():
    data = valid()
    data["scenes"][0]["tabs"]["network"] = {"x": object()}
    _refused(data, "Scene 1 of", "network tab", "plain data")
    data["scenes"][0]["tabs"]["network"] = {"x": float("inf")}
    _refused(data, "Scene 1 of", "finite")


def test_what_is_not_a_dict_at_all():
    for data in (None, [], "lesson", 3, [valid()]):
        _refused(data, "not a Glassbox lesson")


# ============================================================================ files
def _file(tmp_path, data: bytes):
    path = tmp_path / NAME
    path.write_bytes(data)
    return path


def _file_refused(path, *words: str) -> str:
    with pytest.raises(LessonError) as caught:
        read_lesson(path)
    sentence = str(caught.value)
    assert "\n" not in sentence
    for word in words:
        assert word in sentence, sentence
    return sentence


@pytest.mark.parametrize("data, words", [
    (b"", ["not a Glassbox lesson"]),
    (b"hello, class", ["not a Glassbox lesson"]),
    (bytes(range(256)) * 8, ["not a Glassbox lesson"]),
    (b"PK\x03\x04" + b"\x00" * 100, ["not a Glassbox lesson"]),  # a session (a zip) opened as a lesson
    ('{"format": "glassbox-lesson", "id": "é"}'.encode("latin-1"), ["not a Glassbox lesson"]),
    (b'{"format": "glassbox-lesson", "version": 1, "id": "a", "x": NaN}', ["not finite"]),
    (b'{"format": "glassbox-lesson", "version": 1e999}', ["not finite"]),
    (b'{"format": "glassbox-lesson", "version": 1, "version": 2}', ["same key twice"]),
    (b"[" * 100000 + b"]" * 100000, ["nested"]),
    (b'{"a":' * 70 + b"1" + b"}" * 70, ["nested"]),
    (json.dumps(valid())[:-7].encode(), ["not a Glassbox lesson"]),  # cut short
])
def test_hostile_bytes_are_one_sentence(tmp_path, data, words):
    sentence = _file_refused(_file(tmp_path, data), *words)
    assert NAME in sentence


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / NAME
    with open(path, "wb") as stream:
        stream.truncate(3 * 2**20)
    _file_refused(path, NAME, "too big")
    with pytest.raises(LessonError, match="too big"):
        lesson_from_bytes(b" " * (3 * 2**20), NAME)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / NAME
    os.mkfifo(path)
    _file_refused(path, "not a regular file")


def test_a_folder_and_a_missing_file_are_refused(tmp_path):
    folder = tmp_path / NAME
    folder.mkdir()
    _file_refused(folder, "folder")
    _file_refused(tmp_path / "nothing.glassbox-lesson", "does not exist")


def test_a_device_is_refused():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    _file_refused("/dev/zero", "not a regular file")


# ============================================================================ property
FEW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=True, allow_infinity=True),
              st.text(max_size=20), st.sampled_from(["network", "dock", "mlp_test_loss", "en", "zh_CN", ""])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8)


def _paths(value, prefix=()):
    """Every (container path, key) in a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield prefix, key
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield prefix, index
            yield from _paths(item, prefix + (index,))


@FEW
@given(st.data())
def test_random_mutations_of_a_valid_file_give_a_lesson_or_one_sentence(data):
    content = valid()
    for _ in range(data.draw(st.integers(1, 3))):
        places = list(_paths(content))
        container_path, key = data.draw(st.sampled_from(places))
        container = content
        for step in container_path:
            container = container[step]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            container[key] = data.draw(JSON_VALUES)
        elif action == "delete":
            del container[key]
        elif isinstance(container, dict):
            container[data.draw(st.text(max_size=8))] = data.draw(JSON_VALUES)
        else:
            container.append(data.draw(JSON_VALUES))
    try:
        encoded = json.dumps(content, ensure_ascii=data.draw(st.booleans())).encode("utf-8", "surrogatepass")
    except ValueError:
        return
    for attempt in (lambda: lesson_from_dict(content, NAME), lambda: lesson_from_bytes(encoded, NAME)):
        try:
            attempt()
        except LessonError as error:
            assert "\n" not in str(error) and str(error).endswith(".")


@FEW
@given(st.binary(max_size=300), st.integers(0, 2000))
def test_random_bytes_spliced_into_a_valid_file_give_a_lesson_or_one_sentence(noise, where):
    encoded = json.dumps(valid(), ensure_ascii=False).encode("utf-8")
    where = min(where, len(encoded))
    try:
        lesson_from_bytes(encoded[:where] + noise + encoded[where:], NAME)
    except LessonError as error:
        assert "\n" not in str(error)
