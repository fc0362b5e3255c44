"""An interval constraint network, built one variable and one constraint at a time.

Variables have interval domains (ends may be infinite). Relaxable *items* — facts (stated
figures) and assumptions — carry an opaque tag and a weight; an item owns interval bounds on
variables and may own constraints, and the solver switches items on and off to find minimal
contradictions. Constraints without an item are hard. Four constraint kinds:

- product  z = k·x·y           (k > 0; x, y, z ≥ 0)
- power    y = x^n             (n > 0; x, y ≥ 0)
- cumsum   y = Σ_{t=1..n} x^t  (integer n ≥ 1; x, y ≥ 0): the 累计法 sum of a growth factor
- linear   Σ cᵢ·vᵢ = rhs, or ≤ rhs

`compile()` turns the lists into numpy arrays, one block per kind, for the propagator.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from typing import NamedTuple

import numpy as np

from ezplan.network.compiled import Compiled

NO_ITEM = -1


class Item(NamedTuple):
    """A relaxable part of the network: a stated figure (fact) or an assumption."""

    tag: Hashable
    weight: float
    assumption: bool
    parent: int = NO_ITEM  # set aside whenever the parent item is (an 约 figure's narrowed core)


class Network:
    """Collects variables, items and constraints; `compile()` freezes them into arrays."""

    def __init__(self) -> None:
        self._lo: list[float] = []  # domains
        self._hi: list[float] = []
        self.var_labels: list[Hashable] = []
        # items as columns (an object per item would be one more for the garbage collector)
        self._tags: list[Hashable] = []
        self._weights: list[float] = []
        self._assumptions: list[bool] = []
        self._parents: list[int] = []
        self._bounds: list[tuple[int, float, float, int]] = []
        self._products: list[tuple[int, int, int, float, int]] = []
        self._powers: list[tuple[int, int, float, int]] = []
        self._cumsums: list[tuple[int, int, int, int]] = []
        self._linears: list[tuple[tuple[tuple[int, float], ...], float, bool, int]] = []
        self._dropped = False  # drop_rows()
        self.labels: dict[str, list[Hashable]] = {
            "product": [],
            "power": [],
            "cumsum": [],
            "linear": [],
        }

    @property
    def n_vars(self) -> int:
        return len(self._lo)

    @property
    def n_items(self) -> int:
        return len(self._tags)

    # -- variables and items
    def variable(self, lo: float = -math.inf, hi: float = math.inf, label: Hashable = None) -> int:
        self._lo.append(float(lo))
        self._hi.append(float(hi))
        self.var_labels.append(label)
        return len(self._lo) - 1

    def fact(self, var: int, lo: float, hi: float, tag: Hashable, weight: float = 1.0) -> int:
        """A stated figure: the interval [lo, hi] on `var`; more bounds can follow via bound()."""
        item = self._item(Item(tag, weight, assumption=False))
        self.bound(var, lo, hi, item)
        return item

    def assumption(self, tag: Hashable, weight: float = 1.0, parent: int | None = None) -> int:
        """An assumption; give it bounds (bound()) or constraints (item=...)."""
        return self._item(Item(tag, weight, True, NO_ITEM if parent is None else parent))

    def _item(self, item: Item) -> int:
        self._tags.append(item.tag)
        self._weights.append(item.weight)
        self._assumptions.append(item.assumption)
        self._parents.append(item.parent)
        return len(self._tags) - 1

    @property
    def items(self) -> list[Item]:
        return [Item(*i) for i in zip(*self._columns(), strict=True)]

    def _columns(self) -> tuple[list, list, list, list]:
        return self._tags, self._weights, self._assumptions, self._parents

    def tag(self, item: int) -> Hashable:
        return self._tags[item]

    def bound(self, var: int, lo: float, hi: float, item: int | None = None) -> None:
        """var ∈ [lo, hi]: hard without an item, else part of the item."""
        if math.isnan(lo) or math.isnan(hi):
            raise ValueError(f"bound on variable {var}: NaN in [{lo}, {hi}]")
        self._bounds.append((var, float(lo), float(hi), _item_id(item)))

    # -- constraints
    def product(
        self, z: int, x: int, y: int, k: float = 1.0, item: int | None = None, label=None
    ) -> None:
        """z = k·x·y over non-negative values."""
        if not (k > 0 and math.isfinite(k)):
            raise ValueError(f"product: k must be positive and finite, not {k}")
        self._nonnegative(z, x, y)
        self._products.append((z, x, y, float(k), _item_id(item)))
        self.labels["product"].append(label)

    def power(self, y: int, x: int, n: float, item: int | None = None, label=None) -> None:
        """y = x^n over non-negative values."""
        if not (n > 0 and math.isfinite(n)):
            raise ValueError(f"power: n must be positive and finite, not {n}")
        self._nonnegative(y, x)
        self._powers.append((y, x, float(n), _item_id(item)))
        self.labels["power"].append(label)

    def cumsum(self, y: int, x: int, n: int, item: int | None = None, label=None) -> None:
        """y = x + x² + … + xⁿ over non-negative values."""
        if int(n) != n or n < 1:
            raise ValueError(f"cumsum: n must be a whole number ≥ 1, not {n}")
        self._nonnegative(y, x)
        self._cumsums.append((y, x, int(n), _item_id(item)))
        self.labels["cumsum"].append(label)

    def linear(
        self,
        terms: Iterable[tuple[int, float]],
        rhs: float = 0.0,
        *,
        equal: bool = True,
        item: int | None = None,
        label=None,
    ) -> None:
        """Σ c·v = rhs (or ≤ rhs when not `equal`); terms with c = 0 are dropped."""
        merged: dict[int, float] = {}
        for v, c in terms:
            merged[v] = merged.get(v, 0.0) + float(c)
        kept = tuple((v, c) for v, c in merged.items() if c != 0 and math.isfinite(c))
        if len(kept) < 1:
            raise ValueError("linear: no terms")
        self._linears.append((kept, float(rhs), equal, _item_id(item)))
        self.labels["linear"].append(label)

    def equal(self, x: int, y: int, item: int | None = None, label=None) -> None:
        self.linear([(x, 1.0), (y, -1.0)], item=item, label=label)

    def at_most(self, x: int, y: int, item: int | None = None, label=None) -> None:
        """x ≤ y."""
        self.linear([(x, 1.0), (y, -1.0)], equal=False, item=item, label=label)

    def _nonnegative(self, *vs: int) -> None:
        for v in vs:
            self._lo[v] = max(self._lo[v], 0.0)

    # -- freezing
    def drop_rows(self) -> None:
        """Free the rows compile() has turned into arrays (domains, weights, bounds,
        constraints), keeping the tags and labels results are named by. Compiling again
        is then an error."""
        self._lo, self._hi, self.var_labels = [], [], []
        self._weights, self._assumptions, self._parents = [], [], []
        self._bounds, self._products, self._powers = [], [], []
        self._cumsums, self._linears = [], []
        self._dropped = True

    def compile(self) -> Compiled:
        if self._dropped:
            raise RuntimeError("the network's rows were dropped after compiling it")
        bounds = _table(self._bounds, 4)
        products = _table(self._products, 5)
        powers = _table(self._powers, 4)
        cumsums = _table(self._cumsums, 4)
        lin_terms = [t for t, _, _, _ in self._linears]
        sizes = np.array([len(t) for t in lin_terms], dtype=np.int64)
        e_var = np.array([v for t in lin_terms for v, _ in t], dtype=np.int64)
        e_coef = np.array([c for t in lin_terms for _, c in t], dtype=float)
        return Compiled(
            n_vars=len(self._lo),
            dom_lo=np.array(self._lo, dtype=float),
            dom_hi=np.array(self._hi, dtype=float),
            item_assumption=np.array(self._assumptions, dtype=bool),
            item_weight=np.array(self._weights, dtype=float),
            item_parent=np.array(self._parents, dtype=np.int64),
            b_var=bounds[:, 0].astype(np.int64),
            b_lo=bounds[:, 1].copy(),
            b_hi=bounds[:, 2].copy(),
            b_item=bounds[:, 3].astype(np.int64),
            p_z=products[:, 0].astype(np.int64),
            p_x=products[:, 1].astype(np.int64),
            p_y=products[:, 2].astype(np.int64),
            p_k=products[:, 3].copy(),
            p_item=products[:, 4].astype(np.int64),
            w_y=powers[:, 0].astype(np.int64),
            w_x=powers[:, 1].astype(np.int64),
            w_n=powers[:, 2].copy(),
            w_item=powers[:, 3].astype(np.int64),
            c_y=cumsums[:, 0].astype(np.int64),
            c_x=cumsums[:, 1].astype(np.int64),
            c_n=cumsums[:, 2].copy(),
            c_item=cumsums[:, 3].astype(np.int64),
            l_rhs=np.array([r for _, r, _, _ in self._linears], dtype=float),
            l_eq=np.array([e for _, _, e, _ in self._linears], dtype=bool),
            l_item=np.array([i for _, _, _, i in self._linears], dtype=np.int64),
            e_con=np.repeat(np.arange(len(sizes), dtype=np.int64), sizes),
            e_var=e_var,
            e_coef=e_coef,
        )


def _item_id(item: int | None) -> int:
    return NO_ITEM if item is None else int(item)


def _table(rows: list[tuple], width: int) -> np.ndarray:
    return np.array(rows, dtype=float).reshape(-1, width)
