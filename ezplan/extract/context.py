"""The time a figure stands in: from its clause, an earlier clause, the paragraph, the paragraph
that introduces it (…以下工作：), an earlier paragraph of the section, or the heading.

`doc_year` (the year a report was given) and `plan_period` (the five-year plan a document is
about) are the document's own times; `TimeContext` follows the headings and paragraphs as the
reader walks the document and answers, for one figure, the time it is read at (`time_for`) and
its year or period once its kind is known (`when`). Each time not stated in the figure's own
clause is marked as inferred, with where it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ezplan.extract.notes import Note, period_words
from ezplan.extract.predicates import MASK, Pred
from ezplan.extract.readers import Block, SourceText
from ezplan.extract.sentences import Sentence
from ezplan.extract.text import fold
from ezplan.extract.timex import Time, find_times, plan_years
from ezplan.figures import CHINESE_COUNTS

# --- the document's own times -----------------------------------------------------------------

_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_PLAN_NAME_RE = re.compile(r"十([一二三四五])五|第十([一二三四五])个五年")
# a level kept through a period, not reached at its end: 持续保持在80%以上, 稳定在65%以上, 最高
# 突破1400万人次 (a peak), 始终
_HELD_WORDS = re.compile(r"保持在|稳定在|维持在|始终|一直|常年|最高")
_REPORT_TITLE_RE = re.compile(r"((?:19|20)\d{2})\s*年[^\d，。]{0,16}政府工作报告")
_SINCE_YEAR = re.compile(r"^\d{4}\s*年(?:以来|来)$")
_RUN_OF_YEARS = re.compile(r"连续([两二三四五六七八九十]|\d{1,2})年")
# 增速不低于“十三五”, 恢复到2019年的75%: a time compared with, not the time of the statement
_COMPARED_TO = re.compile(
    r"(?:不低于|不高于|不少于|不慢于|高于|低于|快于|慢于|好于|优于|相当于|同于|超过"
    r"|恢复到|恢复至|回升到|回升至)[“\"]?$"
)


# 列入国家“十四五”专项规划, “十四五”重大引调水工程: a plan's name or what it lists, not the
# time of the statement
_PLAN_NAME_AFTER = re.compile(r"[”\"]?(?:(?:专项|发展|国民经济和社会发展)?(?:规划|纲要)|重大|重点)")
# 加快“十四五”规划项目前期工作: the period read with its 规划 (“十四五”规划), then what the
# plan lists
_PLAN_LISTS = re.compile(r"项目|重大|重点|工程")


def dating(text: str, times: list[Time]) -> list[Time]:
    """The times that date what `text` says: not those it compares with, nor a plan it names."""
    return [
        t
        for t in times
        if not _COMPARED_TO.search(text, 0, t.start)
        and not (t.kind == "period" and _names_a_plan(text, t))
    ]


def _names_a_plan(text: str, t: Time) -> bool:
    if t.text.endswith(("规划", "纲要")):
        return _PLAN_LISTS.match(text, t.end) is not None
    return _PLAN_NAME_AFTER.match(text, t.end) is not None


def doc_year(source: SourceText) -> int | None:
    """The year a report was given (政府工作报告 of 2021-02-18 → 2021); None for a plan."""
    for b in source.blocks[:12]:
        text = fold(b.text)
        m = _DATE_RE.search(text)
        if m and (b.kind == "title" or len(text) < 60 or text.startswith(m.group())):
            return int(m.group(1))
    # no date: a title such as 2021年政府工作报告 names the year it was given
    for text in [source.title or ""] + [
        fold(b.text) for b in source.blocks[:12] if b.kind == "title"
    ]:
        if m := _REPORT_TITLE_RE.search(fold(text)):
            return int(m.group(1))
    return None


def plan_period(source: SourceText, year: int | None) -> tuple[int, int] | None:
    counts: dict[int, int] = {}
    for b in source.blocks:
        for m in _PLAN_NAME_RE.finditer(b.text):
            n = 10 + CHINESE_COUNTS[m.group(1) or m.group(2)]
            counts[n] = counts.get(n, 0) + 1
    if year is not None:
        for n in range(10, 16):
            first, last = plan_years(n)
            if first <= year <= last:
                return first, last
    if counts:
        return plan_years(max(counts, key=lambda n: (counts[n], n)))
    # no plan named: a goal year such as 到2025年 ends one
    ends = [
        int(m.group(1))
        for b in source.blocks
        for m in re.finditer(
            r"(?:到|至|截至)((?:19|20)\d[05])\s*年"
            if b.kind != "table"
            else r"((?:19|20)\d[05])\s*年",
            fold(b.text),
        )
    ]
    if ends:
        last = max(ends)
        return last - 4, last
    return None


# --- a time as the reader holds it ------------------------------------------------------------


@dataclass
class TimeRef:
    first: int
    last: int
    until: bool = False
    source: str = "clause"  # explicit | clause | sentence | paragraph | intro | heading
    text: str = ""  # as written: “十三五”期间, 2016-2019年, 过去五年

    @property
    def is_period(self) -> bool:
        return self.first != self.last


_HEADING_LEVELS = [
    (re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+[章篇部]"), 1),
    (re.compile(r"^\s*[一二三四五六七八九十]+、"), 2),
    (re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+节"), 2),
    (re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]"), 3),
    (re.compile(r"^\s*\d+[.．、]"), 4),
    (re.compile(r"^\s*[（(]\d+[）)]"), 5),
]
_WHERE = ("clause", "paragraph", "intro", "section", "heading")
# a table's or chart's caption (表3 2017年…), the document's own title (2021年政府工作报告)
_NOT_A_PART = re.compile(r"^\s*[表图]\s*\d|报告|公报|规划|纲要")


class TimeContext:
    """The times in force where the reader is: headings, section, introducing paragraph,
    paragraph; and the document's report year, plan period and last year of data."""

    def __init__(self, source: SourceText) -> None:
        self.doc_year = doc_year(source)
        self.plan = plan_period(source, self.doc_year)
        self.data_year = (
            self.doc_year - 1 if self.doc_year else (self.plan[0] - 1 if self.plan else None)
        )
        self.headings: dict[int, TimeRef | None] = {}
        self.para_period: TimeRef | None = None
        # the last period named in the sentence before the figure being read (time_for sets it)
        self.sentence_period: TimeRef | None = None
        self.section: TimeRef | None = None  # the time a paragraph of this section opened with
        self.section_topic = False  # … a year the paragraph is about (2020年是…的一年)
        self.section_level = 0  # the deepest heading level in force when the section opened
        self.intro: TimeRef | None = None
        self.intro_level = 0  # the heading level the introducing paragraph stands under

    # -- following the document
    def introduce(self, carry: TimeRef | None) -> None:
        """五年来，主要做了以下工作：: the time of the paragraphs that follow, under headings
        deeper than this paragraph's own (（一）…, （二）…), until one at its level or above."""
        self.intro = carry
        self.intro_level = max(self.headings, default=0)

    def heading_time(self) -> TimeRef | None:
        for level in sorted(self.headings, reverse=True):
            t = self.headings[level]
            if t is not None:
                return t
        return None

    def enter_heading(self, block: Block) -> None:
        text = fold(block.text)
        if text.rstrip().endswith((":", "：")):
            # 五年来，主要做了以下工作： on a line of its own reads as a heading, but it
            # introduces the sections after it ((一)…, (二)…), under the heading above it (and
            # 重点抓好以下十个方面工作：, with no time, leaves that heading's in force)
            if (intro := self._one_time(text, "intro")) is not None:
                self.introduce(intro)
            return
        text = text.lstrip("*_ ")  # **三、2021年工作重点**: Markdown's emphasis is no level
        level = 6
        if block.kind == "heading" and block.indent and block.text.startswith("#"):
            level = 1
        for rx, lv in _HEADING_LEVELS:
            if rx.match(text):
                level = lv
                break
        else:
            if self._one_time(text, "heading") is not None and not _NOT_A_PART.search(text):
                # 宜宾市's 2021年工作安排, unnumbered, its sections 一、… under it: a part of
                # the report, whose time stays in force under them (its 45 figures were
                # undated projects)
                level = 1
        for lv in [k for k in self.headings if k >= level]:
            del self.headings[lv]
        ref = self._one_time(text, "heading")
        if ref is not None or level <= self.section_level:
            # 贵港's 一、2020年和“十三五”工作回顾 / 2020年，我们… / （一）经济保持向稳向好发展: a
            # sub-heading with no time of its own goes on in the section's (its 80 figures of
            # 2020 were undated projects)
            self.section = None
        self.headings[level] = ref
        if level <= self.intro_level:
            self.intro = None

    def leave_headings(self) -> None:
        """A note of 名词解释 (a glossary at the end) is under none of the headings before it,
        nor dated by the note before it: it dates its figures itself (2020年主要预期目标…完成
        5.7%左右) or they have no time — the year of 三、2021年工作安排 is not theirs."""
        self.headings.clear()
        self.section = self.intro = None
        self.intro_level = 0

    def _one_time(self, text: str, source: str) -> TimeRef | None:
        """The one year or period a heading (or an introducing line) names, if one."""
        times = [
            t for t in find_times(text, self.doc_year) if t.kind in ("year", "period") and t.years
        ]
        if len({t.years for t in times}) != 1:
            return None
        first, last = times[0].years  # type: ignore[misc]
        return TimeRef(first, last, times[0].until, source, times[0].text)

    def open_section(self, carry: TimeRef, topic: bool = False) -> None:
        """2020年是极不平凡的一年。…: the paragraphs after it, under a heading that names two
        times (2020年及“十三五”工作回顾), are about the same time. `topic`: the year is what
        the sentence is about (刚刚过去的2020年，是…的一年) — it holds under a heading of one
        time too (一、“十三五”时期工作回顾: the year's own results after it were 2016–2020)."""
        self.section = TimeRef(carry.first, carry.last, carry.until, "section", carry.text)
        self.section_topic = topic
        self.section_level = max(self.headings, default=0)
        if self.intro is not None and (carry.first, carry.last) != (
            self.intro.first,
            self.intro.last,
        ):
            self.intro = None  # 各位代表，2020年…: a time of its own ends what introduced the last

    def after_sentence(self, times: list[Time], carry: TimeRef | None) -> TimeRef | None:
        """The time a sentence leaves for the next one (and the paragraph's period)."""
        # 2019年以来 frames its own statement; the sentences after it go on in the paragraph's time
        own = [
            t
            for t in times
            if t.kind in ("year", "period")
            and t.years
            and not _SINCE_YEAR.match(t.text)
            and not self._beyond_plan(t)
        ]
        periods = [t for t in own if t.first != t.last]
        if periods:
            t = periods[-1]
            self.para_period = TimeRef(t.first, t.last, t.until, "paragraph", t.text)  # type: ignore[arg-type]
        if own:
            t = own[-1]
            carry = TimeRef(t.years[0], t.years[1], t.until, "paragraph", t.text)  # type: ignore[index]
        elif any(t.kind == "year_ctx" for t in times):
            ctx = self.resolve_ctx_year(carry)
            if ctx is not None:
                carry = TimeRef(ctx.first, ctx.last, False, "paragraph")
        return carry

    def _beyond_plan(self, t: Time) -> bool:
        """到二〇三五年 after the plan's targets: a vision, not the time of what follows."""
        return self.plan is not None and t.first is not None and t.first > self.plan[1]

    def resolve_ctx_year(self, carry: TimeRef | None) -> TimeRef | None:
        """全年/当年: the year of the context, else the report's data year."""
        for t in (carry, self.intro, self.heading_time()):
            if t is not None and not t.is_period:
                return TimeRef(t.first, t.last, t.until, "explicit")
        if self.data_year is not None:
            return TimeRef(self.data_year, self.data_year, False, "explicit")
        return None

    def caption_time(self, caption: Block | None) -> tuple[int, int] | None:
        """The time a table is about: its caption's, else the heading's or introduction's."""
        ctx = self.heading_time() or self.intro
        cap_time = None
        if caption is not None and len(caption.text) <= 60:
            ts = [
                t
                for t in find_times(_table_number_apart(fold(caption.text)), self.doc_year)
                if t.kind in ("year", "period") and t.years
            ]
            if ts:
                cap_time = ts[0].years
        return cap_time or ((ctx.first, ctx.last) if ctx else None)

    # -- one figure
    def time_for(
        self, s: Sentence, times: list[Time], pos: int, ci: int, carry: TimeRef | None
    ) -> tuple[TimeRef | None, int | None, bool, bool]:
        """(time, base year, base is the previous year, explicit period phrase in sentence)."""
        cstart = s.clauses[ci][0]
        before = [t for t in dating(s.folded, times) if t.end <= pos]
        periods = [t for t in before if t.kind == "period" and t.years and t.first != t.last]
        self.sentence_period = (
            TimeRef(periods[-1].first, periods[-1].last, False, "clause", periods[-1].text)  # type: ignore[arg-type]
            if periods
            else None
        )
        base = None
        prev = False
        for t in reversed(before):
            if t.kind in ("year", "period") and t.start < cstart:
                break  # a base before the clause's own time is not this figure's
            if t.kind == "base" and base is None and not prev:
                base = t.first
            elif t.kind == "base_prev" and base is None:
                prev = True
        ref: TimeRef | None = None
        for t in reversed(before):
            if t.kind in ("year", "period") and t.years:
                src = "explicit" if t.start >= cstart else "clause"
                ref = TimeRef(t.years[0], t.years[1], t.until, src, t.text)
                break
            if t.kind == "year_ctx":
                # 2018年，…，年末农村贫困人口1660万人: the year the sentence opens with (not
                # 叠加2019年出台的政策，全年减负3490亿元's, a year it names on the way)
                earlier = next(
                    (
                        e
                        for e in before
                        if e.end <= t.start and e.kind == "year" and not s.folded[: e.start].strip()
                    ),
                    None,
                )
                r = (
                    TimeRef(earlier.first, earlier.last, False, "clause")  # type: ignore[arg-type]
                    if earlier is not None
                    else self.resolve_ctx_year(carry)
                )
                if r is not None:
                    ref = TimeRef(
                        r.first, r.last, False, "explicit" if t.start >= cstart else "clause"
                    )
                break
        if ref is None:
            heading = self.heading_time()
            for src, t in (
                ("paragraph", carry),
                ("intro", self.intro),
                ("section", self.section if heading is None or self.section_topic else None),
                ("heading", heading),
            ):
                if t is not None:
                    ref = TimeRef(t.first, t.last, t.until, src, t.text)
                    break
        span = next((t for t in reversed(before) if t.kind == "span" and t.start >= cstart), None)
        if span is not None:
            ref = self._span_ref(span, ref)
        explicit_period = (
            ref is not None
            and ref.is_period
            and ref.source in ("explicit", "clause", "paragraph")
            and bool(re.search(r"期间|时期|以来|\d年$", ref.text))
        )
        return ref, base, prev, explicit_period

    def _span_ref(self, span: Time, ref: TimeRef | None) -> TimeRef | None:
        """五年下降21%: the five years to the time in force — a review's year (2020: 2016–2020),
        the plan's end (到2025年: 2021–2025) — else to the last year with data."""
        n = span.span
        if ref is not None and ref.is_period and ref.last - ref.first + 1 == n:
            return ref
        end = ref.last if ref is not None else None
        plan_end = self.plan[1] if self.plan is not None else None
        if end is None or (self.data_year is not None and end > self.data_year and end != plan_end):
            end = self.data_year
        if end is None:
            return ref
        source = "explicit" if ref is None else ref.source
        return TimeRef(end - n + 1, end, False, source, span.text)

    def is_plan_end(self, ref: TimeRef | None, prev: bool) -> bool:
        """Is the figure's time the plan's last year, ahead of the data (到2025年)?"""
        return (
            ref is not None
            and not ref.is_period
            and self.plan is not None
            and ref.last == self.plan[1]
            and (self.data_year is None or ref.last > self.data_year)
            and not prev
        )

    @staticmethod
    def inferred_note(ref: TimeRef | None) -> str | None:
        """The review note for a time not stated in the figure's own clause."""
        if ref is None or ref.source == "explicit":
            return None
        span = period_words(ref.first, ref.last if ref.is_period else ref.first)
        assert ref.source in _WHERE, ref.source
        return Note("extract.time_inferred", span=span, where=Note(f"extract.where.{ref.source}"))

    @staticmethod
    def held_through(pred: Pred, ref: TimeRef | None, year: int) -> tuple[int, int] | None:
        """The years a level is said to have held (连续8年稳定在…: the 8 years to `year`;
        保持在/稳定在/最高… in a period's review: the period), or None."""
        core = pred.text.replace(MASK, "")
        if m := _RUN_OF_YEARS.search(core):
            n = int(m.group(1)) if m.group(1).isdigit() else CHINESE_COUNTS[m.group(1)]
            return (year - n + 1, year) if n > 1 else None
        if ref is not None and ref.is_period and ref.last == year and _HELD_WORDS.search(core):
            return ref.first, ref.last
        return None

    def when(
        self,
        kind: str,
        pred: Pred,
        ref: TimeRef | None,
        base: int | None,
        prev: bool,
        inferred: list[str],
        notes: list[str],
    ) -> tuple[int | None, tuple[int, int] | None]:
        """The year (levels, counts, shares) or period (everything else) of a figure."""
        if kind in ("level", "count", "share"):
            if pred.from_level:
                if base is not None:
                    return base, None
                if ref is not None and ref.is_period:
                    inferred.append(Note("extract.from_level_before_period", year=ref.first - 1))
                    return ref.first - 1, None
                for alt in (self.sentence_period, self.para_period, self.intro, self.section):
                    # “十三五”期间，A由…增加到2020年的…；B由X增加到Y: B's X is at the period's start
                    if (
                        ref is not None
                        and alt is not None
                        and alt.is_period
                        and alt.last == ref.last
                    ):
                        inferred.append(
                            Note(
                                "extract.from_level_before_span",
                                year=alt.first - 1,
                                first=alt.first,
                                last=alt.last,
                            )
                        )
                        return alt.first - 1, None
                if (
                    ref is not None
                    and not ref.is_period
                    and self.data_year is not None
                    and ref.first > self.data_year
                ):
                    # 2021年…人均补差水平分别从每月609元、276元提高到631元、286元: a year's goal
                    # starts from where things stand, the year the document reports on
                    inferred.append(Note("extract.from_level_now", year=self.data_year))
                    return self.data_year, None
                notes.append(Note("extract.from_level_no_year"))
                return None, None
            if ref is None:
                return None, None
            if ref.is_period:
                inferred.append(Note("extract.level_in_period", first=ref.first, last=ref.last))
            return ref.last, None
        if ref is None:
            if base is not None and self.data_year is not None and base < self.data_year:
                inferred.append(Note("extract.change_since", base=base, last=self.data_year))
                return None, (base + 1, self.data_year)
            if base is not None:
                notes.append(Note("extract.change_since_no_end", base=base))
            return None, None
        if base is not None and base < ref.last:
            return None, (base + 1, ref.last)
        if ref.is_period:
            return None, (ref.first, ref.last)
        y = ref.last
        target_end = (
            self.plan is not None
            and y == self.plan[1]
            and (self.data_year is None or y > self.data_year)
            and not prev
        )
        if target_end and self.plan is not None and kind != "cumulative":
            inferred.append(
                Note("extract.plan_period", first=self.plan[0], last=self.plan[1], year=y)
            )
            return None, self.plan
        if target_end and self.plan is not None and kind == "cumulative":
            return None, self.plan
        if kind in ("annual", "cumulative"):
            # a sum takes the period of its own paragraph only (这五年…): in a section on five
            # years, a paragraph on the last one sums within it (克州's 2020 累计…扶持政策资金);
            # and 累计达(到) is often a running total since some start (市场主体累计达到36.6万户),
            # not a sum over the paragraph's years
            contexts = [self.para_period] if not re.search(r"累计达", pred.text) else []
            if kind == "annual":
                contexts += [self.intro, self.section, self.heading_time()]
            for alt in contexts:
                # 2020年…1.765万亿元，年均增长5.5%: a period ending in 2020, not the 2017-2019
                # of the sentence before; 这五年…累计实现外贸进出口总额540亿元: the five years
                if alt is not None and alt.is_period and ref.source != "explicit" and alt.last == y:
                    inferred.append(Note("extract.context_period", first=alt.first, last=alt.last))
                    return None, (alt.first, alt.last)
        if kind == "annual":
            notes.append(Note("extract.annual_only_year", year=y))
            return None, None
        return None, (y, y)


def _table_number_apart(caption: str) -> str:
    """表122019年对主要国家和地区…: the table's number (12) and the year (2019年) run together
    in the bulletins' captions, and neither reads as a year."""
    return re.sub(r"(表\d{1,2}?)((?:19|20)\d{2}年)", r"\1 \2", caption)
