"""Indicator ids for the drafts: an English id for the indicators plans name most often, else a
numbered one. Ids are stable within a document: the same subject always gets the same id."""

from __future__ import annotations

import re

GLOSSARY: dict[str, str] = {
    "地区生产总值": "gdp",
    "国内生产总值": "gdp",
    "GDP": "gdp",
    "生产总值": "gdp",
    "经济总量": "gdp",
    "人均地区生产总值": "gdp_per_capita",
    "人均生产总值": "gdp_per_capita",
    "人均GDP": "gdp_per_capita",
    "一般公共预算收入": "budget_revenue",
    "地方一般公共预算收入": "budget_revenue",
    "财政收入": "fiscal_revenue",
    "一般公共预算支出": "budget_expenditure",
    "固定资产投资": "fixed_investment",
    "全社会固定资产投资": "fixed_investment",
    "社会消费品零售总额": "retail_sales",
    "进出口总额": "trade_total",
    "外贸进出口总额": "trade_total",
    "外贸进出口": "trade_total",
    "进出口": "trade_total",
    "出口": "exports",
    "出口总额": "exports",
    "进口": "imports",
    "进口总额": "imports",
    "实际利用外资": "fdi_actual",
    "实际使用外资": "fdi_actual",
    "合同外资": "fdi_contract",
    "规模以上工业增加值": "industry_value_added",
    "规上工业增加值": "industry_value_added",
    "工业增加值": "industry_value_added",
    "服务业增加值": "services_value_added",
    "农业增加值": "agriculture_value_added",
    "城镇常住居民人均可支配收入": "urban_income",
    "城镇居民人均可支配收入": "urban_income",
    "农村常住居民人均可支配收入": "rural_income",
    "农村居民人均可支配收入": "rural_income",
    "居民人均可支配收入": "income_per_capita",
    "常住人口城镇化率": "urbanization_rate",
    "城镇化率": "urbanization_rate",
    "户籍人口城镇化率": "registered_urbanization_rate",
    "城镇新增就业": "new_urban_jobs",
    "城镇登记失业率": "registered_unemployment",
    "城镇调查失业率": "surveyed_unemployment",
    "森林覆盖率": "forest_cover",
    "粮食产量": "grain_output",
    "粮食总产量": "grain_output",
    "研发经费投入": "rd_spending",
    "研究与试验发展经费投入": "rd_spending",
    "研发经费投入强度": "rd_intensity",
    "旅游总收入": "tourism_revenue",
    "金融机构本外币存款余额": "deposits",
    "金融机构本外币贷款余额": "loans",
    "常住人口": "population",
    "人均预期寿命": "life_expectancy",
    "网络零售额": "online_retail",
    "电子商务交易额": "ecommerce_transactions",
    "居民消费价格": "cpi",
    "空气质量优良天数比例": "good_air_days",
    "第一产业增加值": "primary_value_added",
    "第二产业增加值": "secondary_value_added",
    "第三产业增加值": "tertiary_value_added",
    "民生支出": "welfare_spending",
    "税收收入": "tax_revenue",
    "高新技术企业": "high_tech_firms",
    "市场主体": "market_entities",
}


class IdMaker:
    """Hands out ids: glossary ids first, `indicator_NN` otherwise, each used once."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.count = 0

    def unique(self, base: str) -> str:
        out, n = base, 2
        while out in self.used:
            out = f"{base}_{n}"
            n += 1
        self.used.add(out)
        return out

    def make(self, name: str, prefix: str = "indicator", suffix: str = "") -> str:
        base = GLOSSARY.get(name)
        if base is None:
            self.count += 1
            base = f"{prefix}_{self.count:02d}"
        base = re.sub(r"[^a-z0-9_]", "_", base.lower())
        if suffix:
            base = f"{base}_{suffix}"
        return self.unique(base)
