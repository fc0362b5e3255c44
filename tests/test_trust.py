"""Trust: a target is consistent only when some relation was checked; figures are never misread.

Each situation of issue 8 as a small plan, with the verdict it must get. Numbers by hand.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from ezplan import rules
from ezplan.cli import main
from ezplan.errors import InputError
from ezplan.findings import PerLanguage
from ezplan.loader import load_plan
from ezplan.report import report
from tests.conftest import write_plan


def checked(d):
    return report(load_plan(d))


def by_id(rep, check, indicator=None):
    return [f for f in rep.findings if f.check == check and f.indicator == indicator]


def row(rep, iid):
    return next(r for r in rep.rows if r.indicator == iid)


# --- three verdicts ---------------------------------------------------------------------------


def test_a_level_alone_is_not_checkable_and_the_note_says_what_it_implies(tmp_path):
    # 100亿元 in 2020, 150亿元 in 2025 and nothing else: no relation to check.
    # (150/100)^(1/5) − 1: ln 1.5 = 0.405465, /5 = 0.081093, e^ − 1 = 8.45%
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 销售额, unit: 亿元, levels: {2020: 100亿元}}\n",
        "targets:\n  x: {level: 150亿元}\n",
    )
    rep = checked(d)
    assert row(rep, "x").status == "not_checkable"
    (f,) = by_id(rep, "unchecked", "x")
    assert f.message_id == "level-only" and "8.45% a year" in f.message("en")
    assert rep.summary_line("en").startswith("1 target: 0 consistent, 1 not checkable")


def test_the_summary_says_which_findings_are_outside_the_targets(tmp_path):
    # 100 × 1.10^5 = 161.051: the past 12% a year is an error on no target (1.12^5 = 1.7623);
    # the target 161.05 × 1.10^5 = 259.37 at 10% a year is consistent
    b = (
        "indicators:\n  x:\n    name: 销售额\n    unit: 亿元\n"
        "    levels: {2015: 100亿元, 2020: 161.05亿元}\n"
        "    growth:\n      - {period: 2016-2020, annual: 12%}\n"
    )
    t = "targets:\n  x: {level: 259.37亿元, annual: 10%}\n"
    rep = checked(write_plan(tmp_path / "a", b, t))
    assert row(rep, "x").status == "consistent"
    (e,) = [f for f in rep.findings if f.severity.label == "error"]
    assert e.mark.file.endswith("baselines.yaml")
    assert rep.summary_line("en").endswith(
        "0 with errors; 1 error, 0 warnings, 0 notes in all (1 error outside the targets)"
    )
    assert rep.summary_line("zh").endswith("（其中1个错误不涉及任何目标）")
    write_plan(tmp_path / "b", b, t)  # two plans: counted in the run's tally
    r = CliRunner().invoke(main, ["check", str(tmp_path), "--lang", "en"])
    assert "(2 errors outside the targets)" in " ".join(r.stdout.split())
    # a plan that cannot be read: its error is counted, and the summary says why
    write_plan(tmp_path / "c", b, "targets: [\n")
    r = CliRunner().invoke(main, ["check", str(tmp_path), "--lang", "en"])
    out = " ".join(r.stdout.split())
    assert "3 errors, 0 warnings, 0 notes in all (3 errors outside the targets)" in out
    assert out.endswith("; 1 plan could not be read")


def test_an_estimated_falls_annual_words():
    from ezplan.rules._common import annual_words

    # 预计下降10%以上 was named '年均增长预计下降10%以上'; 降低 and 减少 are falls too
    assert annual_words("预计下降10%以上") == "预计年均下降10%以上"
    assert annual_words("预计14.4%") == "预计年均增长14.4%"
    assert annual_words("约3%") == "年均增长约3%"


def test_a_sum_with_its_base_is_not_the_only_figure_stated(tmp_path):
    # 济南's 新增城镇就业 累计75万人 over 2021–2025 beside 16.3万人 in 2020: the cumulative note
    # gives the rate they imply (累计法), and the reason said '75万人 is the only figure stated'
    d = write_plan(
        tmp_path,
        "indicators:\n  j: {name: 新增城镇就业, unit: 万人, levels: {2020: 16.3万人}}\n",
        "targets:\n  j: {cumulative: 75万人}\n",
    )
    rep = checked(d)
    assert row(rep, "j").status == "not_checkable"
    (f,) = by_id(rep, "unchecked", "j")
    assert f.message_id == "sum-only"
    assert "only the sum 75万人 is stated; with 16.3万人 in 2020" in f.message("en")
    assert [g.message_id for g in by_id(rep, "cumulative", "j")] == ["implied-rate"]


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        # 110.3 / 73.7 = 1.4966 over 5 years: 8.4% a year; at 5–10元 per 美元 73.7亿元 is
        # 7.37–14.74亿美元, and (110.3 / 14.74)^(1/5) − 1 = 49.6%, (110.3 / 7.37)^(1/5) − 1 = 71.8%
        ("73.7亿元", ("warning", "unit-slip")),
        ("700亿元", ("note", "unconverted")),  # 70–140亿美元: −4.7%–9.5% a year, plausible
    ],
)
def test_a_level_no_exchange_rate_converts_is_said(tmp_path, level, expected):
    # 河北's 实际利用外资 73.7亿美元 (2015) typed 73.7亿元, with no growth beside it: nothing
    # took part with it, and nothing said so (a reviewer's trial of typed slips)
    b = (
        "indicators:\n  f:\n    name: 实际利用外资\n    unit: 亿美元\n"
        f"    levels: {{2015: {level}, 2020: 110.3亿美元}}\n"
    )
    (f,) = by_id(checked(write_plan(tmp_path, b, "targets: {}\n")), "currency", "f")
    assert (f.severity.label, f.message_id) == expected
    if expected[1] == "unit-slip":
        en = f.message("en")
        assert "it is 7.37–14.74亿美元" in en and "49.6%–71.8% a year" in en
        assert "read as 73.7亿美元, 8.4% a year: did you mean 73.7亿美元?" in en


@pytest.mark.parametrize(
    ("level", "severity", "tail"),
    [
        # 110.3 / 1.084^5 = 110.3 / 1.49771 = 73.65: 73.7亿元 is that number in the wrong unit
        ("73.7亿元", "warning", " — as if 73.7亿元 were meant in 亿美元"),
        ("500亿元", "note", ")"),  # no slip explains 500: said, not 'not stated'
    ],
)
def test_a_past_level_no_exchange_rate_converts_is_not_called_unstated(
    tmp_path, level, severity, tail
):
    # 河北's 实际利用外资 73.7亿美元 (2015) typed 73.7亿元 beside 110.3亿美元 (2020): the note said
    # 'the 2015 level is not stated' and implied 73.7亿美元 (a reviewer's trial of typed slips)
    b = (
        "indicators:\n  f:\n    name: 实际利用外资\n    unit: 亿美元\n"
        f"    levels: {{2015: {level}, 2020: 110.3亿美元}}\n"
        "    growth:\n      - {period: 2016-2020, annual: 8.4%}\n"
    )
    rep = checked(write_plan(tmp_path, b, "targets: {}\n"))
    (f,) = by_id(rep, "history", "f")
    assert by_id(rep, "currency", "f") == []  # said once, beside the level the growth implies
    assert f.severity.label == severity
    en = f.message("en")
    assert en.startswith(
        f"the 2015 level {level} is not in 亿美元 and no exchange rate converts it"
    )
    assert "73.7亿美元" in en and en.endswith(tail)


@pytest.mark.parametrize(
    ("base", "target", "words"),
    [
        # 济南: 突破900万人 (2020) to 1000万人 (2025): at most (1000/899.5)^(1/5) − 1, and at face
        # (1000/900)^(1/5) − 1: ln 1.111111 = 0.105361, /5 = 0.021072, e^ − 1 = 2.13%
        ("突破900万人", "1000万人", "it means ≤ 2.13% a year"),
        # 不超过900万人 to 1000万人: at least 2.13%
        ("不超过900万人", "1000万人", "it means ≥ 2.13% a year"),
        # two floors fix no rate
        ("突破900万人", "1000万人以上", "is the only figure stated"),
    ],
)
def test_a_base_that_is_a_bound_bounds_the_rate(tmp_path, base, target, words):
    """济南's 常住人口 1000万人 (2025) beside 突破900万人 (2020) was told '1000万人 is the only
    figure stated' (a reviewer's find): a floor at the base bounds the rate from above."""
    d = write_plan(
        tmp_path,
        f"indicators:\n  x: {{name: 常住人口, unit: 万人, levels: {{2020: {base}}}}}\n",
        f"targets:\n  x: {{level: {target}}}\n",
    )
    (f,) = by_id(checked(d), "unchecked", "x")
    assert words in f.message("en"), f.message("en")


def test_a_growth_alone_says_the_level_it_gives(tmp_path):
    """克州's 2021 goals 增长8%以上 with their 2020 levels in the file were told '增长8%以上 is the
    only figure stated': like a rate alone, a growth says the level it gives. 143.8 × 1.10 =
    158.18 (亿元), at least, for 增长10%以上; an annual rate's bound is said too: 100 × 1.07^5 =
    140.3 (ln 1.07 = 0.0676586, × 5 = 0.338293, e^ = 1.40255; one digit past 100元's)."""
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 财政收入, unit: 亿元, levels: {2020: 143.8亿元}}\n"
        "  y: {name: 收入, unit: 元, levels: {2020: 100元}}\n",
        "targets:\n  x: {total: 增长10%以上, period: 2021}\n  y: {annual: 7%以上}\n",
    )
    rep = checked(d)
    (f,) = by_id(rep, "unchecked", "x")
    assert f.message_id == "growth-only"
    assert "from 143.8亿元 in 2020 it means ≥ 158.18亿元 by 2021" in f.message("en")
    assert "推得2021年为不低于158.18亿元" in f.message("zh")
    (g,) = by_id(rep, "unchecked", "y")
    assert g.message_id == "rate-only" and "it means ≥ 140.3元 by 2025" in g.message("en")


def test_consistent_names_the_relations_checked(tmp_path):
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 销售额, unit: 亿元, levels: {2020: 100亿元}}\n",
        "targets:\n  x: {level: 161亿元, annual: 10%, total: 增长61%}\n",
    )
    r = row(checked(d), "x")
    assert r.status == "consistent"
    assert set(r.checks) == {"level-rate", "level-growth", "growth-rate"}


def test_verdicts_in_every_machine_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_plan(
        tmp_path / "p",
        "indicators:\n  x: {name: 甲, unit: 亿元, levels: {2020: 100亿元}}\n"
        "  y: {name: 乙, unit: 亿元, levels: {2020: 100亿元}}\n",
        "targets:\n  x: {level: 161亿元, annual: 10%}\n  y: {level: 120亿元}\n",
    )
    run = CliRunner()
    js = json.loads(run.invoke(main, ["check", "p", "--format", "json"]).stdout)
    verdicts = {t["indicator"]: t["verdict"] for t in js["summary"]["targets"]}
    assert verdicts == {"x": "consistent", "y": "not_checkable"}
    y = next(t for t in js["summary"]["targets"] if t["indicator"] == "y")
    assert y["reason"]["code"] == "level-only" and y["checks"] == []

    junit = ET.fromstring(run.invoke(main, ["check", "p", "--format", "junit"]).stdout)
    assert junit.get("skipped") == "1"
    assert junit.find(".//testcase[@name='y 乙']/skipped") is not None

    sarif = json.loads(run.invoke(main, ["check", "p", "--format", "sarif"]).stdout)
    targets = sarif["runs"][0]["properties"]["targets"]
    assert [t["verdict"] for t in targets] == ["consistent", "not_checkable"]

    # Not checkable is not a failure by default; under --strict it is, unless configured.
    assert run.invoke(main, ["check", "p"]).exit_code == 0
    assert run.invoke(main, ["check", "p", "--strict"]).exit_code == 1
    assert run.invoke(main, ["check", "p", "--strict", "--no-strict-unchecked"]).exit_code == 0
    (tmp_path / "ezplan.toml").write_text("strict = true\nstrict_unchecked = false\n")
    assert run.invoke(main, ["check", "p"]).exit_code == 0
    strict = ET.fromstring(run.invoke(main, ["check", "p", "--format", "junit"]).stdout)
    assert strict.get("failures") == "0"


# --- plausibility: unit slips -----------------------------------------------------------------


def test_a_bare_number_typed_for_trillions(tmp_path):
    # 3.5 (read as 3.5亿元) against 31000亿元: (3.5/31000)^(1/5) − 1 = −83.76%;
    # as 3.5万亿元 = 35000亿元: (35000/31000)^(1/5) − 1: ln 1.129032 = 0.121361, /5, e^ − 1 = 2.46%
    d = write_plan(
        tmp_path,
        "indicators:\n  gdp: {name: 地区生产总值, unit: 亿元, levels: {2020: 31000亿元}}\n",
        "targets:\n  gdp: {level: 3.5}\n",
    )
    rep = checked(d)
    (f,) = by_id(rep, "plausibility", "gdp")
    assert f.message_id == "slip" and f.data["suggestion"] == "3.5万亿元"
    assert "-83.76% a year" in f.message("en") and "2.46% a year" in f.message("en")
    assert "下降83.76%" in f.message("zh")
    assert row(rep, "gdp").status == "warning"


def test_a_base_typed_in_wan_yuan(tmp_path):
    # 326.57万元 = 0.032657亿元 → 500亿元 is ×15310.7, +587% a year; in 亿元 it is 8.89% a year.
    # The base is written in another unit than the indicator's, so it is the likely slip.
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 社零额, unit: 亿元, levels: {2020: 326.57万元}}\n",
        "targets:\n  x: {level: 500亿元}\n",
    )
    (f,) = by_id(checked(d), "plausibility", "x")
    assert f.data["suggestion"] == "326.57亿元"
    assert "8.89% a year" in f.message("en")


def test_a_target_in_dollars_meant_in_yuan(tmp_path):
    # 420亿美元 × 6.9 = 2898亿元 against 300亿元: ×9.66 in five years, 57.40% a year (above
    # 40%); as 420亿元: 1.4^(1/5) − 1 = 6.96%
    d = write_plan(
        tmp_path,
        "indicators:\n  t: {name: 外贸进出口总额, unit: 亿元, levels: {2020: 300亿元}}\n",
        "targets:\n  t: {level: 420亿美元}\n",
        head="plan:\n  name: 测试\n  period: 2021-2025\n  exchange_rate: 6.9元\n",
    )
    (f,) = by_id(checked(d), "plausibility", "t")
    assert f.data["suggestion"] == "420亿元" and "6.96% a year" in f.message("en")


def test_a_target_in_another_currency_and_magnitude_is_meant_in_the_indicators_unit(tmp_path):
    """helper-70: 161万美元 for an indicator in 亿元 beside 100亿元 (2020) was asked 'did you mean
    161千万美元?' (a factor of 10^3 between units: no unit anyone writes). 161万美元 at 6.9 is
    0.1111亿元, ×1449 too small; as 161亿元, (161/100)^(1/5) − 1 = 9.99% a year."""
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 社零额, unit: 亿元, levels: {2020: 100亿元}}\n",
        "targets:\n  x: {level: 161万美元}\n",
        head="plan:\n  name: 测试\n  period: 2021-2025\n  exchange_rate: 6.9元\n",
    )
    (f,) = by_id(checked(d), "plausibility", "x")
    assert f.data["suggestion"] == "161亿元" and "9.99% a year" in f.message("en")
    assert f.data["factor"] == pytest.approx(161 / (161e4 * 6.9 / 1e8))
    assert "about 1449," in f.message("en") and "亿元与万美元" in f.message("zh")


def test_a_rate_against_the_direction(tmp_path):
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 甲, unit: 亿元, direction: up, levels: {2020: 100亿元}}\n",
        "targets:\n  x: {annual: -8%}\n",
    )
    (f,) = by_id(checked(d), "plausibility", "x")
    assert f.message_id == "direction" and "下降8%" in f.message("zh")


def test_the_band_can_be_widened_per_indicator(tmp_path):
    # 10 → 100 in five years is 10^(1/5) − 1 = 58.49% a year: outside −20%…40%, inside …60%
    base = "indicators:\n  x: {name: 甲, unit: 亿元, levels: {2020: 10亿元}%s}\n"
    d = write_plan(tmp_path / "a", base % "", "targets:\n  x: {level: 100亿元, annual: 58.5%}\n")
    assert [f.message_id for f in by_id(checked(d), "plausibility", "x")] == [
        "target-rate",
        "stated-rate",
    ]
    d = write_plan(
        tmp_path / "b",
        base % ", plausible_rate: [-10%, 60%]",
        "targets:\n  x: {level: 100亿元, annual: 58.5%}\n",
    )
    assert by_id(checked(d), "plausibility", "x") == []


def test_a_share_above_the_whole(tmp_path):
    d = write_plan(
        tmp_path,
        "indicators:\n  a: {name: 甲, unit: 亿元}\n  b: {name: 乙, unit: 亿元}\n",
        "targets:\n  a: {share: {of: b, value: 120%}}\n",
    )
    (f,) = by_id(checked(d), "plausibility", "a")
    assert f.message_id == "share-over-100"


def test_history_falls_are_not_implausible_but_history_slips_are(tmp_path):
    # 2019 → 2020 −38% (as Ezhou's trade in 2020) is history; 2019 in 万 for 亿 is a slip
    d = write_plan(
        tmp_path,
        "indicators:\n  t: {name: 外贸, unit: 亿美元, levels: {2019: 6.7968亿美元, 2020: "
        "4.208亿美元}}\n  u: {name: 外资, unit: 亿美元, levels: {2019: 5.1万美元, 2020: "
        "5.3亿美元}}\n",
        "targets: {}\n",
    )
    rep = checked(d)
    assert by_id(rep, "plausibility", "t") == []
    (f,) = by_id(rep, "plausibility", "u")
    assert f.data["suggestion"] == "5.1亿美元" and f.scope == "history"


def test_a_reported_fall_is_not_implausible_and_a_one_year_period_is_one_year(tmp_path):
    """A bulletin's 猪肉产量 2019 下降21.3% is what happened: no plausibility warning (only the
    plan's goals are held to the band); the history note names the year 2019, not 2019–2019.
    By hand: 3300 / 0.787 = 4193.1 (the 2018 level the fall implies)."""
    d = write_plan(
        tmp_path,
        "indicators:\n  pork:\n    name: 猪肉产量\n    unit: 万吨\n"
        "    levels: {2019: 3300万吨}\n"
        "    growth:\n      - {period: 2019, total: 下降21.3%}\n",
        "targets: {}\n",
    )
    rep = checked(d)
    assert by_id(rep, "plausibility", "pork") == []
    (note,) = by_id(rep, "history", "pork")
    assert "4193" in note.message("en") and "over 2019 and" in note.message("en")
    assert "由2019年下降21.3%" in note.message("zh")


def test_a_goal_outside_the_band_is_still_a_warning(tmp_path):
    # 年均增长45%: above +40% a year
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 甲, unit: 亿元, levels: {2020: 10亿元}}\n",
        "targets:\n  x: {annual: 45%}\n",
    )
    (f,) = by_id(checked(d), "plausibility", "x")
    assert f.message_id == "stated-rate" and "over 2021–2025" in f.message("en")


# --- both files as one plan -------------------------------------------------------------------


def test_a_misspelt_target_id_names_the_baseline(tmp_path):
    d = write_plan(
        tmp_path,
        "indicators:\n  exports: {name: 出口总额, unit: 亿美元, levels: {2020: 5亿美元}}\n",
        "targets:\n  export: {name: 出口, unit: 亿美元, level: 8亿美元}\n",
    )
    with pytest.raises(InputError) as e:
        load_plan(d)
    assert "did you mean 'exports' (出口总额)?" in e.value.message
    assert (e.value.mark.line, e.value.mark.column) == (5, 3)


def test_an_undeclared_target_says_how_to_declare_it(tmp_path):
    d = write_plan(tmp_path, "indicators: {}\n", "targets:\n  newone: {level: 1亿元}\n")
    with pytest.raises(InputError) as e:
        load_plan(d)
    assert "not in baselines.yaml" in e.value.message and "name: and unit:" in e.value.message


def test_a_target_named_like_a_baseline_under_another_id(tmp_path):
    d = write_plan(
        tmp_path,
        "indicators:\n  exports: {name: 出口总额, unit: 亿美元}\n",
        "targets:\n  out: {name: 出口总额, unit: 亿美元, level: 8亿美元}\n",
    )
    with pytest.raises(InputError, match="use the id 'exports'"):
        load_plan(d)


def test_a_misspelt_key_gets_a_did_you_mean(tmp_path):
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 甲, unit: 亿元}\n",
        "targets:\n  x: {level: 1亿元, anual: 10%}\n",
    )
    with pytest.raises(InputError, match="did you mean 'annual'"):
        load_plan(d)


# --- periods ----------------------------------------------------------------------------------


def test_a_period_off_by_one_is_named(tmp_path):
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 甲, unit: 亿元, levels: {2020: 100亿元}}\n",
        "targets:\n  x: {level: 161亿元, annual: 10%}\n",
        head="plan:\n  name: 测试\n  period: 2020-2025\n",
    )
    rep = checked(d)
    (w,) = by_id(rep, "period")
    assert "2021-2025" in w.message("en") and (w.mark.line, w.mark.column) == (3, 11)
    (n,) = by_id(rep, "unchecked", "x")
    assert n.message_id == "no-base-later" and "2021-2025" in n.message("en")
    assert row(rep, "x").status == "not_checkable"


def test_a_level_only_target_keeps_its_own_period(tmp_path):
    # period 2016-2020 → base year 2015: 100 → 150 is 8.45% a year (see above), so the target
    # is measured from 2015, not from the plan's 2020.
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 甲, unit: 亿元, levels: {2015: 100亿元, 2020: 900亿元}}\n",
        "targets:\n  x: {period: 2016-2020, level: 150亿元}\n",
    )
    r = row(checked(d), "x")
    assert (r.base_year, r.end_year, r.base.text) == (2015, 2020, "100亿元")


# --- percentage points ------------------------------------------------------------------------

RATIO = "indicators:\n  u:\n    name: 城镇化率\n    unit: '%'\n    levels: {2020: 41%}\n"


@pytest.mark.parametrize(
    ("level", "verdict"),
    [
        # [40.5, 41.5] + [4.5, 5.5] = [45, 47]: 46% fits; 45% only within rounding (41 + 5 = 46,
        # 45 − 5 = 40, 45 − 41 = 4: no figure reproduced); 48% not at all
        ("46%", None),
        ("45%", ("warning", "points-rounding")),
        ("48%", ("error", "points-mismatch")),
    ],
)
def test_points_change_against_levels(tmp_path, level, verdict):
    d = write_plan(tmp_path, RATIO, f"targets:\n  u: {{level: {level}, change: 提高5个百分点}}\n")
    found = [(f.severity.label, f.message_id) for f in by_id(checked(d), "share", "u")]
    assert found == ([verdict] if verdict else [])


def test_a_past_change_in_points_is_recorded_and_checked(tmp_path):
    # 56.1 + 4.5 = 60.6 ✓; against 61.6: [56.05 + 4.45, 56.15 + 4.55] = [60.5, 60.7] ∌ 61.6
    b = (
        "indicators:\n  u:\n    name: 城镇化率\n    unit: '%'\n    levels: {2015: 56.1%, "
        "2020: LEVEL}\n    growth:\n      - {period: 2016-2020, change: 提高4.5个百分点}\n"
    )
    ok = write_plan(tmp_path / "a", b.replace("LEVEL", "60.6%"), "targets: {}\n")
    assert by_id(checked(ok), "share", "u") == []
    bad = write_plan(tmp_path / "b", b.replace("LEVEL", "61.6%"), "targets: {}\n")
    (f,) = by_id(checked(bad), "share", "u")
    assert (f.severity.label, f.scope) == ("error", "history")


def test_ratio_milestones_are_linear_in_points(tmp_path):
    from ezplan.facts import Facts
    from ezplan.milestones import build
    from ezplan.progress import assess

    b = RATIO.replace("{2020: 41%}", "{2020: 41.0%, 2022: 42.0%}")
    d = write_plan(tmp_path, b, "targets:\n  u: {level: 46.0%, change: 提高5个百分点}\n")
    plan = load_plan(d)
    (m,) = build(plan, Facts(plan))
    assert m.required == pytest.approx([41, 42, 43, 44, 45, 46])  # +1 point a year
    (p,) = assess([m])
    # 1 point in 2 years = 0.5 a year, against 1 a year required: ratio 0.5 → limited progress
    assert p.points and p.achieved_rate == pytest.approx(0.5) and p.ratio == pytest.approx(0.5)
    assert p.status == "limited" and p.gap == pytest.approx(-1.0)


# --- quotes, real growth ----------------------------------------------------------------------


def test_a_figure_must_be_in_its_quote(tmp_path):
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 出口, unit: 亿元, levels: {2020: 100亿元}}\n",
        "targets:\n  x:\n    annual: {value: 10％, quote: 出口年均增长8%左右}\n"
        "    level: {value: 4208万元, quote: 达到0.4208亿元}\n",
    )
    (f,) = by_id(checked(d), "quote", "x")
    assert f.params["figure"] == "10％" and f.params["numbers"] == PerLanguage('"8"', "“8”")


def test_a_figure_in_another_magnitude_than_its_quote_is_not_in_it(tmp_path):
    # 326.57万元 is 0.0326957亿元: the quote's 326.57亿元 does not contain it, though its digits
    # do; 1.5百分点 and 100千米 are read with the magnitude word as part of the unit
    d = write_plan(
        tmp_path,
        "indicators:\n"
        "  x: {name: 社零额, unit: 亿元, levels: {2020: {value: 326.57万元,"
        " quote: 全市实现社会消费品零售总额326.57亿元}}}\n"
        "  y: {name: 道路, unit: 千米, levels: {2020: {value: 100千米, quote: 道路100千米}}}\n"
        "  s: {name: 占比, unit: '%', levels: {2020: 40%}}\n",
        "targets:\n  x: {level: 500亿元}\n"
        "  s: {change: {value: 提高1.5个百分点, quote: 提高1.5百分点}}\n",
    )
    rep = checked(d)
    (f,) = by_id(rep, "quote", "x")
    assert f.params["figure"] == "326.57万元"
    assert f.params["numbers"] == PerLanguage('"326.57亿"', "“326.57亿”")
    assert by_id(rep, "quote", "y") == by_id(rep, "quote", "s") == []


def test_an_unmarked_gdp_rate_hints_at_comparable_prices(tmp_path):
    # 100 × 1.06^5 = 133.82, not 140 (which needs 6.96% a year): current-price levels vs a rate
    # that is, by convention, at comparable prices
    b = "indicators:\n  gdp: {name: 地区生产总值, unit: 亿元, levels: {2020: 100亿元}}\n"
    t = "targets:\n  gdp: {level: 140亿元, annual: 6%}\n"
    (f,) = by_id(checked(write_plan(tmp_path / "a", b, t)), "level-rate", "gdp")
    assert "constant prices" in f.message("en") and "可比价" in f.message("zh")
    head = "plan:\n  name: 测试\n  period: 2021-2025\n  constant_prices: [gdp]\n"
    rep = checked(write_plan(tmp_path / "b", b, t, head=head))
    assert by_id(rep, "level-rate", "gdp") == []
    assert by_id(rep, "constant-prices", "gdp")[0].message_id == "not-compared"
    assert row(rep, "gdp").reason.code == "constant-prices"


# --- property: consistent plans stay clean, slips are always caught ---------------------------


def _plan(base: float, rate_tenths: int, slip: float = 1.0) -> tuple[str, str]:
    rate = rate_tenths / 10  # a rate as planners write it: 7.5%
    end = base * (1 + rate / 100) ** 5
    b = f"indicators:\n  x: {{name: 甲, unit: 亿元, levels: {{2020: {base:.2f}亿元}}}}\n"
    unit = {1.0: "亿元", 1e4: "万亿元", 1e-4: "万元"}[slip]
    t = f"targets:\n  x: {{level: {end:.1f}{unit}, annual: {rate:.1f}%}}\n"
    return b, t


@given(st.floats(min_value=10, max_value=50000), st.integers(min_value=-150, max_value=350))
def test_generated_consistent_plans_raise_no_error_and_no_plausibility_warning(
    tmp_path_factory, base, rate_tenths
):
    d = write_plan(tmp_path_factory.mktemp("g"), *_plan(base, rate_tenths))
    found = rules.run(load_plan(d))
    assert not [f for f in found if f.severity.label == "error"]
    assert not [f for f in found if f.check == "plausibility"]


@given(
    st.floats(min_value=10, max_value=50000),
    st.integers(min_value=-150, max_value=350),
    st.sampled_from([1e4, 1e-4]),
)
def test_a_wan_yi_slip_always_gets_a_plausibility_warning(tmp_path_factory, base, rate, slip):
    d = write_plan(tmp_path_factory.mktemp("s"), *_plan(base, rate, slip))
    found = [f for f in rules.run(load_plan(d)) if f.check == "plausibility"]
    assert [f.message_id for f in found] == ["slip"]


def test_a_multiple_of_gdp_levels_against_its_rate_hints_at_comparable_prices(tmp_path):
    # 是2015年的1.7倍 over five years is 1.7^(1/5) − 1: ln 1.7 = 0.530628, /5 = 0.106126,
    # e^ − 1 = 11.20% a year, not 8.3% — levels at current prices, the rate at comparable ones
    d = write_plan(
        tmp_path,
        "indicators:\n  gdp:\n    name: 地区生产总值\n    unit: 亿元\n    growth:\n"
        "      - {period: 2016-2020, total: 是2015年的1.7倍, annual: 8.3%}\n",
        "targets: {}\n",
    )
    (f,) = by_id(checked(d), "growth-rate", "gdp")
    assert "11.20% a year" in f.message("en") and "constant prices" in f.message("en")


def test_a_one_year_goal_is_not_held_to_the_yearly_band(tmp_path):
    """海口's 2021 goal 新增注册企业增长100% is a plan statement, not a slip: no warning; a
    one-year level in 万 for 亿 still is (10亿元 → 12万元 is ×1.2e-4)."""
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 新增注册企业, unit: 万户, levels: {2020: 2万户}}\n"
        "  y: {name: 销售额, unit: 亿元, levels: {2020: 10亿元}}\n",
        "targets:\n  x: {annual: 100%}\n  y: {level: 12万元}\n",
        head="plan: {name: 测试, period: 2021}\n",
    )
    rep = checked(d)
    assert by_id(rep, "plausibility", "x") == []
    (slip,) = by_id(rep, "plausibility", "y")
    assert slip.data["suggestion"] == "12亿元"
