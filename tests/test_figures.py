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
