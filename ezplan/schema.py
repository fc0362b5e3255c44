"""The two plan files, as pydantic models: the single source of truth for their shape.

`baselines.yaml` holds what was observed (levels by year, stated historical growth, cumulative
amounts over past periods, shares); `targets.yaml` holds the plan period and every goal. Figures
are written as the plan writes them (``326.57亿元``, ``增长2.4倍``, ``40%以上``) and read by
`ezplan.figures`; here they are text. `ezplan schema` prints these models as JSON Schema.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema

from ezplan.errors import MessageError
from ezplan.figures import normalize_digits

ID_PATTERN = r"^[a-z][a-z0-9_]*$"

IndicatorId = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(description="Stable indicator id: lower-case letters, digits and _ (e.g. retail_sales)."),
]
FigureText = Annotated[
    str | int,
    # An editor reads a bare 421.86 as a number; ezplan keeps its text (and precision).
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "number"}]}),
    Field(
        description="A figure as the plan writes it: 326.57亿元, 23%, 增长182%, 增长2.4倍, "
        "翻一番, 约210亿元, 40%以上, 超过300亿元, 提高2个百分点, 1至5个. A bare number takes the "
        "indicator's unit.",
        json_schema_extra={"examples": ["326.57亿元", "增长2.4倍", "40%以上"]},
    ),
]
PeriodText = Annotated[
    str | int,
    Field(
        description="A period as plans write it: 2021-2025 (base year 2020, end 2025), "
        "2016-2019年, 2021至2025年; a single year 2020 means the change over 2019→2020.",
        json_schema_extra={"examples": ["2021-2025", "2016-2019年", 2020]},
    ),
]
Year = Annotated[int, Field(ge=1900, le=2200, description="A calendar year, e.g. 2020.")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class Source(_Model):
    """Where a figure stands in the plan text."""

    quote: str | None = Field(None, description="The sentence of the plan, verbatim.")
    section: str | None = Field(None, description="The chapter/section it stands in.")
    note: str | None = Field(None, description="A remark on the figure (doubts, typos).")
    line: int | None = Field(
        None, ge=1, description="The line of the quote in the plan's own document (1-based)."
    )
    review: str | None = Field(
        None, description="What a reviewer should confirm (a draft's guesses, from ezplan extract)."
    )


class FigureSpec(Source):
    """A figure with its own quote, or with options."""

    value: FigureText
    tolerance: FigureText | None = Field(
        None, description="For 约/左右: the relative widening, e.g. 3% (default 5%)."
    )


Figure = FigureText | FigureSpec
Figures = Figure | list[Figure]


class IndicatorDef(Source):
    """What both files may say about an indicator; where both say it, they must agree."""

    name: str | None = Field(None, description="The indicator's Chinese name, as in the plan.")
    name_en: str | None = Field(None, description="An English name.")
    unit: str | None = Field(None, description="The unit values are reported in, e.g. 亿元.")
    parts: list[IndicatorId] | None = Field(
        None, description="Indicators that add up to this one (e.g. exports and imports)."
    )
    part_of: IndicatorId | None = Field(
        None, description="An indicator this one is included in (其中), not necessarily all of it."
    )
    direction: str | None = Field(
        None, pattern="^(up|down)$", description="Whether the plan wants this to rise or fall."
    )
    plausible_rate: list[FigureText] | None = Field(
        None,
        min_length=2,
        max_length=2,
        description="The annual rates that are plausible for this indicator, e.g. [-10%, 80%] "
        "(default: the plan's, else [-20%, 40%]); rates outside get a plausibility warning.",
    )


class Growth(Source):
    """Growth stated over a period: an annual rate (年均增长), a total (增长X%/X倍), or both."""

    period: PeriodText
    annual: Figure | None = Field(None, description="年均增长, e.g. 12.6%.")
    total: Figure | None = Field(None, description="Growth over the period: 增长24.9%, 增长2倍.")
    change: Figure | None = Field(
        None, description="For ratio indicators: 提高0.83个百分点 over the period."
    )
    constant_prices: bool = Field(False, description="Stated at constant prices (按可比价).")


class Cumulative(Source):
    """An amount summed over the years of a period (累计)."""

    period: PeriodText
    value: Figures


class Share(Source):
    """This indicator as a share (占比) of another in one year."""

    of: IndicatorId
    year: Year
    value: Figure


class BaselineIndicator(IndicatorDef):
    levels: dict[Year, Figures] = Field(
        default_factory=dict, description="Observed levels by year (any year, actuals too)."
    )
    growth: list[Growth] = Field(default_factory=list)
    cumulative: list[Cumulative] = Field(default_factory=list)
    shares: list[Share] = Field(default_factory=list)


class Baselines(_Model):
    """baselines.yaml: what was observed."""

    model_config = ConfigDict(title="ezplan baselines.yaml")
    indicators: dict[IndicatorId, BaselineIndicator] = Field(default_factory=dict)


class PlanInfo(Source):
    name: str = Field(description="The plan's title.")
    name_en: str | None = None
    document: str | None = Field(
        None, description="The plan's own document (the file its quotes and lines come from)."
    )
    period: PeriodText = Field(description="The plan period, e.g. 2021-2025 (base year 2020).")
    about_tolerance: FigureText | None = Field(
        None, description="How far 约/左右 widen a figure, relative (default 5%)."
    )
    exchange_rate: FigureText | None = Field(
        None, description="元 per 美元 to convert with, if the plan declares one (e.g. 6.9元)."
    )
    constant_prices: list[IndicatorId] = Field(
        default_factory=list,
        description="Indicators whose growth rates the plan states at comparable prices "
        "throughout (GDP, value added …), as statistical convention has it.",
    )
    plausible_rate: list[FigureText] | None = Field(
        None,
        min_length=2,
        max_length=2,
        description="The annual rates plausible for this plan's indicators (default [-20%, 40%]).",
    )


class TargetShare(Source):
    of: IndicatorId
    value: Figure


class Target(IndicatorDef):
    """One goal. Every figure the plan states for it goes here, each way it is stated."""

    period: PeriodText | None = Field(None, description="Only if it differs from the plan's.")
    level: Figures | None = Field(None, description="The end-year level, in one or more units.")
    annual: Figure | None = Field(None, description="年均增长 over the period.")
    total: Figure | None = Field(None, description="增长X% / 增长X倍 / 翻一番 over the period.")
    cumulative: Figures | None = Field(None, description="累计: the sum over the plan years.")
    share: TargetShare | None = Field(None, description="占比 target: share of another indicator.")
    change: Figure | None = Field(
        None, description="提高X个百分点, for indicators that are ratios."
    )
    constant_prices: bool = Field(False, description="Growth stated at constant prices.")


class Project(IndicatorDef):
    """A project figure with no growth path: an area, an investment, a count."""

    value: Figures


class Targets(_Model):
    """targets.yaml: the plan period and every goal."""

    model_config = ConfigDict(title="ezplan targets.yaml")
    plan: PlanInfo
    targets: dict[IndicatorId, Target] = Field(default_factory=dict)
    projects: dict[IndicatorId, Project] = Field(default_factory=dict)


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema in draft-07 form (definitions, not $defs)."""
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    text = json.dumps(schema, ensure_ascii=False)
    # draft-07 has no prefixItems/$defs; pydantic uses neither for these models, but check.
    assert "prefixItems" not in text and "$defs" not in text
    return schema


def schema_text(model: type[BaseModel]) -> str:
    """The schema as `ezplan schema` prints it and as the committed files hold it."""
    return json.dumps(json_schema(model), ensure_ascii=False, indent=2) + "\n"


class PeriodError(MessageError):
    """A period that cannot be read (a ValueError), its message in both languages."""


def period_error(text: str) -> PeriodError:
    return PeriodError("period.unreadable", text=text)


_SEP = r"(?:-+|—+|–+|~|至|到)"
_PERIOD_RE = re.compile(rf"^([0-9]{{4}})\s*年?\s*{_SEP}\s*([0-9]{{4}})\s*年?$")
_YEAR_RE = re.compile(r"^([0-9]{4})\s*年?$")  # 0-9 only: no other script's digits
FIRST_YEAR, LAST_YEAR = 1900, 2200


def parse_period(value: str | int) -> tuple[int, int]:
    """`2021-2025` → (2020, 2025): a period's base year is the year before its first year.

    Plans write 2021-2025, 2021—2025, 2021－2025, 2021年-2025年, 2021至2025年 or one year.
    """
    text = normalize_digits(str(value).strip()).translate({0x2212: "-"})
    if m := _PERIOD_RE.match(text):
        first, last = int(m.group(1)), int(m.group(2))
        if first > last:
            raise PeriodError("period.backwards", text=text)
    elif m := _YEAR_RE.match(text):
        first = last = int(m.group(1))
    else:
        raise period_error(text)
    if not (first > FIRST_YEAR and last <= LAST_YEAR):
        raise PeriodError("period.out_of_range", text=text, first=FIRST_YEAR + 1, last=LAST_YEAR)
    return first - 1, last
