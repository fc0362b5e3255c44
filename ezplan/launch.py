"""The `ezplan` program: ``ezplan --version`` and ``ezplan --help`` answered without loading
the command line, everything else handed to it (`ezplan.cli`).

Importing click alone takes some 35 ms; the version, and the top-level help page on a terminal
of 80 columns or more (whose text is fixed), need none of it. The pages are kept in
``help_pages.json``, made by `ezplan.cli.help_pages` and checked against it by the tests.
"""

from __future__ import annotations

import gc
import os
import sys

from ezplan import __version__


def main() -> None:
    # OpenBLAS starts a thread per core as numpy is imported, some 40 ms on two cores: ezplan
    # does no linear algebra (and its process pool is parallel by itself)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # the cyclic collector off from the start (the command group keeps it off while a command
    # runs, see ezplan.cli.signals): the imports make many objects, no garbage, and its scans of
    # them cost some 15 ms
    gc.disable()
    args = sys.argv[1:]
    if sys.stdout is None:  # started with stdout closed: a write must fail, not vanish
        from ezplan.cli.signals import ClosedStdout

        sys.stdout = ClosedStdout()
    elif os.path.basename(sys.argv[0]) == "ezplan":
        if args in (["--version"], ["-V"]):
            _say(f"ezplan, version {__version__}\n")
        utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
        if args in (["--help"], ["-h"]) and utf8 and _columns() >= 80:
            from ezplan.i18n.invocation import invocation_lang

            page = _pages().get(invocation_lang(args))
            if page is not None:
                _say(page)
    lossless_streams()
    from ezplan.cli import main as cli

    try:
        cli()
    except SystemExit as e:
        _exit_now(e.code)
        raise


def _say(text: str) -> None:
    """Write `text` and exit 0; if stdout refuses it, return: the command group then says it
    as it says any output it cannot write (exit 2, or 141 for a reader gone)."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError):
        return
    sys.exit(0)


def lossless_streams() -> None:
    """stdout and stderr that never fail on a character. In a file or a pipe they are UTF-8,
    whatever the locale (JSON, SARIF and JUnit must be; Windows in Chinese would otherwise write
    GBK, which has no ✓, ✗ or −, and the output would stop at the first one with a traceback).
    On a terminal, or where PYTHONIOENCODING chose the encoding, the encoding stays and a
    character it lacks is written as its nearest (✓ √, ✗ ×, − -), else as ?."""
    chosen = bool(os.environ.get("PYTHONIOENCODING"))
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding == "utf8" or not hasattr(stream, "reconfigure"):
            continue
        try:
            if chosen or stream.isatty():
                _register_nearest()
                stream.reconfigure(errors="ezplan-nearest")
            else:
                stream.reconfigure(encoding="utf-8")
        except (OSError, ValueError):  # closed, or already written to: left as it is
            continue


# the marks ezplan writes that GBK (a Chinese Windows console) lacks, by one it has
_NEAREST = {"✓": "√", "✗": "×", "−": "-", "–": "-", "‑": "-", "⏎": " "}


def _register_nearest() -> None:
    import codecs

    def nearest(e: UnicodeError) -> tuple[str, int]:
        assert isinstance(e, UnicodeEncodeError)
        out = []
        for ch in e.object[e.start : e.end]:
            near = _NEAREST.get(ch, "?")
            try:
                near.encode(e.encoding)
            except UnicodeEncodeError:
                near = "?"
            out.append(near)
        return "".join(out), e.end

    codecs.register_error("ezplan-nearest", nearest)


def _exit_now(code: object) -> None:
    """End the process with `code` at once, without the interpreter's teardown (freeing every
    module and object one by one: some 25 ms, a seventh of checking a small plan). Only when
    nothing is left to run — no other thread, no exit handler (a process pool registers one) —
    and the output is flushed; otherwise returns, and the process ends as usual."""
    import atexit
    import threading

    code = 0 if code is None else code
    if not isinstance(code, int) or threading.active_count() > 1:
        return
    if getattr(atexit, "_ncallbacks", lambda: 1)() > 0:  # unknown: assume there are some
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # a closed pipe or file, or none: as usual
        return
    os._exit(code)


def _columns() -> int:
    import shutil  # here: a command that prints no help may not need it at all

    return shutil.get_terminal_size().columns


def _pages() -> dict[str, str]:
    import json

    path = os.path.join(os.path.dirname(__file__), "help_pages.json")
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):  # pragma: no cover - a broken installation: click says it
        return {}
