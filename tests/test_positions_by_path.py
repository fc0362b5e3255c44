"""Positions found by path (`Document.mark`) are where libyaml's own composer puts each node,
whatever order the paths are asked in: a walk that starts from the steps it shares with the
last one (an indicator's fields one after another) must give what a walk from the top gives."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ezplan.errors import Mark
from ezplan.source import parse_yaml

_KEYS = st.sampled_from(["a", "b", "level", "value", "2020", "x_1"]) | st.integers(1990, 2030)
_SCALARS = st.sampled_from(["12亿元", "5%", "text", "增长10%"]) | st.integers(0, 99)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=30,
)


def _expected(file: str, node: yaml.Node, path: tuple, key: bool) -> Mark:
    """The position of `path` read off the composed nodes: of the deepest node the path
    reaches, its key's where `key` and the whole path is there."""
    for i, step in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, yaml.MappingNode):
            found = [
                (k, v) for k, v in node.value if _key(k) == step and type(_key(k)) is type(step)
            ]
            if not found:
                break
            k, node = found[0]
            if last and key:
                node = k
        elif isinstance(node, yaml.SequenceNode) and type(step) is int and step < len(node.value):
            node = node.value[step]
        else:
            break
    m = node.start_mark
    return Mark(file, m.line + 1, m.column + 1)


def _key(node: yaml.Node) -> object:
    return int(node.value) if node.tag.endswith(":int") else node.value


def _paths(data: object, prefix: tuple = ()) -> list[tuple]:
    """Every path in `data`, and one step past each value that is not there."""
    out = [(*prefix, "missing")] if prefix else []
    if isinstance(data, dict):
        for k, v in data.items():
            out += [(*prefix, k), *_paths(v, (*prefix, k))]
    elif isinstance(data, list):
        out.append((*prefix, len(data)))
        for i, v in enumerate(data):
            out += [(*prefix, i), *_paths(v, (*prefix, i))]
    return out


@settings(max_examples=150, deadline=None)
@given(
    data=st.dictionaries(_KEYS, _DATA, min_size=1, max_size=6),
    flow=st.booleans(),
    order=st.randoms(use_true_random=False),
)
def test_marks_are_the_composed_nodes_positions_in_any_order(data, flow, order):
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    doc = parse_yaml(text, "f.yaml")
    assert doc.data == data
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    asked = [(p, k) for p in _paths(data) for k in (False, True)]
    order.shuffle(asked)
    for path, key in asked:
        assert doc.mark(path, key=key) == _expected("f.yaml", root, path, key), (path, key)


def test_a_value_written_as_an_alias_is_placed_at_the_alias_whatever_was_asked_before():
    doc = parse_yaml("a: &x\n  b: 1\n  c: [2, 3]\nd: *x\n", "f.yaml")
    for _ in range(2):
        assert doc.mark(("a", "b")) == Mark("f.yaml", 2, 6)
        assert doc.mark(("d", "b")) == Mark("f.yaml", 4, 4)
        assert doc.mark(("d", "c", 1)) == Mark("f.yaml", 4, 4)
        assert doc.mark(("a", "c", 1)) == Mark("f.yaml", 3, 10)
        assert doc.mark(("d",), key=True) == Mark("f.yaml", 4, 1)
