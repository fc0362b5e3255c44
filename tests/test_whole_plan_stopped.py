"""Where the whole-plan search stops short of its end (its limits reached), a note says so and
names the figures it stopped among: no plan is taken for having no more contradictions than
were found. The search's limits are lowered here to make it stop on the bundled plan (which stays
within the real ones, as the 24 drafted corpus plans do; generated plans of tied groups, such as
nearly all of `benchmarks/make_plan.py`'s of 48 indicators, reach them)."""

from __future__ import annotations

import pytest

from ezplan.loader import load_plan
from ezplan.network import analyse, conflicts, solver
from ezplan.report import check
from ezplan.rules._common import figure_words

from .conftest import ROOT


@pytest.fixture
def no_questions(monkeypatch):
    """A search that may ask nothing beyond each component's first contradiction."""
    monkeypatch.setattr(solver, "Limits", lambda: conflicts.Limits(questions=0))


def _stopped_notes(findings):
    return [f for f in findings if f.check == "whole-plan" and f.message_id == "stopped"]


def test_a_full_search_says_nothing_of_stopping():
    report = check(ROOT)
    assert analyse(load_plan(ROOT)).stopped == ()
    assert _stopped_notes(report.findings) == []


def test_a_search_stopped_short_is_a_note_naming_its_figures(no_questions):
    analysis = analyse(load_plan(ROOT))
    assert analysis.contradictions  # what it found before it stopped is still reported
    stopped = analysis.stopped
    assert stopped == tuple(sorted(stopped, key=lambda s: s.mark))  # in file order
    for c in analysis.contradictions:  # every contradiction lies in a group it stopped in
        assert set(c.figures) <= set(stopped)

    (note,) = _stopped_notes(check(ROOT).findings)
    assert note.severity.name == "NOTE"
    assert (note.mark, *note.related) == tuple(s.mark for s in stopped)
    assert note.params["count"] == f"{len(stopped):,}"
    assert len(note.data["figures"]) == len(stopped)
    en, zh = note.message("en"), note.message("zh")
    assert len(stopped) > 6  # the bundled plan's groups: only the first six are named
    named = [figure_words(s) for s in stopped[:6]]
    assert f"among {len(stopped)} related figures ({', '.join(named)}, …)" in en
    assert f"在{len(stopped)}个相互关联的数字（{'、'.join(named)}……）中" in zh


def test_a_search_too_shallow_for_the_bundled_plan_says_so(monkeypatch):
    """The bundled plan's trade figures (exports, imports, trade and their rates) contradict in
    several overlapping ways; some are found only with three figures set aside together. A search
    two deep misses them, and must say where it stopped short."""
    full = analyse(load_plan(ROOT))
    monkeypatch.setattr(solver, "Limits", lambda: conflicts.Limits(depth=2))
    shallow = analyse(load_plan(ROOT))
    assert full.stopped == ()
    found = {c.members for c in shallow.contradictions}
    assert found < {c.members for c in full.contradictions}
    missed = [c for c in full.contradictions if c.members not in found]
    assert shallow.stopped and all(set(c.figures) <= set(shallow.stopped) for c in missed)


def test_the_limits_the_rule_documents_are_the_searchs():
    from ezplan import rules

    limits = conflicts.Limits()
    en, zh = rules.doc("whole-plan", "en"), rules.doc("whole-plan", "zh")
    assert (
        f"{limits.conflicts} contradictions, {limits.questions} questions and "
        f"{limits.depth} figures set aside together" in " ".join(en.split())
    )
    assert (
        f"最多找{limits.conflicts}个矛盾、提{limits.questions}个问题、同时放开{limits.depth}个数字"
        in "".join(zh.split())
    )
