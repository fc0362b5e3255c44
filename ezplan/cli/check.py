"""`ezplan check`: every plan in the given paths, in the format CI or a person wants."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ezplan import rules
from ezplan.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, codes, console, fail
from ezplan.errors import InputError
from ezplan.findings import Severity
from ezplan.i18n import LANGS, default_lang
from ezplan.suggest import hint
from ezplan.verdicts import NOT_CHECKABLE

if TYPE_CHECKING:
    from ezplan.report import Run

FORMATS = ["auto", "text", "json", "jsonl", "github", "junit", "sarif"]


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # ezplan says why
@click.option(
    "--baselines", type=click.Path(readable=False), help="baselines.yaml to read (one plan)."
)
@click.option("--targets", type=click.Path(readable=False), help="targets.yaml to read (one plan).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="auto: github inside GitHub Actions, else text.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(),  # a directory is refused by write_atomic, in one line
    help="Write the report to FILE (atomically) instead of stdout.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    help="Language of messages (default: settings, then the locale).",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Warnings fail too (exit 1), and so do targets that cannot be checked.",
)
@click.option(
    "--strict-unchecked/--no-strict-unchecked",
    default=None,
    help="Under --strict, whether a target that cannot be checked fails (default: yes, or "
    "strict_unchecked in the settings).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail the check.")
@click.option("--select", help="Only these rules (comma-separated codes).")
@click.option("--ignore", help="Also skip these rules (comma-separated codes).")
@click.option("--no-color", is_flag=True, help="No colours (NO_COLOR is honoured too).")
def check(
    paths: tuple[str, ...],
    baselines: str | None,
    targets: str | None,
    fmt: str,
    output: str | None,
    lang: str | None,
    strict: bool,
    strict_unchecked: bool | None,
    exit_zero: bool,
    select: str | None,
    ignore: str | None,
    no_color: bool,
) -> None:
    """Check the plans in PATHS (default: the current directory).

    A path is a plan directory (holding baselines.yaml and targets.yaml), a directory searched
    for plan directories, or one of the two files (its directory is checked). Settings come
    from ezplan.toml or [tool.ezplan] in pyproject.toml; options override them.

    Exit 0 when no finding is an error, 1 when one is (or, under --strict, a warning or a
    target that cannot be checked), 2 when a plan could not be read.
    """
    from ezplan.config import find_config
    from ezplan.discover import PlanRef, find_plans
    from ezplan.report import check_all

    try:
        config = find_config()
        if baselines or targets:
            if len(paths) > 1:
                raise click.UsageError("--baselines/--targets go with at most one PATH")
            from ezplan.loader import resolve_files

            b, tg = resolve_files(paths[0] if paths else None, baselines, targets)
            refs = [PlanRef(tg.parent if not paths else Path(paths[0]), b, tg)]
        else:
            refs = find_plans(list(paths))
    except InputError as e:
        fail(e)
    try:
        chosen = rules.select(
            codes(select) or config.select or None, [*config.ignore, *codes(ignore)]
        )
    except KeyError as e:
        known = [r.code for r in rules.all_rules()]
        guess = hint(str(e.args[0]), known)
        raise click.UsageError(
            f"unknown rule code(s): {e.args[0]}{guess}; known: {', '.join(known)}"
        ) from None
    lang = lang or config.lang or default_lang()
    strict = strict or config.strict
    unchecked_fails = strict and (
        strict_unchecked if strict_unchecked is not None else config.strict_unchecked
    )
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"

    run = check_all(refs, chosen)
    for r in run.results:  # always one line each on stderr, whatever the format
        if r.error is not None:
            click.echo(str(r.error), err=True)
    if fmt == "text" and all(r.error is not None for r in run.results):
        sys.exit(EXIT_USAGE)
    text = _render(run, fmt, lang, strict, unchecked_fails, no_color, to_file=output is not None)
    if output is not None:
        from ezplan.output import write_atomic

        write_atomic(output, text or "")
    elif text is not None:
        click.echo(text, nl=False)
    sys.exit(_exit_code(run, strict, unchecked_fails, exit_zero))


def _render(
    run: Run,
    fmt: str,
    lang: str,
    strict: bool,
    unchecked_fails: bool,
    no_color: bool,
    to_file: bool,
) -> str | None:
    """The report as text, or None when it went straight to the terminal."""
    if fmt == "text":
        from ezplan.render import text

        if to_file:
            buf = io.StringIO()
            text.render(run, console(True, buf), lang)
            return buf.getvalue()
        text.render(run, console(no_color), lang)
        return None
    if fmt == "json":
        from ezplan.render import json_out

        return json_out.render(run, lang)
    if fmt == "jsonl":
        from ezplan.render import json_out

        return json_out.render_lines(run, lang)
    if fmt == "github":
        from ezplan.render import github

        return github.render(run, lang)
    if fmt == "junit":
        from ezplan.render import junit

        return junit.render(run, lang, strict, unchecked_fails)
    from ezplan.render import sarif

    return sarif.render(run, lang)


def _exit_code(run: Run, strict: bool, unchecked_fails: bool, exit_zero: bool) -> int:
    if run.unreadable:
        return EXIT_USAGE
    if exit_zero:
        return EXIT_OK
    worst = run.worst
    bar = Severity.WARNING if strict else Severity.ERROR
    if worst is not None and worst >= bar:
        return EXIT_FINDINGS
    if unchecked_fails and any(r.status == NOT_CHECKABLE for r in run.rows):
        return EXIT_FINDINGS
    return EXIT_OK
