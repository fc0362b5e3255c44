"""Whole-plan reasoning: every figure of a plan in one interval constraint network.

The adapter (the plan's terms; plain data, no messages):

    analyse(plan, facts=None, limits=None, assumptions=True) -> Analysis
    analyse_many(plans, limits=None, assumptions=True, intervals=True) -> [Analysis]: the same
        for each plan, the plans solved as one network (cheaper a plan for many plans);
        without intervals, each keeps its contradictions only
    Analysis.contradictions / .errors / .warnings: Contradiction(tier, members, quantity,
        steps, culprits) — members minimal (Stated figures and Assumptions), culprits ranked,
        each with the range it would need (Range in the figure's own terms)
    Analysis.intervals_for(stated_or_indicator_id, assumptions=False) -> [Interval]
    Analysis.set_aside(tier), Analysis.incomplete
    Analysis.stopped: the figures of components whose search stopped short (more may be wrong)

The engine (knows nothing of plans):

    Network: variable(), fact(), assumption(), bound(), product(), power(), cumsum(),
        linear(), equal(), at_most(), compile()
    solve(network, assumptions=True, limits=None) -> Solution (conflicts in two tiers,
        culprits, the final states and their provenance)

Modules: network (building) → compiled (arrays, components) → arith, kinds (projections) →
propagate (fixed point) → derivation (provenance) → batch, conflicts (search) → solver
(tiers); answers and memo (each question answered from a cache, by the scalar propagator —
lists, sarith, skinds, scalar: the same arithmetic on Python floats — or by one vectorised
propagation); plan (Plan → network), terms and analysis (results in the plan's terms; book: their
steps and culprits, packed).

Names load on first use (PEP 562): importing the package for its types costs little, and the
engine loads with the first analysis. (No module shares a name with what the package exports:
importing a submodule sets the package's attribute of its name.)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_HOME = {
    "Analysis": "analysis",
    "Contradiction": "analysis",
    "Culprit": "book",
    "End": "book",
    "Interval": "analysis",
    "Step": "book",
    "analyse": "analysis",
    "analyse_many": "analysis",
    "Limits": "conflicts",
    "Network": "network",
    "Solution": "solver",
    "solve": "solver",
    "ASSUMPTIONS": "tiers",
    "FACTS": "tiers",
    "Assumption": "terms",
    "Quantity": "terms",
    "Range": "terms",
    "Relation": "terms",
}

__all__ = [
    "ASSUMPTIONS",
    "FACTS",
    "Analysis",
    "Assumption",
    "Contradiction",
    "Culprit",
    "End",
    "Interval",
    "Limits",
    "Network",
    "Quantity",
    "Range",
    "Relation",
    "Solution",
    "Step",
    "analyse",
    "analyse_many",
    "solve",
]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))


if TYPE_CHECKING:
    from ezplan.network.analysis import (
        Analysis,
        Contradiction,
        Interval,
        analyse,
        analyse_many,
    )
    from ezplan.network.book import Culprit, End, Step
    from ezplan.network.conflicts import Limits
    from ezplan.network.network import Network
    from ezplan.network.solver import Solution, solve
    from ezplan.network.terms import Assumption, Quantity, Range, Relation
    from ezplan.network.tiers import ASSUMPTIONS, FACTS
