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
@click.option("--baselines", type=click.Path(readable=False), help="baselines.yaml to read.")
@click.option("--targets", type=click.Path(readable=False), help="targets.yaml to read.")
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
    """Show every figure of INDICATOR and the computation behind each finding on it.

    INDICATOR is an id (retail_sales), a name as the plan writes it (社会消费品零售总额) or an
    unambiguous part of a name (社零, 零售总额)."""
    from ezplan import report as lib
    from ezplan.lookup import NotFound, describe, find_indicator
    from ezplan.render import explain as view

    lang = lang or default_lang()
    try:
        plan = lib.load_plan(path, baselines, targets)
    except InputError as e:
        fail(e)
    try:
        iid = find_indicator(plan, indicator)
    except NotFound as e:
        shown = e.candidates or sorted(plan.target_ids)
        listed = ", ".join(describe(plan, c) for c in shown)
        key = "ambiguous_indicator" if e.ambiguous else "no_such_indicator"
        click.echo(t(key, lang, id=indicator, known=listed or "—"), err=True)
        sys.exit(EXIT_USAGE)
    view.render(lib.report(plan), iid, console(no_color), lang)
