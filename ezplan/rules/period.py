"""The plan period and its base year.

A period's base year is the year before its first year, as in statistical usage: 2021-2025 runs
from the 2020 level, and 2016-2019 from 2015. Writing the 14th plan as ``2020-2025`` therefore
makes 2019 its base year. When baselines.yaml records levels in the year after the base year
but none in the base year itself, the period is probably off by one: this rule warns and says
which period is likely meant — otherwise no target has a base-year level and nothing is checked.

Example: ``period: 2020-2025`` with 2020 levels recorded and none for 2019: warning, "is the
period 2021-2025 (base year 2020) meant?"
"""

from __future__ import annotations

from collections.abc import Iterator

from ezplan.facts import Facts
from ezplan.findings import Finding, Severity
from ezplan.model import Plan

CODE = "period"
TITLE = {"en": "Plan period and base year", "zh": "规划期与基期"}
LEVEL = "warning"  # the most severe it reports (SARIF's default level)
DOC_ZH = """\
规划期与基期。

按统计用语，时期的基期是其首年的前一年：2021-2025从2020年水平起算，2016-2019从2015年起算。因此把
“十四五”写成 2020-2025 会使基期成为2019年。baselines.yaml 记录了基期次年的水平、却没有基期本身的
水平时，规划期很可能错了一年：本规则给出警告并指出可能的规划期——否则没有目标有基期水平，什么也核
对不了。

例：period: 2020-2025，记录有2020年水平而无2019年：警告，“规划期是否应为2021-2025（基期
2020年）？”
"""
MESSAGES = {
    "off-by-one": {
        "en": "the period {period} has base year {base_year} (the year before its first), but "
        "baselines.yaml records no {base_year} level and {count} in {next_year}: is the period "
        "{suggest} (base year {next_year}) meant?",
        "zh": "规划期{period}的基期为{base_year}年（首年的前一年），但baselines.yaml没有"
        "{base_year}年的水平，却有{count}项{next_year}年的水平：规划期是否应为{suggest}"
        "（基期{next_year}年）？",
    },
}


def check(plan: Plan, facts: Facts) -> Iterator[Finding]:
    by = plan.base_year
    history = [lv for lv in plan.levels if lv.scope == "history"]
    if any(lv.year == by for lv in history):
        return
    following = {lv.indicator for lv in history if lv.year == by + 1}
    if not following or by + 1 >= plan.target_year:
        return
    params = {
        "period": f"{by + 1}-{plan.target_year}",
        "base_year": str(by),
        "next_year": str(by + 1),
        "count": str(len(following)),
        "suggest": f"{by + 2}-{plan.target_year}",
    }
    mark = plan.period_mark or plan.mark
    yield Finding(CODE, Severity.WARNING, None, mark, "off-by-one", params, scope="plan")
