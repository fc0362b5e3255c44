"""Indicator ids for the drafts: short, stable, ASCII, and readable where that can be done safely.

An id is proposed, in this order:
1. the glossary: the indicators plans name most often, under the ids a planner expects
   (`gdp`, `budget_revenue`, `urban_income`, `rd_intensity`, `energy_per_gdp` …), matched on the
   name after place words (全市), footnote marks ([12) and a leading 年末/全年 are dropped
   (names the glossary gives one id are drafted as one indicator);
2. composed from `TERMS`, a small table of the words indicator names are made of (新增 → new,
   高新技术 → high_tech, 企业 → firms, 增加值 → value_added …), when every character of the name
   is covered and it takes at most four words: 新建高标准农田 → new_high_standard_farmland;
3. otherwise `x_` and six hex digits of a hash of the name (blake2s): 花草茶产业线上销售额 →
   `x_5f0c1a`. The draft's `name:` carries the Chinese name beside it.

Why not pinyin: a table of every character's reading would be large, wrong for characters with
two readings (长, 重, 行), and the ids long (guimoyishanggongyezengjiazhi); a partial translation
would mislead. A hashed id is meaningless but never wrong, and the same name gets the same id in
every document and every run (no counter: adding a figure to a document renames nothing else).
Within one document an id is used once (`gdp`, `gdp_2`, …).
"""

from __future__ import annotations

import hashlib
import re

from ezplan.extract.text import strip_place

GLOSSARY: dict[str, str] = {
    # output
    "地区生产总值": "gdp",
    "国内生产总值": "gdp",
    "GDP": "gdp",
    "生产总值": "gdp",
    "经济总量": "gdp",
    "人均地区生产总值": "gdp_per_capita",
    "人均生产总值": "gdp_per_capita",
    "人均国内生产总值": "gdp_per_capita",
    "人均GDP": "gdp_per_capita",
    "第一产业增加值": "primary_value_added",
    "第二产业增加值": "secondary_value_added",
    "第三产业增加值": "tertiary_value_added",
    "三次产业结构": "industry_structure",
    "规模以上工业增加值": "industry_value_added",
    "规上工业增加值": "industry_value_added",
    "工业增加值": "all_industry_value_added",
    "全部工业增加值": "all_industry_value_added",
    "规模以上工业总产值": "industry_output",
    "规上工业总产值": "industry_output",
    "工业总产值": "industry_output",
    "规模以上工业企业": "industrial_firms",
    "规上工业企业": "industrial_firms",
    "规模以上工业企业数量": "industrial_firms",
    "规上工业企业数量": "industrial_firms",
    "服务业增加值": "services_value_added",
    "农业增加值": "agriculture_value_added",
    "建筑业增加值": "construction_value_added",
    "金融业增加值": "finance_value_added",
    "制造业增加值": "manufacturing_value_added",
    "数字经济核心产业增加值": "digital_economy_value_added",
    "数字经济增加值": "digital_economy_value_added",
    "战略性新兴产业增加值": "emerging_industries_value_added",
    "战略性新兴产业产值": "emerging_industries_output",
    "高新技术产业增加值": "high_tech_value_added",
    "高新技术产业产值": "high_tech_output",
    "农林牧渔业总产值": "farm_output",
    "农业总产值": "farm_output",
    "粮食产量": "grain_output",
    "粮食总产量": "grain_output",
    "粮食播种面积": "grain_area",
    "粮食种植面积": "grain_area",
    "全员劳动生产率": "labour_productivity",
    # public finance
    "一般公共预算收入": "budget_revenue",
    "地方一般公共预算收入": "budget_revenue",
    "公共财政预算收入": "budget_revenue",
    "财政收入": "fiscal_revenue",
    "财政总收入": "fiscal_revenue",
    "税收收入": "tax_revenue",
    "一般公共预算支出": "budget_expenditure",
    "地方一般公共预算支出": "budget_expenditure",
    "民生支出": "welfare_spending",
    # investment, consumption, trade
    "固定资产投资": "fixed_investment",
    "全社会固定资产投资": "fixed_investment",
    "固定资产投资（不含农户）": "fixed_investment_ex_rural",
    "工业投资": "industrial_investment",
    "制造业投资": "manufacturing_investment",
    "民间投资": "private_investment",
    "基础设施投资": "infrastructure_investment",
    "房地产开发投资": "real_estate_investment",
    "社会消费品零售总额": "retail_sales",
    "网络零售额": "online_retail",
    "电子商务交易额": "ecommerce_transactions",
    "进出口总额": "trade_total",
    "外贸进出口总额": "trade_total",
    "外贸进出口": "trade_total",
    "货物进出口总额": "trade_total",
    "进出口": "trade_total",
    "出口": "exports",
    "出口总额": "exports",
    "外贸出口": "exports",
    "货物出口额": "exports",
    "进口": "imports",
    "进口总额": "imports",
    "货物进口额": "imports",
    "实际利用外资": "fdi_actual",
    "实际使用外资": "fdi_actual",
    "实际使用外商直接投资金额": "fdi_actual",
    "实际利用外商直接投资": "fdi_actual",
    "合同外资": "fdi_contract",
    "旅游总收入": "tourism_revenue",
    "旅游业总收入": "tourism_revenue",
    "国内旅游收入": "domestic_tourism_revenue",
    "接待游客": "tourist_visits",
    "游客接待量": "tourist_visits",
    "接待国内外游客": "tourist_visits",
    # incomes, prices, jobs
    "居民人均可支配收入": "income_per_capita",
    "全体居民人均可支配收入": "income_per_capita",
    "全体常住居民人均可支配收入": "income_per_capita",
    "常住居民人均可支配收入": "income_per_capita",
    "城镇常住居民人均可支配收入": "urban_income",
    "城镇居民人均可支配收入": "urban_income",
    "农村常住居民人均可支配收入": "rural_income",
    "农村居民人均可支配收入": "rural_income",
    "农民人均纯收入": "rural_income",
    "居民消费价格": "cpi",
    "居民消费价格指数": "cpi",
    "居民消费价格涨幅": "cpi",
    "居民消费价格总水平": "cpi",
    "城镇新增就业": "new_urban_jobs",
    "新增城镇就业": "new_urban_jobs",
    "城镇新增就业人数": "new_urban_jobs",
    "城镇登记失业率": "registered_unemployment",
    "城镇调查失业率": "surveyed_unemployment",
    "调查失业率": "surveyed_unemployment",
    # population
    "常住人口": "population",
    "年末常住人口": "population",
    "总人口": "population_total",
    "户籍人口": "registered_population",
    "常住人口城镇化率": "urbanization_rate",
    "城镇化率": "urbanization_rate",
    "户籍人口城镇化率": "registered_urbanization_rate",
    "人均预期寿命": "life_expectancy",
    # innovation
    "研发经费投入": "rd_spending",
    "研究与试验发展经费投入": "rd_spending",
    "研究与试验发展经费支出": "rd_spending",
    "研发投入": "rd_spending",
    "全社会研发投入": "rd_spending",
    "全社会研发经费投入": "rd_spending",
    "研发经费投入强度": "rd_intensity",
    "研发投入强度": "rd_intensity",
    "全社会研发投入强度": "rd_intensity",
    "全社会研发经费投入强度": "rd_intensity",
    "研究与试验发展经费投入强度": "rd_intensity",
    "R&D经费投入强度": "rd_intensity",
    "R&D投入强度": "rd_intensity",
    "研发经费投入占地区生产总值比重": "rd_intensity",
    "研发经费投入占GDP比重": "rd_intensity",
    "每万人口发明专利拥有量": "patents_per_10k",
    "每万人发明专利拥有量": "patents_per_10k",
    "专利授权量": "patents_granted",
    "高新技术企业": "high_tech_firms",
    "科技型中小企业": "tech_smes",
    "技术合同成交额": "technology_contracts",
    "市场主体": "market_entities",
    "新增市场主体": "new_market_entities",
    "上市公司": "listed_companies",
    # environment and energy
    "单位GDP能耗": "energy_per_gdp",
    "单位地区生产总值能耗": "energy_per_gdp",
    "单位生产总值能耗": "energy_per_gdp",
    "单位国内生产总值能耗": "energy_per_gdp",
    "万元GDP能耗": "energy_per_gdp",
    "万元地区生产总值能耗": "energy_per_gdp",
    "单位GDP二氧化碳排放": "co2_per_gdp",
    "单位地区生产总值二氧化碳排放": "co2_per_gdp",
    "单位生产总值二氧化碳排放": "co2_per_gdp",
    "单位GDP用水量": "water_per_gdp",
    "万元GDP用水量": "water_per_gdp",
    "森林覆盖率": "forest_cover",
    "森林蓄积量": "forest_stock",
    "空气质量优良天数比例": "good_air_days",
    "空气质量优良天数比率": "good_air_days",
    "空气质量优良率": "good_air_days",
    "城市空气质量优良天数比例": "good_air_days",
    "细颗粒物（PM2.5）浓度": "pm25",
    "PM2.5浓度": "pm25",
    "PM2.5平均浓度": "pm25",
    "细颗粒物浓度": "pm25",
    "非化石能源占一次能源消费比重": "non_fossil_share",
    "全社会用电量": "electricity_use",
    "发电量": "power_generation",
    "耕地保有量": "farmland",
    "永久基本农田保护面积": "basic_farmland",
    # social
    "九年义务教育巩固率": "compulsory_education_retention",
    "高中阶段毛入学率": "high_school_enrolment",
    "学前教育毛入园率": "preschool_enrolment",
    "劳动年龄人口平均受教育年限": "years_of_schooling",
    "基本养老保险参保率": "pension_coverage",
    "基本医疗保险参保率": "health_insurance_coverage",
    "每千人口执业（助理）医师数": "doctors_per_1k",
    "每千人口医疗卫生机构床位数": "beds_per_1k",
    "每千人口拥有3岁以下婴幼儿托位数": "childcare_places_per_1k",
    # finance
    "金融机构本外币存款余额": "deposits",
    "本外币存款余额": "deposits",
    "金融机构本外币各项存款余额": "deposits",
    "存款余额": "deposits",
    "金融机构本外币贷款余额": "loans",
    "本外币贷款余额": "loans",
    "金融机构本外币各项贷款余额": "loans",
    "贷款余额": "loans",
    # poverty
    "贫困人口": "poor_population",
    "建档立卡贫困人口": "poor_population",
    "贫困村": "poor_villages",
    "贫困县": "poor_counties",
}


def _pairs(text: str) -> dict[str, str]:
    """word=english pairs, whitespace-separated; lines starting with # are comments."""
    lines = (line for line in text.splitlines() if not line.strip().startswith("#"))
    return dict(p.split("=", 1) for line in lines for p in line.split())


# The words indicator names are made of, for ids composed word by word (longest match first).
# Only words whose English is not in doubt; a name with any other word gets a hashed id.
TERMS: dict[str, str] = _pairs(
    """
    # who and where
    企业=firms 公司=companies 上市=listed 中小企业=smes 市场主体=market_entities
    个体工商户=self_employed 农户=farm_households 居民=residents 城镇=urban 农村=rural
    城乡=urban_rural 乡村=rural 城市=city 人口=population 常住=resident 户籍=registered
    人均=per_capita 全体=all 职工=workers 学生=students 农民=farmers 农民工=migrant_workers
    人才=talent 贫困=poor 脱贫=lifted_from_poverty 村=villages 县=counties 乡镇=townships
    社区=communities 园区=parks 开发区=development_zones
    # quantities
    总值=value 增加值=value_added 产值=output 总产值=gross_output 收入=income 营业收入=revenue
    利润=profit 利税=profit_tax 税收=tax 支出=spending 投资=investment 投入=input 资金=funds
    总额=total 总量=total 规模=scale 余额=balance 产量=output 面积=area 里程=length 数量=number
    人数=people 人次=visits 比重=share 占比=share 比例=ratio 率=rate 指数=index 价格=price
    消费=consumption 零售额=retail_sales 销售额=sales 交易额=transactions 成交额=deal_value
    进出口=trade 出口=exports 进口=imports 外资=foreign_capital 吞吐量=throughput 保有量=stock
    装机容量=installed_capacity 产能=capacity 能耗=energy_use 用水量=water_use
    用电量=electricity_use 排放=emissions 排放量=emissions 浓度=concentration 覆盖率=coverage
    普及率=penetration 达标率=compliance_rate 处理率=treatment_rate 利用率=utilisation_rate
    合格率=pass_rate 参保率=insurance_coverage 入学率=enrolment 失业率=unemployment
    贡献率=contribution 城镇化率=urbanization_rate 增速=growth 增长=growth 存款=deposits
    贷款=loans 保费=premiums 游客=tourists 旅游=tourism 就业=jobs 专利=patents
    发明专利=invention_patents
    研发经费=rd_spending 过剩产能=excess_capacity 僵尸企业=zombie_firms 运营=operating
    工作站=workstations 技术中心=technology_centres 先进=advanced 新一代信息技术=next_gen_it
    # what is done
    新增=new 新建=new 新开工=newly_started 开工=started 建成=completed 完成=completed
    竣工=completed 改造=renovated 改扩建=rebuilt 新改建=new_or_rebuilt 引进=attracted
    培育=fostered 认定=certified 创建=created 实施=implemented 签约=signed 治理=treated
    整治=remediated 淘汰=phased_out 压减=cut 化解=cut 退出=retired 减少=reduced 节约=saved
    发放=granted 累计=cumulative 建设=built 提升=upgraded 营造林=afforestation 造林=afforestation
    植树造林=afforestation
    # things
    工业=industrial 规模以上=above_scale 规上=above_scale 制造业=manufacturing 服务业=services
    农业=agriculture 建筑业=construction 金融业=finance 房地产=real_estate 产业=industries
    战略性新兴产业=emerging_industries 高新技术=high_tech 科技型=tech 数字经济=digital_economy
    电子商务=ecommerce 网络=online 互联网=internet 高标准农田=high_standard_farmland 农田=farmland
    耕地=farmland 粮食=grain 生猪=hogs 出栏=slaughtered 存栏=stock 蔬菜=vegetables 水果=fruit
    茶叶=tea 肉类=meat 水产品=aquatic_products 森林=forest 公路=roads 农村公路=rural_roads
    高速公路=expressways 铁路=railways 高铁=high_speed_rail 航线=routes 机场=airport 港口=port
    集装箱=containers 货物=goods 旅客=passengers 5G基站=5g_base_stations 基站=base_stations
    老旧小区=old_residential_areas 保障性住房=affordable_housing 棚户区=shanty_towns
    棚改=shanty_town_renovation 住房=housing 住宅=housing 商品房=commercial_housing 学校=schools
    幼儿园=kindergartens 学位=school_places 中小学=schools 医院=hospitals 床位=beds
    养老=elderly_care 污水=sewage 污水处理=sewage_treatment 垃圾=garbage 管网=pipe_network
    厕所=toilets 公厕=public_toilets 公园=parks 绿地=green_space 项目=projects
    重点项目=key_projects 重大项目=major_projects 平台=platforms 基地=bases 实验室=laboratories
    研发=rd 研发中心=rd_centres 技术=technology 创新=innovation 科技=science_tech 成果=results
    品牌=brands 商标=trademarks 电力=electricity 发电=power 煤炭=coal 钢铁=steel 粗钢=crude_steel
    钢材=steel_products 水泥=cement 原煤=raw_coal 天然气=natural_gas 原油=crude_oil 汽车=vehicles
    新能源汽车=new_energy_vehicles 充电桩=charging_piles 快递=express_delivery 业务量=volume
    事项=items 政务服务=government_services 改革=reforms 人大代表建议=deputies_proposals
    政协提案=cppcc_proposals 减税降费=tax_and_fee_cuts 财政=fiscal 一般公共预算=general_budget
    民生=welfare 社会保障=social_security 养老保险=pension_insurance 医疗保险=health_insurance
    外贸=foreign_trade 跨境电商=cross_border_ecommerce 地区生产总值=gdp 国内生产总值=gdp GDP=gdp
    生产总值=gdp 单位=per_unit 万元=per_10k_yuan 每万人口=per_10k_people 每千人口=per_1k_people
    国家级=national 省级=provincial 市级=municipal 国家=national 重点=key 特色=characteristic
    示范=model 现代=modern 农业产业化=agricultural_industrialisation 龙头企业=leading_firms
    专精特新=specialised_smes 小巨人=little_giants 独角兽=unicorns 家庭农场=family_farms
    合作社=cooperatives 农民合作社=farmer_cooperatives 文化=culture 体育=sports 教育=education
    卫生=health 医疗=medical 安全=safety 事故=accidents 死亡人数=deaths 空气质量=air_quality
    优良天数=good_days 水质=water_quality 地表水=surface_water 优良=good 总=total
    全社会=whole_society 全部=all
    """
)

_SHARE_RE = re.compile(r"^(.+?)占(.+?)的?(?:比重|比例|份额|比)$")
_FILLERS = set("的和及与、，,·-—（）()“”\"' 　")
_MAX_WORDS = 4
_MAX_LEN = 36
_TERM_KEYS = sorted(TERMS, key=len, reverse=True)


def normal_name(name: str) -> str:
    """The name an id is looked up by: no place words, bracketed remarks, footnote marks
    ([12), spaces or quotation marks, and no leading 年末/全年."""
    s = re.sub(r"\[\d*\]?", "", name)
    s = re.sub(r"[\s“”\"‘’「」《》]", "", s)
    s = strip_place(s, keep_one=False)
    s = re.sub(r"^(年末|全年|年底|当年)", "", s)
    return strip_place(s, keep_one=False)


def composed(name: str) -> str | None:
    """The id made of TERMS' words when they cover the whole name, else None."""
    out: list[str] = []
    i = 0
    while i < len(name):
        ch = name[i]
        if ch in _FILLERS:
            i += 1
            continue
        m = re.match(r"[A-Za-z0-9.]+", name[i:])
        if m and not any(name.startswith(k, i) for k in _TERM_KEYS if k[0].isascii()):
            out.append(re.sub(r"[^a-z0-9]+", "_", m.group().lower()).strip("_"))
            i += m.end()
            continue
        for k in _TERM_KEYS:
            if name.startswith(k, i):
                out.append(TERMS[k])
                i += len(k)
                break
        else:
            return None
    words = [w for w in out if w]
    if not words or len(words) > _MAX_WORDS:
        return None
    # 新增 … 新增, 总 … 总额: say a word once
    dedup = [w for k, w in enumerate(words) if w not in words[:k]]
    s = "_".join(dedup)
    if len(s) > _MAX_LEN or not re.match(r"^[a-z]", s):
        return None
    return s


def hashed(name: str) -> str:
    return "x_" + hashlib.blake2s(name.encode("utf-8"), digest_size=3).hexdigest()


def glossary_id(name: str) -> str | None:
    """The glossary's id for a name, if it has one: names with one glossary id are synonyms.
    A bracketed remark counts (固定资产投资（不含农户） is not 全社会固定资产投资)."""
    return GLOSSARY.get(normal_name(name))


def readable_id(name: str) -> str:
    """The id proposed for an indicator's name (glossary, composed, or hashed)."""
    if (gid := glossary_id(name)) is not None:
        return gid
    key = normal_name(name)
    if m := _SHARE_RE.match(key):  # 民生支出占财政支出比例 → welfare_spending_share
        part = GLOSSARY.get(m.group(1)) or composed(m.group(1))
        if part is not None and len(part) <= _MAX_LEN - 6:
            return f"{part}_share"
    return composed(key) or hashed(key or name)


class IdMaker:
    """Hands out ids, each once in a document: `readable_id`, then `_2`, `_3` … on a clash."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def unique(self, base: str) -> str:
        out, n = base, 2
        while out in self.used:
            out = f"{base}_{n}"
            n += 1
        self.used.add(out)
        return out

    def make(self, name: str) -> str:
        return self.unique(readable_id(name))
