"""The summary table's rows read the reasons the `unchecked` rule found, rather than finding
them again: the same rows as found afresh, whatever rules are chosen."""

from __future__ import annotations

import random

import pytest

from benchmarks.make_plan import make
from ezplan import rules
from ezplan.facts import Facts
from ezplan.loader import load_plan
from ezplan.verdicts import target_rows

from .conftest import ROOT
from .plangen import consistent_plan, inconsistent_plan


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    root = tmp_path_factory.mktemp("rows")
    out = [ROOT, make(root / "generated", 20)]
    for seed in range(8):
        g = (consistent_plan if seed % 2 else inconsistent_plan)(random.Random(seed))
        d = root / f"p{seed}"
        d.mkdir()
        (d / "baselines.yaml").write_text(g.baselines, encoding="utf-8")
        (d / "targets.yaml").write_text(g.targets, encoding="utf-8")
        out.append(d)
    return out


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
