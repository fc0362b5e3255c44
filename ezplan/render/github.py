"""GitHub Actions workflow commands: one annotation per finding, on its file and line.

`::error file=F,line=L,col=C,title=T::message` (warning and notice for the other severities).
Data escapes % CR LF; properties also escape : and ,. Paths are relative to the root of the git
repository (where GitHub resolves them, whatever directory ezplan runs in) with no leading ./,
and the message repeats the location so that the raw log reads well too.
"""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path

from ezplan.errors import printable
from ezplan.findings import Finding, Severity
from ezplan.report import Run
from ezplan.rules import title

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def escape_data(text: str) -> str:
    """% CR LF as GitHub decodes them; any other control character, bidi control or undecodable
    byte of a path as a visible escape (\\x1b), so that no line of the log is more than one."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def clean_path(path: str) -> str:
    """A finding's file as code-scanning tools want it: relative to the root of the git
    repository it is in (GitHub resolves annotations and SARIF locations from there), else to
    the working directory; no leading ./"""
    p = Path(path)
    with contextlib.suppress(OSError, ValueError):
        absolute = p if p.is_absolute() else Path.cwd() / p
        root = _repository_root(absolute.parent)
        if root is not None:
            return os.path.relpath(absolute, root).replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


@functools.cache
def _repository_root(directory: Path) -> Path | None:
    for d in (directory, *directory.parents):
        if (d / ".git").exists():
            return d
    return None


def annotation(f: Finding, lang: str) -> str:
    path = clean_path(f.mark.file)
    props = ",".join(
        f"{k}={escape_property(v)}"
        for k, v in (
            ("file", path),
            ("line", str(f.mark.line)),
            ("col", str(f.mark.column)),
            ("title", f"ezplan {f.check}: {title(f.check, lang)}"),
        )
    )
    text = f"{path}:{f.mark.line}:{f.mark.column}: [{f.check}] {f.message(lang)}"
    return f"::{COMMAND[f.severity]} {props}::{escape_data(text)}"


def render(run: Run, lang: str) -> str:
    lines = [annotation(f, lang) for f in run.findings]
    lines.append(printable(run.summary_line(lang)))
    return "\n".join(lines) + "\n"
