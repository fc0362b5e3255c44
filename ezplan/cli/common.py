"""What every command shares: exit codes, the one-line failure, the console."""

from __future__ import annotations

import io
import re
import sys
from typing import IO, TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from rich.console import Console

    from ezplan.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def codes(value: str | None) -> list[str]:
    """Rule codes from a comma-separated option."""
    return [c.strip() for c in (value or "").split(",") if c.strip()]


def dash_is_stdout(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An ``-o`` option's value, ``-`` meaning standard output (as for most command-line
    tools): no file is written then."""
    return None if value == "-" else value


def fail(error: InputError) -> None:
    """Input the tool cannot use: one line on stderr, exit 2."""
    click.echo(str(error), err=True)
    sys.exit(EXIT_USAGE)


class Unpadded:
    """A text stream that drops the spaces at the end of each line written to it: rich pads
    every line of a table to its width, which in a pipe or a file is only noise (and makes
    ``diff`` and ``grep $`` see lines that differ in nothing a reader can see). Spaces at the
    end of one write are held until the next shows whether a line ends there."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._held = ""

    def write(self, text: str) -> int:
        text = _TRAILING.sub("\n", self._held + text)
        body = text.rstrip(" ")
        self._held = text[len(body) :]
        if body:
            self._stream.write(body)
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding … of the stream
        return getattr(self._stream, name)


_TRAILING = re.compile(r" +\n")


def _rich_console() -> type[Console]:
    from rich.console import Console

    class PipeConsole(Console):
        """rich's Console, but a reader that goes away (``| head -1``) raises BrokenPipeError,
        which the command group turns into exit 141 (rich itself would exit 1)."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return PipeConsole


def console(no_color: bool, file: io.StringIO | None = None) -> Console:
    """The console a command prints to: in a pipe or a file, lines without trailing spaces."""
    cls = _rich_console()
    if file is not None:  # a report file is read in an editor: wide, no colour codes
        return cls(file=Unpadded(file), color_system=None, width=120, highlight=False)  # type: ignore[arg-type]
    out = sys.stdout
    if not _isatty(out):
        return cls(
            file=Unpadded(out),  # type: ignore[arg-type]
            no_color=no_color or None,
            highlight=False,
            soft_wrap=False,
        )
    return cls(no_color=no_color or None, highlight=False, soft_wrap=False)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
