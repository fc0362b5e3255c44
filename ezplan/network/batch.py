"""Many searches, one propagation per step: components are independent, so one whole-network
propagation can answer one question for every component at once.

Each component's search is a generator. It yields the items it wants switched on (all of its own
component) and receives an `Outcome`; the scheduler merges the questions of all components
waiting, propagates once, and hands each its answer. A plan with thousands of contradictions thus
costs as many propagations as its most complicated component needs, not their sum.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ezplan.network.propagate import Propagator, State

Search = Generator[Iterable[int], "Outcome", Any]


@dataclass(frozen=True)
class Outcome:
    """The answer to one question: is the component contradictory with those items on? The
    state is shared by every component of the step and is valid until the next step."""

    infeasible: bool
    state: State
    component: int

    def interval(self, var: int) -> tuple[float, float] | None:
        if var < 0:
            return None
        return float(self.state.lo[var]), float(self.state.hi[var])


class Scheduler:
    def __init__(self, propagator: Propagator) -> None:
        self.propagator = propagator
        self.steps = 0

    def run(self, searches: dict[int, Search]) -> dict[int, Any]:
        """Run every component's search to its end; returns what each returned."""
        results: dict[int, Any] = {}
        waiting: dict[int, tuple[Search, np.ndarray]] = {}
        for comp, search in searches.items():
            self._advance(comp, search, None, waiting, results)
        n_items = self.propagator.net.n_items
        n_comps = self.propagator.n_comps
        while waiting:
            enabled = np.zeros(n_items, dtype=bool)
            included = np.zeros(n_comps, dtype=bool)
            for comp, (_, items) in waiting.items():
                enabled[items] = True
                included[comp] = True
            state = self.propagator.run(enabled, included)
            self.steps += 1
            asked, waiting = waiting, {}
            for comp, (search, _) in asked.items():
                outcome = Outcome(bool(state.dead[comp]), state, comp)
                self._advance(comp, search, outcome, waiting, results)
        return results

    @staticmethod
    def _advance(comp, search, outcome, waiting, results) -> None:
        try:
            items = search.send(outcome)
        except StopIteration as stop:
            results[comp] = stop.value
            return
        waiting[comp] = (search, np.fromiter(items, dtype=np.int64))
