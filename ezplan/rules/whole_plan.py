"""Whole-plan reasoning: every figure in one interval network, and the figure most likely wrong.

The other rules check a few figures of one relation at a time. This one puts every figure of
the plan into one network of interval constraints — levels, annual rates and total growth over
each period, 元 = 美元 × one exchange rate per year, shares, parts and wholes, cumulative sums,
chained periods, percentage points — and narrows each figure's interval through every relation
until nothing changes (interval constraint propagation). A contradiction that only appears when
relations are combined is then found: an exchange rate pinned by one pair of figures that another
pair cannot meet, a share whose numerator's growth its denominator cannot follow.

Each contradiction is reported once, as a minimal set of figures that cannot all hold (drop any
one and the rest can), with the figures most likely wrong and the range each would need — error
localization, as statistical offices do it (Fellegi–Holt), for relations that are nonlinear and
figures that are rounded.

- error: impossible within the figures' rounding and bounds;
- warning: impossible only under an assumption the plan does not state — one exchange rate per
  year for all its 元/美元 pairs, an 约 figure not at the very edge of its width, a doubling
  word meaning ×2 exactly (翻番 is also said of ×1.95: as a fact it allows what 约翻番 allows), a
  cumulative target growing evenly at its stated rate (累计法; an observed sum's years went as
  they went);
- a contradiction another rule already reports is not repeated: that finding gets the likely
  culprit instead ("the likely wrong figure is 年均增长4.3%: 4.41%–4.43% would fit");
- where any one of several figures could be the wrong one, a figure one slip of a digit away
  from fitting comes first, and says so — two digits swapped, a 0 or a repeated digit left out
  or typed twice, the decimal point one place off ("39亩 → 388–392亩 (390 would fit, as if a
  digit were left out)"), only where the range pins the figure down (typos); a fix that would
  leave a 元/美元 pair at an exchange rate no plan means (outside 5–10元 per 美元) comes last;
- note: the search has limits (8 contradictions, 64 questions and 4 figures set aside together
  in each group of related figures); where it stops short, a note names the group's figures, so
  that a plan is never taken for having no more contradictions than were found.

Example: 37.6亿元 = 5.46亿美元 pins the plan's 2025 rate to 6.871–6.902元/美元; at that rate
82.6亿元 is 11.96–12.03亿美元, 增长184.2%–185.9% over 42080万美元, while the plan says 增长182%.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from functools import partial

from ezplan import fmt
from ezplan.errors import Mark
from ezplan.facts import Facts
from ezplan.figures import Comparator, Figure, Kind
from ezplan.findings import Fields, Finding, LaterData, LaterSteps, Severity, fields
from ezplan.i18n import colon
from ezplan.model import Indicator, Plan, Stated
from ezplan.network import Assumption, Contradiction, Culprit, Quantity, Step
from ezplan.rules import Amend, Outcome
from ezplan.rules._common import figure_words, joined
from ezplan.rules.currency import FX_PLAUSIBLE  # 元 per 美元 a fix may imply
from ezplan.typos import ADDED, DROPPED, POINT, SWAPPED, slip_into

CODE = "whole-plan"
TITLE = {"en": "Whole-plan reasoning", "zh": "全规划综合推算"}
DOC_ZH = """\
全规划综合推算：把全部数字放进一个区间约束网络，并指出最可能有误的数字。

其他规则每次只核对一个关系中的几个数字。本规则把规划的所有数字——各时期的水平、年均增速和全期增幅，
元 = 美元 × 每年一个汇率，占比，分项与总量，累计额，相邻时期，百分点——放进一个区间约束网络，
通过每个关系收紧每个数字的区间，直到不再变化（区间约束传播）。只有把关系组合起来才出现的矛盾由此被
发现：一对数字确定的汇率另一对数字达不到，分子的增速分母跟不上的占比。

每个矛盾只报告一次，给出一组不可能同时成立的最少数字（去掉任何一个其余就能成立），以及最可能有误的
数字和它各自需要落在的范围——即统计部门的“错误定位”（Fellegi–Holt），只是这里的关系是非线性的，数字
是经过舍入的。

- 错误：在各数字的舍入和界限范围内不可能成立；
- 警告：只有在规划未说明的假设下才不可能成立——同一年的元/美元数对按同一汇率折算，“约”的数字不在
  其范围的边缘，“翻番”恰为2倍（翻番也用于1.95倍：作为事实按约翻番理解），累计目标每年均按所述增速增
  长（累计法；已实现的累计额按实际逐年数，不作此假设）；
- 其他规则已经报告的矛盾不再重复：在那条结果中补充最可能有误的数字（“最可能有误的是年均增长4.3%：
  4.41%–4.43%方相符”）；
- 几个数字中任何一个都可能有误时，只差一处笔误就能相符的数字排在前面并注明——相邻两位数字颠倒，漏打
  或多打一个0或重复的数字，小数点错一位（“39亩→388–392亩（390即相符：疑漏打一位数字）”），仅限范围
  足以确定该数字之时；若改某数字会使一对元/美元数字的汇率超出5–10元/美元（任何规划都不会用的汇率），
  则排在最后；
- 提示：推算的搜索有上限（每组相互关联的数字中最多找8个矛盾、提64个问题、同时放开4个数字）；在搜索
  提前停止的地方，以一条提示列出这组数字，以免把规划当作只有已找到的这些矛盾。

例：37.6亿元 = 5.46亿美元把2025年汇率限定在6.871–6.902元/美元；按此汇率82.6亿元为11.96–12.03亿美元，
相对42080万美元增长184.2%–185.9%，而规划写增长182%。
"""
AFTER = 1  # after the other rules, so that what they report is not reported twice
MESSAGES = {
    "contradiction": {
        "en": "{quantity} would have to be at least {lo} and at most {hi}{assumption}: "
        "{figures} cannot all hold. {culprits}",
        "zh": "{quantity}须不低于{lo}、又不高于{hi}{assumption}：{figures}不可能同时成立。"
        "{culprits}",
    },
    "stopped": {
        "en": "the search for contradictions stopped at its limits among {count} related "
        "figures ({figures}): there may be more among them than those reported; correct "
        "those and check again",
        "zh": "在{count}个相互关联的数字（{figures}）中，矛盾的搜索达到上限后停止：其中可能还有"
        "未报告的矛盾；请更正已报告的问题后再次核对",
    },
}
MAX_CULPRITS = 3
MAX_STOPPED_SHOWN = 6  # figures named in the note of a search stopped short


def check(plan: Plan, facts: Facts, outcome: Outcome) -> Iterator[Finding | Amend]:
    analysis = facts.network
    ctx = _Context(plan, analysis.contradictions)
    selected, unselected = _Index(outcome.findings), _Index(outcome.unselected)
    amended: dict[int, Finding] = {}  # by id of the original: findings hold dicts
    blamed: set[Mark] = set()
    # the one resting on fewer assumptions first: it says more (翻番 exactly against the whole
    # width of 约14% beats the same against 约14%'s core)
    ordered = sorted(
        analysis.contradictions,
        key=lambda c: (c.tier != "error", len(c.assumptions), len(c.members)),
    )
    for c in ordered:
        severity = Severity.ERROR if c.tier == "error" else Severity.WARNING
        marks = {s.mark for s in _figures(c)}
        top = _top_figure(c)
        if unselected.covering(marks, severity) is not None:
            blamed.update(_blamed(top))
            continue  # a rule left out by --select/--ignore would report it: so do not
        local = selected.covering(marks, severity)
        if local is not None:
            current = amended.get(id(local), local)
            if current.addendum is None:
                new = _with_culprits(current, c, ctx)
                amended[id(local)] = new
                yield Amend(current, new)
            blamed.update(_blamed(top))
            continue
        if top is not None and top.member.mark in blamed:
            continue  # the same figure is already named for another facet of this contradiction
        blamed.update(_blamed(top))
        yield _finding(c, severity, ctx)
    if analysis.stopped:
        yield _stopped(analysis.stopped, ctx)


def _key(m: Stated | Assumption) -> object:
    """A member's identity, cheap to hash (a Stated hashes its whole figure)."""
    if isinstance(m, Stated):
        return m.mark
    return (m.kind, m.year, m.planned, m.stated.mark if m.stated else None, m.period)


class _Context:
    """What every contradiction's words need: the plan, who owns each figure, and each
    contradiction by its members (to name what a change would break)."""

    def __init__(self, plan: Plan, contradictions: tuple[Contradiction, ...]) -> None:
        self.plan = plan
        self.owner = {s.mark: (iid, scope) for iid, s, scope in plan.all_stated()}
        self.by_members = {frozenset(_key(m) for m in c.members): c for c in contradictions}

    def contradiction_of(self, members: tuple[Stated | Assumption, ...]) -> Contradiction | None:
        return self.by_members.get(frozenset(_key(m) for m in members))

    @functools.cached_property
    def partners(self) -> dict[Mark, Stated]:
        """Each amount of a 元/美元 pair (82.6亿元 = 12亿美元), by its mark: the other one."""
        out: dict[Mark, Stated] = {}
        for lv in self.plan.levels:
            cny = [s for s in lv.figures if s.figure.unit and s.figure.unit.currency == "CNY"]
            usd = [s for s in lv.figures if s.figure.unit and s.figure.unit.currency == "USD"]
            if cny and usd:
                out[cny[0].mark], out[usd[0].mark] = usd[0], cny[0]
        return out


class _Index:
    """Findings by the figures they are about, to find the one covering a contradiction."""

    def __init__(self, findings: list[Finding]) -> None:
        self.by_mark: dict[Mark, list[Finding]] = {}
        for f in findings:
            for m in {f.mark, *f.related}:
                self.by_mark.setdefault(m, []).append(f)

    def covering(self, marks: set[Mark], severity: Severity) -> Finding | None:
        """A finding on exactly these figures (or more), at least as severe."""
        if not marks:
            return None
        for f in self.by_mark.get(next(iter(marks)), ()):
            if f.severity >= severity and marks <= {f.mark, *f.related}:
                return f
        return None


def _figures(c: Contradiction) -> tuple[Stated, ...]:
    """The figures a contradiction is among: its members', and those its assumptions are about
    (约14.4% of its core, 翻番 of its exact reading)."""
    figures = c.figures
    if len(figures) == len(c.members):
        return figures
    by_mark: dict[Mark, Stated] = {}  # a Stated hashes its whole figure; a mark is cheap
    for m in c.members:
        s = m.stated if isinstance(m, Assumption) else m
        if s is not None:
            by_mark.setdefault(s.mark, s)
    return tuple(by_mark.values())


def _top_figure(c: Contradiction) -> Culprit | None:
    """The first figure among the culprits (each culprit is made when read: no more are)."""
    return next((cu for cu in c.culprits if isinstance(cu.member, Stated)), None)


def _blamed(top: Culprit | None) -> set[Mark]:
    return {top.member.mark} if top is not None and top.resolves_all else set()


def _with_culprits(f: Finding, c: Contradiction, ctx: _Context) -> Finding:
    packed = c
    c = replace(c, culprits=tuple(c.culprits))  # each made once (the analysis keeps them packed)
    words = _culprits_text(c, ctx)
    # after a dash the sentence goes on: "… — the likely wrong figure is …"
    addendum = {"en": " — " + words["en"][:1].lower() + words["en"][1:], "zh": "——" + words["zh"]}
    data = partial(_amended_data, f.data, packed, _owners(ctx, _figures(c)))
    return replace(f, addendum=addendum, data=LaterData(data))


def _finding(c: Contradiction, severity: Severity, ctx: _Context) -> Finding:
    # each step and culprit made once (the analysis keeps them packed); the finding's data
    # and steps are made from the packed ones when read (`LaterData`)
    packed = c
    c = replace(c, steps=tuple(c.steps), culprits=tuple(c.culprits))
    plan = ctx.plan
    top = _top_figure(c)
    anchor = top.member if top is not None else _figures(c)[0]
    iid, scope = ctx.owner.get(anchor.mark, (c.quantity.indicator, "target"))
    lo, hi = _crossing(c)
    lo_text, hi_text = crossing_texts(c.quantity, lo, hi)
    params = {
        "quantity": quantity_words(plan.indicators, c.quantity),
        "lo": lo_text,
        "hi": hi_text,
        "assumption": _assumptions(c),
        "figures": joined([figure_words(s) for s in _figures(c)]),
        "culprits": _culprits_text(c, ctx),
    }
    return Finding(
        CODE,
        severity,
        iid,
        anchor.mark,
        "contradiction",
        params,
        data=LaterData(partial(_contradiction_data, packed, _owners(ctx, _figures(c)))),
        scope=scope,
        steps=LaterSteps(partial(_steps_text, plan.indicators, packed)),
        related=tuple(s.mark for s in _figures(c) if s.mark != anchor.mark),
    )


def _stopped(figures: tuple[Stated, ...], ctx: _Context) -> Finding:
    """The note that the search stopped short among `figures` (at the first of them)."""
    first = figures[0]
    iid, scope = ctx.owner.get(first.mark, (None, "target"))
    shown = [figure_words(s) for s in figures[:MAX_STOPPED_SHOWN]]
    listed = joined(shown)
    if len(figures) > len(shown):
        listed = {"en": listed["en"] + ", …", "zh": listed["zh"] + "……"}
    return Finding(
        CODE,
        Severity.NOTE,
        iid,
        first.mark,
        "stopped",
        {"count": f"{len(figures):,}", "figures": listed},
        data=LaterData(partial(_figures_only, figures, _owners(ctx, figures))),
        scope=scope,
        related=tuple(s.mark for s in figures[1:]),
    )


def _crossing(c: Contradiction) -> tuple[float, float]:
    """The two ends of the emptied interval: the highest lower end and the lowest upper end."""
    los = [
        s.result.value for s in c.steps if s.result.quantity == c.quantity and s.result.end == "lo"
    ]
    his = [
        s.result.value for s in c.steps if s.result.quantity == c.quantity and s.result.end == "hi"
    ]
    return (max(los) if los else float("-inf")), (min(his) if his else float("inf"))


# --- words ------------------------------------------------------------------------------------


def _name(indicators: Mapping[str, Indicator], iid: str | None) -> dict[str, str]:
    if iid is None or iid not in indicators:
        return {"en": "", "zh": ""}
    ind = indicators[iid]
    return {"en": ind.name_en or ind.name, "zh": ind.name}


def _span(q: Quantity, lang: str = "en") -> str:
    assert q.period is not None
    return fmt.years(q.period[0] + 1, q.period[1], lang)


def quantity_words(indicators: Mapping[str, Indicator], q: Quantity) -> dict[str, str]:
    """What a network quantity is, in words."""
    n = _name(indicators, q.indicator)
    of = _name(indicators, q.of)
    match q.kind:
        case "level":
            year = q.year if q.year is not None else ""
            return {"en": f"{n['en']} in {year}", "zh": f"{year}年{n['zh']}"}
        case "cumulative":
            return {
                "en": f"{n['en']} summed over {_span(q)}",
                "zh": f"{n['zh']}{_span(q, 'zh')}年累计",
            }
        case "factor":
            return {
                "en": f"the growth of {n['en']} over {_span(q)}",
                "zh": f"{n['zh']}{_span(q, 'zh')}年的增长倍数",
            }
        case "annual" | "cumulative_annual":
            return {
                "en": f"the annual rate of {n['en']} over {_span(q)}",
                "zh": f"{n['zh']}{_span(q, 'zh')}年的年均增速",
            }
        case "exchange_rate":
            return {"en": f"the {q.year} exchange rate", "zh": f"{q.year}年的汇率"}
        case "share":
            return {
                "en": f"the share of {n['en']} in {of['en']} in {q.year}",
                "zh": f"{q.year}年{n['zh']}占{of['zh']}的比重",
            }
        case "change":
            return {"en": f"the change of {n['en']}", "zh": f"{n['zh']}的变化"}
    return {"en": f"a value of {n['en']}", "zh": f"{n['zh']}的一个推算值"}


def quantity_number(q: Quantity, x: float) -> float:
    """The number `quantity_value` writes for x (a rate's factor 1.095 as 9.5)."""
    return (x - 1) * 100 if q.kind in ("annual", "cumulative_annual") else x


def quantity_value(q: Quantity, x: float, digits: int = 4) -> str:
    if q.kind in ("annual", "cumulative_annual"):
        return fmt.significant((x - 1) * 100, digits) + "%"
    if q.kind == "factor":
        return fmt.factor(x, digits)
    if q.kind == "exchange_rate":
        return fmt.significant(x, digits) + "元/美元"
    return fmt.significant(x, digits) + q.unit


def crossing_texts(q: Quantity, lo: float, hi: float) -> tuple[str, str]:
    """ "at least `lo` and at most `hi`" with enough digits that the two read differently (a
    conflict by a hair would otherwise read "at least 6.748 and at most 6.748")."""
    for digits in range(4, 10):
        texts = quantity_value(q, lo, digits), quantity_value(q, hi, digits)
        if texts[0] != texts[1]:
            return texts
    return texts


def _assumptions(c: Contradiction) -> dict[str, str]:
    """The assumptions the contradiction rests on, as its message's condition."""
    said = [w for w in _told_apart(c.assumptions, assumption_words) if w["en"]]
    if not said:
        return {"en": "", "zh": ""}
    return {
        "en": " " + " and ".join("if " + w["en"] for w in said),
        "zh": "（" + "，且".join("若" + w["zh"] for w in said) + "）",
    }


def _told_apart(
    assumptions: tuple[Assumption, ...],
    words: Callable[[Assumption, dict[str, str] | None], dict[str, str]],
) -> list[dict[str, str]]:
    """Each assumption's words; two figures that read alike (翻番 in baselines.yaml and in
    targets.yaml) are named with their line."""
    texts = [a.stated.text if a.stated is not None else None for a in assumptions]
    said = []
    for a, text in zip(assumptions, texts, strict=True):
        name = None
        if a.stated is not None and texts.count(text) > 1:
            at = a.stated.mark
            name = {
                "en": f"{text} (line {at.line} of {at.file})",
                "zh": f"{at.file}第{at.line}行的{text}",
            }
        said.append(words(a, name))
    return said


def _exact(f: Figure) -> dict[str, str]:
    """What a doubling word read exactly means: ×2, at least ×2, at most ×2."""
    n = fmt.factor(f.factor(), 0)
    zh = f"{f.factor():g}倍"
    match f.comparator:
        case Comparator.AT_LEAST:
            return {"en": f"at least {n}", "zh": f"不低于{zh}"}
        case Comparator.AT_MOST:
            return {"en": f"at most {n}", "zh": f"不超过{zh}"}
    return {"en": n, "zh": zh}


def _names(a: Assumption, name: dict[str, str] | None) -> tuple[str, str]:
    """The assumption's figure as each language names it: `name`, else the figure's text."""
    if name is not None:
        return name["en"], name["zh"]
    text = a.stated.text if a.stated is not None else ""
    return text, text


# each assumption kind: what it supposes (a contradiction's "if …", a step's "assumed: …") and
# what holds instead; {en}/{zh}: the figure it is about, {exact_*}: a doubling word's exact reading
_ASSUMPTION_WORDS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "one_rate_per_year": (
        {
            "en": "all of the plan's {year} amounts convert at one exchange rate",
            "zh": "{year}年的金额按同一汇率折算",
        },
        {
            "en": "the {year} amounts converted at rates of their own",
            "zh": "{year}年的金额各按其汇率折算",
        },
    ),
    "about_core": (
        {"en": "{en} is not at the very edge of its width", "zh": "{zh}不在其范围的边缘"},
        {"en": "{en} at the edge of its width", "zh": "{zh}取其范围边缘"},
    ),
    "exact_word": (
        {"en": "{en} means {exact_en} exactly, not about it", "zh": "{zh}确指{exact_zh}而非约数"},
        {"en": "{en} read as a round word", "zh": "{zh}按约数理解"},
    ),
    "even_growth": (
        {"en": "the sum grows evenly at {rate} a year", "zh": "累计额每年均按{rate}增长"},
        {"en": "the sum growing unevenly", "zh": "累计额逐年增长不均"},
    ),
}
_OF_A_FIGURE = frozenset({"about_core", "exact_word"})


def assumption_words(a: Assumption, name: dict[str, str] | None = None) -> dict[str, str]:
    """What an assumption supposes, in words: as the condition of a contradiction ("if …")
    and as the source of a derivation step ("assumed: …"); `name`: its figure's, if not its
    text."""
    return _words(a, name, 0)


def _otherwise_words(a: Assumption, name: dict[str, str] | None = None) -> dict[str, str]:
    """What holds instead of an assumption, in words ("翻番以上 read as a round word")."""
    return _words(a, name, 1)


def _words(a: Assumption, name: dict[str, str] | None, which: int) -> dict[str, str]:
    templates = _ASSUMPTION_WORDS.get(a.kind)
    if templates is None or (a.kind in _OF_A_FIGURE and a.stated is None):
        return {"en": "", "zh": ""}
    en, zh = _names(a, name)
    exact = _exact(a.stated.figure) if a.kind == "exact_word" and a.stated else {"en": "", "zh": ""}
    params = {
        "en": en,
        "zh": zh,
        "year": a.year,
        "rate": a.stated.text if a.stated is not None else "",
        "exact_en": exact["en"],
        "exact_zh": exact["zh"],
    }
    return {lang: t.format(**params) for lang, t in templates[which].items()}


def _range(cu: Culprit, conflict_only: bool = False) -> str | None:
    r = cu.fit_conflict if conflict_only or cu.fit_component is None else cu.fit_component
    return None if r is None else fmt.span(r.lo, r.hi, r.unit)


def _slip(cu: Culprit) -> tuple[float, str] | None:
    """The value one slip of a digit away from the culprit's figure that fits (39亩 → 390亩
    in 388–392亩), if one does."""
    r = cu.fit_component if cu.fit_component is not None else cu.fit_conflict
    f = cu.member.figure if isinstance(cu.member, Stated) else None
    if r is None or f is None or f.kind is Kind.DOUBLING or f.low is not None:
        return None
    return slip_into(f.value, f.decimals, r.lo, r.hi)


def _slip_words(cu: Culprit) -> dict[str, str]:
    """' (390 would fit: a digit dropped)' / '（390即相符：疑少打一位数字）', or nothing."""
    found = _slip(cu)
    if found is None:
        return {"en": "", "zh": ""}
    f = cu.member.figure  # type: ignore[union-attr]
    value, kind = found
    decimals = f.decimals
    if kind == POINT:  # 3265.7 → 326.57: the digits as typed, the point moved
        decimals = max(0, decimals - 1) if value > f.value else decimals + 1
    shown = fmt.number(value, decimals)
    return {
        "en": f" ({shown} would fit, as if {_SLIP_WORDS[kind]['en']})",
        "zh": f"（{shown}即相符：{_SLIP_WORDS[kind]['zh']}）",
    }


_SLIP_WORDS = {
    SWAPPED: {"en": "two digits were swapped", "zh": "疑两位数字颠倒"},
    DROPPED: {"en": "a digit were left out", "zh": "疑漏打一位数字"},
    ADDED: {"en": "a digit too many were typed", "zh": "疑多打一位数字"},
    POINT: {"en": "the decimal point were one place off", "zh": "疑小数点错位"},
}


def _needs_said(cu: Culprit) -> bool:
    """Does the figure's fix visibly break what the other quantity needs: is the fitting range
    not within the needed one, nor the need a figure's own floor (≥ 0亿美元, ≥ -100.0%)?"""
    fit, needs = cu.fit_conflict, cu.blocked_needs
    if fit is None or needs is None:
        return False
    if fit.unit == needs.unit and needs.lo <= fit.lo and fit.hi <= needs.hi:
        return False
    floor = {"%": -100.0, "倍": -1.0}.get(needs.unit, 0.0)
    return not (needs.lo <= floor and needs.hi == float("inf"))


def _blocked_quantity(cu: Culprit, ctx: _Context) -> dict[str, str] | None:
    if cu.blocked_by is None:
        return None
    other = ctx.contradiction_of(cu.blocked_by)
    return None if other is None else quantity_words(ctx.plan.indicators, other.quantity)


def _fx_plausible(cu: Culprit, ctx: _Context) -> bool:
    """Does the culprit's fix leave its 元/美元 pair at a rate a plan could mean? (82.6亿元 typed
    28.6亿元 = 12亿美元: fixing the correct 37.6亿元 to 13.1亿元 = 5.46亿美元 'fits', at 2.4元
    per 美元; a reviewer's trial of typed slips.) True where it has no pair."""
    s = cu.member
    r = cu.fit_component if cu.fit_component is not None else cu.fit_conflict
    if not isinstance(s, Stated) or r is None or s.figure.unit is None:
        return True
    partner = ctx.partners.get(s.mark)
    if partner is None or partner.figure.unit is None or not math.isfinite(r.hi - r.lo):
        return True
    fixed = (r.lo + r.hi) / 2 * s.figure.unit.scale
    other = partner.figure.value * partner.figure.unit.scale
    if fixed <= 0 or other <= 0:
        return True
    rate = fixed / other if s.figure.unit.currency == "CNY" else other / fixed
    return FX_PLAUSIBLE[0] <= rate <= FX_PLAUSIBLE[1]


def _culprits_text(c: Contradiction, ctx: _Context) -> dict[str, str]:
    figures = [cu for cu in c.culprits if isinstance(cu.member, Stated)]
    if len(figures) > 1:
        # a fix one slip of a digit explains first (a typo in a small part of a sum was not
        # shown at all: the largest parts came first; a reviewer's trial of typed slips), one
        # that leaves a 元/美元 pair at an exchange rate no plan means last
        figures.sort(key=lambda cu: (not _fx_plausible(cu, ctx), _slip(cu) is None))
    figures = figures[:MAX_CULPRITS]
    if not figures and c.assumptions and not c.figures:
        # every member is an assumption, and the set is minimal: dropping any one removes it
        said = [w for w in _told_apart(c.assumptions, _otherwise_words) if w["en"]]
        return {
            "en": "Any one of these would resolve the contradiction: "
            + "; ".join(w["en"] for w in said)
            + ".",
            "zh": "以下任一即可消除：" + "；".join(w["zh"] for w in said) + "。",
        }
    if not figures:
        return {"en": "", "zh": ""}
    sure = [cu for cu in figures if cu.resolves_all]
    en, zh = [], []
    if sure and len(sure) < len(figures):
        # of fixes each resolving it alone, one that leaves a 元/美元 pair at no plausible
        # exchange rate is not a likely one (28.6亿元 typed for 82.6: not 37.6 → 13.1亿元)
        likely = [cu for cu in sure if _fx_plausible(cu, ctx)] if len(sure) > 1 else sure
        if len(likely) == 1:
            first = likely[0]
            words, fits = figure_words(first.member), _range(first)
            en.append(
                f"The likely wrong figure is {words}: {fits} would fit{_slip_words(first)['en']}"
            )
            zh.append(f"最可能有误的是{words}：{fits}方相符{_slip_words(first)['zh']}")
        else:  # each of them alone resolves it: none is more likely than the others
            said = [(figure_words(cu.member), _range(cu), _slip_words(cu)) for cu in likely or sure]
            en.append(
                "Any one of them could be what is wrong: "
                + "; ".join(f"{t} → {r}{w['en']}" for t, r, w in said)
            )
            zh.append(
                "其中任何一个都可能有误：" + "；".join(f"{t}→{r}{w['zh']}" for t, r, w in said)
            )
        for cu in figures:
            if cu.resolves_all:
                continue
            what = _blocked_quantity(cu, ctx)
            needs = (
                fmt.span(cu.blocked_needs.lo, cu.blocked_needs.hi, cu.blocked_needs.unit)
                if (cu.blocked_needs is not None)
                else None
            )
            fit = _range(cu, conflict_only=True)
            if what is not None and needs is not None and not _needs_said(cu):
                # the fix lies within what the other figure needs, in these terms ('…to
                # 11.34–11.38亿美元 would break…, which needs ≥ 0亿美元'): no break to tell
                continue
            if what is not None and needs is not None:
                text = figure_words(cu.member)
                en.append(
                    f"changing {text} instead (to {fit}) would break what {what['en']} must be, "
                    f"which needs {needs}"
                )
                zh.append(
                    f"若改{text}（为{fit}），则{what['zh']}的推算不成立：它要求{text}为{needs}"
                )
        return {"en": "; ".join(en) + ".", "zh": "；".join(zh) + "。"}
    ranged = [(figure_words(cu.member), _range(cu), _slip_words(cu)) for cu in figures]
    options = [(t, r, w) for t, r, w in ranged if r is not None]
    if len(options) == 1:  # the others are assumptions: the message's "if …" says them
        ((t, r, w),) = options
        return {
            "en": f"If a figure is wrong, it is {t}: {r} would fit{w['en']}.",
            "zh": f"若有数字写错，错的是{t}：改为{r}方相符{w['zh']}。",
        }
    en.append(
        "Any one of them could be what is wrong: "
        + "; ".join(f"{t} → {r}{w['en']}" for t, r, w in options)
    )
    zh.append("其中任何一个都可能有误：" + "；".join(f"{t}→{r}{w['zh']}" for t, r, w in options))
    return {"en": en[0] + ".", "zh": zh[0] + "。"}


# --- data for machines and explain --------------------------------------------------------------


# A contradiction's data is made when a finding's data is read (`LaterData`): from the
# analysis's packed contradiction and its figures' indicators, all it keeps of its own.


def _owners(ctx: _Context, figures: tuple[Stated, ...]) -> tuple[str | None, ...]:
    """The indicator each figure belongs to."""
    owner = ctx.owner.get
    return tuple(owner(s.mark, (None,))[0] for s in figures)


def _contradiction_data(c: Contradiction, owners: tuple[str | None, ...]) -> dict:
    return {
        "tier": c.tier,
        "figures": _figures_data(_figures(c), owners),
        "assumptions": [_assumption_data(a) for a in c.assumptions],
        "culprits": _culprits_data(c),
    }


def _amended_data(data: Mapping, c: Contradiction, owners: tuple[str | None, ...]) -> dict:
    """Another rule's finding's data, with the contradiction's figures and culprits."""
    return {**data, "figures": _figures_data(_figures(c), owners), "culprits": _culprits_data(c)}


def _figures_only(figures: tuple[Stated, ...], owners: tuple[str | None, ...]) -> dict:
    return {"figures": _figures_data(figures, owners)}


def _figures_data(figures: tuple[Stated, ...], owners: tuple[str | None, ...]) -> list[Fields]:
    # the note of a search stopped short lists every figure of its group (250,000 in a plan of
    # 100,000 indicators): made as `Fields`, never a dict first
    return [
        _FIGURE((iid, s.text, s.mark.file, s.mark.line, s.mark.column, s.quote))
        for s, iid in zip(figures, owners, strict=True)
    ]


def _steps_text(indicators: Mapping[str, Indicator], c: Contradiction) -> list[dict[str, str]]:
    return [_step_text(indicators, s) for s in c.steps]


_FIGURE = type(fields(dict.fromkeys(("indicator", "text", "file", "line", "column", "quote"))))


def _assumption_data(a: Assumption) -> dict:
    return {"kind": a.kind, "year": a.year, "figure": a.stated.text if a.stated else None}


def _culprits_data(c: Contradiction) -> list[dict]:
    out = []
    for cu in c.culprits:
        r = cu.fit_component or cu.fit_conflict
        out.append(
            {
                "figure": cu.member.text if isinstance(cu.member, Stated) else None,
                "assumption": _assumption_data(cu.member)
                if isinstance(cu.member, Assumption)
                else None,
                "line": cu.member.mark.line if isinstance(cu.member, Stated) else None,
                "resolves_all": cu.resolves_all,
                "fits": None if r is None else {"low": r.lo, "high": r.hi, "unit": r.unit},
            }
        )
    return out


_RELATION_WORDS = {
    "growth": {"en": "level × growth", "zh": "水平 × 增长倍数"},
    "compound": {"en": "annual rate compounded", "zh": "年均增速复合"},
    "chain": {"en": "growth over consecutive periods", "zh": "相邻时期增长连乘"},
    "cumulative": {"en": "base-year amount × Σ growth", "zh": "基期金额 × Σ增长"},
    "cumulative_sum": {"en": "Σ (1 + rate)^t", "zh": "Σ(1 + 增速)^t"},
    "exchange": {"en": "美元 × exchange rate = 元", "zh": "美元 × 汇率 = 元"},
    "share": {"en": "share × whole", "zh": "占比 × 总量"},
    "parts": {"en": "sum of the parts", "zh": "分项之和"},
    "part_of": {"en": "a part is at most its whole", "zh": "分项不大于总量"},
    "points": {"en": "level + change in points", "zh": "水平 + 百分点变化"},
    "same_rate": {"en": "one exchange rate a year", "zh": "每年一个汇率"},
}


def _step_text(indicators: Mapping[str, Indicator], s: Step) -> dict[str, str]:
    """One derivation step as explain shows it, in both languages (the numbers, which read the
    same in both, written once)."""
    what = quantity_words(indicators, s.result.quantity)
    end = "≥" if s.result.end == "lo" else "≤"
    value = quantity_value(s.result.quantity, s.result.value)
    if isinstance(s.source, Stated):
        src = figure_words(s.source)
        return {lang: f"{what[lang]} {end} {value} ← {src}" for lang in ("en", "zh")}
    if s.source is not None:
        said = assumption_words(s.source)
        kind = s.source.kind  # (a kind with no words yet is named as it is)
        assumed = {"en": f"assumed: {said['en'] or kind}", "zh": f"假设{said['zh'] or kind}"}
        return {lang: f"{what[lang]} {end} {value} ← {assumed[lang]}" for lang in ("en", "zh")}
    if s.relation is None:
        return {lang: f"{what[lang]} {end} {value}" for lang in ("en", "zh")}
    inputs = [
        (quantity_words(indicators, i.quantity), quantity_value(i.quantity, i.value))
        for i in s.inputs
    ]
    out = {}
    for lang in ("en", "zh"):
        named = joined([f"{words[lang]} {v}" for words, v in inputs])[lang]
        how = _RELATION_WORDS.get(s.relation.kind, {}).get(lang, s.relation.kind)
        after_label = colon(lang)
        out[lang] = f"{what[lang]} {end} {value} ← {how}{after_label}{named}"
    return out
