"""ezplan extract: document formats and encodings, the drafts, the command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ezplan.cli import main
from ezplan.extract import DocumentError, extract, write_drafts
from ezplan.extract.readers import read_document
from ezplan.extract.text import fold
from ezplan.loader import load_plan
from ezplan.report import check

DATA = Path(__file__).parent / "data"
PLAN_TEXT = DATA / "extract" / "ezhou-plan.txt"
SENTENCE = "2020年，全市地区生产总值2401.1亿元，增长3.8%。"


def _values(figs):
    return sorted(f.value for f in figs)


# --- encodings and formats ----------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_encodings(tmp_path, encoding):
    path = tmp_path / "doc.txt"
    path.write_bytes(SENTENCE.encode(encoding))
    x = extract(path)
    assert _values(x.figures) == ["2401.1", "3.8"]
    assert x.figures[0].indicator == "地区生产总值"
    assert x.reading.source.encoding == {"gbk": "gb18030"}.get(encoding, encoding)


def test_mojibake_is_refused(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)  # not text in any of them
    with pytest.raises(DocumentError) as e:
        extract(path)
    assert "UTF-8" in str(e.value) and str(e.value).startswith(str(path))


def test_html_lines_are_source_lines(tmp_path):
    path = tmp_path / "doc.html"
    path.write_text(
        "<html><head><title>报告</title><style>p{}</style></head><body>\n"
        "<h2>一、2020年工作回顾</h2>\n"
        f"<p>{SENTENCE.replace('2401.1', '<b>2401.1</b>')}</p>\n"
        "<table><tr><th>指标</th><th>2025年</th></tr>\n"
        "<tr><td>地区生产总值（亿元）</td><td>3000</td></tr></table></body></html>\n",
        encoding="utf-8",
    )
    figs = extract(path).figures
    by = {f.value: f for f in figs}
    assert by["2401.1"].line == 3 and by["3.8"].line == 3
    assert by["3000"].line == 5 and by["3000"].year == 2025


def test_docx_paragraphs_and_tables(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("一、2020年工作回顾", level=1)
    d.add_paragraph(SENTENCE)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "2025年"
    table.cell(1, 0).text, table.cell(1, 1).text = "地区生产总值（亿元）", "3000"
    path = tmp_path / "doc.docx"
    d.save(str(path))
    x = extract(path)
    by = {f.value: f for f in x.figures}
    assert by["2401.1"].line == 2  # paragraph 2
    assert by["3000"].year == 2025 and by["3000"].unit == "亿元"
    assert x.reading.source.line_unit == "paragraph"


def _pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 144] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        xref,
    )
    return out


def test_pdf_text_layer_and_scanned_pdf(tmp_path):
    pytest.importorskip("pypdf")
    good = tmp_path / "doc.pdf"
    good.write_bytes(_pdf("Report of 2020: GDP reached 2401.1 and grew by 3.8 percent"))
    src = read_document(good)
    assert src.format == "pdf" and "2401.1" in src.blocks[0].text
    blank = tmp_path / "scan.pdf"
    blank.write_bytes(_pdf(""))
    with pytest.raises(DocumentError, match="no text layer"):
        read_document(blank)


def test_unknown_format_and_missing_file(tmp_path):
    runner = CliRunner()
    odd = tmp_path / "doc.xyz"
    odd.write_text("x", encoding="utf-8")
    r = runner.invoke(main, ["extract", str(odd)])
    assert r.exit_code == 2 and r.output.count("\n") == 1 and ".xyz" in r.output
    r = runner.invoke(main, ["extract", str(tmp_path / "none.txt")])
    assert r.exit_code == 2 and "no such file" in r.output


# --- drafts -----------------------------------------------------------------------------------


def _spec_figures(data):
    """Every (value, line) in a draft file, wherever it stands."""
    if isinstance(data, dict):
        if "value" in data and "line" in data:
            yield data["value"], data["line"]
        for v in data.values():
            yield from _spec_figures(v)
    elif isinstance(data, list):
        for v in data:
            yield from _spec_figures(v)


def _never_invented(doc: Path, out: Path) -> int:
    """Every number a draft states appears in the document on the line the draft gives."""
    lines = [fold(line) for line in doc.read_text(encoding="utf-8").splitlines()]
    n = 0
    for name in ("baselines.yaml", "targets.yaml"):
        data = yaml.safe_load((out / name).read_text(encoding="utf-8"))
        for value, line in _spec_figures(data):
            for number in re.findall(r"\d+(?:\.\d+)?", str(value)):
                assert number in lines[line - 1], (value, line)
                n += 1
    return n


def test_bundled_plan_drafts_load_check_and_invent_nothing(tmp_path):
    x = extract(PLAN_TEXT, tmp_path)
    write_drafts(x, tmp_path)
    assert _never_invented(PLAN_TEXT, tmp_path) >= 60
    report = check(tmp_path)  # loads without an error
    errors = sorted(f.check for f in report.findings if f.severity.label == "error")
    # the same three contradictions as the hand-made files
    assert errors == ["growth-rate", "level-rate", "part-whole"]
    plan = load_plan(tmp_path)
    assert plan.document.endswith("ezhou-plan.txt")
    assert (plan.base_year, plan.target_year) == (2020, 2025)


@pytest.mark.parametrize("name", ["宣城市", "山西省", "福州市", "文山壮族苗族自治州"])
def test_corpus_drafts_load_and_invent_nothing(tmp_path, name):
    doc = DATA / "corpus" / f"{name}.md"
    x = extract(doc, tmp_path)
    write_drafts(x, tmp_path)
    assert _never_invented(doc, tmp_path) > 50
    load_plan(tmp_path)
    # what is not placed is listed with its reason, never dropped
    assert all(f.why_unplaced for f in x.figures if not f.placed)


def test_cli_extract_out_json_and_force(tmp_path):
    runner = CliRunner()
    out = tmp_path / "plan"
    r = runner.invoke(main, ["extract", str(PLAN_TEXT), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "figures found" in r.output and "left for review" in r.output
    assert (out / "baselines.yaml").exists() and (out / "targets.yaml").exists()
    r = runner.invoke(main, ["extract", str(PLAN_TEXT), "--out", str(out)])
    assert r.exit_code == 2 and "--force" in r.output
    r = runner.invoke(main, ["extract", str(PLAN_TEXT), "--out", str(out), "--force"])
    assert r.exit_code == 0
    r = runner.invoke(main, ["check", str(out)])
    assert r.exit_code == 1  # loads, and finds the plan's contradictions
    r = runner.invoke(main, ["extract", str(PLAN_TEXT), "--format", "json"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert set(doc) >= {"document", "figures", "summary"}
    s = doc["summary"]
    assert s["figures"] == len(doc["figures"]) == s["placed"] + s["left_for_review"]
    kinds = {f["kind"] for f in doc["figures"]}
    assert kinds <= {
        "level",
        "annual",
        "total",
        "cumulative",
        "share",
        "change_pp",
        "change_abs",
        "count",
    }
    assert {f["qualifier"] for f in doc["figures"]} <= {
        "exact",
        "about",
        "at_least",
        "at_most",
        "range",
    }
    first = doc["figures"][0]
    assert (first["value"], first["unit"], first["period"]) == ("12.6", "%", "2016-2019")


def test_cli_extract_yaml_to_stdout(tmp_path):
    r = CliRunner().invoke(main, ["extract", str(PLAN_TEXT)])
    assert r.exit_code == 0
    assert "# --- baselines.yaml ---" in r.stdout and "# --- targets.yaml ---" in r.stdout
    assert "386 sentences read, 62 figures found" in r.stderr.replace("\xa0", " ")
