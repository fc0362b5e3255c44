"""One self-contained HTML page: check results, milestone tables and a chart per target.

Everything is inline — styles, and each chart as an <svg> element — so the page makes no request
to any network or file when it is mailed to a colleague, and it prints cleanly.
"""

from __future__ import annotations

from html import escape

from ezplan import __version__, fmt
from ezplan.i18n import plan_period, t
from ezplan.milestones import Milestones
from ezplan.progress import Progress
from ezplan.render import charts
from ezplan.render.milestone_tables import (
    _cell,
    columns,
    progress_headers,
    progress_rows,
)
from ezplan.render.milestone_tables import needs as milestone_needs
from ezplan.render.text import by_severity
from ezplan.report import Report
from ezplan.verdicts import CONSISTENT, NOT_CHECKABLE, TargetRow

CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; color: #222; line-height: 1.5;
       padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1f5fa8; padding-bottom: 0.2rem;
     margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; }
th { background: #eef3f9; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.error { color: #b00020; font-weight: bold; } .warning { color: #a15c00; font-weight: bold; }
.note { color: #2b6a8a; } .ok { color: #1b7a3a; } .unchecked { color: #7a3b8a; }
.finding { margin: 0.4rem 0; } .where { font-family: monospace; color: #555; }
.target { page-break-inside: avoid; break-inside: avoid; margin-bottom: 1.5rem; }
.chart svg { max-width: 100%; height: auto; }
.summary { font-size: 1.05rem; } footer { color: #777; font-size: 0.8rem; margin-top: 3rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
"""


def _verdict(row: TargetRow, lang: str) -> str:
    status = row.status
    if status == CONSISTENT:
        return f'<span class="ok">✓ {escape(t("consistent", lang))}</span>'
    if status == NOT_CHECKABLE:
        return f'<span class="unchecked">– {escape(t("not_checkable", lang))}</span>'
    mark = "✗" if status == "error" else "!"
    return f'<span class="{status}">{mark} {escape(t(status, lang))}</span>'


def _targets(report: Report, lang: str) -> str:
    head = ["indicator", "base", "target", "stated_rate", "implied_rate", "verdict"]
    rows = []
    for r in report.rows:
        target = " / ".join(s.text for s in r.target) or "—"
        if r.cumulative:
            target = f"{t('cumulative', lang)} {target}"
        stated = " / ".join(s.text for s in (r.stated_rate, r.stated_total) if s) or "—"
        implied = fmt.rate(r.implied_rate, 2) if r.implied_rate is not None else "—"
        name = r.name if lang == "zh" or not r.name_en else r.name_en
        rows.append(
            f"<tr><td>{escape(name)}</td>"
            f'<td class="n">{escape(f"{r.base.text} ({r.base_year})" if r.base else "—")}</td>'
            f'<td class="n">{escape(target)} ({r.end_year})</td>'
            f'<td class="n">{escape(stated)}</td><td class="n">{escape(implied)}</td>'
            f"<td>{_verdict(r, lang)}</td></tr>"
        )
    ths = "".join(f"<th>{escape(t(h, lang).replace(chr(10), ' '))}</th>" for h in head)
    return f"<table><tr>{ths}</tr>{''.join(rows)}</table>"


def _findings(report: Report, lang: str) -> str:
    if not report.findings:
        return f'<p class="ok">{escape(t("no_findings", lang))}</p>'
    items = []
    for f in by_severity(report.findings):
        ind = report.plan.indicators.get(f.indicator) if f.indicator else None
        name = f" {escape(ind.label(lang))}" if ind else ""
        items.append(
            f'<div class="finding"><span class="{f.severity.label}">'
            f"{escape(t(f.severity.label, lang))}</span> "
            f'<span class="where">{escape(str(f.mark))} {escape(f.check)}</span>{name}<br>'
            f"{escape(f.message(lang))}</div>"
        )
    return "".join(items)


def _milestone_table(m: Milestones, lang: str) -> str:
    cols = columns(m, lang)
    if not cols:
        return ""
    head = "".join(f"<th>{escape(h)}</th>" for h in [t("year", lang), *(c.header for c in cols)])
    body = "".join(
        f'<tr><td class="n">{y}</td>'
        + "".join(
            f'<td class="n">{escape(_cell(c.values.get(y), c.decimals) or "—")}</td>' for c in cols
        )
        + "</tr>"
        for y in m.years
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _progress(ms: list[Milestones], progress: list[Progress], lang: str) -> str:
    if all(p.status == "no_actuals" for p in progress):
        return f"<p>{escape(t('no_actuals', lang))}</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in progress_headers(lang))
    numeric = ' class="n"'
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{'' if i in (0, len(row) - 1) else numeric}>{escape(c)}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in progress_rows(ms, progress, lang)
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def render(report: Report, ms: list[Milestones], progress: list[Progress], lang: str) -> str:
    plan = report.plan
    sections = []
    for m in ms:
        table = _milestone_table(m, lang)
        if not table:
            continue
        svg, _ = charts.render([m], "svg", lang)
        unit = f"（{m.unit}）" if lang == "zh" else f" ({m.unit})"
        needs = milestone_needs(m, lang)
        sections.append(
            f'<section class="target" id="{escape(m.indicator)}">'
            f"<h3>{escape(m.label(lang))}{escape(unit)}</h3><p>{escape(needs)}</p>"
            f'{table}<div class="chart">{charts.inline_svg(svg)}</div></section>'
        )
    title = escape(plan.name)
    period = escape(plan_period(plan.base_year, plan.target_year, lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        f'<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{title}</title><style>{CSS}</style></head><body>"
        f"<h1>{title}</h1><p>{period}</p>"
        f'<p class="summary">{escape(report.summary_line(lang))}</p>'
        f"<h2>{escape(t('target', lang))}</h2>{_targets(report, lang)}"
        f"<h2>{escape(t('findings', lang))}</h2>{_findings(report, lang)}"
        f"<h2>{escape(t('progress', lang))}</h2>{_progress(ms, progress, lang)}"
        f"<h2>{escape(t('milestones_title', lang))}</h2>{''.join(sections)}"
        f"<footer>ezplan {escape(__version__)} · {escape(plan.baselines_file)}, "
        f"{escape(plan.targets_file)}</footer></body></html>\n"
    )
