"""Slips of one digit: which value a figure would have had, typed right.

Error localization weighs what a fix costs; a fix that a single slip of the keyboard explains
is the likelier one (the typo step of Fellegi–Holt localization, as in R's
``deductive::correct_typos``). The slips tried: two adjacent digits swapped (121 → 112), a 0 or
a repeated digit of the whole part dropped or typed twice (390 → 39, 553 → 5553), the decimal
point one place off (326.57 → 3265.7). A different digit typed in its place is not tried:
changing the last digits of any figure lands near any value, and would call every small fix a
typo.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

SWAPPED, DROPPED, ADDED, POINT = "swapped", "dropped", "added", "point"


def slips(value: float, decimals: int) -> Iterator[tuple[float, str]]:
    """The values `value` (written with `decimals` decimals) would have, had it been typed
    with one slip undone, each with its kind."""
    if not math.isfinite(value) or value < 0 or decimals > 6:
        return
    text = f"{value:.{decimals}f}"
    whole, _, frac = text.partition(".")
    digits = whole + frac

    def read(ds: str, n_whole: int) -> float:
        return float(f"{ds[:n_whole] or '0'}.{ds[n_whole:] or '0'}")

    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
            if not (swapped[0] == "0" and len(whole) > 1):
                yield read(swapped, len(whole)), SWAPPED
    # the whole part typed a digit short — a 0 or a repeated digit left out (390 → 39, 5553
    # → 553) — or a digit long; any other digit put back or taken out lands near too many
    # values to tell a slip (500 → 5300)
    for i in range(len(whole) + 1):
        for d in sorted({"0", whole[i - 1] if i else "0", whole[i] if i < len(whole) else "0"}):
            longer = whole[:i] + d + whole[i:]
            if longer[0] != "0":
                yield read(longer + frac, len(longer)), DROPPED
    for i in range(len(whole)):
        repeated = (
            whole[i] == "0" or whole[i - 1 : i] == whole[i] or whole[i + 1 : i + 2] == whole[i]
        )
        shorter = whole[:i] + whole[i + 1 :]
        if repeated and shorter and (shorter[0] != "0" or len(shorter) == 1):
            yield read(shorter + frac, len(shorter)), ADDED
    yield value * 10, POINT
    yield value / 10, POINT


# a range wider than this many steps of the figure's last digit, or than this share of the
# value, does not pin the figure down: a slip landing in it says nothing (26069万美元's 26609
# in 26326–26721万美元, 增长42%'s 24 in 23.88%–28.65%, by chance)
PINNED_STEPS = 10
PINNED_SHARE = 0.05


def slip_into(value: float, decimals: int, lo: float, hi: float) -> tuple[float, str] | None:
    """The one-slip value that lies in [lo, hi], nearest its middle; None when the value
    already does, when the range is open (a level's ≤ 8.150 is [0, 8.150]: any tenth of the
    figure fits it) or too wide to pin the figure down (`PINNED_STEPS`, `PINNED_SHARE`), or
    when no slip gets there."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo <= 0 or lo <= value <= hi:
        return None
    if hi - lo > PINNED_STEPS * 10.0**-decimals or hi - lo > PINNED_SHARE * lo:
        return None
    middle = (lo + hi) / 2
    best: tuple[float, str] | None = None
    for v, kind in slips(value, decimals):
        # the value as it would be written carries its rounding: 7.1% means 7.05%–7.15%, and
        # fits a range of 7.1116%–7.1117% (1.7% typed for it, in a share of 70467 in 990865)
        places = decimals if kind != POINT else decimals - 1 if v > value else decimals + 1
        half = 0.5 * 10.0 ** -max(places, 0)
        near = best is None or abs(v - middle) < abs(best[0] - middle)
        if v + half >= lo and v - half <= hi and near:
            best = (v, kind)
    return best
