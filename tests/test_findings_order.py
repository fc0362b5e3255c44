"""Findings sorted by `in_order` (as `rules.evaluate` sorts them) are in the order they had when
they were sorted by comparing them: position, rule, then message; ties kept as they came."""

from __future__ import annotations

from functools import cmp_to_key

from hypothesis import given
from hypothesis import strategies as st

from ezplan.errors import Mark
from ezplan.findings import Finding, Severity, in_order


def _compared(a: Finding, b: Finding) -> int:
    """The comparison findings had: (file, line, column, rule), then the message id."""
    ka = ((a.mark.file, a.mark.line, a.mark.column, a.check), a.message_id)
    kb = ((b.mark.file, b.mark.line, b.mark.column, b.check), b.message_id)
    return (ka > kb) - (ka < kb)


_findings = st.builds(
    lambda file, line, column, check, mid: Finding(
        check, Severity.ERROR, None, Mark(file, line, column), mid, {}
    ),
    st.sampled_from(["baselines.yaml", "targets.yaml", "a/b.yaml"]),
    st.integers(1, 4),
    st.integers(1, 3),
    st.sampled_from(["growth-rate", "level-rate", "part-whole"]),
    st.sampled_from(["a", "b", "sum"]),
)


@given(st.lists(_findings, max_size=30))
def test_sorted_by_key_as_by_comparing(found):
    by_key = sorted(found, key=in_order)
    assert [id(f) for f in by_key] == [id(f) for f in sorted(found, key=cmp_to_key(_compared))]
    # compared one by one (`__lt__`): as the documented order, written out here
    documented = sorted(
        found, key=lambda f: (f.mark.file, f.mark.line, f.mark.column, f.check, f.message_id)
    )
    assert [id(f) for f in sorted(found)] == [id(f) for f in documented]
