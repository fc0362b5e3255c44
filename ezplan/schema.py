"""The two plan files, as pydantic models: the single source of truth for their shape.

`baselines.yaml` holds what was observed (levels by year, stated historical growth, cumulative
amounts over past periods, shares); `targets.yaml` holds the plan period and every goal. Figures
are written as the plan writes them (``326.57亿元``, ``增长2.4倍``, ``40%以上``) and read by
`ezplan.figures`; here they are text. `ezplan schema` prints these models as JSON Schema.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema
from pydantic.fields import FieldInfo

from ezplan.periods import FIRST_YEAR, LAST_YEAR, PeriodError, parse_period, period_error

__all__ = ["FIRST_YEAR", "LAST_YEAR", "PeriodError", "parse_period", "period_error"]

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
    one_rate_per_year: bool = Field(
        True,
        description="The amounts given in both 元 and 美元 convert at one rate a year, as a plan's "
        "own figures do. false where each pair is converted on its own — a statistical "
        "bulletin's flows, each converted by the body that reports it: pairs are then not set "
        "against each other (a declared exchange_rate still binds each).",
    )
    constant_prices: list[IndicatorId] = Field(
        default_factory=list,
        description="Indicators whose growth rates the plan states at constant prices "
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


# --- the shape the fast check reads (`ezplan.shape`) -------------------------------------------

_CONSTRAINTS = ("pattern", "ge", "le", "min_length", "max_length")


def shape_table() -> dict[str, Any]:
    """Every model as `ezplan.shape` checks it, derived from the models above: by model, each
    field's [required, default, type], a type being ["str", pattern], ["int", ge, le], ["bool"],
    ["none"], ["union", [types]], ["list", type, min, max], ["dict", key type, value type] or
    ["model", name]; a default ["value", v] or ["new", "dict" | "list"]."""
    models: dict[str, Any] = {}

    def model(cls: type[BaseModel]) -> list[Any]:
        name = cls.__name__
        if name not in models:
            models[name] = {}
            assert cls.model_config.get("extra") == "forbid" and cls.model_config.get("strict")
            for field, info in cls.model_fields.items():
                if info.default_factory is not None:
                    default: list[Any] = ["new", info.default_factory.__name__]
                else:
                    default = ["value", None if info.is_required() else info.default]
                kind = spec(info.annotation, _limits(info.metadata))
                models[name][field] = [info.is_required(), default, kind]
        return ["model", name]

    def spec(tp: Any, limits: dict[str, Any]) -> list[Any]:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is typing.Annotated:
            return spec(args[0], limits | _limits(args[1:]))
        if origin in (typing.Union, types.UnionType):
            members = [a for a in args if a is not type(None)]
            assert not limits or len(members) == 1, f"constraints on a union: {tp}"
            return ["union", [spec(a, limits if a in members else {}) for a in args]]
        if tp is type(None):
            return ["none"]
        if tp is str:
            return ["str", limits.get("pattern")]
        if tp is bool:
            return ["bool"]
        if tp is int:
            return ["int", limits.get("ge"), limits.get("le")]
        if origin is list:
            return ["list", spec(args[0], {}), limits.get("min_length"), limits.get("max_length")]
        if origin is dict:
            return ["dict", spec(args[0], {}), spec(args[1], {})]
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return model(tp)
        raise AssertionError(f"a type the fast check does not know: {tp}")

    model(Baselines)
    model(Targets)
    return models


def _limits(metadata: Any) -> dict[str, Any]:
    """The constraints among a field's or an Annotated's metadata."""
    out: dict[str, Any] = {}
    for m in metadata:
        if isinstance(m, FieldInfo):
            out |= _limits(m.metadata)
            continue
        for name in _CONSTRAINTS:
            value = getattr(m, name, None)
            if value is not None:
                out[name] = value
    return out


def shape_text() -> str:
    """`shape_table` as the committed ezplan/plan_shape.json holds it: a field a line."""
    models = []
    for name, fields in shape_table().items():
        lines = [f"    {json.dumps(f)}: {json.dumps(v)}" for f, v in fields.items()]
        models.append(f"  {json.dumps(name)}: {{\n" + ",\n".join(lines) + "\n  }")
    return "{\n" + ",\n".join(models) + "\n}\n"


if __name__ == "__main__":  # python -m ezplan.schema > ezplan/plan_shape.json
    print(shape_text(), end="")
