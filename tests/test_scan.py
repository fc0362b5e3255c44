"""ezplan scan: many documents, one table; findings located in their documents."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner

from ezplan.cli import main
from ezplan.scan import find_documents, scan

DATA = Path(__file__).parent / "data"


def _folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(DATA / "extract" / "ezhou-plan.txt", docs / "ezhou.txt")
    (docs / "small.md").write_text(
        "2021年1月5日\n\n过去五年，一般公共预算收入从100亿元增加到150亿元，年均增长5%。\n"
        # the trap: GDP's rate is at comparable prices by convention, its levels at current
        # prices (a price rise of 3.3% a year between them): no contradiction
        "地区生产总值从1000亿元增加到1500亿元，年均增长5%。\n",
        encoding="utf-8",
    )
    (docs / "notes.csv").write_text("not a document\n", encoding="utf-8")
    return docs


def test_scan_finds_and_locates(tmp_path):
    docs = _folder(tmp_path)
    found = find_documents([docs])
    assert [p.name for p in found] == ["ezhou.txt", "small.md"]
    result = scan(found, jobs=1)
    small = result.documents[1]
    errors = [f for f in small.result.findings if f.severity.label == "error"]
    assert [f.check for f in errors] == ["level-rate"]  # 100 → 150 is 8.4% a year, not 5%
    i = small.result.findings.index(errors[0])
    assert small.located[i].document_line == 3
    assert "年均增长5%" in small.located[i].quote


def test_scan_json_carries_document_lines(tmp_path):
    docs = _folder(tmp_path)
    r = CliRunner().invoke(main, ["scan", str(docs), "--format", "json", "--jobs", "2"])
    assert r.exit_code == 1, r.output
    doc = json.loads(r.stdout)
    assert {d["document"].rsplit("/", 1)[-1] for d in doc["summary"]["documents"]} == {
        "ezhou.txt",
        "small.md",
    }
    for f in doc["findings"]:
        assert "document" in f and "document_line" in f
        assert f["file"] in ("baselines.yaml", "targets.yaml")  # the drafts, as extract names them
    ezhou = [f for f in doc["findings"] if f["document"].endswith("ezhou.txt")]
    lines = {f["check"]: f["document_line"] for f in ezhou if f["severity"] == "error"}
    assert lines == {"growth-rate": 25, "part-whole": 35, "level-rate": 68}


def test_scan_names_the_drafts_by_name_with_the_temporary_folder_in_the_working_one(
    tmp_path, monkeypatch
):
    """The drafts of a scan without --drafts live in a temporary folder that is gone when the
    scan ends: findings name their files as extract would (baselines.yaml) — their positions
    and those in their data — also where that folder lies within the working directory and the
    loader names it relatively."""
    docs = _folder(tmp_path)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    monkeypatch.chdir(tmp_path)
    result = scan(find_documents([docs]), jobs=1)
    findings = [f for d in result.documents for f in d.result.findings]
    files = {m.file for f in findings for m in (f.mark, *f.related)}
    in_data = [x["file"] for f in findings for x in f.data.get("figures", [])]
    assert in_data  # the Ezhou plan's whole-plan finding names its figures' positions
    assert files | set(in_data) == {"baselines.yaml", "targets.yaml"}


def test_scan_jsonl_sarif_and_text(tmp_path):
    docs = _folder(tmp_path)
    runner = CliRunner()
    r = runner.invoke(main, ["scan", str(docs), "--format", "jsonl"])
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all("document_line" in row for row in rows)
    r = runner.invoke(main, ["scan", str(docs), "--format", "sarif"])
    sarif = json.loads(r.stdout)
    results = sarif["runs"][0]["results"]
    located = [x for x in results if x["properties"].get("document_line")]
    assert located
    loc = located[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith((".txt", ".md"))
    out = tmp_path / "report.txt"
    r = runner.invoke(main, ["scan", str(docs), "--no-color", "--output", str(out)])
    assert r.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert "small.md" in text and "level-rate" in text and "2\xa0documents," in text


def test_scan_sarif_points_only_at_files_that_exist(tmp_path):
    """Without --drafts the drafts are gone when the scan ends: no SARIF location names them
    (a draft's name would point a code-scanning tool at the repository's own baselines.yaml),
    and a related figure is located in the document. With --drafts the draft is a related
    location, in the folder it was kept in."""
    docs = _folder(tmp_path)
    runner = CliRunner()

    def uris(args):
        r = runner.invoke(main, ["scan", str(docs), "--format", "sarif", *args])
        results = json.loads(r.stdout)["runs"][0]["results"]
        related = [loc for x in results for loc in x.get("relatedLocations", [])]
        return (
            results,
            related,
            {
                loc["physicalLocation"]["artifactLocation"]["uri"]
                for x in results
                for loc in (*x["locations"], *x.get("relatedLocations", []))
            },
        )

    results, related, gone = uris([])
    assert related  # the Ezhou plan's findings relate figures, each on a line of the document
    assert all(u.endswith((".txt", ".md")) for u in gone)
    # a finding on no line of the document (the draft's unused indicators) is located in the
    # document as a whole: no line, not the draft's
    unplaced = [x for x in results if not x["properties"].get("document_line")]
    assert unplaced and all("region" not in x["locations"][0]["physicalLocation"] for x in unplaced)
    kept = tmp_path / "drafts"
    _, _, drafts = uris(["--drafts", str(kept)])
    assert any(u.endswith("baselines.yaml") or u.endswith("targets.yaml") for u in drafts)


def test_scan_summary_in_chinese_keeps_each_count_whole(tmp_path):
    """As check's: no space between a count and its word, and a narrow terminal breaks the
    line after a clause (，；、), never inside 2个文档 or between 0 and 个错误."""
    docs = _folder(tmp_path)
    r = CliRunner(env={"COLUMNS": "40"}).invoke(main, ["--lang", "zh", "scan", str(docs)])
    lines = r.stdout[r.stdout.index("2个文档") :].splitlines()
    assert len(lines) > 1  # 40 columns: the summary takes several lines
    assert all(line[-1] in "，；、" for line in lines[:-1]), lines


def test_scan_unreadable_document(tmp_path):
    docs = _folder(tmp_path)
    (docs / "bad.txt").write_bytes(bytes(range(0x80, 0x100)) * 40)
    r = CliRunner().invoke(main, ["scan", str(docs), "--format", "json"])
    assert r.exit_code == 2
    assert "bad.txt" in r.stderr and r.stderr.count("\n") == 1
    doc = json.loads(r.stdout)
    assert len(doc["summary"]["documents"]) == 3  # the others were still scanned
    r = CliRunner().invoke(main, ["scan", str(tmp_path / "missing")])
    assert r.exit_code == 2


def test_scan_shows_every_sentence_a_finding_compares(tmp_path):
    """A growth-rate error whose two figures stand on two lines shows both sentences, and the
    summary says what is not shown. By hand: 1.313^5 = 3.90, not 3.3."""
    from click.testing import CliRunner

    from ezplan.cli import main

    doc = tmp_path / "报告.md"
    doc.write_text(
        "# 某市2021年政府工作报告\n\n"
        "“十三五”时期，建筑业总产值年均增长31.3%。\n\n"
        "2020年建筑业总产值是“十二五”末的3.3倍。\n",
        encoding="utf-8",
    )
    r = CliRunner().invoke(main, ["scan", str(tmp_path), "--lang", "zh"], env={"COLUMNS": "80"})
    out = r.stdout
    assert r.exit_code == 1 and "报告.md:3 ↔ 5  growth-rate" in out
    assert "原文：“十三五”时期，建筑业总产值年均增长31.3%。\n    2020年建筑业总产值是" in out
    assert "其中2个可列入草稿；1个错误" in out


def test_scan_titles_notes_as_findings_not_contradictions(tmp_path):
    """helper-64, helper-65: `scan --show note` on a report with no error nor warning printed
    "Contradictions found" above its notes; the summary under it said 0 errors, 0 warnings."""
    (tmp_path / "r.md").write_text(
        "2021年1月5日\n\n2020年，全市一般公共预算收入150亿元，增长5%。\n", encoding="utf-8"
    )
    for lang, title, not_title in (
        ("en", "Findings", "Contradictions"),
        ("zh", "问题与提示", "矛盾"),
    ):
        r = CliRunner().invoke(main, ["--lang", lang, "scan", str(tmp_path), "--show", "note"])
        assert r.exit_code == 0, r.output
        first = r.output.strip().splitlines()[0]
        assert title in first and not_title not in first, r.output


def test_a_drafts_missing_base_is_said_of_the_document(tmp_path):
    """A scan's planner wrote no baselines.yaml: 'baselines.yaml records no 2020 level' (245
    notes of the corpus, a reviewer's find) says that none was found in the document."""
    from click.testing import CliRunner

    from ezplan.cli import main

    doc = tmp_path / "r.md"
    doc.write_text(
        "# 2021年政府工作报告\n\n2021年1月20日\n\n## 二、2021年工作\n\n"
        "今年，社会消费品零售总额增长9.5%以上。\n",
        encoding="utf-8",
    )
    args = ["scan", str(tmp_path), "--show", "note", "--format", "json"]
    for lang, words in (
        ("en", "no 2020 level was found in the document (nor in baselines.yaml)"),
        ("zh", "文中未找到2020年水平（baselines.yaml亦未记录）"),
    ):
        out = CliRunner().invoke(main, ["--lang", lang, *args]).output
        assert words in out, out


def test_a_documents_exchange_rate_is_the_documents(tmp_path):
    """A statistical bulletin's pairs (折1310亿美元) drafted into plan files were 'the plan's'
    rate (规划隐含汇率, a reviewer's find): a drafted document's is 文中隐含汇率."""
    from click.testing import CliRunner

    from ezplan.cli import main

    (tmp_path / "b.md").write_text(
        "# 2018年国民经济和社会发展统计公报\n\n2019年2月28日\n\n"
        "全年实际使用外商直接投资金额8776亿元，折1310亿美元。\n",
        encoding="utf-8",
    )
    args = ["scan", str(tmp_path), "--show", "note", "--format", "json"]
    zh = CliRunner().invoke(main, ["--lang", "zh", *args]).output
    en = CliRunner().invoke(main, ["--lang", "en", *args]).output
    assert "文中隐含汇率为1美元=6.699元" in zh, zh
    assert "the document converts at 6.699元 per 美元" in en, en
