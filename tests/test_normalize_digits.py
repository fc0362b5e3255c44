"""`normalize_digits` (full-width runs translated where they stand) against the translation of
the whole text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ezplan.figures import _FULL_WIDTH, normalize_digits

_CHARS = st.sampled_from(
    ["５", "，", "．", "％", "Ａ", "\u3000", "\uff5e", "\uff5f", "亿", "5", " "]
)


@given(st.text(_CHARS))
def test_full_width_runs_are_the_whole_text_translated(text):
    assert normalize_digits(text) == text.translate(_FULL_WIDTH)


@given(st.text())
def test_any_text_is_the_whole_text_translated(text):
    assert normalize_digits(text) == text.translate(_FULL_WIDTH)
