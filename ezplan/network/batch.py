"""Many searches, one step at a time: every component's search asks its next question, and
the questions of all components waiting are answered together (answers.py) — by one
vectorised propagation when there are many, so a plan with thousands of contradictions costs
about as many steps as its most complicated component needs, not their sum.

Each component's search is a generator. It yields the items it wants switched on (all of its own
component) and receives the answer (memo.py).

At most `window` searches run at once: a search holds its tree, its questions and what it has
found until it ends, and a plan of 100,000 indicators has tens of thousands of contradictory
components. When one ends, the next starts, so a step still asks as many questions as the window
holds. Each search is independent of the others and every answer is the same however it is
computed (answers.py), so the window changes when a search runs, never what it finds.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Sequence
from typing import Any

from ezplan.network.answers import Answers

Search = Generator[Sequence[int], Any, Any]

WINDOW = 8192
"""Searches running at once. At 100,000 indicators (some 25,000 contradictory components) a
window of 4,096 held the search's peak at 1,147 MiB and cost 20% more of its CPU than none
(1,384 MiB); 8,192: 1,194 MiB and 7% more."""


class Scheduler:
    def __init__(self, answers: Answers, window: int | None = None) -> None:
        self.answers = answers
        self.window = window if window is not None else WINDOW
        self.steps = 0

    def run(self, searches: Iterable[tuple[int, Search]]) -> dict[int, Any]:
        """Run every component's search to its end; returns what each returned."""
        return dict(self.each(searches))

    def each(self, searches: Iterable[tuple[int, Search]]) -> Iterator[tuple[int, Any]]:
        """Run every component's search to its end, started in the order given, at most
        `window` at a time; yields each component and what its search returned as it ends."""
        results: dict[int, Any] = {}
        waiting: dict[int, tuple[Search, Sequence[int]]] = {}
        pending = iter(searches)
        window = max(self.window, 1)

        def start() -> None:
            while len(waiting) < window:
                nxt = next(pending, None)
                if nxt is None:
                    return
                _advance(*nxt, None, waiting, results)

        start()
        while results or waiting:
            yield from results.items()
            results.clear()
            if not waiting:
                break
            answers = self.answers.ask({comp: items for comp, (_, items) in waiting.items()})
            self.steps += 1
            asked, waiting = waiting, {}
            for comp, (search, _) in asked.items():
                _advance(comp, search, answers[comp], waiting, results)
            start()


def _advance(comp, search, answer, waiting, results) -> None:
    try:
        items = search.send(answer)
    except StopIteration as stop:
        results[comp] = stop.value
        return
    waiting[comp] = (search, items)
