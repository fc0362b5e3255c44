"""An Excel workbook: targets, milestones, progress and findings, one sheet each.

Sheet names and headers are in the report's language (目标核对, 年度目标分解, 实际进展, 问题与提示).
Numbers are stored as numbers, shown with the plan's own precision; units are in the headers, or
in each cell's number format where one column holds several indicators; every percentage is a
fraction shown as percent (one convention), changes of a ratio indicator are shown in
percentage points. Columns are as wide as their content (Chinese counts double), long text
wraps, the header row is frozen and filtered. Needs openpyxl (the `xlsx` extra).
"""

from __future__ import annotations

import io
from typing import Any

from rich.cells import cell_len

from ezplan.i18n import t
from ezplan.render.report_content import TONE_FILL, TONE_TEXT
from ezplan.render.sheets import Cell, Sheet

HINT = "writing .xlsx needs openpyxl: pip install 'ezplan[xlsx]'"
LONG_WIDTH = 48  # wrapped text columns
MAX_WIDTH = 40  # any other column


def _quoted(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def number_format(c: Cell, lang: str) -> str:
    """The Excel format that shows a cell as the reports do."""
    zeros = "0" if c.decimals <= 0 else "0." + "0" * c.decimals
    if c.kind == "int":
        return "0"
    if c.kind == "pct":
        return zeros + "%"
    if c.kind == "pts":
        unit = _quoted(t("xl_points_unit", lang))
        return f"+{zeros}{unit};-{zeros}{unit};{zeros}{unit}"
    suffix = ""
    if c.derived:
        suffix = _quoted(t("derived_mark", lang))
    elif c.unit:
        suffix = _quoted(c.unit if lang == "zh" else " " + c.unit)
    return zeros + suffix


def _shown_width(c: Cell, lang: str) -> int:
    """Roughly how many character cells the value takes on screen."""
    from ezplan.render.sheets import csv_cell

    if c.value is None:
        return 0
    s = csv_cell(c, lang)
    if c.kind == "pts":
        s = "+" + s + t("xl_points_unit", lang)
    elif c.kind == "num" and (c.unit or c.derived):
        s += t("derived_mark", lang) if c.derived else c.unit
    return max(cell_len(line) for line in s.split("\n"))


def _write(ws: Any, sheet: Sheet, lang: str) -> None:
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DCE6F1")
    wrap_top = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    derived_font = Font(italic=True, color="777777")
    fills = {k: PatternFill("solid", fgColor=v) for k, v in TONE_FILL.items()}
    fonts = {k: Font(bold=True, color=v) for k, v in TONE_TEXT.items()}
    ncols = len(sheet.headers)
    widths = [cell_len(h) for h in sheet.headers]
    long_cols = [False] * ncols
    for j, h in enumerate(sheet.headers, 1):
        cell = ws.cell(1, j, h)
        cell.data_type = TYPE_STRING
        cell.font, cell.fill, cell.alignment = bold, head_fill, wrap_top
    formats: dict[tuple[str, int, str, bool], str] = {}
    for i, row in enumerate(sheet.rows, 2):
        for j, c in enumerate(row, 1):
            if c.value is None:
                continue
            cell = ws.cell(i, j)
            if c.kind in ("text", "long"):
                cell.value = str(c.value)
                cell.data_type = TYPE_STRING  # never a formula, whatever the plan says
                cell.alignment = wrap_top if c.kind == "long" or "\n" in cell.value else top
            else:
                cell.value = c.value
                key = (c.kind, c.decimals, c.unit, c.derived)
                if key not in formats:
                    formats[key] = number_format(c, lang)
                cell.number_format = formats[key]
                cell.alignment = top
                if c.derived:
                    cell.font = derived_font
            if c.tone:
                cell.fill, cell.font = fills[c.tone], fonts[c.tone]
            long_cols[j - 1] |= c.kind == "long"
            widths[j - 1] = max(widths[j - 1], _shown_width(c, lang))
    for j in range(ncols):
        cap = LONG_WIDTH if long_cols[j] else MAX_WIDTH
        ws.column_dimensions[get_column_letter(j + 1)].width = max(8, min(cap, widths[j] + 2))
    ws.freeze_panes = "B2" if sheet.part == "milestones" else "A2"
    if sheet.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(ncols)}{len(sheet.rows) + 1}"


def workbook_bytes(sheets: list[Sheet], lang: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    first = True
    for sheet in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = sheet.title[:31]  # Excel's limit
        _write(ws, sheet, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
