"""Each pool worker's first batch is small, so the first plans of a long run are written within a
moment, and the rest are cut as before."""

from __future__ import annotations

from pathlib import Path

from ezplan.discover import PlanRef, find_plans
from ezplan.pool import BATCH, FIRST, batches, check_batch, check_each

from .conftest import ROOT
from .plangen import write_mixed_plans

SIZE = {"size": lambda ref: 17_000}  # the bundled plan's files


def test_each_worker_starts_with_a_small_batch():
    refs = list(range(400))
    cut = batches(refs, 2, first=2, **SIZE)  # type: ignore[arg-type]
    # 2 workers × 2 plans first; the other 396 as ever: 2·⌈396/400⌉ = 2 batches of 198
    assert [len(b) for b in cut] == [2, 2, 198, 198]
    assert [r for b in cut for r in b] == refs
    cut = batches(list(range(4000)), 3, first=1, **SIZE)  # type: ignore[arg-type]
    assert [len(b) for b in cut[:3]] == [1, 1, 1]
    assert max(map(len, cut)) <= BATCH and sum(map(len, cut)) == 4000


def test_a_short_run_is_cut_as_before():
    """Under eight small batches' worth of plans the first ones are not set apart: the batches
    are short already."""
    for n in (9, 31):
        refs = list(range(n))
        assert batches(refs, 2, first=2, **SIZE) == batches(refs, 2, **SIZE)  # type: ignore[arg-type]
    assert len(batches(list(range(32)), 2, first=2, **SIZE)) == 4  # type: ignore[arg-type]


def test_results_are_the_same_in_the_same_order(tmp_path, monkeypatch):
    refs = find_plans([str(ROOT), *map(str, write_mixed_plans(tmp_path, 15))])
    monkeypatch.setattr("ezplan.pool.FIRST", 1)
    assert len(refs) >= 8 * 2 * 1  # enough for a first batch of one on each of two workers
    monkeypatch.setattr("ezplan.pool.cores", lambda: 2)
    pooled = list(check_each(refs))
    monkeypatch.setattr("ezplan.pool.MIN_PLANS", 10_000)  # every plan here, one batch
    here = list(check_each(refs))
    assert [r.name for r in pooled] == [r.name for r in here] == [r.name for r in refs]
    assert [r.findings for r in pooled] == [r.findings for r in here]


class _NoPool:
    """A process pool that checks nothing: each task answered by its batch's length."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __enter__(self) -> _NoPool:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap(self, func, tasks):
        return ([len(batch)] for batch, *_ in tasks)


def test_the_pool_is_given_the_small_batches_first(monkeypatch):
    import multiprocessing

    refs = [PlanRef(Path(f"p{i}"), Path("b.yaml"), Path("t.yaml")) for i in range(400)]
    monkeypatch.setattr("ezplan.pool.cores", lambda: 2)
    monkeypatch.setattr("ezplan.pool._files_size", lambda ref: 17_000)
    monkeypatch.setattr(multiprocessing, "Pool", _NoPool)
    assert list(check_each(refs)) == [FIRST, FIRST, 198, 198]


def test_one_core_writes_its_first_results_soon(monkeypatch):
    """On one core every plan is checked here, and results are yielded a batch at a time."""
    sizes: list[int] = []

    def check_batch(batch: list, codes: object) -> list:
        sizes.append(len(batch))
        return []

    monkeypatch.setattr("ezplan.pool.cores", lambda: 1)
    monkeypatch.setattr("ezplan.pool._files_size", lambda ref: 17_000)
    monkeypatch.setattr("ezplan.pool.check_batch", check_batch)
    refs = [PlanRef(Path(f"p{i}"), Path("b.yaml"), Path("t.yaml")) for i in range(400)]
    list(check_each(refs))
    assert sizes == [FIRST, 199, 199]  # 1·⌈398/200⌉ = 2 batches of 199 after the first


def test_a_large_plans_memory_is_returned_once_it_is_let_go(monkeypatch):
    """After the check of a large plan, the C heap is trimmed — with the plan already gone."""
    import weakref

    import ezplan.loader
    import ezplan.network.analysis

    held: list[weakref.ref] = []
    alive_at_trim: list[int] = []
    load = ezplan.loader.load_plan

    def loading(*args: object):
        plan = load(*args)
        held.append(weakref.ref(plan))
        return plan

    monkeypatch.setattr(ezplan.loader, "load_plan", loading)
    monkeypatch.setattr(
        ezplan.network.analysis,
        "return_free_memory",
        lambda: alive_at_trim.append(sum(r() is not None for r in held)),
    )
    refs = find_plans([str(ROOT)])
    monkeypatch.setattr("ezplan.pool.TRIM_INDICATORS", 10**9)
    results = check_batch(refs)
    assert alive_at_trim == [] and len(held) == 1  # a small plan: no trim
    monkeypatch.setattr("ezplan.pool.TRIM_INDICATORS", 5)  # the bundled plan has more
    results = check_batch(refs)
    assert alive_at_trim == [0]  # trimmed once, every plan let go before
    assert results[0].report is not None and results[0].findings
