"""Measuring extraction against hand-made figures: precision and recall, overall and `core`.

A gold figure and an extracted one match when all of these hold:
- the same line of the document (hand-made plan files carry no lines: for them this is skipped);
- the same value as written: numbers compare as numbers once thousands commas are dropped
  (12 = 12.0), ranges bound by bound whatever joins them (6-7 = 6至7), other values (一 of
  翻一番) as text;
- the same kind (level, annual, total, cumulative, share, change_pp, change_abs, count);
- the same year or period: a year Y is the period Y-Y, so a one-year growth given as period
  "2020" equals year 2020; no time on both sides also counts as equal;
- the indicator, leniently: after dropping bracketed remarks (（备案）), place words (全市, 全省,
  我市 …), spaces, punctuation and quotation marks, one name contains the other. An empty name
  matches nothing.
Each gold figure takes at most one extracted figure (greedily, in gold order, the nearest column
first), and each extracted one serves at most one gold figure.

Precision counts every extracted figure on a line inside the gold's `scope` (a document annotated
only in parts) or every extracted figure (hand-made plan files, which transcribe every figure).
`core` scores use the gold's `core` flag: recall over core gold figures, and precision as matched
core / (matched core + unmatched extracted). Extracted figures at a listed `negatives` position are
counted separately. The gold README's own looser rule — found when the same line and the same
column or value are reported — is given as `position_recall`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ezplan.extract.text import PLACE_WORDS, fold

_NUM_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:\s*(?:至|-|~)\s*\d+(?:\.\d+)?)?")


@dataclass(frozen=True)
class Item:
    """One figure to compare: gold or extracted."""

    indicator: str
    kind: str
    value: str
    time: tuple[int, int] | None
    line: int | None = None
    column: int | None = None
    core: bool = True
    quote: str = ""


@dataclass
class GoldDocument:
    document: str
    figures: list[Item]
    scope: list[tuple[int, int]] | None = None
    negatives: list[tuple[int, int, str]] = field(default_factory=list)

    def in_scope(self, line: int | None) -> bool:
        if self.scope is None:
            return True
        return line is not None and any(a <= line <= b for a, b in self.scope)


@dataclass
class Score:
    gold: int
    predicted: int
    matched: int
    gold_core: int
    matched_core: int
    negatives_hit: int
    position_found: int
    misses: list[Item] = field(default_factory=list)
    extras: list[Item] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def core_recall(self) -> float:
        return self.matched_core / self.gold_core if self.gold_core else 1.0

    @property
    def core_precision(self) -> float:
        denom = self.matched_core + len(self.extras)
        return self.matched_core / denom if denom else 1.0

    @property
    def position_recall(self) -> float:
        return self.position_found / self.gold if self.gold else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "core_gold": self.gold_core,
            "core_matched": self.matched_core,
            "core_precision": round(self.core_precision, 4),
            "core_recall": round(self.core_recall, 4),
            "position_recall": round(self.position_recall, 4),
            "negatives_hit": self.negatives_hit,
        }

    def __add__(self, other: Score) -> Score:
        return Score(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.matched + other.matched,
            self.gold_core + other.gold_core,
            self.matched_core + other.matched_core,
            self.negatives_hit + other.negatives_hit,
            self.position_found + other.position_found,
            self.misses + other.misses,
            self.extras + other.extras,
        )


# --- normalising ------------------------------------------------------------------------------


def indicator_key(name: str) -> str:
    s = fold(name or "")
    s = re.sub(r"（[^（）]*）|\([^()]*\)", "", s)  # a bracketed remark: （备案）, (含…)
    s = re.sub(r"[\s“”\"‘’「」《》（）()、，,：:；;。·—\-]", "", s)
    changed = True
    while changed:
        changed = False
        for w in (*PLACE_WORDS, "我州", "全州", "本州"):
            if s.startswith(w):
                s = s[len(w) :]
                changed = True
    return s


def same_indicator(a: str, b: str) -> bool:
    x, y = indicator_key(a), indicator_key(b)
    return bool(x) and bool(y) and (x in y or y in x)


_RANGE_VALUE = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:至|到|-|~|—|–)\s*(\d+(?:\.\d+)?)$")


def value_key(value: Any) -> str:
    s = fold(str(value)).replace(",", "").strip()
    if m := _RANGE_VALUE.match(s):  # 6-7 and 6至7 are one range
        return f"{float(m.group(1))!r}至{float(m.group(2))!r}"
    try:
        return repr(float(s))
    except ValueError:
        return s


def time_key(year: Any, period: Any) -> tuple[int, int] | None:
    if period not in (None, ""):
        m = re.match(r"^\s*(\d{4})\s*(?:[-—–~至]\s*(\d{4}))?", str(period))
        if m:
            a = int(m.group(1))
            return a, int(m.group(2) or a)
    if year not in (None, ""):
        return int(year), int(year)
    return None


# --- gold -------------------------------------------------------------------------------------


def load_gold(path: str | Path) -> GoldDocument:
    """A gold file of tests/data/gold (see its README)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = [
        Item(
            f["indicator"],
            f["kind"],
            str(f["value"]),
            time_key(f.get("year"), f.get("period")),
            f.get("line"),
            f.get("column"),
            bool(f.get("core", True)),
            f.get("quote", ""),
        )
        for f in data["figures"]
    ]
    scope = [(int(a), int(b)) for a, b in data.get("scope", [])] or None
    negatives = [
        (int(n["line"]), int(n["column"]), str(n.get("text", "")))
        for n in data.get("negatives", [])
    ]
    return GoldDocument(data["document"], items, scope, negatives)


def _written_value(text: Any) -> str:
    s = fold(str(text))
    if m := re.search(r"翻(一|两|二|三|四)?番", s):
        return m.group(1) or "一"
    m = _NUM_RE.search(s)
    return m.group().replace(" ", "") if m else s


def _count_unit(unit: str) -> bool:
    from ezplan.extract.tokens import COUNT_UNITS, MAGNITUDES

    base = unit
    for mag in MAGNITUDES:
        if base.startswith(mag) and len(base) > len(mag):
            base = base[len(mag) :]
            break
    return base in COUNT_UNITS


def _figures(raw: Any) -> list[Any]:
    items = raw if isinstance(raw, list) else [raw]
    return [i["value"] if isinstance(i, dict) else i for i in items]


def gold_from_plan(baselines: str | Path, targets: str | Path) -> GoldDocument:
    """Every figure of hand-made plan files, as gold (no lines: they carry quotes only).

    Kinds follow the slots (levels → level, growth → annual/total, cumulative, shares, change →
    change_pp); a level in a count unit (个, 家 …) is a count, and a level in % whose name says
    占/比重/比例 a share, as the corpus gold's README has them; projects have no year."""
    b = yaml.safe_load(Path(baselines).read_text(encoding="utf-8")) or {}
    t = yaml.safe_load(Path(targets).read_text(encoding="utf-8")) or {}
    names: dict[str, tuple[str, str]] = {}
    for sec in (b.get("indicators") or {}, t.get("targets") or {}, t.get("projects") or {}):
        for iid, d in sec.items():
            if d.get("name"):
                names.setdefault(iid, (d["name"], str(d.get("unit", ""))))
    m = re.match(r"(\d{4})\D+(\d{4})", str(t["plan"]["period"]))
    assert m, "plan period"
    plan = int(m.group(1)), int(m.group(2))
    items: list[Item] = []

    def add(iid: str, kind: str, raw: Any, time: tuple[int, int] | None) -> None:
        name, unit = names[iid]
        for v in _figures(raw):
            k = kind
            if k == "level" and unit != "%" and _count_unit(unit):
                k = "count"
            if k == "level" and unit == "%" and re.search(r"占|比重|比例|占比", name):
                k = "share"  # the gold README's textual rule; plan files need an `of` for shares
            items.append(Item(name, k, _written_value(v), time))

    for iid, d in (b.get("indicators") or {}).items():
        for year, raw in (d.get("levels") or {}).items():
            add(iid, "level", raw, (int(year), int(year)))
        for g in d.get("growth") or []:
            p = time_key(None, g["period"])
            for k in ("annual", "total"):
                if g.get(k) is not None:
                    add(iid, k, g[k], p)
        for c in d.get("cumulative") or []:
            add(iid, "cumulative", c["value"], time_key(None, c["period"]))
        for sh in d.get("shares") or []:
            add(iid, "share", sh["value"], (int(sh["year"]), int(sh["year"])))
    for iid, d in (t.get("targets") or {}).items():
        p = time_key(None, d["period"]) if d.get("period") else plan
        assert p is not None
        end = (p[1], p[1])
        if d.get("level") is not None:
            add(iid, "level", d["level"], end)
        for k in ("annual", "total", "cumulative"):
            if d.get(k) is not None:
                add(iid, k, d[k], p)
        if d.get("share") is not None:
            add(iid, "share", d["share"]["value"], end)
        if d.get("change") is not None:
            add(iid, "change_pp", d["change"], p)
    for iid, d in (t.get("projects") or {}).items():
        add(iid, "level", d["value"], None)
    return GoldDocument(str(t["plan"].get("document", "")), items)


# --- predictions and scoring ------------------------------------------------------------------


def predicted_items(figures: Iterable[Any]) -> list[Item]:
    """Extracted figures (`found.Found`) as items."""
    return [
        Item(
            f.indicator,
            f.kind,
            f.value,
            f.period if f.period is not None else ((f.year, f.year) if f.year else None),
            f.line,
            f.column,
            quote=f.quote,
        )
        for f in figures
    ]


def _matches(g: Item, p: Item, use_line: bool) -> bool:
    return (
        (not use_line or g.line == p.line)
        and value_key(g.value) == value_key(p.value)
        and g.kind == p.kind
        and g.time == p.time
        and same_indicator(g.indicator, p.indicator)
    )


def score(gold: GoldDocument, predicted: list[Item]) -> Score:
    use_line = all(g.line is not None for g in gold.figures) and bool(gold.figures)
    preds = [p for p in predicted if gold.in_scope(p.line)]
    free = list(range(len(preds)))
    matched = matched_core = 0
    misses: list[Item] = []
    for g in gold.figures:
        cands = [i for i in free if _matches(g, preds[i], use_line)]
        if not cands:
            misses.append(g)
            continue
        cands.sort(
            key=lambda i: (
                abs((preds[i].column or 0) - (g.column or 0)),
                indicator_key(preds[i].indicator) != indicator_key(g.indicator),
            )
        )
        free.remove(cands[0])
        matched += 1
        matched_core += g.core
    negatives = {(a, b) for a, b, _ in gold.negatives}
    neg_hit = sum(1 for p in preds if (p.line, p.column) in negatives)
    position = 0
    if use_line:
        for g in gold.figures:
            if any(
                p.line == g.line
                and (p.column == g.column or value_key(p.value) == value_key(g.value))
                for p in preds
            ):
                position += 1
    return Score(
        len(gold.figures),
        len(preds),
        matched,
        sum(1 for g in gold.figures if g.core),
        matched_core,
        neg_hit,
        position,
        misses,
        [preds[i] for i in free],
    )
