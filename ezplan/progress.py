"""Progress against actual results (中期评估): is each target on track?

The latest actual level after the base year is set against the milestone path. The status
follows the established "ratio of actual to required growth rate" method: the average annual
rate achieved since the base year divided by the rate the target requires from the base year.

| ratio              | status            |
| ------------------ | ----------------- |
| target already met | achieved          |
| ≥ on_track (0.95)  | on track          |
| ≥ moderate (0.6)   | moderate progress |
| ≥ 0                | limited progress  |
| < 0                | moving away       |

Direction matters: for a target that must fall, both rates are negative and "met" means at or
below the target. A ratio indicator (in %) is assessed on percentage points a year, not on
compound rates. Without an actual after the base year there is no status, only "no actuals".

A ratio that looks on track is not enough: a target not yet met is "on track" only if where it
is heading reaches the target too, within the same tolerance. Two end values are set against the
target (for a target that must fall, the target against them):

- *at this pace*: the achieved rate continued to the target year (level targets);
- *at the planned rate*: the rest of the way at the rate the target requires from the base (for
  a cumulative target, the latest year's amount growing at that rate, added to the sum so far).
  It falls short exactly when the rate now needed is markedly higher than planned:
  ((1 + planned) / (1 + needed))^years left < on_track.

Each end ratio is classified with the same thresholds (never below "limited": the level is
still on the right side), and the status is the worst of the three. A cumulative target's *at
this pace* (the average yearly amount so far, continued) is shown but not used: it falls short
of any growing path even when every year is on it. A ratio indicator moves in straight lines,
so its ratio of rates already says where it is heading.

A cumulative target (累计) is assessed by running totals: the actual yearly amounts recorded for
every plan year up to the latest are summed and set against the running total of the path that
sums to the target; the ratio is actual running total ÷ the path's running total in that year,
classified with the same thresholds, and "met" means the sum already reached (for a cap,
`direction: down`, kept at or below it at the end). "At this pace" continues the average yearly
amount so far; the rate now needed is the growth of the yearly amount, from the latest year's,
that makes up the rest of the sum (累计法).

A target the base already meets (a ceiling above it, a floor below it, a figure it rounds to)
requires no rate: its status says whether the latest actual is still within what the target
figure allows (achieved in the target year, on track before it) or has left it (moving away).
A base stated only as a bound (300万吨以上) measures no progress: not assessable, unless the
latest actual is one the target figure allows (achieved in the target year, on track before).

A target that cannot be assessed says why (`reason`: a message id of the reports catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ezplan import engine
from ezplan.milestones import Milestones

STATUSES = (
    "achieved",
    "on_track",
    "moderate",
    "limited",
    "moving_away",
    "no_actuals",
    "not_assessable",
)


@dataclass(frozen=True)
class Thresholds:
    on_track: float = 0.95
    moderate: float = 0.6

    def __post_init__(self) -> None:
        if not 0 <= self.moderate <= self.on_track:
            raise ValueError("thresholds must satisfy 0 ≤ moderate ≤ on_track")


@dataclass(frozen=True)
class Progress:
    indicator: str
    status: str
    year: int | None = None  # the latest actual
    actual: float | None = None
    milestone: float | None = None  # the required path in that year
    gap: float | None = None
    gap_pct: float | None = None
    achieved_rate: float | None = None  # since the base year
    required_rate: float | None = None  # from the base year to the target
    remaining_rate: float | None = None  # now needed over the remaining years
    projection: float | None = None  # at the current pace, in the target year
    ratio: float | None = None
    points: bool = False  # rates are percentage points a year, the gap is in points
    cumulative: bool = False  # actual and milestone are running totals from the first plan year
    latest_amount: float | None = None  # cumulative: the latest year's own amount
    reason: str | None = None  # why not assessable: a message id (progress_why_…)
    missing: tuple[int, ...] = ()  # cumulative: plan years up to the latest with no actual
    at_planned_rate: float | None = None  # in the target year, the rest at the required rate
    # which end value made the status worse than its ratio says: "pace" (the projection) or
    # "planned" (at_planned_rate); None when neither did
    held_back_by: str | None = None


def classify(ratio: float, met: bool, thresholds: Thresholds) -> str:
    if met:
        return "achieved"
    if ratio >= thresholds.on_track:
        return "on_track"
    if ratio >= thresholds.moderate:
        return "moderate"
    if ratio >= 0:
        return "limited"
    return "moving_away"


_RANK = {s: i for i, s in enumerate(STATUSES)}  # later is worse


def _heading(
    status: str,
    ends: dict[str, float | None],
    target: float,
    down: bool,
    thresholds: Thresholds,
) -> tuple[str, str | None]:
    """`status`, made no better than where the target is heading: each end value (by name; None:
    not known) against the target, classified with the same thresholds; and the name of the end
    that made it worse, if one did. A target already met keeps "achieved"; an end on the wrong
    side of zero is as far off as "limited" goes."""
    held_back_by = None
    if status == "achieved" or target <= 0:
        return status, held_back_by
    for name, end in ends.items():
        if end is None:
            continue
        reached = classify(_share_reached(end, target, down), False, thresholds)
        if _RANK[reached] > _RANK[status]:
            status, held_back_by = reached, name
    return status, held_back_by


def _share_reached(end: float, target: float, down: bool) -> float:
    """How much of a target an end value reaches: end ÷ target; for a target that must fall,
    target ÷ end (an end at or below zero is below any positive target)."""
    if down:
        return target / end if end > 0 else 1.0
    return max(end, 0.0) / target


def assess(ms: list[Milestones], thresholds: Thresholds | None = None) -> list[Progress]:
    thresholds = thresholds or Thresholds()
    out: dict[str, Progress] = {}
    rows, points, sums = [], [], []
    for m in ms:
        why = _why_not(m)
        if not m.actuals:
            out[m.indicator] = Progress(m.indicator, "no_actuals")
        elif why == "progress_why_bound_base" and _allows(m, _latest(m)[1]):
            # no progress to measure from a bound, but an actual the target allows meets it
            out[m.indicator] = _within_bound(m)
        elif why is not None:
            missing = _missing(m) if m.cumulative else ()
            out[m.indicator] = Progress(
                m.indicator, "not_assessable", *_latest(m), reason=why, missing=missing
            )
        elif m.cumulative:
            sums.append(m)
        elif m.met_at_base is not None:
            out[m.indicator] = _within_bound(m)
        else:
            (points if m.points else rows).append(m)
    for m in points:
        out[m.indicator] = _in_points(m, thresholds)
    out |= _cumulatives(sums, thresholds)
    if rows:
        year = np.array([max(m.actuals) for m in rows])
        actual = np.array([m.actuals[max(m.actuals)] for m in rows])
        base = np.array([m.base for m in rows], dtype=float)
        target = np.array([m.target for m in rows], dtype=float)
        t = year - np.array([m.base_year for m in rows])
        left = np.array([m.end_year for m in rows]) - year
        milestone = np.array([m.required[y - m.base_year] for m, y in zip(rows, year, strict=True)])
        achieved = engine.annual_rate(base, actual, t)
        required = engine.annual_rate(base, target, t + left)
        remaining = engine.annual_rate(actual, target, np.where(left > 0, left, 1))
        projection = engine.grow(actual, achieved.value, left)
        down = np.array([m.direction == "down" for m in rows])
        met = np.where(down, actual <= target, actual >= target)
        safe_required = np.where(required.value != 0, required.value, 1.0)
        ratio = np.where(
            required.value != 0, achieved.value / safe_required, np.where(met, 1.0, -1.0)
        )
        at_planned = engine.grow(actual, required.value, left)
        for i, m in enumerate(rows):
            ok = achieved.ok[i] and required.ok[i]
            planned = float(at_planned.value[i]) if ok and at_planned.ok[i] else None
            pace = float(projection.value[i]) if projection.ok[i] else None
            status, held_back_by = "not_assessable", None
            if ok:
                status, held_back_by = _heading(
                    classify(float(ratio[i]), bool(met[i]), thresholds),
                    {"pace": pace, "planned": planned},
                    float(target[i]),
                    bool(down[i]),
                    thresholds,
                )
            out[m.indicator] = Progress(
                m.indicator,
                status,
                int(year[i]),
                float(actual[i]),
                float(milestone[i]),
                float(actual[i] - milestone[i]),
                float((actual[i] - milestone[i]) / milestone[i] * 100) if milestone[i] else None,
                float(achieved.value[i]) if achieved.ok[i] else None,
                float(required.value[i]) if required.ok[i] else None,
                float(remaining.value[i]) if remaining.ok[i] and left[i] > 0 else None,
                float(projection.value[i]) if projection.ok[i] else None,
                float(ratio[i]) if ok else None,
                reason=None if ok else "progress_why_no_rate",
                at_planned_rate=planned,
                held_back_by=held_back_by,
            )
    return [out[m.indicator] for m in ms]


def _in_points(m: Milestones, thresholds: Thresholds) -> Progress:
    """Progress of a ratio indicator, in percentage points a year."""
    assert m.base is not None and m.target is not None and m.required is not None
    year, actual = _latest(m)
    t, left = year - m.base_year, m.end_year - year
    milestone = m.required[t]
    achieved = (actual - m.base) / t
    required = (m.target - m.base) / (m.end_year - m.base_year)
    met = actual <= m.target if m.direction == "down" else actual >= m.target
    ratio = achieved / required if required else (1.0 if met else -1.0)
    return Progress(
        m.indicator,
        classify(ratio, met, thresholds),
        year,
        actual,
        milestone,
        actual - milestone,
        None,
        achieved,
        required,
        (m.target - actual) / left if left > 0 else None,
        actual + achieved * left,
        ratio,
        points=True,
    )


def _allows(m: Milestones, actual: float) -> bool:
    """Whether the target figure allows `actual` (a ceiling met at the base only from above, a
    floor only from below: 控制在5.5%左右 is not missed by 5.0%)."""
    if m.target_lo is None or m.target_hi is None:
        return False
    low = m.target_lo if m.met_at_base != "ceiling" else -np.inf
    high = m.target_hi if m.met_at_base != "floor" else np.inf
    return bool(low <= actual <= high)


def _within_bound(m: Milestones) -> Progress:
    """Progress on a target the base already met (a ceiling, a floor, a level to hold): whether
    the latest actual is still within what the target figure allows — achieved in the target
    year, on track before it — or has left it (moving away). No rate is required, so none is
    compared."""
    assert m.target is not None
    year, actual = _latest(m)
    within = _allows(m, actual)
    status = ("achieved" if year >= m.end_year else "on_track") if within else "moving_away"
    gap = actual - m.target
    return Progress(
        m.indicator,
        status,
        year,
        actual,
        m.target,
        gap,
        None if m.points or not m.target else gap / m.target * 100,
        points=m.points,
    )


def _why_not(m: Milestones) -> str | None:
    """Why `m` cannot be assessed (a message id), or None when it can."""
    if m.cumulative:
        if m.cumulative_total is None:
            return "progress_why_no_total"
        if m.running_total is None:
            return "progress_why_no_path"
        if _missing(m):
            return "progress_why_missing_years"
        return None
    if m.base is None:
        return "progress_why_no_base"
    if m.base_bound:
        return "progress_why_bound_base"
    if m.target is None:
        return "progress_why_no_target"
    if m.required is None and m.met_at_base is None:
        return "progress_why_no_path"
    return None


def _missing(m: Milestones) -> tuple[int, ...]:
    """Plan years up to the latest actual that have no actual amount (a running total needs
    every one of them)."""
    if not m.actuals:
        return ()
    return tuple(y for y in range(m.base_year + 1, max(m.actuals)) if y not in m.actuals)


def _cumulatives(ms: list[Milestones], thresholds: Thresholds) -> dict[str, Progress]:
    """`_cumulative` of each, the rates achieved and still needed computed all at once."""
    if not ms:
        return {}
    latest = [_latest(m) for m in ms]
    year = np.array([y for y, _ in latest], dtype=np.float64)
    amount = np.array([a for _, a in latest], dtype=np.float64)
    actual = [
        float(sum(m.actuals[y] for y in range(m.base_year + 1, last + 1)))
        for m, (last, _) in zip(ms, latest, strict=True)
    ]
    begun = np.array([m.base_year for m in ms], dtype=np.float64)
    left = np.array([m.end_year for m in ms], dtype=np.float64) - year
    base = np.array([m.base if m.base is not None else 1.0 for m in ms], dtype=np.float64)
    rest = np.array([(m.cumulative_total or 0.0) - a for m, a in zip(ms, actual, strict=True)])
    achieved = engine.annual_rate(base, amount, year - begun)
    remaining = engine.cumulative_rate(amount, rest, np.where(left > 0, left, 1.0))
    # the rest of the sum at the planned rate: the latest amount grown for each year left
    planned = np.array([m.required_rate or 0.0 for m in ms], dtype=np.float64)
    rest_at_planned = engine.paths_at_rate(amount, planned, left)
    out = {}
    for i, m in enumerate(ms):
        known = m.base is not None and not m.base_implied
        more = left[i] > 0 and (m.cumulative_total or 0.0) > actual[i]
        path = rest_at_planned[i]
        out[m.indicator] = _cumulative(
            m,
            thresholds,
            actual[i],
            float(achieved.value[i]) if known and achieved.ok[i] else None,
            float(remaining.value[i]) if more and remaining.ok[i] else None,
            None if path is None or m.required_rate is None else actual[i] + float(path[1:].sum()),
        )
    return out


def _cumulative(
    m: Milestones,
    thresholds: Thresholds,
    actual: float,
    achieved: float | None,
    remaining: float | None,
    at_planned_rate: float | None,
) -> Progress:
    """Running total of the actual yearly amounts against the path's running total, no
    better than the sum the rest of the years reach at the planned rate."""
    assert m.running_total is not None and m.cumulative_total is not None
    year, latest = _latest(m)
    t, left = year - m.base_year, m.end_year - year
    milestone = m.running_total[t]
    total = m.cumulative_total
    if m.direction == "down":  # a cap: below the path is ahead of it
        met = left == 0 and actual <= total
        ratio = milestone / actual if actual > 0 else 1.0
    else:
        met = actual >= total
        ratio = actual / milestone if milestone > 0 else (1.0 if met else 0.0)
    status, held_back_by = _heading(
        classify(ratio, met, thresholds),
        {"planned": at_planned_rate},
        total,
        m.direction == "down",
        thresholds,
    )
    return Progress(
        m.indicator,
        status,
        year,
        actual,
        milestone,
        actual - milestone,
        (actual - milestone) / milestone * 100 if milestone else None,
        achieved,
        m.required_rate,
        remaining,
        actual + actual / t * left,
        ratio,
        cumulative=True,
        latest_amount=latest,
        at_planned_rate=at_planned_rate,
        held_back_by=held_back_by,
    )


def _latest(m: Milestones) -> tuple[int, float]:
    y = max(m.actuals)
    return y, m.actuals[y]
