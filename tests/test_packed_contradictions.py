"""A contradiction's derivation steps are kept packed (Book) and made when read: what is
read is what converting each raw step of the search directly gives, zeros with their signs, and
the packed steps behave as the tuple of them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.make_plan import make
from ezplan.loader import load_plan
from ezplan.network.analysis import Analysis
from ezplan.network.book import Book, Culprit, Culprits, End, Step, Steps
from ezplan.network.plan import build
from ezplan.network.solver import solve
from ezplan.network.terms import Quantity, Relation
from tests.conftest import write_plan
from tests.plangen import inconsistent_plan

ROOT = Path(__file__).resolve().parent.parent


def _direct(built, e_con, raw_step) -> Step:
    """A raw step in the plan's terms, made at once from the network (as explain reads it)."""
    q = built.quantities

    def end(var, which, value):
        return End(q[var], which, value)

    result = end(raw_step.var, raw_step.end, raw_step.value)
    if raw_step.kind == "bound":
        source = built.net.tag(raw_step.item) if raw_step.item >= 0 else None
        return Step(result, source, None, ())
    if raw_step.kind == "domain":
        return Step(result, None, None, ())
    index = int(e_con[raw_step.index]) if raw_step.kind == "linear" else raw_step.index
    label = built.net.labels[raw_step.kind][index]
    inputs = tuple(end(v, e, x) for (v, e), x in zip(raw_step.inputs, raw_step.values, strict=True))
    return Step(result, None, label if isinstance(label, Relation) else None, inputs)


def _direct_culprit(a: Analysis, raw, m) -> Culprit:
    """A raw member as a culprit, its ranges made afresh."""

    def fresh(iv):
        return None if iv is None or m.var < 0 else a._new_range(m.item, m.var, *iv)

    tag = a._built.net.tag
    blocked = None if m.blocked_by is None else tuple(map(tag, raw[m.blocked_by].items))
    return Culprit(
        tag(m.item),
        m.weight,
        m.resolves,
        m.resolves_all,
        fresh(m.fit_conflict),
        fresh(m.fit_component),
        blocked,
        fresh(m.needs),
    )


def _check_against_direct(plan) -> int:
    built = build(plan)
    solution = solve(built.net)
    raw = list(solution.conflicts)
    a = Analysis(built, solution, range(len(raw)))
    compared = 0
    for c, conflict in zip(a.contradictions, raw, strict=True):
        assert isinstance(c.steps, Steps)
        expected = tuple(_direct(built, solution.net.e_con, s) for s in conflict.steps)
        assert len(c.steps) == len(expected)
        for got, want in zip(c.steps, expected, strict=True):
            assert repr(got) == repr(want)  # repr: a zero's sign too
        assert c.steps == expected and tuple(c.steps) == expected
        compared += len(expected)
        assert isinstance(c.culprits, Culprits)
        culprits = tuple(_direct_culprit(a, raw, m) for m in conflict.members)
        assert repr(tuple(c.culprits)) == repr(culprits) and c.culprits == culprits
        compared += len(culprits)
    return compared


def test_packed_steps_and_culprits_read_as_made_directly(tmp_path):
    compared = _check_against_direct(load_plan(ROOT))
    for seed in range(4):
        g = inconsistent_plan(random.Random(seed))
        path = write_plan(tmp_path / str(seed), g.baselines, g.targets, head="")
        compared += _check_against_direct(load_plan(path))
    compared += _check_against_direct(load_plan(make(tmp_path / "bench", 60)))
    assert compared > 2000


def _book() -> tuple[Book, tuple[Step, ...]]:
    a = Quantity("level", "x", "亿元", year=2020)
    b = Quantity("factor", "x", "×", period=(2020, 2025))
    rel = Relation("growth", "x", period=(2020, 2025))
    book = Book()
    book.quantities += [a, b]
    book.names.append(rel)
    book.add_step(2 * 1 + 1, -0.0, 1, [(0, 0.0), (2 * 1, 1.5)])  # b's hi by the relation
    book.add_step(0, 3.25, 0, [])  # a's lo: its domain
    book.add_step(1, 7.0, 0, [(1, 2.0)])  # a's hi, from a label that is not a Relation
    steps = (
        Step(End(b, "hi", -0.0), None, rel, (End(a, "lo", 0.0), End(b, "lo", 1.5))),
        Step(End(a, "lo", 3.25), None, None, ()),
        Step(End(a, "hi", 7.0), None, None, (End(a, "hi", 2.0),)),
    )
    return book, steps


def test_packed_steps_behave_as_their_tuple():
    book, steps = _book()
    book.step_ends.append(1)  # contradiction 0: the first step; 1: the other two; 2: none
    book.culprit_ends.append(0)
    book.close()
    book.close()
    head, packed, empty = Steps(book, 0), Steps(book, 1), Steps(book, 2)
    assert len(packed) == 2 and tuple(packed) == steps[1:] and packed == steps[1:]
    assert repr(packed) == repr(steps[1:]) and hash(packed) == hash(steps[1:])
    assert packed[-1] == steps[-1] and packed[:1] == steps[1:2] and packed[::-1] == steps[:0:-1]
    assert head == steps[:1] and str(head[0].result.value) == "-0.0"
    assert head != packed and empty == () and len(empty) == 0
    with pytest.raises(IndexError):
        packed[2]  # past its last step
