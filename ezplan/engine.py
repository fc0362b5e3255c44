"""Compound-growth arithmetic on numpy arrays.

Every function takes arrays (or scalars) and works element-wise. Growth is computed in log space
(`expm1(log(end/base)/n)`), so a rate and the level it implies round-trip to float precision.
Where a value cannot be computed — a zero or negative level, a sign change, a rate at or below
-100% — the result's `ok` is False and its value is 0.0, never NaN, and numpy raises no warning:
inputs are made safe before the arithmetic, not afterwards.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]
Mask = NDArray[np.bool_]


class Computed(NamedTuple):
    """Values with a mask of where they could be computed."""

    value: Array
    ok: Mask


def _f(x: ArrayLike) -> Array:
    return np.asarray(x, dtype=np.float64)


def _positive(x: Array) -> Mask:
    return np.isfinite(x) & (x > 0)


def annual_rate(base: ArrayLike, end: ArrayLike, years: ArrayLike) -> Computed:
    """Average annual growth (水平法): the r with base·(1+r)^years = end.

    `end` may be +inf (an open bound), giving +inf.
    """
    b, e, n = _f(base), _f(end), _f(years)  # the ufuncs broadcast them
    ok = _positive(b) & (e > 0) & ~np.isnan(e) & np.isfinite(n) & (n > 0)
    sb = np.where(ok, b, 1.0)
    se = np.where(ok, e, 1.0)
    sn = np.where(ok, n, 1.0)
    with np.errstate(over="ignore"):  # an open bound's +inf end is a legitimate input
        out = np.expm1((np.log(se) - np.log(sb)) / sn)
    return Computed(np.where(ok, out, 0.0), ok)


def growth_factor(rate: ArrayLike, years: ArrayLike) -> Computed:
    """(1+rate)^years, computed as exp(years·log1p(rate))."""
    r, n = _f(rate), _f(years)  # the ufuncs broadcast them
    ok = np.isfinite(r) & (r > -1) & np.isfinite(n)
    sr = np.where(ok, r, 0.0)
    with np.errstate(over="ignore"):
        out = np.exp(np.where(ok, n, 0.0) * np.log1p(sr))
    return Computed(np.where(ok, out, 0.0), ok)


def rate_from_factor(factor: ArrayLike, years: ArrayLike) -> Computed:
    """The annual rate that compounds to `factor` over `years`."""
    return annual_rate(1.0, factor, years)


def grow(base: ArrayLike, rate: ArrayLike, years: ArrayLike) -> Computed:
    """The level `years` after `base` at `rate` a year."""
    g = growth_factor(rate, years)
    b = _f(base)
    return Computed(np.where(g.ok, b * g.value, 0.0), g.ok & np.isfinite(b))


def base_for(end: ArrayLike, rate: ArrayLike, years: ArrayLike) -> Computed:
    """The base level that grows to `end` at `rate` a year over `years`."""
    g = growth_factor(rate, years)
    ok = g.ok & (g.value > 0)
    e = _f(end)
    return Computed(np.where(ok, e / np.where(ok, g.value, 1.0), 0.0), ok & np.isfinite(e))


def path(base: ArrayLike, end: ArrayLike, years: int) -> Computed:
    """Levels year by year from base to end at a constant rate; shape (n, years+1).

    The first and last columns are exactly `base` and `end`.
    """
    b = np.atleast_1d(_f(base))
    e = np.atleast_1d(_f(end))
    b, e = np.broadcast_arrays(b, e)
    ok = _positive(b) & _positive(e)
    sb = np.where(ok, b, 1.0)
    se = np.where(ok, e, 1.0)
    t = np.arange(years + 1, dtype=np.float64) / years
    out = sb[:, None] * np.exp(np.outer(np.log(se) - np.log(sb), t))
    out[:, 0] = sb
    out[:, -1] = se
    return Computed(np.where(ok[:, None], out, 0.0), ok)


def path_at_rate(base: ArrayLike, rate: ArrayLike, years: int) -> Computed:
    """Levels year by year from base at `rate` a year; shape (n, years+1)."""
    b = np.atleast_1d(_f(base))
    r = np.atleast_1d(_f(rate))
    b, r = np.broadcast_arrays(b, r)
    t = np.arange(years + 1, dtype=np.float64)
    g = growth_factor(r[:, None], t[None, :])
    ok = g.ok.all(axis=1) & np.isfinite(b)
    return Computed(np.where(ok[:, None], b[:, None] * g.value, 0.0), ok)


def paths_at_rate(base: ArrayLike, rate: ArrayLike, years: ArrayLike) -> list[Array | None]:
    """`path_at_rate` of each element over its own number of years (elements with the same
    number computed together); None where the path cannot be computed."""
    b, r = np.atleast_1d(_f(base)), np.atleast_1d(_f(rate))
    n = np.atleast_1d(np.asarray(years, dtype=np.int64))
    out: list[Array | None] = [None] * len(n)
    for k in sorted(set(n.tolist())):  # not np.unique: it imports numpy.ma (6 ms)
        (idx,) = np.nonzero(n == k)
        p = path_at_rate(b[idx], r[idx], int(k))
        for j, i in enumerate(idx):
            if p.ok[j]:
                out[i] = p.value[j]
    return out


def cumulative_factor(rate: ArrayLike, years: ArrayLike) -> Computed:
    """Σ_{t=1..years} (1+rate)^t: what a base-year amount of 1 sums to over the period (累计法)."""
    r, n = _f(rate), _f(years)  # the ufuncs broadcast them
    ok = np.isfinite(r) & (r > -1) & np.isfinite(n) & (n >= 1)
    g = np.log1p(np.where(ok, r, 0.0))
    sn = np.where(ok, n, 1.0)
    small = np.abs(g) < 1e-12
    denom = np.where(small, 1.0, np.expm1(g))
    with np.errstate(over="ignore"):
        geometric = np.exp(g) * np.expm1(sn * g) / denom
    out = np.where(small, sn * (1 + (sn + 1) / 2 * g), geometric)
    return Computed(np.where(ok, out, 0.0), ok)


def cumulative_total(base: ArrayLike, rate: ArrayLike, years: ArrayLike) -> Computed:
    """The sum over the period of amounts growing from `base` (base year excluded)."""
    c = cumulative_factor(rate, years)
    b = _f(base)
    with np.errstate(over="ignore"):  # a sum past the largest float is +inf, as a factor may be
        total = b * c.value
    return Computed(np.where(c.ok, total, 0.0), c.ok & np.isfinite(b))


def cumulative_base(total: ArrayLike, rate: ArrayLike, years: ArrayLike) -> Computed:
    """The base-year amount that, growing at `rate`, sums to `total` over the period."""
    c = cumulative_factor(rate, years)
    ok = c.ok & (c.value > 0)
    t = _f(total)
    return Computed(np.where(ok, t / np.where(ok, c.value, 1.0), 0.0), ok & ~np.isnan(t))


def cumulative_rate(base: ArrayLike, total: ArrayLike, years: ArrayLike) -> Computed:
    """Solve Σ base·(1+r)^t = total for r (累计法), by bisection on all elements at once.

    The sum rises monotonically with r for a positive base, so the root is unique. Each element
    stops when its own bracket is narrow enough, so its value does not depend on the others
    solved with it (one at a time or a thousand, the same digits).
    """
    b, s, n = np.broadcast_arrays(_f(base), _f(total), _f(years))
    ok = _positive(b) & _positive(s) & np.isfinite(n) & (n >= 1)
    b = np.where(ok, b, 1.0)
    s = np.where(ok, s, 1.0)
    n = np.where(ok, n, 1.0)
    lo = np.full(b.shape, -0.999999)
    hi = np.ones(b.shape)
    for _ in range(60):  # widen the bracket until the sum at hi reaches the total
        short = _total_of_valid(b, hi, n) < s
        if not short.any():
            break
        hi = np.where(short, hi * 2 + 1, hi)
    active = np.ones(b.shape, dtype=bool)
    for _ in range(200):
        mid = (lo + hi) / 2
        taken = active & (_total_of_valid(b, mid, n) >= s)  # mid at or above the root
        hi = np.where(taken, mid, hi)
        lo = np.where(active ^ taken, mid, lo)  # active, and mid below the root
        active &= hi - lo > 1e-15 * np.maximum(1.0, np.abs(hi))
        if not active.any():
            break
    return Computed(np.where(ok, (lo + hi) / 2, 0.0), ok)


def _total_of_valid(base: Array, rate: Array, years: Array) -> Array:
    """`cumulative_total(base, rate, years).value` where every input is valid (a positive
    finite base, a rate above -1, years ≥ 1): the same operations on the same values, so the
    same bits, without the masks — the bisection above calls it some sixty times. A rate within
    1e-12 of 0 is rare: without one, only the series' own form is computed (all that
    `np.where` would take of the two)."""
    g = np.log1p(rate)
    small = np.abs(g) < 1e-12
    if not small.any():
        denom = np.expm1(g)
        with np.errstate(over="ignore"):
            return base * (np.exp(g) * np.expm1(years * g) / denom)
    denom = np.where(small, 1.0, np.expm1(g))
    with np.errstate(over="ignore"):
        geometric = np.exp(g) * np.expm1(years * g) / denom
        return base * np.where(small, years * (1 + (years + 1) / 2 * g), geometric)


def rate_interval(
    base_lo: ArrayLike, base_hi: ArrayLike, end_lo: ArrayLike, end_hi: ArrayLike, years: ArrayLike
) -> tuple[Computed, Computed]:
    """Lowest and highest annual rate over all levels in the two intervals.

    The rate falls as the base rises and rises with the end, so the extremes are at the corners.
    """
    return annual_rate(base_hi, end_lo, years), annual_rate(base_lo, end_hi, years)
