"""The kind of a figure and its text as ezplan's grammar reads it.

From the predicate and the number's unit: level, annual (年均增长), total (增长X%, 增长X倍,
是…的X倍, 翻一番), cumulative (累计, or a flow over an explicit period), share (占…比重), change_pp
(提高X个百分点), change_abs (增加X万人), count (a number of things). The figure's text is written
in the grammar of the plan files (`figures.parse_figure`); a form the grammar lacks is rewritten
to one it has and the rewrite is noted for review.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ezplan.extract.notes import Note
from ezplan.extract.predicates import MASK, Pred
from ezplan.extract.tokens import COUNT_UNITS, Token
from ezplan.figures import Figure, FigureError, Kind, parse_figure
from ezplan.units import UnitError, parse_unit

if TYPE_CHECKING:
    from ezplan.extract.context import TimeRef
    from ezplan.extract.found import Found

_FLOW_VERBS = re.compile(
    r"^(投入|投资|完成投资|新增|引进|建成|新建|改造|发放|争取|实施|减免|办理|筹集|落实|新开工|"
    r"完成|累计|拨付|兑现|安排|帮助|培训|招引|签约|开工|新改建|新（改）建|退出|化解|压减|淘汰|"
    r"创建|培育|新培育|新认定|认定|新引进|改扩建|新建和改扩建|治理|修复|植树|造林|解决|转移|"
    r"减少|撤并|整合|关闭|搬迁|吸纳|带动|回收|建设|巩固|提升|巩固提升|关停|生产(?!总值)|发放|推出)"
)
_TIME_UNITS = ("小时", "分钟", "天", "个工作日", "工作日", "秒", "个月")
_ONLY_STOCK = re.compile(r"(保有量|余额|存栏|存量)$")
_STATE_WORDS = re.compile(
    r"达到|达|突破|增至|提高到|提升到|增加到|增长到|实现|超过|迈上|跨越|站上|保持|稳定在|拥有|"
    r"划定|守住|保有"
)
_REACHED = re.compile(r"超过|突破|达到|达|实现")  # the amount reached: a flow's sum too


def _state_word(pred: Pred) -> str:
    """The state word of the predicate ('' if none)."""
    m = _STATE_WORDS.search(pred.text)
    return m.group() if m else ""


_STOCK_NOUNS = re.compile(
    r"(总值|增加值|市值|能力|收入|余额|总额|总量|规模|人口|产量|产值|面积|里程|率|数|量|比重|占比|指数|价格|"
    r"水平|红线|农田|保有量|产权)$"
)


def kind_and_text(text: str, tok: Token, pred: Pred) -> tuple[str, str, str | None, list[str]]:
    """The kind of the figure and its text as ezplan's grammar reads it: the document's own
    words (超, 逾, 将近, 不足, 上下, 300多家, 1000余万元, 翻番, 翻了两番) where the grammar reads
    them, else a form it has, with a note on the rewrite."""
    written = _kind_and_text(text, tok, pred, as_written=True)
    if _readable(written[1]):
        return written
    return _kind_and_text(text, tok, pred, as_written=False)


def _readable(fig_text: str) -> bool:
    try:
        parse_figure(fig_text)
    except FigureError:
        return False
    return True


_AMOUNT_UNITS = ("%", "‰", "倍", "个百分点", "百分点")


def _kind_and_text(
    text: str, tok: Token, pred: Pred, as_written: bool
) -> tuple[str, str, str | None, list[str]]:
    notes: list[str] = []
    cmp_word = pred.comparator
    normal = {"超": "超过", "逾": "超过", "将近": "近", "不足": "不超过", "不到": "不超过"}
    if cmp_word in normal and not as_written:
        notes.append(Note("extract.read_as", said=cmp_word, read=normal[cmp_word]))
        cmp_word = normal[cmp_word]
    suffix = tok.suffix
    if suffix == "上下" and not as_written:
        notes.append(Note("extract.read_as", said="上下", read="左右"))
        suffix = "左右"
    # 300多家, 1000余万元, 5%多, 3万多人 as written: the grammar reads them as 以上
    more_written = as_written and tok.more and tok.doubling is None
    if tok.more and tok.doubling is None and not more_written:
        notes.append(Note("extract.more_as_at_least"))
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
    core = pred.text.replace(MASK, "")
    said = [
        w for w in ("增长", "增加", "提高", "上升", "提升", "下降", "减少", "降低") if w in core
    ]
    if said:
        last = max(said, key=core.rfind)
        if (last in ("下降", "减少", "降低")) == (direction == "down"):
            verb = last
    if tok.doubling is not None:
        n = tok.doubling or "一"
        said = text[tok.start : tok.unit_end]
        if achieved_doubling(tok, said, pred):
            # 实现翻番, 翻了一番, 翻番以上: at least doubled, not ×2 — each as written, a form
            # of the grammar's
            shown = said + ("以上" if tok.suffix else "")
            if as_written and not tok.suffix and not said.startswith("翻了"):
                shown = "实现" + said
            read = shown if as_written else f"翻{n}番以上"
            if read == shown:
                notes.append(Note("extract.doubling_reached", said=shown))
            else:
                notes.append(Note("extract.doubling_at_least", said=shown, read=read))
            return "total", read, "up", notes
        if as_written and re.fullmatch(r"翻了?[一两二三四]?番多?", said):
            return "total", said, "up", notes  # 翻番, 翻了两番, 翻两番多
        if tok.more:
            notes.append(Note("extract.doubling_more", said=said, n=n))
        elif tok.implied:
            notes.append(Note("extract.doubling_implied"))
        return "total", f"翻{n}番", "up", notes
    if tok.unit in ("个百分点", "百分点"):
        return "change_pp", f"{verb}{cmp_word}{number}个百分点{suffix}", direction or "up", notes
    if tok.unit == "倍":
        if (pred.up or pred.down) and not pred.multiple and not pred.to_level:
            return "total", f"增长{cmp_word}{number}倍{suffix}", "up", notes
        return "total", f"是…的{cmp_word}{number}倍{suffix}", "up", notes
    if tok.unit in ("%", "‰"):
        pct = f"{number}{tok.unit}"  # 10.94‰ stays ‰ (never placed): shown as 10.94% it misleads
        if pred.annual and (pred.up or pred.down or "年均" in pred.text):
            if direction == "down":
                return "annual", f"下降{cmp_word}{pct}{suffix}", "down", notes
            return "annual", f"{cmp_word}{pct}{suffix}", "up", notes
        if (pred.up or pred.down) and not pred.to_level and not pred.from_level:
            return "total", f"{verb}{cmp_word}{pct}{suffix}", direction or "up", notes
        return "level", f"{cmp_word}{pct}{suffix}", None, notes
    amount = f"{cmp_word}{number}{tok.unit}{suffix}"
    if more_written:
        amount = f"{cmp_word}{text[tok.start : tok.unit_end]}{suffix}"
    # 增加20万人, 年均增加20万人以上: a change of the amount (a year's, on average), not a level
    changing = (pred.up or pred.down) and not (pred.to_level or pred.from_level)
    if changing and re.search(
        r"(增长|增加|净增|减少|下降|提高|扩大|降低|上升|多|少|多增|少增|多减|少减)$",
        pred.text.replace(MASK, ""),
    ):
        return "change_abs", amount, direction, notes
    return ("count" if tok.is_count else "level"), amount, None, notes


def achieved_doubling(tok: Token, said: str, pred: Pred) -> bool:
    """实现翻番, 实现比2010年翻一番, 翻了一番, 翻番以上: a doubling reached, at least ×2 (a
    review's 旅游总收入实现翻番，年均增长18% is ×2.29). A bare 翻一番 (到2025年翻一番) is ×2;
    翻两番多 is read as at least by its 多."""
    if tok.more:
        return False
    core = pred.text.replace(MASK, "")
    return (
        tok.suffix == "以上"
        or said.startswith("翻了")
        or bool(re.search(r"实现了?(?:比|较)?$", core))
    )


def _last_word(pred: str) -> str:
    up = max((pred.rfind(w) for w in ("增长", "增加", "提高", "提升", "上升", "增")), default=-1)
    down = max((pred.rfind(w) for w in ("下降", "减少", "降低", "回落", "降")), default=-1)
    return "down" if down > up else "up"


def amount_kind(
    kind: str,
    tok: Token,
    subject: str,
    pred: Pred,
    ref: TimeRef | None,
    base: int | None,
    explicit_period: bool,
    prenominal: bool,
    lead: str = "",
    to_plan_end: bool = False,
    ahead: bool = False,
) -> str:
    """level, count, cumulative or change_abs for an amount, from how it is said.

    A stock is read at a year (达到, 增至, a stock noun such as 总额 or 收入); a flow over a
    five-year period is cumulative (累计, 新增/建成/完成 …, 109个贫困村全部出列, or an amount
    under an explicit “十三五”期间, or a flow by the plan's last year: 到2025年新增市场主体13万户);
    a stock noun that only a stock can have (保有量, 余额) wins over a verb (落实耕地保有量);
    新增/增加 of money, persons or a measure in one year is a change (of a stock), but for the jobs
    created in a year (城镇新增就业, a gross flow); counted things in one year are a count.
    """
    state = bool(_STATE_WORDS.search(pred.text)) or pred.to_level or pred.from_level
    state = state or bool(re.match(r"(?:拥有|现有|已有|共有)", lead or subject))  # 拥有41个…
    # 职业教育覆盖32大类452个专业: what is covered at the end, not a sum over the years
    state = state or bool(re.search(r"覆盖[^，,；;]{0,8}$", lead))
    period = ref is not None and ref.is_period
    flow = is_flow(subject, lead, prenominal)
    if "新增" in subject and not (pred.to_level or pred.from_level):
        # 城镇新增就业超过200万人 over “十三五”: a flow more than 200万 in all, not a stock it
        # reached (增至, 提高到 still say a stock)
        state = state and not _REACHED.fullmatch(_state_word(pred))
    persons = tok.unit.rstrip("次").endswith(("人", "名"))
    if tok.unit in _TIME_UNITS:
        return kind  # 3小时通达, 开办时间1天: a time taken is a level, never a sum
    if (
        pred.cumulative
        and ahead
        and ref is not None
        and not ref.is_period
        and ref.source in ("heading", "section", "intro")
    ):
        # 2021年工作安排: 累计建成省级以上创新研发平台120家以上 — a year's target under a heading
        # of the year: 累计 is the running total at its end (a stock, 106家 in 2020), not a sum
        # built in the year (到2025年，累计谋划重大项目1000个 stays the plan period's sum)
        return kind
    if (
        pred.cumulative
        and kind == "count"
        and "累计达" in pred.text
        and not flow
        and "新增" not in subject
    ):
        # 市场主体累计达到36.6万户, 累计达8418家 (after 年内新增企业6555家): the number of things
        # there, a stock — not a sum over the paragraph's years (城镇新增就业累计达到52.3万人 and
        # 民生投入累计达734亿元 are sums)
        return kind
    if pred.cumulative:
        return "cumulative"
    if (
        ref is not None
        and ref.is_period
        and ref.source in ("explicit", "clause")
        and ref.text == "五年"  # written before its verb: not 过去五年, 未来五年
        and not _ONLY_STOCK.search(subject)
    ):
        return "cumulative"  # 五年接待游客13.2亿人次、实现综合收入8995亿元: the five years' sums
    if (pred.up or pred.down) and not state and not pred.annual:
        return "change_abs"
    if period and _ONLY_STOCK.search(subject) and "新增" not in subject:
        return kind
    if to_plan_end and flow and not state:
        return "cumulative"
    changed = ("净增", "净减", "增加", "减少", "降低", "节约", "节省")
    # 净增规上工业企业161户 over a period: the net number added, a flow like 新增
    net_flow = period and subject.startswith("净增")
    if ref is not None and subject.startswith(changed) and not state and not net_flow:
        return "change_abs"
    if period:
        # over a five-year period a stock is read at the end, anything else is a flow
        if state or (_STOCK_NOUNS.search(subject) and not (flow or "新增" in subject)):
            return kind
        if ahead and ref.source in ("heading", "section", "intro") and not flow:  # type: ignore[union-attr]
            # 规上工业企业超2.6万家, 拥有全部41个工业大类 under a “十四五” heading: what is there
            # (a stock), not a sum over the plan period a heading names; a goal's sum is said
            # with a verb of doing (新增, 建成 …), 累计, or a period of its own
            return kind
        return "cumulative"
    if (
        ref is not None
        and "新增" in subject
        and not state
        and (kind == "level" or persons)
        and not _FLOW_NAMED.search(subject)
    ):
        return "change_abs"  # 基本养老保险参保人数新增66.3万人: a stock's change
    return kind


# 城镇新增就业23万人: the jobs created in the year, a gross flow (人社部 counts it each year;
# the five years' sum is a 十四五 goal) — not the change of a stock (常住人口新增5万人, and
# 新增蓄水库容, 新增贷款: the stock's increase); nor is the investment of projects added (新增
# 安排项目512个、总投资2138亿元) a change
_FLOW_NAMED = re.compile(r"新增(?:城镇)?就业|项目(?:计划)?总投资额?$|项目投资总额$")


_MORE_FLOW = re.compile(r"^(新改扩建|整治|综合治理|优化|提质改造|新设|开通|新开通)")


def names_a_deed(name: str) -> bool:
    """Does `name` open with a verb of things done (新建…, 完成…, 改造…)?"""
    return bool(_FLOW_VERBS.match(name) or _MORE_FLOW.match(name))


def is_flow(subject: str, lead: str, prenominal: bool) -> bool:
    """An amount of things done (新增, 建成, 完成投资, 整治 …, or a count before its noun: 建成15个
    城市公园) rather than a stock."""
    return prenominal or names_a_deed(subject) or names_a_deed(lead) or "新增" in subject


def unit_known(unit: str) -> bool:
    if unit in ("%", "倍", "番", "个百分点", "百分点"):
        return True
    u = unit.replace("㎡", "平方米").replace("m²", "平方米")
    try:
        parse_unit(u if u != "m2" else "平方米")
    except UnitError:
        return False
    return True


def count_class(unit: str) -> bool:
    return re.sub(r"^[万亿千百]+", "", unit) in COUNT_UNITS


def refine_kind(
    kind: str,
    tok: Token,
    subject: str,
    part: str,
    pred: Pred,
    ref: TimeRef | None,
    base: int | None,
    explicit_period: bool,
    prenominal: bool,
    lead: str,
    to_plan_end: bool = False,
    ahead: bool = False,
) -> str:
    """The kind once the subject is known: a rate per person is a level, not a count (每万人口
    发明专利拥有量14.8件); population, visitors and passengers are levels; an amount's kind from
    how it is said (`amount_kind`)."""
    if kind == "count" and re.search(r"每|人均|万人口|千人口", subject):
        kind = "level"  # 每万人口发明专利拥有量14.8件: a rate, not a count
    persons = re.sub(r"^[万亿千百]+", "", tok.unit) in ("人", "人次", "名")
    if (
        kind == "count"
        and persons
        and (tok.unit.endswith("人次") or re.search(r"人口|游客|旅客|旅游|接待|吞吐|人数", subject))
        and not re.search(r"参保|参加", subject)
    ):
        kind = "level"  # population, visitors, passengers: a level, not counted things
    if kind in ("level", "count") and tok.unit not in ("%", "‰"):
        kind = amount_kind(
            kind, tok, part, pred, ref, base, explicit_period, prenominal, lead, to_plan_end, ahead
        )
    return kind


def read_figure(fig_text: str, unit: str, notes: list[str]) -> tuple[Figure | None, bool]:
    """(what the grammar reads from the figure's text, whether ezplan reads its unit). A unit
    ezplan does not read is stood in for by 个, so the number is still read; noted for review.
    A known unit in a form the grammar lacks (增长6至7%) gives no figure."""
    known = unit_known(unit) if unit else False
    try:
        figure: Figure | None = parse_figure(fig_text)
    except FigureError:
        figure = None
    if not known:
        stand_in = fig_text.replace(unit, "个", 1) if unit else fig_text
        try:
            figure = parse_figure(stand_in)
        except FigureError:
            figure = None
        notes.append(Note("extract.unit_unknown", unit=unit or Note("extract.no_unit")))
    return figure, known


_BASE_PHRASE = re.compile(
    r"(同比|(?:比|较)(?:上年|去年|(?:19|20)\d{2}年))(?:分别|均|都|各)?"
    r"(?=增长|下降|增加|减少|提高|降低|上升|提升)[^，,；;。]{0,8}$"
)


def with_base(before: str, fig_text: str, period: tuple[int, int]) -> str:
    """比2015年增长3.5倍, 同比增长5%: the growth with the base it is measured from, as written,
    when the grammar reads it and it names the figure's own period (else the growth alone)."""
    m = _BASE_PHRASE.search(before)
    if not m or not fig_text.startswith(("增长", "下降", "增加", "减少", "提高", "降低", "上升")):
        return fig_text
    said = m.group(1) + fig_text
    try:
        f = parse_figure(said)
    except FigureError:
        return fig_text
    if f.base_year is not None and f.base_year != period[0] - 1:
        return fig_text
    if f.year_on_year and period[0] != period[1]:
        return fig_text
    return said


def is_sum_ratio(tok: Token, before: str) -> bool:
    """是“十二五”时期的1.85倍 (分别是“十二五”的2.5倍和2.8倍), 比“十二五”增长40.2%: a ratio of
    two periods' sums, not a growth of levels (比“十二五”末增长 is one: 末 is a year)."""
    if tok.unit == "倍":
        return bool(
            re.search(
                r"(是|为|相当于)[^，,；;]{0,12}(期间|时期|”)的(?:\d+(?:\.\d+)?倍[和、])*$", before
            )
        )
    return tok.unit == "%" and bool(
        re.search(r"(比|较)[“\"]?十[一二三四]五[”\"]?(时期|期间)?(增长|提高|增加)$", before)
    )


_CURRENT_PRICES = re.compile(r"现价|名义")


def real_growth_name(name: str) -> bool:
    """GDP, value added, 经济总量, 国民总收入 …: an indicator whose growth is stated at comparable
    prices by statistical convention — the words the checker's own hint uses
    (`REAL_GROWTH_WORDS`)."""
    from ezplan.rules._common import REAL_GROWTH_WORDS  # numpy: only when a name is judged

    return any(w in name for w in REAL_GROWTH_WORDS)


def price_convention(f: Found) -> None:
    """By statistical convention the growth of GDP and value added (地区生产总值, 增加值,
    经济总量, 人均GDP …) is at comparable prices even where the sentence does not say so: such a
    rate or growth is marked `constant_prices`, with a note, unless the sentence says 现价 or
    名义. A multiple of levels (是…的1.7倍) is the ratio of the levels as published, at current
    prices: it stays unmarked."""
    if f.kind not in ("annual", "total") or f.constant_prices or f.sum_ratio:
        return
    if f.figure is not None and f.figure.kind is Kind.MULTIPLE:
        return
    if not real_growth_name(f.indicator) or _CURRENT_PRICES.search(f.quote):
        return
    f.constant_prices = True
    f.notes.append(Note("extract.price_convention"))
