"""Settings from `ezplan.toml` or the `[tool.ezplan]` table of `pyproject.toml`.

The nearest such file at or above the working directory is used (an `ezplan.toml` wins over a
`pyproject.toml` in the same directory); command-line options override it. Keys:

    select = ["level-rate", "growth-rate"]   # only these rules
    ignore = ["history"]                     # skip these rules
    strict = true                            # warnings fail too
    strict_unchecked = false                 # …but targets that cannot be checked do not
    lang = "zh"                              # message language
    on_track = 0.95                          # progress: ratio of achieved to required rate
    moderate = 0.6
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ezplan.errors import InputError, Mark

KEYS = {"select", "ignore", "strict", "strict_unchecked", "lang", "on_track", "moderate"}


@dataclass(frozen=True)
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    strict: bool = False
    strict_unchecked: bool = True
    lang: str | None = None
    on_track: float = 0.95
    moderate: float = 0.6
    source: str | None = None


def _table(path: Path) -> dict | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(Mark(str(path), 1, 1), f"cannot read settings: {e}") from None
    except tomllib.TOMLDecodeError as e:
        line = getattr(e, "lineno", 1) or 1
        col = getattr(e, "colno", 1) or 1
        raise InputError(Mark(str(path), line, col), f"not valid TOML: {e.args[0]}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("ezplan")
    return data


def find_config(start: Path | None = None) -> Config:
    here = (start or Path.cwd()).resolve()
    for d in [here, *here.parents]:
        for name in ("ezplan.toml", "pyproject.toml"):
            p = d / name
            if p.is_file():
                table = _table(p)
                if table is not None:
                    return _parse(table, p)
    return Config()


def _parse(table: dict, path: Path) -> Config:
    where = Mark(str(path), 1, 1)
    unknown = set(table) - KEYS
    if unknown:
        raise InputError(
            where,
            f"unknown setting(s) {', '.join(sorted(unknown))}; expected {', '.join(sorted(KEYS))}",
        )
    for key in ("select", "ignore"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(where, f"{key} must be a list of rule codes")
    for key in ("strict", "strict_unchecked"):
        if not isinstance(table.get(key, False), bool):
            raise InputError(where, f"{key} must be true or false")
    lang = table.get("lang")
    if lang is not None and lang not in ("zh", "en"):
        raise InputError(where, "lang must be zh or en")
    for key in ("on_track", "moderate"):
        if key in table and not isinstance(table[key], int | float):
            raise InputError(where, f"{key} must be a number (a ratio of rates, e.g. 0.95)")
    return Config(
        list(table.get("select", [])),
        list(table.get("ignore", [])),
        bool(table.get("strict", False)),
        bool(table.get("strict_unchecked", True)),
        lang,
        float(table.get("on_track", 0.95)),
        float(table.get("moderate", 0.6)),
        str(path),
    )
