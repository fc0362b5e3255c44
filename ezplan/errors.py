"""Where a figure came from, and the error types for input the tool cannot use and output it
cannot write. Both print as one line, whatever the paths and the text they quote."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ezplan import i18n
from ezplan.i18n import Message

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


class Mark(NamedTuple):
    """A 1-based position in a source file. A tuple: made and hashed in C, and a check of
    10,000 indicators hashes hundreds of thousands (findings, the network, verdicts by figure)."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{printable(self.file)}:{self.line}:{self.column}"


class _Localized:
    """An error whose message is a catalogue `Message`: `text(lang)` in either language,
    `message` in the language of the invocation; `line()` places it."""

    msg: Message

    @property
    def message(self) -> str:
        """The message in the language of the invocation."""
        return self.msg.text()

    def text(self, lang: str | None = None) -> str:
        """The message in `lang` (default: the language of the invocation)."""
        return self.msg.text(lang)

    def line(self, lang: str | None = None) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.line()


class InputError(_Localized, Exception):
    """Input that cannot be used; printed as one line `file:line:col: message`.

    Raised as ``InputError(mark, "id", **params)`` with an id of the catalogue
    (`ezplan.i18n.errors`); `str(e)` is the line in the language of the invocation, `e.text(lang)`
    the message in either language. (Text that is not an id is kept as it is, in both.)
    """

    def __init__(self, mark: Mark, message: str | Message, /, **params: Any) -> None:
        msg = i18n.message(message, params)
        super().__init__(mark, msg)
        self.mark = mark
        self.msg = msg

    def line(self, lang: str | None = None) -> str:
        """`file:line:col: message` in `lang`, on one line."""
        return f"{self.mark}: {printable(shortened(self.text(lang)))}"


class OutputError(_Localized, Exception):
    """A file that cannot be written; printed as one line `file: message`. Nothing was written:
    the previous file, if any, is intact. Raised as ``OutputError(path, "id", **params)``."""

    def __init__(self, path: str, message: str | Message, /, **params: Any) -> None:
        msg = i18n.message(message, params)
        super().__init__(path, msg)
        self.path = path
        self.msg = msg

    def line(self, lang: str | None = None) -> str:
        """`file: message` in `lang`, on one line."""
        return f"{printable(self.path)}: {printable(shortened(self.text(lang)))}"


class MessageError(_Localized, ValueError):
    """A value that cannot be read (a figure, a period), its message in both languages: raised
    as ``MessageError("id", **params)``; `str(e)` is the message in the language of the
    invocation, `e.text(lang)` in either."""

    def __init__(self, message: str | Message, /, **params: Any) -> None:
        msg = i18n.message(message, params)
        super().__init__(msg)
        self.msg = msg

    def line(self, lang: str | None = None) -> str:
        """The message alone: a value has no place of its own."""
        return self.text(lang)


def os_reason(e: OSError) -> Message:
    """Why the operating system refused, in words of the catalogue when it has them (by the
    error number), else as the system says it."""
    import errno

    name = errno.errorcode.get(e.errno or -1, "")
    if f"os.{name}" in i18n.TEXT:
        return Message(f"os.{name}")
    return Message.external(e.strerror or str(e))
