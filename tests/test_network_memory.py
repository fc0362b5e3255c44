"""What an analysis keeps once its search is over: the search's tables and the builder's rows
go (the tables are remade on demand), and what is read afterwards is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from ezplan.loader import load_plan
from ezplan.network import Analysis, Network, analyse, solve
from ezplan.network.plan import build

ROOT = Path(__file__).resolve().parent.parent


def test_a_network_compiled_once_drops_its_rows_and_keeps_its_names():
    net = Network()
    x = net.variable(0, 10)
    f = net.fact(x, 1, 2, tag="f")
    compiled = net.compile()
    net.drop_rows()
    assert net.tag(f) == "f"
    assert compiled.n_vars == 1 and len(compiled.b_var) == 1
    with pytest.raises(RuntimeError):
        net.compile()


def test_the_search_keeps_no_tables_and_a_later_derivation_remakes_them():
    net = build(load_plan(ROOT)).net.compile()
    solution = solve(net)
    assert "tables" not in net._cache and "lists" not in net._cache
    assert "item_bounds" not in net.__dict__
    first = [solution.derivation(v) for v in range(net.n_vars)]
    assert "tables" in net._cache  # remade by the first derivation, then reused
    assert [solution.derivation(v) for v in range(net.n_vars)] == first


def test_an_analysis_reads_the_same_without_the_builders_rows():
    plan = load_plan(ROOT)
    dropped = analyse(plan)
    built = build(plan)
    solution = solve(built.net)  # the builder's rows left in place
    kept = Analysis(built, solution, range(len(solution.conflicts)))
    assert dropped.contradictions == kept.contradictions
    assert dropped.contradictions
    for iid in plan.indicators:  # by id
        for assumptions in (False, True):
            got = dropped.intervals_for(iid, assumptions)
            assert got == kept.intervals_for(iid, assumptions)
