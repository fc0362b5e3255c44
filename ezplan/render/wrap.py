"""Line breaking for mixed Chinese and English text that never splits a number.

Rich breaks lines at spaces and folds anything longer, which cuts Chinese sentences (no spaces)
in the middle of a figure: ``（允许[7`` / ``9.0亿元, 82.7亿元]）``. Here a figure with its sign,
unit or percent sign is one unbreakable piece; a Chinese sentence may break between any two
characters except before closing punctuation (，。；：）] …) or after opening punctuation, as
Chinese typesetting does (避头尾); English breaks at spaces. A no-break space (U+00A0) glues
the pieces on either side: messages put one between a year and its value (2021 0.524亿美元).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import accumulate

from rich.cells import cell_len

# A figure: optional comparison or sign, digits with separators and decimals, then what belongs
# to it — %, 倍, a magnitude and unit (亿元, 万美元, 个百分点 …), or a year's 年.
_UNIT = (
    r"(?:%|‰|倍|个百分点|元/美元|[十百千万亿]*(?:美元|元|平方米|平方公里|公里|公顷|亩|吨|个|家|项|人|户|次|座"
    r"|条|台|辆|所|件|种|批|年|月|日|米|㎡|m²|m))"
)
# a range is one figure too, whether it writes its unit once or twice: 26.58%–27.35%; and a
# growth figure keeps its words (年均增长10%, 下降3%), which English text quotes as one
_FIGURE = (
    rf"(?:(?:年均)?(?:增长|下降))?(?:[≥≤<>±×~+\-−] ?)?\d[\d,.:]*(?:{_UNIT}?[–—\-~至]\d[\d,.]*)?"
    rf"{_UNIT}?"
)
# A unit in brackets after a name, as tables head a column or a row: 社会消费品零售总额（亿元）
# breaks before the bracket, never inside it (（亿 / 元）).
_BRACKETED_UNIT = rf"[（(]{_UNIT}[）)]"
# an interval of two figures, as allowed values are written: [261.962亿元, 262.901亿元]
_INTERVAL = rf"\[{_FIGURE}, {_FIGURE}\]"
# a Latin word, or a path from the root (/tmp/drafts/targets.yaml): never cut after a slash
_LATIN = r"(?:[A-Za-z]|/(?=[A-Za-z0-9_.]))[A-Za-z0-9_'’.\-/]*"


@cache
def _token_re() -> re.Pattern[str]:
    """The pieces of any text (compiled on first use: most text takes the quick path, and
    compiling this costs a few ms of every run)."""
    return re.compile(
        rf"(?P<space>[^\S\u00a0]+)|(?P<figure>{_INTERVAL}|{_FIGURE}|{_BRACKETED_UNIT})|(?P<latin>{_LATIN})|"
        r"(?P<other>.)",
        re.DOTALL,
    )


_NO_LINE_START = set("，。、；：？！）)]】》」』”’%,.;:!?…·—–-")
_NO_LINE_END = set("（([【《「『“‘")
# Simple text has only single spaces or no-break spaces, each between two other characters, and
# its width is the sum of its characters' (no joiner or emoji selector): see `_wrap_simple`.
_NOT_SIMPLE_RE = re.compile(r"[^\S \u00a0]|[ \u00a0](?:[ \u00a0]|$)|^[ \u00a0]|[\u200d\ufe0f]")
_OTHER_SPACE_RE = re.compile(r"[^\S \u00a0]")  # a space that is neither " " nor U+00A0
# A figure, a bracketed unit or a Latin word; the lookahead (the characters one can start with)
# lets the search pass over every other character at once rather than try each alternative.
_WORD_RE = re.compile(
    rf"(?=[年增下≥≤<>±×~+\-−\d（(A-Za-z\[/])"
    rf"(?:{_INTERVAL}|{_FIGURE}|{_BRACKETED_UNIT}|{_LATIN})"
)
# the characters a space follows inside a figure: a sign (≥ 5%), an interval's comma
_HELD_BEFORE_SPACE = set("≥≤<>±×~+-−,")
_CELLS: dict[str, int] = {}  # each character's width on the terminal


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The text cut into unbreakable pieces; True where a space precedes a piece."""
    out: list[tuple[str, bool]] = []
    space = glue = False
    for m in _token_re().finditer(text):
        if m.lastgroup == "space":
            if "\n" in m.group():
                out.append(("\n", False))
                space = False
            else:
                space = bool(out)
            continue
        piece = m.group()
        if piece == "\u00a0" or glue:
            if out and out[-1][0] != "\n":
                prev, sp = out.pop()
                out.append((prev + (" " if piece == "\u00a0" else piece), sp))
                glue = piece == "\u00a0"
                space = False
                continue
            glue = False
        # keep closing punctuation with what it closes, opening with what it opens
        if out and not space and (piece[0] in _NO_LINE_START or out[-1][0][-1] in _NO_LINE_END):
            prev, sp = out.pop()
            if prev != "\n":
                out.append((prev + piece, sp))
                continue
            out.append((prev, sp))
        out.append((piece, space))
        space = False
    return out


def cells(text: str) -> int:
    """`rich.cells.cell_len`, from a table of the characters seen (the same where the width of
    a text is the sum of its characters': no joiner, no emoji selector)."""
    if text.isascii() and text.isprintable():  # a cell each: no table to look up
        return len(text)
    if "\u200d" in text or "\ufe0f" in text:
        return cell_len(text)
    try:
        return sum(map(_CELLS.__getitem__, text))
    except KeyError:
        for ch in set(text) - _CELLS.keys():
            _CELLS[ch] = cell_len(ch)
        return sum(map(_CELLS.__getitem__, text))


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, numbers whole; a piece wider than a line (a long
    URL) gets a line of its own rather than being cut."""
    return wrap_fits(text, width)[0]


def wrap_fits(text: str, width: int) -> tuple[list[str], bool]:
    """`wrap`, and whether every line is within `width` (≥ 1) — not where a piece alone is
    wider — known as the lines are made, rather than by measuring them again."""
    if _is_simple(text):
        return _wrap_simple(text, max(1, width))
    lines = wrap_pieces(text, width)
    return lines, all(cells(line) <= width for line in lines)


def wrap_balanced(text: str, width: int) -> list[str]:
    """`wrap`, but a last line under a quarter of `width` evened out: the narrowest width that
    needs no more lines (外贸进出口总额 in 12 cells: 外贸进出 / 口总额, not 外贸进出口总 / 额).
    A longer last line stays: a break the text's own spaces or words chose is not moved."""
    lines = wrap(text, width)
    if len(lines) < 2 or 4 * cells(lines[-1]) >= width:
        return lines
    for narrower in range(-(-cells(text) // len(lines)), width):
        even = wrap(text, narrower)
        if len(even) == len(lines):
            return even
    return lines


def _is_simple(text: str) -> bool:
    """No match of `_NOT_SIMPLE_RE`, found by a search for one character class and substring
    tests (a fifth of the time of the pattern's alternatives, tried at every character)."""
    return not (
        _OTHER_SPACE_RE.search(text)
        or "  " in text
        or " \u00a0" in text
        or "\u00a0 " in text
        or "\u00a0\u00a0" in text
        or text.startswith((" ", "\u00a0"))
        or text.endswith((" ", "\u00a0"))
        or "\u200d" in text
        or "\ufe0f" in text
    )


def wrap_pieces(text: str, width: int) -> list[str]:
    """`wrap`, piece by piece: the definition, for any text."""
    width = max(1, width)
    lines: list[str] = []
    line: list[str] = []
    used = 0  # cells on the current line: counted as pieces are added, so long text is linear
    for piece, space in _pieces(text):
        if piece == "\n":
            lines.append("".join(line))
            line, used = [], 0
            continue
        gap = 1 if line and space else 0
        size = cell_len(piece)
        if used + gap + size <= width or not line:
            if gap:
                line.append(" ")
            line.append(piece)
            used += gap + size
        else:
            lines.append("".join(line).rstrip())
            line, used = [piece], size
    lines.append("".join(line).rstrip())
    return lines


def _wrap_simple(text: str, width: int) -> tuple[list[str], bool]:
    """`wrap_fits` of simple text (not `_NOT_SIMPLE_RE`), a line at a time rather than a
    piece at a time: the line is the longest that fits (from the running sum of the characters'
    widths), cut back to the nearest place where `_pieces` would break it."""
    if len(text) * 2 <= width:  # no character is wider than two cells
        return [text.replace("\u00a0", " ")], True
    n = len(text)
    cum: Sequence[int]  # the width of text[:i] at cum[i]
    if text.isascii() and text.isprintable():  # a cell each
        cum = range(n + 1)
    else:
        try:
            cum = [0, *accumulate(map(_CELLS.__getitem__, text))]
        except KeyError:  # a character not seen yet: `cells` learns it
            cells(text)
            cum = [0, *accumulate(map(_CELLS.__getitem__, text))]
    if cum[n] <= width:
        return [text.replace("\u00a0", " ")], True

    def word_around(i: int, start: int) -> tuple[int, int] | None:
        """The figure or word that text[i] is inside of, after its first character, if any:
        searched from the nearest place before i that none crosses — the line's start, or a
        space that no figure holds (`_HELD_BEFORE_SPACE`) — as a search of the whole text
        finds them from there on."""
        safe = text.rfind(" ", start, i)
        while safe > start and text[safe - 1] in _HELD_BEFORE_SPACE:
            safe = text.rfind(" ", start, safe)
        for m in _WORD_RE.finditer(text, max(start, safe + 1)):
            a, b = m.span()
            if a >= i:
                return None
            if i < b:
                return (a, b)
        return None

    def may_break(i: int) -> bool:
        """Outside a word, a line may end before text[i] (at a space, the space is dropped)."""
        c = text[i]
        if c == " ":
            return True
        before = text[i - 1]
        return not (
            before == " "
            or c == "\u00a0"
            or before == "\u00a0"
            or c in _NO_LINE_START
            or before in _NO_LINE_END
        )

    lines = []
    widest = 0  # (the width of a line is its characters', a no-break space written as a space)
    start = 0
    while cum[n] - cum[start] > width:
        end = bisect_right(cum, cum[start] + width) - 1  # the most that fits
        while end > start:  # back to a place a line may end, over a word at once
            word = word_around(end, start)
            if word is not None:
                end = word[0]
            elif may_break(end):
                break
            else:
                end -= 1
        if end == start:  # the first piece alone is wider than the line
            end = start + 1
            while end < n:
                word = word_around(end, start)
                if word is not None:
                    end = word[1]
                elif may_break(end):
                    break
                else:
                    end += 1
            if end == n:
                break
        lines.append(text[start:end].replace("\u00a0", " "))
        widest = max(widest, cum[end] - cum[start])
        start = end + 1 if text[end] == " " else end
    lines.append(text[start:].replace("\u00a0", " "))
    return lines, max(widest, cum[n] - cum[start]) <= width


_CODE_SPAN = re.compile(r"``[^`\n]+``|`[^`\n]+`")


_CLAUSE_RE = re.compile(r".+?(?:[，、；：]|$)")


def wrap_clauses(text: str, width: int) -> list[str]:
    """Chinese `text` broken only after a clause's punctuation (，、；：) where every clause fits
    a line — a summary's counts (共3个错误) are never split — else as `wrap` breaks it."""
    lines: list[str] = []
    for clause in _CLAUSE_RE.findall(text):
        if cells(clause) > width:
            return wrap(text, width)
        if lines and cells(lines[-1]) + cells(clause) <= width:
            lines[-1] += clause
        else:
            lines.append(clause)
    return lines or [""]


def wrap_code(text: str, width: int, whole: re.Pattern[str] = _CODE_SPAN) -> list[str]:
    """`wrap`, with every match of `whole` (by default inline code: `constant_prices: true`,
    ``ezplan check``) kept on one line: each stands in for the wrapping as one Latin word of
    its width — a capital the text does not use, then small letters — and is put back."""
    spans = [m.group() for m in whole.finditer(text)]
    mark = next((c for c in "QXZJKVWYHGFBDMNPRTLCSEOUIA" if c not in text), None)
    if not spans or mark is None:
        return wrap(text, width)
    held = iter(spans)
    text = whole.sub(lambda m: mark + mark.lower() * (cells(m.group()) - 1), text)
    out = []
    for line in wrap(text, width):
        # every `mark` starts a placeholder, in the order of the spans
        pieces = line.split(mark)
        for rest in pieces[1:]:
            span = next(held)
            pieces[0] += span + rest[cells(span) - 1 :]
        out.append(pieces[0])
    return out
