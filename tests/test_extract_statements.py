"""ezplan extract: the patterns of quantified statements, and their traps, in small documents."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ezplan.extract import Found, document_json, extract, figure_json
from ezplan.extract.notes import note_id
from ezplan.figures import Kind
from ezplan.i18n import speaking


def read(tmp_path: Path, text: str, suffix: str = ".txt") -> list[Found]:
    path = tmp_path / f"doc{suffix}"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return extract(path).figures


def one(figs: list[Found], value: str, kind: str | None = None) -> Found:
    found = [f for f in figs if f.value == value and (kind is None or f.kind == kind)]
    assert len(found) == 1, [(f.value, f.kind, f.indicator) for f in figs]
    return found[0]


def test_target_level_and_annual_rate(tmp_path):
    figs = read(tmp_path, "到2025年，地区生产总值达到1200亿元，年均增长7%左右。\n")
    level = one(figs, "1200")
    assert (level.indicator, level.kind, level.unit, level.year, level.role) == (
        "地区生产总值",
        "level",
        "亿元",
        2025,
        "target",
    )
    rate = one(figs, "7")
    assert (rate.kind, rate.qualifier, rate.period) == ("annual", "about", (2021, 2025))
    assert rate.indicator == "地区生产总值"  # carried from the clause before
    assert any("subject carried" in r for r in rate.inferred)
    # the column points at the number's first digit, 1-based
    assert "到2025年，地区生产总值达到1200亿元"[level.column - 1 :].startswith("1200")


def test_period_annual_and_cumulative(tmp_path):
    figs = read(
        tmp_path,
        "2021年2月1日\n“十三五”期间，全市社会消费品零售总额年均增长12.6%，累计利用外资12亿美元。\n",
    )
    rate = one(figs, "12.6")
    assert (rate.kind, rate.period, rate.role) == ("annual", (2016, 2020), "actual")
    total = one(figs, "12")
    assert (total.kind, total.unit, total.period, total.indicator) == (
        "cumulative",
        "亿美元",
        (2016, 2020),
        "利用外资",
    )


def test_growth_times_is_not_a_multiple(tmp_path):
    """增长1.5倍 makes the level 2.5 times the base; 是…的2.5倍 makes it 2.5 times."""
    figs = read(
        tmp_path, "2020年，地区生产总值达到3500亿元，比2015年增长1.5倍，是2010年的2.5倍。\n"
    )
    grew = one(figs, "1.5")
    times = one(figs, "2.5")
    assert (grew.kind, grew.period) == ("total", (2016, 2020))
    assert (times.kind, times.period) == ("total", (2011, 2020))
    assert grew.figure.kind is Kind.GROWTH_TIMES and grew.figure.factor() == pytest.approx(2.5)
    assert times.figure.kind is Kind.MULTIPLE and times.figure.factor() == pytest.approx(2.5)


def test_share_and_points(tmp_path):
    figs = read(
        tmp_path,
        "到2025年，研发经费投入占地区生产总值比重达到2.5%左右，常住人口城镇化率提高2个百分点。\n",
    )
    share = one(figs, "2.5")
    assert (share.kind, share.of, share.qualifier, share.year) == (
        "share",
        "地区生产总值",
        "about",
        2025,
    )
    assert share.indicator.startswith("研发经费投入占")
    pp = one(figs, "2")
    assert (pp.kind, pp.unit, pp.period, pp.indicator) == (
        "change_pp",
        "个百分点",
        (2021, 2025),
        "常住人口城镇化率",
    )


def test_parts_after_qizhong(tmp_path):
    figs = read(
        tmp_path,
        "2020年，全市外贸进出口总额42080万美元，其中：出口16011万美元，进口26069万美元。\n",
    )
    assert one(figs, "42080").part_of is None
    assert one(figs, "16011").part_of == "外贸进出口总额"
    assert one(figs, "26069").part_of == "外贸进出口总额"
    assert one(figs, "26069").indicator == "进口"


def test_a_year_belongs_to_its_own_clause(tmp_path):
    figs = read(tmp_path, "2019年完成固定资产投资5亿元，2020年完成固定资产投资8亿元。\n")
    assert one(figs, "5").year == 2019
    assert one(figs, "8").year == 2020


def test_a_date_is_not_a_figures_year(tmp_path):
    """2020年12月3日 dates an event; the investment after it has no year (a project)."""
    figs = read(tmp_path, "2020年12月3日项目正式奠基，总投资20亿元。\n")
    f = one(figs, "20")
    assert (f.year, f.period, f.role) == (None, None, None)


def test_year_from_the_heading_is_marked_inferred(tmp_path):
    figs = read(tmp_path, "一、2020年工作回顾\n\n全市地区生产总值2401.1亿元，增长3.8%。\n")
    level, growth = one(figs, "2401.1"), one(figs, "3.8")
    assert level.year == 2020 and growth.period == (2020, 2020)
    assert any("heading" in r for r in level.inferred)


def test_two_indicators_in_one_sentence_and_respectively(tmp_path):
    figs = read(
        tmp_path,
        "2020年，地区生产总值达到1000亿元，一般公共预算收入达到80亿元；"
        "城乡居民人均可支配收入分别增长5.4%和7.9%。\n",
    )
    assert one(figs, "1000").indicator == "地区生产总值"
    assert one(figs, "80").indicator == "一般公共预算收入"
    assert one(figs, "5.4").indicator == "城镇居民人均可支配收入"
    assert one(figs, "7.9").indicator == "农村居民人均可支配收入"


def test_one_number_for_two_indicators(tmp_path):
    figs = read(tmp_path, "2020年，固定资产投资、社会消费品零售总额均突破4000亿元。\n")
    names = sorted(f.indicator for f in figs if f.value == "4000")
    assert names == ["固定资产投资", "社会消费品零售总额"]
    assert all(f.qualifier == "at_least" for f in figs)


def test_full_width_digits(tmp_path):
    text = "２０２０年，地区生产总值达到３５００亿元，增长４．５％。\n"
    figs = read(tmp_path, text)
    level = one(figs, "3500")
    assert (level.year, level.unit, level.column) == (2020, "亿元", text.index("３５００") + 1)
    assert one(figs, "4.5").kind == "total"


def test_names_and_thresholds_are_not_figures(tmp_path):
    x_figs = read(
        tmp_path, "2020年，引进世界500强企业3家，新签约1000万美元以上项目12个，开通5G基站1300个。\n"
    )
    values = sorted(f.value for f in x_figs)
    assert values == ["12", "1300", "3"]
    x = extract(tmp_path / "doc.txt")
    reasons = {k.text: k.reason for k in x.reading.skipped}
    assert "name" in reasons["500"] and "threshold" in reasons["1000万美元以上"]
    # in the JSON: a stable code to filter on, and the reason in the language asked for
    with speaking("zh"):
        skipped = {k["text"]: k for k in document_json(x)["skipped"]}
    assert skipped["500"]["code"] == "name_number"
    assert skipped["500"]["reason"] == "名称的一部分（世界500强，3号线）"
    assert skipped["1000万美元以上"]["code"] == "threshold_above_project"
    skipped = {k["text"]: k for k in document_json(x)["skipped"]}
    assert skipped["500"]["reason"] == "part of a name (世界500强, 3号线)"


def test_qualifiers(tmp_path):
    figs = read(
        tmp_path,
        "2020年，新增高新技术企业近300家，企业超过50家，税收2200万元以上，失业率控制在4.5%以内，"
        "引进1至5个项目，市场主体300多家。\n",
    )
    assert [f.qualifier for f in figs if f.text == "近300家"] == ["about"]
    assert one(figs, "50").qualifier == "at_least"
    assert one(figs, "2200").qualifier == "at_least"
    assert one(figs, "4.5").qualifier == "at_most"
    assert one(figs, "1至5").qualifier == "range"
    many = [f for f in figs if f.text == "300多家"]  # as written: the grammar reads 多
    assert many and many[0].qualifier == "at_least" and "多" not in many[0].review


def test_same_amount_in_two_currencies(tmp_path):
    figs = read(tmp_path, "到2025年，全市外贸进出口总额达到82.6亿元，折合12亿美元。\n")
    rmb, usd = one(figs, "82.6"), one(figs, "12")
    assert usd.same_as is not None and usd.indicator == rmb.indicator and usd.year == 2025


def test_the_same_amount_restated_after_its_growth(tmp_path):
    """The 2018 bulletin: 实际使用外商直接投资金额8856亿元，增长0.9%，折1350亿美元 — 1350亿美元
    restated the growth (a 'growth' in 亿美元 that clashed with 0.9%), so none of the year's
    conversions was placed and its exchange rates went unchecked; it restates 8856亿元."""
    figs = read(tmp_path, "2018年，实际使用外商直接投资金额8856亿元，增长0.9%，折1350亿美元。\n")
    rmb, usd = one(figs, "8856"), one(figs, "1350")
    assert (usd.kind, usd.year, usd.indicator) == ("level", 2018, rmb.indicator)
    assert usd.same_as is not None


def test_constant_prices(tmp_path):
    figs = read(tmp_path, "2020年，按可比价计算，地区生产总值增长4%，人口增加5万人。\n")
    assert one(figs, "4").constant_prices is True
    assert one(figs, "5").kind == "change_abs"


def test_from_to_gives_base_and_end_levels(tmp_path):
    figs = read(tmp_path, "过去五年，常住人口城镇化率从43.8%提高到51%。\n2021年2月1日\n")
    # the report's date (a line of its own) tells what 过去五年 means
    assert one(figs, "43.8").year == 2015
    assert one(figs, "51").year == 2020


def test_markdown_table(tmp_path):
    figs = read(
        tmp_path,
        """
        | 指标 | 2020年 | 2025年 | 年均增长（%） |
        |---|---|---|---|
        | 地区生产总值（亿元） | 1000 | 1400 | 7左右 |
        | 常住人口城镇化率（%） | 55 | 60 | |
        """,
        ".md",
    )
    assert (one(figs, "1000").year, one(figs, "1400").year) == (2020, 2025)
    rate = one(figs, "7")
    assert (rate.kind, rate.qualifier, rate.period, rate.line) == (
        "annual",
        "about",
        (2021, 2025),
        3,
    )
    assert one(figs, "60").indicator == "常住人口城镇化率" and one(figs, "60").unit == "%"
    assert one(figs, "1400").text == "1400亿元"


def test_a_bracket_with_a_number_after_a_rows_name_qualifies_it(tmp_path):
    """表1 of the NBS bulletins: 16-59岁（含不满60周岁） is an age group, not 89640 in a unit
    called 含不满60周岁 (it was left unplaced as a unit ezplan does not read); 地区生产总值（亿元）
    still gives its row's unit."""
    figs = read(
        tmp_path,
        """
        **表1 2019年年末人口数及其构成**

        | 指标 | 年末数（万人） | 比重（%） |
        |---|---|---|
        | 16-59岁（含不满60周岁） | 89640 | 64.0 |
        | 地区生产总值（亿元） | 1000 | |
        """,
        ".md",
    )
    people = one(figs, "89640")
    assert (people.indicator, people.unit, people.year) == ("16-59岁（含不满60周岁）", "万人", 2019)
    assert (one(figs, "1000").indicator, one(figs, "1000").unit) == ("地区生产总值", "亿元")


def test_a_column_whose_header_states_a_unit_keeps_it_beside_a_unit_column(tmp_path):
    """表8 of the 2017 bulletin: 数量 in the 单位 column's unit (万吨), 金额（亿元） in its
    header's — 75 was read as 75万吨 of coal, and the row's 'clash' refused it."""
    figs = read(
        tmp_path,
        """
        **表8 2017年主要商品出口数量、金额及其增长速度**

        | 商品名称 | 单位 | 数量 | 比上年增长（%） | 金额（亿元） | 比上年增长（%） |
        |---|---|---|---|---|---|
        | 煤（包括褐煤） | 万吨 | 817 | -7.0 | 75 | 64.7 |
        | 服装及衣着附件 | — | — | — | 10656 | 2.3 |
        """,
        ".md",
    )
    assert (one(figs, "817").unit, one(figs, "75").unit, one(figs, "10656").unit) == (
        "万吨",
        "亿元",
        "亿元",
    )
    # each growth column is the growth of the measure before it: 数量's, then 金额's
    assert (one(figs, "-7.0").indicator, one(figs, "64.7").indicator) == ("煤", "煤（金额）")
    assert one(figs, "75").indicator == "煤（金额）"


def test_a_table_of_exports_and_imports_a_row_keeps_each_apart(tmp_path):
    """表12 of the 2019 bulletin: the caption runs the table's number into the year
    (表122019年), which read as no year, so none of the bulletins' tables numbered 10 or more
    was dated; and a row's 出口额 and 进口额 (with their growths and shares) were one indicator,
    the imports refused as 'one of the two is wrong'."""
    header = "| 国家 | 出口额（亿元） | 增长（%） | 占出口比重（%） "
    header += "| 进口额（亿元） | 增长（%） | 占进口比重（%） |"
    figs = read(
        tmp_path,
        f"""
        **表122019年对主要国家和地区货物进出口金额、增长速度及其比重**

        {header}
        |---|---|---|---|---|---|---|
        | 欧盟 | 29564 | 9.6 | 17.2 | 19063 | 5.5 | 13.3 |
        """,
        ".md",
    )
    exports, imports = one(figs, "29564"), one(figs, "19063")
    assert (exports.indicator, exports.year) == ("欧盟（出口额）", 2019)
    assert (imports.indicator, imports.year) == ("欧盟（进口额）", 2019)
    assert (one(figs, "9.6").indicator, one(figs, "9.6").period) == ("欧盟（出口额）", (2019, 2019))
    assert one(figs, "5.5").indicator == "欧盟（进口额）"
    assert (one(figs, "17.2").kind, one(figs, "13.3").indicator) == ("share", "欧盟（进口额）")


def test_a_unit_column_whose_header_is_spaced_to_align_still_gives_the_unit(tmp_path):
    """表3 of the 2017 bulletin heads its columns | 单 位 | 产 量 |: 83172.8 (万吨 in the 单位
    column) was dropped unread and the draft said 'the document states no level' for 粗钢;
    (电解铜) after a row's name was taken for its unit; and a unit spaced out (亿 吨) is the
    unit 亿吨."""
    figs = read(
        tmp_path,
        """
        **表3 2017年主要工业产品产量及其增长速度**

        | 产品名称 | 单 位 | 产 量 | 比上年增长（%） |
        |---|---|---|---|
        | 粗 钢 | 万吨 | 83172.8 | 3.0 |
        | 其中：精炼铜（电解铜） | 万吨 | 897.0 | 6.3 |
        | 货物运输总量 | 亿 吨 | 479.4 | 9.3 |
        """,
        ".md",
    )
    steel = one(figs, "83172.8")
    assert (steel.indicator, steel.unit, steel.kind, steel.year) == ("粗钢", "万吨", "level", 2017)
    assert one(figs, "897.0").unit == "万吨"
    assert one(figs, "479.4").unit == "亿吨"
    assert one(figs, "3.0").kind == "total"


def test_a_table_row_keeps_to_its_table_where_it_would_join_another_measure(tmp_path):
    """The 2018 bulletin (helper-46): 表3's 天然气 row gives production's growth (8.3%; its
    level in 亿立方米, a unit ezplan does not read); the imports table's 天然气 row (9039万吨,
    增长31.9%) joined it, so 9039 / 1.083 = 8346万吨 'was' 2017's imports (9039 / 1.319 = 6853)
    and 31.9% was refused; 其中：人民币 643768亿元 of deposits joined the exchange rate 6.7518元
    of the text. A row saying what the text says (515亿吨, 增长7.1% against 514.6亿吨, 7.1) still
    joins it."""
    figs = read(
        tmp_path,
        """
        # 2018年国民经济和社会发展统计公报

        2019年2月28日

        全年货物运输总量515亿吨，比上年增长7.1%。年末人民币汇率为1美元兑6.8632元人民币。

        **表3 2018年主要工业产品产量及其增长速度**

        | 产品名称 | 单位 | 产量 | 比上年增长（%） |
        |---|---|---|---|
        | 天然气 | 亿立方米 | 1610.2 | 8.3 |

        **表4 2018年各种运输方式完成货物运输量及其增长速度**

        | 指标 | 单位 | 绝对数 | 比上年增长（%） |
        |---|---|---|---|
        | 货物运输总量 | 亿吨 | 514.6 | 7.1 |

        **表11 2018年主要商品进口数量、金额及其增长速度**

        | 商品名称 | 单位 | 数量 | 比上年增长（%） |
        |---|---|---|---|
        | 天然气 | 万吨 | 9039 | 31.9 |

        **表15 2018年年末金融机构本外币存贷款余额及其增长速度**

        | 指标 | 年末数（亿元） | 比上年末增长（%） |
        |---|---|---|
        | 其中：人民币 | 643768 | 7.7 |
        """,
        ".md",
    )
    imports, production = one(figs, "9039"), one(figs, "8.3")
    assert imports.id == one(figs, "31.9").id != production.id
    assert one(figs, "643768").id == one(figs, "7.7").id
    # the row's 514.6亿吨 agrees with the text's 515亿吨 (its rounding [514.5, 515.5]): one
    # indicator, the narrower drafted, the text's figure noted as agreeing
    assert one(figs, "514.6").placed and not one(figs, "515").placed
    assert note_id(one(figs, "515").why_unplaced) == "extract.why.agrees"


def test_doubling(tmp_path):
    figs = read(tmp_path, "过去五年，游客接待量、旅游总收入实现翻番。\n2021年1月5日\n")
    assert sorted(f.indicator for f in figs) == ["旅游总收入", "游客接待量"]
    assert {(f.value, f.unit, f.kind, f.period) for f in figs} == {
        ("一", "番", "total", (2016, 2020))
    }


def test_json_shape(tmp_path):
    figs = read(tmp_path, "到2025年，地区生产总值达到1200亿元。\n")
    keys = set(figure_json(figs[0]))
    assert {
        "indicator",
        "kind",
        "value",
        "unit",
        "qualifier",
        "year",
        "period",
        "constant_prices",
        "quote",
        "line",
        "column",
        "placed",
        "review",
    } <= keys


# --- subjects, kinds and times read by general rules ------------------------------------------


def test_a_duration_is_not_the_subject(tmp_path):
    figs = read(
        tmp_path,
        "2021年1月5日\n\n一、“十三五”时期工作回顾\n\n2017至2019年，经济增速连续12个季度保持在6%以上。"
        "2020年全省地区生产总值1.765万亿元，年均增长5.5%。\n",
    )
    rate = one(figs, "6")
    assert (rate.kind, rate.period, rate.qualifier) == ("total", (2017, 2019), "at_least")
    assert "连续" not in rate.indicator
    # an annual rate stated with a year runs over a period ending in that year: the heading's
    # 2016-2020, not the 2017-2019 of the sentence before
    assert one(figs, "5.5").period == (2016, 2020)


def test_a_share_of_the_figure_before(tmp_path):
    figs = read(tmp_path, "2020年，工业类开发区规划面积达到2881平方公里，占全省面积1.85%。\n")
    share = one(figs, "1.85")
    assert share.kind == "share" and share.indicator == "工业类开发区规划面积占全省面积"


def test_nouns_after_counts(tmp_path):
    figs = read(
        tmp_path,
        "2020年，获批4个5A级景区，新增19对国际友城，建成88个乡（镇）级、3826个村级农村公益性公墓，"
        "新创建1所三级甲等医院。专栏7对外开放合作专项\n",
    )
    assert one(figs, "4").indicator.endswith("5A级景区")
    assert one(figs, "19").indicator.endswith("国际友城")
    assert one(figs, "88").indicator.endswith("乡（镇）级农村公益性公墓")
    assert one(figs, "1").indicator.endswith("三级甲等医院")
    assert not [f for f in figs if f.value == "7"]  # a label, not a figure


def test_owner_verb_measure(tmp_path):
    figs = read(tmp_path, "2020年，三七产业实现综合产值220亿元，旅游项目完成投资181.4亿元。\n")
    assert one(figs, "220").indicator == "三七产业综合产值"
    assert one(figs, "181.4").indicator == "旅游项目投资"


def test_a_stock_noun_wins_over_a_verb(tmp_path):
    figs = read(
        tmp_path,
        "2021年1月5日\n“十三五”期间，落实耕地保有量1016万亩、永久基本农田759.03万亩。\n",
    )
    assert (one(figs, "1016").kind, one(figs, "1016").year) == ("level", 2020)
    assert one(figs, "759.03").kind == "level"


def test_a_flow_by_the_plans_last_year_is_cumulative(tmp_path):
    figs = read(tmp_path, "2021年1月5日\n到2025年，新增市场主体13万户以上，市场主体达到50万户。\n")
    flow = one(figs, "13")
    assert (flow.kind, flow.period) == ("cumulative", (2021, 2025))
    stock = one(figs, "50")
    assert (stock.kind, stock.year) == ("count", 2025)


def test_lists_with_a_shared_head(tmp_path):
    figs = read(
        tmp_path,
        "2020年，城乡居民基本养老保险、基本医疗保险参保人数分别达234.16万人、377.92万人。"
        "全社会研究与试验发展经费投入总量增长20%。\n",
    )
    assert one(figs, "234.16").indicator == "城乡居民基本养老保险参保人数"
    assert one(figs, "377.92").indicator == "基本医疗保险参保人数"
    # 与 inside a name does not make two indicators of one number
    assert one(figs, "20").indicator == "全社会研究与试验发展经费投入总量"


def test_from_a_per_unit_level(tmp_path):
    figs = read(
        tmp_path,
        "2021年1月5日\n过去五年，市政路网密度从每平方公里4.8公里提高到8.3公里。\n",
    )
    assert (one(figs, "4.8").indicator, one(figs, "4.8").year) == ("市政路网密度", 2015)
    assert one(figs, "8.3").year == 2020


def test_forms_the_grammar_reads_are_kept_as_written(tmp_path):
    figs = read(
        tmp_path,
        "2020年，引进项目逾300个，税收不足50亿元，投资1000余万元，人口30万人上下，"
        "游客接待量实现翻番，产值超1万亿元，新增企业3万多户。\n",
    )
    texts = {f.value: (f.text, f.qualifier, f.review) for f in figs}
    assert texts["300"][:2] == ("逾300个", "at_least")
    assert texts["50"][:2] == ("不足50亿元", "at_most")
    assert texts["1000"][:2] == ("1000余万元", "at_least")
    assert texts["30"][:2] == ("30万人上下", "about")
    assert texts["一"][:2] == ("实现翻番", "at_least")  # doubled at least, as written
    assert texts["1"][:2] == ("超1万亿元", "at_least")
    # 3万多户 is read by the grammar too (more than 3万户)
    assert texts["3"][:2] == ("3万多户", "at_least")
