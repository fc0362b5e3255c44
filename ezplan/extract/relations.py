"""A figure and the ones before it in its sentence or paragraph: a list that shares one verb
(建成市级院士工作站2个、专家工作站6个; 压减管委会内设机构58.7%、人员56.2%), the same amount in
another currency (折合), a part of a whole (其中)."""

from __future__ import annotations

import re

from ezplan.extract.found import Found
from ezplan.extract.indicators import LEVELISH as _AMOUNTS
from ezplan.extract.kinds import count_class, names_a_deed, read_figure
from ezplan.extract.notes import Note, note_id
from ezplan.extract.predicates import MASK, Pred
from ezplan.extract.sentences import Sentence
from ezplan.extract.subjects import part_named_after_whole
from ezplan.extract.text import ZONE_SUFFIX


def relate(
    s: Sentence,
    f: Found,
    ci: int,
    left: str,
    pred: Pred,
    in_part: bool,
    para_figs: list[Found],
    sent_figs: list[Found],
    figures: list[Found],
) -> None:
    """Complete `f` from the figures before it (`figures`: all so far, for 折合's index)."""
    prev_f = sent_figs[-1] if sent_figs else None
    listed = prev_f is not None and _listed_after(s, prev_f, ci, left, pred)
    if (
        listed
        and prev_f is not None
        and f.kind in ("level", "count")
        and prev_f.kind in ("cumulative", "count", "level", "change_abs")
        and (f.unit == "%") == (prev_f.unit == "%")
        and count_class(f.unit) == count_class(prev_f.unit)
        and f.kind != prev_f.kind
    ):
        # 建成市级院士工作站2个、专家工作站6个: the list shares its verb
        f.kind, f.year, f.period = prev_f.kind, prev_f.year, prev_f.period
    if (
        listed
        and prev_f is not None
        and f.kind == "level"
        and prev_f.kind == "total"
        and f.unit == prev_f.unit == "%"
        and prev_f.text.startswith(("下降", "增长"))
    ):
        # 压减管委会内设机构58.7%、人员56.2%: the list shares its verb
        verb = "下降" if prev_f.direction == "down" else "增长"
        figure, _ = read_figure(verb + f.text, f.unit, [])
        if figure is not None:
            f.kind, f.direction, f.text, f.figure = "total", prev_f.direction, verb + f.text, figure
            f.year, f.period = prev_f.year, prev_f.period
    from_note = (
        next(
            (
                n
                for n in (*prev_f.inferred, *prev_f.notes)
                if note_id(n) in ("extract.from_level_no_year", "extract.from_level_now")
            ),
            None,
        )
        if prev_f is not None
        else None
    )
    if (
        prev_f is not None
        and from_note is not None
        and f.kind == prev_f.kind
        and re.search(r"(?:、|及|和)\s*$", left)
        and s.clause_of(prev_f_start(s, prev_f)) == ci
    ):
        # 由38户企业集团及80户下属企业，改组为…: the list after 由 is of levels before
        f.year, f.period = prev_f.year, prev_f.period
        f.inferred = [n for n in f.inferred if note_id(n) != "extract.level_in_period"]
        (f.notes if from_note in prev_f.notes else f.inferred).append(from_note)
    if (
        f.kind in ("annual", "total")
        and prev_f is not None
        and prev_f.kind == "level"
        and prev_f.indicator == f.indicator
        and not prev_f.nested  # 8776亿元（折1310亿美元），增长7.9%: the 元 amount's growth
        and any(
            g.kind == "level"
            and g.indicator == f.indicator
            and _currency(g) not in (None, _currency(prev_f))
            for g in sent_figs[:-1]
        )
    ):
        # 8108亿元，按美元计价为1201亿美元，比上年下降29.4%: the growth of the amount restated in
        # another currency (the 2016 level in 元 is not 8108 / 0.706)
        f.notes.append(Note("extract.growth_of_restated", unit=prev_f.unit))
    if listed and prev_f is not None and prev_f.flow:
        f.flow = True  # 新增国家级高新技术企业2200家、科技型中小企业1.2万家
        lead = _ADDED.match(prev_f.indicator)
        own_verb = names_a_deed(f.indicator) or _OWN_VERB.match(f.indicator)
        if lead and f.kind == prev_f.kind and not own_verb:
            # …and its name says so: bare, 科技型中小企业1.2万家 was the stock's 2020 level
            # (河北's 从2.9万家增加到8.7万家 was then refused as a clash); things built (新建…、
            # 小学36所) have no stock of the same name to be taken for
            f.indicator = lead.group() + f.indicator
    if (
        listed
        and prev_f is not None
        and (m := _AREA_PREFIX.match(prev_f.indicator))
        and not f.indicator.startswith(m.group(1))
        and not _AREA_PREFIX.match(f.indicator)
        and not _OWN_AREA.match(f.indicator)  # 高新区税收 after 高新区园区工业产值
    ):
        # 中心城区建成区面积达168平方公里、常住人口168万人: the list is the part's (宜宾's city
        # 'had to grow 7.4% a year' from its centre's 168万人)
        f.indicator = m.group(1) + f.indicator
        f.notes.append(Note("extract.subject_area", area=m.group(1)))
    # 8856亿元，增长0.9%，折1350亿美元: the amount restated, not the growth after it
    if pred.same_as and (
        src := next((g for g in reversed(sent_figs or para_figs) if g.kind in _AMOUNTS), None)
    ):
        f.same_as = figures.index(src) if src in figures else None
        f.kind, f.year, f.period, f.role = src.kind, src.year, src.period, src.role
        f.indicator, f.part_of = src.indicator, src.part_of
    if in_part:
        whole = next(
            (
                g
                for g in reversed(para_figs + sent_figs)
                if g.part_of is None and g.kind in ("level", "cumulative", "count") and not g.nested
            ),
            None,
        )
        if (
            whole is not None
            and whole.indicator != f.indicator
            and "%" not in (whole.unit, f.unit)
            and not _not_a_summand(f.indicator, whole.indicator)
        ):
            f.part_of = whole.indicator
            if named := part_named_after_whole(f.indicator, whole.indicator):
                f.indicator = named
                f.notes.append(Note("extract.part_named_after_whole"))


_ADDED = re.compile(r"^(?:新增|净增)(?:认定|注册|登记)?")
# a listed item's own verb beyond the verbs of things done (新开工…、基本建成12449套、竣工投产…)
_OWN_VERB = re.compile(r"净增|基本建成|竣工|投产|增开|新开|打造")


def _currency(f: Found) -> str | None:
    unit = f.figure.unit if f.figure is not None else None
    return unit.currency if unit is not None else None


_AREA_PREFIX = re.compile(
    r"^(中心城区|主城区|老城区|城区|市区|县城|[\u4e00-\u9fff]{2,8}?" + ZONE_SUFFIX + r")"
    r"(?=[\u4e00-\u9fff]{2})"
)
_OWN_AREA = re.compile(r"^[\u4e00-\u9fff]{0,8}?" + ZONE_SUFFIX)

# 居民人均可支配收入24562元，其中农村居民收入14815元: a group's average is no summand of the
# whole's (an urban average above it is no part larger than its whole), though a category of it
# is (人均消费支出21559元，其中人均服务性消费支出9886元); an average is no part of an amount, nor
# an amount of an average (每万人口发明专利拥有量 of 有效专利)
_AVERAGE = re.compile(r"人均|平均|每")
_GROUP = re.compile(r"城镇|农村|城市|乡村|城乡|农民|男性|女性|老年|儿童|贫困|脱贫")


def _not_a_summand(part: str, whole: str) -> bool:
    average = _AVERAGE.search(whole) is not None
    return average != (_AVERAGE.search(part) is not None) or (average and bool(_GROUP.search(part)))


def _listed_after(s: Sentence, prev_f: Found, ci: int, left: str, pred: Pred) -> bool:
    """Does the figure follow `prev_f` in a list of its clause (、, no predicate of its own)?"""
    return (
        left.lstrip().startswith("、")
        and not pred.text.strip(MASK + " ")
        and s.clause_of(prev_f_start(s, prev_f)) == ci
    )


def prev_f_start(s: Sentence, f: Found) -> int:
    """The offset in the sentence of a figure found in it (from its line and column)."""
    for i in range(len(s.text)):
        if s.position(i) == (f.line, f.column):
            return i
    return 0
