"""The plan as the engine sees it: indicators and the figures stated for them, each with its source.

Built by `ezplan.loader` from the two files. Everything here is plain data; no arithmetic beyond
unit conversion, which needs to know the indicator's unit and the plan's exchange rate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from ezplan.errors import Mark
from ezplan.figures import Figure, Kind
from ezplan.units import Unit

Scope = Literal["target", "history", "project"]


@dataclass(frozen=True, slots=True)
class Stated:
    """One figure as the plan states it, with where it stands."""

    figure: Figure
    mark: Mark
    field: str
    quote: str | None = None
    section: str | None = None
    note: str | None = None
    document_line: int | None = None  # the quote's line in the plan's own document
    review: str | None = None

    @property
    def text(self) -> str:
        return self.figure.text


@dataclass(frozen=True, slots=True)
class Amount:
    """A level in its indicator's unit: the face value and the interval the figures allow."""

    face: float
    lo: float
    hi: float
    stated: Stated
    converted: bool = False  # True when it had to go through an exchange rate


@dataclass(slots=True)
class Indicator:
    id: str
    name: str
    unit: Unit
    mark: Mark
    name_en: str | None = None
    parts: tuple[str, ...] = ()
    part_of: str | None = None
    direction: str | None = None
    is_project: bool = False
    quote: str | None = None
    section: str | None = None
    plausible_rate: tuple[float, float] | None = None  # annual rates, as fractions

    def label(self, lang: str = "zh") -> str:
        return (self.name_en or self.name) if lang == "en" else self.name


@dataclass(frozen=True, slots=True)
class Level:
    """The level of an indicator in one year, stated once or in several units."""

    indicator: str
    year: int | None
    figures: tuple[Stated, ...]
    scope: Scope

    @property
    def mark(self) -> Mark:
        return self.figures[0].mark


@dataclass(frozen=True, slots=True)
class GrowthClaim:
    """Growth stated over base_year → end_year: annual (年均), total (增长X%/倍), or both."""

    indicator: str
    base_year: int
    end_year: int
    scope: Scope
    mark: Mark
    annual: Stated | None = None
    total: Stated | None = None
    constant_prices: bool = False

    @property
    def years(self) -> int:
        return self.end_year - self.base_year


@dataclass(frozen=True, slots=True)
class CumulativeClaim:
    """An amount summed over the years base_year+1 … end_year (累计)."""

    indicator: str
    base_year: int
    end_year: int
    amounts: tuple[Stated, ...]
    scope: Scope

    @property
    def years(self) -> int:
        return self.end_year - self.base_year

    @property
    def mark(self) -> Mark:
        return self.amounts[0].mark


@dataclass(frozen=True, slots=True)
class ShareClaim:
    """indicator / of = value (a percentage) in `year`."""

    indicator: str
    of: str
    year: int
    value: Stated
    scope: Scope


@dataclass(frozen=True, slots=True)
class PointsClaim:
    """A ratio indicator changes by `change` percentage points over base_year → end_year."""

    indicator: str
    base_year: int
    end_year: int
    change: Stated
    scope: Scope = "target"

    @property
    def years(self) -> int:
        return self.end_year - self.base_year


@dataclass(frozen=True, slots=True)
class TargetStatements:
    """What targets.yaml states for one target, and the period it runs over."""

    base_year: int
    end_year: int
    growth: GrowthClaim | None
    cumulative: CumulativeClaim | None
    level: Level | None  # the end-year level stated as the target


@dataclass
class Plan:
    name: str
    base_year: int
    target_year: int
    baselines_file: str
    targets_file: str
    mark: Mark
    indicators: dict[str, Indicator] = field(default_factory=dict)
    levels: list[Level] = field(default_factory=list)
    growth: list[GrowthClaim] = field(default_factory=list)
    cumulative: list[CumulativeClaim] = field(default_factory=list)
    shares: list[ShareClaim] = field(default_factory=list)
    points: list[PointsClaim] = field(default_factory=list)
    target_ids: list[str] = field(default_factory=list)
    target_periods: dict[str, tuple[int, int]] = field(default_factory=dict)
    target_marks: dict[str, Mark] = field(default_factory=dict)  # each target's key
    period_mark: Mark | None = None
    exchange_rate: Stated | None = None
    one_rate_per_year: bool = True  # the plan's 元/美元 pairs share one rate a year
    quote: str | None = None
    document: str | None = None
    name_en: str | None = None
    plausible_rate: tuple[float, float] = (-0.20, 0.40)  # annual rates, as fractions

    def level(self, indicator: str, year: int | None) -> Level | None:
        return self._level_index.get((indicator, year))

    def target(self, indicator: str) -> TargetStatements:
        growth = next((g for g in self.growth_of(indicator) if g.scope == "target"), None)
        cum = next((c for c in self.cumulative_of(indicator) if c.scope == "target"), None)
        by, ey = self.period_of(indicator)
        level = self.level(indicator, ey)
        return TargetStatements(
            by, ey, growth, cum, level if level is not None and level.scope == "target" else None
        )

    def period_of(self, indicator: str) -> tuple[int, int]:
        """(base year, end year) of a target: its own period, else the plan's."""
        return self.target_periods.get(indicator, (self.base_year, self.target_year))

    def levels_of(self, indicator: str) -> list[Level]:
        return self._by_indicator("levels").get(indicator, [])

    def points_of(self, indicator: str) -> list[PointsClaim]:
        return self._by_indicator("points").get(indicator, [])

    def shares_of(self, indicator: str) -> list[ShareClaim]:
        return self._by_indicator("shares").get(indicator, [])

    def plausible_rate_of(self, indicator: str) -> tuple[float, float]:
        return self.indicators[indicator].plausible_rate or self.plausible_rate

    def growth_of(self, indicator: str) -> list[GrowthClaim]:
        return self._by_indicator("growth").get(indicator, [])

    def cumulative_of(self, indicator: str) -> list[CumulativeClaim]:
        return self._by_indicator("cumulative").get(indicator, [])

    def _by_indicator(self, attr: str) -> dict[str, list]:
        cache = self.__dict__.setdefault("_index_" + attr, {})
        if not cache:
            for claim in getattr(self, attr):
                cache.setdefault(claim.indicator, []).append(claim)
        return cache

    @cached_property
    def _level_index(self) -> dict[tuple[str, int | None], Level]:
        # Built on first use: the loader has appended every level by then.
        return {(lv.indicator, lv.year): lv for lv in self.levels}

    def all_stated(self) -> list[tuple[str | None, Stated, str]]:
        """(indicator, figure, scope) for every figure the plan states, in load order."""
        out: list[tuple[str | None, Stated, str]] = []
        for lv in self.levels:
            out.extend((lv.indicator, s, lv.scope) for s in lv.figures)
        for g in self.growth:
            out.extend((g.indicator, s, g.scope) for s in (g.annual, g.total) if s is not None)
        for c in self.cumulative:
            out.extend((c.indicator, s, c.scope) for s in c.amounts)
        out.extend((sc.indicator, sc.value, sc.scope) for sc in self.shares)
        out.extend((p.indicator, p.change, p.scope) for p in self.points)
        if self.exchange_rate is not None:
            out.append((None, self.exchange_rate, "plan"))
        return out

    def currency_pairs(self) -> list[tuple[Level, Stated, Stated]]:
        """Levels stated in both 元 and 美元: (level, the 元 figure, the 美元 figure)."""
        pairs = []
        for lv in self.levels:
            cny = [s for s in lv.figures if s.figure.unit and s.figure.unit.currency == "CNY"]
            usd = [s for s in lv.figures if s.figure.unit and s.figure.unit.currency == "USD"]
            if cny and usd:
                pairs.append((lv, cny[0], usd[0]))
        return pairs

    def cny_per_usd(self) -> tuple[float, float, float] | None:
        """元 per 美元 as (face, lo, hi): declared, else what the plan's own pairs imply.
        Worked out once the plan is loaded (each conversion asks)."""
        key = (len(self.levels), id(self.exchange_rate))
        cached = self.__dict__.get("_fx")
        if cached is None or cached[0] != key:
            cached = self.__dict__["_fx"] = (key, self._cny_per_usd())
        return cached[1]

    def _cny_per_usd(self) -> tuple[float, float, float] | None:
        if self.exchange_rate is not None:
            f = self.exchange_rate.figure
            lo, hi = f.interval()
            return f.value, lo, hi
        rates = []
        for _, cny, usd in self.currency_pairs():
            c, u = _in_base(cny.figure), _in_base(usd.figure)
            if c[0] > 0 and u[1] > 0:
                rates.append((c[0] / u[0], c[1] / u[2], c[2] / u[1]))
        if not rates:
            return None
        lo = max(r[1] for r in rates)
        hi = min(r[2] for r in rates)
        face = sum(r[0] for r in rates) / len(rates)
        if lo > hi:  # the pairs disagree (the currency rule says so); convert with their hull
            lo, hi = min(r[1] for r in rates), max(r[2] for r in rates)
        return face, lo, hi

    def amount(self, level: Level) -> Amount | None:
        """The level in its indicator's unit; through the exchange rate only if it must."""
        return self.amount_of(level.indicator, level.figures)

    def amount_of(self, indicator: str, figures: tuple[Stated, ...]) -> Amount | None:
        """One amount stated in one or more units, in `indicator`'s unit."""
        unit = self.indicators[indicator].unit
        for s in figures:
            f = s.figure
            if f.unit is not None and f.unit.dimension == unit.dimension:
                k = f.unit.factor_to(unit)
                lo, hi = f.interval()
                return Amount(f.value * k, lo * k, hi * k, s)
            if f.kind is Kind.PERCENT and unit.is_percent:
                lo, hi = f.interval()
                return Amount(f.value, lo, hi, s)
        fx = self.cny_per_usd()
        if fx is None or unit.currency is None:
            return None
        for s in figures:
            f = s.figure
            if f.unit is None or f.unit.currency is None:
                continue
            face, lo, hi = _in_base(f)
            if unit.currency == "CNY":
                face, lo, hi = face * fx[0], _mul_lo(lo, fx), _mul_hi(hi, fx)
            else:
                face, lo, hi = face / fx[0], _div_lo(lo, fx), _div_hi(hi, fx)
            return Amount(face / unit.scale, lo / unit.scale, hi / unit.scale, s, converted=True)
        return None


def _in_base(f: Figure) -> tuple[float, float, float]:
    assert f.unit is not None
    lo, hi = f.interval()
    return f.value * f.unit.scale, lo * f.unit.scale, hi * f.unit.scale


# Amounts and exchange rates here are positive; a bound's infinite end stays infinite.
def _mul_lo(x: float, fx: tuple[float, float, float]) -> float:
    return x * (fx[1] if x >= 0 else fx[2])


def _mul_hi(x: float, fx: tuple[float, float, float]) -> float:
    return x * (fx[2] if x >= 0 else fx[1]) if math.isfinite(x) else x


def _div_lo(x: float, fx: tuple[float, float, float]) -> float:
    return x / (fx[2] if x >= 0 else fx[1])


def _div_hi(x: float, fx: tuple[float, float, float]) -> float:
    return x / (fx[1] if x >= 0 else fx[2]) if math.isfinite(x) else x
