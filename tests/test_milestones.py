"""Milestones (level and cumulative methods), progress statuses, and every export read back."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from ezplan.cli import main
from ezplan.loader import load_plan
from ezplan.milestones import build
from ezplan.progress import Thresholds, assess, classify
from tests.conftest import ROOT, write_plan

B = """\
indicators:
  x:
    name: 销售额
    name_en: Sales
    unit: 亿元
    levels: {{2020: 100.00亿元{actuals}}}
  f:
    name: 外资
    unit: 亿美元
"""
T = """\
targets:
  x: {{level: {target}, annual: 10%{extra}}}
  f: {{annual: 10%, cumulative: 6.71561亿美元}}
"""


def plan(tmp_path, actuals="", target="161.05亿元", extra=""):
    return load_plan(
        write_plan(tmp_path, B.format(actuals=actuals), T.format(target=target, extra=extra))
    )


def test_level_milestones_by_hand(tmp_path):
    (m, _) = build(plan(tmp_path, target="200亿元"))
    # path to 200: 100 × 2^(t/5): 114.8698, 131.9508, 151.5717, 174.1101, 200
    assert m.required == pytest.approx([100, 114.8698, 131.9508, 151.5717, 174.1101, 200], abs=1e-4)
    # at the stated 10%: 100 × 1.1^t
    assert m.at_stated_rate == pytest.approx([100, 110, 121, 133.1, 146.41, 161.051])
    assert m.required_rate == pytest.approx(2**0.2 - 1)
    assert m.decimals == 2  # 100.00亿元


def test_cumulative_milestones_by_hand(tmp_path):
    (_, f) = build(plan(tmp_path))
    # Σ 1.1^t (t = 1..5) = 6.71561, so the implied 2020 amount is 1 and the years 1.1, 1.21 …
    assert f.cumulative and f.amounts == pytest.approx([1, 1.1, 1.21, 1.331, 1.4641, 1.61051])
    assert f.running_total == pytest.approx([0, 1.1, 2.31, 3.641, 5.1051, 6.71561])


@pytest.mark.parametrize(
    ("ratio", "met", "status"),
    [
        (1.2, True, "achieved"),
        (0.95, False, "on_track"),
        (0.9499, False, "moderate"),
        (0.6, False, "moderate"),
        (0.5999, False, "limited"),
        (0.0, False, "limited"),
        (-0.0001, False, "moving_away"),
    ],
)
def test_status_thresholds(ratio, met, status):
    assert classify(ratio, met, Thresholds()) == status


def test_thresholds_are_configurable():
    assert classify(0.9, False, Thresholds(on_track=0.85, moderate=0.5)) == "on_track"
    with pytest.raises(ValueError):
        Thresholds(on_track=0.5, moderate=0.6)


@pytest.mark.parametrize(
    ("actual", "status"),
    [
        ("121亿元", "on_track"),  # 10% a year so far: ratio 1
        ("119.95亿元", "on_track"),  # √1.1995 − 1 = 9.522%: ratio 0.952
        ("119.85亿元", "moderate"),  # √1.1985 − 1 = 9.476%: ratio 0.948
        ("112.40亿元", "moderate"),  # 6.019%: ratio 0.602
        ("112.30亿元", "limited"),  # 5.972%: ratio 0.597
        ("99亿元", "moving_away"),
        ("170亿元", "achieved"),
    ],
)
def test_progress_up(tmp_path, actual, status):
    (p, _) = assess(build(plan(tmp_path, actuals=f", 2022: {actual}")))
    assert p.status == status


def test_progress_numbers(tmp_path):
    (p, f) = assess(build(plan(tmp_path, actuals=", 2021: 108亿元, 2022: 121亿元")))
    # milestone: 100 × 1.6105^(2/5) = 120.9997
    assert (p.year, p.actual, p.milestone) == (2022, 121, pytest.approx(120.9997, abs=1e-4))
    assert p.gap == pytest.approx(0.0003, abs=1e-4)
    assert p.achieved_rate == pytest.approx(0.1)
    assert p.remaining_rate == pytest.approx(0.1, abs=1e-5)  # (161.05 / 121)^(1/3) − 1
    assert p.projection == pytest.approx(161.051)  # 121 × 1.1^3
    assert f.status == "no_actuals"


@pytest.mark.parametrize(
    ("actual", "status"),
    [
        ("90亿元", "on_track"),  # √0.9 − 1 = −5.13% vs −4.36% required: ratio 1.18
        ("105亿元", "moving_away"),
        ("75亿元", "achieved"),
    ],
)
def test_progress_down(tmp_path, actual, status):
    (p, _) = assess(
        build(
            plan(tmp_path, actuals=f", 2022: {actual}", target="80亿元", extra=", direction: down")
        )
    )
    assert p.status == status


def test_no_actuals_says_so():
    ps = assess(build(load_plan(ROOT)))
    assert {p.status for p in ps} == {"no_actuals"}


# --- commands and exports -------------------------------------------------------------------


@pytest.fixture
def plan_dir(tmp_path):
    return write_plan(
        tmp_path / "p",
        B.format(actuals=", 2022: 121亿元"),
        T.format(target="161.05亿元", extra=""),
    )


def run(*args):
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r


def test_milestones_text_and_formats(plan_dir):
    out = run("milestones", "--plan", str(plan_dir), "--lang", "en").stdout
    assert "133.10" in out and "on track" in out
    j = json.loads(run("milestones", "x", "--plan", str(plan_dir), "--format", "json").stdout)
    assert [m["indicator"] for m in j["milestones"]] == ["x"]
    assert j["milestones"][0]["years"][3]["at_stated_rate"] == pytest.approx(133.1)
    md = run("milestones", "--plan", str(plan_dir), "--format", "md", "--lang", "zh").stdout
    assert "| 2023 | 133.10 | 133.10 | — |" in md
    r = CliRunner().invoke(main, ["milestones", "nope", "--plan", str(plan_dir)])
    assert r.exit_code == 2 and "not a target: nope" in r.stderr


def test_export_csv_has_bom_and_matches_milestones(plan_dir, tmp_path):
    to = tmp_path / "m.csv"
    run("export", "--plan", str(plan_dir), "--to", str(to), "--lang", "zh", "--what", "milestones")
    assert sorted(p.name for p in tmp_path.glob("m*.csv")) == ["m.csv"]
    raw = to.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["年份", "销售额·目标路径（亿元）", "销售额·按规划增速（亿元）"]
    by_year = {r[0]: r for r in rows[1:]}
    assert by_year["2024"][2] == "146.41"  # 100 × 1.1^4
    assert by_year["2022"][3] == "121"  # the actual, as stated (121亿元)
    assert by_year["2025"][-1] == "6.71561"  # 外资 running total, to its 5 decimals
    # the 2020 amount of 外资 is implied by the sum and the rate (1.00000), not data; nothing is
    # summed in 2020
    assert by_year["2020"][-2:] == ["1.00000（推算）", ""]


def test_export_xlsx_read_back(plan_dir, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    to = tmp_path / "m.xlsx"
    run("export", "--plan", str(plan_dir), "--to", str(to), "--lang", "en")
    wb = openpyxl.load_workbook(to)
    assert wb.sheetnames == ["Targets", "Milestones", "Progress", "Findings"]
    # x: level and rate checked; f: a rate and a sum with no base-year amount to start from
    assert [c.value for c in wb["Targets"]["J"]][1:] == ["✓ consistent", "– not checkable"]
    ws = wb["Milestones"]
    assert ws.freeze_panes == "B2"
    assert ws.cell(1, 2).value == "Sales·required (亿元)"
    assert ws.cell(6, 3).value == pytest.approx(146.41)  # a number, not text
    assert ws.cell(6, 3).number_format == "0.00"
    progress = wb["Progress"]
    assert progress.cell(2, 13).value == "✓ on track"
    assert progress.cell(2, 9).value == pytest.approx(0.1)  # 10% a year so far, as a fraction
    assert progress.cell(2, 9).number_format == "0.00%"


def test_export_json_and_md(plan_dir, tmp_path):
    run("export", "--plan", str(plan_dir), "--to", str(tmp_path / "m.json"))
    doc = json.loads((tmp_path / "m.json").read_text("utf-8"))
    assert doc["milestones"][0]["progress"]["status"] == "on_track"
    assert isinstance(doc["findings"], list)
    run("export", "--plan", str(plan_dir), "--to", str(tmp_path / "m.md"), "--lang", "zh")
    assert "进度正常" in (tmp_path / "m.md").read_text("utf-8")


def test_export_unknown_extension(plan_dir, tmp_path):
    r = CliRunner().invoke(
        main, ["export", "--plan", str(plan_dir), "--to", str(tmp_path / "m.ods")]
    )
    assert r.exit_code == 2 and "cannot tell the format" in r.stderr


def test_export_keeps_the_old_file_when_writing_fails(plan_dir, tmp_path, monkeypatch):
    to = tmp_path / "m.csv"
    to.write_text("old", encoding="utf-8")
    import ezplan.output as output

    def fail(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", fail)
    r = CliRunner().invoke(main, ["export", "--plan", str(plan_dir), "--to", str(to)])
    assert r.exit_code != 0
    assert to.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_an_actual_in_the_target_year_is_not_mistaken_for_the_target(tmp_path):
    (p, _) = assess(build(plan(tmp_path, actuals=", 2025: 170亿元")))
    assert (p.year, p.actual, p.status) == (2025, 170, "achieved")


def test_an_empty_plan_says_it_has_no_targets(tmp_path):
    d = write_plan(tmp_path / "e", "indicators: {}\n", "targets: {}\n")
    assert "no targets" in run("milestones", "--plan", str(d), "--lang", "en").stdout
    md = run("milestones", "--plan", str(d), "--format", "md", "--lang", "zh").stdout
    assert md == "规划未列出目标。\n"


def test_targets_named_as_the_plan_writes_them(tmp_path):
    """milestones/plot take a target by id, by name or by an unambiguous part of a name, as
    explain does; a name that fits several or none is refused with the candidates."""
    from tests.conftest import ROOT

    out = run("milestones", "社零", "--plan", str(ROOT), "--format", "json", "--lang", "en")
    assert [m["indicator"] for m in json.loads(out.stdout)["milestones"]] == ["retail_sales"]
    by_id = run("milestones", "retail_sales", "--plan", str(ROOT), "--format", "json")
    assert json.loads(by_id.stdout)["milestones"] == json.loads(out.stdout)["milestones"]
    r = CliRunner().invoke(main, ["milestones", "零售", "--plan", str(ROOT), "--lang", "en"])
    assert r.exit_code == 2 and "names several targets" in r.stderr
    assert "retail_sales" in r.stderr and "online_retail" in r.stderr  # the candidates
    r = CliRunner().invoke(main, ["milestones", "retail_sale", "--plan", str(ROOT)])
    assert r.exit_code == 2 and "retail_sales" in r.stderr  # did you mean


def test_a_path_built_from_the_stated_rate_does_not_repeat_it():
    """实际利用外资: 累计3.2亿美元 at 10% a year, 2020 derived from the two: "needs 10.00% a
    year" would only say the plan's own rate again; the header gives the plan's 10% once."""
    from tests.conftest import ROOT

    out = run("milestones", "fdi_actual", "--plan", str(ROOT), "--lang", "zh").stdout
    head = out.split("年份")[0]
    assert "规划：10%" in head and "需年均" not in head
    out = run("milestones", "retail_sales", "--plan", str(ROOT), "--lang", "zh").stdout
    assert "需年均增长8.89%" in out  # an observed base: the rate the target needs is news


def test_a_target_named_in_a_plan_without_targets(tmp_path):
    from tests.conftest import write_plan

    d = write_plan(tmp_path, "indicators:\n  x: {name: 甲, unit: 亿元}\n", "targets: {}\n")
    r = CliRunner().invoke(main, ["milestones", "甲", "--plan", str(d), "--lang", "en"])
    assert r.exit_code == 2 and "the plan states no targets" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def _one(tmp_path, baselines: str, targets: str):
    (m,) = build(load_plan(write_plan(tmp_path, baselines, targets)))
    return m


def test_a_total_growth_with_a_base_has_a_path(tmp_path):
    """增长12% over 2020→2021 from a recorded 2020 level is a path as surely as a rate is;
    it was refused as "the only figure stated for this target" (the check's reason)."""
    m = _one(
        tmp_path,
        "indicators:\n  x: {name: 固定资产投资, unit: 亿元, levels: {2020: 819.24亿元}}\n",
        "targets:\n  x: {period: '2021', total: 增长12%}\n",
    )
    assert m.no_path is None
    assert m.at_stated_rate == pytest.approx([819.24, 917.5488])  # 819.24 × 1.12
    m = _one(
        tmp_path / "double",
        "indicators:\n  x: {name: 产值, unit: 亿元, levels: {2020: 100亿元}}\n",
        "targets:\n  x: {total: 翻一番}\n",
    )
    # ×2 over five years: 100 · 2^(t/5) — 114.8698 in 2021, 200 in 2025
    assert m.at_stated_rate == pytest.approx([100, 114.8698, 131.9508, 151.5717, 174.1101, 200])
    assert m.stated_rate_text == "翻一番"


def test_milestones_show_each_years_step(tmp_path):
    """53% 提高1.5个百分点 reaches 54.5% (shown as 54 at the plan's whole percent), and 88% to
    90% in five years is 88.4, 88.8 … (shown as 88, 88, 89, 89: a year with no progress)."""
    m = _one(
        tmp_path,
        "indicators:\n  u: {name: 城镇化率, unit: '%', levels: {2020: 53%}}\n",
        "targets:\n  u: {period: '2021', change: 提高1.5个百分点以上}\n",
    )
    assert m.at_stated_rate == pytest.approx([53, 54.5])
    assert m.decimals == 1
    out = run("milestones", "--plan", str(tmp_path), "--lang", "en").stdout
    assert "54.5" in out
    m = _one(
        tmp_path / "w",
        "indicators:\n  w: {name: 自来水普及率, unit: '%', levels: {2020: 88%}}\n",
        "targets:\n  w: {level: 90%}\n",
    )
    assert m.required == pytest.approx([88, 88.4, 88.8, 89.2, 89.6, 90])
    out = run("milestones", "--plan", str(tmp_path / "w"), "--lang", "en").stdout
    assert all(f" {v}" in out for v in ("88.4", "88.8", "89.2", "89.6"))
    assert re.search(r"2025 +90\n", out)  # the target, as the plan states it


def test_a_bounded_target_bounds_the_rate_it_needs(tmp_path):
    """突破200亿元 from 100亿元 in five years needs at least 2^(1/5) − 1 = 14.87% a year; and a
    floor under a sum that falls (累计13万户以上 from 34,289户 a year: Σ 34289·(1+r)^t = 130000
    at r = −9.0865%, by bisection) allows the fall, it does not ask for it."""
    write_plan(
        tmp_path,
        "indicators:\n"
        "  x: {name: 产值, unit: 亿元, levels: {2020: 100亿元}}\n"
        "  n: {name: 新增市场主体, unit: 户, levels: {2020: 34289户}}\n",
        "targets:\n  x: {level: 突破200亿元}\n  n: {cumulative: 13万户以上}\n",
    )
    en = run("milestones", "--plan", str(tmp_path), "--lang", "en").stdout
    zh = run("milestones", "--plan", str(tmp_path), "--lang", "zh").stdout
    assert "needs ≥ 14.87% a year" in en and "需年均增长不低于14.87%" in zh
    assert "needs ≥ -9.09% a year" in en and "需年均下降不超过9.09%" in zh
    assert "需年均下降9.09%" not in zh
