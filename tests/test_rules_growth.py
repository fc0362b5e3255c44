"""level-rate, level-growth, growth-rate, chained-growth, history, constant-prices.

Every expected number is computed by hand in the comments (or with a different formula)."""

from __future__ import annotations

import pytest

from tests.conftest import findings_for, write_plan


def run(tmp_path, baselines, targets, code):
    found = findings_for(write_plan(tmp_path, baselines, targets), code)
    return [(f.severity.label, f.message_id) for f in found], found


def base(levels: str, extra: str = "") -> str:
    head = "indicators:\n  x:\n    name: 指标\n    name_en: X\n    unit: 亿元\n"
    return f"{head}    levels: {levels}\n{extra}"


# --- level-rate ----------------------------------------------------------------------------


def test_a_count_of_firms_in_户_meets_its_target_in_家(tmp_path):
    # 0.54万户 × 1.11^5 = 5400 × 1.685058 = 9099.3, short of 突破10000家 even at the widths'
    # ends (5450 × 1.115^5 = 9392.3): the two words count the same firms
    head = "indicators:\n  x:\n    name: 规上工业企业\n    unit: 户\n"
    got, (f,) = run(
        tmp_path,
        f"{head}    levels: {{2020: 0.54万户}}\n",
        "targets:\n  x: {level: 突破10000家, annual: 11%}\n",
        "level-rate",
    )
    assert got == [("error", "mismatch")]
    assert f.data["expected"] == pytest.approx(9099.3, abs=0.05)


def test_level_rate_error_with_the_numbers_a_planner_needs(tmp_path):
    # 100 × 1.1^5 = 161.051; 200 needs (200/100)^(1/5) − 1 = 2^0.2 − 1 = 14.87%
    got, (f,) = run(
        tmp_path,
        base("{2020: 100亿元}"),
        "targets:\n  x: {level: 200亿元, annual: 10%}\n",
        "level-rate",
    )
    assert got == [("error", "mismatch")]
    assert f.message("en") == (
        "at 10% a year, 100亿元 (2020) grows to 161.1亿元 by 2025, not "
        "200亿元; 200亿元 needs 14.87% a year"
    )
    assert f.data["expected"] == pytest.approx(161.051)
    assert f.data["implied_rate"]["value"] == pytest.approx(2**0.2 - 1)
    assert (f.mark.line, f.mark.column) == (5, 29)  # the stated rate


def test_level_rate_fine_when_the_level_rounds(tmp_path):
    # 100 × 1.1^5 = 161.05 → rounds to 161 (±0.5): consistent as written
    got, _ = run(
        tmp_path,
        base("{2020: 100亿元}"),
        "targets:\n  x: {level: 161亿元, annual: 10%}\n",
        "level-rate",
    )
    assert got == []


def test_level_rate_warning_when_only_rounding_reconciles(tmp_path):
    # 162/100 gives (1.62)^(1/5) − 1 = 10.13% ∉ [9.95, 10.05];
    # 100 × 1.1^5 = 161.05 ∉ [161.5, 162.5];
    # but the levels allow down to (161.5/100.5)^(1/5) − 1 = 9.952% ≤ 10.05%: warning.
    got, _ = run(
        tmp_path,
        base("{2020: 100亿元}"),
        "targets:\n  x: {level: 162亿元, annual: 10.0%}\n",
        "level-rate",
    )
    assert got == [("warning", "rounding")]


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("超过150亿元", []),  # 161.05 ≥ 150: a bound is met by any value on its side
        ("150亿元以上", []),
        ("不超过150亿元", [("error", "mismatch")]),  # at most 150.5, but 10% gives 161.05
        ("170亿元以内", []),
    ],
)
def test_level_rate_bounds_on_both_sides(tmp_path, level, expected):
    got, _ = run(
        tmp_path,
        base("{2020: 100亿元}"),
        f"targets:\n  x: {{level: {level}, annual: 10%}}\n",
        "level-rate",
    )
    assert got == expected


def test_level_rate_one_year_period(tmp_path):
    # 2024 → 2025: 100 × 1.1 = 110 (fine); 120 needs 20% (error)
    b = base("{2024: 100亿元}")
    assert (
        run(
            tmp_path / "a",
            b,
            "targets:\n  x: {period: 2025, level: 110亿元, annual: 10%}\n",
            "level-rate",
        )[0]
        == []
    )
    assert run(
        tmp_path / "b",
        b,
        "targets:\n  x: {period: 2025, level: 120亿元, annual: 10%}\n",
        "level-rate",
    )[0] == [("error", "mismatch")]


def test_level_rate_zero_base_is_not_computable(tmp_path):
    got, (f,) = run(
        tmp_path,
        base("{2020: 0亿元}"),
        "targets:\n  x: {level: 100亿元, annual: 10%}\n",
        "level-rate",
    )
    assert got == [("warning", "not-computable")]
    assert "zero or negative" in f.message("en")


def test_level_rate_on_history(tmp_path):
    # 2015 → 2019 stated 5% a year: 100 × 1.05^4 = 121.55, not 130
    b = base(
        "{2015: 100亿元, 2019: 130亿元}", "    growth:\n      - {period: 2016-2019, annual: 5%}\n"
    )
    got, (f,) = run(tmp_path, b, "targets: {}\n", "level-rate")
    assert got == [("error", "mismatch")] and f.scope == "history"


# --- level-growth --------------------------------------------------------------------------


def test_times_growth_fitting_its_reading_is_explained(tmp_path):
    # 增长2.4倍 = ×3.4: 100 → 340 fits; read as ×2.4 it would give 240: note
    got, (f,) = run(
        tmp_path,
        base("{2020: 100亿元}"),
        "targets:\n  x: {level: 340亿元, total: 增长2.4倍}\n",
        "level-growth",
    )
    assert got == [("note", "reading")]
    assert "×3.4" in f.message("en")


def test_times_growth_fitting_only_the_other_reading_is_an_error_that_says_so(tmp_path):
    # 100 → 240 is ×2.4, i.e. 增长1.4倍; 增长2.4倍 (×3.4) cannot be, 是…的2.4倍 can
    got, (f,) = run(
        tmp_path,
        base("{2020: 100亿元}"),
        "targets:\n  x: {level: 240亿元, total: 增长2.4倍}\n",
        "level-growth",
    )
    assert got == [("error", "other-reading")]
    assert f.data["fitting_reading"] == "multiple"
    assert "是…的2.4倍" in f.message("en")


def test_multiple_reading_the_other_way(tmp_path):
    # 是2020年的2.4倍 means ×2.4; 340 fits only 增长2.4倍
    got, _ = run(
        tmp_path,
        base("{2020: 100亿元}"),
        "targets:\n  x: {level: 340亿元, total: 是2020年的2.4倍}\n",
        "level-growth",
    )
    assert got == [("error", "other-reading")]


@pytest.mark.parametrize(
    ("level", "total", "expected"),
    [
        ("200亿元", "翻一番", []),
        ("250亿元", "翻一番", [("error", "mismatch")]),
        ("400亿元", "翻两番", []),
        ("150亿元", "增长50%", []),
        # 151/100 = 1.51 ∉ [1.495, 1.505]; 100 × 1.5 = 150 ∉ [150.5, 151.5]; but the levels allow
        # down to 150.5/100.5 = 1.4975 ≤ 1.505: warning
        ("151亿元", "增长50%", [("warning", "rounding")]),
        ("90亿元", "下降10%", []),
    ],
)
def test_level_growth_forms(tmp_path, level, total, expected):
    got, _ = run(
        tmp_path,
        base("{2020: 100亿元}"),
        f"targets:\n  x: {{level: {level}, total: {total}}}\n",
        "level-growth",
    )
    assert got == expected


# --- growth-rate ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "annual", "years", "expected"),
    [
        # 1.189^(1/4) − 1 = 4.42% (ln 1.189 = 0.17311, /4 = 0.04328, e^ = 1.04423): not 4.3%
        ("增长18.9%", "4.3%", "2016-2019", [("error", "mismatch")]),
        # 1.249^(1/4) − 1 = 5.72%, rounds to 5.7%
        ("增长24.9%", "5.7%", "2016-2019", []),
        # one year: 10.0% [9.95, 10.05] and 10.1% [10.05, 10.15] touch only at 10.05: warning
        ("增长10.0%", "10.1%", "2020", [("warning", "rounding")]),
        # 1.23^5 = 2.8153 → 增长181.5%, within 182 ± 0.5
        ("增长182%", "23%", "2021-2025", []),
        ("翻一番", "15%", "2021-2025", []),  # 1.15^5 = 2.011 → about ×2: within 15% ± 0.5
        ("翻一番", "10%", "2021-2025", [("error", "mismatch")]),  # 1.1^5 = 1.61
    ],
)
def test_growth_rate(tmp_path, total, annual, years, expected):
    b = base("{}", f"    growth:\n      - {{period: {years}, total: {total}, annual: {annual}}}\n")
    got, _ = run(tmp_path, b, "targets: {}\n", "growth-rate")
    assert got == expected


# --- chained-growth ------------------------------------------------------------------------


def chain(whole: str) -> str:
    return base(
        "{}",
        "    growth:\n"
        "      - {period: 2016-2019, annual: 12.6%}\n"
        "      - {period: 2020, total: 下降22.6%}\n"
        f"      - {{period: 2016-2020, annual: {whole}}}\n",
    )


def test_chained_growth_error(tmp_path):
    # 1.126^4 × 0.774 = 1.607550 × 0.774 = 1.244244 → 4.47% a year; 8% a year is 1.08^5 = 1.4693
    got, (f,) = run(tmp_path, chain("8%"), "targets: {}\n", "chained-growth")
    assert got == [("error", "mismatch")]
    assert f.data["chained_factor"]["value"] == pytest.approx(1.126**4 * 0.774)


def test_chained_growth_fine_within_rounding(tmp_path):
    # 4.5% a year: [1.0445^5, 1.0455^5] = [1.2432, 1.2492] holds the chained 1.2442
    assert run(tmp_path, chain("4.5%"), "targets: {}\n", "chained-growth")[0] == []


def test_year_on_year_chain(tmp_path):
    # 10% then 10% is ×1.21 over two years: 增长21% fits, 增长25% does not
    def plan(total):
        return base(
            "{}",
            "    growth:\n      - {period: 2021, total: 增长10%}\n"
            "      - {period: 2022, total: 增长10%}\n"
            f"      - {{period: 2021-2022, total: {total}}}\n",
        )

    assert run(tmp_path / "a", plan("增长21%"), "targets: {}\n", "chained-growth")[0] == []
    assert run(tmp_path / "b", plan("增长25%"), "targets: {}\n", "chained-growth")[0] == [
        ("error", "mismatch")
    ]


# --- history -------------------------------------------------------------------------------


def test_history_implies_the_unstated_base(tmp_path):
    # 421.86 / 1.126^4 = 421.86 / 1.607550 = 262.43
    b = base("{2019: 421.86亿元}", "    growth:\n      - {period: 2016-2019, annual: 12.6%}\n")
    got, (f,) = run(tmp_path, b, "targets: {}\n", "history")
    assert got == [("note", "implied")]
    assert f.data["implied"]["value"] == pytest.approx(421.86 / 1.126**4)
    assert "262.43亿元" in f.message("en")


def test_history_conflicting_implied_levels(tmp_path):
    # 2015 from 2019: 262.43; from 2020 after 增长50%: 326.57 / 1.5 = 217.71: error
    b = base(
        "{2019: 421.86亿元, 2020: 326.57亿元}",
        "    growth:\n      - {period: 2016-2019, annual: 12.6%}\n"
        "      - {period: 2016-2020, total: 增长50%}\n",
    )
    got, _ = run(tmp_path, b, "targets: {}\n", "history")
    assert got == [("note", "implied"), ("error", "conflict")]


# --- constant-prices -----------------------------------------------------------------------


def test_constant_price_growth_is_noted_not_compared(tmp_path):
    b = base("{2020: 100亿元}")
    t = "targets:\n  x: {level: 161亿元, annual: 7%, constant_prices: true}\n"
    assert run(tmp_path, b, t, "level-rate")[0] == []  # 7% vs 10% current: no false alarm
    got, (f,) = run(tmp_path / "b", b, t, "constant-prices")
    assert got == [("note", "not-compared")]
    assert f.data["implied_rate"] == pytest.approx(1.61**0.2 - 1)


def test_constant_price_growth_against_a_bound_over_one_year(tmp_path):
    """宜宾: 增长9% (comparable prices) over 2021 beside 2802.12亿元 (2020) and 突破3000亿元
    (2021): the current-price rate is at least 3000 / 2802.12 − 1 = 7.06% — and over one year,
    not 年均 (it read '对应现价年均增长7.06%', a reviewer's find)."""
    b = base("{2020: 2802.12亿元}")
    t = (
        "targets:\n  x: {period: '2021', level: 突破3000亿元, total: 增长9%, "
        "constant_prices: true}\n"
    )
    _, (f,) = run(tmp_path, b, t, "constant-prices")
    assert f.data["implied_rate"] == pytest.approx(3000 / 2802.12 - 1)
    assert "which imply ≥ 7.06% at current prices" in f.message("en"), f.message("en")
    assert "二者对应现价增长不低于7.06%" in f.message("zh"), f.message("zh")


def test_history_implied_levels_that_differ_only_within_rounding(tmp_path):
    # 2015 from 2019: 421.86 / 1.126^4 = 262.43 (allowed [261.96, 262.90]);
    # from 2020 after 增长24.4%: 326.57 / 1.244 = 262.52 — different at face value, but inside
    b = base(
        "{2019: 421.86亿元, 2020: 326.57亿元}",
        "    growth:\n      - {period: 2016-2019, annual: 12.6%}\n"
        "      - {period: 2016-2020, total: 增长24.4%}\n",
    )
    got, _ = run(tmp_path, b, "targets: {}\n", "history")
    assert got == [("note", "implied")]


def test_level_growth_zero_base_is_not_computable(tmp_path):
    got, _ = run(
        tmp_path,
        base("{2020: 0亿元}"),
        "targets:\n  x: {level: 100亿元, total: 翻一番}\n",
        "level-growth",
    )
    assert got == [("warning", "not-computable")]


def test_doubling_culprit_reads_as_a_multiple(tmp_path):
    """翻一番 over 2016–2020 is 2^(1/5) − 1 = 14.87% a year, not 18%; 1.18^5 = 2.288. The range
    that would fit 翻一番 is said as the multiple (倍), never as "翻0.93番"; an exact rate is one
    value, not "14.87%–14.87%". The word as a fact is ×2^0.95–2^1.05 (a round word: see
    test_round_words), so the rate that would fit is 2^(0.95/5) − 1 = e^0.131698 − 1 = 14.08% to
    2^(1.05/5) − 1 = e^0.145561 − 1 = 15.67%."""
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 旅游总收入, unit: 亿元, levels: {2015: 100亿元}}\n",
        "targets:\n  x: {total: 翻一番, annual: 18%}\n",
        head="plan: {name: 测试, period: 2016-2020}\n",
    )
    (f,) = [f for f in findings_for(d) if f.check == "growth-rate"]
    text = f.message("zh")
    assert "番→" not in text.replace("翻一番→2.", "")  # the range is in 倍
    assert "翻一番→2.2" in text and "倍" in text
    assert "14.87%–14.87%" not in text and "18%→14.08%–15.67%" in text


@pytest.mark.parametrize(
    ("base", "end", "real", "warned"),
    [
        # 文山's 规上工业增加值: 131.12 → 180.67 is (180.67/131.12)^(1/5) − 1 = 6.62% a year at
        # current prices; with 13.6% real, prices fall 1.0662/1.136 − 1 = −6.1% a year
        ("131.12亿元", "180.67亿元", "13.6%", True),
        # 文山's GDP: 664.9 → 1185.12 is 12.25% nominal; 9.1% real → prices +2.9% a year
        ("664.9亿元", "1185.12亿元", "9.1%", False),
        # 11.08% nominal against 0.5% real: prices +10.5% a year, above +10%
        ("799.8亿元", "1352.7亿元", "0.5%", True),
    ],
)
def test_constant_price_growth_needs_a_plausible_price_change(tmp_path, base, end, real, warned):
    d = write_plan(
        tmp_path,
        "indicators:\n  v: {name: 规上工业增加值, unit: 亿元, "
        f"levels: {{2015: {base}, 2020: {end}}}}}\n",
        f"targets:\n  v: {{annual: {real}, constant_prices: true}}\n",
        head="plan: {name: 测试, period: 2016-2020}\n",
    )
    found = [f for f in findings_for(d) if f.check == "constant-prices"]
    assert [f.message_id for f in found] == (["price-change"] if warned else ["not-compared"])
    if warned:
        assert found[0].severity.name == "WARNING"


def test_the_rate_a_bound_implies_is_a_bound(tmp_path):
    """翻番以上 over 2016–2020 is at least 2^(1/5) − 1 = 14.87% a year; 13% (×1.842, and at
    most 1.135^5 = ×1.883) is below even 翻番 said of ×1.93 (2^0.95), as a round word may be."""
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 旅游总收入, unit: 亿元, levels: {2015: 100亿元}}\n",
        "targets:\n  x: {total: 翻番以上, annual: 13%}\n",
        head="plan: {name: 测试, period: 2016-2020}\n",
    )
    (f,) = [f for f in findings_for(d) if f.check == "growth-rate"]
    assert f.severity.name == "ERROR"
    assert "is at least 14.87% a year" in f.message("en")
    assert "相当于年均增长14.87%以上" in f.message("zh")


def test_an_implied_level_with_an_open_end_says_at_least(tmp_path):
    """突破300亿元 in 2020, 是…的2.8倍 of 2015: 2015 is at least 299.5/2.85 = 105.09亿元 (the
    multiple's digits allow 2.75–2.85) and has no upper end — '≥ 105.1亿元', where the note
    printed '[105.1亿元, ∞亿元]'."""
    from tests.conftest import findings_for, write_plan

    write_plan(
        tmp_path,
        """\
        indicators:
          x:
            name: 营业收入
            unit: 亿元
            levels: {2020: 突破300亿元}
            growth:
              - {period: 2016-2020, total: 是…的2.8倍}
        """,
        "targets: {}\n",
    )
    (f,) = findings_for(tmp_path, "history")
    assert "(allowed ≥ 105.1亿元)" in f.message("en") and "∞" not in f.message("zh")


def test_a_level_from_a_bound_growth_is_said_as_a_bound(tmp_path):
    # 福州's 高新技术企业从444家增加到2052家，数量翻了两番多, with 444 typed 4444: ×4 at least,
    # 4444 × 4 = 17776 — 'gives 17776.0家' read as if exact
    got, (f,) = run(
        tmp_path,
        base("{2020: 4444亿元}"),
        "targets:\n  x: {level: 2052亿元, total: 翻了两番多}\n",
        "level-growth",
    )
    assert got == [("error", "mismatch")]
    assert "gives ≥ 17776.0亿元 by 2025" in f.message("en")
    assert "2025年应为不低于17776.0亿元" in f.message("zh")


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("80亿元", []),  # a fall of 20%: at least 10%
        ("95亿元", [("error", "mismatch")]),  # a fall of 5% is not 10% or more (×0.95 > 0.905)
    ],
)
def test_a_fall_of_at_least(tmp_path, level, expected):
    got, _ = run(
        tmp_path,
        base("{2020: 100亿元}"),
        f"targets:\n  x: {{level: {level}, total: 下降10%以上}}\n",
        "level-growth",
    )
    assert got == expected


def test_a_bounded_rate_keeps_its_bound_in_both_languages(tmp_path):
    # 100 × 0.9^5 = 59.05: 下降10%以上 a year gives at most 59.0, not 59.0 (a hostile-input
    # campaign: the Chinese said 按年均下降10%, dropping 以上, and neither said 'at most')
    got, (f,) = run(
        tmp_path,
        base("{2020: 100亿元}"),
        "targets:\n  x: {level: 95亿元, annual: 下降10%以上}\n",
        "level-rate",
    )
    assert got == [("error", "mismatch")]
    assert "grows to ≤ 59.0亿元 by 2025" in f.message("en")
    zh = f.message("zh")
    assert zh.startswith("按年均下降10%以上，") and "到2025年为不高于59.0亿元" in zh
