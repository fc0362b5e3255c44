"""Whole-plan reasoning: every figure of a plan in one interval constraint network.

The adapter (the plan's terms; plain data, no messages):

    analyse(plan, facts=None, limits=None, assumptions=True) -> Analysis
    Analysis.contradictions / .errors / .warnings: Contradiction(tier, members, quantity,
        steps, culprits) — members minimal (Stated figures and Assumptions), culprits ranked,
        each with the range it would need (Range in the figure's own terms)
    Analysis.intervals_for(stated_or_indicator_id, assumptions=False) -> [Interval]
    Analysis.set_aside(tier), Analysis.incomplete

The engine (knows nothing of plans):

    Network: variable(), fact(), assumption(), bound(), product(), power(), cumsum(),
        linear(), equal(), at_most(), compile()
    solve(network, assumptions=True, limits=None) -> Solution (conflicts in two tiers,
        culprits, the final states and their provenance)

Modules: network (building) → compiled (arrays, components) → arith, kinds (projections) →
propagate (fixed point) → derivation (provenance) → batch, conflicts (search) → solve (tiers);
plan (Plan → network), terms and analysis (results in the plan's terms).
"""

from ezplan.network.analysis import (
    Analysis,
    Contradiction,
    Culprit,
    End,
    Interval,
    Step,
    analyse,
)
from ezplan.network.conflicts import Limits
from ezplan.network.network import Network
from ezplan.network.solve import ASSUMPTIONS, FACTS, Solution, solve
from ezplan.network.terms import Assumption, Quantity, Range, Relation

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
    "solve",
]
