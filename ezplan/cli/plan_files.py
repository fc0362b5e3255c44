"""Commands about the plan files themselves: `schema`, `rules`, `init`."""

from __future__ import annotations

import sys
from pathlib import Path as FilePath

import click

from ezplan.cli.common import EXIT_USAGE
from ezplan.cli.localized import Choice, Command, Path, choose_lang
from ezplan.errors import printable
from ezplan.i18n import LANGS, t


@click.command(cls=Command)  # help texts: cmd.schema in ezplan.i18n.cli
@click.argument("which", type=Choice(["baselines", "targets"]))
def schema(which: str) -> None:
    """`ezplan schema baselines|targets`: the JSON Schema of a plan file."""
    from ezplan import schema as s

    click.echo(s.schema_text(s.Baselines if which == "baselines" else s.Targets), nl=False)


@click.command(name="rules", cls=Command)  # help texts: cmd.rules, opt.lang
@click.option("--lang", type=Choice(LANGS), default=None)
def list_rules(lang: str | None) -> None:
    """`ezplan rules`: every rule with its code and documentation."""
    from ezplan import rules

    lang = choose_lang(lang)
    for r in rules.all_rules():
        click.echo(f"{r.code}: {r.title.get(lang, r.title['en'])}")
        click.echo("    " + r.doc_in(lang).replace("\n", "\n    ").rstrip())
        click.echo()


@click.command(cls=Command)  # help texts: cmd.init, opt.force, opt.init.lang
@click.argument("directory", type=Path(file_okay=False), default=".")
@click.option("--force", is_flag=True)
@click.option("--lang", type=Choice(LANGS), default=None)
def init(directory: str, force: bool, lang: str | None) -> None:
    """`ezplan init [DIRECTORY]`: the template plan, commented in the user's language."""
    from ezplan.template import write_template

    lang = choose_lang(lang)
    try:
        written = write_template(FilePath(directory), force=force, lang=lang)
    except FileExistsError as e:
        click.echo(t("cli.init_exists", lang, path=printable(e.args[0])), err=True)
        sys.exit(EXIT_USAGE)
    for p in written:
        click.echo(t("cli.wrote", lang, path=printable(str(p))))
