"""The summary table's rows read the reasons the `unchecked` rule found, rather than finding
them again: the same rows as found afresh, whatever rules are chosen."""

from __future__ import annotations

import pytest

from benchmarks.make_plan import make
from ezplan import rules
from ezplan.facts import Facts
from ezplan.loader import load_plan
from ezplan.verdicts import target_rows

from .conftest import ROOT
from .plangen import write_mixed_plans


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    root = tmp_path_factory.mktemp("rows")
    return [ROOT, make(root / "generated", 20), *write_mixed_plans(root, 8)]


@pytest.mark.parametrize(
    "codes", [None, ["unchecked"], ["unchecked", "level-rate", "part-whole"], ["growth-rate"]]
)
def test_rows_with_the_rules_reasons_are_the_rows_found_afresh(plans, codes):
    chosen = [rules.rule(c) for c in codes] if codes else None
    for d in plans:
        plan = load_plan(d)
        facts = Facts(plan)
        outcome = rules.evaluate(plan, chosen, facts)
        assert (outcome.reasons is not None) == (codes is None or "unchecked" in codes)
        given = target_rows(plan, facts, outcome.findings, outcome.checked, outcome.reasons)
        afresh = target_rows(plan, Facts(plan), outcome.findings, outcome.checked)
        assert given == afresh
