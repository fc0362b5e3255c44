"""What the loader keeps from one plan to the next (figures read, plain scalars resolved) is
forgotten by `clear_caches`, and before each test (the autouse fixture in conftest): no test
reads what another test's plans left."""

from __future__ import annotations

from ezplan import loader, yaml_events
from ezplan.loader import clear_caches, load_plan

from .conftest import ROOT


def test_a_plan_leaves_figures_and_scalars_that_clear_caches_forgets():
    first = load_plan(ROOT)
    assert loader._FIGURES and yaml_events._PLAIN
    clear_caches()
    assert not loader._FIGURES and not yaml_events._PLAIN
    assert load_plan(ROOT) == first  # read afresh, the same plan


def test_each_test_starts_with_nothing_kept():
    """The test before this one loaded a plan and left what it read."""
    assert not loader._FIGURES and not yaml_events._PLAIN
