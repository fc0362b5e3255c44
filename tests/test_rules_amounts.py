"""cumulative, part-whole, currency and share; expected numbers computed by hand."""

from __future__ import annotations

import re

import pytest

from ezplan import rules
from ezplan.loader import load_plan
from ezplan.report import report
from tests.conftest import findings_for, write_plan


def run(tmp_path, baselines, targets, code):
    found = findings_for(write_plan(tmp_path, baselines, targets), code)
    return [(f.severity.label, f.message_id) for f in found], found


def ind(iid: str, unit: str, body: str = "", name: str = "指标") -> str:
    return f"  {iid}:\n    name: {name}\n    unit: {unit}\n" + body


# --- cumulative ----------------------------------------------------------------------------

FDI = "indicators:\n" + ind("f", "亿美元", "    levels: {2020: 1.00亿美元}\n")


@pytest.mark.parametrize(
    ("levels", "total", "expected"),
    [
        # 济南's 新增城镇就业 累计100万人 (2016–2020) typed 10万人: 16.3万人 in 2020 alone is more
        ("{2020: 16.3万人}", "10万人", [("error", "below-year")]),
        ("{2020: 16.3万人}", "100万人", []),
        # 10 + 12 = 22 ≤ 22 as written; 21.5 is below 22 but within 9.5 + 11.5 = 21 rounding
        ("{2019: 10万人, 2020: 12万人}", "22万人", []),
        ("{2019: 10万人, 2020: 12万人}", "21.5万人", [("warning", "below-years-rounding")]),
        # above each year, below their sum (30 + 33 = 63 > 36.6): a running total, or a slip
        ("{2019: 30万人, 2020: 33万人}", "36.6万人", [("error", "below-years")]),
        # a sum that is a floor, a year that is a range: what they allow agrees, no rounding
        ("{2019: 10万人, 2020: 12万人}", "20万人以上", []),
        ("{2019: 10至20万人, 2020: 12万人}", "22万人", []),
        # every year stated: the sum is theirs, 5 × 20 = 100 ± 2.5 (five figures' 0.5)
        ("{2016: 20万人, 2017: 20万人, 2018: 20万人, 2019: 20万人, 2020: 20万人}", "100万人", []),
        (
            "{2016: 20万人, 2017: 20万人, 2018: 20万人, 2019: 20万人, 2020: 20万人}",
            "120万人",
            [("error", "years-sum")],
        ),
        (
            "{2016: 20万人, 2017: 20万人, 2018: 20万人, 2019: 20万人, 2020: 20万人}",
            "102万人",  # 97.5–102.5 holds it; 100 as written does not
            [("warning", "years-sum-rounding")],
        ),
    ],
)
def test_a_sum_against_its_own_years(tmp_path, levels, total, expected):
    b = (
        "indicators:\n"
        + ind("j", "万人", f"    levels: {levels}\n")
        + f"    cumulative:\n      - {{period: 2016-2020, value: {total}}}\n"
    )
    got, found = run(tmp_path, b, "targets: {}\n", "cumulative")
    assert got == expected
    if expected == [("error", "below-year")]:
        en = found[0].message("en")
        assert "less than one of its years alone: 16.3万人 (2020)" in en
    if expected == [("error", "below-years")]:
        en = found[0].message("en")
        assert "30万人 (2019), 33万人 (2020) add up to 63.0万人" in en and "running total" in en


@pytest.mark.parametrize(
    ("levels", "total", "words"),
    [
        # a ceiling is checked too: 10万人以内 cannot hold 16万人 of one year
        ("{2020: 16万人}", "10万人以内", "less than one of its years alone: 16万人 (2020)"),
        # only the year that alone exceeds it is named (5万人 does not)
        ("{2019: 5万人, 2020: 16.3万人}", "10万人", "years alone: 16.3万人 (2020);"),
        # floors add up to a floor: 10 + 12 ≥ 22
        ("{2019: 10万人以上, 2020: 12万人以上}", "15万人", "add up to ≥ 22万人"),
        # at 6.5元 per 美元, 10亿元 + 12亿元 = 1.538 + 1.846 = 3.385亿美元: '3亿美元' beside 3亿美元
        # said nothing; one digit more
        ("{2019: 10亿元, 2020: 12亿元}", "3亿美元", "add up to 3.4亿美元"),
    ],
)
def test_what_a_sum_below_its_years_says(tmp_path, levels, total, words):
    unit = "亿美元" if "亿元" in levels else "万人"
    b = (
        "indicators:\n"
        + ind("j", unit, f"    levels: {levels}\n")
        + f"    cumulative:\n      - {{period: 2016-2020, value: {total}}}\n"
    )
    head = "plan:\n  name: 测试\n  period: 2021-2025\n  exchange_rate: 6.5\n"
    found = findings_for(write_plan(tmp_path, b, "targets: {}\n", head=head), "cumulative")
    (f,) = [f for f in found if f.message_id.startswith("below")]
    assert words in f.message("en")


def test_a_targets_sum_is_not_set_against_actual_results(tmp_path):
    """Actuals in baselines.yaml after the base year are progress: a target of 累计50万人 already
    exceeded by 2021–2024's 60万人 is no contradiction (a reviewer's find); the targets' own
    yearly levels are what the sum is set against."""
    b = "indicators:\n" + ind(
        "j",
        "万人",
        "    levels: {2020: 16.3万人, 2021: 15万人, 2022: 15万人, 2023: 15万人, 2024: 15万人}\n",
    )
    assert run(tmp_path / "a", b, "targets:\n  j: {cumulative: 50万人}\n", "cumulative")[0] == [
        ("note", "implied-rate")
    ]
    t = "targets:\n  j: {cumulative: 50万人, level: 55万人}\n"  # its own 2025 level: more
    got, _ = run(tmp_path / "b", b, t, "cumulative")
    assert ("error", "below-year") in got


def test_a_sum_of_one_year_is_not_added_up(tmp_path):
    # 南宁's 年内新增企业6555家，累计达8418家 drafted as a 累计 of 2020: a running total since the
    # zone began, not a sum of 2020's 6555
    b = (
        "indicators:\n"
        + ind("n", "家", "    levels: {2020: 6555家}\n")
        + "    cumulative:\n      - {period: 2020, value: 8418家}\n"
    )
    assert run(tmp_path, b, "targets: {}\n", "cumulative")[0] == []


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        # Σ 1.1^t, t = 1..5 = 6.71561: 1.00亿美元 sums to 6.72 (±0.005 holds 6.7156)
        ("6.72亿美元", []),
        ("6.7亿美元", []),  # [6.65, 6.75] holds 6.7156
        # at most 1.005 × Σ 1.105^t = 1.005 × 6.8128 = 6.847 < 7.95: error
        ("8亿美元", [("error", "mismatch")]),
        # 6.80: Σ (1+r)^t = 6.80 at r ≈ 10.4%, which rounds to the stated 10%: fine as written
        ("6.80亿美元", []),
    ],
)
def test_cumulative_with_base_and_rate(tmp_path, total, expected):
    got, _ = run(
        tmp_path, FDI, f"targets:\n  f: {{annual: 10%, cumulative: {total}}}\n", "cumulative"
    )
    assert got == expected


def test_cumulative_warning_within_rounding(tmp_path):
    # 10.0% [9.95, 10.05], 6.75 [6.745, 6.755]: at face 6.7156 ∉ S and S needs 10.18% ∉ rate
    # (dΣ/dr = Σ t·1.1^(t−1) = 19.47, so +0.0344 needs +0.18%); yet at most
    # 1.005 × (6.7156 + 0.0005 × 19.47) = 6.759 ≥ 6.745: agree only within rounding
    got, _ = run(
        tmp_path, FDI, "targets:\n  f: {annual: 10.0%, cumulative: 6.75亿美元}\n", "cumulative"
    )
    assert got == [("warning", "rounding")]


def test_cumulative_mismatch_names_the_rate_needed(tmp_path):
    _, (f,) = run(
        tmp_path, FDI, "targets:\n  f: {annual: 10%, cumulative: 8亿美元}\n", "cumulative"
    )
    # solve Σ (1+r)^t = 8 for t=1..5 → r ≈ 16.0%: check 1.16+1.3456+1.5609+1.8106+2.1003 = 7.977
    assert f.data["implied_rate"] == pytest.approx(0.1609, abs=5e-4)
    assert f.data["expected"] == pytest.approx(6.71561)


def test_cumulative_implies_base_and_yearly_amounts(tmp_path):
    b = "indicators:\n" + ind("f", "亿美元")
    got, (f,) = run(
        tmp_path, b, "targets:\n  f: {annual: 10%, cumulative: 3.2亿美元}\n", "cumulative"
    )
    assert got == [("note", "implied-base")]
    # 3.2 / 6.71561 = 0.476502; then × 1.1 each year up to 0.476502 × 1.61051 = 0.767411
    assert f.data["implied_base"] == pytest.approx(0.476502, abs=1e-6)
    assert f.data["yearly"][-1] == pytest.approx(0.767411, abs=1e-6)
    assert sum(f.data["yearly"]) == pytest.approx(3.2)
    # the path is what an even 10% a year gives, which a sum and a rate alone cannot tell
    # (helper-49: an observed sum's years went as they went — 自贡's 2020 grew 10.4%, not 13.4%)
    assert "grown evenly at 10% a year, implies" in f.message("en")
    assert "若每年均增长10%，意味着" in f.message("zh")


def test_a_sum_and_an_end_level_that_no_even_path_joins_say_so(tmp_path):
    """文山: 累计完成固定资产投资3625亿元 … 年均增长11.8% over 2016–2020, and 819.24亿元 in 2020.
    The sum puts 2015 at 3625 / Σ1.118^t = 3625 / 7.074312 = 512.42 (累计法); the level at
    819.24 / 1.118^5 = 819.24 / 1.746663 = 469.03 (水平法), whose even path sums to
    469.03 × 7.074312 = 3318.1. Two notes said each alone; one now says they disagree, which
    only means the years were uneven (a note). Where an even path fits the widths, nothing."""
    b = "indicators:\n" + ind(
        "f",
        "亿元",
        "    levels: {2020: 819.24亿元}\n"
        "    growth: [{period: 2016-2020, annual: 11.8%}]\n"
        "    cumulative: [{period: 2016-2020, value: 3625亿元}]\n",
    )
    got, (f,) = run(tmp_path, b, "targets: {}\n", "cumulative")
    assert got == [("note", "uneven")]
    assert f.data["implied_base"] == pytest.approx(512.42, abs=0.01)
    assert f.data["implied_base_by_level"] == pytest.approx(469.03, abs=0.01)
    assert f.data["even_sum"] == pytest.approx(3318.1, abs=0.05)
    assert "均匀增长下二者不能同时成立" in f.message("zh")
    # 3318亿元 rounds to [3317.5, 3318.5], which the even path's 3318.1 is in: no note of it
    even = b.replace("3625亿元", "3318亿元")
    got, _ = run(tmp_path, even, "targets: {}\n", "cumulative")
    assert got == [("note", "implied-base")]


def test_cumulative_below_previous_period_while_growing(tmp_path):
    b = "indicators:\n" + ind(
        "f", "亿美元", "    cumulative:\n      - {period: 2016-2020, value: 6.93亿美元}\n"
    )
    got, (w, _) = run(
        tmp_path, b, "targets:\n  f: {annual: 10%, cumulative: 3.2亿美元}\n", "cumulative"
    )
    assert got == [("warning", "below-previous"), ("note", "implied-base")]
    # 3.2 / 5 = 0.64 a year against 6.93 / 5 = 1.386
    assert (w.data["average"], w.data["previous_average"]) == pytest.approx((0.64, 1.386))


def test_cumulative_below_previous_is_fine_when_the_plan_expects_a_fall(tmp_path):
    b = "indicators:\n" + ind(
        "f", "亿美元", "    cumulative:\n      - {period: 2016-2020, value: 6.93亿美元}\n"
    )
    got, _ = run(
        tmp_path, b, "targets:\n  f: {annual: -10%, cumulative: 3.2亿美元}\n", "cumulative"
    )
    assert got == [("note", "implied-base")]


def test_cumulative_rate_implied_from_base(tmp_path):
    got, (f,) = run(tmp_path, FDI, "targets:\n  f: {cumulative: 5亿美元}\n", "cumulative")
    assert got == [("note", "implied-rate")]
    assert f.data["implied_rate"] == pytest.approx(0.0)  # 1 a year for 5 years: no growth


def test_cumulative_base_is_shown_as_stated(tmp_path):
    """文山州's 新增市场主体34289户 (2020) read 'from 34289.0000户 in 2020': the base level is a
    stated figure, shown as it was stated."""
    b = "indicators:\n" + ind("f", "户", "    levels: {2020: 34289户}\n")
    got, (f,) = run(tmp_path, b, "targets:\n  f: {cumulative: 13万户以上}\n", "cumulative")
    assert got == [("note", "implied-rate")]
    assert "from 34289户 in 2020" in f.message("en")
    assert "34289户" in f.message("zh") and "34289.0" not in f.message("zh")
    # a floor on the sum bounds the rate: Σ 3.4289 × (1+r)^t (t = 1…5) = 13 at r = −0.090865
    # (by bisection, outside ezplan) is the least rate (helper-50: the summary said 'Rate
    # implied: -9.09%' as if exact)
    assert f.data["bound"] == "≥" and "implies ≥ -9.09% a year" in f.message("en")
    assert "年均下降不超过9.09%" in f.message("zh")
    (row,) = report(load_plan(tmp_path), [rules.rule("cumulative")]).rows
    assert (round(row.implied_rate, 4), row.implied_bound) == (-0.0909, "≥")


# --- part-whole ----------------------------------------------------------------------------


def parts_plan(whole: str, a: str, b: str) -> str:
    return (
        "indicators:\n"
        + ind("w", "亿元", f"    parts: [a, b]\n    levels: {{2020: {whole}}}\n")
        + ind("a", "亿元", f"    levels: {{2020: {a}}}\n")
        + ind("b", "亿元", f"    levels: {{2020: {b}}}\n")
    )


@pytest.mark.parametrize(
    ("whole", "a", "b", "expected"),
    [
        ("100亿元", "60亿元", "40亿元", []),
        ("100亿元", "60.2亿元", "40.2亿元", []),  # 100.4 rounds to 100
        ("100亿元", "60亿元", "45亿元", [("error", "sum")]),  # [104, 106] vs [99.5, 100.5]
        # sum [100.115, 100.225] vs whole [100.05, 100.15]: they overlap, but 100.17 ∉ whole and
        # 100.1 ∉ sum: warning
        ("100.1亿元", "60.0亿元", "40.17亿元", [("warning", "sum-rounding")]),
    ],
)
def test_parts_add_up(tmp_path, whole, a, b, expected):
    assert run(tmp_path, parts_plan(whole, a, b), "targets: {}\n", "part-whole")[0] == expected


def test_part_larger_than_whole(tmp_path):
    b = (
        "indicators:\n"
        + ind("c", "亿美元", "    cumulative:\n      - {period: 2016-2020, value: 8.1亿美元}\n")
        + ind(
            "n",
            "亿美元",
            "    part_of: c\n    cumulative:\n      - {period: 2016-2020, value: 8.98亿美元}\n",
        )
    )
    got, (f,) = run(tmp_path, b, "targets: {}\n", "part-whole")
    assert got == [("error", "part-exceeds")]
    assert "over 2016–2020" in f.message("en")
    # 8.1 at face value but 8.1 ± 0.05 reaches 8.15 ≥ 8.12: warning only
    b2 = b.replace("8.98亿美元", "8.12亿美元")
    assert run(tmp_path / "b", b2, "targets: {}\n", "part-whole")[0] == [
        ("warning", "part-exceeds-rounding")
    ]


def test_missing_part_is_derived_with_its_growth(tmp_path):
    b = (
        "indicators:\n"
        + ind("t", "亿美元", "    parts: [e, i]\n    levels: {2020: 42080万美元}\n")
        + ind("e", "亿美元", "    levels: {2020: 16011万美元}\n")
        + ind("i", "亿美元", "    levels: {2020: 26069万美元}\n")
    )
    t = "targets:\n  t: {level: [82.6亿元, 12亿美元]}\n  e: {level: [37.6亿元, 5.46亿美元]}\n"
    got, (f,) = run(tmp_path, b, t, "part-whole")
    assert got == [("note", "derived")]
    # 12 − 5.46 = 6.54亿美元; 82.6 − 37.6 = 45.0亿元; 6.54 / 2.6069 = 2.5088 → 20.20% a year
    assert f.data["derived"]["value"] == pytest.approx(6.54)
    assert f.data["annual_rate"] == pytest.approx((6.54 / 2.6069) ** 0.2 - 1)
    msg = f.message("en")
    assert "6.54亿美元 (45.0亿元)" in msg and "20.20% a year" in msg
    # 6.54 / 2.6069 − 1 = 150.88%: said in English (it was 增长150.9% in the English message)
    assert "that is a change of 150.9%," in msg and "增长150.9%" in f.message("zh")


@pytest.mark.parametrize(
    ("whole", "part", "expected", "judged"),
    [
        # 1900个以上 with 其中…超过300个: a whole with no ceiling holds any part (吉林's pair was
        # ✓ consistent, with a share of 300/1900 = 15.8% of two floors' face values)
        ("1900个以上", "超过300个", [], False),
        ("1900个以上", "超过3000个", [], False),  # even so: the whole may be above 3000
        ("1900个", "300个以内", [], False),  # a part with no floor cannot exceed anything
        # a whole with a ceiling can be exceeded: 300/1900 = 15.8%; ≥ 2000 > 1900.5 an error
        ("1900个", "超过300个", [("note", "share")], True),
        ("1900个", "超过2000个", [("error", "part-exceeds")], True),
    ],
)
def test_a_part_whole_pair_that_cannot_fail_is_not_judged(tmp_path, whole, part, expected, judged):
    b = "indicators:\n" + ind("w", "个") + ind("p", "个", "    part_of: w\n")
    t = f"targets:\n  w: {{level: {whole}}}\n  p: {{level: {part}}}\n"
    plan = load_plan(write_plan(tmp_path, b, t))
    outcome = rules.evaluate(plan, [rules.rule("part-whole")])
    got = [(f.severity.label, f.message_id) for f in outcome.findings]
    assert got == expected
    assert bool(outcome.checked) is judged


def test_a_pair_that_cannot_fail_says_why_it_is_not_checkable(tmp_path):
    """Not 'the only figure stated; nothing to compare it with': there is a whole to compare
    with, and the comparison cannot fail."""
    b = "indicators:\n" + ind("w", "个") + ind("p", "个", "    part_of: w\n")
    t = "targets:\n  w: {level: 1900个以上}\n  p: {level: 超过300个}\n"
    plan = load_plan(write_plan(tmp_path, b, t))
    got = {f.indicator: f for f in rules.run(plan, [rules.rule("unchecked")])}
    assert {i: f.message_id for i, f in got.items()} == {
        "w": "part-cannot-fail",
        "p": "part-cannot-fail",
    }
    assert "超过300个 and its whole 1900个以上 cannot" in got["p"].message("en")
    assert "1900个以上与其分项超过300个不可能相互矛盾" in got["w"].message("zh")


def test_project_parts(tmp_path):
    t = (
        "targets: {}\nprojects:\n"
        "  z: {name: 区, unit: 亩, parts: [p, q], value: 1305亩}\n"
        "  p: {name: 甲, unit: 亩, value: 121亩}\n"
        "  q: {name: 乙, unit: 亩, value: 1184亩}\n"
    )
    assert run(tmp_path, "indicators: {}\n", t, "part-whole")[0] == []
    t2 = t.replace("1184亩", "1084亩")  # 121 + 1084 = 1205
    assert run(tmp_path / "b", "indicators: {}\n", t2, "part-whole")[0] == [("error", "sum")]


# --- currency ------------------------------------------------------------------------------

CUR = "indicators:\n" + ind("t", "亿美元") + ind("e", "亿美元")


def test_pairs_that_agree_get_a_note_only(tmp_path):
    # 82.6 / 12 = 6.8833 and 37.6 / 5.46 = 6.8864; intervals [6.604, 7.187] ⊃ [6.871, 6.902]
    t = "targets:\n  t: {level: [82.6亿元, 12亿美元]}\n  e: {level: [37.6亿元, 5.46亿美元]}\n"
    got, (f,) = run(tmp_path, CUR, t, "currency")
    assert got == [("note", "implied")]
    assert "6.883–6.886" in f.message("en")


def test_pair_that_disagrees(tmp_path):
    # 37.6 / 6.46 = 5.82 against 6.883 in the same year: a warning (it rests on one rate a
    # year), reported at the 美元 figure
    t = "targets:\n  t: {level: [82.6亿元, 12亿美元]}\n  e: {level: [37.6亿元, 6.46亿美元]}\n"
    got, _ = run(tmp_path, CUR, t, "currency")
    assert sorted(got) == [("note", "implied"), ("warning", "another-rate")]


def test_a_pair_at_another_rate_is_reported_once(tmp_path):
    """The warning names the year's reference pair and relates both its figures; the
    whole-plan rule, which finds the same four figures unable to share one rate, adds its
    culprits to this warning instead of repeating it as a second one (a bulletin's year had
    four warnings for each such pair)."""
    t = "targets:\n  t: {level: [82.6亿元, 12亿美元]}\n  e: {level: [37.6亿元, 6.46亿美元]}\n"
    d = write_plan(tmp_path, CUR, t)
    found = [f for f in findings_for(d) if f.severity.label != "note"]
    assert [(f.check, f.message_id) for f in found] == [("currency", "another-rate")]
    (f,) = found
    # the reference is the narrower rate: 37.55/6.465 … 37.65/6.455 = 5.808 … 5.833 (82.6 and
    # 12 allow 6.604 … 7.187); the warning is at 12亿美元 (targets.yaml 5:23, after 3 lines of
    # header and `targets:`), its 82.6亿元 at 5:15, the reference pair at 6:15 and 6:23
    assert (f.mark.line, f.mark.column) == (5, 23)
    assert sorted((m.line, m.column) for m in f.related) == [(5, 15), (6, 15), (6, 23)]
    assert f.addendum is not None  # the whole-plan rule's culprits


def test_pairs_of_different_years_are_not_compared(tmp_path):
    # 2020: 42080万美元 = 29.0亿元 (6.89); 2025 at 5.82 — rates move between years
    b = (
        "indicators:\n  t:\n    name: 甲\n    unit: 亿美元\n"
        "    levels: {2020: [29.0亿元, 42080万美元]}\n"
    )
    t = "targets:\n  t: {level: [37.6亿元, 6.46亿美元]}\n"
    got, _ = run(tmp_path, b, t, "currency")
    assert got == [("note", "implied"), ("note", "implied")]


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        ("6.9元", []),  # [6.85, 6.95] inside [82.55/12.5, 82.65/11.5] = [6.604, 7.187]
        ("7.5元", [("error", "mismatch")]),
    ],
)
def test_declared_rate(tmp_path, rate, expected):
    head = f"plan:\n  name: 测试\n  period: 2021-2025\n  exchange_rate: {rate}\n"
    d = write_plan(tmp_path, CUR, "targets:\n  t: {level: [82.6亿元, 12亿美元]}\n", head)
    got = [(f.severity.label, f.message_id) for f in findings_for(d, "currency")]
    assert got == expected


# --- share ---------------------------------------------------------------------------------


def share_plan(value: str, levels: str = "") -> str:
    return (
        "indicators:\n"
        + ind("r", "亿元", "    levels: {2020: 326.57亿元}\n")
        + ind("n", "亿元", levels + f"    shares:\n      - {{of: r, year: 2020, value: {value}}}\n")
    )


def test_share_implies_the_numerator(tmp_path):
    got, (f,) = run(tmp_path, share_plan("40%以上"), "targets: {}\n", "share")
    assert got == [("note", "implied-numerator")]
    # 0.40 × 326.57 = 130.628; a bound reads as one ('… of ≥ 130.63亿元' was garbled)
    assert "means 指标 ≥ 130.63亿元" in f.message("en")


def test_a_share_of_a_whole_that_is_a_floor_is_a_ceiling(tmp_path):
    # 广东's 3200亿元 over 超过11万亿元 (typed 9.2% for 2.9%): 3200 / 110000 = 2.91% at most
    b = (
        "indicators:\n"
        + ind("g", "亿元", "    levels: {2020: 超过11万亿元}\n")
        + ind(
            "r",
            "亿元",
            "    levels: {2020: 3200亿元}\n    shares:\n      - {of: g, year: 2020, value: 9.2%}\n",
        )
    )
    got, (f,) = run(tmp_path, b, "targets: {}\n", "share")
    assert got == [("error", "mismatch")]
    assert "3200亿元 over 超过11万亿元 is ≤ 2.91% in 2020" in f.message("en")
    assert "占超过11万亿元的不高于2.91%" in f.message("zh")


def test_a_share_that_agrees_only_as_bounds_says_so(tmp_path):
    # 福州's 预计突破4500亿元 of 预计突破1万亿元 (45%) with 1万亿元 typed 1亿元: 4500 / 1 is
    # 450000% at face value; two floors allow any share, which is no rounding
    b = (
        "indicators:\n"
        + ind("g", "亿元", "    levels: {2020: 突破1亿元}\n")
        + ind(
            "d",
            "亿元",
            "    levels: {2020: 突破4500亿元}\n"
            "    shares:\n      - {of: g, year: 2020, value: 45%}\n",
        )
    )
    got, (f,) = run(tmp_path, b, "targets: {}\n", "share")
    assert got == [("warning", "bounds")]
    assert "they agree only as bounds, not at face value" in f.message("en")


@pytest.mark.parametrize(
    ("part", "whole", "share", "expected"),
    [
        # 39.4 / 100 = 39.4% against 40%以上: 39.45 / 99.5 = 39.65% reaches 39.5% by rounding,
        # the 以上 plays no part (a reviewer's find: it said 'only as bounds')
        ("39.4亿元", "100亿元", "40%以上", "rounding"),
        # 3200 / 超过110000 ≤ 2.91%, against 3.0%: 3200.5 / 105000 = 3.05% by 11万亿's rounding
        ("3200亿元", "超过11万亿元", "3.0%", "rounding"),
        # two floors: 4500 / 1 at face value; only the bounds let any share through
        ("突破4500亿元", "突破1亿元", "45%", "bounds"),
    ],
)
def test_a_share_agreeing_by_rounding_or_by_bounds(tmp_path, part, whole, share, expected):
    b = (
        "indicators:\n"
        + ind("g", "亿元", f"    levels: {{2020: {whole}}}\n")
        + ind(
            "d",
            "亿元",
            f"    levels: {{2020: {part}}}\n"
            f"    shares:\n      - {{of: g, year: 2020, value: {share}}}\n",
        )
    )
    assert run(tmp_path, b, "targets: {}\n", "share")[0] == [("warning", expected)]


def test_an_implied_value_lies_in_the_interval_shown_beside_it(tmp_path):
    """宣城's 4.5% of 250亿元 (a slip for 2500) read '11亿元 [11.10亿元, 11.40亿元]': the value
    at the whole's digits lay outside its own interval. 0.045 × 250 = 11.25; 0.0445 × 249.5 =
    11.10, 0.0455 × 250.5 = 11.40."""
    b = (
        "indicators:\n"
        + ind("g", "亿元", "    levels: {2025: 250亿元}\n")
        + ind("c", "亿元", "    shares:\n      - {of: g, year: 2025, value: 4.5%}\n")
    )
    _, (f,) = run(tmp_path, b, "targets: {}\n", "share")
    assert "of 11.25亿元 [11.10亿元, 11.40亿元]" in f.message("en")
    assert "为11.25亿元[11.10亿元, 11.40亿元]" in f.message("zh")


def test_an_implied_numerators_interval_is_shown_as_fine_as_tells_its_ends_apart(tmp_path):
    """约59% of 326.57亿元: 约 allows ±5% of 59% ([56.05%, 61.95%] here), so the numerator
    lies in [0.5605 × 326.565, 0.6195 × 326.575] = [183.04, 202.31] — shown to the figure's two
    decimals (it was to four: [183.0397亿元, 202.3132亿元]); a narrow one keeps more."""
    got, (f,) = run(tmp_path, share_plan("约59%"), "targets: {}\n", "share")
    assert got == [("note", "implied-numerator")]
    lo, hi = re.search(r"\[([\d.]+)亿元, ([\d.]+)亿元\]", f.message("en")).groups()
    assert len(lo.split(".")[1]) == len(hi.split(".")[1]) == 2
    assert float(lo) == pytest.approx(0.5605 * 326.565, abs=0.6)
    assert float(hi) == pytest.approx(0.6195 * 326.575, abs=0.6)
    _, (g,) = run(tmp_path, share_plan("40.0%"), "targets: {}\n", "share")
    # 40.0% is [39.95%, 40.05%] and 326.57 [326.565, 326.575]: 0.3995 × 326.565 = 130.4627,
    # 0.4005 × 326.575 = 130.7933 — 33 steps of 0.01 apart, 330 of 0.001: three decimals
    assert "[130.463亿元, 130.793亿元]" in g.message("en")


@pytest.mark.parametrize(
    ("level", "share", "expected"),
    [
        ("130亿元", "40%以上", []),  # 130 / 326.57 = 39.81% ≥ 39.5
        ("120亿元", "40%以上", [("error", "mismatch")]),  # 36.7%
        ("120亿元", "37%", []),  # 36.75% rounds to 37
        ("120亿元", "40%以内", []),
    ],
)
def test_share_with_both_levels(tmp_path, level, share, expected):
    plan = share_plan(share, f"    levels: {{2020: {level}}}\n")
    assert run(tmp_path, plan, "targets: {}\n", "share")[0] == expected


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        ("32%", []),
        ("33%", [("error", "points-mismatch")]),  # 30 + 2 = 32 ([31, 33] vs [32.5, 33.5]? overlap)
    ],
)
def test_percentage_points(tmp_path, end, expected):
    b = "indicators:\n" + ind("s", '"%"', "    levels: {2020: 30.0%}\n")
    t = f"targets:\n  s: {{level: {end}, change: 提高2.0个百分点}}\n"
    assert run(tmp_path, b, t, "share")[0] == expected


def test_a_share_across_currencies_uses_the_wholes_own_restatement(tmp_path):
    """The 2017 bulletin: 对外承包工程完成营业额11383亿元，折1686亿美元; 对一带一路沿线国家完成
    营业额855亿美元，占比重50.7%. 855 / 1686 = 50.71%, as stated; converted at the plan's
    other pairs' rate (~6.72元 per 美元: 11383 / 6.72 = 1694) it read 50.48% and warned."""
    b = (
        "indicators:\n"
        + ind("w", "亿元", "    levels: {2017: [11383亿元, 1686亿美元]}\n")
        + ind("x", "亿元", "    levels: {2017: [672亿元, 100亿美元]}\n")
        + ind("p", "亿美元", "    levels: {2017: 855亿美元}\n")
        + "    shares:\n      - {of: w, year: 2017, value: 50.7%}\n"
    )
    got, _ = run(tmp_path, b, "targets: {}\n", "share")
    assert got == []
    # 50.0% is not 855/1686 even within the figures' rounding ([50.68%, 50.74%])
    got, (f,) = run(tmp_path, b.replace("50.7%", "50.0%"), "targets: {}\n", "share")
    assert got == [("error", "mismatch")] and "over 1686亿美元" in f.message("en")


def test_percentage_points_implied(tmp_path):
    b = "indicators:\n" + ind("s", '"%"', "    levels: {2020: 30%}\n")
    got, (f,) = run(tmp_path, b, "targets:\n  s: {change: 提高2个百分点}\n", "share")
    assert got == [("note", "points-implied")]
    assert f.data["expected"]["value"] == 32


def test_percentage_points_implied_reads_as_milestones_does(tmp_path):
    """亳州市: 45% (2020) 提高1.2个百分点以上 said '≥ 45.65% by 2021' (the rounding floor, 44.5 +
    1.15) where milestones draws 46.2 (45 + 1.2): a bound is the face values added, as
    milestones and the bounded share note read it; an exact change gives its face value, to
    the finer of the two figures' digits, beside the interval (51 + 0.76 = 51.76 in [50.5 +
    0.755, 51.5 + 0.765] = [51.255, 52.265], shown to two digits more than 51%)."""
    b = "indicators:\n" + ind("s", '"%"', "    levels: {2020: 45%}\n")
    _, (f,) = run(tmp_path, b, "targets:\n  s: {change: 提高1.2个百分点以上}\n", "share")
    assert "means ≥ 46.2% by 2025" in f.message("en")
    b = "indicators:\n" + ind("s", '"%"', "    levels: {2020: 51%}\n")
    _, (g,) = run(tmp_path, b, "targets:\n  s: {change: 提高0.76个百分点}\n", "share")
    assert "means 51.76% [51.26%, 52.27%] by 2025" in g.message("en")


def test_a_parts_share_of_a_target_of_any_year_is_shown(tmp_path):
    """广东省: 新增9.6万个普惠性幼儿园学位，其中公办幼儿园学位6万个 (2021) was marked checked
    against its whole with no words anywhere (explain: 'no problems'), because only the plan's
    last year's parts got a note; 6 / 9.6 = 62.5%."""
    b = "indicators:\n" + ind("w", "万个") + ind("p", "万个")
    t = (
        "targets:\n  w: {period: '2021', level: 9.6万个}\n"
        "  p: {period: '2021', level: 6万个, part_of: w}\n"
    )
    got, (f,) = run(tmp_path, b, t, "part-whole")
    assert got == [("note", "share")]
    assert "is 62.5% of" in f.message("en")


def test_pairs_converted_each_on_its_own_are_not_set_against_each_other(tmp_path):
    """A statistical bulletin's 元/美元 pairs are flows each converted by the body that reports
    them (its footnote: 对外投资…沿用美元计价): the three bulletins' 18 warnings that their pairs
    of a year cannot share one rate were unearned. `one_rate_per_year: false` says so — no
    currency warning and no whole-plan one, the rates each pair implies still noted; a declared
    rate still binds every pair (37.6 / 6.46 = 5.82 against 6.9: an error)."""
    head = "plan: {name: 统计公报, period: 2021-2025, one_rate_per_year: false}\n"
    t = "targets:\n  t: {level: [82.6亿元, 12亿美元]}\n  e: {level: [37.6亿元, 6.46亿美元]}\n"
    d = write_plan(tmp_path / "a", CUR, t, head=head)
    found = findings_for(d)
    assert [f for f in found if f.severity.label != "note"] == []
    assert [(f.check, f.message_id) for f in found if f.check == "currency"] == [
        ("currency", "implied")
    ]
    declared = head.replace("one_rate_per_year", "exchange_rate: 6.9元, one_rate_per_year")
    d = write_plan(tmp_path / "b", CUR, t, head=declared)
    got = [(f.severity.label, f.message_id) for f in findings_for(d, "currency")]
    assert got == [("error", "mismatch")]


def test_a_past_change_in_points_gives_the_level_before(tmp_path):
    """A review's 提高1.15个百分点 over 2017 to 42.35% (2017): 42.35 − 1.15 = 41.20 in 2016,
    [42.345 − 1.155, 42.355 − 1.145] = [41.19, 41.21] — shown with the digits that write its
    ends exactly (it read [41.1900%, 41.2100%])."""
    b = "indicators:\n" + ind(
        "u",
        '"%"',
        "    levels: {2017: 42.35%}\n    growth: [{period: '2017', change: 提高1.15个百分点}]\n",
    )
    got, (f,) = run(tmp_path, b, "targets: {}\n", "share")
    assert got == [("note", "points-implied-base")]
    assert "提高1.15个百分点 over 2017 to 42.35% (2017) means 41.20% [41.19%, 41.21%] in 2016" in (
        f.message("en")
    ), f.message("en")
    assert "2016年水平未列出；2017年提高1.15个百分点至2017年的42.35%" in f.message("zh")
