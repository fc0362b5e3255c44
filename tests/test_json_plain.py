"""`json_out.plain` on a finding's data (`Fields`, read by its class's keys) against the same
data as plain dicts (the general path for any mapping)."""

from __future__ import annotations

import math

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
    st.integers(),
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
