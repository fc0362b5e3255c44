"""Extraction: a plan's document → its quantified statements → draft plan files.

The flow runs one way: `readers` (document → blocks with positions) → `sentences` (sentences and
clauses) → `statements` (the quantified statements, `found.Found`) → `draft` (the two plan files
as data) → `yaml_out` (the text). Nothing downstream knows a draft was extracted: the drafts are
ordinary plan files.

One concern a module:
- reading a sentence: `timex` (time expressions), `tokens` (numbers and units), `predicates`
  (the words between subject and number), `subjects` (the indicator), `kinds` (the kind of
  figure and its text in the grammar of `ezplan.figures`), `context` (the year or period, from
  the clause up to the heading), `tables` (table rows), `ratios` (三次产业结构 a:b:c, one figure
  a sector), `relations` (lists sharing a verb, 折合, 其中); `statements` puts them together;
- drafting: `indicators` (figures → indicators, units, parts), `ids` (readable ids), `draft`
  (figures into slots of the two files), `tidy` (what makes the drafts load);
- `evaluate`: precision and recall against hand-made gold.

`extract(path)` does it all; `document_json` is the stable machine interface of `ezplan extract
--format json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ezplan.extract.draft import Draft, build_draft
from ezplan.extract.found import KINDS, Found, Reading
from ezplan.extract.notes import note_id, shown
from ezplan.extract.readers import DocumentError, read_document
from ezplan.extract.statements import read_source
from ezplan.extract.yaml_out import dump
from ezplan.i18n import Message

__all__ = [
    "KINDS",
    "DocumentError",
    "Extraction",
    "Found",
    "document_json",
    "draft_texts",
    "extract",
    "figure_json",
    "summary",
    "write_drafts",
]


@dataclass
class Extraction:
    reading: Reading
    draft: Draft

    @property
    def figures(self) -> list[Found]:
        return self.reading.figures


def extract(
    path: str | Path, out_dir: str | Path | None = None, display: str | None = None
) -> Extraction:
    """Read a document and draft its plan files (raises DocumentError on unreadable input)."""
    source = read_document(path, display)
    reading = read_source(source)
    return Extraction(reading, build_draft(reading, out_dir))


def _period(f: Found) -> str | None:
    if f.period is None:
        return None
    a, b = f.period
    return f"{a}-{b}" if a != b else str(a)


def figure_json(f: Found) -> dict[str, Any]:
    return {
        "indicator": f.indicator,
        "kind": f.kind,
        "value": f.value,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "year": f.year,
        "period": _period(f),
        "constant_prices": f.constant_prices,
        "quote": f.quote,
        "line": f.line,
        "column": f.column,
        "placed": f.placed,
        "review": f.review,
        "text": f.text,
        "role": f.role,
        "direction": f.direction,
        "of": f.of,
        "part_of": f.part_of,
        "id": f.id,
        "inferred": bool(f.inferred),
    }


def summary(x: Extraction) -> dict[str, Any]:
    figs = x.figures
    placed = [f for f in figs if f.placed]
    return {
        "sentences": x.reading.sentences,
        "figures": len(figs),
        "placed": len(placed),
        "left_for_review": len(figs) - len(placed),
        "placed_with_review": sum(1 for f in placed if f.review),
        "skipped_numbers": len(x.reading.skipped),
        "by_kind": {k: sum(1 for f in figs if f.kind == k) for k in KINDS},
    }


def document_json(x: Extraction) -> dict[str, Any]:
    """`ezplan extract --format json`: {"document", "figures", "summary", "skipped"}."""
    r = x.reading
    return {
        "document": {
            "path": r.source.path,
            "format": r.source.format,
            "encoding": r.source.encoding,
            "title": r.source.title,
            "line_unit": r.source.line_unit,
            "year": r.doc_year,
            "plan_period": f"{r.plan[0]}-{r.plan[1]}" if r.plan else None,
        },
        "figures": [figure_json(f) for f in x.figures],
        "summary": summary(x),
        "skipped": [
            {
                "line": k.line,
                "column": k.column,
                "text": k.text,
                "reason": shown(k.reason),
                "code": _skip_code(k.reason),
                "quote": k.quote,
            }
            for k in r.skipped
        ],
    }


def _skip_code(reason: str) -> str | None:
    """A skipped number's reason as a stable code ("rank", "ratio" …), for tools to filter on:
    the reason's text follows --lang."""
    nid = note_id(reason)
    return nid.removeprefix("extract.skip.") if nid else None


def draft_texts(x: Extraction) -> tuple[str, str]:
    """(baselines.yaml, targets.yaml) as text."""
    doc = x.reading.source.path
    b = Message("extract.header", file="baselines.yaml", document=doc).text()
    t = Message("extract.header", file="targets.yaml", document=doc).text()
    return b + "\n" + dump(x.draft.baselines), t + "\n" + dump(x.draft.targets)


def write_drafts(x: Extraction, out_dir: str | Path) -> tuple[Path, Path]:
    from ezplan.output import write_atomic

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    b, t = draft_texts(x)
    bp, tp = out / "baselines.yaml", out / "targets.yaml"
    write_atomic(bp, b)
    write_atomic(tp, t)
    return bp, tp
