"""The summary table's rows follow what was judged when every rule has run, not what was judged
when the `unchecked` rule found its reasons: a rule that runs after it may judge a target, or
take a judgement back."""

from __future__ import annotations

from types import ModuleType

import pytest

from ezplan import rules
from ezplan.facts import Facts
from ezplan.findings import Checked
from ezplan.loader import load_plan
from ezplan.report import report
from ezplan.verdicts import CONSISTENT, NOT_CHECKABLE, unchecked_reason

from .conftest import ROOT

UNCHECKED = "ecommerce_firms_introduced"  # the bundled plan's target stated by one figure
JUDGED = "online_retail"  # its one figure (约210亿元) judged by part-whole alone


def _late(check) -> rules.Rule:
    """A rule that runs after `unchecked` (AFTER 3 > 2), doing `check(plan, outcome)`."""
    module = ModuleType("late")
    module.CODE = "late"
    module.AFTER = 3
    module.MESSAGES = {}
    module.check = lambda plan, facts, outcome: check(plan, outcome)
    return rules.Rule("late", {"en": "late", "zh": "late"}, "", module)


def _rows(extra: rules.Rule):
    plan = load_plan(ROOT)
    chosen = [*rules.all_rules(), extra]
    assert [r.code for r in sorted(chosen, key=lambda r: r.after)][-2:] == ["unchecked", "late"]
    return plan, {row.indicator: row for row in report(plan, chosen).rows}


@pytest.fixture(scope="module")
def before():
    return {row.indicator: row for row in report(load_plan(ROOT)).rows}


def test_a_target_judged_after_the_unchecked_rule_is_consistent(before):
    def judge(plan, outcome):
        yield Checked("late", UNCHECKED)

    assert before[UNCHECKED].status == NOT_CHECKABLE
    _, rows = _rows(_late(judge))
    assert rows[UNCHECKED].status == CONSISTENT
    assert rows[UNCHECKED].checks == ("late",)
    assert rows[UNCHECKED].reason is None
    assert {k: v for k, v in rows.items() if k != UNCHECKED} == {
        k: v for k, v in before.items() if k != UNCHECKED
    }


def test_a_judgement_taken_back_after_the_unchecked_rule_gives_the_reason(before):
    def take_back(plan, outcome):
        outcome.checked[:] = [c for c in outcome.checked if c.indicator != JUDGED]
        yield from ()

    assert before[JUDGED].status == CONSISTENT
    plan, rows = _rows(_late(take_back))
    assert rows[JUDGED].status == NOT_CHECKABLE
    assert rows[JUDGED].checks == ()
    assert rows[JUDGED].reason == unchecked_reason(plan, Facts(plan), JUDGED)
    assert rows[JUDGED].reason.code == "single-figure"
    assert {k: v for k, v in rows.items() if k != JUDGED} == {
        k: v for k, v in before.items() if k != JUDGED
    }
