"""Sentences → quantified statements: what each figure in running text says.

The reader walks the document's blocks (paragraphs, headings, tables) and, for every figure token
in a sentence, puts together what the other modules decide from the words around it:
- `predicates`: the words between subject and number (达到, 年均增长, 比2015年增长 …);
- `subjects`: the indicator (the subject phrase, the noun after a count, or the subject carried
  from before; lists paired with 分别, 均 for several subjects, 其中 for parts);
- `kinds`: the kind of figure and its text as ezplan's grammar reads it;
- `context`: its year or period, from the clause, an earlier clause, the paragraph, the paragraph
  that introduces it or the heading (each later source marked as inferred);
and records it as a `found.Found`. Tables are read by `tables`.
"""

from __future__ import annotations

import re

from ezplan.extract.context import TimeContext, TimeRef, dating
from ezplan.extract.found import Found, Reading, Skipped, qualifier
from ezplan.extract.kinds import (
    is_flow,
    is_sum_ratio,
    kind_and_text,
    price_convention,
    read_figure,
    refine_kind,
    with_base,
)
from ezplan.extract.notes import Note, note_id
from ezplan.extract.predicates import (
    COMPARED_WORDS,
    MASK,
    Pred,
    mask,
    read_predicate,
    split_predicate,
)
from ezplan.extract.ratios import RatioPart, sector_ratios
from ezplan.extract.readers import Block, SourceText
from ezplan.extract.relations import relate
from ezplan.extract.sentences import Sentence, split_sentences
from ezplan.extract.subjects import (
    INVESTMENT,
    PART_OF_YEAR,
    bare_verb,
    clean_subject,
    drop_inner_verb,
    fill_subject,
    fit_subject,
    grain_output,
    group_subjects,
    groups,
    lead_words,
    object_after,
    owner_measure,
    share_of_noun,
    sibling_measure,
    split_share,
    split_subjects,
    stock_change,
    subject_before,
    verb_list_object,
)
from ezplan.extract.tables import read_table
from ezplan.extract.text import ZONE_SUFFIX, fold
from ezplan.extract.timex import Time, find_times
from ezplan.extract.tokens import (
    BAR_PASSED,
    STEPS_PASSED,
    Token,
    find_tokens,
    noun_after,
    without_conjunction,
)
from ezplan.figures import Comparator

_PEAK = re.compile(r"最高(?:时|曾|峰)?(?:突破|达到?|超过|为)?$|从最高(?:位|点|峰|值)")
_YEARLY_AVERAGE = re.compile(r"年均(?:达到?|为|保持)$")
_CHANGE_VERB_FIRST = re.compile(r"^(压减|削减|减少|降低|压缩|精简|提高|提升)(?=[\u4e00-\u9fff]{2})")
# 经济总量五年跨越8个百亿元台阶、是…的1.7倍: the milestone is narrative between the subject and
# its figures (the count is skipped, `tokens.STEPS_PASSED`)
_STEPS_PHRASE = re.compile(
    rf"(?:跨越|迈上|跨上|登上|跃上|站上|连跨|跨过)?{STEPS_PASSED.pattern}[、，,]?"
)
_ACHIEVED = re.compile(r"(?:实际)?(?:完成|实现)")
_PER_YEAR_LEAD = re.compile(r"^(?:每年|年均|平均每年)(?=[\u4e00-\u9fff]{2})")
_PER_YEAR_BEFORE_VERB = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:平均每年|每年)(?=(?:新增|增加|新建|建成|完成|引进|培育|开工)$)"
)


_ITEM_GLUED = re.compile(r"\s*(\d{1,2})\.(?=\d)")


def _item_end(blocks: list[Block], i: int) -> int:
    """Where a list number glued to a figure ends — 1.5个已摘帽县 before items 2., 3. … (宜宾市)
    is item 1., then 5个, not 1.5个 — or 0. A number is an item's where the paragraph before or
    after is the item next to it."""
    m = _ITEM_GLUED.match(blocks[i].text)
    if m is None:
        return 0
    n = int(m.group(1))

    def item(j: int, k: int) -> bool:
        return (
            0 <= j < len(blocks)
            and blocks[j].kind == "text"
            and re.match(rf"\s*{k}[.．、]", blocks[j].text) is not None
        )

    return m.end() if item(i + 1, n + 1) or item(i - 1, n - 1) else 0


class Reader:
    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.time = TimeContext(source)
        self.figures: list[Found] = []
        self.skipped: list[Skipped] = []
        self.sentences = 0
        self.glossary = False  # under 名词解释: each note dates its own figures
        self.area: str | None = None  # a part of the place the figures are about (三江新区)
        self.projects: str | None = None  # the projects a paragraph is about (重大交通项目)

    # -- documents
    def read(self) -> Reading:
        blocks = self.source.blocks
        i = 0
        while i < len(blocks):
            b = blocks[i]
            if b.kind == "table":
                j = i
                while j < len(blocks) and blocks[j].kind == "table":
                    j += 1
                caption = blocks[i - 1] if i > 0 and blocks[i - 1].kind != "table" else None
                self._table(blocks[i:j], caption)
                i = j
                continue
            if b.kind in ("heading", "title"):
                self._paragraph(b, heading=True)
                if b.kind == "heading":
                    self.time.enter_heading(b)
                    self.glossary = _GLOSSARY.fullmatch(fold(b.text)) is not None
            else:
                if self.glossary:
                    self.time.leave_headings()
                carry = self._paragraph(b, item_end=_item_end(blocks, i))
                if fold(b.text).rstrip().endswith((":", "：")):
                    self.time.introduce(carry)
            i += 1
        t = self.time
        return Reading(self.source, self.figures, self.skipped, self.sentences, t.doc_year, t.plan)

    def _table(self, rows: list[Block], caption: Block | None) -> None:
        base = self.time.caption_time(caption)
        for f in read_table(rows, base, self.time.plan, self.time.data_year):
            self.sentences += 1
            self._finish(f)

    def _paragraph(self, block: Block, heading: bool = False, item_end: int = 0) -> TimeRef | None:
        carry: TimeRef | None = None
        self.time.para_period = None
        para_figs: list[Found] = []
        self.area = None
        self.projects = None
        zones: list[str] = []  # the zones a sentence of the paragraph lists (A、B、C等3个园区)
        opening = 0  # the paragraph's first sentence that says something (not 各位代表！)
        for i, s in enumerate(split_sentences(block, self.sentences, item_end)):
            self.sentences += 1
            if i == opening and _ADDRESS.fullmatch(s.folded.strip()):
                opening += 1
            topic = _AREA_TOPIC.match(s.folded)
            if zones and (turn := _zone_turn(s.folded, zones)) is not None:
                # 海口's 将江东新区、综保区、高新区、复兴城产业园等4个重点园区打造成…。加快江东新区
                # 建设，…新设企业增长60%…。强化综保区…新设企业增长50%: each listed zone's
                # sentences, until the next one's (they were the city's targets)
                self.area = turn
            running = self.area if zones else None  # what a topic sentence returns to
            if topic:
                self.area = topic.group(1)  # 自贸区青岛片区，…力争市场主体数量增长20%
            elif i == 0 and (m := _AREA_PARAGRAPH.match(s.folded)):
                self.area = m.group(1)  # 高质量建设三江新区。…实现地区生产总值266亿元
            elif i == 0 and (m := _PROJECTS_PARAGRAPH.match(s.folded)):
                self.projects = m.group(1)  # 加快实施重大交通项目。计划投资1140亿元
            carry = self._sentence(s, carry, para_figs)
            if topic:
                self.area = running  # a sentence's topic is its own
            zones = zones or _listed_zones(s.folded)
            if i == opening and carry is not None and not heading and self._opens_with_time(s):
                topic = not carry.is_period and _YEAR_AS_TOPIC.match(s.folded) is not None
                self.time.open_section(carry, topic)
        return carry

    def _opens_with_time(self, s: Sentence) -> bool:
        """2020年是极不平凡的一年: the time the sentence is about, which the paragraphs after it
        keep. 面对今年初…突发疫情 is the time of an event it tells of (what was faced, fought,
        suffered): the paragraphs after it stay in the section's time."""
        text = s.folded
        first = next(
            (t for t in find_times(text, self.time.doc_year) if t.kind in _OPENING_TIMES), None
        )
        if first is None:
            return False
        start = s.clauses[s.clause_of(first.start)][0]
        return _EVENT_LEAD.search(text[start : first.start]) is None

    # -- one sentence
    def _sentence(
        self, s: Sentence, carry: TimeRef | None, para_figs: list[Found]
    ) -> TimeRef | None:
        text = s.folded
        times = find_times(text, self.time.doc_year)
        tokens = find_tokens(text, times)
        ratio_parts = sector_ratios(text)
        read_as_parts = {p.start for p in ratio_parts}
        for p in ratio_parts:
            self._ratio_part(s, times, carry, p)
        for t in tokens:
            if t.skip is not None and t.start not in read_as_parts:
                line, col = s.position(t.start)
                self.skipped.append(Skipped(line, col, s.text[t.start : t.end], t.skip, s.quote))
        good = [t for t in tokens if t.skip is None]
        # 按可比口径计算, 可比增长 (the same coverage as last year's, not its published level) is
        # kept from the levels as constant prices are: checked against them it would misfire
        marker = re.search(r"可比价|不变价|可比口径|可比增长|扣除价格因素", text)
        sent_figs: list[Found] = []
        prev_end: dict[int, int] = {}
        for group in groups(text, good, s):
            first = group[0]
            ci = s.clause_of(first.start)
            cstart = s.clauses[ci][0]
            lstart = max(cstart, prev_end.get(ci, cstart))
            prev_end[ci] = group[-1].end
            # 按可比价计算 qualifies the figures after it, and those of its own clause
            constant = (
                (_COVERAGE if marker.group() in ("可比口径", "可比增长") else _PRICES)
                if marker is not None
                and (marker.start() < first.start or s.clause_of(marker.start()) == ci)
                else ""
            )
            self._group(
                s, text, times, tokens, group, ci, lstart, carry, para_figs, sent_figs, constant
            )
        carry = self.time.after_sentence(dating(text, times), carry)
        para_figs.extend(sent_figs)
        return carry

    def _group(
        self,
        s: Sentence,
        text: str,
        times: list[Time],
        tokens_all: list[Token],
        group: list[Token],
        ci: int,
        lstart: int,
        carry: TimeRef | None,
        para_figs: list[Found],
        sent_figs: list[Found],
        constant: str,
    ) -> None:
        """The figures of one group of tokens (one, or a list sharing its predicate)."""
        first = group[0]
        # 分别增长7%和8%以上: the list shares its last qualifier — but not where a number is
        # written again (8%和8%以上): repeated, it is there to differ
        last, rest = group[-1], group[:-1]
        number = (last.num, last.num2, last.unit)
        if (
            rest
            and last.suffix
            and not any(t.suffix for t in rest)
            and all((t.num, t.num2, t.unit) != number for t in rest)
        ):
            for t in rest:
                t.suffix = last.suffix
        cstart, cend = s.clauses[ci]
        left = text[lstart : first.start]
        masked = _STEPS_PHRASE.sub(lambda m: MASK * len(m.group()), mask(left, times, lstart))
        cut = split_predicate(masked)
        pred = read_predicate(masked[cut:], mask(text[cstart : first.start], times, cstart))
        subject = drop_inner_verb(clean_subject(masked[:cut], left[:cut]))
        if subject in _MORE_OR_LESS and _MORE_THAN_BEFORE.search(left):
            # 比上年多3.1万亿元, 比上年少增9万人: 比上年 is read as the time, which left 多 (少增)
            # as the subject
            pred.up, pred.down = subject[0] == "多", subject[0] == "少"
            pred.text, subject = pred.text + subject, ""
        if (stock := stock_change(subject)) is not None:
            subject, pred.up = stock, True  # 参保人数新增66.3万人: 新增 is the predicate's
        if (m := _CHANGE_VERB_FIRST.match(subject)) and all(t.unit == "%" for t in group):
            # 压减管委会内设机构58.7%: the verb before its object is the figure's predicate
            subject = subject[m.end() :]
            pred.up, pred.down = m.group(1) in ("提高", "提升"), m.group(1) not in ("提高", "提升")
        if _achieved_rate(group, subject, pred, sent_figs):
            # 预期增速6.5%左右，完成0.2%: the growth achieved, in the terms of the one before it
            pred.up, pred.annual = True, sent_figs[-1].kind == "annual"
        m = _PER_YEAR_LEAD.match(subject) or _PER_YEAR_BEFORE_VERB.search(subject)
        per_year = m is not None and not any(t.unit in ("%", "‰", "倍", "个百分点") for t in group)
        if per_year and m is not None:
            # 每年新增城镇就业120万人, 城镇就业每年新增15万人以上: each year's, not the sum
            subject = subject[: m.start()] + subject[m.end() :]
        lead = lead_words(masked[:cut], left[:cut])
        if re.match(r"^[\s，,：:\x01]*(?:五年)?(累计|共计|合计|总计|共(?!有))", masked[:cut]):
            pred.cumulative = True  # 累计生产电解铝50.98万吨
        if pred.cumulative and _AS_OF_YEAR_END.search(text[: first.start]):
            # 截至年底，累计建设国家重点实验室503个: the number there is at the year's end (since
            # the programme began), not a sum of the year's
            pred.cumulative = False
        clause_text = text[cstart:cend]
        in_part = bool(re.match(r"^[\s，,：:]*其中", clause_text)) or (
            ci > 0
            and bool(re.match(r"^[\s，,：:]*其中[\s，,：:]*$", text[slice(*s.clauses[ci - 1])]))
        )
        if not in_part and sent_figs and sent_figs[-1].part_of and not pred.text.strip(MASK):
            # 其中查验区121亩，保税加工区241亩: a bare list after 其中 goes on naming parts
            in_part = not re.search(r"累计|完成|实现|达到|增长", clause_text)
        if PART_OF_YEAR.search(text[cstart : first.start]):
            for t in group:
                self._skip(s, t, Note("extract.skip.part_year"))
            return
        ref, base, prev, explicit_period = self.time.time_for(s, times, first.start, ci, carry)

        def before() -> str:
            return subject_before(s, text, times, tokens_all, ci)

        prev_tok = next((t for t in tokens_all if t.end == lstart and t.skip is None), None)
        if (
            prev_tok is not None
            and subject
            and left.rstrip("、 ") == subject
            and noun_after(text, prev_tok, any_unit=True) == without_conjunction(subject)
        ):
            # 10个产业、35条产业链, 12个产研院和2个院士工作站: the noun the count before counts
            subject = ""
        listy = "、" in subject or "等" in subject[-3:] or len(subject) > 16
        nouns = [noun_after(text, t, any_unit=listy or not subject) for t in group]
        nouns = [
            verb_list_object(text, t, cend) if n and bare_verb(n) else n
            for n, t in zip(nouns, group, strict=True)
        ]
        if (verb := bare_verb(subject)) is not None:
            # 抓好5个全国农民合作社…试点, 新建654万亩高标准农田: the indicator is what the verb
            # acts on; a verb of doing (新建) stays in the name, one of managing (抓好) does not
            nouns = [
                n or noun_after(text, t, any_unit=True) or object_after(text, t, cend)
                for n, t in zip(nouns, group, strict=True)
            ]
            if verb == "manage" and all(nouns):
                subject = ""
        # the figures before in this sentence: 烟台's 改造棚户区10.8万套、农村危房4446户。…提升城乡
        # 低保标准，较“十二五”末分别提高了48.8％和86.2％ — the sentence before's are not what
        # 分别 pairs with
        earlier = [f.indicator for f in sent_figs if f.indicator]
        subjects = group_subjects(subject, len(group), before, earlier)
        if pred.respectively and len(group) > 1 and len({sj for sj, _ in subjects}) == 1:
            # each its own subject, none found (or one for all: 南充's 力争年度投资分别超260亿元、
            # 1700亿元、1000亿元 — three kinds of projects'): no one subject carried to all
            for t in group:
                self._skip(s, t, Note("extract.skip.respectively_unknown"))
            return
        for k, tok in enumerate(group):
            noun = nouns[k]
            if tok.unit == "次" and not noun and not subjects[k][0]:
                # 3次提高低保和特困标准: how many times something was done, with no subject of
                # its own — carried from before, it would be a figure of that (城镇新增就业)
                self._skip(s, tok, Note("extract.skip.times"))
                continue
            # 保有量21743万辆（包括三轮汽车820万辆），比上年末增长11.8%: outside the brackets the
            # figures before are the total's, not the bracketed part's
            seen = sent_figs if _in_brackets(text[: tok.start]) else _outside(sent_figs)
            subj, how = fill_subject(*subjects[k], noun, pred, seen, para_figs, before)
            subj, how = fit_subject(subj, how, tok.unit, sent_figs[-1] if sent_figs else None, pred)
            subj, how = grain_output(subj, how, tok.unit)
            rate_word = _RATE_WORD.search(pred.text)
            if tok.unit in ("个百分点", "百分点") and subj and rate_word:
                # 一般公共预算收入增速较上年提高2个百分点: a change of the growth rate, not of
                # the revenue (which it made an indicator in %)
                subj += rate_word.group()
            if not in_part:  # 其中国有控股企业2313亿元: a part of the amount before, no sibling
                subj, how = sibling_measure(subj, how, tok.unit, sent_figs or para_figs)
                subj, how = owner_measure(subj, how, tok.unit, seen)
            share_of = share_of_noun(text, tok, (cstart, cend), pred.up or pred.down or pred.annual)
            if share_of:
                subj, how = share_of, None
            names = [(subj, how)]
            # 培育专精特新中小企业、成长型小微企业各100家: 100 of each
            each = pred.text.replace(MASK, "").endswith("各")
            shared = (
                pred.all_of
                or each
                or (
                    (pred.up or pred.down or tok.doubling is not None)
                    and not pred.to_level
                    and not pred.from_level
                )
            )
            if len(group) == 1 and shared and (ps := split_subjects(subject, None)):
                # 游客接待量、旅游总收入实现翻番: one number, one figure per indicator
                names = [(p, None) for p in ps]
            if not subj and tok.unit.endswith("次") and not noun:
                self._skip(s, tok, Note("extract.skip.times"))
                continue
            # 5个国省考核断面水质优良比例100%: a count that opens its clause with no verb, and
            # whose clause goes on to a figure of its own, names the set that figure is about
            # (unlike 109个贫困村全部出列, the things done)
            later = [t for t in tokens_all if t.skip in (None, BAR_PASSED) and t.start > tok.end]
            bare_count = (
                noun is not None
                and not text[cstart : tok.start].strip(" ，,；;：:")
                and bool(later)
                and s.clause_of(later[0].start) == ci
                and "、" not in text[tok.end : later[0].start]
            )
            if self.area is not None:
                names = [_in_area(self.area, name, how2) for name, how2 in names]
            if self.projects is not None:
                names = [
                    _in_area(self.projects, name, how2)
                    if INVESTMENT.fullmatch(name)
                    else (name, how2)
                    for name, how2 in names
                ]
            for name, how2 in names:
                f = self._figure(
                    s,
                    text,
                    tok,
                    name,
                    how2,
                    pred,
                    ref,
                    base,
                    prev,
                    explicit_period,
                    constant,
                    noun is not None,
                    lead,
                    bare_count,
                    per_year,
                )
                if f is None:
                    continue
                relate(s, f, ci, left, pred, in_part, para_figs, sent_figs, self.figures)
                sent_figs.append(f)
                self._finish(f)

    def _ratio_part(
        self, s: Sentence, times: list[Time], carry: TimeRef | None, part: RatioPart
    ) -> None:
        """One sector's part of 三次产业结构由a:b:c调整为d:e:f, at its year, listed for review."""
        ci = s.clause_of(part.start)
        ref, base, prev, _ = self.time.time_for(s, times, part.start, ci, carry)
        pred = Pred("由" if part.starting else "调整为")
        pred.from_level, pred.to_level = part.starting, not part.starting
        inferred: list[str] = []
        if note := self.time.inferred_note(ref):
            inferred.append(note)
        notes: list[str] = [Note("extract.ratio_part")]
        year, period = self.time.when("level", pred, ref, base, prev, inferred, notes)
        line, col = s.position(part.start)
        self._finish(
            Found(
                indicator=part.indicator,
                kind="level",
                value=part.value,
                unit="",
                qualifier="exact",
                year=year,
                period=period,
                constant_prices=False,
                quote=s.quote,
                line=line,
                column=col,
                text=part.value,
                inferred=inferred,
                notes=notes,
                sentence=s.index,
            )
        )

    def _skip(self, s: Sentence, tok: Token, reason: str) -> None:
        line, col = s.position(tok.start)
        self.skipped.append(Skipped(line, col, s.text[tok.start : tok.end], reason, s.quote))

    def _finish(self, f: Found) -> None:
        end = f.period[1] if f.period else f.year
        data_year = self.time.data_year
        if end is not None and data_year is not None:
            f.role = "target" if end > data_year else "actual"
        price_convention(f)
        self.figures.append(f)

    def _figure(
        self,
        s: Sentence,
        text: str,
        tok: Token,
        subject: str,
        how: str | None,
        pred: Pred,
        ref: TimeRef | None,
        base: int | None,
        prev: bool,
        explicit_period: bool,
        constant: str,
        prenominal: bool,
        lead: str = "",
        names_a_set: bool = False,
        per_year: bool = False,
    ) -> Found | None:
        kind, fig_text, direction, notes = kind_and_text(text, tok, pred)
        clause_start = s.clauses[s.clause_of(tok.start)][0]
        if tok.unit == "倍" and (
            _OF_ANOTHER.search(text[clause_start : tok.start])
            or _ABOVE_ANOTHER.search(text[clause_start : tok.start])
        ):
            # 不低于当地最低生活保障标准的1.6倍, 高出全国水平1.3倍: a multiple of another
            # quantity (another place's), not growth
            notes.append(Note("extract.multiple_of_other"))
        if _PEAK.search(text, clause_start, tok.start):
            # 吞吐量最高突破1400万人次, 从最高位回落4%: a peak (of a day, a month, some year) or a
            # change from it — not a year's level nor its change
            notes.append(Note("extract.peak"))
        elif tok.unit not in ("%", "‰", "个百分点", "百分点") and _YEARLY_AVERAGE.search(
            text, clause_start, tok.start
        ):
            # 2016~2019年海南入境游客年均达114.2万人次: the years' average, no one year's level
            notes.append(Note("extract.yearly_average"))
        if _PLANNED.search(text[clause_start : tok.start]) or _GOAL_AFTER.match(text, tok.end):
            # 预期增速6.5%左右 (not 人均预期寿命); 低于3.3%的控制目标: the goal it was held to
            notes.append(Note("extract.planned"))
        if self.glossary:
            # 名词解释: 8.“双千计划”：建设科技企业孵化器1000家… — what a term means
            notes.append(Note("extract.in_glossary"))
        gap = pred.compare_other and kind == "change_pp"
        if gap:
            notes.append(Note("extract.gap"))
            # 地区生产总值高于全省增速0.5个百分点: the indicator is what stands before 高于
            subject = re.split(COMPARED_WORDS, subject)[0] or subject
        part, of, share = split_share(subject)
        if (share or pred.share) and tok.unit in ("%", "‰") and kind == "level":
            kind = "share"
        inferred: list[str] = [how] if how else []
        if note := self.time.inferred_note(ref):
            inferred.append(note)
        kind = refine_kind(
            kind,
            tok,
            subject,
            part,
            pred,
            ref,
            base,
            explicit_period,
            prenominal,
            lead,
            self.time.is_plan_end(ref, prev),
            ref is not None and self.time.data_year is not None and ref.first > self.time.data_year,
        )
        if names_a_set and kind == "cumulative" and not pred.cumulative:
            kind = "count"
        year, period = self.time.when(kind, pred, ref, base, prev, inferred, notes)
        if note and ref is not None and ref.is_period and period and period[0] != ref.first:
            # 比2010年翻一番 in a “十三五” paragraph: only the end year came from the context
            end = TimeRef(ref.last, ref.last, ref.until, ref.source, ref.text)
            inferred[inferred.index(note)] = self.time.inferred_note(end) or note
        if per_year and ref is not None and ref.is_period:
            if kind == "cumulative":
                kind = "change_abs" if is_flow(part, lead, prenominal) else "level"
            year, period = None, (ref.first, ref.last)
            inferred[:] = [n for n in inferred if note_id(n) != "extract.level_in_period"]
            notes.append(Note("extract.per_year", first=ref.first, last=ref.last))
        held = (
            self.time.held_through(pred, ref, year)
            if kind in ("level", "share") and year is not None and period is None
            else None
        )
        if held and not tok.num2:
            # both: the span is what was said, the end year is where a draft can hold it
            period = held
            inferred[:] = [n for n in inferred if note_id(n) != "extract.level_in_period"]
            inferred.append(Note("extract.held_through", first=held[0], last=held[1], year=year))
        if kind in ("annual", "total", "change_pp", "change_abs") and direction is None:
            direction = "up"
        if kind == "total" and period is not None:
            fig_text = with_base(text[: tok.start], fig_text, period)
        figure, unit_known = read_figure(fig_text, tok.unit, notes)
        if figure is not None and not pred.from_level and _estimated(s, tok.start):
            # 预计: a preliminary estimate (a 2021 report's figures for 2020 and the five years
            # before), read with the width of 约 rather than to its last digit (the figure
            # grammar's 预计, so the draft quotes the document); a bound stays a bound
            # (预计突破1万亿元) — not the level a change starts from (从15203元提高到预计22600元:
            # the 2015 figure is known)
            exact = figure.comparator is Comparator.EXACT
            estimate, _ = read_figure(_ESTIMATE + fig_text, tok.unit, [])
            if estimate is not None and (exact or estimate.comparator is figure.comparator):
                figure, fig_text = estimate, _ESTIMATE + fig_text
                if exact:
                    notes.append(Note("extract.estimate"))
        if figure is None and tok.in_words:
            # listed for review, never turned into digits the document does not write
            notes.append(Note("extract.words_magnitude"))
        elif figure is None and tok.num2 is not None:
            notes.append(Note("extract.range_no_form"))
        elif figure is None:
            self._skip(s, tok, Note("extract.skip.cannot_read", text=fig_text))
            return None
        line, col = s.position(tok.start)
        qual = qualifier(figure.comparator) if figure else _unread_qualifier(tok, pred)
        before = text[: tok.start]
        nested = _in_brackets(before)
        sum_ratio = is_sum_ratio(tok, before)
        if sum_ratio:
            notes.append(Note("extract.sum_ratio"))
        if tok.doubling is not None and tok.more:
            qual = "at_least"
        if constant == _COVERAGE and kind in ("annual", "total"):
            notes.append(Note("extract.comparable_coverage"))
        return Found(
            indicator=subject,
            kind=kind,
            value=tok.value,
            unit=tok.unit,
            qualifier=qual,
            year=year,
            period=period,
            constant_prices=bool(constant) and kind in ("annual", "total"),
            quote=s.quote,
            line=line,
            column=col,
            text=fig_text,
            direction=direction,
            of=of,
            inferred=inferred,
            notes=notes,
            figure=figure,
            unit_known=unit_known,
            sentence=s.index,
            nested=nested,
            sum_ratio=sum_ratio,
            flow=is_flow(part, lead, prenominal) and not names_a_set,
            gap=gap,
        )


_AS_OF_YEAR_END = re.compile(r"截至(?:(?:19|20)\d{2}年)?(?:年底|年末|底|末)[，,]?[^。；;]*$")
# what 按可比价/按可比口径 makes of a growth: at constant prices, or over last year's figure
# re-counted to this year's coverage (both kept from the published levels: marked constant_prices)
_PRICES, _COVERAGE = "prices", "coverage"
_ESTIMATE = "预计"
_FULL_STOP = re.compile(r"[。！？!?]")


def _estimated(s: Sentence, at: int) -> bool:
    """Is the figure at `at` of sentence `s` said after 预计, in its sentence or in those it
    goes on from after a ； (宜宾's 预计2020年…食品饮料产业…1600亿元…；以天原为代表的…其中天原集团
    营业收入突破300亿元、年均增长23.5%，是“十二五”末的2.8倍: read exact, the 天原 figures made a
    false error — 1.235⁵ = 2.87)?"""
    before = s.block.text[: s.start + at]
    stops = list(_FULL_STOP.finditer(before))
    parts = before[stops[-1].end() if stops else 0 :].split("；")
    said = next((k for k, part in enumerate(parts) if _ESTIMATE in part), None)
    # …工业增加值预计实现年均增长3.7%；目前，铅锌矿…年采选能力分别达到1000万吨: a part that
    # opens with a time of its own is no longer the estimate
    return said is not None and not any(_OWN_TIME.match(p) for p in parts[said + 1 :])


_OWN_TIME = re.compile(r"\s*(?:目前|当前|现在|截至|截止|(?:19|20)\d{2}\s*年)")


_GLOSSARY = re.compile(
    r"[\s*#_]*(?:相关)?(?:(?:名词|用语|词语|术语)(?:解释|注释|说明)|注释|注解)[\s*#_:：]*"
)
_OPENING_TIMES = frozenset({"year", "period", "year_ctx"})
# a part of the city, county or province its figures are about: a sentence opening with it
# (自贸区青岛片区，…), or a paragraph opening with its building (高质量建设三江新区。)
_AREA = r"(?!创建|争创|申报|设立)([\u4e00-\u9fff“”]{2,12}?" + ZONE_SUFFIX + ")"
_BUILDING = r"(?:高质量|高品质|高标准|高水平|加快|全力|大力|持续)?(?:建设|推进|打造)"  # not 创建
_AREA_TOPIC = re.compile(r"^[\W_]*(?:" + _BUILDING + r")?" + _AREA + r"[，,]")
_AREA_PARAGRAPH = re.compile(r"^[\W_]*" + _BUILDING + _AREA + r"[。；;]?$")
# a paragraph opening with its projects (加快实施重大交通项目。推进重大水利工程建设。): the bare
# investment of its sentences is theirs (甘肃's 交通 and 水利 计划投资 were one indicator)
_PROJECTS_PARAGRAPH = re.compile(
    r"^[\W_]*(?:加快|推进|实施|全力|大力|加快实施|全力推进|大力推进|扎实推进)*"
    r"(重大[\u4e00-\u9fff]{1,8}?(?:项目|工程))(?:建设)?[。；;]?$"
)
_ZONE_WORD = r"[\u4e00-\u9fff]{0,8}?" + ZONE_SUFFIX
_ZONE_LIST = re.compile(
    rf"((?:{_ZONE_WORD}、)+{_ZONE_WORD})等[\d一二三四五六七八九十]+个(?:重点)?(?:园区|片区|功能区)"
)


def _listed_zones(text: str) -> list[str]:
    """The zones a sentence lists as a paragraph's parts (将江东新区、综保区、高新区、复兴城产业园
    等4个重点园区打造成…), or none."""
    m = _ZONE_LIST.search(text)
    if m is None:
        return []
    return [re.sub(r"^(?:将|把|对|推动|加快|支持)", "", z) for z in m.group(1).split("、")]


def _zone_turn(text: str, zones: list[str]) -> str | None:
    """The listed zone a sentence turns to in its first words (加快江东新区建设，…), if one."""
    head = text.lstrip()[:12]
    return next((z for z in zones if z in head), None)


def _in_area(area: str, name: str, how: str | None) -> tuple[str, str | None]:
    """A figure's subject in the part of the place the sentence is about (三江新区常住人口, not
    the city's)."""
    if not name or area in name:
        return name, how
    note = Note("extract.subject_area", area=area)
    return area + name, Note("extract.and", first=how, then=note) if how else note


# 刚刚过去的2020年，是…极不平凡的一年; 2020年是…: the year is what the paragraph is about
# 各位代表！2020年，是“十三五”规划收官之年。: the address is no sentence of the paragraph's own
_ADDRESS = re.compile(r"各位代表[！!，,：:]?|同志们[！!，,：:]?")
_YEAR_AS_TOPIC = re.compile(r"^[\W_]*(?:刚刚过去的|过去的)?(?:19|20)\d{2}年[，,]?\s*是")
_RATE_WORD = re.compile(r"增速|增幅")
_EVENT_LEAD = re.compile(r"(?:面对|面临|针对|应对|受|因|由于|经历|经受|克服|抗击|战胜|遭遇|遭受)")
_MORE_THAN_BEFORE = re.compile(r"(?:比|较)(?:上年|去年)(?:末|同期)?(?:多|少)[增减]?\s*$")
_MORE_OR_LESS = frozenset({"多", "少", "多增", "少增", "多减", "少减"})
_OF_ANOTHER = re.compile(
    r"(?:标准|水平|平均数?|均值|全国|全省|全市|同期)[^，,；;。]{0,6}的(?:约|近)?$"
)
_ABOVE_ANOTHER = re.compile(
    r"(?:高出|高于|超出|超过|低于|相当于)(?:全国|全省|全市|全区|全州)(?:平均)?(?:水平)?$"
)
_PLANNED = re.compile(r"预期(?!寿命|性|目标完成)")  # not 人均预期寿命, 预期性指标
_GOAL_AFTER = re.compile(r"(?:左右|以上|以内|以下)?的[\u4e00-\u9fff]{0,4}目标")


def _achieved_rate(group: list[Token], subject: str, pred: Pred, sent_figs: list[Found]) -> bool:
    """A bare percent said to be achieved (完成0.2%) right after a growth of the sentence, with
    no subject of its own: that growth's outcome, not a level of 0.2%."""
    if subject or pred.up or pred.down or pred.annual or not sent_figs:
        return False
    before = sent_figs[-1]
    return (
        all(t.unit == "%" for t in group)
        and before.kind in ("annual", "total")
        and before.unit == "%"
        and _ACHIEVED.fullmatch(pred.text.replace(MASK, "").strip()) is not None
    )


def _unread_qualifier(tok: Token, pred: Pred) -> str:
    """The qualifier of a figure the grammar cannot read, from the words around it."""
    if tok.num2 is not None:
        return "range"
    if tok.suffix in ("以上",) or pred.comparator in ("突破", "超过", "超", "逾"):
        return "at_least"
    if tok.suffix in ("以内", "以下"):
        return "at_most"
    if tok.suffix in ("左右", "上下") or pred.comparator in ("约", "近"):
        return "about"
    if re.search(r"(突破|超过|超|逾|迈上|跨越|站上|跨入|迈入)$", pred.text.replace(MASK, "")):
        return "at_least"
    return "exact"


def read_source(source: SourceText) -> Reading:
    return Reader(source).read()


def _in_brackets(before: str) -> bool:
    """Is the text after `before` inside brackets it opened?"""
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def _outside(figs: list[Found]) -> list[Found]:
    return [f for f in figs if not f.nested]
