"""A ratio indicator's target (城镇化率, 森林覆盖率) in the summary table: its change a year in
percentage points, as its milestones give it, and a stated change in points shown."""

from __future__ import annotations

import json

from click.testing import CliRunner

from ezplan.cli import main
from tests.conftest import write_plan

B = """\
indicators:
  u: {name: 城镇化率, name_en: Urbanisation, unit: '%', levels: {2020: 45%}}
  w: {name: 自来水普及率, name_en: Tap water, unit: '%', levels: {2020: 88%}}
  v: {name: 森林覆盖率, name_en: Forest cover, unit: '%', levels: {2020: 50%}}
"""
T = """\
targets:
  u: {level: 55%}
  w: {level: 90%以上}
  v: {change: 提高2个百分点}
"""


def _check(tmp_path, lang, *args):
    write_plan(tmp_path, B, T)
    return CliRunner(env={"COLUMNS": "120"}).invoke(
        main, ["--lang", lang, "check", str(tmp_path), *args]
    )


def test_a_ratio_targets_change_reads_in_points(tmp_path):
    # 45% → 55% in five years: +2.00 points a year (its compound rate, (55/45)^(1/5) − 1 =
    # 4.10%, is what the table showed, while milestones said +2.00 pp); 88% → 90%以上:
    # at least +0.40 a year
    en = _check(tmp_path, "en").stdout
    zh = _check(tmp_path, "zh").stdout
    assert "+2.00 pp" in en and "≥ +0.40 pp" in en and "4.10%" not in en
    assert "+2.00个百分点" in zh and "≥ +0.40个百分点" in zh
    assert "提高2个百分点" in en  # the stated change, where the table showed "—"
    rows = {
        r["indicator"]: r
        for r in json.loads(_check(tmp_path, "en", "--format", "json").stdout)["summary"]["targets"]
    }
    assert rows["u"]["implied_points"] == 2.0
    assert abs(rows["u"]["implied_rate"] - ((55 / 45) ** 0.2 - 1)) < 1e-12
    assert rows["w"]["implied_points"] == 0.4 and rows["w"]["implied_rate_bound"] == "≥"
    assert rows["v"]["stated_change"] == "提高2个百分点" and rows["v"]["implied_points"] is None


def test_a_real_growth_with_no_level_is_not_blamed_on_prices(tmp_path):
    """地区生产总值增长6%以上 (comparable prices) with no level of GDP anywhere: the reason it is
    not checkable is that it stands alone — not 'the levels are at current prices', of which
    there are none. With a base level, the prices are the reason."""

    def reason(levels: str) -> str:
        write_plan(
            tmp_path,
            f"indicators:\n  gdp: {{name: 地区生产总值, unit: 亿元{levels}}}\n",
            "targets:\n  gdp: {period: '2021', total: 增长6%以上, constant_prices: true}\n",
        )
        r = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
        return json.loads(r.stdout)["summary"]["targets"][0]["reason"]["code"]

    assert reason("") == "single-figure"
    assert reason(", levels: {2020: 1000亿元}") == "constant-prices"


def test_the_growth_prices_keep_apart_is_named_alone(tmp_path):
    """贵港市: 'the growth 2000亿元左右, 8% is at comparable prices' named the 2025 level as a
    growth; the reason names the growth, the level is what it is not compared with."""
    write_plan(
        tmp_path,
        "indicators:\n  gdp: {name: 地区生产总值, unit: 亿元, levels: {2020: 1353亿元}}\n",
        "targets:\n  gdp: {level: 2000亿元左右, annual: 8%, constant_prices: true}\n",
    )
    r = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    (row,) = json.loads(r.stdout)["summary"]["targets"]
    assert row["reason"]["code"] == "constant-prices"
    assert "the growth 8% is at constant prices" in row["reason"]["message"]


def test_a_bound_implies_a_bounded_rate_and_two_bounds_none(tmp_path):
    """宣城市: from 近100亿元 (2020) 100亿元以上 (2021) 'means 0.00% a year' — a floor asks at
    least that rate (1450 → 突破1500: ≥ 3.45% a year, 1500/1450 − 1 = 3.448%); 青岛市's
    300万吨以上 in both years fixes no rate at all."""

    def reason(base: str, target: str) -> tuple[str, str]:
        write_plan(
            tmp_path,
            f"indicators:\n  x: {{name: 产值, unit: 亿元, levels: {{2020: {base}}}}}\n",
            f"targets:\n  x: {{period: '2021', level: {target}}}\n",
        )
        r = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
        got = json.loads(r.stdout)["summary"]["targets"][0]["reason"]
        return got["code"], got["message"]

    code, message = reason("1450亿元", "突破1500亿元")
    # over one year, no 'a year' (nor 年均): a reviewer's find
    assert code == "level-only" and "it means ≥ 3.45%, which" in message
    assert reason("300亿元以上", "300亿元以上")[0] == "single-figure"


def test_two_bounds_imply_no_rate(tmp_path):
    """青岛市's 粮食总产量: 300万吨以上 in 2020 and 300万吨以上 in 2021 read '0.00%' in the check
    table and exports, as if output had to stay flat: from 310万吨 it could fall and still
    meet the target. Two bounds of the same side give no rate; one bound gives its side."""
    write_plan(
        tmp_path,
        """\
        indicators:
          g: {name: 粮食总产量, unit: 万吨, levels: {2020: 300万吨以上}}
          h: {name: 蔬菜产量, unit: 万吨, levels: {2020: 300万吨}}
        """,
        "targets:\n  g: {level: 300万吨以上}\n  h: {level: 310万吨以上}\n",
    )
    out = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"]).stdout
    rows = {r["indicator"]: r for r in json.loads(out)["summary"]["targets"]}
    assert rows["g"]["implied_rate"] is None
    # (310/300)^(1/5) − 1 = 0.66%, at least
    assert abs(rows["h"]["implied_rate"] - ((310 / 300) ** 0.2 - 1)) < 1e-12
    assert rows["h"]["implied_rate_bound"] == "≥"


def test_a_target_the_base_already_meets_requires_no_change_in_the_check_too(tmp_path):
    """helper-45: 广东省's 城镇调查失业率5.5%左右 from 5.45% — milestones says 5.45 already is
    5.5 to the plan's one decimal (保持即可), but the check's note said 'it means +0.05 pp a
    year'. Both now say no change is required."""
    write_plan(
        tmp_path,
        """\
        indicators:
          u: {name: 城镇调查失业率, unit: '%', levels: {2020: 5.45%}}
        """,
        "targets:\n  u: {period: '2021', level: 5.5%左右}\n",
    )
    en = CliRunner().invoke(main, ["--lang", "en", "check", str(tmp_path)]).stdout
    zh = CliRunner().invoke(main, ["--lang", "zh", "check", str(tmp_path)]).stdout
    assert "already rounds to it" in en and "pp a year" not in en
    assert "按其精度已相符" in zh and "年均提高" not in zh


def test_a_level_the_base_rounds_to_implies_no_rate_in_the_table(tmp_path):
    """The re-read: 5.5%左右 from 5.45% — the note said 保持即可 while the table beside it
    showed '+0.01个百分点' a year ((5.5 − 5.45) / 5 = 0.01) as the implied change; a level to
    hold implies none. A ceiling the base is under keeps its bounded rate (≤)."""
    write_plan(
        tmp_path,
        """\
        indicators:
          u: {name: 城镇调查失业率, unit: '%', levels: {2020: 5.45%}}
          c: {name: 居民消费价格涨幅, unit: '%', levels: {2020: 2.4%}}
        """,
        "targets:\n  u: {level: 5.5%左右}\n  c: {level: 4.5%以内}\n",
    )
    out = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"]).stdout
    rows = {r["indicator"]: r for r in json.loads(out)["summary"]["targets"]}
    assert rows["u"]["implied_rate"] is None
    assert rows["c"]["implied_rate_bound"] == "≤"
