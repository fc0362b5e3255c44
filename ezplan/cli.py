"""The command line: thin click commands over the library; they choose formats and exit codes.

Exit codes: 0 no errors, 1 errors (or warnings under --strict), 2 could not run.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console

from ezplan import __version__, rules
from ezplan.errors import InputError
from ezplan.findings import Severity
from ezplan.i18n import LANGS, default_lang, t

if TYPE_CHECKING:
    from ezplan.report import Run

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMATS = ["auto", "text", "json", "jsonl", "github", "junit", "sarif"]


def _codes(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").split(",") if c.strip()]


def _fail(error: InputError) -> None:
    click.echo(str(error), err=True)
    sys.exit(EXIT_USAGE)


def _console(no_color: bool, file: io.StringIO | None = None) -> Console:
    if file is not None:  # a report file is read in an editor: wide, no colour codes
        return Console(file=file, color_system=None, width=120, highlight=False)
    return Console(no_color=no_color or None, highlight=False, soft_wrap=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="ezplan")
def main() -> None:
    """Check a development plan's quantified targets for consistency.

    Reads baselines.yaml (observed values) and targets.yaml (goals) and reports every pair of
    figures that cannot both be true, telling a real contradiction from rounding.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--baselines", type=click.Path(), help="baselines.yaml to read (one plan).")
@click.option("--targets", type=click.Path(), help="targets.yaml to read (one plan).")
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
    type=click.Path(dir_okay=False),
    help="Write the report to FILE (atomically) instead of stdout.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    help="Language of messages (default: settings, then the locale).",
)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
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
    exit_zero: bool,
    select: str | None,
    ignore: str | None,
    no_color: bool,
) -> None:
    """Check the plans in PATHS (default: the current directory).

    A path is a plan directory (holding baselines.yaml and targets.yaml), a directory searched
    for plan directories, or one of the two files (its directory is checked). Settings come
    from ezplan.toml or [tool.ezplan] in pyproject.toml; options override them.

    Exit 0 when no finding is an error, 1 when one is, 2 when a plan could not be read.
    """
    from ezplan.config import find_config
    from ezplan.discover import PlanRef, find_plans
    from ezplan.report import check_all

    try:
        config = find_config()
        if baselines or targets:
            if len(paths) > 1:
                raise click.UsageError("--baselines/--targets go with at most one PATH")
            base = Path(paths[0]) if paths else Path(".")
            b = Path(baselines) if baselines else base / "baselines.yaml"
            tg = Path(targets) if targets else base / "targets.yaml"
            refs = [PlanRef(base, b, tg)]
        else:
            refs = find_plans(list(paths))
    except InputError as e:
        _fail(e)
    try:
        chosen = rules.select(
            _codes(select) or config.select or None, [*config.ignore, *_codes(ignore)]
        )
    except KeyError as e:
        known = ", ".join(r.code for r in rules.all_rules())
        raise click.UsageError(f"unknown rule code(s): {e.args[0]}; known: {known}") from None
    lang = lang or config.lang or default_lang()
    strict = strict or config.strict
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"

    run = check_all(refs, chosen)
    for r in run.results:  # always one line each on stderr, whatever the format
        if r.error is not None:
            click.echo(str(r.error), err=True)
    if fmt == "text" and all(r.error is not None for r in run.results):
        sys.exit(EXIT_USAGE)
    text = _render(run, fmt, lang, strict, no_color, to_file=output is not None)
    if output is not None:
        from ezplan.output import write_atomic

        write_atomic(output, text or "")
    elif text is not None:
        click.echo(text, nl=False)
    sys.exit(_exit_code(run, strict, exit_zero))


def _render(
    run: Run, fmt: str, lang: str, strict: bool, no_color: bool, to_file: bool
) -> str | None:
    """The report as text, or None when it went straight to the terminal."""
    if fmt == "text":
        from ezplan.render import text

        if to_file:
            buf = io.StringIO()
            text.render(run, _console(True, buf), lang)
            return buf.getvalue()
        text.render(run, _console(no_color), lang)
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

        return junit.render(run, lang, strict)
    from ezplan.render import sarif

    return sarif.render(run, lang)


def _exit_code(run: Run, strict: bool, exit_zero: bool) -> int:
    if run.unreadable:
        return EXIT_USAGE
    worst = run.worst
    bar = Severity.WARNING if strict else Severity.ERROR
    if worst is not None and worst >= bar and not exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


@main.command()
@click.argument("indicator")
@click.option(
    "--plan",
    "path",
    type=click.Path(file_okay=False),
    default=None,
    help="The plan directory (default: the current one).",
)
@click.option("--baselines", type=click.Path(), help="baselines.yaml to read.")
@click.option("--targets", type=click.Path(), help="targets.yaml to read.")
@click.option("--lang", type=click.Choice(LANGS), default=None)
@click.option("--no-color", is_flag=True)
def explain(
    indicator: str,
    path: str | None,
    baselines: str | None,
    targets: str | None,
    lang: str | None,
    no_color: bool,
) -> None:
    """Show every figure of INDICATOR and the computation behind each finding on it."""
    from ezplan import report as lib
    from ezplan.render import explain as view

    lang = lang or default_lang()
    try:
        plan = lib.load_plan(path, baselines, targets)
    except InputError as e:
        _fail(e)
    if indicator not in plan.indicators:
        known = ", ".join(sorted(plan.indicators))
        click.echo(t("no_such_indicator", lang, id=indicator, known=known), err=True)
        sys.exit(EXIT_USAGE)
    view.render(lib.report(plan), indicator, _console(no_color), lang)


@main.command()
@click.argument("which", type=click.Choice(["baselines", "targets"]))
def schema(which: str) -> None:
    """Print the JSON Schema (draft-07) of baselines.yaml or targets.yaml."""
    from ezplan import schema as s

    click.echo(s.schema_text(s.Baselines if which == "baselines" else s.Targets), nl=False)


@main.command(name="rules")
@click.option("--lang", type=click.Choice(LANGS), default=None)
def list_rules(lang: str | None) -> None:
    """List the consistency rules with their codes and documentation."""
    lang = lang or default_lang()
    for r in rules.all_rules():
        click.echo(f"{r.code}: {r.title.get(lang, r.title['en'])}")
        click.echo("    " + r.doc.replace("\n", "\n    ").rstrip())
        click.echo()


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite existing plan files.")
def init(directory: str, force: bool) -> None:
    """Write a commented template plan (both files) into DIRECTORY, ready for `ezplan check`."""
    from ezplan.template import write_template

    try:
        written = write_template(Path(directory), force=force)
    except FileExistsError as e:
        click.echo(f"{e.args[0]}: already exists (use --force to overwrite)", err=True)
        sys.exit(EXIT_USAGE)
    for p in written:
        click.echo(f"wrote {p}")


# The analysts' commands register themselves on `main`.
from ezplan import cli_outputs  # noqa: E402, F401
