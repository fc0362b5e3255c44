"""An Excel workbook: milestones, progress and findings, one sheet each.

Numbers are stored as numbers (shown with the plan's own precision), units are in the headers,
and the header row is frozen. Needs openpyxl (the `xlsx` extra).
"""

from __future__ import annotations

import io
from typing import Any

from ezplan.findings import Finding
from ezplan.i18n import t
from ezplan.milestones import Milestones
from ezplan.progress import Progress
from ezplan.render.milestone_tables import wide
from ezplan.verdicts import TargetRow, reason_text

HINT = "writing .xlsx needs openpyxl: pip install 'ezplan[xlsx]'"


def _number_format(decimals: int | None) -> str:
    return "0" if not decimals else "0." + "0" * decimals


def workbook_bytes(
    ms: list[Milestones],
    progress: list[Progress],
    findings: list[Finding],
    lang: str,
    rows: list[TargetRow] | None = None,
) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    if rows is not None:
        _targets(ws, rows, lang)
        ws = wb.create_sheet()
    ws.title = "Milestones"
    headers, rows, decimals = wide(ms, lang)
    ws.append(headers)
    for row in rows:
        ws.append(row)
    for col, d in enumerate(decimals, 1):
        for cell in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell[0].number_format = _number_format(d)
    _finish(ws, headers)

    wp = wb.create_sheet("Progress")
    keys = [
        "indicator",
        "year",
        "latest",
        "milestone",
        "gap_pct",
        "achieved_rate",
        "required_rate",
        "remaining_rate",
        "projection",
        "status",
    ]
    ph = [t(k, lang) for k in keys]
    ph[4] += " %"
    wp.append(ph)
    for m, p in zip(ms, progress, strict=True):
        wp.append(
            [
                m.label(lang),
                p.year,
                p.actual,
                p.milestone,
                p.gap_pct,
                p.achieved_rate,
                p.required_rate,
                p.remaining_rate,
                p.projection,
                t(p.status, lang),
            ]
        )
        r = wp.max_row
        for col in (3, 4, 9):
            wp.cell(r, col).number_format = _number_format(m.decimals)
        wp.cell(r, 5).number_format = "0.0"
        for col in (6, 7, 8):
            wp.cell(r, col).number_format = "0.00%"
    _finish(wp, ph)

    wf = wb.create_sheet("Findings")
    fh = ["file", "line", "column", "severity", "check", "indicator", "message"]
    wf.append(fh)
    for f in findings:
        wf.append(
            [
                f.mark.file,
                f.mark.line,
                f.mark.column,
                f.severity.label,
                f.check,
                f.indicator,
                f.message(lang),
            ]
        )
    _finish(wf, fh)

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _targets(ws: Any, rows: list[TargetRow], lang: str) -> None:
    """One row per target with its verdict: consistent (and by which checks), not checkable (and
    why), or its worst finding."""
    ws.title = "Targets"
    keys = ["indicator", "base", "target", "stated_rate", "implied_rate", "verdict", "checks"]
    headers = [t(k, lang).replace("\n", " ") for k in keys]
    ws.append(headers)
    for r in rows:
        stated = " / ".join(s.text for s in (r.stated_rate, r.stated_total) if s)
        ws.append(
            [
                r.label(lang),
                f"{r.base.text} ({r.base_year})" if r.base else None,
                " / ".join(s.text for s in r.target) + f" ({r.end_year})" if r.target else None,
                stated or None,
                r.implied_rate,
                t(r.status, lang),
                ", ".join(r.checks) or reason_text(r, lang),
            ]
        )
        ws.cell(ws.max_row, 5).number_format = "0.00%"
    _finish(ws, headers)


def _finish(ws: Any, headers: list[str]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = "A2"
    for i, h in enumerate(headers, 1):
        ws.cell(1, i).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(str(h)) * 2))
