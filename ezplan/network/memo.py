"""What the searches' answers are, and what one solve keeps of them.

An answer is one component's state after propagating it with some items on: a `View` of a
whole-network state (numpy), a `Part` of a `Slice` (the components asked about, cut from a
whole-network state), or a scalar.CompState. Each has `infeasible`, `empty_var`,
`interval(var)`, and `readers()` for derivations (derivation.py). `Memo` keeps answers (and
small components' own lists) across the passes of one solve.
"""

from __future__ import annotations

from collections import OrderedDict, deque

import numpy as np

from ezplan.network import scalar
from ezplan.network.lists import Lists
from ezplan.network.propagate import State

CACHE_ANSWERS = 4096  # scalar answers kept
CACHE_STATES = 8  # propagations' slices kept (with the answers read from them)

Interval = tuple[float, float]
# (the component's name, the items on in order: a third of a frozenset's size, as fast to make)
Key = tuple[tuple[int, int], tuple[int, ...]]


class View:
    """One component's answer read from a whole-network state."""

    __slots__ = ("component", "state")

    def __init__(self, state: State, component: int) -> None:
        self.state = state
        self.component = component

    @property
    def infeasible(self) -> bool:
        return bool(self.state.dead[self.component])

    @property
    def empty_var(self) -> int:
        return int(self.state.empty_var[self.component])

    def interval(self, var: int) -> Interval | None:
        if var < 0:
            return None
        return self.state.lo.item(var), self.state.hi.item(var)

    def readers(self):
        return self.state.readers()


class Views(dict):
    """Each component's View of one whole-network state, made when read (most components
    are never searched)."""

    def __init__(self, state: State) -> None:
        super().__init__()
        self.state = state

    def __missing__(self, component: int) -> View:
        return View(self.state, component)


class Slice:
    """The ends and reasons of some components, cut from a whole-network state: what the
    memo keeps of a propagation. A step asks about a tenth to a quarter of a large plan's
    variables, so this is that fraction of the state (whose per-component arrays go too).
    The variables lie component by component in the order of `rank` (a variable's place in
    its view's variables sorted by component).

    A slice of the same components as the next one kept is kept as its differences from that
    one when they are few (`lean_on`): a large component asked about step after step (the
    exchange-rate tie of a large plan) gives answers that differ in a few variables."""

    __slots__ = ("at", "base", "capped", "components", "ends", "rank", "rounds")

    def __init__(self, state: State, components: np.ndarray, variables: np.ndarray, rank) -> None:
        # lo, hi, lo_by, hi_by: whole, or at the places `at` where this slice differs from
        # `base` (a newer slice)
        self.ends = tuple(a[variables] for a in (state.lo, state.hi, state.lo_by, state.hi_by))
        self.base: Slice | None = None
        self.at: np.ndarray | None = None
        self.rank = rank
        self.components = components
        self.rounds, self.capped = state.rounds, state.capped

    def lean_on(self, newer: Slice) -> None:
        """Keep only where this slice differs from `newer`, if it is of the same components
        and differs in at most a quarter of its places (the bits compared: −0.0 is not 0.0)."""
        if self.base is not None or self.rank is not newer.rank:
            return
        if not np.array_equal(self.components, newer.components):
            return
        mine, theirs = self.ends, newer.whole()
        differ = np.zeros(len(mine[0]), dtype=bool)
        for a, b in zip(mine, theirs, strict=True):
            differ |= _bits(a) != _bits(b)
        at = np.flatnonzero(differ)
        if 4 * len(at) <= len(differ):
            self.base, self.at = newer, at
            self.ends = tuple(a[at] for a in mine)

    def whole(self) -> tuple[np.ndarray, ...]:
        """lo, hi, lo_by and hi_by at every place: the whole slice at the end of the chain
        this one leans on, copied once, with each one's differences put back, this one's
        last."""
        chain = []
        s = self
        while s.base is not None:
            chain.append(s)
            s = s.base
        if not chain:
            return self.ends
        out = tuple(a.copy() for a in s.ends)
        for differs in reversed(chain):
            for a, mine in zip(out, differs.ends, strict=True):
                a[differs.at] = mine
        return out

    def unpacked(self) -> Slice:
        """This slice with every place its own."""
        out = Slice.__new__(Slice)
        out.ends, out.base, out.at = self.whole(), None, None
        out.rank, out.components = self.rank, self.components
        out.rounds, out.capped = self.rounds, self.capped
        return out

    def readers(self, base: int):
        """By variable, lo, hi, lo_by and hi_by of the part at `base`."""
        rank = self.rank
        if self.base is None:
            lo, hi, lo_by, hi_by = (a.item for a in self.ends)
            return (
                lambda var: lo(base + rank[var]),
                lambda var: hi(base + rank[var]),
                lambda var: lo_by(base + rank[var]),
                lambda var: hi_by(base + rank[var]),
            )
        read = self.read
        return (
            lambda var: read(0, base + rank[var]),
            lambda var: read(1, base + rank[var]),
            lambda var: read(2, base + rank[var]),
            lambda var: read(3, base + rank[var]),
        )

    def read(self, column: int, place: int):
        """One of lo, hi, lo_by, hi_by (0 … 3) at one place: this slice's own value there,
        else the newer one's it leans on."""
        s = self
        while s.base is not None:
            k = int(np.searchsorted(s.at, place))
            if k < len(s.at) and s.at.item(k) == place:
                return s.ends[column].item(k)
            s = s.base
        return s.ends[column].item(place)


class Part:
    """One component's answer in a Slice: its variable `var` lies at `base + rank[var]`."""

    __slots__ = ("base", "empty_var", "infeasible", "state")

    def __init__(self, state: Slice, base: int, infeasible: bool, empty_var: int) -> None:
        self.state = state
        self.base = base
        self.infeasible = infeasible
        self.empty_var = empty_var

    def interval(self, var: int) -> Interval | None:
        if var < 0:
            return None
        s = self.state
        place = self.base + s.rank[var]
        if s.base is None:
            return s.ends[0].item(place), s.ends[1].item(place)
        return s.read(0, place), s.read(1, place)

    def readers(self):
        return self.state.readers(self.base)

    def unpacked(self, slices: dict[int, Slice]) -> Part:
        """This answer on its slice unpacked (`slices`: those unpacked so far, by id)."""
        whole = slices.get(id(self.state))
        if whole is None:
            whole = slices[id(self.state)] = self.state.unpacked()
        return Part(whole, self.base, self.infeasible, self.empty_var)


def _bits(a: np.ndarray) -> np.ndarray:
    return a.view(np.int64) if a.dtype == np.float64 else a


Answer = View | Part | scalar.CompState


class Memo:
    """The answers the passes of one solve share, by the component's name — (its first
    variable, its number of variables) — and the items on. A name means one set of variables
    only while each pass's view contains the last one's, as solve's passes do; any other view
    starts afresh. Bounded: the oldest scalar answers go first, and the answers read from a
    slice go with it when it is one of CACHE_STATES too many."""

    def __init__(self) -> None:
        self.answers: dict[Key, Answer] = {}
        self.scalar: deque[Key] = deque()
        self.states: OrderedDict[int, tuple[Slice, list[Key]]] = OrderedDict()
        self.structural: np.ndarray | None = None
        self.wanted = 0  # steps that could have gone to the scalar propagator
        self.spaces: dict[tuple[int, int], Lists] = {}  # small components' own lists

    def view(self, structural: np.ndarray) -> Memo:
        if self.structural is not None and not np.all(structural[self.structural]):
            self.__init__()
        self.structural = structural
        return self

    def keep(self, key: Key, answer: scalar.CompState) -> None:
        self.answers[key] = answer
        self.scalar.append(key)
        if len(self.scalar) > CACHE_ANSWERS:
            old = self.scalar.popleft()
            if isinstance(self.answers.get(old), scalar.CompState):
                del self.answers[old]

    def keep_state(self, state: Slice, views: dict[int, Part], keys: dict[int, Key]) -> None:
        """Keep the answers read from `state`; the oldest state goes, with its answers."""
        answers = self.answers
        for c, key in keys.items():
            answers[key] = views[c]
        if self.states:
            newest, _ = next(reversed(self.states.values()))
            newest.lean_on(state)
        self.states[id(state)] = (state, list(keys.values()))
        if len(self.states) > CACHE_STATES:
            _, (old, old_keys) = self.states.popitem(last=False)
            for key in old_keys:
                a = answers.get(key)
                if isinstance(a, Part) and a.state is old:
                    del answers[key]
