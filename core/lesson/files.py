"""Lesson files (.glassbox-lesson): one UTF-8 JSON file, read without trusting it, written atomically.

    {"format": "glassbox-lesson", "version": 1, "id": "beginner",
     "title": {"en": ..., "zh_CN": ...}, "summary": {...}, "author": "...",
     "scenes": [{"title": {...}, "explanation": {...}, "look_at": {...}, "try_this": {...},
                 "tab": "network", "tabs": {tab: partial state}, "hide": [...],
                 "goal": null | {"kind": ..., "params": {...}}, "minutes": 3}, ...]}

A lesson comes from anyone (a colleague, a download), so it is data only and every field is
checked: the bytes through core.files.read_bytes (capped, no FIFOs or devices), the JSON through
core/session/strict_json (finite numbers, no duplicate keys, bounded nesting), then every type,
name and length here. Whatever is wrong gives ONE LessonError sentence that names the file and,
where it applies, the scene (from 1) and the field, and says what to do. The partial tab states
are checked here only for shape; gui/lesson/states.py checks their values against each tab.
"""

from __future__ import annotations

import json
import os
from typing import Any

from core.errors import LessonError, Phrase
from core.files import atomic_write, read_bytes, shown_name
from core.lesson.goals import check_goal
from core.lesson.model import (GOAL_KINDS, HIDEABLE, LANGUAGES, MAX_AUTHOR, MAX_GOAL_PARAMS, MAX_GOAL_TEXT,
                               MAX_MINUTES, MAX_SCENES, MAX_TEXT, MIN_MINUTES, MIN_SCENES, SCENE_TEXTS, TAB_NAMES,
                               Goal, Lesson, Scene, Text, is_lesson_id)
from core.session import strict_json

FORMAT = "glassbox-lesson"
VERSION = 1
LESSON_SUFFIX = ".glassbox-lesson"
MAX_FILE_BYTES = 2 * 2**20
MAX_STATE_BYTES = 64 * 2**10   # one tab's partial state, as compact JSON: settings, never data
MAX_PARAM_NAME = 40

LESSON_FIELDS = ("format", "version", "id", "title", "summary", "author", "scenes")
SCENE_FIELDS = ("title", "explanation", "look_at", "try_this", "tab", "tabs", "hide", "goal", "minutes")
GOAL_FIELDS = ("kind", "params")
_ALLOWED_CONTROLS = "\n\t"      # a text may have paragraphs; nothing else invisible


# ============================================================================ reading
def read_lesson(path: str | os.PathLike) -> Lesson:
    """Read and check a lesson file; LessonError (one sentence naming the file) if anything is wrong."""
    file = shown_name(path)
    data = read_bytes(path, limit=MAX_FILE_BYTES, error=LessonError)
    return lesson_from_bytes(data, file)


def lesson_from_bytes(data: bytes, file: str) -> Lesson:
    """A checked Lesson from a lesson file's bytes; `file` is the name the sentences give."""
    if len(data) > MAX_FILE_BYTES:
        raise LessonError("{file} is too big for a lesson (over {limit} MB); open a lesson saved by Glassbox.",
                          file=file, limit=MAX_FILE_BYTES // 2**20)
    if data.startswith(b"\xef\xbb\xbf"):  # a byte-order mark some editors add: not part of the JSON
        data = data[3:]
    try:
        content = strict_json.loads(data)
    except strict_json.JsonRejected as error:
        raise _json_problem(error.reason, file) from None
    except Exception as error:  # never a traceback from any bytes
        raise LessonError("{file} is damaged and cannot be opened; ask for a fresh copy.", file=file) from error
    return lesson_from_dict(content, file)


def _json_problem(reason: str, file: str) -> LessonError:
    if reason == "nested":
        return LessonError("{file} is not safe to open: it is nested more than {limit} levels deep; ask its author "
                           "to save it again from Glassbox.", file=file, limit=strict_json.MAX_DEPTH)
    if reason == "number":
        return LessonError("{file} is damaged: it holds a number that is not finite or is absurdly large; ask for "
                           "a fresh copy.", file=file)
    if reason == "duplicate":
        return LessonError("{file} is damaged: it gives the same key twice; ask for a fresh copy.", file=file)
    return LessonError("{file} is not a Glassbox lesson (it is not readable JSON text); open a .glassbox-lesson "
                       "file, or ask for a fresh copy.", file=file)


def lesson_from_dict(data: Any, file: str) -> Lesson:
    """A checked Lesson from a lesson file's parsed JSON; LessonError (one sentence) if anything is wrong.

    `file` is the file's name as the sentences show it.
    """
    file = shown_name(file) if file else "?"
    try:
        return _lesson(data, file)
    except LessonError:
        raise
    except Exception as error:  # whatever slipped past the checks below still must not be a traceback
        raise LessonError("{file} is damaged and cannot be opened; ask for a fresh copy.", file=file) from error


def _lesson(data: Any, file: str) -> Lesson:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LessonError("{file} is not a Glassbox lesson; open a .glassbox-lesson file saved by Glassbox.",
                          file=file)
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise LessonError("{file} is damaged: its format version is missing or invalid; ask for a fresh copy.",
                          file=file)
    if version > VERSION:
        raise LessonError("{file} was made by a newer Glassbox (lesson format {version}); update Glassbox to "
                          "open it.", file=file, version=version)
    _known_fields(data, LESSON_FIELDS, file)
    _required(data, ("id", "title", "scenes"), file)
    if not is_lesson_id(data["id"]):
        raise LessonError("{file}: the identifier {value} is not usable; an identifier is 1 to 40 lowercase letters "
                          "(a-z), digits and dashes, and starts with a letter or a digit.",
                          file=file, value=_shown_value(data["id"]))
    title = _text(data["title"], file, "title", required=True)
    summary = _text(data.get("summary", {}), file, "summary")
    author = _author(data.get("author", ""), file)
    scenes = data["scenes"]
    if not isinstance(scenes, list):
        raise LessonError("{file}: 'scenes' is not a list of scenes; give the scenes as a list.", file=file)
    if not MIN_SCENES <= len(scenes) <= MAX_SCENES:
        raise LessonError("{file} holds {count} scenes; a lesson has {low} to {high} scenes.",
                          file=file, count=len(scenes), low=MIN_SCENES, high=MAX_SCENES)
    return Lesson(id=data["id"], title=title, summary=summary, author=author,
                  scenes=tuple(_scene(scene, file, number) for number, scene in enumerate(scenes, start=1)))


def _where(file: str, scene: int | None) -> str:
    """Where a problem is: the file, or a scene of it (numbered from 1, as the player shows it)."""
    return file if scene is None else Phrase("Scene {scene} of {file}", scene=scene, file=file)


def _known_fields(data: dict, known: tuple[str, ...], file: str, scene: int | None = None) -> None:
    for key in data:
        if key not in known:
            raise LessonError("{where} holds an unknown field '{field}'; it may come from a newer Glassbox: update "
                              "Glassbox, or remove the field.", where=_where(file, scene), field=_shown(key))


def _required(data: dict, names: tuple[str, ...], file: str, scene: int | None = None) -> None:
    for name in names:
        if name not in data:
            raise LessonError("{where} has no '{field}'; add it, or save the lesson again from Glassbox.",
                              where=_where(file, scene), field=name)


def _text(value: Any, file: str, field: str, scene: int | None = None, required: bool = False) -> Text:
    where = _where(file, scene)
    if not isinstance(value, dict):
        raise LessonError("{where}: '{field}' is not a text in two languages; give it as an object with the keys "
                          "\"en\" and \"zh_CN\".", where=where, field=field)
    for language in value:
        if language not in LANGUAGES:
            raise LessonError("{where}: '{field}' holds an unknown language '{language}'; use only \"en\" and "
                              "\"zh_CN\".", where=where, field=field, language=_shown(language))
    texts = {}
    for language in LANGUAGES:
        text = value.get(language, "")
        if not isinstance(text, str):
            raise LessonError("{where}: the \"{language}\" version of '{field}' is not text; write it in quotes.",
                              where=where, field=field, language=language)
        if len(text) > MAX_TEXT:
            raise LessonError("{where}: the \"{language}\" version of '{field}' is {count} characters long; keep it "
                              "to at most {limit}.", where=where, field=field, language=language,
                              count=len(text), limit=MAX_TEXT)
        if not _is_clean(text, _ALLOWED_CONTROLS):
            raise LessonError("{where}: the \"{language}\" version of '{field}' holds invisible control characters "
                              "or broken characters; remove them.", where=where, field=field, language=language)
        texts[language] = text
    result = Text(en=texts["en"], zh_CN=texts["zh_CN"])
    if required and not (result.en.strip() or result.zh_CN.strip()):
        raise LessonError("{where}: '{field}' is empty; write it in English or Chinese (or both).",
                          where=where, field=field)
    return result


def _author(value: Any, file: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_AUTHOR or not _is_clean(value, ""):
        raise LessonError("{file}: 'author' must be one line of text of at most {limit} characters.",
                          file=file, limit=MAX_AUTHOR)
    return value


def _is_clean(text: str, allowed: str) -> bool:
    """No control characters (but those `allowed`) and no lone surrogates, which UTF-8 cannot carry."""
    if any((ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) and ch not in allowed for ch in text):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _scene(data: Any, file: str, number: int) -> Scene:
    where = _where(file, number)
    if not isinstance(data, dict):
        raise LessonError("{where} is not a scene; a scene is an object with at least a 'title' and a 'tab'.",
                          where=where)
    _known_fields(data, SCENE_FIELDS, file, number)
    _required(data, ("title", "tab"), file, number)
    texts = {name: _text(data.get(name, {}), file, name, number, required=name == "title") for name in SCENE_TEXTS}
    tab = data["tab"]
    if tab not in TAB_NAMES:
        raise LessonError("{where}: {value} is not a tab; use one of {choices}.",
                          where=where, value=_shown_value(tab), choices=", ".join(TAB_NAMES))
    return Scene(**texts, tab=tab, tabs=_tab_states(data.get("tabs", {}), file, number),
                 hide=_hidden(data.get("hide", []), file, number), goal=_goal(data.get("goal"), file, number),
                 minutes=_minutes(data.get("minutes", 3), file, number))


def _tab_states(value: Any, file: str, number: int) -> dict[str, dict]:
    where = _where(file, number)
    if not isinstance(value, dict):
        raise LessonError("{where}: 'tabs' is not an object of tab settings; give it as an object that maps "
                          "tab names to their settings.",
                          where=where)
    states = {}
    for tab, state in value.items():
        if tab not in TAB_NAMES:
            raise LessonError("{where} sets up an unknown tab '{tab}'; it may come from a newer Glassbox: use one "
                              "of {choices}.", where=where, tab=_shown(tab), choices=", ".join(TAB_NAMES))
        if not isinstance(state, dict):
            raise LessonError("{where}: the settings of the {tab} tab are not an object of names and values; "
                              "save the scene again from Glassbox.", where=where, tab=tab)
        try:
            encoded = strict_json.dumps(state)
        except strict_json.JsonRejected:
            raise LessonError("{where}: the settings of the {tab} tab hold a value that is not plain data or not a "
                              "finite number; save the scene again from Glassbox.", where=where, tab=tab) from None
        if len(encoded) > MAX_STATE_BYTES:
            raise LessonError("{where}: the settings of the {tab} tab are far too big for a scene; save the scene "
                              "again from Glassbox.", where=where, tab=tab)
        states[tab] = json.loads(encoded)  # a copy that shares nothing with the caller's data
    return states


def _hidden(value: Any, file: str, number: int) -> tuple[str, ...]:
    where = _where(file, number)
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise LessonError("{where}: 'hide' is not a list of names of controls; give it as a list such as "
                          "[\"dock\", \"toolbar\"].", where=where)
    seen: list[str] = []
    for name in value:
        if name not in HIDEABLE:
            raise LessonError("{where}: '{name}' is not something a scene can hide (it may come from a newer "
                              "Glassbox); choose what to hide in the lesson editor.", where=where, name=_shown(name))
        if name in seen:
            raise LessonError("{where} hides '{name}' twice; list it once.", where=where, name=name)
        seen.append(name)
    return tuple(seen)


def _goal(value: Any, file: str, number: int) -> Goal | None:
    if value is None:
        return None
    where = _where(file, number)
    if not isinstance(value, dict) or "kind" not in value:
        raise LessonError("{where}: 'goal' is not a challenge; give null or an object with a 'kind' and its "
                          "'params'.", where=where)
    for key in value:
        if key not in GOAL_FIELDS:
            raise LessonError("{where}: the challenge holds an unknown field '{field}'; it may come from a newer "
                              "Glassbox: update Glassbox, or remove the field.", where=where, field=_shown(key))
    kind = value["kind"]
    if kind not in GOAL_KINDS:
        raise LessonError("{where} sets an unknown challenge {value}; it may come from a newer Glassbox: update "
                          "Glassbox, or choose a challenge in the lesson editor.", where=where,
                          value=_shown_value(kind))
    params = value.get("params", {})
    if not isinstance(params, dict):
        raise LessonError("{where}: the challenge's 'params' is not an object of names and values.", where=where)
    if len(params) > MAX_GOAL_PARAMS:
        raise LessonError("{where}: the challenge has {count} parameters; a challenge has at most {limit}.",
                          where=where, count=len(params), limit=MAX_GOAL_PARAMS)
    for name, item in params.items():
        if not isinstance(name, str) or not name or len(name) > MAX_PARAM_NAME or not _is_clean(name, ""):
            raise LessonError("{where}: the challenge has a parameter whose name is not usable; name parameters "
                              "as the lesson editor does.", where=where)
        if not _is_parameter_value(item):
            raise LessonError("{where}: the challenge's parameter '{name}' must be a number, a short text or "
                              "true/false.", where=where, name=name)
    return Goal(kind=kind, params=check_goal(kind, dict(params), file, number))  # defaults filled in


def _is_parameter_value(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return abs(value) <= strict_json.MAX_INT
    if isinstance(value, float):
        return value == value and abs(value) != float("inf")
    return isinstance(value, str) and len(value) <= MAX_GOAL_TEXT and _is_clean(value, "")


def _minutes(value: Any, file: str, number: int) -> int:
    if type(value) is not int or not MIN_MINUTES <= value <= MAX_MINUTES:
        raise LessonError("{where}: 'minutes' is {value}; plan a whole number of minutes from {low} to {high} for "
                          "a scene.", where=_where(file, number), value=_shown_value(value),
                          low=MIN_MINUTES, high=MAX_MINUTES)
    return value


def _shown(name: Any, limit: int = 60) -> str:
    """A name from the file, safe to put in a sentence: printable, on one line, not too long."""
    name = str(name)
    shown = name if name.isprintable() else ascii(name)[1:-1]
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _shown_value(value: Any, limit: int = 60) -> str:
    """A value from the file as JSON writes it ("net", 3, null), safe to put in a sentence."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    return _shown(text, limit)


# ============================================================================ writing
def lesson_to_dict(lesson: Lesson) -> dict[str, Any]:
    """The lesson as a lesson file's JSON object, keys in the order a person reads them."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "id": lesson.id,
        "title": _text_dict(lesson.title),
        "summary": _text_dict(lesson.summary),
        "author": lesson.author,
        "scenes": [_scene_dict(scene) for scene in lesson.scenes],
    }


def _text_dict(text: Text) -> dict[str, str]:
    return {"en": text.en, "zh_CN": text.zh_CN}


def _scene_dict(scene: Scene) -> dict[str, Any]:
    result: dict[str, Any] = {name: _text_dict(scene.text(name)) for name in SCENE_TEXTS}
    result.update({
        "tab": scene.tab,
        "tabs": {tab: _sorted(state) for tab, state in scene.tabs.items()},
        "hide": list(scene.hide),
        "goal": None if scene.goal is None else {"kind": scene.goal.kind, "params": _sorted(scene.goal.params)},
        "minutes": scene.minutes,
    })
    return result


def _sorted(value: Any) -> Any:
    """Plain data with every dict's keys sorted (so the same lesson always writes the same bytes)."""
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value, key=str)}
    if isinstance(value, (list, tuple)):
        return [_sorted(item) for item in value]
    return value


def _pretty(value: Any, indent: str = "") -> str:
    """JSON indented by two spaces, with a short list of plain values kept on one line ([2, 8, 1])."""
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(key, ensure_ascii=False)}: {_pretty(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value:
        if not any(isinstance(item, (dict, list)) for item in value):
            flat = json.dumps(value, ensure_ascii=False, allow_nan=False)
            if len(flat) <= 80:
                return flat
        return "[\n" + ",\n".join(inner + _pretty(item, inner) for item in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def lesson_to_bytes(lesson: Lesson, file: str = "lesson") -> bytes:
    """The bytes of a lesson file: pretty-printed UTF-8 JSON that a teacher can read in any editor.

    LessonError (one sentence) for a lesson that read_lesson would refuse: nothing is written then.
    """
    try:
        data = lesson_to_dict(lesson)
    except (AttributeError, TypeError, KeyError):
        raise LessonError("{file} cannot be saved: the lesson is incomplete; this is a bug in Glassbox, please "
                          "report it.", file=file) from None
    checked = lesson_to_dict(lesson_from_dict(data, file))  # never write what read_lesson would refuse
    text = _pretty(checked) + "\n"
    payload = text.encode("utf-8")
    if len(payload) > MAX_FILE_BYTES:
        raise LessonError("{file} cannot be saved: the lesson would be too big (over {limit} MB); shorten its "
                          "texts or split it into two lessons.", file=file, limit=MAX_FILE_BYTES // 2**20)
    return payload


def write_lesson(path: str | os.PathLike, lesson: Lesson) -> None:
    """Write `lesson` to `path` atomically (the old file stays whole on any failure)."""
    payload = lesson_to_bytes(lesson, shown_name(path))
    atomic_write(path, payload, error=LessonError)
