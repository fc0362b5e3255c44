"""The JSON document written in pieces (a finding at a time) is the document `dumps` writes whole,
and a file written from pieces is replaced whole or not at all."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from ezplan.discover import find_plans
from ezplan.errors import OutputError
from ezplan.output import write_atomic
from ezplan.render import json_out
from ezplan.report import PlanResult, Run, check_all

from .conftest import ROOT
from .plangen import write_mixed_plans, write_unreadable_plan


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("parts")
    broken = write_unreadable_plan(root / "broken")
    return [ROOT, *write_mixed_plans(root, 3), broken]


def _whole(run: Run, lang: str) -> str:
    return json_out.dumps(json_out.document(run, lang), indent=2) + "\n"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pieces_make_the_whole_document(plans, lang, monkeypatch):
    monkeypatch.setattr(json_out, "_CHUNK", 2)  # pieces of two rows or findings at most
    for chosen in ([plans[0]], plans[1:3], plans):  # one plan, several, one unreadable
        run = check_all(find_plans([str(p) for p in chosen]))
        parts = list(json_out.render_parts(run, lang))
        assert "".join(parts) == _whole(run, lang)
        rows = [r.report.rows for r in run.results if r.report is not None]
        if len(run.results) == 1:
            rows *= 2  # one plan's rows are written twice: in its item of "plans", and alone
        findings = sum('"check": ' in p for p in parts)
        assert findings == math.ceil(len(run.findings) / 2)
        assert sum('"verdict": ' in p for p in parts) == sum(math.ceil(len(r) / 2) for r in rows)
        assert max(p.count('"check": ') + p.count('"verdict": ') for p in parts) == 2
        doc = json.loads("".join(parts))
        assert len(doc["findings"]) == len(run.findings) > 0


def test_a_plan_without_targets_has_empty_lists_of_them(tmp_path):
    from .conftest import write_plan

    bare = write_plan(tmp_path / "bare", "indicators: {}\n", "targets: {}\n")
    run = check_all(find_plans([str(bare)]))
    text = "".join(json_out.render_parts(run, "en"))
    assert text == _whole(run, "en")
    doc = json.loads(text)
    assert doc["summary"]["targets"] == doc["summary"]["plans"][0]["targets"] == []


def test_no_findings_is_an_empty_list(plans):
    (result,) = check_all(find_plans([str(plans[0])])).results
    assert result.report is not None
    empty = Run([PlanResult(result.name, replace(result.report, findings=[]))])
    text = "".join(json_out.render_parts(empty, "en"))
    assert text == _whole(empty, "en")
    assert json.loads(text)["findings"] == [] and '"findings": []\n}\n' in text


def test_lines_in_pieces_are_the_lines(plans):
    run = check_all(find_plans([str(p) for p in plans]))
    lines = list(json_out.lines_parts(run, "zh"))
    assert "".join(lines) == json_out.render_lines(run, "zh")
    assert [json.loads(line)["message"] for line in lines] == [
        f.message("zh") for r in run.results for f in r.findings
    ]


def test_a_file_from_pieces_is_written_whole(tmp_path):
    target = tmp_path / "out.json"
    write_atomic(target, iter(["{", '"a": "é', '\udcff"', "}"]))
    assert target.read_bytes() == '{"a": "é\\udcff"}'.encode()  # the stray surrogate escaped


def test_a_piece_that_fails_leaves_the_old_file(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def pieces():
        yield "new, half of it"
        raise OutputError(str(target), "out.no_space")

    with pytest.raises(OutputError):
        write_atomic(target, pieces())
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_findings_long_list_is_written_in_pieces_as_the_whole(plans, lang, monkeypatch):
    """A finding with a list of thousands (the note of a search stopped short names every
    figure of its group) is written a piece of the list at a time: here every list of more than
    two items, and the document is byte for byte the one `dumps` writes whole."""
    monkeypatch.setattr(json_out, "_CHUNK", 2)
    monkeypatch.setattr(json_out, "LONG", 2)
    for chosen in ([plans[0]], plans[1:3], plans):
        run = check_all(find_plans([str(p) for p in chosen]))
        parts = list(json_out.render_parts(run, lang))
        assert "".join(parts) == _whole(run, lang)
        assert any(p.startswith(",\n") and '"check"' not in p for p in parts)  # list pieces
        written: list[str] = []
        json_out.render_each(run.results, lang, written.append)
        assert json.loads("".join(written))["findings"] == json.loads(_whole(run, lang))["findings"]
