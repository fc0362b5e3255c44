"""Projections of each constraint kind: every constraint narrows each of its variables through
its exact inverse (HC4 revise), for a whole block of constraints of one kind at once.

Each function takes the network's Layout, the current bounds and the indices of the constraints
to revise, and returns (variable, new lower end, new upper end, reason) per projection, ends
already widened outward. A kind's projections are computed together where their arithmetic is
the same (the two quotients of a product), as rows of one array: numpy's cost is per call.
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


class Layout:
    """What the projections of one network read that no propagation changes, laid out for
    them: each nonlinear constraint's variables and reasons as rows (one per projection),
    its constant's mantissa and exponent, and each linear term's constraint's constants."""

    def __init__(self, net: Compiled) -> None:
        self.net = net
        o = net.offsets
        self.p_var = np.stack([net.p_z, net.p_x, net.p_y])
        self.p_reason = o["product"] + 3 * np.arange(len(net.p_z)) + np.arange(3)[:, None]
        self.p_km, self.p_ke = np.frexp(net.p_k)  # arith.Split
        self.w_var = np.stack([net.w_y, net.w_x])
        self.w_reason = o["power"] + 2 * np.arange(len(net.w_y)) + np.arange(2)[:, None]
        self.w_inv = 1.0 / net.w_n
        self.c_var = np.stack([net.c_y, net.c_x])
        self.c_reason = o["cumsum"] + 2 * np.arange(len(net.c_y)) + np.arange(2)[:, None]
        self.e_rhs = net.l_rhs[net.e_con]
        self.e_eq = net.l_eq[net.e_con]
        self.e_pos = net.e_coef > 0
        self.e_size = np.abs(net.e_coef)


def product(lay: Layout, lo: Floats, hi: Floats, idx: Ints) -> Narrowing:
    """z = k·x·y, x, y, z ≥ 0: z ∈ k·[x]·[y], x ∈ [z]/(k·[y]), y ∈ [z]/(k·[x])."""
    var = lay.p_var.take(idx, axis=1)
    low, high = lo[var], hi[var]  # rows z, x, y
    k = lay.p_km[idx], lay.p_ke[idx]
    out_lo = np.empty_like(low)
    out_hi = np.empty_like(high)
    out_lo[0] = arith.mul_lo(k, low[1], low[2])
    out_hi[0] = arith.mul_hi(k, high[1], high[2])
    # x and y at once: [z] / (k·[y]) and [z] / (k·[x])
    out_lo[1:] = arith.div_lo(low[0], k, high[2:0:-1])
    out_hi[1:] = arith.div_hi(high[0], k, low[2:0:-1])
    return Narrowing(
        var.ravel(),
        arith.widen_lo(out_lo.ravel()),
        arith.widen_hi(out_hi.ravel()),
        lay.p_reason.take(idx, axis=1).ravel(),
    )


def power(lay: Layout, lo: Floats, hi: Floats, idx: Ints) -> Narrowing:
    """y = x^n, x, y ≥ 0: increasing both ways."""
    var = lay.w_var.take(idx, axis=1)
    low, high = lo[var[::-1]], hi[var[::-1]]  # rows x, y
    n = np.stack([lay.net.w_n[idx], lay.w_inv[idx]])
    return Narrowing(
        var.ravel(),
        arith.widen_lo(arith.power(low, n).ravel()),
        arith.widen_hi(arith.power(high, n).ravel()),
        lay.w_reason.take(idx, axis=1).ravel(),
    )


def cumsum(lay: Layout, lo: Floats, hi: Floats, idx: Ints) -> Narrowing:
    """y = Σ_{t=1..n} x^t, x, y ≥ 0: increasing both ways; the inverse by bisection."""
    y, x = lay.c_var.take(idx, axis=1)
    n = lay.net.c_n[idx]
    return Narrowing(
        np.concatenate([y, x]),
        arith.widen_lo(
            np.concatenate(
                [arith.cumsum_factor(lo[x], n), arith.cumsum_inverse(lo[y], n, upper=False)]
            )
        ),
        arith.widen_hi(
            np.concatenate(
                [arith.cumsum_factor(hi[x], n), arith.cumsum_inverse(hi[y], n, upper=True)]
            )
        ),
        lay.c_reason.take(idx, axis=1).ravel(),
    )


def linear(lay: Layout, lo: Floats, hi: Floats, entries: Ints, n_cons: int, local: Ints):
    """Σ c·v = rhs (or ≤ rhs): each c_j·v_j ∈ rhs − Σ_{k≠j} c_k·[v_k].

    `entries` are the terms to revise, `local` their constraint numbered 0..n_cons−1, not
    necessarily all present (a term is revised with all the other terms of its constraint,
    which must all be in `entries`).
    Infinite ends are counted, not summed, so ∞ − ∞ never happens.
    """
    net = lay.net
    v, c = net.e_var[entries], net.e_coef[entries]
    rhs, eq, pos = lay.e_rhs[entries], lay.e_eq[entries], lay.e_pos[entries]
    vl, vh = lo[v], hi[v]
    # the term c·v as an interval: its lower end from `near`, its upper from `far`; an
    # infinite end (or one that overflows) is unknown
    near, far = np.where(pos, vl, vh), np.where(pos, vh, vl)
    fin_near, fin_far = np.isfinite(near), np.isfinite(far)
    with np.errstate(over="ignore"):
        raw_lo = c * np.where(fin_near, near, 0.0)
        raw_hi = c * np.where(fin_far, far, 0.0)
    inf_lo = ~(fin_near & np.isfinite(raw_lo))
    inf_hi = ~(fin_far & np.isfinite(raw_hi))
    t_lo = np.where(inf_lo, 0.0, raw_lo)
    t_hi = np.where(inf_hi, 0.0, raw_hi)
    with np.errstate(over="ignore"):
        size = np.bincount(local, np.abs(t_lo) + np.abs(t_hi), n_cons)[local] + np.abs(rhs)
    sum_lo = np.bincount(local, t_lo, n_cons)[local]
    sum_hi = np.bincount(local, t_hi, n_cons)[local]
    # where no other term's end is infinite: the constraint's count is the term's own
    others_fin_lo = np.bincount(local, inf_lo, n_cons)[local] == inf_lo
    others_fin_hi = np.bincount(local, inf_hi, n_cons)[local] == inf_hi
    ok = np.isfinite(size)  # beyond float range the sums say nothing
    if not ok.all():
        size = np.where(ok, size, 0.0)
        sum_lo, sum_hi = np.where(ok, sum_lo, 0.0), np.where(ok, sum_hi, 0.0)
        others_fin_lo &= ok
        others_fin_hi &= ok
    slack = arith.RTOL * size  # the sums' rounding error is relative to what was summed
    # c_j·v_j ≥ rhs − Σ_{k≠j} upper ends (equalities only) and ≤ rhs − Σ_{k≠j} lower ends;
    # near the float limit these may overflow, to the infinity on the right side
    with np.errstate(over="ignore", under="ignore"):
        want_lo = np.where(eq & others_fin_hi, rhs - (sum_hi - t_hi) - slack, -np.inf)
        want_hi = np.where(others_fin_lo, rhs - (sum_lo - t_lo) + slack, np.inf)
        # v's ends: c·v's divided by |c| (a negative c swaps them)
        size_c = lay.e_size[entries]
        v_lo = np.where(pos, want_lo, -want_hi) / size_c
        v_hi = np.where(pos, want_hi, -want_lo) / size_c
    return Narrowing(
        v,
        arith.widen_lo(v_lo),
        arith.widen_hi(v_hi),
        net.offsets["linear"] + entries,
    )
