"""pydantic validation of a loaded file, with every error mapped back to `file:line:col`.

pydantic reports where a value failed as a location in the data; the loaded Document knows
where each piece of data stands in the file. The first problem in file order becomes one
InputError that says what was found and what would be accepted.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ezplan import schema as S
from ezplan.errors import InputError, Mark
from ezplan.source import Document, PathKey
from ezplan.suggest import hint

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "model_type": "a mapping",
    "dict_type": "a mapping",
    "list_type": "a list",
    "bool_type": "true or false",
    "model_attributes_type": "a mapping",
}


def _kind_of(value: Any) -> str:
    match value:
        case bool():
            return f"{str(value).lower()}"
        case None:
            return "nothing"
        case dict():
            return "a mapping"
        case list():
            return "a list"
        case int():
            return f"the number {value}"
        case _:
            return repr(value)


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


def where(path: PathKey) -> str:
    return ".".join(str(p) for p in path) if path else "the file"


def validate(doc: Document, model: type[BaseModel]) -> Any:
    if doc.data is None:
        return _fail_empty(doc, model)
    try:
        return model.model_validate(doc.data)
    except ValidationError as e:
        raise _input_error(doc, model, e) from None


def _fail_empty(doc: Document, model: type[BaseModel]) -> Any:
    if model is S.Baselines:
        return S.Baselines()
    raise InputError(Mark(doc.path, 1, 1), "empty file; expected a mapping with plan: and targets:")


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
        error.message += f" (and {more:,} more problem{'s' if more > 1 else ''} in this file)"
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
    if kind == "extra_forbidden":
        parent = path[:-1]
        allowed = _allowed_keys(model, doc.data, parent)
        guess = hint(str(path[-1]), allowed)
        listed = f"; expected one of: {', '.join(allowed)}" if allowed and not guess else ""
        return InputError(
            doc.mark(path, key=True), f"unknown key {path[-1]!r} in {where(parent)}{guess}{listed}"
        )
    if kind == "missing":
        return InputError(doc.mark(path[:-1]), f"{where(path[:-1])}: missing key {path[-1]!r}")
    if is_key:
        key = path[-1]
        if kind == "string_pattern_mismatch":
            msg = f"id {key!r} must be lower-case letters, digits and _ (e.g. retail_sales)"
        elif kind.startswith("int"):
            msg = f"key {key!r} in {where(path[:-1])}: expected a year such as 2020"
        else:
            msg = f"key {key!r} in {where(path[:-1])}: {err['msg']}"
        return InputError(doc.mark(path, key=True), msg)
    value = _get(doc.data, path)
    if all(x["type"] in _TYPE_WORDS for x in same):
        wanted = []
        for x in same:
            w = _TYPE_WORDS[x["type"]]
            if w not in wanted:
                wanted.append(w)
        return InputError(
            doc.mark(path),
            f"{where(path)}: expected {' or '.join(wanted)}, found {_kind_of(value)}",
        )
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        if path and path[-1] == "direction":
            msg = f"{where(path)}: expected up or down, found {value!r}"
        else:
            msg = f"{where(path)}: {value!r} must be lower-case letters, digits and _"
        return InputError(doc.mark(path), msg)
    return InputError(doc.mark(path), f"{where(path)}: {err['msg']} (found {_kind_of(value)})")


def _get(data: Any, path: PathKey) -> Any:
    for p in path:
        data = data[p]
    return data


def _allowed_keys(model: type[BaseModel], data: Any, parent: PathKey) -> list[str]:
    """The keys the schema allows at `parent`, found by walking the model along the path."""
    cur: Any = model
    for p in parent:
        cur = _child_model(cur, p)
        if cur is None:
            return []
    if isinstance(cur, type) and issubclass(cur, BaseModel):
        return list(cur.model_fields)
    return []


def _child_model(cur: Any, key: Any) -> Any:
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
