"""YAML with positions: nothing may change a figure behind the user's back."""

from __future__ import annotations

import pytest

from ezplan.errors import InputError, Mark
from ezplan.source import MAX_ALIASES, load_yaml, parse_yaml


def test_positions_of_keys_and_values_are_one_based():
    doc = parse_yaml("a:\n  b: 12亿元\n  c: [x, y]\n", "f.yaml")
    assert doc.data == {"a": {"b": "12亿元", "c": ["x", "y"]}}
    assert doc.mark(("a", "b")) == Mark("f.yaml", 2, 6)
    assert doc.mark(("a", "b"), key=True) == Mark("f.yaml", 2, 3)
    assert doc.mark(("a", "c", 1)) == Mark("f.yaml", 3, 10)
    # a path below a scalar falls back to the nearest ancestor with a position
    assert doc.mark(("a", "b", "deeper")) == Mark("f.yaml", 2, 6)


def test_columns_count_characters_not_bytes():
    doc = parse_yaml("名称: 社会消费品零售总额\n值: 1\n", "f.yaml")
    assert doc.mark(("名称",)) == Mark("f.yaml", 1, 5)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1e5", "1e5"),  # YAML 1.1 would read a string here, 1.2 a float: keep the text
        ("010", "010"),  # not octal 8, not 10: the text
        ("no", "no"),  # not False
        ("on", "on"),
        ("326.50", "326.50"),  # trailing zero carries precision
        ("2020-01-01", "2020-01-01"),  # not a date
        ("12", 12),
        ("-3", -3),
        ("true", True),
        ("~", None),
        ("'12'", "12"),
    ],
)
def test_plain_scalars_resolve_narrowly(text, value):
    assert parse_yaml(f"v: {text}\n", "f.yaml").data == {"v": value}


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("a: 1\nb: 2\na: 3\n", (3, 1), "duplicate key 'a' (first at line 1)"),
        ("a: !!python/object:os.system x\n", (1, 4), "tag"),
        ("a: !custom x\n", (1, 4), "tag"),
        ("base: &b {x: 1}\nc:\n  <<: *b\n", (3, 3), "merge keys"),
        ("a: *nope\n", (1, 4), "unknown alias"),
        ("? [a, b]\n: 1\n", (1, 3), "key must be a plain value"),
        ("a: [1, 2\n", (2, 1), "not valid YAML"),
        ("a: 1\n---\nb: 2\n", (2, 1), "one YAML document"),
        ("a: b: c\n", (1, 5), "not valid YAML"),
        ("a: b: c\n", (1, 5), "or a value with ': ' that needs quotes?"),  # the hint, in English
        ("a:\n\tb: 1\n", (2, 1), "a tab character that violates indentation (indent with spaces)"),
        ("a: @b\n", (1, 4), "a value starting with @ or ` needs quotes"),
    ],
)
def test_bad_yaml_is_an_input_error_at_its_position(text, where, words):
    with pytest.raises(InputError) as e:
        parse_yaml(text, "f.yaml")
    assert (e.value.mark.line, e.value.mark.column) == where
    assert words in e.value.message
    assert str(e.value).startswith(f"f.yaml:{where[0]}:{where[1]}: ")


def test_aliases_are_limited():
    few = "a: &x [1]\n" + "".join(f"b{i}: *x\n" for i in range(MAX_ALIASES))
    assert len(parse_yaml(few, "f.yaml").data) == MAX_ALIASES + 1
    many = few + "z: *x\n"
    with pytest.raises(InputError, match="too many aliases"):
        parse_yaml(many, "f.yaml")


def test_alias_bomb_is_refused_without_expanding():
    lines = ["l0: &l0 [" + ", ".join(["x"] * 999) + "]"]  # 4⁷ thousand values: over the limit
    for i in range(1, 8):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 4) + "]")
    with pytest.raises(InputError, match=r"too many aliases|too large"):
        parse_yaml("\n".join(lines) + "\n", "f.yaml")


def test_not_utf8_points_at_the_byte(tmp_path):
    p = tmp_path / "b.yaml"
    p.write_bytes(
        "a: 好\nb: x\xff\n".encode("utf-8", "surrogateescape").replace(b"\xc3\xbf", b"\xff")
    )
    with pytest.raises(InputError) as e:
        load_yaml(p, "b.yaml")
    assert (e.value.mark.line, e.value.mark.column) == (2, 5)
    assert "not UTF-8" in e.value.message and "0xFF" in e.value.message


def test_bom_is_accepted(tmp_path):
    p = tmp_path / "b.yaml"
    p.write_bytes("\ufeffa: 1\n".encode())
    assert load_yaml(p).data == {"a": 1}


def test_unreadable_file(tmp_path):
    with pytest.raises(InputError, match="cannot read file"):
        load_yaml(tmp_path / "missing.yaml")
    with pytest.raises(InputError, match="is a directory"):
        load_yaml(tmp_path)


def test_empty_document():
    assert parse_yaml("", "f.yaml").data is None
    assert parse_yaml("# only a comment\n", "f.yaml").data is None
