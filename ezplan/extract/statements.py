"""Sentences → quantified statements: what each figure in running text says.

For every figure token in a sentence the reader decides, from the words around it:
- the indicator: the subject phrase before the predicate (地区生产总值 in 地区生产总值达到1200亿元),
  or the noun after a count (15个城市公园), or the subject carried from the figure before it;
  lists are paired (A、B分别增长X、Y), 均 gives one figure to several subjects, 其中 makes parts;
- the kind: level, annual (年均增长), total (增长X%, 增长X倍, 是…的X倍, 翻一番), cumulative (累计,
  or an amount over an explicit period), share (占…比重), change_pp (提高X个百分点), change_abs
  (增加X万人), count (a number of things);
- the year or period: from the clause, an earlier clause, the paragraph, the paragraph that
  introduces it (…以下工作：) or the heading, each later source marked as inferred; base years
  (比2015年) make the growth's period; 从/由 X 到 Y gives a base level and an end level;
- the figure's text as ezplan reads it, and what `figures.parse_figure` reads from it: value,
  unit, qualifier. A form the grammar lacks is rewritten to one it has (超 → 超过,
  300多家 → 300家以上) and the rewrite is noted in the figure's review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ezplan.extract.readers import Block, SourceText
from ezplan.extract.sentences import Sentence, split_sentences
from ezplan.extract.tables import read_table
from ezplan.extract.text import fold, strip_place
from ezplan.extract.timex import Time, find_times
from ezplan.extract.tokens import Token, find_tokens, noun_after
from ezplan.figures import Comparator, Figure, FigureError, parse_figure
from ezplan.units import UnitError, parse_unit

KINDS = ("level", "annual", "total", "cumulative", "share", "change_pp", "change_abs", "count")
_QUALIFIER_NAMES = {"nearly": "about"}  # 近 is read as "about" in the stable interface


def qualifier(comparator: Comparator) -> str:
    """exact | about | at_least | at_most | range, whatever finer comparators the grammar has."""
    return _QUALIFIER_NAMES.get(comparator.value, comparator.value)


@dataclass
class Found:
    """One quantified statement found in the document."""

    indicator: str
    kind: str
    value: str  # the number as written ("3.5" for 3.5万亿元)
    unit: str  # the unit as written ("万亿元", "%", "倍", "个百分点")
    qualifier: str
    year: int | None
    period: tuple[int, int] | None
    constant_prices: bool
    quote: str
    line: int
    column: int
    text: str  # the figure as ezplan reads it: 增长2.4倍, 约210亿元, 40%以上
    role: str | None = None  # actual | target
    direction: str | None = None  # up | down, for growth and changes
    of: str | None = None  # share: the whole, as written
    part_of: str | None = None  # 其中: the indicator this one is part of
    same_as: int | None = None  # 折合: index of the figure this one restates
    inferred: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    figure: Figure | None = None  # what parse_figure read
    unit_known: bool = True
    sentence: int = 0
    placed: bool = False
    id: str | None = None  # the indicator's id in the drafts
    why_unplaced: str | None = None
    nested: bool = False  # stated in brackets: （包括三轮汽车820万辆）
    sum_ratio: bool = False  # 是“十二五”时期的1.85倍: a ratio of two periods' sums

    @property
    def review(self) -> str | None:
        parts = [*self.inferred, *self.notes]
        if self.why_unplaced:
            parts.append(f"not placed: {self.why_unplaced}")
        return "; ".join(parts) or None

    @property
    def time_key(self) -> tuple[int, int] | None:
        if self.period is not None:
            return self.period
        if self.year is not None:
            return self.year, self.year
        return None


@dataclass
class Skipped:
    line: int
    column: int
    text: str
    reason: str
    quote: str


@dataclass
class Reading:
    """Everything read from one document."""

    source: SourceText
    figures: list[Found]
    skipped: list[Skipped]
    sentences: int
    doc_year: int | None
    plan: tuple[int, int] | None

    @property
    def data_year(self) -> int | None:
        if self.doc_year is not None:
            return self.doc_year - 1
        return self.plan[0] - 1 if self.plan else None


# --- document context -------------------------------------------------------------------------

_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_PLAN_NAME_RE = re.compile(r"十([一二三四五])五|第十([一二三四五])个五年")
_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}


def doc_year(source: SourceText) -> int | None:
    """The year a report was given (政府工作报告 of 2021-02-18 → 2021); None for a plan."""
    for b in source.blocks[:12]:
        text = fold(b.text)
        m = _DATE_RE.search(text)
        if m and (b.kind == "title" or len(text) < 60 or text.startswith(m.group())):
            return int(m.group(1))
    return None


def plan_period(source: SourceText, year: int | None) -> tuple[int, int] | None:
    from ezplan.extract.timex import plan_years

    counts: dict[int, int] = {}
    for b in source.blocks:
        for m in _PLAN_NAME_RE.finditer(b.text):
            n = 10 + _CN[m.group(1) or m.group(2)]
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


# --- predicates -------------------------------------------------------------------------------

_MASK = "\x01"


def _words(text: str) -> list[str]:
    return text.split()


_TO_VERBS = (
    "提高 提升 上升 增加 增长 下降 降低 减少 扩大 拓展 扩展 跃升 攀升 缩小 压缩 缩短 调整 降 增 升 "
    "发展 达 突破"
)
_PIECES = sorted(
    [f"{v}{t}" for v in _TO_VERBS.split() for t in ("到", "至", "为")]
    + _words(
        """
    年均 年平均 平均每年 每年 平均 分别 均 都 各 同比 累计 共计 合计 总计 总共
    共 累 达到了 达到 达 为 实现了 实现 完成了 完成 突破 超过 超 约 大约 近
    接近 将近 逾 增长 增加 增速 增幅 递增 提高 提升 上升 扩大 下降 减少 降低
    回落 下滑 降幅 翻 到 至 保持在 稳定在 控制在 拓展 扩展 调整为 调整 升至
    跃升至 跃升 跃居 压缩 缩短 削减 压减 增至 降至 涨幅 增幅为 维持在 由 从 是
    的 比 较 与 相比 了 已 将 已经 力争 确保 预计 预期 争取 要 左右 以上
    不低于 不少于 不超过 不高于 至少 不足 不到 相当于 同期 上年 去年 年底 年末
    再 又 继续 仍 持续 进一步 分别为 分别达 分别达到 分别增长 保持 稳定 稳步
    快速 较快 大幅 明显 将达 可达 预计可达 左 右 期末 每月 每年 每日 每天 每人
    上涨 涨 增长了 提高了 下降了 增产 减产
    """
    ),
    key=len,
    reverse=True,
)
_LEAD = sorted(
    _words(
        """
    其中 以及 并且 并 同时 此外 另外 而且 而 但 且 和 及 与 其 我们 实现了
    实现 完成了 完成 达到 累计 共 全年 当年 今年 去年 初步核算 初步统计 据统计
    经初步核算 力争 确保 预计 争取 使 推动 带动 促进 在此基础上 总体上 总的来看
    一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 主要 目标 主要预期目标
    预期目标 主要目标 受疫情影响 可 可以 能 能够 将 预计可
    """
    ),
    key=len,
    reverse=True,
)
_LEAD_RE = re.compile(r"[^，,；;]{0,6}?(?:建成|运营|投产|完成|实施)后|项目(?=\S{2})")
_PUNCT = '*_ \t、，,：:；;。“”"‘’「」()（）【】[]〔〕—-·…' + _MASK


def _mask(text: str, times: list[Time], offset: int = 0) -> str:
    chars = list(text)
    for t in times:
        for i in range(max(t.start - offset, 0), min(t.end - offset, len(chars))):
            chars[i] = _MASK
    return "".join(chars)


def split_predicate(masked: str) -> int:
    """Where the predicate (达到, 年均增长, 比2015年增长 …) at the end of `masked` begins."""
    i = len(masked)
    while i > 0:
        if masked[i - 1] in _MASK + ' \t“”"‘’':
            i -= 1
            continue
        for p in _PIECES:
            if masked.endswith(p, 0, i):
                if p == "比" and i >= 2 and masked[i - 2] == "占":
                    continue  # 占比 is the subject's
                i -= len(p)
                break
        else:
            break
    return i


def clean_subject(masked: str, text: str) -> str:
    """Drop what leads a subject (其中, 全市, 2020年, 实现 …) and trailing punctuation."""
    a, b = 0, len(masked)
    while a < b:
        if masked[a] in _PUNCT:
            a += 1
            continue
        hit = False
        for w in _LEAD:
            if masked.startswith(w, a) and b - a > len(w):
                a += len(w)
                hit = True
                break
        if not hit and (m := _LEAD_RE.match(masked, a)) and m.end() < b:
            a = m.end()
            continue
        if not hit:
            place = strip_place(masked[a:b], keep_one=False)
            if len(place) < b - a:
                a = b - len(place)
                continue
            break
    while b > a and masked[b - 1] in _PUNCT:
        if masked[b - 1] in "）)" and masked.count("（", a, b) + masked.count("(", a, b) >= (
            masked.count("）", a, b) + masked.count(")", a, b)
        ):
            break  # a closing bracket of the subject's own remark: keep it
        b -= 1
    while a < b and masked[a] == "的":
        a += 1
    s = text[a:b]
    s = re.sub(r"\s+", "", s)
    if _MASK in masked[a:b]:  # a time expression inside: keep the part after it
        k = masked.rfind(_MASK, a, b)
        rest = text[k + 1 : b].strip(_PUNCT)
        s = clean_subject(masked[k + 1 : b], text[k + 1 : b]) if rest else s
    return s


@dataclass
class Pred:
    text: str
    annual: bool = False
    up: bool = False
    down: bool = False
    to_level: bool = False
    from_level: bool = False
    cumulative: bool = False
    respectively: bool = False
    all_of: bool = False
    multiple: bool = False
    comparator: str = ""  # the comparator word just before the number
    control: bool = False
    compare_other: bool = False  # 高于全省2个百分点
    same_as: bool = False  # 折合
    share: bool = False


def read_predicate(pred: str, left: str) -> Pred:
    """Flags from the predicate words; `left` is the whole left context (for 折合, 高于 …)."""
    p = Pred(pred)
    core = pred.replace(_MASK, "")
    p.annual = bool(re.search(r"年均|年平均|平均每年|每年|年递增", core))
    p.up = bool(re.search(r"增长|增加|增速|增幅|递增|提高|提升|上升|扩大|增|涨|增产", core))
    p.down = bool(re.search(r"下降|减少|降低|回落|下滑|降幅|降|压缩|缩短|削减|压减|减产", core))
    p.to_level = bool(
        re.search(r"(到|至)(约|近|超过|突破|达到|接近|预计|力争|确保|了)*$", core)
    ) or bool(re.search(r"(增至|降至|达至)", core))
    p.from_level = bool(re.search(r"(由|从)(每[月年日天人]|的)*$", core))
    p.cumulative = bool(re.search(r"累计|共计|合计|总计|总共|^共|累", core))
    p.respectively = "分别" in core or core.startswith("各")
    p.all_of = bool(re.search(r"均|都", core)) and not p.annual
    p.multiple = bool(re.search(r"(是|为|相当于)的?$", core)) or bool(
        re.search(r"(是|为|相当于).*的$", pred)
    )
    if m := re.search(
        r"(约|大约|近|接近|将近|超过|超|突破|逾|不低于|不少于|不超过|不高于|至少|不足|不到)$", core
    ):
        p.comparator = m.group(1)
    p.control = "控制在" in core
    p.compare_other = bool(re.search(r"(高于|低于|快于|慢于|超出|领先|高出)[^，,；;]{0,12}$", left))
    p.same_as = bool(re.search(r"(折合|合计约?|约合|折)$", left.replace(_MASK, "")))
    p.share = "占比" in core
    return p


# --- the reader -------------------------------------------------------------------------------


@dataclass
class _TimeRef:
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
_FLOW_VERBS = re.compile(
    r"^(投入|投资|完成投资|新增|引进|建成|新建|改造|发放|争取|实施|减免|办理|筹集|落实|新开工|"
    r"完成|累计|拨付|兑现|安排|帮助|培训|招引|签约|开工|新改建|新（改）建|退出|化解|压减|淘汰|"
    r"创建|培育|新培育|新认定|认定|新引进|改扩建|新建和改扩建|治理|修复|植树|造林|解决|转移|"
    r"减少|撤并|整合|关闭|搬迁|吸纳|带动|回收|建设|巩固|提升|巩固提升|关停|生产|发放|推出)"
)
_STATE_WORDS = re.compile(
    r"达到|达|突破|增至|提高到|提升到|增加到|增长到|实现|超过|迈上|跨越|站上|保持|稳定在|拥有|"
    r"划定|守住|保有"
)
_STOCK_NOUNS = re.compile(
    r"(总值|增加值|收入|余额|总额|总量|规模|人口|产量|产值|面积|里程|率|数|量|比重|占比|指数|价格|"
    r"水平|红线|农田|保有量|产权)$"
)


class Reader:
    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.doc_year = doc_year(source)
        self.plan = plan_period(source, self.doc_year)
        self.data_year = (
            self.doc_year - 1 if self.doc_year else (self.plan[0] - 1 if self.plan else None)
        )
        self.figures: list[Found] = []
        self.skipped: list[Skipped] = []
        self.sentences = 0
        self.headings: dict[int, _TimeRef | None] = {}
        self.para_period: _TimeRef | None = None
        self.section: _TimeRef | None = None  # the time a paragraph of this section opened with
        self.intro: _TimeRef | None = None

    # -- context
    def heading_time(self) -> _TimeRef | None:
        for level in sorted(self.headings, reverse=True):
            t = self.headings[level]
            if t is not None:
                return t
        return None

    def _heading(self, block: Block) -> None:
        text = fold(block.text)
        level = 6
        if block.kind == "heading" and block.indent and block.text.startswith("#"):
            level = 1
        for rx, lv in _HEADING_LEVELS:
            if rx.match(text):
                level = lv
                break
        for lv in [k for k in self.headings if k >= level]:
            del self.headings[lv]
        self.section = None
        times = [
            t for t in find_times(text, self.doc_year) if t.kind in ("year", "period") and t.years
        ]
        spans = {t.years for t in times}
        ref = None
        if len(spans) == 1:
            first, last = times[0].years  # type: ignore[misc]
            ref = _TimeRef(first, last, times[0].until, "heading", times[0].text)
        self.headings[level] = ref
        self.intro = None

    def _resolve_ctx_year(self, carry: _TimeRef | None) -> _TimeRef | None:
        """全年/当年: the year of the context, else the report's data year."""
        for t in (carry, self.intro, self.heading_time()):
            if t is not None and not t.is_period:
                return _TimeRef(t.first, t.last, t.until, "explicit")
        if self.data_year is not None:
            return _TimeRef(self.data_year, self.data_year, False, "explicit")
        return None

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
                    self._heading(b)
            else:
                carry = self._paragraph(b)
                if fold(b.text).rstrip().endswith((":", "：")):
                    self.intro = carry
            i += 1
        return Reading(
            self.source, self.figures, self.skipped, self.sentences, self.doc_year, self.plan
        )

    def _table(self, rows: list[Block], caption: Block | None) -> None:
        ctx = self.heading_time() or self.intro
        cap_time = None
        if caption is not None and len(caption.text) <= 60:
            ts = [
                t
                for t in find_times(fold(caption.text), self.doc_year)
                if t.kind in ("year", "period") and t.years
            ]
            if ts:
                cap_time = ts[0].years
        base = cap_time or ((ctx.first, ctx.last) if ctx else None)
        for f in read_table(rows, base, self.plan, self.data_year):
            self.sentences += 1
            self._finish(f)

    def _paragraph(self, block: Block, heading: bool = False) -> _TimeRef | None:
        carry: _TimeRef | None = None
        self.para_period = None
        para_figs: list[Found] = []
        for i, s in enumerate(split_sentences(block, self.sentences)):
            self.sentences += 1
            carry = self._sentence(s, carry, para_figs)
            if i == 0 and carry is not None and not heading:
                # 2020年是极不平凡的一年。…: the paragraphs after it, under a heading that names
                # two times (2020年及“十三五”工作回顾), are about the same time
                self.section = _TimeRef(carry.first, carry.last, carry.until, "section", carry.text)
        return carry

    # -- one sentence
    def _sentence(
        self, s: Sentence, carry: _TimeRef | None, para_figs: list[Found]
    ) -> _TimeRef | None:
        text = s.folded
        times = find_times(text, self.doc_year)
        tokens = find_tokens(text, times)
        for t in tokens:
            if t.skip is not None:
                line, col = s.position(t.start)
                self.skipped.append(Skipped(line, col, s.text[t.start : t.end], t.skip, s.quote))
        good = [t for t in tokens if t.skip is None]
        groups = _groups(text, good, s)
        marker = re.search(r"可比价|不变价|可比口径", text)
        sent_figs: list[Found] = []
        prev_end: dict[int, int] = {}
        for group in groups:
            first = group[0]
            ci = s.clause_of(first.start)
            cstart = s.clauses[ci][0]
            lstart = max(cstart, prev_end.get(ci, cstart))
            prev_end[ci] = group[-1].end
            # 按可比价计算 qualifies the figures after it, and those of its own clause
            constant = marker is not None and (
                marker.start() < first.start or s.clause_of(marker.start()) == ci
            )
            self._group(
                s, text, times, tokens, group, ci, lstart, carry, para_figs, sent_figs, constant
            )
        # the time this sentence leaves for the next one
        own = [t for t in times if t.kind in ("year", "period") and t.years]
        periods = [t for t in own if t.first != t.last]
        if periods:
            t = periods[-1]
            self.para_period = _TimeRef(t.first, t.last, t.until, "paragraph", t.text)  # type: ignore[arg-type]
        if own:
            t = own[-1]
            carry = _TimeRef(t.years[0], t.years[1], t.until, "paragraph", t.text)  # type: ignore[index]
        elif any(t.kind == "year_ctx" for t in times):
            ctx = self._resolve_ctx_year(carry)
            if ctx is not None:
                carry = _TimeRef(ctx.first, ctx.last, False, "paragraph")
        para_figs.extend(sent_figs)
        return carry

    def _time_for(
        self, s: Sentence, times: list[Time], pos: int, ci: int, carry: _TimeRef | None
    ) -> tuple[_TimeRef | None, int | None, bool, bool]:
        """(time, base year, base is the previous year, explicit period phrase in sentence)."""
        cstart = s.clauses[ci][0]
        before = [t for t in times if t.end <= pos]
        base = None
        prev = False
        for t in reversed(before):
            if t.kind in ("year", "period") and t.start < cstart:
                break  # a base before the clause's own time is not this figure's
            if t.kind == "base" and base is None and not prev:
                base = t.first
            elif t.kind == "base_prev" and base is None:
                prev = True
        ref: _TimeRef | None = None
        for t in reversed(before):
            if t.kind in ("year", "period") and t.years:
                src = "explicit" if t.start >= cstart else "clause"
                ref = _TimeRef(t.years[0], t.years[1], t.until, src, t.text)
                break
            if t.kind == "year_ctx":
                r = self._resolve_ctx_year(carry)
                if r is not None:
                    ref = _TimeRef(
                        r.first, r.last, False, "explicit" if t.start >= cstart else "clause"
                    )
                break
        if ref is None:
            heading = self.heading_time()
            for src, t in (
                ("paragraph", carry),
                ("intro", self.intro),
                ("section", self.section if heading is None else None),
                ("heading", heading),
            ):
                if t is not None:
                    ref = _TimeRef(t.first, t.last, t.until, src, t.text)
                    break
        explicit_period = (
            ref is not None
            and ref.is_period
            and ref.source in ("explicit", "clause", "paragraph")
            and bool(re.search(r"期间|时期|以来|\d年$", ref.text))
        )
        return ref, base, prev, explicit_period

    def _group(
        self,
        s: Sentence,
        text: str,
        times: list[Time],
        tokens_all: list[Token],
        group: list[Token],
        ci: int,
        lstart: int,
        carry: _TimeRef | None,
        para_figs: list[Found],
        sent_figs: list[Found],
        constant: bool,
    ) -> None:
        first = group[0]
        if len(group) > 1 and group[-1].suffix and not any(t.suffix for t in group[:-1]):
            for t in group[:-1]:
                t.suffix = group[-1].suffix
        left = text[lstart : first.start]
        masked = _mask(left, times, lstart)
        cut = split_predicate(masked)
        pred = read_predicate(
            masked[cut:], _mask(text[s.clauses[ci][0] : first.start], times, s.clauses[ci][0])
        )
        subject = clean_subject(masked[:cut], left[:cut])
        lead = _lead(masked[:cut], left[:cut])
        if re.match(r"^[\s，,：:\x01]*(?:五年)?(累计|共计|合计|总计|共)", masked[:cut]):
            pred.cumulative = True  # 累计生产电解铝50.98万吨
        clause_text = text[s.clauses[ci][0] : s.clauses[ci][1]]
        in_part = bool(re.match(r"^[\s，,：:]*其中", clause_text)) or (
            ci > 0
            and bool(re.match(r"^[\s，,：:]*其中[\s，,：:]*$", text[slice(*s.clauses[ci - 1])]))
        )
        if not in_part and sent_figs and sent_figs[-1].part_of and not pred.text.strip(_MASK):
            # 其中查验区121亩，保税加工区241亩: a bare list after 其中 goes on naming parts
            in_part = not re.search(r"累计|完成|实现|达到|增长", clause_text)
        if re.search(
            r"(?:前三|[一二三四])季度|第[一二三四]季度|上半年|下半年|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月",
            text[s.clauses[ci][0] : first.start],
        ):
            for t in group:
                self._skip(s, t, "a figure for part of a year (前三季度, 1-11月)")
            return
        ref, base, prev, explicit_period = self._time_for(s, times, first.start, ci, carry)
        # subjects for each token of the group
        listy = "、" in subject or "等" in subject[-3:] or len(subject) > 16
        nouns = [noun_after(text, t, any_unit=listy or not subject) for t in group]
        subjects: list[tuple[str, str | None]] = []  # (subject, how it was inferred)
        parts = _split_subjects(subject, len(group))
        earlier = [f for f in (sent_figs or para_figs[-len(group) :]) if f.indicator]
        if len(group) > 1:
            if parts is not None:
                subjects = [(p, None) for p in parts]
            if not subjects and not subject and ci > 0:
                # 本外币存、贷款余额均居全省前三位，分别较2015年增加…: the clause before's subject
                pa, pb = s.clauses[ci - 1]
                if not any(pa <= t.start < pb for t in tokens_all):
                    prev_subject = _clause_subject(text[pa:pb], times, pa)
                    ps = _split_subjects(prev_subject, len(group))
                    if ps is not None:
                        how0 = "subject carried from the clause before (分别)"
                        subjects = [(p, how0) for p in ps]
            if not subjects and not subject and len(earlier) >= len(group):
                names = [f.indicator for f in earlier[-len(group) :]]
                if len(set(names)) == len(names):
                    subjects = [
                        (n, "subject carried from the figures before (分别)") for n in names
                    ]
            if not subjects:
                note = f"{len(group)} figures for one subject; check which is which"
                subjects = [(subject, note if subject else None) for _ in group]
        else:
            subjects = [(subject, None)]
        for k, tok in enumerate(group):
            subj, how = subjects[k]
            noun = nouns[k]
            if noun:
                subj = (subj + noun) if subj and len(subj) <= 4 else noun
            if re.match(r"^(快于|高于|低于|慢于|超出|领先|高出|超过)", subj or "") and sent_figs:
                subj, how = (
                    sent_figs[-1].indicator,
                    "subject carried from the sentence (高于/快于…)",
                )
            if not subj:
                prev_fig = (sent_figs or para_figs or [None])[-1]
                before = self._subject_before(s, text, times, tokens_all, ci)
                if pred.same_as and prev_fig is not None:
                    subj, how = prev_fig.indicator, None
                elif sent_figs and prev_fig is not None and prev_fig.indicator:
                    subj, how = prev_fig.indicator, "subject carried from the sentence"
                elif before:
                    subj, how = before, "subject carried from the clause before"
                elif prev_fig is not None and prev_fig.indicator:
                    subj, how = prev_fig.indicator, "subject carried from the paragraph"
            names = [(subj, how)]
            shared = pred.all_of or (
                (pred.up or pred.down or tok.doubling is not None)
                and not pred.to_level
                and not pred.from_level
            )
            if len(group) == 1 and shared and (ps := _split_subjects(subject, None)):
                # 游客接待量、旅游总收入实现翻番: one number, one figure per indicator
                names = [(p, None) for p in ps]
            if not subj and tok.unit.endswith("次") and not noun:
                self._skip(s, tok, "a number of times in narrative (先后3次), not a figure")
                continue
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
                )
                if f is None:
                    continue
                prev_f = sent_figs[-1] if sent_figs else None
                if (
                    prev_f is not None
                    and left.lstrip().startswith("、")
                    and not pred.text.strip(_MASK + " ")
                    and s.clause_of(prev_f_start(s, prev_f)) == ci
                    and f.kind in ("level", "count")
                    and prev_f.kind in ("cumulative", "count", "level", "change_abs")
                    and (f.unit == "%") == (prev_f.unit == "%")
                    and _count_class(f.unit) == _count_class(prev_f.unit)
                    and f.kind != prev_f.kind
                ):
                    # 建成市级院士工作站2个、专家工作站6个: the list shares its verb
                    f.kind, f.year, f.period = prev_f.kind, prev_f.year, prev_f.period
                if pred.same_as and (sent_figs or para_figs):
                    src = (sent_figs or para_figs)[-1]
                    f.same_as = self.figures.index(src) if src in self.figures else None
                    f.kind, f.year, f.period, f.role = src.kind, src.year, src.period, src.role
                    f.indicator, f.part_of = src.indicator, src.part_of
                if in_part:
                    whole = next(
                        (
                            g
                            for g in reversed(para_figs + sent_figs)
                            if g.part_of is None
                            and g.kind in ("level", "cumulative", "count")
                            and not g.nested
                        ),
                        None,
                    )
                    if (
                        whole is not None
                        and whole.indicator != f.indicator
                        and "%" not in (whole.unit, f.unit)
                    ):
                        f.part_of = whole.indicator
                sent_figs.append(f)
                self._finish(f)

    def _subject_before(
        self, s: Sentence, text: str, times: list[Time], tokens: list[Token], ci: int
    ) -> str:
        """The subject of the nearest clause before `ci` in the sentence that states no figure
        (地区生产总值超额完成“十三五”规划目标，年均增长7.4%)."""
        if ci == 0:
            return ""
        pa, pb = s.clauses[ci - 1]
        if any(pa <= t.start < pb for t in tokens):
            return ""
        return _clause_subject(text[pa:pb], times, pa)

    def _skip(self, s: Sentence, tok: Token, reason: str) -> None:
        line, col = s.position(tok.start)
        self.skipped.append(Skipped(line, col, s.text[tok.start : tok.end], reason, s.quote))

    def _finish(self, f: Found) -> None:
        end = f.period[1] if f.period else f.year
        if end is not None and self.data_year is not None:
            f.role = "target" if end > self.data_year else "actual"
        self.figures.append(f)

    def _figure(
        self,
        s: Sentence,
        text: str,
        tok: Token,
        subject: str,
        how: str | None,
        pred: Pred,
        ref: _TimeRef | None,
        base: int | None,
        prev: bool,
        explicit_period: bool,
        constant: bool,
        prenominal: bool,
        lead: str = "",
    ) -> Found | None:
        kind, fig_text, direction, notes = _kind_and_text(text, tok, pred)
        if pred.compare_other and kind == "change_pp":
            notes.append("a gap to another figure (高于/快于…), not a change over time")
        part, of, share = split_share(subject)
        if (share or pred.share) and tok.unit in ("%", "‰") and kind == "level":
            kind = "share"
        inferred: list[str] = [how] if how else []
        if ref is not None and ref.source != "explicit":
            where = {
                "clause": "an earlier clause",
                "paragraph": "the paragraph",
                "intro": "the paragraph introducing this one",
                "section": "an earlier paragraph of the section",
                "heading": "the heading",
            }[ref.source]
            span = f"{ref.first}" if not ref.is_period else f"{ref.first}-{ref.last}"
            inferred.append(f"time {span} inferred from {where}")
        if kind == "count" and re.search(r"每|人均|万人口|千人口", subject):
            kind = "level"  # 每万人口发明专利拥有量14.8件: a rate, not a count
        persons = re.sub(r"^[万亿千百]+", "", tok.unit) in ("人", "人次", "名")
        if (
            kind == "count"
            and persons
            and (
                tok.unit.endswith("人次")
                or re.search(r"人口|游客|旅客|旅游|接待|吞吐|人数", subject)
            )
            and not re.search(r"参保|参加", subject)
        ):
            kind = "level"  # population, visitors, passengers: a level, not counted things
        if kind in ("level", "count") and tok.unit not in ("%", "‰"):
            kind = self._amount_kind(
                kind, tok, part, pred, ref, base, explicit_period, prenominal, lead
            )
        year, period = self._when(kind, pred, ref, base, prev, inferred, notes)
        if kind in ("annual", "total", "change_pp", "change_abs") and direction is None:
            direction = "up"
        # read the figure with ezplan's grammar
        unit_known = _unit_known(tok.unit) if tok.unit else False
        try:
            figure: Figure | None = parse_figure(fig_text)
        except FigureError:
            figure = None
        if figure is None or not unit_known:
            stand_in = fig_text.replace(tok.unit, "个", 1) if tok.unit else fig_text
            try:
                figure = parse_figure(stand_in)
            except FigureError:
                figure = None
            unit_known = False
            notes.append(f"unit {tok.unit or '(none)'} is not one ezplan reads")
        if figure is None:
            self._skip(s, tok, f"cannot read {fig_text!r} as a figure")
            return None
        line, col = s.position(tok.start)
        qual = qualifier(figure.comparator)
        before = text[: tok.start]
        nested = before.count("（") + before.count("(") > before.count("）") + before.count(")")
        sum_ratio = bool(
            tok.unit == "倍"
            and re.search(r"(是|为|相当于)[^，,；;]{0,12}(期间|时期|”)的$", text[: tok.start])
        )
        if sum_ratio:
            notes.append(
                "a ratio of two periods' sums (是“十二五”时期的N倍), not a growth of levels"
            )
        if tok.doubling is not None and tok.more:
            qual = "at_least"
        return Found(
            indicator=subject,
            kind=kind,
            value=tok.value,
            unit=tok.unit,
            qualifier=qual,
            year=year,
            period=period,
            constant_prices=constant and kind in ("annual", "total"),
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
        )

    def _amount_kind(
        self,
        kind: str,
        tok: Token,
        subject: str,
        pred: Pred,
        ref: _TimeRef | None,
        base: int | None,
        explicit_period: bool,
        prenominal: bool,
        lead: str = "",
    ) -> str:
        """level, count, cumulative or change_abs for an amount, from how it is said.

        A stock is read at a year (达到, 增至, a stock noun such as 总额 or 收入); a flow over a
        five-year period is cumulative (累计, 新增/建成/完成 …, 109个贫困村全部出列, or an amount
        under an explicit “十三五”期间); 新增/增加 of money, persons or a measure in one year is a
        change; counted things in one year are a count.
        """
        state = bool(_STATE_WORDS.search(pred.text)) or pred.to_level or pred.from_level
        period = ref is not None and ref.is_period
        flow = bool(_FLOW_VERBS.match(subject) or _FLOW_VERBS.match(lead)) or prenominal
        persons = tok.unit.rstrip("次").endswith(("人", "名"))
        if pred.cumulative:
            return "cumulative"
        if (pred.up or pred.down) and not state and not pred.annual:
            return "change_abs"
        changed = ("净增", "净减", "增加", "减少", "降低", "节约", "节省")
        if ref is not None and subject.startswith(changed) and not state:
            return "change_abs"
        if period:
            # over a five-year period a stock is read at the end, anything else is a flow
            if state or (_STOCK_NOUNS.search(subject) and not (flow or "新增" in subject)):
                return kind
            return "cumulative"
        if ref is not None and "新增" in subject and not state and (kind == "level" or persons):
            return "change_abs"
        return kind

    def _when(
        self,
        kind: str,
        pred: Pred,
        ref: _TimeRef | None,
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
                    inferred.append(f"a 从/由 level: read at {ref.first - 1}, before the period")
                    return ref.first - 1, None
                notes.append("a 从/由 level with no year")
                return None, None
            if ref is None:
                return None, None
            if ref.is_period:
                inferred.append(f"a level in {ref.first}-{ref.last}: read at its end")
            return ref.last, None
        if ref is None:
            if base is not None and self.data_year is not None and base < self.data_year:
                inferred.append(f"a change since {base}: read to {self.data_year}, the last year")
                return None, (base + 1, self.data_year)
            if base is not None:
                notes.append(f"a change since {base}, but to which year is not said")
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
            inferred.append(f"period {self.plan[0]}-{self.plan[1]}: the plan's, to {y}")
            return None, self.plan
        if target_end and self.plan is not None and kind == "cumulative":
            return None, self.plan
        if kind == "annual":
            for alt in (self.para_period, self.intro, self.section, self.heading_time()):
                if alt is not None and alt.is_period and ref.source != "explicit":
                    inferred.append(f"period {alt.first}-{alt.last} of the paragraph or heading")
                    return None, (alt.first, alt.last)
            notes.append(f"an annual rate with only a year ({y}): its period is not known")
            return None, None
        return None, (y, y)


def prev_f_start(s: Sentence, f: Found) -> int:
    """The offset in the sentence of a figure found in it (from its line and column)."""
    for i in range(len(s.text)):
        if s.position(i) == (f.line, f.column):
            return i
    return 0


def _count_class(unit: str) -> bool:
    from ezplan.extract.tokens import COUNT_UNITS

    return re.sub(r"^[万亿千百]+", "", unit) in COUNT_UNITS


def _lead(masked: str, text: str) -> str:
    """The subject's words with only punctuation, time and place words dropped (verbs kept)."""
    a = 0
    while a < len(masked) and (masked[a] in _PUNCT or masked[a] == _MASK):
        a += 1
    s = strip_place(text[a:], keep_one=False)
    return re.sub(r"^(其中|共|全年|今年|去年|累计)", "", s)


def _clause_subject(clause: str, times: list[Time], offset: int) -> str:
    """The subject at the head of a clause without figures: 本外币存、贷款余额均居全省前三位 →
    本外币存、贷款余额."""
    masked = _mask(clause, times, offset)
    m = re.search(
        r"均|都|分别|各|居|位居|达|实现|保持|增长|提高|下降|为|是|占|超额|完成|突破|获|成为|入选|跻身|连续",
        masked,
    )
    end = m.start() if m else len(masked)
    return clean_subject(masked[:end], clause[:end])


def _unit_known(unit: str) -> bool:
    if unit in ("%", "倍", "番", "个百分点", "百分点"):
        return True
    u = unit.replace("㎡", "平方米").replace("m²", "平方米")
    try:
        parse_unit(u if u != "m2" else "平方米")
    except UnitError:
        return False
    return True


def _groups(text: str, tokens: list[Token], s: Sentence) -> list[list[Token]]:
    """Tokens listed together (12%、18%和21%) form one group: one predicate, several subjects."""
    groups: list[list[Token]] = []
    for t in tokens:
        if groups:
            last = groups[-1][-1]
            between = text[last.end : t.start]
            same_clause = s.clause_of(last.start) == s.clause_of(t.start)
            if same_clause and re.fullmatch(r"\s*(?:、|和|及|与|以及)\s*", between):
                groups[-1].append(t)
                continue
        groups.append([t])
    return groups


def _split_subjects(subject: str, n: int | None) -> list[str] | None:
    """A、B和C → [A, B, C] when there are n of them (any number ≥ 2 when n is None)."""
    if not subject:
        return None
    if n == 2 and subject.startswith("城乡"):
        rest = subject[2:]
        return ["城镇" + rest, "农村" + rest]
    if n == 2 and "存贷款" in subject:
        return [subject.replace("存贷款", "存款"), subject.replace("存贷款", "贷款")]
    for pattern in (r"、", r"、|和|及", r"、|和|及|与"):
        parts = [p for p in _split_top(subject, pattern) if p]
        if (n is None and len(parts) >= 2) or (n is not None and len(parts) == n and n >= 2):
            # 城镇、农村常住居民人均可支配收入, 存、贷款余额: the modifiers share the last head
            tail = re.search(r"(占比|比重|增速|增幅)$", parts[-1])
            if tail and not any(p.endswith(tail.group()) for p in parts[:-1]):
                parts = [p + tail.group() for p in parts[:-1]] + [parts[-1]]
            k = len(parts[0])
            if k <= 2 and all(len(p) == k for p in parts[:-1]) and len(parts[-1]) > k + 1:
                head = parts[-1][k:]
                return [p + head for p in parts[:-1]] + [parts[-1]]
            if len(parts) == 2 and parts[0].endswith("存") and parts[1].startswith("贷"):
                return [parts[0] + parts[1][1:], parts[1]]  # 存、贷款余额
            return parts
    return None


def _split_top(text: str, pattern: str) -> list[str]:
    out, depth, start = [], 0, 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "（(“《":
            depth += 1
        elif ch in "）)”》" and depth:
            depth -= 1
        elif depth == 0 and (m := re.match(pattern, text[i:])):
            out.append(text[start:i])
            i += m.end()
            start = i
            continue
        i += 1
    out.append(text[start:])
    return out


def split_share(subject: str) -> tuple[str, str | None, bool]:
    """研发经费投入占地区生产总值比重 → (研发经费投入, 地区生产总值, True)."""
    m = re.match(r"^(.+?)占(.*?)(?:的)?(?:比重|比例|份额|比)?$", subject)
    if m and m.group(1):
        whole = strip_place(m.group(2)) if m.group(2) else None
        if whole in ("", "全市", "全省", "全国", None) or whole in ("全市", "全省"):
            whole = None
        return m.group(1), whole, True
    if subject.endswith(("占比", "比重", "比例")) and len(subject) > 2:
        return subject, None, True
    return subject, None, False


def _kind_and_text(text: str, tok: Token, pred: Pred) -> tuple[str, str, str | None, list[str]]:
    """The kind of the figure and its text as ezplan's grammar reads it (with notes on any
    rewrite of a form the grammar lacks)."""
    notes: list[str] = []
    cmp_word = pred.comparator
    normal = {"超": "超过", "逾": "超过", "将近": "近", "不足": "不超过", "不到": "不超过"}
    if cmp_word in normal:
        notes.append(f"read {cmp_word} as {normal[cmp_word]}")
        cmp_word = normal[cmp_word]
    suffix = tok.suffix
    if suffix == "上下":
        notes.append("read 上下 as 左右")
        suffix = "左右"
    if tok.more:
        notes.append("read 多/余 (more than) as 以上")
        if not suffix:
            suffix = "以上"
    if cmp_word and suffix:
        # 超过300亿元以上: the grammar takes one comparator; keep the suffix
        cmp_word = ""
    number = tok.num if tok.num2 is None else f"{tok.num}至{tok.num2}"
    direction = "down" if pred.down and not pred.up else ("up" if pred.up else None)
    if pred.down and pred.up:  # 增长…下降 in one predicate: the last word wins
        direction = "down" if _last_word(pred.text) == "down" else "up"
    verb = "下降" if direction == "down" else "增长"
    core = pred.text.replace(_MASK, "")
    said = [
        w for w in ("增长", "增加", "提高", "上升", "提升", "下降", "减少", "降低") if w in core
    ]
    if said:
        last = max(said, key=core.rfind)
        if (last in ("下降", "减少", "降低")) == (direction == "down"):
            verb = last
    if tok.doubling is not None:
        n = tok.doubling or "一"
        if tok.implied:
            notes.append("read 翻番 as 翻一番")
        return "total", f"翻{n}番", "up", notes
    if tok.unit in ("个百分点", "百分点"):
        return "change_pp", f"{verb}{cmp_word}{number}个百分点{suffix}", direction or "up", notes
    if tok.unit == "倍":
        if (pred.up or pred.down) and not pred.multiple and not pred.to_level:
            return "total", f"增长{cmp_word}{number}倍{suffix}", "up", notes
        return "total", f"是…的{cmp_word}{number}倍{suffix}", "up", notes
    if tok.unit in ("%", "‰"):
        if tok.unit == "‰":
            notes.append("‰ is not a unit ezplan reads")
        pct = f"{number}%"
        if pred.annual and (pred.up or pred.down or "年均" in pred.text):
            if direction == "down":
                return "annual", f"下降{cmp_word}{pct}{suffix}", "down", notes
            return "annual", f"{cmp_word}{pct}{suffix}", "up", notes
        if (pred.up or pred.down) and not pred.to_level and not pred.from_level:
            return "total", f"{verb}{cmp_word}{pct}{suffix}", direction or "up", notes
        return "level", f"{cmp_word}{pct}{suffix}", None, notes
    amount = f"{cmp_word}{number}{tok.unit}{suffix}"
    changing = (pred.up or pred.down) and not (pred.to_level or pred.from_level or pred.annual)
    if changing and re.search(
        r"(增长|增加|净增|减少|下降|提高|扩大|降低|上升)$", pred.text.replace(_MASK, "")
    ):
        return "change_abs", amount, direction, notes
    return ("count" if tok.is_count else "level"), amount, None, notes


def _last_word(pred: str) -> str:
    up = max((pred.rfind(w) for w in ("增长", "增加", "提高", "提升", "上升", "增")), default=-1)
    down = max((pred.rfind(w) for w in ("下降", "减少", "降低", "回落", "降")), default=-1)
    return "down" if down > up else "up"


def read_source(source: SourceText) -> Reading:
    return Reader(source).read()
