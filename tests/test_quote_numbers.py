"""The numbers of a quote (`quote._quote_numbers`, read for every quoted figure) against the way
they were read before it took the quick path, on quotes of every form (since then, a number
before 万 or a larger magnitude word is no longer also read bare)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ezplan.figures import normalize_digits
from ezplan.rules import quote
from ezplan.units import MAGNITUDES


def _numbers_as_they_were(text_: str) -> tuple[set[float], set[float]]:
    text = normalize_digits(text_)
    raw, scaled = set(), set()
    for m in quote._NUMBER_RE.finditer(text):
        value = float(m.group(1).replace(",", ""))
        if m.group(2) in (None, "十", "百", "千"):
            raw.add(value)
        scaled.add(value * MAGNITUDES[m.group(2) or ""])
    for m in quote._DOUBLING_RE.finditer(text):
        n = m.group(1) or "一"
        raw.add(float(quote._COUNTS.get(n) or int(n)))
    return raw, scaled


_PIECES = [*"0123456789０１２３，,.．。、%年", "亿", "万", "千", "百", "亿元", "万美元", "翻", "番"]
_PIECES += ["翻一番", "翻两番", "翻了一番", "翻番", "翻3番", "翻了12番", "1,000", "2.5倍"]
_PIECES += ["１２．５"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=20))
def test_quote_numbers_are_read_as_they_were(pieces):
    text = "".join(pieces)
    assert quote._quote_numbers(text) == _numbers_as_they_were(text)
