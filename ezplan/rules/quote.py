"""Figures against their quotes.

A figure that carries the plan's sentence (`quote:`) must say what the sentence says: its
number has to appear in the quote. Numbers are compared as values, so full-width digits,
thousands separators and a change of magnitude word all match (4.208亿美元 is in
"42080万美元", but 326.57万元 is not in "326.57亿元"), and 增长2.4倍 matches "2.4倍" — which
reading of 倍 is right is level-growth's business. A mistyped transcription is then caught
even where no other figure would contradict it.

- warning: the figure's number is nowhere in its quote (the message lists the numbers that are).

Example: ``value: 7.6亿元`` beside ``quote: 项目运营后预计年商品交易额可达7：6亿元``: the quote has
7 and 6, not 7.6 — the transcription guessed, and the source should be confirmed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ezplan.errors import Mark
from ezplan.facts import Facts
from ezplan.figures import Kind, normalize_digits
from ezplan.findings import Finding, Severity
from ezplan.model import Plan, Stated
from ezplan.units import MAGNITUDES

CODE = "quote"
TITLE = {"en": "Figures against their quotes", "zh": "数字与原文"}
LEVEL = "warning"  # the most severe it reports (SARIF's default level)
DOC_ZH = """\
数字与原文。

带有规划原句（quote:）的数字必须与原句一致：其数值必须出现在原句中。按数值比较，因此全角数字、千
分位和数量单位的变化都能匹配（4.208亿美元与“42080万美元”相符，326.57万元则与“326.57亿元”不符），增长2.4倍与“2.4倍”相符——“倍”的哪
种理解正确由 level-growth 判断。这样即使没有其他数字与之矛盾，抄录错误也能被发现。

- 警告：数字在原句中找不到（消息列出原句中的数字）。

例：value: 7.6亿元，原文“项目运营后预计年商品交易额可达7：6亿元”：原文中的数字为“7：6亿”，不是
7.6——抄录时作了猜测，应核实原文。
"""
MESSAGES = {
    "missing": {
        "en": "{figure} does not appear in its quote, which has {numbers}",
        "zh": "{figure}与原文不符：原文中的数字为{numbers}",
    },
    "no-number": {
        "en": "{figure} does not appear in its quote, which has no number",
        "zh": "{figure}与原文不符：原文中没有数字",
    },
}

_MAGS = "|".join(sorted((m for m in MAGNITUDES if m), key=len, reverse=True))
_NUMBER_RE = re.compile(rf"(\d+(?:,\d{{3}})*(?:\.\d+)?)({_MAGS})?")
_DOUBLING_RE = re.compile(r"翻了?(一|两|二|三|四|五|\d+)?番")
BINDING = 1e4  # from 万 on, a magnitude word after a quote's number is always its magnitude
_COUNTS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}


def _quote_numbers(quote: str) -> tuple[set[float], set[float]]:
    """The values of the numbers in a quote that may be read without their magnitude word,
    and the values of all of them scaled by it."""
    text = normalize_digits(quote)
    raw, scaled = set(), set()
    for number, magnitude in _NUMBER_RE.findall(text):  # no magnitude: ""
        value = float(number.replace(",", ""))
        scale = MAGNITUDES[magnitude]
        # 326.57万元 is not the quote's 326.57亿元; but 十, 百 and 千 often begin a unit of
        # their own (1.5百分点, 千瓦), so a number before them may be the figure unscaled
        if scale < BINDING:
            raw.add(value)
        scaled.add(value * scale)
    if "番" in text:  # most quotes have no doubling: no search for one
        for n in _DOUBLING_RE.findall(text):
            n = n or "一"  # 翻番 is 翻一番
            raw.add(float(_COUNTS.get(n) or int(n)))
    return raw, scaled


def _written(quote: str) -> list[str]:
    """The numbers of a quote as written (for the message)."""
    text = normalize_digits(quote)
    spans: list[tuple[int, int]] = []
    for m in _NUMBER_RE.finditer(text):
        # numbers one character apart are shown as written together (7：6亿, not 7 and 6亿):
        # the reader sees the slip as the quote has it
        if spans and m.start() - spans[-1][1] <= 1:
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append((m.start(), m.end()))
    shown = quote if len(quote) == len(text) else text  # as written, where the places agree
    return [shown[a:b] for a, b in spans]


def _close(x: float, values: set[float]) -> bool:
    # the same value is the common case, and a set finds it at once
    return x in values or any(math.isclose(x, v, rel_tol=1e-9, abs_tol=1e-12) for v in values)


def _found(s: Stated, raw: set[float], scaled: set[float]) -> bool:
    f = s.figure
    values = [f.low, f.high] if f.low is not None and f.high is not None else [f.value]
    mag = MAGNITUDES[f.unit.magnitude] if f.unit else 1.0
    return all(_close(abs(v), raw) or _close(abs(v) * mag, scaled) for v in values)


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    seen: set[Mark] = set()
    values_of: dict[str, tuple[set[float], set[float]]] = {}
    for iid, s, scope in plan.all_stated():
        if not s.quote or s.mark in seen:
            continue
        if s.field == "exchange_rate" and s.quote == plan.quote:
            continue  # the plan's own quote is about the plan, not its exchange rate
        seen.add(s.mark)
        if s.quote not in values_of:  # figures of one sentence share its quote
            values_of[s.quote] = _quote_numbers(s.quote)
        raw, scaled = values_of[s.quote]
        if s.figure.kind is Kind.DOUBLING:
            scaled = set()
        if _found(s, raw, scaled):
            continue
        written = _written(s.quote)
        numbers = {
            "en": ", ".join(f'"{w}"' for w in written),
            "zh": "、".join(f"“{w}”" for w in written),
        }
        params = {"figure": s.text, "numbers": numbers}
        mid = "missing" if written else "no-number"
        yield Finding(CODE, Severity.WARNING, iid, s.mark, mid, params, scope=scope)
