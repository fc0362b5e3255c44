"""Every string a user reads, in Chinese and English: one catalogue, looked up by id.

The catalogue is assembled from one module per area (``ui`` for the terminal views, ``reports``
for exports and reports, ``errors`` for the messages of input that cannot be used and files that
cannot be written, ``cli`` for help texts and usage errors), so that each area's words live
together; ids are unique across them. Rule messages live with their rules (``MESSAGES`` in each
rule module).

The language of one invocation: ``--lang`` if given, else ``lang`` in the settings, else the
locale (`default_lang`). The command line sets it once (`speaking`, `set_lang`); a `Message`,
and an error that carries one, is shown in it unless asked for another (``text(lang)``).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

from ezplan.i18n import cli, errors, extract, reports, ui

LANGS = ("zh", "en")


def _assemble(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for table in tables:
        clash = out.keys() & table.keys()
        assert not clash, f"message ids defined twice: {sorted(clash)}"
        out |= table
    return out


TEXT = _assemble(ui.TEXT, reports.TEXT, errors.TEXT, cli.TEXT, extract.TEXT)


def t(key: str, lang: str, **kw: object) -> str:
    entry = TEXT[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**kw) if kw else text


def colon(lang: str) -> str:
    """The colon after a label: full-width in Chinese (单位：亿元), ": " in English."""
    return "：" if lang == "zh" else ": "


def counted(n: int, word: str, lang: str) -> str:
    """3 errors, 1 warning in English; the bare number in Chinese, whose words carry no plural."""
    if lang != "en":
        return str(n)
    return f"{n}\u00a0{word}" if n == 1 else f"{n}\u00a0{word}s"


def plan_period(base_year: int, end_year: int, lang: str) -> str:
    """规划期 2021—2025年（基期 2020年）: the years a plan runs over, and its base year."""
    return t("period", lang, first=base_year + 1, end=end_year, base=base_year)


def default_lang() -> str:
    """zh when the locale is Chinese, else en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


# --- the language of this invocation ---------------------------------------------------------

_LANG: ContextVar[str | None] = ContextVar("ezplan_lang", default=None)


def current_lang() -> str:
    """The language chosen for this invocation (`speaking`, `set_lang`), else the locale's."""
    return _LANG.get() or default_lang()


def set_lang(lang: str) -> None:
    """Choose the language from here on (until the enclosing `speaking` block ends)."""
    _LANG.set(lang if lang in LANGS else "en")


@contextlib.contextmanager
def speaking(lang: str | None) -> Iterator[None]:
    """Messages in `lang` while the block runs (None: the locale's); restored after it."""
    token = _LANG.set(lang if lang in LANGS else None)
    try:
        yield
    finally:
        _LANG.reset(token)


# --- messages: an id and its parameters, shown in either language ----------------------------

EXTERNAL = "external"
"""The id of text that comes from outside the catalogue as it is (a document reader's message, an
operating system's error text ezplan has no words for): shown the same in both languages."""


class Message:
    """A message of the catalogue with its parameters, shown in any language: `text(lang)`.

    A parameter may itself be a `Message` (a figure's problem inside the message that places it
    in the file), an `Either` (did you mean 'a' or 'b'), or a dict with the text per language;
    each is shown in the language of the whole. Messages pickle (they cross process pools).
    """

    __slots__ = ("id", "params")

    def __init__(self, id: str, /, **params: Any) -> None:
        if id not in TEXT:
            raise KeyError(f"no message {id!r} in the catalogue (ezplan.i18n)")
        self.id = id
        self.params = params

    @classmethod
    def external(cls, text: str) -> Message:
        return cls(EXTERNAL, text=text)

    def text(self, lang: str | None = None) -> str:
        lang = lang or current_lang()
        entry = TEXT[self.id]
        template = entry.get(lang) or entry["en"]
        return template.format(**{k: shown(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        params = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Message({self.id!r}{params})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.id, self.params) == (other.id, other.params)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_message, (self.id, self.params))


def _message(id: str, params: dict[str, Any]) -> Message:
    return Message(id, **params)


def message(text: str | Message, params: dict[str, Any] | None = None) -> Message:
    """`text` as a Message: a Message as it is, an id of the catalogue with `params`, or text from
    outside the catalogue (shown as it is in both languages)."""
    if isinstance(text, Message):
        assert not params, "a Message takes no more parameters"
        return text
    if text in TEXT:
        return Message(text, **(params or {}))
    assert not params, f"no message {text!r} in the catalogue"
    return Message.external(text)


class Either(tuple):
    """Alternatives, quoted: 'annual' or 'total' in English, “annual”或“total” in Chinese."""

    def __new__(cls, items: Iterable[object]) -> Either:
        return super().__new__(cls, items)

    def text(self, lang: str) -> str:
        if lang == "zh":
            return "或".join(f"“{x}”" for x in self)
        return " or ".join(repr(x) for x in self)


class Listed(tuple):
    """Names, quoted: 'auto', 'text' in English, “auto”、“text” in Chinese."""

    def __new__(cls, items: Iterable[object]) -> Listed:
        return super().__new__(cls, items)

    def text(self, lang: str) -> str:
        if lang == "zh":
            return "、".join(f"“{x}”" for x in self)
        return ", ".join(repr(x) for x in self)


def shown(value: Any, lang: str) -> Any:
    """A parameter as it is shown in `lang`."""
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, Either | Listed):
        return value.text(lang)
    if isinstance(value, dict) and "en" in value:
        return value.get(lang) or value["en"]
    return value
