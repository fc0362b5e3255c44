"""Each target's verdict: consistent, not checkable, or its worst finding — never two.

"Consistent" is earned: at least one relation among the target's figures was judged by a rule
(the rules say so with a `Checked`). A target none of whose relations could be judged is *not
checkable*, with the reason, so that a plan that checked nothing never looks clean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ezplan import engine, fmt
from ezplan.facts import Facts, can_exceed, rate_bound
from ezplan.figures import Comparator
from ezplan.findings import Checked, Finding, Severity, worst
from ezplan.i18n import t
from ezplan.model import Amount, Indicator, Plan, Stated

CONSISTENT, NOT_CHECKABLE = "consistent", "not_checkable"
STATUSES = (CONSISTENT, NOT_CHECKABLE, "warning", "error")


@dataclass(frozen=True)
class Reason:
    """Why a target cannot be checked: a message id of the `unchecked` rule and its params."""

    code: str
    params: dict[str, str | dict[str, str]]  # a dict value holds the text per language


@dataclass(frozen=True)
class TargetRow:
    """One target as the summary table shows it."""

    indicator: str
    name: str
    name_en: str | None
    base_year: int
    end_year: int
    base: Stated | None
    target: tuple[Stated, ...]  # the end-year level(s), or the cumulative amount
    cumulative: bool
    stated_rate: Stated | None
    stated_total: Stated | None
    implied_rate: float | None  # from the levels (水平法), or 累计法 for cumulative targets
    implied_bound: str | None  # "≥"/"≤" when the levels are bounds, so the rate is one too
    verdict: Severity | None  # the worst warning or error on this target
    checks: tuple[str, ...]  # the rules that judged a relation of this target
    reason: Reason | None  # why it is not checkable
    weighed_by: tuple[tuple[str, int, int, str], ...] = ()  # keys of the findings weighing on it
    stated_change: Stated | None = None  # a ratio indicator's 提高2个百分点
    implied_points: float | None = None  # a ratio indicator's change a year, in points

    @property
    def stated(self) -> tuple[Stated, ...]:
        """The growth or change the plan states for the target, as the tables list it."""
        return tuple(s for s in (self.stated_rate, self.stated_total, self.stated_change) if s)

    def implied(self, lang: str) -> str:
        """The implied change a year as the tables show it: 8.89%, ≥ 2.46%; a ratio
        indicator's in points (+2.00 pp), as its milestones say it ("—": none)."""
        if self.implied_rate is None:
            return "—"
        points = self.implied_points is not None
        value = self.implied_points if points else self.implied_rate
        shown = fmt.rate_a_year(value, points, lang)  # type: ignore[arg-type]
        return f"{self.implied_bound} {shown}" if self.implied_bound else shown

    def label(self, lang: str) -> str:
        return (self.name_en or self.name) if lang == "en" else self.name

    @property
    def status(self) -> str:
        if self.verdict is not None and self.verdict > Severity.NOTE:
            return self.verdict.label
        return CONSISTENT if self.checks else NOT_CHECKABLE


def target_rows(
    plan: Plan,
    facts: Facts,
    findings: list[Finding],
    checked: list[Checked],
    reasons: dict[str, Reason] | None = None,
) -> list[TargetRow]:
    """The summary table's rows. `reasons`: why each target none of whose relations was
    judged is not checkable, where the `unchecked` rule found it already."""
    problems = findings_by_target(plan, findings)
    judged: dict[str, list[str]] = {}
    for c in checked:
        if c.scope == "target" and c.check not in judged.setdefault(c.indicator, []):
            judged[c.indicator].append(c.check)
    implied = _implied_rates(plan, facts)
    unjudged = [iid for iid in plan.target_ids if not judged.get(iid)]
    if reasons is None:
        reasons = unchecked_reasons(plan, facts, unjudged)
    else:
        # found for what was judged when the rule ran: a rule after it may have judged one of
        # those targets since (its reason is not read) or taken a judgement back (found here)
        missing = [iid for iid in unjudged if iid not in reasons]
        if missing:
            reasons = reasons | unchecked_reasons(plan, facts, missing)
    rows = []
    for iid in plan.target_ids:
        ind = plan.indicators[iid]
        st = plan.target(iid)
        claim, cum, level, by, ey = st.growth, st.cumulative, st.level, st.base_year, st.end_year
        base = facts.amount(iid, by)
        target: tuple[Stated, ...] = ()
        if level is not None:
            target = level.figures
        elif cum is not None:
            target = cum.amounts
        rate, bound = implied.get(iid, (None, None))
        change = next((p.change for p in plan.points_of(iid) if p.scope == "target"), None)
        points = None
        if ind.unit.is_percent and rate is not None and base is not None and level is not None:
            end = facts.amount(iid, ey)
            points = (end.face - base.face) / (ey - by) if end is not None else None
        checks = tuple(judged.get(iid, ()))
        rows.append(
            TargetRow(
                iid,
                ind.name,
                ind.name_en,
                by,
                ey,
                base.stated if base else None,
                target,
                level is None and cum is not None,
                claim.annual if claim else None,
                claim.total if claim else None,
                rate,
                bound,
                worst(problems.get(iid, [])),
                checks,
                None if checks else reasons[iid],
                tuple(f.key for f in problems.get(iid, ())),
                change,
                points,
            )
        )
    return rows


def findings_by_target(plan: Plan, findings: list[Finding]) -> dict[str, list[Finding]]:
    """The warnings and errors that weigh on each target, in the order given: those on the
    target, and those one of the target's own figures takes part in (a part larger than its
    whole; a whole-plan contradiction filed under another indicator)."""
    owner = {s.mark: iid for iid in plan.target_ids for s in target_figures(plan, iid)}
    problems: dict[str, list[Finding]] = {}
    for f in findings:
        if f.severity <= Severity.NOTE:
            continue
        on = {f.indicator} if f.scope == "target" and f.indicator else set()
        on |= {owner[m] for m in (f.mark, *f.related) if m in owner}
        for iid in sorted(on):
            problems.setdefault(iid, []).append(f)
    return problems


def _implied_rates(plan: Plan, facts: Facts) -> dict[str, tuple[float, str | None]]:
    """Each target's annual rate from its base to its target level (水平法), or to its
    cumulative amount (累计法); a bound on a level makes the rate one too (≥, ≤). Computed for
    all targets at once."""
    by_levels, by_sums = [], []
    for iid in plan.target_ids:
        st = plan.target(iid)
        by, ey = st.base_year, st.end_year
        base, end = facts.amount(iid, by), facts.amount(iid, ey)
        if base is None:
            continue
        if end is not None and st.level is not None:
            if met_at_base(base, end, plan.indicators[iid]) == "rounds":
                continue  # 5.5%左右 from 5.45%: a level to hold, no rate (not +0.01 pp a year)
            by_levels.append((iid, base, end, ey - by))
        elif st.cumulative is not None:
            s = facts.stated_val(iid, st.cumulative.amounts[0])
            if s is not None:
                by_sums.append((iid, base, s, st.cumulative.years))
    out: dict[str, tuple[float, str | None]] = {}
    if by_levels:
        r = engine.annual_rate(*_columns([(b.face, e.face, n) for _, b, e, n in by_levels]))
        good = r.ok & np.isfinite(r.value)
        for i, (iid, base, end, _) in enumerate(by_levels):
            if good[i]:
                # a bound on either level bounds the rate: 超过300亿元 from an exact base is "≥"
                bound = rate_bound(base, end)
                if bound != "":  # 300万吨以上 to 300万吨以上: either way, no rate follows
                    out[iid] = (float(r.value[i]), bound)
    if by_sums:
        r = engine.cumulative_rate(*_columns([(b.face, s.face, n) for _, b, s, n in by_sums]))
        for i, (iid, base, total, _) in enumerate(by_sums):
            # 累计13万户以上 from 34289户: at least the rate the floor needs
            bound = rate_bound(base, total)
            if r.ok[i] and bound != "":
                out[iid] = (float(r.value[i]), bound)
    return out


def _columns(rows: list[tuple[float, ...]]) -> list[np.ndarray]:
    """Rows of numbers as one float array per column."""
    return list(np.array(rows, dtype=np.float64).T)


def unchecked_reason(plan: Plan, facts: Facts, iid: str) -> Reason:
    """Why no relation of target `iid` could be judged, in the terms a planner can act on."""
    return unchecked_reasons(plan, facts, [iid])[iid]


def unchecked_reasons(plan: Plan, facts: Facts, iids: list[str]) -> dict[str, Reason]:
    """`unchecked_reason` of each of `iids`, their rates computed all at once."""
    out: dict[str, Reason] = {}
    # (iid, params, base, end or None, years, annual rate or None, (reason code, rate's bound))
    single = []
    parts: dict[str, list[str]] = {}  # each whole's parts (part_of), looked up per target
    for k, ind in plan.indicators.items():
        if ind.part_of:
            parts.setdefault(ind.part_of, []).append(k)
    for iid in iids:
        reason = _reason(plan, facts, iid, parts)
        if isinstance(reason, Reason):
            out[iid] = reason
        else:
            single.append(reason)
    if not single:
        return out
    out |= _single_reasons(plan, single)
    return {iid: out[iid] for iid in iids}


def no_level_words(plan: Plan, year: int | str) -> dict[str, str]:
    """'baselines.yaml records no 2020 level' — or, for a plan drafted from a document (scan,
    extract), whose planner wrote no baselines.yaml, that none was found in the document."""
    where = "document" if plan.document else "baselines"
    return {lang: t(f"no_level_{where}", lang, year=year) for lang in ("en", "zh")}


def _single_reasons(plan: Plan, single: list[tuple]) -> dict[str, Reason]:
    """For targets with one figure and a base: the rate their levels imply, or the level their
    rate gives — computed for all of them at once."""
    out: dict[str, Reason] = {}
    base = np.array([x[2].face for x in single])
    years = np.array([x[4] for x in single], dtype=np.float64)
    end = np.array([x[3].face if x[3] is not None else 1.0 for x in single])
    rate = np.array([x[5] if x[5] is not None else 0.0 for x in single])
    r = engine.annual_rate(base, end, years)
    g = engine.grow(base, rate, years)
    for i, (iid, params, b, e, _, annual, (code, bound)) in enumerate(single):
        # the rate's own bound: a floor at the end (100亿元以上) or a ceiling at the base gives
        # at least a rate, a floor at the base (突破900万人 to 1000万人) at most one
        ends = (b.stated.figure.bound, e.stated.figure.bound) if e is not None else (None, None)
        rate_bound = {
            (None, None): None,
            (None, "at_least"): "at_least",
            (None, "at_most"): "at_most",
            ("at_least", None): "at_most",
            ("at_most", None): "at_least",
        }.get(ends, "")
        if e is not None and rate_bound == "":
            # 300万吨以上 in 2020 and in 2021: two bounds fix no rate
            out[iid] = Reason("single-figure", params)
        elif e is not None and (how := met_at_base(b, e, plan.indicators[iid])) is not None:
            # 5.5%左右 from 5.45%: no change is required (as milestones says), not '+0.05 pp'
            why = {
                lang: t(
                    f"met_at_base_{how}",
                    lang,
                    target=e.stated.text,
                    base=b.stated.text,
                    year=params["base_year"],
                )
                for lang in ("en", "zh")
            }
            out[iid] = Reason("met-at-base", params | {"why": why})
        elif e is not None and r.ok[i]:
            words = fmt.growth_words(float(r.value[i]), 2)
            if plan.indicators[iid].unit.is_percent:  # 45% → 55%: +2.00 points a year
                pp = (e.face - b.face) / float(years[i])
                words = {"en": fmt.rate_a_year(pp, True, "en"), "zh": fmt.points_words(pp)["zh"]}
            # 100亿元以上: at least the rate to 100亿元; from 突破900万人: at most the rate
            if rate_bound:
                words = fmt.bounded_words(words, rate_bound)
            # over one year (2020→2021) no 年均: 增长不低于5.78%, not 年均增长不低于5.78%
            a_year = {"en": " a year", "zh": "年均"} if years[i] > 1 else {"en": "", "zh": ""}
            out[iid] = Reason("level-only", params | {"rate": words, "a_year": a_year})
        elif annual is not None and g.ok[i]:
            unit = plan.indicators[iid].unit
            dec = fmt.decimals_in(b.stated.figure, unit) + 1
            amount = fmt.amount(float(g.value[i]), unit, dec)
            # 增长10%以上 from 143.8亿元: at least 158.18亿元
            en, zh = {"at_least": ("≥ ", "不低于"), "at_most": ("≤ ", "不高于")}.get(
                bound or "", ("", "")
            )
            out[iid] = Reason(code, params | {"level": {"en": en + amount, "zh": zh + amount}})
        else:
            out[iid] = Reason("single-figure", params)
    return out


FLOW_NAME = re.compile(
    r"新增|净增|新签|新开工|完成投资|投资完成|^(?:新建|新培育|新认定|新引进|引进|招引)"
)
"""The names of flows: what is done in a year (新增市场主体, 城镇新增就业, 重点项目完成投资)."""


def met_at_base(base: Amount, target: Amount, ind: Indicator) -> str | None:
    """How a base-year level already meets the target level, so that no change is required:
    under a ceiling (以内, 不超过; 左右 or a plain figure that is kept down — 控制在5.5%左右, or
    an indicator whose `direction` is down), over a floor (以上, 不低于) — a base written as
    近 or 约 a figure only if every value it allows is (近100亿元 is not 100亿元以上) — or
    within the rounding of the target figure (5.45% is 5.5% to the one decimal the plan
    writes). None otherwise, and never for a flow, whose every year starts from nothing (新增市场
    主体, 新签约项目, 完成投资: what was done in 2020 does not count towards 2021)."""
    if FLOW_NAME.search(ind.name):  # 新增市场主体2.6万户以上 after 34289户 in 2020
        return None
    stated = target.stated
    comparator = stated.figure.comparator
    exact = base.stated.figure.comparator is Comparator.EXACT
    low, high = (base.face, base.face) if exact else (base.lo, base.hi)
    kept_down = ind.direction == "down" or f"控制在{stated.text}" in (stated.quote or "")
    if comparator is Comparator.AT_MOST or (
        kept_down and comparator in (Comparator.ABOUT, Comparator.EXACT)
    ):
        return "ceiling" if high <= target.face else None
    if comparator is Comparator.AT_LEAST:
        return "floor" if low >= target.face else None
    value = stated.figure.value
    if comparator not in (Comparator.ABOUT, Comparator.EXACT) or not value:
        return None
    # the figure's rounding (half its last digit), in the indicator's unit
    half = abs(stated.figure.half_step * target.face / value)
    return "rounds" if abs(base.face - target.face) <= half * (1 + 1e-9) else None


def _reason(plan: Plan, facts: Facts, iid: str, parts: dict[str, list[str]]) -> Reason | tuple:
    """The reason, or for a target with a single figure and a base, what its rate needs."""
    st = plan.target(iid)
    by, ey = st.base_year, st.end_year
    figures = target_figures(plan, iid)
    texts = [s.text for s in figures]
    shown = {"en": ", ".join(texts), "zh": "、".join(texts)}  # as each language lists them
    params: dict[str, str | dict[str, str]] = {
        "figures": shown,
        "base_year": str(by),
        "end_year": str(ey),
    }
    level = st.level
    if level is not None and plan.amount(level) is None:
        return Reason("no-exchange-rate", params | {"unit": str(plan.indicators[iid].unit)})
    growth = st.growth
    if growth is not None and growth.constant_prices:
        if level is not None or facts.amount(iid, by) is not None:
            # the growth's figures only (2000亿元左右 is a level, not the growth)
            rates = [s.text for s in figures if level is None or s not in level.figures]
            said = {"en": ", ".join(rates), "zh": "、".join(rates)}
            return Reason("constant-prices", params | {"figures": said})
        # no level to set it against: 地区生产总值增长6% alone is not checkable for that
        return Reason("single-figure" if len(figures) <= 1 else "no-relation", params)
    recorded = [lv.year for lv in plan.levels_of(iid) if lv.scope == "history"]
    needs_base = growth is not None or st.cumulative is not None or bool(plan.points_of(iid))
    base = facts.amount(iid, by)
    if base is None and (needs_base or recorded):
        later = sorted(y for y in recorded if y is not None and by < y < ey)
        params["recorded"] = ", ".join(str(y) for y in later) or "—"
        params["no_level"] = no_level_words(plan, by)
        return Reason("no-base" if not later else "no-base-later", params)
    if base is not None and len(figures) == 1 and base.face > 0:
        params["base"] = base.stated.text
        end = facts.amount(iid, ey) if level is not None else None
        annual, code = None, "rate-only"
        if growth is not None and growth.annual is not None:
            annual = growth.annual.figure.value / 100
        elif growth is not None and growth.total is not None and ey > by:
            # 增长8% from 143.8亿元 in 2020: the level it gives, as a rate's (克州, 贵港 were told
            # '增长8% is the only figure stated' with their 2020 level in the file)
            factor = growth.total.figure.factor()
            if factor > 0:
                annual, code = factor ** (1 / (ey - by)) - 1, "growth-only"
        if end is not None or annual is not None:
            said = growth.annual or growth.total if growth is not None else None
            bound = said.figure.bound if said is not None and end is None else None
            return (iid, params, base, end, ey - by, annual, (code, bound))
    if base is not None and base.face > 0 and st.cumulative is not None and len(figures) == 1:
        # 累计75万人 over 2021–2025 from 16.3万人 in 2020: a rate (the cumulative rule's note
        # says it), not 'the only figure stated'
        return Reason("sum-only", params | {"base": base.stated.text})
    if len(figures) <= 1 and (kin := _part_whole_target(plan, facts, iid, ey, parts)):
        other, role = kin
        return Reason("part-cannot-fail", params | {"other": other, "role": _ROLE[role]})
    if len(figures) <= 1:
        return Reason("single-figure", params)
    return Reason("no-relation", params)


_ROLE = {"part": {"en": "its part", "zh": "其分项"}, "whole": {"en": "its whole", "zh": "其总量"}}


def _part_whole_target(
    plan: Plan, facts: Facts, iid: str, year: int, parts: dict[str, list[str]]
) -> tuple[str, str] | None:
    """The target level of `iid`'s whole or of a part of it in `year`, and which it is, when the
    two cannot contradict each other — a whole with no ceiling (1900个以上) holds any part, a
    part with no floor fits any whole (part-whole.py judges no such pair)."""
    ind = plan.indicators.get(iid)
    pairs = [(iid, ind.part_of)] if ind is not None and ind.part_of else []
    pairs += [(k, iid) for k in parts.get(iid, ())]
    for part, whole in pairs:
        kin = whole if part == iid else part
        level = plan.target(kin).level
        p, w = facts.amount(part, year), facts.amount(whole, year)
        if level is None or p is None or w is None:
            continue
        if not can_exceed(p.lo, w.hi):
            return level.figures[0].text, "whole" if part == iid else "part"
    return None


def target_figures(plan: Plan, iid: str) -> list[Stated]:
    """Every figure targets.yaml states for `iid`."""
    st = plan.target(iid)
    out: list[Stated] = []
    if st.level is not None:
        out.extend(st.level.figures)
    if st.growth is not None:
        out.extend(s for s in (st.growth.annual, st.growth.total) if s is not None)
    if st.cumulative is not None:
        out.extend(st.cumulative.amounts)
    out.extend(sc.value for sc in plan.shares_of(iid) if sc.scope == "target")
    out.extend(p.change for p in plan.points_of(iid) if p.scope == "target")
    return out


def counts(rows: list[TargetRow]) -> dict[str, int]:
    """How many targets have each status."""
    out = dict.fromkeys(STATUSES, 0)
    for r in rows:
        out[r.status] += 1
    return out


def reason_text(row: TargetRow, lang: str) -> str:
    """Why a target is not checkable, in words ("" when it is)."""
    from ezplan.rules import message_template

    if row.reason is None:
        return ""
    text = message_template("unchecked", row.reason.code, lang)
    params = {
        k: v.get(lang) or v["en"] if isinstance(v, dict) else v
        for k, v in row.reason.params.items()
    }
    return text.format_map(_Blank(params))


class _Blank(dict):
    """Message params with any the reason does not carry left empty."""

    def __missing__(self, key: str) -> str:
        return ""
