"""Propagation to a fixed point: every constraint of one kind revised at once per round.

A round revises the constraints of each kind in turn (so a narrowing found by products is seen
by powers in the same round), but only those touching a variable that changed noticeably since
it was last revised — a worklist as a mask, so a query that switches on a few items only works
near them. Narrowings are intersected with `np.maximum.at`/`np.minimum.at`. A component whose
variable's interval empties is contradictory: it is frozen at that moment (its provenance then
explains the contradiction) and left out of later rounds.

Work is bounded: rounds are capped, and a change smaller than `REL_CHANGE` of the interval's
width narrows the interval but does not wake its constraints again. A variable that keeps
creeping (linear systems converge only geometrically under interval propagation: 2015 trade =
exports + imports with each tied to 2019 by its own growth factor) needs ten times larger a change
for each wake beyond `FREE_WAKES`. Stopping early only leaves intervals wider than they could
be, never a false contradiction.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ezplan.network import kinds
from ezplan.network.compiled import Compiled

Ints = np.ndarray
Floats = np.ndarray
Bools = np.ndarray

REL_CHANGE = 1e-7
FREE_WAKES = 12
MAX_ROUNDS = 4096
POW10 = 10.0 ** np.arange(301, dtype=np.int64)  # a creeping variable's bar: 10.0**k


@dataclass
class State:
    """Bounds after propagation, with the reason that last moved each end (see compiled)."""

    lo: Floats
    hi: Floats
    lo_by: Ints
    hi_by: Ints
    dead: Bools  # per component: a contradiction was found
    empty_var: Ints  # per component: the variable whose interval emptied (−1)
    rounds: int
    capped: bool  # stopped by the round cap with narrowings still pending

    def readers(self):
        """By variable: its lower and upper end, and what last moved each (see compiled.py),
        as Python numbers."""
        return self.lo.item, self.hi.item, self.lo_by.item, self.hi_by.item


class Propagator:
    """Propagates one network; contradictions are told apart by the components of the view in
    which the items of `structural` (and hard constraints) connect variables. An item outside
    that view must never be switched on: it could couple components."""

    def __init__(self, net: Compiled, structural: Bools) -> None:
        self.net = net
        self.comp, self.n_comps = net.components(structural)
        self.layout = kinds.Layout(net)
        c = self.comp
        self.comp_of = {"bound": c[net.b_var]} | {
            kind: c[first] for kind, first in net.constraint_first_vars().items()
        }

    def effective(self, enabled: Bools) -> Bools:
        """Items on: those enabled, and the parent of each (an 约 figure's narrowed core holds
        only with the figure itself; setting the figure aside sets its core aside too, which
        is the caller's business: see Compiled.with_children)."""
        p = self.net.item_parent
        on = enabled.copy()
        on[p[(p >= 0) & enabled]] = True
        return on

    def run(
        self, enabled: Bools, included: Bools | None = None, max_rounds: int = MAX_ROUNDS
    ) -> State:
        """Propagate with the items in `enabled` on, in the components `included` (all)."""
        net = self.net
        on = np.append(self.effective(np.asarray(enabled, dtype=bool)), True)  # −1: hard

        def selected(kind: str, items: Ints) -> Ints:
            item_on = on[items]
            if included is not None:
                item_on &= included[self.comp_of[kind]]
            return np.flatnonzero(item_on)

        run = _Run(net, self.comp, self.n_comps)
        b = selected("bound", net.b_item)
        run.apply(kinds.Narrowing(net.b_var[b], net.b_lo[b], net.b_hi[b], b))
        blocks = _Blocks(
            self.layout,
            selected("product", net.p_item),
            selected("power", net.w_item),
            selected("cumsum", net.c_item),
            selected("linear", net.l_item),
            self.comp_of,
        )
        rounds = 0
        while run.changed.any() and rounds < max_rounds:
            rounds += 1
            run.start_round()
            for narrowing in blocks.revise(run):
                run.apply(narrowing)
        return State(
            run.lo,
            run.hi,
            run.lo_by,
            run.hi_by,
            run.dead,
            run.empty_var,
            rounds,
            bool(run.changed.any()),
        )


class _Run:
    """The mutable state of one propagation."""

    def __init__(self, net: Compiled, comp: Ints, n_comps: int) -> None:
        self.comp = comp
        self.lo = net.dom_lo.copy()
        self.hi = net.dom_hi.copy()
        self.lo_by = np.full(net.n_vars, -1, dtype=net.reason_dtype)
        self.hi_by = np.full(net.n_vars, -1, dtype=net.reason_dtype)
        self.dead = np.zeros(n_comps, dtype=bool)
        self.any_dead = False
        self.empty_var = np.full(n_comps, -1, dtype=np.int64)
        self.changed = np.zeros(net.n_vars, dtype=bool)  # changed in this round
        self.hot = np.zeros(net.n_vars, dtype=bool)  # changed in this round or the previous
        self.wakes = np.zeros(net.n_vars, dtype=np.int64)

    def start_round(self) -> None:
        """Variables changed in the previous round stay hot for this one."""
        self.hot, self.changed = self.changed, self.hot
        self.changed.fill(False)

    def apply(self, n: kinds.Narrowing) -> None:
        v = n.var
        if len(v) == 0:
            return
        old_lo, old_hi = self.lo[v], self.hi[v]
        up = n.lo > old_lo
        down = n.hi < old_hi
        any_up, any_down = up.any(), down.any()
        if not (any_up or any_down):
            return
        with np.errstate(over="ignore"):  # −BIG to BIG is ∞ wide, which is right
            width = old_hi - old_lo
        if any_up:
            v_up, new = v[up], n.lo[up]
            self._move(self.lo, self.lo_by, np.maximum, v_up, new, n.reason[up])
            self._wake(v_up, old_lo[up], new, width[up])
        if any_down:
            v_down, new = v[down], n.hi[down]
            self._move(self.hi, self.hi_by, np.minimum, v_down, new, n.reason[down])
            self._wake(v_down, old_hi[down], new, width[down])
        moved = v[up | down]
        empty = self.lo[moved] > self.hi[moved]
        if empty.any():
            ev = moved[empty]
            cs = self.comp[ev]
            first = ~self.dead[cs]
            self.empty_var[cs[first][::-1]] = ev[first][::-1]
            self.dead[cs] = True
            self.any_dead = True

    @staticmethod
    def _move(bound: Floats, by: Ints, pick, v: Ints, value: Floats, reason: Ints) -> None:
        pick.at(bound, v, value)
        won = value == bound[v]
        by[v[won]] = reason[won]

    def _wake(self, v: Ints, old: Floats, new: Floats, width: Floats) -> None:
        """Mark variables whose end moved noticeably (relative to the interval's width, or to
        its size when unbounded) as changed."""
        fin_old = np.isfinite(old)
        old_or_0 = np.where(fin_old, old, 0.0)
        with np.errstate(over="ignore"):  # near the float limit: a move of ∞ or a bar of ∞
            scale = np.where(np.isfinite(width), width, np.maximum(np.abs(old_or_0), np.abs(new)))
            moved = np.abs(new - old_or_0)
            stubborn = np.minimum(np.maximum(self.wakes[v] - FREE_WAKES, 0), 300)
            bar = REL_CHANGE * scale * POW10[stubborn]
        big = v[~(fin_old & np.isfinite(moved)) | (moved > bar)]
        self.changed[big] = True
        self.hot[big] = True
        self.wakes[big] += 1


class _Blocks:
    """The constraints switched on for one propagation, revised kind by kind."""

    def __init__(
        self,
        layout: kinds.Layout,
        p: Ints,
        w: Ints,
        c: Ints,
        lin: Ints,
        comp_of: dict[str, Ints],
    ) -> None:
        self.layout = layout
        net = layout.net
        # per kind: the constraints on, the variables that wake them and their components
        self.kinds = [
            (idx, [col[idx] for col in cols], comp_of[kind][idx], fn)
            for kind, idx, cols, fn in (
                ("product", p, (net.p_z, net.p_x, net.p_y), kinds.product),
                ("power", w, (net.w_y, net.w_x), kinds.power),
                ("cumsum", c, (net.c_y, net.c_x), kinds.cumsum),
            )
            if len(idx)
        ]
        self.lin = lin
        self.lin_comp = comp_of["linear"][lin]
        on = np.zeros(len(net.l_rhs), dtype=bool)
        on[lin] = True
        self.entries = np.flatnonzero(on[net.e_con]) if len(net.e_con) else lin[:0]
        self.entry_var = net.e_var[self.entries]
        self.entry_local = np.searchsorted(lin, net.e_con[self.entries])

    def revise(self, run: _Run):
        for idx, wakers, comps, fn in self.kinds:
            hot = run.hot
            touched = hot[wakers[0]]
            for var in wakers[1:]:
                touched |= hot[var]
            if run.any_dead:
                touched &= ~run.dead[comps]
            act = idx[touched]
            if len(act):
                yield fn(self.layout, run.lo, run.hi, act)
        if len(self.lin):
            yield from self._linear(run)

    def _linear(self, run: _Run):
        hot_terms = run.hot[self.entry_var]
        act = np.bincount(self.entry_local, hot_terms, len(self.lin)) > 0
        if run.any_dead:
            act &= ~run.dead[self.lin_comp]
        if not act.any():
            return
        keep = act[self.entry_local]
        yield kinds.linear(
            self.layout, run.lo, run.hi, self.entries[keep], len(act), self.entry_local[keep]
        )
