"""Constant vs current prices.

Growth stated at constant prices (按可比价, 按不变价; `constant_prices: true`) removes price
changes, while levels in 亿元 are at current prices; the two are not comparable, and the other
rules do not compare them. This rule says so, as a note, and gives the current-price growth the
levels imply, so the gap (roughly the price change) is visible.

The gap is itself a price change, and prices move within limits: when the figures, however
rounded, need prices to fall more than 5% or rise more than 10% a year on average over the
period (China's GDP deflator has stayed within about −1% and +8% a year averaged over any five
years since 1995), the levels are of another scope (规上工业's growth is reckoned over the year's
own set of firms, its levels revised by the 2018 census) or a figure is wrong — a warning.
Example: 131.12亿元 (2015) → 180.67亿元 (2020) is 6.62% a year at current prices; with 13.6% a
year at constant prices, prices would have to fall 6.1% a year.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from ezplan import engine, fmt
from ezplan.facts import Facts, Val, rate_bound
from ezplan.findings import Finding, Severity
from ezplan.model import Amount, GrowthClaim, Plan, Stated
from ezplan.rules._common import level_pair, rate_words, stated_rate_words

CODE = "constant-prices"
TITLE = {"en": "Constant-price growth vs current-price levels", "zh": "可比价增速与现价水平"}
LEVEL = "warning"  # the most severe it reports (SARIF's default level)
DOC_ZH = """\
可比价增速与现价水平。

按可比价（不变价；constant_prices: true）表述的增速剔除了价格变化，而以亿元计的水平是现价，二者
不可比，其他规则不作比较。本规则以提示说明这一点，并给出水平隐含的现价增速，使二者之差（大致为价
格变化）一目了然。规划可在 plan.constant_prices 中列出按统计惯例以可比价表述增速的指标（生产总值、
增加值等）。

二者之差本身就是价格变化，而价格变化有其限度：若无论如何舍入，这些数字都要求期内价格平均每年下降
超过5%或上涨超过10%（1995年以来我国GDP平减指数任何五年的年均变化都在约−1%至+8%之间），则水平的
统计口径不同（如规上工业增速按当年企业范围计算，水平经2018年经济普查修订），或有数字错误——给出
警告。例：131.12亿元（2015年）→180.67亿元（2020年）现价年均增长6.62%；若可比价年均增长13.6%，价格
须每年下降6.1%。
"""
MESSAGES = {
    "not-compared": {
        "en": "{growth} is at constant prices and is not compared with the current-price levels "
        "{base} ({base_year}) and {end} ({end_year}), which imply {implied}{a_year} at current "
        "prices",
        "zh": "{growth}按可比价计算，不与现价水平{base}（{base_year}年）和{end}（{end_year}年）"
        "比较；二者对应现价{a_year}{implied}",
    },
    "price-change": {
        "en": "{growth} at constant prices and the current-price levels {base} ({base_year}) and "
        "{end} ({end_year}), {implied} a year, need a price change of {price} a year — outside "
        "{band}; the levels may be of another scope than the growth, or a figure is wrong",
        "zh": "按可比价{growth}与现价水平{base}（{base_year}年）、{end}（{end_year}年）（现价年均"
        "{implied}）要求价格每年{price}，超出{band}的范围；可能是水平与增速的统计口径不同，或有"
        "数字错误",
    },
}
PRICE_BAND = (-0.05, 0.10)
"""The yearly price change, averaged over a plan period, that constant-price growth and
current-price levels may imply before they are called implausible."""


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
        price = _price_change(c.years, stated, c.annual is stated, b, e)
        if price is not None:
            yield _implausible(c, stated, b, e, float(r.value[i]), price)
            continue
        # 突破3000亿元 from 2802.12亿元: ≥ 7.06%, over one year no 年均 (宜宾, a reviewer's find)
        bound = rate_bound(Val(b.face, b.lo, b.hi), Val(e.face, e.lo, e.hi)) or None
        dec = fmt.rate_decimals(c.annual.figure if c.annual else None)
        params = {
            "growth": stated.text,
            "base": b.stated.text,
            "end": e.stated.text,
            "base_year": str(c.base_year),
            "end_year": str(c.end_year),
            "implied": fmt.growth_words(float(r.value[i]), dec, bound),
            "a_year": {"en": " a year", "zh": "年均"} if c.years > 1 else "",
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


def _price_change(
    years: int, stated: Stated, annual: bool, b: Amount, e: Amount
) -> tuple[float, float] | None:
    """The yearly price change the figures need, as an interval over their rounding, when all of
    it lies outside `PRICE_BAND`; else None."""
    lo, hi = stated.figure.interval()
    if annual:  # a yearly rate compounds over the period; a total is the period's factor
        real = ((1 + lo / 100) ** years if lo > -100 else 0.0, (1 + hi / 100) ** years)
    else:
        real = stated.figure.factor_interval()
    if b.lo <= 0 or b.hi <= 0 or e.lo <= 0:
        return None
    nominal = (e.lo / b.hi, e.hi / b.lo)
    least = nominal[0] / real[1] if math.isfinite(real[1]) and real[1] > 0 else 0.0
    most = nominal[1] / real[0] if real[0] > 0 else math.inf
    price = (
        least ** (1 / years) - 1 if least > 0 else -1.0,
        most ** (1 / years) - 1 if math.isfinite(most) else math.inf,
    )
    if price[0] > PRICE_BAND[1] or price[1] < PRICE_BAND[0]:
        return price
    return None


def _implausible(
    c: GrowthClaim, stated: Stated, b: Amount, e: Amount, implied: float, price: tuple[float, float]
) -> Finding:
    nearest = price[0] if price[0] > PRICE_BAND[1] else price[1]
    growth: str | dict[str, str] = stated.text
    if stated is c.annual:
        growth = {"en": f"{stated.text} a year", "zh": "年均" + stated_rate_words(stated)["zh"]}
    params = {
        "growth": growth,
        "base": b.stated.text,
        "end": e.stated.text,
        "base_year": str(c.base_year),
        "end_year": str(c.end_year),
        "implied": rate_words(implied, c.annual),
        "price": fmt.growth_words(nearest, 1),
        "band": f"{fmt.rate(PRICE_BAND[0], 0)}…+{fmt.rate(PRICE_BAND[1], 0)}",
    }
    return Finding(
        CODE,
        Severity.WARNING,
        c.indicator,
        stated.mark,
        "price-change",
        params,
        data={"implied_rate": implied, "price_change": {"low": price[0], "high": price[1]}},
        scope=c.scope,
        related=(b.stated.mark, e.stated.mark),
    )
