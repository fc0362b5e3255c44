"""Commands about the plan files themselves: `schema`, `rules`, `init`."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path as FilePath

import click

from ezplan.cli.common import EXIT_USAGE
from ezplan.cli.localized import Choice, Command, Path, choose_lang
from ezplan.errors import printable
from ezplan.i18n import LANGS, colon, t
from ezplan.render.wrap import cells, wrap, wrap_code


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
    width = shutil.get_terminal_size((80, 24)).columns
    after_label = colon(lang)
    for r in rules.all_rules():
        head = f"{r.code}{after_label}{r.title.get(lang, r.title['en'])}"
        click.echo("\n".join(wrap(head, width)))
        for line in doc_lines(r.doc_in(lang), max(20, width - 4)):
            click.echo(f"    {line}".rstrip())
        click.echo()


_ITEM = re.compile(r"(\s*)([-*•] |\d+\. )")


def doc_lines(doc: str, width: int) -> list[str]:
    """A rule's documentation wrapped to `width`: paragraphs and list items rewrapped (items
    with a hanging indent), figures whole; inline code (`constant_prices: true`) never split
    and an indented or fenced block (code, an example) kept as written."""
    out: list[str] = []
    for para in re.split(r"\n[ \t]*\n", doc.strip("\n")):
        lines = para.rstrip().split("\n")
        if any(x.startswith(("    ", "\t", "```")) for x in lines):
            out += [*lines, ""]
            continue
        items: list[list[str]] = []  # first-line prefix, hanging prefix, text
        for line in lines:
            m = _ITEM.match(line)
            if m:
                items.append([m.group(0), " " * len(m.group(0)), line[m.end() :].strip()])
            elif items:
                items[-1][2] = _join(items[-1][2], line.strip())
            else:
                items.append(["", "", line.strip()])
        for first, rest, text in items:
            wrapped = wrap_code(text, width - len(rest))
            out += [first + wrapped[0], *(rest + x for x in wrapped[1:])]
        out.append("")
    while out and not out[-1]:
        out.pop()
    return out


def _join(a: str, b: str) -> str:
    """Two lines of one paragraph as one: Chinese runs on without a space, English with one."""
    if not a or not b:
        return a + b
    if _wide(a[-1]) or _wide(b[0]):
        return a + b
    return f"{a} {b}"


def _wide(ch: str) -> bool:
    return cells(ch) == 2


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
