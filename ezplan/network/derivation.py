"""How an interval end was derived: the chain of narrowings back to stated figures.

Propagation records, per variable, the reason that last moved each end. Walking these reasons
backwards gives the derivation of any end as plain steps, and the items (figures, assumptions)
it rests on — which is where the search for a minimal contradiction starts.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Callable
from typing import Any, NamedTuple, Protocol

import numpy as np

from ezplan.network.compiled import Compiled

LO, HI = "lo", "hi"
_FLIP = {LO: HI, HI: LO}
MAX_STEPS = 200
DECODED = 32768
"""Reasons decoded and remembered, in each of two generations: the reasons a window of
searches walks (batch.py) again and again. At 100,000 generated indicators the searches walk
190,000 reasons (~50 MiB decoded) and forgetting all but the last 32,768 to 65,536 decodes 2%
of them again."""


class Step(NamedTuple):
    """One end of one variable and what set it.

    kind is "bound" (a fact's or assumption's interval, or a hard bound), a constraint kind
    ("product", "power", "cumsum", "linear"), or "domain" (never narrowed). `index` is the bound
    entry or constraint (for linear: the term); `item` the item owning it (−1: hard); `inputs`
    the ends it was computed from, as (variable, end), and `values` their values (apart: the
    ends are the reason's, one tuple shared by every step it set, and a search keeps many).
    """

    var: int
    end: str
    value: float
    kind: str
    index: int
    item: int
    inputs: tuple[tuple[int, str], ...]
    values: tuple[float, ...]


class Tables:
    """The compiled arrays as Python arrays (array.array): walking a derivation touches a few
    entries at a time, where their indexing is much cheaper than numpy's — and an entry takes
    its 8 bytes, not a list's pointer and a number object besides (five times as much: the
    tables of a plan of 100,000 indicators would be ~80 MB as lists)."""

    def __init__(self, net: Compiled) -> None:
        o = net.offsets
        self.starts = [o["product"], o["power"], o["cumsum"], o["linear"]]
        self.p = (_ints(net.p_z), _ints(net.p_x), _ints(net.p_y))
        self.w = (_ints(net.w_y), _ints(net.w_x))
        self.c = (_ints(net.c_y), _ints(net.c_x))
        self.e_con = _ints(net.e_con)
        self.e_var = _ints(net.e_var)
        self.e_pos = array("b", (net.e_coef > 0).astype(np.int8).tobytes())
        self.lin_start = _ints(net.lin_start)
        self.weights = array("d", net.item_weight.astype(np.float64).tobytes())
        parent = np.flatnonzero(net.item_parent >= 0)
        self.parents = dict(zip(parent.tolist(), net.item_parent[parent].tolist(), strict=True))
        self.children: dict[int, list[int]] = {}
        for i, p in self.parents.items():
            self.children.setdefault(p, []).append(i)
        self.primaries = _ints(net.item_primary_var)
        self._decoded: dict[int, tuple] = {}  # the newer generation …
        self._older: dict[int, tuple] = {}  # … and the one before (decode())
        # each item's first bound entry (its own interval, as stated; len(b_item): none), read
        # for the few items that are members of conflicts
        has = np.flatnonzero(net.b_item >= 0)
        self._first_entry = np.full(net.n_items, len(net.b_item), dtype=np.int64)
        np.minimum.at(self._first_entry, net.b_item[has], has)
        self._b_lo, self._b_hi = net.b_lo, net.b_hi
        self.items = {
            "bound": _ints(net.b_item),
            "product": _ints(net.p_item),
            "power": _ints(net.w_item),
            "cumsum": _ints(net.c_item),
            "linear": _ints(net.l_item),
        }
        self._bound_items = self.items["bound"]

    def first_bound(self, item: int) -> tuple[float, float] | None:
        """The item's own interval as stated (its first bound entry), if it bounds one."""
        e = self._first_entry.item(item)
        if e == len(self._b_lo):
            return None
        return self._b_lo.item(e), self._b_hi.item(e)

    def reason(self, r: int) -> tuple[str, int, int]:
        """A reason id as (kind, index, position); see compiled.py."""
        o_p, o_w, o_c, o_l = self.starts
        if r < 0:
            return ("domain", -1, -1)
        if r < o_p:
            return ("bound", r, 0)
        if r < o_w:
            return ("product", *divmod(r - o_p, 3))
        if r < o_c:
            return ("power", *divmod(r - o_w, 2))
        if r < o_l:
            return ("cumsum", *divmod(r - o_c, 2))
        return ("linear", r - o_l, 0)

    def owner(self, kind: str, index: int) -> int:
        """The item a bound entry or constraint belongs to (−1: hard)."""
        if kind == "domain":
            return -1
        if kind == "linear":
            index = self.e_con[index]
        return self.items[kind][index]

    def decode(self, r: int, end: str) -> tuple[str, int, int, tuple[tuple[int, str], ...]]:
        """What reason `r` setting `end` means: (kind, index, owner item, the (variable,
        end) pairs it was computed from). Remembered (DECODED): derivations walk the same
        reasons."""
        if 0 <= r < self.starts[0]:  # a bound entry: read at once, not remembered (half of
            return ("bound", r, self._bound_items[r], ())  # the reasons walked: ~40 MB)
        key = 2 * r + (end == HI)  # a number: a (reason, end) tuple per key is ~25 MB more
        out = self._decoded.get(key)
        if out is None:
            out = self._older.get(key)
            if out is None:
                kind, index, pos = self.reason(r)
                ins = tuple(self.inputs(kind, index, pos, end))
                out = (kind, index, self.owner(kind, index), ins)
            self._decoded[key] = out
            if len(self._decoded) >= DECODED:
                self._older, self._decoded = self._decoded, {}
        return out

    def inputs(self, kind: str, index: int, pos: int, end: str) -> list[tuple[int, str]]:
        """The (variable, end) pairs the projection `kind`/`index`/`pos` onto `end` used."""
        if kind == "product":
            z, x, y = (col[index] for col in self.p)
            if pos == 0:
                return [(x, end), (y, end)]
            return [(z, end), (y if pos == 1 else x, _FLIP[end])]
        if kind in ("power", "cumsum"):
            y, x = (col[index] for col in (self.w if kind == "power" else self.c))
            return [(x, end)] if pos == 0 else [(y, end)]
        if kind == "linear":
            con = self.e_con[index]
            # c_j·v_j's lower end comes from the others' upper ends and vice versa
            term_end = _FLIP[end] if self.e_pos[index] else end
            flipped = _FLIP[term_end]
            return [
                (self.e_var[e], term_end if self.e_pos[e] else flipped)
                for e in range(self.lin_start[con], self.lin_start[con + 1])
                if e != index
            ]
        return []


def _ints(a: np.ndarray) -> array:
    return array("q", a.astype(np.int64).tobytes())


def tables(net: Compiled) -> Tables:
    if "tables" not in net._cache:
        net._cache["tables"] = Tables(net)
    return net._cache["tables"]


Reader = Callable[[int], Any]


class Ends(Protocol):
    """A propagation's ends, read one at a time: a whole-network State, or one component's
    answer (answers.py). `readers()`: by variable, its lower end, upper end, and the reasons
    that set them."""

    def readers(self) -> tuple[Reader, Reader, Reader, Reader]: ...


def derive(net: Compiled, ends: Ends, starts: list[tuple[int, str]]) -> list[Step]:
    """The steps behind the given ends, each end once, nearest first (bounded in length)."""
    decode = tables(net).decode
    lo, hi, lo_by, hi_by = ends.readers()
    value, reason = {LO: lo, HI: hi}, {LO: lo_by, HI: hi_by}
    steps: list[Step] = []
    seen: set[tuple[int, str]] = set()
    todo = deque(starts)
    while todo and len(steps) < MAX_STEPS:
        var, end = todo.popleft()
        if (var, end) in seen:
            continue
        seen.add((var, end))
        kind, index, item, ins = decode(reason[end](var), end)
        values = tuple([value[e](v) for v, e in ins])
        steps.append(Step(var, end, value[end](var), kind, index, item, ins, values))
        todo.extend(ins)
    return steps


def support(net: Compiled, ends: Ends, var: int) -> set[int]:
    """The items the derivation of both ends of `var` rests on, with their parents."""
    t = tables(net)
    decode = t.decode
    _, _, lo_by, hi_by = ends.readers()
    reason = {LO: lo_by, HI: hi_by}
    items: set[int] = set()
    seen: set[tuple[int, str]] = set()
    todo = [(var, LO), (var, HI)]
    while todo and len(seen) < MAX_STEPS:
        v, end = todo.pop()
        if (v, end) in seen:
            continue
        seen.add((v, end))
        _, _, item, ins = decode(reason[end](v), end)
        if item >= 0:
            items.add(item)
        todo.extend(ins)
    parents = t.parents
    return items | {parents[i] for i in items if i in parents}
