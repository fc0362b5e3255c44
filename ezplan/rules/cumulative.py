"""Cumulative amounts (累计).

A cumulative target sums a yearly amount over the plan years (base year excluded). With an
annual growth rate, the 累计法 relation Σ a0·(1+r)^t = S (t = 1…n) ties the base-year amount a0,
the rate r and the sum S together:

- with a0, r and S all known: error if no values within rounding agree, warning if they agree
  only within rounding;
- with r and S but no recorded base-year amount: note of the a0 and yearly amounts they imply —
  or, where the end year's stated level puts a0 elsewhere at the same rate (水平法) beyond what
  the figures' widths allow, note that the years did not grow evenly (a rate holds by one
  method or the other; only even growth makes both hold);
- with a0 and S but no rate: note of the rate they imply;
- against the previous period's cumulative amount of the same indicator: warning when the new
  period's yearly average is below the old one's although the plan says the indicator grows
  (a positive stated rate, or `direction: up`) — implausible as described.

Example: 实际利用外资 年均增长10%，累计3.2亿美元 over 2021–2025 implies 0.477亿美元 in 2020 and
0.767亿美元 in 2025, while 2016–2020 summed to 6.93亿美元 (1.386亿美元 a year): warning.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from ezplan import engine, fmt
from ezplan.facts import Facts, Val, rate_bound, rate_val
from ezplan.figures import Comparator
from ezplan.findings import Checked, Finding, Severity
from ezplan.model import Amount, CumulativeClaim, GrowthClaim, Plan
from ezplan.rules._common import (
    data_val,
    judge,
    overlap,
    rate_words,
    show_amount,
    show_like,
    stated_rate_words,
    within,
)

CODE = "cumulative"
TITLE = {"en": "Cumulative amounts", "zh": "累计额"}
DOC_ZH = """\
累计额（累计法）。

累计目标是规划各年（不含基期年份）金额之和。给出年均增速时，累计法关系 Σ a0·(1+r)^t = S（t = 1…n）
把基期金额 a0、增速 r 与累计额 S 联系起来：

- a0、r、S 都已知：在舍入范围内不能相符为错误，仅在舍入范围内相符为警告；
- 只有 r 和 S：提示二者推得的基期金额和逐年金额；若期末年份已列出水平，按同一增速（水平法）推得的
  基期金额超出各数字宽度所容，则提示各年并非均匀增长（增速只能按其中一种方法成立，唯有均匀增长时
  两者同时成立）；
- 只有 a0 和 S：提示二者推得的增速；
- 与上一时期同一指标的累计额比较：规划称其增长（增速为正或 direction: up），新时期的年均额却低于
  上一时期，为警告——如此描述不合常理。

例：实际利用外资年均增长10%、2021—2025年累计3.2亿美元，意味着2020年为0.477亿美元、2025年为
0.767亿美元，而2016—2020年累计6.93亿美元（年均1.386亿美元）：警告。
"""
MESSAGES = {
    "mismatch": {
        "en": "at {rate} a year from {base} ({base_year}), {first}–{end_year} sums to {expected}, "
        "not {total}; {total} needs {implied} a year (累计法)",
        "zh": "自{base_year}年的{base}按年均{rate}，{first}—{end_year}年累计为{expected}，"
        "而非{total}；累计{total}需年均{implied}（累计法）",
    },
    "rounding": {
        "en": "at {rate} a year from {base} ({base_year}), {first}–{end_year} sums to {expected}, "
        "not {total}; they agree only within rounding",
        "zh": "自{base_year}年的{base}按年均{rate}，{first}—{end_year}年累计为{expected}，"
        "而非{total}；仅在舍入范围内相符",
    },
    "implied-base": {
        "en": "累计{total} over {first}–{end_year}, grown evenly at {rate} a year, implies "
        "{base} in {base_year}, then {path}",
        "zh": "{first}—{end_year}年累计{total}，若每年均{rate}，意味着{base_year}年为{base}，"
        "此后逐年为{path}",
    },
    "uneven": {
        "en": "累计{total} over {first}–{end_year} at {rate} a year implies {base} in {base_year} "
        "(累计法), but {end} in {end_year} at that rate implies {level_base} (水平法): they cannot "
        "both hold on an even path — grown evenly to {end}, {first}–{end_year} would sum to "
        "{even_sum}; the years grew unevenly, or the sum and the level differ in scope",
        "zh": "{first}—{end_year}年累计{total}按年均{rate}推算（累计法），{base_year}年为{base}；"
        "由{end_year}年的{end}按同一增速推算（水平法），{base_year}年为{level_base}：均匀增长下"
        "二者不能同时成立——若均匀增长至{end}，{first}—{end_year}年累计应为{even_sum}；或各年增长"
        "并不均匀，或累计额与水平的统计口径不同",
    },
    "implied-rate": {
        "en": "累计{total} over {first}–{end_year} from {base} in {base_year} implies {implied} "
        "a year (累计法)",
        "zh": "自{base_year}年的{base}起{first}—{end_year}年累计{total}，意味着年均{implied}"
        "（累计法）",
    },
    "years-sum": {
        "en": "累计{total} over {first}–{end_year} is not the sum of its years: {known} add up to "
        "{sum}",
        "zh": "{first}—{end_year}年累计{total}，不等于各年之和：{known}合计{sum}",
    },
    "years-sum-rounding": {
        "en": "累计{total} over {first}–{end_year} is not the sum of its years: {known} add up to "
        "{sum}; they agree only within rounding",
        "zh": "{first}—{end_year}年累计{total}，不等于各年之和：{known}合计{sum}；"
        "仅在舍入范围内相符",
    },
    "below-year": {
        "en": "累计{total} over {first}–{end_year} is less than one of its years alone: {known}; "
        "no reading of 累计 allows that",
        "zh": "{first}—{end_year}年累计{total}，少于其中一年：{known}；无论如何理解“累计”都不成立",
    },
    "below-year-rounding": {
        "en": "累计{total} over {first}–{end_year} is less than one of its years alone: {known}; "
        "they agree only within rounding",
        "zh": "{first}—{end_year}年累计{total}，少于其中一年：{known}；仅在舍入范围内相符",
    },
    "below-years": {
        "en": "累计{total} over {first}–{end_year} is less than its stated years together: "
        "{known} add up to {sum}; the other years would have to be negative — unless the "
        "figure is a running total since some start rather than a sum over these years",
        "zh": "{first}—{end_year}年累计{total}，少于其中已列年份之和：{known}合计{sum}；其余年份"
        "须为负数——除非该数字是自某年以来的累计总数，而非这几年之和",
    },
    "below-years-rounding": {
        "en": "累计{total} over {first}–{end_year} is less than its stated years together: "
        "{known} add up to {sum}; they agree only within rounding",
        "zh": "{first}—{end_year}年累计{total}，少于其中已列年份之和：{known}合计{sum}；"
        "仅在舍入范围内相符",
    },
    "below-previous": {
        "en": "累计{total} over {first}–{end_year} ({avg} a year) is below the {prev} of "
        "{prev_first}–{prev_end} ({prev_avg} a year), though the plan has it growing{rate_clause}",
        "zh": "{first}—{end_year}年累计{total}（年均{avg}）低于{prev_first}—{prev_end}年的{prev}"
        "（年均{prev_avg}），而规划称其保持增长{rate_clause}",
    },
}


def _rate_claim(plan: Plan, c: CumulativeClaim) -> GrowthClaim | None:
    for g in plan.growth_of(c.indicator):
        if (g.indicator, g.base_year, g.end_year, g.scope) == (
            c.indicator,
            c.base_year,
            c.end_year,
            c.scope,
        ) and g.annual is not None:
            return g
    return None


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    full, base_only, rate_only = [], [], []
    for c in plan.cumulative:
        s = facts.stated_val(c.indicator, c.amounts[0])
        if s is None:
            continue
        yield from _own_years(plan, facts, c, s)  # a ceiling (10万人以内) too
        if s.lo <= 0:
            continue
        g = _rate_claim(plan, c)
        a = facts.amount(c.indicator, c.base_year)
        b = None if a is None else Val(a.face, a.lo, a.hi)
        if g is not None and a is not None:
            full.append((c, s, g, b, _base_text(plan, c, a)))
        elif g is not None:
            rate_only.append((c, s, g, facts.amount(c.indicator, c.end_year)))
        elif a is not None:
            base_only.append((c, s, b, _base_text(plan, c, a)))
        yield from _previous(plan, facts, c, s, g)
    yield from _full(plan, full)
    yield from _implied_base(plan, rate_only)
    yield from _implied_rate(plan, base_only)


def _own_years(plan: Plan, facts: Facts, c: CumulativeClaim, s: Val) -> Iterator[Finding]:
    """The sum against the levels the same file states for its own years: at least what they
    add up to (the other years' amounts cannot be negative), and, where every year is stated,
    their sum. 济南's 累计100万人 of 新增城镇就业 over 2016–2020 typed 10万人 beside 16.3万人
    in 2020 alone went unremarked (a reviewer's trial of typed slips). A target's sum is set
    against the targets' own yearly levels only: actual results in baselines.yaml past the base
    year are progress (a target already exceeded is no contradiction)."""
    if c.years == 1:
        # a 累计 of one year is its level, or a running total since some start read for the
        # year (南宁's 年内新增企业6555家，累计达8418家): nothing to add up
        return
    stated = {
        lv.year: lv
        for lv in plan.levels_of(c.indicator)
        if lv.scope == c.scope and lv.year is not None and c.base_year < lv.year <= c.end_year
    }
    known = [
        (y, a)
        for y in sorted(stated)
        if (a := facts.amount(c.indicator, y)) is not None and a.stated in stated[y].figures
    ]
    if not known or any(a.lo < 0 for _, a in known) or s.face < 0:
        return  # amounts that may be negative bound nothing
    lo = math.fsum(a.lo for _, a in known)
    hi = math.fsum(a.hi for _, a in known)
    face = math.fsum(a.face for _, a in known)
    complete = len(known) == c.years
    # a bound or a range lets figures agree that their faces do not: no "within rounding" then
    loose = any(
        x.figure.comparator not in (Comparator.EXACT, Comparator.ABOUT)
        for x in (c.amounts[0], *(a.stated for _, a in known))
    )
    if complete:  # a relation of its own: the sum of its years
        feasible = bool(
            overlap(np.array([lo]), np.array([hi]), np.array([s.lo]), np.array([s.hi]))[0]
        )
        # as written: the years' sum is what the stated sum, rounded, says (100.1 is 100)
        as_written = bool(within(np.array([face]), np.array([s.lo]), np.array([s.hi]))[0])
    else:
        feasible = s.hi >= lo * (1 - 1e-12)
        as_written = s.face >= face * (1 - 1e-12)
    sev = judge(np.array([feasible]), np.array([as_written or (loose and feasible)]))[0]
    if complete or sev is not None:  # it judged a relation (a failing one, at least)
        yield Checked(CODE, c.indicator, c.scope)
    if sev is None:
        return
    like = c.amounts[0]
    above = [(y, a) for y, a in known if a.lo > s.hi or a.face > s.face]
    if complete:
        mid = "years-sum"
    elif len(known) == 1 or s.hi < max(a.lo for _, a in known):
        mid = "below-year"  # less than one year alone: no reading of 累计 allows it
        known = above or known  # the years that alone exceed it
    else:
        mid = "below-years"
    if sev is not Severity.ERROR:
        mid += "-rounding"
    shown = [(y, _stated_text(plan, c, a)) for y, a in known]
    params = _common(c) | {
        "total": _total_text(plan, c, s),
        "known": {
            "en": ", ".join(f"{v} ({y})" for y, v in shown),
            "zh": "、".join(f"{y}年{v}" for y, v in shown),
        },
        "sum": _sum_text(plan, c, known, s),
    }
    yield Finding(
        CODE,
        sev,
        c.indicator,
        like.mark,
        mid,
        params,
        data={"years": [y for y, _ in known], "sum": face, "sum_lo": lo, "sum_hi": hi},
        scope=c.scope,
        related=tuple(a.stated.mark for _, a in known),
        steps=(
            f"{' + '.join(f'{a.face:g}' for _, a in known)} = {face:g}, allowing "
            + fmt.interval(lo, hi, lambda x: f"{x:g}"),
        ),
    )


def _stated_text(plan: Plan, c: CumulativeClaim, a: Amount) -> str:
    """A year's level as the plan states it (10万人以上, 10至20万人), and, converted from another
    currency, what it comes to in the indicator's unit (10亿元 ≈ 1.54亿美元)."""
    if a.converted:
        return f"{a.stated.text} ≈ {show_amount(plan, c.indicator, a.face, a.stated)}"
    return a.stated.text


def _sum_text(plan: Plan, c: CumulativeClaim, known: list[tuple[int, Amount]], s: Val):
    """What the years add up to, as their figures allow it: 22万人, ≥ 22万人 (10万人以上 and
    12万人以上), 13–19万人 (1至5万人 and 约12万人); with a digit more where the total's digits
    would write it as the total itself (3亿美元 beside 3.38)."""
    face = math.fsum(a.face for _, a in known)
    lo = math.fsum(a.lo for _, a in known)
    hi = math.fsum(a.hi for _, a in known)
    like = c.amounts[0]
    exact = all(a.stated.figure.comparator is Comparator.EXACT for _, a in known)
    bound = fmt.one_bound(*(a.stated.figure.bound for _, a in known))
    if not exact and bound is None:  # a range or 约 among them: what they allow
        return fmt.interval(lo, hi, lambda x: show_amount(plan, c.indicator, x, like, 0))
    extra = 0
    dec = fmt.decimals_in(like.figure, plan.indicators[c.indicator].unit)
    while extra < 2 and round(face, dec + extra) == round(s.face, dec + extra) != face:
        extra += 1
    text = show_amount(plan, c.indicator, face, like, extra)
    return fmt.bound_text(text, bound) if not exact else text


def _total_text(plan: Plan, c: CumulativeClaim, s: Val) -> str:
    """The sum as stated, with what it comes to in the indicator's unit where that differs."""
    text = c.amounts[0].text
    unit = c.amounts[0].figure.unit
    if unit is not None and unit.currency != plan.indicators[c.indicator].unit.currency:
        return f"{text} ≈ {show_amount(plan, c.indicator, s.face, c.amounts[0])}"
    return text


def _base_text(plan: Plan, c: CumulativeClaim, a: Amount) -> str:
    """The base year's level as stated (34289户, not 34289.0000户); converted from another
    currency, one digit finer than its figure."""
    if a.converted:
        return show_amount(plan, c.indicator, a.face, a.stated)
    return show_like(plan, c.indicator, a.face, a.stated)


def _common(c: CumulativeClaim) -> dict[str, str]:
    return {
        "total": c.amounts[0].text,
        "first": str(c.base_year + 1),
        "end_year": str(c.end_year),
        "base_year": str(c.base_year),
    }


def _full(plan: Plan, cases: list) -> Iterator[Finding]:
    if not cases:
        return
    s = np.array([x[1] for x in cases])
    r = np.array([rate_val(x[2].annual) for x in cases])
    b = np.array([x[3] for x in cases])
    n = np.array([x[0].years for x in cases], dtype=float)
    expected = engine.cumulative_total(b[:, 0], r[:, 0], n)
    elo = engine.cumulative_total(b[:, 1], r[:, 1], n)
    ehi = engine.cumulative_total(b[:, 2], r[:, 2], n)
    implied = engine.cumulative_rate(b[:, 0], s[:, 0], n)
    feasible = overlap(elo.value, ehi.value, s[:, 1], s[:, 2])
    as_written = within(expected.value, s[:, 1], s[:, 2]) | (
        implied.ok & within(implied.value, r[:, 1], r[:, 2])
    )
    verdicts = judge(feasible, as_written)
    for i, ((c, sv, g, bv, base), sev) in enumerate(zip(cases, verdicts, strict=True)):
        yield Checked(CODE, c.indicator, c.scope)
        if sev is None:
            continue
        like = c.amounts[0]
        params = _common(c) | {
            "rate": stated_rate_words(g.annual),
            "base": base,
            "expected": show_amount(plan, c.indicator, float(expected.value[i]), like),
            "implied": rate_words(float(implied.value[i]), g.annual),
        }
        yield Finding(
            CODE,
            sev,
            c.indicator,
            like.mark,
            "mismatch" if sev is Severity.ERROR else "rounding",
            params,
            data={
                "expected": float(expected.value[i]),
                "actual": sv.face,
                "unit": str(plan.indicators[c.indicator].unit),
                "implied_rate": float(implied.value[i]),
                "stated_rate": data_val(Val(*r[i])),
            },
            scope=c.scope,
            related=(g.annual.mark,),
            steps=(
                f"{bv.face:g} × Σ(1 + {g.annual.text})^t, t = 1…{c.years} = "
                f"{expected.value[i]:g} ∈ [{elo.value[i]:g}, {ehi.value[i]:g}]",
            ),
        )


def _implied_base(plan: Plan, cases: list) -> Iterator[Finding]:
    if not cases:
        return
    s = np.array([x[1].face for x in cases])
    r = np.array([rate_val(x[2].annual).face for x in cases])
    n = np.array([x[0].years for x in cases], dtype=float)
    a0 = engine.cumulative_base(s, r, n)
    paths = engine.paths_at_rate(a0.value, r, n)
    sums = engine.cumulative_factor(r, n).value
    for i, (c, sv, g, end) in enumerate(cases):
        if not a0.ok[i]:
            continue
        if end is not None and (uneven := _uneven(plan, c, sv, g, end, float(a0.value[i]))):
            yield uneven
            continue
        yearly = paths[i]
        if yearly is None:  # as path_at_rate's zeros where it cannot be computed
            yearly = np.zeros(c.years + 1)
        like = c.amounts[0]
        # one digit finer than the sum, as milestones shows the same path (0.52, not 0.524)
        shown = [show_amount(plan, c.indicator, float(v), like, 1) for v in yearly]
        years = list(zip(range(c.base_year + 1, c.end_year + 1), shown[1:], strict=True))
        path = {
            "en": ", ".join(f"{y}\u00a0{v}" for y, v in years),
            "zh": "，".join(f"{y}年{v}" for y, v in years),
        }
        params = _common(c) | {"rate": stated_rate_words(g.annual), "base": shown[0], "path": path}
        yield Finding(
            CODE,
            Severity.NOTE,
            c.indicator,
            like.mark,
            "implied-base",
            params,
            data={
                "implied_base": float(a0.value[i]),
                "yearly": [float(v) for v in yearly[1:]],
                "unit": str(plan.indicators[c.indicator].unit),
            },
            scope=c.scope,
            related=(g.annual.mark,),
            steps=(
                f"Σ(1 + {g.annual.text})^t, t = 1…{c.years} = {sums[i]:.6f}",
                f"{s[i]:g} ÷ {sums[i]:.6f} = {a0.value[i]:.6g}",
            ),
        )


def _uneven(
    plan: Plan, c: CumulativeClaim, s: Val, g: GrowthClaim, end: Amount, a0: float
) -> Finding | None:
    """累计3625亿元 and 年均增长11.8% over 2016–2020 beside 819.24亿元 in 2020: the sum puts 2015
    at 512.4亿元 (累计法), the level at 469.03亿元 (水平法). Where the two cannot meet at any
    value the figures allow, the years did not grow evenly — a note, not a contradiction: the
    rate holds by one method or the other, and a plan need not grow evenly."""
    r = rate_val(g.annual)  # type: ignore[arg-type]
    if not all(np.isfinite([r.lo, r.hi, s.lo, s.hi, end.lo, end.hi])) or r.lo <= -1:
        return None
    n = c.years
    sums = engine.cumulative_factor(np.array([r.lo, r.face, r.hi]), n).value
    by_sum = (s.lo / sums[2], s.hi / sums[0])
    by_level = (end.lo / (1 + r.hi) ** n, end.hi / (1 + r.lo) ** n)
    if by_sum[0] <= by_level[1] and by_level[0] <= by_sum[1]:
        return None
    like = c.amounts[0]
    level_base = end.face / (1 + r.face) ** n
    params = _common(c) | {
        "rate": stated_rate_words(g.annual),  # type: ignore[arg-type]
        "base": show_amount(plan, c.indicator, a0, like),
        "end": end.stated.text,
        "level_base": show_amount(plan, c.indicator, level_base, like),
        "even_sum": show_amount(plan, c.indicator, level_base * float(sums[1]), like),
    }
    return Finding(
        CODE,
        Severity.NOTE,
        c.indicator,
        like.mark,
        "uneven",
        params,
        data={
            "implied_base": a0,
            "implied_base_by_level": level_base,
            "even_sum": level_base * float(sums[1]),
            "unit": str(plan.indicators[c.indicator].unit),
        },
        scope=c.scope,
        related=(g.annual.mark, end.stated.mark),  # type: ignore[union-attr]
        steps=(
            f"{s.face:g} ÷ Σ(1 + {g.annual.text})^t, t = 1…{n} = {a0:.6g}",  # type: ignore[union-attr]
            f"{end.face:g} ÷ (1 + {g.annual.text})^{n} = {level_base:.6g}",  # type: ignore[union-attr]
            f"{level_base:.6g} × {float(sums[1]):.6f} = {level_base * float(sums[1]):.6g}",
        ),
    )


def _implied_rate(plan: Plan, cases: list) -> Iterator[Finding]:
    if not cases:
        return
    s = np.array([x[1].face for x in cases])
    b = np.array([x[2].face for x in cases])
    n = np.array([x[0].years for x in cases], dtype=float)
    r = engine.cumulative_rate(b, s, n)
    for i, (c, total, start, base) in enumerate(cases):
        # 累计13万户以上 from 34289户: the floor needs at least the rate, not exactly it
        bound = rate_bound(start, total)
        if not r.ok[i] or bound == "":
            continue
        params = _common(c) | {
            "base": base,
            "implied": fmt.growth_words(float(r.value[i]), 2, bound or None),
        }
        yield Finding(
            CODE,
            Severity.NOTE,
            c.indicator,
            c.amounts[0].mark,
            "implied-rate",
            params,
            data={"implied_rate": float(r.value[i]), "bound": bound},
            scope=c.scope,
        )


def _previous(
    plan: Plan, facts: Facts, c: CumulativeClaim, s: Val, g: GrowthClaim | None
) -> Iterator[Finding]:
    grows = (g is not None and g.annual is not None and g.annual.figure.value > 0) or (
        plan.indicators[c.indicator].direction == "up"
    )
    if not grows:
        return
    for p in plan.cumulative_of(c.indicator):
        if p.end_year != c.base_year:
            continue
        pv = facts.stated_val(p.indicator, p.amounts[0])
        if pv is None:
            continue
        avg_hi, prev_avg_lo = s.hi / c.years, pv.lo / p.years
        yield Checked(CODE, c.indicator, c.scope)
        if avg_hi >= prev_avg_lo:
            continue
        like = c.amounts[0]
        dec = max(like.figure.decimals, p.amounts[0].figure.decimals) + 1
        rate_clause: dict[str, str] = {"en": "", "zh": ""}
        if g is not None and g.annual is not None:
            rate_clause = {"en": f" {g.annual.text} a year", "zh": f"（年均{g.annual.text}）"}
        params = _common(c) | {
            "avg": fmt.amount(s.face / c.years, facts.unit(c.indicator), dec),
            "prev": p.amounts[0].text,
            "prev_first": str(p.base_year + 1),
            "prev_end": str(p.end_year),
            "prev_avg": fmt.amount(pv.face / p.years, facts.unit(c.indicator), dec),
            "rate_clause": rate_clause,
        }
        yield Finding(
            CODE,
            Severity.WARNING,
            c.indicator,
            like.mark,
            "below-previous",
            params,
            data={
                "total": data_val(s),
                "previous": data_val(pv),
                "average": s.face / c.years,
                "previous_average": pv.face / p.years,
                "unit": str(facts.unit(c.indicator)),
            },
            scope=c.scope,
            related=(p.amounts[0].mark,),
            steps=(
                f"{s.face:g} ÷ {c.years} = {s.face / c.years:g} < "
                f"{pv.face:g} ÷ {p.years} = {pv.face / p.years:g}",
            ),
        )
