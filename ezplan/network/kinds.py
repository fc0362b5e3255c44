"""Projections of each constraint kind: every constraint narrows each of its variables through
its exact inverse (HC4 revise), for a whole block of constraints of one kind at once.

Each function takes the current bounds and the indices of the constraints to revise, and returns
(variable, new lower end, new upper end, reason) per projection, ends already widened outward.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ezplan.network import arith
from ezplan.network.compiled import Compiled

Ints = np.ndarray
Floats = np.ndarray


class Narrowing(NamedTuple):
    var: Ints
    lo: Floats
    hi: Floats
    reason: Ints


def _out(var: list[Ints], lo: list[Floats], hi: list[Floats], reason: list[Ints]) -> Narrowing:
    return Narrowing(
        np.concatenate(var),
        arith.widen_lo(np.concatenate(lo)),
        arith.widen_hi(np.concatenate(hi)),
        np.concatenate(reason),
    )


def product(net: Compiled, lo: Floats, hi: Floats, idx: Ints) -> Narrowing:
    """z = k·x·y, x, y, z ≥ 0: z ∈ k·[x]·[y], x ∈ [z]/(k·[y]), y ∈ [z]/(k·[x])."""
    z, x, y, k = net.p_z[idx], net.p_x[idx], net.p_y[idx], net.p_k[idx]
    zl, zh, xl, xh, yl, yh = lo[z], hi[z], lo[x], hi[x], lo[y], hi[y]
    r = net.offsets["product"] + 3 * idx
    return _out(
        [z, x, y],
        [arith.mul_lo(k, xl, yl), arith.div_lo(zl, k, yh), arith.div_lo(zl, k, xh)],
        [arith.mul_hi(k, xh, yh), arith.div_hi(zh, k, yl), arith.div_hi(zh, k, xl)],
        [r, r + 1, r + 2],
    )


def power(net: Compiled, lo: Floats, hi: Floats, idx: Ints) -> Narrowing:
    """y = x^n, x, y ≥ 0: increasing both ways."""
    y, x, n = net.w_y[idx], net.w_x[idx], net.w_n[idx]
    r = net.offsets["power"] + 2 * idx
    inv = 1.0 / n
    return _out(
        [y, x],
        [arith.power(lo[x], n), arith.power(lo[y], inv)],
        [arith.power(hi[x], n), arith.power(hi[y], inv)],
        [r, r + 1],
    )


def cumsum(net: Compiled, lo: Floats, hi: Floats, idx: Ints) -> Narrowing:
    """y = Σ_{t=1..n} x^t, x, y ≥ 0: increasing both ways; the inverse by bisection."""
    y, x, n = net.c_y[idx], net.c_x[idx], net.c_n[idx]
    r = net.offsets["cumsum"] + 2 * idx
    return _out(
        [y, x],
        [arith.cumsum_factor(lo[x], n), arith.cumsum_inverse(lo[y], n, upper=False)],
        [arith.cumsum_factor(hi[x], n), arith.cumsum_inverse(hi[y], n, upper=True)],
        [r, r + 1],
    )


def linear(net: Compiled, lo: Floats, hi: Floats, entries: Ints, n_cons: int, local: Ints):
    """Σ c·v = rhs (or ≤ rhs): each c_j·v_j ∈ rhs − Σ_{k≠j} c_k·[v_k].

    `entries` are the terms to revise, `local` their constraint numbered 0..n_cons−1 (a term
    is revised with all the other terms of its constraint, which must all be in `entries`).
    Infinite ends are counted, not summed, so ∞ − ∞ never happens.
    """
    con = net.e_con[entries]
    v, c = net.e_var[entries], net.e_coef[entries]
    rhs, eq = net.l_rhs[con], net.l_eq[con]
    pos = c > 0
    vl, vh = lo[v], hi[v]
    with np.errstate(over="ignore"):
        # the term c·v as an interval; an infinite end (or one that overflows) is unknown
        raw_lo = np.where(pos, c * np.where(np.isfinite(vl), vl, 0.0), c * _finite(vh))
        raw_hi = np.where(pos, c * _finite(vh), c * _finite(vl))
    inf_lo = ~np.isfinite(raw_lo) | np.where(pos, ~np.isfinite(vl), ~np.isfinite(vh))
    inf_hi = ~np.isfinite(raw_hi) | np.where(pos, ~np.isfinite(vh), ~np.isfinite(vl))
    t_lo = np.where(inf_lo, 0.0, raw_lo)
    t_hi = np.where(inf_hi, 0.0, raw_hi)
    with np.errstate(over="ignore"):
        size = np.bincount(local, np.abs(t_lo) + np.abs(t_hi), n_cons)[local] + np.abs(rhs)
    ok = np.isfinite(size)  # beyond float range the sums say nothing
    size = np.where(ok, size, 0.0)
    sum_lo = np.where(ok, np.bincount(local, t_lo, n_cons)[local], 0.0)
    sum_hi = np.where(ok, np.bincount(local, t_hi, n_cons)[local], 0.0)
    n_inf_lo = np.bincount(local, inf_lo, n_cons)[local] - inf_lo
    n_inf_hi = np.bincount(local, inf_hi, n_cons)[local] - inf_hi
    slack = arith.RTOL * size  # the sums' rounding error is relative to what was summed
    # c_j·v_j ≥ rhs − Σ_{k≠j} upper ends (equalities only) and ≤ rhs − Σ_{k≠j} lower ends;
    # near the float limit these may overflow, to the infinity on the right side
    with np.errstate(over="ignore"):
        want_lo = np.where(ok & eq & (n_inf_hi == 0), rhs - (sum_hi - t_hi) - slack, -np.inf)
        want_hi = np.where(ok & (n_inf_lo == 0), rhs - (sum_lo - t_lo) + slack, np.inf)
    size_c = np.abs(c)
    with np.errstate(over="ignore", under="ignore"):
        v_lo = np.where(pos, want_lo / size_c, -want_hi / size_c)
        v_hi = np.where(pos, want_hi / size_c, -want_lo / size_c)
    return Narrowing(
        v,
        arith.widen_lo(v_lo),
        arith.widen_hi(v_hi),
        net.offsets["linear"] + entries,
    )


def _finite(x: Floats) -> Floats:
    return np.where(np.isfinite(x), x, 0.0)
