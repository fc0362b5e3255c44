"""An analysis makes each culprit's range once for equal arguments and keeps each value once,
a zero with its sign (that what is read equals ranges made afresh, on many plans, is
tests/test_packed_contradictions.py's); and the search's first bound of each item."""

from __future__ import annotations

from pathlib import Path

from benchmarks.make_plan import make
from ezplan.loader import load_plan
from ezplan.network import analyse as analyse_plan
from ezplan.network.analysis import Analysis
from ezplan.network.plan import build
from ezplan.network.solver import solve
from ezplan.network.tiers import FACTS

ROOT = Path(__file__).resolve().parent.parent


def _fresh(a: Analysis, item: int, var: int, iv: tuple[float, float] | None):
    return None if iv is None or var < 0 else a._new_range(item, var, iv[0], iv[1])


def _same(x, y) -> bool:
    """Equal, with a zero's sign (0.0 == -0.0, but they print differently)."""
    if x is None or y is None:
        return x is y
    return repr(x) == repr(y)


def test_a_zero_keeps_its_sign():
    built = build(load_plan(ROOT))
    solution = solve(built.net)
    raw = list(solution.conflicts)
    a = Analysis(built, solution, range(len(raw)))
    m = next(m for c in raw for m in c.members if m.var >= 0)
    for order in ((0.0, -0.0), (-0.0, 0.0)):
        for lo in order:
            kept = a._book.range(a._range_code(m.item, m.var, (lo, 1.5)))
            assert _same(kept, _fresh(a, m.item, m.var, (lo, 1.5)))


def test_first_bound_is_each_items_first_entry(tmp_path):
    from ezplan.network.derivation import Tables

    for plan in (load_plan(ROOT), load_plan(make(tmp_path / "bench", 20))):
        net = build(plan).net.compile()
        t = Tables(net)
        lo, hi = net.b_lo.tolist(), net.b_hi.tolist()
        expected = {i: (lo[e[0]], hi[e[0]]) for i, e in net.item_bounds.items()}
        assert expected
        for item in range(net.n_items):
            assert t.first_bound(item) == expected.get(item)


def test_reasons_fit_their_narrower_type():
    net = build(load_plan(ROOT)).net.compile()
    state = solve(net).states[FACTS]
    assert state.lo_by.dtype == net.reason_dtype
    last = net.offsets["linear"] + len(net.e_var)
    assert int(state.lo_by.max()) < last and int(state.hi_by.max()) < last


def test_a_large_network_returns_free_memory_and_reads_the_same(monkeypatch):
    from ezplan.network import analysis

    plan = load_plan(ROOT)
    kept = analyse_plan(plan)
    calls = []
    monkeypatch.setattr(analysis, "TRIM_VARS", 0)
    monkeypatch.setattr(analysis, "return_free_memory", lambda: calls.append("trimmed"))
    trimmed = analyse_plan(plan)
    assert calls == ["trimmed"] and trimmed.contradictions == kept.contradictions


def test_returning_free_memory_is_a_no_op_without_malloc_trim(monkeypatch):
    import ctypes

    from ezplan.network import analysis

    analysis.return_free_memory()  # this C library's, whatever it has
    for missing in (OSError, TypeError):  # no C library by that name (Windows: CDLL(None))

        def no_library(name, _error=missing):
            raise _error(name)

        monkeypatch.setattr(ctypes, "CDLL", no_library)
        analysis.return_free_memory()
    monkeypatch.setattr(ctypes, "CDLL", lambda name: object())  # a C library without it (macOS)
    analysis.return_free_memory()
