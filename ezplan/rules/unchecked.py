"""Targets that cannot be checked.

A target is called consistent only when some relation among its figures was actually judged
(a level against a rate, a total against a rate, parts against their whole …). When none could
be — no base-year level in baselines.yaml, a single figure, units that do not convert, growth at
constant prices against current-price levels — the target's verdict is *not checkable* and
this rule says why, as a note, so that a plan that checked nothing never looks clean. Under
`--strict`, a target that is not checkable fails the check unless the settings say
`strict_unchecked = false`.

Example: `period: 2020-2025` has base year 2019 (a period's base year is the year before its
first); with only 2020 levels recorded, no target can be checked, and the note suggests the
period 2021-2025.
"""

from __future__ import annotations

from collections.abc import Iterator

from ezplan.facts import Facts
from ezplan.findings import Finding, Severity
from ezplan.model import Plan
from ezplan.rules import Outcome
from ezplan.verdicts import target_figures, unchecked_reasons

CODE = "unchecked"
TITLE = {"en": "Targets that cannot be checked", "zh": "无法核对的目标"}
LEVEL = "note"  # the most severe it reports (SARIF's default level)
DOC_ZH = """\
无法核对的目标。

只有当目标的数字之间至少有一个关系真正被核对过（水平对增速、增幅对增速、分项对总量……），才称其
“一致”。如果一个也核对不了——baselines.yaml 没有基期水平、只有一个数字、单位无法换算、可比价增速
对现价水平——该目标的结论为“无法核对”，本规则以提示说明原因，使什么都没核对的规划不会显得没有问
题。在 --strict 下，无法核对的目标也视为未通过，除非设置 strict_unchecked = false。

例：period: 2020-2025 的基期为2019年（时期的基期是其首年的前一年）；若只记录了2020年水平，则没有
目标能核对，提示建议规划期为2021-2025。
"""
AFTER = 2  # runs after the other rules (the whole-plan rule too), on what they judged
MESSAGES = {
    "no-base": {
        "en": "not checkable: {no_level} for {figures} to start from ({base_year}→{end_year})",
        "zh": "无法核对：{no_level}，{figures}无从起算（{base_year}→{end_year}年）",
    },
    "no-base-later": {
        "en": "not checkable: {no_level} for {figures} to start from, only {recorded}: is the "
        "period {suggest} (base year {first_recorded}) meant?",
        "zh": "无法核对：{no_level}，{figures}无从起算，只有{recorded}年的：是否应为{suggest}"
        "（基期{first_recorded}年）？",
    },
    "no-exchange-rate": {
        "en": "not checkable: {figures} cannot be converted to {unit} without an exchange rate; "
        "declare plan.exchange_rate or state the amount in {unit} too",
        "zh": "无法核对：没有汇率，{figures}无法折算为{unit}；请在plan中声明exchange_rate，"
        "或同时列出以{unit}计的数额",
    },
    "constant-prices": {
        "en": "not checkable: the growth {figures} is at constant prices and the levels "
        "are at current prices, which are not compared",
        "zh": "无法核对：增速{figures}按可比价计算，水平为现价，二者不作比较",
    },
    "level-only": {
        "en": "not checkable: only the {end_year} level {figures} is stated; from {base} in "
        "{base_year} it means {rate}{a_year}, which no stated rate or growth confirms",
        "zh": "无法核对：仅列出{end_year}年水平{figures}；相对{base_year}年的{base}意味着{a_year}"
        "{rate}，但规划未列出可印证的增速或增幅",
    },
    "met-at-base": {
        "en": "not checkable: only the {end_year} level {figures} is stated; {why}",
        "zh": "无法核对：仅列出{end_year}年水平{figures}；{why}",
    },
    "rate-only": {
        "en": "not checkable: only the rate {figures} is stated; from {base} in {base_year} it "
        "means {level} by {end_year}, which no stated level confirms",
        "zh": "无法核对：仅列出增速{figures}；由{base_year}年的{base}推得{end_year}年为{level}，"
        "但规划未列出可印证的目标水平",
    },
    "growth-only": {
        "en": "not checkable: only the growth {figures} is stated; from {base} in {base_year} it "
        "means {level} by {end_year}, which no stated level confirms",
        "zh": "无法核对：仅列出“{figures}”；由{base_year}年的{base}推得{end_year}年为{level}，"
        "但规划未列出可印证的目标水平",
    },
    "sum-only": {
        "en": "not checkable: only the sum {figures} is stated; with {base} in {base_year} it "
        "implies a rate (累计法), which no stated rate or level confirms",
        "zh": "无法核对：仅列出累计额{figures}；结合{base_year}年的{base}可推得增速（累计法），"
        "但规划未列出可印证的增速或目标水平",
    },
    "single-figure": {
        "en": "not checkable: {figures} is the only figure stated for this target; nothing "
        "to compare it with",
        "zh": "无法核对：该目标仅列出“{figures}”这一个数字，无可比较的对象",
    },
    "part-cannot-fail": {
        "en": "not checkable: {figures} and {role} {other} cannot contradict each other (a "
        "whole with no ceiling, or a part with no floor, holds any figure)",
        "zh": "无法核对：{figures}与{role}{other}不可能相互矛盾（总量没有上限，或分项没有下限）",
    },
    "no-relation": {
        "en": "not checkable: no rate, growth, sum or share ties {figures} to another figure",
        "zh": "无法核对：{figures}与其他数字之间没有增速、增幅、合计或占比关系",
    },
}


def check(plan: Plan, facts: Facts, outcome: Outcome) -> Iterator[Finding]:
    done = {c.indicator for c in outcome.checked if c.scope == "target"}
    reasons = unchecked_reasons(plan, facts, [iid for iid in plan.target_ids if iid not in done])
    outcome.reasons = reasons  # the summary table's rows give the same reasons
    for iid, reason in reasons.items():
        params = dict(reason.params)
        if reason.code == "no-base-later":
            first = int(params["recorded"].split(",")[0])
            params |= {"suggest": f"{first + 1}-{params['end_year']}", "first_recorded": str(first)}
        figures = target_figures(plan, iid)
        mark = figures[0].mark if figures else plan.target_marks[iid]
        yield Finding(CODE, Severity.NOTE, iid, mark, reason.code, params)
