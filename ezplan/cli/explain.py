"""`ezplan explain`: one indicator's figures and the arithmetic behind its findings."""

from __future__ import annotations

import sys

import click

from ezplan.cli.common import EXIT_USAGE, console, fail
from ezplan.errors import InputError
from ezplan.i18n import LANGS, default_lang, t


@click.command()
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
        fail(e)
    if indicator not in plan.indicators:
        known = ", ".join(sorted(plan.indicators))
        click.echo(t("no_such_indicator", lang, id=indicator, known=known), err=True)
        sys.exit(EXIT_USAGE)
    view.render(lib.report(plan), indicator, console(no_color), lang)
