"""The subject of a figure: the indicator it is about, as the document writes it.

The subject phrase is what stands before the predicate (地区生产总值 in 地区生产总值达到1200亿元),
cleaned of what leads it (其中, 全市, 2020年, 实现 …); else the noun after a count (15个城市公园);
else the subject carried from the figure, clause or paragraph before (each marked as inferred).
Lists are paired (A、B分别增长X、Y: `split_subjects`, with shared heads such as
城镇、农村居民人均可支配收入), one number may serve several subjects (A、B均突破X), and a
share names its whole (A占B比重).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ezplan.extract.found import Found
from ezplan.extract.notes import Note, note_id
from ezplan.extract.predicates import MASK, Pred, mask, words
from ezplan.extract.sentences import Sentence
from ezplan.extract.text import strip_place
from ezplan.extract.timex import Time
from ezplan.extract.tokens import Token, base_unit

_LEAD = sorted(
    words(
        """
    其中 以及 并且 并 同时 此外 另外 而且 而 但 且 和 及 与 其 我们 实现了
    实现 完成了 完成 达到 累计 共有 共 全年 当年 今年 去年 初步核算 初步统计 据统计
    经初步核算 力争 确保 预计 争取 努力向 使 推动 带动 促进 在此基础上 总体上 总的来看
    一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 主要 目标 主要预期目标
    预期目标 主要目标 受疫情影响 可以 能够 将 预计可
    """
    ),
    key=len,
    reverse=True,
)
# leads that leave no subject when they are all there is (年末全国共有1264万人享受…: there are;
# 达到760亿斤以上、努力向800亿斤迈进: toward the figure before's)
_LEAD_ALONE = frozenset({"共有", "努力向"})
# 可 and 能 lead a subject only before a verb (可达, 能实现): 能源, 能耗, 可再生能源 are nouns
_LEAD_BEFORE_VERB = re.compile(
    r"(?:可|能)(?=达|实现|完成|突破|超过|增长|提高|新增|带动|创造|吸纳|解决|提供|安置|减少|节约|"
    r"形成|产生|新建|建成|容纳|带来|拉动|增加|降低)"
)
_LEAD_RE = re.compile(
    r"[^，,；;]{0,6}?(?:建成|运营|投产|完成|实施)后|项目(?=\S{2})"
    r"|\d{1,2}[.．、](?=[^\d.．])"  # 7.新建成高校4所: item 7 of a list, not the name's
    r"|[\u2460-\u2473]|十[一二三四五六七八九]是"  # ⑤…, 十六是…: items too
)
PUNCT = '*_ \t、，,：:；;。“”"‘’「」()（）【】[]〔〕—-·…' + MASK


def clean_subject(masked: str, text: str) -> str:
    """Drop what leads a subject (其中, 全市, 2020年, 实现 …) and trailing punctuation."""
    a, b = 0, len(masked)
    while a < b:
        if masked[a] in PUNCT:
            a += 1
            continue
        hit = False
        for w in _LEAD:
            if w == "并" and masked[a + 1 : a + 2] in ("网", "购", "联"):
                continue  # 并网风电, 并购: a word of the name
            if masked.startswith(w, a) and (b - a > len(w) or w in _LEAD_ALONE):
                a += len(w)
                hit = True
                break
        if not hit and (m := _LEAD_BEFORE_VERB.match(masked, a)) and m.end() < b:
            a = m.end()
            continue
        if not hit and (m := _LEAD_RE.match(masked, a)) and m.end() < b:
            a = m.end()
            continue
        if not hit:
            # 全省占比达到43.2%: the place is what the share is of, not a lead to drop
            keep = _SHARE_OF_PLACE.fullmatch(masked, a, b) is not None
            place = masked[a:b] if keep else strip_place(masked[a:b], keep_one=False)
            if len(place) < b - a:
                a = b - len(place)
                continue
            break
    while b > a and masked[b - 1] in PUNCT:
        if masked[b - 1] in "）)" and masked.count("（", a, b) + masked.count("(", a, b) >= (
            masked.count("）", a, b) + masked.count(")", a, b)
        ):
            break  # a closing bracket of the subject's own remark: keep it
        b -= 1
    while a < b and masked[a] == "的":
        a += 1
    s = text[a:b]
    s = re.sub(r"\s+", "", s)
    if MASK in masked[a:b]:  # a time expression inside: keep the part after it
        k = masked.rfind(MASK, a, b)
        rest = text[k + 1 : b].strip(PUNCT)
        s = clean_subject(masked[k + 1 : b], text[k + 1 : b]) if rest else s
    if m := _NAMED_PAST_A_BAR.search(s):
        s = m.group(1)  # 消除年集体经济收入20万元以下“薄弱村”416个: what is counted has a name
    return drop_footnotes(s)


_NAMED_PAST_A_BAR = re.compile(r"\d[^\d，,；;]{0,4}?以[上下][“\"]([^“”\"]{1,10})[”\"]?$")


_FOOTNOTE = re.compile(r"[\[［]\d{1,3}[\]］]|^\d{1,3}[\]］]|[\[［]\d{1,3}$")


def drop_footnotes(name: str) -> str:
    """电信业务总量[38], 装备制造业[13]增加值, and what is left of a mark at a name's ends once
    its bracket is cut (…总量[38, 16]年…): a bulletin's footnote marks are not the name's."""
    return _FOOTNOTE.sub("", name).strip() or name


_OWNER_VERB = re.compile(
    r"^(.{2,}?(?:区|市|县|州|省|新城|片区|业|项目|园区|集团|部门|机构|基地))"
    r"(?:实现|完成|推出|实施|开展)(.{2,})$"
)


def drop_inner_verb(subject: str) -> str:
    """三七产业实现综合产值 → 三七产业综合产值, 旅游项目完成投资 → 旅游项目投资: an owner, a verb
    and what is measured; the indicator is the owner's measure."""
    m = _OWNER_VERB.match(subject)
    return m.group(1) + m.group(2) if m else subject


def lead_words(masked: str, text: str) -> str:
    """The subject's words with only punctuation, time and place words dropped (verbs kept)."""
    a = 0
    while a < len(masked) and (masked[a] in PUNCT or masked[a] == MASK):
        a += 1
    s = strip_place(text[a:], keep_one=False)
    return re.sub(r"^(其中|共(?!有)|全年|今年|去年|累计)", "", s)  # 共有 says a stock: kept


def clause_subject(clause: str, times: list[Time], offset: int) -> str:
    """The subject at the head of a clause without figures: 本外币存、贷款余额均居全省前三位 →
    本外币存、贷款余额."""
    masked = mask(clause, times, offset)
    m = re.search(
        r"均|都|分别|各|居(?![民住家])|位居|达|实现|保持|增长|提高|下降|为|是|占|超额|完成|突破|获|"
        r"成为|入选|跻身|连续",
        masked,
    )
    end = m.start() if m else len(masked)
    return clean_subject(masked[:end], clause[:end])


def subject_before(s: Sentence, text: str, times: list[Time], tokens: list[Token], ci: int) -> str:
    """The subject of the nearest clause before `ci` in the sentence that states no figure
    (地区生产总值超额完成“十三五”规划目标，年均增长7.4%), looking past clauses of part-year
    figures (not read) to the subject the first of them names."""
    for k in range(ci - 1, -1, -1):
        pa, pb = s.clauses[k]
        if not any(pa <= t.start < pb for t in tokens):
            return clause_subject(text[pa:pb], times, pa)
        if not PART_OF_YEAR.search(text[pa:pb]):
            return ""
        # 全市GDP一季度增长0.3%，上半年增长2.4%，…，全年增长4.6%: the year's growth is of the
        # subject the part-year figures (not read) were of, named in the first of them
        head = PART_OF_YEAR.split(text[pa:pb])[0]
        if k == 0 or head.strip(" ，,"):
            return clause_subject(head, times, pa) if head.strip(" ，,") else ""
    return ""


def groups(text: str, tokens: list[Token], s: Sentence) -> list[list[Token]]:
    """Tokens listed together (12%、18%和21%) form one group: one predicate, several subjects."""
    out: list[list[Token]] = []
    for t in tokens:
        if out:
            last = out[-1][-1]
            between = text[last.end : t.start]
            same_clause = s.clause_of(last.start) == s.clause_of(t.start)
            if same_clause and re.fullmatch(r"\s*(?:、|和|及|与|以及)\s*", between):
                out[-1].append(t)
                continue
        out.append([t])
    return out


# 及 joins names (A及B, 以及) but is also inside words: 普及率, 涉及, 及时
_AND = r"以及|(?<![普涉企波危顾])及(?![时格])"


def split_subjects(subject: str, n: int | None) -> list[str] | None:
    """A、B和C → [A, B, C] when there are n of them (any number ≥ 2 when n is None)."""
    if not subject:
        return None
    if n == 2 and subject.startswith("城乡") and not re.search(rf"、|和|{_AND}", subject):
        rest = subject[2:]
        return ["城镇" + rest, "农村" + rest]
    if n == 2 and subject.startswith("初高中"):  # 初高中阶段毛入学率分别达到100%、97.43%
        rest = subject[3:]
        return ["初中" + rest, "高中" + rest]
    if n == 2 and "存贷款" in subject:
        return [subject.replace("存贷款", "存款"), subject.replace("存贷款", "贷款")]
    if n is None and (stated := _after_a_statement(subject)) is not None:
        return stated
    # one number for several subjects (n None): 与 joins the words of one name (研究与试验发展)
    for pattern in (r"、", rf"、|和|{_AND}", rf"、|和|{_AND}|与")[: 2 if n is None else 3]:
        parts = [p for p in split_top(subject, pattern) if p]
        if (
            n is None
            and len(parts) >= 2
            and _ONE_INDUSTRY.search(subject)
            and not parts[0].endswith("业")
            and not _NAMES_A_MEASURE.search(parts[0])
        ):
            return None  # 批发和零售业, 化学原料和化学制品制造业: one industry's name (GB/T 4754)
        if (n is None and len(parts) >= 2) or (n is not None and len(parts) == n and n >= 2):
            # 城镇、农村常住居民人均可支配收入, 存、贷款余额: the modifiers share the last head
            tail = re.search(r"(占比|比重|增速|增幅)$", parts[-1])
            if tail and not any(p.endswith(tail.group()) for p in parts[:-1]):
                parts = [p + tail.group() for p in parts[:-1]] + [parts[-1]]
            # 汽车汽配、油气化工和五大百亿战略性新兴产业产值: each industry's 产值 (its 增加值
            # is another indicator); 地区生产总值、工业增加值 names a measure in each part
            measure = _INDUSTRY_MEASURE.search(parts[-1])
            if measure and not any(_NAMES_A_MEASURE.search(p) for p in parts[:-1]):
                parts = [p + measure.group() for p in parts[:-1]] + [parts[-1]]
            # 万元GDP用水量、能耗、二氧化碳排放: each an intensity per unit of GDP
            if (per := _PER_GDP.match(parts[0])) and not any(_OWN_BASE.match(p) for p in parts[1:]):
                return [parts[0]] + [per.group() + p for p in parts[1:]]
            k = len(parts[0])
            if k <= 2 and all(len(p) == k for p in parts[:-1]) and len(parts[-1]) > k + 1:
                head = parts[-1][k:]
                return [p + head for p in parts[:-1]] + [parts[-1]]
            k = len(parts[-1])
            if (
                k <= 2
                and all(len(p) == k for p in parts[1:])
                and len(parts[0]) > k + 1
                and not _STATEMENT.search(parts[0])
            ):
                # 省级农产品加工业强县、强园: the short ones share the first one's modifiers (not
                # 违建增量归零、存量降低50%'s: the first is a statement of its own)
                head = parts[0][:-k]
                return [parts[0]] + [head + p for p in parts[1:]]
            if len(parts) == 2 and parts[0].endswith("存") and parts[1].startswith("贷"):
                return [parts[0] + parts[1][1:], parts[1]]  # 存、贷款余额
            return _shared_head(parts)
    return None


_LIST_VERBS = r"(?:做强|做大|做优|壮大|培育|发展|打造|推动|加快|建设|提升)"
_LISTED = re.compile(
    rf"{_LIST_VERBS}*((?:[\u4e00-\u9fff]{{2,12}}、)+[\u4e00-\u9fff]{{2,12}}?)(?:等[^，,；;]{{0,20}})?$"
)


def _listed_before(before: str, n: int) -> list[str] | None:
    """The n things a clause lists (做强A、B、C等三个产业能级 → A, B, C), if it lists n."""
    m = _LISTED.search(before)
    if not m:
        return None
    items = m.group(1).split("、")
    items[0] = re.sub(rf"^{_LIST_VERBS}+", "", items[0])  # (继续做强A、…: the verb within)
    return items if len(items) == n and all(len(i) >= 2 for i in items) else None


_ONE_INDUSTRY = re.compile(r"业(?:增加值|固定资产投资|投资|总产值|产值|营业收入|利润|用电量)?$")
_PER_GDP = re.compile(r"^(?:万元|每万元|单位)(?:GDP|地区生产总值|生产总值)")
_OWN_BASE = re.compile(r"^(?:万元|每万元|单位|人均|每|亩均|地均|户均)")  # 人均用水量: per head
_STATEMENT = re.compile(r"归零|清零|达|实现|完成|降|提|增|减|升")
_INDUSTRY_MEASURE = re.compile(
    r"(?:综合|全产业链|年)?(?:总产值|产值|增加值|主营业务收入|营业收入|销售收入)$"
)
_NAMES_A_MEASURE = re.compile(r"(?:值|额|量|率|数|入|出|资|比|重|度|积|模|税|润|价|费|金|本)$")


_DONE = re.compile(r"(?:动态)?(?:归零|清零)$|全覆盖$")


def _after_a_statement(subject: str) -> list[str] | None:
    """违建增量归零、存量 (降低50%) → [违建存量]: an item that ends in its own predicate is a
    statement, not one of the subjects the number after the list is about; the item after it
    shares its modifiers (海口's 50% was also 违建增量归零's)."""
    parts = split_top(subject, "、")
    if len(parts) < 2 or not (done := _DONE.search(parts[-2])):
        return None
    stated, last = parts[-2][: done.start()], parts[-1]
    k = len(last)
    if k <= 2 and len(stated) > k + 1:
        return [stated[:-k] + last]
    return [last]


def _shared_head(parts: list[str]) -> list[str]:
    """城乡居民基本养老保险、基本医疗保险参保人数 → …养老保险参保人数, …医疗保险参保人数: a part
    ending in the word the last part goes on from gets the last part's head."""
    last = parts[-1]
    # 营业收入超50亿元、超100亿元产业集群: the bars after the first are of its measure too
    bar = re.match(r"(.{2,}?)(?=超过|超|逾)", parts[0])
    if bar and all(re.match(r"超过|超|逾", p) for p in parts[1:]):
        last = bar.group(1) + last
        parts = [parts[0]] + [bar.group(1) + p for p in parts[1:-1]] + [last]
    out = []
    for p in parts[:-1]:
        end = p[-2:]
        i = last.find(end)
        head = last[i + 2 :] if i >= 0 else ""
        out.append(p + head if len(head) >= 2 and not p.endswith(head) else p)
    return [*out, last]


def split_top(text: str, pattern: str) -> list[str]:
    out, depth, start = [], 0, 0
    rx = re.compile(pattern)
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "（(“《":
            depth += 1
        elif ch in "）)”》" and depth:
            depth -= 1
        elif depth == 0 and (m := rx.match(text, i)):  # at i, seeing what stands before
            out.append(text[start:i])
            i = m.end()
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


def group_subjects(
    subject: str, n: int, clause_before: Callable[[], str], earlier: Sequence[str]
) -> list[tuple[str, str | None]]:
    """(subject, how it was inferred) for each of the n figures of a group: the listed subjects
    (A、B分别…), those of the clause before (…均居全省前三位，分别较2015年增加…), those of the
    figures before, or the one subject for all (with a note)."""
    if n == 1:
        return [(subject, None)]
    parts = split_subjects(subject, n)
    if parts is not None:
        return [(p, None) for p in parts]
    if _INDUSTRY_MEASURE.fullmatch(subject) and (listed := _listed_before(clause_before(), n)):
        # 做强数字经济、石油化工新材料、现代生物医药等三个战略性新兴产业能级，产值突破4000、2000和
        # 500亿元: each listed industry's 产值, in order (海南's were one 产值 of 4000亿元)
        how = Note("extract.subject_clause_before_each")
        return [(p + subject, how) for p in listed]
    if INVESTMENT.fullmatch(subject) and len(earlier) >= n:
        # 实施32个省级重点项目、300个市级重点项目、100个市重点推进项目，力争年度投资分别超260亿元、
        # 1700亿元、1000亿元: each group of projects counted before, its investment, in order
        names = list(earlier[-n:])
        if len(set(names)) == n and all("项目" in x for x in names):
            how = Note("extract.subject_figures_before_each")
            return [(x + subject, how) for x in names]
    if not subject:
        # 本外币存、贷款余额均居全省前三位，分别较2015年增加…: the clause before's subject
        before = clause_before()
        ps = split_subjects(before, n) if before else None
        if ps is not None:
            how0 = Note("extract.subject_clause_before_each")
            return [(p, how0) for p in ps]
        if len(earlier) >= n:
            names = list(earlier[-n:])
            if len(set(names)) == len(names):
                return [(x, Note("extract.subject_figures_before_each")) for x in names]
    note = Note("extract.one_subject_for_many", n=n)
    return [(subject, note if subject else None) for _ in range(n)]


def fill_subject(
    subj: str,
    how: str | None,
    noun: str | None,
    pred: Pred,
    sent_figs: list[Found],
    para_figs: list[Found],
    clause_before: Callable[[], str],
) -> tuple[str, str | None]:
    """A figure's subject completed: the noun after a count, the subject a comparison (高于…)
    refers to, or, when there is none, the subject carried from before."""
    if noun:
        subj = (subj + noun) if subj and len(subj) <= 4 else noun
    if subj in _PRICE_QUALIFIERS:  # 扣除价格因素，实际增长8.3%: how the growth is measured
        subj = ""
    if re.match(r"^(快于|高于|低于|慢于|超出|领先|高出|超过)", subj or "") and sent_figs:
        subj, how = sent_figs[-1].indicator, Note("extract.subject_compared")
    elif (
        pred.text.startswith("比")
        and (m := re.fullmatch(r"与(.+?)之?", subj) or re.fullmatch(r"(.+?)之", subj))
        and sent_figs
        and sent_figs[-1].indicator
    ):
        # 研发经费支出21737亿元，…，与国内生产总值之比为2.19%: its share of the other
        prev = split_share(sent_figs[-1].indicator)[0]
        subj, how = f"{prev}占{m.group(1)}比重", Note("extract.subject_share")
    elif (m := _SHARE_OF_PLACE.fullmatch(subj)) and sent_figs and sent_figs[-1].indicator:
        # 服务业占比提高1.3个百分点、全省占比达到43.2%: its share of the larger place's (海口's
        # 43.2% was drafted as its own 服务业占比, which is 80.5%)
        prev = split_share(sent_figs[-1].indicator)[0]
        subj, how = f"{prev}占{m.group(1)}比重", Note("extract.subject_share")
    elif subj.startswith("占") and len(subj) > 1 and sent_figs and sent_figs[-1].indicator:
        # 规划面积达到2881平方公里，占全省面积1.85%: the share is of the figure before
        prev = split_share(sent_figs[-1].indicator)[0]
        subj, how = prev + subj, Note("extract.subject_share")
    if _BARE_TOTAL.match(subj) and not sent_figs:
        # 培育壮大市场主体，总量突破130万户: the total of the set the clause before names (bare,
        # 总量 lost 长沙's 2020 level of 120万户)
        things = _SET_NAMED.search(clause_before())
        if things is not None:
            return things.group(1), Note("extract.subject_clause_before")
    if not subj:
        prev_fig = (sent_figs or para_figs or [None])[-1]
        before = clause_before()
        if pred.same_as and prev_fig is not None:
            return prev_fig.indicator, None
        if sent_figs and prev_fig is not None and prev_fig.indicator:
            return prev_fig.indicator, Note("extract.subject_sentence")
        if before:
            return before, Note("extract.subject_clause_before")
        if prev_fig is not None and prev_fig.indicator:
            return prev_fig.indicator, Note("extract.subject_paragraph")
    return subj, how


_PRICE_QUALIFIERS = frozenset({"实际", "名义"})
_RATIO_HEAD = re.compile(r"(占比|比重|比例)$")
_SHARE_OF_PLACE = re.compile(r"(全国|全省|全区|全自治区)(?:占比|比重)")
_BARE_TOTAL = re.compile(r"^(总数|总量|总数量|数量|总规模|总计|累计总数)$")
# the set a clause names after its verbs (实施高新技术企业“量质双升”行动 → 高新技术企业)
_SET_NAMED = re.compile(
    r"(?:实施|培育|壮大|培育壮大|发展|推动|支持|引导|扶持|做大|做强|新增)*"
    r"((?:高新技术|科技型中小|规模以上工业|规上工业|上市)?企业|市场主体|[\u4e00-\u9fff]{2,6}企业)"
)
_STOCK_THEN_CHANGE = re.compile(
    r"^(.{2,}?(?:人数|户数|数量|总量|规模|余额|总额|面积|里程|装机|装机容量|容量|能力))(新增|净增)$"
)
_FLOW_WORDS = "新增|净增|新建|建成|引进|新培育|培育|认定|新认定|创建|增开|新开|开通"
_FLOW_LEAD = re.compile(rf"^({_FLOW_WORDS})")
_FLOW_TAIL = re.compile(rf"({_FLOW_WORDS})$")


# a subject taken from the text before the figure (not completed from it: extract.subject_total)
_CARRIED = frozenset(
    {
        "extract.subject_clause_before_each",
        "extract.subject_figures_before_each",
        "extract.subject_compared",
        "extract.subject_share",
        "extract.subject_sentence",
        "extract.subject_clause_before",
        "extract.subject_paragraph",
    }
)


def fit_subject(
    subj: str, how: str | None, unit: str, prev: Found | None, pred: Pred
) -> tuple[str, str | None]:
    """A subject that cannot be the figure's as it stands, completed or trimmed:
    - 总数达8个 after 新增省级经开区5个: the total of the things just counted (省级经开区总数);
    - an amount carried from a ratio's subject (民生支出占比稳定在65%以上、累计超过1660亿元): the
      amount is the ratio's part (民生支出), not the ratio."""
    if _BARE_TOTAL.match(subj) and prev is not None and prev.indicator and prev.unit == unit:
        head = _FLOW_LEAD.sub("", prev.indicator) or prev.indicator
        return head + subj, Note("extract.subject_total")
    if (
        _BARE_TOTAL.match(subj)
        and prev is not None
        and prev.indicator
        and prev.kind in ("annual", "total")
        and unit not in ("%", "个百分点")
    ):
        # 全市GDP年均增长7.9%，总量达到2802.12亿元: the level of what just grew
        return prev.indicator, Note("extract.subject_level_of", word=subj)
    if (
        _BARE_TOTAL.match(subj)
        and prev is not None
        and prev.indicator
        and prev.kind in ("level", "count")
        and (unit == "番" or (unit in ("倍", "%") and (pred.up or pred.down)))
    ):
        # 高新技术企业从444家增加到2052家，数量翻了两番多: the growth of what was just counted
        return prev.indicator, Note("extract.subject_growth_of", word=subj)
    carried = note_id(how) in _CARRIED
    if carried and re.search(r"达|增至|总数", pred.text):
        # 净增规上工业企业161户、达806户, 上市公司新增102家，达到334家: the stock reached, not
        # the things added
        for flow in (_FLOW_LEAD, _FLOW_TAIL):
            if flow.search(subj) and (stock := flow.sub("", subj)):
                return stock, Note("extract.and", first=how, then=Note("extract.stock_of_added"))
    if carried and unit not in ("%", "‰", "个百分点", "百分点") and _RATIO_HEAD.search(subj):
        part = split_share(subj)[0] if "占" in subj else _RATIO_HEAD.sub("", subj)
        if part:
            return part, Note("extract.and", first=how, then=Note("extract.ratio_part_amount"))
    return subj, how


def sibling_measure(
    subj: str, how: str | None, unit: str, before: list[Found]
) -> tuple[str, str | None]:
    """国有控股企业利润16356亿元，…；股份制企业45284亿元: a category after a sibling whose
    amount names its measure is of the same measure (股份制企业利润) — bare, it joined the same
    category's value added from another paragraph (45284 / 1.068 'was' its 2018 profit)."""
    if not subj or _NAMES_A_MEASURE.search(subj) or not _CATEGORY.search(subj):
        return subj, how
    prev = next((f for f in reversed(before) if f.kind in ("level", "count")), None)
    if prev is None or prev.unit != unit or not (m := _SIBLING_MEASURE.search(prev.indicator)):
        return subj, how
    head = prev.indicator[: m.start()]
    if not _CATEGORY.search(head) or head == subj:
        return subj, how
    note = Note("extract.sibling_measure", measure=m.group())
    return subj + m.group(), Note("extract.and", first=how, then=note) if how else note


def owner_measure(
    subj: str, how: str | None, unit: str, before: list[Found]
) -> tuple[str, str | None]:
    """高新区实现工业总产值297亿元，税收47.7亿元: a bare measure after a figure of the same
    sentence whose name is an owner's measure is the same owner's (高新区税收) — bare, it joined
    every other 税收 of the document (海口's park taxes of 47.7 and 30亿元, one indicator). So is
    an investment after a count of projects (54个项目集中开工，投资总额279亿元)."""
    # the figure before, not a part of it (签约项目2302个、其中百亿项目81个，总投资3.4万亿元: the
    # 2302 projects' investment)
    prev = next(
        (f for f in reversed(before) if f.kind in ("level", "count") and not _a_part(f)), None
    )
    if prev is None or not prev.indicator:
        return subj, how
    if (
        prev.kind == "count"
        and "项目" in prev.indicator
        and INVESTMENT.fullmatch(subj)
        and unit.endswith("元")  # 82个项目开工，确保投资增长15%: the zone's growth, not theirs
    ):
        # 54个项目集中开工，投资总额279亿元: those projects' investment (海口's was read as the
        # city's 投资总额, whose 63.7% the next sentence gives to 非房地产投资)
        owner = prev.indicator
    elif _MEASURE.fullmatch(subj) and (m := _MEASURE.search(prev.indicator)):
        owner = prev.indicator[: m.start()]
        if not _OWNER.search(owner) or owner in _NOT_OWNERS:
            return subj, how
    else:
        return subj, how
    note = Note("extract.owner_measure", owner=owner)
    return owner + subj, Note("extract.and", first=how, then=note) if how else note


_MEASURE = re.compile(
    r"(?:利润总额|利润|营业收入|营收|主营业务收入|销售收入|销售额|营业额|交易额|税收收入|税收|"
    r"工业总产值|总产值|产值|增加值|工业增加值|投资额|固定资产投资|投资|进出口总额|进出口额|"
    r"出口额|进口额|出口|进口)$"
)


def _a_part(f: Found) -> bool:
    """A figure that is a part of the one before it (其中百亿项目81个)."""
    return f.part_of is not None or f"其中{f.indicator}" in f.quote


# a bare investment, of nothing named (计划总投资, 年度投资, 完成投资, 投资总额)
INVESTMENT = re.compile(r"(?:年度|全年|年)?(?:计划)?(?:完成)?(?:总投资额?|投资总额|投资额|投资)")
_OWNER = re.compile(
    r"(?:企业|公司|集团|园区|产业园|新区|开发区|高新区|综保区|保税区|自贸区|经开区|片区|基地|港)$"
)
_NOT_OWNERS = frozenset({"地区", "全区", "城区", "市区", "辖区", "园区"})


def grain_output(subj: str, how: str | None, unit: str) -> tuple[str, str | None]:
    """保持粮食稳产高产、正常年景下达到760亿斤以上, 粮食生产再获丰收，达到101亿斤: grain by weight
    with no measure named is the harvest (粮食产量); 粮食总产 is 粮食总产量. Named so, a year's
    goal meets the year's level and the plan's (they had names of their own: 保持粮食稳产高产、
    正常年景下, 粮食生产再)."""
    if "粮食" not in subj or base_unit(unit) not in ("斤", "吨", "公斤"):
        return subj, how
    if subj.endswith("总产"):
        return subj + "量", how
    if _GRAIN_MEASURE.search(subj):
        return subj, how
    note = Note("extract.grain_output")
    return "粮食产量", Note("extract.and", first=how, then=note) if how else note


_GRAIN_MEASURE = re.compile(
    r"产量|总产|储备|面积|播种|产能|能力|收购|库存|进口|出口|消费|单产|加工"
)


def part_named_after_whole(part: str, whole: str) -> str | None:
    """建筑业企业利润8381亿元，…，其中国有控股企业2585亿元: a part that is a bare category, of a
    whole that names its measure, is named after the whole (…建筑业企业利润：其中国有控股企业)
    — bare, it joined every other 国有控股企业 of the document (industry's value added)."""
    if not part or _NAMES_A_MEASURE.search(part) or not _CATEGORY.search(part):
        return None
    if part in whole or not _SIBLING_MEASURE.search(whole):
        return None
    return f"{whole}：其中{part}"


_CATEGORY = re.compile(r"(?:企业|业|公司|行业)$")
_SIBLING_MEASURE = re.compile(
    r"(?:利润总额|利润|营业收入|主营业务收入|增加值|总产值|产值|投资额|投资)$"
)


def stock_change(subj: str) -> str | None:
    """参保人数新增66.3万人, 高新技术企业净增300家: a stock's noun then 新增 (or any noun then
    净增, which only a stock has) — the stock, whose change the figure is (not a flow of things
    called 参保人数新增); else None."""
    if m := _STOCK_THEN_CHANGE.match(subj):
        return m.group(1)
    if len(subj) > 3 and subj.endswith("净增") and "净增" not in subj[:-2]:
        return subj[:-2]
    return None


_SHARE_VERB = re.compile(
    r"实现|达到|完成|通过|接入|纳入|开展|实行|推行|覆盖|参加|使用|办理|建成|建有|配备|具备|享有"
)
_NOT_THINGS = re.compile(
    r"^(基础|目标|水平|增速|速度|幅度|增幅|任务|要求|比例|比重|份额|标准|高位|区间)"
)


PART_OF_YEAR = re.compile(
    r"(?:前三|[一二三四])季度|第[一二三四]季度|上半年|下半年|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月"
)
_YEAR_LEAD = re.compile(r"^[\s，,；;：:]*(?:(?:19|20)\d{2}\s*年(?:末|底|初)?|年末|年底)+")
# 民营经济贡献全市约55%的税收、65%的GDP: a share of the whole's things, the list's first item
_CONTRIBUTES = re.compile(r"(?:贡献|占|占到|提供|创造|吸纳)(?:全市|全省|全区|全州|全县|全国)?约?$")


def share_of_noun(text: str, tok: Token, clause: tuple[int, int], growth: bool) -> str | None:
    """88%的行政许可事项、91%的公共服务事项实现“最多跑一次”: a percentage before 的 and a noun
    is the share of those things that do what the clause says; the subject is the noun with the
    list's verb phrase and 比例 (行政许可事项实现“最多跑一次”比例). Not a rate (增长7%的目标,
    增长5%的基础上) nor a percentage that qualifies a measure (10%的增速). None otherwise."""
    clause_start, clause_end = clause
    if growth or tok.unit != "%" or tok.suffix or not text.startswith("的", tok.end):
        return None
    # 2016年末全国25.1%的村有电子商务配送站点: a time and a place are no subject (the share
    # took the paragraph's, 用类商品, and its sales' growth)
    said_before = strip_place(_YEAR_LEAD.sub("", text[clause_start : tok.start]), False)
    said_before = said_before.strip(" ，,；;：:")
    if (
        said_before
        and not said_before.endswith(("、", "和"))
        and not _CONTRIBUTES.search(said_before)
    ):
        return None  # 失业率处于2.77%的较低水平: the percentage is its subject's
    items = text[tok.end + 1 : clause_end].rstrip("。，,；;：: ").split("、")
    own, last = items[0], items[-1]
    verb = _SHARE_VERB.search(own)
    noun = own[: verb.start()] if verb else own
    if not re.fullmatch(r"[\u4e00-\u9fffA-Za-z（）]{1,16}", noun) or _NOT_THINGS.match(noun):
        return None  # (65%的GDP: a name in letters is a noun too)
    if verb is None and (verb := _SHARE_VERB.search(last)) is not None:
        own = last  # the list's verb phrase stands after its last item
    said = own[verb.start() :] if verb else ""
    return f"{noun}{said}比例"


_ADVERB = r"(?:加快|持续|深入|积极|统筹|大力|全力|滚动|稳步|着力|重点|全面|继续|扎实|有序|再|要)?"
_MANAGING = re.compile(
    rf"^{_ADVERB}(?:推进|推动|启动|抓好|办好|用好|管好|加大|打造|巩固|带动|优化|谋划|支持|"
    r"开展|组织|落实|围绕|聚焦|做好|抓|办|用)$"
)
_DOING = re.compile(
    rf"^{_ADVERB}(?:新建|建成|建设|新增|培育|创建|实施|引进|开工|投产|培养|完成|改造|新开工|"
    r"新改建|改扩建|启用|认定|评定)$"
)


def bare_verb(subject: str) -> str | None:
    """A subject that is only a verb (抓好, 加快推进, 新建): "manage" for a verb of managing, whose
    object is the indicator (抓好5个试点 → 试点), "do" for a verb of doing, which stays in the
    name (新建高标准农田); None for a subject with a noun."""
    if _MANAGING.match(subject):
        return "manage"
    if _DOING.match(subject):
        return "do"
    return None


def object_after(text: str, tok: Token, clause_end: int) -> str | None:
    """The object a count or amount stands before when it is no plain noun (“技术攻关+产业化应用”
    科技示范工程, 5G全覆盖全融合应用园区, 全域旅游示范市（县）): the words up to the next item of a
    list or the clause's end, without a closing 建设/工作; None when there is no such phrase."""
    rest = text[tok.end : clause_end]
    m = re.match(r"^[\u4e00-\u9fffA-Za-z0-9“”\"·+（）()]+", rest)
    if not m:
        return None
    phrase = re.split(r"[和及]", m.group())[0]
    phrase = re.sub(r"(?:建设|工作|行动|等)+$", "", phrase)
    if len(re.findall(r"[\u4e00-\u9fff]", phrase)) < 2 or len(phrase) > 24:
        return None
    return phrase


def verb_list_object(text: str, tok: Token, clause_end: int) -> str | None:
    """5个新建、改扩建项目: the counted things named by verbs that share one head noun — the
    whole list with its head (新建、改扩建项目), not the first verb; None without a head."""
    m = re.match(r"^[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+)+", text[tok.end : clause_end])
    if not m:
        return None
    phrase = re.sub(r"(?:建设|工作)$", "", m.group())
    return phrase if len(phrase) <= 24 and not bare_verb(phrase.rsplit("、", 1)[-1]) else None
