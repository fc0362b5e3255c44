"""What every command shares: exit codes, the one-line failure, the console."""

from __future__ import annotations

import io
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.console import Console

    from ezplan.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def codes(value: str | None) -> list[str]:
    """Rule codes from a comma-separated option."""
    return [c.strip() for c in (value or "").split(",") if c.strip()]


def fail(error: InputError) -> None:
    """Input the tool cannot use: one line on stderr, exit 2."""
    click.echo(str(error), err=True)
    sys.exit(EXIT_USAGE)


def console(no_color: bool, file: io.StringIO | None = None) -> Console:
    from rich.console import Console

    if file is not None:  # a report file is read in an editor: wide, no colour codes
        return Console(file=file, color_system=None, width=120, highlight=False)
    return Console(no_color=no_color or None, highlight=False, soft_wrap=False)
