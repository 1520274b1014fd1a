"""Typed reads of saved settings (QSettings) that never raise: a value that does not read takes its default.

The settings file is the user's, and anything may be in it: a hand edit, a file from an
older version, binary junk, a number with twenty digits. Every read here checks the type
and the range of what it finds; when a stored value is unusable the default is used, the
key is remembered (`take_resets`), and the window says so in one sentence once it shows.
A missing key is not a reset: it simply takes the default.

    read_int(settings, "window/tab", 0, 0, 3)
    read_bool(settings, "view/english_terms", False)
    read_str(settings, "view/language", "system", choices=("zh_CN", "en", "system"))
    read_bytes(settings, "window/geometry")          # QByteArray or None
    read_json_dict(settings, "training/config")      # dict ({} when unusable)
    read_str_list(settings, "files/recent_sessions", max_items=8)
"""

from __future__ import annotations

import json
import math
from typing import Any, Iterable

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

MAX_TEXT = 4096  # characters of one saved text (a path, a language code, a JSON dict of settings)
MAX_JSON = 65536  # characters of one saved JSON value
MAX_BYTES = 1 << 20  # bytes of one saved binary value (window geometry and layout are a few hundred)

_MISSING = object()
_resets: list[str] = []
_notes: list[str] = []


# ------------------------------------------------------------------ what was reset
def record_reset(key: str) -> None:
    """Remember that `key` held a value that could not be read (its default is used instead)."""
    if key not in _resets:
        _resets.append(key)


def add_note(sentence: str) -> None:
    """A sentence about the settings as a whole (say, the file was ignored), shown with the resets."""
    if sentence not in _notes:
        _notes.append(sentence)


def take_resets() -> list[str]:
    """The keys reset since the last call, in the order they were met; forgets them."""
    keys = list(_resets)
    _resets.clear()
    return keys


def take_sentence() -> str:
    """One sentence for the window about the settings that could not be used ("" when all were fine); forgets them."""
    notes = list(_notes)
    _notes.clear()
    keys = take_resets()
    if keys:
        shown = ", ".join(keys[:6]) + (", …" if len(keys) > 6 else "")
        notes.append(QCoreApplication.translate(
            "SavedValues", "Some saved settings could not be read and went back to their defaults ({0}).").format(shown))
    return " ".join(notes)


# ------------------------------------------------------------------ the raw read
def _raw(settings: QSettings | None, key: str) -> Any:
    """The stored value, or _MISSING when there is none (or the store itself cannot be asked)."""
    if settings is None:
        return _MISSING
    try:
        if not settings.contains(key):
            return _MISSING
        return settings.value(key)
    except Exception:  # a store Qt cannot convert: treat it as unreadable, never as a crash
        record_reset(key)
        return _MISSING


def _reset(key: str, default):
    record_reset(key)
    return default


# ------------------------------------------------------------------ typed reads
def read_int(settings: QSettings | None, key: str, default: int, low: int, high: int) -> int:
    """A whole number in [low, high]; anything else (text, 1e30, a list, 2.5) gives `default`."""
    value = _raw(settings, key)
    if value is _MISSING or value is None:
        return default
    number = _as_number(value)
    if number is None or not math.isfinite(number) or number != int(number) or not low <= number <= high:
        return _reset(key, default)
    return int(number)


def read_float(settings: QSettings | None, key: str, default: float, low: float, high: float) -> float:
    """A finite number in [low, high]; anything else gives `default`."""
    value = _raw(settings, key)
    if value is _MISSING or value is None:
        return default
    number = _as_number(value)
    if number is None or not math.isfinite(number) or not low <= number <= high:
        return _reset(key, default)
    return float(number)


def read_bool(settings: QSettings | None, key: str, default: bool) -> bool:
    """True/False as QSettings writes them ("true", "false", 1, 0); anything else gives `default`."""
    value = _raw(settings, key)
    if value is _MISSING or value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "1", "false", "0"):
        return value.strip().lower() in ("true", "1")
    return _reset(key, default)


def read_str(settings: QSettings | None, key: str, default: str, choices: Iterable[str] | None = None,
             max_length: int = MAX_TEXT) -> str:
    """A text (one of `choices` when given, at most `max_length` characters, no NUL); else `default`."""
    value = _raw(settings, key)
    if value is _MISSING or value is None:
        return default
    if not isinstance(value, str) or len(value) > max_length or "\x00" in value:
        return _reset(key, default)
    if choices is not None and value not in tuple(choices):
        return _reset(key, default)
    return value


def read_bytes(settings: QSettings | None, key: str, max_bytes: int = MAX_BYTES) -> QByteArray | None:
    """Binary data (window geometry, layout) as Qt saved it; None when missing or unusable."""
    value = _raw(settings, key)
    if value is _MISSING or value is None:
        return None
    if isinstance(value, (bytes, bytearray)):
        value = QByteArray(bytes(value))
    if not isinstance(value, QByteArray) or value.size() > max_bytes:
        return _reset(key, None)
    return value


def read_json_dict(settings: QSettings | None, key: str, max_length: int = MAX_JSON) -> dict:
    """A JSON object saved as text; {} when missing, and {} (recorded) when it is not a JSON object."""
    text = read_str(settings, key, "", max_length=max_length)
    if not text:
        return {}
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return _reset(key, {})
    if not isinstance(value, dict):
        return _reset(key, {})
    return value


def read_str_list(settings: QSettings | None, key: str, max_items: int, max_length: int = MAX_TEXT) -> list[str]:
    """A list of texts (QSettings keeps one as a bare text); items that are not usable texts are dropped."""
    value = _raw(settings, key)
    if value is _MISSING or value is None:
        return []
    if isinstance(value, str):
        value = [value] if value else []
    if not isinstance(value, (list, tuple)):
        return _reset(key, [])
    return [item for item in value if isinstance(item, str) and item and len(item) <= max_length
            and "\x00" not in item][:max_items]


def _as_number(value: Any) -> float | None:
    """A number from what QSettings returns (int, float, or the text an INI file holds)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return float(value)
        except OverflowError:  # an int too big for a float
            return math.inf
    if isinstance(value, str) and len(value) <= 64:
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None
