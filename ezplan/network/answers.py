"""Answers to the search's one question — is this component contradictory with these items
on? — computed the cheapest way that gives the same bits.

Components share no variable or constraint, so a component propagates alone exactly as within
the whole network: an answer is its part of a whole-network propagation. A search asks the same
question again and again, so answers are cached (memo.py). The rest goes to the scalar
propagator while that is little work (numpy's per-call cost would dominate: a small component,
or a few items of a large one), and otherwise to one vectorised propagation of every component
still waiting.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ezplan.network import scalar
from ezplan.network.derivation import tables
from ezplan.network.lists import lists
from ezplan.network.memo import Answer, Key, Memo, Part, Slice, View, Views
from ezplan.network.propagate import Propagator, State

if TYPE_CHECKING:
    from ezplan.network.solver import ItemsByComponent

SCALAR_WORK = 600  # estimated revisions one step leaves to the scalar propagator …
SCALAR_BUDGET = 4000  # … and the most one question may take there before numpy takes over
SMALL = 256  # variables of a component propagated on its own lists
LISTS_PAYBACK = 2000  # variables and bounds whose lists one scalar step pays for


class Answers:
    """The answers for one view of the network (one Propagator). With `general`, every answer
    comes from a whole-network propagation, as the reference the fast paths must match."""

    def __init__(
        self, prop: Propagator, structural: np.ndarray, memo: Memo, general: bool = False
    ) -> None:
        self.prop = prop
        net = prop.net
        self.general = general or not _self_contained(net, prop.comp)
        self.memo = memo.view(structural)
        self.parents = tables(net).parents
        comp, n = prop.comp, prop.n_comps
        order = np.argsort(comp, kind="stable")
        starts = np.searchsorted(comp[order], np.arange(n + 1))
        first = order[np.minimum(starts[:-1], max(net.n_vars - 1, 0))] if n else starts[:0]
        self.ident = list(zip(first.tolist(), np.diff(starts).tolist(), strict=True))
        self._vars, self._var_cut = order, starts
        self._var_comp = comp[order]
        rank = np.empty(net.n_vars, dtype=np.int64)
        rank[order] = np.arange(net.n_vars)
        self._rank = array("q", rank.tobytes())  # each variable's place in _vars
        hard = np.flatnonzero(net.b_item < 0)
        by = comp[net.b_var[hard]]
        order = np.argsort(by, kind="stable")
        cut = np.searchsorted(by[order], np.arange(n + 1)).tolist()
        self._hard, self._cut = hard[order].tolist(), cut
        # the size of each component: bound entries, constraints and terms (its whole work)
        kinds = prop.comp_of
        terms = np.diff(net.lin_start)
        self.size = sum(np.bincount(c, minlength=n) for c in kinds.values()) + np.bincount(
            kinds["linear"], terms, minlength=n
        ).astype(np.int64)
        # the narrowings each item's own constraints make (an assumption tying a whole year)
        owned = np.zeros(net.n_items + 1, dtype=np.int64)
        for items, per in ((net.p_item, 3), (net.w_item, 2), (net.c_item, 2)):
            np.add.at(owned, items, per)
        np.add.at(owned, net.l_item, terms)
        self.owned = owned[:-1].tolist()

    def hard_bounds(self, comp: int) -> list[int]:
        return self._hard[self._cut[comp] : self._cut[comp + 1]]

    def ask(self, questions: dict[int, Sequence[int]]) -> dict[int, Answer]:
        """The answer for each component, with the given items switched on in it."""
        if self.general:
            return self._vectorised(questions, {})
        out: dict[int, Answer] = {}
        missed: dict[int, Key] = {}
        parts: list[tuple[int, Part]] = []  # the answers from the memo's slices
        ident, memo = self.ident, self.memo
        for comp, items in questions.items():
            key = (ident[comp], tuple(sorted(items)))
            hit = memo.answers.get(key)
            if hit is None:
                missed[comp] = key
            else:
                out[comp] = hit
                if type(hit) is Part:
                    parts.append((comp, hit))
        if missed:
            if self._estimate(missed) <= SCALAR_WORK and self._scalar_ready():
                for comp, key in list(missed.items()):
                    answer = self._scalar(comp, key[1])
                    if answer is not None:
                        out[comp] = answer
                        del missed[comp]
            if missed:
                out.update(self._vectorised({c: questions[c] for c in missed}, missed))
        # an answer whose slice is kept as its differences (this step's may have made it so) is
        # read from the slice unpacked, once for the step, not looked up place by place
        unpacked: dict[int, Slice] = {}
        for comp, part in parts:
            if part.state.base is not None:
                out[comp] = part.unpacked(unpacked)
        return out

    def run_all(
        self, enabled: np.ndarray, included: np.ndarray, members: ItemsByComponent
    ) -> tuple[State, Mapping[int, Answer]]:
        """Propagate every included component with the `enabled` items on (`members`: the
        enabled items of each component): the whole-network state, and each component's
        answer."""
        if self.general or int(self.size[included].sum()) > SCALAR_WORK:
            state = self.prop.run(enabled, included)
            return state, Views(state)
        comps = np.flatnonzero(included).tolist()
        answers = self.ask({c: members.get(c, []) for c in comps})
        return self._assemble(answers), answers

    # -- the two ways
    def _scalar_ready(self) -> bool:
        """The scalar propagator needs the network as lists (lists.py), built at a cost in
        proportion to the network: only once enough steps have wanted it to pay for that."""
        net = self.prop.net
        if "lists" in net._cache:
            return True
        self.memo.wanted += 1
        return self.memo.wanted * LISTS_PAYBACK >= net.n_vars + len(net.b_var)

    def _estimate(self, missed: dict[int, Key]) -> int:
        """The revisions the scalar propagator would need, roughly (counted up to a little
        over SCALAR_WORK): a component's whole size, or for a large one, what its few items
        on, their constraints and its hard bounds touch."""
        total, owned, size, cut = 0, self.owned, self.size, self._cut
        for comp, (_, items) in missed.items():
            if total > SCALAR_WORK:
                break
            whole = int(size[comp])
            if whole > 16 * len(items):
                reach = 16 * (len(items) + cut[comp + 1] - cut[comp])
                whole = min(whole, reach + 4 * sum([owned[i] for i in items]))
            total += whole
        return total

    def _scalar(self, comp: int, items: tuple[int, ...]) -> scalar.CompState | None:
        parents = self.parents
        on = set(items)
        on.update([parents[i] for i in items if i in parents])
        ident = self.ident[comp]
        space = self.memo.spaces.get(ident)
        if space is not None:
            answer = scalar.propagate(space, on, space.hard, SCALAR_BUDGET)
        elif ident[1] <= SMALL:
            a, b = self._var_cut[comp], self._var_cut[comp + 1]
            space = self.memo.spaces[ident] = lists(self.prop.net).local(self._vars[a:b].tolist())
            answer = scalar.propagate(space, on, space.hard, SCALAR_BUDGET)
        else:
            whole = lists(self.prop.net)
            answer = scalar.propagate(whole, on, self.hard_bounds(comp), SCALAR_BUDGET)
        if answer is not None:
            self.memo.keep((self.ident[comp], items), answer)
        return answer

    def _vectorised(
        self, questions: dict[int, Sequence[int]], keys: dict[int, Key]
    ) -> dict[int, View] | dict[int, Part]:
        """One propagation of every component asked about. The answers are Parts of a Slice
        of the state (the general path reads the whole state): the memo keeps slices, and a
        whole-network state goes when its step ends."""
        net, prop = self.prop.net, self.prop
        enabled = np.zeros(net.n_items, dtype=bool)
        enabled[np.fromiter(itertools.chain.from_iterable(questions.values()), np.int64)] = True
        included = np.zeros(prop.n_comps, dtype=bool)
        included[list(questions)] = True
        state = prop.run(enabled, included)
        if self.general:
            return {c: View(state, c) for c in questions}
        comps = np.flatnonzero(included)
        cut = self._var_cut
        sizes = cut[comps + 1] - cut[comps]
        bases = (np.cumsum(sizes) - sizes - cut[comps]).tolist()
        cuts = Slice(state, comps, self._vars[included[self._var_comp]], self._rank)
        dead, empty = state.dead[comps].tolist(), state.empty_var[comps].tolist()
        answers = zip(comps.tolist(), bases, dead, empty, strict=True)
        views = {c: Part(cuts, base, d, e) for c, base, d, e in answers}
        if keys:
            self.memo.keep_state(cuts, views, keys)
        return views

    def _assemble(self, answers: dict[int, Answer]) -> State:
        """The whole-network state made of the components' answers (the rest at their
        domains). `rounds` is the most any of them took."""
        net, prop = self.prop.net, self.prop
        lo, hi = net.dom_lo.copy(), net.dom_hi.copy()
        lo_by = np.full(net.n_vars, -1, dtype=net.reason_dtype)
        hi_by = np.full(net.n_vars, -1, dtype=net.reason_dtype)
        dead = np.zeros(prop.n_comps, dtype=bool)
        empty_var = np.full(prop.n_comps, -1, dtype=np.int64)
        rounds, capped = 0, False
        columns: tuple[list, list, list, list, list] = ([], [], [], [], [])
        for c, a in answers.items():
            if isinstance(a, View | Part):
                start, stop = self._var_cut[c], self._var_cut[c + 1]
                g = self._vars[start:stop]  # the component's variables
                st = a.state
                if isinstance(a, View):
                    at, ends = g, (st.lo, st.hi, st.lo_by, st.hi_by)
                else:
                    first = a.base + st.rank[int(g[0])]  # its layout may be an earlier pass's
                    at, ends = slice(first, first + len(g)), st.whole()
                for mine, theirs in zip((lo, hi, lo_by, hi_by), ends, strict=True):
                    mine[g] = theirs[at]
                rounds, capped = max(rounds, a.state.rounds), capped or a.state.capped
            else:
                for column, part in zip(columns, a.ends(), strict=True):
                    column += part
                rounds, capped = max(rounds, a.rounds), capped or a.capped
            dead[c], empty_var[c] = a.infeasible, a.empty_var
        g = np.array(columns[0], dtype=np.int64)
        for mine, values in zip((lo, hi, lo_by, hi_by), columns[1:], strict=True):
            mine[g] = values
        return State(lo, hi, lo_by, hi_by, dead, empty_var, rounds, capped)


def _self_contained(net, comp: np.ndarray) -> bool:
    """Every item's parent lies in the item's component (so switching an item's parent on
    touches only its own component); the plan adapter builds networks so."""
    p = net.item_parent
    child = np.flatnonzero(p >= 0)
    item_comp = net.item_components(comp)
    return bool(np.all(item_comp[child] == item_comp[p[child]]))
