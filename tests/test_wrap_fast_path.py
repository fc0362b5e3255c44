"""The quick line breaking (`wrap` on simple text) against its definition (`wrap_pieces`), on the
messages ezplan writes and on texts made of the pieces that decide a break; and the quick test
for simple text against the pattern that defines it."""

from __future__ import annotations

import random

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from benchmarks.make_plan import make
from ezplan.render import wrap as w
from ezplan.report import check

from .conftest import ROOT
from .plangen import inconsistent_plan


@pytest.fixture(scope="module")
def messages(tmp_path_factory) -> list[str]:
    """Every finding's message, in both languages, of the bundled plan, a generated one and
    inconsistent ones."""
    root = tmp_path_factory.mktemp("wrap")
    dirs = [ROOT, make(root / "generated", 40)]
    for seed in range(6):
        g = inconsistent_plan(random.Random(seed))
        d = root / f"p{seed}"
        d.mkdir()
        (d / "baselines.yaml").write_text(g.baselines, encoding="utf-8")
        (d / "targets.yaml").write_text(g.targets, encoding="utf-8")
        dirs.append(d)
    out = []
    for d in dirs:
        for f in check(d).findings:
            out += [f.message(lang, glued=True) for lang in ("en", "zh")]
    return list(dict.fromkeys(out))


def test_messages_break_as_piece_by_piece(messages):
    assert len(messages) > 50
    for width in (1, 7, 20, 36, 56, 76, 116):
        for m in messages:
            assert w.wrap(m, width) == w.wrap_pieces(m, width), (m, width)


_PIECES = list("增长亿元美元的年均，。（）《》“”%-–—.,:;!?[] \u00a0\t\naZ09≥≤×~+→·")
_PIECES += ["12.5亿元", "[1.5亿元, 2.5亿元]", "2015–2019", "Exports", "≥ 5%", "  ", "é", "👍"]
_PIECES += ["\u200d", "\ufe0f", "\u3000", "\u2028", "年均增长4.3%", "（亿元）", "don't", "a/b"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.integers(1, 40))
def test_texts_break_as_piece_by_piece(pieces, width):
    text = "".join(pieces)
    assert w.wrap(text, width) == w.wrap_pieces(text, width)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, " ", "\u00a0", "x"]), max_size=12))
def test_simple_is_no_match_of_the_pattern(pieces):
    text = "".join(pieces)
    assert w._is_simple(text) == (w._NOT_SIMPLE_RE.search(text) is None)


@given(st.text(max_size=12))
def test_simple_is_no_match_of_the_pattern_on_any_text(text):
    assert w._is_simple(text) == (w._NOT_SIMPLE_RE.search(text) is None)


_SIMPLE_PIECES = [p for p in _PIECES if w._is_simple(f"a{p}a")]
_SIMPLE_PIECES += ["≥ 5", "< 3%", "+ 2", "− 1.5亿元", ", ", "[2, 3]", "[1.5亿元, 2.5亿元]", "x,"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_SIMPLE_PIECES), max_size=50), st.integers(1, 40))
def test_simple_texts_break_as_piece_by_piece(pieces, width):
    """Texts the quick way takes: figures with a space inside (a sign's, an interval's) next to
    spaces a line may break at."""
    text = "a" + "".join(pieces) + "a"
    assume(w._is_simple(text))
    assert w.wrap(text, width) == w.wrap_pieces(text, width)


_ASCII_PIECES = [p for p in _SIMPLE_PIECES if p.isascii()]
_ASCII_PIECES += ["Exports grew", "by 2021", "(GDP)", "x" * 30, "/tmp/a.yaml", "a-b", "5.0%"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_ASCII_PIECES), max_size=50), st.integers(1, 40))
def test_ascii_texts_break_as_piece_by_piece(pieces, width):
    """Printable ASCII, whose widths the quick way counts without its table of characters."""
    text = "a" + "".join(pieces) + "a"
    assume(w._is_simple(text))
    assert w.wrap(text, width) == w.wrap_pieces(text, width)


@given(st.text())
def test_cells_is_rich_cell_len(text):
    from rich.cells import cell_len

    assert w.cells(text) == cell_len(text)


_EDGES = ["", "a b", "~" * 80, "\x7f", "a\tb", "a\nb", "\x1b[1m", "é", "亿"]


@pytest.mark.parametrize("text", _EDGES)
def test_cells_is_rich_cell_len_at_the_edges_of_ascii(text):
    from rich.cells import cell_len

    assert w.cells(text) == cell_len(text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "x" * 30, "长" * 12]), max_size=40), st.integers(1, 40))
def test_wrap_knows_whether_its_lines_fit(pieces, width):
    text = "".join(pieces)
    lines, fit = w.wrap_fits(text, width)
    assert lines == w.wrap(text, width)
    assert fit == all(w.cells(line) <= width for line in lines)


def test_messages_know_whether_their_lines_fit(messages):
    for width in (1, 7, 20, 36, 56, 76, 116):
        for m in messages:
            lines, fit = w.wrap_fits(m, width)
            assert fit == all(w.cells(line) <= width for line in lines), (m, width)
