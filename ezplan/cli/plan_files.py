"""Commands about the plan files themselves: `schema`, `rules`, `init`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ezplan import rules
from ezplan.cli.common import EXIT_USAGE
from ezplan.i18n import LANGS, default_lang


@click.command()
@click.argument("which", type=click.Choice(["baselines", "targets"]))
def schema(which: str) -> None:
    """Print the JSON Schema (draft-07) of baselines.yaml or targets.yaml."""
    from ezplan import schema as s

    click.echo(s.schema_text(s.Baselines if which == "baselines" else s.Targets), nl=False)


@click.command(name="rules")
@click.option("--lang", type=click.Choice(LANGS), default=None)
def list_rules(lang: str | None) -> None:
    """List the consistency rules with their codes and documentation."""
    lang = lang or default_lang()
    for r in rules.all_rules():
        click.echo(f"{r.code}: {r.title.get(lang, r.title['en'])}")
        click.echo("    " + r.doc_in(lang).replace("\n", "\n    ").rstrip())
        click.echo()


@click.command()
@click.argument("directory", type=click.Path(file_okay=False), default=".")
@click.option("--force", is_flag=True, help="Overwrite existing plan files.")
def init(directory: str, force: bool) -> None:
    """Write a commented template plan (both files) into DIRECTORY (default: the current one),
    ready for `ezplan check`."""
    from ezplan.template import write_template

    try:
        written = write_template(Path(directory), force=force)
    except FileExistsError as e:
        click.echo(f"{e.args[0]}: already exists (use --force to overwrite)", err=True)
        sys.exit(EXIT_USAGE)
    for p in written:
        click.echo(f"wrote {p}")
