"""The whole-network analysis: contradictions in two tiers, ranked culprits, final intervals.

Tier 1 switches on the facts only: a contradiction there is impossible within the figures'
rounding and bounds (an error). Tier 2 switches the assumptions on too, after setting aside, in
each component, the lightest set of facts that resolves its tier-1 contradictions — so every
tier-2 contradiction rests on at least one assumption and none repeats a tier-1 one (a warning).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ezplan.network.answers import Answers, Memo
from ezplan.network.batch import Scheduler
from ezplan.network.compiled import Compiled
from ezplan.network.conflicts import FEASIBLE, ComponentResult, Limits, search_component
from ezplan.network.derivation import HI, LO, Step, derive, tables
from ezplan.network.network import Network
from ezplan.network.propagate import Propagator, State
from ezplan.network.tiers import ASSUMPTIONS, FACTS

Interval = tuple[float, float]


class Member(NamedTuple):
    """One member of a conflict, as a possible culprit."""

    item: int
    var: int  # the variable its interval bounds (−1: an assumption made of constraints)
    weight: float
    resolves: int  # conflicts of its component (this tier) it belongs to
    resolves_all: bool | None  # changing it alone leaves the component free (None: not asked)
    fit_conflict: Interval | None  # its variable's range fitting the rest of the conflict
    fit_component: Interval | None  # … fitting every other item of the component
    blocked_by: int | None  # the conflict (index in Solution.conflicts) its change runs into
    needs: Interval | None  # what that conflict, without this one's members, needs of it


class Conflict(NamedTuple):
    tier: int  # FACTS or ASSUMPTIONS
    component: int  # in the view of the pass that found it
    items: tuple[int, ...]
    empty_var: int  # the variable whose interval emptied
    steps: tuple[Step, ...]  # the derivation of its two crossing ends
    members: tuple[Member, ...]  # most likely culprit first


Sink = Callable[[int, list[Conflict]], None]  # (index of the first, a component's conflicts)


@dataclass
class Solution:
    net: Compiled
    conflicts: list[Conflict]
    set_aside: dict[int, frozenset[int]]  # per tier: the items set aside to resolve it
    # per tier, by variable: in a component left contradictory (the search hit its limits and
    # found no set of items to set aside), or whose enumeration hit a limit
    unresolved: dict[int, np.ndarray]
    incomplete: dict[int, np.ndarray]
    states: dict[int, State]  # per tier: propagation with the set-aside items off
    components: dict[int, np.ndarray]  # per tier: the component of each variable
    steps: int  # propagations run
    found: int = 0  # conflicts found (in `conflicts`, or handed to the sink)

    def interval(self, var: int, tier: int = FACTS) -> Interval:
        s = self.states[tier]
        return float(s.lo[var]), float(s.hi[var])

    def derivation(self, var: int, tier: int = FACTS) -> list[Step]:
        """How both ends of `var` were derived in the tier's final propagation."""
        return derive(self.net, self.states[tier], [(var, LO), (var, HI)])


def solve(
    network: Network | Compiled,
    assumptions: bool = True,
    limits: Limits | None = None,
    *,
    general: bool = False,
    sink: Sink | None = None,
) -> Solution:
    """Find the contradictions of `network`: tier 1 (facts), then tier 2 (with assumptions).

    Tier 2 runs in two passes: first the assumptions within one tier-1 component (an 约
    figure's core), then those tying components together (one exchange rate per year), so
    that a tie joining many components into one does not hold up the local ones.

    `general` answers every question by a whole-network propagation, without the cache and
    the scalar propagator: slower, and the same result (the reference for tests).

    `sink`, if given, is handed each component's conflicts as its search ends — with the index
    in the whole list of the first of them, which `Member.blocked_by` counts in — instead of
    their being kept in `Solution.conflicts` (left empty): a caller that keeps them in other
    terms never holds them all twice.
    """
    net = network.compile() if isinstance(network, Network) else network
    limits = limits or Limits()
    solution = Solution(net, [], {}, {}, {}, {}, {}, 0)
    facts = ~net.item_assumption
    memo = Memo()
    off = _pass(solution, FACTS, facts, facts, limits, memo, general, sink)
    if assumptions and net.item_assumption.any():
        bridging = net.items_spanning(solution.components[FACTS]) & net.item_assumption
        local = facts | (net.item_assumption & ~bridging)
        off |= _pass(solution, ASSUMPTIONS, local & ~off, local, limits, memo, general, sink)
        if bridging.any():
            every = np.ones(net.n_items, dtype=bool)
            _pass(solution, ASSUMPTIONS, ~off, every, limits, memo, general, sink)
    # the search is over: its lists and tables go (the tables are a fifth of what an analysis
    # of 10,000 indicators would keep); a derivation asked later (explain) remakes the tables
    net._cache.pop("lists", None)
    net._cache.pop("tables", None)
    for name in ("item_bounds", "edges"):  # cached_properties: remade on demand like the tables
        net.__dict__.pop(name, None)
    return solution


def _pass(
    solution: Solution,
    tier: int,
    enabled: np.ndarray,
    structural: np.ndarray,
    limits: Limits,
    memo: Memo,
    general: bool,
    sink: Sink | None = None,
) -> np.ndarray:
    """Search every contradictory component with the `enabled` items on, leaving out the
    components an earlier pass left contradictory. Records the conflicts and the final state;
    returns the items set aside to resolve them."""
    net = solution.net
    prop = Propagator(net, structural)
    stuck = np.zeros(net.n_vars, dtype=bool)
    for mask in solution.unresolved.values():
        stuck |= mask
    included = np.ones(prop.n_comps, dtype=bool)
    included[prop.comp[stuck]] = False
    answers = Answers(prop, structural, memo, general)
    item_comp = net.item_components(prop.comp)
    members = ItemsByComponent(item_comp, enabled, prop.n_comps)
    # the search needs none of the network's edges (as large as its compiled arrays: 21 MiB
    # at 100,000 indicators); the next pass makes them again for its components
    net.__dict__.pop("edges", None)
    first, firsts = answers.run_all(enabled, included, members)
    dead = np.flatnonzero(first.dead).tolist()
    searches = ((c, search_component(net, c, members.get(c, []), firsts[c], limits)) for c in dead)
    scheduler = Scheduler(answers)
    unresolved: list[int] = []
    incomplete: list[int] = []
    off = np.zeros(net.n_items, dtype=bool)
    # each component's conflicts reported in the components' order as soon as every earlier
    # one's search has ended (the searches start in that order): the numbering of one pass
    # of all of them, without their results all held at once
    ended: dict[int, ComponentResult] = {}
    reported = 0
    for comp, r in scheduler.each(searches):
        ended[comp] = r
        while reported < len(dead) and dead[reported] in ended:
            c = dead[reported]
            reported += 1
            r = ended.pop(c)
            if r.diagnosis is None:
                unresolved.append(c)
            else:
                off[list(r.diagnosis)] = True
            if not r.complete:
                incomplete.append(c)
            _report(solution, tier, c, r, sink)
    nothing = np.zeros(net.n_vars, dtype=bool)
    solution.unresolved[tier] = solution.unresolved.get(tier, nothing) | np.isin(
        prop.comp, unresolved
    )
    solution.unresolved[tier] |= np.isin(prop.comp, np.flatnonzero(~included))
    solution.incomplete[tier] = solution.incomplete.get(tier, nothing) | np.isin(
        prop.comp, incomplete
    )
    off = net.with_children(off)
    aside = frozenset(int(i) for i in np.flatnonzero(off))
    solution.set_aside[tier] = solution.set_aside.get(tier, frozenset()) | aside
    final = enabled & ~off
    solution.states[tier] = answers.run_all(
        final, included, ItemsByComponent(item_comp, final, prop.n_comps)
    )[0]
    solution.components[tier] = prop.comp
    solution.steps += scheduler.steps + 2
    return off


class ItemsByComponent:
    """The enabled items of each component, in order, each component's made a list when
    asked for: only the contradictory ones are searched (a plan of 100,000 indicators has
    some 350,000 items, as lists ~20 MiB)."""

    def __init__(self, item_comp: np.ndarray, enabled: np.ndarray, n_comps: int) -> None:
        idx = np.flatnonzero(enabled & (item_comp >= 0))
        self._items = idx[np.argsort(item_comp[idx], kind="stable")]
        self._cut = np.searchsorted(item_comp[self._items], np.arange(n_comps + 1))

    def get(self, comp: int, default: list[int] | None = None) -> list[int] | None:
        a, b = self._cut.item(comp), self._cut.item(comp + 1)
        return self._items[a:b].tolist() if b > a else default


def _report(
    solution: Solution, tier: int, comp: int, r: ComponentResult, sink: Sink | None
) -> None:
    t = tables(solution.net)
    weights, primaries, first_bound = t.weights, t.primaries, t.first_bound
    offset = solution.found
    found: list[Conflict] = []
    count: dict[int, int] = {}
    for f in r.conflicts:
        for m in f.items:
            count[m] = count.get(m, 0) + 1
    for k, f in enumerate(r.conflicts):
        members = []
        for m in f.items:
            alone = r.alone.get(m)
            blocked = alone if alone is not None and alone != FEASIBLE else None
            members.append(
                Member(
                    item=m,
                    var=primaries[m],
                    weight=weights[m],
                    resolves=count[m],
                    resolves_all=None if alone is None else alone == FEASIBLE,
                    fit_conflict=f.fit.get(m),
                    fit_component=r.fit_whole.get(m),
                    blocked_by=None if blocked is None else offset + blocked,
                    needs=r.needs.get((k, m)),
                )
            )
        members.sort(key=lambda mb: _rank(first_bound, mb))
        found.append(Conflict(tier, comp, f.items, f.empty_var, tuple(f.steps), tuple(members)))
    solution.found += len(found)
    if sink is None:
        solution.conflicts += found
    elif found:
        sink(offset, found)


def _rank(first_bound: Callable[[int], Interval | None], m: Member) -> tuple:
    """Most likely culprit first: resolves more, resolves everything, lighter, moves less."""
    return (-m.resolves, not m.resolves_all, m.weight, _shift(first_bound, m), m.item)


def _shift(first_bound: Callable[[int], Interval | None], m: Member) -> float:
    """How far the member's own interval is from where the rest of the conflict needs it,
    relative to its size (0 when unknown)."""
    own = None if m.var < 0 or m.fit_conflict is None else first_bound(m.item)
    if own is None:
        return 0.0
    lo, hi = own
    flo, fhi = m.fit_conflict
    gap = max(
        flo - hi if flo > -math.inf and hi < math.inf else 0.0,
        lo - fhi if lo > -math.inf and fhi < math.inf else 0.0,
        0.0,
    )
    scale = max(abs(lo) if math.isfinite(lo) else 0.0, abs(hi) if math.isfinite(hi) else 0.0)
    return gap / scale if scale > 0 and math.isfinite(gap) else 0.0
