"""`ezplan extract` (a document → draft plan files) and `ezplan scan` (many documents → one
table of contradictions). Thin: the work is in `ezplan.extract` and `ezplan.scan`."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

import click

from ezplan.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, console, dash_is_stdout, fail
from ezplan.cli.localized import Choice, Command, IntRange, Path, choose_lang
from ezplan.errors import InputError, os_reason, printable
from ezplan.i18n import LANGS, colon, counted, t
from ezplan.render.wrap import cells, wrap

if TYPE_CHECKING:
    from ezplan.extract import Extraction
    from ezplan.scan import ScanRun


@click.command(cls=Command)  # help texts: cmd.extract, opt.extract.*, opt.lang (ezplan.i18n.cli)
@click.argument("document", type=Path(dir_okay=True))
@click.option("--out", "out", type=Path(file_okay=False), metavar="DIR")
@click.option("--format", "fmt", type=Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("--force", is_flag=True)
@click.option("--lang", type=Choice(LANGS), default=None)
def extract(document: str, out: str | None, fmt: str, force: bool, lang: str | None) -> None:
    """`ezplan extract DOCUMENT`: draft plan files from a plan's own document."""
    from ezplan.extract import DocumentError, document_json, draft_texts, write_drafts
    from ezplan.extract import extract as run_extract

    lang = choose_lang(lang)
    if out is not None and not force:
        existing = [n for n in ("baselines.yaml", "targets.yaml") if (FilePath(out) / n).exists()]
        if existing:
            shown = printable(str(FilePath(out) / existing[0]))
            click.echo(t("cli.extract_exists", lang, path=shown), err=True)
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
            reason = os_reason(e).text(lang)
            click.echo(
                t("cli.cannot_write_drafts", lang, path=printable(out), reason=reason), err=True
            )
            sys.exit(EXIT_USAGE)
    if fmt == "json":
        click.echo(json.dumps(document_json(x), ensure_ascii=False, indent=2))
        click.echo(_summary_text(x, out, lang), err=True, nl=False)
    elif out is None:
        b, tg = draft_texts(x)
        click.echo("# --- baselines.yaml ---\n" + b + "\n# --- targets.yaml ---\n" + tg, nl=False)
        click.echo(_summary_text(x, out, lang), err=True, nl=False)
    else:
        click.echo(_summary_text(x, out, lang), nl=False)
    sys.exit(EXIT_OK)


def _summary_text(x: Extraction, out: str | None, lang: str) -> str:
    from ezplan.extract import summary

    s = summary(x)
    lines = []
    left = [f for f in x.figures if not f.placed]
    width = max(40, shutil.get_terminal_size((80, 24)).columns)
    for f in left:
        # the part of a long sentence around the figure, every line within the terminal and
        # no figure cut across two
        quote = quote_window(f.quote, f.text, 80)
        where = f"{x.reading.source.path}:{f.line}:{f.column}"
        said = wrap(f"{f.text} — {f.review_in(lang)}", width - 6)
        if cells(f"  {where}: {said[0]}") <= width:
            lines.append(f"  {where}: {said[0]}")
        else:
            lines += [f"  {where}:", f"      {said[0]}"]
        lines += [f"      {line}" for line in said[1:]]
        lines += [f"      {line}" for line in wrap(f"「{quote}」", width - 6)]
    head = []
    if out is not None:
        b, tg = (str(FilePath(out) / n) for n in ("baselines.yaml", "targets.yaml"))
        head.append(t("cli.wrote_drafts", lang, baselines=b, targets=tg))
    if left:
        head.append(t("cli.left_for_review", lang))
    tail = t(
        "cli.extract_summary",
        lang,
        sentences=counted(s["sentences"], "sentence", lang),
        figures=counted(s["figures"], "figure", lang),
        placed=s["placed"],
        reviewed=s["placed_with_review"],
        left=s["left_for_review"],
    )
    head = [line for text in head for line in wrap(text, width)]
    return "\n".join([*head, *lines, *wrap(tail, width)]) + "\n"


SCAN_FORMATS = ["text", "json", "jsonl", "sarif"]


@click.command(cls=Command)  # help texts: cmd.scan, opt.scan.*, opt.* (ezplan.i18n.cli)
@click.argument("paths", nargs=-1, required=True, type=Path())
@click.option("--format", "fmt", type=Choice(SCAN_FORMATS), default="text", show_default=True)
@click.option("--output", "-o", type=Path(dir_okay=False), metavar="FILE", callback=dash_is_stdout)
@click.option("--drafts", type=Path(file_okay=False), metavar="DIR")
@click.option("--jobs", "-j", type=IntRange(min=1))
@click.option(
    "--show", type=Choice(["error", "warning", "note"]), default="error", show_default=True
)
@click.option("--lang", type=Choice(LANGS), default=None)
@click.option("--select")
@click.option("--ignore")
@click.option("--exit-zero", is_flag=True)
@click.option("--no-color", is_flag=True)
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
    """`ezplan scan PATHS`: extract and check many documents; one table of contradictions."""
    from ezplan.cli.check import select_rules
    from ezplan.config import find_config
    from ezplan.scan import find_documents
    from ezplan.scan import scan as run_scan

    choose_lang(lang)
    try:
        config = find_config()
        lang = choose_lang(lang, config.lang)
        documents = find_documents(paths)
    except InputError as e:
        fail(e)
    if not documents:
        click.echo(t("cli.no_document", lang, path=printable(paths[0])), err=True)
        sys.exit(EXIT_USAGE)
    chosen = select_rules(select, ignore, config.select, config.ignore)
    selected = [r.code for r in chosen]
    result = _run_with_progress(run_scan, documents, jobs, drafts, selected, lang)
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
    run_scan: Any,
    documents: list[FilePath],
    jobs: int | None,
    drafts: str | None,
    selected: list[str],
    lang: str,
) -> ScanRun:
    if not (sys.stderr.isatty() and len(documents) > 1):
        return run_scan(documents, jobs, drafts, selected)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn(t("cli.scanning", lang)),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        transient=True,
        console=console(False),
    ) as bar:
        task = bar.add_task("", total=len(documents))

        def step(r: Any) -> None:
            bar.update(task, advance=1, description=FilePath(r.document).name)

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


SCAN_COLUMNS = ("document", "line", "", "check", "indicator", "finding", "quote")


def _scan_widths(rows: list[list[str]], heads: list[str], width: int) -> list[int] | None:
    """Column widths for the scan table at `width`, every cell wrapped and nothing cut — a
    figure, a rule code, a word never split; None when the table would not fit, so that each
    finding becomes a block."""
    if not rows:
        return None
    # document, line, mark, check and indicator as wide as their widest unbreakable piece
    # (document and indicator names wrap, up to 12 cells); the rest to finding and quote
    fixed = []
    for j in range(5):
        col = [r[j] for r in rows]
        whole = max([cells(heads[j])] + [cells(c) for c in col])
        fixed.append(whole if j in (1, 2, 3) else max(_widest_piece(col), min(whole, 12)))
    room = width - sum(fixed) - (3 * len(heads) + 1)  # borders and padding
    need_finding = max(FINDING_MIN, _widest_piece([r[5] for r in rows]))
    need_quote = max(QUOTE_MIN, _widest_piece([r[6] for r in rows]))
    if room < need_finding + need_quote:
        return None
    finding = max(need_finding, room * 3 // 5)
    quote = room - finding
    if quote < need_quote:
        finding, quote = room - need_quote, need_quote
    return [*fixed, finding, quote]


def _wrap_document(name: str, width: int) -> list[str]:
    """A document's file name wrapped with its extension whole (``自治州.md``, never ``.`` /
    ``md``)."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or cells(ext) >= width:
        return wrap(name, width)
    lines = wrap(stem, width)
    if cells(lines[-1] + dot + ext) <= width:
        lines[-1] += dot + ext
    else:
        lines.append(dot + ext)
    return lines


def _scan_block(row: list[str], lang: str, width: int) -> list[str]:
    """One finding as lines: mark, document:line, rule, indicator; then the message and the
    quote, wrapped and indented (the view of check's findings)."""
    document, where, mark, check, indicator, message, quote = row
    place = f"{document}:{where}" if where else document
    head = f"{mark}  {place}  {check}"
    lines = []
    if cells(f"{head}  {indicator}") <= width:
        lines.append(f"{head}  {indicator}" if indicator else head)
    else:
        lines.extend(wrap(head, width))
        if indicator:
            lines.extend("  " + x for x in wrap(indicator, max(20, width - 2)))
    lines.extend("    " + x for x in wrap(message, max(20, width - 4)))
    if quote:
        said = f"{t('scan.quote', lang)}{colon(lang)}{quote}"
        lines.extend("    " + x for x in wrap(said, max(20, width - 4)))
    return lines


def _sarif(result: ScanRun, lang: str) -> str:
    """check's SARIF, each result located in its document. Where the drafts were kept
    (--drafts), the draft is a related location and so are the related figures' places in
    it; otherwise the drafts are gone, and the related figures are located in the document
    (a draft's name, baselines.yaml, would point a code-scanning tool at the repository's own)."""
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
        where = FilePath(d.document).as_posix()
        if loc and loc.document_line:
            res["locations"] = [_in_document(where, loc.document_line)]
            if d.drafts is not None:
                res.setdefault("relatedLocations", []).append({"id": 0, **draft})
        elif d.drafts is None:  # on no line of the document (a note on the whole draft)
            res["locations"] = [_in_document(where, None)]
        if d.drafts is None and "relatedLocations" in res:
            lines = [line for line, _ in loc.related] if loc else []
            related = [
                {"id": k, **_in_document(where, line)}
                for k, line in enumerate(lines, 1)
                if line is not None
            ]
            if related:
                res["relatedLocations"] = related
            else:
                del res["relatedLocations"]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _in_document(document: str, line: int | None) -> dict:
    """A location in the document: at a line, or (None) the document as a whole."""
    where: dict = {"artifactLocation": {"uri": document}}
    if line is not None:
        where["region"] = {"startLine": line}
    return {"physicalLocation": where}


QUOTE_LIMIT = 120  # characters of a quote shown around the figure a finding is about
FINDING_MIN, QUOTE_MIN = 30, 20  # below these the table gives way to one block per finding
_FIGURE_IN_MESSAGE = re.compile(r"\d[\d,.]*(?:%|倍|个百分点|[十百千万亿]*(?:美元|元))?")


def quote_window(quote: str, message: str, limit: int = QUOTE_LIMIT) -> str:
    """A long quote cut to `limit` characters around the first figure of the finding's message
    that it contains (the figure the finding is about), marked … where cut; a short quote as
    it is."""
    if len(quote) <= limit:
        return quote
    at = -1
    for m in _FIGURE_IN_MESSAGE.finditer(message):
        at = quote.find(m.group())
        if at >= 0:
            break
    if at < 0:
        return quote[: limit - 1] + "…"
    start = max(0, min(at - limit // 3, len(quote) - limit))
    end = start + limit
    return ("…" if start else "") + quote[start:end] + ("…" if end < len(quote) else "")


def _widest_piece(texts: list[str]) -> int:
    """The widest part of any of `texts` that a line break may not cut (a figure, a word)."""
    return max((cells(p) for text in texts for p in wrap(text, 1)), default=1)


def _table(result: ScanRun, lang: str, show: str, con: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    from ezplan.findings import Severity, summary

    marks = {
        Severity.ERROR: f"✗ {t('error', lang)}",
        Severity.WARNING: f"! {t('warning', lang)}",
        Severity.NOTE: f"i {t('note', lang)}",
    }
    least = Severity[show.upper()]
    rows: list[list[str]] = []  # document, line, mark, check, indicator, finding, quote
    for d in result.documents:
        r = d.result
        if r.report is None:
            continue
        names = {k: v.label(lang) for k, v in r.report.plan.indicators.items()}
        for i, f in enumerate(r.findings):
            if f.severity < least:
                continue
            loc = d.located[i] if i < len(d.located) else None
            message = printable(f.message(lang, glued=True))
            # the finding's own sentence, and the other sentences whose figures it compares
            quotes = [loc.quote or "" if loc else ""]
            quotes += [q for _, q in (loc.related if loc else []) if q and q not in quotes]
            quote = "\n".join(printable(quote_window(q, message)) for q in quotes if q)
            where = str(loc.document_line) if loc and loc.document_line else ""
            others = sorted({n for n, _ in (loc.related if loc else []) if n and str(n) != where})
            if others:
                where += " ↔ " + ", ".join(str(n) for n in others)
            rows.append(
                [
                    printable(FilePath(d.document).name),
                    where,
                    marks[f.severity],
                    f.check,
                    printable(names.get(f.indicator or "", f.indicator or "")),
                    message,
                    quote,
                ]
            )
    heads = [t(f"scan.{c}", lang) if c else "" for c in SCAN_COLUMNS]
    widths = _scan_widths(rows, heads, con.width)
    # notes shown with --show note are no contradictions: the title says what the rows are
    title = t("scan.title" if show != "note" else "findings", lang)
    if rows and widths is None:  # too narrow for a table: one block per finding
        con.print(Text(title, style="bold"))
        for row in rows:
            con.print(Text("\n".join(_scan_block(row, lang, con.width))))
    elif rows and widths is not None:
        table = Table(show_lines=True, title=title)
        for head, w in zip(heads, widths, strict=True):
            table.add_column(head, width=w, no_wrap=True)
        for row in rows:
            cells_ = [_wrap_document(row[0], widths[0])]
            cells_ += [wrap(c, w) for c, w in zip(row[1:], widths[1:], strict=True)]
            table.add_row(*(Text("\n".join(lines)) for lines in cells_))
        con.print(table)
    counts = summary(result.run.findings)
    figures = sum(d.figures for d in result.documents)
    placed = sum(d.placed for d in result.documents)
    unread = sum(1 for d in result.documents if d.error is not None)
    line = t(
        "scan.summary",
        lang,
        documents=counted(len(result.documents), "document", lang),
        figures=counted(figures, "figure", lang),
        placed=placed,
        errors=counted(counts["error"], "error", lang),
        warnings=counted(counts["warning"], "warning", lang),
        notes=counted(counts["note"], "note", lang),
    )
    hidden = counts["warning"] + counts["note"] if show == "error" else counts["note"]
    if show != "note" and hidden:
        line += t("scan.shown", lang, shown=marks[least])
    unread_text = counted(unread, "document", lang)
    line += t("scan.unread", lang, unread=unread_text) if unread else ""
    if lang == "zh":  # as check's summary: whole clauses, never 0 / 个错误 or 30 / 1
        from ezplan.render.wrap import wrap_clauses

        con.print(Text("\n".join(wrap_clauses(line, max(20, con.width)))))
    else:
        con.print(line)
