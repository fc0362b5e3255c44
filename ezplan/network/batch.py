"""Many searches, one step at a time: every component's search asks its next question, and
the questions of all components waiting are answered together (answers.py) — by one
vectorised propagation when there are many, so a plan with thousands of contradictions costs
about as many steps as its most complicated component needs, not their sum.

Each component's search is a generator. It yields the items it wants switched on (all of its own
component) and receives the answer (memo.py).
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any

from ezplan.network.answers import Answers

Search = Generator[Sequence[int], Any, Any]


class Scheduler:
    def __init__(self, answers: Answers) -> None:
        self.answers = answers
        self.steps = 0

    def run(self, searches: dict[int, Search]) -> dict[int, Any]:
        """Run every component's search to its end; returns what each returned."""
        results: dict[int, Any] = {}
        waiting: dict[int, tuple[Search, Sequence[int]]] = {}
        for comp, search in searches.items():
            _advance(comp, search, None, waiting, results)
        while waiting:
            answers = self.answers.ask({comp: items for comp, (_, items) in waiting.items()})
            self.steps += 1
            asked, waiting = waiting, {}
            for comp, (search, _) in asked.items():
                _advance(comp, search, answers[comp], waiting, results)
        return results


def _advance(comp, search, answer, waiting, results) -> None:
    try:
        items = search.send(answer)
    except StopIteration as stop:
        results[comp] = stop.value
        return
    waiting[comp] = (search, items)
