"""`ezplan explain`: one indicator's figures and the arithmetic behind its findings."""

from __future__ import annotations

import sys

import click

from ezplan.cli.common import EXIT_USAGE, console, fail
from ezplan.cli.localized import Choice, Command, Path, choose_lang
from ezplan.errors import InputError
from ezplan.i18n import LANGS, t

MAX_OFFERED = 8  # targets offered when nothing is close to what was asked


@click.command(cls=Command)  # help texts: cmd.explain, opt.* in ezplan.i18n.cli
@click.argument("indicator")
@click.option("--plan", "plan_dir", type=Path(file_okay=False), default=None)
@click.option("--baselines", type=Path(readable=False))
@click.option("--targets", type=Path(readable=False))
@click.option("--lang", type=Choice(LANGS), default=None)
@click.option("--no-color", is_flag=True)
def explain(
    indicator: str,
    plan_dir: str | None,
    baselines: str | None,
    targets: str | None,
    lang: str | None,
    no_color: bool,
) -> None:
    """`ezplan explain INDICATOR`: an id, a name as the plan writes it or a part of one."""
    from ezplan import report as lib
    from ezplan.lookup import NotFound, describe_all, find_indicator
    from ezplan.render import explain as view

    lang = choose_lang(lang)
    try:
        plan = lib.load_plan(plan_dir, baselines, targets)
    except InputError as e:
        fail(e)
    try:
        iid = find_indicator(plan, indicator)
    except NotFound as e:
        shown = e.candidates or sorted(plan.target_ids)
        listed = describe_all(plan, shown[:MAX_OFFERED])[lang]
        if len(shown) > MAX_OFFERED:  # a drafted plan has dozens: one line, not a page of ids
            listed += t("offered_more", lang, n=len(shown) - MAX_OFFERED)
        key = "ambiguous_indicator" if e.ambiguous else "no_such_indicator"
        if not listed:  # nothing to offer: not "did you mean one of: —"
            key = "no_indicator_no_targets"
        click.echo(t(key, lang, id=indicator, known=listed), err=True)
        sys.exit(EXIT_USAGE)
    view.render(lib.report(plan), iid, console(no_color), lang)
