"""ezplan extract: the ids the drafts propose, and how indicators and their targets are drafted."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from ezplan import milestones
from ezplan.extract import extract, write_drafts
from ezplan.extract.ids import IdMaker, hashed, readable_id
from ezplan.loader import load_plan
from ezplan.report import check
from ezplan.schema import ID_PATTERN


@pytest.mark.parametrize(
    ("name", "id_"),
    [
        ("全市地区生产总值", "gdp"),
        ("GDP", "gdp"),
        ("国内生产总值[2", "gdp"),  # a footnote mark
        ("一般公共预算收入", "budget_revenue"),
        ("规上工业增加值", "industry_value_added"),
        ("规模以上工业增加值", "industry_value_added"),
        ("社会消费品零售总额", "retail_sales"),
        ("全社会固定资产投资", "fixed_investment"),
        ("固定资产投资（不含农户）", "fixed_investment_ex_rural"),  # not the same as 全社会…
        ("进出口总额", "trade_total"),
        ("城镇常住居民人均可支配收入", "urban_income"),
        ("农村居民人均可支配收入", "rural_income"),
        ("常住人口城镇化率", "urbanization_rate"),
        ("研发经费投入强度", "rd_intensity"),
        ("单位GDP能耗", "energy_per_gdp"),
        ("森林覆盖率", "forest_cover"),
        ("粮食总产量", "grain_output"),
        ("年末常住人口", "population"),
        # composed from the words of the name
        ("新建高标准农田", "new_high_standard_farmland"),
        ("新增规模以上工业企业", "new_above_scale_industrial_firms"),
        ("民生支出占财政支出比例", "welfare_spending_share"),
    ],
)
def test_readable_ids(name, id_):
    assert readable_id(name) == id_


def test_other_names_get_a_stable_hashed_id():
    name = "花草茶产业线上销售额"
    a = readable_id(name)
    assert re.fullmatch(r"x_[0-9a-f]{6}", a) and a == hashed(name) == readable_id(name)
    assert readable_id("全市" + name) == a  # place words do not count
    assert readable_id("另一个指标名称很长很长") != a
    for n in (name, "新建5G基站", "数字经济、新装备、新材料等五大领域", "（括号）"):
        assert re.fullmatch(ID_PATTERN, readable_id(n)), n


def test_ids_are_used_once():
    ids = IdMaker()
    assert [ids.make("地区生产总值"), ids.make("GDP"), ids.make("地区生产总值")] == [
        "gdp",
        "gdp_2",
        "gdp_3",
    ]


def _draft(tmp_path: Path, text: str) -> tuple[dict, dict]:
    doc = tmp_path / "doc.txt"
    doc.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    out = tmp_path / "plan"
    write_drafts(extract(doc, out), out)
    load_plan(out)  # the drafts load
    b = yaml.safe_load((out / "baselines.yaml").read_text(encoding="utf-8"))
    t = yaml.safe_load((out / "targets.yaml").read_text(encoding="utf-8"))
    return b["indicators"], t["targets"]


REPORT = """
    2021年1月10日

    一、2020年工作回顾

    2020年，全市地区生产总值达到1000亿元，全社会固定资产投资达到500亿元，新增市场主体3万户。

    二、2021年主要目标

    今年，地区生产总值增长7%，固定资产投资增长8%，新增市场主体4万户。
"""


def test_this_years_target_stands_on_the_indicator(tmp_path):
    """A 2021 target with no 2025 one is the indicator's own target, period 2021: checked
    against the 2020 level. Synonyms the glossary knows are one indicator."""
    base, targets = _draft(tmp_path, REPORT)
    assert targets["gdp"]["period"] == "2021" and targets["gdp"]["total"]["value"] == "增长7%"
    assert "gdp" in base and base["gdp"]["levels"][2020]["value"] == "1000亿元"
    fi = targets["fixed_investment"]
    assert fi["period"] == "2021" and "also named 固定资产投资" in fi["review"]
    assert "fixed_investment_2" not in targets
    # a flow (新增 … in one year) is not a level grown from last year's: an id of its own
    assert "new_market_entities" in base and "new_market_entities" not in targets
    assert "flow" in targets["new_market_entities_2021"]["review"]


def test_gross_product_is_no_flow(tmp_path):
    """helper-51: 生产 (a verb of making: 生产粮食) matched the noun 生产总值, so a bare 生产总值's
    2021 target was 'a flow (done in one year, not a stock)' on an id of its own, with no 2020
    level: 11000 → 11800亿元 (+7.27%) was never compared."""
    base, targets = _draft(
        tmp_path,
        """
        2021年1月10日

        2020年，全市生产总值达11000亿元。今年，全市生产总值达到11800亿元。
        """,
    )
    (iid,) = targets
    assert targets[iid]["level"]["value"] == "11800亿元"
    assert base[iid]["levels"][2020]["value"] == "11000亿元"
    assert "flow" not in targets[iid].get("review", "")


def test_a_flows_growth_target_starts_from_its_last_amount(tmp_path):
    """helper-50, helper-51: 济南's 完成一般公共预算收入906.1亿元 (2020) and
    一般公共预算收入增长8%左右 (2021) — the indicator is a flow (完成), so the growth went to an
    id of its own, and check and milestones said 'baselines.yaml records no 2020 level'. A
    growth is from last year's amount, a flow's too: 906.1 × 1.08 = 978.6亿元 in 2021."""
    base, targets = _draft(
        tmp_path,
        """
        2021年1月10日

        2020年，完成一般公共预算收入906.1亿元。今年，一般公共预算收入增长8%。
        """,
    )
    (iid,) = targets
    assert targets[iid]["total"]["value"] == "增长8%"
    assert base[iid]["levels"][2020]["value"] == "906.1亿元"
    (m,) = milestones.build(load_plan(tmp_path / "plan"))
    assert m.no_path is None and m.at_stated_rate[-1] == pytest.approx(906.1 * 1.08)


def test_a_plan_target_and_this_years_target(tmp_path):
    """targets.yaml holds one target per id: the plan's target keeps the id, this year's gets
    gdp_2021 — with gdp's 2020 level copied under that id in baselines.yaml, so that it is
    checked against it (milestones said 'baselines.yaml records no 2020 level' of a plan that
    has one: found by helper-39), and a note that says so."""
    base, targets = _draft(
        tmp_path,
        """
        2021年1月10日

        2020年，全市地区生产总值达到1000亿元。到2025年，地区生产总值达到1400亿元。今年，地区生产总值增长7%。
        """,
    )
    assert targets["gdp"]["level"]["value"] == "1400亿元" and "period" not in targets["gdp"]
    second = targets["gdp_2021"]
    assert second["period"] == "2021" and "copied under it" in second["review"]
    assert base["gdp_2021"]["levels"][2020]["value"] == "1000亿元"
    assert base["gdp_2021"]["name"] == second["name"] == "地区生产总值（2021年目标）"
    plan = load_plan(tmp_path / "plan")
    assert plan.target_periods["gdp_2021"] == (2020, 2021)
    (row,) = [r for r in check(tmp_path / "plan").rows if r.indicator == "gdp_2021"]
    assert row.base is not None and row.base.text == "1000亿元"


def test_a_second_target_without_a_base_is_named_apart(tmp_path):
    """helper-70: 南宁's draft had retail_sales (2021-2025) and retail_sales_2021, both named
    社会消费品零售总额, with no 2020 level; a planner who added one under retail_sales found the
    plan refused ('target retail_sales_2021 has the name of retail_sales'). The second target is
    named for its year, and its note says how to check it."""
    _, targets = _draft(
        tmp_path,
        """
        2021年1月10日

        到2025年，社会消费品零售总额年均增长8.5%。今年，社会消费品零售总额增长12%。
        """,
    )
    main, second = targets["retail_sales"], targets["retail_sales_2021"]
    assert main["name"] == "社会消费品零售总额"
    assert second["name"] == "社会消费品零售总额（2021年目标）"
    assert "give retail_sales_2021 its base-year level" in second["review"]
    plan = tmp_path / "plan"
    text = (plan / "baselines.yaml").read_text(encoding="utf-8")
    added = (
        "indicators:\n"
        "  retail_sales: {name: 社会消费品零售总额, unit: 亿元, levels: {2020: 2268.5亿元}}\n"
    )
    (plan / "baselines.yaml").write_text(text.replace("indicators:\n", added, 1), encoding="utf-8")
    assert load_plan(plan).target_periods["retail_sales_2021"] == (2020, 2021)


def test_generic_names_join_only_within_a_paragraph(tmp_path):
    """产值 of a park and 产值 of a project are different things."""
    base, targets = _draft(
        tmp_path,
        """
        2021年1月10日

        2020年，云南宏泰绿色铝项目投产，实现产值66亿元。

        今年，力争绿色铝达产产能250万吨、产值达到400亿元以上。
        """,
    )
    named = [k for k, v in (*base.items(), *targets.items()) if v["name"].startswith("产值")]
    assert len(named) == 2 and len(set(named)) == 2


def test_a_one_year_past_growth_is_drafted_as_its_year(tmp_path):
    """南宁's drafts wrote period: "2020-2020" for a year's growth (a new user's find): "2020"."""
    base, _ = _draft(tmp_path, "2021年1月10日\n2020年，全市地区生产总值达到4726亿元，增长3.7%。\n")
    (growth,) = base["gdp"]["growth"]
    assert growth["period"] == "2020"
