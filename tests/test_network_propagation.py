"""The network engine's projections and fixed point; every expected number worked by hand.

Each test builds a tiny network, switches every item on and propagates. Tests run with numpy's
floating-point warnings raised as errors (conftest) and pytest's -W error: no NaN, no warning.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from ezplan.network import Network
from ezplan.network.arith import cumsum_factor, cumsum_inverse
from ezplan.network.propagate import Propagator

INF = math.inf


def propagate(n: Network, **kw):
    net = n.compile()
    prop = Propagator(net, np.ones(net.n_items, dtype=bool))
    return prop.run(np.ones(net.n_items, dtype=bool), **kw)


def close(state, var, lo, hi, rel=1e-9):
    assert state.lo[var] == pytest.approx(lo, rel=rel, abs=1e-12)
    assert state.hi[var] == pytest.approx(hi, rel=rel, abs=1e-12)


# --- product z = k·x·y -----------------------------------------------------------------------


def test_product_forward():
    n = Network()
    z, x, y = n.variable(), n.variable(), n.variable()
    n.product(z, x, y, k=2.0)
    n.fact(x, 1, 2, "x")
    n.fact(y, 3, 4, "y")
    s = propagate(n)
    close(s, z, 2 * 1 * 3, 2 * 2 * 4)  # [6, 16]


def test_product_inverse_narrows_both_factors():
    n = Network()
    z, x, y = n.variable(), n.variable(), n.variable()
    n.product(z, x, y, k=2.0)
    n.fact(z, 10, 12, "z")
    n.fact(x, 1, 2, "x")
    n.fact(y, 3, 4, "y")
    s = propagate(n)
    # x = z/(2y) ∈ [10/8, 12/6] = [1.25, 2]; then y = z/(2x) ∈ [10/4, 12/2.5] = [2.5, 4.8] ∩ [3, 4]
    close(s, x, 1.25, 2)
    close(s, y, 3, 4)
    close(s, z, 10, 12)


def test_product_with_zero_and_infinite_ends():
    n = Network()
    z, x, y = n.variable(), n.variable(), n.variable()
    n.product(z, x, y)
    n.fact(x, 2, 3, "x")
    n.fact(z, 4, 6, "z")  # y unbounded above: y = z/x ∈ [4/3, 6/2]
    s = propagate(n)
    close(s, y, 4 / 3, 3)
    n2 = Network()
    z, x, y = n2.variable(), n2.variable(), n2.variable()
    n2.product(z, x, y)
    n2.fact(z, 0, 0, "z")  # z = 0 says x = 0 or y = 0: nothing an interval can hold
    n2.fact(x, 0, 5, "x")
    s = propagate(n2)
    assert not s.dead.any()
    close(s, x, 0, 5)
    assert s.lo[y] == 0 and s.hi[y] == INF
    n3 = Network()
    z, x, y = n3.variable(), n3.variable(), n3.variable()
    n3.product(z, x, y)
    n3.fact(x, 1, INF, "at least 1")
    n3.fact(y, 2, 3, "y")
    s = propagate(n3)
    close(s, z, 2, INF)


def test_product_domain_is_non_negative():
    n = Network()
    z, x, y = n.variable(), n.variable(), n.variable()
    n.product(z, x, y)
    n.fact(x, -5, 2, "x")
    s = propagate(n)
    assert s.lo[x] == 0 and s.lo[z] == 0


# --- power y = x^n -----------------------------------------------------------------------------


def test_power_both_ways():
    n = Network()
    g, f = n.variable(), n.variable()
    n.power(f, g, 4)
    n.fact(g, 1.0425, 1.0435, "4.3%")
    s = propagate(n)
    # 1.0425² = 1.08680625, squared 1.181147...; 1.0435² = 1.08889225, squared 1.185686...
    close(s, f, 1.08680625**2, 1.08889225**2)
    n2 = Network()
    g, f = n2.variable(), n2.variable()
    n2.power(f, g, 4)
    n2.fact(f, 16, 81, "f")
    s = propagate(n2)
    close(s, g, 2, 3)  # 16^(1/4), 81^(1/4)


# --- cumsum y = Σ x^t ------------------------------------------------------------------------


def test_cumsum_both_ways():
    n = Network()
    g, c = n.variable(), n.variable()
    n.cumsum(c, g, 5)
    n.fact(g, 1.1, 1.1, "10%")
    s = propagate(n)
    close(s, c, 6.71561, 6.71561)  # 1.1 + 1.21 + 1.331 + 1.4641 + 1.61051
    n2 = Network()
    g, c = n2.variable(), n2.variable()
    n2.cumsum(c, g, 2)
    n2.fact(c, 2, 12, "sum")
    s = propagate(n2)
    close(s, g, 1, 3)  # x + x² = 2 at x = 1, = 12 at x = 3


def test_cumsum_arithmetic_edges():
    x = np.array([0.0, 1.0, 1 + 1e-9, 0.5, 2.0, np.inf])
    n = np.full(len(x), 3.0)
    # 0; 3; 3 + 6e-9 (Σ t = 6 is the slope at 1); 0.5+0.25+0.125; 2+4+8; ∞
    expect = [0.0, 3.0, 3 + 6e-9, 0.875, 14.0, np.inf]
    assert cumsum_factor(x, n) == pytest.approx(expect, rel=1e-12)
    y = np.array([0.0, 3.0, 0.875, 14.0, np.inf])
    m = np.full(len(y), 3.0)
    roots = [0.0, 1.0, 0.5, 2.0, np.inf]
    assert cumsum_inverse(y, m, upper=False) == pytest.approx(roots, rel=1e-12)
    assert cumsum_inverse(y, m, upper=True) == pytest.approx(roots, rel=1e-12)


# --- linear Σ c·v = rhs and ≤ -----------------------------------------------------------------


def test_linear_sum_and_its_inverses():
    n = Network()
    z, x, y, w = (n.variable() for _ in range(4))
    n.linear([(z, 1), (x, -1), (y, -1), (w, 1)])  # z = x + y − w
    n.fact(x, 1, 2, "x")
    n.fact(y, 3, 4, "y")
    n.fact(w, 0.5, 1, "w")
    s = propagate(n)
    close(s, z, 1 + 3 - 1, 2 + 4 - 0.5)  # [3, 5.5]
    n.fact(z, 4, 4, "z")
    s = propagate(n)
    # x = z − y + w ∈ [0.5, 2]; y ∈ [2.5, 4]; w = x + y − z ∈ [0, 2]: each ∩ its own fact
    close(s, x, 1, 2)
    close(s, y, 3, 4)
    close(s, w, 0.5, 1)


def test_at_most():
    n = Network()
    x, y = n.variable(), n.variable()
    n.at_most(x, y)
    n.fact(x, 5, 10, "x")
    n.fact(y, 0, 7, "y")
    s = propagate(n)
    close(s, x, 5, 7)
    close(s, y, 5, 7)


def test_linear_with_an_infinite_end():
    n = Network()
    x, y = n.variable(), n.variable()
    n.linear([(x, 1), (y, 1)], rhs=10)
    n.fact(x, 2, INF, "at least 2")
    s = propagate(n)
    assert s.hi[y] == pytest.approx(8) and s.lo[y] == -INF
    assert s.lo[x] == 2 and s.hi[x] == INF


# --- the fixed point ---------------------------------------------------------------------------


def test_contradiction_found_and_frozen():
    n = Network()
    x, y = n.variable(), n.variable()
    n.product(y, x, x, k=2.0)  # y = 2x²
    n.product(x, y, y, k=2.0)  # x = 2y²: only x = y = 0 or x = y = 1/2 … and x ≥ 1 fails
    n.fact(x, 1, 10, "x")
    s = propagate(n)
    assert s.dead.all() and s.empty_var[0] in (x, y)


def test_cycle_terminates_without_false_contradiction():
    # 2015 trade = exports + imports, each tied to 2019 by its own factor, and 2019 the same:
    # the unique solution is only approached geometrically by interval propagation.
    n = Network()
    e15, i15, t15, e19, i19, t19 = (n.variable() for _ in range(6))
    fe, fi, ft = n.variable(), n.variable(), n.variable()
    for a, b, f in ((e15, e19, fe), (i15, i19, fi), (t15, t19, ft)):
        n.product(b, a, f)
    n.linear([(t15, 1), (e15, -1), (i15, -1)])
    n.linear([(t19, 1), (e19, -1), (i19, -1)])
    # true values: e15 = 2, i15 = 3 (t15 = 5); fe = 1.1, fi = 1.3 → e19 = 2.2, i19 = 3.9, t19 = 6.1
    n.fact(fe, 1.1, 1.1, "fe")
    n.fact(fi, 1.3, 1.3, "fi")
    n.fact(ft, 6.1 / 5, 6.1 / 5, "ft")
    n.fact(e19, 2.2, 2.2, "e19")
    s = propagate(n)
    assert not s.dead.any()
    for v, true in ((e15, 2), (i15, 3), (t15, 5), (i19, 3.9), (t19, 6.1)):
        assert s.lo[v] <= true * (1 + 1e-9) and s.hi[v] >= true * (1 - 1e-9)
    assert s.rounds < 1000


def test_slow_contradiction_stops_within_the_round_cap():
    # x = y + 1 and y = x: a contradiction interval propagation only finds a step at a time
    n = Network()
    x, y = n.variable(), n.variable()
    n.linear([(x, 1), (y, -1)], rhs=1)
    n.equal(x, y)
    n.fact(x, 0, 1e6, "x")
    s = propagate(n, max_rounds=500)
    assert s.rounds <= 500  # bounded work; whether it got there does not matter


def test_huge_tiny_zero_and_infinite_bounds():
    n = Network()
    a, b, c, d, e, f = (n.variable() for _ in range(6))
    n.product(c, a, b)  # 1e300 · 1e300 overflows: c ≥ the largest float
    n.power(d, a, 3.0)
    n.product(e, b, f, k=1e-300)
    n.linear([(f, 1e-300), (a, 1e300)], rhs=1e300)
    n.cumsum(f, b, 40)
    n.fact(a, 1e300, 1e300, "huge")
    n.fact(b, 1e300, INF, "huge, at least")
    n.fact(e, 0, 1e-300, "tiny")
    s = propagate(n)
    assert not np.isnan(s.lo).any() and not np.isnan(s.hi).any()
    assert s.lo[c] > 1e307


def test_a_thousand_variable_chain():
    n = Network()
    xs = [n.variable() for _ in range(1000)]
    for a, b in itertools.pairwise(xs):
        n.linear([(b, 1), (a, -1)], rhs=1)  # x_{i+1} = x_i + 1
    n.fact(xs[0], 0, 0, "start")
    s = propagate(n)
    close(s, xs[-1], 999, 999, rel=1e-7)  # each step rounds outward by ~1e-11 of its terms
    n.fact(xs[-1], 999.5, 1000, "end")  # 999 steps of +1 from 0 cannot reach 999.5
    s = propagate(n)
    assert s.dead.all()
    g = Network()
    ys = [g.variable() for _ in range(1000)]
    rate = g.variable()
    g.fact(rate, 1.001, 1.001, "rate")
    for a, b in itertools.pairwise(ys):
        g.product(b, a, rate)
    g.fact(ys[0], 1, 1, "start")
    s = propagate(g)
    close(s, ys[-1], 1.001**999, 1.001**999, rel=1e-7)  # e^(999 × 0.0009995) ≈ 2.71421


def test_no_intermediate_overflow_or_underflow():
    # 2.5 × 1e308 overflows on its own, 2.5 × 1e308 × 1e-300 = 2.5e8 does not
    n = Network()
    z, x, y = n.variable(), n.variable(), n.variable()
    n.product(z, x, y, k=2.5)
    n.fact(x, 1e308, 1e308, "huge")
    n.fact(y, 1e-300, 1e-300, "tiny")
    s = propagate(n)
    close(s, z, 2.5e8, 2.5e8)
    n2 = Network()
    z, x, y = n2.variable(), n2.variable(), n2.variable()
    n2.product(z, x, y, k=2.0)
    n2.fact(z, 1e308, 1e308, "huge")
    n2.fact(x, 1e308, 1e308, "huge")  # y = 1e308 / (2 × 1e308) = 0.5, though 2 × 1e308 = ∞
    s = propagate(n2)
    close(s, y, 0.5, 0.5)
