"""Read a YAML file into plain Python data plus the position of every key and value.

Built from PyYAML's event stream (the libyaml parser when present) rather than its constructor,
so that nothing changes a figure behind the user's back:
- plain scalars resolve as in YAML 1.2's core schema, narrowed: null, true/false and decimal
  integers become Python values; everything else stays the text as written (``1e5``, ``010``,
  ``no``, ``on``, ``326.50`` stay strings, so a figure keeps the digits that carry its precision);
- duplicate keys, merge keys, tags other than ``!!str`` and complex keys are errors;
- aliases are limited in number and in how much they expand.

Input limits, each refused in one line at its position before it can cost time or memory:
- a plan file is a regular file (not a FIFO, a device or a directory) of at most
  `MAX_FILE_BYTES`; it is never opened for a read that could block, and one too large is
  refused from its size, before it is read;
- at most `MAX_NODES` values (aliases expanded) nested at most `MAX_DEPTH` deep, counted as the
  parser's events come (`ezplan.yaml_events`): a document over the limit stops there;
- no control characters (C0 but tab and newline, DEL, C1), bidirectional controls or Unicode
  line separators written in the file, each refused at its own position. A YAML escape
  (``"\\e[31m"``) can still put one in a value; every output shows it escaped.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from ezplan.document import Document, PathKey
from ezplan.errors import InputError, Mark, os_reason, printable
from ezplan.i18n import TEXT, Message
from ezplan.yaml_events import MAX_INT_DIGITS, Limits, build

__all__ = ["MAX_INT_DIGITS", "Document", "PathKey", "load_yaml", "parse_yaml", "read_bytes"]

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A plan file may not be larger than 64 MiB (a plan of 100,000 indicators takes 15–25 MiB;
the largest real plan is well under 100 KiB)."""
MAX_ALIASES = 32
MAX_NODES = 2_000_000
"""Values in one file, aliases expanded (a plan of 100,000 indicators has some 600,000)."""
MAX_DEPTH = 64
"""Mappings and lists nest at most this deep (a plan needs five levels)."""
# What may stand in a file: YAML's printable set less NEL, the line and paragraph separators
# and the bidirectional controls (libyaml would count the first three as line breaks, and the
# last can reorder what an editor shows).
_BAD_CHAR_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


def position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of `text[index]`, lines as YAML breaks them."""
    line, start = 1, 0
    for m in _LINE_BREAK_RE.finditer(text, 0, index):
        line, start = line + 1, m.end()
    return line, index - start + 1


def _clamped(file: str, m: Any, text: str) -> Mark:
    """A parser's position, moved back into the file: libyaml reads a missing final newline as
    there, and would point one line past the end of the file."""
    lines = _LINE_BREAK_RE.split(text)
    line, col = m.line + 1, m.column + 1
    if line > len(lines):
        line, col = len(lines), len(lines[-1]) + 1
    return Mark(file, line, min(col, len(lines[line - 1]) + 1))


def _char_name(ch: str) -> str:
    import unicodedata

    names = {"\x00": "NUL", "\x1b": "ESCAPE", "\x7f": "DELETE", "\r": "CARRIAGE RETURN"}
    name = names.get(ch) or unicodedata.name(ch, "")
    code = f"U+{ord(ch):04X}"
    return f"{code} {name}" if name else code


def _bad_char(ch: str) -> Message:
    return Message("file.bad_character", char=printable(ch), name=_char_name(ch))


def _decode(raw: bytes, file: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        # lines as YAML breaks them (CR LF, CR or LF), columns in characters, no BOM
        before = raw[: e.start].decode("utf-8").removeprefix("\ufeff")
        line, col = position(before, len(before))
        bad = raw[e.start : e.start + 1].hex().upper()
        raise InputError(Mark(file, line, col), "file.not_utf8", byte=bad) from None
    return text.removeprefix("\ufeff")


def kind_of_file(mode: int) -> Message:
    """A directory, a FIFO, a socket, a device …: what a path is that is not a regular file."""
    if stat.S_ISDIR(mode):
        return Message("kind.directory")
    if stat.S_ISFIFO(mode):
        return Message("kind.fifo")
    if stat.S_ISSOCK(mode):
        return Message("kind.socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message("kind.device")
    return Message("kind.other")


def _os_error(name: str, e: OSError) -> InputError:
    if e.errno == errno.ELOOP:
        why = Message("os.loop")
    elif e.errno == errno.ENOENT:
        why = Message("os.no_such_file")
    else:
        why = os_reason(e)
    return InputError(Mark(name, 1, 1), "file.cannot_read_file", reason=why)


def read_bytes(path: str | Path, display: str | None = None, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Anything else is refused before it is read: a directory, a FIFO or a device (even one
    created in its place after the check: it is opened without blocking and checked again), a
    loop of symbolic links, a file too large.
    """
    name = display or str(path)

    def refuse(st: os.stat_result) -> None:
        if stat.S_ISDIR(st.st_mode):
            raise InputError(Mark(name, 1, 1), "file.is_directory")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(Mark(name, 1, 1), "file.not_regular", kind=kind_of_file(st.st_mode))
        if st.st_size > limit:
            raise InputError(Mark(name, 1, 1), "file.too_large", size=st.st_size, limit=limit)

    try:
        refuse(os.stat(path))
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise _os_error(name, e) from None
    try:
        refuse(os.fstat(fd))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        raise _os_error(name, e) from None
    finally:
        os.close(fd)
    if size > limit:  # it grew while it was read
        raise InputError(Mark(name, 1, 1), "file.grew_too_large", limit=limit)
    return b"".join(chunks)


def read_text(path: str | Path, display: str | None = None) -> str:
    name = display or str(path)
    return _decode(read_bytes(path, name), name)


def load_yaml(path: str | Path, display: str | None = None) -> Document:
    """Load one YAML file from disk."""
    name = display or str(path)
    return parse_yaml(read_text(path, name), name)


def parse_yaml(text: str, file: str) -> Document:
    """Parse YAML text; every problem becomes an InputError at its position."""
    if m := _BAD_CHAR_RE.search(text):
        line, col = position(text, m.start())
        raise InputError(Mark(file, line, col), _bad_char(m.group(0)))
    try:
        return build(_Parser(text), file, Limits(MAX_NODES, MAX_ALIASES, MAX_DEPTH))
    except yaml.MarkedYAMLError as e:
        m = e.problem_mark or e.context_mark
        if (colon := _full_width_colon(text, e)) is not None:
            line, col = position(text, colon)
            raise InputError(Mark(file, line, col), "yaml.full_width_colon") from None
        mark = _clamped(file, m, text) if m is not None else Mark(file, 1, 1)
        problem = e.problem
        if m is not None and text[m.index : m.index + 1] == "\t" and problem == _NO_TOKEN:
            problem = _TAB  # the character that cannot start a token is a tab: say so
        raise InputError(mark, "yaml.invalid", what=yaml_words(e.context, problem)) from None
    except yaml.YAMLError as e:  # reader errors carry a character position, not a mark
        index = getattr(e, "position", None)
        line, col = position(text, index) if isinstance(index, int) else (1, 1)
        reason = getattr(e, "reason", None) or str(e).split("\n", 1)[0]
        raise InputError(Mark(file, line, col), "yaml.invalid", what=yaml_words(reason)) from None


# level：500亿元 typed with a Chinese input method: the key's colon is full-width
FULL_WIDTH_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w.-]*[ \t]*(：)", re.MULTILINE)


def _full_width_colon(text: str, e: yaml.MarkedYAMLError) -> int | None:
    """Where a key ends in a full-width colon, in the lines up to the parser's problem (which
    it finds a line or two later: 'could not find expected ':'', or the next key read as the
    rest of a plain scalar), if one does."""
    marks = [m for m in (e.context_mark, e.problem_mark) if m is not None]
    if not marks:
        return None
    start = min(m.index for m in marks)
    for _ in range(3):
        start = text.rfind("\n", 0, max(0, start - 1)) + 1
    end = max(m.index for m in marks)
    end = text.find("\n", end)
    found = FULL_WIDTH_KEY.search(text, start, end if end >= 0 else len(text))
    return found.start(1) if found else None


_NO_TOKEN = "found character that cannot start any token"
_TAB = "found a tab character that violates indentation"


@functools.cache
def _parser_words() -> dict[str, str]:
    """The YAML parser's phrases the catalogue has words for, by their English."""
    return {Message(key).text("en"): key for key in TEXT if key.startswith(("yaml.c.", "yaml.p."))}


def yaml_words(*phrases: str | None) -> Message:
    """The parser's context and problem ("while parsing a block mapping", "did not find expected
    key") in words of the catalogue where it has them, else as the parser says them."""
    words = _parser_words()
    found = [Message(words[x]) if x in words else Message.external(x) for x in phrases if x]
    hint = f"yaml.hint.{found[-1].id.removeprefix('yaml.p.')}" if found else ""
    if hint in TEXT:
        found[-1] = Message("yaml.hinted", problem=found[-1], hint=Message(hint))
    if len(found) == 2:
        return Message("yaml.context_problem", context=found[0], problem=found[1])
    return found[0] if found else Message.external("")
