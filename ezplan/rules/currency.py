"""Two currencies.

When a plan gives the same amount in 元 and in 美元 (82.6亿元, 折合12亿美元), the pair implies an
exchange rate. A plan's figures of one year are converted at one rate, so every pair of a year
should imply the same rate within the rounding of its figures; and every pair should agree with
the rate the plan declares (`plan.exchange_rate`), if any. Pairs of different years are not
compared: rates move. A plan whose pairs were each converted on its own (a statistical
bulletin's flows, each by the body that reports it) says `one_rate_per_year: false`, and its
pairs of a year are not set against each other.

- error: a pair's rate cannot be reconciled with the declared rate;
- warning: it can, but only within rounding; or it cannot be reconciled with another pair of the
  same year — which rests on the one rate a year (a statistical bulletin sums transactions
  converted at each day's rate, and its pairs differ legitimately);
- note: the rate the plan's pairs imply each year, when it declares none;
- note: a level stated in the other currency than its indicator's, which no exchange rate
  converts, so that nothing checks it — a warning where the indicator's level of the nearest
  year grows from it at a plausible rate only if its number is read in the indicator's own
  currency, at no rate of 5–10元 per 美元 (73.7亿元 typed for 73.7亿美元 beside 110.3亿美元).

Example: 82.6亿元 = 12亿美元 implies 6.883元/美元 and 37.6亿元 = 5.46亿美元 6.886元/美元; within
rounding they agree.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ezplan import fmt
from ezplan.facts import Facts, Val
from ezplan.findings import Checked, Finding, Severity
from ezplan.model import Plan
from ezplan.rules._common import data_val, joined, judge, overlap, within
from ezplan.units import Unit

CODE = "currency"
TITLE = {"en": "Amounts in two currencies", "zh": "人民币与美元折算"}
DOC_ZH = """\
人民币与美元折算。

规划以元和美元给出同一数额（82.6亿元，折合12亿美元）时，二者隐含一个汇率。同一年的数字按同一汇率
折算，因此同一年的各数对都应在各自舍入范围内隐含同一汇率，并与规划声明的汇率（plan.exchange_rate）一致。
各数对各自折算的（如统计公报中各报送单位分别折算的流量），在plan中写one_rate_per_year:
false，同一年的数对即不相互比较。

- 错误：某数对的汇率不可能与声明的汇率一致；
- 警告：可以一致，但只在舍入范围内；或与同一年的另一数对不可能一致——这以每年一个汇率为前提（统计公报
  按逐笔交易当日汇率折算后加总，各数对的汇率本可不同）；
- 提示：规划未声明汇率时，各年数对隐含的汇率。不同年份的数对不作比较：汇率逐年变化；
- 提示：以另一种货币列出、又没有汇率可以折算的水平，无从核对；若把其数值按指标本身的货币理解，与最近
  一年水平之间的增速合理，而按1美元=5至10元的任何汇率都不合理，则为警告（110.3亿美元旁的73.7亿美元
  误写为73.7亿元）。

例：82.6亿元 = 12亿美元隐含1美元=6.883元，37.6亿元 = 5.46亿美元隐含6.886元；在舍入范围内一致。
"""
MESSAGES = {
    "mismatch": {
        "en": "{cny} = {usd} implies {rate}元 per 美元, which cannot agree with {ref_rate} "
        "({ref}): at that rate {cny} is {converted}",
        "zh": "{cny}折合{usd}意味着1美元={rate}元，与{ref}的{ref_rate}不可能一致：按该汇率{cny}"
        "折合{converted}",
    },
    "rounding": {
        "en": "{cny} = {usd} implies {rate}元 per 美元, against {ref_rate} ({ref}): at that rate "
        "{cny} is {converted}, not {usd}; they agree only within rounding",
        "zh": "{cny}折合{usd}意味着1美元={rate}元，而{ref}为{ref_rate}：按该汇率{cny}折合"
        "{converted}而非{usd}；仅在舍入范围内相符",
    },
    "implied": {
        "en": "{whose} converts at {rates}元 per 美元 ({pairs}); it declares no exchange rate",
        "zh": "{whose}隐含汇率为1美元={rates}元（{pairs}）；未声明汇率",
    },
    "another-rate": {
        "en": "{cny} = {usd} implies {rate}元 per 美元, which cannot agree with {ref_rate} "
        "({ref}) of the same year: at that rate {cny} is {converted}; unless the year's figures "
        "were converted at two rates, one of them is off",
        "zh": "{cny}折合{usd}意味着1美元={rate}元，与同年{ref}的{ref_rate}不可能一致：按该汇率{cny}"
        "折合{converted}；除非同一年按两种汇率折算，其中必有一个有误",
    },
    "unconverted": {
        "en": "{stated} ({year}) is not in {unit} and no exchange rate converts it: nothing checks "
        "it",
        "zh": "{stated}（{year}年）不以{unit}计，又没有汇率可以折算，无从核对",
    },
    "unit-slip": {
        "en": "{stated} ({year}) is not in {unit} and no exchange rate converts it; at any rate of "
        "5–10元 per 美元 it is {converted}, and {other} ({other_year}) would be {rates} a year "
        "from it — read as {as_if}, {rate} a year: did you mean {as_if}?",
        "zh": "{stated}（{year}年）不以{unit}计，又没有汇率可以折算；按1美元=5至10元的任何汇率，"
        "折合{converted}，与{other_year}年的{other}之间年均{rates}——若为{as_if}，年均{rate}："
        "是否应为{as_if}？",
    },
}
FX_PLAUSIBLE = (5.0, 10.0)
"""元 per 美元 a plan may mean: every year since 1994 within 6.1–8.3."""


_WHOSE = {
    "plan": {"en": "the plan", "zh": "规划"},
    "document": {"en": "the document", "zh": "文中"},
}


def _rate(f: Val, g: Val) -> Val:
    """元 per 美元 from a 元 value and a 美元 value (both in base units)."""
    return Val(f.face / g.face, f.lo / g.hi, f.hi / g.lo if g.lo > 0 else np.inf)


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    yield from _unconverted(plan, facts)
    pairs = []
    for lv, cny, usd in plan.currency_pairs():
        c, u = cny.figure, usd.figure
        assert c.unit is not None and u.unit is not None
        cv = Val(c.value * c.unit.scale, *(x * c.unit.scale for x in c.interval()))
        uv = Val(u.value * u.unit.scale, *(x * u.unit.scale for x in u.interval()))
        if uv.lo > 0 and cv.lo > 0:
            pairs.append((lv, cny, usd, cv, uv, _rate(cv, uv)))
    if not pairs:
        return
    if plan.exchange_rate is not None:
        f = plan.exchange_rate.figure
        ref = Val(f.value, *f.interval())
        refs = [(ref, plan.exchange_rate.text, (plan.exchange_rate.mark,))] * len(pairs)
        checked = list(range(len(pairs)))
        against_pair = [False] * len(pairs)
    else:
        refs = [None] * len(pairs)  # type: ignore[list-item]
        checked, against_pair = [], [False] * len(pairs)
        by_year: dict[int | None, list[int]] = {}
        for i, p in enumerate(pairs):
            by_year.setdefault(p[0].year, []).append(i)
        for members in by_year.values():
            # The narrowest pair of the year is its reference; each other pair is checked
            # against it.
            k = min(members, key=lambda i: pairs[i][5].hi - pairs[i][5].lo)
            text = f"{pairs[k][1].text} = {pairs[k][2].text}"
            for i in members:
                # both figures of the reference pair: the message names them, and a rule that
                # finds the same four figures (whole-plan) recognises this finding as its own
                refs[i] = (pairs[k][5], text, (pairs[k][1].mark, pairs[k][2].mark))
                if i != k and plan.one_rate_per_year:
                    checked.append(i)
                    against_pair[i] = True
            if len(members) > 1 and plan.one_rate_per_year:
                yield Checked(CODE, pairs[k][0].indicator, pairs[k][0].scope)
            rates = sorted(pairs[i][5].face for i in members)
            shown = fmt.number(rates[0], 3)
            if len(rates) > 1:
                shown += "–" + fmt.number(rates[-1], 3)
            first = pairs[members[0]]
            yield Finding(
                CODE,
                Severity.NOTE,
                first[0].indicator,
                first[1].mark,
                "implied",
                {
                    # a statistical bulletin drafted into plan files is no plan
                    "whose": _WHOSE["document" if plan.document else "plan"],
                    "rates": shown,
                    "pairs": joined(
                        [f"{pairs[i][1].text} = {pairs[i][2].text}" for i in members], clauses=True
                    ),
                },
                data={"rates": [data_val(pairs[i][5]) for i in members], "year": first[0].year},
            )
    if not checked:
        return
    r = np.array([pairs[i][5] for i in checked])
    rr = np.array([refs[i][0] for i in checked])
    cv = np.array([pairs[i][3] for i in checked])
    uv = np.array([pairs[i][4] for i in checked])
    feasible = overlap(r[:, 1], r[:, 2], rr[:, 1], rr[:, 2])
    as_written = within(cv[:, 0] / rr[:, 0], uv[:, 1], uv[:, 2]) | within(
        uv[:, 0] * rr[:, 0], cv[:, 1], cv[:, 2]
    )
    for i in checked:
        yield Checked(CODE, pairs[i][0].indicator, pairs[i][0].scope)
    for j, sev in enumerate(judge(feasible, as_written)):
        i = checked[j]
        if against_pair[i]:  # another pair of the year: the one rate a year is an assumption
            sev = Severity.WARNING if sev is Severity.ERROR else None
        if sev is None:
            continue
        lv, cny, usd, _, _, rate = pairs[i]
        ref_val, ref_text, ref_marks = refs[checked[j]]
        u = usd.figure.unit
        assert u is not None
        converted = fmt.amount(cv[j, 0] / rr[j, 0] / u.scale, u, usd.figure.decimals + 1)
        params = {
            "cny": cny.text,
            "usd": usd.text,
            "rate": fmt.number(rate.face, 3),
            "ref_rate": fmt.number(ref_val.face, 3) + "元",
            "ref": ref_text,
            "converted": converted,
        }
        yield Finding(
            CODE,
            sev,
            lv.indicator,
            usd.mark,
            "another-rate"
            if against_pair[i]
            else "mismatch"
            if sev is Severity.ERROR
            else "rounding",
            params,
            data={
                "implied_rate": data_val(rate),
                "reference_rate": data_val(ref_val),
                "unit": "元/美元",
            },
            scope=lv.scope,
            related=(cny.mark, *ref_marks),
            steps=(
                f"{cny.text} ÷ {usd.text} = {rate.face:.4f} ∈ [{rate.lo:.4f}, {rate.hi:.4f}] ↔ "
                f"[{ref_val.lo:.4f}, {ref_val.hi:.4f}]",
            ),
        )


def _unconverted(plan: Plan, facts: Facts) -> Iterator[Finding]:
    """Levels in the other currency than their indicator's that no exchange rate converts: they
    take part in nothing, so say so — and where the indicator's nearest level grows from one at a
    plausible rate only if its number is read in the indicator's currency, suggest that. A level
    whose year a past growth implies is the history rule's (it says so beside the implied one)."""
    implied_at = {(imp.indicator, imp.year) for imp in facts.implied}
    for lv in plan.levels:
        if lv.year is None or (lv.indicator, lv.year) in implied_at or plan.amount(lv) is not None:
            continue
        unit = plan.indicators[lv.indicator].unit
        stated = lv.figures[0]
        f = stated.figure
        if f.unit is None or f.unit.currency is None or unit.currency is None or f.value <= 0:
            continue
        params: dict = {"stated": stated.text, "year": str(lv.year), "unit": str(unit)}
        slip = _slip(plan, facts, lv.indicator, lv.year, f.value * f.unit.scale, unit)
        if slip is None:
            yield Finding(CODE, Severity.NOTE, lv.indicator, stated.mark, "unconverted", params)
            continue
        other_mark = slip.pop("_mark")
        as_if = f"{fmt.number(f.value, f.decimals)}{unit.symbol}"
        yield Finding(
            CODE,
            Severity.WARNING,
            lv.indicator,
            stated.mark,
            "unit-slip",
            params | slip | {"as_if": as_if},
            related=(other_mark,),
        )


def _slip(plan: Plan, facts: Facts, iid: str, year: int, in_base: float, unit: Unit) -> dict | None:
    """The nearest year's level of the indicator and the rates to it, where at 5–10元 per 美元
    every rate is outside the plausible band and with the figure's number read in the
    indicator's own currency (73.7亿元 as 73.7亿美元) the rate is inside; else None."""
    years = [y for y in facts.years(iid) if y != year]
    if not years:
        return None
    other_year = min(years, key=lambda y: (abs(y - year), y))
    other = facts.amount(iid, other_year)
    if other is None or other.face <= 0:
        return None
    n = abs(other_year - year)

    def rate(v: float) -> float:
        first, last = (v, other.face) if year < other_year else (other.face, v)
        return float((last / first) ** (1 / n) - 1)

    # the amount in the indicator's unit at both ends of the plausible exchange rates
    to_usd = unit.currency == "USD"
    converted = sorted(
        (in_base / fx if to_usd else in_base * fx) / unit.scale for fx in FX_PLAUSIBLE
    )
    rates = sorted(rate(v) for v in converted)
    if_rate = rate(in_base / unit.scale)  # the same number, in the indicator's currency
    lo_band, hi_band = plan.plausible_rate_of(iid)
    if not (lo_band <= if_rate <= hi_band) or (lo_band <= rates[1] and rates[0] <= hi_band):
        return None
    return {
        "converted": f"{fmt.number(converted[0], 2)}–{fmt.number(converted[1], 2)}{unit.symbol}",
        "other": other.stated.text,
        "other_year": str(other_year),
        "rates": _rates_words(rates[0], rates[1]),
        "rate": fmt.growth_words(if_rate, 1),
        "_mark": other.stated.mark,
    }


def _rates_words(lo: float, hi: float) -> dict[str, str]:
    """49.6%–71.8% / 增长49.6%–71.8% (下降 for falls, each end its own word when they differ)."""
    a, b = fmt.growth_words(lo, 1), fmt.growth_words(hi, 1)
    same = a["zh"][:2] == b["zh"][:2]
    return {"en": f"{a['en']}–{b['en']}", "zh": a["zh"] + "–" + (b["zh"][2:] if same else b["zh"])}
