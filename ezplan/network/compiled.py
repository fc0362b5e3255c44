"""The network frozen into numpy arrays, one block per constraint kind, and its components.

A *reason* is one integer naming what set a bound: a bound entry (a fact's or a hard bound), or
one constraint projecting onto one of its variables. Reasons are laid out as

    [bounds | product (3 per constraint: z, x, y) | power (2: y, x) | cumsum (2: y, x) |
     linear (1 per term)]

and −1 means the variable's domain as built (derivation.Tables reads them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

Ints = np.ndarray
Floats = np.ndarray
Bools = np.ndarray


@dataclass(frozen=True, eq=False)
class Compiled:
    """Domains (dom_*), items (item_*: assumption or fact, weight, parent), bound entries
    (b_*: variable, interval, item), then per kind the constraints' variables, constants and
    owning item (−1: hard): products p_* (z = k·x·y), powers w_* (y = x^n), cumsums c_*
    (y = Σ x^t), linear l_* (rhs, = or ≤, item) with their terms e_* (constraint, variable,
    coefficient; grouped by constraint)."""

    n_vars: int
    dom_lo: Floats
    dom_hi: Floats
    item_assumption: Bools
    item_weight: Floats
    item_parent: Ints
    b_var: Ints
    b_lo: Floats
    b_hi: Floats
    b_item: Ints
    p_z: Ints
    p_x: Ints
    p_y: Ints
    p_k: Floats
    p_item: Ints
    w_y: Ints
    w_x: Ints
    w_n: Floats
    w_item: Ints
    c_y: Ints
    c_x: Ints
    c_n: Floats
    c_item: Ints
    l_rhs: Floats
    l_eq: Bools
    l_item: Ints
    e_con: Ints
    e_var: Ints
    e_coef: Floats
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def n_items(self) -> int:
        return len(self.item_weight)

    # -- reasons
    @cached_property
    def offsets(self) -> dict[str, int]:
        """Where each kind's reasons start."""
        o_p = len(self.b_var)
        o_w = o_p + 3 * len(self.p_z)
        o_c = o_w + 2 * len(self.w_y)
        o_l = o_c + 2 * len(self.c_y)
        return {"bound": 0, "product": o_p, "power": o_w, "cumsum": o_c, "linear": o_l}

    @cached_property
    def reason_dtype(self) -> type:
        """The narrowest integer type of every reason id (−1 … past the last linear term): a
        whole-network state holds two per variable, and the search keeps many states."""
        last = self.offsets["linear"] + len(self.e_var)
        return np.int32 if last < np.iinfo(np.int32).max else np.int64

    @cached_property
    def lin_start(self) -> Ints:
        """Where each linear constraint's terms start in the e_* arrays (and one past the end)."""
        return np.searchsorted(self.e_con, np.arange(len(self.l_rhs) + 1))

    # -- items
    @cached_property
    def item_primary_var(self) -> Ints:
        """The variable an item bounds first (−1 for an item with constraints only)."""
        out = np.full(self.n_items, -1, dtype=np.int64)
        has = np.flatnonzero(self.b_item >= 0)
        items, first = np.unique(self.b_item[has], return_index=True)
        out[items] = self.b_var[has[first]]
        return out

    def with_children(self, items: Bools) -> Bools:
        """The items and every item whose parent is among them."""
        p = self.item_parent
        has = p >= 0
        return items | (has & items[np.where(has, p, 0)])

    @cached_property
    def item_bounds(self) -> dict[int, tuple[int, ...]]:
        """Bound entries by item."""
        has = np.flatnonzero(self.b_item >= 0)
        order = has[np.argsort(self.b_item[has], kind="stable")]
        items = self.b_item[order]
        if len(order) == 0:
            return {}
        starts = [0, *(np.flatnonzero(np.diff(items)) + 1).tolist()]
        entries, firsts = order.tolist(), items[starts].tolist()
        ends = [*starts[1:], len(entries)]
        return {i: tuple(entries[a:b]) for i, a, b in zip(firsts, starts, ends, strict=True)}

    # -- structure
    @cached_property
    def edges(self) -> tuple[Ints, Ints, Ints]:
        """(u, v, item): every constraint ties its first variable to each other one, and an item
        bounding several variables ties them; `item` is the owner (−1: hard)."""
        us, vs, items = [], [], []
        for z, others, owner in (
            (self.p_z, (self.p_x, self.p_y), self.p_item),
            (self.w_y, (self.w_x,), self.w_item),
            (self.c_y, (self.c_x,), self.c_item),
        ):
            for o in others:
                us.append(z)
                vs.append(o)
                items.append(owner)
        us.append(self.lin_first[self.e_con])
        vs.append(self.e_var)
        items.append(self.l_item[self.e_con])
        has = self.b_item >= 0
        us.append(self.item_primary_var[self.b_item[has]])
        vs.append(self.b_var[has])
        items.append(self.b_item[has])
        return np.concatenate(us), np.concatenate(vs), np.concatenate(items)

    @cached_property
    def lin_first(self) -> Ints:
        """The first variable of each linear constraint."""
        return self.e_var[self.lin_start[:-1]] if len(self.e_var) else self.lin_start[:0]

    def constraint_first_vars(self) -> dict[str, Ints]:
        """Per kind, the variable that names each constraint's component."""
        return {
            "product": self.p_z,
            "power": self.w_y,
            "cumsum": self.c_y,
            "linear": self.lin_first,
        }

    def components(self, structural: Bools) -> tuple[Ints, int]:
        """Connected components of the variables through hard constraints and the items in
        `structural` (their constraints, and their bounds on several variables). Returns the
        component of each variable and their number."""
        key = ("components", structural.tobytes())
        if key not in self._cache:
            u, v, item = self.edges
            keep = (item < 0) | of_items(structural, item)
            labels = connected_labels(self.n_vars, u[keep], v[keep])
            _, comp = np.unique(labels, return_inverse=True)
            self._cache[key] = (comp.astype(np.int64), int(comp.max()) + 1 if len(comp) else 0)
        return self._cache[key]

    def item_components(self, comp: Ints) -> Ints:
        """The component of each item's first variable (−1 for an item without variables)."""
        u, _, item = self.edges
        out = np.full(self.n_items, -1, dtype=np.int64)
        has = item >= 0
        out[item[has]] = comp[u[has]]
        return out

    def items_spanning(self, comp: Ints) -> Bools:
        """Items whose variables lie in more than one of the given components."""
        u, v, item = self.edges
        has = item >= 0
        lo = np.full(self.n_items, np.iinfo(np.int64).max, dtype=np.int64)
        hi = np.full(self.n_items, -1, dtype=np.int64)
        for ends in (u, v):
            np.minimum.at(lo, item[has], comp[ends[has]])
            np.maximum.at(hi, item[has], comp[ends[has]])
        return (hi >= 0) & (lo != hi)


def of_items(flags: Bools, items: Ints) -> Bools:
    """flags[item] for each entry of `items`; False where there is no item (−1)."""
    return np.append(flags, False)[items]  # −1 reads the appended False


def connected_labels(n: int, u: Ints, v: Ints) -> Ints:
    """Label every vertex with the smallest vertex of its component (hooking and pointer
    jumping, all edges at once per pass)."""
    label = np.arange(n, dtype=np.int64)
    if len(u) == 0:
        return label
    while True:
        lu, lv = label[u], label[v]
        if np.array_equal(lu, lv):
            return label
        low = np.minimum(lu, lv)
        np.minimum.at(label, lu, low)
        np.minimum.at(label, lv, low)
        while True:  # pointer jumping: every vertex points at its root
            nxt = label[label]
            if np.array_equal(nxt, label):
                break
            label = nxt
