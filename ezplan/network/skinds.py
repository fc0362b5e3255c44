"""kinds.py for one constraint at a time: its projections on Python floats, widened outward.

Each function takes the constraint's constants and its variables' ends and returns the new
ends of its variables, computed as kinds.py computes them (with sarith's operations, so to the
bit). Products and linear constraints are remembered by their inputs — they depend on nothing
else, and a search revises the same constraint from the same ends again and again.
"""

from __future__ import annotations

import math

from ezplan.network import sarith

_isfinite = math.isfinite
_INF = math.inf
_MEMO_MAX = 1 << 14  # entries per memo before it is emptied (bounded memory)
_products: dict[tuple, tuple] = {}
_linears: dict[tuple, tuple] = {}

Ends = tuple[float, ...]


def product(k: float, xl: float, yl: float, xh: float, yh: float, zl: float, zh: float) -> Ends:
    """z = k·x·y: the ends of z, x and y (lo, hi each)."""
    key = (k, xl, yl, xh, yh, zl, zh)
    out = _products.get(key)
    if out is None:
        if len(_products) >= _MEMO_MAX:
            _products.clear()
        wl, wh, div_lo, div_hi = sarith.widen_lo, sarith.widen_hi, sarith.div_lo, sarith.div_hi
        out = _products[key] = (
            wl(sarith.mul_lo(k, xl, yl)),
            wh(sarith.mul_hi(k, xh, yh)),
            wl(div_lo(zl, k, yh)),
            wh(div_hi(zh, k, yl)),
            wl(div_lo(zl, k, xh)),
            wh(div_hi(zh, k, xl)),
        )
    return out


def power(n: float, inv: float, xl: float, xh: float, yl: float, yh: float) -> Ends:
    """y = x^n (inv = 1/n): the ends of y, then of x."""
    wl, wh, pw = sarith.widen_lo, sarith.widen_hi, sarith.power
    return wl(pw(xl, n)), wh(pw(xh, n)), wl(pw(yl, inv)), wh(pw(yh, inv))


def cumsum(n: float, xl: float, xh: float, yl: float, yh: float) -> Ends:
    """y = Σ_{t=1..n} x^t: the ends of y, then of x."""
    wl, wh = sarith.widen_lo, sarith.widen_hi
    factor, inverse = sarith.cumsum_factor, sarith.cumsum_inverse
    return (
        wl(factor(xl, n)),
        wh(factor(xh, n)),
        wl(inverse(yl, n, False)),
        wh(inverse(yh, n, True)),
    )


def linear(coefs: tuple[float, ...], rhs: float, eq: bool, ends: Ends) -> tuple[Ends, ...]:
    """Σ c·v = rhs (or ≤ rhs): each term's (lo, hi) from the others' (kinds.linear: an infinite
    or overflowing end is counted, not summed; the sums accumulate in term order). `ends` holds
    each term's variable's lower and upper end in turn."""
    key = (coefs, rhs, eq, ends)
    out = _linears.get(key)
    if out is None:
        if len(_linears) >= _MEMO_MAX:
            _linears.clear()
        out = _linears[key] = _linear(coefs, rhs, eq, ends)
    return out


def _linear(coefs: tuple[float, ...], rhs: float, eq: bool, ends: Ends) -> tuple[Ends, ...]:
    terms = []
    size = sum_lo = sum_hi = 0.0
    n_lo = n_hi = 0
    for c, v_lo, v_hi in zip(coefs, ends[0::2], ends[1::2], strict=True):
        a, b = (v_lo, v_hi) if c > 0 else (v_hi, v_lo)
        fa, fb = _isfinite(a), _isfinite(b)
        t_lo, t_hi = c * a if fa else 0.0, c * b if fb else 0.0
        inf_lo, inf_hi = not fa or not _isfinite(t_lo), not fb or not _isfinite(t_hi)
        if inf_lo:
            t_lo, n_lo = 0.0, n_lo + 1
        if inf_hi:
            t_hi, n_hi = 0.0, n_hi + 1
        size += abs(t_lo) + abs(t_hi)
        sum_lo += t_lo
        sum_hi += t_hi
        terms.append((c, t_lo, t_hi, inf_lo, inf_hi))
    size = size + abs(rhs)
    ok = _isfinite(size)
    if not ok:
        size = sum_lo = sum_hi = 0.0
    slack = sarith.RTOL * size
    wl, wh = sarith.widen_lo, sarith.widen_hi
    out = []
    for c, t_lo, t_hi, inf_lo, inf_hi in terms:
        want_lo = rhs - (sum_hi - t_hi) - slack if ok and eq and n_hi == inf_hi else -_INF
        want_hi = rhs - (sum_lo - t_lo) + slack if ok and n_lo == inf_lo else _INF
        if c > 0:
            out.append((wl(want_lo / c), wh(want_hi / c)))
        else:
            out.append((wl(-want_hi / -c), wh(-want_lo / -c)))
    return tuple(out)
