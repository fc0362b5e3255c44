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
from array import array
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
    """Collects variables, items and constraints; `compile()` freezes them into arrays.

    Everything numeric is kept in columns (array.array) as it comes: 8 bytes a number, where a
    row as a tuple holds a pointer to a number object of 24 or 32 bytes besides (a plan of
    100,000 indicators has a million bounds)."""

    def __init__(self) -> None:
        self._lo = array("d")  # domains
        self._hi = array("d")
        self.var_labels: list[Hashable] = []
        # items as columns (an object per item would be one more for the garbage collector)
        self._tags: list[Hashable] = []
        self._weights = array("d")
        self._assumptions: list[bool] = []
        self._parents = array("q")
        self._bounds = _Columns("qddq")  # var, lo, hi, item
        self._products = _Columns("qqqdq")  # z, x, y, k, item
        self._powers = _Columns("qqdq")  # y, x, n, item
        self._cumsums = _Columns("qqdq")  # y, x, n, item
        self._linears = _Columns("dbq")  # rhs, equal, item …
        self._sizes = array("q")  # … and its terms: how many, then each variable and coefficient
        self._terms = _Columns("qd")
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
        self._bounds.append(var, float(lo), float(hi), _item_id(item))

    # -- constraints
    def product(
        self, z: int, x: int, y: int, k: float = 1.0, item: int | None = None, label=None
    ) -> None:
        """z = k·x·y over non-negative values."""
        if not (k > 0 and math.isfinite(k)):
            raise ValueError(f"product: k must be positive and finite, not {k}")
        self._nonnegative(z, x, y)
        self._products.append(z, x, y, float(k), _item_id(item))
        self.labels["product"].append(label)

    def power(self, y: int, x: int, n: float, item: int | None = None, label=None) -> None:
        """y = x^n over non-negative values."""
        if not (n > 0 and math.isfinite(n)):
            raise ValueError(f"power: n must be positive and finite, not {n}")
        self._nonnegative(y, x)
        self._powers.append(y, x, float(n), _item_id(item))
        self.labels["power"].append(label)

    def cumsum(self, y: int, x: int, n: int, item: int | None = None, label=None) -> None:
        """y = x + x² + … + xⁿ over non-negative values."""
        if int(n) != n or n < 1:
            raise ValueError(f"cumsum: n must be a whole number ≥ 1, not {n}")
        self._nonnegative(y, x)
        self._cumsums.append(y, x, float(int(n)), _item_id(item))
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
        self._linears.append(float(rhs), bool(equal), _item_id(item))
        self._sizes.append(len(kept))
        for v, c in kept:
            self._terms.append(v, c)
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
        self._lo, self._hi, self.var_labels = array("d"), array("d"), []
        self._weights, self._assumptions, self._parents = array("d"), [], array("q")
        for name in ("_bounds", "_products", "_powers", "_cumsums", "_linears", "_terms"):
            setattr(self, name, _Columns(getattr(self, name).codes))
        self._sizes = array("q")
        self._dropped = True

    def compile(self) -> Compiled:
        if self._dropped:
            raise RuntimeError("the network's rows were dropped after compiling it")
        b_var, b_lo, b_hi, b_item = self._bounds.arrays()
        p_z, p_x, p_y, p_k, p_item = self._products.arrays()
        w_y, w_x, w_n, w_item = self._powers.arrays()
        c_y, c_x, c_n, c_item = self._cumsums.arrays()
        l_rhs, l_eq, l_item = self._linears.arrays()
        e_var, e_coef = self._terms.arrays()
        sizes = np.array(self._sizes, dtype=np.int64)
        return Compiled(
            n_vars=len(self._lo),
            dom_lo=np.array(self._lo, dtype=float),
            dom_hi=np.array(self._hi, dtype=float),
            item_assumption=np.array(self._assumptions, dtype=bool),
            item_weight=np.array(self._weights, dtype=float),
            item_parent=np.array(self._parents, dtype=np.int64),
            b_var=b_var,
            b_lo=b_lo,
            b_hi=b_hi,
            b_item=b_item,
            p_z=p_z,
            p_x=p_x,
            p_y=p_y,
            p_k=p_k,
            p_item=p_item,
            w_y=w_y,
            w_x=w_x,
            w_n=w_n,
            w_item=w_item,
            c_y=c_y,
            c_x=c_x,
            c_n=c_n,
            c_item=c_item,
            l_rhs=l_rhs,
            l_eq=l_eq.astype(bool),
            l_item=l_item,
            e_con=np.repeat(np.arange(len(sizes), dtype=np.int64), sizes),
            e_var=e_var,
            e_coef=e_coef,
        )


class _Columns:
    """Rows kept as one array.array per column (type codes `codes`: q an integer, d a float,
    b a flag)."""

    def __init__(self, codes: str) -> None:
        self.codes = codes
        self.columns = tuple(array(c) for c in codes)

    def append(self, *row: float) -> None:
        for column, x in zip(self.columns, row, strict=True):
            column.append(x)

    def __len__(self) -> int:
        return len(self.columns[0])

    def arrays(self) -> list[np.ndarray]:
        """Each column as a numpy array of its own (int64, float64, or int8 for flags)."""
        kinds = {"q": np.int64, "d": np.float64, "b": np.int8}
        return [
            np.frombuffer(col, dtype=kinds[c]).copy() if len(col) else np.zeros(0, kinds[c])
            for c, col in zip(self.codes, self.columns, strict=True)
        ]


def _item_id(item: int | None) -> int:
    return NO_ITEM if item is None else int(item)
