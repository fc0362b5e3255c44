"""Values the rules share: levels in their indicator's unit, growth factors, and levels implied
by stated growth where the plan records none. Computed once per run, with numpy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ezplan import engine
from ezplan.model import Amount, GrowthClaim, Plan, Stated
from ezplan.units import Unit

if TYPE_CHECKING:
    from ezplan.network import Analysis


class Val(NamedTuple):
    """A value with the interval its figures allow."""

    face: float
    lo: float
    hi: float


def rate_bound(start: Val, end: Val) -> str | None:
    """What a rate from `start` to `end` (levels, or a level and a sum) is when either is only
    a bound: "≥" (超过300亿元 from an exact base), "≤", "" when both (300万吨以上 to 300万吨以上:
    no rate follows), None when neither."""
    up = not math.isfinite(end.hi) or not math.isfinite(start.lo) or start.lo <= 0
    down = not math.isfinite(end.lo) or end.lo <= 0 or not math.isfinite(start.hi)
    return "" if up and down else "≥" if up else "≤" if down else None


def can_exceed(part_lo, whole_hi):
    """Can a part whose interval starts at `part_lo` exceed a whole whose interval ends at
    `whole_hi`? Not when the whole has no ceiling (1900个以上 holds any part) nor the part a
    floor (以内 fits any whole). Scalars or arrays."""
    return np.isfinite(whole_hi) & (np.asarray(part_lo) > 0)


@dataclass(frozen=True)
class Implied:
    """A level implied by a growth claim and the level at its other end."""

    indicator: str
    year: int
    value: Val
    claim: GrowthClaim
    from_year: int
    via: Stated  # the growth figure used


def rate_val(s: Stated) -> Val:
    """An annual-rate figure as fractions: 10% → Val(0.10, 0.095, 0.105)."""
    lo, hi = s.figure.interval()
    return Val(s.figure.value / 100, lo / 100, hi / 100)


def factor_val(s: Stated) -> Val:
    """A total-growth figure as a factor end/base."""
    lo, hi = s.figure.factor_interval()
    return Val(s.figure.factor(), lo, hi)


def loose_factor_val(s: Stated) -> Val:
    """A total-growth figure as a factor, a doubling word (翻番) read as the round figure it
    may be (`Figure.round_word_factor_interval`); every other figure as `factor_val`."""
    loose = s.figure.round_word_factor_interval()
    return factor_val(s) if loose is None else Val(s.figure.factor(), *loose)


def claim_factor(c: GrowthClaim) -> Val | None:
    """The growth factor over the claim's period: from the total if stated, else the rate."""
    return claim_factors([c])[0]


def claim_factors(claims: Sequence[GrowthClaim]) -> list[Val | None]:
    """`claim_factor` of each claim, the rates compounded all at once."""
    out: list[Val | None] = [None] * len(claims)
    by_rate = []
    for i, c in enumerate(claims):
        if c.total is not None:
            out[i] = factor_val(c.total)
        elif c.annual is not None:
            by_rate.append(i)
    if by_rate:
        r = np.array([rate_val(claims[i].annual) for i in by_rate])  # type: ignore[arg-type]
        n = np.array([[claims[i].years] for i in by_rate], dtype=np.float64)
        g = engine.growth_factor(r, n)
        ok = g.ok.all(axis=1)
        for j, i in enumerate(by_rate):
            if ok[j]:
                out[i] = Val(*(float(x) for x in g.value[j]))
    return out


@dataclass(frozen=True)
class Slot:
    """A value of an indicator: a level in a year or an amount summed over a period."""

    value: Val
    stated: Stated  # the figure it comes from (for an implied level: the growth figure)
    scope: str
    implied: bool


_NOT_OURS = object()


class Facts:
    def __init__(self, plan: Plan, network: Analysis | None = None) -> None:
        """`network`: the plan's analysis when it was made with other plans' (analyse_many)."""
        self.plan = plan
        if network is not None:
            self.__dict__["network"] = network  # the cached_property's value

    @cached_property
    def _amounts(self) -> dict[tuple[str, int | None], Amount]:
        out = {}
        for lv in self.plan.levels:
            a = self.plan.amount(lv)
            if a is not None:
                out[(lv.indicator, lv.year)] = a
        return out

    @cached_property
    def _factors(self) -> dict[int, Val | None]:
        growth = self.plan.growth
        return {id(c): f for c, f in zip(growth, claim_factors(growth), strict=True)}

    def factor(self, c: GrowthClaim) -> Val | None:
        """`claim_factor` of a claim of the plan (all of them worked out at once)."""
        found = self._factors.get(id(c), _NOT_OURS)
        return claim_factor(c) if found is _NOT_OURS else found  # type: ignore[return-value]

    def amount(self, indicator: str, year: int | None) -> Amount | None:
        return self._amounts.get((indicator, year))

    def years(self, indicator: str) -> list[int]:
        """The years with a level of `indicator` in either file, in order."""
        return sorted(y for (i, y) in self._amounts if i == indicator and y is not None)

    def level(self, indicator: str, year: int | None) -> Val | None:
        a = self.amount(indicator, year)
        return None if a is None else Val(a.face, a.lo, a.hi)

    def unit(self, indicator: str) -> Unit:
        return self.plan.indicators[indicator].unit

    @cached_property
    def implied(self) -> list[Implied]:
        """Levels implied by each growth claim that has a recorded level at one end only (by a
        doubling word read as the round figure it may be: what only its exact reading rules out
        is the whole-plan rule's warning)."""
        rows = []
        for c in self.plan.growth:
            if c.constant_prices:
                continue
            b = self.level(c.indicator, c.base_year)
            e = self.level(c.indicator, c.end_year)
            if (b is None) == (e is None):
                continue
            via = c.total if c.total is not None else c.annual
            f = loose_factor_val(c.total) if c.total is not None else self.factor(c)
            if f is None or via is None:
                continue
            rows.append((c, b, e, f, via))
        if not rows:
            return []
        known = np.array([r[1] if r[1] is not None else r[2] for r in rows])  # (n, 3)
        fac = np.array([r[3] for r in rows])
        forward = np.array([r[1] is not None for r in rows])
        ok = (fac[:, 1] > 0) & (known[:, 1] > 0)
        safe = np.where(ok[:, None], fac, 1.0)
        # forward: end = base·F; backward: base = end / F (bounds pair lo with the other's hi)
        face = np.where(forward, known[:, 0] * safe[:, 0], known[:, 0] / safe[:, 0])
        lo = np.where(forward, known[:, 1] * safe[:, 1], known[:, 1] / safe[:, 2])
        hi = np.where(forward, known[:, 2] * safe[:, 2], known[:, 2] / safe[:, 1])
        out = []
        for i, (c, b, _, _, via) in enumerate(rows):
            if not ok[i]:
                continue
            year, from_year = (
                (c.end_year, c.base_year) if b is not None else (c.base_year, c.end_year)
            )
            out.append(Implied(c.indicator, year, Val(face[i], lo[i], hi[i]), c, from_year, via))
        return out

    def stated_val(self, indicator: str, s: Stated) -> Val | None:
        """One stated amount in its indicator's unit."""
        a = self.plan.amount_of(indicator, (s,))
        return None if a is None else Val(a.face, a.lo, a.hi)

    @cached_property
    def slots(self) -> dict[str, dict[tuple, Slot]]:
        """Every value of every indicator, by ("level", year) or ("cum", base, end)."""
        out: dict[str, dict[tuple, Slot]] = {}
        for lv in self.plan.levels:
            a = self.amount(lv.indicator, lv.year)
            if a is not None:
                out.setdefault(lv.indicator, {})[("level", lv.year)] = Slot(
                    Val(a.face, a.lo, a.hi), a.stated, lv.scope, False
                )
        for c in self.plan.cumulative:
            v = self.stated_val(c.indicator, c.amounts[0])
            if v is not None:
                key = ("cum", c.base_year, c.end_year)
                out.setdefault(c.indicator, {})[key] = Slot(v, c.amounts[0], c.scope, False)
        for imp in self.implied:
            slot = out.setdefault(imp.indicator, {})
            slot.setdefault(("level", imp.year), Slot(imp.value, imp.via, "history", True))
        return out

    def forget_values(self) -> None:
        """Let go of the values by slot and the implied levels (remade if read again): the
        rules that compare values read them, the later rules (AFTER) and the target rows do not,
        and at 100,000 indicators they are ~60 MiB of what the whole-plan rule's findings can
        have instead."""
        for name in ("slots", "implied"):
            self.__dict__.pop(name, None)

    @cached_property
    def network(self) -> Analysis:
        """The whole plan as one interval network (computed once, for the rule and explain)."""
        from ezplan.network import analyse

        return analyse(self.plan)

    def convert(self, v: Val, src: Unit, dst: Unit) -> Val | None:
        """A value from one unit into another (through the exchange rate if it must)."""
        if src.dimension == dst.dimension:
            k = src.factor_to(dst)
            return Val(v.face * k, v.lo * k, v.hi * k)
        if src.currency and dst.currency:
            fx = self.plan.cny_per_usd()
            if fx is None:
                return None
            base = Val(v.face * src.scale, v.lo * src.scale, v.hi * src.scale)
            if src.currency == "USD":
                out = Val(base.face * fx[0], base.lo * fx[1], base.hi * fx[2])
            else:
                out = Val(base.face / fx[0], base.lo / fx[2], base.hi / fx[1])
            return Val(out.face / dst.scale, out.lo / dst.scale, out.hi / dst.scale)
        return None
