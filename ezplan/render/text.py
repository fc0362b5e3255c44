"""The terminal view: a table of every target, then the findings, then a summary line.

It reads the same at 60, 80 or 120 columns: numbers and verdicts are never split or cut. The
table gives the indicator names whatever width the figures leave and wraps them; when the
figures alone do not fit, each target becomes a short block of lines instead. Messages wrap
between words and Chinese characters, never inside a figure. Plan text is shown as text, never
read as markup, and control characters in it are shown escaped.

Without colour (a pipe, a file, ``--no-color``) the lines are written as text, as rich would
lay them out (`Plain`), which is fifty times faster on a large plan; with colour, rich prints.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.control import strip_control_codes
from rich.table import Table
from rich.text import Text

from ezplan.errors import InputError, printable
from ezplan.findings import Finding, Severity
from ezplan.i18n import colon, plan_period, t
from ezplan.render.plain import Plain
from ezplan.render.wrap import cells, wrap, wrap_balanced, wrap_clauses, wrap_fits
from ezplan.report import PlanResult, Report, Run, Tally
from ezplan.verdicts import CONSISTENT, NOT_CHECKABLE, TargetRow

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}
MARK = {Severity.ERROR: "✗", Severity.WARNING: "!", Severity.NOTE: "i"}
NAME_MIN = 10  # below this the table gives way to one block per target
_GAP = 3  # cells between two columns: padding, the (blank) rule, padding


def shown(text: str) -> str:
    """Plan text for the terminal: control characters escaped, so no escape sequence from a
    YAML string reaches the terminal and every line stays one line."""
    return printable(text, keep_newlines=True)


def verdict_text(row: TargetRow, lang: str) -> Text:
    """✓ consistent, – not checkable, ! warning or ✗ error."""
    status = row.status
    if status == CONSISTENT:
        return Text(f"✓ {t('consistent', lang)}", style="green")
    if status == NOT_CHECKABLE:
        return Text(f"– {t('not_checkable', lang)}", style="magenta")
    sev = Severity.ERROR if status == "error" else Severity.WARNING
    return Text(f"{MARK[sev]} {t(sev.label, lang)}", style=STYLE[sev])


def _cells(row: TargetRow, lang: str, years_in_header: bool) -> list[str]:
    """base, target, stated, implied — each as lines of whole figures."""
    base = shown(row.base.text) if row.base else "—"
    if row.target:
        target = "\n".join(shown(s.text) for s in row.target)
        if row.cumulative:
            target = f"{t('cumulative', lang)} {target}"
    else:
        target = "—"
    if not years_in_header:
        base = f"{base}{_in_year(row.base_year, lang)}" if row.base else base
        target = f"{target}{_in_year(row.end_year, lang)}"
    stated = "\n".join(shown(s.text) for s in row.stated) or "—"
    return [base, target, stated, row.implied(lang)]


def _in_year(year: int, lang: str) -> str:
    return f"（{year}年）" if lang == "zh" else f" ({year})"


def _width(cell: str | Text) -> int:
    return max(cell_len(line) for line in str(cell).split("\n"))


def _headers(report: Report, lang: str) -> tuple[list[str], bool]:
    years = {(r.base_year, r.end_year) for r in report.rows}
    in_header = len(years) == 1
    base, target = t("base", lang), t("target", lang)
    if in_header:
        by, ey = next(iter(years))
        base, target = f"{base} {by}", f"{target} {ey}"
    heads = [base, target, t("stated_rate", lang), t("implied_rate", lang)]
    return heads, in_header


def _title(report: Report, lang: str) -> str:
    plan = report.plan
    name = plan.name_en if lang == "en" and plan.name_en else plan.name
    return f"{shown(name)} · {plan_period(plan.base_year, plan.target_year, lang)}"


def targets_view(report: Report, lang: str, width: int) -> list[TargetsTable | Text]:
    """The targets as a table, or as blocks of lines where a table would cut a figure."""
    heads, in_header = _headers(report, lang)
    cells = [_cells(r, lang, in_header) for r in report.rows]
    verdicts = [verdict_text(r, lang) for r in report.rows]
    fixed = [
        max([_width(h) for h in head.split("\n")] + [_width(c[i]) for c in cells])
        for i, head in enumerate(heads)
    ]
    verdict_w = max([_width(t("verdict", lang))] + [_width(v) for v in verdicts])
    name_w = width - sum(fixed) - verdict_w - _GAP * (len(heads) + 1)
    if name_w >= NAME_MIN:
        return [_table(report, lang, heads, cells, verdicts, fixed, verdict_w, name_w)]
    return _blocks(report, lang, heads, cells, verdicts, width)


@dataclass
class TargetsTable:
    """The targets table as its texts: written as lines where rich would print them unchanged
    (`_table_rows`), else made the rich `Table` it stands for (`table`) — which costs more than
    the lines themselves on a plan of thousands of targets."""

    title: str
    headers: list[str]  # the indicator's, the figures', the verdict's
    widths: list[int]
    right: list[bool]  # justified right
    rows: list[list[str]]  # the name's lines, the figures, the verdict: as their Texts read
    verdicts: list[Text]  # the verdicts in their colours

    def table(self, body: bool = True) -> Table:
        """The rich table; without `body`, its title and header alone."""
        table = Table(
            title=Text(self.title),  # plan text, never markup
            box=box.SIMPLE_HEAD,
            expand=False,
            title_justify="left",
            pad_edge=False,
            show_edge=False,
        )
        for head, w, right in zip(self.headers, self.widths, self.right, strict=True):
            table.add_column(head, justify="right" if right else "left", no_wrap=True, width=w)
        if body:
            for row, verdict in zip(self.rows, self.verdicts, strict=True):
                table.add_row(*(Text(c) for c in row[:-1]), verdict)
        return table


def _table(
    report: Report,
    lang: str,
    heads: list[str],
    cells: list[list[str]],
    verdicts: list[Text],
    fixed: list[int],
    verdict_w: int,
    name_w: int,
) -> TargetsTable:
    names = [shown(r.label(lang)) for r in report.rows]
    name_w = min(name_w, max([_width(t("indicator", lang))] + [_width(n) for n in names]))
    rows = [
        # as a Text reads them (it drops the control codes `shown` has already escaped)
        [strip_control_codes(c) for c in ["\n".join(wrap_balanced(name, name_w)), *row_cells]]
        + [verdict.plain]
        for name, row_cells, verdict in zip(names, cells, verdicts, strict=True)
    ]
    return TargetsTable(
        _title(report, lang),
        [t("indicator", lang), *heads, t("verdict", lang)],
        [name_w, *fixed, verdict_w],
        [False] + [True] * len(heads) + [False],
        rows,
        verdicts,
    )


def _table_rows(out: Plain, table: TargetsTable) -> bool:
    """The body of the targets table as text, under its title and header printed by rich;
    False (nothing written) when a cell would not fit its column."""
    lines = out.table_rows(table.rows, table.widths, table.right)
    if lines is None:
        return False
    written = _head_lines(out, table)
    if written is not None:
        out.write(written)
    else:
        out.rich(table.table(body=False))
    out.write(lines)
    return True


def _head_lines(out: Plain, table: TargetsTable) -> str | None:
    """The title, the header and the rule under it, as rich prints them without colour (each
    line as wide as the table); None where rich would lay out the title otherwise — wrapped,
    or spaces in it changed."""
    widths, right = table.widths, table.right
    width = sum(widths) + _GAP * (len(widths) - 1)
    title = strip_control_codes(table.title)  # as its Text reads
    if "\n" in title or "\t" in title or title != title.strip() or "  " in title:
        return None
    if cells(title) > width:
        return None
    heads = [h.split("\n") for h in table.headers]
    depth = max(len(h) for h in heads)
    # the header's cells are aligned at the bottom: empty lines above the shorter ones
    header = out.table_rows(
        [["\n".join([""] * (depth - len(h)) + h) for h in heads]], widths, right
    )
    if header is None:
        return None
    return f"{title}{' ' * (width - cells(title))}\n{header}{'─' * width}\n"


def _blocks(
    report: Report,
    lang: str,
    heads: list[str],
    cells: list[list[str]],
    verdicts: list[Text],
    width: int,
) -> list[Text]:
    """One block per target: its name and verdict, then `label: figures` lines."""
    out = [Text(_title(report, lang), style="italic")]
    labels = [h.replace("\n", " ") for h in heads]
    for row, row_cells, verdict in zip(report.rows, cells, verdicts, strict=True):
        block = Text()
        for line in wrap(shown(row.label(lang)), max(NAME_MIN, width - _width(verdict) - 2)):
            block.append(line + "\n", style="bold")
        block.append("  ")
        block.append_text(verdict)
        for label, cell in zip(labels, row_cells, strict=True):
            if cell == "—":
                continue
            after_label = colon(lang)
            text = f"{label}{after_label}{cell.replace(chr(10), ' · ')}"
            for line in wrap(text, width - 4):
                block.append(f"\n    {line}")
        out.append(block)
    return out


def indented(text: str, console: Console, indent: int = 4, style: str = "") -> Text:
    """`text` wrapped to the console width with every line indented, figures kept whole."""
    out = Text()
    for i, line in enumerate(wrap(text, max(20, console.width - indent))):
        out.append("\n" if i else "")
        out.append(" " * indent + line, style=style)
    return out


def finding_text(f: Finding, lang: str, name: str | None, console: Console) -> Text:
    head = Text()
    head.append(f"{MARK[f.severity]} {t(f.severity.label, lang)}", style=STYLE[f.severity])
    where = f"  {shown(str(f.mark))}  {f.check}"
    rest = f"  {shown(name)}" if name else ""
    if cell_len(head.plain + where + rest) <= console.width:
        head.append(f"  {shown(str(f.mark))}", style="bold")
        head.append(f"  {f.check}", style="dim")
        head.append(rest)
    else:  # the name goes on its own line rather than being cut
        head.append(f"  {shown(str(f.mark))}", style="bold")
        head.append(f"  {f.check}", style="dim")
        if name:
            head.append("\n")
            head.append_text(indented(shown(name), console, 2))
    head.append("\n")
    head.append_text(indented(shown(f.message(lang, glued=True)), console))
    return head


def finding_lines(f: Finding, lang: str, name: str | None, width: int) -> tuple[str, bool]:
    """`finding_text` as the lines rich would print without colour, and whether each is within
    `width` (rich prints them unchanged only then)."""
    head = f"{MARK[f.severity]} {t(f.severity.label, lang)}  {shown(str(f.mark))}  {f.check}"
    rest = f"  {shown(name)}" if name else ""
    lines = []
    if cells(head + rest) <= width:
        lines.append(head + rest)
        fit = True
    else:
        lines.append(head)
        fit = cells(head) <= width
        if name:
            named, named_fit = wrap_fits(shown(name), max(20, width - 2))
            lines.extend("  " + line for line in named)
            fit = fit and named_fit and width >= 22
    message, message_fit = wrap_fits(shown(f.message(lang, glued=True)), max(20, width - 4))
    lines.extend("    " + line for line in message)
    fit = fit and message_fit and width >= 24
    return "\n".join(lines) + "\n", fit


def by_severity(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then notes; each in file order."""
    return sorted(findings, key=lambda f: (-f.severity, f.key))


def render_report(report: Report, console: Console, lang: str) -> None:
    out = Plain(console)
    _report(report, out, lang)
    out.flush()


def _report(report: Report, out: Plain, lang: str) -> None:
    console = out.console
    if report.rows:
        for part in targets_view(report, lang, out.width):
            if isinstance(part, TargetsTable):
                if not (out.plain and _table_rows(out, part)):
                    out.rich(part.table())
            else:
                out.rich(part)
        out.rich()
    else:  # nothing to check a figure against: no "the figures agree"
        out.rich(Text(_title(report, lang), style="italic"))
        out.rich(Text(t("no_targets", lang), style="dim"))
        if report.findings:
            out.rich()
    indicators = report.plan.indicators
    if report.findings:
        # a finding filed under one indicator that also decides other targets' verdicts (a
        # whole-plan contradiction) names them, so every ! or ✗ in the table has its reason here
        others: dict[tuple[str, int, int, str], list[str]] = {}
        for r in report.rows:
            for key in r.weighed_by:
                others.setdefault(key, []).append(r.indicator)
        out.rich(Text(t("findings", lang), style="bold underline"))
        for f in by_severity(report.findings):
            ind = indicators.get(f.indicator) if f.indicator else None
            name = ind.label(lang) if ind else None
            also = [indicators[i].label(lang) for i in others.get(f.key, ()) if i != f.indicator]
            also = list(dict.fromkeys(also))  # a target weighed twice by it, named once
            if name and also:
                names = ("、" if lang == "zh" else ", ").join(also)
                name += t("also_weighs_on", lang, names=names)
            if out.plain and out.fitted(*finding_lines(f, lang, name, out.width)):
                continue
            out.rich(finding_text(f, lang, name, console))
    elif report.rows:
        out.rich(Text(t("no_findings", lang), style="green"))


def render(run: Run, console: Console, lang: str) -> None:
    """Each plan in turn, then one summary line over all of them.

    A plan that could not be read is reported by the caller on stderr; here it is skipped.
    """
    render_each(run.results, console, lang, len(run.results) > 1, summary_always=True)


@dataclass
class PlanText:
    """A plan's part of `render_each`'s output among several, laid out where the plan was
    checked (`plan_text`, in a pool's worker): the parent writes text, which pickles in a
    fraction of the time the plan's findings would, instead of unpickling and laying them out."""

    name: str
    error: InputError | None  # the plan could not be read (said on stderr by the caller)
    tally: Tally  # the plan's counts, for the summary line and the exit code
    text: str  # its heading and report ("" for a plan that could not be read)


def plan_text(result: PlanResult, lang: str, width: int) -> PlanText:
    """`result`'s part of `render_each`'s output on a console without colour `width` wide."""
    tally = Tally()
    tally.add(result)
    if result.report is None:
        return PlanText(result.name, result.error, tally, "")
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system=None,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,  # as the parent's console, which `preparer` requires to be modern
    )
    out = Plain(console)
    _plan(result, out, lang)
    out.flush()
    return PlanText(result.name, result.error, tally, buffer.getvalue())


def preparer(console: Console, lang: str) -> Callable[[PlanResult], PlanText] | None:
    """`plan_text` for `console`, where it writes as a console of its width without colour
    would (no colour, UTF-8): what a worker can make of each result for `render_each`."""
    if not (Plain(console).plain and console.encoding == "utf-8"):
        return None
    return partial(plan_text, lang=lang, width=console.width)


def _plan(result: PlanResult, out: Plain, lang: str) -> None:
    """A readable plan's heading and report, among several."""
    assert result.report is not None
    out.rich(Text(f"── {shown(result.name)} ──", style="bold"))
    _report(result.report, out, lang)


def render_each(
    results: Iterable[PlanResult | PlanText],
    console: Console,
    lang: str,
    many: bool,
    summary_always: bool = False,
) -> Tally:
    """`render`, a plan at a time as results come (each written, then let go); the summary
    line if some plan could be read (or always). A result may come as its `plan_text`, made
    by `preparer(console, lang)`."""
    out = Plain(console)
    tally = Tally()
    for result in results:
        if isinstance(result, PlanText):
            tally.merge(result.tally)
            if result.text:
                if tally.readable > 1:
                    out.rich()
                out.write(result.text)
                out.flush()
            continue
        tally.add(result)
        if result.report is None:
            continue
        if many:
            if tally.readable > 1:
                out.rich()
            _plan(result, out, lang)
        else:
            _report(result.report, out, lang)
        out.flush()
    if tally.readable or summary_always:
        counts = tally.counts
        style = "bold red" if counts["error"] else "yellow" if counts["warning"] else "green"
        out.rich()
        line = tally.summary_line(lang, glued=True)
        if lang == "zh":  # no spaces to break at: whole clauses rather than 共3个错 / 误
            out.rich(Text("\n".join(wrap_clauses(line, max(20, console.width))), style=style))
        else:
            out.rich(indented(line, console, 0, style))
    out.flush()
    return tally
