"""A bound is not a required change: a target the base already meets (a ceiling above it, a
floor below it, a figure it rounds to) requires no rate, and a base stated only as a bound
requires none from it; the CSVs give a change in points and a percentage level their units."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from ezplan.cli import main
from ezplan.loader import load_plan
from ezplan.milestones import build
from ezplan.progress import assess
from ezplan.render import milestone_tables as mt
from tests.conftest import write_plan

ONE_YEAR = "plan:\n  name: 测试\n  period: '2021'\n"


def _one(tmp_path, baselines: str, targets: str, head: str = ONE_YEAR):
    (m,) = build(load_plan(write_plan(tmp_path, baselines, targets, head)))
    return m


def run(*args: str) -> str:
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


UNEMPLOYMENT = (
    "indicators:\n  u: {{name: 调查失业率, unit: '%', levels: {{2020: 5.45%{actual}}}}}\n"
)


def test_a_target_the_base_rounds_to_requires_no_rise(tmp_path):
    """广东's 城镇调查失业率5.5%左右 from 5.45%: 5.5 written to one decimal is 5.45 … 5.55, so
    5.45 already is 5.5 — it read '需年均提高0.05个百分点', a rise nobody asked for."""
    m = _one(tmp_path, UNEMPLOYMENT.format(actual=""), "targets:\n  u: {level: 5.5%左右}\n")
    assert m.met_at_base == "rounds" and m.required is None and m.required_rate is None
    zh, en = mt.summary(m, "zh"), mt.summary(m, "en")
    assert "需年均" not in zh and "提高" not in zh
    assert "5.5%左右：2020年5.45%按其精度已相符，保持即可" in zh
    assert "needs" not in en and "holding it is enough" in en


def test_a_ceiling_above_the_base_requires_no_rise(tmp_path):
    """4.5%以内 from 3.2%: it read '需年均提高不超过0.26个百分点' ((4.5 − 3.2) / 5)."""
    m = _one(
        tmp_path,
        "indicators:\n  u: {name: 登记失业率, unit: '%', levels: {2020: 3.2%}}\n",
        "targets:\n  u: {level: 4.5%以内}\n",
        head="plan:\n  name: 测试\n  period: 2021-2025\n",
    )
    assert m.met_at_base == "ceiling" and m.required is None
    assert "4.5%以内为上限：2020年3.2%已在限内，无需降低" in mt.summary(m, "zh")
    (ceiling,) = mt.columns(m, "zh")
    assert ceiling.header == "上限" and ceiling.values == {y: 4.5 for y in range(2021, 2026)}


def test_kept_at_about_a_figure_is_a_ceiling(tmp_path):
    """控制在5.5%左右 from 5.2%: not within 5.5's rounding (|5.5 − 5.2| = 0.3 > 0.05), but the
    plan keeps it down to the figure: a ceiling, met."""
    m = _one(
        tmp_path,
        "indicators:\n  u: {name: 调查失业率, unit: '%', levels: {2020: 5.2%}}\n",
        "targets:\n  u: {level: {value: 5.5%左右, quote: 城镇调查失业率控制在5.5%左右}}\n",
    )
    assert m.met_at_base == "ceiling" and m.required_rate is None


def test_a_ceiling_below_the_base_still_requires_the_fall(tmp_path):
    """4.5%以内 from 5%: the fall of at least 0.5 points (one year) is required."""
    m = _one(
        tmp_path,
        "indicators:\n  u: {name: 登记失业率, unit: '%', levels: {2020: 5%}}\n",
        "targets:\n  u: {level: 4.5%以内}\n",
    )
    assert m.met_at_base is None
    assert "需年均降低不少于0.50个百分点" in mt.summary(m, "zh")


def test_a_floor_below_the_base_requires_no_rise(tmp_path):
    m = _one(
        tmp_path,
        "indicators:\n  g: {name: 粮食总产量, unit: 万吨, levels: {2020: 320万吨}}\n",
        "targets:\n  g: {level: 300万吨以上}\n",
    )
    assert m.met_at_base == "floor" and m.required_rate is None
    assert "300万吨以上为下限：2020年320万吨已达到，无需提高" in mt.summary(m, "zh")


def test_a_base_that_is_only_a_bound_requires_no_rate(tmp_path):
    """青岛: 300万吨以上 in 2020 and 300万吨以上 in 2021 read '需年均增长不低于0.00%' — if 2020
    was 310, output could fall and still meet the target."""
    write_plan(
        tmp_path,
        "indicators:\n  g: {name: 粮食总产量, unit: 万吨, levels: {2020: 300万吨以上}}\n",
        "targets:\n  g: {level: 300万吨以上}\n",
        ONE_YEAR,
    )
    (m,) = build(load_plan(tmp_path))
    assert m.base_bound and m.required is None and m.required_rate is None
    zh = run("milestones", "--plan", str(tmp_path), "--lang", "zh", "--no-color")
    en = run("milestones", "--plan", str(tmp_path), "--lang", "en", "--no-color")
    assert "0.00%" not in zh and "0.00%" not in en  # 需年均增长不低于0.00%, needs ≥ 0.00%
    assert "2020年的300万吨以上只是一个界限，推不出所需增速" in zh
    assert "300万吨以上 in 2020 is only a bound: no rate can be required from it" in mt.summary(
        m, "en"
    )


def test_progress_on_a_bound_the_base_met(tmp_path):
    """5.5%左右 allows 5.5 ± max(0.05, 5% × 5.5 = 0.275): [5.225, 5.775]. 5.6 in 2021 (the
    target year) is within it: achieved; 5.8 is not: moving away. A ceiling of 4.5%以内
    (up to 4.55 as written) in 2025: 4.4 in 2022 is on track, 4.8 moving away."""
    for actual, status in (("5.6%", "achieved"), ("5.8%", "moving_away")):
        path = tmp_path / actual
        write_plan(
            path,
            UNEMPLOYMENT.format(actual=f", 2021: {actual}"),
            "targets:\n  u: {level: 5.5%左右}\n",
            ONE_YEAR,
        )
        (p,) = assess(build(load_plan(path)))
        assert p.status == status
    for actual, status in (("4.4%", "on_track"), ("4.8%", "moving_away")):
        path = tmp_path / f"c{actual}"
        write_plan(
            path,
            "indicators:\n  u: {name: 登记失业率, unit: '%', levels: {2020: 3.2%, 2022: "
            + actual
            + "}}\n",
            "targets:\n  u: {level: 4.5%以内}\n",
        )
        (p,) = assess(build(load_plan(path)))
        assert (p.status, p.milestone) == (status, 4.5)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_the_csvs_give_points_and_percentages_their_units(tmp_path):
    """The implied change of a ratio indicator (5.45% → 5.6%: +0.15 points) read a bare '0.15'
    under '（%）' in the targets CSV; a percentage level read '5.45' in `milestones --format
    csv` and '5.45%' in the export's."""
    write_plan(tmp_path, UNEMPLOYMENT.format(actual=""), "targets:\n  u: {level: 5.6%}\n", ONE_YEAR)
    out = tmp_path / "x.csv"
    run("export", "--plan", str(tmp_path), "--lang", "zh", "--to", str(out), "--what", "targets")
    head, row = _rows(out.read_text(encoding="utf-8-sig"))
    assert row[head.index("所需年均增速（%）")] == "+0.15个百分点"
    exported = tmp_path / "m.csv"
    run(
        "export",
        "--plan",
        str(tmp_path),
        "--lang",
        "en",
        "--to",
        str(exported),
        "--what",
        "milestones",
    )
    shown = run("milestones", "--plan", str(tmp_path), "--lang", "en", "--format", "csv")
    assert _rows(shown) == _rows(exported.read_text(encoding="utf-8-sig"))
    assert _rows(shown)[1][1] == "5.45%"


def test_the_targets_csv_keeps_the_bound_of_a_rate(tmp_path):
    """突破200亿元 from 100亿元 in five years: at least 2^(1/5) − 1 = 14.87% a year — the check
    table says '≥ 14.87%', the targets CSV said a bare '14.87%'."""
    write_plan(
        tmp_path,
        "indicators:\n  x: {name: 产值, unit: 亿元, levels: {2020: 100亿元}}\n",
        "targets:\n  x: {level: 突破200亿元}\n",
    )
    out = tmp_path / "t.csv"
    run("export", "--plan", str(tmp_path), "--lang", "zh", "--to", str(out), "--what", "targets")
    head, row = _rows(out.read_text(encoding="utf-8-sig"))
    assert row[head.index("所需年均增速（%）")] == "≥ 14.87%"


def test_progress_from_a_bound_base(tmp_path):
    """300万吨以上 (2020) to 300万吨以上 (2021): no progress can be measured from the bound, but
    305 in 2021 is one the target allows (≥ 299.5 as written): achieved; 295 is not: not
    assessable, with the reason."""
    for actual, status in (("305万吨", "achieved"), ("295万吨", "not_assessable")):
        path = tmp_path / actual
        write_plan(
            path,
            "indicators:\n  g: {name: 粮食总产量, unit: 万吨, levels: "
            f"{{2020: 300万吨以上, 2021: {actual}}}}}\n",
            "targets:\n  g: {level: 300万吨以上}\n",
            ONE_YEAR,
        )
        (p,) = assess(build(load_plan(path)))
        assert p.status == status
    assert p.reason == "progress_why_bound_base"


def test_json_says_why_no_change_is_required(tmp_path):
    write_plan(
        tmp_path, UNEMPLOYMENT.format(actual=""), "targets:\n  u: {level: 5.5%左右}\n", ONE_YEAR
    )
    (record,) = json.loads(run("milestones", "--plan", str(tmp_path), "--format", "json"))[
        "milestones"
    ]
    assert record["required_rate"] is None
    assert record["no_change"]["reason"] == "rounds"
    assert record["no_change"]["zh"] == "5.5%左右：2020年5.45%按其精度已相符，保持即可"


@pytest.mark.parametrize(
    ("base", "target", "met"),
    [
        ("近100亿元", "100亿元以上", None),  # just under 100: not yet over the floor
        ("约4300亿元", "4000亿元以上", "floor"),  # 4300 ± 5% = [4085, 4515], all ≥ 4000
        ("95.9亿元", "96亿元以上", None),  # below 96, though it rounds to it
        ("96亿元", "96亿元以上", "floor"),
        ("约3亿元", "3亿元以内", None),  # [2.85, 3.15] may be over the ceiling
    ],
)
def test_a_bound_is_met_at_the_base_only_by_every_value_the_base_allows(
    tmp_path, base, target, met
):
    m = _one(
        tmp_path,
        f"indicators:\n  x: {{name: 融资, unit: 亿元, levels: {{2020: {base}}}}}\n",
        f"targets:\n  x: {{level: {target}}}\n",
    )
    assert m.met_at_base == met


def test_a_sum_from_a_bound_base_starts_from_what_its_sum_and_rate_imply(tmp_path):
    """累计6.71561亿元 at 10% a year with 超过2亿元 recorded for 2020: the bound starts nothing
    (from 2亿元 the sum would need Σ2·(1+r)^t = 6.71561, r < 0); the sum and the rate imply
    6.71561 / Σ1.1^t (t = 1..5) = 6.71561 / 6.71561 = 1 for 2020, then 1.1, 1.21 …"""
    m = _one(
        tmp_path,
        "indicators:\n  f: {name: 外资, unit: 亿元, levels: {2020: 超过2亿元}}\n",
        "targets:\n  f: {annual: 10%, cumulative: 6.71561亿元}\n",
        head="plan:\n  name: 测试\n  period: 2021-2025\n",
    )
    assert m.base_bound and m.base_implied
    assert m.amounts == pytest.approx([1, 1.1, 1.21, 1.331, 1.4641, 1.61051])
    assert "2020年的超过2亿元只是一个界限，推不出所需增速" in mt.summary(m, "zh")


def test_the_chart_of_a_target_the_base_already_meets_says_why(tmp_path):
    """helper-45: 广东's 失业率 chart (5.5%左右 from 5.45%) showed only a dot and a star with no
    words; its subtitle is now what the summary says (保持即可)."""
    from ezplan.render.charts import chart

    m = _one(tmp_path, UNEMPLOYMENT.format(actual=""), "targets:\n  u: {level: 5.5%左右}\n")
    c = chart(m, "zh")
    assert c is not None and c.subtitle == mt.no_change_words(m, "zh")
    assert "按其精度已相符" in c.subtitle


@pytest.mark.parametrize(
    ("name", "met"),
    [
        ("新增市场主体", None),  # 文山: 34289户 new in 2020 do not count towards 2021's 2.6万户
        ("新签约项目", None),  # 贵港: 384个 signed in 2020
        ("市重点项目完成投资", None),  # 济南: 3350亿元 invested in 2020
        ("市场主体", "floor"),  # a stock: 34289 already over 26000
    ],
)
def test_a_flow_is_never_met_at_the_base(tmp_path, name, met):
    """A reviewer: the scan told 文山 that 新增市场主体2.6万户以上 'is already met' by 2020's
    34289户 — a flow starts each year from nothing. A stock over its floor is met."""
    m = _one(
        tmp_path,
        f"indicators:\n  x: {{name: {name}, unit: 户, levels: {{2020: 34289户}}}}\n",
        "targets:\n  x: {level: 26000户以上}\n",
    )
    assert m.met_at_base == met
