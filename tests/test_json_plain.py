"""`json_out.plain` on a finding's data (`Fields`, read by its class's keys) against the same
data as plain dicts (the general path for any mapping)."""

from __future__ import annotations

import math
import sys
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from ezplan.findings import Fields, _compact, fields
from ezplan.render.json_out import plain
from ezplan.report import check

from .conftest import ROOT


def _as_dicts(value):
    if isinstance(value, Fields):
        return {k: _as_dicts(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_dicts(v) for v in value]
    return value


def _same(a, b) -> bool:
    """Equal, NaN to NaN (plain writes it as None: both sides do)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def test_findings_data_is_plain_as_dicts():
    found = check(ROOT).findings
    assert found
    for f in found:
        assert _same(plain(f.data), plain(_as_dicts(f.data)))


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),  # what JSON encoders write
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.sampled_from(["a", "é", "亿", "\ud800", "\udcff", "\x85", " "])),
)
_keys = st.text(alphabet=st.sampled_from(["a", "b", "é", "\udcff", "_"]), min_size=1, max_size=3)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(_keys, inner, max_size=3),
    ),
    max_leaves=12,
)


@given(st.dictionaries(_keys, _values, max_size=5))
def test_fields_are_plain_as_dicts(data):
    kept = fields(data, _compact)
    assert _same(plain(kept), plain(_as_dicts(kept)))


@given(
    st.lists(st.dictionaries(_keys, _values, max_size=4), min_size=1, max_size=5),
    st.integers(1, 3),
    st.integers(0, 2),
)
def test_items_encoded_at_once_are_each_encoded_alone(values, depth, index):
    """`_items` (a list encoded at once) against `_item` of each: the same text, NaN, lone
    surrogates and numpy numbers among them (which send the list, or the item, through
    `plain`)."""
    from ezplan.render.json_out import _item, _items

    try:
        import orjson
    except ImportError:  # the `fast` extra not installed: the stdlib's encoder only
        orjson = None
    for encoder in {orjson, None}:  # with the `fast` extra's encoder, and without
        with mock.patch.dict(sys.modules, {"orjson": encoder}):
            alone = "".join(_item(v, depth, index + k) for k, v in enumerate(values))
            assert _items(values, depth, index) == alone


def test_items_with_numpy_numbers_are_each_encoded_alone():
    import numpy as np

    from ezplan.render.json_out import _item, _items

    values = [{"a": np.float64(1.5), "b": [np.int64(2)]}, {"c": float("nan")}, {"d": "x\udcff"}]
    assert _items(values, 2, 0) == "".join(_item(v, 2, k) for k, v in enumerate(values))
