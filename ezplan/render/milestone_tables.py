"""Milestones and progress as tables: one layout, shown in the terminal, Markdown, CSV, JSON.

The wide layout puts years down the rows and, for each target, its columns side by side with
the unit in the header — what people who open it in Excel expect. Numbers keep the precision
the plan itself uses for that indicator; rates show to 0.01%.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ezplan import fmt
from ezplan.i18n import t
from ezplan.milestones import Milestones
from ezplan.progress import Progress


@dataclass(frozen=True)
class Column:
    header: str
    values: dict[int, float]  # by year
    decimals: int
    unit: str


def columns(m: Milestones, lang: str) -> list[Column]:
    """The yearly series of one target, as labelled columns."""
    unit = m.unit.symbol
    years = m.years
    out = []

    def add(key: str, series: list[float] | None) -> None:
        if series is not None:
            out.append(
                Column(t(key, lang), dict(zip(years, series, strict=True)), m.decimals, unit)
            )

    if m.cumulative:
        add("amount", m.amounts)
        add("running_total", m.running_total)
    else:
        add("required_path", m.required)
        add("stated_path", m.at_stated_rate)
    if m.actuals:
        out.append(Column(t("actual", lang), dict(m.actuals), m.decimals, unit))
    return out


def wide(ms: list[Milestones], lang: str) -> tuple[list[str], list[list[Any]], list[int | None]]:
    """Headers, rows (numbers unformatted, None where empty) and each column's decimals."""
    cols: list[tuple[str, Column]] = []
    for m in ms:
        for c in columns(m, lang):
            unit = f"（{c.unit}）" if lang == "zh" else f" ({c.unit})"
            cols.append((f"{m.label(lang)}·{c.header}{unit}", c))
    years = sorted({y for _, c in cols for y in c.values})
    headers = [t("year", lang)] + [h for h, _ in cols]
    rows = [[y] + [c.values.get(y) for _, c in cols] for y in years]
    return headers, rows, [None] + [c.decimals for _, c in cols]


def _cell(x: Any, decimals: int | None) -> str:
    if x is None:
        return ""
    if decimals is None:
        return str(x)
    return fmt.number(float(x), decimals)


def csv_text(ms: list[Milestones], lang: str) -> str:
    """CSV with a UTF-8 BOM, so Excel and WPS open the Chinese headers intact."""
    headers, rows, decimals = wide(ms, lang)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(headers)
    for row in rows:
        w.writerow([_cell(x, d) for x, d in zip(row, decimals, strict=True)])
    return "\ufeff" + buf.getvalue()


def _summary(m: Milestones, lang: str) -> str:
    parts = [f"{m.label(lang)}（{m.unit}）" if lang == "zh" else f"{m.label(lang)} ({m.unit})"]
    if m.required_rate is not None:
        parts.append(needs(m, lang))
    if m.stated_rate_text is not None:
        parts.append(t("plan_rate", lang, rate=m.stated_rate_text))
    if m.stated_change_text is not None:
        parts.append(t("plan_rate", lang, rate=m.stated_change_text))
    return " · ".join(parts)


def needs(m: Milestones, lang: str) -> str:
    """需年均增长8.89% / needs 8.89% a year; in points for a ratio indicator."""
    if m.required_rate is None:
        return ""
    words = fmt.points_words if m.points else fmt.growth_words
    return t("needs", lang, rate=words(m.required_rate, 2)[lang])


def _num(x: float | None, decimals: int) -> str:
    return "—" if x is None else fmt.number(x, decimals)


def _rate(x: float | None, points: bool = False) -> str:
    """A rate a year: 8.89%, or for a ratio indicator +1.20个百分点."""
    if x is None:
        return "—"
    return fmt.points(x, 2) if points else fmt.rate(x, 2)


def progress_rows(ms: list[Milestones], progress: list[Progress], lang: str) -> list[list[str]]:
    rows = []
    for m, p in zip(ms, progress, strict=True):
        d = m.decimals
        latest = "—" if p.year is None else f"{_num(p.actual, d)} ({p.year})"
        gap = "—" if p.gap_pct is None else fmt.number(p.gap_pct, 1) + "%"
        if p.points and p.gap is not None:
            gap = fmt.points(p.gap, 1)
        rows.append(
            [
                m.label(lang),
                latest,
                _num(p.milestone, d),
                gap,
                _rate(p.achieved_rate, p.points),
                _rate(p.remaining_rate, p.points),
                _num(p.projection, d),
                t(p.status, lang),
            ]
        )
    return rows


PROGRESS_KEYS = [
    "indicator",
    "latest",
    "milestone",
    "gap_pct",
    "achieved_rate",
    "remaining_rate",
    "projection",
    "status",
]


def progress_headers(lang: str) -> list[str]:
    return [t(k, lang) for k in PROGRESS_KEYS]


def render_text(
    ms: list[Milestones], progress: list[Progress], console: Console, lang: str
) -> None:
    if not ms:
        console.print(Text(t("no_targets", lang), style="dim"))
        return
    for m in ms:
        cols = columns(m, lang)
        if not cols:
            continue
        console.print(Text(_summary(m, lang), style="bold"))
        table = Table(box=box.SIMPLE_HEAD)
        table.add_column(t("year", lang), justify="right")
        for c in cols:
            table.add_column(c.header, justify="right")
        for y in m.years:
            table.add_row(str(y), *(_cell(c.values.get(y), c.decimals) or "—" for c in cols))
        console.print(table)
    if any(p.status != "no_actuals" for p in progress):
        table = Table(title=t("progress", lang), title_justify="left", box=box.SIMPLE_HEAD)
        for i, h in enumerate(progress_headers(lang)):
            table.add_column(h, justify="left" if i in (0, 7) else "right")
        for row in progress_rows(ms, progress, lang):
            table.add_row(*row)
        console.print(table)
    else:
        console.print(Text(f"{t('progress', lang)}: {t('no_actuals', lang)}", style="dim"))


def markdown(ms: list[Milestones], progress: list[Progress], lang: str) -> str:
    out = []
    for m in ms:
        cols = columns(m, lang)
        if not cols:
            continue
        out.append(f"### {_summary(m, lang)}\n")
        out.append("| " + " | ".join([t("year", lang), *(c.header for c in cols)]) + " |")
        out.append("|" + "---:|" * (len(cols) + 1))
        for y in m.years:
            cells = [_cell(c.values.get(y), c.decimals) or "—" for c in cols]
            out.append(f"| {y} | " + " | ".join(cells) + " |")
        out.append("")
    if not ms:
        return t("no_targets", lang) + "\n"
    out.append(f"### {t('progress', lang)}\n")
    if all(p.status == "no_actuals" for p in progress):
        return "\n".join([*out, t("no_actuals", lang)]) + "\n"
    out.append("| " + " | ".join(progress_headers(lang)) + " |")
    out.append("|---|" + "---:|" * 6 + "---|")
    for row in progress_rows(ms, progress, lang):
        out.append("| " + " | ".join(row) + " |")
    return "\n".join(out) + "\n"


def records(ms: list[Milestones], progress: list[Progress]) -> list[dict[str, Any]]:
    """Plain data for JSON: full-precision numbers, one record per target."""
    out = []
    for m, p in zip(ms, progress, strict=True):
        years = m.years
        out.append(
            {
                "indicator": m.indicator,
                "name": m.name,
                "name_en": m.name_en,
                "unit": m.unit.symbol,
                "base_year": m.base_year,
                "end_year": m.end_year,
                "decimals": m.decimals,
                "base": m.base,
                "target": m.target,
                "cumulative": m.cumulative,
                "cumulative_total": m.cumulative_total,
                "stated_rate": m.stated_rate,
                "required_rate": m.required_rate,
                "years": [
                    {
                        "year": y,
                        "required": m.required[i] if m.required else None,
                        "at_stated_rate": m.at_stated_rate[i] if m.at_stated_rate else None,
                        "amount": m.amounts[i] if m.amounts else None,
                        "running_total": m.running_total[i] if m.running_total else None,
                        "actual": m.actuals.get(y),
                    }
                    for i, y in enumerate(years)
                ],
                "progress": {k: v for k, v in p.__dict__.items() if k != "indicator"},
            }
        )
    return out
