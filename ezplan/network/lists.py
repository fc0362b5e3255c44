"""The network as Python lists, for the scalar propagator.

One tuple per bound entry and per constraint — (item, reason, …) — and, per kind, the
constraints touching each variable, so a propagation works only where something changed: a
question that switches on a few items of a large component touches a few constraints, not the
component. Built once per compiled network, on first use. `local(variables)` renumbers one
small component 0…n−1, so that its propagation reads lists rather than dictionaries.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from ezplan.network.compiled import Compiled

Ints = np.ndarray


class Lists:
    """bounds (item, reason, var, lo, hi); products (item, reason of the z projection — x's
    and y's follow —, z, x, y, k); powers (item, reason, y, x, n, 1/n); cumsums (item,
    reason, y, x, n); linears (item, its variables, terms ((var, coefficient, reason), …),
    rhs, equal, the coefficients). `touching[kind][var]`: the entries of that kind on `var`,
    ascending."""

    vars: list[int] | None = None  # a component's: its variables' global numbers
    index: dict[int, int]  # … and their local ones
    hard: list[int]  # … and its hard bounds

    def __init__(self, net: Compiled) -> None:
        o = net.offsets
        self.dom_lo: list[float] = net.dom_lo.tolist()
        self.dom_hi: list[float] = net.dom_hi.tolist()
        self.item_bounds: dict[int, Sequence[int]] = net.item_bounds  # (no copy: solve drops both)
        n_b, n_p, n_w, n_c = len(net.b_var), len(net.p_z), len(net.w_y), len(net.c_y)
        self.bounds = _rows(net.b_item, np.arange(n_b), net.b_var, net.b_lo, net.b_hi)
        self.products = _rows(
            net.p_item, o["product"] + 3 * np.arange(n_p), net.p_z, net.p_x, net.p_y, net.p_k
        )
        self.powers = _rows(
            net.w_item, o["power"] + 2 * np.arange(n_w), net.w_y, net.w_x, net.w_n, 1.0 / net.w_n
        )
        self.cumsums = _rows(
            net.c_item, o["cumsum"] + 2 * np.arange(n_c), net.c_y, net.c_x, net.c_n
        )
        terms = _rows(net.e_var, net.e_coef, o["linear"] + np.arange(len(net.e_var)))
        starts = net.lin_start.tolist()
        self.linears = [
            (item, frozenset(t[0] for t in ts), ts, rhs, eq, tuple(t[1] for t in ts))
            for item, ts, rhs, eq in zip(
                net.l_item.tolist(),
                (tuple(terms[a:b]) for a, b in itertools.pairwise(starts)),
                net.l_rhs.tolist(),
                net.l_eq.tolist(),
                strict=True,
            )
        ]
        n = net.n_vars
        self.touching = {
            "bound": _Touching(n, (net.b_var,)).of,
            "product": _Touching(n, (net.p_z, net.p_x, net.p_y)).of,
            "power": _Touching(n, (net.w_y, net.w_x)).of,
            "cumsum": _Touching(n, (net.c_y, net.c_x)).of,
            "linear": _Touching(n, (net.e_var,), net.e_con).of,
        }

    def local(self, variables: list[int]) -> Lists:
        """The component of `variables` (ascending) numbered 0…n−1 in their order; every
        entry keeps its global order and reason. Constraints reaching outside (an item not
        in this view's structure, never switched on here) are left out."""
        out = Lists.__new__(Lists)
        index = {g: i for i, g in enumerate(variables)}
        out.vars, out.index = variables, index
        out.dom_lo = [self.dom_lo[g] for g in variables]
        out.dom_hi = [self.dom_hi[g] for g in variables]

        def ids(kind: str) -> list[int]:
            touching = self.touching[kind]
            return sorted({c for g in variables for c in touching[g]})

        out.bounds = [
            (i, r, index[v], lo, hi)
            for i, r, v, lo, hi in map(self.bounds.__getitem__, ids("bound"))
        ]
        out.item_bounds = {}
        for b, row in enumerate(out.bounds):
            if row[0] >= 0:
                out.item_bounds.setdefault(row[0], []).append(b)
        out.hard = [b for b, row in enumerate(out.bounds) if row[0] < 0]
        inside = index.keys()
        out.products = [
            (i, r, index[z], index[x], index[y], k)
            for i, r, z, x, y, k in map(self.products.__getitem__, ids("product"))
            if inside >= {z, x, y}
        ]
        out.powers = [
            (i, r, index[y], index[x], n, inv)
            for i, r, y, x, n, inv in map(self.powers.__getitem__, ids("power"))
            if y in index and x in index
        ]
        out.cumsums = [
            (i, r, index[y], index[x], n)
            for i, r, y, x, n in map(self.cumsums.__getitem__, ids("cumsum"))
            if y in index and x in index
        ]
        out.linears = []
        for i, vs, terms, rhs, eq, coefs in map(self.linears.__getitem__, ids("linear")):
            if inside >= vs:
                local = tuple((index[v], c, r) for v, c, r in terms)
                out.linears.append((i, frozenset(index[v] for v in vs), local, rhs, eq, coefs))
        n = len(variables)
        out.touching = {"bound": [()] * n}
        for kind, rows, cols in (
            ("product", out.products, (2, 3, 4)),
            ("power", out.powers, (2, 3)),
            ("cumsum", out.cumsums, (2, 3)),
            ("linear", out.linears, ()),
        ):
            on: list[list[int]] = [[] for _ in range(n)]
            for c, row in enumerate(rows):
                for v in sorted(row[1]) if kind == "linear" else {row[j] for j in cols}:
                    on[v].append(c)
            out.touching[kind] = [tuple(c) for c in on]
        return out


def lists(net: Compiled) -> Lists:
    if "lists" not in net._cache:
        net._cache["lists"] = Lists(net)
    return net._cache["lists"]


def _rows(*columns: np.ndarray) -> list[tuple]:
    return list(zip(*(c.tolist() for c in columns), strict=True))


class _Touching:
    """Which entries touch each variable: `columns` name a variable per entry (or, with
    `owner`, per term of the constraint `owner` gives). `of[var]`: a tuple, ascending."""

    def __init__(self, n_vars: int, columns: tuple[Ints, ...], owner: Ints | None = None):
        var = np.concatenate(columns) if columns else np.zeros(0, dtype=np.int64)
        con = np.concatenate([np.arange(len(c)) for c in columns]) if owner is None else owner
        # the distinct (variable, entry) pairs, sorted by variable, then entry (np.unique would
        # import numpy.ma, some 6 ms of a small plan's run)
        order = np.lexsort((con, var))
        var, con = var[order], con[order]
        keep = np.ones(len(var), dtype=bool)
        keep[1:] = (var[1:] != var[:-1]) | (con[1:] != con[:-1])
        var, con = var[keep], con[keep]
        ids = con.tolist()
        starts = np.searchsorted(var, np.arange(n_vars + 1)).tolist()
        self.of: list[tuple[int, ...]] = [
            tuple(ids[a:b]) if b > a else () for a, b in itertools.pairwise(starts)
        ]
