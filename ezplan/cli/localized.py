"""The command line in the user's language: help texts, usage errors, the language itself.

- The language of an invocation is chosen once, before click parses anything (so that
  ``--help`` and a usage error are already in it): ``--lang`` among the arguments, else ``lang``
  in the settings, else the locale (`invocation_lang`). A command that reads its own ``--lang``
  and settings confirms it (`choose_lang`).
- Help texts live in the catalogue (`ezplan.i18n.cli`): `Command` and `Group` show ``cmd.NAME``
  and each option's ``opt.NAME.PARAM`` (or ``opt.PARAM``) in that language, with click's own
  words around them ("Usage:", "Options", "[default: …]") translated too, and Chinese wrapped
  by its width on the terminal.
- Usage errors: ezplan's own are `Usage` (an id of the catalogue); click's are translated by
  their exception type and parameters (`usage_message`), with the parameter types below noting
  what was wrong with a value. Anything else is shown as click says it.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Sequence
from typing import Any

import click

from ezplan.i18n import (
    TEXT,
    Listed,
    Message,
    current_lang,
    set_lang,
    speaking,
    t,
)

# --- the language ------------------------------------------------------------------------------


_GROUP_LANG = "ezplan.lang"


def remember_group_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """``ezplan --lang zh COMMAND``: the group's ``--lang``, for every command under it."""
    if value:
        ctx.meta[_GROUP_LANG] = value


def choose_lang(option: str | None, settings_lang: str | None = None) -> str:
    """The language of a command: its ``--lang``, else the group's (``ezplan --lang zh …``), else
    the settings', else the invocation's (the locale's when the command runs outside the `ezplan`
    group). Messages follow it from here."""
    ctx = click.get_current_context(silent=True)
    group = ctx.meta.get(_GROUP_LANG) if ctx is not None else None
    lang = option or group or settings_lang or current_lang()
    set_lang(lang)
    return lang


# --- help ------------------------------------------------------------------------------------


# What a help text never breaks inside: inline code (`ezplan check`), a bracketed note
# ([0<=x<=10], [default: auto]), an option with its metavar (--out DIR, -o FILE), a file
# extension (.docx) and a name joined by hyphens (-findings, comma-separated).
HELP_WHOLE = re.compile(
    r"``[^`\n]+``|`[^`\n]+`|\[[^\[\]\n]{1,40}\]"
    r"|(?<![\w-])--?[A-Za-z][\w-]*(?: [A-Z][A-Z_]+\b(?!\]))?"
    r"|(?<![\w.])\.[a-z]{2,4}\b|[A-Za-z]+(?:-[A-Za-z]+)+"
)


class Formatter(click.HelpFormatter):
    """click's formatter, wrapping by the cells text takes on the terminal (a Chinese character
    takes two) and breaking Chinese between characters, as Chinese is set — but never inside
    code, an option name with its metavar, a bracketed note or a file extension (`HELP_WHOLE`),
    in either language."""

    def _wrap(self, text: str, width: int) -> list[str]:
        from ezplan.render.wrap import wrap_code

        return wrap_code(text, width, HELP_WHOLE)

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        width = max(self.width - self.current_indent, 11)
        paragraphs = [" ".join(p.split("\n")) for p in text.split("\n\n")]
        blocks = ["\n".join(indent + line for line in self._wrap(p, width)) for p in paragraphs]
        self.write("\n\n".join(blocks))
        self.write("\n")

    def write_heading(self, heading: str) -> None:
        if current_lang() != "zh":
            return super().write_heading(heading)
        self.write(f"{'':>{self.current_indent}}{heading}：\n")
        return None

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        from rich.cells import cell_len

        rows = list(rows)
        first = min(max((cell_len(name) for name, _ in rows), default=0), col_max) + col_spacing
        for name, text in rows:
            self.write(f"{'':>{self.current_indent}}{name}")
            if not text:
                self.write("\n")
                continue
            if cell_len(name) <= first - col_spacing:
                self.write(" " * (first - cell_len(name)))
            else:
                self.write("\n" + " " * (first + self.current_indent))
            lines = self._wrap(text, max(self.width - first - self.current_indent, 10))
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first + self.current_indent}}{line}\n")


class Context(click.Context):
    formatter_class = Formatter


def help_id(command: str, param: click.Parameter) -> str | None:
    """The catalogue id of an option's help: for this command, else wherever it appears."""
    for key in (f"opt.{command}.{param.name}", f"opt.{param.name}"):
        if key in TEXT:
            return key
    return None


class Localized:
    """Help in the language of the invocation, from the catalogue (mixed into click's classes;
    `catalogue_name` is the command's name in ``cmd.NAME`` and ``opt.NAME.PARAM``)."""

    context_class = Context

    @property
    def catalogue_name(self) -> str:
        return self.name or "ezplan"  # type: ignore[attr-defined]

    def help_text(self, lang: str) -> str:
        return t(f"cmd.{self.catalogue_name}", lang)

    def get_short_help_str(self, limit: int = 45) -> str:
        lang = current_lang()
        key = f"cmd.{self.catalogue_name}.short"
        if key in TEXT:
            return t(key, lang)
        return self.help_text(lang).split("\n\n", 1)[0]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), t("help.usage", current_lang()))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(self.help_text(current_lang()))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = current_lang()
        rows = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if isinstance(param, click.Option):
                row = self._help_row(ctx, param, lang)
                if row is not None:
                    rows.append(row)
        if rows:
            with formatter.section(t("help.options", lang)):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self._format_commands(ctx, formatter, lang)

    def _help_row(self, ctx: click.Context, param: click.Option, lang: str) -> Any:
        if param is self.get_help_option(ctx):  # type: ignore[attr-defined]
            text = t("help.option.help", lang)
        elif "--version" in param.opts:
            text = t("help.option.version", lang)
        else:
            key = help_id(self.catalogue_name, param)
            text = t(key, lang) if key else ""
        saved = param.help, param.show_default, param.required
        param.help, param.show_default, param.required = text, False, False
        try:
            row = param.get_help_record(ctx)
        finally:
            param.help, param.show_default, param.required = saved
        if row is None:
            return None
        spec, body = row
        extras = []
        shown = isinstance(param.default, str | int | float) and not param.is_flag
        if param.show_default and shown:
            extras.append(t("help.default", lang, value=param.default))
        if param.required:
            extras.append(t("help.required", lang))
        if extras:
            body = f"{body}  [{'; '.join(extras)}]" if body else f"[{'; '.join(extras)}]"
        return spec, body

    def _format_commands(
        self, ctx: click.Context, formatter: click.HelpFormatter, lang: str
    ) -> None:
        group: Any = self
        rows = []
        for name in group.list_commands(ctx):
            cmd = group.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str()))
        if rows:
            with formatter.section(t("help.commands", lang)):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        if ctx.parent is not None or isinstance(self, click.Group):  # the group keeps it
            return super().invoke(ctx)  # type: ignore[misc]
        with speaking(current_lang()):  # run on its own: the language it chooses ends with it
            return super().invoke(ctx)  # type: ignore[misc]

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """click's parsing; its usage errors know their command, and extra arguments are
        refused here, with words of the catalogue."""
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)  # type: ignore[misc]
        except click.UsageError as e:
            if e.ctx is None:  # the option parser's errors come without it
                e.ctx = ctx
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            key = "usage.extra_argument" if len(rest) == 1 else "usage.extra_arguments"
            raise Usage(key, ctx, args=" ".join(map(str, rest)))
        return rest


class Command(Localized, click.Command):
    """A command whose help is in the catalogue."""


class LocalizedGroup(Localized, click.Group):
    """The group: its help in the catalogue, and an unknown command named in the catalogue's
    words with click's did-you-mean."""

    @property
    def catalogue_name(self) -> str:
        return "ezplan"

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except (click.NoSuchOption, click.BadOptionUsage, click.BadParameter):
            raise
        except click.UsageError:
            name = click.utils.make_str(args[0]) if args else ""
            if self.get_command(ctx, name) is not None:
                raise
            close = difflib.get_close_matches(name, self.list_commands(ctx))
            raise Usage(
                "usage.no_such_command", ctx, name=name, hint=_possibilities(close)
            ) from None


# --- usage errors -------------------------------------------------------------------------------


class Usage(click.UsageError):
    """A usage error of ezplan's own, by an id of the catalogue: shown in the language of the
    invocation."""

    def __init__(self, message_id: str, ctx: click.Context | None = None, **params: Any) -> None:
        self.msg = Message(message_id, **params)
        super().__init__(self.msg.text("en"), ctx)

    def format_message(self) -> str:
        return self.msg.text()


def _possibilities(names: Sequence[str] | None) -> Message | str:
    """click's did-you-mean: ' Did you mean '--lang'?' or ' (Did you mean one of: …?)'."""
    if not names:
        return ""
    key = "usage.possibility" if len(names) == 1 else "usage.possibilities"
    return Message(key, names=Listed(sorted(names)))


def usage_message(e: click.UsageError) -> Message | None:
    """A usage error in words of the catalogue, by click's exception type and parameters; None
    when the catalogue has no words for it (it is then shown as click says it)."""
    if isinstance(e, Usage):
        return e.msg
    if isinstance(e, click.NoSuchOption):
        return Message(
            "usage.no_such_option", name=e.option_name, hint=_possibilities(e.possibilities)
        )
    if isinstance(e, click.MissingParameter):
        return _missing(e)
    if isinstance(e, click.BadParameter):
        problem = getattr(e, "ezplan_problem", None)
        if problem is None or e.param is None:
            return None
        return Message("usage.invalid_value", name=_param_name(e.param, e.ctx), problem=problem)
    if isinstance(e, click.BadOptionUsage) and e.ctx is not None:
        option = next(
            (
                p
                for p in e.ctx.command.params
                if isinstance(p, click.Option) and e.option_name in (*p.opts, *p.secondary_opts)
            ),
            None,
        )
        if option is None or option.nargs > 1:
            return None
        flag = option.is_flag or option.count
        key = "usage.option_takes_no_value" if flag else "usage.option_needs_value"
        return Message(key, name=e.option_name)
    return None


def _missing(e: click.MissingParameter) -> Message | None:
    param = e.param
    if param is None or e.message:
        return None
    kind = e.param_type or param.param_type_name
    keys = {"argument": "usage.missing_argument", "option": "usage.missing_option"}
    if kind not in keys:
        return None
    extra: Message | str = ""
    if isinstance(param.type, click.Choice):
        extra = Message("usage.choose_from", choices=", ".join(map(str, param.type.choices)))
    return Message(keys[kind], name=_param_name(param, e.ctx), extra=extra)


def _param_name(param: click.Parameter, ctx: click.Context | None) -> dict[str, str]:
    """A parameter as click names it in English ('--jobs' / '-j', 'IDS...'), and in Chinese
    quotation marks."""
    en = param.get_error_hint(ctx)
    names = [x.strip("'") for x in en.split(" / ")]
    return {"en": en, "zh": "、".join(f"“{x}”" for x in names)}


# --- parameter types that say what was wrong with a value -------------------------------------


class Choice(click.Choice):
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as e:
            choices = list(self.choices)
            key = "usage.not_the_choice" if len(choices) == 1 else "usage.not_a_choice"
            e.ezplan_problem = Message(key, value=value, choices=Listed(choices))  # type: ignore[attr-defined]
            raise


def _describe_range(kind: Any) -> str:
    """0<=x<=10, x>=1: as click writes a range."""
    lower = "<" if kind.min_open else "<="
    upper = "<" if kind.max_open else "<="
    if kind.min is None:
        return f"x{upper}{kind.max}"
    if kind.max is None:
        return f"x{'>' if kind.min_open else '>='}{kind.min}"
    return f"{kind.min}{lower}x{upper}{kind.max}"


class FloatRange(click.FloatRange):
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as e:
            e.ezplan_problem = _range_problem(self, value, float, "usage.not_a_float")  # type: ignore[attr-defined]
            raise


class IntRange(click.IntRange):
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as e:
            e.ezplan_problem = _range_problem(self, value, int, "usage.not_an_integer")  # type: ignore[attr-defined]
            raise


def _range_problem(kind: Any, value: Any, number: Any, not_a_number: str) -> Message:
    try:
        n = number(value)
    except (TypeError, ValueError):
        return Message(not_a_number, value=value)
    return Message("usage.out_of_range", value=n, range=_describe_range(kind))


class Path(click.Path):
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as e:
            e.ezplan_problem = self._problem(value)  # type: ignore[attr-defined]
            raise

    def _problem(self, value: Any) -> Message | None:
        shown = click.format_filename(value)
        try:
            st = os.stat(value)
        except OSError:
            return None
        if not self.file_okay and stat.S_ISREG(st.st_mode):
            return Message("usage.directory_is_file", path=shown)
        if not self.dir_okay and stat.S_ISDIR(st.st_mode):
            return Message("usage.file_is_directory", path=shown)
        if self.readable and not os.access(value, os.R_OK):
            what = "file" if not self.dir_okay else "directory" if not self.file_okay else "path"
            return Message(f"usage.{what}_not_readable", path=shown)
        return None
