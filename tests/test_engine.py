"""Compound-growth arithmetic: hand values, and properties over many inputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ezplan import engine

levels = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False)
rates = st.floats(min_value=-0.9, max_value=3.0, allow_nan=False)
years = st.integers(min_value=1, max_value=40)


def test_hand_values():
    # (500 / 326.57) ** (1/5) - 1 = 0.088927 (by hand: ln(1.531065) = 0.425965, /5 = 0.085193)
    assert float(engine.annual_rate(326.57, 500, 5).value) == pytest.approx(0.0889269, abs=1e-7)
    # 326.57 × 1.1^5 = 326.57 × 1.61051 = 525.944...
    assert float(engine.grow(326.57, 0.10, 5).value) == pytest.approx(525.9442, abs=1e-4)
    # Σ 1.1^t, t=1..5 = 1.1 + 1.21 + 1.331 + 1.4641 + 1.61051 = 6.71561
    assert float(engine.cumulative_factor(0.10, 5).value) == pytest.approx(6.71561)
    # 3.2 / 6.71561 = 0.476502
    assert float(engine.cumulative_base(3.2, 0.10, 5).value) == pytest.approx(0.476502, abs=1e-6)
    assert float(engine.cumulative_factor(0.0, 4).value) == 4.0


def test_arrays_in_arrays_out():
    r = engine.annual_rate([100, 100, 100], [200, 100, 50], [1, 1, 1])
    assert r.value.tolist() == pytest.approx([1.0, 0.0, -0.5])
    assert r.ok.all()


def test_not_computable_is_flagged_never_nan_nor_warned():
    with np.errstate(all="raise"):  # any floating-point warning would raise here
        r = engine.annual_rate([0, -5, 10, 10], [10, 10, -1, 0], 5)
        g = engine.growth_factor([-1.0, -2.0], 3)
        c = engine.cumulative_rate([0.0, 1.0], [5.0, -1.0], 5)
        p = engine.path([0.0, 1.0], [1.0, -1.0], 4)
    assert not r.ok.any() and not np.isnan(r.value).any()
    assert not g.ok.any() and not np.isnan(g.value).any()
    assert not c.ok.any() and not np.isnan(c.value).any()
    assert not p.ok.any() and not np.isnan(p.value).any()


def test_a_total_near_the_largest_float_is_solved_without_warning():
    """Widening the bracket overshoots: a trial sum past the largest float is +inf, not a
    warning, and the rate found sums back to the total."""
    with np.errstate(all="raise"):
        c = engine.cumulative_rate([1.0, 1e9], [1e300, 1.7e308], 60)
        assert float(engine.cumulative_total(1164971151.0, 1164971130.0, 33).value) == np.inf
        back = engine.cumulative_total([1.0, 1e9], c.value, 60).value
    assert c.ok.all()
    assert back == pytest.approx([1e300, 1.7e308], rel=1e-9)


def test_open_bound_gives_infinite_rate_without_warning():
    with np.errstate(all="raise"):
        r = engine.annual_rate(100.0, np.inf, 5)
    assert r.ok and np.isinf(r.value)


@given(levels, levels, years)
def test_rate_round_trip(base, end, n):
    # A rate near -100% cannot carry (1 + r) to full precision: keep to what plans state.
    assume(1e-3 <= end / base <= 1e4)
    r = engine.annual_rate(base, end, n)
    back = engine.grow(base, r.value, n)
    assert float(back.value) == pytest.approx(end, rel=1e-11)


@given(levels, levels, years)
def test_path_endpoints_are_exact_and_steps_constant(base, end, n):
    p = engine.path([base], [end], n).value[0]
    assert p[0] == base and p[-1] == end
    ratios = p[1:] / p[:-1]
    assert np.allclose(ratios, ratios[0], rtol=1e-9)
    assert np.all(np.diff(p) >= 0) if end >= base else np.all(np.diff(p) <= 0)


@given(levels, st.lists(levels, min_size=2, max_size=10), years)
def test_rate_rises_with_the_end_level(base, ends, n):
    ends = np.sort(np.array(ends))
    r = engine.annual_rate(base, ends, n).value
    assert np.all(np.diff(r) >= -1e-15)


@given(st.lists(levels, min_size=2, max_size=10), levels, years)
def test_rate_falls_with_the_base_level(bases, end, n):
    bases = np.sort(np.array(bases))
    r = engine.annual_rate(bases, end, n).value
    assert np.all(np.diff(r) <= 1e-15)


@given(levels, rates, years)
def test_cumulative_sum_matches_a_plain_loop(a0, r, n):
    # a different formula: the sum written out term by term
    plain = sum(a0 * (1 + r) ** t for t in range(1, n + 1))
    assert float(engine.cumulative_total(a0, r, n).value) == pytest.approx(plain, rel=1e-9)


@settings(max_examples=60)
@given(levels, st.floats(min_value=-0.5, max_value=1.0), st.integers(min_value=1, max_value=15))
def test_cumulative_rate_round_trip(a0, r, n):
    total = float(engine.cumulative_total(a0, r, n).value)
    solved = engine.cumulative_rate(a0, total, n)
    assert solved.ok
    assert float(solved.value) == pytest.approx(r, abs=1e-9)


def test_path_at_rate_matches_compounding():
    p = engine.path_at_rate([100.0], [0.1], 3).value[0]
    assert p.tolist() == pytest.approx([100, 110, 121, 133.1])


def test_rate_interval_corners():
    lo, hi = engine.rate_interval(99, 101, 199, 201, 1)
    # lowest: 199/101 - 1 = 0.970297; highest: 201/99 - 1 = 1.030303
    assert float(lo.value) == pytest.approx(0.970297, abs=1e-6)
    assert float(hi.value) == pytest.approx(1.030303, abs=1e-6)


def test_an_interval_narrower_than_its_digits_is_one_value():
    """5548元 → 10065元 over five years allows 12.648%–12.649% a year: at two decimals that is
    12.65%, said once, never [12.65%, 12.65%]."""
    from ezplan import fmt

    assert fmt.interval(0.126481, 0.126489, lambda x: fmt.rate(x, 2)) == "12.65%"
    assert fmt.interval(0.0950, 0.1050, lambda x: fmt.rate(x, 2)) == "[9.50%, 10.50%]"
