"""A plan's contradictions' derivation steps and culprits, packed into arrays and each made when
read (`Book`); `Steps` and `Culprits` read one contradiction's as a tuple of them."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import Literal, NamedTuple

from ezplan.model import Stated
from ezplan.network.terms import Assumption, Quantity, Range, Relation


class End(NamedTuple):
    """One end of one quantity's interval."""

    quantity: Quantity
    end: Literal["lo", "hi"]
    value: float


class Step(NamedTuple):
    """An interval end and what set it: a figure or assumption (`source`), or a relation
    (`relation`) computed from `inputs`. Neither: the quantity's domain (≥ 0) or a fixed value
    of the network (the 1 a chain of growth periods is measured from)."""

    result: End
    source: Stated | Assumption | None
    relation: Relation | None
    inputs: tuple[End, ...]


class Culprit(NamedTuple):
    """A member of a contradiction as the figure (or assumption) that may be wrong.

    fit_conflict: what it would need to be for the rest of the contradiction to hold;
    fit_component: … for every other figure connected to it to hold (None: nothing fits, or
    not asked); resolves_all: changing it alone removes every contradiction of its component
    (of this tier); resolves: how many of them it belongs to. For a change that does not
    resolve everything, blocked_by is the contradiction it would run into instead and
    blocked_needs what that one needs of this figure.
    """

    member: Stated | Assumption
    weight: float
    resolves: int
    resolves_all: bool | None
    fit_conflict: Range | None
    fit_component: Range | None
    blocked_by: tuple[Stated | Assumption, ...] | None
    blocked_needs: Range | None


_ENDS = ("lo", "hi")
_make = tuple.__new__  # a named tuple made so: its own __new__ is Python code, twice as slow


class Book:
    """The derivation steps and culprits of an analysis's contradictions, packed into arrays,
    each made when read: a plan with thousands of contradictions prints the steps and culprits
    of a few (the rest are covered by other rules' findings or blame a figure already named),
    and as objects they would be most of what its contradictions hold (~200 MB at 100,000
    indicators). The quantities, members, relations and ranges they name are kept once each."""

    CULPRIT = 7  # codes a culprit: see `culprit`

    def __init__(self) -> None:
        # by step: where its codes start. Its codes: its end (quantity·2, +1 for "hi"), what
        # set it (1 + its place in `names`; 0: nothing), then each input's end. Its values: its
        # own, then each input's — one fewer than its codes, so they start at `at[k] − k`.
        self.at = array("q")
        self.codes = array("i")
        self.values = array("d")
        self.quantities: list[Quantity] = []
        self.names: list[Stated | Assumption | Relation] = []
        # by culprit: CULPRIT codes and its weight; by range: its two ends and its unit
        self.culprit_codes = array("i")
        self.weights = array("d")
        self.range_ends = array("d")
        self.range_units: list[str] = []
        self.blocked: list[tuple[Stated | Assumption, ...]] = []
        # by contradiction: where its steps and its culprits stop (a number each, not a pair)
        self.step_ends = array("q")
        self.culprit_ends = array("q")

    def close(self) -> int:
        """Ends a contradiction at the steps and culprits added so far; its number."""
        self.step_ends.append(self.steps)
        self.culprit_ends.append(self.culprits)
        return len(self.step_ends) - 1

    @property
    def steps(self) -> int:
        return len(self.at)

    @property
    def culprits(self) -> int:
        return len(self.weights)

    def add_step(
        self, end: int, value: float, name: int, inputs: Sequence[tuple[int, float]]
    ) -> None:
        """A step: `end` and `name` as coded above, `inputs` as (end, value) pairs."""
        self.at.append(len(self.codes))
        self.codes.append(end)
        self.codes.append(name)
        self.values.append(value)
        for code, v in inputs:
            self.codes.append(code)
            self.values.append(v)

    def step(self, k: int) -> Step:
        at, codes, values, quantities = self.at, self.codes, self.values, self.quantities
        first = at[k]
        stop = at[k + 1] if k + 1 < len(at) else len(codes)
        v = first - k  # where its values start
        code = codes[first]
        result = _make(End, (quantities[code >> 1], _ENDS[code & 1], values[v]))
        name = self.names[codes[first + 1] - 1] if codes[first + 1] else None
        if isinstance(name, Relation) or stop - first > 2:
            ends = zip(codes[first + 2 : stop], values[v + 1 : v + stop - first - 1], strict=True)
            inputs = tuple([_make(End, (quantities[c >> 1], _ENDS[c & 1], x)) for c, x in ends])
            relation = name if isinstance(name, Relation) else None
            return _make(Step, (result, None, relation, inputs))
        return _make(Step, (result, name, None, ()))

    def add_range(self, r: Range) -> int:
        self.range_ends.append(r.lo)
        self.range_ends.append(r.hi)
        self.range_units.append(r.unit)
        return len(self.range_units) - 1

    def range(self, k: int) -> Range | None:
        if k < 0:
            return None
        return _make(
            Range, (self.range_ends[2 * k], self.range_ends[2 * k + 1], self.range_units[k])
        )

    def add_culprit(
        self,
        member: int,
        weight: float,
        resolves: int,
        resolves_all: bool | None,
        ranges: tuple[int, int, int],
        blocked: int,
    ) -> None:
        """A culprit: its member's code (as a step's name), its ranges' places (−1: None)
        — fit_conflict, fit_component, blocked_needs — and its blocked_by's (−1: None)."""
        self.weights.append(weight)
        self.culprit_codes.extend(
            (member, resolves, -1 if resolves_all is None else int(resolves_all), *ranges, blocked)
        )

    def culprit(self, k: int) -> Culprit:
        at = self.CULPRIT * k
        member, resolves, resolves_all, conflict, component, needs, blocked = self.culprit_codes[
            at : at + self.CULPRIT
        ]
        ranges = self.range
        culprit = (
            self.names[member - 1],
            self.weights[k],
            resolves,
            None if resolves_all < 0 else bool(resolves_all),
            ranges(conflict),
            ranges(component),
            None if blocked < 0 else self.blocked[blocked],
            ranges(needs),
        )
        return _make(Culprit, culprit)


class _Packed(Sequence):
    """The entries of a Book's contradiction `k`, read as a tuple of them (equal to one,
    printed as one). `_ends`: by contradiction, where its entries stop."""

    __slots__ = ("_book", "_k")

    def __init__(self, book: Book, k: int) -> None:
        self._book, self._k = book, k

    def _ends(self) -> array:
        raise NotImplementedError

    def _read(self, i: int):
        raise NotImplementedError

    def _span(self) -> range:
        ends, k = self._ends(), self._k
        return range(ends[k - 1] if k else 0, ends[k])

    def __len__(self) -> int:
        return len(self._span())

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return tuple(self)[i]
        return self._read(self._span()[i])

    def __iter__(self) -> Iterator:
        return map(self._read, self._span())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (_Packed, tuple)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


class Steps(_Packed, Sequence[Step]):
    """A contradiction's derivation steps, packed."""

    __slots__ = ()

    def _ends(self) -> array:
        return self._book.step_ends

    def _read(self, i: int) -> Step:
        return self._book.step(i)


class Culprits(_Packed, Sequence[Culprit]):
    """A contradiction's culprits, packed."""

    __slots__ = ()

    def _ends(self) -> array:
        return self._book.culprit_ends

    def _read(self, i: int) -> Culprit:
        return self._book.culprit(i)
