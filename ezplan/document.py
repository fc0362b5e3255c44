"""A loaded YAML file: its data, and where each key and value of it stands.

Positions are kept beside the data, not in it, in one array of 64-bit integers, each a line
and a column packed: container after container, a list's values in order, a mapping's keys and
values in turn, in the order of its keys; where each container's begin, by its identity; for a
value written as an alias (``*name``), the alias's own position. A path (``("targets",
"exports", "annual")``) is found by walking the data. Kept so, a position costs eight bytes, not
the three hundred of a `Mark` keyed by its path.
"""

from __future__ import annotations

import operator
from array import array
from functools import partial
from typing import Any

from ezplan.errors import Mark

PathKey = tuple[str | int, ...]

_BITS = 32
_LOW = (1 << _BITS) - 1
_INDEXED = 64
"""A mapping of more keys than this has its keys' places looked up in a table made once,
not by scanning its keys (`indicators` and `targets` hold one key an indicator)."""


_new_mark = partial(tuple.__new__, Mark)  # `Mark(*fields)` without its Python-level __new__


def pack(line: int, column: int) -> int:
    """A 0-based line and column (as the parser gives them) as one integer."""
    return (line << _BITS) | column


class Document:
    """A loaded file: its data and the 1-based position of each value and key, by path."""

    def __init__(
        self,
        path: str,
        data: Any = None,
        root: int | None = None,
        kids: dict[int, int] | None = None,
        table: array | None = None,
        aliases: dict[tuple[int, Any], int] | None = None,
    ) -> None:
        self.path = path
        self.data = data
        self._root = root  # the position of the top value
        # id(container) → where its positions begin in the table: key, value, key, value …
        # for a mapping, value, value … for a list
        self._kids = kids if kids is not None else {}
        self._table = table if table is not None else array("Q")
        self._places: dict[int, dict[Any, int]] = {}  # a large mapping's keys → their places
        self._aliases = aliases if aliases is not None else {}  # (id(container), key) → position
        # the steps of the last walk and where each led, (value, where its positions begin or
        # None, nearest position): a plan asks for the figures of one indicator after another,
        # so a walk starts from the steps it shares with the last
        self._walked: list[Any] = []
        self._trail: list[tuple[Any, int | None, int]] = []
        self._last_parent: PathKey | None = None  # the last parent walked to, and where it led
        self._last: tuple[Any, int | None, int] = (None, None, 0)

    def _at(self, packed: int) -> Mark:
        return Mark(self.path, (packed >> _BITS) + 1, (packed & _LOW) + 1)

    def mark(self, path: PathKey, *, key: bool = False) -> Mark:
        """The position of `path`, or of its nearest ancestor that has one; with `key`, the
        position of the last key of `path` where it is a key of a mapping."""
        if self._root is None:
            return Mark(self.path, 1, 1)
        if not path:
            return self._at(self._root)
        parent = path[:-1]
        # siblings are asked for one after another: the walk would resume to the same place,
        # but comparing its steps one by one costs ~0.2 µs a mark more (gen10k's 50,002: +11%)
        if parent == self._last_parent:
            cur, begin, best = self._last
        else:
            cur, begin, best = self._last = self._walk(parent)
            self._last_parent = parent
        if begin is not None:
            at = self._position(cur, begin, path[-1], key)
            if at is not None:
                best = at
        return _new_mark((self.path, (best >> _BITS) + 1, (best & _LOW) + 1))

    def _walk(self, steps: PathKey) -> tuple[Any, int | None, int]:
        """Down `steps` from the top: the value reached, where its positions begin (None where
        the walk cannot go on: a scalar, a step not there, a value written as an alias), and the
        nearest position."""
        walked, trail = self._walked, self._trail
        shared = 0
        most = min(len(steps), len(walked))
        while shared < most and walked[shared] == steps[shared]:
            shared += 1
        if shared:
            cur, begin, best = trail[shared - 1]
        else:
            cur, best = self.data, self._root
            begin = self._kids.get(id(cur))
        del walked[shared:], trail[shared:]
        for step in steps[shared:]:
            if begin is None:
                break
            at = self._position(cur, begin, step, False)
            if at is None:
                begin = None
            elif self._aliases and (id(cur), step) in self._aliases:
                # what the alias stands for has its positions elsewhere: stop at the alias
                cur, begin, best = cur[step], None, at
            else:
                cur, best = cur[step], at
                begin = self._kids.get(id(cur))
            walked.append(step)
            trail.append((cur, begin, best))
        return cur, begin, best  # type: ignore[return-value]

    def _position(self, cur: Any, begin: int, step: Any, key: bool) -> int | None:
        """The position of `step` in the container `cur` whose positions begin at `begin` (its
        key's with `key`; the alias's for a value written as one), or None where there is no
        such step."""
        if type(cur) is dict:  # the data is plain dicts and lists (`ezplan.yaml_events`)
            if step not in cur:
                return None
            if len(cur) <= _INDEXED:
                i = begin + 2 * operator.indexOf(cur, step)
            else:
                i = begin + 2 * self._place(cur, step)
            if key:
                return self._table[i]
            at = self._table[i + 1]
        elif isinstance(step, int) and 0 <= step < len(cur):
            at = self._table[begin + step]
        else:
            return None
        if self._aliases:
            return self._aliases.get((id(cur), step), at)
        return at

    def _place(self, mapping: dict[Any, Any], key: Any) -> int:
        """Where `key` stands among the keys of a large `mapping` (0 for the first)."""
        places = self._places.get(id(mapping))
        if places is None:
            places = self._places[id(mapping)] = {k: i for i, k in enumerate(mapping)}
        return places[key]
