"""Read a YAML file into plain Python data plus the position of every key and value.

Built from PyYAML's event stream (the libyaml parser when present) rather than its constructor,
so that nothing changes a figure behind the user's back:
- plain scalars resolve as in YAML 1.2's core schema, narrowed: null, true/false and decimal
  integers become Python values; everything else stays the text as written (``1e5``, ``010``,
  ``no``, ``on``, ``326.50`` stay strings, so a figure keeps the digits that carry its precision);
- duplicate keys, merge keys, tags other than ``!!str`` and complex keys are errors;
- aliases are limited in number and in how much they expand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ezplan.errors import InputError, Mark

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_ALIASES = 32
MAX_NODES = 200_000
_INT_RE = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STR_TAG = "tag:yaml.org,2002:str"

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


def _decode(raw: bytes, file: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        bad = raw[e.start : e.start + 1].hex().upper()
        raise InputError(
            Mark(file, line, col), f"not UTF-8 text (byte 0x{bad}); save the file as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


def read_text(path: str | Path, display: str | None = None) -> str:
    name = display or str(path)
    try:
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(Mark(name, 1, 1), "is a directory, expected a YAML file") from None
    except OSError as e:
        raise InputError(Mark(name, 1, 1), f"cannot read file: {e.strerror or e}") from None
    return _decode(raw, name)


def load_yaml(path: str | Path, display: str | None = None) -> Document:
    """Load one YAML file from disk."""
    name = display or str(path)
    return parse_yaml(read_text(path, name), name)


def parse_yaml(text: str, file: str) -> Document:
    """Parse YAML text; every problem becomes an InputError at its position."""
    builder = _Builder(file)
    try:
        events = list(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError as e:
        m = e.problem_mark or e.context_mark
        mark = _mark(file, m) if m is not None else Mark(file, 1, 1)
        what = " ".join(x for x in (e.context, e.problem) if x)
        raise InputError(mark, f"not valid YAML: {what}") from None
    except yaml.YAMLError as e:  # reader errors carry no problem_mark
        raise InputError(Mark(file, 1, 1), f"not valid YAML: {e}") from None
    return builder.build(events)


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.doc = Document(file, None)
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = 0
        self.nodes = 0

    def build(self, events: list[Any]) -> Document:
        docs = [i for i, e in enumerate(events) if isinstance(e, yaml.DocumentStartEvent)]
        if len(docs) > 1:
            second = events[docs[1]]
            raise InputError(_mark(self.file, second.start_mark), "one YAML document per file")
        if not docs:
            return self.doc
        self.pos = docs[0] + 1
        self.events = events
        if isinstance(events[self.pos], yaml.DocumentEndEvent):
            return self.doc
        self.doc.data, _ = self._node(())
        return self.doc

    def _next(self) -> Any:
        e = self.events[self.pos]
        self.pos += 1
        return e

    def _count(self, n: int, mark: Mark) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            raise InputError(mark, f"document too large (over {MAX_NODES} values after aliases)")

    def _check_tag(self, e: Any, mark: Mark) -> None:
        tag = getattr(e, "tag", None)
        implicit = getattr(e, "implicit", True)
        explicit = (
            tag is not None
            and tag != "!"
            and not (implicit if isinstance(implicit, bool) else any(implicit))
        )
        if explicit and tag != _STR_TAG:
            raise InputError(mark, f"YAML tag {tag!r} is not accepted; write plain values")

    def _node(self, path: PathKey) -> tuple[Any, int]:
        e = self._next()
        mark = _mark(self.file, e.start_mark)
        self.doc.marks[path] = mark
        if isinstance(e, yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise InputError(mark, f"too many aliases (more than {MAX_ALIASES})")
            if e.anchor not in self.anchors:
                raise InputError(mark, f"unknown alias *{e.anchor}")
            value, size = self.anchors[e.anchor]
            self._count(size, mark)
            return value, size
        self._check_tag(e, mark)
        if isinstance(e, yaml.ScalarEvent):
            value = self._scalar(e)
            size = 1
        elif isinstance(e, yaml.SequenceStartEvent):
            value, size = [], 1
            while not isinstance(self.events[self.pos], yaml.SequenceEndEvent):
                item, n = self._node((*path, len(value)))
                value.append(item)
                size += n
            self.pos += 1
        elif isinstance(e, yaml.MappingStartEvent):
            value, size = self._mapping(path, mark)
        else:  # pragma: no cover - the parser guarantees node events here
            raise InputError(mark, f"unexpected YAML event {type(e).__name__}")
        self._count(1, mark)
        if getattr(e, "anchor", None):
            self.anchors[e.anchor] = (value, size)
        return value, size

    def _mapping(self, path: PathKey, mark: Mark) -> tuple[dict[Any, Any], int]:
        value: dict[Any, Any] = {}
        size = 1
        while not isinstance(self.events[self.pos], yaml.MappingEndEvent):
            k = self.events[self.pos]
            kmark = _mark(self.file, k.start_mark)
            if not isinstance(k, yaml.ScalarEvent):
                raise InputError(kmark, "a key must be a plain value, not a list or mapping")
            self.pos += 1
            self._check_tag(k, kmark)
            key = self._scalar(k)
            if key == "<<" and not k.style:
                raise InputError(kmark, "merge keys (<<) are not accepted; write the keys out")
            if isinstance(key, bool) or key is None:
                key = k.value  # `no:` or `null:` as a key means the text, not a value
            if key in value:
                first = self.doc.key_marks[(*path, key)]
                raise InputError(kmark, f"duplicate key {key!r} (first at line {first.line})")
            self.doc.key_marks[(*path, key)] = kmark
            item, n = self._node((*path, key))
            value[key] = item
            size += n
        self.pos += 1
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
        if _INT_RE.match(text):
            return int(text)
        return text
