"""What a large plan's check does not keep: a finding's data and steps made when read
(`LaterData`, `LaterSteps`: the whole-plan rule's, from the analysis's packed contradictions,
read as the kept ones were and pickled as them), and the values the rules compare, let go
before the later rules run."""

from __future__ import annotations

import pickle

import pytest

from ezplan.findings import Fields, LaterData, LaterSteps, PerLanguage, steps_in
from ezplan.loader import load_plan
from ezplan.report import report

from .conftest import ROOT


@pytest.fixture(scope="module")
def bundled():
    plan = load_plan(ROOT)
    # the rule's own findings, and those of other rules it names a likely culprit in
    return plan, [f for f in report(plan).findings if type(f.data) is LaterData]


def test_a_mapping_made_when_read():
    made = []

    def make():
        made.append(1)
        return {"a": 1, "b": [2, 3]}

    data = LaterData(make)
    assert made == []  # nothing made until read
    assert dict(data) == {"a": 1, "b": [2, 3]} and data == {"a": 1, "b": [2, 3]}
    assert len(data) == 2 and "b" in data and data["a"] == 1 and list(data) == ["a", "b"]
    assert list(data.values()) == [1, [2, 3]] and dict(data.items()) == {"a": 1, "b": [2, 3]}
    with pytest.raises(KeyError):
        data["c"]
    assert data["b"] is not data["b"]  # made each time: nothing kept


def test_steps_made_when_read_read_as_a_rules_steps():
    steps = LaterSteps(lambda: [{"en": "x ≥ 2", "zh": "x ≥ 2（中）"}, "1 + 1 = 2"])
    assert list(steps) == [PerLanguage("x ≥ 2", "x ≥ 2（中）"), "1 + 1 = 2"]
    assert len(steps) == 2 and steps[1] == "1 + 1 = 2" and steps[0].zh == "x ≥ 2（中）"
    assert steps == (PerLanguage("x ≥ 2", "x ≥ 2（中）"), "1 + 1 = 2")
    assert steps != ("1 + 1 = 2",)
    assert pickle.loads(pickle.dumps(steps)) == tuple(steps)


def test_the_whole_plan_rules_data_names_each_figure_it_is_about(bundled):
    """Each figure record is one of the finding's own positions, under the indicator the plan
    states it for (read from the plan, not from the analysis)."""
    plan, found = bundled
    owner = {s.mark: iid for iid, s, _ in plan.all_stated()}
    own = [f for f in found if f.check == "whole-plan"]
    amended = [f for f in found if f.check != "whole-plan"]
    assert own and all(f.addendum is None and type(f.steps) is LaterSteps for f in own)
    assert len(amended) >= 3 and all(f.addendum is not None for f in amended)
    for f in found:
        marks = {(m.file, m.line, m.column): m for m in (f.mark, *f.related)}
        figures = f.data["figures"]
        assert len(figures) >= 2
        for record in figures:
            mark = marks[(record["file"], record["line"], record["column"])]
            assert record["indicator"] == owner[mark]
        assert f.data["culprits"] and all("resolves_all" in c for c in f.data["culprits"])
        en = steps_in(f, "en")
        assert en and len(en) == len(f.steps) and en == steps_in(f, "en")
    assert all(f.data["tier"] in ("error", "warning") for f in own)


def test_a_finding_pickles_as_the_data_it_makes(bundled):
    """Many plans' results cross from a worker pickled: what arrives is the data, kept."""
    _, found = bundled
    for f in found:
        back = pickle.loads(pickle.dumps(f))
        assert back == f
        assert isinstance(back.data, Fields) and type(back.steps) is tuple
        assert back.data["figures"] == f.data["figures"]


def test_the_later_rules_run_without_the_values_the_earlier_ones_compared():
    """The values by slot and the implied levels go once the rules that compare values have run
    (the whole-plan rule and the target rows read neither); read again, they are remade the same."""
    from ezplan import rules
    from ezplan.facts import Facts

    plan = load_plan(ROOT)
    facts = Facts(plan)
    seen = {}

    def later_check(plan, facts, outcome):
        seen["kept"] = {"slots", "implied"} & set(facts.__dict__)
        return iter(())

    local = [r for r in rules.all_rules() if not r.after]
    later = rules.Rule("later", {"en": "", "zh": ""}, "", type("M", (), {"AFTER": 1}))
    later.module.check = later_check
    rules.evaluate(plan, [*local, later], facts)
    assert seen["kept"] == set()
    fresh = Facts(plan)
    assert facts.slots == fresh.slots and len(fresh.slots) > 0
    assert facts.implied == fresh.implied
