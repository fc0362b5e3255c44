"""The command line: thin click commands over the library; they choose formats and exit codes.

One module per command family; this one only assembles the group. Every command's help text is
in the catalogue (`ezplan.i18n.cli`) and shown in the language of the invocation
(`ezplan.cli.localized`); the docstrings here are for the reader of the code. Exit codes: 0 no
errors, 1 errors (or warnings under --strict), 2 could not run; 130/143/129 interrupted by
SIGINT, SIGTERM or SIGHUP (see `signals`).
"""

from __future__ import annotations

import json

import click

from ezplan import __version__
from ezplan.cli import analysts, check, explain, extract, plan_files
from ezplan.cli.localized import Choice, remember_group_lang
from ezplan.cli.signals import Group
from ezplan.i18n import LANGS, speaking


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="ezplan")
@click.option(
    "--lang", type=Choice(LANGS), default=None, expose_value=False, callback=remember_group_lang
)
def main() -> None:
    """The `ezplan` group (help: ``cmd.ezplan`` in `ezplan.i18n.cli`)."""


for command in (
    check.check,
    explain.explain,
    analysts.milestones,
    analysts.export,
    analysts.plot,
    analysts.html_report,
    plan_files.list_rules,
    plan_files.schema,
    plan_files.init,
    extract.extract,
    extract.scan,
):
    main.add_command(command)


def help_pages() -> str:
    """``ezplan --help`` in each language on a terminal of 80 columns or more, as
    ezplan/help_pages.json holds it for `ezplan.launch` (which shows it without click)."""
    pages = {}
    for lang in LANGS:
        with speaking(lang):
            settings = {**main.context_settings, "terminal_width": 78}
            ctx = main.context_class(main, info_name="ezplan", **settings)
            pages[lang] = main.get_help(ctx) + "\n"
    return json.dumps(pages, ensure_ascii=False, indent=1) + "\n"
