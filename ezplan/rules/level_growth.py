"""Level vs total growth (增长X%, 增长X倍, 是…的X倍, 翻一番).

Where a plan states the level at both ends of a period and the growth over the whole period,
end ÷ base must equal the growth factor. Under National Bureau of Statistics usage 增长X倍 makes
the level (1+X) times the base, while 是…的X倍 / 达到X倍 make it X times; 翻一番 is ×2 and
翻两番 ×4.

- error: no levels and growth within the figures' rounding agree. When a 倍 figure fits only
  the other reading, the message says which reading fits.
- warning: they agree only within rounding — or only if a doubling word is a round word (翻番
  said of ×1.93–2.07, as 约翻番 would be: a word has no digits to say how exact it is).
- note: a 倍 figure that fits its reading and not the other, so readers need not argue.

Example: 16011万美元 in 2020 and 5.46亿美元 in 2025 is ×3.41, i.e. 增长2.41倍: 增长2.4倍 fits
(×3.4); read as "2.4 times" (×2.4) it would not.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ezplan import fmt
from ezplan.facts import Facts, Val, factor_val, loose_factor_val
from ezplan.figures import Kind
from ezplan.findings import Checked, Finding, Severity
from ezplan.model import Plan
from ezplan.rules._common import (
    ROUND_WORD,
    data_val,
    judge,
    level_pair,
    overlap,
    real_price_hint,
    round_word_params,
    show_amount,
    within,
)

CODE = "level-growth"
TITLE = {"en": "Level vs total growth", "zh": "水平与累计增幅"}
DOC_ZH = """\
水平与累计增幅（增长X%、增长X倍、是…的X倍、翻一番）。

规划给出期初、期末水平和全期增幅时，期末 ÷ 期初 必须等于增幅对应的倍数。按国家统计局用语，增长
X倍即为基数的（1+X）倍，是…的X倍、达到X倍即为X倍；翻一番为2倍，翻两番为4倍。

- 错误：在舍入范围内水平与增幅不能相符。若“倍”字只有按另一种理解才相符，消息会指出哪种理解相符。
- 警告：只在舍入范围内相符；或只有把“翻番”当作约数（如约翻番，即1.93—2.07倍）才相符——文字没有
  位数来表明其精确程度。
- 提示：“倍”的数字符合其字面理解而不符合另一种理解，便于读者不再争论。

例：2020年16011万美元、2025年5.46亿美元为3.41倍，即增长2.41倍：增长2.4倍（3.4倍）相符，理解为“是
2.4倍”则不符。
"""
_MISMATCH = {
    "en": "{growth} from {base} ({base_year}) gives {expected} by {end_year}, not {end}; "
    "the levels give {implied}",
    "zh": "{base_year}年的{base}{growth}，{end_year}年应为{expected}，而非{end}；"
    "两个水平对应{implied}",
}
MESSAGES = {
    "mismatch": {lang: text + "{hint}" for lang, text in _MISMATCH.items()},
    "round-word": {
        "en": _MISMATCH["en"] + " ({spread} across their widths)" + ROUND_WORD["en"],
        "zh": _MISMATCH["zh"] + "（其范围内为{spread}）" + ROUND_WORD["zh"],
    },
    "other-reading": {
        "en": "{growth} means ×{factor} (NBS: 增长X倍 is (1+X) times the base), but the levels "
        "give {implied}: the figure fits only if read as {other}; reword it",
        "zh": "{growth}意为原来的{factor}倍（统计用语：增长X倍即为基数的1+X倍），但两个水平对应"
        "{implied}：只有理解为{other}才相符，应改写",
    },
    "rounding": {
        "en": "{end} ({end_year}) over {base} ({base_year}) is {implied}, which does not round "
        "to the stated {growth}; they agree only within their rounding",
        "zh": "{end_year}年的{end}相对{base_year}年的{base}为{implied}，不能四舍五入为所述的"
        "{growth}；仅在舍入范围内相符",
    },
    "not-computable": {
        "en": "{growth} cannot be checked: the {base_year} level {base} is zero or negative",
        "zh": "{growth}无法核对：{base_year}年水平{base}为零或负数",
    },
    "reading": {
        "en": "{growth} here means ×{factor} ({end} over {base} is {implied}); read as "
        "{other} it would not fit",
        "zh": "此处{growth}意为原来的{factor}倍（{end}相对{base}为{implied}）；"
        "若理解为{other}则不相符",
    },
}


def _other(kind: Kind, value: float) -> tuple[dict[str, str], str]:
    """The other reading of a 倍 figure, for messages (its factor in each language's
    brackets)."""
    if kind is Kind.GROWTH_TIMES:
        words, factor = f"是…的{value:g}倍", f"×{value:g}"
    else:
        words, factor = f"增长{value:g}倍", f"×{value + 1:g}"
    return {"en": f"{words} ({factor})", "zh": f"{words}（{factor}）"}, factor


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    cases = []
    for c in plan.growth:
        if c.total is None or c.constant_prices:
            continue
        pair = level_pair(facts, c)
        if pair is None:
            continue
        if pair[0].lo > 0:
            cases.append((c, *pair))
            yield Checked(CODE, c.indicator, c.scope)
        else:
            params = {
                "growth": c.total.text,
                "base": pair[0].stated.text,
                "base_year": str(c.base_year),
            }
            yield Finding(
                CODE,
                Severity.WARNING,
                c.indicator,
                c.total.mark,
                "not-computable",
                params,
                scope=c.scope,
            )
    if not cases:
        return
    b = np.array([[x[1].face, x[1].lo, x[1].hi] for x in cases])
    e = np.array([[x[2].face, x[2].lo, x[2].hi] for x in cases])
    f = np.array([factor_val(x[0].total) for x in cases])
    # The other reading of a 倍 figure: 增长X倍 ↔ X倍, i.e. the factor shifted by one.
    shift = np.array(
        [
            -1.0
            if x[0].total.figure.kind is Kind.GROWTH_TIMES
            else 1.0
            if x[0].total.figure.kind is Kind.MULTIPLE
            else np.nan
            for x in cases
        ]
    )
    has_other = ~np.isnan(shift)
    alt = f + np.where(has_other, shift, 0.0)[:, None]

    implied = e[:, 0] / b[:, 0]
    ilo = e[:, 1] / b[:, 2]
    ihi = np.where(np.isfinite(e[:, 2]), e[:, 2] / b[:, 1], np.inf)
    feasible = overlap(ilo, ihi, f[:, 1], f[:, 2])
    alt_fits = has_other & overlap(ilo, ihi, alt[:, 1], alt[:, 2])
    positive = f[:, 0] > 0  # 下降100% leaves nothing to divide by
    base_from_end = e[:, 0] / np.where(positive, f[:, 0], 1.0)
    as_written = (
        within(implied, f[:, 1], f[:, 2])
        | within(b[:, 0] * f[:, 0], e[:, 1], e[:, 2])
        | (positive & within(base_from_end, b[:, 1], b[:, 2]))
    )
    fl = np.array([loose_factor_val(x[0].total) for x in cases])
    loose = overlap(ilo, ihi, fl[:, 1], fl[:, 2])
    severities = judge(feasible, as_written, loose)
    for i, ((c, ba, ea), sev) in enumerate(zip(cases, severities, strict=True)):
        g = c.total
        assert g is not None
        other: str | dict[str, str] = (
            _other(g.figure.kind, g.figure.value)[0] if has_other[i] else ""
        )
        params = {
            "growth": g.text,
            "base": ba.stated.text,
            "base_year": str(c.base_year),
            "end": ea.stated.text,
            "end_year": str(c.end_year),
            "implied": fmt.figure_factor_text(g.figure, float(implied[i])),
            "expected": fmt.bound_text(
                show_amount(plan, c.indicator, float(b[i, 0] * f[i, 0]), ea.stated),
                fmt.one_bound(g.figure.bound, ba.stated.figure.bound),
            ),
            "factor": f"{f[i, 0]:g}",
            "other": other,
            "hint": real_price_hint(plan, c),
        }
        unit = plan.indicators[c.indicator].unit.symbol
        allows, levels_allow = (
            fmt.interval(f[i, 1], f[i, 2], _fx),
            fmt.interval(ilo[i], ihi[i], _fx),
        )
        steps = (
            {
                "en": f"{g.text} → ×{f[i, 0]:g}, allowing {allows}",
                "zh": f"{g.text} → ×{f[i, 0]:g}，允许{allows}",
            },
            {
                "en": f"{ea.face:g}{unit} ÷ {ba.face:g}{unit} = ×{implied[i]:.4f}; the levels "
                f"allow {levels_allow}",
                "zh": f"{ea.face:g}{unit} ÷ {ba.face:g}{unit} = ×{implied[i]:.4f}；水平允许"
                f"{levels_allow}",
            },
            f"{ba.face:g}{unit} × {f[i, 0]:g} = "
            f"{show_amount(plan, c.indicator, float(b[i, 0] * f[i, 0]), ea.stated, 2)}",
        )
        if has_other[i]:
            other, other_allows = (
                _other(g.figure.kind, g.figure.value)[1],
                fmt.interval(alt[i, 1], alt[i, 2], _fx),
            )
            steps += (
                {
                    "en": f"other reading {other}, allowing {other_allows}",
                    "zh": f"另一种理解{other}，允许{other_allows}",
                },
            )
        data = {
            "base_year": c.base_year,
            "end_year": c.end_year,
            "stated_factor": data_val(Val(*f[i])),
            "implied_factor": data_val(Val(implied[i], ilo[i], ihi[i])),
            "expected": float(b[i, 0] * f[i, 0]),
            "actual": float(e[i, 0]),
            "unit": unit,
        }
        if sev is Severity.ERROR:
            mid = "other-reading" if alt_fits[i] else "mismatch"
            if alt_fits[i]:
                data["fitting_reading"] = "multiple" if shift[i] < 0 else "growth_times"
        elif sev is Severity.WARNING and not feasible[i]:
            mid = "round-word"
            params |= round_word_params(g, fl[i, 1], fl[i, 2]) | {"spread": levels_allow}
            data["round_word_factor"] = data_val(Val(*fl[i]))
            steps += (
                {
                    "en": f"{g.text} as a round word allows {params['loose']}",
                    "zh": f"{g.text}作约数允许{params['loose']}",
                },
            )
        elif sev is Severity.WARNING:
            mid = "rounding"
        elif has_other[i] and not alt_fits[i]:
            sev, mid = Severity.NOTE, "reading"
        else:
            continue
        yield Finding(
            CODE,
            sev,
            c.indicator,
            g.mark,
            mid,
            params,
            data=data,
            scope=c.scope,
            steps=steps,
            related=(ba.stated.mark, ea.stated.mark),
        )


def _fx(x: float) -> str:
    return fmt.factor(x, 4)
