"""The fast check of a plan file's shape: pydantic's verdict, without importing pydantic.

The models of `ezplan.schema` are the one source of truth; `plan_shape.json` is derived from
them (`python -m ezplan.schema`, and a test keeps it so). Here it is read into one small
function per type that checks a value as pydantic's strict mode does and builds `Record`s with
the models' field names and defaults. Data that fails the check is handed to pydantic
(`ezplan.validation`), which says what is wrong: the fast check only has to agree with it on
what passes. Importing and building the models costs some 130 ms a run; this, under one.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any


class Mismatch(Exception):
    """The data is not of the shape: pydantic will say why."""


_MISMATCH = Mismatch()


class Record:
    """A validated mapping of a model: its fields as attributes (missing ones at their
    defaults). Its class is named after the model (``FigureSpec`` …)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__ = values

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.__dict__!r})"


Check = Callable[[Any], Any]


@cache
def _table() -> dict[str, Any]:
    return json.loads(Path(__file__).with_name("plan_shape.json").read_text(encoding="utf-8"))


@cache
def checker(model: str) -> Check:
    """The check of `model` (``Baselines``, ``Targets``): the data as Records, or Mismatch."""
    table = _table()
    made: dict[str, Check] = {}

    def model_check(name: str) -> Check:
        if name in made:
            return made[name]
        cls = type(name, (Record,), {"__slots__": ()})
        checks: dict[str, Check] = {}  # each field's check
        # every field in order, at its default: a record starts as a copy (most fields of a
        # mapping are not written), then takes the fields written, a new dict or list for each
        # field whose default is one, and must have been given the required ones
        defaults: dict[str, Any] = {}
        fresh: list[tuple[str, Callable[[], Any]]] = []
        required: list[str] = []

        def check(v: Any) -> Any:
            if type(v) is not dict:
                raise _MISMATCH
            values = defaults.copy()
            for k, x in v.items():
                sub = checks.get(k)
                if sub is None:  # an unknown key, or one that is not text
                    raise _MISMATCH
                values[k] = sub(x)
            for field in required:
                if field not in v:
                    raise _MISMATCH
            for field, new in fresh:
                if field not in v:
                    values[field] = new()
            return cls(values)

        made[name] = check
        for field, (is_required, default, kind) in table[name].items():
            checks[field] = compile_type(kind, model_check)
            defaults[field] = default[1] if default[0] == "value" else None
            if default[0] == "new":
                fresh.append((field, {"dict": dict, "list": list}[default[1]]))
            if is_required:
                required.append(field)
        return check

    return model_check(model)


def empty(model: str) -> Any:
    """A model with nothing in it: every field at its default."""
    return checker(model)({})


def compile_type(kind: list[Any], model: Callable[[str], Check]) -> Check:
    """The check of one type of `plan_shape.json`."""
    return _compile(kind, model)[0]


def _compile(kind: list[Any], model: Callable[[str], Check]) -> tuple[Check, set[type], bool]:
    """The check of a type, the Python types it can accept (to try a union's members only
    where they could fit), and whether it accepts every value of those types as it is."""
    tag = kind[0]
    if tag == "str":
        return _text(kind[1]), {str}, kind[1] is None
    if tag == "int":
        return _integer(kind[1], kind[2]), {int}, kind[1] is None and kind[2] is None
    if tag == "bool":
        return _bool, {bool}, True
    if tag == "none":
        return _none, {type(None)}, True
    if tag == "union":
        members = [_compile(k, model) for k in kind[1]]
        accepts = set().union(*(accepts for _, accepts, _ in members))
        if all(by_type for _, _, by_type in members):  # text or nothing, a number or text …
            return _of_type(frozenset(accepts)), accepts, True
        return _union(members), accepts, False
    if tag == "list":
        return _list(compile_type(kind[1], model), kind[2], kind[3]), {list}, False
    if tag == "dict":
        return _dict(compile_type(kind[1], model), compile_type(kind[2], model)), {dict}, False
    if tag == "model":  # a model's check is registered before its fields are compiled, so a
        # model that contains itself finds it here
        return model(kind[1]), {dict}, False
    raise AssertionError(f"unknown type in plan_shape.json: {kind}")


def _of_type(types: frozenset[type]) -> Check:
    def check(v: Any) -> Any:
        if type(v) not in types:
            raise _MISMATCH
        return v

    return check


def _text(pattern: str | None) -> Check:
    if pattern is None:

        def check(v: Any) -> Any:
            if type(v) is not str:
                raise _MISMATCH
            return v

        return check
    # pydantic's regular expressions are Rust's: $ is the end of the text, not a final newline
    rx = re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern)

    def matched(v: Any) -> Any:
        if type(v) is not str or rx.search(v) is None:
            raise _MISMATCH
        return v

    return matched


def _integer(ge: int | None, le: int | None) -> Check:
    def check(v: Any) -> Any:
        if type(v) is not int or (ge is not None and v < ge) or (le is not None and v > le):
            raise _MISMATCH
        return v

    return check


def _bool(v: Any) -> Any:
    if v is not True and v is not False:
        raise _MISMATCH
    return v


def _none(v: Any) -> Any:
    if v is not None:
        raise _MISMATCH
    return v


def _union(members: list[tuple[Check, set[type], bool]]) -> Check:
    by_type: dict[type, list[Check]] = {}
    for check, accepts, _ in members:
        for t in accepts:
            by_type.setdefault(t, []).append(check)

    def check(v: Any) -> Any:
        for m in by_type.get(type(v), ()):
            try:
                return m(v)
            except Mismatch:
                continue
        raise _MISMATCH

    return check


def _list(item: Check, least: int | None, most: int | None) -> Check:
    def check(v: Any) -> Any:
        if type(v) is not list:
            raise _MISMATCH
        if (least is not None and len(v) < least) or (most is not None and len(v) > most):
            raise _MISMATCH
        out = None  # a copy only once an item changes (a mapping that becomes a Record)
        for i, x in enumerate(v):
            y = item(x)
            if y is not x and out is None:
                out = v[:i]
            if out is not None:
                out.append(y)
        return v if out is None else out

    return check


def _dict(key: Check, value: Check) -> Check:
    def check(v: Any) -> Any:
        if type(v) is not dict:
            raise _MISMATCH
        out = None  # a copy only once a value changes
        for i, (k, x) in enumerate(v.items()):
            key(k)
            y = value(x)
            if y is not x and out is None:
                out = dict(itertools.islice(v.items(), i))
            if out is not None:
                out[k] = y
        return v if out is None else out

    return check
