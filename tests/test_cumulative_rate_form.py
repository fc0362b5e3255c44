"""The bisection of `engine.cumulative_rate` against the form it had before its steps were
pared down (one mask fewer a step, the near-zero branch of the sum only where a rate needs it):
the same numbers to the bit, on any input."""

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from ezplan import engine


def _reference_rate(base, total, years):
    """cumulative_rate as it was written first: both masks each step, both branches each sum."""

    def total_of(b, rate, n):
        g = np.log1p(rate)
        small = np.abs(g) < 1e-12
        denom = np.where(small, 1.0, np.expm1(g))
        with np.errstate(over="ignore"):
            geometric = np.exp(g) * np.expm1(n * g) / denom
            return b * np.where(small, n * (1 + (n + 1) / 2 * g), geometric)

    b, s, n = np.broadcast_arrays(*(np.asarray(x, dtype=float) for x in (base, total, years)))
    ok = np.isfinite(b) & (b > 0) & np.isfinite(s) & (s > 0) & np.isfinite(n) & (n >= 1)
    b, s, n = np.where(ok, b, 1.0), np.where(ok, s, 1.0), np.where(ok, n, 1.0)
    lo, hi = np.full(b.shape, -0.999999), np.ones(b.shape)
    for _ in range(60):
        short = total_of(b, hi, n) < s
        if not short.any():
            break
        hi = np.where(short, hi * 2 + 1, hi)
    active = np.ones(b.shape, dtype=bool)
    for _ in range(200):
        mid = (lo + hi) / 2
        above = total_of(b, mid, n) >= s
        hi = np.where(active & above, mid, hi)
        lo = np.where(active & ~above, mid, lo)
        active &= hi - lo > 1e-15 * np.maximum(1.0, np.abs(hi))
        if not active.any():
            break
    return np.where(ok, (lo + hi) / 2, 0.0), ok


@given(
    st.lists(
        st.tuples(
            st.floats(1e-6, 1e12),  # a base
            st.one_of(  # a total: near the base (a rate near zero), ordinary, huge, or invalid
                st.floats(0.9, 1.1),
                st.floats(0.01, 100.0),
                st.floats(100.0, 1e200),
                st.sampled_from([0.0, -1.0]),
            ),
            st.integers(1, 30),
        ),
        min_size=1,
        max_size=12,
    )
)
@example([(1.0, 1.0, 5)])  # 0% a year exactly: the series' near-zero branch
@example([(100.0, 1.0, 1), (1.0, 1.0, 1)])
def test_cumulative_rate_is_its_first_form_to_the_bit(cases):
    base = np.array([c[0] for c in cases])
    total = base * np.array([c[1] for c in cases]) * np.array([c[2] for c in cases])
    years = np.array([c[2] for c in cases], dtype=float)
    with np.errstate(all="raise"):
        got = engine.cumulative_rate(base, total, years)
        value, ok = _reference_rate(base, total, years)
    assert got.value.tobytes() == value.tobytes()
    assert (got.ok == ok).all()
