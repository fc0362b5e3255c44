"""Property tests: networks built around a true assignment.

Every constraint holds at the true values and every fact is an interval containing its true
value, so no contradiction may be found, and every interval must still contain its true value
(soundness). Move one fact off its true value: any contradiction found must then contain it,
and changing it alone must resolve everything (the rest holds at the true values).
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ezplan.network import FACTS, Limits, Network, solve


@st.composite
def networks(draw):
    """(network builder steps, true values, fact specs)."""
    rnd = draw(st.randoms(use_true_random=False))
    n_vars = draw(st.integers(2, 14))
    values: list[float] = []
    signed: list[bool] = []
    cons: list[tuple] = []
    for k in range(n_vars):
        # factors of products, powers and sums stay below 1e30, so true values stay in range
        positive = [i for i in range(k) if not signed[i] and 0 < values[i] < 1e30]
        kind = rnd.choice(["free", "free", "product", "power", "cumsum", "linear", "at_most"])
        if kind == "product" and len(positive) >= 2:
            x, y = rnd.sample(positive, 2)
            c = rnd.choice([1.0, 0.01, 2.5, 6.9])
            values.append(c * values[x] * values[y])
            signed.append(False)
            cons.append(("product", k, x, y, c))
        elif kind == "power" and positive:
            x = rnd.choice(positive)
            e = rnd.choice([1, 2, 4, 5, 0.5, 1.5])
            values.append(values[x] ** e)
            signed.append(False)
            cons.append(("power", k, x, e))
        elif kind == "cumsum" and positive:
            x = rnd.choice(positive)
            m = rnd.randint(1, 6)
            values.append(sum(values[x] ** t for t in range(1, m + 1)))
            signed.append(False)
            cons.append(("cumsum", k, x, m))
        elif kind == "linear" and k >= 2:
            terms = [(i, rnd.choice([1.0, -1.0, 0.5])) for i in rnd.sample(range(k), 2)]
            v = sum(c * values[i] for i, c in terms)
            values.append(v)
            signed.append(v < 0 or any(signed[i] for i, _ in terms))
            cons.append(("linear", k, terms))
        elif kind == "at_most" and k >= 1:
            x = rnd.randrange(k)
            values.append(values[x] + rnd.uniform(0, 5))
            signed.append(signed[x] or values[-1] < 0)
            cons.append(("at_most", k, x))
        else:
            values.append(math.exp(rnd.uniform(-3, 5)))
            signed.append(False)
    facts = []
    for v in rnd.sample(range(n_vars), rnd.randint(1, n_vars)):
        shape = rnd.choice(["band", "band", "point", "at least", "at most"])
        x = values[v]
        w = abs(x) * rnd.uniform(0, 0.1)
        lo, hi = {
            "band": (x - w * rnd.random(), x + w * rnd.random()),
            "point": (x, x),
            "at least": (x - w, math.inf),
            "at most": (-math.inf, x + w),
        }[shape]
        facts.append((v, lo, hi))
    return values, signed, cons, facts


def build(values, signed, cons, facts) -> Network:
    n = Network()
    for i in range(len(values)):
        n.variable(-math.inf if signed[i] else 0.0 if values[i] >= 0 else -math.inf)
    for c in cons:
        match c:
            case ("product", z, x, y, k):
                n.product(z, x, y, k)
            case ("power", y, x, e):
                n.power(y, x, e)
            case ("cumsum", y, x, m):
                n.cumsum(y, x, m)
            case ("linear", z, terms):
                n.linear([(z, 1.0)] + [(i, -c) for i, c in terms])
            case ("at_most", y, x):
                n.at_most(x, y)
    for j, (v, lo, hi) in enumerate(facts):
        n.fact(v, lo, hi, f"fact {j}")
    return n


def contains(lo: float, hi: float, x: float) -> bool:
    slack = 1e-9 * max(1.0, abs(x))
    return lo - slack <= x <= hi + slack


@settings(max_examples=80)
@given(networks())
def test_true_networks_are_never_contradictory(spec):
    values, signed, cons, facts = spec
    sol = solve(build(values, signed, cons, facts))
    assert sol.conflicts == []
    state = sol.states[FACTS]
    for v, x in enumerate(values):
        assert contains(state.lo[v], state.hi[v], x), (v, x, state.lo[v], state.hi[v])


@settings(max_examples=50)
@given(networks(), st.data())
def test_a_moved_fact_is_named_as_the_culprit(spec, data):
    values, signed, cons, facts = spec
    j = data.draw(st.integers(0, len(facts) - 1))
    v = facts[j][0]
    x = values[v]
    shift = data.draw(st.sampled_from([0.5, 0.9, 1.2, 3.0]))
    off = x * shift + (0 if x else shift)  # a point off the true value
    moved = [*facts[:j], (v, off, off), *facts[j + 1 :]]
    sol = solve(build(values, signed, cons, moved), limits=Limits(conflicts=6, questions=40))
    for c in sol.conflicts:
        assert j in c.items
        (member,) = [m for m in c.members if m.item == j]
        assert member.resolves_all
        assert c.members[0].resolves == len(sol.conflicts)


def test_generated_networks_exercise_every_kind():
    """A fixed draw, so the strategy's shape is visible: contradictions do occur."""
    values = [2.0, 3.0, 6.0, 36.0, 6 + 36.0]
    signed = [False] * 5
    cons = [("product", 2, 0, 1, 1.0), ("power", 3, 2, 2), ("linear", 4, [(2, 1.0), (3, 1.0)])]
    facts = [(0, 2, 2), (1, 3, 3), (4, 50, 60)]  # 42 is outside [50, 60]
    sol = solve(build(values, signed, cons, facts))
    assert len(sol.conflicts) == 1 and set(sol.conflicts[0].items) == {0, 1, 2}
    assert np.isfinite(sol.conflicts[0].members[0].fit_conflict).all()
