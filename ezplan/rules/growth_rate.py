"""Total growth vs annual rate.

Where one statement gives both the growth over a period (增长24.9%, 增长2.4倍) and the average
annual rate (年均增长5.7%), the rate compounded over the period's years must give the total:
(1 + rate)^years = factor. No levels are needed, so this also checks past periods whose base
level the plan never states.

- error: no total and rate within their rounding agree.
- warning: they agree only within rounding — or only if a doubling word is a round word (翻番
  said of ×1.93–2.07, as 约翻番 would be: a word has no digits to say how exact it is).

Example: 增长18.9% over 2016–2019 is 4.42% a year, not 4.3%; 4.3% a year gives 增长18.3%:
error.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ezplan import engine, fmt
from ezplan.facts import Facts, Val, factor_val, loose_factor_val, rate_val
from ezplan.figures import Comparator, Kind
from ezplan.findings import Checked, Finding, Severity
from ezplan.model import Plan, Stated
from ezplan.rules._common import (
    ROUND_WORD,
    data_val,
    judge,
    overlap,
    rate_interval_text,
    rate_text,
    rate_words,
    real_price_hint,
    round_word_params,
    stated_rate_words,
    within,
)

CODE = "growth-rate"
TITLE = {"en": "Total growth vs annual rate", "zh": "累计增幅与年均增速"}
DOC_ZH = """\
累计增幅与年均增速。

同一表述同时给出全期增幅（增长24.9%、增长2.4倍）和年均增速（年均增长5.7%）时，年均增速按年数复合
后必须等于全期增幅：(1 + 年均增速)^年数 = 倍数。无需水平，因此也能核对基期水平未列出的以往时期。

- 错误：在舍入范围内增幅与增速不能相符。
- 警告：只在舍入范围内相符；或只有把“翻番”当作约数（如约翻番，即1.93—2.07倍）才相符——文字没有
  位数来表明其精确程度。

例：2016—2019年（4年）增长18.9%相当于年均增长4.42%，而非年均增长4.3%；年均增长4.3%对应增长18.3%：错误。
"""
_MISMATCH = {
    "en": "{total} over {span} ({years} years) is {implied} a year, not "
    "{rate}; {rate} a year gives {compounded}",
    "zh": "{span}年（{years}年）{total}相当于年均{implied}，而非年均{rate}；"
    "年均{rate}对应{compounded}",
}
MESSAGES = {
    "mismatch": {lang: text + "{hint}" for lang, text in _MISMATCH.items()},
    "round-word": {
        "en": _MISMATCH["en"] + " ({spread} across its width)" + ROUND_WORD["en"],
        "zh": _MISMATCH["zh"] + "（其范围内为{spread}）" + ROUND_WORD["zh"],
    },
    "rounding": {
        "en": "{total} over {span} ({years} years) is {implied} a year, which "
        "does not round to {rate}; they agree only within their rounding (allowed {allowed})",
        "zh": "{span}年（{years}年）{total}相当于年均{implied}，不能四舍五入"
        "为年均{rate}；仅在舍入范围内相符（允许{allowed}）",
    },
}


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    cases = [c for c in plan.growth if c.total is not None and c.annual is not None]
    if not cases:
        return
    f = np.array([factor_val(c.total) for c in cases])  # type: ignore[arg-type]
    r = np.array([rate_val(c.annual) for c in cases])  # type: ignore[arg-type]
    n = np.array([c.years for c in cases], dtype=float)
    implied = engine.rate_from_factor(f[:, 0], n)
    ilo = engine.rate_from_factor(f[:, 1], n)
    ihi = engine.rate_from_factor(f[:, 2], n)
    compounded = engine.growth_factor(r[:, 0], n)
    ok = implied.ok & compounded.ok
    ilo_v = np.where(ilo.ok, ilo.value, -1.0)  # an at-most growth has no lower end
    ihi_v = np.where(ihi.ok, ihi.value, np.inf)
    feasible = overlap(ilo_v, ihi_v, r[:, 1], r[:, 2])
    as_written = within(implied.value, r[:, 1], r[:, 2]) | within(
        compounded.value, f[:, 1], f[:, 2]
    )
    lf = np.array([loose_factor_val(c.total) for c in cases])  # type: ignore[arg-type]
    loose, loose_lo, loose_hi = _loose_fits(lf, n, r)
    severities = judge(feasible, as_written, loose)
    for i, (c, sev) in enumerate(zip(cases, severities, strict=True)):
        if ok[i]:
            yield Checked(CODE, c.indicator, c.scope)
        if sev is None or not ok[i]:
            continue
        assert c.total is not None and c.annual is not None
        params = {
            "total": c.total.text,
            "rate": stated_rate_words(c.annual),
            "years": str(c.years),
            "span": fmt.years_words(c.base_year + 1, c.end_year),
            "base_year": str(c.base_year),
            "end_year": str(c.end_year),
            "implied": _bounded(rate_words(float(implied.value[i]), c.annual), c.total),
            "compounded": fmt.figure_factor_text(c.total.figure, float(compounded.value[i])),
            "allowed": rate_interval_text(float(ilo_v[i]), float(ihi_v[i]), c.annual),
            # a multiple of levels (是…的1.7倍) is at current prices; GDP's rate by convention not
            "hint": real_price_hint(plan, c)
            if c.total.figure.kind is not Kind.GROWTH_PERCENT
            else "",
        }
        stated_allows = rate_interval_text(r[i, 1], r[i, 2], c.annual)
        steps = (
            f"{c.total.text} → ×{f[i, 0]:g}; ×{f[i, 0]:g}^(1/{c.years}) − 1 = "
            f"{rate_text(float(implied.value[i]), c.annual)}",
            f"(1 + {c.annual.text})^{c.years} = ×{compounded.value[i]:.4f} = "
            f"{params['compounded']}",
            {
                "en": f"{c.total.text} allows {params['allowed']} a year; {c.annual.text} allows "
                f"{stated_allows}" + (" — overlap" if feasible[i] else " — no overlap"),
                "zh": f"{c.total.text}允许年均{params['allowed']}；{c.annual.text}允许"
                f"{stated_allows}" + ("——有交集" if feasible[i] else "——无交集"),
            },
        )
        mid = "mismatch" if sev is Severity.ERROR else "rounding"
        if sev is Severity.WARNING and not feasible[i]:
            mid = "round-word"
            words = round_word_params(c.total, lf[i, 1], lf[i, 2])
            spread = engine.growth_factor(r[i, 1:], float(c.years)).value
            params |= words | {"spread": fmt.interval(*spread, lambda x: fmt.factor(x, 3))}
            allows = rate_interval_text(float(loose_lo[i]), float(loose_hi[i]), c.annual)
            steps += (
                {
                    "en": f"{c.total.text} as a round word ({words['loose']}) allows {allows} a "
                    "year — overlap",
                    "zh": f"{c.total.text}作约数（{words['loose']}）允许年均{allows}——有交集",
                },
            )
        yield Finding(
            CODE,
            sev,
            c.indicator,
            c.annual.mark,
            mid,
            params,
            data={
                "base_year": c.base_year,
                "end_year": c.end_year,
                "stated_rate": data_val(Val(*r[i])),
                "implied_rate": data_val(Val(implied.value[i], ilo_v[i], ihi_v[i])),
                "stated_factor": data_val(Val(*f[i])),
                "expected": float(compounded.value[i]),
                "actual": float(f[i, 0]),
            }
            | ({"round_word_factor": data_val(Val(*lf[i]))} if mid == "round-word" else {}),
            scope=c.scope,
            steps=steps,
            related=(c.total.mark,),
        )


def _bounded(words: dict[str, str], total: Stated) -> dict[str, str]:
    """The rate a bound implies is a bound too: 翻番以上 is 年均增长14.87%以上, not 14.87%."""
    match total.figure.comparator:
        case Comparator.AT_LEAST:
            return {"en": f"at least {words['en']}", "zh": f"{words['zh']}以上"}
        case Comparator.AT_MOST:
            return {"en": f"at most {words['en']}", "zh": f"{words['zh']}以下"}
    return words


def _loose_fits(
    f: np.ndarray, n: np.ndarray, r: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Whether the rate fits the total (`f`: its factors, a doubling word read as a round
    figure), and the rates that reading allows (infinite at an open end)."""
    lo = engine.rate_from_factor(f[:, 1], n)
    hi = engine.rate_from_factor(f[:, 2], n)
    lo_v, hi_v = np.where(lo.ok, lo.value, -np.inf), np.where(hi.ok, hi.value, np.inf)
    return overlap(lo_v, hi_v, r[:, 1], r[:, 2]), lo_v, hi_v
