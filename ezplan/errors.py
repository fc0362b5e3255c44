"""Where a figure came from, and the error types for input the tool cannot use and output it
cannot write. Both print as one line, whatever the paths and the text they quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that must never reach a terminal, a log or a one-line message as they are: C0 and C1
# controls and DEL, lone surrogates (how Python keeps the bytes of a file name that is not
# UTF-8), the bidirectional overrides and isolates that can reorder what is shown, and the
# Unicode line and paragraph separators.
_UNSAFE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_UNSAFE_KEEP_LINES_RE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
MAX_MESSAGE = 1000
"""A message longer than this (one quoting a megabyte of garbage) is shown cut in the middle."""


def _escape(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep_newlines: bool = False) -> str:
    """`text` with every control character, lone surrogate, bidi control and line separator
    written as an escape (``\\x1b``, ``\\n``, ``\\xff`` for an undecodable byte of a path,
    ``\\u202e``): safe to print on one line, and valid UTF-8. Printable text is unchanged, so
    applying it twice changes nothing more. `keep_newlines` leaves ``\\n`` as it is."""
    pattern = _UNSAFE_KEEP_LINES_RE if keep_newlines else _UNSAFE_RE
    return pattern.sub(_escape, text)


def shortened(text: str, limit: int = MAX_MESSAGE) -> str:
    """`text`, or its beginning and end around an ellipsis when it is longer than `limit`."""
    if len(text) <= limit:
        return text
    tail = limit // 4
    return f"{text[: limit - tail]} … ({len(text) - limit:,} characters left out) … {text[-tail:]}"


def is_printable(text: str, keep_newlines: bool = False) -> bool:
    pattern = _UNSAFE_KEEP_LINES_RE if keep_newlines else _UNSAFE_RE
    return pattern.search(text) is None


@dataclass(frozen=True, order=True)
class Mark:
    """A 1-based position in a source file."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{printable(self.file)}:{self.line}:{self.column}"


class InputError(Exception):
    """Input that cannot be used; printed as one line `file:line:col: message`."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message

    def __str__(self) -> str:
        return f"{self.mark}: {printable(shortened(self.message))}"


class OutputError(Exception):
    """A file that cannot be written; printed as one line `file: message`. Nothing was written:
    the previous file, if any, is intact."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{printable(self.path)}: {printable(shortened(self.message))}"
