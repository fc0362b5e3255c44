"""Minimal contradictions, their enumeration, culprits, tiers and provenance (engine level).

The exports example in numbers (万美元, worked by hand):
- 增长18.9% → F ∈ [1.1885, 1.1895]; 4.3% → g ∈ [1.0425, 1.0435], g⁴ ∈ [1.181148, 1.185686]:
  disjoint, so {18.9%, 4.3%} is a contradiction. 18.9% needs g ∈ [1.1885^¼, 1.1895^¼] =
  [1.044119, 1.044338]: 4.3% would have to be 4.4119%–4.4338%.
- 2015 = 2019 / F: trade 67968 ± 0.5 with 增长24.9% → [54395.8, 54440.1]; imports 40683 with
  增长29.3% → [31451.5, 31476.6]; so exports 2015 = trade − imports ∈ [22919.2, 22988.6], and
  F = 27285 / that ∈ [27284.5/22988.6, 27285.5/22919.2] = [1.186873, 1.190513]: 增长18.69%–
  19.05%. 4.3%'s g⁴ ≤ 1.185686 < 1.186873: {4.3%, the parts figures} is a second contradiction,
  so 4.3% is in both and changing 18.9% alone runs into the second.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ezplan.network import ASSUMPTIONS, FACTS, Network, solve
from ezplan.network.propagate import Propagator
from tests.test_network_fastpath import mixed_networks


def rate(pct: float, half: float = 0.05) -> tuple[float, float]:
    return 1 + (pct - half) / 100, 1 + (pct + half) / 100


def exports_network() -> tuple[Network, dict[str, int]]:
    n = Network()
    lv = {k: n.variable() for k in ("E15", "E19", "I15", "I19", "T15", "T19")}
    items = {}
    for key, annual, total in (("E", 4.3, 18.9), ("I", 6.6, 29.3), ("T", 5.7, 24.9)):
        g, f = n.variable(), n.variable()
        n.power(f, g, 4)
        n.product(lv[key + "19"], lv[key + "15"], f)
        items[f"{annual}%"] = n.fact(g, *rate(annual), f"{annual}%")
        items[f"{total}%"] = n.fact(f, *rate(total), f"增长{total}%")
    for key, value in (("E19", 27285), ("I19", 40683), ("T19", 67968)):
        items[key] = n.fact(lv[key], value - 0.5, value + 0.5, key)
    for y in ("15", "19"):
        n.linear([(lv["T" + y], 1), (lv["E" + y], -1), (lv["I" + y], -1)])
    return n, items


def still_contradictory(net, items) -> bool:
    on = np.zeros(net.n_items, dtype=bool)
    on[list(items)] = True
    prop = Propagator(net, ~net.item_assumption)
    return bool(prop.run(on).dead.any())


def test_every_conflict_is_minimal_and_found_once():
    n, _ = exports_network()
    sol = solve(n)
    sets = [frozenset(c.items) for c in sol.conflicts]
    assert len(sets) == len(set(sets)) >= 3
    for c in sol.conflicts:
        assert still_contradictory(sol.net, c.items)
        for m in c.items:
            assert not still_contradictory(sol.net, [i for i in c.items if i != m])


def test_culprit_is_the_rate_with_its_fit_range():
    n, it = exports_network()
    sol = solve(n)
    (first,) = [c for c in sol.conflicts if set(c.items) == {it["4.3%"], it["18.9%"]}]
    assert first.tier == FACTS
    top, other = first.members
    assert top.item == it["4.3%"] and top.resolves_all and top.resolves >= 2
    assert top.fit_conflict == pytest.approx((1.1885**0.25, 1.1895**0.25), rel=1e-7)
    assert top.fit_component == pytest.approx((1.1885**0.25, 1.1895**0.25), rel=1e-7)
    # 18.9% fitting 4.3% instead would be g⁴ for g ∈ [1.0425, 1.0435]: 增长18.11%–18.57%
    assert other.item == it["18.9%"] and other.resolves_all is False
    assert other.fit_conflict == pytest.approx((1.0425**4, 1.0435**4), rel=1e-7)
    blocker = sol.conflicts[other.blocked_by]
    assert it["4.3%"] in blocker.items and it["18.9%"] not in blocker.items
    assert other.needs == pytest.approx(parts_need(set(blocker.items), it), rel=1e-6)
    assert sol.set_aside[FACTS] == frozenset({it["4.3%"]})


def parts_need(items: set[int], it: dict[str, int]) -> tuple[float, float]:
    """The exports factor 2015→2019 the parts identities allow, from the figures in `items`
    (a 2019 level not among them follows from the other two: E = T − I)."""
    e, i, t = ((v - 0.5, v + 0.5) for v in (27285, 40683, 67968))
    if it["E19"] not in items:
        e = (t[0] - i[1], t[1] - i[0])
    if it["I19"] not in items:
        i = (t[0] - e[1], t[1] - e[0])
    if it["T19"] not in items:
        t = (e[0] + i[0], e[1] + i[1])
    ft = rate(24.9)
    fi = rate(29.3) if it["29.3%"] in items else tuple(g**4 for g in rate(6.6))
    # exports 2015 = trade 2015 − imports 2015, each 2019 level over its factor
    e15 = (t[0] / ft[1] - i[1] / fi[0], t[1] / ft[0] - i[0] / fi[1])
    return e[0] / e15[1], e[1] / e15[0]


def test_derivation_reaches_the_stated_figures():
    n, it = exports_network()
    sol = solve(n)
    c = next(c for c in sol.conflicts if set(c.items) == {it["4.3%"], it["18.9%"]})
    sources = {s.item for s in c.steps if s.kind == "bound"}
    assert sources == {it["4.3%"], it["18.9%"]}
    ends = {(s.var, s.end) for s in c.steps}
    assert (c.empty_var, "lo") in ends and (c.empty_var, "hi") in ends


def test_assumption_tier_reports_only_what_facts_do_not():
    n = Network()
    a, b, c, d = (n.variable() for _ in range(4))
    n.fact(a, 1, 2, "a")
    n.fact(b, 3, 4, "b")
    n.fact(c, 5, 5, "c")
    n.fact(c, 6, 6, "c again")  # a tier-1 contradiction of its own
    n.fact(d, 0, 10, "d")
    same = n.assumption("a = b")
    n.equal(a, b, item=same)
    sol = solve(n)
    tiers = {c.tier: c for c in sol.conflicts}
    assert [c.tier for c in sol.conflicts].count(FACTS) == 1
    assert set(tiers[FACTS].items).isdisjoint({same})
    assert same in tiers[ASSUMPTIONS].items and len(tiers[ASSUMPTIONS].items) == 3
    only_facts = solve(n, assumptions=False)
    assert [c.tier for c in only_facts.conflicts] == [FACTS]


def test_about_core_assumption_is_set_aside_with_its_figure():
    n = Network()
    x = n.variable()
    f = n.fact(x, 95, 105, "约100")  # ±5%
    core = n.assumption("约100, inner half", parent=f)
    n.bound(x, 97.5, 102.5, core)
    n.fact(x, 103, 110, "above 103")
    sol = solve(n)
    (c,) = sol.conflicts
    assert c.tier == ASSUMPTIONS and set(c.items) == {core, 2}  # the core implies its figure
    n.fact(x, 200, 300, "far off")  # now 约100 itself is contradicted
    sol = solve(n)
    errors = [c for c in sol.conflicts if c.tier == FACTS]
    assert len(errors) == 2 and all(core not in c.items for c in errors)


def test_many_components_cost_no_more_propagations_than_one():
    def plan(k: int) -> Network:
        n = Network()
        for i in range(k):
            x, y, z = n.variable(), n.variable(), n.variable()
            n.product(z, x, y)
            n.fact(x, 2, 3, f"x{i}")
            n.fact(y, 4, 5, f"y{i}")
            n.fact(z, 20, 30, f"z{i}")  # at most 15
            n.fact(x, 1, 10, f"wide{i}")
        return n

    one, many = solve(plan(1)), solve(plan(500))
    assert len(many.conflicts) == 500 * len(one.conflicts)
    assert many.steps == one.steps


def test_limits_bound_the_enumeration():
    n = Network()
    x = n.variable()
    for i in range(30):
        n.fact(x, i, i + 0.5, f"x = {i}")  # every pair is a conflict: 435 of them
    from ezplan.network import Limits

    sol = solve(n, limits=Limits(conflicts=5, questions=20))
    assert 1 <= len(sol.conflicts) <= 12
    assert sol.incomplete[FACTS].all()


def test_a_search_cut_short_by_its_depth_says_so():
    """x ≥ 2 twice and x ≤ 1 twice: four conflicts {low, high}. The tree finds the first at its
    root and one under each of its two members; the fourth only with both set aside (two deep).
    A search one deep finds three and must not call itself complete; two deep finds all four
    and is (every deeper node holds a pair set aside that leaves no contradiction)."""
    from ezplan.network import Limits

    n = Network()
    x = n.variable()
    low = [n.fact(x, 2, 3, f"x ≥ 2 ({k})") for k in (1, 2)]
    high = [n.fact(x, 0, 1, f"x ≤ 1 ({k})") for k in (1, 2)]
    every = {frozenset((a, b)) for a in low for b in high}
    shallow = solve(n, limits=Limits(conflicts=99, questions=999, depth=1))
    assert len({frozenset(c.items) for c in shallow.conflicts} & every) == 3
    assert shallow.incomplete[FACTS].all()
    deep = solve(n, limits=Limits(conflicts=99, questions=999, depth=2))
    assert {frozenset(c.items) for c in deep.conflicts} == every
    assert not deep.incomplete[FACTS].any()


@st.composite
def crowded_intervals(draw):
    """One quantity stated many times over, the statements pairwise overlapping or not: its
    conflicts are the disjoint pairs, many and overlapping (a deep tree)."""
    n = Network()
    x = n.variable()
    for k in range(draw(st.integers(3, 7))):
        lo = draw(st.integers(0, 6))
        n.fact(x, lo, lo + draw(st.integers(0, 3)) + 0.5, f"x ≈ {lo} ({k})")
    return n


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mixed_networks(), crowded_intervals()), st.integers(1, 2))
def test_a_search_that_calls_itself_complete_found_every_conflict(network, shallow_depth):
    """A component whose search, shallower, says it is complete has every conflict a search
    without that limit finds: a node the depth limit left unexplored counts as closed only
    when no conflict can hide beneath it."""
    from ezplan.network import Limits

    found = {}
    for depth in (shallow_depth, 99):
        sol = solve(network, limits=Limits(conflicts=99, questions=9999, depth=depth))
        comp, incomplete = sol.components[FACTS], sol.incomplete[FACTS]
        by = {}
        for c in sol.conflicts:
            if c.tier == FACTS:
                by.setdefault(c.component, set()).add(c.items)
        done = {int(c) for c in np.unique(comp) if not incomplete[comp == c].any()}
        found[depth] = by, done
    (shallow, shallow_done), (deep, deep_done) = found.values()
    for c in shallow_done & deep_done:
        assert shallow.get(c, set()) == deep.get(c, set())


def test_degenerate_networks():
    assert solve(Network()).conflicts == []
    n = Network()
    x, y = n.variable(), n.variable()
    n.equal(x, y)
    n.bound(x, 1, 2)  # hard, no items at all
    sol = solve(n)
    assert sol.conflicts == [] and sol.interval(y) == pytest.approx((1, 2))
    n.bound(y, 3, 4)  # hard constraints alone contradict: nothing to name, left unresolved
    sol = solve(n)
    assert sol.conflicts == [] and sol.unresolved[FACTS].all()
    n = Network()
    x = n.variable()
    bad = n.fact(x, 3, 2, "an empty interval")
    assert [c.items for c in solve(n).conflicts] == [(bad,)]


def test_a_conflict_by_a_hair_reads_as_one():
    """Bounds 6.74812 and 6.74804 元/美元 cross by 0.00008: with 4 digits both read 6.748; with
    5 they read 6.7481 and 6.7480."""
    from ezplan.network.terms import Quantity
    from ezplan.rules.whole_plan import crossing_texts

    q = Quantity("exchange_rate", None, "元/美元", year=2017)
    assert crossing_texts(q, 6.74812, 6.74804) == ("6.7481元/美元", "6.7480元/美元")
    assert crossing_texts(q, 6.944, 6.902) == ("6.944元/美元", "6.902元/美元")
