"""The fast paths give the general path's results, bit for bit.

The general path answers every question of the search by one numpy propagation of the whole
network (`solve(..., general=True)`). The fast paths — the answer cache, the scalar propagator
on a component's own lists or on the whole network's, and the mix the scheduler chooses — must
agree with it exactly: the same conflicts (members, culprits, every fit range), the same final
intervals and provenance. Checked on random networks with facts, moved facts, 约-like child
assumptions and assumptions tying components, on every component and random item subsets, and
on plans (the bundled one and generated ones), under policies that force each path.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ezplan.loader import load_plan
from ezplan.network import Network, answers, arith, memo, sarith, scalar, solve
from ezplan.network.lists import lists
from ezplan.network.plan import build
from ezplan.network.propagate import Propagator
from tests.plangen import consistent_plan, inconsistent_plan
from tests.test_network_properties import build as build_true
from tests.test_network_properties import networks

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# policies: which path answers — settings of answers.py (and memo.py) that force each one
POLICIES = {
    "chosen": {},
    "scalar": {"SCALAR_WORK": 10**9, "LISTS_PAYBACK": 10**9, "SMALL": 10**9},
    "sparse": {"SCALAR_WORK": 10**9, "LISTS_PAYBACK": 10**9, "SMALL": 0},
    "vectorised": {"SCALAR_WORK": -1},
    "aborting": {"SCALAR_WORK": 10**9, "LISTS_PAYBACK": 10**9, "SCALAR_BUDGET": 3, "SMALL": 0},
    "forgetful": {"CACHE_ANSWERS": 1, "CACHE_STATES": 1},
}


def apply_policy(mp: pytest.MonkeyPatch, name: str) -> None:
    for attr, value in POLICIES[name].items():
        mp.setattr(memo if attr.startswith("CACHE") else answers, attr, value)


@pytest.fixture(params=sorted(POLICIES))
def policy(request, monkeypatch):
    apply_policy(monkeypatch, request.param)
    return request.param


@st.composite
def mixed_networks(draw):
    """A true network (tests/test_network_properties.py) with some facts moved off their true
    values, 约-like cores (an assumption narrowing a fact, its parent) and assumptions tying
    pairs of variables (which join components in the last pass)."""
    values, signed, cons, facts = draw(networks())
    rnd = draw(st.randoms(use_true_random=False))
    moved = []
    for v, lo, hi in facts:
        if rnd.random() < 0.3:
            x = values[v] * rnd.choice([0.5, 0.9, 1.2, 3.0]) + rnd.choice([0.0, 1.0])
            lo, hi = x, x * (1 + rnd.uniform(0, 0.01)) if x >= 0 else x
        moved.append((v, lo, hi))
    n = build_true(values, signed, cons, moved)
    for item, (v, lo, hi) in enumerate(moved):
        if rnd.random() < 0.3 and math.isfinite(lo) and math.isfinite(hi):
            mid, half = (lo + hi) / 2, (hi - lo) / 4
            core = n.assumption(("core", item), 0.5, parent=item)
            n.bound(v, mid - half, mid + half, core)
    for _ in range(rnd.randint(0, 2)):
        a, b = rnd.sample(range(len(values)), 2)
        tie = n.assumption(("tie", a, b))
        n.equal(a, b, item=tie)
    return n


def same_solutions(a, b) -> None:
    assert a.conflicts == b.conflicts
    assert a.set_aside == b.set_aside
    for field in ("unresolved", "incomplete", "components"):
        mine, theirs = getattr(a, field), getattr(b, field)
        assert mine.keys() == theirs.keys()
        for tier in mine:
            assert np.array_equal(mine[tier], theirs[tier]), field
    assert a.states.keys() == b.states.keys()
    for tier in a.states:
        for end in ("lo", "hi", "lo_by", "hi_by", "dead", "empty_var"):
            assert np.array_equal(getattr(a.states[tier], end), getattr(b.states[tier], end))
    assert a.steps == b.steps


@SETTINGS
@given(mixed_networks())
def test_solve_fast_equals_general_on_random_networks(network):
    general = solve(network, general=True)
    for name in POLICIES:
        with pytest.MonkeyPatch.context() as mp:
            apply_policy(mp, name)
            same_solutions(solve(network), general)


@SETTINGS
@given(mixed_networks(), st.randoms(use_true_random=False))
def test_scalar_propagation_equals_numpy_per_component(network, rnd):
    net = network.compile()
    whole = lists(net)
    for structural in (~net.item_assumption, np.ones(net.n_items, dtype=bool)):
        prop = Propagator(net, structural)
        item_comp = net.item_components(prop.comp)
        for _ in range(4):
            enabled = structural & (np.array([rnd.random() for _ in range(net.n_items)]) < 0.7)
            state = prop.run(enabled)
            on = prop.effective(enabled)
            for c in range(prop.n_comps):
                variables = np.flatnonzero(prop.comp == c).tolist()
                mine = {i for i in np.flatnonzero(on).tolist() if item_comp[i] == c}
                own = whole.local(variables)
                hard = [b for b in range(len(net.b_var)) if net.b_item[b] < 0]
                hard = [b for b in hard if prop.comp[net.b_var[b]] == c]
                for got in (
                    scalar.propagate(own, mine, own.hard, 10**9),
                    scalar.propagate(whole, mine, hard, 10**9),
                ):
                    lo, hi, lo_by, hi_by = got.readers()
                    for v in variables:
                        assert (lo(v), hi(v)) == (state.lo[v], state.hi[v])
                        assert (lo_by(v), hi_by(v)) == (state.lo_by[v], state.hi_by[v])
                    assert got.dead == state.dead[c]
                    assert got.empty_var == state.empty_var[c]
                    assert got.rounds <= state.rounds


def test_a_spent_budget_gives_no_answer():
    n = Network()
    x, y = n.variable(), n.variable()
    n.product(y, x, x)
    n.fact(x, 2, 3, "x")
    whole = lists(n.compile())
    assert scalar.propagate(whole, {0}, [], 2) is None
    assert scalar.propagate(whole, {0}, [], 100) is not None


finite = st.one_of(
    st.floats(0, 1e6),
    st.floats(0.9, 1.1),
    st.sampled_from([0.0, 1.0, 1e-300, 5e-324, 1e300, 1.7e308]),
)
ends = st.one_of(finite, st.just(math.inf))
exponents = st.one_of(st.floats(0.01, 50), st.sampled_from([0.5, 1.0, 2.0, 4.0, 1 / 3]))


@settings(max_examples=300, deadline=None)
@given(finite, finite, ends, ends, st.sampled_from([1.0, 0.01, 2.5, 6.9, 1e-8, 1e8]))
def test_scalar_arithmetic_equals_arrays(a, b, ua, ub, k):
    """Each projection on its domain: lower ends finite, upper ends possibly infinite."""
    split = np.frexp(np.array([k]))  # how the arrays take a constant factor
    for scalar_fn, array_fn, args, array_args in (
        (sarith.mul_lo, arith.mul_lo, (k, a, b), (split, a, b)),
        (sarith.mul_hi, arith.mul_hi, (k, ua, ub), (split, ua, ub)),
        (sarith.div_lo, arith.div_lo, (a, k, ub), (a, split, ub)),
        (sarith.div_hi, arith.div_hi, (ua, k, b), (ua, split, b)),
    ):
        arrays = (x if isinstance(x, tuple) else np.array([x]) for x in array_args)
        assert scalar_fn(*args) == array_fn(*arrays)[0]
    for x in (a, ua, -a, -ua):
        assert sarith.widen_lo(x) == arith.widen_lo(np.array([x]))[0]
        assert sarith.widen_hi(x) == arith.widen_hi(np.array([x]))[0]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(ends, finite.map(lambda x: -x), st.just(-math.inf)), min_size=1))
def test_widening_whole_arrays_equals_one_at_a_time(xs):
    """An array mixing finite ends with ±∞ (and overflow near the float limit) widens each
    element as the scalar code widens it alone."""
    array = np.array(xs)
    assert arith.widen_lo(array).tolist() == [sarith.widen_lo(x) for x in xs]
    assert arith.widen_hi(array).tolist() == [sarith.widen_hi(x) for x in xs]


@settings(max_examples=300, deadline=None)
@given(ends, exponents, st.integers(1, 30))
def test_scalar_transcendentals_equal_arrays(x, e, n):
    with np.errstate(over="ignore"):
        assert sarith.power(x, e) == arith.power(np.array([x]), np.array([e]))[0]
    nn = float(n)
    assert sarith.cumsum_factor(x, nn) == arith.cumsum_factor(np.array([x]), np.array([nn]))[0]
    for upper in (False, True):
        arith.ROOTS[upper].clear()  # computed afresh by each, not read from the shared memo
        mine = sarith.cumsum_inverse(x, nn, upper)
        arith.ROOTS[upper].clear()
        theirs = arith.cumsum_inverse(np.array([x, 2.0]), np.array([nn, 3.0]), upper)[0]
        assert mine == theirs


@pytest.mark.parametrize("seed", range(8))
def test_solve_fast_equals_general_on_generated_plans(seed, policy, tmp_path):
    for make in (consistent_plan, inconsistent_plan):
        generated = make(random.Random(seed))
        directory = tmp_path / make.__name__
        directory.mkdir()
        (directory / "baselines.yaml").write_text(generated.baselines, encoding="utf-8")
        (directory / "targets.yaml").write_text(generated.targets, encoding="utf-8")
        net = build(load_plan(directory)).net.compile()
        same_solutions(solve(net), solve(net, general=True))


def test_solve_fast_equals_general_on_the_bundled_plan(policy):
    net = build(load_plan(ROOT)).net.compile()
    same_solutions(solve(net), solve(net, general=True))


def test_solve_fast_equals_general_on_a_benchmark_plan(tmp_path):
    """Many components at once: the vectorised steps, their cache and the scalar tail."""
    from benchmarks.make_plan import make

    net = build(load_plan(make(tmp_path, 40))).net.compile()
    same_solutions(solve(net), solve(net, general=True))
