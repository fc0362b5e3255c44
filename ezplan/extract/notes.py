"""Review notes in either language.

A `Note` is a string — its English text — that also knows its id in the extract catalogue
(`ezplan.i18n.extract`) and its parameters, so that the drafts and the summary show it in the
language of the invocation (`--lang`). A parameter may itself be a Note (the place a time was
carried from), shown in the same language. The extraction tells notes apart by their id
(`note_id`), never by their wording.
"""

from __future__ import annotations

from typing import Any

from ezplan.i18n import Message, current_lang

SEPARATOR = {"en": "; ", "zh": "；"}


class Note(str):
    """A review note: its English text, shown in any language with `text(lang)` — the
    catalogue's `Message` under a string, a Note among its parameters shown as its message."""

    message: Message

    def __new__(cls, id: str, /, **params: Any) -> Note:
        message = Message(id, **{k: _inner(v) for k, v in params.items()})
        obj = super().__new__(cls, message.text("en"))
        obj.message = message
        return obj

    @property
    def id(self) -> str:
        return self.message.id

    def text(self, lang: str | None = None) -> str:
        return self.message.text(lang)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_note, (self.message,))


def _inner(value: Any) -> Any:
    return value.message if isinstance(value, Note) else value


def _note(message: Message) -> Note:
    return Note(message.id, **message.params)


def period_words(first: int, last: int) -> str | dict[str, str]:
    """A period as a note's parameter, written as the notes' own templates write one:
    2016-2020 in English, 2016—2020 in Chinese; one year alone."""
    if first == last:
        return str(first)
    return {"en": f"{first}-{last}", "zh": f"{first}—{last}"}


def note_id(note: object) -> str | None:
    """The catalogue id of a note (None: plain text)."""
    return note.id if isinstance(note, Note) else None


def shown(note: str, lang: str | None = None) -> str:
    """A note in `lang` (text that is no Note, as it is)."""
    return note.text(lang) if isinstance(note, Note) else str(note)


def joined(notes: list[str], lang: str | None = None) -> str:
    """Notes in `lang`, each once, in the order given."""
    lang = lang or current_lang()
    seen: list[str] = []
    for n in notes:
        s = shown(n, lang)
        if s and s not in seen:
            seen.append(s)
    return (SEPARATOR.get(lang) or SEPARATOR["en"]).join(seen)
