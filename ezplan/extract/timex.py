"""Time expressions in a sentence: years, periods, base years, dates, and the relative ones.

`find_times(text, ctx)` returns every expression with its span. A year after 比/较/是…的 is a base
year (the figure's comparison point, not its year); a year followed by 月/日 is a date (an event,
never a figure's year); 到/至 2025年 marks a target year. Five-year plans: “十三五” is 2016-2020,
its 末 2020; relative phrases (过去五年, 去年, 今年, 未来五年) need the document's year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ezplan.figures import CHINESE_COUNTS

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_CN_DIGITS |= {"八": 8, "九": 9}
_PLANS = {"十": 10, "十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15}


def plan_years(n: int) -> tuple[int, int]:
    """The Nth five-year plan's years: 13 → (2016, 2020)."""
    first = 1953 + 5 * (n - 1) if n < 10 else 2001 + 5 * (n - 10)
    return first, first + 4


@dataclass(frozen=True)
class Time:
    """kind: year | period | date | base | base_prev (上年/同比) | year_ctx (全年: the context's
    year) | span (五年下降21%: so many years, ending at the time in force)."""

    kind: str
    first: int | None
    last: int | None
    start: int
    end: int
    text: str
    until: bool = False  # 到/至/截至 …: the year a goal is set for
    relative: bool = False
    span: int = 0  # kind span (五年下降21%): the years it runs over, to the time in force

    @property
    def years(self) -> tuple[int, int] | None:
        if self.first is None or self.last is None:
            return None
        return self.first, self.last


_Q = '[“”""‘’\'「」]?'
_PLAN_RE = re.compile(
    rf"{_Q}(十[一二三四五]?)五{_Q}(?:规划)?(?P<suffix>期末|末期|末|期间|时期|以来|期|初|初期|中期)?"
)
_PERIOD_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年?\s*(?:[-—–~至到]|－|——)\s*((?:19|20)\d{2})\s*年"
    r"(?!\s*\d{1,2}\s*月)"
)
_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年(?P<after>\s*\d{1,2}\s*月|度|代|底|末|初)?")
_PRICE_BASE = ("不变价", "可比价", "价格计算", "价计算")  # 按2015年价格计算
_SINCE_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年(?:以来|来)")
_CN_YEAR_RE = re.compile(r"([〇零一二三四五六七八九]{4})年")
_MONTH_RE = re.compile(r"(?<![\d.])\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
_RELATIVE = [
    (re.compile(r"过去的?五年|五年来|这五年|近五年|五年间|五年中|“十三五”以来"), "past5"),
    # 五年接待游客…、实现综合收入…: five years' sums, the span written before the verb
    (
        re.compile(
            r"(?<![个来后年近过前续十\d.])(?:五|5)年(?=共|累计|合计|总计|接待|实现|完成|投入|新增|引进|建成|"
            r"争取|办理|减少|新建|改造|培训|吸引|招引|帮助|带动|发放|筹集|跨越|迈上|连跨)"
        ),
        "past5",
    ),
    # 这是综合实力跨越提升的五年。: a paragraph of the review, about the five years just ended
    (re.compile(r"^这是[^，,。；;！!]{2,40}的(五年)(?=$|[。！!])"), "past5"),
    (re.compile(r"未来五年|今后五年"), "next5"),
    (re.compile(r"一年来|过去一年|刚刚过去的一年|去年|上一年"), "last"),
    (re.compile(r"今年|本年度"), "this"),
    (re.compile(r"明年"), "next"),
]
# 单位GDP能耗五年下降21%, 两年累计清偿…: a change or a sum over so many years — the review's, or
# the plan's (到2025年…五年下降13.5%); not 连续五年下降 (a fall every year), 比前五年 (a base),
# 过去/未来五年 (times of their own)
_SPAN_RE = re.compile(
    r"(?<![个来后年近过前续十第这连\d.])(五|5|三|3|两|2|十|10)年"
    r"(?=累计|下降|增长|提高|减少|降低|上升|增加)"
)
_EACH_YEAR_RE = re.compile(
    r"连续(?:\d{1,2}|[两二三四五六七八九十])年(?=翻|增长|下降|提高|减少|降低|上升|增加)"
)
_BASE_WORDS = ("比", "较", "是", "为", "相当于", "与", "同", "超过", "由", "从")
_UNTIL_WORDS = ("到", "至", "截至", "截止", "截止到", "截至到", "到了", "力争到", "预计到")


def _cn_year(s: str) -> int:
    return int("".join(str(_CN_DIGITS[c]) for c in s))


def find_times(text: str, doc_year: int | None = None) -> list[Time]:
    """Every time expression in `text` (already folded), in order, non-overlapping."""
    found: list[Time] = []
    taken = [False] * len(text)

    def add(t: Time) -> None:
        if any(taken[t.start : t.end]):
            return
        for i in range(t.start, t.end):
            taken[i] = True
        found.append(t)

    for m in _PERIOD_RE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b:
            add(Time("period", a, b, m.start(), m.end(), m.group()))
    for m in _PLAN_RE.finditer(text):
        n = _PLANS.get(m.group(1))
        if n is None:
            continue
        if n == 10 and not (m.group().startswith(("“", '"')) or m.group("suffix")):
            continue  # 十五年免费教育 is not the 10th five-year plan
        first, last = plan_years(n)
        suffix = m.group("suffix") or ""
        if suffix in ("期末", "末", "末期"):
            add(Time("year", last, last, m.start(), m.end(), m.group()))
        elif suffix in ("初", "初期"):
            add(Time("year", first, first, m.start(), m.end(), m.group()))
        else:
            add(Time("period", first, last, m.start(), m.end(), m.group()))
    for m in _SINCE_YEAR_RE.finditer(text):
        # 2019年以来: from that year to the last one with data, not that one year
        y = int(m.group(1))
        if doc_year is not None and y < doc_year - 1:
            add(Time("period", y, doc_year - 1, m.start(), m.end(), m.group()))
    for m in _YEAR_RE.finditer(text):
        y = int(m.group(1))
        after = (m.group("after") or "").strip()
        if after.endswith("月") or text.startswith(("远景", *_PRICE_BASE), m.end()):
            # 2035年远景; 2010年不变价, 按2015年价格: the year prices are measured in, not a
            # time any figure of the sentence stands in
            add(Time("date", y, y, m.start(), m.end(), m.group()))
        elif after == "代":
            add(Time("date", None, None, m.start(), m.end(), m.group()))
        else:
            add(Time("year", y, y, m.start(), m.end(), m.group()))
    for m in _CN_YEAR_RE.finditer(text):
        y = _cn_year(m.group(1))
        kind = "date" if text.startswith("远景", m.end()) else "year"
        add(Time(kind, y, y, m.start(), m.end(), m.group()))
    for m in _MONTH_RE.finditer(text):
        add(Time("date", None, None, m.start(), m.end(), m.group()))
    for rx, what in _RELATIVE:
        for m in rx.finditer(text):
            g = 1 if rx.groups else 0  # the words that name the time, where a group says
            start, end, words = m.start(g), m.end(g), m.group(g)
            if doc_year is None:
                add(Time("date", None, None, start, end, words, relative=True))
                continue
            span = {
                "past5": (doc_year - 5, doc_year - 1),
                "next5": (doc_year, doc_year + 4),
                "last": (doc_year - 1, doc_year - 1),
                "this": (doc_year, doc_year),
                "next": (doc_year + 1, doc_year + 1),
            }[what]
            kind = "period" if span[0] != span[1] else "year"
            add(Time(kind, span[0], span[1], start, end, words, relative=True))
    for m in _EACH_YEAR_RE.finditer(text):
        # 连续3年翻番: each of those years doubled — the last year's change, not theirs together
        add(Time("span", None, None, m.start(), m.end(), m.group(), span=1))
    for m in _SPAN_RE.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else CHINESE_COUNTS[m.group(1)]
        add(Time("span", None, None, m.start(), m.end(), m.group(), span=n))
    for m in re.finditer(r"比上年末?|较上年末?|比去年|较去年|同比|比上年同期", text):
        add(Time("base_prev", None, None, m.start(), m.end(), m.group()))
    # 年末国家外汇储备31399亿美元: the end of the year in context (not 比上年末's)
    for m in re.finditer(r"全年|当年|(?<![上去前明今])年(?:末|底)", text):
        add(Time("year_ctx", None, None, m.start(), m.end(), m.group()))
    found.sort(key=lambda t: t.start)
    named = _name_spans(text)
    found = [
        Time("date", None, None, t.start, t.end, t.text)
        if t.kind in ("year", "period") and any(a <= t.start < b for a, b in named)
        else t
        for t in found
    ]
    return [_role(text, t, found) for t in found]


def _name_spans(text: str) -> list[tuple[int, int]]:
    """Where a time is part of a document's name, not a figure's time: 《城市总体规划（2018—2035
    年）》, 国土空间总体规划（2021-2035年）."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"《[^《》]{1,60}》", text)]
    spans += [
        (m.start(1), m.end(1))
        for m in re.finditer(
            r"(?:规划|纲要|方案|计划|规划纲要)(（[^（）]{4,16}）|\([^()]{4,16}\))", text
        )
    ]
    return spans


def _role(text: str, t: Time, all_times: list[Time]) -> Time:
    """Mark base years (比2015年, 是“十二五”末的) and target years (到2025年)."""
    if t.kind not in ("year", "period"):
        return t
    # what stands before the expression, skipping quotes, 的 and adjacent time expressions
    i = t.start
    while True:
        j = i
        while j > 0 and text[j - 1] in ' “”"‘’「」的':
            j -= 1
        prev = next((o for o in all_times if o.end == j and o is not t), None)
        if prev is not None and prev.kind in ("year", "period"):
            i = prev.start
            continue
        i = j
        break
    before = text[max(0, i - 4) : i]
    if t.kind == "year" and any(before.endswith(w) for w in _BASE_WORDS):
        return Time("base", t.first, t.last, t.start, t.end, t.text, relative=t.relative)
    if t.kind == "period" and any(before.endswith(w) for w in ("比", "较", "是", "为", "相当于")):
        # 是“十二五”时期的1.85倍: a sum compared with the period before; its base is that
        # period's last year
        return Time("base", t.last, t.last, t.start, t.end, t.text, relative=t.relative)
    if t.kind == "year" and any(before.endswith(w) for w in _UNTIL_WORDS):
        return Time(t.kind, t.first, t.last, t.start, t.end, t.text, True, t.relative)
    after = text[t.end : t.end + 4]
    if t.kind == "year" and re.match(r"^(?:年)?(?:底|末)?(?:前|以前)", after):
        return Time(t.kind, t.first, t.last, t.start, t.end, t.text, True, t.relative)
    if after.startswith(("相比", "相较", "比较")):
        return Time("base", t.first, t.last, t.start, t.end, t.text, relative=t.relative)
    return t
