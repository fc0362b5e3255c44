"""One JSON document per run: a summary and every finding, with the numbers behind it.

Every JSON ezplan writes goes through `dumps`: valid UTF-8 whatever the paths (the bytes of a
file name that is not UTF-8 are written as the text ``\\xff``), never NaN or Infinity (an open
end is null), and no raw control, bidirectional or line-separator character (they
are written as ``\\u`` escapes, which read back as the same text).

Indented documents are written by orjson when the ``fast`` extra is installed (the layout of
``json.dumps(indent=2)``, at a tenth of the time of its pure-Python encoder), else by the
stdlib; compact ones by the stdlib's C encoder.
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ezplan import __version__, fmt
from ezplan.errors import InputError, printable
from ezplan.findings import Fields, Finding, steps_in, summary
from ezplan.report import PlanResult, Run, Tally, TargetRow
from ezplan.rules import title
from ezplan.verdicts import reason_text


def finding_dict(f: Finding, lang: str, keep_long: bool = False) -> dict[str, Any]:
    """A finding as JSON data. `keep_long`: a list of thousands (`_long`) kept as it is, for
    `_long_item` to write a piece at a time."""
    out: dict[str, Any] = {
        "check": f.check,
        "title": title(f.check, lang),
        "severity": f.severity.label,
        "indicator": f.indicator,
        "file": f.mark.file,
        "line": f.mark.line,
        "column": f.mark.column,
        "scope": f.scope,
        "message": f.message(lang),
    }
    for key, value in f.data.items():
        out.setdefault(key, value if keep_long and _long(value) else plain(value))
    out["related"] = f.related if keep_long and _long(f.related) else [str(m) for m in f.related]
    out["steps"] = steps_in(f, "en")
    return out


LONG = 1024
"""A list of more items than this in a finding is written a piece at a time: the note of a search
stopped short names every figure of its group (250,000 at 100,000 generated indicators), whose
records, made plain and encoded as one string, were ~150 MiB at the JSON's peak."""


def _long(value: Any) -> bool:
    return type(value) in (list, tuple) and len(value) > LONG


def _finding_parts(pairs: Sequence[tuple[Finding, str]], lang: str, depth: int) -> Iterator[str]:
    """The items of a list of findings (each with its plan's name) `depth` levels deep, as
    `_list_parts` writes them: `_CHUNK` findings an encoder call, and a finding with a long list
    a piece at a time."""
    batch: list[dict[str, Any]] = []
    first = 0
    for i, (f, name) in enumerate(pairs):
        d = finding_dict(f, lang, keep_long=True) | {"plan": name}  # its data read once
        if any(_long(v) for k, v in d.items() if k != "steps"):
            if batch:
                yield _items(batch, depth, first)
                batch = []
            yield from _long_item(d, depth, i)
            continue
        if not batch:
            first = i
        batch.append(d)
        if len(batch) == _CHUNK:
            yield _items(batch, depth, first)
            batch = []
    if batch:
        yield _items(batch, depth, first)


def _long_item(d: dict[str, Any], depth: int, index: int) -> Iterator[str]:
    """`_item(d, depth, index)` with each long list of `d` written `_CHUNK` items a piece: the
    rest encoded with a placeholder in each one's place, then cut there."""
    long = {k: v for k, v in d.items() if _long(v)}
    marks = {k: f"@@ezplan-long-{n}@@" for n, k in enumerate(long)}
    text = _item(d | marks, depth, index)
    for key, values in long.items():
        before, text = text.split(f'"{marks[key]}"', 1)
        yield before
        yield from _list_parts(values, str if key == "related" else plain, depth + 2)
    yield text


def target_dict(row: TargetRow, lang: str) -> dict[str, Any]:
    reason = None
    if row.reason is not None:
        reason = {"code": row.reason.code, "message": reason_text(row, lang)}
    return {
        "indicator": row.indicator,
        "name": row.name,
        "base_year": row.base_year,
        "end_year": row.end_year,
        "base": row.base.text if row.base else None,
        "target": [s.text for s in row.target],
        "cumulative": row.cumulative,
        "stated_rate": row.stated_rate.text if row.stated_rate else None,
        "stated_total": row.stated_total.text if row.stated_total else None,
        "implied_rate": fmt.json_number(row.implied_rate) if row.implied_rate is not None else None,
        "implied_rate_bound": row.implied_bound,
        "stated_change": row.stated_change.text if row.stated_change else None,
        "implied_points": fmt.json_number(row.implied_points)
        if row.implied_points is not None
        else None,
        "verdict": row.status,
        "checks": list(row.checks),
        "reason": reason,
    }


def _plan_summary(result: PlanResult, lang: str, rows: bool = True) -> dict[str, Any]:
    """`rows`: the plan's targets as they are (else an empty list, for `render_parts` to fill)."""
    counts = summary(result.findings)
    out: dict[str, Any] = {
        "name": result.name,
        "errors": counts["error"],
        "warnings": counts["warning"],
        "notes": counts["note"],
    }
    if result.report is None:
        assert result.error is not None
        out["load_error"] = result.error.line(lang)
        return out
    plan = result.report.plan
    out |= {
        "plan": plan.name,
        "base_year": plan.base_year,
        "target_year": plan.target_year,
        "files": {"baselines": plan.baselines_file, "targets": plan.targets_file},
        "targets": [target_dict(r, lang) for r in result.report.rows] if rows else [],
    }
    return out


def findings(run: Run, lang: str) -> list[dict[str, Any]]:
    return [finding_dict(f, lang) | {"plan": r.name} for r in run.results for f in r.findings]


def document(run: Run, lang: str) -> dict[str, Any]:
    return {"summary": _summary(run, lang), "findings": findings(run, lang)}


def _summary(run: Run, lang: str, rows: bool = True) -> dict[str, Any]:
    counts = summary(run.findings)
    plans = [_plan_summary(r, lang, rows) for r in run.results]
    head: dict[str, Any] = {"tool": "ezplan", "version": __version__}
    if len(plans) == 1 and "plan" in plans[0]:
        only = plans[0]
        head |= {k: only[k] for k in ("plan", "base_year", "target_year", "files")}
    head |= {
        "errors": counts["error"],
        "warnings": counts["warning"],
        "notes": counts["note"],
        "text": run.summary_line(lang),
        "plans": plans,
    }
    if len(plans) == 1 and "targets" in plans[0]:
        head["targets"] = plans[0]["targets"]
    return head


# JSON escapes C0 controls itself; these it would write as they are.
_RAW_RE = re.compile("[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def plain(value: Any) -> Any:
    """`value` as plain JSON data: numpy numbers as Python ones, NaN as null, infinities as
    null, strings with the undecodable bytes of a path escaped."""
    kind = type(value)
    if kind is float:  # the common kinds by their exact type, before the slower checks
        return value if math.isfinite(value) else None
    if kind is int or kind is bool or value is None:
        return value
    if isinstance(value, str):  # ASCII has no surrogates: no search
        return printable(value) if not value.isascii() and _SURROGATE_RE.search(value) else value
    if kind is dict:
        return {plain(k) if isinstance(k, str) else k: plain(v) for k, v in value.items()}
    if kind is list:
        return [plain(v) for v in value]
    keys = _FIELDS_KEYS.get(kind)
    if keys is None and isinstance(value, Fields):  # a class of finding's data not seen yet
        keys = _FIELDS_KEYS[kind] = _plain_keys(kind)
    if keys is not None:  # a finding's data: its keys are its class's
        return dict(zip(keys, map(plain, tuple.__iter__(value)), strict=True))
    if isinstance(value, Mapping):  # first: a finding's `Fields` is a tuple too
        return {plain(k) if isinstance(k, str) else k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and not hasattr(value, "dtype"):
        return value
    if isinstance(value, float) or hasattr(value, "dtype"):
        x = float(value)
        return x if math.isfinite(x) else fmt.json_number(x)
    return value


def _plain_keys(kind: type[Fields]) -> tuple[Any, ...]:
    """The keys of a class of `Fields`, as `plain` writes a mapping's keys."""
    return tuple(plain(k) if isinstance(k, str) else k for k in kind._keys)


# each class of `Fields` seen, its keys as `plain` writes them: found by the value's exact type,
# where `isinstance` would ask the Mapping ABC (a sixth of the values `plain` is given)
_FIELDS_KEYS: dict[type, tuple[Any, ...]] = {}


def dumps(value: Any, indent: int | None = None) -> str:
    """JSON text for `value` (see the module's docstring), without a final newline."""
    try:  # most documents are plain already: no walk over them before the encoder
        text = _encode(value, indent)
    except (TypeError, ValueError):  # numpy numbers, NaN, an infinity, a path's bad bytes
        text = _encode(plain(value), indent)
    return _RAW_RE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _encode(value: Any, indent: int | None) -> str:
    if indent == 2:
        try:
            import orjson
        except ImportError:  # the `fast` extra is not installed: the stdlib writes the same
            pass
        else:
            return _orjson(orjson, value)
    text = json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)
    if _SURROGATE_RE.search(text):
        raise ValueError("a lone surrogate")  # the bytes of a path: `plain` escapes them
    return text


def _orjson(orjson: Any, value: Any) -> str:
    """orjson's indented JSON. It refuses what `json.dumps` would (a numpy float, a lone
    surrogate, an object), and writes NaN and the infinities as null, as `plain` does."""
    options = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS
    options |= orjson.OPT_PASSTHROUGH_DATETIME
    try:
        return orjson.dumps(value, option=options).decode("utf-8")
    except orjson.JSONEncodeError as e:
        raise TypeError(str(e)) from None


def render(run: Run, lang: str) -> str:
    return "".join(render_parts(run, lang))


def render_parts(run: Run, lang: str) -> Iterator[str]:
    """`dumps(document(run, lang), indent=2)` and a newline, in pieces: the summary's head, then
    its target rows and the findings a few at a time, so that a plan of a hundred thousand
    indicators is written without its whole document in memory (a dict, then a string, of every
    row and finding: at 100,000 indicators the rows alone were some 300 MiB at once)."""
    head = _summary(run, lang, rows=False)  # each list of rows empty, for its rows to go in
    text = dumps({"summary": head, "findings": []}, indent=2)
    before, end = text.rsplit('"findings": []', 1)  # the last key: nothing after it but "}"
    # the rows' places, in the order they are written: each plan's (the last key of its item
    # of "plans"), then the summary's own, the last key of the summary (one plan alone)
    rows = [(r.report.rows, 5) for r in run.results if r.report is not None]
    if "targets" in head:
        rows.append((rows[0][0], 3))
    pieces = before.split('"targets": []')
    assert len(pieces) == len(rows) + 1  # a key's quotes in a string would be escaped
    for piece, (plan_rows, depth) in zip(pieces, rows, strict=False):
        yield piece + '"targets": '
        yield from _list_parts(plan_rows, lambda row: target_dict(row, lang), depth)
    yield pieces[-1] + '"findings": '
    found = [(f, r.name) for r in run.results for f in r.findings]
    if found:
        yield "["
        yield from _finding_parts(found, lang, 2)
        yield "\n  ]"
    else:
        yield "[]"
    yield end + "\n"


def _list_parts(items: Sequence[Any], make: Callable[[Any], Any], depth: int) -> Iterator[str]:
    """The list of `make(item)` for `items`, its items `depth` levels deep, as `dumps(indent=2)`
    writes it there: `_CHUNK` items a piece (never all of them made at once)."""
    if not items:
        yield "[]"
        return
    yield "["
    for i, chunk in _chunks(items, _CHUNK):
        yield _items([make(item) for item in chunk], depth, i)
    yield "\n" + "  " * (depth - 1) + "]"


def render_lines(run: Run, lang: str) -> str:
    """JSON Lines: one finding per line."""
    return "".join(lines_parts(run, lang))


def lines_parts(run: Run, lang: str) -> Iterator[str]:
    """`render_lines` a line at a time."""
    for r in run.results:
        for f in r.findings:
            yield _line(f, r.name, lang)


def _line(f: Finding, plan: str, lang: str) -> str:
    return dumps(finding_dict(f, lang) | {"plan": plan}) + "\n"


def lines_each(
    results: Iterable[PlanResult | PlanLines], lang: str, write: Callable[[str], object]
) -> Tally:
    """`render_lines`, a plan at a time as results come (each a result or its `plan_lines`).
    The run's tally."""
    tally = Tally()
    for r in results:
        part = r if isinstance(r, PlanLines) else plan_lines(r, lang)
        tally.merge(part.tally)
        write(part.text)
    return tally


@dataclass
class PlanLines:
    """A plan's lines of `render_lines`, laid out where the plan was checked (`plan_lines`), as
    `PlanJson` is for the document."""

    name: str
    error: InputError | None  # the plan could not be read (said on stderr by the caller)
    tally: Tally  # the plan's counts, for the exit code
    text: str


def plan_lines(result: PlanResult, lang: str) -> PlanLines:
    """`result`'s lines of `render_lines`."""
    tally = Tally()
    tally.add(result)
    text = "".join(_line(f, result.name, lang) for f in result.findings)
    return PlanLines(result.name, result.error, tally, text)


@dataclass
class PlanJson:
    """A plan's share of the document `render_each` writes, laid out where the plan was checked
    (`plan_json`, in a pool's worker): the parent copies text, which pickles in a fraction of the
    time the plan's findings would, instead of unpickling and writing them."""

    name: str
    error: InputError | None  # the plan could not be read (said on stderr by the caller)
    tally: Tally  # the plan's counts, for the document's head and the exit code
    summary: str  # its item of "plans", as `_item` writes it, without the comma before it
    findings: str  # its items of "findings", likewise
    n_findings: int


def plan_json(result: PlanResult, lang: str) -> PlanJson:
    """`result`'s share of `render_each`'s document."""
    tally = Tally()
    tally.add(result)
    found = "".join(_finding_parts([(f, result.name) for f in result.findings], lang, 2))
    summary_item = _item(_plan_summary(result, lang), 3, 0)
    return PlanJson(result.name, result.error, tally, summary_item, found, len(result.findings))


def render_each(
    results: Iterable[PlanResult | PlanJson], lang: str, write: Callable[[str], object]
) -> Tally:
    """`render` of a run of several plans, a plan at a time as results come (each a result or
    its `plan_json`): each plan's summary and findings are laid out as `render` lays them out
    and kept in temporary files, not in memory, until the totals that head the document are
    known. The run's tally."""
    tally = Tally()
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8") as plans,
        tempfile.TemporaryFile("w+", encoding="utf-8") as found,
    ):
        n_plans = n_found = 0
        for r in results:
            part = r if isinstance(r, PlanJson) else plan_json(r, lang)
            tally.merge(part.tally)
            plans.write(("," if n_plans else "") + part.summary)
            n_plans += 1
            if part.n_findings:
                found.write(("," if n_found else "") + part.findings)
                n_found += part.n_findings
        counts = tally.counts
        head = {"tool": "ezplan", "version": __version__}
        head |= {k: counts[k[:-1]] for k in ("errors", "warnings", "notes")}
        head["text"] = tally.summary_line(lang)
        text = dumps({"summary": head | {"plans": []}, "findings": []}, indent=2)
        before, after = text.split('"plans": []', 1)
        middle, end = after.split('"findings": []', 1)
        write(before + '"plans": ')
        _copy(plans, n_plans, 2, write)
        write(middle + '"findings": ')
        _copy(found, n_found, 1, write)
        write(end + "\n")
    return tally


def _item(value: Any, depth: int, index: int) -> str:
    """One element of a list `depth` levels deep, as `dumps(indent=2)` writes it there."""
    pad = "  " * depth
    return ("," if index else "") + "\n" + pad + dumps(value, indent=2).replace("\n", "\n" + pad)


def _items(values: list[Any], depth: int, index: int) -> str:
    """`_item` of each of `values`, the first at `index`, joined: the list written at once, as
    `dumps(indent=2)` writes a list, and its lines moved to `depth` (one call of the encoder,
    not one an item)."""
    text = dumps(values, indent=2)  # "[\n  item,\n  item\n]": the items one level deep
    return ("," if index else "") + text[1:-2].replace("\n", "\n" + "  " * (depth - 1))


_CHUNK = 32
"""Findings encoded at once by `plan_json`: the encoder called once for many (the bundled plan's
JSON −10%), never for all of a plan with a hundred thousand (their dicts would all be held)."""


def _chunks(items: Sequence[Any], size: int) -> Iterator[tuple[int, Sequence[Any]]]:
    """`items` `size` at a time, each with the index of its first."""
    for i in range(0, len(items), size):
        yield i, items[i : i + size]


def _copy(spool: Any, n: int, depth: int, write: Callable[[str], object]) -> None:
    """The list of `n` items held in `spool`, closed at `depth`, written a piece at a time."""
    if not n:
        write("[]")
        return
    spool.seek(0)
    write("[")
    while chunk := spool.read(1 << 20):
        write(chunk)
    write("\n" + "  " * depth + "]")
