"""JSON Lines of several plans laid out where they were checked (a pool's worker sends back
`plan_lines`): the same lines, the same tally and exit code as written from the results here."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from ezplan.discover import find_plans
from ezplan.i18n import speaking
from ezplan.pool import check_each
from ezplan.render import json_out
from ezplan.report import Tally, check_all

from .conftest import ROOT
from .plangen import write_mixed_plans, write_unreadable_plan


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> list[Path]:
    """The bundled plan, consistent and inconsistent ones, and one that cannot be read."""
    root = tmp_path_factory.mktemp("lines")
    out = write_mixed_plans(root, 8)
    broken = write_unreadable_plan(root / "m_broken")
    return [ROOT, *sorted([*out, broken])]


def _state(t: Tally) -> tuple:
    return (t.counts, t.status, t.worst, t.unreadable, t.results, t.readable)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_lines_laid_out_in_the_workers_are_the_lines_written_here(plans, lang, monkeypatch):
    refs = find_plans([str(p) for p in plans])
    monkeypatch.setattr("ezplan.pool.MIN_PLANS", 2)  # through the process pool
    monkeypatch.setattr("ezplan.pool.cores", lambda: 2)  # even on one core
    prepared = list(check_each(refs, None, partial(json_out.plan_lines, lang=lang)))
    assert all(isinstance(p, json_out.PlanLines) for p in prepared)
    here = check_all(refs)  # checked in this process, nothing laid out beforehand
    written: list[str] = []
    tally = json_out.lines_each(iter(prepared), lang, written.append)
    direct = json_out.render_lines(here, lang)
    assert "".join(written) == direct
    lines = direct.splitlines()
    assert len(lines) == sum(len(r.findings) for r in here.results) > 0
    expected = Tally()
    for r in here.results:
        expected.add(r)
    assert _state(tally) == _state(expected)
    severities = [json.loads(line)["severity"] for line in lines]
    assert tally.counts == {s: severities.count(s) for s in ("error", "warning", "note")}
    assert tally.unreadable and tally.readable == len(refs) - 1


def test_lines_follow_the_language_asked_not_the_workers(plans):
    """A worker started afresh (spawn: macOS, Windows) speaks its locale's language."""
    results = check_all(find_plans([str(p) for p in plans])).results
    with speaking("en"):
        want = [json_out.plan_lines(r, "zh").text for r in results]
    with speaking("zh"):
        got = [json_out.plan_lines(r, "zh").text for r in results]
    assert got == want
    assert any("，" in t or "。" in t for t in got)  # Chinese messages, not English ones
