"""Yearly milestones (年度目标分解): the value each year must reach for each target.

For a level target, the path the target level requires (constant rate from the base-year level,
endpoints exact) and the path the stated annual rate gives. A ratio indicator (a rate or share
in %) moves in percentage points, not by compounding: its paths are straight lines in points.
For a cumulative target, each year's amount and the running total on the path that sums to the
stated total: from the recorded base-year amount at the rate the sum requires (累计法), or, with
no recorded base-year amount, at the stated rate from the base-year amount the sum and the rate
imply — that amount is derived (`base_implied`), not data, and is shown as such. The previous
period's cumulative amount (the one the `cumulative` rule compares with) is kept beside it. All
targets with the same number of years are computed at once.

Nothing is required from a base-year level stated only as a bound (300万吨以上: it may have been
310), nor of a target the base already meets (a ceiling above it, a floor below it, a figure it
rounds to): such a target has no required path or rate, and says why.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

import numpy as np

from ezplan import engine, fmt
from ezplan.facts import Facts, rate_val
from ezplan.model import Amount, GrowthClaim, Plan, Stated
from ezplan.units import Unit
from ezplan.verdicts import Reason, met_at_base, no_level_words, unchecked_reasons


@dataclass(frozen=True)
class Previous:
    """The previous period's cumulative amount of the same indicator (e.g. 2016–2020)."""

    first_year: int
    end_year: int
    total: float  # in the indicator's unit
    text: str  # as the plan writes it
    decimals: int = 0  # the total's, in the indicator's unit

    @property
    def average(self) -> float:
        return self.total / (self.end_year - self.first_year + 1)


@dataclass
class Milestones:
    indicator: str
    name: str
    name_en: str | None
    unit: Unit
    base_year: int
    end_year: int
    decimals: int  # the finest precision the plan itself uses for this indicator's levels
    base: float | None = None
    target: float | None = None
    target_stated: Stated | None = None
    stated_rate: float | None = None
    stated_rate_text: str | None = None
    required_rate: float | None = None  # 水平法 or 累计法; points a year for a ratio indicator
    required: list[float] | None = None  # level path base → target
    at_stated_rate: list[float] | None = None
    cumulative: bool = False
    cumulative_total: float | None = None
    amounts: list[float] | None = None  # cumulative: each year's amount (base year first)
    running_total: list[float] | None = None  # cumulative: Σ from the first plan year (0 at base)
    base_implied: bool = False  # cumulative: amounts[0] is derived from the sum and rate
    stated_running_total: list[float] | None = None  # cumulative: at the stated rate from base
    previous: Previous | None = None  # cumulative: the previous period's sum
    direction: str = "up"
    actuals: dict[int, float] = field(default_factory=dict)
    points: bool = False  # a ratio indicator: paths linear in percentage points
    stated_change: float | None = None  # points over the period, for a ratio indicator
    stated_change_text: str | None = None
    # why the target has no yearly path (no base level, one figure only …): a message id of
    # the `unchecked` rule and its params; None when it has one
    no_path: Reason | None = None
    base_text: str | None = None  # the base-year level as the plan writes it
    base_bound: bool = False  # the base is stated only as a bound (以上, 以内): nothing is required
    # how the base-year level already meets a level target, so that no change is required:
    # "ceiling" (以内, 不超过, 控制在…), "floor" (以上, 不低于) or "rounds" (it rounds to the
    # target figure); None when it does not
    met_at_base: str | None = None
    target_lo: float | None = None  # the values the target figure allows (a bound: one open end)
    target_hi: float | None = None
    # the decimals each figure is written with, in the indicator's unit: a value stated is shown
    # as stated (12亿美元 as 12, not 12.0000), a derived one as `derived_decimals` says
    base_decimals: int | None = None
    target_decimals: int | None = None  # the target level's, or the cumulative total's
    actual_decimals: dict[int, int] = field(default_factory=dict)
    derived_decimals: int = 0  # paths, projections, gaps: see `_derived_decimals`

    @property
    def years(self) -> list[int]:
        return list(range(self.base_year, self.end_year + 1))

    def label(self, lang: str) -> str:
        return (self.name_en or self.name) if lang == "en" else self.name


def _decimals(plan: Plan, iid: str) -> int:
    """The most decimals any amount of `iid` is written with, in the indicator's own unit."""
    unit = plan.indicators[iid].unit
    stated = [s for lv in plan.levels_of(iid) for s in lv.figures]
    stated += [s for c in plan.cumulative_of(iid) for s in c.amounts]
    stated += [p.change for p in plan.points_of(iid)]  # 53% 提高1.5个百分点 reaches 54.5%
    return max((fmt.decimals_in(s.figure, unit) for s in stated), default=0)


def build(plan: Plan, facts: Facts | None = None, ids: list[str] | None = None) -> list[Milestones]:
    """Milestones for the plan's targets (or the given ids), in file order."""
    facts = facts or Facts(plan)
    out: list[Milestones] = []
    for iid in ids or plan.target_ids:
        ind = plan.indicators[iid]
        st = plan.target(iid)
        claim, cum, by, ey = st.growth, st.cumulative, st.base_year, st.end_year
        m = Milestones(iid, ind.name, ind.name_en, ind.unit, by, ey, _decimals(plan, iid))
        m.points = ind.unit.is_percent
        change = next((p for p in plan.points_of(iid) if p.scope == "target"), None)
        if change is not None:
            m.stated_change = change.change.figure.value
            m.stated_change_text = change.change.text
        base = facts.amount(iid, by)
        m.base = base.face if base else None
        if base is not None:
            m.base_text = base.stated.text
            m.base_bound = base.stated.figure.bound is not None
            m.base_decimals = _written_decimals(base, ind.unit)
        target_amount = plan.amount(st.level) if st.level is not None else None
        if target_amount is not None:
            m.target, m.target_stated = target_amount.face, target_amount.stated
            m.target_lo, m.target_hi = target_amount.lo, target_amount.hi
            m.target_decimals = _written_decimals(target_amount, ind.unit)
        if claim is not None and claim.annual is not None and not claim.constant_prices:
            # for a ratio indicator a rate in % of itself is still a compound rate
            m.stated_rate = rate_val(claim.annual).face
            m.stated_rate_text = claim.annual.text
        elif claim is not None and _total_over(claim, by, ey) and cum is None:
            # 增长12% (2020→2021), 翻一番 by 2025: the growth over the target's own years is a
            # path from the base as surely as a rate is (its yearly equivalent)
            factor = facts.factor(claim)
            if factor is not None and factor.face > 0:
                m.stated_rate = factor.face ** (1 / (ey - by)) - 1
                m.stated_rate_text = claim.total.text  # type: ignore[union-attr]
        if cum is not None and m.target is None:
            s = facts.stated_val(iid, cum.amounts[0])
            m.cumulative = True
            m.cumulative_total = s.face if s else None
            m.target_stated = cum.amounts[0]
            m.target_decimals = fmt.decimals_in(cum.amounts[0].figure, ind.unit)
            m.previous = _previous(plan, facts, iid, by)
        m.direction = ind.direction or (
            "down" if m.base is not None and m.target is not None and m.target < m.base else "up"
        )
        if target_amount is not None and base is not None and not m.base_bound:
            m.met_at_base = met_at_base(base, target_amount, ind)
        for lv in plan.levels_of(iid):
            if lv.scope == "history" and lv.year and by < lv.year <= ey:
                a = plan.amount(lv)  # not facts.amount: in the target year that is the target
                if a is not None:
                    m.actuals[lv.year] = a.face
                    m.actual_decimals[lv.year] = _written_decimals(a, ind.unit)
        m.derived_decimals = _derived_decimals(m)
        out.append(m)
    _levels(out)
    _points(out)
    _cumulative(out)
    _no_path(plan, facts, out)
    _step_decimals(out)
    return out


def _written_decimals(a: Amount, unit: Unit) -> int:
    """The decimals of a stated level in the indicator's unit (42080万美元 is 4.2080亿美元); one
    more where it had to go through an exchange rate (it is derived then)."""
    return fmt.decimals_in(a.stated.figure, unit) + (1 if a.converted else 0)


def is_count(unit: Unit) -> bool:
    """Whole things counted one by one (家, 个, 人 …; not 万户): no fraction of one is shown."""
    return unit.dimension.startswith("count:") and unit.scale == 1


def _derived_decimals(m: Milestones) -> int:
    """The decimals of the values derived from the target's figures (the paths between their
    ends, a projection, a gap): one digit finer than the coarser of the levels they come from —
    the base and the target (or the cumulative total) — so that a path from 4.2080亿美元 to 12
    亿美元 reads 5.2, 6.4 …, not 5.1892; never finer than the plan writes this indicator
    anywhere; and for whole things counted (家, 个) none more than the figures have."""
    sources = [d for d in (m.target_decimals,) if d is not None]
    if m.base_decimals is not None and not m.base_bound:
        sources.append(m.base_decimals)
    if not sources:
        return m.decimals
    return min(min(sources) + (0 if is_count(m.unit) else 1), m.decimals)


MAX_STEP_DECIMALS = 4


def _step_decimals(ms: list[Milestones]) -> None:
    """Enough decimals that each year's step shows: from 88% to 90% in five years is 88.4,
    88.8 …, which the plan's own precision would show as 88, 88, 89 (a year with no progress
    to make, read off a milestone that has some)."""
    for m in ms:
        steps = [
            abs(b - a)
            for series in (m.required, m.at_stated_rate, m.amounts, m.running_total)
            if series
            for a, b in itertools.pairwise(series)
            if b != a
        ]
        smallest = min(steps, default=1.0)
        if 0 < smallest < 1 and not is_count(m.unit):  # a fraction of a firm is no step
            wanted = min(math.ceil(-math.log10(smallest) - 1e-9), MAX_STEP_DECIMALS)  # its digit
            m.decimals = max(m.decimals, wanted)
            m.derived_decimals = max(m.derived_decimals, wanted)


def _total_over(claim: GrowthClaim, base_year: int, end_year: int) -> bool:
    """A total growth (增长X%, X倍, 翻一番) at current prices over exactly these years."""
    return (
        claim.total is not None
        and not claim.constant_prices
        and (claim.base_year, claim.end_year) == (base_year, end_year)
        and end_year > base_year
    )


def has_path(m: Milestones) -> bool:
    """Whether any yearly series could be computed for the target (a target the base already
    meets has its bound, or its level to hold, as one)."""
    series = (m.required, m.at_stated_rate, m.amounts, m.running_total)
    return m.met_at_base is not None or any(s is not None for s in series)


def requires_change(m: Milestones) -> bool:
    """Whether the target's path is a change it requires: not from a base that is only a bound
    (300万吨以上: it may have been 310), nor to a level the base already meets."""
    return not m.base_bound and m.met_at_base is None


def _no_path(plan: Plan, facts: Facts, ms: list[Milestones]) -> None:
    """The reason each target without a yearly path has none, in the words of the reasons a
    target is not checkable: with no base-year level nothing can start (whatever else the
    plan states); otherwise why its figures cannot be related."""
    missing = [m for m in ms if not has_path(m)]
    if not missing:
        return
    reasons = unchecked_reasons(plan, facts, [m.indicator for m in missing])
    for m in missing:
        reason = reasons[m.indicator]
        if m.base is None and reason.code in ("single-figure", "no-relation", "part-cannot-fail"):
            words = no_level_words(plan, reason.params["base_year"])  # type: ignore[arg-type]
            reason = Reason("no-base", reason.params | {"no_level": words})
        m.no_path = reason


def _previous(plan: Plan, facts: Facts, iid: str, base_year: int) -> Previous | None:
    """The cumulative amount recorded for the period that ends in `base_year`."""
    for c in plan.cumulative_of(iid):
        if c.end_year == base_year and c.scope != "target":
            v = facts.stated_val(iid, c.amounts[0])
            if v is not None:
                figure, unit = c.amounts[0].figure, plan.indicators[iid].unit
                decimals = fmt.decimals_in(figure, unit)
                return Previous(c.base_year + 1, c.end_year, v.face, c.amounts[0].text, decimals)
    return None


def _points(ms: list[Milestones]) -> None:
    """Ratio indicators: straight lines in percentage points from the base-year level."""
    for m in ms:
        if not m.points or m.cumulative or m.base is None:
            continue
        n = m.end_year - m.base_year
        if n < 1:
            continue
        t = np.arange(n + 1, dtype=np.float64) / n
        if m.target is not None and requires_change(m):
            m.required = (m.base + (m.target - m.base) * t).tolist()
            m.required_rate = (m.target - m.base) / n  # points a year
        if m.stated_change is not None:
            m.at_stated_rate = (m.base + m.stated_change * t).tolist()


def _levels(ms: list[Milestones]) -> None:
    by_years: dict[int, list[Milestones]] = {}
    for m in ms:
        if not m.cumulative and not m.points and m.base is not None:
            by_years.setdefault(m.end_year - m.base_year, []).append(m)
    for n, group in by_years.items():
        if n < 1:
            continue
        with_target = [m for m in group if m.target is not None and requires_change(m)]
        if with_target:
            b = np.array([m.base for m in with_target])
            e = np.array([m.target for m in with_target])
            p = engine.path(b, e, n)
            r = engine.annual_rate(b, e, n)
            for i, m in enumerate(with_target):
                if p.ok[i]:
                    m.required = p.value[i].tolist()
                    m.required_rate = float(r.value[i])
        with_rate = [m for m in group if m.stated_rate is not None]
        if with_rate:
            q = engine.path_at_rate(
                np.array([m.base for m in with_rate]),
                np.array([m.stated_rate for m in with_rate]),
                n,
            )
            for i, m in enumerate(with_rate):
                if q.ok[i]:
                    m.at_stated_rate = q.value[i].tolist()


def _cumulative(ms: list[Milestones]) -> None:
    """The path of yearly amounts that sums to the stated total, and its running total.

    From a recorded base-year amount the rate is the one the sum requires (累计法), and the
    stated rate, if any, gives a second running total to compare; with no recorded base-year
    amount, the stated rate and the sum imply it (derived, `base_implied`). Each step is
    computed for all targets at once."""
    cases = [
        m
        for m in ms
        if m.cumulative and m.cumulative_total is not None and m.end_year - m.base_year >= 1
    ]
    # a base stated only as a bound (累计…, from 以上) starts nothing: as if none were recorded
    based = [m for m in cases if m.base is not None and not m.base_bound]
    starting = {id(m) for m in based}
    implied = [m for m in cases if id(m) not in starting and m.stated_rate is not None]
    start: dict[int, tuple[float, float]] = {}  # id(m) → (rate, base-year amount)
    if based:
        solved = engine.cumulative_rate(*_columns(based, "base", "cumulative_total"))
        for m, ok, rate in zip(based, solved.ok, solved.value, strict=True):
            if ok:
                start[id(m)] = (float(rate), m.base)  # type: ignore[arg-type]
        rated = [m for m in based if id(m) in start and m.stated_rate is not None]
        at = engine.paths_at_rate(*_columns(rated, "base", "stated_rate"))
        for m, path in zip(rated, at, strict=True):
            if path is not None:
                m.stated_running_total = _running(path)
    if implied:
        a0 = engine.cumulative_base(*_columns(implied, "cumulative_total", "stated_rate"))
        for m, ok, value in zip(implied, a0.ok, a0.value, strict=True):
            if ok:
                start[id(m)] = (m.stated_rate, float(value))  # type: ignore[assignment]
                m.base_implied = True
    going = [m for m in cases if id(m) in start]
    paths = engine.paths_at_rate(
        [start[id(m)][1] for m in going], [start[id(m)][0] for m in going], _years(going)
    )
    for m, path in zip(going, paths, strict=True):
        if path is not None:
            m.required_rate = start[id(m)][0]
            m.amounts = path.tolist()
            m.running_total = _running(path)


def _columns(ms: list[Milestones], *names: str) -> list[np.ndarray]:
    """The named attributes of each milestone as arrays, then the years of each."""
    return [np.array([getattr(m, n) for m in ms], dtype=np.float64) for n in names] + [_years(ms)]


def _years(ms: list[Milestones]) -> np.ndarray:
    return np.array([m.end_year - m.base_year for m in ms], dtype=np.float64)


def _running(amounts: np.ndarray) -> list[float]:
    """Σ of the amounts from the first plan year; 0 in the base year (nothing summed yet)."""
    return np.concatenate([[0.0], np.cumsum(amounts[1:])]).tolist()
