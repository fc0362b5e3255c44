"""Minimal contradictions in one component, enumerated, with what changing each member needs.

A *conflict* is a set of items (figures, assumptions) that propagation finds contradictory and
that is minimal: switch any one member off and propagation finds no contradiction. Conflicts are
found by a deletion filter (small candidate sets) or QuickXplain (large ones), starting from the
items the contradiction's derivation rests on. They are enumerated with Reiter's hitting-set
tree: set a member of a found conflict aside, look again; a conflict already found that avoids
everything set aside is reused instead of searched for. The tree's first level answers, for each
member, "does changing it alone remove every contradiction of the component?" — and if not, names
the conflict its change runs into. Everything is bounded by `Limits`.

The search of one component is a generator of questions (which items to switch on) for the batch
scheduler; see batch.py.
"""

from __future__ import annotations

import heapq
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ezplan.network.compiled import Compiled
from ezplan.network.derivation import HI, LO, Step, derive, support, tables

FEASIBLE = -1
DELETION_MAX = 12  # up to this many candidates a deletion filter asks fewer questions

Interval = tuple[float, float]
Answer = Any  # memo.View or scalar.CompState: infeasible, empty_var, interval(), readers()
Questions = Generator[list[int], Answer, Any]


@dataclass(frozen=True)
class Limits:
    """Bounds on the search per component and tier."""

    conflicts: int = 8  # contradictions found
    questions: int = 64  # propagations asked for the enumeration (not counting extraction)
    depth: int = 4  # items set aside together while enumerating


@dataclass(slots=True)
class Found:
    """A minimal conflict and what its members would need to fit the rest of it."""

    items: tuple[int, ...]
    empty_var: int
    steps: list[Step]
    fit: dict[int, Interval | None]


@dataclass(slots=True)
class ComponentResult:
    conflicts: list[Found]
    alone: dict[int, int]  # member → FEASIBLE, or the conflict its change alone runs into
    fit_whole: dict[int, Interval | None]  # member → its range with every other item on
    needs: dict[tuple[int, int], Interval | None]  # (conflict, member) → blocking conflict's need
    diagnosis: frozenset[int] | None  # items to set aside to leave no contradiction
    complete: bool


@dataclass(slots=True)
class _Search:
    net: Compiled
    comp: int
    base: list[int]
    limits: Limits
    found: list[Found] = field(default_factory=list)
    status: dict[frozenset[int], int] = field(default_factory=dict)
    leaves: list[frozenset[int]] = field(default_factory=list)
    fit_whole: dict[int, Interval | None] = field(default_factory=dict)
    complete: bool = True
    questions: int = 0
    # from the tables, and per conflict found: its members and their parents (a tuple: a
    # frozenset of a few items takes 216 bytes, of five or more 728)
    weights: Any = field(init=False)
    parents: dict[int, int] = field(init=False)
    children: dict[int, list[int]] = field(init=False)
    primaries: Any = field(init=False)
    reach: list[tuple[int, ...]] = field(init=False)

    def __post_init__(self) -> None:
        t = tables(self.net)
        self.weights, self.parents, self.children = t.weights, t.parents, t.children
        self.primaries = t.primaries
        self.reach = []

    def primary(self, item: int) -> int:
        return self.primaries[item]

    def without(self, node: frozenset[int]) -> list[int]:
        """The component's items but those set aside (and their children)."""
        if not node:
            return list(self.base)
        children = self.children
        aside = set(node)
        for i in node:
            aside.update(children.get(i, ()))
        return [i for i in self.base if i not in aside]

    def intact(self, k: int, node: frozenset[int]) -> bool:
        """Conflict k holds with `node` set aside (its members and their parents all on)."""
        return node.isdisjoint(self.reach[k])

    # -- finding one conflict
    def extract(self, enabled: list[int], outcome: Answer) -> Questions:
        """A minimal conflict among `enabled` (known contradictory), then its analysis."""
        traced = support(self.net, outcome, outcome.empty_var)
        near = [i for i in enabled if i in traced]
        far = [i for i in enabled if i not in traced]
        candidates = far + near  # the deletion filter drops earlier ones first
        if near and far:
            answer = yield near
            if answer.infeasible:
                candidates = near
        if len(candidates) <= DELETION_MAX:
            items = yield from _deletion(candidates)
        else:
            items = yield from _quickxplain(candidates)
        found = yield from self.analyse(tuple(items))
        self.found.append(found)
        parents = self.parents
        self.reach.append((*found.items, *(parents.get(i, -1) for i in found.items)))
        return len(self.found) - 1

    def analyse(self, items: tuple[int, ...]) -> Questions:
        """The derivation of the conflict, and each member's range fitting the others."""
        answer = yield list(items)
        empty = answer.empty_var if answer.infeasible else -1
        steps = derive(self.net, answer, [(empty, LO), (empty, HI)]) if empty >= 0 else []
        fit: dict[int, Interval | None] = {}
        for m in items:
            answer = yield [i for i in items if i != m]
            fit[m] = None if answer.infeasible else answer.interval(self.primary(m))
        return Found(items, empty, steps, fit)

    # -- enumeration
    def run(self, first: Answer) -> Questions:
        """Reiter's tree, breadth first: set aside one member of a conflict (then two), see
        whether a contradiction remains, and if so find its conflict. Every single member is
        tested before any new conflict is searched for, so each member of every conflict found
        learns whether changing it alone suffices even when the limits stop the search (once half
        the conflicts allowed are found; before that a new conflict is looked for at once, which
        saves asking twice)."""
        self.status[frozenset()] = yield from self.extract(self.base, first)
        if not self.found[0].items:  # hard constraints alone contradict: nothing to set aside
            return ComponentResult([], {}, {}, {}, None, False)
        queue: list[tuple[int, int, float, int, frozenset[int]]] = []
        counter = 0
        weight, depth = self.weights.__getitem__, self.limits.depth

        def push(node: frozenset[int], extract: bool) -> None:
            nonlocal counter
            heapq.heappush(queue, (len(node), int(extract), sum(map(weight, node)), counter, node))
            counter += 1

        deeper: set[frozenset[int]] = set()  # nodes past the depth limit, left unexplored

        def push_members(k: int, node: frozenset[int]) -> None:
            for m in self.found[k].items:
                single = frozenset((m,))
                for child in {node | single, single}:
                    if len(child) <= depth:
                        push(child, extract=False)
                    else:
                        deeper.add(child)

        push_members(0, frozenset())
        while queue:
            _, extract, _, _, node = heapq.heappop(queue)
            if node in self.status or any(leaf <= node for leaf in self.leaves):
                continue
            k = next((j for j in range(len(self.found)) if self.intact(j, node)), None)
            if k is None:
                full = extract and len(self.found) >= self.limits.conflicts
                if full or self.questions >= self.limits.questions:
                    self.complete = False
                    continue
                self.questions += 1
                question = self.without(node)
                answer = yield question
                if not answer.infeasible:
                    self.status[node] = FEASIBLE
                    self.leaves.append(node)
                    if len(node) == 1:
                        (m,) = node
                        self.fit_whole[m] = answer.interval(self.primary(m))
                    continue
                if not extract and 2 * len(self.found) >= self.limits.conflicts:
                    push(node, extract=True)  # near the limit: after every cheaper test
                    continue
                k = yield from self.extract(question, answer)
            self.status[node] = k
            push_members(k, node)
        # a node past the depth limit may hide further conflicts unless it holds a set found to
        # leave none: the enumeration stopped short there, as at any other limit
        leaves = self.leaves
        if not all(any(leaf <= node for leaf in leaves) for node in deeper):
            self.complete = False
        needs = yield from self.blocking_needs()
        diagnosis = yield from self.diagnose()
        alone = {next(iter(n)): k for n, k in self.status.items() if len(n) == 1}
        return ComponentResult(self.found, alone, self.fit_whole, needs, diagnosis, self.complete)

    def blocking_needs(self) -> Questions:
        """For a member whose change alone runs into another conflict: the range that other
        conflict, without the first one's figures, leaves for the member."""
        pairs: dict[tuple[int, int], list[int]] = {}
        for k, c in enumerate(self.found):
            for m in c.items:
                j = self.status.get(frozenset({m}))
                if j is not None and j != FEASIBLE:
                    pairs.setdefault((j, k), []).append(m)
        needs: dict[tuple[int, int], Interval | None] = {}
        for (j, k), members in pairs.items():
            own = set(self.found[k].items)
            answer = yield [i for i in self.found[j].items if i not in own]
            for m in members:
                needs[(k, m)] = None if answer.infeasible else answer.interval(self.primary(m))
        return needs

    def diagnose(self) -> Questions:
        """The lightest set of items whose removal leaves no contradiction: the lightest leaf of
        the tree, else greedy hitting sets of the conflicts found, checked and extended."""
        weight = self.weights
        if self.leaves:
            return min(self.leaves, key=lambda n: (sum(weight[i] for i in n), len(n)))
        for _ in range(self.limits.conflicts):
            hs = _greedy_hitting_set([c.items for c in self.found], weight)
            answer = yield self.without(hs)
            if not answer.infeasible:
                return hs
            if len(self.found) >= 2 * self.limits.conflicts:
                break
            yield from self.extract(self.without(hs), answer)
        self.complete = False
        return None


def search_component(
    net: Compiled, comp: int, base: Sequence[int], first: Answer, limits: Limits
) -> Questions:
    """The whole search of one contradictory component, as questions for the scheduler."""
    return (yield from _Search(net, comp, list(base), limits).run(first))


def _deletion(candidates: list[int]) -> Questions:
    """Drop each candidate in turn if the rest stays contradictory."""
    kept = list(candidates)
    i = 0
    while i < len(kept):
        trial = kept[:i] + kept[i + 1 :]
        answer = yield trial
        if answer.infeasible:
            kept = trial
        else:
            i += 1
    return kept


def _quickxplain(candidates: list[int]) -> Questions:
    """Junker's QuickXplain: a minimal conflict in about k·log(n/k) questions."""

    def split(background: list[int], asked: bool, cands: list[int]) -> Questions:
        if asked:
            answer = yield background
            if answer.infeasible:
                return []
        if len(cands) == 1:
            return list(cands)
        half = len(cands) // 2
        first, second = cands[:half], cands[half:]
        d2 = yield from split(background + first, bool(first), second)
        d1 = yield from split(background + d2, bool(d2), first)
        return d1 + d2

    return (yield from split([], False, candidates))


def _greedy_hitting_set(conflicts: list[tuple[int, ...]], weight: list[float]) -> frozenset[int]:
    """Items meeting every conflict, picked by conflicts met per unit of weight."""
    left = [set(c) for c in conflicts]
    chosen: set[int] = set()
    while left:
        counts: dict[int, int] = {}
        for c in left:
            for i in c:
                counts[i] = counts.get(i, 0) + 1
        best = max(counts, key=lambda i: (counts[i] / max(weight[i], 1e-9), -i))
        chosen.add(best)
        left = [c for c in left if best not in c]
    return frozenset(chosen)
