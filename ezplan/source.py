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
  `MAX_FILE_BYTES`; it is never opened for a read that could block;
- at most `MAX_NODES` values (aliases expanded) nested at most `MAX_DEPTH` deep;
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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ezplan.errors import InputError, Mark, os_reason, printable
from ezplan.i18n import TEXT, Message

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 8 * 1024 * 1024
"""A plan file may not be larger than 8 MiB (the largest real plan is well under 100 KiB)."""
MAX_ALIASES = 32
MAX_NODES = 200_000
MAX_DEPTH = 64
"""Mappings and lists nest at most this deep (a plan needs five levels)."""
MAX_INT_DIGITS = 18
"""A plain integer longer than this stays text (and is then refused as a figure or a year)."""
_INT_RE = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STR_TAG = "tag:yaml.org,2002:str"
# What may stand in a file: YAML's printable set less NEL, the line and paragraph separators
# and the bidirectional controls (libyaml would count the first three as line breaks, and the
# last can reorder what an editor shows).
_BAD_CHAR_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")

PathKey = tuple[str | int, ...]


@dataclass
class Document:
    """A loaded file: its data and the 1-based position of each value and key, by path."""

    path: str
    data: Any
    marks: dict[PathKey, Mark] = field(default_factory=dict)
    key_marks: dict[PathKey, Mark] = field(default_factory=dict)

    def mark(self, path: PathKey, *, key: bool = False) -> Mark:
        """The position of `path`, or of its nearest ancestor that has one."""
        p = tuple(path)
        if key and p in self.key_marks:
            return self.key_marks[p]
        while p:
            if p in self.marks:
                return self.marks[p]
            p = p[:-1]
        return self.marks.get((), Mark(self.path, 1, 1))


def _mark(file: str, m: Any) -> Mark:
    return Mark(file, m.line + 1, m.column + 1)


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
    builder = _Builder(file)
    try:
        return builder.build(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError as e:
        m = e.problem_mark or e.context_mark
        mark = _clamped(file, m, text) if m is not None else Mark(file, 1, 1)
        raise InputError(mark, "yaml.invalid", what=yaml_words(e.context, e.problem)) from None
    except yaml.YAMLError as e:  # reader errors carry a character position, not a mark
        index = getattr(e, "position", None)
        line, col = position(text, index) if isinstance(index, int) else (1, 1)
        reason = getattr(e, "reason", None) or str(e).split("\n", 1)[0]
        raise InputError(Mark(file, line, col), "yaml.invalid", what=yaml_words(reason)) from None


@functools.cache
def _parser_words() -> dict[str, str]:
    """The YAML parser's phrases the catalogue has words for, by their English."""
    return {Message(key).text("en"): key for key in TEXT if key.startswith(("yaml.c.", "yaml.p."))}


def yaml_words(*phrases: str | None) -> Message:
    """The parser's context and problem ("while parsing a block mapping", "did not find expected
    key") in words of the catalogue where it has them, else as the parser says them."""
    words = _parser_words()
    found = [Message(words[x]) if x in words else Message.external(x) for x in phrases if x]
    if len(found) == 2:
        return Message("yaml.context_problem", context=found[0], problem=found[1])
    return found[0] if found else Message.external("")


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.doc = Document(file, None)
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = 0
        self.nodes = 0
        self.depth = 0
        self.peeked: Any = None

    def build(self, events: Iterator[Any]) -> Document:
        """Events are read one at a time, so a limit stops a huge file early."""
        self.events = events
        started = False
        while True:
            e = self._next()
            if isinstance(e, yaml.StreamEndEvent):
                return self.doc
            if isinstance(e, yaml.DocumentStartEvent):
                if started:
                    raise InputError(_mark(self.file, e.start_mark), "yaml.one_document")
                started = True
                if not isinstance(self._peek(), yaml.DocumentEndEvent):
                    self.doc.data, _ = self._node(())

    def _peek(self) -> Any:
        if self.peeked is None:
            self.peeked = next(self.events)
        return self.peeked

    def _next(self) -> Any:
        e = self._peek()
        self.peeked = None
        return e

    def _count(self, n: int, mark: Mark) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            raise InputError(mark, "yaml.too_many_values", max=MAX_NODES)

    def _check_tag(self, e: Any, mark: Mark) -> None:
        tag = getattr(e, "tag", None)
        implicit = getattr(e, "implicit", True)
        explicit = (
            tag is not None
            and tag != "!"
            and not (implicit if isinstance(implicit, bool) else any(implicit))
        )
        if explicit and tag != _STR_TAG:
            raise InputError(mark, "yaml.tag", tag=printable(tag))

    def _node(self, path: PathKey) -> tuple[Any, int]:
        e = self._next()
        mark = _mark(self.file, e.start_mark)
        self.doc.marks[path] = mark
        if isinstance(e, yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise InputError(mark, "yaml.too_many_aliases", max=MAX_ALIASES)
            if e.anchor not in self.anchors:
                raise InputError(mark, "yaml.unknown_alias", name=e.anchor)
            value, size = self.anchors[e.anchor]
            self._count(size, mark)
            return value, size
        self._check_tag(e, mark)
        if isinstance(e, yaml.ScalarEvent):
            value = self._scalar(e)
            size = 1
        elif isinstance(e, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise InputError(mark, "yaml.too_deep", max=MAX_DEPTH)
            if isinstance(e, yaml.SequenceStartEvent):
                value, size = [], 1
                while not isinstance(self._peek(), yaml.SequenceEndEvent):
                    item, n = self._node((*path, len(value)))
                    value.append(item)
                    size += n
                self._next()
            else:
                value, size = self._mapping(path)
            self.depth -= 1
        else:  # pragma: no cover - the parser guarantees node events here
            raise InputError(mark, "yaml.unexpected_event", name=type(e).__name__)
        self._count(1, mark)
        if getattr(e, "anchor", None):
            self.anchors[e.anchor] = (value, size)
        return value, size

    def _mapping(self, path: PathKey) -> tuple[dict[Any, Any], int]:
        value: dict[Any, Any] = {}
        size = 1
        while not isinstance(self._peek(), yaml.MappingEndEvent):
            k = self._next()
            kmark = _mark(self.file, k.start_mark)
            if not isinstance(k, yaml.ScalarEvent):
                raise InputError(kmark, "yaml.complex_key")
            self._check_tag(k, kmark)
            key = self._scalar(k)
            if key == "<<" and not k.style:
                raise InputError(kmark, "yaml.merge_key")
            if isinstance(key, bool) or key is None:
                key = k.value  # `no:` or `null:` as a key means the text, not a value
            if key in value:
                first = self.doc.key_marks[(*path, key)]
                raise InputError(
                    kmark, "yaml.duplicate_key", key=printable(str(key)), line=first.line
                )
            self.doc.key_marks[(*path, key)] = kmark
            item, n = self._node((*path, key))
            value[key] = item
            size += n
        self._next()
        return value, size

    @staticmethod
    def _scalar(e: Any) -> Any:
        text = e.value
        if e.style or (e.tag == _STR_TAG and not e.implicit[0]):
            return text
        if text in _NULLS:
            return None
        if text in _BOOLS:
            return _BOOLS[text]
        if _INT_RE.match(text) and len(text.lstrip("+-")) <= MAX_INT_DIGITS:
            return int(text)
        return text
