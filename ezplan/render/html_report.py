"""One self-contained HTML page: the targets checked, the findings in plain words, progress,
and each target's milestones with a chart — to mail, open offline and print.

Everything is inline — styles, and each chart as an <svg> element written directly (see
`svg_chart`) — so the page makes no request to any network or file. The body speaks to
officials: the plan period, the date, the verdict of every target with its reason, each finding
with the plan's own sentence and the computation behind it, statuses in colour and with a mark
(✓ ! ✗ –) that survives black-and-white printing. Rule codes and `file:line:col` are for whoever
maintains the plan files, in an appendix. Every string from the plan is escaped: plan text is
never markup.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from ezplan import __version__
from ezplan.errors import printable
from ezplan.i18n import plan_period, t
from ezplan.milestones import Milestones
from ezplan.progress import Progress
from ezplan.render import milestone_tables as mt
from ezplan.render import report_content as rc
from ezplan.render import svg_chart
from ezplan.render.charts import chart
from ezplan.report import Report

CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       "SimHei", system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #222;
       line-height: 1.55; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1f5fa8; padding-bottom: 0.2rem;
     margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.3rem; }
.meta { color: #555; margin: 0.2rem 0; }
.summary { font-size: 1.05rem; margin: 0.6rem 0 0; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #c8c8c8; padding: 0.25rem 0.55rem; vertical-align: top; }
th, td { text-wrap: pretty; }  /* no character of a Chinese name alone on its last line */
th { background: #eef3f9; text-align: left; font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.s { white-space: nowrap; font-weight: 600; } td.u { white-space: nowrap; }
.tone-good { background: #e3f2e6; color: #1b6b34; }
.tone-fair { background: #fff1d6; color: #8a5300; }
.tone-poor { background: #fde2cc; color: #a34700; }
.tone-bad { background: #fadbd8; color: #a00018; }
.tone-none { background: #eeeeee; color: #555555; }
.finding { margin: 0.7rem 0; padding: 0.4rem 0.7rem; border-left: 4px solid #999;
           break-inside: avoid; }
.finding.error { border-color: #c0392b; } .finding.warning { border-color: #d08a00; }
.finding.note { border-color: #7da7c7; }
.finding p { margin: 0.15rem 0; }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.2rem; font-weight: 600;
         margin-right: 0.3rem; }
.rule { color: #555; font-size: 0.85rem; }
.quote { color: #333; } .quote q { font-style: normal; }
.calc { color: #555; font-size: 0.82rem; margin: 0.2rem 0 0 1.2rem; padding: 0; }
.note-text { color: #555; font-size: 0.85rem; }
.target { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1.4rem; }
.chart svg { max-width: 100%; height: auto; }
.appendix { font-size: 0.8rem; color: #444; }
.appendix td { padding: 0.1rem 0.4rem; }
.where { font-family: ui-monospace, Consolas, monospace; }
footer { color: #777; font-size: 0.8rem; margin-top: 3rem; border-top: 1px solid #ddd;
         padding-top: 0.4rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; } tr { break-inside: avoid; }
  .tone-good, .tone-fair, .tone-poor, .tone-bad, .tone-none, .badge, th {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"""


def e(s: object) -> str:
    """Plan or message text for HTML: printable and escaped, never markup."""
    return escape(printable(str(s), keep_newlines=True), quote=True)


def _row(cells: list[str], classes: list[str] | None = None) -> str:
    classes = classes or [""] * len(cells)
    return (
        "<tr>"
        + "".join(
            f'<td class="{c}">{x}</td>' if c else f"<td>{x}</td>"
            for x, c in zip(cells, classes, strict=True)
        )
        + "</tr>"
    )


def _head(headers: list[str]) -> str:
    return "<tr>" + "".join(f"<th>{e(h)}</th>" for h in headers) + "</tr>"


def _targets(lines: list[rc.TargetLine], lang: str) -> str:
    headers = [
        t("indicator", lang),
        t("report_unit", lang),
        t("base", lang),
        t("target", lang),
        t("xl_stated", lang),
        t("xl_implied", lang),
        t("verdict", lang),
        t("report_explanation", lang),
    ]
    rows = []
    for line in lines:
        explanation = e(line.explanation)
        if line.findings:  # link each number to its finding
            links = t("report_list_sep", lang).join(
                f'<a href="#finding-{n}">{n}</a>' for n in line.findings
            )
            explanation = e(t("report_see_findings", lang, numbers="\ue000")).replace(
                "\ue000", links
            )
        tone = rc.VERDICT_TONE[line.status]
        rows.append(
            _row(
                [
                    e(line.name),
                    e(line.unit),
                    e(line.base),
                    e(line.target),
                    e(line.stated),
                    e(line.implied),
                    e(line.verdict),
                    explanation,
                ],
                ["", "u", "n", "n", "n", "n", f"s tone-{tone}", ""],
            )
        )
    return f'<table class="targets">{_head(headers)}{"".join(rows)}</table>'


def _finding(item: rc.FindingItem, lang: str) -> str:
    key = "report_note_no" if item.severity == "note" else "report_finding_no"
    head = (
        f'<span class="badge tone-{rc.SEVERITY_TONE[item.severity]}">{e(item.mark)} '
        f"{e(t(item.severity, lang))}</span><b>{e(t(key, lang, n=item.number))}</b>"
    )
    if item.indicator:
        head += f" {e(item.indicator)}"
    head += f' <span class="rule">· {e(item.rule)}</span>'
    out = [f"<p>{head}</p>", f"<p>{e(item.message)}</p>"]
    if item.quote:
        where = ""
        if item.section:
            label = t("report_section", lang) + t("report_colon", lang)
            where = e(t("report_paren", lang, x=label + item.section))
        out.append(
            f'<p class="quote">{e(t("quote_header", lang) + t("report_colon", lang))}'
            f"{e(item.quote)}{where}</p>"
        )
    if item.steps:
        steps = "".join(f"<li>{e(s)}</li>" for s in item.steps)
        out.append(
            f'<p class="note-text">{e(t("report_computation", lang) + t("report_colon", lang))}</p>'
            f'<ol class="calc">{steps}</ol>'
        )
    return f'<div class="finding {item.severity}" id="{item.anchor}">{"".join(out)}</div>'


def _findings(items: list[rc.FindingItem], lang: str) -> str:
    problems = [i for i in items if i.severity != "note"]
    notes = [i for i in items if i.severity == "note"]
    out = [f"<h3>{e(t('report_problems', lang))}</h3>"]
    if problems:
        out += [_finding(i, lang) for i in problems]
    else:
        out.append(f'<p class="tone-good">{e(t("report_no_problems", lang))}</p>')
    if notes:
        out.append(f"<h3>{e(t('report_notes', lang))}</h3>")
        out += [_finding(i, lang) for i in notes]
    return "".join(out)


def _progress(ms: list[Milestones], progress: list[Progress], lang: str) -> str:
    if all(p.status == "no_actuals" for p in progress):
        return f"<p>{e(t('report_progress_none', lang))}</p>"
    keys = mt.PROGRESS_KEYS
    headers = [t("indicator", lang), t("report_unit", lang)]
    headers += [t(k, lang) for k in keys[1:]] + [t("report_explanation", lang)]
    rows = []
    for m, p in zip(ms, progress, strict=True):
        cells = mt.progress_cells(m, p, lang)
        # why it cannot be assessed, or why its status is worse than its ratio says
        why = mt.progress_reason(m, p, lang) or mt.held_back_note(m, p, lang)
        if p.cumulative and not why:
            why = t("xl_cumulative_note", lang)
        tone = mt.STATUS_TONE[p.status]
        rows.append(
            _row(
                [e(m.label(lang)), e(m.unit.symbol)]
                + [e(cells[k]) for k in keys[1:]]
                + [f'<span class="note-text">{e(why)}</span>' if why else ""],
                ["", "u"] + ["n"] * (len(keys) - 2) + [f"s tone-{tone}", ""],
            )
        )
    legend = f'<p class="note-text">{e(t("report_legend_status", lang))}</p>'
    return f'<table class="progress">{_head(headers)}{"".join(rows)}</table>{legend}'


def _milestones(m: Milestones, lang: str) -> str:
    cols = mt.columns(m, lang)
    if not cols:  # shown all the same, with the reason it has no yearly path
        return (
            f'<section class="target" id="target-{e(m.indicator)}">'
            f"<h3>{e(m.label(lang))}{e(mt.unit_suffix(m.unit.symbol, lang))}</h3>"
            f'<p class="note-text">{e(mt.no_path_text(m, lang))}</p></section>'
        )
    headers = [t("year", lang)] + [c.header for c in cols]
    body = "".join(
        _row([str(y)] + [e(c.cell(y, lang) or "—") for c in cols], ["n"] * (len(cols) + 1))
        for y in m.years
    )
    note = mt.derived_note(m, lang)
    c = chart(m, lang)
    figure = f'<div class="chart">{svg_chart.svg(c)}</div>' if c is not None else ""
    return (
        f'<section class="target" id="target-{e(m.indicator)}">'
        f"<h3>{e(m.label(lang))}{e(mt.unit_suffix(m.unit.symbol, lang))}</h3>"
        f"<p>{e(mt.summary(m, lang, with_name=False))}</p>"
        f"<table>{_head(headers)}{body}</table>"
        + (f'<p class="note-text">{e(note)}</p>' if note else "")
        + figure
        + "</section>"
    )


def _appendix(report: Report, items: list[rc.FindingItem], lang: str) -> str:
    plan = report.plan
    headers = [
        t("report_no", lang),
        t("report_severity", lang),
        t("report_rule", lang),
        t("report_rule_code", lang),
        t("report_location", lang),
    ]
    rows = "".join(
        _row(
            [
                f'<a href="#{i.anchor}">{i.number}</a>',
                e(f"{i.mark} {t(i.severity, lang)}"),
                e(i.rule),
                f'<span class="where">{e(i.finding.check)}</span>',
                f'<span class="where">{e(i.where)}</span>',
            ],
            ["n", "", "", "", ""],
        )
        for i in items
    )
    files = f"{plan.baselines_file}, {plan.targets_file}"
    return (
        f'<section class="appendix"><h2>{e(t("report_sec_appendix", lang))}</h2>'
        f"<p>{e(t('report_appendix_intro', lang))} ({e(files)})</p>"
        f"<table>{_head(headers)}{rows}</table></section>"
    )


def render(
    report: Report,
    ms: list[Milestones],
    progress: list[Progress],
    lang: str,
    today: dt.date | None = None,
) -> str:
    plan = report.plan
    items = rc.finding_items(report, lang)
    lines = rc.target_lines(report, items, lang)
    title = rc.plan_title(plan, lang)
    day = rc.date_text(today or rc.generated_on(), lang)
    meta = " · ".join(
        [
            plan_period(plan.base_year, plan.target_year, lang),
            t("report_generated", lang, date=day),
            t("report_made_with", lang, version=__version__),
        ]
    )
    milestones = "".join(_milestones(m, lang) for m in ms)
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f'<meta name="generator" content="ezplan {e(__version__)}">'
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>"
        f'<header><h1>{e(title)}</h1><p class="meta">{e(meta)}</p>'
        f'<p class="summary">{e(report.summary_line(lang))}</p></header>'
        f"<main><h2>{e(t('report_sec_targets', lang))}</h2>{_targets(lines, lang)}"
        f"<h2>{e(t('report_sec_findings', lang))}</h2>{_findings(items, lang)}"
        f"<h2>{e(t('report_sec_progress', lang))}</h2>{_progress(ms, progress, lang)}"
        f"<h2>{e(t('report_sec_milestones', lang))}</h2>"
        f"{milestones or '<p>' + e(t('no_targets', lang)) + '</p>'}</main>"
        f"{_appendix(report, items, lang)}"
        f"<footer>{e(title)} · {e(day)} · ezplan {e(__version__)}</footer></body></html>\n"
    )
