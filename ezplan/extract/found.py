"""What a statement is: one quantified figure found in a document, and a document's reading.

`Found` is the one record every later step works on (drafts, evaluation, the JSON interface):
the indicator as written, the kind of figure, its number and unit as written, its qualifier, its
year or period, and where it stands (quote, line, column), with a review note on every guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ezplan.extract.notes import Note, joined
from ezplan.extract.readers import SourceText
from ezplan.figures import Comparator, Figure

KINDS = ("level", "annual", "total", "cumulative", "share", "change_pp", "change_abs", "count")
_QUALIFIER_NAMES = {"nearly": "about"}  # 近 is read as "about" in the stable interface


def qualifier(comparator: Comparator) -> str:
    """exact | about | at_least | at_most | range, whatever finer comparators the grammar has."""
    return _QUALIFIER_NAMES.get(comparator.value, comparator.value)


@dataclass
class Found:
    """One quantified statement found in the document."""

    indicator: str
    kind: str
    value: str  # the number as written ("3.5" for 3.5万亿元)
    unit: str  # the unit as written ("万亿元", "%", "倍", "个百分点")
    qualifier: str
    year: int | None
    period: tuple[int, int] | None
    constant_prices: bool
    quote: str
    line: int
    column: int
    text: str  # the figure as ezplan reads it: 增长2.4倍, 约210亿元, 40%以上
    role: str | None = None  # actual | target
    direction: str | None = None  # up | down, for growth and changes
    of: str | None = None  # share: the whole, as written
    part_of: str | None = None  # 其中: the indicator this one is part of
    same_as: int | None = None  # 折合: index of the figure this one restates
    inferred: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    figure: Figure | None = None  # what parse_figure read
    unit_known: bool = True
    sentence: int = 0
    placed: bool = False
    id: str | None = None  # the indicator's id in the drafts
    why_unplaced: str | None = None
    nested: bool = False  # stated in brackets: （包括三轮汽车820万辆）
    sum_ratio: bool = False  # 是“十二五”时期的1.85倍: a ratio of two periods' sums
    flow: bool = False  # an amount of things done (新增, 建成 …), not a stock
    gap: bool = False  # 高于全省增速0.5个百分点: a gap to another figure, not a change
    table: int | None = None  # a table row's: the line of its table's header

    @property
    def review(self) -> str | None:
        """Every guess and why the figure is not placed, each once, in the language of the
        invocation (`ezplan.i18n.current_lang`)."""
        return self.review_in(None)

    def review_in(self, lang: str | None) -> str | None:
        parts = [n for n in (*self.inferred, *self.notes) if n != self.why_unplaced]
        if self.why_unplaced:
            parts.append(Note("extract.not_placed", reason=self.why_unplaced))
        return joined(parts, lang) or None

    @property
    def time_key(self) -> tuple[int, int] | None:
        if self.period is not None:
            return self.period
        if self.year is not None:
            return self.year, self.year
        return None


@dataclass
class Skipped:
    line: int
    column: int
    text: str
    reason: str
    quote: str


@dataclass
class Reading:
    """Everything read from one document."""

    source: SourceText
    figures: list[Found]
    skipped: list[Skipped]
    sentences: int
    doc_year: int | None
    plan: tuple[int, int] | None

    @property
    def data_year(self) -> int | None:
        if self.doc_year is not None:
            return self.doc_year - 1
        return self.plan[0] - 1 if self.plan else None
