"""`ezplan extract` (a document → draft plan files) and `ezplan scan` (many documents → one
table of contradictions). Thin: the work is in `ezplan.extract` and `ezplan.scan`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ezplan.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, codes, console, fail
from ezplan.errors import InputError
from ezplan.i18n import LANGS, default_lang

if TYPE_CHECKING:
    from ezplan.extract import Extraction
    from ezplan.scan import ScanRun


@click.command()
@click.argument("document", type=click.Path(dir_okay=True))
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False),
    help="Write draft baselines.yaml and targets.yaml into DIR.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="yaml: the drafts (to stdout unless --out); json: every figure found, one document.",
)
@click.option("--force", is_flag=True, help="Overwrite plan files already in --out.")
def extract(document: str, out: str | None, fmt: str, force: bool) -> None:
    """Find the quantified statements in DOCUMENT and draft the plan files.

    DOCUMENT is .txt, .md, .html, .docx or a .pdf with a text layer (UTF-8, or GB18030/GBK).
    Every figure keeps its sentence and line; every guess gets a review: note. A closing summary
    (on stderr when stdout carries the drafts or JSON) lists what could not be placed.
    """
    from ezplan.extract import DocumentError, document_json, draft_texts, write_drafts
    from ezplan.extract import extract as run_extract

    if out is not None and not force:
        existing = [n for n in ("baselines.yaml", "targets.yaml") if (Path(out) / n).exists()]
        if existing:
            click.echo(
                f"{Path(out) / existing[0]}: already exists; use --force to overwrite it", err=True
            )
            sys.exit(EXIT_USAGE)
    try:
        x = run_extract(document, out)
    except DocumentError as e:
        click.echo(str(e), err=True)
        sys.exit(EXIT_USAGE)
    if out is not None:
        try:
            write_drafts(x, out)
        except OSError as e:
            click.echo(f"{out}: cannot write the drafts: {e.strerror or e}", err=True)
            sys.exit(EXIT_USAGE)
    if fmt == "json":
        click.echo(json.dumps(document_json(x), ensure_ascii=False, indent=2))
        click.echo(_summary_text(x, out), err=True, nl=False)
    elif out is None:
        b, t = draft_texts(x)
        click.echo("# --- baselines.yaml ---\n" + b + "\n# --- targets.yaml ---\n" + t, nl=False)
        click.echo(_summary_text(x, out), err=True, nl=False)
    else:
        click.echo(_summary_text(x, out), nl=False)
    sys.exit(EXIT_OK)


def _summary_text(x: Extraction, out: str | None) -> str:
    from ezplan.extract import summary

    s = summary(x)
    lines = []
    left = [f for f in x.figures if not f.placed]
    for f in left:
        quote = f.quote if len(f.quote) <= 80 else f.quote[:77] + "…"
        lines.append(f"  {x.reading.source.path}:{f.line}:{f.column}: {f.text} — {f.review}")
        lines.append(f"      「{quote}」")
    head = []
    if out is not None:
        head.append(f"wrote {Path(out) / 'baselines.yaml'} and {Path(out) / 'targets.yaml'}")
    if left:
        head.append("left for review (not in the drafts):")
    tail = (
        f"{s['sentences']} sentence(s) read, {s['figures']} figure(s) found, {s['placed']} "
        f"placed ({s['placed_with_review']} with a review note), {s['left_for_review']} left "
        "for review"
    )
    return "\n".join([*head, *lines, tail]) + "\n"


SCAN_FORMATS = ["text", "json", "jsonl", "sarif"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(SCAN_FORMATS),
    default="text",
    show_default=True,
    help="text: one table of the contradictions; json/jsonl/sarif: as `check`, each finding "
    "with its document and document_line.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write the report to FILE (atomically) instead of stdout.",
)
@click.option("--drafts", type=click.Path(file_okay=False), help="Keep the drafts in DIR/<name>/.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Documents processed at once.")
@click.option(
    "--show",
    type=click.Choice(["error", "warning", "note"]),
    default="error",
    show_default=True,
    help="The least severe finding the text table lists (machine formats list all).",
)
@click.option("--lang", type=click.Choice(LANGS), default=None, help="Language of messages.")
@click.option("--select", help="Only these rules (comma-separated codes).")
@click.option("--ignore", help="Also skip these rules (comma-separated codes).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when contradictions are found.")
@click.option("--no-color", is_flag=True, help="No colours (NO_COLOR is honoured too).")
def scan(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    drafts: str | None,
    jobs: int | None,
    show: str,
    lang: str | None,
    select: str | None,
    ignore: str | None,
    exit_zero: bool,
    no_color: bool,
) -> None:
    """Extract and check every document in PATHS (files, or folders searched for .txt, .md,
    .html, .docx and .pdf) and list the contradictions found, each with its document and line.

    Exit 0 when no finding is an error, 1 when one is, 2 when a document could not be read.
    """
    from ezplan import rules
    from ezplan.config import find_config
    from ezplan.scan import find_documents
    from ezplan.scan import scan as run_scan

    try:
        config = find_config()
        documents = find_documents(paths)
    except InputError as e:
        fail(e)
    if not documents:
        click.echo(f"{paths[0]}: no document (.txt, .md, .html, .docx, .pdf) found", err=True)
        sys.exit(EXIT_USAGE)
    try:
        chosen = rules.select(
            codes(select) or config.select or None, [*config.ignore, *codes(ignore)]
        )
    except KeyError as e:
        known = ", ".join(r.code for r in rules.all_rules())
        raise click.UsageError(f"unknown rule code(s): {e.args[0]}; known: {known}") from None
    lang = lang or config.lang or default_lang()
    selected = [r.code for r in chosen]
    result = _run_with_progress(run_scan, documents, jobs, drafts, selected)
    for d in result.documents:
        if d.error is not None:
            click.echo(f"{d.error[0]}: {d.error[1]}", err=True)
    text = _render(result, fmt, lang, show, no_color, output is not None)
    if output is not None:
        from ezplan.output import write_atomic

        write_atomic(output, text or "")
    elif text is not None:
        click.echo(text, nl=False)
    run = result.run
    if run.unreadable:
        sys.exit(EXIT_USAGE)
    worst = run.worst
    from ezplan.findings import Severity

    if worst is not None and worst >= Severity.ERROR and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _run_with_progress(
    run_scan: Any, documents: list[Path], jobs: int | None, drafts: str | None, selected: list[str]
) -> ScanRun:
    if not (sys.stderr.isatty() and len(documents) > 1):
        return run_scan(documents, jobs, drafts, selected)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("scanning"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        transient=True,
        console=console(False),
    ) as bar:
        task = bar.add_task("", total=len(documents))

        def step(r: Any) -> None:
            bar.update(task, advance=1, description=Path(r.document).name)

        return run_scan(documents, jobs, drafts, selected, progress=step)


def _located_dicts(result: ScanRun, lang: str) -> list[dict[str, Any]]:
    from ezplan.render.json_out import finding_dict

    out = []
    for d in result.documents:
        r = d.result
        for i, f in enumerate(r.findings):
            loc = d.located[i] if i < len(d.located) else None
            item = finding_dict(f, lang) | {"plan": r.name}
            item["document"] = d.document
            item["document_line"] = loc.document_line if loc else None
            item["quote"] = loc.quote if loc else None
            if loc and loc.related:
                item["related_document_lines"] = [line for line, _ in loc.related]
            out.append(item)
    return out


def _render(
    result: ScanRun, fmt: str, lang: str, show: str, no_color: bool, to_file: bool
) -> str | None:
    if fmt == "json":
        from ezplan.render import json_out

        doc = json_out.document(result.run, lang)
        doc["findings"] = _located_dicts(result, lang)
        doc["summary"]["documents"] = [
            {
                "document": d.document,
                "figures": d.figures,
                "placed": d.placed,
                "drafts": d.drafts,
                "error": f"{d.error[0]}: {d.error[1]}" if d.error else None,
            }
            for d in result.documents
        ]
        return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if fmt == "jsonl":
        return "".join(
            json.dumps(f, ensure_ascii=False, allow_nan=False) + "\n"
            for f in _located_dicts(result, lang)
        )
    if fmt == "sarif":
        return _sarif(result, lang)
    import io

    if to_file:
        buf = io.StringIO()
        _table(result, lang, show, console(True, buf))
        return buf.getvalue()
    _table(result, lang, show, console(no_color))
    return None


def _sarif(result: ScanRun, lang: str) -> str:
    """check's SARIF, each result located in its document (the draft as a related location)."""
    from ezplan.render import sarif

    doc = sarif.document(result.run, lang)
    located = [
        (d, d.located[i] if i < len(d.located) else None)
        for d in result.documents
        for i in range(len(d.result.findings))
    ]
    for res, (d, loc) in zip(doc["runs"][0]["results"], located, strict=True):
        draft = res["locations"][0]
        props = res.setdefault("properties", {})
        props["document"] = d.document
        props["document_line"] = loc.document_line if loc else None
        if loc and loc.document_line:
            res["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": Path(d.document).as_posix()},
                        "region": {"startLine": loc.document_line},
                    }
                }
            ]
            res.setdefault("relatedLocations", []).append({"id": 0, **draft})
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _table(result: ScanRun, lang: str, show: str, con: Any) -> None:
    from rich.table import Table

    from ezplan.findings import Severity, summary

    table = Table(show_lines=True, title="Contradictions found" if lang == "en" else "发现的矛盾")
    for col in ("document", "line", "", "check", "indicator", "finding", "quote"):
        table.add_column(col, overflow="fold")
    marks = {Severity.ERROR: "✗ error", Severity.WARNING: "! warning", Severity.NOTE: "i note"}
    least = Severity[show.upper()]
    shown = 0
    for d in result.documents:
        r = d.result
        if r.report is None:
            continue
        names = {k: v.label(lang) for k, v in r.report.plan.indicators.items()}
        for i, f in enumerate(r.findings):
            if f.severity < least:
                continue
            loc = d.located[i] if i < len(d.located) else None
            quote = (loc.quote or "") if loc else ""
            if len(quote) > 70:
                quote = quote[:67] + "…"
            where = str(loc.document_line) if loc and loc.document_line else ""
            others = sorted({n for n, _ in (loc.related if loc else []) if n and str(n) != where})
            if others:
                where += " ↔ " + ", ".join(str(n) for n in others)
            table.add_row(
                Path(d.document).name,
                where,
                marks[f.severity],
                f.check,
                names.get(f.indicator or "", f.indicator or ""),
                f.message(lang),
                quote,
            )
            shown += 1
    if shown:
        con.print(table)
    counts = summary(result.run.findings)
    figures = sum(d.figures for d in result.documents)
    placed = sum(d.placed for d in result.documents)
    unread = sum(1 for d in result.documents if d.error is not None)
    con.print(
        f"{len(result.documents)} document(s), {figures} figure(s) found, {placed} placed; "
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['note']} note(s)"
        + (f"; {unread} document(s) could not be read" if unread else "")
    )
