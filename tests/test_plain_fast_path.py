"""`plain` (every finding's data on its way to JSON) with its quick paths for the common kinds:
the same as the general rule it was, on data of every kind."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ezplan import fmt
from ezplan.errors import printable
from ezplan.findings import fields
from ezplan.render import json_out


def _plain_as_it_was(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value) if json_out._SURROGATE_RE.search(value) else value
    if isinstance(value, Mapping):
        return {
            _plain_as_it_was(k) if isinstance(k, str) else k: _plain_as_it_was(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_plain_as_it_was(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int) and not hasattr(value, "dtype"):
        return value
    if isinstance(value, float) or hasattr(value, "dtype"):
        x = float(value)
        return x if math.isfinite(x) else fmt.json_number(x)
    return value


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=True, allow_infinity=True).map(np.float64),
    st.floats(allow_nan=True, allow_infinity=True, width=32).map(np.float32),
    st.integers(-1000, 1000).map(np.int64),
    st.booleans().map(np.bool_),
    st.text(max_size=8),
    st.sampled_from(["\ud800x", "a\u202eb", "\x85", "亿元"]),
)
_keys = st.text(min_size=1, max_size=6)
_data = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(_keys, inner, max_size=4),
        st.dictionaries(_keys, inner, max_size=4).map(fields),
    ),
    max_leaves=20,
)


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same types throughout (NaN is never kept, so == is enough there)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


@settings(max_examples=500, deadline=None)
@given(value=_data)
def test_plain_is_what_it_was(value):
    assert _same(json_out.plain(value), _plain_as_it_was(value))


def test_fields_values_are_its_values_in_key_order():
    f = fields({"b": 1, "a": {"x": 2}, "c": [3]})
    assert f.values() == (1, f["a"], [3])
    assert list(f.values()) == [f[k] for k in f]
    assert len(f.values()) == 3
