"""Plans analysed together (analyse_many, as the process pool does) get what each gets alone.

Solved as one network, a plan's components are still its own: every contradiction, culprit
range, interval and derivation must be the very same numbers as analyse(plan) computes — in a
batch small enough for the scalar propagator and in one large enough for numpy.
"""

from __future__ import annotations

import random

import pytest

from ezplan.discover import find_plans
from ezplan.loader import load_plan
from ezplan.network import analyse, analyse_many
from ezplan.pool import BATCH, BATCH_BYTES, batches, check_batch, check_one
from ezplan.report import check as lib_check
from tests.conftest import ROOT, write_plan
from tests.plangen import consistent_plan, inconsistent_plan


@pytest.fixture(scope="module")
def plan_dirs(tmp_path_factory):
    """The bundled plan and generated plans, broken and sound, in a fixed order."""
    rng = random.Random(20261130)
    base = tmp_path_factory.mktemp("many")
    dirs = [ROOT]
    for k in range(10):
        g = inconsistent_plan(rng) if k % 2 == 0 else consistent_plan(rng)
        dirs.append(write_plan(base / f"p{k}", g.baselines, g.targets, head=""))
    return dirs


def _same(alone, joint, plan) -> None:
    assert joint.contradictions == alone.contradictions
    for tier in ("error", "warning"):
        assert joint.set_aside(tier) == alone.set_aside(tier)
    assert joint.incomplete == alone.incomplete
    for iid in plan.indicators:
        for assumptions in (False, True):
            a = alone.intervals_for(iid, assumptions)
            j = joint.intervals_for(iid, assumptions)
            assert [(i.quantity, i.lo, i.hi, i.steps, i.contradictory) for i in j] == [
                (i.quantity, i.lo, i.hi, i.steps, i.contradictory) for i in a
            ]


# 11 plans: every question small enough for the scalar propagator; 220: most steps of the
# search in numpy (43 vectorised propagations with these seeds)
@pytest.mark.parametrize("copies", [1, 20])
def test_each_plan_of_a_batch_gets_what_it_gets_alone(plan_dirs, copies):
    plans = [load_plan(d) for d in plan_dirs] * copies
    joint = analyse_many(plans)
    assert len(joint) == len(plans)
    assert sum(len(a.contradictions) for a in joint) > 0  # something to compare
    n = len(plan_dirs)
    alone = [analyse(p) for p in plans[:n]]
    for k, (p, j) in enumerate(zip(plans, joint, strict=True)):
        if k < n or k >= len(plans) - n:
            _same(alone[k % n], j, p)
        else:
            assert j.contradictions == alone[k % n].contradictions


def test_a_plan_without_figures_in_a_batch(tmp_path, plan_dirs):
    empty = load_plan(write_plan(tmp_path / "empty", "indicators: {}\n", "targets: {}\n"))
    bundled = load_plan(ROOT)
    first, second, third = analyse_many([empty, bundled, empty])
    assert first.contradictions == third.contradictions == ()
    _same(analyse(bundled), second, bundled)


@pytest.mark.parametrize("copies", [1, 3])
def test_analyses_for_the_rule_alone_keep_the_same_contradictions_and_let_the_network_go(
    plan_dirs, copies
):
    """What `ezplan check` asks for (intervals=False): the very contradictions a full analysis
    has, and nothing of the network left alive to hold memory under the rules' findings."""
    import gc

    from ezplan.network.compiled import Compiled
    from ezplan.network.plan import Built

    def networks_alive() -> int:  # another test's fixtures may hold some
        return sum(isinstance(o, Built | Compiled) for o in gc.get_objects())

    plans = [load_plan(d) for d in plan_dirs] * copies
    before = networks_alive()
    kept = analyse_many(plans, intervals=False)
    assert networks_alive() == before
    full = analyse_many(plans)
    assert networks_alive() > before  # what would have been kept
    assert sum(len(a.contradictions) for a in kept) > 0
    for k, a in enumerate(kept):
        assert a.contradictions == full[k].contradictions
    with pytest.raises(RuntimeError, match="contradictions only"):
        kept[0].intervals_for(next(iter(plans[0].indicators)))
    with pytest.raises(RuntimeError, match="contradictions only"):
        kept[0].set_aside("error")


def test_check_reads_the_network_before_the_rules_and_keeps_its_contradictions_only(
    plan_dirs, monkeypatch
):
    """One plan or many, the check's network is made before any rule runs (its search is a
    large plan's peak, with nothing else held under it) and without what explain reads."""
    import ezplan.network
    from ezplan import pool, report, rules
    from ezplan.rules import whole_plan

    assert report.WHOLE_PLAN == whole_plan.CODE  # the rule the network is made for
    calls = []
    made = ezplan.network.analyse_many
    monkeypatch.setattr(
        ezplan.network,
        "analyse_many",
        lambda *a, **k: calls.append(("network", k)) or made(*a, **k),
    )
    evaluate = rules.evaluate
    monkeypatch.setattr(rules, "evaluate", lambda *a: calls.append(("rules", {})) or evaluate(*a))
    for refs in (find_plans([str(ROOT)]), find_plans([str(d) for d in plan_dirs[:3]])):
        calls.clear()
        results = pool.check_batch(refs)
        assert calls[0] == ("network", {"intervals": False})
        assert [c for c, _ in calls[1:]] == ["rules"] * len(refs)
        assert [r.report.findings for r in results] == [
            lib_check(ref.directory).findings for ref in refs
        ]


@pytest.mark.parametrize(
    ("args", "intervals"),
    [
        (["export", "--to", "{tmp}/plan.csv"], False),
        (["report", "--to", "{tmp}/plan.html"], False),
        (["explain", "retail_sales"], True),  # the one command that reads the intervals
    ],
    ids=lambda a: a[0] if isinstance(a, list) else str(a),
)
def test_only_explain_keeps_what_explains_a_figure(tmp_path, monkeypatch, args, intervals):
    from click.testing import CliRunner

    import ezplan.network
    from ezplan.cli import main

    asked = []
    made = ezplan.network.analyse_many
    monkeypatch.setattr(
        ezplan.network,
        "analyse_many",
        lambda *a, **k: asked.append(k.get("intervals", True)) or made(*a, **k),
    )
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code in (0, 1), result.output
    assert asked == [intervals]


def test_batches_keep_order_and_share_the_work():
    refs = list(range(401))
    small = {"size": lambda ref: 17_000}  # the bundled plan's files
    for workers in (1, 2, 3):
        cut = batches(refs, workers, **small)  # type: ignore[arg-type]
        assert [r for b in cut for r in b] == refs
        assert len(cut) % workers == 0 or len(cut) < workers
        assert max(map(len, cut)) <= BATCH
        assert max(map(len, cut)) - min(map(len, cut)) <= len(cut)  # near-equal
    # 401 plans on 2 workers: 2·⌈401/(2·BATCH)⌉ = 2·⌈401/400⌉ = 4 batches of ⌈401/4⌉ = 101
    assert BATCH == 200
    assert [len(b) for b in batches(refs, 2, **small)] == [101, 101, 101, 98]  # type: ignore[arg-type]
    assert batches([], 2) == []


def test_a_batch_holds_at_most_one_large_plan():
    sizes = [10_000] * 5 + [BATCH_BYTES + 1] + [BATCH_BYTES // 2] * 3 + [10_000]
    cut = batches(list(range(len(sizes))), 1, size=sizes.__getitem__)  # type: ignore[arg-type]
    # 5 small plans; the large one alone; two halves (a third would pass the limit); the rest
    assert cut == [[0, 1, 2, 3, 4], [5], [6, 7], [8, 9]]


def test_a_batch_keeps_an_unreadable_plan_in_its_place(tmp_path, plan_dirs):
    bad = tmp_path / "bad"
    write_plan(bad, "indicators: [\n", "targets: {}\n")
    refs = find_plans([str(plan_dirs[1]), str(bad), str(ROOT)])
    results = check_batch(refs)
    assert [r.name for r in results] == [r.name for r in refs]  # find_plans' order, kept
    for ref, r in zip(refs, results, strict=True):
        if ref.directory == bad:
            assert r.error is not None and r.report is None
        else:
            assert r.error is None
            assert r.report.findings == check_one(ref).report.findings
