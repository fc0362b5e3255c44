"""The command line: thin click commands over the library; they choose formats and exit codes.

Exit codes: 0 no errors, 1 errors (or warnings under --strict), 2 could not run.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click
from rich.console import Console

from ezplan import __version__, rules
from ezplan.errors import InputError
from ezplan.findings import Severity
from ezplan.i18n import LANGS, default_lang, t

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _codes(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").split(",") if c.strip()]


def plan_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """PATH / --baselines / --targets / --lang, shared by the commands that read a plan."""

    @click.argument("path", required=False, type=click.Path(file_okay=True, dir_okay=True))
    @click.option("--baselines", type=click.Path(), help="baselines.yaml to read.")
    @click.option("--targets", type=click.Path(), help="targets.yaml to read.")
    @click.option(
        "--lang",
        type=click.Choice(LANGS),
        default=None,
        help="Language of messages (default: from the locale).",
    )
    @click.option("--no-color", is_flag=True, help="No colours (NO_COLOR is honoured too).")
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        kwargs["lang"] = kwargs["lang"] or default_lang()
        try:
            return func(*args, **kwargs)
        except InputError as e:
            click.echo(str(e), err=True)
            sys.exit(EXIT_USAGE)

    return wrapper


def _console(no_color: bool) -> Console:
    return Console(no_color=no_color or None, highlight=False, soft_wrap=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="ezplan")
def main() -> None:
    """Check a development plan's quantified targets for consistency.

    Reads baselines.yaml (observed values) and targets.yaml (goals) and reports every pair of
    figures that cannot both be true, telling a real contradiction from rounding.
    """


@main.command()
@plan_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--select", help="Only these rules (comma-separated codes).")
@click.option("--ignore", help="Skip these rules (comma-separated codes).")
def check(
    path: str | None,
    baselines: str | None,
    targets: str | None,
    lang: str,
    no_color: bool,
    fmt: str,
    strict: bool,
    select: str | None,
    ignore: str | None,
) -> None:
    """Check the plan in PATH (a directory; default: the current one).

    Prints every target with its stated and implied annual rate, then the findings with their
    file:line. Exit 0 when no finding is an error, 1 when one is, 2 for bad input.
    """
    from ezplan import report as lib

    try:
        chosen = rules.select(_codes(select) or None, _codes(ignore))
    except KeyError as e:
        known = ", ".join(r.code for r in rules.all_rules())
        raise click.UsageError(f"unknown rule code(s): {e.args[0]}; known: {known}") from None
    plan = lib.load_plan(path, baselines, targets)
    report = lib.report(plan, chosen)
    if fmt == "json":
        from ezplan.render import json_out

        click.echo(json_out.render(report, lang))
    else:
        from ezplan.render import text

        text.render(report, _console(no_color), lang)
    worst = report.worst
    failing = worst is not None and (
        worst >= Severity.ERROR or (strict and worst >= Severity.WARNING)
    )
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


@main.command()
@click.argument("indicator")
@plan_options
def explain(
    indicator: str,
    path: str | None,
    baselines: str | None,
    targets: str | None,
    lang: str,
    no_color: bool,
) -> None:
    """Show every figure of INDICATOR and the computation behind each finding on it."""
    from ezplan import report as lib
    from ezplan.render import explain as view

    plan = lib.load_plan(path, baselines, targets)
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

    model = s.Baselines if which == "baselines" else s.Targets
    click.echo(json.dumps(s.json_schema(model), ensure_ascii=False, indent=2))


@main.command(name="rules")
@click.option("--lang", type=click.Choice(LANGS), default=None)
def list_rules(lang: str | None) -> None:
    """List the consistency rules with their codes and documentation."""
    lang = lang or default_lang()
    for r in rules.all_rules():
        click.echo(f"{r.code}: {r.title.get(lang, r.title['en'])}")
        click.echo("    " + r.doc.replace("\n", "\n    ").rstrip())
        click.echo()
