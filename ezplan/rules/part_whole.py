"""Parts and wholes.

An indicator with `parts:` is the sum of those parts (exports + imports = total trade; the
four areas of a zone = its total area); an indicator with `part_of:` is included in another
(其中 新批合同外资 of 合同外资) without being all of it. For every year (and every cumulative
period, and project figures) where the values are known:

- error: a part larger than its whole, or parts whose sum cannot equal the total, beyond the
  rounding of the figures;
- warning: the same, but only at face value — within rounding they can agree;
- note: a part the plan does not state but its whole and the other parts imply (imports =
  total − exports), with the growth that part then needs; and the share a part makes of its
  whole at the target year.

Levels implied by stated historical growth are used too, so that 2015 exports and imports,
never stated, are checked against 2015 total trade. A part and a whole that cannot contradict
each other — a whole with no ceiling (1900个以上 holds any part), a part with no floor — are not
judged: the target is then not checkable, and the `unchecked` note says why.

Example: 合同外资 8.1亿美元 "其中新批合同外资8.98亿美元": the part exceeds the whole: error.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ezplan import engine, fmt
from ezplan.facts import Facts, Slot, Val, can_exceed
from ezplan.findings import Checked, Finding, Severity
from ezplan.model import Plan
from ezplan.rules._common import (
    data_val,
    judge,
    name,
    overlap,
    rate_words,
    show_amount,
    within,
)

CODE = "part-whole"
TITLE = {"en": "Parts and wholes", "zh": "分项与总量"}
DOC_ZH = """\
分项与总量。

列有 parts: 的指标等于各分项之和（出口 + 进口 = 外贸进出口总额；园区四个功能区面积之和 = 规划用
地）；列有 part_of: 的指标包含于另一指标（“其中”），但不一定是其全部。对每一年（及每个累计时期、
项目数字）：

- 错误：分项大于总量，或分项之和超出舍入范围仍不等于总量；
- 警告：同上，但仅按字面——在舍入范围内可以相符；
- 提示：规划未列出的某一分项由总量和其他分项推得（进口 = 总额 − 出口）及其所需增速；目标年分项占
  总量的比重。

由历史增速推得的水平也参与核对，因此未列出的2015年出口与进口之和会与2015年外贸总额比较。不可能相互
矛盾的分项与总量——总量没有上限（1900个以上可容纳任何分项）、分项没有下限——不作核对：该目标为“无法
核对”，由 unchecked 提示说明原因。

例：合同外资8.1亿美元，“其中新批合同外资8.98亿美元”：分项大于总量，错误。
"""
MESSAGES = {
    "part-exceeds": {
        "en": "{part_name} {part} is larger than the whole it is part of, {whole_name} {whole}"
        "{when}",
        "zh": "{part_name}{part}大于其所属总量{whole_name}{whole}{when}",
    },
    "part-exceeds-rounding": {
        "en": "{part_name} {part} exceeds {whole_name} {whole}{when} at face value; only "
        "within rounding can it be a part of it",
        "zh": "{part_name}{part}按字面大于{whole_name}{whole}{when}；"
        "仅在舍入范围内才可能是其一部分",
    },
    "sum": {
        "en": "the parts of {whole_name}{when} add up to {sum} ({terms}), not {whole}",
        "zh": "{whole_name}{when}的分项合计为{sum}（{terms}），而非{whole}",
    },
    "sum-rounding": {
        "en": "the parts of {whole_name}{when} add up to {sum} ({terms}), not {whole}; they "
        "agree only within rounding",
        "zh": "{whole_name}{when}的分项合计为{sum}（{terms}），而非{whole}；仅在舍入范围内相符",
    },
    "derived": {
        "en": "{part_name}{when} is not stated; {whole_name} minus the other parts implies "
        "{value}{growth}",
        "zh": "{part_name}{when}未列出；{whole_name}减去其他分项推得{value}{growth}",
    },
    "share": {
        "en": "{part_name} {part} is {share} of {whole_name} {whole}{when}",
        "zh": "{part_name}{part}占{whole_name}{whole}的{share}{when}",
    },
}

_WHEN = {
    "en": lambda key: (
        f" in {key[1]}"
        if key[0] == "level" and key[1] is not None
        else f" over {key[1] + 1}–{key[2]}"
        if key[0] == "cum"
        else ""
    ),
    "zh": lambda key: (
        f"（{key[1]}年）"
        if key[0] == "level" and key[1] is not None
        else f"（{key[1] + 1}—{key[2]}年累计）"
        if key[0] == "cum"
        else ""
    ),
}


def _when_data(key: tuple) -> dict[str, int | str | None]:
    """Where in time a slot stands, for machines: a year, or a period summed over."""
    if key[0] == "cum":
        return {"period": f"{key[1] + 1}-{key[2]}"}
    return {"year": key[1]}


def _when(key: tuple) -> dict[str, str]:
    return {lang: f(key) for lang, f in _WHEN.items()}


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    yield from _subsets(plan, facts)
    yield from _sums(plan, facts)


def _in_unit(facts: Facts, slot: Slot, src: str, dst: str) -> Val | None:
    return facts.convert(slot.value, facts.unit(src), facts.unit(dst))


def _text(plan: Plan, iid: str, slot: Slot) -> str:
    if slot.implied:
        return show_amount(plan, iid, slot.value.face, None, 1) + "*"
    return slot.stated.text


def _subsets(plan: Plan, facts: Facts) -> Iterator[Finding]:
    """part_of: a part may not exceed its whole."""
    cases = []
    for iid, ind in plan.indicators.items():
        if ind.part_of is None:
            continue
        for key, pslot in facts.slots.get(iid, {}).items():
            wslot = facts.slots.get(ind.part_of, {}).get(key)
            if wslot is None or (pslot.implied and wslot.implied):
                continue
            pv = _in_unit(facts, pslot, iid, ind.part_of)
            if pv is not None:
                cases.append((iid, ind.part_of, key, pslot, wslot, pv))
    if not cases:
        return
    p = np.array([c[5] for c in cases])
    w = np.array([c[4].value for c in cases])
    feasible = p[:, 1] <= w[:, 2] + 1e-12 * np.abs(w[:, 2])
    as_written = p[:, 0] <= w[:, 0]
    # 吉林's 1900个以上, 其中…超过300个 was ✓ and a '15.8%' share: nothing is compared
    falsifiable = can_exceed(p[:, 1], w[:, 2]).tolist()
    verdicts = zip(cases, judge(feasible, as_written), falsifiable, strict=True)
    for (iid, wid, key, ps, ws, pv), sev, can_fail in verdicts:
        if not can_fail:
            continue
        yield from _checked((iid, ps), (wid, ws))
        # no error: a note of the part's share of a stated target (of any year: 广东省's 2021
        # 公办幼儿园学位6万个 of 9.6万个 was marked checked with nothing to show for it), else
        # nothing (and no words)
        share_note = key[0] == "level" and ps.scope == "target" and not ps.implied
        if sev is None and not (share_note and ws.value.face > 0):
            continue
        params = _names(plan, iid, wid, key) | {
            "part": _text(plan, iid, ps),
            "whole": _text(plan, wid, ws),
        }
        data = {"part": data_val(pv), "whole": data_val(ws.value)} | _when_data(key)
        data["unit"] = str(facts.unit(wid))
        if sev is not None:
            mid = "part-exceeds" if sev is Severity.ERROR else "part-exceeds-rounding"
            yield Finding(
                CODE,
                sev,
                iid,
                ps.stated.mark,
                mid,
                params,
                data=data,
                scope=ps.scope,
                related=(ws.stated.mark,),
                steps=(f"{pv.face:g} > {ws.value.face:g} {facts.unit(wid)}",),
            )
        else:
            share = pv.face / ws.value.face * 100
            params["share"] = fmt.percent(share, 1)
            yield Finding(
                CODE,
                Severity.NOTE,
                iid,
                ps.stated.mark,
                "share",
                params,
                data=data | {"share": share},
                scope=ps.scope,
                related=(ws.stated.mark,),
            )


def _checked(*sides: tuple[str, Slot]) -> Iterator[Checked]:
    """Each stated side of a judged part-whole relation has had a relation checked."""
    for iid, slot in sides:
        if not slot.implied:
            yield Checked(CODE, iid, slot.scope)


def _names(plan: Plan, part: str, whole: str, key: tuple) -> dict:
    return {"part_name": name(plan, part), "whole_name": name(plan, whole), "when": _when(key)}


def _sums(plan: Plan, facts: Facts) -> Iterator[Finding]:
    """parts: the parts add up to the whole; a single missing part is derived."""
    sums, derived = [], []
    for wid, ind in plan.indicators.items():
        if not ind.parts:
            continue
        for key, ws in facts.slots.get(wid, {}).items():
            known = {}
            for pid in ind.parts:
                ps = facts.slots.get(pid, {}).get(key)
                pv = _in_unit(facts, ps, pid, wid) if ps is not None else None
                if pv is not None:
                    known[pid] = (ps, pv)
            missing = [p for p in ind.parts if p not in known]
            if not missing and not (ws.implied and all(k[0].implied for k in known.values())):
                sums.append((wid, key, ws, known))
            elif len(missing) == 1 and not ws.implied and ws.scope == "target":
                derived.append((wid, key, ws, known, missing[0]))
    if sums:
        whole = np.array([s[2].value for s in sums])
        total = np.array([[sum(v[1][j] for v in s[3].values()) for j in range(3)] for s in sums])
        feasible = overlap(total[:, 1], total[:, 2], whole[:, 1], whole[:, 2])
        as_written = within(total[:, 0], whole[:, 1], whole[:, 2]) | within(
            whole[:, 0], total[:, 1], total[:, 2]
        )
        for (wid, key, ws, known), sev, t in zip(
            sums, judge(feasible, as_written), total, strict=True
        ):
            yield from _checked((wid, ws), *((pid, ps) for pid, (ps, _) in known.items()))
            if sev is None:
                continue
            terms = " + ".join(_text(plan, pid, ps) for pid, (ps, _) in known.items())
            params = {
                "whole_name": name(plan, wid),
                "when": _when(key),
                "whole": _text(plan, wid, ws),
                "terms": terms,
                "sum": show_amount(plan, wid, float(t[0]), ws.stated if not ws.implied else None),
            }
            mid = "sum" if sev is Severity.ERROR else "sum-rounding"
            yield Finding(
                CODE,
                sev,
                wid,
                ws.stated.mark,
                mid,
                params,
                data={
                    "sum": data_val(Val(*t)),
                    "whole": data_val(ws.value),
                    "unit": str(facts.unit(wid)),
                }
                | _when_data(key),
                scope=ws.scope,
                related=tuple(ps.stated.mark for ps, _ in known.values()),
                steps=(
                    f"{terms} = {t[0]:g} {facts.unit(wid)} ∈ [{t[1]:g}, {t[2]:g}] ↔ "
                    f"[{ws.value.lo:g}, {ws.value.hi:g}]",
                ),
            )
    yield from _derived_all(plan, facts, derived)


def _derived_all(plan: Plan, facts: Facts, derived: list) -> Iterator[Finding]:
    """The missing part of each whole, with the rate it grows at from the base year (all the
    rates computed at once)."""
    cases = []
    for wid, key, ws, known, pid in derived:
        w = ws.value
        others = [v for _, v in known.values()]
        face = w.face - sum(o.face for o in others)
        lo = w.lo - sum(o.hi for o in others)
        hi = w.hi - sum(o.lo for o in others)
        d = facts.convert(Val(face, lo, hi), facts.unit(wid), facts.unit(pid)) or Val(face, lo, hi)
        base = facts.level(pid, plan.base_year) if key[0] == "level" else None
        grows = base is not None and key[1] is not None and d.face > 0 and base.face > 0
        cases.append((wid, key, ws, known, pid, d, base if grows else None))
    growing = [c for c in cases if c[6] is not None]
    rate: dict[int, float] = {}
    if growing:
        r = engine.annual_rate(
            np.array([c[6].face for c in growing]),  # type: ignore[union-attr]
            np.array([c[5].face for c in growing]),
            np.array([c[1][1] - plan.base_year for c in growing], dtype=np.float64),
        )
        rate = {id(c): float(v) for c, v in zip(growing, r.value, strict=True)}
    for c in cases:
        yield _derived(plan, facts, *c, rate.get(id(c)))


def _derived(
    plan: Plan,
    facts: Facts,
    wid: str,
    key: tuple,
    ws: Slot,
    known: dict,
    pid: str,
    d: Val,
    base: Val | None,
    rate: float | None,
) -> Finding:
    w = ws.value
    others = [v for _, v in known.values()]
    face = w.face - sum(o.face for o in others)
    lo = w.lo - sum(o.hi for o in others)
    hi = w.hi - sum(o.lo for o in others)
    wunit, punit = facts.unit(wid), facts.unit(pid)
    dec = max(
        fmt.decimals_in(s.figure, wunit)
        for s in [ws.stated, *(ps.stated for ps, _ in known.values())]
    )
    shown = fmt.amount(d.face, punit, dec)
    alt = _other_currency(plan, wid, key, known)
    value: str | dict[str, str] = shown
    if alt:
        value = {"en": f"{shown} ({alt})", "zh": f"{shown}（{alt}）"}
    growth: str | dict[str, str] = ""
    data: dict = {"derived": data_val(d), "unit": str(punit)} | _when_data(key)
    if base is not None and rate is not None:
        b_text = show_amount(plan, pid, base.face, None, 3)
        g_words = fmt.growth_words(d.face / base.face - 1, 1)
        r_words = rate_words(rate, None)
        growth = {
            "en": f"; against {b_text} in {plan.base_year} that is a change of {g_words['en']}, "
            f"{r_words['en']} a year",
            "zh": f"；相对{plan.base_year}年的{b_text}{g_words['zh']}，年均{r_words['zh']}",
        }
        data |= {"base": base.face, "factor": d.face / base.face, "annual_rate": rate}
    params = _names(plan, pid, wid, key) | {"value": value, "growth": growth}
    return Finding(
        CODE,
        Severity.NOTE,
        pid,
        ws.stated.mark,
        "derived",
        params,
        data=data,
        scope=ws.scope,
        related=tuple(ps.stated.mark for ps, _ in known.values()),
        steps=(
            f"{w.face:g} − {' − '.join(f'{o.face:g}' for o in others)} = "
            f"{face:g} {wunit} ∈ [{lo:g}, {hi:g}]",
        ),
    )


def _other_currency(plan: Plan, wid: str, key: tuple, known: dict) -> str:
    """The derived part in the other currency, when the whole and every other part give it."""
    if key[0] != "level":
        return ""
    wl = plan.level(wid, key[1])
    unit = plan.indicators[wid].unit
    if wl is None or unit.currency is None:
        return ""
    for s in wl.figures:
        u = s.figure.unit
        if u is None or u.currency is None or u.currency == unit.currency:
            continue
        total = s.figure.value * u.scale
        for pid in known:
            pl = plan.level(pid, key[1])
            match = [
                p
                for p in (pl.figures if pl else ())
                if p.figure.unit and p.figure.unit.currency == u.currency
            ]
            if not match:
                return ""
            total -= match[0].figure.value * match[0].figure.unit.scale  # type: ignore[union-attr]
        return fmt.amount(total / u.scale, u, s.figure.decimals)
    return ""
