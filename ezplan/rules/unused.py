"""Baseline indicators that nothing uses.

An indicator of baselines.yaml that is no target, is no part, whole or denominator of another,
and states no growth or change over a period (nor a sum, 累计, beside a level of one of its
years) takes part in no relation: nothing checks it. That is often right (an achievement
recorded for the record) and sometimes a slip (a target whose id is spelt differently). One
note lists them all, so that a reader can tell which is which.
"""

from __future__ import annotations

from collections.abc import Iterator

from ezplan.facts import Facts
from ezplan.findings import Finding, Severity
from ezplan.i18n import counted
from ezplan.model import Plan

CODE = "unused"
TITLE = {"en": "Indicators of baselines.yaml nothing uses", "zh": "baselines.yaml 中未被使用的指标"}
LEVEL = "note"  # the most severe it reports (SARIF's default level)
DOC_ZH = """\
baselines.yaml 中未被使用的指标。

baselines.yaml 中既非目标、又不是其他指标的分项、总量或分母、也未列出任何时期增长或变化（也没有
与其期内某年水平并列的累计额）的指标，不参与任何关系，没有被核对。这往往没错（为备查而记录的成绩），有时却是疏漏（目标
的代码拼写不同）。一条提示列出全部这类指标，便于读者分辨。
"""
MESSAGES = {
    "unused": {
        "en": "{count} in baselines.yaml, in no target or relation, and so not checked: {names}",
        "zh": "baselines.yaml 中有{count}项指标不属于任何目标或关系，未经核对：{names}",
    },
}


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    used = set(plan.target_ids)
    for ind in plan.indicators.values():
        if ind.parts or ind.part_of:
            used.add(ind.id)
            used.update(ind.parts)
            if ind.part_of:
                used.add(ind.part_of)
    for sc in plan.shares:
        used.update((sc.indicator, sc.of))
    used.update(g.indicator for g in plan.growth)
    for c in plan.cumulative:  # a sum is set against the levels stated for its own years
        if any(
            lv.scope == c.scope and lv.year is not None and c.base_year < lv.year <= c.end_year
            for lv in plan.levels_of(c.indicator)
        ):
            used.add(c.indicator)
    used.update(p.indicator for p in plan.points)
    unused = [
        ind
        for ind in plan.indicators.values()
        if ind.id not in used and not ind.is_project and ind.mark.file == plan.baselines_file
    ]
    if not unused:
        return
    names = {
        "en": ", ".join(f"{i.id} ({i.name_en or i.name})" for i in unused),
        "zh": "、".join(f"{i.name}（{i.id}）" for i in unused),
    }
    count = {lang: counted(len(unused), "indicator", lang) for lang in ("en", "zh")}
    params = {"count": count, "names": names}
    yield Finding(CODE, Severity.NOTE, None, unused[0].mark, "unused", params, scope="file")
