"""Interval arithmetic pieces on numpy arrays: outward rounding and the inverse of the 累计法 sum.

Everything is element-wise and safe on 0 and ±∞: operands are made harmless before the
arithmetic (never afterwards), so no NaN appears and numpy raises no warning. Overflow to ∞ is
silenced where it is a correct answer — and arranged never to happen in an intermediate step of
a result that is itself in range, since a lower end of ∞ would be a false one.
"""

from __future__ import annotations

import numpy as np

RTOL = 2.0**-36
"""Relative widening of every computed bound (≈1.5e-11): covers the few ulps log, exp and pow
may be off, so float noise never turns into a contradiction."""
TINY = 1e-300
BIG = float(np.finfo(np.float64).max)

Floats = np.ndarray


def widen_lo(x: Floats) -> Floats:
    """A lower bound moved outward by RTOL; +∞ (an overflow: the value is beyond every float)
    becomes the largest float."""
    with np.errstate(over="ignore", invalid="ignore"):  # +∞ − ∞ is replaced below
        out = x - (np.abs(x) * RTOL + TINY)  # −∞ stays −∞
    overflow = x == np.inf
    return np.where(overflow, BIG, out) if overflow.any() else out


def widen_hi(x: Floats) -> Floats:
    """An upper bound moved outward by RTOL; −∞ becomes the lowest float."""
    with np.errstate(over="ignore", invalid="ignore"):  # −∞ + ∞ is replaced below
        out = x + (np.abs(x) * RTOL + TINY)  # +∞ stays +∞
    overflow = x == -np.inf
    return np.where(overflow, -BIG, out) if overflow.any() else out


Split = tuple[Floats, np.ndarray]
"""A constant factor k > 0 as np.frexp gives it (mantissa, exponent): made once per network."""


def _product(k: Split, a: Floats, b: Floats) -> Floats:
    """k·a·b for finite k, a, b ≥ 0 that overflows to ∞ only if the result does: mantissas and
    exponents multiply apart, so no intermediate product overflows (2.5 × 1e308 × 1e-300)."""
    mk, ek = k
    ma, ea = np.frexp(a)
    mb, eb = np.frexp(b)
    with np.errstate(over="ignore", under="ignore"):
        return np.ldexp(mk * ma * mb, ek + ea + eb)


def _quotient(num: Floats, k: Split, den: Floats) -> Floats:
    """num / (k·den) for finite num ≥ 0 and k, den > 0, without intermediate overflow."""
    mn, en = np.frexp(num)
    mk, ek = k
    md, ed = np.frexp(den)
    with np.errstate(over="ignore", under="ignore"):
        return np.ldexp(mn / (mk * md), en - ek - ed)


def mul_lo(k: Split, a: Floats, b: Floats) -> Floats:
    """Lower end of k·a·b for lower ends a, b ≥ 0 (finite)."""
    return _product(k, a, b)


def mul_hi(k: Split, a: Floats, b: Floats) -> Floats:
    """Upper end of k·a·b for upper ends a, b ≥ 0 (0·∞ = 0: a factor that is 0 wins)."""
    zero = (a == 0) | (b == 0)
    fin = np.isfinite(a) & np.isfinite(b)
    prod = _product(k, np.where(fin, a, 0.0), np.where(fin, b, 0.0))
    return np.where(zero, 0.0, np.where(fin, prod, np.inf))


def div_lo(num: Floats, k: Split, den: Floats) -> Floats:
    """Lower end of num / (k·den), num ≥ 0 a lower end, den an upper end; 0 if unknown."""
    ok = np.isfinite(num) & np.isfinite(den) & (den > 0)
    q = _quotient(np.where(ok, num, 0.0), k, np.where(ok, den, 1.0))
    return np.where(ok, q, 0.0)


def div_hi(num: Floats, k: Split, den: Floats) -> Floats:
    """Upper end of num / (k·den), num ≥ 0 an upper end, den a lower end; ∞ if unknown."""
    ok = np.isfinite(num) & (den > 0)
    q = _quotient(np.where(ok, num, 0.0), k, np.where(ok, den, 1.0))
    return np.where(ok, q, np.inf)


def power(x: Floats, n: Floats) -> Floats:
    """x**n for x ≥ 0 (∞ stays ∞)."""
    with np.errstate(over="ignore", under="ignore"):
        return np.power(x, n)


def cumsum_factor(x: Floats, n: Floats) -> Floats:
    """Σ_{t=1..n} x^t for x ≥ 0, increasing in x; ∞ for x = ∞ (and on overflow)."""
    fin = np.isfinite(x)
    xs = np.where(fin, x, 2.0)
    d = xs - 1.0
    near = np.abs(d) < 1e-3
    with np.errstate(over="ignore", under="ignore"):
        lx = np.log(np.where(xs > 0, xs, 1.0))
        # x^n·x/(x−1), in an order that overflows only when the sum itself does
        out = np.expm1(n * lx) * (xs / np.where(near, 1.0, d))
    if near.any():
        out[near] = _near_one(n[near], d[near])
    out = np.where(xs > 0, out, 0.0)
    return np.where(fin, out, np.inf)


def _near_one(n: Floats, d: Floats) -> Floats:
    """Σ_{t=1..n} (1+d)^t = n + Σ_{k≥1} C(n+1, k+1)·d^k, to float precision for |d| < 1e-3."""
    total = n + 0.0 * d
    coef = (n + 1.0) * n / 2.0  # C(n+1, 2)
    power_of_d = d
    for k in range(1, 7):
        total = total + coef * power_of_d
        coef = coef * (n - k) / (k + 2)  # C(n+1, k+2)
        power_of_d = power_of_d * d
    return total


ROOTS: dict[bool, dict[tuple[float, float], float]] = {False: {}, True: {}}
"""cumsum_inverse's results by `upper`, then (y, n), shared with sarith: a search asks for the
same roots again and again, and each element's root depends on that element alone."""
ROOTS_MAX = 1 << 15


def cumsum_inverse(y: Floats, n: Floats, upper: bool) -> Floats:
    """_cumsum_inverse, remembered element by element (ROOTS)."""
    memo = ROOTS[upper]
    keys = list(zip(y.tolist(), n.tolist(), strict=True))
    out = list(map(memo.get, keys))
    if None in out:
        missing = [i for i, x in enumerate(out) if x is None]
        if len(memo) + len(missing) > ROOTS_MAX:
            memo.clear()
        roots = _cumsum_inverse(y[missing], n[missing], upper).tolist()
        for i, x in zip(missing, roots, strict=True):
            out[i] = memo[keys[i]] = x
    return np.array(out, dtype=float)


def _cumsum_inverse(y: Floats, n: Floats, upper: bool) -> Floats:
    """The x ≥ 0 with Σ_{t=1..n} x^t = y, bracketed: the bracket's lower end (a lower bound of
    the root) or, with `upper`, its upper end. y = ∞ gives ∞, y ≤ 0 gives 0.

    The bracket starts from Σ x^t ≥ max(x, x^n) (an upper end) and Σ x^t ≤ n·max(x, x^n) (a
    lower end) and shrinks by regula falsi (Illinois), which keeps it a bracket throughout.
    """
    fin = np.isfinite(y)
    pos = fin & (y > 0)
    ys = np.where(pos, y, 1.0)
    ns = np.where(pos, n, 1.0)
    with np.errstate(over="ignore", under="ignore"):
        b = np.minimum(ys, np.power(ys, 1.0 / ns))
        q = ys / ns
        a = np.minimum(q, np.power(q, 1.0 / ns))
        fa = cumsum_factor(a, ns) - ys
        fb = cumsum_factor(b, ns) - ys
        side = np.zeros(len(ys), dtype=np.int8)
        live = np.arange(len(ys))  # the brackets still open: a closed one never reopens
        for _ in range(60):
            la, lb, lfa, lfb = a[live], b[live], fa[live], fb[live]
            la, lb = _close(la, lb, lfa, lfb)
            a[live], b[live] = la, lb
            open_ = (lb - la > 4e-16 * lb) & (lfa < 0) & (lfb > 0)
            if not open_.any():
                break
            live = live[open_]
            la, lb, lfa, lfb, lside = la[open_], lb[open_], lfa[open_], lfb[open_], side[live]
            # the secant where both ends' values are finite, else the midpoint
            secant = np.isfinite(lfb)
            span = np.where(secant, lfb - lfa, 1.0)
            c = np.where(
                secant, lb - np.where(secant, lfb, 0.0) * (lb - la) / span, la + (lb - la) / 2
            )
            c = np.clip(c, la, lb)
            fc = cumsum_factor(c, ns[live]) - ys[live]
            right, left = fc >= 0, fc < 0
            # Illinois: halve the stale end's value when the same end moves twice in a row
            lfa = np.where(right & (lside == 1), lfa / 2, lfa)
            lfb = np.where(left & (lside == -1), lfb / 2, lfb)
            b[live], fb[live] = np.where(right, c, lb), np.where(right, fc, lfb)
            a[live], fa[live] = np.where(left, c, la), np.where(left, fc, lfa)
            side[live] = np.where(right, 1, np.where(left, -1, lside))
        a, b = _close(a, b, fa, fb)
    root = b if upper else a
    return np.where(pos, root, np.where(fin, 0.0, np.inf))


def _close(a: Floats, b: Floats, fa: Floats, fb: Floats) -> tuple[Floats, Floats]:
    """Close a bracket on the end where the sum hits y exactly (that end is the root); when
    both ends do, keep both. Closing twice changes nothing, so an element's root does not
    depend on how long the loop runs for the others."""
    return np.where((fb == 0) & (fa != 0), b, a), np.where((fa == 0) & (fb != 0), a, b)
