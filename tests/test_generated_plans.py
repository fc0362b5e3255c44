"""Generated plans (tests/plangen.py): consistent by construction across every figure form, and
with one relation made truly infeasible.

- a consistent plan gets no error (warnings — rounding, plausibility — and notes may come);
- an inconsistent plan gets an error on the target whose figures cannot all hold, and on no
  other.

CI runs a few dozen of each, the same every time; `python benchmarks/generated_long.py` runs
thousands (EZPLAN_GENERATED_PLANS).
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ezplan import rules
from ezplan.findings import Severity
from ezplan.loader import load_plan
from tests.plangen import BROKEN, Gen, GeneratedPlan, consistent_plan, inconsistent_plan

PLANS = int(os.environ.get("EZPLAN_GENERATED_PLANS", "40"))
SETTINGS = settings(
    max_examples=PLANS,
    derandomize=not os.environ.get("EZPLAN_GENERATED_RANDOM"),
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
seeds = st.integers(min_value=0, max_value=2**32 - 1)


def run(baselines: str, targets: str):
    directory = Path(tempfile.mkdtemp(prefix="ezplan-gen-"))
    try:
        (directory / "baselines.yaml").write_text(baselines, encoding="utf-8")
        (directory / "targets.yaml").write_text(targets, encoding="utf-8")
        return rules.run(load_plan(directory))
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def errors_of(found):
    return [f for f in found if f.severity is Severity.ERROR]


def describe(plan, found) -> str:
    lines = "\n".join(f"  {f.mark} {f.check} [{f.indicator}] {f.message('en')}" for f in found)
    return (
        f"{plan.why}\n{lines}\n--- baselines.yaml\n{plan.baselines}--- targets.yaml\n{plan.targets}"
    )


@pytest.mark.parametrize("form", Gen.FORMS)
def test_each_form_alone_is_consistent(form):
    for seed in range(3):
        g = Gen(random.Random(seed))
        getattr(g, form)()
        b, t = g.text()
        found = run(b, t)
        plan = GeneratedPlan(b, t, [form], why=form)
        assert not errors_of(found), describe(plan, errors_of(found))


@pytest.mark.parametrize("kind", BROKEN, ids=lambda k: k.__name__.removeprefix("_broken_"))
def test_each_infeasible_change_is_caught(kind):
    caught = 0
    for seed in range(40):
        rng = random.Random(seed)
        g = Gen(rng)
        made = kind(g, rng)
        if made is None:
            continue
        broken, why = made
        b, t = g.text()
        found = run(b, t)
        wrong = {f.indicator for f in errors_of(found)}
        assert wrong & broken, f"{why}\n{b}{t}"
        caught += 1
        if caught == 3:
            return
    pytest.fail(f"{kind.__name__} made no infeasible plan in 40 tries")


@SETTINGS
@given(seeds)
def test_generated_consistent_plans_have_no_error(seed):
    plan = consistent_plan(random.Random(seed))
    found = run(plan.baselines, plan.targets)
    assert not errors_of(found), describe(plan, errors_of(found))
    for form in plan.forms:
        event(form.split("-")[0])


@SETTINGS
@given(seeds)
def test_generated_infeasible_changes_are_caught(seed):
    plan = inconsistent_plan(random.Random(seed))
    found = run(plan.baselines, plan.targets)
    wrong = {f.indicator for f in errors_of(found)}
    assert wrong & plan.broken, describe(plan, found)
    assert wrong <= plan.broken | {None}, describe(plan, errors_of(found))
    event(plan.why.split(":")[0])
