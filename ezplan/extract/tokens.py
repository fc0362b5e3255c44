"""Where the figures are in a sentence: a number, a unit, the words around it.

`find_tokens` scans a folded sentence and returns every number it met, each either a figure token
(number, optional range, unit as written, 以上/左右 … after it) or a skipped one with the reason
(a year or date, a rank such as 第5位, a name such as 世界500强 or 5G, a threshold such as
1000万美元以上项目, a list marker, a ratio 4.5:15.0:80.5, a footnote [9], a number in quotation
marks …). Nothing here decides what a figure means; that is `statements` (and the modules
it puts together).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ezplan.extract.notes import Note
from ezplan.extract.timex import Time
from ezplan.units import BASE_UNITS, COUNT_WORDS

# Units plans write that ezplan's unit table does not have: found and reported as written, left
# for review (ezplan cannot check them).
EXTRA_UNITS = (
    "个工作日", "个小时", "年一遇", "人次", "架次", "万人次", "标箱", "千瓦时", "千瓦", "兆瓦",
    "吨标准煤", "标准煤", "立方米",
    "微克/立方米", "公斤", "千克", "克", "岁", "名", "套", "处", "只", "头", "张", "例", "床",
    "篇", "艘", "架", "部", "支", "株", "棵", "口", "栋", "间", "位", "元/人", "元/吨", "千米",
    "平方千米", "延长米", "公里/小时", "kW", "km", "kg", "GW", "MW", "万kW", "TEU", "周", "分钟",
    "秒", "度", "千伏", "公顷", "亿人次", "标方", "吨/日", "万吨/日", "车次", "门", "盏", "对",
    "期", "届", "季", "轮", "站", "区", "镇", "村", "县", "片", "组", "层", "级", "本", "册",
    "斤", "场次", "场", "列", "人公里", "吨公里",
)  # fmt: skip
COUNT_UNITS = set(COUNT_WORDS)
# measure words that are only units after a number, never a figure on their own
_NOT_UNITS_ALONE = {"期", "届", "季", "轮", "区", "镇", "村", "县", "片", "组", "层", "级", "本"}
_NOT_UNITS_ALONE |= {"册", "度", "位", "口", "间", "站", "门", "对", "周"}
# …but these count the noun after them: 19对国际友城, 5位院士, 3口井
_COUNTING_NOUNS = {"对", "位", "门", "口", "间"}
MAGNITUDES = ("万亿", "千亿", "百亿", "十亿", "亿", "千万", "百万", "十万", "万", "千")
_BASES = sorted(
    {*BASE_UNITS, *EXTRA_UNITS} - {"%", "个百分点", "百分点", "m", "m2"},
    key=len,
    reverse=True,
)
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_UNIT = (
    r"(?P<unit>个百分点|百分点|%|‰|倍|(?:万亿|亿|万)(?:GB|TB|PB|G)(?![A-Za-z])|"
    rf"(?P<mag>{'|'.join(MAGNITUDES)})?(?P<more2>多|余)?"
    rf"(?P<base>{'|'.join(re.escape(b) for b in _BASES)}|m²|m2|㎡|m(?![a-zA-Z])|个)"
    r"|/(?:10万|万|千|十万|百万|10000|1000)"
    rf"|(?P<bare>{'|'.join(MAGNITUDES)}))"
)
_TOKEN_RE = re.compile(
    rf"(?P<num>{_NUM})(?:\s*(?P<sep>[-~—–至到])\s*(?P<num2>{_NUM}))?\s*(?P<more>多|余)?\s*{_UNIT}?"
)
# 增长6%－7%: a range that writes its unit after both numbers (not 从6%到7%, a change)
_SECOND_BOUND_RE = re.compile(rf"\s*[-~—–至到]\s*(?P<num2>{_NUM})\s*")
# 突破千亿, 超万亿元, 突破百万人次: a round magnitude in words after a bound word; the value is
# the word as written (千), never a number made up for it
_WORD_MAGNITUDE_RE = re.compile(
    r"(?:突破|超过|超|逾|迈上|跨越|站上|达到|达|跨入|迈入)(?P<num>百|千|万)"
    rf"(?P<rest>(?:亿|万)?(?:{'|'.join(re.escape(b) for b in _BASES)})?)"
)
_SUFFIX_RE = re.compile(r"^(以上|以内|以下|左右|上下)")
_DOUBLING_RE = re.compile(r"翻了?(?P<n>一|两|二|三|四)?番(?P<more>多)?")
_NOUN_STOP = (
    "的", "在", "于", "为", "是", "以", "由", "被", "把", "将", "和", "与", "及", "或", "等", "全",
    "均", "都", "已", "实现", "完成", "达", "获", "成为", "入选", "进入", "位", "居", "名列", "排",
    "占", "比", "较", "增", "减", "提", "下降", "上升", "同", "分别", "累计", "共", "合", "其中",
    "左右", "以上", "以下", "以内", "上下", "多", "余", "内", "来", "后", "前", "间", "次",
    "荣获", "获评", "获批", "获得", "下闸", "有效", "解决", "全部", "基本", "顺利",
    "年", "月", "日", "天", "获得", "得到", "受到", "达到", "通过", "纳入", "列入", "走", "跻身",
    "成功", "顺利", "基本", "正式", "如期", "全面", "实施", "开展", "建成", "投入", "参与", "覆盖",
    "左", "后", "就", "才", "还", "也", "又", "再", "已", "正", "并", "而", "且", "即", "所",
    "持续", "迈进",
)  # fmt: skip
# units of a plant's capacity: before a noun they name a project (年产30万吨乙烯项目)
_CAPACITY_UNITS = {"吨", "千瓦", "兆瓦", "kW", "MW", "GW", "蒸吨", "吨/日", "标箱", "TEU"}
# …and head of stock a farm or plant is built for (1000万头肉牛建设项目, 100万头生猪屠宰加工项目)
_HEAD_CAPACITY = re.compile(r"^[\u4e00-\u9fff]{0,8}?(项目|基地|养殖场|屠宰|加工|工程)")
_NAME_AFTER = ("强", "号", "路", "届", "级", "型", "式", "版", "代", "线", "大", "项目建设")


@dataclass
class Token:
    start: int  # offsets in the sentence
    end: int  # after the unit (and 以上/左右 …)
    num: str
    num2: str | None = None
    unit: str = ""
    more: bool = False  # 300多家, 1万余人
    suffix: str = ""  # 以上 | 以内 | 以下 | 左右 | 上下
    doubling: str | None = None  # 翻一番: the 番 count as written ("" for 翻番)
    skip: str | None = None  # why this number is not a figure
    noun: str | None = None  # 15个城市公园: the noun a count stands before
    implied: bool = False  # 翻番: the 一 is implied
    unit_end: int = 0  # end of the unit, before 以上 …
    in_words: bool = False  # 突破千亿: a round magnitude in words, no digits to read

    @property
    def is_count(self) -> bool:
        base = self.unit
        for m in MAGNITUDES:
            if base.startswith(m) and len(base) > len(m):
                base = base[len(m) :]
                break
        if self.in_words:
            return base in COUNT_UNITS  # 突破千亿: an amount of the indicator's own unit
        return base in COUNT_UNITS or self.unit in MAGNITUDES

    @property
    def value(self) -> str:
        if self.doubling is not None:
            return self.doubling
        return self.num if self.num2 is None else f"{self.num}至{self.num2}"


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside “…”, 《…》 and 「…」: names, not figures."""
    spans = []
    for open_, close in (("“", "”"), ("《", "》"), ("「", "」"), ('"', '"'), ("〈", "〉")):
        i = 0
        while (a := text.find(open_, i)) >= 0:
            b = text.find(close, a + 1)
            if b < 0:
                break
            if b - a <= 30:  # a long quotation is speech, not a name
                spans.append((a, b + 1))
            i = b + 1
    return spans


def find_tokens(text: str, times: list[Time]) -> list[Token]:
    """Every number in `text` (a folded sentence) as a Token, skipped ones with their reason."""
    tokens: list[Token] = []
    time_spans = [(t.start, t.end) for t in times]
    quotes = quoted_spans(text)
    for m in _DOUBLING_RE.finditer(text):
        n = m.group("n")
        tok = Token(m.start(), m.end(), "", doubling=n or "一", unit="番", unit_end=m.end())
        tok.more = bool(m.group("more"))
        tok.implied = n is None
        if not tok.more and (sfx := re.match(r"以上|及以上", text[m.end() :])):
            tok.suffix = "以上"  # 翻番以上: at least doubled
            tok.end = m.end() + sfx.end()
        nxt = text[m.end() : m.end() + 1]
        if _inside(quotes, m.start()):
            tok.skip = Note("extract.skip.quoted_name")
        elif nxt == "的" or text[m.end() : m.end() + 2] in ("目标", "任务"):
            tok.skip = Note("extract.skip.qualifies_noun")
        tokens.append(tok)
    pos = 0
    while (m := _TOKEN_RE.search(text, pos)) is not None:
        pos = m.end() if m.end() > m.start() else m.start() + 1
        tok = _token(text, m)
        if _inside(time_spans, m.start()):
            # a year is time, not a figure; a period's digits too
            pos = max(pos, next(b for a, b in time_spans if a <= m.start() < b))
            continue
        if tok.skip is None:
            tok.skip = _skip_reason(text, tok, quotes)
        if tok.skip is None and tok.end > len(text):
            tok.end = len(text)
        if tok.skip is None and _second_bound(text, tok):
            pos = max(pos, tok.end)
        tokens.append(tok)
    tokens.extend(_word_magnitudes(text, quotes))
    tokens.sort(key=lambda t: t.start)
    _thresholds_of_counted(text, tokens)
    _bars_inside_counted(text, tokens)
    _thresholds_listed(text, tokens)
    # 分别提高31.46、27.87、31.74个百分点: the last number's unit is every listed number's
    for i in range(len(tokens) - 2, -1, -1):
        t, nxt = tokens[i], tokens[i + 1]
        if not re.fullmatch(r"\s*[、和及]\s*", text[t.end : nxt.start]):
            continue
        if t.skip == NO_UNIT and nxt.unit:
            t.unit, t.skip, t.suffix = nxt.unit, None, nxt.suffix
        elif t.unit == "个" and nxt.unit in ("个百分点", "百分点"):
            t.unit = nxt.unit  # 分别提高1.5个和2个百分点: 1.5 points, not 1.5 things
    return tokens


def _token(text: str, m: re.Match[str]) -> Token:
    unit = m.group("unit") or ""
    more = bool(m.group("more") or m.group("more2"))
    num2 = m.group("num2")
    end = m.end()
    if unit and m.group("more2"):
        unit = unit.replace("多", "").replace("余", "")
    if num2 is not None and not unit:
        # 2016-2019 without 年, or 3-5 with no unit: treat the first number alone
        num2 = None
        end = m.start("num") + len(m.group("num"))
    tok = Token(m.start(), end, m.group("num"), num2, unit, more, unit_end=end)
    if m.group("sep") and num2 is not None and m.group("sep") == "至" and unit == "":
        tok.num2 = None
    if unit:
        rest = text[end:]
        if s := _SUFFIX_RE.match(rest):
            tok.suffix = s.group(1)
            tok.end = end + len(s.group(1))
    return tok


def _second_bound(text: str, tok: Token) -> bool:
    """增长6%－7%, 3万人—5万人: the second bound of a range that repeats its unit joins the first
    (else it would be read as a figure of its own). 从6%到7% is a change, not a range."""
    if tok.num2 is not None or not tok.unit or tok.suffix or tok.doubling is not None:
        return False
    m = _SECOND_BOUND_RE.match(text, tok.unit_end)
    if not m or not text.startswith(tok.unit, m.end()):
        return False
    if re.search(r"(从|由)\s*$", text[max(0, tok.start - 2) : tok.start]):
        return False
    tok.num2 = m.group("num2")
    tok.end = tok.unit_end = m.end() + len(tok.unit)
    if s := _SUFFIX_RE.match(text[tok.end :]):
        tok.suffix = s.group(1)
        tok.end += len(s.group(1))
    return True


# 跨越8个百亿元台阶, 迈上两个千亿台阶: the number of round thresholds passed, not a figure
STEPS_PASSED = re.compile(rf"{_NUM}\s*个[^，,；;。、\d]{{0,8}}台阶")

BAR_PASSED = Note("extract.skip.bar_passed")
_OVER_NAME = Note("extract.skip.threshold_over_project")  # 超1亿美元项目
NO_UNIT = Note("extract.skip.no_unit")  # a number alone, which a listed unit may still claim


def _thresholds_of_counted(text: str, tokens: list[Token]) -> None:
    """2个区县GDP迈上300亿元台阶, 5家企业营收超过100亿元: an amount a bound word puts after a
    count, in the same stretch of words, is the bar the counted things pass, not a figure."""
    for prev, tok in itertools.pairwise(tokens):
        if prev.skip is not None or tok.skip is not None or not prev.is_count or tok.is_count:
            continue
        between = text[prev.end : tok.start]
        if re.search(r"[，,；;。、：:]", between) or not prev.unit.endswith(("个", "家", "户")):
            continue
        if re.search(r"(迈上|突破|超过|超|达到|跨过|跨入)$", between):
            tok.skip = BAR_PASSED


# 每个乡镇建有1所…, 每个载体至少引进…项目5个, 单个综合批发市场每月完成不少于900批次快检任务: a
# quota for each (每年, 每万人 are rates: not these)
# after a bound, the noun counted up to the clause's end, with no 的 (50名以上员工的企业: a
# class of firms by their staff)
_NOUN_COUNTED = re.compile(r"\s*以上(?:(?!的)[\u4e00-\u9fff“”\"])+(?=[，,、；;。）)]|$)")


def _counts_its_noun(tok: Token) -> bool:
    """A measure word that counts the noun after the bound (100名以上企业家, 9所以上学校, 100项
    以上改革任务), not the size of something (500人以上企业, 40户以上自然村, 确诊病例200例以上
    城市, 1000万元以上项目)."""
    return tok.is_count and base_unit(tok.unit) not in ("人", "人次", "户", "次", "例")


_TIME_NAMED = re.compile(
    r"[\u4e00-\u9fff]{0,3}?(?:经济圈|生活圈|交通圈|通勤圈|都市圈|过渡期|保护期|窗口期|缓冲期)"
)
# a count of measures (160多个政策措施, 528项改革举措落地) is a figure (the gold standard's rule);
# of campaigns and programmes (实施扩消费10大专项行动) a designation
_DESIGNATION_AFTER = re.compile(r"(?:大)?(?:攻势|专项行动|大行动|大工程)")
_DESIGNATION_VERB = re.compile(r"(?:聚焦|围绕|盯紧|紧盯|瞄准|对标|依托)$")
_EACH_UNIT = re.compile(r"^(?:实现|推动|确保|力争|要|并)?(?:每一?个|单个)[\u4e00-\u9fff]")
# after a count, a measure of the things counted and their noun: 28个总投资逾120亿元的重大项目,
# 5个投资10亿元以上小微企业园, 10户产值超5亿元骨干企业, 631个农宅空置率30%—50%的“空心村”
_COUNTED_MEASURE = re.compile(r"[\u4e00-\u9fff]{1,6}")
_COUNTED_HEAD = re.compile(r"(?:（含）|\(含\))?(?:以上|以下)?的?[“\"]?[\u4e00-\u9fff]")


_OVER = ("超过", "超", "逾")


def _thresholds_listed(text: str, tokens: list[Token]) -> None:
    """营业收入超50亿元、超100亿元产业集群6个和4个: a bar listed before a bar of a name is a bar
    of the same name (the 50亿元 was drafted as an increase of 营业收入)."""
    for i in range(len(tokens) - 2, -1, -1):
        t, nxt = tokens[i], tokens[i + 1]
        if t.skip is not None or nxt.skip != _OVER_NAME or t.unit != nxt.unit or t.suffix:
            continue
        if text[max(0, t.start - 2) : t.start].endswith(_OVER) and re.fullmatch(
            r"、(?:超过|超|逾)", text[t.end : nxt.start]
        ):
            t.skip = _OVER_NAME


def _bars_inside_counted(text: str, tokens: list[Token]) -> None:
    """28个总投资逾120亿元的重大项目: the amount between a count and its noun is the bar each
    counted thing passes (or the measure it has), not a figure of the words before it."""
    for prev, tok in itertools.pairwise(tokens):
        if prev.skip is not None or tok.skip is not None or not prev.is_count or tok.is_count:
            continue
        if not _COUNTED_MEASURE.fullmatch(text[prev.end : tok.start]):
            continue
        if _COUNTED_HEAD.match(text, tok.end) and not re.match(r"的?(水平|目标)", text[tok.end :]):
            tok.skip = Note("extract.skip.bar_of_counted")


def head_after_measure(rest: str) -> str:
    """总投资逾120亿元的重大项目 → 重大项目: the words after a count, past the measure of the
    things counted (`_bars_inside_counted`); `rest` as it was if there is none."""
    m = re.match(r"^[\u4e00-\u9fff]{1,6}?(?=\d)", rest)
    if not m or re.search(r"(?:及|和|与|或|、|近|约|共|达)$", m.group()):
        return rest  # 38户企业集团及80户下属企业: two counts; 学校近3290所: a count of them
    t = _TOKEN_RE.match(rest, m.end())
    unit = t.group("unit") if t else None
    if not unit or unit in COUNT_UNITS or base_unit(unit) in COUNT_UNITS:
        return rest  # a measure is an amount or a rate, not a count of other things
    end = t.end()
    if n2 := _SECOND_BOUND_RE.match(rest, end):  # 30%—50%
        end = n2.end() + len(t.group("unit")) if rest.startswith(t.group("unit"), n2.end()) else end
    if not (h := _COUNTED_HEAD.match(rest, end)):
        return rest
    return rest[h.end() - 1 :]


_MAGNITUDE_LEAD = re.compile(f"^(?:{'|'.join(MAGNITUDES)})")


def base_unit(unit: str) -> str:
    """万千瓦 → 千瓦, 亿元 → 元: one magnitude word off the front (not two: 万千瓦 is not 瓦; a
    bare 千瓦 does lose its 千, so look the whole unit up first)."""
    return _MAGNITUDE_LEAD.sub("", unit, count=1)


def _word_magnitudes(text: str, quotes: list[tuple[int, int]]) -> list[Token]:
    """突破千亿, 总市值超万亿元: round magnitudes in words stated of an indicator. Not a class
    or a threshold: 千亿级产业, 超百亿工业企业, 超千亿的企业 (a noun or 的 follows)."""
    found = []
    for m in _WORD_MAGNITUDE_RE.finditer(text):
        if not m.group("rest") or _inside(quotes, m.start("num")):
            continue
        end = m.end()
        tok = Token(m.start("num"), end, m.group("num"), unit=m.group("rest"), unit_end=end)
        tok.in_words = True
        if s := _SUFFIX_RE.match(text[end:]):
            tok.suffix = s.group(1)
            tok.end += len(s.group(1))
        after = text[tok.end : tok.end + 3]
        if not after.startswith("大关") and (
            after.startswith(("级", "的", "俱乐部")) or _is_noun_start(after)
        ):
            continue
        found.append(tok)
    return found


# 恢复到2019年的75%以上: a share of that year's level, not a level in % nor the year's figure
_SHARE_OF_A_YEAR = re.compile(
    r"(?:恢复|回升|回复)(?:到|至)((?:19|20)\d{2}年|上一?年|去年)(?:同期)?(?:水平)?的"
    r"(?:\d+(?:\.\d+)?%(?:以上|左右)?、)*$"
)

# 院士达到98位: people counted after their noun (a rank has 第 or 前: 居全国第5位)
_PEOPLE_BEFORE = re.compile(
    r"(?:院士|专家|人才|教授|博士|学者|委员|代表)(?:达到|达|增至|增加到|共|有)$"
)


def _skip_reason(text: str, tok: Token, quotes: list[tuple[int, int]]) -> str | None:
    a, b = tok.start, tok.unit_end
    before = text[max(0, a - 3) : a]
    after = text[tok.end : tok.end + 6]
    after_unit = text[b : b + 6]
    if _inside(quotes, a):
        return Note("extract.skip.quoted_name")
    if before.endswith("第") or (before.endswith("前") and after_unit[:1] in ("位", "名")):
        return Note("extract.skip.rank")
    if re.search(r"(连续|延长|再延长|长达)$", text[max(0, a - 3) : a]):
        return Note("extract.skip.consecutive")
    if (before.endswith("[") and after_unit.startswith("]")) or (
        before.endswith("［") and after_unit.startswith("］")
    ):
        return Note("extract.skip.footnote")
    if before[-1:].isascii() and before[-1:].isalpha():
        return Note("extract.skip.name_letters_before")
    if before[-1:] in ("-", "−") and not before[-2:-1].isdigit():
        return Note("extract.skip.negative")  # 完成-15.3%: not 15.3%
    if before[-1:] in ("+", "×", "*", "/", "－") or text[b : b + 1] in ("+", "×", "*", "/"):
        return Note("extract.skip.expression")
    nxt = text[b : b + 1]
    if re.match(r"^\s*[:：]\s*\d", text[b:]) or re.search(
        r"\d\s*[:：]\s*$", text[max(0, a - 3) : a]
    ):
        return Note("extract.skip.ratio")
    if m := re.match(r"\s*[（(]((?:19|20)\d{2})年(?:不变价|价格|可比价)[）)]", text[b:]):
        # 按照每人每年2300元（2010年不变价）的农村贫困标准: money of another year's prices
        return Note("extract.skip.other_years_prices", year=m.group(1))
    if re.match(r"\s*及以[上下]|\s*[（(]含[）)]\s*以[上下]", text[b:]):
        # 年营业收入500万元及以上，或年末从业人员50人及以上: the bound of a class, not a figure
        return Note("extract.skip.threshold_class")
    if tok.unit == "%" and (m := _SHARE_OF_A_YEAR.search(text, 0, a)):
        return Note("extract.skip.share_of_year", year=m.group(1))
    if not tok.unit:
        if re.match(r"^\s*[.、．)）]", text[b:]) and (a == 0 or text[:a].strip(" （(") == ""):
            return Note("extract.skip.list_number")
        if nxt and nxt.isascii() and nxt.isalpha():
            return Note("extract.skip.name_code")
        if re.match(r"^(月|日|时|点|号|周岁)", text[b:]):
            return Note("extract.skip.date_time")
        if text[b:].startswith(_NAME_AFTER):
            return Note("extract.skip.name_number")
        return NO_UNIT
    if (
        tok.is_count
        and re.search(r"在(?:全国|全省|全市|全区|全州)?$", before)
        and re.match(
            r"^[\u4e00-\u9fff（）]{1,10}?中?[^，,；;。\d]{0,4}?(?:选择|选取|遴选|挑选|排名|位居|名列|位列)",
            text[b:],
        )
    ):
        return Note("extract.skip.among")  # 在15个脱贫县中选择12个县: the set chosen from
    if (
        re.match(r"\s*兑", text[b:])
        or before.endswith("兑")
        or (tok.unit == "%" and re.search(r"(?:贬值|升值)$", text[max(0, a - 4) : a]))
    ):
        # 人民币平均汇率为1美元兑6.7518元人民币，比上年贬值1.6%: a rate between currencies (and
        # its change), not an amount of anything
        return Note("extract.skip.exchange_rate")
    clause = text[max(text.rfind(c, 0, a) for c in "，,；;。：:") + 1 : a]
    if _EACH_UNIT.match(clause) and tok.unit not in ("%", "个百分点", "‰"):
        return Note("extract.skip.per_unit")  # 每个乡镇建有1所标准化卫生院: each one's, no total
    if tok.unit in ("倍", "%") and before.endswith("超额"):
        return Note("extract.skip.over_task")  # 超额1.2倍完成全年任务: beyond the year's task
    if re.search(r"(专栏|表|图|附件|附表)$", before):
        return Note("extract.skip.label")
    if tok.unit == "个" and re.match(r"方面(?:的)?(?:工作|任务|重点)|方面、\d+项", text[b:]):
        # 重点做好9个方面工作：…: how the text is laid out (在7个方面开展先行先试 is a figure)
        return Note("extract.skip.topics")
    if tok.unit == "项" and re.search(r"方面、$", text[max(0, a - 3) : a]):
        # 抓好以下11个方面、33项工作: the items of that layout
        return Note("extract.skip.topics")
    if re.sub(r"^[万亿千百十]+", "", tok.unit) == "级" and tok.unit != "级":
        return Note("extract.skip.class_in_name")
    if (
        tok.unit in _NOT_UNITS_ALONE
        and not (
            tok.unit in _COUNTING_NOUNS
            and _is_noun_start(text[b:])
            and not re.match(r"外|口|接|于|应|标|照|话", text[b:])  # 对外, 对口, 对接 …
        )
        and not (tok.unit == "位" and _PEOPLE_BEFORE.search(text[max(0, a - 12) : a]))
    ):
        return Note("extract.skip.ordinal")
    if tok.unit in ("千伏",):
        return Note("extract.skip.voltage")
    if tok.unit in ("年", "天", "个月", "小时", "周", "分钟", "秒"):
        if re.search(r"(连续|提前|用|仅用|历时|近|超过|长达|已经|已)$", text[max(0, a - 3) : a]):
            return Note("extract.skip.duration")
        if re.match(r"^(内|来|后|前|间|之内|以来|时间|里)", text[b:]):
            return Note("extract.skip.duration_within")
        if _TIME_NAMED.match(text, b):
            # 福莆宁岚1小时经济圈, 给予5年过渡期: a name made of a time, not a figure
            return Note("extract.skip.time_in_name")
        at_clause_start = a == 0 or text[a - 1] in "，,；;。：:"
        if tok.unit in ("天", "个月", "小时") and at_clause_start and _is_noun_start(text[b:]):
            return Note("extract.skip.duration_clause")
        if re.match(
            r"^(累计|共|合计|总计|净增|新增|新建|完成|实现|建成|投入|行动|计划|攻坚)", text[b:]
        ):
            return Note("extract.skip.span_of_following")
    if nxt and nxt.isascii() and nxt.isalpha():
        return Note("extract.skip.name_letters_after")
    if STEPS_PASSED.match(text, a):
        return Note("extract.skip.steps_passed")
    # thresholds: 1000万美元以上项目, 出口超过1000万美元的企业, 亿元以上项目
    cmp_before = re.search(r"(超过|以上|不低于|不少于|达到|超|突破)$", text[max(0, a - 3) : a])
    if re.match(r"^的?(水平|高位|区间)", after):
        return None  # 稳定在700亿斤以上水平: the level itself, not a threshold
    if (
        tok.suffix in ("以上", "以下", "以内")
        and after[:1]
        and _is_noun_start(after.lstrip('“"'))
        and not (tok.unit == "个" and tok.suffix == "以上")  # 争取2000个以上村…: a count
        and not (_counts_its_noun(tok) and _NOUN_COUNTED.match(text, b))  # the noun, counted
    ):
        return Note("extract.skip.threshold_above_project")  # …以上项目, 20万元以下“薄弱村”
    if (
        cmp_before
        and cmp_before.group(1) in ("超过", "超", "逾")
        and not tok.suffix
        and _is_noun_start(after_unit)
        and not re.match(r"^(大关|台阶|规模|水平|目标)", after_unit)
    ):
        return _OVER_NAME
    if tok.suffix in ("以上", "以下") and after.startswith("的"):
        return Note("extract.skip.threshold_above_firm")
    if tok.unit in ("项", "个", "类") and (
        re.match(r"^(?:[\u4e00-\u9fff]{0,2}类)?(?:[\u4e00-\u9fff]{0,4})指标", text[tok.end :])
        or re.search(r"(主要|预期性|约束性|重点|发展)?指标$", text[max(0, a - 6) : a])
        or re.match(r"^(重点任务|主要任务)", text[tok.end :])
    ):
        return Note("extract.skip.plan_structure")
    if tok.unit in ("公里", "千米", "米", "km", "m") and re.search(
        r"(?:^|[，,、；;和及：:]|全)(?:长|宽|高|深)$", text[max(0, a - 2) : a]
    ):
        return Note("extract.skip.dimension")
    if tok.unit.endswith("人") and re.match(r"^口(规模|级|以上|以下)", text[b:]):
        return Note("extract.skip.population_class")
    if tok.unit == "岁" and (
        tok.num2 is not None or re.match(r"(?:及)?以[上下]|[（(]含", text[b:])
    ):
        # 15至59岁人口, 7至64岁的常住居民, 65岁以上老人: an age class, not a figure
        return Note("extract.skip.age_class")
    if tok.unit.endswith("元") and after_unit.startswith("的") and re.search(r"投资$", before):
        return Note("extract.skip.project_size")
    if tok.unit.endswith("元") and re.match(r"^的?(奖励|补助|补贴|资助|奖补|扶持资金)", after_unit):
        return Note("extract.skip.policy_rate")
    base = base_unit(tok.unit)
    if (tok.unit in _CAPACITY_UNITS or base in _CAPACITY_UNITS) and _is_noun_start(after_unit):
        return Note("extract.skip.capacity")  # 181万千瓦风电项目 (not 瓦: 千 is the unit's)
    if base in ("头", "只", "羽") and _HEAD_CAPACITY.match(text[b:]):
        return Note("extract.skip.capacity")
    if tok.unit == "条" and re.search(r"(政策|措施|意见|举措|规定|条款)$", text[max(0, a - 4) : a]):
        return Note("extract.skip.policy_articles")
    if tok.unit == "条" and re.match(r"^(措施|意见|政策|举措|规定|条款|硬措施)", text[tok.end :]):
        return Note("extract.skip.policy_measures")
    if re.search(r"^[\u4e00-\u9fff（）()、]{1,12}之一", text[tok.end :]):
        return Note("extract.skip.one_of_set")
    if _DESIGNATION_AFTER.match(text, b) or (
        tok.is_count and _DESIGNATION_VERB.search(text, max(0, a - 4), a)
    ):
        # 打好15个攻势, 18个专项行动, 聚焦13条产业链: the sets a plan's work is organised in
        return Note("extract.skip.designation")
    if (
        cmp_before
        and cmp_before.group(1) in ("超过", "超", "突破")
        and re.match(r"^(（[^（）]{1,4}）|\([^()]{1,4}\))?的", text[b:])  # 超过30%（含）的货物
    ):
        return Note("extract.skip.threshold_over_firm")
    if tok.unit in MAGNITUDES:
        rest = text[b:]
        if re.match(r"^(?:名|户|人)?[\u4e00-\u9fff]{0,6}?(人口|人|群众|农民|职工|劳动力)", rest):
            tok.noun = None
            return None
        return Note("extract.skip.number_no_unit")
    return None


_DESIGNATION = re.compile(r"^\d*[A-Za-z]+(?=[\u4e00-\u9fff])")  # 5A级景区, 4A级
_TO_VERB = re.compile(
    r"^(提高|提升|上升|增加|增长|下降|降低|减少|扩大|发展|跃升|攀升|调整|压减|精简|缩减)(到|至|为)"
)


# words that start a noun although their first character is a stop word: 13个在建项目,
# 5个全国农民合作社…试点, 10000名以上年轻一代…高管 (not 在…, 全部, 年…)
_NOUN_START_WORDS = ("在建", "在营", "在校", "在岗", "在研", "全国", "全域", "全省", "年轻")
# …and 5个已摘帽县、471个已退出村、38.79万已脱贫人口 (宜宾市): things that have done so
_NOUN_START_WORDS += ("已摘帽", "已退出", "已脱贫", "已出列")


def _is_noun_start(text: str) -> bool:
    """Does a noun phrase start here (and not punctuation, a verb or a preposition)?"""
    if m := _DESIGNATION.match(text):
        text = text[m.end() :]
    if not text or not ("\u4e00" <= text[0] <= "\u9fff"):
        return False
    if text.startswith(_NOUN_START_WORDS):
        return True
    return not text.startswith(_NOUN_STOP) and not _TO_VERB.match(text)


def without_conjunction(words: str) -> str:
    """Words without the 及/和/与 that joins them to the next count (企业集团及 → 企业集团)."""
    return re.sub(r"(?:以及|及|和|与)$", "", words)


def noun_after(text: str, tok: Token, any_unit: bool = False) -> str | None:
    """15个城市公园 → 城市公园: the noun phrase a count stands before, if it does."""
    rest = text[tok.end :]
    if m := re.match(rf"^{_NUM}\s*(?:万|亿)?(?:名|人|户|个|家)", rest):
        rest = rest[m.end() :]  # 4425户14042名农村建档立卡贫困人口: both count the same noun
    if tok.is_count:
        rest = head_after_measure(rest)
    if not tok.unit or not _is_noun_start(rest):
        return None
    if not tok.is_count and not any_unit:
        return None
    # a noun may start with a designation (5A级景区) and hold a bracketed remark (乡（镇）级)
    m = re.match(r"^(?:\d*[A-Za-z]+)?(?:[\u4e00-\u9fffA-Za-z·]|（[^（）]{1,4}）)+", rest)
    if not m:
        return None
    noun = m.group()
    cut = len(noun)
    for w in _NOUN_STOP:
        if len(w) < 2 and w not in ("在", "于", "等", "均", "都", "获", "已", "全", "将", "被"):
            continue
        i = noun.find(w, 1)
        while w == "等" and i > 0 and noun[i - 1] in "甲乙丙一二三四特":
            i = noun.find(w, i + 1)  # 三级甲等医院, 一等奖: a grade, not 等 (and so on)
        if 0 < i < cut:
            cut = i
    noun = noun[:cut]
    noun = without_conjunction(noun)  # 38户企业集团及80户下属企业: 企业集团
    # 2000个以上村集体经济收入超过10万元: the bar after the noun is not part of it
    if re.match(r"\d", rest[len(noun) :]):
        noun = re.sub(r"(?:超过|超|逾|达到|突破|迈上)$", "", noun)
    if rest[len(noun) : len(noun) + 2] == "之一" or noun.endswith("之一"):
        return None
    if (
        noun
        and noun[-1] in "级型类"
        and (
            m := re.match(
                rf"^、{_NUM}\s*[个家所座处条]?([^\d、，,；;。]+?{noun[-1]})([\u4e00-\u9fff]{{2,12}})",
                rest[len(noun) :],
            )
        )
    ):
        noun += m.group(2)  # 88个乡（镇）级、3826个村级农村公益性公墓: the list's head
    return noun[:16] if noun else None
