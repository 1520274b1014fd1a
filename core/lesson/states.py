"""Partial tab states: a scene stores only what differs from a tab's defaults.

A tab's state dictionary (each gui/<tab>/state.py `to_dict()`) is plain JSON-like data. A
lesson keeps only the differences, so it stays short, readable by a teacher, and keeps
working when a later Glassbox adds a setting. `merged(default, difference(full, default))`
equals `full` for every key `default` has.
"""

from __future__ import annotations

import copy
from typing import Any


def merged(default: dict[str, Any], partial: dict[str, Any]) -> dict[str, Any]:
    """`default` with `partial` laid over it: nested dicts merged key by key, every other value replaced.

    Neither argument is changed, and the result shares no mutable value with them.
    """
    result = copy.deepcopy(default)
    for key, value in partial.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def difference(full: dict[str, Any], default: dict[str, Any]) -> dict[str, Any]:
    """Only what `full` changes from `default`, nested: a dict inside both is compared key by key
    (and left out if nothing in it differs); any other value is kept whole when it differs.

    Keys of `default` missing from `full` are not recorded: a partial state cannot remove a key.
    """
    result: dict[str, Any] = {}
    for key, value in full.items():
        if key not in default:
            result[key] = copy.deepcopy(value)
        elif isinstance(value, dict) and isinstance(default[key], dict):
            inner = difference(value, default[key])
            if inner:
                result[key] = inner
        elif not _same(value, default[key]):
            result[key] = copy.deepcopy(value)
    return result


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON would keep them: a tuple equals the list with the same items, and a bool is not a number."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[key], b[key]) for key in a)
    try:
        return bool(a == b)
    except Exception:  # an odd value (a numpy array) that compares element-wise: treat it as changed
        return False
