"""arith.py for one number at a time: the same operations in the same order on Python floats.

A small component's propagation pays numpy's per-call cost on arrays of a few elements; the
scalar propagator (scalar.py) uses these instead and must agree with arith.py to the last bit.
Sums, products, quotients, frexp/ldexp and comparisons are IEEE-exact either way. The
transcendental functions (power, log, expm1) are numpy's own ufuncs on one-element arrays —
numpy computes each element of an array alone, so the bits match its results on longer ones
(called on bare numbers numpy takes other paths: x**2 as x·x, and not always the same bits) —
and their results are memoised, since a search repeats the same computations many times
(numpy's overflow to ∞ is a right answer here, and silenced).
"""

from __future__ import annotations

import math

import numpy as np

from ezplan.network.arith import BIG, ROOTS, ROOTS_MAX, RTOL, TINY

INF = math.inf
_isfinite = math.isfinite
_frexp = math.frexp
_np_power, _np_log, _np_expm1 = np.power, np.log, np.expm1
_MEMO_MAX = 1 << 14  # entries per memo before it is emptied (bounded memory)

_powers: dict[tuple[float, float], float] = {}
_factors: dict[tuple[float, float], float] = {}


def widen_lo(x: float) -> float:
    if _isfinite(x):
        return x - (abs(x) * RTOL + TINY)
    return BIG if x > 0 else -INF


def widen_hi(x: float) -> float:
    if _isfinite(x):
        return x + (abs(x) * RTOL + TINY)
    return -BIG if x < 0 else INF


def _ldexp(m: float, e: int) -> float:
    try:
        return math.ldexp(m, e)
    except OverflowError:  # numpy's ldexp overflows to ∞
        return INF if m > 0 else -INF


# Between these magnitudes a product or quotient of floats is a normal float, where scaling by
# a power of two is exact: there k·a·b rounds exactly as arith's mantissa-and-exponent
# product does, and the direct product is taken; beyond them, arith's way.
_SAFE_LO, _SAFE_HI = 2.0**-960, 2.0**960


def _product(k: float, a: float, b: float) -> float:
    ka = k * a
    if _SAFE_LO < ka < _SAFE_HI:
        out = ka * b
        if _SAFE_LO < out < _SAFE_HI:
            return out
    mk, ek = _frexp(k)
    ma, ea = _frexp(a)
    mb, eb = _frexp(b)
    return _ldexp(mk * ma * mb, ek + ea + eb)


def _quotient(num: float, k: float, den: float) -> float:
    kd = k * den
    if _SAFE_LO < kd < _SAFE_HI:
        out = num / kd
        if _SAFE_LO < out < _SAFE_HI:
            return out
    mn, en = _frexp(num)
    mk, ek = _frexp(k)
    md, ed = _frexp(den)
    return _ldexp(mn / (mk * md), en - ek - ed)


mul_lo = _product  # k·a·b for lower ends a, b ≥ 0


def mul_hi(k: float, a: float, b: float) -> float:
    if a == 0 or b == 0:
        return 0.0
    if _isfinite(a) and _isfinite(b):
        return _product(k, a, b)
    return INF


def div_lo(num: float, k: float, den: float) -> float:
    if _isfinite(num) and _isfinite(den) and den > 0:
        return _quotient(num, k, den)
    return 0.0


def div_hi(num: float, k: float, den: float) -> float:
    if _isfinite(num) and den > 0:
        return _quotient(num, k, den)
    return INF


def power(x: float, n: float) -> float:
    key = (x, n)
    out = _powers.get(key)
    if out is None:
        if len(_powers) >= _MEMO_MAX:
            _powers.clear()
        with np.errstate(over="ignore", under="ignore"):
            out = _powers[key] = _one(_np_power, x, n)
    return out


def cumsum_factor(x: float, n: float) -> float:
    key = (x, n)
    out = _factors.get(key)
    if out is None:
        if len(_factors) >= _MEMO_MAX:
            _factors.clear()
        with np.errstate(over="ignore", under="ignore"):
            out = _factors[key] = _cumsum_factor(x, n)
    return out


def _cumsum_factor(x: float, n: float) -> float:
    if not _isfinite(x):
        return INF
    if not x > 0:
        return 0.0
    d = x - 1.0
    if abs(d) < 1e-3:
        return _near_one(n, d)
    return _one(_np_expm1, n * _one(_np_log, x)) * (x / d)


def _one(ufunc, *args: float) -> float:
    """A ufunc on one element, as numpy computes it within an array."""
    return ufunc(*[np.array((a,)) for a in args]).item(0)


def _near_one(n: float, d: float) -> float:
    total = n + 0.0 * d
    coef = (n + 1.0) * n / 2.0
    power_of_d = d
    for k in range(1, 7):
        total = total + coef * power_of_d
        coef = coef * (n - k) / (k + 2)
        power_of_d = power_of_d * d
    return total


def cumsum_inverse(y: float, n: float, upper: bool) -> float:
    memo = ROOTS[upper]
    out = memo.get((y, n))
    if out is None:
        if len(memo) >= ROOTS_MAX:
            memo.clear()
        with np.errstate(over="ignore", under="ignore"):
            out = memo[(y, n)] = _cumsum_inverse(y, n, upper)
    return out


def _cumsum_inverse(y: float, n: float, upper: bool) -> float:
    if not _isfinite(y):
        return INF
    if not y > 0:
        return 0.0
    inv = 1.0 / n
    b = min(y, power(y, inv))
    q = y / n
    a = min(q, power(q, inv))
    fa = cumsum_factor(a, n) - y
    fb = cumsum_factor(b, n) - y
    side = 0
    for _ in range(60):
        a, b = _close(a, b, fa, fb)
        if not (b - a > 4e-16 * b and fa < 0 and fb > 0):
            break
        c = b - fb * (b - a) / (fb - fa) if _isfinite(fb) else a + (b - a) / 2
        c = min(max(c, a), b)
        fc = _cumsum_factor(c, n) - y
        if fc >= 0:
            if side == 1:
                fa = fa / 2
            b, fb, side = c, fc, 1
        elif fc < 0:
            if side == -1:
                fb = fb / 2
            a, fa, side = c, fc, -1
    a, b = _close(a, b, fa, fb)
    return b if upper else a


def _close(a: float, b: float, fa: float, fb: float) -> tuple[float, float]:
    """arith.cumsum_inverse's closing of the bracket on an end that is the root."""
    if fb == 0 and fa != 0:
        return b, b
    if fa == 0 and fb != 0:
        return a, a
    return a, b
