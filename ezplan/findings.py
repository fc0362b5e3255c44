"""One problem model for every rule and every output format.

A finding names its rule (`check`), its severity, the indicator, the position of the figure it is
about, a message template with parameters (so it can be shown in Chinese or English), the numbers
behind it for machines, and the computation steps behind it for `ezplan explain`. Findings sort
and compare by position and rule, so tests need not depend on wording.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, ItemsView, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ezplan.errors import Mark


class Severity(enum.IntEnum):
    NOTE = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {s: s.name.lower() for s in Severity}  # read for every finding written


@dataclass(frozen=True, slots=True)
class Finding:
    check: str
    severity: Severity
    indicator: str | None
    mark: Mark
    message_id: str
    params: Mapping[str, Any]  # text; given as {"en": …, "zh": …}, kept as a PerLanguage
    data: Mapping[str, Any] = field(default_factory=dict)
    scope: str = "target"
    steps: tuple[str | PerLanguage, ...] = ()  # formulas; steps with words per language
    related: tuple[Mark, ...] = ()
    addendum: dict[str, str] | None = None  # a later rule's word on it: the likely culprit

    def __post_init__(self) -> None:
        # rules write a step with words as {"en": …, "zh": …}; `steps_in` reads it
        if type(self.steps) is not LaterSteps:
            object.__setattr__(self, "steps", tuple(map(_step, self.steps)))
        # a plan of 100,000 indicators has some 200,000 findings: kept compact, not as dicts
        object.__setattr__(self, "params", fields(self.params, _per_language))
        if type(self.data) is not LaterData:
            object.__setattr__(self, "data", fields(self.data, _compact))

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.mark.file, self.mark.line, self.mark.column, self.check)

    def __lt__(self, other: Finding) -> bool:
        return in_order(self) < in_order(other)

    def message(self, lang: str = "en", glued: bool = False) -> str:
        """The message in `lang`. Templates glue a year to its value with no-break spaces for
        the terminal's line breaking (`glued`); everywhere else they are plain spaces."""
        from ezplan.rules import message_template

        params = {
            k: v.text(lang) if isinstance(v, PerLanguage) else v for k, v in self.params.items()
        }
        text = message_template(self.check, self.message_id, lang).format(**params)
        if self.addendum:
            text += self.addendum.get(lang) or self.addendum["en"]
        return text if glued else unglue(text)


def in_order(f: Finding) -> tuple[str, int, int, str, str]:
    """A finding's place among others (by position, rule and message): how findings compare,
    as a key — a list sorted by it compares tuples, not findings one call at a time."""
    mark = f.mark
    return (mark.file, mark.line, mark.column, f.check, f.message_id)


class PerLanguage(NamedTuple):
    """A message parameter with words in it, in each language (a tuple: a third of a dict)."""

    en: str
    zh: str

    def text(self, lang: str) -> str:
        return (self.zh if lang == "zh" else self.en) or self.en


class Fields(tuple, Mapping[str, Any]):  # type: ignore[misc]
    """A finding's params or data: a read-only mapping that is the tuple of its values, its keys
    kept once, on a class of its own for each set of keys (`fields` makes them). A third of the
    bytes of a dict: a finding has several, a plan of 100,000 indicators 200,000 findings.

    It reads as a mapping, not as the tuple it is: by key, its keys in order, equal to a dict of
    the same items; and it pickles as one.
    """

    __slots__ = ()
    _keys: tuple[str, ...] = ()

    def __getitem__(self, key: str) -> Any:  # type: ignore[override]
        try:
            return tuple.__getitem__(self, self._keys.index(key))
        except ValueError:
            raise KeyError(key) from None

    def __iter__(self) -> Iterator[str]:  # type: ignore[override]
        return iter(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def values(self) -> tuple[Any, ...]:  # type: ignore[override]
        """The values in the order of the keys: the tuple's own, not looked up a key at a time."""
        return tuple.__getitem__(self, slice(None))

    def items(self) -> ItemsView[str, Any]:
        return _FieldsItems(self)

    def __eq__(self, other: object) -> bool:
        return Mapping.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None  # type: ignore[assignment]  # a mapping

    def __or__(self, other: Mapping[str, Any]) -> dict[str, Any]:  # type: ignore[override]
        return {**self, **other}

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return fields, (dict(self),)


def fields(items: Mapping[str, Any], compact: Callable[[Any], Any] | None = None) -> Fields:
    """`items` as `Fields`, `compact` applied to each value as it is kept."""
    keys = tuple(items)
    kind = _FIELDS_OF.get(keys)
    if kind is None:
        kind = _FIELDS_OF[keys] = type(Fields)(
            "Fields", (Fields,), {"__slots__": (), "_keys": keys, "__module__": __name__}
        )
    values = items.values()
    return kind(values if compact is None else map(compact, values))


class _FieldsItems(ItemsView[str, Any]):
    """`Fields.items()`: the keys beside the tuple's values, not looked up a key at a time."""

    _mapping: Fields

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return zip(self._mapping._keys, tuple.__iter__(self._mapping), strict=True)


_FIELDS_OF: dict[tuple[str, ...], type[Fields]] = {}  # a class for each set of keys (a few a rule)


def _per_language(value: Any) -> Any:
    """A message parameter {"en": …, "zh": …} as a `PerLanguage`; its texts shared."""
    if type(value) is str:
        return _shared(value)
    if type(value) is dict and len(value) == 2 and "en" in value and "zh" in value:
        return PerLanguage(_shared(value["en"]), _shared(value["zh"]))
    return value


@functools.lru_cache(maxsize=4096)
def _shared(text: str) -> str:
    """One object for a text that findings repeat (years, periods, rates, units): the first
    finding's, while it is among the last 4,096 asked for (texts that do not repeat drop out)."""
    return text


def _compact(value: Any) -> Any:
    """A mapping in a finding's data (an interval's value, low and high …) as `Fields`, and
    each in a list of them (a contradiction's figures and culprits: a list stays a list)."""
    kind = type(value)
    if kind is dict:
        return fields(value, _compact)
    if kind is list and value and type(value[0]) is dict:
        return list(map(_compact, value))
    return value


class LaterData(Mapping[str, Any]):
    """A finding's data made each time it is read, not kept: what `make` returns. For the data
    of thousands of findings that only a machine output reads (a contradiction's figures and
    culprits, made from the analysis the finding is about): with `LaterSteps`, ~135 MiB of
    the rules' peak at 100,000 generated indicators.
    It pickles as what it makes."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[], Mapping[str, Any]]) -> None:
        self._make = make

    def __getitem__(self, key: str) -> Any:
        return self._make()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._make())

    def __len__(self) -> int:
        return len(self._make())

    def items(self) -> ItemsView[str, Any]:
        return self._make().items()

    def values(self):  # type: ignore[override]  # a view made once, not a key at a time
        return self._make().values()

    __hash__ = None  # type: ignore[assignment]  # a mapping

    def __repr__(self) -> str:
        return repr(dict(self._make()))

    def __reduce__(self) -> tuple[Any, ...]:
        return fields, (dict(self._make()), _compact)


class LaterSteps(Sequence[Any]):
    """A finding's steps made each time they are read (as `LaterData` is its data): `make`
    returns them as a rule writes them."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[], Sequence[Any]]) -> None:
        self._make = make

    def _now(self) -> tuple[Any, ...]:
        return tuple(map(_step, self._make()))

    def __getitem__(self, index):  # type: ignore[override]
        return self._now()[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._now())

    def __len__(self) -> int:
        return len(self._make())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return self._now() == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._now())

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple, (self._now(),)


def _step(s: Any) -> Any:
    """A step with words, {"en": …, "zh": …}, as a `PerLanguage`; a formula as it is."""
    return PerLanguage(s["en"], s["zh"]) if isinstance(s, dict) else s


def steps_in(f: Finding, lang: str) -> list[str]:
    """A finding's computation steps in `lang` (formulas read the same in both)."""
    return [
        (s.zh if lang == "zh" else s.en) if isinstance(s, PerLanguage) else str(s) for s in f.steps
    ]


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
