"""The command line: thin click commands over the library; they choose formats and exit codes.

One module per command family; this one only assembles the group. Every command's help text is
in the catalogue (`ezplan.i18n.cli`) and shown in the language of the invocation
(`ezplan.cli.localized`); the docstrings here are for the reader of the code. Exit codes: 0 no
errors, 1 errors (or warnings under --strict), 2 could not run; 130/143/129 interrupted by
SIGINT, SIGTERM or SIGHUP (see `signals`).
"""

from __future__ import annotations

import importlib
import json

import click

from ezplan import __version__
from ezplan.cli.localized import Choice, remember_group_lang
from ezplan.cli.signals import Group
from ezplan.i18n import LANGS, speaking

COMMANDS = {
    "check": ("check", "check"),
    "explain": ("explain", "explain"),
    "milestones": ("analysts", "milestones"),
    "export": ("analysts", "export"),
    "plot": ("analysts", "plot"),
    "report": ("analysts", "html_report"),
    "rules": ("plan_files", "list_rules"),
    "schema": ("plan_files", "schema"),
    "init": ("plan_files", "init"),
    "extract": ("extract", "extract"),
    "scan": ("extract", "scan"),
}
"""Each command's module in ezplan.cli and its name there: a command's module is imported when
the command is asked for, so `ezplan check` does not import what extract or report need."""


class LazyGroup(Group):
    """The command group, each command's module imported when the command is asked for."""

    def list_commands(self, ctx: click.Context | None) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            module, name = COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(f"ezplan.cli.{module}"), name))
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="ezplan")
@click.option(
    "--lang", type=Choice(LANGS), default=None, expose_value=False, callback=remember_group_lang
)
def main() -> None:
    """The `ezplan` group (help: ``cmd.ezplan`` in `ezplan.i18n.cli`)."""


def commands() -> dict[str, click.Command]:
    """Every command by its name (each command's module imported)."""
    return {name: main.get_command(None, name) for name in main.list_commands(None)}  # type: ignore[misc]


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
