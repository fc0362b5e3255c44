"""The terminal view: a table of every target, then the findings, then a summary line."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ezplan import fmt
from ezplan.findings import Finding, Severity, summary
from ezplan.i18n import plan_period, t
from ezplan.report import Report, Run
from ezplan.verdicts import CONSISTENT, NOT_CHECKABLE, TargetRow

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}
MARK = {Severity.ERROR: "✗", Severity.WARNING: "!", Severity.NOTE: "i"}


def verdict_text(row: TargetRow, lang: str) -> Text:
    """✓ consistent, – not checkable, ! warning or ✗ error."""
    status = row.status
    if status == CONSISTENT:
        return Text(f"✓ {t('consistent', lang)}", style="green")
    if status == NOT_CHECKABLE:
        return Text(f"– {t('not_checkable', lang)}", style="magenta")
    sev = Severity.ERROR if status == "error" else Severity.WARNING
    return Text(f"{MARK[sev]} {t(sev.label, lang)}", style=STYLE[sev])


def _row_cells(row: TargetRow, lang: str, years_in_header: bool) -> list[Text | str]:
    name = row.name if lang == "zh" or not row.name_en else row.name_en
    base = row.base.text if row.base else "—"
    if row.target:
        target = "\n".join(s.text for s in row.target)
        if row.cumulative:
            target = f"{t('cumulative', lang)} {target}"
    else:
        target = "—"
    if not years_in_header:
        base = f"{base} ({row.base_year})" if row.base else base
        target = f"{target} ({row.end_year})"
    stated = row.stated_rate.text if row.stated_rate else "—"
    if row.stated_total is not None:
        stated = f"{stated}\n{row.stated_total.text}" if row.stated_rate else row.stated_total.text
    implied = fmt.rate(row.implied_rate, 2) if row.implied_rate is not None else "—"
    if row.implied_bound and row.implied_rate is not None:
        implied = f"{row.implied_bound} {implied}"
    return [name, base, target, stated, implied, verdict_text(row, lang)]


def targets_table(report: Report, lang: str) -> Table:
    rows = report.rows
    years = {(r.base_year, r.end_year) for r in rows}
    in_header = len(years) == 1
    by, ey = next(iter(years)) if in_header else (report.plan.base_year, report.plan.target_year)
    plan = report.plan
    table = Table(
        title=f"{plan.name} · {plan_period(plan.base_year, plan.target_year, lang)}",
        box=box.SIMPLE_HEAD,
        show_lines=False,
        expand=False,
        title_justify="left",
        pad_edge=False,
    )
    table.add_column(t("indicator", lang), min_width=16, overflow="fold")
    table.add_column(
        f"{t('base', lang)} {by}" if in_header else t("base", lang), justify="right", no_wrap=True
    )
    table.add_column(
        f"{t('target', lang)} {ey}" if in_header else t("target", lang),
        justify="right",
        no_wrap=True,
    )
    table.add_column(t("stated_rate", lang), justify="right", no_wrap=True)
    table.add_column(t("implied_rate", lang), justify="right", no_wrap=True)
    table.add_column(t("verdict", lang), no_wrap=True)
    for row in rows:
        table.add_row(*_row_cells(row, lang, in_header))
    return table


def indented(text: Text, console: Console, indent: int = 4) -> Text:
    """`text` wrapped to the console width with every line indented, no trailing spaces."""
    width = max(20, console.width - indent)
    out = Text()
    for i, line in enumerate(text.wrap(console, width)):
        line.rstrip()
        out.append("\n" if i else "")
        out.append(" " * indent)
        out.append_text(line)
    return out


def finding_text(f: Finding, lang: str, name: str | None, console: Console) -> Text:
    head = Text()
    head.append(f"{MARK[f.severity]} {t(f.severity.label, lang)}", style=STYLE[f.severity])
    head.append(f"  {f.mark}", style="bold")
    head.append(f"  {f.check}", style="dim")
    if name:
        head.append(f"  {name}")
    head.append("\n")
    head.append_text(indented(Text(f.message(lang)), console))
    return head


def by_severity(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then notes; each in file order."""
    return sorted(findings, key=lambda f: (-f.severity, f.key))


def render_report(report: Report, console: Console, lang: str) -> None:
    if report.rows:
        console.print(targets_table(report, lang))
    indicators = report.plan.indicators
    if report.findings:
        console.print(Text(t("findings", lang), style="bold underline"))
        for f in by_severity(report.findings):
            ind = indicators.get(f.indicator) if f.indicator else None
            console.print(finding_text(f, lang, ind.label(lang) if ind else None, console))
    else:
        console.print(Text(t("no_findings", lang), style="green"))


def render(run: Run, console: Console, lang: str) -> None:
    """Each plan in turn, then one summary line over all of them.

    A plan that could not be read is reported by the caller on stderr; here it is skipped.
    """
    shown = [r for r in run.results if r.report is not None]
    for i, result in enumerate(shown):
        if len(run.results) > 1:
            if i:
                console.print()
            console.print(Text(f"── {result.name} ──", style="bold"))
        assert result.report is not None
        render_report(result.report, console, lang)
    counts = summary(run.findings)
    style = "bold red" if counts["error"] else "yellow" if counts["warning"] else "green"
    console.print()
    console.print(Text(run.summary_line(lang), style=style))
