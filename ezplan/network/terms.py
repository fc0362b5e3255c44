"""The plain-data vocabulary the plan adapter speaks: what a variable stands for, what a
constraint says, which assumption an item is, and a range in a figure's own terms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from ezplan.figures import Kind
from ezplan.model import Stated

QuantityKind = Literal[
    "level",  # an indicator's level in a year (year None: a project figure)
    "cumulative",  # an amount summed over base_year+1 … end_year
    "factor",  # end level ÷ base level over a period
    "annual",  # 1 + the average annual rate (水平法)
    "cumulative_annual",  # 1 + the annual rate of a cumulative sum (累计法)
    "cumulative_factor",  # Σ_{t=1..n} (1 + rate)^t
    "relative",  # a level relative to the first year of its chain of growth periods
    "share",  # a share in % of another indicator
    "change",  # a change in percentage points
    "exchange_rate",  # 元 per 美元: of one level given in both currencies, or of a year
]


@dataclass(frozen=True, slots=True)
class Quantity:
    """What one variable of the network stands for; `unit` is the unit of its values (slots:
    a plan with thousands of contradictions makes one for most of its variables)."""

    kind: QuantityKind
    indicator: str | None
    unit: str
    year: int | None = None
    period: tuple[int, int] | None = None  # (base year, end year)
    of: str | None = None  # a share's denominator
    planned: bool = False  # a target's value for a year after the base year (not an actual)
    constant_prices: bool = False


RelationKind = Literal[
    "growth",  # level_end = level_base × factor
    "compound",  # factor = annual^years
    "chain",  # relative_end = relative_base × factor: growth periods compound
    "cumulative",  # cumulative = base-year level × cumulative_factor (累计法)
    "cumulative_sum",  # cumulative_factor = Σ annual^t
    "exchange",  # the 元 figure = the 美元 figure × exchange rate
    "share",  # numerator = share/100 × denominator
    "parts",  # whole = Σ parts
    "part_of",  # part ≤ whole
    "points",  # level_end = level_base + change
    "same_rate",  # (assumption) a level's exchange rate = the year's rate
]


@dataclass(frozen=True, slots=True)
class Relation:
    """What one constraint of the network says, and the plan object it comes from."""

    kind: RelationKind
    indicator: str | None
    year: int | None = None
    period: tuple[int, int] | None = None
    source: Any = None  # GrowthClaim, CumulativeClaim, ShareClaim, PointsClaim, or None
    others: tuple[str, ...] = ()  # the other indicators (parts, the whole, the denominator)


AssumptionKind = Literal["one_rate_per_year", "about_core", "exact_word", "even_growth"]


@dataclass(frozen=True, slots=True)
class Assumption:
    """Something taken for granted in tier 2 (warnings), not stated by the plan.

    - one_rate_per_year: every amount given in both 元 and 美元 in `year` converts at one rate;
    - about_core: an 约/左右 figure lies in the inner half of its width, not at its edge;
    - exact_word: a doubling word (翻番, 翻番以上) means exactly ×2 (at least ×2), not ×2 as
      round words are said (×1.93–2.07, as 约翻番);
    - even_growth: a cumulative sum over `period` grows at the stated annual rate every year
      (累计法): Σ a0·(1+r)^t. An uneven path with the same average rate (水平法) sums otherwise.
    """

    kind: AssumptionKind
    year: int | None = None
    planned: bool = False  # one_rate_per_year: the rate the targets convert at, not the actual
    stated: Stated | None = None  # about_core, exact_word: the figure; even_growth: the rate
    period: tuple[int, int] | None = None  # even_growth


Member = Stated | Assumption


class Range(NamedTuple):
    """An interval in a figure's own terms: a rate or 增长X% in %, 增长X倍 in 倍, an amount in
    the figure's unit; 翻X番 as the multiple it means (翻番 → 1.91–1.95倍: "翻0.93番" says
    nothing to a planner). `unit` names them."""

    lo: float
    hi: float
    unit: str


_RATE_KINDS = frozenset({Kind.PERCENT, Kind.GROWTH_PERCENT})
_FACTOR_QUANTITIES = frozenset({"annual", "cumulative_annual", "factor"})
# a factor F = end / base read back into the figure's terms (Kind members looked up once: an
# enum attribute is slow to fetch, and this runs for every culprit of every contradiction).
# 翻番 reads back as 倍 on purpose, unlike fmt.figure_unit: the figure's own number counts
# 番 (翻一番), but a range it would need is a factor (×1.9–2.1), which has no 番 to count
_FROM_FACTOR = {
    Kind.GROWTH_TIMES: (lambda x: x - 1, "倍"),
    Kind.MULTIPLE: (lambda x: x, "倍"),
    Kind.DOUBLING: (lambda x: x, "倍"),
    Kind.POINTS: (lambda x: x, "个百分点"),
}
_AMOUNT, _PERCENT = Kind.AMOUNT, Kind.PERCENT


def figure_range(stated: Stated, q: Quantity, lo: float, hi: float, scale: float) -> Range:
    """A variable's interval expressed like the figure that bounds it. `scale` converts the
    variable's unit into the figure's (for amounts)."""
    f = stated.figure
    kind = f.kind
    if kind is _AMOUNT:
        return Range(lo * scale, hi * scale, f.unit.symbol if f.unit is not None else q.unit)
    if kind in _RATE_KINDS and q.kind in _FACTOR_QUANTITIES:
        return Range((lo - 1) * 100, (hi - 1) * 100, "%")
    if kind in _FROM_FACTOR:
        convert, unit = _FROM_FACTOR[kind]
        return Range(convert(lo), convert(hi), unit)
    return Range(lo, hi, "%" if kind is _PERCENT else q.unit)
