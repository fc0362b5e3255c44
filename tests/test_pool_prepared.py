"""A run of several plans whose results are laid out where they were checked (a pool's worker
sends back `plan_json` or `plan_text`) writes what it writes from the results themselves: the
same bytes, the same tally, the same exit code."""

from __future__ import annotations

import io
import json
from functools import partial
from pathlib import Path

import pytest
from rich.console import Console

from ezplan.discover import find_plans
from ezplan.pool import check_each
from ezplan.render import json_out, text
from ezplan.report import Tally, check_all

from .conftest import ROOT
from .plangen import streamed_and_written, write_mixed_plans, write_unreadable_plan


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> list[Path]:
    """The bundled plan, consistent and inconsistent ones, and two that cannot be read (one
    first, where the separators between plans start)."""
    root = tmp_path_factory.mktemp("prepared")
    out = write_mixed_plans(root, 10)
    out += [write_unreadable_plan(root / name) for name in ("a_broken", "q_broken")]
    return [ROOT, *sorted(out)]


def _tally_state(t: Tally) -> tuple:
    return (t.counts, t.status, t.worst, t.unreadable, t.results, t.readable)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_json_laid_out_in_the_workers_is_the_same_document(plans, lang, monkeypatch):
    """The document `render_each` writes from what the workers laid out is the one `render`
    writes of the same plans checked here, one at a time, and nothing laid out beforehand."""
    refs = find_plans([str(p) for p in plans])
    monkeypatch.setattr("ezplan.pool.MIN_PLANS", 2)  # through the process pool
    monkeypatch.setattr("ezplan.pool.cores", lambda: 2)  # even on one core
    prepared = list(check_each(refs, None, partial(json_out.plan_json, lang=lang)))
    assert all(isinstance(p, json_out.PlanJson) for p in prepared)
    here = check_all(refs)
    assert [p.name for p in prepared] == [r.name for r in here.results]
    assert [p.error is None for p in prepared] == [r.error is None for r in here.results]
    laid_out: list[str] = []
    merged = json_out.render_each(iter(prepared), lang, laid_out.append)
    direct = json_out.render(here, lang)
    assert "".join(laid_out) == direct
    head = json.loads(direct)["summary"]
    assert merged.counts == {
        "error": head["errors"],
        "warning": head["warnings"],
        "note": head["notes"],
    }
    assert merged.summary_line(lang) == head["text"]
    assert (merged.results, merged.readable, merged.unreadable) == (len(refs), len(refs) - 2, True)
    expected = Tally()
    for r in here.results:
        expected.add(r)
    assert _tally_state(merged) == _tally_state(expected)


@pytest.mark.parametrize(("width", "lang"), [(40, "zh"), (80, "en"), (133, "zh")])
def test_text_laid_out_in_the_workers_is_the_same_text(plans, width, lang, monkeypatch):
    refs = find_plans([str(p) for p in plans])
    monkeypatch.setattr("ezplan.pool.MIN_PLANS", 2)
    monkeypatch.setattr("ezplan.pool.cores", lambda: 2)
    results = list(check_each(refs))

    def rendered(items: list) -> tuple[str, tuple]:
        buf = io.StringIO()
        console = Console(
            file=buf, color_system=None, width=width, highlight=False, soft_wrap=False
        )
        tally = text.render_each(iter(items), console, lang, many=True)
        return buf.getvalue(), _tally_state(tally)

    console = Console(file=io.StringIO(), color_system=None, width=width, highlight=False)
    prepare = text.preparer(console, lang)
    assert prepare is not None
    prepared = list(check_each(refs, None, prepare))
    assert all(isinstance(p, text.PlanText) for p in prepared)
    assert rendered(prepared) == rendered(results)


def test_text_in_colour_is_laid_out_here():
    """Colour (and a console that is not UTF-8) is rich's to write, in this process."""
    coloured = Console(file=io.StringIO(), color_system="truecolor", width=80)
    assert text.preparer(coloured, "en") is None
    latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    assert text.preparer(Console(file=latin, color_system=None, width=80), "en") is None


@pytest.mark.parametrize("fmt", ["json", "text", "jsonl"])
def test_the_command_writes_what_it_wrote_from_the_results(plans, fmt, tmp_path):
    """`ezplan check` of many plans, streamed: as `render` writes the whole run at once."""
    args = ["check", *[str(p) for p in plans], "--format", fmt]
    streamed, written = streamed_and_written(args, tmp_path / f"all.{fmt}")
    assert streamed.stdout == written


@pytest.mark.parametrize("other", ["en", "zh"])
def test_a_worker_lays_out_in_the_language_asked_not_its_own(plans, other):
    """A worker started afresh (spawn: macOS, Windows) has its locale's language, not the
    invocation's: what it lays out must follow `lang` alone."""
    from ezplan.i18n import speaking

    lang = "zh" if other == "en" else "en"
    results = list(check_each(find_plans([str(p) for p in plans])))
    assert any(r.error is not None for r in results)

    def laid_out() -> list[tuple[str, str, str]]:
        out = []
        for r in results:
            j, t = json_out.plan_json(r, lang), text.plan_text(r, lang, 80)
            out.append((j.summary, j.findings, t.text))
        return out

    with speaking(lang):
        want = laid_out()
    with speaking(other):
        got = laid_out()
    assert got == want
    broken = [s for (s, _, _), r in zip(got, results, strict=True) if r.error is not None]
    assert broken and all(("不是有效的" in s) == (lang == "zh") for s in broken)
