"""YAML events → plain data and the position of every key and value (`ezplan.document`).

Events are taken from the parser one at a time and the limits checked as they come, so a
document over a limit is refused where it crosses it, without going on. One loop over the
events, with a stack of the mappings and lists being filled: no call per value.

What the values become, and what is refused, is set out in `ezplan.source`.
"""

from __future__ import annotations

import re
from array import array
from typing import Any

import yaml

from ezplan.document import Document
from ezplan.errors import InputError, Mark, printable

INT_RE = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
MAX_INT_DIGITS = 18
"""A plain integer longer than this stays text (and is then refused as a figure or a year)."""
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR = yaml.ScalarEvent
_MAP_START, _MAP_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQ_START, _SEQ_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_ALIAS = yaml.AliasEvent
_NO_KEY = object()  # a mapping waiting for its next key
# What each plain, untagged scalar's text resolved to: most are keys, units, periods and figures
# seen many times in a file and from one plan to the next (a worker checks many), and their
# value depends on the text alone. Not kept past a large file.
_PLAIN: dict[str, Any] = {}
_PLAIN_KEPT = 20_000


def scalar(e: Any) -> Any:
    """A scalar event's value: null, a bool and a short decimal integer when plain and untagged,
    else its text."""
    text = e.value
    if e.style or (e.tag == _STR_TAG and not e.implicit[0]):
        return text
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if INT_RE.match(text) and len(text.lstrip("+-")) <= MAX_INT_DIGITS:
        return int(text)
    return text


class Limits:
    """How much a document may hold: values (aliases expanded), aliases, nesting."""

    def __init__(self, nodes: int, aliases: int, depth: int) -> None:
        self.nodes, self.aliases, self.depth = nodes, aliases, depth


def build(parser: Any, file: str, limits: Limits) -> Document:
    """The one document of `parser`'s event stream (`get_event`), with positions."""
    get = parser.get_event
    started = False
    doc = Document(file)
    while True:
        e = get()
        kind = type(e)
        if kind is yaml.StreamEndEvent:
            return doc
        if kind is yaml.DocumentStartEvent:
            if started:
                raise InputError(_mark(file, e), "yaml.one_document")
            started = True
            try:
                doc = _Builder(file, limits).document(get)
            finally:
                if len(_PLAIN) > _PLAIN_KEPT:
                    _PLAIN.clear()


def _mark(file: str, e: Any) -> Mark:
    m = e.start_mark
    return Mark(file, m.line + 1, m.column + 1)


def _tag_refused(e: Any) -> bool:
    """An explicit tag other than ``!!str``."""
    tag = e.tag
    if tag is None or tag == "!":
        return False
    implicit = getattr(e, "implicit", True)
    if implicit if isinstance(implicit, bool) else any(implicit):
        return False
    return tag != _STR_TAG


class _Builder:
    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits

    def _too_many(self, e: Any) -> InputError:
        return InputError(_mark(self.file, e), "yaml.too_many_values", max=self.limits.nodes)

    def document(self, get: Any) -> Document:
        """The events of one document, up to its end; its data and positions."""
        file, limits = self.file, self.limits
        # every container's positions, one after another (`ezplan.document`), and where each
        # container's begin, by its identity
        table = array("Q")
        kids: dict[int, int] = {}
        aliases: dict[tuple[int, Any], int] = {}
        anchors: dict[str, tuple[Any, int]] = {}
        # one object for each distinct text: keys, units, periods and sections repeat
        texts: dict[str, str] = {}
        same = texts.setdefault
        plain = _PLAIN
        n_aliases = nodes = 0
        max_nodes, max_depth = limits.nodes, limits.depth
        # the container being filled (None before the top one), its positions, whether it is a
        # mapping, its key waiting for a value (_NO_KEY between entries) and where that key
        # stands, its start event and the values counted before it; the containers around it
        # are on the stack, each as (container, positions, is_map, start, before)
        container: Any = None
        positions: list[int] = []
        is_map = False
        key: Any = _NO_KEY
        key_at = before = 0
        start: Any = None
        root: Any = None
        root_at = 0
        stack: list[tuple[Any, list[int], bool, Any, int]] = []
        while True:
            e = get()
            kind = type(e)
            if kind is _SCALAR:
                tag = e.tag
                if tag is not None and _tag_refused(e):
                    raise InputError(_mark(file, e), "yaml.tag", tag=printable(tag))
                text = e.value
                if e.style:
                    value = same(text, text)
                elif tag is None:
                    value = plain.get(text, _NO_KEY)
                    if value is _NO_KEY:
                        value = scalar(e)
                        if type(value) is str:
                            value = same(value, value)
                        plain[text] = value
                else:
                    value = scalar(e)
                    if type(value) is str:
                        value = same(value, value)
                if key is _NO_KEY and is_map:  # a key
                    if value == "<<" and not e.style:
                        raise InputError(_mark(file, e), "yaml.merge_key")
                    if value is None or value is True or value is False:
                        value = text  # `no:` or `null:` as a key means the text, not a value
                    if value in container:
                        where = list(container).index(value)
                        first = (positions[2 * where] >> 32) + 1
                        raise InputError(
                            _mark(file, e),
                            "yaml.duplicate_key",
                            key=printable(str(value)),
                            line=first,
                        )
                    key = value
                    m = e.start_mark
                    key_at = (m.line << 32) | m.column  # `ezplan.document.pack`
                    continue
                nodes += 1
                if nodes > max_nodes:
                    raise self._too_many(e)
                if e.anchor:
                    anchors[e.anchor] = (value, 1)
            elif kind is _MAP_END or kind is _SEQ_END:
                kids[id(container)] = len(table)
                table.extend(positions)
                nodes += 1
                if nodes > max_nodes:
                    raise self._too_many(start)
                if start.anchor:
                    anchors[start.anchor] = (container, nodes - before)
                container, positions, is_map, start, before = stack.pop()
                if container is None:
                    get()  # the document's end
                    return Document(file, root, root_at, kids, table, aliases)
                continue
            elif key is _NO_KEY and is_map:
                raise InputError(_mark(file, e), "yaml.complex_key")
            elif kind is _MAP_START or kind is _SEQ_START:
                if e.tag is not None and _tag_refused(e):
                    raise InputError(_mark(file, e), "yaml.tag", tag=printable(e.tag))
                if len(stack) >= max_depth:
                    raise InputError(_mark(file, e), "yaml.too_deep", max=max_depth)
                value = {} if kind is _MAP_START else []
                m = e.start_mark
                at = (m.line << 32) | m.column
                if container is None:
                    root, root_at = value, at
                elif is_map:
                    container[key] = value
                    positions += key_at, at  # the key's position, then its value's
                else:
                    container.append(value)
                    positions.append(at)
                stack.append((container, positions, is_map, start, before))
                container, positions, is_map, start, before = (
                    value,
                    [],
                    kind is _MAP_START,
                    e,
                    nodes,
                )
                key = _NO_KEY
                continue
            elif kind is _ALIAS:
                n_aliases += 1
                if n_aliases > limits.aliases:
                    raise InputError(_mark(file, e), "yaml.too_many_aliases", max=limits.aliases)
                if e.anchor not in anchors:
                    raise InputError(_mark(file, e), "yaml.unknown_alias", name=e.anchor)
                value, size = anchors[e.anchor]
                nodes += size
                if nodes > max_nodes:
                    raise self._too_many(e)
                if container is not None:
                    m = e.start_mark
                    aliases[(id(container), key if is_map else len(container))] = (
                        m.line << 32
                    ) | m.column
            elif kind is yaml.DocumentEndEvent:  # an empty document
                return Document(file)
            else:  # pragma: no cover - the parser guarantees node events here
                raise InputError(_mark(file, e), "yaml.unexpected_event", name=kind.__name__)
            # a scalar or an alias: a value in place
            m = e.start_mark
            at = (m.line << 32) | m.column
            if container is None:
                get()  # the document's end
                return Document(file, value, at, kids, table, aliases)
            if is_map:
                container[key] = value
                positions += key_at, at
                key = _NO_KEY
            else:
                container.append(value)
                positions.append(at)
