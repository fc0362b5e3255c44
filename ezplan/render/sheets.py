"""The exports' tables — targets, milestones, progress, findings — typed once for CSV and Excel.

Each cell knows what it holds, so that one table gives both a CSV (text, every number formatted
by `ezplan.fmt`) and a worksheet (numbers stay numbers, with the format that shows them):

- amounts carry their unit in the header, or in every cell's number format where one column
  mixes indicators (the Progress sheet; a Unit column says it too);
- percentages follow one convention: stored as fractions and shown as percent (Excel ``0.00%``;
  ``8.89%`` in a CSV, which Excel and WPS read as the same number); changes of a ratio
  indicator are percentage points, a unit of their own (``+0.50个百分点``; in a CSV the bare
  number where the header says points, the whole where it cannot);
- a rate the levels only bound (≥ 2.46%) is text, its ≥ kept;
- a derived value (the base-year amount a cumulative target implies) is marked, never shown as
  if it were data.

Text from the plan is text: never a formula in Excel (a CSV cell that would start one gets a
leading apostrophe), never markup.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ezplan import fmt
from ezplan.i18n import t
from ezplan.milestones import Milestones
from ezplan.progress import Progress
from ezplan.render import milestone_tables as mt
from ezplan.render.report_content import (
    SEVERITY_TONE,
    VERDICT_TONE,
    FindingItem,
    TargetLine,
    text,
)
from ezplan.verdicts import TargetRow

PARTS = ("targets", "milestones", "progress", "findings")


@dataclass(frozen=True)
class Cell:
    value: str | int | float | None
    kind: str = "text"  # text, long (wrapped text), int, num, pct, pts
    decimals: int = 0
    unit: str = ""  # shown in an amount's Excel number format where the header cannot say it
    derived: bool = False  # a derived value: marked in CSV, grey and marked in Excel
    tone: str | None = None  # a status colour: good, fair, poor, bad, none


@dataclass(frozen=True)
class Sheet:
    part: str  # targets, milestones, progress, findings
    title: str  # the sheet's name in the report's language
    headers: list[str]
    rows: list[list[Cell]]


def _pct(x: float | None, decimals: int = 2) -> Cell:
    return Cell(x, "pct", decimals)


def _rate(x: float | None, points: bool) -> Cell:
    return Cell(x, "pts", 2) if points else _pct(x)


def _implied(r: TargetRow, lang: str) -> Cell:
    """The rate a target implies: a number, or where the levels are bounds the bounded rate as
    the check table words it (≥ 2.46%: a bare 2.46% would drop the ≥)."""
    if r.implied_rate is not None and r.implied_bound:
        return Cell(r.implied(lang))
    if r.implied_points is not None:  # the header says %: the cell says points
        return Cell(r.implied_points, "pts", 2, unit="个百分点")
    return _pct(r.implied_rate)


def targets_sheet(lines: list[TargetLine], lang: str) -> Sheet:
    headers = [
        t("indicator_id", lang),
        t("indicator", lang),
        t("report_unit", lang),
        t("xl_base_year", lang),
        t("xl_base", lang),
        t("xl_end_year", lang),
        t("xl_target", lang),
        t("xl_stated", lang),
        t("xl_implied", lang),
        t("verdict", lang),
        t("report_explanation", lang),
    ]
    rows = []
    for line in lines:
        r = line.row
        stated = " / ".join(text(s.text) for s in r.stated)
        target = " / ".join(text(s.text) for s in r.target)
        if r.cumulative and target:
            target = f"{t('cumulative', lang)}{target}"
        rows.append(
            [
                Cell(r.indicator),
                Cell(line.name, "long"),
                Cell(line.unit),
                Cell(r.base_year, "int"),
                Cell(text(r.base.text) if r.base else None),
                Cell(r.end_year, "int"),
                Cell(target or None),
                Cell(stated or None),
                _implied(r, lang),
                Cell(line.verdict, tone=VERDICT_TONE[line.status]),
                Cell(line.explanation, "long"),
            ]
        )
    return Sheet("targets", t("xl_sheet_targets", lang), headers, rows)


def milestones_sheet(ms: list[Milestones], lang: str) -> Sheet:
    """Years down the rows, each target's series across, the unit in every header."""
    headers, years, cols = mt.wide(ms, lang)
    rows = []
    for y in years:
        row = [Cell(y, "int")]
        for c in cols:
            x = c.values.get(y)
            if c.unit == "%" and x is not None:  # a ratio indicator's level: a percentage
                row.append(Cell(x / 100, "pct", c.decimals_in(y)))
            else:
                row.append(Cell(x, "num", c.decimals_in(y), derived=y in c.derived))
        rows.append(row)
    return Sheet("milestones", t("xl_sheet_milestones", lang), headers, rows)


def progress_sheet(ms: list[Milestones], progress: list[Progress], lang: str) -> Sheet:
    headers = [
        t("indicator_id", lang),
        t("indicator", lang),
        t("report_unit", lang),
        t("year", lang),
        t("xl_latest", lang),
        t("xl_milestone", lang),
        t("xl_gap", lang),
        t("xl_gap_pct", lang),
        t("xl_achieved", lang),
        t("xl_required", lang),
        t("xl_remaining", lang),
        t("xl_projection", lang),
        t("status", lang),
        t("report_explanation", lang),
    ]
    rows = []
    for m, p in zip(ms, progress, strict=True):
        unit, d = m.unit.symbol, m.derived_decimals

        def amount(x: float | None, unit: str = unit, d: int = d) -> Cell:
            if x is not None and unit == "%":
                return Cell(x / 100, "pct", d)
            return Cell(x, "num", d, unit)

        gap_pct = (
            Cell(p.gap, "pts", 2)
            if p.points
            else _pct(None if p.gap_pct is None else p.gap_pct / 100, 1)
        )
        why = mt.progress_reason(m, p, lang) or mt.no_path_text(m, lang)
        if p.cumulative:
            why = why or t("xl_cumulative_note", lang)
        held = mt.held_back_note(m, p, lang)  # where the target is heading, after what it means
        why = ("；" if lang == "zh" else "; ").join(s for s in (why, held) if s)
        rows.append(
            [
                Cell(m.indicator),
                Cell(text(m.label(lang)), "long"),
                Cell(unit),
                Cell(p.year, "int"),
                amount(p.actual, d=mt.actual_decimals(m, p.year)),
                amount(p.milestone),
                Cell(p.gap, "pts", 2) if p.points else amount(p.gap),
                gap_pct,
                _rate(p.achieved_rate, p.points),
                _rate(p.required_rate, p.points),
                _rate(p.remaining_rate, p.points),
                amount(p.projection),
                Cell(mt.status_words(p, lang), tone=mt.STATUS_TONE[p.status]),
                Cell(why or None, "long"),
            ]
        )
    return Sheet("progress", t("xl_sheet_progress", lang), headers, rows)


def findings_sheet(items: list[FindingItem], lang: str) -> Sheet:
    headers = [
        t("report_no", lang),
        t("report_severity", lang),
        t("indicator", lang),
        t("report_rule", lang),
        t("xl_message", lang),
        t("quote_header", lang),
        t("report_section", lang),
        t("computations", lang),
        t("report_rule_code", lang),
        t("report_location", lang),
    ]
    rows = [
        [
            Cell(i.number, "int"),
            Cell(f"{i.mark} {t(i.severity, lang)}", tone=SEVERITY_TONE[i.severity]),
            Cell(i.indicator, "long"),
            Cell(i.rule),
            Cell(i.message, "long"),
            Cell(i.quote, "long"),
            Cell(i.section, "long"),
            Cell("\n".join(i.steps) or None, "long"),
            Cell(i.finding.check),
            Cell(i.where),
        ]
        for i in items
    ]
    return Sheet("findings", t("xl_sheet_findings", lang), headers, rows)


# --- CSV --------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(c: Cell, lang: str) -> str:
    """A cell as CSV text: numbers through fmt (percentages as 8.89%, which Excel reads as a
    percentage), derived values marked, text that Excel would run as a formula made inert."""
    if c.value is None:
        return ""
    if c.kind in ("text", "long"):
        s = str(c.value)
        return "'" + s if s.startswith(_FORMULA_START) else s
    if c.kind == "int":
        return str(c.value)
    x = float(c.value)
    if c.kind == "pct":
        return fmt.rate(x, c.decimals)
    if c.kind == "pts" and c.unit:  # a column the header cannot say points for: +0.05个百分点
        return fmt.points_en(fmt.points(x, c.decimals), lang)
    shown = fmt.number(x, c.decimals)
    return shown + t("derived_mark", lang) if c.derived else shown


def csv_text(sheet: Sheet, lang: str) -> str:
    """CSV with a UTF-8 BOM and CRLF, so Excel and WPS open the Chinese intact."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(sheet.headers)
    for row in sheet.rows:
        w.writerow([csv_cell(c, lang) for c in row])
    return "\ufeff" + buf.getvalue()
