"""Figures → indicators: one indicator per subject and dimension, with its unit and its whole.

Figures of the same subject (after place words such as 全市 are dropped) join one indicator, split
by dimension (an amount and a percentage of the same name are two indicators); a growth figure
joins the amounts of its name. Each indicator gets a unit (from its levels, from the whole of its
share, else a guess that is noted for review) and, for a part (其中), the indicator it is part of.
A share of a whole that is not among the indicators becomes a level in % of "part占whole比重".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ezplan.extract.found import Found, Reading
from ezplan.extract.ids import glossary_id
from ezplan.extract.notes import Note
from ezplan.extract.subjects import split_share
from ezplan.extract.text import strip_place
from ezplan.units import UnitError, parse_unit

LEVELISH = ("level", "count", "cumulative", "change_abs")
GROWTH = ("annual", "total", "change_pp")


@dataclass
class Indicator:
    name: str
    dim: str | None
    figures: list[Found] = field(default_factory=list)
    id: str = ""
    unit: str | None = None
    notes: list[str] = field(default_factory=list)
    part_of: str | None = None  # an id

    def is_percent(self) -> bool:
        return self.dim == "percent"


def unit_spelling(unit: str) -> str:
    return {"㎡": "平方米", "m²": "平方米", "m2": "平方米", "m": "米"}.get(unit, unit)


def dimension(f: Found) -> str | None:
    if f.kind in GROWTH:
        return None
    if f.kind == "share":
        return None
    if f.unit in ("%",):
        return "percent"
    try:
        u = parse_unit(unit_spelling(f.unit))
    except UnitError:
        return None
    if u.dimension.startswith("money:"):
        return "money"
    return u.dimension


def _when(f: Found) -> tuple:
    """Whether a figure is a growth, and its time."""
    return f.kind in GROWTH, f.period if f.kind in GROWTH else f.year


def _agree(a: Found, b: Found) -> bool:
    """Two figures of one time saying the same, in any words and within their rounding
    (比上年增长9.7%, 增长9.7%; 515亿吨, 514.6亿吨)."""
    if _when(a) != _when(b) or a.direction != b.direction:
        return False
    if a.value == b.value:
        return True
    if a.figure is None or b.figure is None or a.unit != b.unit:
        return False
    (alo, ahi), (blo, bhi) = a.figure.interval(), b.figure.interval()
    return alo <= bhi and blo <= ahi


def name_key(name: str) -> str:
    """The form two subjects are compared in: no place words, spaces or quotation marks, and
    no 总数/数量 after what is counted (高新技术企业总数1120家, 高新技术企业数量翻番: one count)."""
    s = re.sub(r"[\s“”\"‘’「」]", "", name)
    s = re.sub(r"(?<=..)(?:总数|数量|个数)$", "", s)
    return strip_place(s)


_SYNONYMS = [
    # 规上工业增加值 and 规模以上工业增加值, 规模工业增加值 (长沙 wrote both in one report)
    (re.compile(r"规上(?=工业|服务业|企业|商贸)|规模(?=工业)"), "规模以上"),
    (re.compile(r"限上(?=商贸|批发|零售|住宿|餐饮|企业|单位|消费品)"), "限额以上"),
    # 万元GDP二氧化碳排放 and 单位GDP二氧化碳排放 (河北: a 十四五 goal and its 2021 step)
    (re.compile(r"(?:万元|单位)(?:GDP|地区生产总值|生产总值)"), "单位GDP"),
    # 常住人口规模1000万人 and 常住人口突破900万人 (济南); 农产品加工销售收入 and 农产品加工业销售
    # 收入 (长沙): one indicator each, its 2021 goal 'the only figure stated' beside its base
    (re.compile(r"(?<=人口)规模$"), ""),
    (re.compile(r"加工(?=销售收入|营业收入|总产值|产值)"), "加工业"),
]


def same_thing(name: str) -> str:
    """The form under which two spellings of one indicator meet (规上 and 规模以上, 万元GDP and
    单位GDP): for grouping only; a name is shown as the document first writes it."""
    for rx, canonical in _SYNONYMS:
        name = rx.sub(canonical, name)
    return name


def part_name(f: Found) -> str:
    """The indicator a figure is drafted under: for a share, the part (网络零售额 of
    网络零售额占社会消费品零售总额)."""
    if f.kind == "share":
        return split_share(f.indicator)[0]
    return f.indicator


# Names that say what is measured but not of what (产值, 税收, 投资 …): in different paragraphs
# they are of different things (a park's output, a project's investment), so they join only
# within one paragraph.
_GENERIC_WORDS = """
    产值 总产值 年产值 投资 总投资 计划总投资 税收 项目 收入 营业收入 营收 产量 面积 规模 总量
    总额 资金 增加值 利润 销售额 交易额 金额 数量 人数 企业 产能 投入 占比 比重 增速 增长 总数
    产业 其他
"""
GENERIC = set(_GENERIC_WORDS.split())


def is_generic(name: str) -> bool:
    return name in GENERIC or (len(name) <= 2 and glossary_id(name) is None)


# a unit for an indicator the document gives no level of, from its name, the first that fits
_UNIT_GUESSES = [
    (re.compile(r"人均.*(收入|支出|消费|生产总值|GDP)"), "元"),
    (re.compile(r"率|比重|占比|比例|指数|强度|价格"), "%"),
    (re.compile(r"人口|就业|人数|人次|游客"), "万人"),
    # things counted guess their measure word, not money (科技型中小企业数量翻番 was in 亿元) —
    # but not 国有控股企业 alone: a bulletin's 增加值 of that kind of firm
    (re.compile(r"(?:企业|市场主体|经营主体)(?:数|数量|总数)$"), "家"),
    (re.compile(r"^(?:新增|新设|新登记)?(?:高新技术企业|科技型中小企业|市场主体|企业)$"), "家"),
    (re.compile(r"项目(?:数|数量)?$"), "个"),
    (re.compile(r"专利|案件|事故|火灾"), "件"),
    (re.compile(r"(?:粮食|总)产量$"), "万吨"),
]


def guess_unit(name: str) -> str:
    return next((unit for rx, unit in _UNIT_GUESSES if rx.search(name)), "亿元")


class Indicators:
    """The indicators of one reading, keyed by (name, dimension)."""

    def __init__(self, reading: Reading) -> None:
        self.r = reading
        self.groups: dict[tuple[str, str | None], Indicator] = {}
        self.renamed: dict[int, str] = {}  # id(figure) → the name of a share placed as a level
        self.alias: dict[str, str] = {}  # a name joined to another indicator → that one's name
        self.table_of: dict[str, int] = {}  # a name → the table whose rows first used it
        # a table row's line → its figures
        self.row_figures: dict[int, list[Found]] = {}
        for f in reading.figures:
            if f.table is not None:
                self.row_figures.setdefault(f.line, []).append(f)

    def _name(self, name: str) -> str:
        return self.alias.get(name, name)

    def kind_of(self, f: Found) -> str:
        """The kind a figure is placed as (a share renamed to a level in % is a level)."""
        return "level" if id(f) in self.renamed else f.kind

    # -- grouping
    def group_for(self, f: Found) -> Indicator | None:
        shown = name_key(self.renamed.get(id(f), part_name(f)))
        if not shown:
            return None
        same = same_thing(shown)  # grouped by it, shown as first written
        name = f"{same}@{f.line}" if is_generic(shown) else same
        if f.table is not None and not is_generic(shown):
            name = self._in_table(name, f)
        dim = "percent" if id(f) in self.renamed else dimension(f)
        if dim is not None:
            key = (name, dim)
        else:
            same = [g for (n, _), g in self.groups.items() if n == name]
            if f.kind == "change_pp":
                same.sort(key=lambda g: g.dim != "percent")
            else:
                same.sort(key=lambda g: (g.dim is None, g.dim == "percent"))
            if same:
                return same[0]
            key = (name, None)
        g = self.groups.get(key)
        if g is None:
            g = self.groups[key] = Indicator(shown, dim)
        return g

    def _in_table(self, name: str, f: Found) -> str:
        """A table row's name, kept to its table where it would join another table's figures
        or a growth of its own year from elsewhere: the 2018 bulletin's 天然气 import row
        (9039万吨, 增长31.9%) took 表3's production growth (8.3%), 表13's foreign firms by
        industry took 表6's investment growths. A row that says what the text says (the same
        growth or level) still joins it, as a plan's indicator table does."""
        owner = self.table_of.setdefault(name, f.table)  # type: ignore[arg-type]
        if owner != f.table:
            return f"{name}@表{f.table}"
        own = self.row_figures.get(f.line, [])
        when = {_when(o) for o in own}
        others = [
            g
            for (n, _), group in self.groups.items()
            if n == name
            for g in group.figures
            if g.line != f.line and _when(g) in when
        ]
        if others and not any(_agree(o, g) for o in own for g in others):
            # only other figures of the row's kinds and times: another measure (其中：人民币
            # 643768亿元 of deposits is not the exchange rate 6.7518元 named 人民币)
            return f"{name}@表{f.table}"
        return name

    def merge_untyped(self) -> None:
        """A group made by a growth figure before the name's amounts appeared joins them."""
        for (name, dim), g in list(self.groups.items()):
            if dim is not None:
                continue
            typed = [h for (n, d), h in self.groups.items() if n == name and d is not None]
            if typed:
                target = sorted(typed, key=lambda h: h.dim == "percent")[0]
                target.figures.extend(g.figures)
                del self.groups[(name, dim)]

    def merge_synonyms(self) -> None:
        """Names the glossary gives one id (全社会固定资产投资, 固定资产投资) are one indicator:
        indicators of one dimension join the first of them, a growth-only one joins the amounts
        (not a percentage, if there is a choice). Each name joined is noted for review."""
        by_id: dict[str, list[tuple[tuple[str, str | None], Indicator]]] = {}
        for key, g in self.groups.items():
            if "@表" in key[0]:
                continue  # a row kept to its table joins no other name's indicator
            if (gid := glossary_id(g.name)) is not None:
                by_id.setdefault(gid, []).append((key, g))
        for items in by_id.values():
            if len(items) < 2:
                continue
            items.sort(key=lambda kg: min(f.line for f in kg[1].figures))
            typed = [kg for kg in items if kg[0][1] is not None]
            for dim in dict.fromkeys(k[1] for k, _ in typed):
                same = [kg for kg in typed if kg[0][1] == dim]
                for key, g in same[1:]:
                    self._join(same[0][1], key, g)
            untyped = [kg for kg in items if kg[0][1] is None]
            if not untyped:
                continue
            if typed:
                into = sorted(typed, key=lambda kg: kg[1].dim == "percent")[0][1]
                rest = untyped
            else:
                into, rest = untyped[0][1], untyped[1:]
            for key, g in rest:
                self._join(into, key, g)

    def _join(self, into: Indicator, key: tuple[str, str | None], g: Indicator) -> None:
        into.figures.extend(g.figures)
        del self.groups[key]
        self.alias[g.name] = into.name
        if g.name != into.name:
            note = Note("extract.also_named", name=g.name)
            if note not in into.notes:
                into.notes.append(note)

    def share_fallback(self) -> None:
        """A share of a whole that is not among the indicators becomes a level in % of
        'part占whole比重'; the figure's kind stays share."""
        amounts = {
            name_key(f.indicator)
            for f in self.r.figures
            if f.kind in LEVELISH and f.unit != "%" and f.unit_known
        }
        for f in self.r.figures:
            if f.kind != "share":
                continue
            if f.of and name_key(f.of) in amounts:
                continue
            name = f.indicator
            if not re.search(r"占|比重|比例", name):
                name = f"{name}占比"
            self.renamed[id(f)] = name
            f.notes.append(Note("extract.share_as_level", name=name))

    # -- units and wholes
    def set_units(self) -> None:
        for g in self.groups.values():
            self._unit(g)

    def _unit(self, g: Indicator) -> None:
        if g.dim == "percent":
            g.unit = "%"
            return
        amounts = [f for f in g.figures if f.kind in LEVELISH and dimension(f) == g.dim]
        amounts.sort(key=lambda f: (f.role != "actual", f.line))
        if amounts:
            g.unit = unit_spelling(amounts[0].unit)
            return
        shares = [f for f in g.figures if f.kind == "share"]
        for f in shares:
            w = self._name(name_key(f.of or ""))
            whole = [
                h for (n, d), h in self.groups.items() if n == w and d not in (None, "percent")
            ]
            if whole:
                if whole[0].unit is None:
                    self._unit(whole[0])
                g.unit, g.dim = whole[0].unit, whole[0].dim
                g.notes.append(Note("extract.unit_from_whole", unit=g.unit, name=whole[0].name))
                return
        if g.dim is None and any(f.kind == "change_pp" for f in g.figures) and not shares:
            g.unit = "%"
            g.dim = "percent"
            return
        g.unit = guess_unit(g.name)
        g.notes.append(Note("extract.unit_guessed", unit=g.unit))

    def link_parts(self) -> None:
        """part_of: the id of the whole a part (其中) names, of the same dimension."""
        by_name: dict[str, list[Indicator]] = {}
        for g in self.groups.values():
            by_name.setdefault(g.name, []).append(g)
        for g in self.groups.values():
            wholes = [self._name(name_key(f.part_of)) for f in g.figures if f.part_of]
            for w in wholes:
                cands = [h for h in by_name.get(w, []) if h is not g and h.dim == g.dim]
                if cands and g.dim is not None:
                    g.part_of = cands[0].id
                    break

    def whole_id(self, f: Found) -> str | None:
        """The id of the whole a share is of, if it is among the indicators."""
        if not f.of:
            return None
        w = self._name(name_key(f.of))
        for (n, dim), h in self.groups.items():
            if n == w and dim not in (None, "percent"):
                return h.id
        return None
