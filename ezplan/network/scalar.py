"""propagate.py for one component, on Python floats.

The same fixed point, step for step: bounds first, then rounds revising the products, powers,
cumsums and linear constraints touching a variable that changed, each kind's narrowings
computed from one snapshot (skinds.py) and applied in the same order, with the same wake
thresholds, ties and provenance — so the result is bit for bit what `Propagator.run` computes
for the component (tests/test_network_fastpath.py holds the two together). Worth it where
numpy's per-call cost dominates: a small component propagates here in tens of microseconds,
and a few items switched on in a large one touch only the constraints near them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection

from ezplan.network import skinds
from ezplan.network.lists import Lists
from ezplan.network.propagate import FREE_WAKES, MAX_ROUNDS, POW10, REL_CHANGE

_isfinite = math.isfinite
_POW10 = POW10.tolist()  # numpy's 10.0**k, not Python's


class _Ends(dict):
    """A variable's end by global number: set ones, else its domain's."""

    __slots__ = ("dom",)

    def __init__(self, dom: list[float]) -> None:
        super().__init__()
        self.dom = dom

    def __missing__(self, var: int) -> float:
        return self.dom[var]


class CompState:
    """A component's state after propagation: ends and reasons (read by global variable
    number; one never moved: its domain, reason −1), whether it is contradictory and the
    variable that emptied (−1). Over a local space (lists.Lists.local) they are lists by
    local number, else dictionaries by global number."""

    __slots__ = ("capped", "dead", "empty_var", "hi", "hi_by", "lo", "lo_by", "rounds", "space")

    def __init__(self, space, lo, hi, lo_by, hi_by, dead, empty_var, rounds, capped) -> None:
        self.space: Lists = space
        self.lo = lo
        self.hi = hi
        self.lo_by = lo_by
        self.hi_by = hi_by
        self.dead: bool = dead
        self.empty_var: int = empty_var
        self.rounds: int = rounds
        self.capped: bool = capped

    @property
    def infeasible(self) -> bool:
        return self.dead

    def interval(self, var: int) -> tuple[float, float] | None:
        if var < 0:
            return None
        if self.space.vars is not None:
            var = self.space.index[var]
        return self.lo[var], self.hi[var]

    def readers(self):
        lo, hi, lo_by, hi_by = self.lo, self.hi, self.lo_by, self.hi_by
        if self.space.vars is None:
            return (
                lo.__getitem__,
                hi.__getitem__,
                lambda var: lo_by.get(var, -1),
                lambda var: hi_by.get(var, -1),
            )
        index = self.space.index
        return (
            lambda var: lo[index[var]],
            lambda var: hi[index[var]],
            lambda var: lo_by[index[var]],
            lambda var: hi_by[index[var]],
        )

    def ends(self) -> tuple[list[int], list[float], list[float], list[int], list[int]]:
        """The variables set (global numbers), with their ends and reasons."""
        if self.space.vars is not None:
            return self.space.vars, self.lo, self.hi, self.lo_by, self.hi_by
        by_lo, by_hi = self.lo_by, self.hi_by
        moved = sorted({*self.lo, *self.hi})
        return (
            moved,
            [self.lo[v] for v in moved],
            [self.hi[v] for v in moved],
            [by_lo.get(v, -1) for v in moved],
            [by_hi.get(v, -1) for v in moved],
        )


def propagate(
    space: Lists, on: Collection[int], hard_bounds: list[int], budget: int
) -> CompState | None:
    """Propagate one component with the items in `on` switched on (parents included: see
    Propagator.effective) and its hard bounds, over the component's own lists (`space` from
    Lists.local, `hard_bounds` its own) or the whole network's. None once more than `budget`
    constraint revisions would be needed: the component is better propagated by numpy."""
    return _Run(space, on, budget).run(hard_bounds)


class _Over(Exception):
    """The budget is spent."""


class _Run:
    def __init__(self, space: Lists, on: Collection[int], budget: int) -> None:
        self.space = space
        self.on = on
        self.budget = budget
        if space.vars is not None:  # a component's own lists, numbered 0…n−1
            n = len(space.vars)
            self.lo, self.hi = space.dom_lo[:], space.dom_hi[:]
            self.lo_by, self.hi_by, self.wakes = [-1] * n, [-1] * n, [0] * n
        else:  # the whole network's: only what moves is kept
            self.lo, self.hi = _Ends(space.dom_lo), _Ends(space.dom_hi)
            self.lo_by, self.hi_by, self.wakes = {}, {}, defaultdict(int)
        self.changed: set[int] = set()
        self.dead = False
        self.empty = -1

    def run(self, hard_bounds: list[int]) -> CompState | None:
        space, on = self.space, self.on
        entries = [b for i in on for b in space.item_bounds.get(i, ())]
        bounds = space.bounds
        try:
            if entries or hard_bounds:
                chosen = sorted({*hard_bounds, *entries})
                self.budget -= len(chosen)
                self.apply([(*bounds[b][2:], bounds[b][1]) for b in chosen])
            kinds = [
                (rows, space.touching[kind], revise)
                for kind, rows, revise in (
                    ("product", space.products, self.products),
                    ("power", space.powers, self.powers),
                    ("cumsum", space.cumsums, self.cumsums),
                    ("linear", space.linears, self.linears),
                )
                if rows
            ]
            rounds = 0
            while self.changed and rounds < MAX_ROUNDS:
                rounds += 1
                hot, self.changed = self.changed, set()  # changed last round, and this one
                for rows, touching, revise in kinds:
                    if self.dead:
                        break
                    hot |= self.changed
                    ids: set[int] = set()
                    for v in hot:
                        ids.update(touching[v])
                    act = [rows[c] for c in sorted(ids) if rows[c][0] < 0 or rows[c][0] in on]
                    if act:
                        self.budget -= len(act)
                        if self.budget < 0:
                            raise _Over
                        revise(act)
        except _Over:
            return None
        empty = self.empty
        if empty >= 0 and space.vars is not None:
            empty = space.vars[empty]
        return CompState(
            space,
            self.lo,
            self.hi,
            self.lo_by,
            self.hi_by,
            self.dead,
            empty,
            rounds,
            bool(self.changed),
        )

    # -- projections (skinds.py); narrowings as (var, lo, hi, reason), in kinds.py's order
    def products(self, act: list[tuple]) -> None:
        lo, hi, project = self.lo, self.hi, skinds.product
        zs, xs, ys = [], [], []
        for _, r, z, x, y, k in act:
            e = project(k, lo[x], lo[y], hi[x], hi[y], lo[z], hi[z])
            zs.append((z, e[0], e[1], r))
            xs.append((x, e[2], e[3], r + 1))
            ys.append((y, e[4], e[5], r + 2))
        self.apply(zs + xs + ys)

    def powers(self, act: list[tuple]) -> None:
        lo, hi, project = self.lo, self.hi, skinds.power
        ends = [project(n, inv, lo[x], hi[x], lo[y], hi[y]) for _, _, y, x, n, inv in act]
        ys = [(row[2], e[0], e[1], row[1]) for row, e in zip(act, ends, strict=True)]
        xs = [(row[3], e[2], e[3], row[1] + 1) for row, e in zip(act, ends, strict=True)]
        self.apply(ys + xs)

    def cumsums(self, act: list[tuple]) -> None:
        lo, hi, project = self.lo, self.hi, skinds.cumsum
        ends = [project(n, lo[x], hi[x], lo[y], hi[y]) for _, _, y, x, n in act]
        ys = [(row[2], e[0], e[1], row[1]) for row, e in zip(act, ends, strict=True)]
        xs = [(row[3], e[2], e[3], row[1] + 1) for row, e in zip(act, ends, strict=True)]
        self.apply(ys + xs)

    def linears(self, act: list[tuple]) -> None:
        lo, hi, project = self.lo, self.hi, skinds.linear
        out = []
        for _, _, terms, rhs, eq, coefs in act:
            ends = tuple([e for v, _, _ in terms for e in (lo[v], hi[v])])
            got = project(coefs, rhs, eq, ends)
            out += [(v, a, b, r) for (v, _, r), (a, b) in zip(terms, got, strict=True)]
        self.apply(out)

    # -- intersecting (propagate._Run.apply)
    def apply(self, narrowings: list[tuple]) -> None:
        """np.maximum.at/np.minimum.at: each end moves to the tightest narrowing, its reason
        the last narrowing reaching that value; every narrowing is judged against the ends
        before the batch. A variable that empties kills the component."""
        lo, hi = self.lo, self.hi
        up, down = [], []
        for i, (v, a, b, r) in enumerate(narrowings):
            old_lo, old_hi = lo[v], hi[v]
            if a > old_lo:
                up.append((i, v, a, r, old_lo, old_hi - old_lo))
            if b < old_hi:
                down.append((i, v, b, r, old_hi, old_hi - old_lo))
        if not (up or down):
            return
        if up:
            by = self.lo_by
            for _, v, a, r, _, _ in up:
                if a > lo[v]:
                    lo[v], by[v] = a, r
                elif a == lo[v]:
                    by[v] = r
            self._wake(up)
        if down:
            by = self.hi_by
            for _, v, b, r, _, _ in down:
                if b < hi[v]:
                    hi[v], by[v] = b, r
                elif b == hi[v]:
                    by[v] = r
            self._wake(down)
        if not self.dead:
            empty = [m[0] for m in up if lo[m[1]] > hi[m[1]]]
            empty += [m[0] for m in down if lo[m[1]] > hi[m[1]]]
            if empty:
                self.dead, self.empty = True, narrowings[min(empty)][0]

    def _wake(self, moves: list[tuple]) -> None:
        """Mark the variables whose end moved noticeably (propagate._Run._wake)."""
        wakes = self.wakes
        big = []
        for _, v, x, _, o, width in moves:
            if not _isfinite(o):
                big.append(v)
                continue
            moved = abs(x - o)
            if not _isfinite(moved):
                big.append(v)
                continue
            scale = width if _isfinite(width) else max(abs(o), abs(x))
            s = wakes[v] - FREE_WAKES
            if moved > REL_CHANGE * scale * _POW10[0 if s < 0 else 300 if s > 300 else s]:
                big.append(v)
        if big:
            self.changed.update(big)
            for v in set(big):
                wakes[v] += 1
