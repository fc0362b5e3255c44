"""Shares (占比) and changes in percentage points (提高X个百分点).

A share states numerator ÷ denominator for one year (网络零售额占社会消费品零售总额40%以上).

- With both levels known: error if no levels and share within rounding and bounds agree;
  warning if they agree only within rounding, or only as bounds (预计突破4500亿元 over
  预计突破1万亿元 typed 1亿元 is 450000% at face value, but two floors allow any share).
- With one level known: note of what the share implies for the other (40%以上 of 326.57亿元
  means at least 130.6亿元).

For an indicator that is itself a ratio (unit %), a target change of X percentage points
(提高2个百分点) is compared with its levels at the base and target years the same way, or,
with only the base level, noted as the level it implies — and with only the end level (a
review's 提高4.9个百分点 over 2016–2020 beside 60% in 2020), as the level it implies at the
start.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from ezplan import fmt
from ezplan.facts import Facts, Val
from ezplan.figures import Figure
from ezplan.findings import Checked, Finding, Severity
from ezplan.model import Amount, Plan, ShareClaim, Stated
from ezplan.rules._common import (
    data_val,
    judge,
    name,
    overlap,
    show_amount,
    show_like,
    show_val,
    val_digits,
    within,
)

CODE = "share"
TITLE = {"en": "Shares and percentage points", "zh": "占比与百分点"}
DOC_ZH = """\
占比与百分点。

占比表述某年分子 ÷ 分母（网络零售额占社会消费品零售总额40%以上）。

- 分子、分母水平都已知：在舍入和界限范围内不能相符为错误；仅在舍入范围内相符，或仅作为界限值才相符
  （预计突破4500亿元占预计突破1万亿元误作1亿元，按字面值为450000%，但两个下限允许任何占比），为警告。
- 只知其一：提示占比对另一个的要求（40%以上、分母326.57亿元，意味着分子至少130.6亿元）。

本身为比率（单位 %）的指标，目标“提高X个百分点”与其基期、目标年水平同样比较；只有基期水平时，提
示推得的目标年水平。以往时期的百分点变化可在 baselines.yaml 的 growth 中以 change: 记录并同样核
对；只有期末水平时（2016—2020年提高4.9个百分点、2020年60%），提示推得的期初水平。
"""
MESSAGES = {
    "mismatch": {
        "en": "{num} over {den} is {implied} in {year}, not {share}",
        "zh": "{year}年{num}占{den}的{implied}，而非{share}",
    },
    "rounding": {
        "en": "{num} over {den} is {implied} in {year}, not {share}; they agree only within "
        "rounding",
        "zh": "{year}年{num}占{den}的{implied}，而非{share}；仅在舍入范围内相符",
    },
    "bounds": {
        "en": "{num} over {den} is {implied} in {year}, not {share}; they agree only as bounds, "
        "not at face value",
        "zh": "{year}年{num}占{den}的{implied}，而非{share}；仅作为界限值（突破、以上等）"
        "才可能相符，按字面值不符",
    },
    "implied-numerator": {
        "en": "{share} of {den} ({den_name}, {year}) means {num_name} {value}",
        "zh": "占{den_name}（{year}年{den}）{share}，意味着{num_name}{value}",
    },
    "implied-denominator": {
        "en": "{num} ({num_name}, {year}) being {share} of {den_name} means {den_name} {value}",
        "zh": "{num_name}（{year}年{num}）占{den_name}{share}，意味着{den_name}{value}",
    },
    "points-mismatch": {
        "en": "{base} ({base_year}) {change} gives {expected} by {end_year}, not {end}",
        "zh": "{base_year}年的{base}{change}，{end_year}年应为{expected}，而非{end}",
    },
    "points-rounding": {
        "en": "{base} ({base_year}) {change} gives {expected} by {end_year}, not {end}; they "
        "agree only within rounding",
        "zh": "{base_year}年的{base}{change}，{end_year}年应为{expected}，而非{end}；"
        "仅在舍入范围内相符",
    },
    "points-implied": {
        "en": "{base} ({base_year}) {change} means {expected} by {end_year}",
        "zh": "{base_year}年的{base}{change}，意味着{end_year}年为{expected}",
    },
    "points-implied-base": {
        "en": "the {base_year} level is not stated; {change} over {years} to {end} ({end_year}) "
        "means {expected} in {base_year}",
        "zh": "{base_year}年水平未列出；{years}年{change}至{end_year}年的{end}，意味着"
        "{base_year}年为{expected}",
    },
}


def _div(n: Val, d: Val) -> Val:
    hi = n.hi / d.lo if d.lo > 0 and math.isfinite(n.hi) else math.inf
    return Val(n.face / d.face * 100, n.lo / d.hi * 100 if math.isfinite(d.hi) else 0.0, hi * 100)


def _bounded(
    plan: Plan, iid: str, v: Val, share: Figure, like: Stated, inverse: bool = False
) -> dict[str, str]:
    """The implied value as a planner reads it: ≥/≤ (不低于/不高于) the face value for a bound,
    else the face value and the interval it stands for."""
    text = show_like(plan, iid, v.face, like)
    at_least = share.bound == "at_least"
    at_most = share.bound == "at_most"
    if at_least or at_most:
        low = at_least != inverse
        return {"en": ("≥ " if low else "≤ ") + text, "zh": ("不低于" if low else "不高于") + text}
    dec = fmt.decimals_in(like.figure, plan.indicators[iid].unit)
    if not v.lo <= round(v.face, dec) <= v.hi:  # 11亿元 beside [11.10亿元, 11.40亿元]
        text = show_amount(plan, iid, v.face, like, val_digits(plan, iid, v, like))
    return {
        "en": f"of {text} {show_val(plan, iid, v, like)}",  # a bound reads "… sales ≥ 130.63亿元"
        "zh": f"为{text}{show_val(plan, iid, v, like)}",
    }


def _points_back(plan: Plan, pc, end: Amount) -> Finding:
    """城镇化率60% in 2020 after 提高4.9个百分点 over 2016–2020: 55.1% in 2015 (a review's change,
    whose start the plan does not state; end − change, lo with hi)."""
    lo, hi = pc.change.figure.interval()
    v = Val(end.face - pc.change.figure.value, end.lo - hi, end.hi - lo)
    params = {
        "base_year": str(pc.base_year),
        "years": fmt.years_words(pc.base_year + 1, pc.end_year),
        "end_year": str(pc.end_year),
        "change": pc.change.text,
        "end": end.stated.text,
        "expected": _implied_points(plan, pc.indicator, v, end.stated, pc.change),
    }
    return Finding(
        CODE,
        Severity.NOTE,
        pc.indicator,
        pc.change.mark,
        "points-implied-base",
        params,
        data={"expected": data_val(v), "unit": "%"},
        scope=pc.scope,
        related=(end.stated.mark,),
    )


def _implied_points(plan: Plan, iid: str, v: Val, like: Stated, change: Stated) -> str:
    """A level a change in points leads to, as milestones reads it: the face values added, to
    the finer of their digits (45% 提高1.2个百分点以上: ≥ 46.2%, the path milestones draws), and
    for an exact change the interval the figures allow (51.76% [51.26%, 52.27%])."""
    finer = max(0, change.figure.decimals - like.figure.decimals)
    text = show_amount(plan, iid, v.face, like, finer)
    if math.isinf(v.hi) and math.isinf(v.lo):
        return text
    if math.isinf(v.hi):
        return "≥ " + text
    if math.isinf(v.lo):
        return "≤ " + text
    return f"{text} {show_val(plan, iid, v, like)}"


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    yield from _shares(plan, facts)
    yield from _points(plan, facts)


def _shares(plan: Plan, facts: Facts) -> Iterator[Finding]:
    both, den_only, num_only = [], [], []
    for sc in plan.shares:
        f = sc.value.figure
        share = Val(f.value, *f.interval())
        num = facts.amount(sc.indicator, sc.year)
        den = facts.amount(sc.of, sc.year)
        den_unit = facts.unit(sc.of)
        if num is not None and den is not None and (same := _restated(plan, sc)):
            den, den_unit = same, facts.unit(sc.indicator)  # the whole in the part's currency
        if num is not None and den is not None and den.lo > 0:
            nv = facts.convert(Val(num.face, num.lo, num.hi), facts.unit(sc.indicator), den_unit)
            if nv is not None:
                both.append((sc, num, den, nv, share))
        elif den is not None and den.lo > 0:
            den_only.append((sc, den, share))
        elif num is not None and share.lo > 0:
            num_only.append((sc, num, share))
    yield from _implied_numerators(plan, facts, den_only)
    yield from _implied_denominators(plan, facts, num_only)
    yield from _both_known(plan, both)


def _restated(plan: Plan, sc: ShareClaim) -> Amount | None:
    """The whole in the part's currency as the plan itself states it (对外承包工程完成营业额
    11383亿元，折1686亿美元, of which 855亿美元 to 一带一路 countries), in the part's unit: the
    share is 855/1686, not 855 over 11383 converted at a rate the plan's pairs only bracket."""
    part = plan.indicators[sc.indicator].unit
    level = plan.level(sc.of, sc.year)
    if part.currency is None or level is None:
        return None
    if plan.indicators[sc.of].unit.dimension == part.dimension:
        return None
    whole = plan.amount_of(sc.indicator, level.figures)  # in the part's unit
    return whole if whole is not None and not whole.converted else None


def _names(plan: Plan, sc: ShareClaim) -> dict:
    return {
        "num_name": name(plan, sc.indicator),
        "den_name": name(plan, sc.of),
        "year": str(sc.year),
        "share": sc.value.text,
    }


def _implied_numerators(plan: Plan, facts: Facts, cases: list) -> Iterator[Finding]:
    """numerator = share × denominator; a share bound leaves the product open on one side."""
    if not cases:
        return
    s = np.array([x[2] for x in cases]) / 100
    d = np.array([[x[1].face, x[1].lo, x[1].hi] for x in cases])
    lo = np.where(np.isfinite(s[:, 1]), s[:, 1] * d[:, 1], -np.inf)
    hi = np.where(np.isfinite(s[:, 2]), s[:, 2] * d[:, 2], np.inf)
    for i, (sc, den, _) in enumerate(cases):
        v = facts.convert(
            Val(s[i, 0] * d[i, 0], lo[i], hi[i]), facts.unit(sc.of), facts.unit(sc.indicator)
        )
        if v is None:
            continue
        value = _bounded(plan, sc.indicator, v, sc.value.figure, den.stated)
        yield Finding(
            CODE,
            Severity.NOTE,
            sc.indicator,
            sc.value.mark,
            "implied-numerator",
            _names(plan, sc) | {"den": den.stated.text, "value": value},
            data={"implied": data_val(v), "unit": str(facts.unit(sc.indicator))},
            scope=sc.scope,
            related=(den.stated.mark,),
        )


def _implied_denominators(plan: Plan, facts: Facts, cases: list) -> Iterator[Finding]:
    """denominator = numerator ÷ share."""
    if not cases:
        return
    s = np.array([x[2] for x in cases]) / 100
    n = np.array([[x[1].face, x[1].lo, x[1].hi] for x in cases])
    lo = np.where(np.isfinite(s[:, 2]), n[:, 1] / np.where(np.isfinite(s[:, 2]), s[:, 2], 1), 0)
    hi = n[:, 2] / s[:, 1]
    for i, (sc, num, _) in enumerate(cases):
        v = facts.convert(
            Val(n[i, 0] / s[i, 0], lo[i], hi[i]), facts.unit(sc.indicator), facts.unit(sc.of)
        )
        if v is None:
            continue
        value = _bounded(plan, sc.of, v, sc.value.figure, num.stated, True)
        yield Finding(
            CODE,
            Severity.NOTE,
            sc.indicator,
            sc.value.mark,
            "implied-denominator",
            _names(plan, sc) | {"num": num.stated.text, "value": value},
            data={"implied": data_val(v), "unit": str(facts.unit(sc.of))},
            scope=sc.scope,
            related=(num.stated.mark,),
        )


def _both_known(plan: Plan, cases: list) -> Iterator[Finding]:
    if not cases:
        return
    implied = np.array([_div(x[3], Val(x[2].face, x[2].lo, x[2].hi)) for x in cases])
    stated = np.array([x[4] for x in cases])
    feasible = overlap(implied[:, 1], implied[:, 2], stated[:, 1], stated[:, 2])
    as_written = within(implied[:, 0], stated[:, 1], stated[:, 2])
    for i, ((sc, num, den, _, share), sev) in enumerate(
        zip(cases, judge(feasible, as_written), strict=True)
    ):
        yield Checked(CODE, sc.indicator, sc.scope)
        if sev is None:
            continue
        # over a whole of 超过11万亿元, 3200亿元 is at most 2.91%: a quotient's bound is its
        # numerator's, or its denominator's turned over
        flip = {"at_least": "at_most", "at_most": "at_least", None: None}
        bound = fmt.one_bound(num.stated.figure.bound, flip[den.stated.figure.bound])
        if num.face < 0:  # a negative part (净出口) over a floor is a floor, not a ceiling
            bound = None
        shown = fmt.percent(implied[i, 0], sc.value.figure.decimals + 1)
        params = _names(plan, sc) | {
            "num": num.stated.text,
            "den": den.stated.text,
            "implied": fmt.bound_text(shown, bound),
        }
        yield Finding(
            CODE,
            sev,
            sc.indicator,
            sc.value.mark,
            _severity_id(sev, cases[i]),
            params,
            data={"implied": data_val(Val(*implied[i])), "stated": data_val(share), "unit": "%"},
            scope=sc.scope,
            related=(num.stated.mark, den.stated.mark),
        )


def _severity_id(sev: Severity, case: tuple) -> str:
    """mismatch (an error); rounding, or "bounds" where rounding alone would not let them
    agree but a bound does (预计突破4500亿元 over 预计突破1亿元 is 450000% at face value; 39.4亿元
    over 100亿元 against 40%以上 agrees by rounding, the 以上 plays no part)."""
    if sev is Severity.ERROR:
        return "mismatch"
    sc, _, den, nv, share = case
    num_r = _rounded(nv, case[1].stated)
    den_r = _rounded(Val(den.face, den.lo, den.hi), den.stated)
    q = _div(num_r, den_r)
    s_r = _rounded(share, sc.value)
    return "rounding" if q.lo <= s_r.hi and s_r.lo <= q.hi else "bounds"


def _rounded(v: Val, s: Stated) -> Val:
    """A value as its figure's digits alone allow it, without the figure's bound (以上, 以内):
    its face ± half its last digit, in the value's unit."""
    f = s.figure
    if f.bound is None or not f.value:
        return v
    half = abs(f.half_step * v.face / f.value)
    return Val(v.face, v.face - half, v.face + half)


def _points(plan: Plan, facts: Facts) -> Iterator[Finding]:
    """end = base + change, in percentage points."""
    cases = []
    for pc in plan.points:
        base = facts.amount(pc.indicator, pc.base_year)
        if base is not None:
            cases.append((pc, base, facts.amount(pc.indicator, pc.end_year)))
        elif (end := facts.amount(pc.indicator, pc.end_year)) is not None:
            yield _points_back(plan, pc, end)
    if not cases:
        return
    b = np.array([[x[1].face, x[1].lo, x[1].hi] for x in cases])
    ch = np.array([[x[0].change.figure.value, *x[0].change.figure.interval()] for x in cases])
    expected = b + ch  # face + face, lo + lo, hi + hi
    e = np.array([[x[2].face, x[2].lo, x[2].hi] if x[2] else [np.nan] * 3 for x in cases])
    known = ~np.isnan(e[:, 0])
    ee = np.where(known[:, None], e, 0.0)
    feasible = overlap(expected[:, 1], expected[:, 2], ee[:, 1], ee[:, 2])
    # as written: one figure is reproduced, at its own precision, from the others' face values
    as_written = (
        within(expected[:, 0], ee[:, 1], ee[:, 2])
        | within(ee[:, 0] - ch[:, 0], b[:, 1], b[:, 2])
        | within(ee[:, 0] - b[:, 0], ch[:, 1], ch[:, 2])
    )
    for i, ((pc, base, end), sev) in enumerate(
        zip(cases, judge(feasible, as_written), strict=True)
    ):
        exp = Val(*expected[i])
        params = {
            "base": base.stated.text,
            "base_year": str(pc.base_year),
            "end_year": str(pc.end_year),
            "change": pc.change.text,
        }
        if end is not None:
            yield Checked(CODE, pc.indicator, pc.scope)
        if end is None:
            params["expected"] = _implied_points(plan, pc.indicator, exp, base.stated, pc.change)
            yield Finding(
                CODE,
                Severity.NOTE,
                pc.indicator,
                pc.change.mark,
                "points-implied",
                params,
                data={"expected": data_val(exp), "unit": "%"},
                scope=pc.scope,
            )
            continue
        if sev is None:
            continue
        params |= {
            "expected": show_amount(plan, pc.indicator, exp.face, end.stated),
            "end": end.stated.text,
        }
        yield Finding(
            CODE,
            sev,
            pc.indicator,
            pc.change.mark,
            "points-mismatch" if sev is Severity.ERROR else "points-rounding",
            params,
            data={"expected": data_val(exp), "actual": data_val(Val(*e[i])), "unit": "%"},
            scope=pc.scope,
            related=(base.stated.mark, end.stated.mark),
        )
