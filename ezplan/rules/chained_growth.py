"""Chained growth.

Growth over consecutive sub-periods must compound to the growth over the whole period: a
2016–2019 rate and a 2020 change against a 2016–2020 rate; year-on-year changes against a
multi-year change. For every stated growth over a period that other stated growth statements of
the same indicator cover end to end, the product of their factors is compared with its factor.

- error: no values within the figures' rounding make the chain equal the whole;
- warning: they agree only within rounding, or only if a doubling word is a round word (翻番
  said of ×1.93–2.07, as 约翻番 would be).

Example: 2016–2019 年均增长12.6% and 2020年下降22.6% give ×1.2442 over 2016–2020, i.e. 4.47% a
year; a stated 2016–2020 年均增长8% would be an error.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ezplan import fmt
from ezplan.facts import Facts, Val, loose_factor_val
from ezplan.findings import Checked, Finding, Severity
from ezplan.model import GrowthClaim, Plan
from ezplan.rules._common import ROUND_WORD, data_val, judge, overlap, round_word_params, within

CODE = "chained-growth"
TITLE = {"en": "Growth over sub-periods vs the whole period", "zh": "分段增速与全期增速"}
DOC_ZH = """\
分段增速与全期增速。

相邻各分段的增长连乘必须等于全期增长：2016—2019年的增速与2020年的变化对比2016—2020年的增速；逐年
变化对比多年变化。对同一指标中能被其他增长表述首尾相接覆盖的每个时期增长，比较各段倍数之积与全期
倍数。

- 错误：在舍入范围内连乘不能等于全期；
- 警告：只在舍入范围内相符；或只有把“翻番”当作约数（如约翻番，即1.93—2.07倍）才相符。

例：2016—2019年年均增长12.6%、2020年下降22.6%，2016—2020年连乘为1.2442倍，即年均4.47%；若规划写
2016—2020年年均增长8%，则为错误。
"""
MESSAGES = {
    "mismatch": {
        "en": "{chain} compound to {chained} over {span}, not {stated}",
        "zh": "{chain}连乘得{span}年{chained}，而非{stated}",
    },
    "round-word": {
        "en": "{chain} compound to {chained} ({spread} across their widths) over {span}, not "
        "{stated}" + ROUND_WORD["en"],
        "zh": "{chain}连乘得{span}年{chained}（其范围内为{spread}），而非{stated}"
        + ROUND_WORD["zh"],
    },
    "rounding": {
        "en": "{chain} compound to {chained} over {span}, not {stated}; they "
        "agree only within rounding",
        "zh": "{chain}连乘得{span}年{chained}，而非{stated}；仅在舍入范围内相符",
    },
}


def _chain(whole: GrowthClaim, claims: list[GrowthClaim]) -> list[GrowthClaim] | None:
    """The shortest run of other claims that covers whole's period end to end (≥ 2 links)."""
    starts: dict[int, list[GrowthClaim]] = {}
    for c in claims:
        if c is not whole and whole.base_year <= c.base_year < c.end_year <= whole.end_year:
            starts.setdefault(c.base_year, []).append(c)
    frontier: list[list[GrowthClaim]] = [[]]
    best: list[GrowthClaim] | None = None
    while frontier:
        nxt = []
        for run in frontier:
            at = run[-1].end_year if run else whole.base_year
            if at == whole.end_year:
                if len(run) >= 2 and (best is None or len(run) < len(best)):
                    best = run
                continue
            for c in starts.get(at, []):
                if c.years < whole.years:
                    nxt.append([*run, c])
        # Plans state a handful of growth figures per indicator; the cap only guards against a
        # pathological file making the search explode.
        frontier = nxt[:1000] if best is None else []
    return best


def _describe(c: GrowthClaim) -> str:
    figure = c.total if c.total is not None else c.annual
    assert figure is not None
    span = str(c.end_year) if c.years == 1 else f"{c.base_year + 1}–{c.end_year}"
    return f"{span} {figure.text}"


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    by_indicator: dict[tuple[str, bool], list[GrowthClaim]] = {}
    for c in plan.growth:
        by_indicator.setdefault((c.indicator, c.constant_prices), []).append(c)
    cases = []
    for claims in by_indicator.values():
        for whole in claims:
            run = _chain(whole, claims)
            wf = facts.factor(whole)
            if run is None or wf is None:
                continue
            factors = [facts.factor(c) for c in run]
            if any(f is None for f in factors):
                continue
            prod = Val(
                float(np.prod([f.face for f in factors])),  # type: ignore[union-attr]
                float(np.prod([f.lo for f in factors])),  # type: ignore[union-attr]
                float(np.prod([f.hi for f in factors])),  # type: ignore[union-attr]
            )
            cases.append((whole, run, wf, prod, factors))
    if not cases:
        return
    w = np.array([x[2] for x in cases])
    p = np.array([x[3] for x in cases])
    feasible = overlap(p[:, 1], p[:, 2], w[:, 1], w[:, 2])
    as_written = within(p[:, 0], w[:, 1], w[:, 2]) | within(w[:, 0], p[:, 1], p[:, 2])
    lw = np.array([_loose(x[0], x[2]) for x in cases])
    lp = np.array(
        [np.prod([_loose(c, f) for c, f in zip(x[1], x[4], strict=True)], axis=0) for x in cases]
    )
    loose = overlap(lp[:, 1], lp[:, 2], lw[:, 1], lw[:, 2])
    severities = judge(feasible, as_written, loose)
    for i, ((whole, run, wf, prod, factors), sev) in enumerate(zip(cases, severities, strict=True)):
        for c in (whole, *run):
            yield Checked(CODE, c.indicator, c.scope)
        if sev is None:
            continue
        stated = whole.total if whole.total is not None else whole.annual
        assert stated is not None
        chained = fmt.factor(prod.face, 4) + (
            f" ({fmt.rate(prod.face ** (1 / whole.years) - 1, 2)} a year)"
            if whole.total is None
            else ""
        )
        params = {
            "chain": " × ".join(_describe(c) for c in run),
            "chained": chained,
            "stated": _describe(whole) + f" (×{wf.face:.4f})",
            "span": fmt.years_words(whole.base_year + 1, whole.end_year),
            "base_year": str(whole.base_year),
            "end_year": str(whole.end_year),
        }
        mid = "mismatch" if sev is Severity.ERROR else "rounding"
        data = {"chained_factor": data_val(prod), "stated_factor": data_val(wf)}
        if sev is Severity.WARNING and not feasible[i]:
            mid = "round-word"
            word, lv = next(
                (c.total, _loose(c, f))
                for c, f in zip((whole, *run), (wf, *factors), strict=True)
                if _is_word(c)
            )
            spread = fmt.interval(prod.lo, prod.hi, lambda x: fmt.factor(x, 3))
            params |= round_word_params(word, lv.lo, lv.hi) | {"spread": spread}
            data["round_word_factor"] = data_val(lv)
        yield Finding(
            CODE,
            sev,
            whole.indicator,
            stated.mark,
            mid,
            params,
            data=data,
            scope=whole.scope,
            related=tuple(c.mark for c in run),
            steps=(
                *(f"{_describe(c)} → ×{f.face:.6f}" for c, f in zip(run, factors, strict=True)),
                f"Π = ×{prod.face:.6f} ∈ [{prod.lo:.6f}, {prod.hi:.6f}] ↔ "
                f"[{wf.lo:.6f}, {wf.hi:.6f}]",
            ),
        )


def _is_word(c: GrowthClaim) -> bool:
    return c.total is not None and c.total.figure.round_word_factor_interval() is not None


def _loose(c: GrowthClaim, f: Val) -> Val:
    """A claim's factor with a doubling word read as a round figure (翻番 as 约翻番)."""
    return loose_factor_val(c.total) if _is_word(c) else f  # type: ignore[arg-type]
