"""Blocks → sentences → clauses, each with its offsets in the block (so with its line and column).

A sentence ends at 。！？； (outside brackets and quotation marks) or at the end of its block; a
clause at ，：, or a comma between words. Quotes are sentences as written, stripped of the
surrounding spaces only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ezplan.extract.readers import Block
from ezplan.extract.text import fold

_ENDS = "。！？；!?;"
_CLAUSE = "，：:,"
_OPEN = "（(“‘「『《【〔［["
_CLOSE = "）)”’」』》】〕］]"
_DIGIT_PAIRS = {a + b for a in "0123456789" for b in "0123456789"}


@dataclass
class Sentence:
    """One sentence of a block. `start`/`end` are offsets in the block's text; `clauses` are
    (start, end) offsets in the sentence's own text."""

    block: Block
    start: int
    end: int
    index: int
    clauses: list[tuple[int, int]] = field(default_factory=list)
    item_end: int = 0  # where a list number glued to a figure ends (1.5个: item 1., then 5个)

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    @property
    def folded(self) -> str:
        text = fold(self.text)
        if self.item_end:  # the item's number read as no figure
            text = " " * self.item_end + text[self.item_end :]
        return text

    @property
    def quote(self) -> str:
        """The sentence as written — without a list number glued to its first figure (1.5个已摘帽县
        quoted so, 5个 would not be in its quote: the quote rule warned)."""
        return self.text[self.item_end :].strip()

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) in the document of the sentence's character at `offset`."""
        return self.block.position(self.start + offset)

    def clause_of(self, offset: int) -> int:
        for i, (a, b) in enumerate(self.clauses):
            if a <= offset < b:
                return i
        return len(self.clauses) - 1


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
    return depth == 0


def _depth_scan(text: str):
    """Yield (index, char, depth) with depth counting open brackets and quotation marks; text
    whose brackets do not pair up (a typo such as 放管服效“改革) is scanned flat."""
    if not _balanced(text):
        for i, ch in enumerate(text):
            yield i, ch, 0
        return
    depth = 0
    for i, ch in enumerate(text):
        if ch in _CLOSE and depth > 0:
            depth -= 1
            yield i, ch, depth
            continue
        yield i, ch, depth
        if ch in _OPEN:
            depth += 1
        elif ch == '"':  # straight quotes toggle
            depth = depth + 1 if depth == 0 else depth - 1


def split_sentences(block: Block, first_index: int = 0, item_end: int = 0) -> list[Sentence]:
    """`item_end`: where a list number at the block's start ends (see `Sentence`)."""
    text = block.text
    out: list[Sentence] = []
    start = 0
    for i, ch, depth in _depth_scan(text):
        if ch in _ENDS and depth == 0:
            if text[start : i + 1].strip(" \t" + _ENDS):
                out.append(Sentence(block, start, i + 1, first_index + len(out)))
            start = i + 1
    if text[start:].strip():
        out.append(Sentence(block, start, len(text), first_index + len(out)))
    for s in out:
        s.clauses = split_clauses(s.text)
    if out and out[0].start < item_end < out[0].end:
        out[0].item_end = item_end - out[0].start
    return out


def split_clauses(text: str) -> list[tuple[int, int]]:
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for i, ch, depth in _depth_scan(folded):
        if depth or ch not in _CLAUSE:
            continue
        if ch == "," and 0 < i < len(folded) - 1 and folded[i - 1] + folded[i + 1] in _DIGIT_PAIRS:
            continue  # 1,234
        spans.append((start, i + 1))
        start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]
