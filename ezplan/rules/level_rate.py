"""Level vs annual rate (水平法).

Where a plan states the level at both ends of a period and the average annual growth
(年均增长) over it, the three must agree: base × (1 + rate)^years = end. Applies to targets
(the base-year level from baselines.yaml, the target level and rate from targets.yaml) and to
growth stated for past periods in baselines.yaml.

- error: no base, end and rate within the figures' rounding and bounds agree.
- warning: they agree only within rounding — the rate the levels imply does not round to the
  stated rate, and the level the rate implies does not round to the stated level.

Growth stated at constant prices (按可比价) is not compared with levels (see constant-prices).

Example: 326.57亿元 in 2020, 500亿元 in 2025 and 年均增长10% — at 10% a year 326.57亿元
grows to 525.94亿元; 500亿元 needs 8.89% a year: error.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ezplan import engine, fmt
from ezplan.facts import Facts, Val, rate_val
from ezplan.findings import Checked, Finding, Severity
from ezplan.model import Plan
from ezplan.rules._common import (
    data_val,
    judge,
    level_pair,
    overlap,
    rate_interval_text,
    rate_text,
    rate_words,
    real_price_hint,
    show_amount,
    stated_rate_words,
    within,
)

CODE = "level-rate"
TITLE = {"en": "Level vs annual rate", "zh": "水平与年均增速"}
DOC_ZH = """\
水平与年均增速（水平法）。

规划同时给出期初水平、期末水平和期间年均增长时，三者必须相符：期初水平 × (1 + 年均增速)^年数 =
期末水平。适用于目标（基期水平取自 baselines.yaml，目标水平与增速取自 targets.yaml），也适用于
baselines.yaml 中所列的以往时期增长。

- 错误：在各数字的舍入和界限范围内，找不到能相符的期初、期末与增速。
- 警告：只在舍入范围内相符——水平推算的增速不能四舍五入为所述增速，所述增速推算的水平也不能四舍五
  入为所述水平。

按可比价表述的增速不与现价水平比较（见 constant-prices）。生产总值、增加值的增速未标注却与现价水
平不符时，提示可能为可比价。

例：2020年326.57亿元，2025年500亿元，年均增长10%——按10%增长，326.57亿元五年后为525.94亿元；达到
500亿元只需年均增长8.89%：错误。
"""
MESSAGES = {
    "mismatch": {
        "en": "at {rate} a year, {base} ({base_year}) grows to {expected} by {end_year}, not "
        "{end}; {end} needs {implied} a year{hint}",
        "zh": "按年均{rate}，{base_year}年的{base}到{end_year}年为{expected}，而非{end}；"
        "达到{end}需年均{implied}{hint}",
    },
    "rounding": {
        "en": "{end} by {end_year} from {base} ({base_year}) needs {implied} a year, which does "
        "not round to the stated {rate}; the figures agree only within their rounding (the "
        "levels allow {allowed}){hint}",
        "zh": "由{base_year}年的{base}到{end_year}年的{end}需年均{implied}，"
        "不能四舍五入为所述的年均{rate}；仅在各数字的舍入范围内相符（水平允许{allowed}）{hint}",
    },
    "not-computable": {
        "en": "no annual rate can be computed from {base} ({base_year}) to {end} ({end_year}): "
        "a level is zero or negative",
        "zh": "无法由{base_year}年的{base}与{end_year}年的{end}计算年均增速：水平为零或负数",
    },
}


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    cases = []
    for c in plan.growth:
        if c.annual is None or c.constant_prices:
            continue
        pair = level_pair(facts, c)
        if pair is not None:
            cases.append((c, *pair))
    if not cases:
        return
    b = np.array([[x[1].face, x[1].lo, x[1].hi] for x in cases])
    e = np.array([[x[2].face, x[2].lo, x[2].hi] for x in cases])
    r = np.array([rate_val(x[0].annual) for x in cases])
    n = np.array([x[0].years for x in cases], dtype=float)

    implied = engine.annual_rate(b[:, 0], e[:, 0], n)
    ilo, ihi = engine.rate_interval(b[:, 1], b[:, 2], e[:, 1], e[:, 2], n)
    expected = engine.grow(b[:, 0], r[:, 0], n)
    base_needed = engine.base_for(e[:, 0], r[:, 0], n)

    # An at-most bound has no lower end: the rate can fall to -100%. A base interval reaching
    # zero leaves the rate unbounded above.
    computable = implied.ok
    ilo_v = np.where(ilo.ok, ilo.value, -1.0)
    ihi_v = np.where(ihi.ok, ihi.value, np.inf)
    feasible = overlap(ilo_v, ihi_v, r[:, 1], r[:, 2])
    as_written = (
        within(implied.value, r[:, 1], r[:, 2])
        | (expected.ok & within(expected.value, e[:, 1], e[:, 2]))
        | (base_needed.ok & within(base_needed.value, b[:, 1], b[:, 2]))
    )
    verdicts = judge(feasible, as_written)
    for i, (c, ba, ea) in enumerate(cases):
        assert c.annual is not None
        params = {
            "base": ba.stated.text,
            "base_year": str(c.base_year),
            "end": ea.stated.text,
            "end_year": str(c.end_year),
            "rate": stated_rate_words(c.annual),
        }
        if computable[i]:
            yield Checked(CODE, c.indicator, c.scope)
        else:
            yield Finding(
                CODE,
                Severity.WARNING,
                c.indicator,
                c.annual.mark,
                "not-computable",
                params,
                scope=c.scope,
            )
            continue
        sev = verdicts[i]
        if sev is None:
            continue
        like_end = ea.stated
        unit = plan.indicators[c.indicator].unit.symbol
        params |= {
            # 下降10%以上 from 100: at most 59.0 (a growth's bound is its level's, with the base's)
            "expected": fmt.bound_text(
                show_amount(plan, c.indicator, float(expected.value[i]), like_end),
                fmt.one_bound(c.annual.figure.bound, ba.stated.figure.bound),
            ),
            "implied": rate_words(float(implied.value[i]), c.annual),
            "allowed": rate_interval_text(float(ilo_v[i]), float(ihi_v[i]), c.annual),
            "hint": real_price_hint(plan, c),
        }
        stated_allows = rate_interval_text(r[i, 1], r[i, 2], c.annual)
        steps = (
            f"{ba.face:g}{unit} × (1 + {c.annual.text})^{c.years} = "
            f"{show_amount(plan, c.indicator, float(expected.value[i]), like_end, 2)}",
            f"({ea.face:g}{unit} ÷ {ba.face:g}{unit})^(1/{c.years}) − 1 = "
            f"{rate_text(float(implied.value[i]), c.annual)}",
            {  # what each level allows, with its unit, listed as each language lists
                "en": f"{c.base_year} {ba.stated.text} → [{ba.lo:g}{unit}, {ba.hi:g}{unit}]; "
                f"{c.end_year} {ea.stated.text} → [{ea.lo:g}{unit}, {ea.hi:g}{unit}]",
                "zh": f"{c.base_year}年{ba.stated.text} → [{ba.lo:g}{unit}, {ba.hi:g}{unit}]；"
                f"{c.end_year}年{ea.stated.text} → [{ea.lo:g}{unit}, {ea.hi:g}{unit}]",
            },
            {
                "en": f"rates the levels allow: {params['allowed']}; {c.annual.text} allows "
                f"{stated_allows}" + (" — overlap" if feasible[i] else " — no overlap"),
                "zh": f"水平所允许的年均增速：{params['allowed']}；{c.annual.text}允许"
                f"{stated_allows}" + ("——有交集" if feasible[i] else "——无交集"),
            },
        )
        yield Finding(
            CODE,
            sev,
            c.indicator,
            c.annual.mark,
            "mismatch" if sev is Severity.ERROR else "rounding",
            params,
            data={
                "base_year": c.base_year,
                "end_year": c.end_year,
                "stated_rate": data_val(Val(*r[i])),
                "implied_rate": data_val(Val(implied.value[i], ilo_v[i], ihi_v[i])),
                "expected": float(expected.value[i]),
                "actual": ea.face,
                "base": data_val(Val(ba.face, ba.lo, ba.hi)),
                "end": data_val(Val(ea.face, ea.lo, ea.hi)),
                "unit": unit,
            },
            scope=c.scope,
            steps=steps,
            related=(ba.stated.mark, ea.stated.mark),
        )
