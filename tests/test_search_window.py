"""The searches run a window at a time, and an analysis takes each component's conflicts as its
search ends: neither changes what is found.

A window of one search, of a few, or of every search at once gives the whole-network
reference's solution (`solve(..., general=True)`): the same conflicts in the same order, the
same set-aside items and final states — only the number of propagation steps differs. The
analysis made from conflicts handed over as they are found (analyse) reads exactly as one made
from the finished solution.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from ezplan.loader import load_plan
from ezplan.network import Analysis, analyse, analyse_many, batch, solve
from ezplan.network.plan import build
from tests.plangen import inconsistent_plan


def _plan_dir(tmp_path, n: int = 40):
    from benchmarks.make_plan import make

    return make(tmp_path / "plan", n)


def _same_except_steps(a, b) -> None:
    assert a.conflicts == b.conflicts
    assert a.set_aside == b.set_aside
    for name in ("unresolved", "incomplete", "components"):
        mine, theirs = getattr(a, name), getattr(b, name)
        assert mine.keys() == theirs.keys()
        for tier in mine:
            assert np.array_equal(mine[tier], theirs[tier]), name
    assert a.states.keys() == b.states.keys()
    for tier in a.states:
        for end in ("lo", "hi", "lo_by", "hi_by", "dead", "empty_var"):
            assert np.array_equal(getattr(a.states[tier], end), getattr(b.states[tier], end))


@pytest.mark.parametrize("window", [1, 3, 10**9])
def test_any_window_gives_the_reference_solution(window, tmp_path, monkeypatch):
    net = build(load_plan(_plan_dir(tmp_path))).net.compile()
    reference = solve(net, general=True)
    assert len(reference.conflicts) > 3
    monkeypatch.setattr(batch, "WINDOW", window)
    _same_except_steps(solve(net), reference)
    _same_except_steps(solve(net, general=True), reference)


def test_a_window_of_one_asks_one_search_at_a_time(tmp_path, monkeypatch):
    net = build(load_plan(_plan_dir(tmp_path))).net.compile()
    asked: list[int] = []
    real = batch.Answers.ask

    def ask(self, questions):
        asked.append(len(questions))
        return real(self, questions)

    monkeypatch.setattr(batch.Answers, "ask", ask)
    monkeypatch.setattr(batch, "WINDOW", 1)
    solve(net)
    assert asked and max(asked) == 1


def _readable(a: Analysis) -> list[str]:
    """Everything an analysis says of its contradictions, a zero's sign included."""
    return [repr(c) for c in a.contradictions]


def test_conflicts_taken_as_found_read_as_the_finished_solution(tmp_path, monkeypatch):
    plan = load_plan(_plan_dir(tmp_path))
    monkeypatch.setattr(batch, "WINDOW", 2)
    taken = analyse(plan)
    built = build(plan)
    solution = solve(built.net)
    finished = Analysis(built, solution, range(len(solution.conflicts)))
    assert _readable(taken) == _readable(finished)
    assert taken.contradictions
    assert taken.set_aside("warning") == finished.set_aside("warning")
    assert taken.incomplete == finished.incomplete


def test_plans_analysed_together_take_each_its_own_conflicts(tmp_path):
    plans = []
    for seed in range(4):
        generated = inconsistent_plan(random.Random(seed))
        directory = tmp_path / f"p{seed}"
        directory.mkdir()
        (directory / "baselines.yaml").write_text(generated.baselines, encoding="utf-8")
        (directory / "targets.yaml").write_text(generated.targets, encoding="utf-8")
        plans.append(load_plan(directory))
    together = analyse_many(plans)
    for plan, mine in zip(plans, together, strict=True):
        assert _readable(mine) == _readable(analyse(plan))
