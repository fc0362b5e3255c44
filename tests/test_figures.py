"""Figures as plans write them: value, unit, precision as written, comparator."""

from __future__ import annotations

import math

import pytest

from ezplan.figures import Comparator, FigureError, Kind, parse_figure
from ezplan.units import parse_unit


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "interval"),
    [
        # the last written digit is uncertain by half a step
        ("326.57亿元", Kind.AMOUNT, 326.57, "亿元", (326.565, 326.575)),
        ("42080万美元", Kind.AMOUNT, 42080, "万美元", (42079.5, 42080.5)),
        ("12亿美元", Kind.AMOUNT, 12, "亿美元", (11.5, 12.5)),
        ("5.46亿美元", Kind.AMOUNT, 5.46, "亿美元", (5.455, 5.465)),
        ("1305亩", Kind.AMOUNT, 1305, "亩", (1304.5, 1305.5)),
        ("98家", Kind.AMOUNT, 98, "家", (97.5, 98.5)),
        ("23%", Kind.PERCENT, 23, None, (22.5, 23.5)),
        ("12.6%", Kind.PERCENT, 12.6, None, (12.55, 12.65)),
        ("增长182%", Kind.GROWTH_PERCENT, 182, None, (181.5, 182.5)),
        ("下降5%", Kind.GROWTH_PERCENT, -5, None, (-5.5, -4.5)),
        ("增长2.4倍", Kind.GROWTH_TIMES, 2.4, None, (2.35, 2.45)),
        ("是2020年的2.4倍", Kind.MULTIPLE, 2.4, None, (2.35, 2.45)),
        ("达到2倍", Kind.MULTIPLE, 2, None, (1.5, 2.5)),
        ("提高2个百分点", Kind.POINTS, 2, "个百分点", (1.5, 2.5)),
        ("３２６．５７亿元", Kind.AMOUNT, 326.57, "亿元", (326.565, 326.575)),  # full-width
        ("1,305亩", Kind.AMOUNT, 1305, "亩", (1304.5, 1305.5)),
    ],
)
def test_exact_forms(text, kind, value, unit, interval):
    f = parse_figure(text)
    assert f.kind is kind
    assert f.value == pytest.approx(value)
    assert (f.unit.symbol if f.unit else None) == unit
    assert f.interval() == pytest.approx(interval)


def test_doubling_is_exact_power_of_two():
    assert parse_figure("翻一番").factor_interval() == (2.0, 2.0)
    assert parse_figure("翻两番").factor_interval() == (4.0, 4.0)
    assert parse_figure("增长翻两番").factor() == 4.0


def test_growth_factors_follow_nbs_usage():
    # 增长2.4倍: level becomes 1 + 2.4 = 3.4 times; 2.4倍 (是…的): 2.4 times; 增长182%: 2.82
    assert parse_figure("增长2.4倍").factor() == pytest.approx(3.4)
    assert parse_figure("增长2.4倍").factor_interval() == pytest.approx((3.35, 3.45))
    assert parse_figure("是2020年的2.4倍").factor() == pytest.approx(2.4)
    assert parse_figure("增长182%").factor_interval() == pytest.approx((2.815, 2.825))


@pytest.mark.parametrize(
    ("text", "comparator", "interval"),
    [
        ("约210亿元", Comparator.ABOUT, (199.5, 220.5)),  # ±5% of 210 = ±10.5 > rounding 0.5
        ("210亿元左右", Comparator.ABOUT, (199.5, 220.5)),
        ("40%以上", Comparator.AT_LEAST, (39.5, math.inf)),
        ("超过300亿元", Comparator.AT_LEAST, (299.5, math.inf)),
        ("突破300亿元", Comparator.AT_LEAST, (299.5, math.inf)),
        ("不低于80%", Comparator.AT_LEAST, (79.5, math.inf)),
        ("2200万元以上", Comparator.AT_LEAST, (2199.5, math.inf)),
        ("5%以内", Comparator.AT_MOST, (-math.inf, 5.5)),
        ("不超过5亿元", Comparator.AT_MOST, (-math.inf, 5.5)),
        ("1至5个", Comparator.RANGE, (0.5, 5.5)),
        # a multiple's own bound or 约 after 是…的 (增长近5倍 read, 是…的近5倍 was refused):
        # 约3.5 is ±5%, 3.325–3.675; 近5 and 约5 keep 5's rounding, 4.5–5.5
        ("是…的近5倍", Comparator.NEARLY, (4.5, 5.5)),
        ("是2015年的约3.5倍", Comparator.ABOUT, (3.325, 3.675)),
        ("是…的超过5倍", Comparator.AT_LEAST, (4.5, math.inf)),
        # 以上, 超过, 不超过, 以内 bound the size of a fall: 下降10%以上 is a growth of at most
        # −10% (−9.5% with rounding), 下降不超过10% one of at least −10.5% (a reviewer's find:
        # they were read the other way round)
        ("下降10%以上", Comparator.AT_MOST, (-math.inf, -9.5)),
        ("降低13.5%以上", Comparator.AT_MOST, (-math.inf, -13.45)),
        ("下降超过10%", Comparator.AT_MOST, (-math.inf, -9.5)),
        ("下降不超过10%", Comparator.AT_LEAST, (-10.5, math.inf)),
        ("减少10%以内", Comparator.AT_LEAST, (-10.5, math.inf)),
        # 近 is just short of the size: 下降近10.0% is a fall of 9.5%–10.05% (5% of 10 below,
        # the rounding above), not of 9.95%–10.5%
        ("下降近10.0%", Comparator.NEARLY, (-10.05, -9.5)),
        ("近10.0%", Comparator.NEARLY, (9.5, 10.05)),
        # an estimate widens only what is exact: 预计是…的约3.5倍 is 约 (±5%: 3.325–3.675)
        ("预计是2015年的约3.5倍", Comparator.ABOUT, (3.325, 3.675)),
    ],
)
def test_comparators(text, comparator, interval):
    f = parse_figure(text)
    assert f.comparator is comparator
    assert f.interval() == pytest.approx(interval)


def test_about_tolerance_is_settable_and_never_below_rounding():
    f = parse_figure("约210亿元").with_tolerance(0.01)  # 1% of 210 = 2.1
    assert f.interval() == pytest.approx((207.9, 212.1))
    g = parse_figure("约2亿元").with_tolerance(0.0)  # falls back to rounding ±0.5
    assert g.interval() == pytest.approx((1.5, 2.5))


def test_bare_number_takes_the_default_unit():
    f = parse_figure("421.86", parse_unit("亿元"))
    assert f.unit.symbol == "亿元" and f.interval() == pytest.approx((421.855, 421.865))
    assert parse_figure(500, parse_unit("亿元")).interval() == (499.5, 500.5)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1e5", "e-notation"),
        ("1.5E+3亿元", "e-notation"),
        ("500", "no unit"),
        ("12亿英镑", "unknown unit '亿英镑'"),
        ("abc", "cannot read"),
        ("增长5亿元", "% or 倍"),
        ("约40%以上", "two different things"),
        ("是…的近5倍以上", "two different things"),
        ("下降不超过10%以上", "two different things"),
        ("增长近10%以上", "two different things"),
        ("下降110%以上", "between 0% and 100%"),  # below nothing
        ("下降-5%", "between 0% and 100%"),  # a rise twice over
        ("下降2倍", "in %, not in 倍"),
        ("是2020年的0倍", "above 0"),
        ("是2020年的-5倍", "above 0"),
        ("5至1个", "backwards"),
        ("", "empty"),
    ],
)
def test_unreadable_figures_say_why(text, words):
    with pytest.raises(FigureError, match=words):
        parse_figure(text)


def test_units_convert_within_a_dimension_only():
    assert parse_unit("万美元").factor_to(parse_unit("亿美元")) == pytest.approx(1e-4)
    assert parse_unit("万平方米").factor_to(parse_unit("平方米")) == 1e4
    with pytest.raises(ValueError, match="does not convert"):
        parse_unit("亿元").factor_to(parse_unit("亿美元"))
    with pytest.raises(ValueError, match="unknown unit"):
        parse_unit("亿英镑")


def test_kilometres_are_one_unit_however_written():
    # 公里 = 千米 = 1000 米; 1.2万千米 = 12000 公里 (the quote 通车里程达到1.2万千米 beside
    # 12000千米; 千米 did not convert to 公里)
    assert parse_unit("千米").factor_to(parse_unit("公里")) == 1.0
    assert parse_unit("公里").factor_to(parse_unit("米")) == 1000.0
    f = parse_figure("1.2万千米")
    assert f.value * f.unit.factor_to(parse_unit("公里")) == pytest.approx(12000)


def test_firms_counted_in_户_and_家_are_one_count():
    # 规上工业企业5400户 (2020) and 突破1万家 (2025) count the same firms
    assert parse_unit("万户").factor_to(parse_unit("家")) == 1e4
    with pytest.raises(ValueError, match="does not convert"):
        parse_unit("户").factor_to(parse_unit("人"))


# --- forms plans and bulletins write (issue 8) and figures read exactly or refused (issue 11) ---


@pytest.mark.parametrize(
    ("text", "comparator", "interval"),
    [
        ("超300亿元", Comparator.AT_LEAST, (299.5, math.inf)),
        # 近: just below — down to 5% below (800000 × 0.95 = 760000), up to the rounding above
        ("近800000㎡", Comparator.NEARLY, (760000, 800000.5)),
        ("800000m²", Comparator.EXACT, (799999.5, 800000.5)),
    ],
)
def test_bounds_as_bulletins_write_them(text, comparator, interval):
    f = parse_figure(text)
    assert f.comparator is comparator and f.interval() == pytest.approx(interval)


@pytest.mark.parametrize(
    ("text", "value", "base_year", "year_on_year"),
    [
        ("比上年增长8.5%", 8.5, None, True),
        ("同比下降3%", -3, None, True),
        ("较上年增长2倍", 2, None, True),
        ("比2015年增长24.9%", 24.9, 2015, False),
        ("较2020年增长2.4倍", 2.4, 2020, False),
        ("是2020年的2.4倍", 2.4, 2020, False),
    ],
)
def test_growth_with_its_base(text, value, base_year, year_on_year):
    f = parse_figure(text)
    assert f.value == pytest.approx(value)
    assert (f.base_year, f.year_on_year) == (base_year, year_on_year)


def test_doubling_any_number_of_times():
    assert parse_figure("翻三番").factor() == 8.0
    assert parse_figure("翻5番").factor() == 32.0  # 2^5
    assert parse_figure("翻十番").factor() == 1024.0
    for bad in ("翻0番", "翻21番", "翻几番"):
        with pytest.raises(FigureError, match="翻N番"):
            parse_figure(bad)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("①161.05亿元", "CIRCLED DIGIT ONE"),  # NFKC would make it 1161.05
        ("②100亿元", "CIRCLED DIGIT TWO"),
        ("10²亿元", "SUPERSCRIPT TWO"),  # would be 102
        ("1⁰%", "SUPERSCRIPT ZERO"),
        ("翻٣番", "ARABIC-INDIC DIGIT THREE"),
        ("1 61亿元", "a space inside a number"),  # would be 161
        ("12 .5%", "a space inside a number"),
        ("3.5万亿", "did you mean 3.5万亿元?"),
        ("31000亿", "did you mean 31000亿元?"),
        ("9999999999999999亿元", "more than 15 digits"),
        ("10000000000000亿元", "too large"),  # 10¹³ × 10⁸ = 10²¹ 元
        ("比2015年3%", "must be followed by a growth"),
    ],
)
def test_figures_are_read_exactly_or_refused(text, words):
    with pytest.raises(FigureError, match=words):
        parse_figure(text)


def test_spaces_around_words_are_fine():
    assert parse_figure(" 约 210 亿元 ").value == 210


def test_a_bare_magnitude_hints_the_indicators_unit():
    with pytest.raises(FigureError, match="did you mean 5万美元"):
        parse_figure("5万", parse_unit("亿美元"))


@pytest.mark.parametrize(
    "period",
    [
        "2021-2025",
        "2021-2025年",
        "2021年-2025年",
        "2021年至2025年",
        "2021——2025",
        "2021－2025",
        "2021—2025年",
        "2021~2025",
        "2021 - 2025",
    ],
)
def test_period_forms(period):
    from ezplan.schema import parse_period

    assert parse_period(period) == (2020, 2025)


@pytest.mark.parametrize("period", ["0001-0005", "2021-2301", "1900"])
def test_periods_outside_plausible_years(period):
    from ezplan.schema import parse_period

    with pytest.raises(ValueError, match="outside the years"):
        parse_period(period)


def test_declines_read_as_declines():
    from ezplan import fmt

    assert fmt.growth_words(-0.226, 1) == {"en": "-22.6%", "zh": "下降22.6%"}
    assert fmt.growth_words(0.0889, 2)["zh"] == "增长8.89%"
    # a bound rate: at least −9.09% falls at most 9.09%; at most 3% grows at most 3%
    assert fmt.growth_words(-0.0909, 2, "≥") == {"en": "≥ -9.09%", "zh": "下降不超过9.09%"}
    assert fmt.growth_words(-0.0909, 2, "≤") == {"en": "≤ -9.09%", "zh": "下降不低于9.09%"}
    assert fmt.growth_words(0.03, 1, "≥")["zh"] == "增长不低于3.0%"
    assert fmt.growth_words(0.03, 1, "≤")["zh"] == "增长不超过3.0%"
    # 1 − 0.774 = 0.226: a factor below one is a 下降, never 增长-22.6%
    assert fmt.figure_factor_text(parse_figure("下降22.6%"), 0.774) == "下降22.60%"
    assert fmt.points_words(-0.5, 1) == {"en": "-0.5个百分点", "zh": "降低0.5个百分点"}


@pytest.mark.parametrize(
    ("text", "comparator", "interval"),
    [
        ("逾300亿元", Comparator.AT_LEAST, (299.5, math.inf)),
        ("不足5%", Comparator.AT_MOST, (-math.inf, 5.5)),
        ("不到10亿元", Comparator.AT_MOST, (-math.inf, 10.5)),
        ("5%上下", Comparator.ABOUT, (4.5, 5.5)),  # ±max(0.5, 5% of 5 = 0.25)
        ("将近800000㎡", Comparator.NEARLY, (760000, 800000.5)),
        ("300多家", Comparator.AT_LEAST, (299.5, math.inf)),  # 300多: more than 300
        ("1000余万元", Comparator.AT_LEAST, (999.5, math.inf)),
    ],
)
def test_more_bounds_as_reports_write_them(text, comparator, interval):
    f = parse_figure(text)
    assert f.comparator is comparator and f.interval() == pytest.approx(interval)


def test_fanfan_is_one_doubling():
    assert parse_figure("翻番").factor() == 2.0
    assert parse_figure("实现翻番").factor() == 2.0
    assert parse_figure("翻了两番").factor() == 4.0


@pytest.mark.parametrize(
    ("text", "kind", "low"),
    [
        ("翻两番多", Kind.DOUBLING, 2),  # more than two doublings: ×4 and up
        ("翻了一番多", Kind.DOUBLING, 1),
        ("增长2倍多", Kind.GROWTH_TIMES, 1.5),
        ("5%多", Kind.PERCENT, 4.5),
        ("3万多人", Kind.AMOUNT, 2.5),  # 3万多 = more than 3万
        ("1.2万余户", Kind.AMOUNT, 1.15),
    ],
)
def test_more_than_a_round_figure(text, kind, low):
    f = parse_figure(text)
    assert f.kind is kind and f.comparator is Comparator.AT_LEAST
    assert f.interval() == pytest.approx((low, math.inf))


def test_a_change_in_points_over_the_previous_year():
    f = parse_figure("比上年提高1.5个百分点")
    assert f.kind is Kind.POINTS and f.year_on_year and f.value == 1.5
    assert parse_figure("比上年末增长3%").year_on_year


def test_a_ranges_two_ends_have_the_same_decimals():
    """helper-44: explain read '9.500% … 10.50%' and '11.96–12.03亿美元' beside '9.95–10.1':
    each end had four significant digits of its own. The larger end keeps them; the other the
    same decimals."""
    from ezplan import fmt

    assert fmt.span(9.5, 10.5, "%") == "9.50%–10.50%"
    assert fmt.span(11.96, 12.03, "亿美元") == "11.96–12.03亿美元"
    assert fmt.span(0.95, 1.05, "倍") == "0.950–1.050倍"
    # a factor 1.095 … 1.105 written as a rate: the decimals follow the numbers written
    rate = lambda x, d: fmt.significant((x - 1) * 100, d) + "%"  # noqa: E731
    assert fmt.between(1.095, 1.105, rate, 4, lambda x: (x - 1) * 100) == "9.50% … 10.50%"
    # a range narrower than four digits gets more, alike: 421.85 and 421.87 both read 421.9 at
    # four, and apart at five
    assert fmt.between(421.85, 421.87, lambda x, d: fmt.significant(x, d)) == "421.85 … 421.87"


def test_a_figure_shown_in_a_smaller_unit_keeps_no_false_decimals():
    """helper-45: 0.1075万家 shown in 家 read 1075.0000家 (the four decimals of 万家 kept);
    it is 1075 — and 42080万美元 in 亿美元 is still 4.2080."""
    from ezplan import fmt
    from ezplan.units import parse_unit

    assert fmt.decimals_in(parse_figure("0.1075万家"), parse_unit("家")) == 0
    assert fmt.decimals_in(parse_figure("1.5万家"), parse_unit("家")) == 0
    assert fmt.decimals_in(parse_figure("42080万美元"), parse_unit("亿美元")) == 4
    assert fmt.decimals_in(parse_figure("3.25亿元"), parse_unit("亿元")) == 2


@pytest.mark.parametrize(
    ("text", "kind", "ends", "interval"),
    [
        # 吉林's 2021 goal 地区生产总值增长6%－7%: each end ± 0.5 (its digits)
        ("增长6%－7%", Kind.GROWTH_PERCENT, (6.0, 7.0), (5.5, 7.5)),
        ("增长6至7%", Kind.GROWTH_PERCENT, (6.0, 7.0), (5.5, 7.5)),
        ("6.5%～7%", Kind.PERCENT, (6.5, 7.0), (6.0, 7.5)),  # the coarser end's half step: 0.5
        # a fall of 5% to 6% runs from −6 to −5
        ("下降5%-6%", Kind.GROWTH_PERCENT, (-6.0, -5.0), (-6.5, -4.5)),
        ("提高0.5-1个百分点", Kind.POINTS, (0.5, 1.0), (0.0, 1.5)),
    ],
)
def test_a_range_of_rates_or_points(text, kind, ends, interval):
    """A range of percentages or points is read as amounts' ranges are (1至5个): every value
    between its ends, each widened by the coarser end's rounding. It was 'a range the grammar
    has no form for', and 吉林's 2021 GDP goal was left out of the drafts."""
    f = parse_figure(text)
    assert (f.kind, f.comparator) == (kind, Comparator.RANGE)
    assert (f.low, f.high) == ends
    assert f.interval() == pytest.approx(interval)


def test_a_range_of_rates_is_no_bound_and_runs_forwards():
    with pytest.raises(FigureError, match="range"):
        parse_figure("增长6%-7%以上")
    with pytest.raises(FigureError, match="backwards"):
        parse_figure("7%-6%")


@pytest.mark.parametrize(
    ("text", "comparator", "interval"),
    [
        # 预计: an estimate, as wide as 约 — 14.4 × 0.95 = 13.68, × 1.05 = 15.12
        ("预计14.4%", Comparator.ABOUT, (13.68, 15.12)),
        ("预计增长8.5%", Comparator.ABOUT, (8.075, 8.925)),
        ("预计22600元", Comparator.ABOUT, (21470, 23730)),
        # a bound it states stays: 1万 rounds to [0.5, 1.5]万, at least its low end
        ("预计突破1万亿元", Comparator.AT_LEAST, (0.5, math.inf)),
        ("预计14%以上", Comparator.AT_LEAST, (13.5, math.inf)),
    ],
)
def test_an_estimate_is_as_wide_as_about(text, comparator, interval):
    f = parse_figure(text)
    assert f.comparator is comparator and f.interval() == pytest.approx(interval)
    assert f.text == text  # quoted as written


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("实现翻番", Comparator.AT_LEAST),  # a doubling reached: ×2.29 is no contradiction
        ("翻了一番", Comparator.AT_LEAST),
        ("翻了两番", Comparator.AT_LEAST),
        ("实现翻一番", Comparator.AT_LEAST),
        ("翻番以上", Comparator.AT_LEAST),
        ("翻番", Comparator.EXACT),  # the trap: a goal of 翻番 is ×2
        ("翻一番", Comparator.EXACT),
        ("达到翻番", Comparator.EXACT),
    ],
)
def test_a_doubling_reached_is_at_least(text, comparator):
    f = parse_figure(text)
    assert f.kind is Kind.DOUBLING and f.comparator is comparator
    assert f.factor_interval()[0] == pytest.approx(4.0 if "两" in text else 2.0)
