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


def assess(ms: list[Milestones], thresholds: Thresholds | None = None) -> list[Progress]:
    thresholds = thresholds or Thresholds()
    out: dict[str, Progress] = {}
    rows, points = [], []
    for m in ms:
        if not m.actuals:
            out[m.indicator] = Progress(m.indicator, "no_actuals")
        elif m.cumulative or m.base is None or m.target is None or m.required is None:
            out[m.indicator] = Progress(m.indicator, "not_assessable", *_latest(m))
        else:
            (points if m.points else rows).append(m)
    for m in points:
        out[m.indicator] = _in_points(m, thresholds)
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
        for i, m in enumerate(rows):
            ok = achieved.ok[i] and required.ok[i]
            out[m.indicator] = Progress(
                m.indicator,
                classify(float(ratio[i]), bool(met[i]), thresholds) if ok else "not_assessable",
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


def _latest(m: Milestones) -> tuple[int, float]:
    y = max(m.actuals)
    return y, m.actuals[y]
