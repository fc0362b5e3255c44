"""Plausibility: figures that are consistent with each other but unlikely to be meant.

Consistency cannot catch a figure typed in the wrong unit when nothing else pins it: a target
``level: 3.5`` where 3.5万亿元 was meant, against a base of 31000亿元, simply "implies" −84% a
year. This rule warns when

- a rate is outside the plausible band: a target's stated annual rate (年均增长), the rate its
  total growth implies, or the rate it implies from its base-year level, over a period of two
  years or more (rates reported for past years are what happened, and a one-year goal such as
  增长60% from a small base is no slip: neither is judged). The band is −20% to +40% a
  year (×0.33 to ×5.4 over five years) unless the plan (``plan.plausible_rate: [-10%, 80%]``)
  or the indicator (``plausible_rate:``) says otherwise;
- two levels of one indicator differ by a factor that a unit slip explains — 万 for 亿 (×10⁴),
  元 for 亿元 (×10⁸), 美元 for 元 (the exchange rate) — and, corrected, grow at a plausible rate.
  The message names the likely slip ("3.5 → did you mean 3.5万亿元?"), blaming a figure written
  without a unit first, then the plan's target rather than an observed level. Levels of past
  years are checked for slips only: real history can fall further than any band;
- a figure goes against the indicator's ``direction`` (a falling level, a negative rate or a
  decline where the plan wants a rise, or the reverse);
- a share is above 100%.

Every case is a warning: the figures may be right, but a planner should look.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from ezplan import engine, fmt
from ezplan.facts import Facts
from ezplan.findings import Finding, Severity
from ezplan.model import Amount, Plan, Stated
from ezplan.rules._common import annual_words, name
from ezplan.units import MAGNITUDES, Unit

CODE = "plausibility"
TITLE = {"en": "Plausibility", "zh": "合理性"}
LEVEL = "warning"  # the most severe it reports (SARIF's default level)
DOC_ZH = """\
合理性：彼此一致却不太可能是本意的数字。

一致性核对发现不了没有其他数字牵制的单位错误：目标写成 level: 3.5（本意3.5万亿元），基期
31000亿元，只会“推得”年均下降84%。本规则在以下情况给出警告：

- 增速超出合理范围：目标所述年均增速、全期增幅对应的年均增速，或目标相对基期水平隐含的年均增速
  （期间两年及以上；以往年份的增速是已发生的事实，一年期目标如小基数上的增长60%也不是单位错误，
  均不作判断）。默认
  范围为每年−20%至+40%（五年内0.33倍至5.4倍），可在 plan.plausible_rate 或指标的 plausible_rate
  中修改；
- 同一指标的两个水平相差的倍数恰好可由单位错误解释——万与亿（10⁴倍）、元与亿元（10⁸倍）、美元与元
  （汇率）——且更正后增速合理：消息指出可能的错误（“3.5 → 是否应为3.5万亿元？”），优先怀疑未写单
  位的数字，其次是与指标单位不同的数字，再次是规划目标而非观测值。以往年份的水平只检查单位错误：
  真实历史的降幅可以超出任何范围；
- 数字与指标的 direction 相反（规划要求上升，却是下降的水平、负增速或下降，反之亦然）；
- 占比超过100%。

都是警告：数字可能无误，但值得规划人员复核。
"""
MESSAGES = {
    "slip": {
        "en": "{a} ({a_year}) to {b} ({b_year}){read} is {rate} a year, off by a factor of about "
        "{factor}, as a slip between {slip} gives: {figure} → did you mean {suggestion}? (then "
        "{fixed} a year)",
        "zh": "{a_year}年的{a}到{b_year}年的{b}{read}相当于年均{rate}，相差约{factor}倍，像是"
        "{slip}之误：{figure}是否应为{suggestion}？（则年均{fixed}）",
    },
    "target-rate": {
        "en": "{base} ({base_year}) to {end} ({end_year}) implies {rate} a year, outside the "
        "plausible {band} for {name}; check the figures and their units",
        "zh": "{base_year}年的{base}到{end_year}年的{end}意味着年均{rate}，超出{name}的合理范围"
        "{band}；请核对数字及单位",
    },
    "stated-rate": {
        "en": "{figure} over {years} is {rate} a year, outside the plausible {band} for {name}",
        "zh": "{years}年{figure}相当于年均{rate}，超出{name}的合理范围{band}",
    },
    "direction": {
        "en": "{name} is to {want} (direction: {direction}), but {what}",
        "zh": "{name}应当{want}（direction: {direction}），但{what}",
    },
    "share-over-100": {
        "en": "{figure} of {den} is more than the whole",
        "zh": "占{den}的{figure}超过100%",
    },
}

_SLIPS = {
    1e4: {"en": "万 and 亿 (or a 万 too many or too few)", "zh": "万与亿（或多写、漏写“万”）"},
    1e8: {"en": "元 and 亿元", "zh": "元与亿元"},
    1e3: {"en": "units a thousand apart", "zh": "相差千倍的单位"},
}


@dataclass(frozen=True)
class _Pair:
    indicator: str
    a: Stated
    b: Stated
    a_value: float
    b_value: float
    years: int
    target: bool  # the target's base → target level; else two recorded levels


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    pairs = _pairs(plan, facts)
    yield from _rates_between_levels(plan, facts, pairs)
    yield from _stated_rates(plan)
    yield from _directions(plan, facts)
    for sc in plan.shares:
        lo, _ = sc.value.figure.interval()
        if lo > 100:
            params = {"figure": sc.value.text, "den": name(plan, sc.of)}
            yield Finding(
                CODE,
                Severity.WARNING,
                sc.indicator,
                sc.value.mark,
                "share-over-100",
                params,
                scope=sc.scope,
            )


def _pairs(plan: Plan, facts: Facts) -> list[_Pair]:
    """Each target's base → target level, and each two consecutive recorded levels."""
    out = []
    by_indicator: dict[str, list[tuple[int, Stated, float]]] = {}
    for lv in plan.levels:
        if lv.year is None or plan.indicators[lv.indicator].unit.is_percent:
            continue
        a = plan.amount(lv)
        if a is not None and a.face > 0:
            by_indicator.setdefault(lv.indicator, []).append((lv.year, a.stated, a.face))
    target_ids = set(plan.target_ids)
    for iid, levels in by_indicator.items():
        levels.sort(key=lambda x: x[0])
        is_targeted = iid in target_ids
        by, ey = plan.period_of(iid)
        paired = False  # the target's base → target level is among the consecutive pairs
        for (y0, s0, v0), (y1, s1, v1) in itertools.pairwise(levels):
            is_target = is_targeted and y0 == by and y1 == ey
            paired = paired or is_target
            out.append(_Pair(iid, s0, s1, v0, v1, y1 - y0, is_target))
        if is_targeted:
            base, end = facts.amount(iid, by), facts.amount(iid, ey)
            known = base is not None and end is not None and base.face > 0 and end.face > 0
            if known and not paired:
                out.append(_Pair(iid, base.stated, end.stated, base.face, end.face, ey - by, True))
    return out


def _band(plan: Plan, iid: str) -> tuple[float, float]:
    return plan.plausible_rate_of(iid)


def _band_text(band: tuple[float, float]) -> str:
    return f"{fmt.rate(band[0], 0)}–{fmt.rate(band[1], 0)}"


def _rates_between_levels(plan: Plan, facts: Facts, pairs: list[_Pair]) -> Iterator[Finding]:
    if not pairs:
        return
    a = np.array([p.a_value for p in pairs])
    b = np.array([p.b_value for p in pairs])
    n = np.array([p.years for p in pairs], dtype=float)
    bands = np.array([_band(plan, p.indicator) for p in pairs])
    rate = engine.annual_rate(a, b, n)
    outside = rate.ok & ((rate.value < bands[:, 0]) | (rate.value > bands[:, 1]))
    for i in np.flatnonzero(outside):
        p = pairs[i]
        slip = _slip(plan, facts, p, (float(bands[i, 0]), float(bands[i, 1])))
        if slip is not None:
            yield slip
        elif p.target and p.years > 1:  # one year's jump from a small base is no slip
            params = {
                "base": p.a.text,
                "base_year": str(plan.period_of(p.indicator)[0]),
                "end": p.b.text,
                "end_year": str(plan.period_of(p.indicator)[1]),
                "rate": fmt.growth_words(float(rate.value[i]), 2),
                "band": _band_text((float(bands[i, 0]), float(bands[i, 1]))),
                "name": name(plan, p.indicator),
            }
            yield Finding(
                CODE,
                Severity.WARNING,
                p.indicator,
                p.b.mark,
                "target-rate",
                params,
                data={"implied_rate": float(rate.value[i])},
                related=(p.a.mark,),
            )


def _corrections(plan: Plan, p: _Pair) -> list[tuple[float, dict[str, str]]]:
    """Factors a slip would put between what was typed and what was meant."""
    out = [(k, words) for k, words in _SLIPS.items()]
    fx = plan.cny_per_usd()
    if fx is not None and plan.indicators[p.indicator].unit.currency is not None:
        out.append((fx[0], {"en": "元 and 美元", "zh": "元与美元"}))
    return out


def _own_unit(plan: Plan, p: _Pair, band: tuple[float, float]) -> tuple | None:
    """161万美元 for an indicator in 亿元, beside 100亿元: the digits meant in the indicator's
    own unit (161亿元), where that gives a plausible rate — a likelier slip than any factor
    between units (it was '161千万美元?')."""
    unit = plan.indicators[p.indicator].unit
    for culprit, value, other in ((p.b, p.b_value, p.a_value), (p.a, p.a_value, p.b_value)):
        u, meant = culprit.figure.unit, culprit.figure.value
        if u is None or u == unit or _bare(culprit) or value <= 0 or meant <= 0:
            continue
        ratio = meant / other if culprit is p.b else other / meant
        fixed = ratio ** (1 / p.years) - 1
        if band[0] <= fixed <= band[1]:
            suggestion = f"{fmt.number(meant, culprit.figure.decimals)}{unit}"
            words = {"en": f"{unit} and {u}", "zh": f"{unit}与{u}"}
            return culprit, meant / value, fixed, words, suggestion
    return None


def _slip(plan: Plan, facts: Facts, p: _Pair, band: tuple[float, float]) -> Finding | None:
    ratio = p.b_value / p.a_value
    if (own := _own_unit(plan, p, band)) is not None:
        culprit, k, fixed, words, suggestion = own
    else:
        best = None
        for k, words in _corrections(plan, p):
            for direction in (1.0, -1.0):
                fixed = (ratio * k**direction) ** (1 / p.years) - 1
                if band[0] <= fixed <= band[1] and (best is None or abs(fixed) < abs(best[2])):
                    best = (k, direction, fixed, words)
        if best is None:
            return None
        k, direction, fixed, words = best
        # b·k^d/a is plausible: b was typed k^d too small, or a typed k^d too large
        blame_b = _blame_later(plan, p)
        culprit, factor = (p.b, k**direction) if blame_b else (p.a, k ** (-direction))
        suggestion = _suggest(plan, p.indicator, culprit, factor)
        k = k**direction
    read = ""
    if _bare(culprit):
        assert culprit.figure.unit is not None
        read_as = f"{culprit.text}{culprit.figure.unit}"
        read = {
            "en": f" (read as {read_as}: no unit is written)",
            "zh": f"（未写单位，读作{read_as}）",
        }
    params = {
        "read": read,
        "a": p.a.text,
        "a_year": str(_year(plan, p.indicator, p.a)),
        "b": p.b.text,
        "b_year": str(_year(plan, p.indicator, p.b)),
        "rate": fmt.growth_words((ratio ** (1 / p.years)) - 1, 2),
        "factor": _factor_text(max(k, 1 / k)),
        "slip": words,
        "figure": culprit.text,
        "suggestion": suggestion,
        "fixed": fmt.growth_words(fixed, 2),
    }
    return Finding(
        CODE,
        Severity.WARNING,
        p.indicator,
        culprit.mark,
        "slip",
        params,
        data={"factor": k, "suggestion": suggestion},
        scope="target" if p.target else "history",
        related=(p.b.mark if culprit is p.a else p.a.mark,),
    )


def _blame_later(plan: Plan, p: _Pair) -> bool:
    """Which of two levels a slip is more likely in: one written without a unit, then one written
    in another unit than the indicator's, then the plan's target rather than an observation."""
    unit = plan.indicators[p.indicator].unit
    for likely in (_bare, lambda s: s.figure.unit is not None and s.figure.unit != unit):
        a, b = likely(p.a), likely(p.b)
        if a != b:
            return b
    return p.b.mark.file == plan.targets_file or p.a.mark.file != plan.targets_file


def _bare(s: Stated) -> bool:
    return not any(ch in s.text for ch in "元亩米个家项人%") and s.figure.unit is not None


def _year(plan: Plan, iid: str, s: Stated) -> int | str:
    for lv in plan.levels_of(iid):
        if s in lv.figures:
            return lv.year if lv.year is not None else "?"
    return "?"


def _factor_text(k: float) -> str:
    if k >= 1e3 and math.log10(k).is_integer():
        return f"10^{int(math.log10(k))}"
    return fmt.number(k, 0 if k >= 100 else 3)  # 1449 (亿元 and 万美元 at 6.9元), not 1449.275


def _suggest(plan: Plan, iid: str, s: Stated, factor: float) -> str:
    """The figure as it was probably meant: the same digits in the unit `factor` away."""
    f = s.figure
    unit = f.unit or plan.indicators[iid].unit
    digits = fmt.number(f.value, f.decimals)
    if unit.currency is not None and not math.log10(factor).is_integer():
        other = "美元" if unit.currency == "CNY" else "元"
        return f"{digits}{unit.magnitude}{other}"
    target_scale = unit.scale * factor
    for mag, scale in MAGNITUDES.items():
        if math.isclose(scale * _base_scale(unit), target_scale, rel_tol=1e-9):
            return f"{digits}{mag}{unit.base}"
    return f"{digits}{unit} × {fmt.number(factor, 0)}"


def _base_scale(unit: Unit) -> float:
    return unit.scale / MAGNITUDES[unit.magnitude]


def _stated_rates(plan: Plan) -> Iterator[Finding]:
    # a rate the plan reports for past years is what happened (a harvest can fall by a fifth),
    # and a rate cannot carry a unit slip: only the plan's own goals are held to the band
    claims = [
        c
        for c in plan.growth
        if c.scope == "target" and c.years > 1 and not plan.indicators[c.indicator].unit.is_percent
    ]
    totals = [c for c in claims if c.total is not None]
    if totals:  # the rate each total growth gives, all at once
        g = engine.rate_from_factor(
            np.array([c.total.figure.factor() for c in totals]),  # type: ignore[union-attr]
            np.array([c.years for c in totals], dtype=np.float64),
        )
        total_rate = {
            id(c): (bool(ok), float(v)) for c, ok, v in zip(totals, g.ok, g.value, strict=True)
        }
    for c in claims:
        band = _band(plan, c.indicator)
        for s in (c.annual, c.total):
            if s is None:
                continue
            if s is c.annual:
                r = s.figure.value / 100
            else:
                ok, r = total_rate[id(c)]
                if not ok:
                    continue
            if band[0] <= r <= band[1]:
                continue
            params = {
                "figure": s.text if s is c.total else annual_words(s.text),
                "years": fmt.years_words(c.base_year + 1, c.end_year),
                "rate": fmt.growth_words(r, 2),
                "band": _band_text(band),
                "name": name(plan, c.indicator),
            }
            yield Finding(
                CODE,
                Severity.WARNING,
                c.indicator,
                s.mark,
                "stated-rate",
                params,
                data={"rate": r},
                scope=c.scope,
            )


_WANT = {"up": {"en": "rise", "zh": "上升"}, "down": {"en": "fall", "zh": "下降"}}


def _movement(s: Stated, way: str, base: Amount | None) -> dict[str, str]:
    """How a figure goes against the direction, in words: a rate, a growth or a level."""
    if s.field == "annual":
        words = fmt.growth_words(s.figure.value / 100, s.figure.decimals)
        return {"en": f"the stated rate is {words['en']} a year", "zh": f"规划年均{words['zh']}"}
    if s.field in ("total", "change"):
        return {
            "en": f"{s.text} is a {'rise' if way == 'up' else 'fall'}",
            "zh": f"{s.text}为{'上升' if way == 'up' else '下降'}",
        }
    than = base.stated.text if base is not None else "?"
    return {
        "en": f"{s.text} is {'above' if way == 'up' else 'below'} the base {than}",
        "zh": f"{s.text}{'高于' if way == 'up' else '低于'}基期的{than}",
    }


def _directions(plan: Plan, facts: Facts) -> Iterator[Finding]:
    for iid in plan.target_ids:
        direction = plan.indicators[iid].direction
        if direction is None:
            continue
        st = plan.target(iid)
        moves: list[tuple[Stated, str]] = []
        if st.growth is not None:
            for s in (st.growth.annual, st.growth.total):
                if s is None:
                    continue
                up = s.figure.value > 0 if s is st.growth.annual else s.figure.factor() > 1
                down = s.figure.value < 0 if s is st.growth.annual else s.figure.factor() < 1
                if up or down:
                    moves.append((s, "up" if up else "down"))
        base, end = facts.amount(iid, st.base_year), facts.amount(iid, st.end_year)
        if st.level is not None and base is not None and end is not None and end.face != base.face:
            moves.append((end.stated, "up" if end.face > base.face else "down"))
        for p in plan.points_of(iid):
            if p.change.figure.value:
                moves.append((p.change, "up" if p.change.figure.value > 0 else "down"))
        for s, way in moves:
            if way == direction:
                continue
            params = {
                "name": name(plan, iid),
                "want": _WANT[direction],
                "direction": direction,
                "what": _movement(s, way, base),
            }
            yield Finding(CODE, Severity.WARNING, iid, s.mark, "direction", params)
