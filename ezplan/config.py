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

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ezplan.errors import InputError, Mark

MAX_SETTINGS_BYTES = 1024 * 1024
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


def _shown(path: Path) -> str:
    from ezplan.loader import display_path

    return display_path(path)


def _table(path: Path) -> dict | None:
    from ezplan.source import read_bytes

    raw = read_bytes(path, _shown(path), MAX_SETTINGS_BYTES)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise InputError(Mark(_shown(path), 1, 1), f"cannot read settings: {e}") from None
    except tomllib.TOMLDecodeError as e:
        raise _toml_error(path, raw, e) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        data = tool.get("ezplan") if isinstance(tool, dict) else None
        if data is None:
            return None
    if not isinstance(data, dict):
        raise InputError(Mark(_shown(path), 1, 1), "[tool.ezplan] must be a table of settings")
    return data


_TOML_AT_RE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")


def _toml_error(path: Path, raw: bytes, e: tomllib.TOMLDecodeError) -> InputError:
    """The position tomllib puts in its message (Python < 3.14 has no lineno), as a Mark."""
    message = str(e.args[0]) if e.args else str(e)
    line, col = getattr(e, "lineno", None), getattr(e, "colno", None)
    if m := _TOML_AT_RE.search(message):
        message = message[: m.start()]
        if m.group(1):
            line, col = int(m.group(1)), int(m.group(2))
        else:  # the end of the document: just after its last character
            lines = raw.decode("utf-8", "replace").split("\n")
            line, col = len(lines), len(lines[-1]) + 1
    return InputError(Mark(_shown(path), line or 1, col or 1), f"not valid TOML: {message}")


def find_config(start: Path | None = None) -> Config:
    try:
        here = (start or Path.cwd()).resolve()
    except (OSError, RuntimeError):  # the working directory was removed
        return Config()
    for d in [here, *here.parents]:
        for name in ("ezplan.toml", "pyproject.toml"):
            p = d / name
            try:
                present = p.is_file()
            except OSError:  # a directory that cannot be searched holds no settings we can use
                present = False
            if present:
                table = _table(p)
                if table is not None:
                    return _parse(table, p)
    return Config()


def _known_codes(where: Mark, key: str, codes: list[str]) -> None:
    from ezplan import rules
    from ezplan.suggest import hint

    known = [r.code for r in rules.all_rules()]
    for code in codes:
        if code not in known:
            raise InputError(
                where,
                f"{key}: unknown rule code {code!r}{hint(code, known)}; known: {', '.join(known)}",
            )


def _parse(table: dict, path: Path) -> Config:
    where = Mark(_shown(path), 1, 1)
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
        _known_codes(where, key, value)
    for key in ("strict", "strict_unchecked"):
        if not isinstance(table.get(key, False), bool):
            raise InputError(where, f"{key} must be true or false")
    lang = table.get("lang")
    if lang is not None and lang not in ("zh", "en"):
        raise InputError(where, "lang must be zh or en")
    for key in ("on_track", "moderate"):
        value = table.get(key, 0.5)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 10:
            raise InputError(
                where, f"{key} must be a number from 0 to 10 (a ratio of rates, e.g. 0.95)"
            )
    if float(table.get("moderate", 0.6)) > float(table.get("on_track", 0.95)):
        raise InputError(where, "moderate must not be above on_track (0 ≤ moderate ≤ on_track)")
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
