"""What the search keeps smaller reads as what it was kept from, bit for bit.

The memo keeps each vectorised step's answers as a Slice of the whole-network state (the
components asked about only), and a slice of the same components as the next one as its
differences from that one; a Part of either must read as a View of the whole state. The decode
cache forgets old reasons, and the items of a component are listed when asked for: neither may
change a solution.
"""

from __future__ import annotations

import itertools
import random
import struct

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ezplan.network import Network, derivation, solve
from ezplan.network.answers import Answers
from ezplan.network.memo import Memo, Part, View
from ezplan.network.propagate import Propagator
from ezplan.network.solver import ItemsByComponent
from tests.test_network_fastpath import SETTINGS, mixed_networks, same_solutions


def _bits(values) -> tuple:
    """Floats by their bits (−0.0 is not 0.0), integers as they are."""
    return tuple(struct.pack("<d", x) if isinstance(x, float) else x for x in values)


def _ask_repeatedly(net, rnd: random.Random, steps: int, share: float):
    """Ask the same components `steps` times with items picked at random (each kept with
    probability `share`); returns each step's Parts and the whole state it was cut from."""
    structural = np.ones(net.n_items, dtype=bool)
    prop = Propagator(net, structural)
    answers = Answers(prop, structural, Memo())
    assert not answers.general
    item_comp = net.item_components(prop.comp)
    comps = sorted(rnd.sample(range(prop.n_comps), rnd.randint(1, prop.n_comps)))
    asked = []
    for _ in range(steps):
        questions = {
            c: [i for i in np.flatnonzero(item_comp == c).tolist() if rnd.random() < share]
            for c in comps
        }
        keys = {c: (answers.ident[c], tuple(sorted(q))) for c, q in questions.items()}
        parts = answers._vectorised(questions, keys)
        enabled = np.zeros(net.n_items, dtype=bool)
        for q in questions.values():
            enabled[q] = True
        included = np.zeros(prop.n_comps, dtype=bool)
        included[comps] = True
        asked.append((parts, prop.run(enabled, included)))
    return prop, answers, asked


def _same_reads(prop, parts, state) -> None:
    unpacked: dict = {}
    for c, packed in parts.items():
        assert isinstance(packed, Part)
        view = View(state, c)
        for part in (packed, packed.unpacked(unpacked)):
            assert (part.infeasible, part.empty_var) == (view.infeasible, view.empty_var)
            for v in np.flatnonzero(prop.comp == c).tolist():
                assert _bits(part.interval(v)) == _bits(view.interval(v))
                mine, theirs = part.readers(), view.readers()
                assert _bits(r(v) for r in mine) == _bits(r(v) for r in theirs)
            assert part.interval(-1) is None


@SETTINGS
@given(mixed_networks(), st.randoms(use_true_random=False), st.sampled_from([0.5, 0.9, 1.0]))
def test_parts_read_as_the_whole_state_also_as_differences(network, rnd, share):
    net = network.compile()
    prop, _, asked = _ask_repeatedly(net, rnd, 5, share)
    for parts, state in asked:  # the older ones kept as differences from newer ones by now
        _same_reads(prop, parts, state)


def test_a_slice_like_the_next_one_keeps_its_differences_only():
    n = Network()
    xs = [n.variable(0, 1000) for _ in range(40)]
    for a, b in itertools.pairwise(xs):
        n.equal(a, b)
    facts = [n.fact(x, 10 + i % 3, 20 + i % 3, ("x", i)) for i, x in enumerate(xs)]
    net = n.compile()
    rnd = random.Random(1)
    prop, answers, asked = _ask_repeatedly(net, rnd, 4, 0.97)
    assert len(facts) == net.n_items and prop.n_comps == 1
    kept = [s for s, _ in answers.memo.states.values()]
    assert kept[-1].base is None
    assert any(s.base is not None and len(s.at) < len(xs) // 4 for s in kept[:-1])
    for parts, state in asked:
        _same_reads(prop, parts, state)
        # and a component's ends put back together, as a small network's final state does
        (part,) = parts.values()
        for mine, theirs in zip(
            part.state.whole(), (state.lo, state.hi, state.lo_by, state.hi_by), strict=True
        ):
            assert mine.tobytes() == theirs[np.flatnonzero(prop.comp == 0)].tobytes()


@SETTINGS
@given(mixed_networks())
def test_forgetting_decoded_reasons_changes_no_solution(network):
    reference = solve(network)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(derivation, "DECODED", 2)
        same_solutions(solve(network), reference)


@given(st.lists(st.integers(-1, 6), max_size=40), st.randoms(use_true_random=False))
def test_items_listed_per_component_on_demand(item_comp, rnd):
    item_comp = np.array(item_comp, dtype=np.int64)
    enabled = np.array([rnd.random() < 0.6 for _ in item_comp], dtype=bool)
    expected: dict[int, list[int]] = {}
    for i, c in enumerate(item_comp.tolist()):
        if c >= 0 and enabled[i]:
            expected.setdefault(c, []).append(i)
    listed = ItemsByComponent(item_comp, enabled, 7)
    for c in range(7):
        assert listed.get(c, []) == expected.get(c, [])
        assert listed.get(c) == expected.get(c)
