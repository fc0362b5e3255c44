"""A few plans are checked in this process, where there is nothing to send back: their results
come as they are, not laid out by `prepare` first (the renderers lay out either), and
`ezplan check` of a few plans streams what it writes of the whole run at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from ezplan.discover import find_plans
from ezplan.pool import MIN_PLANS, check_each
from ezplan.report import PlanResult

from .conftest import ROOT
from .plangen import streamed_and_written, write_mixed_plans, write_unreadable_plan


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> list[Path]:
    """The bundled plan, two mixed ones and one that cannot be read: fewer than MIN_PLANS."""
    root = tmp_path_factory.mktemp("in_process")
    broken = write_unreadable_plan(root / "broken")
    out = [ROOT, *write_mixed_plans(root, 2), broken]
    assert len(out) < MIN_PLANS
    return out


def test_results_checked_here_are_not_prepared(plans):
    def prepare(result: PlanResult) -> object:
        raise AssertionError(f"{result.name} prepared in this process")

    refs = find_plans([str(p) for p in plans])
    got = list(check_each(refs, None, prepare))
    assert all(type(r) is PlanResult for r in got)
    assert [r.name for r in got] == [r.name for r in check_each(refs)]
    unread = [r.name for r in got if r.error is not None]
    assert len(unread) == 1 and unread[0].endswith("broken")
    assert sum(r.report is not None for r in got) == 3


@pytest.mark.parametrize(("fmt", "lang"), [("json", "en"), ("text", "zh"), ("jsonl", "en")])
def test_the_command_streams_what_it_writes_at_once(plans, fmt, lang, tmp_path):
    args = ["--lang", lang, "check", *map(str, plans), "--format", fmt]
    streamed, written = streamed_and_written(args, tmp_path / f"all.{fmt}")
    assert streamed.stdout == written
    assert streamed.stdout.count("\n") > 20
