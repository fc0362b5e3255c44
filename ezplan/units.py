"""Units as plans write them: a magnitude word (万, 亿 …) before a base unit (元, 美元, 亩 …).

A unit knows its dimension; two units convert into each other only within one dimension, by
the ratio of their scales. Currencies are separate dimensions: 元 and 美元 meet only through an
exchange rate, which is the plan's business, not the unit table's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

MAGNITUDES: dict[str, float] = {
    "": 1.0,
    "十": 1e1,
    "百": 1e2,
    "千": 1e3,
    "万": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "亿": 1e8,
    "十亿": 1e9,
    "百亿": 1e10,
    "千亿": 1e11,
    "万亿": 1e12,
}

# base unit -> (dimension, canonical spelling). Counts keep their measure word as dimension so
# that 个 and 家 never silently mix.
BASE_UNITS: dict[str, tuple[str, str]] = {
    "元": ("money:CNY", "元"),
    "人民币": ("money:CNY", "元"),
    "美元": ("money:USD", "美元"),
    "%": ("percent", "%"),
    "个百分点": ("pp", "个百分点"),
    "百分点": ("pp", "个百分点"),
    "亩": ("area:mu", "亩"),
    "公顷": ("area:ha", "公顷"),
    "平方米": ("area:m2", "平方米"),
    "㎡": ("area:m2", "平方米"),
    "m²": ("area:m2", "平方米"),
    "m2": ("area:m2", "平方米"),
    "平方公里": ("area:km2", "平方公里"),
    "米": ("length:m", "米"),
    "m": ("length:m", "米"),
    "公里": ("length:m", "公里"),
    "千米": ("length:m", "千米"),  # the same as 公里, and 1.2万千米 is 万 × 千米
    "吨": ("mass:t", "吨"),
    "个月": ("time:month", "个月"),
    "年": ("time:year", "年"),
    "天": ("time:day", "天"),
    "小时": ("time:hour", "小时"),
}
BASE_UNITS |= {
    "千瓦时": ("energy:kWh", "千瓦时"),
    "千瓦小时": ("energy:kWh", "千瓦时"),
    "吨标准煤": ("energy:tce", "吨标准煤"),
    "吨公里": ("freight:tkm", "吨公里"),
    "人公里": ("passengers:pkm", "人公里"),
    "千瓦": ("power:kW", "千瓦"),
    "立方米": ("volume:m3", "立方米"),
    "标箱": ("count:标箱", "标箱"),
    # 粮食产量稳定在760亿斤以上, 人均预期寿命78.6岁, 审批17个工作日以内: each its own dimension
    # (斤 never silently becomes 吨, as 亩 never becomes 公顷)
    "斤": ("mass:jin", "斤"),
    "公斤": ("mass:kg", "公斤"),
    "岁": ("age:year", "岁"),
    "个工作日": ("time:workday", "个工作日"),
    "工作日": ("time:workday", "个工作日"),
}
# every measure word a plan counts things in (生猪出栏160.5万头, 引进人才1200名, 接待游客3000万
# 人次): each its own dimension
COUNT_WORDS = (
    "个", "家", "项", "人", "户", "次", "座", "条", "台", "辆", "所", "件", "种", "批", "名", "套",
    "处", "只", "头", "张", "例", "床", "篇", "艘", "架", "部", "支", "株", "棵", "口", "栋", "间",
    "位", "人次", "架次", "车次", "门", "盏", "对", "站", "区", "镇", "村", "县", "片", "组", "本",
    "册", "期", "届", "轮", "场", "场次", "列", "颗", "块", "班次", "批次",
)  # fmt: skip
for _w in COUNT_WORDS:
    BASE_UNITS[_w] = (f"count:{_w}", _w)
# 规上工业企业5400户 and 突破1万家 count the same firms: 户 and 家 are one dimension (each figure
# keeps its own word), as 名 and 人 are not merged (名 also ranks)
BASE_UNITS["户"] = ("count:家", "户")

ENGLISH_MAGNITUDES = {
    "": "",
    "十": "×10 ",
    "百": "×100 ",
    "千": "thousand ",
    "万": "10 thousand ",
    "十万": "100 thousand ",
    "百万": "million ",
    "千万": "10 million ",
    "亿": "100 million ",
    "十亿": "billion ",
    "百亿": "10 billion ",
    "千亿": "100 billion ",
    "万亿": "trillion ",
}
ENGLISH_BASES = {
    "元": "yuan",
    "美元": "USD",
    "%": "%",
    "个百分点": "percentage points",
    "亩": "mu",
    "公顷": "ha",
    "平方米": "m²",
    "平方公里": "km²",
    "米": "m",
    "公里": "km",
    "千米": "km",
    "吨": "t",
    "个月": "months",
    "年": "years",
    "天": "days",
    "小时": "hours",
    "个": "units",
    "家": "firms",
    "项": "items",
    "人": "people",
    "户": "households",
    "次": "times",
    "座": "units",
    "条": "units",
    "台": "units",
    "辆": "vehicles",
    "所": "units",
    "件": "pieces",
    "种": "kinds",
    "批": "batches",
    "名": "people",
    "套": "sets",
    "处": "sites",
    "只": "units",
    "头": "head",
    "张": "units",
    "例": "cases",
    "床": "beds",
    "篇": "articles",
    "艘": "vessels",
    "架": "aircraft",
    "部": "units",
    "支": "units",
    "株": "plants",
    "棵": "trees",
    "口": "units",
    "栋": "buildings",
    "间": "rooms",
    "位": "people",
    "人次": "person-times",
    "架次": "flights",
    "车次": "trips",
    "门": "units",
    "盏": "lamps",
    "对": "pairs",
    "站": "stations",
    "区": "districts",
    "镇": "towns",
    "村": "villages",
    "县": "counties",
    "片": "units",
    "组": "groups",
    "本": "volumes",
    "册": "volumes",
    "期": "phases",
    "届": "sessions",
    "轮": "rounds",
    "场": "events",
    "场次": "events",
    "列": "trains",
    "千瓦时": "kWh",
    "吨标准煤": "tce",
    "吨公里": "tonne-km",
    "人公里": "passenger-km",
    "千瓦": "kW",
    "立方米": "m³",
    "标箱": "TEU",
    "斤": "jin (0.5 kg)",
    "公斤": "kg",
    "岁": "years of age",
    "个工作日": "working days",
    "颗": "units",
    "班次": "services",
    "批次": "batches",
    "块": "plots",
}

# Longest spellings first so that 个百分点 wins over 个 and 平方米 over 米.
_BASES_BY_LENGTH = sorted(BASE_UNITS, key=len, reverse=True)
BASE_SCALES = {"公里": 1e3, "千米": 1e3}
"""Bases that are a multiple of their dimension's unit: 公里 and 千米 are 1000 米 (12000千米 is
1.2万公里, and converts to 米)."""
_MAGS_BY_LENGTH = sorted(MAGNITUDES, key=len, reverse=True)


class UnitError(ValueError):
    """A unit that is not in the table."""


@dataclass(frozen=True)
class Unit:
    """A unit: magnitude word plus base unit, e.g. 亿美元 = 1e8 × 美元."""

    magnitude: str
    base: str
    scale: float
    dimension: str
    currency: str | None = field(init=False, repr=False, compare=False)  # CNY, USD or None
    # made once: every quantity of a plan's network keeps its unit's symbol
    symbol: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        money = self.dimension.startswith("money:")
        object.__setattr__(self, "currency", self.dimension.split(":", 1)[1] if money else None)
        object.__setattr__(self, "symbol", self.magnitude + self.base)

    @property
    def is_percent(self) -> bool:
        return self.dimension == "percent"

    def factor_to(self, other: Unit) -> float:
        """Multiply a value in this unit by the result to express it in `other`."""
        if self.dimension != other.dimension:
            raise UnitError(f"{self.symbol} does not convert to {other.symbol}")
        return self.scale / other.scale

    def english(self) -> str:
        """The unit in words for readers without Chinese: 亿美元 → 100 million USD."""
        return ENGLISH_MAGNITUDES[self.magnitude] + ENGLISH_BASES[self.base]

    def __str__(self) -> str:
        return self.symbol


def known_units_hint() -> str:
    return "a magnitude (万, 亿, 万亿 …) before 元, 美元, %, 亩, 平方米, 个, 家 …"


@lru_cache(maxsize=1024)
def parse_unit(text: str) -> Unit:
    """Read a unit spelling such as 亿元, 万美元, %, 亩, 万平方米 (units are values: one object
    serves every figure written in the unit)."""
    s = text.strip()
    for base in _BASES_BY_LENGTH:
        if s.endswith(base):
            mag = s[: len(s) - len(base)]
            if mag in MAGNITUDES:
                dim, canonical = BASE_UNITS[base]
                if dim in ("percent", "pp") and mag:
                    continue
                return Unit(mag, canonical, MAGNITUDES[mag] * BASE_SCALES.get(canonical, 1.0), dim)
    raise UnitError(f"unknown unit {text!r}; expected {known_units_hint()}")


def split_unit(text: str) -> tuple[str, str]:
    """Split a trailing unit off `text`; returns (rest, unit spelling) or (text, "")."""
    for base in _BASES_BY_LENGTH:
        if text.endswith(base):
            head = text[: len(text) - len(base)]
            for mag in _MAGS_BY_LENGTH:
                if mag and head.endswith(mag):
                    return head[: len(head) - len(mag)], mag + base
            return head, base
    return text, ""
