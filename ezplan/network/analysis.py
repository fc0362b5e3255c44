"""`analyse(plan)`: the plan's contradictions as plain data, in the plan's own terms.

Each contradiction has its tier ("error": impossible within the figures' rounding and bounds;
"warning": only under an assumption), its minimal set of figures and assumptions, the derivation
of the two interval ends that cross, and its members ranked as culprits, each with the range it
would need. `intervals_for` gives any figure's or indicator's intervals and their derivation, for
explain. No message text: the rule module turns this into findings.
"""

from __future__ import annotations

import bisect
import gc
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from ezplan.model import Plan, Stated
from ezplan.network.book import Book, Culprit, Culprits, Step, Steps
from ezplan.network.terms import Assumption, Quantity, Range, Relation, figure_range
from ezplan.network.tiers import ASSUMPTIONS, FACTS

if TYPE_CHECKING:  # the engine loads on the first analyse(): importing the names is cheap
    from ezplan.network.compiled import Compiled
    from ezplan.network.conflicts import Limits
    from ezplan.network.derivation import Step as RawStep
    from ezplan.network.plan import Built
    from ezplan.network.solver import Conflict, Member, Solution

Tier = Literal["error", "warning"]
TIER_NAMES: dict[int, Tier] = {FACTS: "error", ASSUMPTIONS: "warning"}


@dataclass(frozen=True, slots=True)
class Contradiction:
    tier: Tier
    members: tuple[Stated | Assumption, ...]  # minimal: drop any one and it is gone
    quantity: Quantity  # whose interval emptied
    steps: Sequence[Step]  # how its two ends were derived, nearest first (Steps: packed)
    culprits: Sequence[Culprit]  # most likely wrong first (Culprits: packed)

    @property
    def figures(self) -> tuple[Stated, ...]:
        return tuple(m for m in self.members if isinstance(m, Stated))

    @property
    def assumptions(self) -> tuple[Assumption, ...]:
        return tuple(m for m in self.members if isinstance(m, Assumption))


@dataclass(frozen=True)
class Interval:
    """A quantity's interval after propagation, with its derivation. `contradictory`: its
    component stayed contradictory (the search hit its limits); the interval means nothing."""

    quantity: Quantity
    lo: float
    hi: float
    steps: tuple[Step, ...]
    figures: tuple[Stated, ...]  # the figures that bound it directly
    contradictory: bool


class Analysis:
    """The network's verdict on one plan, whose network may be shared with other plans
    (analyse_many): `conflicts` are this plan's (their places in the solution's list), and
    everything read by variable or item keeps to the plan's span (`built.span`)."""

    def __init__(self, built: Built, solution: Solution, conflicts: Sequence[int]) -> None:
        self._begin(built, solution.net)
        raw = solution.conflicts
        for k in conflicts:
            self._add(raw[k], raw, 0)
        self._end_conversion(solution)

    def _begin(self, built: Built, net: Compiled, e_con: list[int] | None = None) -> None:
        """Ready to take the solution's conflicts (`_add`), as the search finds them or after;
        `e_con`: the network's `e_con` as a list, when the network is shared with other plans'
        (made once for all of them: it is the whole network's)."""
        self._built = built
        self._term_cache: dict[tuple[int, int], tuple[Stated | None, Quantity, float]] = {}
        self._book = Book()  # every contradiction's steps and culprits
        self._quantity_codes: dict[int, int] = {}  # by variable: its place in the book's
        self._name_codes: dict[int, int] = {}  # by id of a member or relation: its code
        # a member's range with the rest of its component on, and what a blocking conflict needs
        # of it, are the same for every conflict it belongs to, and many members need the same
        # range: each is made once and each value kept once (half the ranges of a plan with
        # thousands of conflicts), as is the member list of each blocking conflict
        self._range_cache: dict[tuple, int] = {}  # places in the book's ranges
        self._ranges: dict[tuple, int] = {}
        self._blocked_cache: dict[int, int] = {}  # places in the book's blocked
        self._e_con: list[int] = net.e_con.tolist() if e_con is None else e_con
        self._converted: list[Contradiction] = []

    def _add(self, c: Conflict, near: Sequence[Conflict], offset: int) -> None:
        """One conflict in the plan's terms; `near[k - offset]` is conflict k of the solution
        for any k its members' `blocked_by` name (theirs is always of the same component)."""
        self._converted.append(self._contradiction(c, near, offset))

    def _forget(self) -> None:
        """Let go of what only one component's conflicts share: every step, end, range and
        term is of its own variables and items (its raw steps, the cache's keys, go too)."""
        for cache in (
            self._term_cache,
            self._quantity_codes,
            self._name_codes,
            self._range_cache,
            self._blocked_cache,
        ):
            cache.clear()

    def _end_conversion(self, solution: Solution, intervals: bool = True) -> None:
        self.contradictions: tuple[Contradiction, ...] = tuple(self._converted)
        self.stopped: tuple[Stated, ...] = self._stopped(solution)
        del self._converted
        self._forget()
        self._ranges.clear()
        if intervals:
            # the raw conflicts are now in the plan's terms: keep none (fewer objects to keep)
            self._solution = replace(solution, conflicts=[])
        else:
            del self._built, self._e_con

    def _stopped(self, solution: Solution) -> tuple[Stated, ...]:
        """The plan's figures in the components whose search stopped short — at a limit, or
        with no set of figures found to set aside: contradictions other than those found may be
        among them. In file order; none, almost always."""
        own = self._built.span[0]
        cut = None
        for mask in (*solution.incomplete.values(), *solution.unresolved.values()):
            part = mask[own.start : own.stop]
            cut = part if cut is None else cut | part
        if cut is None or not cut.any():
            return ()
        found = {s: None for v in cut.nonzero()[0] for s in self._figures_on(own.start + int(v))}
        return tuple(sorted(found, key=lambda s: s.mark))

    def _network(self) -> tuple[Built, Solution]:
        """The network and its solution, for the questions beyond the contradictions."""
        try:
            return self._built, self._solution
        except AttributeError:
            raise RuntimeError(
                "this analysis kept its contradictions only (analyse_many(intervals=False))"
            ) from None

    @property
    def errors(self) -> tuple[Contradiction, ...]:
        return tuple(c for c in self.contradictions if c.tier == "error")

    @property
    def warnings(self) -> tuple[Contradiction, ...]:
        return tuple(c for c in self.contradictions if c.tier == "warning")

    def set_aside(self, tier: Tier) -> tuple[Stated | Assumption, ...]:
        """The members set aside to resolve the tier (and everything before it): the
        intervals of `intervals_for` are computed without them."""
        built, solution = self._network()
        t = FACTS if tier == "error" else ASSUMPTIONS
        items = set(solution.set_aside.get(FACTS, ()))
        if t == ASSUMPTIONS:
            items |= set(solution.set_aside.get(ASSUMPTIONS, ()))
        items.intersection_update(built.span[1])
        return tuple(self._tag(i) for i in sorted(items))

    @property
    def incomplete(self) -> bool:
        """Some component's search stopped at a limit: more contradictions may exist."""
        built, solution = self._network()
        masks = [*solution.incomplete.values(), *solution.unresolved.values()]
        own = built.span[0]
        return any(bool(m[own.start : own.stop].any()) for m in masks)

    def intervals_for(self, key: Stated | str, assumptions: bool = False) -> list[Interval]:
        """The intervals of a figure's quantities, or of every quantity of an indicator (by id),
        with figures (and, with `assumptions`, assumptions) set aside as `set_aside` says."""
        built, solution = self._network()
        tier = ASSUMPTIONS if assumptions and ASSUMPTIONS in solution.states else FACTS
        if isinstance(key, Stated):
            variables = built.variables_of(key)
        else:
            qs = built.quantities
            variables = [v for v in built.span[0] if qs.indicator(v) == key]
        state = solution.states[tier]
        comp = solution.components[tier]
        unresolved = solution.unresolved[tier]
        out = []
        for v in variables:
            raw = solution.derivation(v, tier)
            out.append(
                Interval(
                    built.quantities[v],
                    float(state.lo[v]),
                    float(state.hi[v]),
                    tuple(map(self._book.step, self._steps(raw))),
                    self._figures_on(v),
                    bool(state.dead[comp[v]] or unresolved[v]),
                )
            )
        return out

    # -- conversion
    def _tag(self, item: int) -> Stated | Assumption:
        return self._built.net.tag(item)  # type: ignore[return-value]

    def _contradiction(self, c: Conflict, near: Sequence[Conflict], offset: int) -> Contradiction:
        book = self._book
        self._steps(c.steps)
        for m in c.members:
            self._culprit(m, near, offset)
        k = book.close()
        return Contradiction(
            TIER_NAMES[c.tier],
            tuple(self._tag(i) for i in c.items),
            self._built.quantities[c.empty_var],
            Steps(book, k),
            Culprits(book, k),
        )

    def _culprit(self, m: Member, near: Sequence[Conflict], offset: int) -> None:
        blocked = -1
        if m.blocked_by is not None:
            blocked = self._blocked_cache.get(m.blocked_by, -1)
            if blocked < 0:
                other = near[m.blocked_by - offset]
                self._book.blocked.append(tuple(map(self._tag, other.items)))
                blocked = self._blocked_cache[m.blocked_by] = len(self._book.blocked) - 1
        ranges = (
            self._range_code(m.item, m.var, m.fit_conflict),
            self._range_code(m.item, m.var, m.fit_component),
            self._range_code(m.item, m.var, m.needs),
        )
        member = self._name_code(self._tag(m.item))
        self._book.add_culprit(member, m.weight, m.resolves, m.resolves_all, ranges, blocked)

    def _range_code(self, item: int, var: int, iv: tuple[float, float] | None) -> int:
        """The place in the book of `iv` in the item's terms (−1: None), made once for equal
        arguments and kept once for equal values (a zero's sign is part of the key: 0.0 ==
        -0.0, but they print differently)."""
        if iv is None or var < 0:
            return -1
        lo, hi = iv
        key: tuple = (item, var, lo, hi)
        if lo == 0 or hi == 0:
            key += (math.copysign(1.0, lo), math.copysign(1.0, hi))
        out = self._range_cache.get(key)
        if out is None:
            r = self._new_range(item, var, lo, hi)
            value: tuple = r
            if r.lo == 0 or r.hi == 0:  # 0.0 == -0.0
                value = (r, math.copysign(1.0, r.lo), math.copysign(1.0, r.hi))
            out = self._ranges.get(value)
            if out is None:
                out = self._ranges[value] = self._book.add_range(r)
            self._range_cache[key] = out
        return out

    def _new_range(self, item: int, var: int, lo: float, hi: float) -> Range:
        stated, q, scale = self._terms(item, var)
        if stated is None:
            return Range(lo, hi, q.unit)
        return figure_range(stated, q, lo, hi, scale)

    def _terms(self, item: int, var: int) -> tuple[Stated | None, Quantity, float]:
        """The figure an item's range is read as, the quantity, and the scale from the
        variable's unit into the figure's (worked out once per item)."""
        key = (item, var)
        if key not in self._term_cache:
            tag = self._tag(item)
            stated = tag if isinstance(tag, Stated) else tag.stated
            q = self._built.quantities[var]
            scale = 1.0
            if stated is not None:
                unit = self._built.units[var]
                f_unit = stated.figure.unit
                if unit is not None and f_unit is not None and unit.dimension == f_unit.dimension:
                    scale = unit.factor_to(f_unit)
                elif q.kind == "exchange_rate" and f_unit is not None:
                    scale = 1.0 / f_unit.scale
            self._term_cache[key] = (stated, q, scale)
        return self._term_cache[key]

    def _steps(self, raw: Sequence[RawStep]) -> range:
        """Derivation steps in the plan's terms, packed (see Book): their places."""
        book = self._book
        first = book.steps
        for s in raw:
            name = 0
            inputs: list[tuple[int, float]] = []
            if s.kind == "bound":
                if s.item >= 0:
                    name = self._name_code(self._tag(s.item))
            elif s.kind != "domain":
                labels = self._built.net.labels[s.kind]
                relation = labels[self._e_con[s.index] if s.kind == "linear" else s.index]
                if isinstance(relation, Relation):
                    name = self._name_code(relation)
                ends = zip(s.inputs, s.values, strict=True)
                inputs = [(self._end_code(v, e), value) for (v, e), value in ends]
            book.add_step(self._end_code(s.var, s.end), s.value, name, inputs)
        return range(first, book.steps)

    def _end_code(self, var: int, end: str) -> int:
        code = self._quantity_codes.get(var)
        if code is None:
            code = self._quantity_codes[var] = len(self._book.quantities)
            self._book.quantities.append(self._built.quantities[var])
        return 2 * code + (end == "hi")

    def _name_code(self, name: Stated | Assumption | Relation) -> int:
        """1 + the place of a member or relation in the book's names."""
        code = self._name_codes.get(id(name))  # the book holds each: an id is not reused
        if code is None:
            self._book.names.append(name)
            code = self._name_codes[id(name)] = len(self._book.names)
        return code

    def _figures_on(self, var: int) -> tuple[Stated, ...]:
        return tuple(dict.fromkeys(self._built.figures_on.get(var, [])))


def analyse(
    plan: Plan, facts: object = None, limits: Limits | None = None, assumptions: bool = True
) -> Analysis:
    """Analyse `plan` as one network. `facts` (the rules' shared Facts) is accepted so a rule
    can pass what it has; the network reads everything it needs from the plan."""
    return analyse_many([plan], limits, assumptions)[0]


def analyse_many(
    plans: Sequence[Plan],
    limits: Limits | None = None,
    assumptions: bool = True,
    intervals: bool = True,
) -> list[Analysis]:
    """`analyse` for each plan, the plans solved as one network. A plan's components are its
    own, so each plan gets what `analyse` gives it alone; solved together, one step of the
    search asks every plan's next question in one vectorised propagation, which costs a
    plan a fraction of its own search (many plans: see ezplan.pool).

    Without `intervals`, an analysis keeps its contradictions only, all the whole-plan rule
    reads: the network and its solution, which `intervals_for`, `set_aside` and `incomplete`
    read, go as the search ends (a third of what an analysis holds)."""
    from ezplan.network.plan import build_many
    from ezplan.network.solver import solve

    if not plans:
        return []
    with collector_paused():
        builts = build_many(plans)
        network = builts[0].net
        net = network.compile()
        network.drop_rows()  # the arrays hold them: a fifth of what an analysis would keep
        var_starts = [b.span[0].start for b in builts]
        item_starts = [b.span[1].start for b in builts]
        analyses = [Analysis.__new__(Analysis) for _ in builts]
        e_con = net.e_con.tolist()
        for a, b in zip(analyses, builts, strict=True):
            a._begin(b, net, e_con)

        def sink(offset: int, found: list[Conflict]) -> None:
            """Each conflict in its plan's terms as the search finds it (a component's at once:
            a member's blocking conflict is of its component): the raw conflicts are never all
            held, nor both forms of them."""
            for c in found:  # the plan of its first member, or its variable
                at = bisect.bisect_right(item_starts, c.items[0]) if c.items else 0
                at = at or bisect.bisect_right(var_starts, c.empty_var)
                analyses[at - 1]._add(c, found, offset)
            analyses[at - 1]._forget()

        solution = solve(net, assumptions, limits, sink=sink)
        for a in analyses:
            a._end_conversion(solution, intervals)
        large = max(len(b.span[0]) for b in builts) >= TRIM_VARS
        del network, net, solution, builts  # without intervals, the analyses' only hold on them
    if large:
        return_free_memory()
    return analyses


TRIM_VARS = 100_000
"""Variables of a plan whose search leaves enough free memory to return (a batch of many
mid-size plans holds their results: a trim there gave back 9 of 598 MiB)."""


def return_free_memory() -> None:
    """Give the free pages of the C heap back to the system. The search of a large network
    frees most of what it allocated (states, derivations, its tables), but glibc keeps the
    pages between the blocks still in use: at 100,000 indicators ~250 MiB that the rest of a
    check would only partly reuse. A no-op where the C library has no malloc_trim."""
    try:
        import ctypes

        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):
        return
    trim.argtypes = [ctypes.c_size_t]
    trim(0)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector. The analysis allocates millions of small
    acyclic objects while the plan fills the heap, and each full collection walks the whole
    heap: at 10,000 indicators they cost a third of the analysis. Reference counting still
    frees what is dropped; a cycle, if any, waits for the next collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
