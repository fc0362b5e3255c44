"""CI-facing output: github, junit, sarif, jsonl; many plans; settings; exit codes; init."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from ezplan.cli import main
from ezplan.render.github import escape_data, escape_property
from tests.conftest import write_plan

# 100 → 200 at 10% a year is an error (100 × 1.1^5 = 161.05); the 2015 level is noted.
SMALL_B = """\
indicators:
  x:
    name: 销售额
    unit: 亿元
    levels: {2020: 100亿元}
"""
SMALL_T = "targets:\n  x: {level: 200亿元, annual: 10%}\n"
WARN_T = "targets:\n  x: {level: 162亿元, annual: 10.0%}\n"  # agrees only within rounding
CLEAN_T = "targets:\n  x: {level: 161亿元, annual: 10%}\n"


@pytest.fixture
def small(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    write_plan(tmp_path / "plan", SMALL_B, SMALL_T)
    return tmp_path


def invoke(*args, env=None):
    return CliRunner().invoke(main, ["check", *args], env=env)


def test_github_format_pinned(small):
    r = invoke("plan", "--format", "github", "--lang", "en")
    assert r.exit_code == 1
    assert r.stdout == (
        "::error file=plan/targets.yaml,line=5,col=29,title=ezplan level-rate%3A Level vs annual "
        "rate::plan/targets.yaml:5:29: [level-rate] at 10%25 a year, 100亿元 (2020) grows to "
        "161.1亿元 by 2025, not 200亿元; 200亿元 needs 14.87%25 a year — any one of them could be "
        "what is wrong: 年均增长10%25 → 14.70%25–15.04%25; 200亿元 → 156.6–165.6亿元; 100亿元 → "
        "121.1–127.4亿元.\n"
        "1 target: 0 consistent, 0 not checkable, 0 with warnings, 1 with errors; 1 error, "
        "0 warnings, 0 notes in all\n"
    )


def test_auto_is_github_inside_actions(small):
    r = invoke("plan", env={"GITHUB_ACTIONS": "true"})
    assert r.stdout.startswith("::error file=plan/targets.yaml,")


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("50% done", "50%25 done", "50%25 done"),
        ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
        ("x: 1, y: 2", "x: 1, y: 2", "x%3A 1%2C y%3A 2"),
        ("%0A", "%250A", "%250A"),  # an escape sequence in the text is not taken as one
    ],
)
def test_github_escaping(text, data, prop):
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_github_paths_have_no_leading_dot_slash(small):
    r = invoke("./plan", "--format", "github")
    assert "file=plan/targets.yaml" in r.stdout and "./" not in r.stdout


def test_jsonl_one_finding_per_line(small):
    r = invoke("plan", "--format", "jsonl", "--lang", "en")
    lines = r.stdout.splitlines()
    assert len(lines) == 1
    f = json.loads(lines[0])
    assert (f["check"], f["severity"], f["file"], f["line"], f["column"], f["plan"]) == (
        "level-rate",
        "error",
        "plan/targets.yaml",
        5,
        29,
        "plan",
    )


def test_sarif_structure(small):
    r = invoke("plan", "--format", "sarif", "--lang", "en")
    doc = json.loads(r.stdout)
    assert doc["version"] == "2.1.0" and "sarif" in doc["$schema"]
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "ezplan"
    ids = [rule["id"] for rule in driver["rules"]]
    assert "level-rate" in ids and "load" in ids
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
    (res,) = run["results"]
    assert res["ruleId"] == "level-rate" and ids[res["ruleIndex"]] == "level-rate"
    assert res["level"] == "error"
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "plan/targets.yaml"
    assert loc["region"] == {"startLine": 5, "startColumn": 29}
    assert "14.87% a year" in res["message"]["text"]


def test_junit_structure(small):
    write_plan(
        small / "plan",
        SMALL_B.replace(
            "levels: {2020: 100亿元}",
            "levels: {2019: 110亿元, 2020: 100亿元}\n    growth: [{period: 2016-2019, annual: 8%}]",
        ),
        SMALL_T,
    )
    r = invoke("plan", "--format", "junit", "--lang", "en")
    root = ET.fromstring(r.stdout)
    assert root.tag == "testsuites"
    (suite,) = root
    cases = {c.get("name"): c for c in suite}
    # one case for the target, one for the file-level history note
    assert set(cases) == {"x 销售额", "history"}
    failure = cases["x 销售额"].find("failure")
    assert failure is not None and failure.get("type") == "level-rate"
    assert "200亿元 needs 14.87% a year" in failure.text
    assert cases["history"].find("failure") is None
    assert "2015" in cases["history"].find("system-out").text
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    assert root.get("failures") == "1"


def test_output_file_is_written_atomically(small, monkeypatch):
    out = small / "report.sarif"
    out.write_text("previous", encoding="utf-8")
    r = invoke("plan", "--format", "sarif", "--output", str(out))
    assert r.exit_code == 1 and r.stdout == ""
    assert json.loads(out.read_text("utf-8"))["version"] == "2.1.0"

    import ezplan.output as output

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    r = invoke("plan", "--format", "json", "--output", str(out))
    assert r.exit_code != 0
    assert json.loads(out.read_text("utf-8"))["version"] == "2.1.0"  # the previous file stands
    assert [p.name for p in small.iterdir() if p.name.endswith(".tmp")] == []


def test_text_report_to_a_file(small):
    r = invoke("plan", "--output", "out.txt", "--lang", "en")
    text = (small / "out.txt").read_text("utf-8")
    assert r.stdout == "" and "14.87% a year" in text and "\x1b[" not in text


@pytest.mark.parametrize(
    ("targets", "flags", "code"),
    [
        (CLEAN_T, [], 0),
        (CLEAN_T, ["--strict"], 0),
        (WARN_T, [], 0),
        (WARN_T, ["--strict"], 1),
        (WARN_T, ["--strict", "--exit-zero"], 0),
        (SMALL_T, [], 1),
        (SMALL_T, ["--exit-zero"], 0),
        (SMALL_T, ["--ignore", "level-rate"], 0),
        (SMALL_T, ["--select", "history"], 0),
        ("targets:\n  x: {level: 1亿英镑}\n", [], 2),
        ("targets:\n  x: {level: 1亿英镑}\n", ["--exit-zero"], 2),
    ],
)
def test_exit_codes(tmp_path, targets, flags, code):
    d = write_plan(tmp_path / "p", SMALL_B, targets)
    for fmt in ("text", "json", "github"):
        assert invoke(str(d), "--format", fmt, *flags).exit_code == code, (fmt, flags)


def test_many_plans_one_broken(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_plan(tmp_path / "plans" / "a", SMALL_B, SMALL_T)
    write_plan(tmp_path / "plans" / "b" / "deep", SMALL_B, "targets:\n  x: {level: 1亿英镑}\n")
    write_plan(tmp_path / "plans" / "c", SMALL_B, CLEAN_T)
    (tmp_path / "plans" / ".hidden").mkdir()
    write_plan(tmp_path / "plans" / ".hidden", SMALL_B, SMALL_T)
    r = invoke("plans", "--format", "json", "--lang", "en")
    assert r.exit_code == 2  # one plan could not be read; the others were still checked
    doc = json.loads(r.stdout)
    names = [p["name"] for p in doc["summary"]["plans"]]
    assert names == ["plans/a", "plans/b/deep", "plans/c"]
    assert "load_error" in doc["summary"]["plans"][1]
    checks = [(f["plan"], f["check"]) for f in doc["findings"]]
    assert checks == [("plans/a", "level-rate"), ("plans/b/deep", "load")]
    assert "plans/b/deep/targets.yaml:5:" in r.stderr
    text = invoke("plans", "--lang", "en")
    assert "── plans/a ──" in text.stdout and "── plans/c ──" in text.stdout


def test_plan_files_as_paths_are_paired(tmp_path, monkeypatch):
    # pre-commit passes changed files: a changed targets.yaml is checked with its baselines
    monkeypatch.chdir(tmp_path)
    write_plan(tmp_path / "a", SMALL_B, SMALL_T)
    r = invoke("a/targets.yaml", "a/baselines.yaml", "--format", "json")
    doc = json.loads(r.stdout)
    assert [p["name"] for p in doc["summary"]["plans"]] == ["a"]
    (tmp_path / "notes.yaml").write_text("x: 1\n")
    r = invoke("notes.yaml")
    assert r.exit_code == 2 and "expected a plan directory or a file named" in r.stderr


def test_settings_from_ezplan_toml_and_pyproject(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_plan(tmp_path / "p", SMALL_B, SMALL_T)
    (tmp_path / "pyproject.toml").write_text('[tool.ezplan]\nignore = ["level-rate"]\n')
    assert invoke("p").exit_code == 0
    assert invoke("p", "--select", "level-rate").exit_code == 0  # config ignore still applies
    (tmp_path / "ezplan.toml").write_text('select = ["level-rate"]\nlang = "zh"\n')
    r = invoke("p")
    assert r.exit_code == 1 and "错误" in r.stdout
    (tmp_path / "ezplan.toml").write_text('selct = ["x"]\n')
    r = invoke("p")
    assert r.exit_code == 2 and "unknown setting(s) selct" in r.stderr
    (tmp_path / "ezplan.toml").write_text("select = [\n")
    assert invoke("p").exit_code == 2


def test_init_writes_a_plan_that_passes(tmp_path):
    r = CliRunner().invoke(main, ["init", str(tmp_path / "new")])
    assert r.exit_code == 0, r.output
    c = CliRunner().invoke(main, ["check", str(tmp_path / "new"), "--format", "json"])
    assert c.exit_code == 0, c.output
    assert json.loads(c.stdout)["summary"]["errors"] == 0
    again = CliRunner().invoke(main, ["init", str(tmp_path / "new")])
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_pre_commit_hook_definition():
    import yaml

    from tests.conftest import ROOT

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "ezplan" and hook["entry"].startswith("ezplan check")
    import re

    pattern = re.compile(hook["files"])
    assert pattern.search("plans/a/targets.yaml") and pattern.search("baselines.yaml")
    assert not pattern.search("plans/a/other.yaml")


def test_junit_pinned(small):
    # 100 × 1.1^5 = 161.05 → 161.1; 200 needs 2^(1/5) − 1 = 14.87% a year. The culprits'
    # ranges (whole-plan): the rate (199.5/100.5)^(1/5) − 1 = 14.70% to (200.5/99.5)^(1/5) − 1
    # = 15.04%; the target 99.5 × 1.095^5 = 156.6 to 100.5 × 1.105^5 = 165.6; the base
    # 199.5/1.105^5 = 121.1 to 200.5/1.095^5 = 127.4
    r = invoke("plan", "--format", "junit", "--lang", "en")
    msg = (
        "at 10% a year, 100亿元 (2020) grows to 161.1亿元 by 2025, not 200亿元; 200亿元 needs "
        "14.87% a year — any one of them could be what is wrong: 年均增长10% → 14.70%–15.04%; "
        "200亿元 → 156.6–165.6亿元; 100亿元 → 121.1–127.4亿元."
    )
    assert r.stdout == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="ezplan" tests="1" failures="1" errors="0" skipped="0">\n'
        '  <testsuite name="ezplan plan" tests="1" failures="1" errors="0" skipped="0">\n'
        '    <testcase classname="plan/targets.yaml" name="x 销售额">\n'
        f'      <failure message="{msg}" type="level-rate">plan/targets.yaml:5:29: error '
        f"[level-rate] {msg}</failure>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_junit_for_a_plan_that_cannot_be_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_plan(tmp_path / "a", SMALL_B, SMALL_T)
    write_plan(tmp_path / "b", SMALL_B, "targets: [\n")
    r = invoke("a", "b", "--format", "junit")
    assert r.exit_code == 2
    root = ET.fromstring(r.stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "1", "1")
    err = root[1].find("testcase/error")
    assert err is not None and err.get("type") == "load" and "not valid YAML" in err.text


def test_sarif_levels_follow_what_each_rule_reports(small):
    r = invoke("plan", "--format", "sarif")
    rules_meta = {x["id"]: x["defaultConfiguration"]["level"] for x in
                  json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]}  # fmt: skip
    assert rules_meta["constant-prices"] == "warning" and rules_meta["unchecked"] == "note"
    assert rules_meta["plausibility"] == "warning" and rules_meta["level-rate"] == "error"


def test_github_paths_from_the_repository_root(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    write_plan(tmp_path / "plans" / "a", SMALL_B, SMALL_T)
    monkeypatch.chdir(tmp_path / "plans")
    r = invoke("a", "--format", "github")
    assert "file=plans/a/targets.yaml," in r.stdout


def test_json_open_ends_are_null_and_amounts_carry_their_unit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # 40%以上 of 326.57亿元: at least 130.63亿元, no upper end
    write_plan(
        tmp_path / "p",
        "indicators:\n  s: {name: 社零, unit: 亿元, levels: {2020: 326.57亿元}}\n"
        "  n:\n    name: 网零\n    unit: 亿元\n    shares: [{of: s, year: 2020, value: 40%以上}]\n",
        "targets: {}\n",
    )
    doc = json.loads(invoke("p", "--format", "json").stdout)
    (f,) = [f for f in doc["findings"] if f["check"] == "share"]
    assert f["implied"]["high"] is None and f["unit"] == "亿元"
    assert f["implied"]["low"] == pytest.approx(0.395 * 326.565)
