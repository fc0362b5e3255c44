"""How a command ends when it cannot finish: a signal, a file it cannot write, a closed pipe.

- SIGINT (Ctrl-C), SIGTERM and SIGHUP unwind the command like an exception, so that a file being
  written has its temporary file removed (see `ezplan.output`); the exit code is then 128 + the
  signal number — 130, 143, 129 — never 1, which means "the plan has errors";
- an `InputError` or `OutputError` that reaches the top (a report that cannot be written, a
  plan that cannot be read) is one line on stderr and exit 2;
- a reader that goes away (`ezplan check --format json | head -1`) ends the command quietly
  with 141 (128 + SIGPIPE), as a command killed by SIGPIPE would;
- standard output that cannot be written (a full disk, a closed descriptor) is one line on
  stderr and exit 2: what was written is incomplete, and no exit code may pass for a verdict;
- a usage error (an unknown option, a missing argument, a path that does not exist) is one line
  on stderr, `ezplan check: no such option '--lnag'. Did you mean '--lang'?`, and exit 2.

All of it in the language of the invocation (`ezplan.cli.localized`), chosen before anything is
parsed: ``--lang``, else the settings, else the locale.

Everything is installed for one invocation of the command group and restored after it, so the
library and the tests' CliRunner are not affected.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import io
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any, NoReturn

import click

from ezplan.cli.localized import LocalizedGroup, usage_message
from ezplan.errors import InputError, OutputError
from ezplan.i18n import TEXT, current_lang, speaking, t
from ezplan.i18n.invocation import invocation_lang

EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 128 + 13
WORDS = ("SIGINT", "SIGTERM", "SIGHUP")  # said as cli.SIGINT … in the catalogue


class Interrupted(BaseException):
    """A signal, raised where the program was (not a KeyboardInterrupt: click would turn that
    into "Aborted!" and exit 1)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _raise(signum: int, frame: Any) -> NoReturn:
    raise Interrupted(signum)


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Python's cyclic garbage collector off while a command runs: ezplan's data has no cycles
    (reference counting frees it), and on a large plan the collector's repeated scans of the
    growing heap cost nearly half the time. Restored after, for a caller in the same process."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise `Interrupted` while the block runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for name in WORDS:
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        current = signal.getsignal(signum)
        if current is signal.SIG_IGN:  # e.g. nohup: stay ignored
            continue
        previous[signum] = current
        signal.signal(signum, _raise)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def usage_line(e: click.UsageError, lang: str | None = None) -> str:
    """A usage error on one line, naming the command it is about, in `lang` (default: the
    invocation's) when the catalogue has words for it, else as click says it."""
    from ezplan.errors import printable

    # the program's name as people type it, whatever it was invoked as (a test runner, -m)
    names = []
    ctx = e.ctx
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    where = " ".join(["ezplan", *reversed(names)])
    words = usage_message(e)
    message = " ".join((words.text(lang) if words else e.format_message()).split())
    if message[:1].isupper() and not message[1:2].isupper():
        message = message[0].lower() + message[1:]
    return printable(f"{where}: {message}")


_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}


def output_failed(e: OSError) -> bool:
    """Whether `e` is a write to a stream that failed: an error of no named file (files are
    written by `ezplan.output`, whose errors name them) of the kind a write gives."""
    return e.filename is None and e.errno in _WRITE_ERRORS


def stdout_failed(e: OSError) -> NoReturn:
    """One line on stderr and exit 2: what stdout has of the output is incomplete."""
    from ezplan.errors import os_reason
    from ezplan.i18n import Message

    words = Message("out.stdout_failed", reason=os_reason(e)).text(current_lang())
    with contextlib.suppress(OSError, ValueError):
        click.echo(words, err=True)
    _quiet_stdout()
    sys.exit(EXIT_USAGE)


class ClosedStdout(io.TextIOBase):
    """stdout when the process started without one (``ezplan check >&-``): writing to it fails
    as writing to a closed descriptor does, so that a command says so instead of passing with
    nothing written. A command that writes to a file (``-o``) is not affected."""

    def write(self, s: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def writable(self) -> bool:
        return True


def _quiet_stdout() -> None:
    """After a broken pipe or a failed write, stdout goes nowhere, so that flushing it at exit
    says nothing."""
    if isinstance(sys.stdout, ClosedStdout):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _argv(args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[str]:
    given = kwargs["args"] if "args" in kwargs else args[0] if args else None
    return list(sys.argv[1:] if given is None else given)


class Group(LocalizedGroup):
    """The `ezplan` command group, ending every invocation by the rules above, in the language
    of the invocation."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        with no_cyclic_gc(), speaking(invocation_lang(_argv(args, kwargs))), handled():
            try:
                if not standalone_mode:
                    return super().main(*args, standalone_mode=False, **kwargs)
                try:
                    rv = super().main(*args, standalone_mode=False, **kwargs)
                except _NO_ARGS_IS_HELP as e:  # `ezplan` alone: the help, as it is
                    e.show()
                    sys.exit(e.exit_code)
                except click.UsageError as e:
                    click.echo(usage_line(e), err=True)
                    sys.exit(EXIT_USAGE)
                except click.ClickException as e:
                    e.show()
                    sys.exit(e.exit_code)
                except click.exceptions.Abort:
                    click.echo(t("cli.aborted", current_lang()), err=True)
                    sys.exit(1)
                sys.exit(rv if isinstance(rv, int) else 0)
            except Interrupted as e:
                name = signal.Signals(e.signum).name
                key = f"cli.{name}"
                with contextlib.suppress(Exception):
                    click.echo(t(key, current_lang()) if key in TEXT else name, err=True)
                sys.exit(e.exit_code)
            except BrokenPipeError:  # the help or the version, to a reader gone
                _quiet_stdout()
                sys.exit(EXIT_BROKEN_PIPE)
            except OSError as e:
                if not output_failed(e):
                    raise
                stdout_failed(e)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (InputError, OutputError) as e:
            click.echo(str(e), err=True)
            sys.exit(EXIT_USAGE)
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
