"""Scan: for each document, extract → load the drafts → run the rules; many documents at once.

Orchestration only. Each document is extracted into draft plan files (in a temporary directory,
or under `drafts/<name>/` when asked to keep them), the drafts are checked like any plan, and each
finding is located back in the document: its mark points at the draft, and the figure it stands
on carries the document line (`line:` in the draft). Documents are processed in a process pool
when there are several; results come back in the documents' order.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ezplan.errors import InputError, Mark
from ezplan.extract.readers import SUFFIXES, DocumentError
from ezplan.findings import Finding
from ezplan.i18n import Message, current_lang, speaking
from ezplan.model import Plan, Stated
from ezplan.report import PlanResult, Report, Run

SKIP_DIRS = {"node_modules", "__pycache__", "site-packages", "venv", ".git"}


@dataclass
class Located:
    """Where a finding stands in the document: the line and sentence of its figure."""

    document_line: int | None
    quote: str | None
    related: list[tuple[int | None, str | None]] = field(default_factory=list)


@dataclass
class DocResult:
    """One document's outcome. Built in a worker process and sent back, so it holds plain data
    (an error as mark and message: exceptions with their own signature do not pickle; the
    message keeps both languages)."""

    document: str
    report: Report | None = None
    error: tuple[Mark, Message] | None = None
    located: list[Located] = field(default_factory=list)  # one per finding, in order
    figures: int = 0
    placed: int = 0
    drafts: str | None = None

    @property
    def result(self) -> PlanResult:
        if self.error is not None:
            return PlanResult(self.document, error=InputError(*self.error))
        return PlanResult(self.document, self.report)


@dataclass
class ScanRun:
    documents: list[DocResult]

    @property
    def run(self) -> Run:
        return Run([d.result for d in self.documents])


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Documents named, and those of a supported kind under the directories named."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
                for name in sorted(files):
                    if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."):
                        out.append(Path(root) / name)
        elif p.exists():
            out.append(p)
        else:
            raise InputError(Mark(str(raw), 1, 1), "plans.no_such_path")
    seen: set[Path] = set()
    unique = []
    for d in out:
        key = d.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


def stated_figures(plan: Plan) -> list[Stated]:
    """Every figure of a plan with its mark."""
    out: list[Stated] = []
    for lv in plan.levels:
        out.extend(lv.figures)
    for g in plan.growth:
        out.extend(s for s in (g.annual, g.total) if s is not None)
    for c in plan.cumulative:
        out.extend(c.amounts)
    for sh in plan.shares:
        out.append(sh.value)
    for pt in plan.points:
        out.append(pt.change)
    if plan.exchange_rate is not None:
        out.append(plan.exchange_rate)
    return out


def locate(plan: Plan, finding: Finding) -> Located:
    """The document line and quote of the figure a finding points at (exactly, or on its line
    of the draft), and of its related figures."""
    figs = stated_figures(plan)
    exact = {(s.mark.file, s.mark.line, s.mark.column): s for s in figs}
    by_line: dict[tuple[str, int], Stated] = {}
    for s in figs:
        by_line.setdefault((s.mark.file, s.mark.line), s)

    def find(m: Mark) -> Stated | None:
        return exact.get((m.file, m.line, m.column)) or by_line.get((m.file, m.line))

    s = find(finding.mark)
    related = []
    for m in finding.related:
        r = find(m)
        related.append((r.document_line, r.quote) if r else (None, None))
    if s is None:
        return Located(None, None, related)
    return Located(s.document_line, s.quote, related)


def _unfold(f: Finding, folder: str) -> Finding:
    """`f` with its positions in files of `folder` (as the loader names it) named by the
    files' names alone: its own, its related ones, and each "file" in its data (a
    contradiction's figures)."""
    prefixes = tuple(folder + sep for sep in {"/", os.sep})

    def name(file: str) -> str:
        return file[len(folder) + 1 :] if file.startswith(prefixes) else file

    def fix(m: Mark) -> Mark:
        return Mark(name(m.file), m.line, m.column)

    def fix_data(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {
                k: name(v) if k == "file" and isinstance(v, str) else fix_data(v)
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [fix_data(v) for v in value]
        return value

    return dataclasses.replace(
        f, mark=fix(f.mark), related=tuple(map(fix, f.related)), data=fix_data(f.data)
    )


def scan_one(
    document: str,
    drafts: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] = (),
    lang: str | None = None,
) -> DocResult:
    """Extract, check and locate one document. Never raises for bad input: an unreadable
    document or draft becomes the result's error. The drafts' review notes are in `lang` (the
    caller's language: a worker process does not inherit it)."""
    with speaking(lang or current_lang()):
        return _scan_one(document, drafts, select, ignore)


def _scan_one(
    document: str,
    drafts: str | None,
    select: list[str] | None,
    ignore: list[str],
) -> DocResult:
    from ezplan import rules
    from ezplan.extract import extract, write_drafts
    from ezplan.loader import display_path, load_plan
    from ezplan.report import report

    try:
        if drafts is not None:
            out = Path(drafts) / Path(document).stem
            x = extract(document, out)
            write_drafts(x, out)
            plan = load_plan(out)
            shown = None
        else:
            with tempfile.TemporaryDirectory(prefix="ezplan-scan-") as tmp:
                x = extract(document, tmp)
                write_drafts(x, tmp)
                plan = load_plan(tmp)
                # as the loader names the drafts' files: relative where the folder lies within
                # the working directory (a TMPDIR under a CI job's folder)
                shown = display_path(tmp)
        chosen = rules.select(select, list(ignore))
        rep = report(plan, chosen, intervals=False)  # its findings alone are read
    except DocumentError as e:
        mark = Mark(document, e.line or 1, e.column)
        return DocResult(document, error=(mark, Message.external(e.message)))
    except InputError as e:  # a draft that does not load: a bug to report, not a crash
        return DocResult(
            document, error=(e.mark, Message("plans.draft_does_not_load", problem=e.msg))
        )
    located = [locate(plan, f) for f in rep.findings]
    if shown is not None:  # the temporary drafts are gone: name them as extract would
        rep.findings[:] = [_unfold(f, shown) for f in rep.findings]
        plan.baselines_file = "baselines.yaml"
        plan.targets_file = "targets.yaml"
    placed = sum(1 for f in x.figures if f.placed)
    kept = str(Path(drafts) / Path(document).stem) if drafts is not None else None
    return DocResult(document, rep, None, located, len(x.figures), placed, kept)


def scan(
    documents: list[Path],
    jobs: int | None = None,
    drafts: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] = (),
    progress: Callable[[DocResult], None] | None = None,
) -> ScanRun:
    """Scan every document, in parallel where it pays; results in the documents' order."""
    names = [str(d) for d in documents]
    lang = current_lang()
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, len(names), 8)
    results: dict[str, DocResult] = {}
    if workers <= 1 or len(names) < 3:
        for n in names:
            results[n] = scan_one(n, drafts, select, list(ignore), lang)
            if progress:
                progress(results[n])
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {
                pool.submit(scan_one, n, drafts, select, list(ignore), lang): n for n in names
            }
            for fut in as_completed(futures):
                r = fut.result()
                results[futures[fut]] = r
                if progress:
                    progress(r)
    return ScanRun([results[n] for n in names])
