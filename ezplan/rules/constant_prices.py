"""Constant vs current prices.

Growth stated at constant prices (按可比价, 按不变价; `constant_prices: true`) removes price
changes, while levels in 亿元 are at current prices; the two are not comparable, and the other
rules do not compare them. This rule says so, as a note, and gives the current-price growth the
levels imply, so the gap (roughly the price change) is visible — never a false alarm.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ezplan import engine
from ezplan.facts import Facts
from ezplan.findings import Finding, Severity
from ezplan.model import Plan
from ezplan.rules._common import level_pair, rate_words

CODE = "constant-prices"
TITLE = {"en": "Constant-price growth vs current-price levels", "zh": "可比价增速与现价水平"}
LEVEL = "note"  # the most severe it reports (SARIF's default level)
DOC_ZH = """\
可比价增速与现价水平。

按可比价（不变价；constant_prices: true）表述的增速剔除了价格变化，而以亿元计的水平是现价，二者
不可比，其他规则不作比较。本规则以提示说明这一点，并给出水平隐含的现价增速，使二者之差（大致为价
格变化）一目了然——不作误报。规划可在 plan.constant_prices 中列出按统计惯例以可比价表述增速的指标
（生产总值、增加值等）。
"""
MESSAGES = {
    "not-compared": {
        "en": "{growth} is at constant prices and is not compared with the current-price levels "
        "{base} ({base_year}) and {end} ({end_year}), which imply {implied} a year at current "
        "prices",
        "zh": "{growth}按可比价计算，不与现价水平{base}（{base_year}年）和{end}（{end_year}年）"
        "比较；二者对应现价年均{implied}",
    },
}


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    cases = []
    for c in plan.growth:
        pair = level_pair(facts, c) if c.constant_prices else None
        stated = c.annual or c.total
        if pair is not None and stated is not None:
            cases.append((c, stated, *pair))
    if not cases:
        return
    r = engine.annual_rate(
        np.array([x[2].face for x in cases]),
        np.array([x[3].face for x in cases]),
        np.array([x[0].years for x in cases], dtype=float),
    )
    for i, (c, stated, b, e) in enumerate(cases):
        if not r.ok[i]:
            continue
        params = {
            "growth": stated.text,
            "base": b.stated.text,
            "end": e.stated.text,
            "base_year": str(c.base_year),
            "end_year": str(c.end_year),
            "implied": rate_words(float(r.value[i]), c.annual),
        }
        yield Finding(
            CODE,
            Severity.NOTE,
            c.indicator,
            stated.mark,
            "not-compared",
            params,
            data={"implied_rate": float(r.value[i])},
            scope=c.scope,
            related=(b.stated.mark, e.stated.mark),
        )
