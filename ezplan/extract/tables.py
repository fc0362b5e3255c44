"""Table rows (Markdown `| … |`, HTML and .docx tables) → figures.

The header gives each column its meaning: a year (2020年, 2025年目标) makes a level of that
year, 年均增长 an annual rate, 增长/比上年 a growth, 比重/占比 a share, 累计 a cumulative
amount; a unit in brackets (亿元, %) in the header or after the row's name, or a 单位 column,
gives the unit of the bare numbers below it. Values in 〔〕 are cumulative, as Chinese plan
tables mark them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ezplan.extract.notes import Note
from ezplan.extract.readers import Block
from ezplan.extract.subjects import drop_footnotes
from ezplan.extract.text import fold
from ezplan.figures import FigureError, parse_figure

if TYPE_CHECKING:
    from ezplan.extract.found import Found

_UNIT_RE = re.compile(r"[（(]([^（）()]{1,8})[）)]\s*$")
# 16-59岁（含不满60周岁）: brackets with a number in them qualify the row's name (an age, a
# year); a unit has none
_NAME_QUALIFIER = re.compile(r"\d")
_CELL_RE = re.compile(
    r"^(?P<pre>约|≥|>|≤|<|＞|＜|≧|≦|不低于|不超过|超过)?\s*(?P<open>[〔\[［【])?\s*"
    r"(?P<num>[-+]?\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(?P<sep>[-~—至])\s*(?P<num2>\d+(?:\.\d+)?))?"
    r"\s*(?P<close>[〕\]］】])?\s*(?P<unit>%|个百分点|[^\d\s]{0,6}?)?\s*(?P<suf>左右|以上|以下|以内)?$"
)
_PRE = {
    "≥": "不低于",
    "≧": "不低于",
    ">": "超过",
    "＞": "超过",
    "≤": "不超过",
    "≦": "不超过",
    "<": "不超过",
    "＜": "不超过",
}


def _close_up(text: str) -> str:
    """钢　材, 单 位: no space set between two characters to align a table's column."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text)


def _cells(text: str) -> list[tuple[int, str]]:
    """(offset, cleaned text) of each cell of a `| a | b |` row."""
    out = []
    i = text.find("|")
    while i >= 0:
        j = text.find("|", i + 1)
        if j < 0:
            break
        raw = text[i + 1 : j]
        clean = re.sub(r"<[^>]+>|\*\*|__", "", raw)
        lead = len(raw) - len(raw.lstrip())
        k = raw.find(clean.strip()[:1]) if clean.strip() else lead
        out.append((i + 1 + max(k, 0), clean.strip()))
        i = j
    return out


def _header_meaning(h: str) -> tuple[str | None, int | None, str | None]:
    """(kind, year, unit) of a header cell; kind None for a column to ignore."""
    s = fold(h)
    unit = None
    if m := _UNIT_RE.search(s):
        unit = m.group(1).strip()
        s = s[: m.start()]
    year = None
    if m := re.search(r"((?:19|20)\d{2})\s*年?", s):
        year = int(m.group(1))
    if re.search(r"属性|类型|序号|备注|指标|单位|类别|项目|名称", s) and year is None:
        return None, None, unit
    if "年均" in s or "年平均" in s:
        return "annual", year, unit or "%"
    if "累计" in s:
        return "cumulative", year, unit
    if re.search(r"增长|增速|比上年|增减|涨跌", s):
        return "total", year, unit or "%"
    if re.search(r"比重|占比|构成", s):
        return "share", year, unit or "%"
    return "level", year, unit


_MEASURE = re.compile(r"数量|金额|产量|产值|销售额|销量|收入|投资额|增加值|[出进]口额|进出口额")
_QUANTITY = re.compile(r"数量|产量|销量")


def _measures(header: list[str], meanings: list[tuple]) -> list[str]:
    """What each column measures of its row, as the name's suffix: 表8 主要商品出口数量、金额 —
    | 数量 | 比上年增长 | 金额（亿元） | 比上年增长 | — gives a row's 数量 (the row's name) and
    its 金额 (煤（金额）); 表10 | 出口额 | 比上年增长 | 占全部出口比重 | 进口额 | … | gives
    欧盟（出口额） and 欧盟（进口额). Each growth or share column is of the measure before it;
    '' for every column of a table with one measure."""
    out, current, firsts = [], "", 0
    for h, (kind, year, _) in zip(header, meanings, strict=True):
        label = re.sub(r"[（(].*?[）)]|\s|<br>", "", fold(h))
        if kind == "level" and year is None and _MEASURE.fullmatch(label):
            firsts += 1
            quantity = firsts == 1 and _QUANTITY.fullmatch(label)
            current = "" if quantity else f"（{label}）"
        out.append(current if kind in ("level", "total", "share") else "")
    return out if firsts >= 2 else [""] * len(header)


def read_table(
    rows: list[Block],
    context: tuple[int, int] | None,
    plan: tuple[int, int] | None,
    data_year: int | None,
) -> list[Found]:
    from ezplan.extract.found import Found, qualifier
    from ezplan.extract.kinds import unit_known as _unit_known

    if len(rows) < 2:
        return []
    header = [_close_up(c) for _, c in _cells(rows[0].text)]
    meanings = [_header_meaning(h) for h in header]
    years = [y for _, y, _ in meanings if y is not None]
    unit_col = next((i for i, h in enumerate(header) if "单位" in h), None)
    measures = _measures(header, meanings)
    out: list[Found] = []
    whole: str | None = None
    prev_part = False
    for row in rows[1:]:
        cells = _cells(row.text)
        if not cells:
            continue
        name_i = 0
        if re.fullmatch(r"\d+", fold(cells[0][1])) and len(cells) > 1:
            name_i = 1
        name = fold(cells[name_i][1])
        row_unit = None
        if (m := _UNIT_RE.search(name)) and not _NAME_QUALIFIER.search(m.group(1)):
            row_unit = m.group(1).strip()
            name = name[: m.start()].strip()
        name = drop_footnotes(_close_up(name))  # 钢　材[24]: 钢材
        part = False
        if m := re.match(r"^其中[:：]?\s*", name):
            name = name[m.end() :]
            part = True
        if not part:
            # a row right after a 其中 row may be its sibling (城镇 / 乡村), not a new whole
            whole = None if prev_part else name
        prev_part = part
        listed = None  # the 单位 column's unit: the columns whose header states none
        if unit_col is not None and unit_col < len(cells):
            listed = _close_up(cells[unit_col][1].strip()) or None
            row_unit = listed or row_unit
        for j, (off, cell) in enumerate(cells):
            if j in (name_i, unit_col) or j >= len(meanings):
                continue
            kind, year, head_unit = meanings[j]
            if kind is None:
                continue
            m = _CELL_RE.match(fold(cell))
            if not m or not m.group("num"):
                continue
            # 数量 in the 单位 column's 万吨, 金额（亿元） in its header's 亿元
            own = head_unit if listed and head_unit else None
            unit = (m.group("unit") or "").strip() or own or row_unit or head_unit
            if kind in ("annual", "total", "share") and not m.group("unit"):
                unit = "%" if (row_unit is None or kind != "share") else row_unit
                if kind == "share":
                    unit = "%"
            if not unit:
                continue
            notes: list[str] = []
            pre = m.group("pre") or ""
            if pre in _PRE:
                notes.append(Note("extract.read_as", said=pre, read=_PRE[pre]))
                pre = _PRE[pre]
            suf = m.group("suf") or ""
            if pre and suf:
                pre = ""
            number = (
                m.group("num") if not m.group("num2") else f"{m.group('num')}至{m.group('num2')}"
            )
            k = kind
            if m.group("open") and m.group("close"):
                k = "cumulative"
                notes.append(Note("extract.cumulative_brackets"))
            if k == "annual":
                text = f"{pre}{number}%{suf}"
            elif k == "total":
                text = f"增长{pre}{number}%{suf}"
            else:
                text = f"{pre}{number}{unit}{suf}"
            unit_known = _unit_known(unit)
            try:
                fig = parse_figure(text if unit_known else text.replace(unit, "个", 1))
            except FigureError:
                continue
            if not unit_known:
                notes.append(Note("extract.unit_unknown", unit=unit))
            y = year
            period = None
            inferred = []
            if y is None and context is not None:
                y = context[1]
                inferred.append(Note("extract.year_from_caption", year=y))
            if k in ("annual", "cumulative"):
                if len(years) >= 2:
                    period = (min(years) + 1, max(years))
                elif plan is not None:
                    period = plan
                y = None
            elif k == "total":
                period = (y, y) if y is not None else None
                y = None
            if k == "level" and unit == "%" and "占" in name:
                k = "share"
            line, col = row.position(off)
            f = Found(
                indicator=name + measures[j],
                kind=k,
                value=number,
                unit=unit,
                qualifier=qualifier(fig.comparator),
                year=y,
                period=period,
                constant_prices=False,
                quote=row.text.strip(),
                line=line,
                column=col,
                text=text,
                direction="up" if k in ("annual", "total") else None,
                part_of=whole if part and whole != name else None,
                inferred=inferred,
                notes=notes,
                figure=fig,
                unit_known=unit_known,
                table=rows[0].line,
            )
            out.append(f)
    return out
