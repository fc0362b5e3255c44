"""Helpers the rules share: judging a case from interval arithmetic, and formatting its parts."""

from __future__ import annotations

import math
import re

import numpy as np

from ezplan import fmt
from ezplan.facts import Facts, Val
from ezplan.figures import Comparator
from ezplan.findings import Severity
from ezplan.model import Amount, GrowthClaim, Plan, Stated

Mask = np.ndarray


def judge(feasible: Mask, as_written: Mask, loose: Mask | None = None) -> list[Severity | None]:
    """error: no values within the figures' rounding and bounds agree (nor, with `loose`, with
    a doubling word read as a round figure: 翻番 as 约翻番); warning: the figures disagree as
    written but agree within rounding, or only with the word read loosely; None: they agree as
    written."""
    f_all = np.asarray(feasible, bool)
    fits = f_all if loose is None else f_all | np.asarray(loose, bool)
    out: list[Severity | None] = []
    for f, fl, w in zip(f_all, fits, np.asarray(as_written, bool), strict=True):
        out.append(None if (f and w) else Severity.WARNING if fl else Severity.ERROR)
    return out


ROUND_WORD = {
    "en": "; they agree only if {word} is a round word, not an exact one ({loose}, as 约{plain})",
    "zh": "；仅当{word}为约数而非确数（按约{plain}即{loose}）时相符",
}
"""What a message adds when the figures agree only with a doubling word read loosely."""


def round_word_params(s: Stated, lo: float, hi: float) -> dict[str, str]:
    """`ROUND_WORD`'s parameters: the word, as written and without its bound, and the range of
    factors it allows read loosely."""
    m = re.search(r"翻[^番]{0,2}番", s.text)  # 不超过翻番, 翻两番多, 实现翻番以上: 翻番, 翻两番
    return {
        "word": s.text,
        "plain": m.group(0) if m else s.text,
        "loose": fmt.factor_span(lo, hi, 3),
    }


def within(x: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> Mask:
    """x in [lo, hi], allowing for float noise at the interval's ends."""
    tol = 1e-12 * np.maximum(1.0, np.abs(np.where(np.isfinite(x), x, 0.0)))
    return (x >= lo - tol) & (x <= hi + tol)


def overlap(alo: np.ndarray, ahi: np.ndarray, blo: np.ndarray, bhi: np.ndarray) -> Mask:
    tol = 1e-12 * np.maximum(1.0, np.abs(np.where(np.isfinite(ahi), ahi, 0.0)))
    return (alo <= bhi + tol) & (blo <= ahi + tol)


def level_pair(facts: Facts, c: GrowthClaim) -> tuple[Amount, Amount] | None:
    b = facts.amount(c.indicator, c.base_year)
    e = facts.amount(c.indicator, c.end_year)
    return None if b is None or e is None else (b, e)


def show_amount(plan: Plan, indicator: str, x: float, like: Stated | None, extra: int = 1) -> str:
    """A derived level of `indicator`, one digit finer than the figure it is compared with."""
    unit = plan.indicators[indicator].unit
    dec = fmt.decimals_in(like.figure, unit) + extra if like else fmt.level_decimals(None, extra)
    if unit.is_percent:
        return fmt.percent(x, dec)
    return fmt.amount(x, unit, dec)


def show_like(plan: Plan, indicator: str, x: float, like: Stated, extra: int = 0) -> str:
    """A value of `indicator` in the unit and precision of the figure it was derived from."""
    unit = plan.indicators[indicator].unit
    u = like.figure.unit
    dec = like.figure.decimals + extra
    if u is None or u.dimension != unit.dimension:
        return show_amount(plan, indicator, x, None, dec)
    return fmt.amount(x * unit.factor_to(u), u, dec)


def show_val(plan: Plan, indicator: str, v: Val, like: Stated | None) -> str:
    """The interval a value stands for, its ends two digits finer than `like` — fewer where
    the interval is a hundred steps of the last digit across without them ([1570.59亿元,
    1735.92亿元], not [1570.5855亿元, 1735.9164亿元])."""
    extra = val_digits(plan, indicator, v, like)
    return fmt.interval(v.lo, v.hi, lambda x: show_amount(plan, indicator, x, like, extra))


def val_digits(plan: Plan, indicator: str, v: Val, like: Stated | None) -> int:
    """The digits beyond `like`'s that `show_val` writes the interval's ends with: its face
    value is written with them too (11.25亿元 [11.10亿元, 11.40亿元], not 11亿元 beside it)."""
    unit = plan.indicators[indicator].unit
    dec = fmt.decimals_in(like.figure, unit) if like else fmt.level_decimals(None, 0)
    extra = 0
    finite = math.isfinite(v.hi - v.lo)  # a bound (≥ 45.65%) keeps its two digits
    while extra < 2 and not (
        (finite and v.hi - v.lo >= 100 * 10.0 ** -(dec + extra))
        or (finite and _exact_at(v.lo, dec + extra) and _exact_at(v.hi, dec + extra))
    ):
        extra += 1
    return extra


def _exact_at(x: float, decimals: int) -> bool:
    """Is x written exactly with `decimals` digits ([41.19%, 41.21%], not [41.1900%, 41.2100%])?"""
    step = 10.0**-decimals
    return abs(x - round(x / step) * step) < 1e-9 * max(1.0, abs(x))


def rate_text(r: float, like: Stated | None) -> str:
    return fmt.rate(r, fmt.rate_decimals(like.figure if like else None))


def rate_words(r: float, like: Stated | None) -> dict[str, str]:
    """A derived rate for messages: 8.89% in English, 增长8.89% or 下降3.00% in Chinese."""
    return fmt.growth_words(r, fmt.rate_decimals(like.figure if like else None))


def stated_rate_words(s: Stated) -> dict[str, str]:
    """A stated annual rate for messages: as written in English, 增长10% / 下降8% in Chinese —
    with what bounds or widens it kept (下降10%以上, 增长约3%, 预计增长14.4%: the Chinese said
    下降10% and 增长3%, firmer than the plan)."""
    f = s.figure
    if f.comparator is Comparator.EXACT:
        return {"en": s.text, "zh": fmt.growth_words(f.value / 100, f.decimals)["zh"]}
    return {"en": s.text, "zh": _with_growth_word(s.text, f.value)}


_GROWTH_WORDS = ("增长", "增加", "提高", "上升", "提升", "下降", "减少", "降低")


def _with_growth_word(text: str, value: float) -> str:
    """约3% → 增长约3%, 3%以上 → 增长3%以上; a text that says how it grows as it is. An
    estimate's 预计 is left out: the messages put the rate after 按年均 or 若每年均, where 预计
    does not read (its width is the rate's all the same)."""
    rest = text.removeprefix("预计")
    if rest.startswith(_GROWTH_WORDS):
        return rest
    return f"{'下降' if value < 0 else '增长'}{rest.lstrip('-')}"


def rate_interval_text(lo: float, hi: float, like: Stated | None) -> str:
    return fmt.interval(lo, hi, lambda x: rate_text(x, like))


def data_val(v: Val) -> dict[str, float | str | None]:
    return {
        "value": fmt.json_number(v.face),
        "low": fmt.json_number(v.lo),
        "high": fmt.json_number(v.hi),
    }


REAL_GROWTH_WORDS = ("生产总值", "增加值", "经济总量", "国民总收入", "GDP", "gdp", "GNI")
"""Names of indicators whose growth is stated at comparable prices by statistical convention."""


def real_price_hint(plan: Plan, c: GrowthClaim) -> str | dict[str, str]:
    """For GDP and value added, an unmarked rate is most likely at comparable prices: say so."""
    ind = plan.indicators[c.indicator]
    if c.constant_prices or not any(w in ind.name + (ind.name_en or "") for w in REAL_GROWTH_WORDS):
        return ""
    return {
        "en": f" — GDP, GNI and value-added growth is stated at constant prices by convention; "
        f"if this rate is, mark it constant_prices: true (or list {c.indicator} under "
        "plan.constant_prices)",
        "zh": f"——按统计惯例，生产总值、国民总收入和增加值的增速按可比价计算；若此增速如此，请标注"
        f"constant_prices: true（或将{c.indicator}列入plan.constant_prices）",
    }


def figure_words(s: Stated) -> str:
    """A figure as a reader recognises it: an annual rate says so (年均增长4.3%, not 4.3%)."""
    return annual_words(s.text) if s.field == "annual" else s.text


def annual_words(text: str) -> str:
    """An annual rate's text as a reader recognises it: 年均增长4.3%, 预计年均增长14.4%,
    预计年均下降10%以上 (the estimate's word first), and a text that already says how it grows
    as it is."""
    if text.startswith(("年均", *_GROWTH_WORDS)):
        return text
    head = "预计" if text.startswith("预计") else ""
    rest = text[len(head) :]
    if rest.startswith("年均"):
        return text
    if rest.startswith(_GROWTH_WORDS):
        return f"{head}年均{rest}"
    return f"{head}年均增长{rest}"


def name(plan: Plan, indicator: str) -> dict[str, str]:
    """An indicator's name for messages, per language."""
    ind = plan.indicators[indicator]
    return {"zh": ind.name, "en": ind.name_en or ind.name}


def joined(items: list[str], clauses: bool = False) -> dict[str, str]:
    """Figures listed in a message, as each language lists them: ``a, b`` / ``a、b``, or
    clauses ``a; b`` / ``a；b``."""
    if clauses:
        return {"en": "; ".join(items), "zh": "；".join(items)}
    return {"en": ", ".join(items), "zh": "、".join(items)}
