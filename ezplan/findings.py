"""One problem model for every rule and every output format.

A finding names its rule (`check`), its severity, the indicator, the position of the figure it is
about, a message template with parameters (so it can be shown in Chinese or English), the numbers
behind it for machines, and the computation steps behind it for `ezplan explain`. Findings sort
and compare by position and rule, so tests need not depend on wording.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from ezplan.errors import Mark


class Severity(enum.IntEnum):
    NOTE = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Finding:
    check: str
    severity: Severity
    indicator: str | None
    mark: Mark
    message_id: str
    params: dict[str, str | dict[str, str]]  # a dict value holds the text per language
    data: dict[str, Any] = field(default_factory=dict)
    scope: str = "target"
    steps: tuple[str | dict[str, str], ...] = ()  # formulas; steps with words per language
    related: tuple[Mark, ...] = ()
    addendum: dict[str, str] | None = None  # a later rule's word on it: the likely culprit

    def __post_init__(self) -> None:
        # rules write a step with words as {"en": …, "zh": …}; it is kept as a str (English)
        # that carries its Chinese, so that every reader of `steps` still gets text
        steps = tuple(words(s) if isinstance(s, dict) else s for s in self.steps)
        object.__setattr__(self, "steps", steps)

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.mark.file, self.mark.line, self.mark.column, self.check)

    def __lt__(self, other: Finding) -> bool:
        return (self.key, self.message_id) < (other.key, other.message_id)

    def message(self, lang: str = "en", glued: bool = False) -> str:
        """The message in `lang`. Templates glue a year to its value with no-break spaces for
        the terminal's line breaking (`glued`); everywhere else they are plain spaces."""
        from ezplan.rules import message_template

        params = {
            k: (v.get(lang) or v["en"]) if isinstance(v, dict) else v
            for k, v in self.params.items()
        }
        text = message_template(self.check, self.message_id, lang).format(**params)
        if self.addendum:
            text += self.addendum.get(lang) or self.addendum["en"]
        return text if glued else unglue(text)


class Words(str):
    """A step with words in it: the English text, carrying its Chinese as `zh`."""

    zh: str

    def __new__(cls, en: str, zh: str) -> Words:
        obj = super().__new__(cls, en)
        obj.zh = zh
        return obj

    def __getnewargs__(self) -> tuple[str, str]:  # so that findings cross process pools
        return str(self), self.zh


def words(text: dict[str, str]) -> Words:
    return Words(text["en"], text["zh"])


def steps_in(f: Finding, lang: str) -> list[str]:
    """A finding's computation steps in `lang` (formulas read the same in both)."""
    return [s.zh if lang == "zh" and isinstance(s, Words) else str(s) for s in f.steps]


def unglue(text: str) -> str:
    """No-break spaces (which keep a year with its value on the terminal) as plain spaces."""
    return text.replace("\u00a0", " ")


@dataclass(frozen=True, slots=True)
class Checked:
    """A relation a rule evaluated, whatever it found: what earns a target "consistent".

    Rules yield one beside their findings for every case they judged, so that a target none of
    whose relations could be judged is reported as not checkable instead of consistent.
    """

    check: str
    indicator: str
    scope: str = "target"


def worst(findings: list[Finding]) -> Severity | None:
    return max((f.severity for f in findings), default=None)


def summary(findings: list[Finding]) -> dict[str, int]:
    counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
    for f in findings:
        counts[f.severity.label] += 1
    return counts
