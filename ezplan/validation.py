"""Validation of a loaded file, with every error mapped back to `file:line:col`.

The fast check (`ezplan.shape`) passes a file of the right shape without pydantic; a file it
does not pass is validated by pydantic, which reports where a value failed as a location in
the data; the loaded Document knows where each piece of data stands in the file. The first
problem in file order becomes one InputError that says what was found and what would be
accepted.
"""

from __future__ import annotations

import types
import typing
from typing import TYPE_CHECKING, Any

from ezplan import shape
from ezplan.document import Document, PathKey
from ezplan.errors import InputError, Mark
from ezplan.i18n import Message
from ezplan.source import FULL_WIDTH_KEY
from ezplan.suggest import hint

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

_TYPE_WORDS = {
    "string_type": "type.text",
    "int_type": "type.whole_number",
    "model_type": "type.mapping",
    "dict_type": "type.mapping",
    "list_type": "type.list",
    "bool_type": "type.bool",
    "model_attributes_type": "type.mapping",
}
_LIMITS = {
    "greater_than_equal": ("pyd.ge", "ge"),
    "less_than_equal": ("pyd.le", "le"),
    "greater_than": ("pyd.gt", "gt"),
    "less_than": ("pyd.lt", "lt"),
}
_LENGTHS = {
    "too_short": ("pyd.too_short", "min_length"),
    "too_long": ("pyd.too_long", "max_length"),
}
_FIELD_TYPES = {"List": "pyd.kind.list", "Dictionary": "pyd.kind.dict"}


def _kind_of(value: Any) -> Message:
    match value:
        case bool():
            return Message("found.bool", value=str(value).lower())
        case None:
            return Message("found.nothing")
        case dict():
            return Message("found.mapping")
        case list():
            return Message("found.list")
        case int():
            return Message("found.number", value=value)
        case _:
            return Message("found.text", value=value)


def _pydantic_words(err: dict[str, Any]) -> Message:
    """pydantic's message in words of the catalogue, by its error type and context; a type the
    catalogue has no words for is shown as pydantic says it."""
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind in _LIMITS and _LIMITS[kind][1] in ctx:
        key, name = _LIMITS[kind]
        return Message(key, limit=ctx[name])
    if kind in _LENGTHS and _LENGTHS[kind][1] in ctx and "actual_length" in ctx:
        key, name = _LENGTHS[kind]
        limit = ctx[name]
        what = Message(_FIELD_TYPES.get(ctx.get("field_type", ""), "pyd.kind.other"))
        items = Message("pyd.item" if limit == 1 else "pyd.items")
        return Message(key, kind=what, limit=limit, items=items, actual=ctx["actual_length"])
    if kind == "int_parsing":
        return Message("pyd.int_parsing")
    return Message.external(str(err["msg"]))


def _real_path(data: Any, loc: tuple[Any, ...]) -> tuple[PathKey, bool]:
    """Map a pydantic error location onto a path in the data; True if it names a key."""
    path: list[Any] = []
    cur = data
    for part in loc:
        if part == "[key]":
            return tuple(path), True
        if (isinstance(cur, dict) and part in cur) or (
            isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur)
        ):
            path.append(part)
            cur = cur[part]
        elif (
            isinstance(cur, dict)
            and isinstance(part, str)
            and not part.startswith(
                ("function", "list[", "dict[", "str", "int", "bool", "FigureSpec")
            )
            and part[:1].islower()
            and part.isidentifier()
        ):
            # a missing or extra key: keep it so the message can name it
            path.append(part)
            return tuple(path), False
    return tuple(path), False


def where(path: PathKey) -> str | Message:
    """A place in a file as a dotted path (targets.exports.annual), or "the file" for its top."""
    return ".".join(str(p) for p in path) if path else Message("the_file")


def validate(doc: Document, model: str) -> Any:
    """The file's data as the model `model` (``Baselines``, ``Targets``) of `ezplan.schema`, or
    the InputError of its first problem."""
    if doc.data is None:
        return _fail_empty(doc, model)
    try:
        return shape.checker(model)(doc.data)
    except shape.Mismatch:
        pass
    from pydantic import ValidationError

    from ezplan import schema

    cls = getattr(schema, model)
    try:
        return cls.model_validate(doc.data)
    except ValidationError as e:
        raise _input_error(doc, cls, e) from None


def _fail_empty(doc: Document, model: str) -> Any:
    if model == "Baselines":
        return shape.empty(model)
    raise InputError(Mark(doc.path, 1, 1), "valid.empty_file")


def _input_error(doc: Document, model: type[BaseModel], e: ValidationError) -> InputError:
    errors = []
    for err in e.errors():
        path, is_key = _real_path(doc.data, err["loc"])
        errors.append((path, is_key, err))

    # A union that fails in a nested branch also fails at its own level; the deeper error
    # is the one that explains it. Then the first problem in file order. (Linear in the number
    # of errors: a file of 40,000 unknown keys is refused as fast as one with one.)
    ancestors = {p[:i] for p, _, _ in errors for i in range(len(p))}
    errors = [e for e in errors if e[0] not in ancestors] or errors

    def position(item: tuple[PathKey, bool, dict[str, Any]]) -> tuple[int, int, bool]:
        m = doc.mark(item[0], key=item[1] or item[2]["type"] == "extra_forbidden")
        # a missing key is placed at its mapping, where the first key also stands: the key
        # that is there (often the missing one misspelt) says more
        return m.line, m.column, item[2]["type"] == "missing"

    errors.sort(key=position)
    path, is_key, err = errors[0]
    more = len({(p, k) for p, k, _ in errors}) - 1
    error = _first_error(doc, model, errors, path, is_key, err)
    if more > 0:
        key = "and_one_more" if more == 1 else "and_more"
        return InputError(error.mark, key, first=error.msg, more=more)
    return error


def _first_error(
    doc: Document,
    model: type[BaseModel],
    errors: list[tuple[PathKey, bool, dict[str, Any]]],
    path: PathKey,
    is_key: bool,
    err: dict[str, Any],
) -> InputError:
    same = [x[2] for x in errors if x[0] == path and x[1] == is_key]
    kind = err["type"]
    if (
        path
        and isinstance(path[-1], str)
        and "：" in path[-1]
        and (is_key or kind == "extra_forbidden")
    ):
        # {2020：326.57亿元} or {level：500亿元}: one key with no value, its colon full-width
        m = doc.mark(path, key=True)
        return InputError(
            m._replace(column=m.column + path[-1].index("：")), "yaml.full_width_colon"
        )
    if kind == "extra_forbidden":
        parent = path[:-1]
        allowed = _allowed_keys(model, doc.data, parent)
        guess = hint(str(path[-1]), allowed)
        listed = (
            Message("valid.expected_one_of", keys=", ".join(allowed))
            if allowed and not guess
            else ""
        )
        return InputError(
            doc.mark(path, key=True),
            "valid.unknown_key",
            key=path[-1],
            where=where(parent),
            guess=guess,
            listed=listed,
        )
    if kind == "missing":
        return InputError(
            doc.mark(path[:-1]), "valid.missing_key", where=where(path[:-1]), key=path[-1]
        )
    if is_key:
        key = path[-1]
        mark = doc.mark(path, key=True)
        if kind == "string_pattern_mismatch":
            return InputError(mark, "valid.id_pattern", key=key)
        if kind.startswith("int"):
            return InputError(mark, "valid.year_key", key=key, where=where(path[:-1]))
        problem = _pydantic_words(err)
        return InputError(
            mark, "valid.key_problem", key=key, where=where(path[:-1]), problem=problem
        )
    value = _get(doc.data, path)
    if isinstance(value, str) and (colon := FULL_WIDTH_KEY.match(value)):
        # x:⏎  level：161亿元 — a mapping's one line read as a text, its colon full-width
        m = doc.mark(path)
        return InputError(m._replace(column=m.column + colon.start(1)), "yaml.full_width_colon")
    if all(x["type"] in _TYPE_WORDS for x in same):
        wanted: list[str] = []
        for x in same:
            w = _TYPE_WORDS[x["type"]]
            if w not in wanted:
                wanted.append(w)
        words: Message = Message(wanted[0])
        for w in wanted[1:]:
            words = Message("valid.or", a=words, b=Message(w))
        return InputError(
            doc.mark(path),
            "valid.expected_found",
            where=where(path),
            wanted=words,
            found=_kind_of(value),
        )
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        if path and path[-1] == "direction":
            return InputError(doc.mark(path), "valid.direction", where=where(path), value=value)
        return InputError(doc.mark(path), "valid.value_pattern", where=where(path), value=value)
    return InputError(
        doc.mark(path),
        "valid.problem_found",
        where=where(path),
        problem=_pydantic_words(err),
        found=_kind_of(value),
    )


def _get(data: Any, path: PathKey) -> Any:
    for p in path:
        data = data[p]
    return data


def _allowed_keys(model: type[BaseModel], data: Any, parent: PathKey) -> list[str]:
    """The keys the schema allows at `parent`, found by walking the model along the path."""
    from pydantic import BaseModel

    cur: Any = model
    for p in parent:
        cur = _child_model(cur, p)
        if cur is None:
            return []
    if isinstance(cur, type) and issubclass(cur, BaseModel):
        return list(cur.model_fields)
    return []


def _child_model(cur: Any, key: Any) -> Any:
    from pydantic import BaseModel

    if isinstance(cur, type) and issubclass(cur, BaseModel):
        if isinstance(key, str) and key in cur.model_fields:
            return _unwrap(cur.model_fields[key].annotation)
        return None
    origin = typing.get_origin(cur)
    args = typing.get_args(cur)
    if origin is dict:
        return _unwrap(args[1])
    if origin is list:
        return _unwrap(args[0])
    return None


def _unwrap(tp: Any) -> Any:
    from pydantic import BaseModel

    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            models = [
                a
                for a in typing.get_args(tp)
                if (isinstance(a, type) and issubclass(a, BaseModel))
                or typing.get_origin(a) in (dict, list)
            ]
            if len(models) >= 1:
                tp = models[0]
                continue
            return None
        return tp
