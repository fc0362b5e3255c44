"""What the searches' answers are, and what one solve keeps of them.

An answer is one component's state after propagating it with some items on: a `View` of a
whole-network state (numpy), or a scalar.CompState. Either has `infeasible`, `empty_var`,
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
CACHE_STATES = 8  # whole-network states kept (with the answers read from them)

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


class Memo:
    """The answers the passes of one solve share, by the component's name — (its first
    variable, its number of variables) — and the items on. A name means one set of variables
    only while each pass's view contains the last one's, as solve's passes do; any other view
    starts afresh. Bounded: the oldest scalar answers go first, and the answers read from a
    whole-network state go with it when it is one of CACHE_STATES too many."""

    def __init__(self) -> None:
        self.answers: dict[Key, View | scalar.CompState] = {}
        self.scalar: deque[Key] = deque()
        self.states: OrderedDict[int, tuple[State, list[Key]]] = OrderedDict()
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

    def keep_state(self, state: State, views: dict[int, View], keys: dict[int, Key]) -> None:
        """Keep the answers read from `state`; the oldest state goes, with its answers."""
        answers = self.answers
        for c, key in keys.items():
            answers[key] = views[c]
        self.states[id(state)] = (state, list(keys.values()))
        if len(self.states) > CACHE_STATES:
            _, (old, old_keys) = self.states.popitem(last=False)
            for key in old_keys:
                a = answers.get(key)
                if isinstance(a, View) and a.state is old:
                    del answers[key]
