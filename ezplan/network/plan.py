"""A Plan as an interval constraint network (the adapter; everything else here is engine).

Variables: every level (indicator, year) in the indicator's unit — in both currencies when
given in both, linked by an exchange-rate variable per level; every growth claim's factor (and
1 + rate); cumulative sums; shares; percentage-point changes. Levels at both ends of every
growth claim exist even when unstated (the 2015 level implied by 2019 and the 2016–2019 growth).
A year after the plan's base year has two levels: the planned one (targets) and the actual one
(results typed into baselines.yaml) — a result off target contradicts nothing.

Facts: every stated figure, as the interval its digits, 约 and bounds allow, tagged with its
`Stated` (a doubling word, 翻番, as the round figure 约翻番). Assumptions (warnings only): one
exchange rate per year across the plan; an 约 figure's inner half; a doubling word's exact
reading (翻番 = ×2); a cumulative sum growing evenly at the stated annual rate (累计法), which
only an even path does — a sum and an end level may each fit the rate on their own.
Growth at constant prices is kept away from current-price levels.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ezplan.errors import Mark
from ezplan.figures import Comparator, Figure, Kind
from ezplan.model import CumulativeClaim, GrowthClaim, Plan, PointsClaim, ShareClaim, Stated
from ezplan.network.network import Network
from ezplan.network.terms import Assumption, AssumptionKind, Quantity, Relation
from ezplan.units import Unit, parse_unit

FACT_WEIGHT = 1.0
ONE_RATE_WEIGHT = 1.0
EVEN_GROWTH_WEIGHT = 1.0
ABOUT_CORE_WEIGHT = 0.5  # the edge of an 约 width is a likely place for a true value
ABOUT_CORE = 0.5  # the core of 约X: X ± half its width (never narrower than its rounding)
EXACT_WORD_WEIGHT = 0.5  # a round word (翻番) said of ×1.95 is a likely reading, as an 约's edge

_CURRENCY_BASE = {"CNY": "元", "USD": "美元"}

When = tuple[int | None, bool]  # (year, planned): the planned or the actual level of a year


@dataclass
class Built:
    """The network of one plan and what its variables and items stand for."""

    net: Network
    quantities: Quantities = field(default_factory=lambda: Quantities())  # by variable
    units: list[Unit | None] = field(default_factory=list)  # by variable
    # each bound a figure puts on a variable, in order: the variable and the figure side by
    # side (two dicts of them, by figure and by variable, are made when first read — by
    # explain; a check reads neither, and at 100,000 indicators they would be ~70 MB)
    fact_vars: array = field(default_factory=lambda: array("q"))
    fact_figures: list[Stated] = field(default_factory=list)
    # this plan's variables and items (in a network shared with other plans: build_many)
    span: tuple[range, range] = (range(0), range(0))

    def variables_of(self, stated: Stated) -> list[int]:
        return list(dict.fromkeys(self.vars_of.get(stated.mark, [])))

    @cached_property
    def vars_of(self) -> dict[Mark, list[int]]:
        """The variables each figure bounds, by its mark: a figure is where it stands (and
        hashing a whole Stated, figure and all, is slow)."""
        out: dict[Mark, list[int]] = {}
        for var, s in zip(self.fact_vars, self.fact_figures, strict=True):
            out.setdefault(s.mark, []).append(var)
        return out

    @cached_property
    def figures_on(self) -> dict[int, list[Stated]]:
        """The figures bounding each variable."""
        out: dict[int, list[Stated]] = {}
        for var, s in zip(self.fact_vars, self.fact_figures, strict=True):
            out.setdefault(var, []).append(s)
        return out


def build(plan: Plan) -> Built:
    return build_many([plan])[0]


def build_many(plans: Sequence[Plan]) -> list[Built]:
    """The plans side by side in one network: each plan's variables, items and constraints
    follow the last plan's and touch nothing of another, so every component is one plan's.
    Each Built names its own plan's figures; what is numbered by variable (quantities, units)
    is shared."""
    shared = Built(Network())
    net, out = shared.net, []
    for plan in plans:
        first_var, first_item = net.n_vars, net.n_items
        built = _Builder(plan, Built(net, shared.quantities, shared.units)).build()
        built.span = range(first_var, net.n_vars), range(first_item, net.n_items)
        out.append(built)
    return out


class _Builder:
    def __init__(self, plan: Plan, out: Built) -> None:
        self.plan = plan
        self.net = out.net
        self.out = out
        self.item_of: dict[Mark, int] = {}  # by the figure's mark, as Built.vars_of
        self.core_of: dict[Mark, int] = {}
        self.levels: dict[tuple[str, When, str | None], int] = {}
        self.currency_of: dict[str, str | None] = {}  # an indicator's unit's, looked up once
        self.whens_of: dict[str, set[When]] = {}  # when an indicator has levels
        self.cums: dict[tuple[str, int, int, bool], int] = {}
        self.periods_of: dict[str, set[tuple[int, int, bool]]] = {}
        self.pair_rates: dict[When, list[int]] = {}
        self.factor_of: dict[int, int] = {}  # by id() of the claim
        self.annual_of: dict[int, int] = {}
        self.signed = self._signed_indicators()

    def build(self) -> Built:
        for lv in self.plan.levels:
            for s in lv.figures:
                self._level_figure(lv.indicator, self._when(lv.year, lv.scope), s)
        for c in self.plan.growth:
            self._growth(c)
        self._chains()
        for cc in self.plan.cumulative:
            self._cumulative(cc)
        for sc in self.plan.shares:
            self._share(sc)
        for pc in self.plan.points:
            self._points(pc)
        self._parts()
        self._part_of()
        self._exchange_rates()
        return self.out

    def _when(self, year: int | None, scope: str) -> When:
        """A target's year after the base year is planned; anything else is observed."""
        return year, scope == "target" and year is not None and year > self.plan.base_year

    # -- variables
    def _var(self, q: tuple, unit: Unit | None, lo: float = 0.0) -> int:
        """A variable standing for the Quantity `q` (its fields, see Quantities)."""
        v = self.net.variable(lo, math.inf)
        self.out.quantities.rows.append(q)
        self.out.units.append(unit)
        return v

    def _unit(self, iid: str) -> Unit:
        return self.plan.indicators[iid].unit

    def _floor(self, iid: str) -> float:
        return -math.inf if iid in self.signed else 0.0

    def _level(self, iid: str, when: When, currency: str | None = None) -> int:
        """The level variable of `iid` at `when`, in `currency` (default: its unit's)."""
        unit = self._unit(iid)
        if iid not in self.currency_of:
            self.currency_of[iid] = unit.currency
        cur = self.currency_of[iid] if currency is None else currency
        key = (iid, when, cur)
        v = self.levels.get(key)
        if v is not None:
            return v
        self.whens_of.setdefault(iid, set()).add(when)
        year, planned = when
        if cur == self.currency_of[iid]:
            q = _row("level", iid, unit.symbol, year=year, planned=planned)
            self.levels[key] = self._var(q, unit, self._floor(iid))
            return self.levels[key]
        other = parse_unit(unit.magnitude + _CURRENCY_BASE[cur])  # type: ignore[index]
        q = _row("level", iid, other.symbol, year=year, planned=planned)
        v = self.levels[key] = self._var(q, other, self._floor(iid))
        main = self._level(iid, when)
        q = _row("exchange_rate", iid, "元/美元", year=year, planned=planned)
        rate = self._var(q, None)
        self.pair_rates.setdefault(when, []).append(rate)
        cny, usd = (v, main) if cur == "CNY" else (main, v)
        cny_unit, usd_unit = (other, unit) if cur == "CNY" else (unit, other)
        if iid not in self.signed:
            label = Relation("exchange", iid, year=year)
            self.net.product(cny, usd, rate, usd_unit.scale / cny_unit.scale, label=label)
        return v

    def _in_unit_of(self, iid: str, when: When, target: Unit) -> tuple[int, float]:
        """`iid`'s level at `when` as a variable, and the factor into `target`'s unit (through
        the other currency's variable when the currencies differ)."""
        unit = self._unit(iid)
        if unit.currency and target.currency and unit.currency != target.currency:
            v = self._level(iid, when, target.currency)
            return v, self.out.units[v].scale / target.scale  # type: ignore[union-attr]
        return self._level(iid, when), unit.factor_to(target)

    # -- facts
    def _fact(
        self,
        s: Stated,
        var: int,
        lo: float,
        hi: float,
        core: tuple | None,
        kind: AssumptionKind = "about_core",
    ) -> None:
        """`s` bounds `var` to [lo, hi] (and, as an assumption, to `core`: the core of an 约,
        or the exact reading of a round word)."""
        if not lo <= hi:
            return
        key = s.mark
        if key in self.item_of:
            self.net.bound(var, lo, hi, self.item_of[key])
        else:
            self.item_of[key] = self.net.fact(var, lo, hi, s, FACT_WEIGHT)
        self.out.fact_vars.append(var)
        self.out.fact_figures.append(s)
        if core is not None:
            if key not in self.core_of:
                tag = Assumption(kind, stated=s)
                weight = ABOUT_CORE_WEIGHT if kind == "about_core" else EXACT_WORD_WEIGHT
                self.core_of[key] = self.net.assumption(tag, weight, self.item_of[key])
            self.net.bound(var, core[0], core[1], self.core_of[key])

    def _figure_fact(self, s: Stated, var: int, convert: Callable[[float], float]) -> None:
        """A fact through `convert` (increasing) from the figure's interval."""
        lo, hi = s.figure.interval()
        core = _about_core(s.figure)
        self._fact(
            s,
            var,
            convert(lo),
            convert(hi),
            None if core is None else (convert(core[0]), convert(core[1])),
        )

    def _level_figure(self, iid: str, when: When, s: Stated) -> None:
        unit = self._unit(iid)
        f = s.figure
        if f.kind is Kind.PERCENT and unit.is_percent:
            self._figure_fact(s, self._level(iid, when), lambda x: x)
        elif f.kind is not Kind.AMOUNT or f.unit is None:
            return
        elif f.unit.dimension == unit.dimension:
            k = f.unit.factor_to(unit)
            self._figure_fact(s, self._level(iid, when), lambda x: x * k)
        elif f.unit.currency and unit.currency:
            v = self._level(iid, when, f.unit.currency)
            k = f.unit.scale / self.out.units[v].scale  # type: ignore[union-attr]
            self._figure_fact(s, v, lambda x: x * k)

    # -- growth
    def _ends(self, c: GrowthClaim) -> tuple[When, When]:
        return self._when(c.base_year, c.scope), self._when(c.end_year, c.scope)

    def _claim_var(self, kind: str, c: GrowthClaim) -> int:
        q = _row(
            kind,  # type: ignore[arg-type]
            c.indicator,
            "×",
            period=(c.base_year, c.end_year),
            planned=self._ends(c)[1][1],
            constant_prices=c.constant_prices,
        )
        return self._var(q, None)

    def _factor_var(self, c: GrowthClaim) -> int:
        if id(c) not in self.factor_of:
            self.factor_of[id(c)] = self._claim_var("factor", c)
        return self.factor_of[id(c)]

    def _annual_var(self, c: GrowthClaim) -> int:
        if id(c) not in self.annual_of:
            g = self.annual_of[id(c)] = self._claim_var("annual", c)
            self.net.power(self._factor_var(c), g, c.years, label=_rel("compound", c))
        return self.annual_of[id(c)]

    def _growth(self, c: GrowthClaim) -> None:
        if c.years <= 0:
            return
        factor = self._factor_var(c)
        if c.total is not None:
            f = c.total.figure
            loose = f.round_word_factor_interval()
            if loose is not None:  # 翻番: ×2 within 约's width, exactly ×2 as an assumption
                self._fact(c.total, factor, *loose, f.factor_interval(), "exact_word")
            else:
                core = _factor_core(f, _about_core(f))
                self._fact(c.total, factor, *_clip(f.factor_interval()), core)
        if c.annual is not None:
            self._figure_fact(c.annual, self._annual_var(c), lambda x: 1 + x / 100)
        if not c.constant_prices and c.indicator not in self.signed:
            base, end = self._ends(c)
            label = _rel("growth", c)
            self.net.product(
                self._level(c.indicator, end), self._level(c.indicator, base), factor, label=label
            )

    def _chains(self) -> None:
        """Growth over periods that meet compounds: relative levels along each chain of years,
        anchored at 1 in its first year, so 2016–2019 and 2020 imply 2016–2020 (and back)."""
        groups: dict[tuple[str, bool], list[GrowthClaim]] = {}
        for c in self.plan.growth:
            if c.years > 0:
                groups.setdefault((c.indicator, c.constant_prices), []).append(c)
        for (iid, cp), claims in groups.items():
            for chain in _connected(claims, self._ends):
                if len(chain) < 2:
                    continue
                rel: dict[When, int] = {}
                for when in sorted({w for c in chain for w in self._ends(c)}, key=_when_key):
                    q = _row(
                        "relative", iid, "×", year=when[0], planned=when[1], constant_prices=cp
                    )
                    rel[when] = self._var(q, None)
                self.net.bound(rel[min(rel, key=_when_key)], 1.0, 1.0)
                for c in chain:
                    base, end = self._ends(c)
                    label = _rel("chain", c)
                    self.net.product(rel[end], rel[base], self._factor_var(c), label=label)

    def _cumulative(self, cc: CumulativeClaim) -> None:
        iid = cc.indicator
        unit = self._unit(iid)
        planned = self._when(cc.end_year, cc.scope)[1]
        key = (iid, cc.base_year, cc.end_year, planned)
        for s in cc.amounts:
            f = s.figure
            if f.kind is not Kind.AMOUNT or f.unit is None or f.unit.dimension != unit.dimension:
                continue  # another currency: no single year's rate converts a sum
            k = f.unit.factor_to(unit)
            self._figure_fact(s, self._cum(key), lambda x, k=k: x * k)
        if key not in self.cums or iid in self.signed or cc.years < 1:
            return
        claim = next(
            (
                g
                for g in self.plan.growth_of(iid)
                if (g.base_year, g.end_year, g.scope) == (cc.base_year, cc.end_year, cc.scope)
                and not g.constant_prices
                and g.annual is not None
            ),
            None,
        )
        if claim is None or claim.annual is None or not planned:
            # an observed sum beside the level's average rate (累计完成财政收入951亿元，年均
            # 增长10.9%): the years' path is what happened, not an even one — the same plan's
            # 2020 growth of 1.7% says so; evenness is a planning convention (累计法)
            return
        # S = a0·Σ(1+r)^t holds for an even path only; the stated rate may be the level's
        # average (水平法) of an uneven one, so this reading of the rate is an assumption
        period = (cc.base_year, cc.end_year)
        g_c = self._var(_row("cumulative_annual", iid, "×", period=period, planned=planned), None)
        c = self._var(_row("cumulative_factor", iid, "×", period=period, planned=planned), None)
        self.net.cumsum(c, g_c, cc.years, label=Relation("cumulative_sum", iid, period=period))
        a0 = self._level(iid, self._when(cc.base_year, cc.scope))
        label = Relation("cumulative", iid, period=period, source=cc)
        self.net.product(self.cums[key], a0, c, label=label)
        even = self.net.assumption(
            Assumption("even_growth", stated=claim.annual, period=period),
            EVEN_GROWTH_WEIGHT,
            parent=self.item_of.get(claim.annual.mark),
        )
        lo, hi = claim.annual.figure.interval()
        self.net.bound(g_c, 1 + lo / 100, 1 + hi / 100, even)

    # -- shares, points, parts
    def _share(self, sc: ShareClaim) -> None:
        num_unit, den_unit = self._unit(sc.indicator), self._unit(sc.of)
        if sc.indicator in self.signed or sc.of in self.signed:
            return
        if num_unit.dimension != den_unit.dimension and not (
            num_unit.currency and den_unit.currency
        ):
            return
        when = self._when(sc.year, sc.scope)
        q = _row("share", sc.indicator, "%", year=sc.year, of=sc.of, planned=when[1])
        s = self._var(q, None)
        self._figure_fact(sc.value, s, lambda x: x)
        den, k = self._in_unit_of(sc.of, when, num_unit)
        label = Relation("share", sc.indicator, year=sc.year, source=sc, others=(sc.of,))
        self.net.product(self._level(sc.indicator, when), s, den, k / 100, label=label)

    def _points(self, pc: PointsClaim) -> None:
        period = (pc.base_year, pc.end_year)
        base, end = self._when(pc.base_year, "target"), self._when(pc.end_year, "target")
        q = _row("change", pc.indicator, "个百分点", period=period, planned=end[1])
        d = self._var(q, None, -math.inf)
        self._figure_fact(pc.change, d, lambda x: x)
        self.net.linear(
            [
                (self._level(pc.indicator, end), 1.0),
                (self._level(pc.indicator, base), -1.0),
                (d, -1.0),
            ],
            label=Relation("points", pc.indicator, period=period, source=pc),
        )

    def _parts(self) -> None:
        """whole = Σ parts, per year and per cumulative period where the whole and a part are
        known to the network (missing parts become variables: imports 2025 = trade − exports)."""
        for wid, ind in self.plan.indicators.items():
            if not ind.parts or not self._convertible(wid, ind.parts):
                continue
            wunit = self._unit(wid)
            for when in sorted(self.whens_of.get(wid, ()), key=_when_key):
                if not any(when in self.whens_of.get(p, ()) for p in ind.parts):
                    continue
                terms = [(self._level(wid, when), 1.0)]
                for p in ind.parts:
                    v, k = self._in_unit_of(p, when, wunit)
                    terms.append((v, -k))
                rel = Relation("parts", wid, year=when[0], others=tuple(ind.parts))
                self.net.linear(terms, label=rel)
            if not self._same_dimension(wid, ind.parts):
                continue
            for period in sorted(self.periods_of.get(wid, ())):
                parts = [(p, *period) for p in ind.parts]
                if not any(pk in self.cums for pk in parts):
                    continue
                terms = [(self.cums[(wid, *period)], 1.0)]
                for pk in parts:
                    terms.append((self._cum(pk), -self._unit(pk[0]).factor_to(wunit)))
                rel = Relation("parts", wid, period=period[:2], others=tuple(ind.parts))
                self.net.linear(terms, label=rel)

    def _part_of(self) -> None:
        """part ≤ whole, wherever both are known."""
        for pid, ind in self.plan.indicators.items():
            wid = ind.part_of
            if wid is None or not self._convertible(wid, (pid,)):
                continue
            wunit = self._unit(wid)
            for when in sorted(self.whens_of.get(pid, ()), key=_when_key):
                if when not in self.whens_of.get(wid, ()):
                    continue
                v, k = self._in_unit_of(pid, when, wunit)
                rel = Relation("part_of", pid, year=when[0], others=(wid,))
                self.net.linear([(v, k), (self._level(wid, when), -1.0)], equal=False, label=rel)
            if not self._same_dimension(wid, (pid,)):
                continue
            for period in sorted(self.periods_of.get(pid, ())):
                whole = self.cums.get((wid, *period))
                if whole is not None:
                    rel = Relation("part_of", pid, period=period[:2], others=(wid,))
                    k = self._unit(pid).factor_to(wunit)
                    part = self.cums[(pid, *period)]
                    self.net.linear([(part, k), (whole, -1.0)], equal=False, label=rel)

    def _cum(self, key: tuple[str, int, int, bool]) -> int:
        if key not in self.cums:
            iid, base, end, planned = key
            unit = self._unit(iid)
            q = _row("cumulative", iid, unit.symbol, period=(base, end), planned=planned)
            self.cums[key] = self._var(q, unit, self._floor(iid))
            self.periods_of.setdefault(iid, set()).add(key[1:])
        return self.cums[key]

    def _convertible(self, wid: str, parts: Iterable[str]) -> bool:
        w = self._unit(wid)
        return all(
            self._unit(p).dimension == w.dimension or (self._unit(p).currency and w.currency)
            for p in parts
        )

    def _same_dimension(self, wid: str, parts: Iterable[str]) -> bool:
        w = self._unit(wid)
        return all(self._unit(p).dimension == w.dimension for p in parts)

    # -- exchange rates
    def _exchange_rates(self) -> None:
        """A declared rate bounds every level's rate; else one rate per year is assumed (unless
        the plan says its pairs convert each on its own: `one_rate_per_year: false`)."""
        declared = self.plan.exchange_rate
        if declared is not None and declared.figure.unit is not None:
            k = declared.figure.unit.scale
            for rates in self.pair_rates.values():
                for r in rates:
                    self._figure_fact(declared, r, lambda x: x * k)
        if not self.plan.one_rate_per_year:
            return  # each pair converts on its own (a bulletin's flows): no rate shared
        for (year, planned), rates in self.pair_rates.items():
            if len(rates) < 2:
                continue
            q = _row("exchange_rate", None, "元/美元", year=year, planned=planned)
            hub = self._var(q, None)
            tag = Assumption("one_rate_per_year", year=year, planned=planned)
            tie = self.net.assumption(tag, ONE_RATE_WEIGHT)
            for r in rates:
                ind = self.out.quantities.indicator(r)
                self.net.equal(r, hub, item=tie, label=Relation("same_rate", ind, year=year))

    def _signed_indicators(self) -> set[str]:
        """Indicators some figure of which may be negative: kept out of products."""
        out = set()
        for lv in self.plan.levels:
            if any(s.figure.interval()[0] < 0 for s in lv.figures):
                out.add(lv.indicator)
        for cc in self.plan.cumulative:
            if any(s.figure.interval()[0] < 0 for s in cc.amounts):
                out.add(cc.indicator)
        return out


class Quantities(Sequence[Quantity]):
    """What each variable stands for, made when first read: most never are. `rows` holds
    each Quantity's fields in order (a tuple) until it is made, then the Quantity in its
    place (in a plan with thousands of contradictions most are: not both kept)."""

    def __init__(self) -> None:
        self.rows: list[tuple | Quantity] = []

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, var):  # type: ignore[override]
        q = self.rows[var]
        if type(q) is tuple:
            q = self.rows[var] = Quantity(*q)
        return q

    def indicator(self, var: int) -> str | None:
        q = self.rows[var]
        return q[1] if type(q) is tuple else q.indicator  # type: ignore[union-attr]


def _row(
    kind: str,
    indicator: str | None,
    unit: str,
    year: int | None = None,
    period: tuple[int, int] | None = None,
    of: str | None = None,
    planned: bool = False,
    constant_prices: bool = False,
) -> tuple:
    """A Quantity's fields, in order (Quantities makes it)."""
    return (kind, indicator, unit, year, period, of, planned, constant_prices)


def _rel(kind: str, c: GrowthClaim) -> Relation:
    return Relation(kind, c.indicator, period=(c.base_year, c.end_year), source=c)  # type: ignore[arg-type]


def _about_core(f: Figure) -> tuple[float, float] | None:
    """The inner part of an 约 figure's width: value ± max(rounding, ABOUT_CORE × its ±)."""
    if f.comparator is not Comparator.ABOUT:
        return None
    w = max(f.half_step, ABOUT_CORE * f.tolerance * abs(f.value))
    return f.value - w, f.value + w


def _factor_core(f: Figure, core: tuple[float, float] | None) -> tuple[float, float] | None:
    if core is None:
        return None
    match f.kind:
        case Kind.GROWTH_PERCENT:
            return _clip((1 + core[0] / 100, 1 + core[1] / 100))
        case Kind.GROWTH_TIMES:
            return _clip((1 + core[0], 1 + core[1]))
        case Kind.MULTIPLE:
            return _clip(core)
        case Kind.DOUBLING:
            return 2.0 ** core[0], 2.0 ** core[1]
    return None


def _clip(iv: tuple[float, float]) -> tuple[float, float]:
    """A growth factor is never negative (a fall of more than 100% is no level)."""
    return max(iv[0], 0.0), max(iv[1], 0.0)


def _connected(
    claims: list[GrowthClaim], ends: Callable[[GrowthClaim], tuple[When, When]]
) -> list[list[GrowthClaim]]:
    """Claims grouped by the points in time they connect."""
    parent: dict[When, When] = {}

    def find(w: When) -> When:
        while parent.setdefault(w, w) != w:
            parent[w] = parent[parent[w]]
            w = parent[w]
        return w

    for c in claims:
        a, b = ends(c)
        parent[find(a)] = find(b)
    groups: dict[When, list[GrowthClaim]] = {}
    for c in claims:
        groups.setdefault(find(ends(c)[0]), []).append(c)
    return list(groups.values())


def _when_key(w: When) -> tuple[int, bool]:
    return (-1 if w[0] is None else w[0], w[1])
