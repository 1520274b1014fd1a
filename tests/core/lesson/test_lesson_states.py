"""Partial tab states: laid over the defaults, and taken as the difference from them."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.lesson.states import difference, merged


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """States are plain dicts: override tests/core/conftest.py's fixture, which imports torch and resets its
    thread pool around every test."""
    yield


DEFAULT = {"hidden": [8, 8], "activation": "tanh", "rate": 0.03, "show": True,
           "view": {"zoom": 1.0, "colours": {"a": 1, "b": 2}, "items": [1, 2]}, "seed": None}


def test_merging_lays_nested_dicts_over_the_defaults_and_replaces_everything_else():
    partial = {"hidden": [2], "view": {"colours": {"b": 5}, "items": [3]}, "new": "x"}
    result = merged(DEFAULT, partial)
    assert result == {"hidden": [2], "activation": "tanh", "rate": 0.03, "show": True,
                      "view": {"zoom": 1.0, "colours": {"a": 1, "b": 5}, "items": [3]}, "seed": None, "new": "x"}


def test_merging_changes_neither_side_and_shares_nothing_with_them():
    default, partial = copy.deepcopy(DEFAULT), {"view": {"items": [9]}, "hidden": [4, 4]}
    before = copy.deepcopy(partial)
    result = merged(default, partial)
    result["view"]["items"].append(10)
    result["hidden"].append(4)
    result["view"]["colours"]["a"] = 99
    assert default == DEFAULT and partial == before


def test_a_value_replaces_a_dict_and_a_dict_replaces_a_value():
    assert merged({"a": {"b": 1}}, {"a": 3}) == {"a": 3}
    assert merged({"a": 3}, {"a": {"b": 1}}) == {"a": {"b": 1}}
    assert merged(DEFAULT, {}) == DEFAULT


def test_the_difference_keeps_only_what_changed_nested():
    full = merged(DEFAULT, {"rate": 0.1, "view": {"colours": {"a": 7}}})
    assert difference(full, DEFAULT) == {"rate": 0.1, "view": {"colours": {"a": 7}}}
    assert difference(DEFAULT, DEFAULT) == {}
    assert difference({**DEFAULT, "extra": [1]}, DEFAULT) == {"extra": [1]}


def test_the_difference_compares_as_json_would():
    default = {"pair": (1, 2), "flag": True, "count": 1, "rate": 1.0}
    assert difference({"pair": [1, 2], "flag": True, "count": 1, "rate": 1}, default) == {}
    assert difference({"pair": (1, 2), "flag": 1, "count": True, "rate": 1.0}, default) == {"flag": 1,
                                                                                            "count": True}
    assert difference({"pair": [1, 2, 3]}, default) == {"pair": [1, 2, 3]}


def test_the_difference_does_not_share_values_with_the_full_state():
    full = merged(DEFAULT, {"hidden": [1, 2, 3]})
    result = difference(full, DEFAULT)
    result["hidden"].append(4)
    assert full["hidden"] == [1, 2, 3]


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(-2, 2, allow_nan=False),
                    st.sampled_from(["relu", "tanh", ""]))
KEYS = st.sampled_from(["a", "b", "c", "d"])
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(KEYS, inner, max_size=3)), max_leaves=12)
STATES = st.dictionaries(KEYS, VALUES, max_size=4)


@settings(max_examples=150, deadline=None)
@given(STATES, STATES)
def test_merging_the_difference_gives_back_the_full_state(default, changes):
    full = merged(default, changes)
    partial = difference(full, default)
    assert merged(default, partial) == full
    assert difference(merged(default, partial), default) == partial
