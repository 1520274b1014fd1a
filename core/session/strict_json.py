"""Strict JSON for session files: finite numbers only, bounded depth, no duplicate keys.

A session comes from anyone, so its JSON is read with every door shut: `NaN`,
`Infinity` and numbers that overflow to infinity are refused, so are integers past
64 bits, keys given twice and nesting deeper than MAX_DEPTH (checked before the
parser runs, so a million `[` cannot exhaust the stack). Writing is just as strict,
so a file we write is always one we can read.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

MAX_DEPTH = 64
MAX_INT = 2**63 - 1

# The characters that open or close a level, a string, or an escape inside a string.
_SPECIAL = re.compile(r'[\[\]{}"\\]')


class JsonRejected(ValueError):
    """Why a JSON text was refused: `reason` is one of invalid, nested, number, duplicate, not_data."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def dumps(value: Any) -> bytes:
    """UTF-8 JSON of plain data; JsonRejected("not_data") for anything else or a non-finite number."""
    _check_depth_of_value(value, 0)
    try:
        text = json.dumps(value, allow_nan=False, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        raise JsonRejected("not_data") from None
    loads(text.encode("utf-8"))  # what we write we must be able to read (e.g. integers within 64 bits)
    return text.encode("utf-8")


def loads(data: bytes) -> Any:
    """Parse UTF-8 JSON strictly; raise JsonRejected with the reason."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise JsonRejected("invalid") from None
    _check_depth_of_text(text)
    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
            object_pairs_hook=_unique_object,
        )
    except JsonRejected:
        raise
    except (ValueError, RecursionError, TypeError):
        raise JsonRejected("invalid") from None


def _check_depth_of_text(text: str) -> None:
    """Count nesting in one linear pass (brackets inside strings do not count)."""
    depth, in_string, skip = 0, False, -1
    for match in _SPECIAL.finditer(text):
        position = match.start()
        if position < skip:  # the character after a backslash
            continue
        token = text[position]
        if in_string:
            if token == "\\":
                skip = position + 2
            elif token == '"':
                in_string = False
        elif token == '"':
            in_string = True
        elif token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise JsonRejected("nested")
        elif token in "]}":
            depth -= 1


def _check_depth_of_value(value: Any, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise JsonRejected("nested")
    if isinstance(value, dict):
        for item in value.values():
            _check_depth_of_value(item, depth + 1)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check_depth_of_value(item, depth + 1)


def _reject_constant(name: str):
    raise JsonRejected("number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonRejected("number")
    return value


def _bounded_int(text: str) -> int:
    if len(text) > 20:
        raise JsonRejected("number")
    value = int(text)
    if abs(value) > MAX_INT:
        raise JsonRejected("number")
    return value


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise JsonRejected("duplicate")
    return result
