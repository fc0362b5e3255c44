"""The two tiers of contradictions: FACTS (impossible within the figures' rounding and bounds:
an error) and ASSUMPTIONS (impossible only under an assumption the plan does not state: a
warning)."""

FACTS, ASSUMPTIONS = 1, 2
