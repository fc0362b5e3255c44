"""The command line: thin click commands over the library; they choose formats and exit codes.

One module per command family; this one only assembles the group. Exit codes: 0 no errors,
1 errors (or warnings under --strict), 2 could not run; 130/143/129 interrupted by SIGINT,
SIGTERM or SIGHUP (see `signals`).
"""

from __future__ import annotations

import click

from ezplan import __version__
from ezplan.cli import analysts, check, explain, extract, plan_files
from ezplan.cli.signals import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="ezplan")
def main() -> None:
    """Check a development plan's quantified targets for consistency.

    Reads baselines.yaml (observed values) and targets.yaml (goals) and reports every pair of
    figures that cannot both be true, telling a real contradiction from rounding.
    """


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
