"""Each pool worker's first batch is small, so the first plans of a long run are written within a
moment, and the rest are cut as before."""

from __future__ import annotations

from ezplan.discover import find_plans
from ezplan.pool import BATCH, batches, check_each

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
