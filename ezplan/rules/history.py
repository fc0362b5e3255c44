"""Stated historical growth vs recorded levels.

Plans report past achievements as growth over a period (比2015年增长24.9%, 2016-2019年年均增长
12.6%) next to a level at one end only. The growth then implies the level at the other end, which
the plan never states — the 2015 base of a 13th-plan achievement, say. This rule

- notes the level each such statement implies (the implied base), so a reviewer can compare it
  with the statistical yearbook;
- when two statements imply the same year's level, checks that they agree: error if they cannot
  within the rounding of the figures, warning if only within rounding;
- where that year's level is stated in another currency and no exchange rate converts it, says
  so rather than "not stated" — a warning where its number, read in the indicator's own unit,
  is what the growth implies (73.7亿元 typed for 73.7亿美元).

Where a statement's both ends are recorded, level-rate and level-growth check it; the implied
levels also feed part-whole (2015 exports + imports vs 2015 total trade).

Example: 421.86亿元 in 2019 after 年均增长12.6% over 2016–2019 implies 262.4亿元 in 2015.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator

import numpy as np

from ezplan import fmt
from ezplan.facts import Facts, Implied, Val
from ezplan.findings import Checked, Finding, Severity
from ezplan.model import Plan, Stated
from ezplan.rules._common import annual_words, data_val, judge, overlap, show_like, within

CODE = "history"
TITLE = {"en": "Historical growth vs recorded levels", "zh": "历史增速与已知水平"}
DOC_ZH = """\
历史增速与已知水平。

规划常以某时期的增长（比2015年增长24.9%，2016—2019年年均增长12.6%）报告以往成绩，但只给出一端的
水平。这时增长意味着另一端的水平——例如规划从未写出的“十三五”基期2015年水平。本规则

- 提示每个这样的表述推得的水平，便于对照统计年鉴；
- 两个表述推得同一年份的水平时，核对二者是否一致：在舍入范围内不能一致为错误，仅在舍入范围内一致
  为警告；
- 该年水平以另一种货币列出、又没有汇率可以折算时，如实说明而不说“未列出”；若其数值按指标本身的单位
  理解正是增长所推得的水平（73.7亿美元误写为73.7亿元），为警告。

两端水平都已记录时由 level-rate 和 level-growth 核对；推得的水平也用于 part-whole（2015年出口 +
进口对比2015年外贸总额）。

例：2019年421.86亿元、2016—2019年年均增长12.6%，推得2015年为262.4亿元。
"""
MESSAGES = {
    "implied": {
        "en": "the {year} level is not stated; {via} over {years} and {known} in "
        "{from_year} imply {value} (allowed {allowed})",
        "zh": "{year}年水平未列出；由{years}年{via}及{from_year}年的{known}推得{value}"
        "（允许{allowed}）",
    },
    "unconverted": {
        "en": "the {year} level {stated} is not in {unit} and no exchange rate converts it; "
        "{via} over {years} and {known} in {from_year} imply {value} (allowed {allowed})",
        "zh": "{year}年水平{stated}不以{unit}计，又没有汇率可以折算；由{years}年{via}及"
        "{from_year}年的{known}推得{value}（允许{allowed}）",
    },
    "unit-slip": {
        "en": "the {year} level {stated} is not in {unit} and no exchange rate converts it; "
        "{via} over {years} and {known} in {from_year} imply {value} (allowed {allowed}) — "
        "as if {stated} were meant in {unit}",
        "zh": "{year}年水平{stated}不以{unit}计，又没有汇率可以折算；由{years}年{via}及"
        "{from_year}年的{known}推得{value}（允许{allowed}）——{stated}疑为以{unit}计",
    },
    "conflict": {
        "en": "{via} implies {value} for {year}, but {other_via} implies {other_value}",
        "zh": "{via}推得{year}年为{value}，而{other_via}推得{other_value}",
    },
    "conflict-rounding": {
        "en": "{via} implies {value} for {year}, but {other_via} implies {other_value}; they "
        "agree only within rounding",
        "zh": "{via}推得{year}年为{value}，而{other_via}推得{other_value}；仅在舍入范围内相符",
    },
}


def _known_text(facts: Facts, imp: Implied) -> str:
    a = facts.amount(imp.indicator, imp.from_year)
    return a.stated.text if a is not None else "?"


def _via_text(imp: Implied) -> str:
    text = imp.via.text
    return annual_words(text) if imp.via.field == "annual" and "增" not in text else text


def _via(imp: Implied) -> str:
    span = f"{imp.claim.base_year + 1}–{imp.claim.end_year}"
    return f"{span} {_via_text(imp)} ({imp.via.mark})"


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    groups: dict[tuple[str, int], list[Implied]] = {}
    for imp in facts.implied:
        if imp.claim.scope == "history":
            groups.setdefault((imp.indicator, imp.year), []).append(imp)
    # levels stated for a year that no exchange rate converts to their indicator's unit: the
    # note says so, not "the 2015 level is not stated" (73.7亿元 for 73.7亿美元)
    unconverted = {
        (lv.indicator, lv.year): lv.figures[0]
        for lv in plan.levels
        if lv.scope == "history" and plan.amount(lv) is None
    }
    for (iid, year), imps in groups.items():
        first = imps[0]
        like = _like(facts, first)
        # ≥ 105.1亿元 where an end is open (突破300亿元), never ∞亿元
        shown = functools.partial(show_like, plan, iid, like=like, extra=1)
        lo, hi = first.value.lo, first.value.hi
        if lo == 0.0 and first.value.face > 0:
            # 翻了一番 (at least ×2) and 32886元 bound the level before from above only:
            # ≤ 17023.1元, not [0.0元, 17023.1元]; with a floor too (突破500列 after 增长2倍以上),
            # nothing
            if math.isinf(hi):
                continue
            lo = -math.inf
        allowed = fmt.interval(lo, hi, shown)
        value = show_like(plan, iid, first.value.face, like, _finer(plan, iid, first.value, like))
        if math.isfinite(lo) and math.isfinite(hi) and not _within(value, shown(lo), shown(hi)):
            value = shown(first.value.face)  # 1.85万人 in [1.82万人, 1.88万人], not 1.8万人
        params: dict = {}
        sev, mid, mark = Severity.NOTE, "implied", first.via.mark
        if (stated := unconverted.get((iid, year))) is not None:
            unit = facts.unit(iid)
            params = {"stated": stated.text, "unit": str(unit)}
            mid, mark = "unconverted", stated.mark
            f = stated.figure
            if f.unit is not None and f.unit.scale and unit.scale:
                as_if = f.value * f.unit.scale / unit.scale  # the number, in the indicator's unit
                if first.value.lo <= as_if <= first.value.hi:
                    sev, mid = Severity.WARNING, "unit-slip"
        yield Finding(
            CODE,
            sev,
            iid,
            mark,
            mid,
            params
            | {
                "year": str(year),
                "via": _via_text(first),
                "years": fmt.years_words(first.claim.base_year + 1, first.claim.end_year),
                "known": _known_text(facts, first),
                "from_year": str(first.from_year),
                "value": value,
                "allowed": allowed,
            },
            data={"year": year, "implied": data_val(first.value), "unit": str(facts.unit(iid))},
            scope="history",
            steps=(
                f"{_via_text(first)} → ×{facts.factor(first.claim).face:.6f}",  # type: ignore[union-attr]
                f"{_known_text(facts, first)} {'÷' if first.year < first.from_year else '×'} "
                f"{facts.factor(first.claim).face:.6f} = "  # type: ignore[union-attr]
                f"{show_like(plan, iid, first.value.face, like, 2)}",
            ),
        )
    yield from _conflicts(plan, facts, groups)


def _conflicts(
    plan: Plan, facts: Facts, groups: dict[tuple[str, int], list[Implied]]
) -> Iterator[Finding]:
    """Every later statement implying a level for the same year, against the first one."""
    pairs = [(imps[0], other) for imps in groups.values() for other in imps[1:]]
    if not pairs:
        return
    a = np.array([p[0].value for p in pairs])
    b = np.array([p[1].value for p in pairs])
    feasible = overlap(a[:, 1], a[:, 2], b[:, 1], b[:, 2])
    as_written = within(b[:, 0], a[:, 1], a[:, 2]) | within(a[:, 0], b[:, 1], b[:, 2])
    for (first, other), sev in zip(pairs, judge(feasible, as_written), strict=True):
        yield Checked(CODE, other.indicator, "history")
        if sev is None:
            continue
        iid, year = other.indicator, other.year
        a_val, b_val = first.value, other.value
        mid = "conflict" if sev is Severity.ERROR else "conflict-rounding"
        yield Finding(
            CODE,
            sev,
            iid,
            other.via.mark,
            mid,
            {
                "year": str(year),
                "via": _via(other),
                "value": show_like(plan, iid, b_val.face, _like(facts, other)),
                "other_via": _via(first),
                "other_value": show_like(plan, iid, a_val.face, _like(facts, first)),
            },
            data={
                "year": year,
                "implied": data_val(b_val),
                "other": data_val(a_val),
                "unit": str(facts.unit(iid)),
            },
            scope="history",
            related=(first.via.mark,),
        )


def _finer(plan: Plan, iid: str, v: Val, like: Stated) -> int:
    """Digits beyond `like`'s that an implied level needs to carry three significant ones:
    突破4万亿元 grown 7.2% implies 3.73万亿元 for the year before, which at 4万亿元's own digit
    reads 4万亿元 — the growth gone."""
    unit = plan.indicators[iid].unit
    u = like.figure.unit
    x = abs(v.face * (unit.factor_to(u) if u is not None and u.dimension == unit.dimension else 1))
    if not math.isfinite(x) or x == 0:
        return 0
    whole = math.floor(math.log10(x)) + 1
    return max(0, 3 - whole - like.figure.decimals)


def _like(facts: Facts, imp: Implied) -> Stated:
    a = facts.amount(imp.indicator, imp.from_year)
    assert a is not None  # an implied level always comes from a recorded one
    return a.stated


def _within(value: str, lo: str, hi: str) -> bool:
    """A value as shown lies within its interval as shown (the three in one unit and scale:
    compared by their numbers)."""
    nums = [re.match(r"-?\d[\d,]*(?:\.\d+)?", t) for t in (value, lo, hi)]
    if not all(nums):
        return True
    v, a, b = (float(m.group().replace(",", "")) for m in nums)  # type: ignore[union-attr]
    return a <= v <= b
