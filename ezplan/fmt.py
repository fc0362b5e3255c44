"""Every number ezplan shows passes through here, so that one figure always reads the same way.

Derived values are shown one digit finer than the stated figure they are compared with (rates
at least to 0.01%), so that a reader sees why 525.94 is not 500 and why 23.32% still rounds to 23%.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ezplan.figures import Figure, Kind
from ezplan.units import Unit

MAX_DECIMALS = 6


def number(x: float, decimals: int) -> str:
    """A plain decimal with `decimals` places; ∞ for unbounded ends; no -0."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    decimals = max(0, min(decimals, MAX_DECIMALS))
    s = f"{x:.{decimals}f}"
    if s.lstrip("-").strip("0.") == "":
        s = s.lstrip("-")
    return s


def significant(x: float, digits: int = 4) -> str:
    """A derived value with about `digits` significant digits: 11.96, 6.944, 184.2, 0.4765."""
    if not math.isfinite(x) or x == 0:
        return number(x, 0)
    magnitude = math.floor(math.log10(abs(x)))
    return number(x, max(0, digits - 1 - magnitude))


def significant_digits(f: Figure) -> int:
    """The significant digits a written figure carries: 16011 → 5, 421.86 → 5, 0.524 → 3, 10 → 2.
    A value derived from it (the same amount in 亿美元, its interval) is shown with as many, so
    that no digit the plan wrote is lost (16011万美元 is 1.6011亿美元, not 1.601)."""
    x = abs(f.value)
    if not math.isfinite(x) or x == 0:
        return f.decimals + 1
    return max(1, math.floor(math.log10(x)) + 1 + f.decimals)


def between(
    lo: float,
    hi: float,
    one: Callable[[float, int], str],
    digits: int = 4,
    shown: Callable[[float], float] = lambda x: x,
) -> str:
    """A range ``lo … hi``, each end `one(x, digits)` with `digits` significant digits — the
    larger end; the other as many decimals (`shown`: the number `one` writes for x, a factor
    1.095 as 9.5%) — and more (up to three) where the two ends would read the same (421.855 …
    421.865, not 421.9 … 421.9); an open end reads ``≥ lo`` or ``≤ hi``, never ∞."""
    if math.isinf(lo) and math.isinf(hi):
        return "—"
    if math.isinf(hi):
        return "≥ " + one(lo, digits)
    if math.isinf(lo):
        return "≤ " + one(hi, digits)
    d_lo, d_hi = _alike(shown(lo), shown(hi), digits)
    for extra in range(4):
        a, b = one(lo, d_lo + extra), one(hi, d_hi + extra)
        if a != b or lo == hi:
            break
    return f"{a} … {b}"


def _alike(lo: float, hi: float, digits: int) -> tuple[int, int]:
    """Significant digits for the two ends of a range that give both the same decimals, the
    larger end `digits` of them (9.50% … 10.50%, not 9.500% … 10.50%)."""

    def magnitude(x: float) -> int | None:
        return math.floor(math.log10(abs(x))) if math.isfinite(x) and x != 0 else None

    m_lo, m_hi = magnitude(lo), magnitude(hi)
    if m_lo is None or m_hi is None:
        return digits, digits
    top = max(m_lo, m_hi)
    return max(1, digits + m_lo - top), max(1, digits + m_hi - top)


def span(lo: float, hi: float, unit: str, digits: int = 4) -> str:
    """A range of values in one unit: 4.412%–4.434%, 11.96–12.03亿美元, ≥ 8.975亿美元."""
    if math.isinf(hi) and math.isinf(lo):
        return "any value"
    if math.isinf(hi):
        return f"≥ {significant(lo, digits)}{unit}"
    if math.isinf(lo) or (lo <= 0 and unit not in ("%", "个百分点")):
        return f"≤ {significant(hi, digits)}{unit}"
    d_lo, d_hi = _alike(lo, hi, digits)
    low, high = significant(lo, d_lo), significant(hi, d_hi)
    if low == high:  # a range narrower than the digits shown is one value
        return f"{low}{unit}"
    if unit == "%":
        return f"{low}%–{high}%"
    return f"{low}–{high}{unit}"


def level_decimals(stated: Figure | None, extra: int = 1) -> int:
    return (stated.decimals if stated else 1) + extra


def rate_decimals(stated: Figure | None) -> int:
    return max(2, (stated.decimals if stated else 1) + 1)


def decimals_in(f: Figure, unit: Unit) -> int:
    """The decimals a figure keeps when shown in `unit`: 42080万美元 in 亿美元 is 4.2080,
    0.1075万家 in 家 is 1075 (not 1075.0000)."""
    shift = 0
    if f.unit is not None and f.unit.dimension == unit.dimension:
        ratio = f.unit.scale / unit.scale
        while ratio < 0.99 and shift < 8:
            ratio, shift = ratio * 10, shift + 1
        while ratio > 1.01 and shift > -8:
            ratio, shift = ratio / 10, shift - 1
    return max(0, f.decimals + shift)


def amount(x: float, unit: Unit | None, decimals: int) -> str:
    """525.94亿元; a share or ratio indicator gets %."""
    return number(x, decimals) + (unit.symbol if unit else "")


def rate(r: float, decimals: int = 2) -> str:
    """A growth rate given as a fraction: 0.0889 → 8.89%."""
    return number(r * 100, decimals) + "%"


def points(p: float, decimals: int = 1) -> str:
    """A change in percentage points, signed: +1.20个百分点, -0.5个百分点."""
    shown = number(p, decimals)
    return ("" if shown.startswith("-") else "+") + shown + "个百分点"


def points_en(shown: str, lang: str) -> str:
    """个百分点 reads "pp" in English."""
    return shown.replace("个百分点", " pp") if lang == "en" else shown


def rate_a_year(x: float, in_points: bool, lang: str) -> str:
    """A rate a year: 8.89%, or for a ratio indicator +1.20个百分点 (+1.20 pp)."""
    return points_en(points(x, 2), lang) if in_points else rate(x, 2)


def points_words(p: float, decimals: int = 2) -> dict[str, str]:
    """A change in points as each language says it: +1.20个百分点 / 提高1.20个百分点."""
    shown = points(p, decimals)
    verb = "降低" if shown.startswith("-") else "提高"
    return {"en": shown, "zh": verb + shown.lstrip("+-")}


_RISING = ("增长", "提高")


def bounded_words(words: dict[str, str], bound: str) -> dict[str, str]:
    """A rate or change that a target stated as a bound only limits ("at_least", "at_most"):
    ≥ 8.89% / 增长不低于8.89%, and a floor under a decline ≥ -9.09% / 下降不超过9.09% — a
    plan's 13万户以上 allows the fall, it does not ask for it."""
    zh = words["zh"]
    verb, rest = zh[:2], zh[2:]
    rising = verb in _RISING
    if bound == "at_least":
        limit = "不低于" if rising else "不超过"
    else:
        limit = "不超过" if rising else "不少于"
    sign = "≥ " if bound == "at_least" else "≤ "
    return {"en": sign + words["en"], "zh": verb + limit + rest}


def bound_text(text: str, bound: str | None) -> str | dict[str, str]:
    """A value derived from a bound ("at_least", "at_most"), said as the bound it is: ≥ 17776家
    / 不低于17776家 (翻了两番多 from 4444家); the text itself where there is none."""
    if bound is None:
        return text
    low = bound == "at_least"
    return {"en": ("≥ " if low else "≤ ") + text, "zh": ("不低于" if low else "不高于") + text}


def one_bound(*bounds: str | None) -> str | None:
    """The bound a product or quotient of figures is, where the figures' bounds agree on one
    side (a figure with none is exact); None where none is, or where they pull apart."""
    said = {b for b in bounds if b is not None}
    return said.pop() if len(said) == 1 else None


def percent(p: float, decimals: int = 1) -> str:
    """A percentage given in percent: 42.0 → 42.0%."""
    return number(p, decimals) + "%"


def growth_words(r: float, decimals: int = 2, bound: str | None = None) -> dict[str, str]:
    """A rate (a fraction) as each language says it: 8.89% / 增长8.89%, -3% / 下降3% — in
    Chinese a decline reads as a decline, never 增长-3%. `bound` "≥" or "≤": at least or at
    most that rate (≥ -9.09% / 下降不超过9.09%)."""
    shown = number(r * 100, decimals)
    fall = shown.startswith("-")
    if bound:
        at_most_fall = (bound == "≥") == fall  # ≥ −9% falls at most 9%; ≤ 9% grows at most 9%
        word = ("下降" if fall else "增长") + ("不超过" if at_most_fall else "不低于")
        return {"en": f"{bound} {shown}%", "zh": f"{word}{shown.lstrip('-')}%"}
    if fall:
        return {"en": f"{shown}%", "zh": f"下降{shown[1:]}%"}
    return {"en": f"{shown}%", "zh": f"增长{shown}%"}


def factor(f: float, decimals: int = 3) -> str:
    """A growth factor: ×3.410."""
    return "×" + number(f, decimals)


def factor_span(lo: float, hi: float, decimals: int = 3) -> str:
    """The factors from `lo` to `hi`: [×1.932, ×2.071], ≥ ×1.932, and ≤ ×2.071 where nothing
    bounds it below (a factor of 0 is a level fallen to nothing, no bound)."""
    return interval(-math.inf if lo <= 0 else lo, hi, lambda x: factor(x, decimals))


def growth_pct(f: float, decimals: int = 1) -> str:
    """A growth factor as 增长 %: 2.852 → 185.2%."""
    return number((f - 1) * 100, decimals) + "%"


def times(f: float, decimals: int = 2) -> str:
    """A growth factor as 增长X倍 reads it: 3.41 → 2.41倍."""
    return number(f - 1, decimals) + "倍"


def interval(lo: float, hi: float, fmt_one) -> str:
    """[a, b], ≥ a or ≤ b for open bounds."""
    if math.isinf(hi) and math.isinf(lo):
        return "any value"
    if math.isinf(hi):
        return "≥ " + fmt_one(lo)
    if math.isinf(lo):
        return "≤ " + fmt_one(hi)
    low, high = fmt_one(lo), fmt_one(hi)
    return low if low == high else f"[{low}, {high}]"  # narrower than its digits: one value


def figure_unit(f: Figure) -> str:
    """What a figure's number is counted in, as written after it: 亿元, %, 倍, 个百分点."""
    if f.kind is Kind.AMOUNT:
        return f.unit.symbol if f.unit is not None else ""
    if f.kind in (Kind.PERCENT, Kind.GROWTH_PERCENT):
        return "%"
    if f.kind in (Kind.GROWTH_TIMES, Kind.MULTIPLE):
        return "倍"
    if f.kind is Kind.POINTS:
        return "个百分点"
    return ""


def allowed(f: Figure, lang: str = "en") -> str:
    """The values a written figure allows, one digit finer than written, with its unit:
    [421.855亿元, 421.865亿元], [9.5%, 10.5%], ≥ 39.5%; a doubling as the factor it means,
    ×2, and as the round word it may be, ×1.932–2.071."""
    if f.kind is Kind.DOUBLING:
        exact = factor_span(*f.factor_interval(), 0)
        loose = f.round_word_factor_interval()
        if loose is None:
            return factor_span(*f.factor_interval(), 3)
        as_word = factor_span(*loose, 3)
        return (
            f"{exact}（约数：{as_word}）"
            if lang == "zh"
            else f"{exact} (as a round word {as_word})"
        )
    lo, hi = f.interval()
    unit = figure_unit(f)
    return interval(lo, hi, lambda x: number(x, f.decimals + 1) + unit)


def figure_factor_text(f: Figure, fac: float) -> str:
    """A factor in the way the figure itself speaks: 增长% for %, 倍 for 倍, ×n otherwise."""
    if f.kind is Kind.GROWTH_PERCENT:
        return growth_words(fac - 1, max(1, f.decimals + 1))["zh"]
    if f.kind is Kind.GROWTH_TIMES:
        return "增长" + times(fac, f.decimals + 1)
    return factor(fac, max(2, f.decimals + 1))


def years(a: int, b: int, lang: str = "en") -> str:
    """The years from `a` to `b` as a period is written: ``2016–2020`` (``2016—2020`` in
    Chinese, as 规划期 is), or ``2019`` alone."""
    return str(a) if a == b else f"{a}{'—' if lang == 'zh' else '–'}{b}"


def years_words(a: int, b: int) -> dict[str, str]:
    """`years` in each language, for a message's parameters."""
    return {"en": years(a, b), "zh": years(a, b, "zh")}


def json_number(x: float) -> float | None:
    """Numbers for JSON: finite floats as they are; null for an open end (a bound's infinite
    side) or a value that cannot be computed — a number field is a number or null, never text."""
    if not math.isfinite(x):
        return None
    return float(x)
