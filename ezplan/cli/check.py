"""`ezplan check`: every plan in the given paths, in the format CI or a person wants."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path as FilePath
from typing import TYPE_CHECKING

import click

from ezplan.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    codes,
    console,
    dash_is_stdout,
    fail,
)
from ezplan.cli.localized import Choice, Command, Path, Usage, choose_lang
from ezplan.errors import InputError
from ezplan.i18n import LANGS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any

    from rich.console import Console

    from ezplan import rules
    from ezplan.report import PlanResult, Run, Tally

FORMATS = ["auto", "text", "json", "jsonl", "github", "junit", "sarif"]
STREAMED = ("text", "json", "jsonl")  # several plans: written as each result comes


@click.command(cls=Command)  # help texts: cmd.check, opt.check.*, opt.* in ezplan.i18n.cli
@click.argument("paths", nargs=-1, type=Path(readable=False))  # ezplan says why
@click.option("--baselines", type=Path(readable=False))
@click.option("--targets", type=Path(readable=False))
@click.option("--format", "fmt", type=Choice(FORMATS), default="auto", show_default=True)
@click.option(
    "--output", "-o", type=Path(), metavar="FILE", callback=dash_is_stdout
)  # a directory is refused by write_atomic
@click.option("--lang", type=Choice(LANGS), default=None)
@click.option("--strict", is_flag=True)
@click.option("--strict-unchecked/--no-strict-unchecked", default=None)
@click.option("--exit-zero", is_flag=True)
@click.option("--select")
@click.option("--ignore")
@click.option("--no-color", is_flag=True)
def check(
    paths: tuple[str, ...],
    baselines: str | None,
    targets: str | None,
    fmt: str,
    output: str | None,
    lang: str | None,
    strict: bool,
    strict_unchecked: bool | None,
    exit_zero: bool,
    select: str | None,
    ignore: str | None,
    no_color: bool,
) -> None:
    """`ezplan check`: every plan in PATHS, in the format asked for, with the exit code."""
    from ezplan.config import find_config
    from ezplan.discover import PlanRef, find_plans
    from ezplan.pool import check_each
    from ezplan.report import Run, Tally

    choose_lang(lang)
    try:
        config = find_config()
        lang = choose_lang(lang, config.lang)
        if baselines or targets:
            if len(paths) > 1:
                raise Usage("usage.files_with_one_path")
            from ezplan.loader import resolve_files

            b, tg = resolve_files(paths[0] if paths else None, baselines, targets)
            refs = [PlanRef(tg.parent if not paths else FilePath(paths[0]), b, tg)]
        else:
            refs = find_plans(list(paths))
    except InputError as e:
        fail(e)
    chosen = select_rules(select, ignore, config.select, config.ignore)
    strict = strict or config.strict
    unchecked_fails = strict and (
        strict_unchecked if strict_unchecked is not None else config.strict_unchecked
    )
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"

    streamed = len(refs) > 1 and fmt in STREAMED and output is None
    to = console(no_color) if streamed and fmt == "text" else None
    prepare = _prepare(fmt, lang, to) if streamed else None
    results = _said(check_each(refs, [r.code for r in chosen], prepare))
    if streamed:
        tally = _stream(results, fmt, lang, to)
        if fmt == "text" and not tally.readable:
            sys.exit(EXIT_USAGE)
    else:
        run = Run(list(results))
        tally = Tally()
        for r in run.results:
            tally.add(r)
        if fmt == "text" and not tally.readable:
            sys.exit(EXIT_USAGE)
        parts = _render(
            run, fmt, lang, strict, unchecked_fails, no_color, to_file=output is not None
        )
        if output is not None:
            from ezplan.output import write_atomic

            write_atomic(output, parts or "")
        elif parts is not None:
            for part in parts:
                click.echo(part, nl=False)
    sys.exit(_exit_code(tally, strict, unchecked_fails, exit_zero))


def _prepare(fmt: str, lang: str, to: Console | None) -> Callable[[PlanResult], Any] | None:
    """What a worker makes of each plan's result for a stream in `fmt` (to the console `to`, for
    text): JSON, JSON Lines, and text without colour, are laid out there."""
    from ezplan.render import json_out, text

    if fmt in ("json", "jsonl"):
        from functools import partial

        return partial(json_out.plan_json if fmt == "json" else json_out.plan_lines, lang=lang)
    if fmt == "text" and to is not None:
        return text.preparer(to, lang)
    return None


def _said(results: Iterator[Any]) -> Iterator[Any]:
    """The results (or what `_prepare` made of them), a plan that cannot be read said on stderr
    as it comes (one line each, whatever the format)."""
    for r in results:
        if r.error is not None:
            click.echo(str(r.error), err=True)
        yield r


def _stream(results: Iterator[Any], fmt: str, lang: str, to: Console | None) -> Tally:
    """Several plans to stdout (text to the console `to`), each written as its result comes and
    then let go."""
    from ezplan.render import json_out, text

    if fmt == "text":
        assert to is not None
        return text.render_each(results, to, lang, many=True)
    if fmt == "json":
        return json_out.render_each(results, lang, _echo)
    return json_out.lines_each(results, lang, _echo)


def _echo(text: str) -> None:
    click.echo(text, nl=False)


def select_rules(
    select: str | None, ignore: str | None, config_select: list[str], config_ignore: list[str]
) -> list[rules.Rule]:
    """The rules --select/--ignore and the settings choose; an unknown code is a usage error."""
    from ezplan import rules
    from ezplan.suggest import hint

    try:
        return rules.select(
            codes(select) or config_select or None, [*config_ignore, *codes(ignore)]
        )
    except KeyError as e:
        known = [r.code for r in rules.all_rules()]
        unknown = str(e.args[0])
        raise Usage(
            "usage.unknown_rule_codes",
            codes=unknown,
            hint=hint(unknown, known),
            known=", ".join(known),
        ) from None


def _render(
    run: Run,
    fmt: str,
    lang: str,
    strict: bool,
    unchecked_fails: bool,
    no_color: bool,
    to_file: bool,
) -> Iterable[str] | None:
    """The report as text, in pieces, or None when it went straight to the terminal. JSON comes
    a finding at a time: a plan with a hundred thousand findings is never one string."""
    if fmt == "text":
        from ezplan.render import text

        if to_file:
            buf = io.StringIO()
            text.render(run, console(True, buf), lang)
            return [buf.getvalue()]
        text.render(run, console(no_color), lang)
        return None
    if fmt == "json":
        from ezplan.render import json_out

        return json_out.render_parts(run, lang)
    if fmt == "jsonl":
        from ezplan.render import json_out

        return json_out.lines_parts(run, lang)
    if fmt == "github":
        from ezplan.render import github

        return [github.render(run, lang)]
    if fmt == "junit":
        from ezplan.render import junit

        return [junit.render(run, lang, strict, unchecked_fails)]
    from ezplan.render import sarif

    return [sarif.render(run, lang)]


def _exit_code(tally: Tally, strict: bool, unchecked_fails: bool, exit_zero: bool) -> int:
    from ezplan.findings import Severity
    from ezplan.verdicts import NOT_CHECKABLE

    if tally.unreadable:
        return EXIT_USAGE
    if exit_zero:
        return EXIT_OK
    worst = tally.worst
    bar = Severity.WARNING if strict else Severity.ERROR
    if worst is not None and worst >= bar:
        return EXIT_FINDINGS
    if unchecked_fails and tally.status[NOT_CHECKABLE]:
        return EXIT_FINDINGS
    return EXIT_OK
