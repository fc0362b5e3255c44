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
from typing import Any

from ezplan.errors import Mark

PathKey = tuple[str | int, ...]

_BITS = 32
_LOW = (1 << _BITS) - 1
_INDEXED = 64
"""A mapping of more keys than this has its keys' places looked up in a table made once,
not by scanning its keys (`indicators` and `targets` hold one key an indicator)."""


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
        self._last_path: PathKey | None = None  # the last parent walked to, and where it led
        self._last: tuple[Any, int, bool] = (None, 0, True)

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
        if parent == self._last_path:  # siblings are asked for one after another
            cur, best, stopped = self._last
        else:
            cur, best, stopped = self._walk(parent)
            self._last_path, self._last = parent, (cur, best, stopped)
        if stopped:
            return self._at(best)
        found = self._step(cur, path[-1], key)
        return self._at(best if found is None else found[1])

    def _walk(self, steps: PathKey) -> tuple[Any, int, bool]:
        """Down `steps` from the top: (the value reached, the nearest position, stopped short)."""
        best = self._root
        cur = self.data
        for step in steps:
            found = self._step(cur, step, False)
            if found is None:
                return cur, best, True  # type: ignore[return-value]
            cur, best, through_alias = found
            if through_alias:
                return cur, best, True
        return cur, best, False  # type: ignore[return-value]

    def _step(self, cur: Any, step: Any, key: bool) -> tuple[Any, int, bool] | None:
        """One step down from `cur`: (the value, its position — its key's with `key` —, whether
        it is an alias), or None where there is no such step."""
        begin = self._kids.get(id(cur))
        if begin is None:
            return None
        if isinstance(cur, dict):
            if step not in cur:
                return None
            i = begin + 2 * self._place(cur, step)
            if key:
                return cur[step], self._table[i], False
            at = self._table[i + 1]
        elif isinstance(step, int) and 0 <= step < len(cur):
            at = self._table[begin + step]
        else:
            return None
        alias = self._aliases.get((id(cur), step))
        if alias is not None:  # what the alias stands for has its positions elsewhere
            return cur[step], alias, True
        return cur[step], at, False

    def _place(self, mapping: dict[Any, Any], key: Any) -> int:
        """Where `key` stands among `mapping`'s keys (0 for the first)."""
        if len(mapping) <= _INDEXED:
            return operator.indexOf(mapping, key)
        places = self._places.get(id(mapping))
        if places is None:
            places = self._places[id(mapping)] = {k: i for i, k in enumerate(mapping)}
        return places[key]
