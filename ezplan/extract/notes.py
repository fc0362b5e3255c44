"""Review notes in either language.

A `Note` is a string — its English text — that also knows its id in the extract catalogue
(`ezplan.i18n.extract`) and its parameters, so that the drafts and the summary show it in the
language of the invocation (`--lang`). A parameter may itself be a Note (the place a time was
carried from), shown in the same language. The extraction tells notes apart by their id
(`note_id`), never by their wording.
"""

from __future__ import annotations

from typing import Any

from ezplan.i18n import current_lang
from ezplan.i18n.extract import TEXT

SEPARATOR = {"en": "; ", "zh": "；"}


def _shown(value: Any, lang: str) -> Any:
    return value.text(lang) if isinstance(value, Note) else value


class Note(str):
    """A review note: its English text, shown in any language with `text(lang)`."""

    id: str
    params: dict[str, Any]

    def __new__(cls, id: str, /, **params: Any) -> Note:
        if id not in TEXT:
            raise KeyError(f"no note {id!r} in ezplan.i18n.extract")
        obj = super().__new__(cls, _render(id, params, "en"))
        obj.id = id
        obj.params = params
        return obj

    def text(self, lang: str | None = None) -> str:
        return _render(self.id, self.params, lang or current_lang())

    def __reduce__(self) -> tuple[Any, ...]:
        return (_note, (self.id, self.params))


def _render(id: str, params: dict[str, Any], lang: str) -> str:
    entry = TEXT[id]
    template = entry.get(lang) or entry["en"]
    return template.format(**{k: _shown(v, lang) for k, v in params.items()})


def _note(id: str, params: dict[str, Any]) -> Note:
    return Note(id, **params)


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
