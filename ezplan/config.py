"""Settings from `ezplan.toml` or the `[tool.ezplan]` table of `pyproject.toml`.

The nearest such file at or above the working directory is used (an `ezplan.toml` wins over a
`pyproject.toml` in the same directory); command-line options override it. Keys:

    select = ["level-rate", "growth-rate"]   # only these rules
    ignore = ["history"]                     # skip these rules
    strict = true                            # warnings fail too
    strict_unchecked = false                 # …but targets that cannot be checked do not
    lang = "zh"                              # language of messages, help and `ezplan init`
    on_track = 0.95                          # progress: ratio of achieved to required rate
    moderate = 0.6
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ezplan.errors import InputError, Mark
from ezplan.i18n import Message
from ezplan.settings_files import candidates

if TYPE_CHECKING:
    import tomllib

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
    import tomllib  # here: most runs have no settings file, and its import costs some 5 ms

    from ezplan.source import read_bytes

    raw = read_bytes(path, _shown(path), MAX_SETTINGS_BYTES)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        bad = raw[e.start : e.start + 1].hex().upper()
        raise InputError(Mark(_shown(path), 1, 1), "cfg.not_utf8", byte=bad) from None
    except tomllib.TOMLDecodeError as e:
        raise _toml_error(path, raw, e) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        data = tool.get("ezplan") if isinstance(tool, dict) else None
        if data is None:
            return None
    if not isinstance(data, dict):
        raise InputError(Mark(_shown(path), 1, 1), "cfg.not_a_table")
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
    return InputError(
        Mark(_shown(path), line or 1, col or 1), "cfg.toml", problem=toml_words(message)
    )


# tomllib's messages (Python 3.11–3.14) and the words the catalogue has for each
_TOML_PATTERNS = (
    (r"Invalid statement", "toml.invalid_statement"),
    (r"Expected newline or end of document after a statement", "toml.expected_newline"),
    (r"Expected (?P<what>'.*')", "toml.expected"),
    (r"Found invalid character (?P<char>'.*')", "toml.invalid_character"),
    (r"Cannot declare (?P<key>.*) twice", "toml.declared_twice"),
    (r"Cannot overwrite a value", "toml.overwrite"),
    (r"Expected '\]' at the end of a table declaration", "toml.table_end"),
    (r"Expected '\]\]' at the end of an array declaration", "toml.array_end"),
    (r"Cannot mutate immutable namespace (?P<key>.*)", "toml.immutable"),
    (r"Cannot redefine namespace (?P<key>.*)", "toml.redefine"),
    (r"Expected '=' after a key in a key/value pair", "toml.expected_equals"),
    (r"Invalid initial character for a key part", "toml.key_start"),
    (r"Unclosed array", "toml.unclosed_array"),
    (r"Duplicate inline table key (?P<key>.*)", "toml.duplicate_inline_key"),
    (r"Unclosed inline table", "toml.unclosed_inline_table"),
    (r"Unescaped '\\' in a string", "toml.unescaped_backslash"),
    (r"Invalid hex value", "toml.hex"),
    (r"Escaped character is not a Unicode scalar value", "toml.not_scalar"),
    (r"Unterminated string", "toml.unterminated_string"),
    (r"Illegal character (?P<char>.*)", "toml.illegal_character"),
    (r"Invalid date or datetime", "toml.datetime"),
    (r"Invalid value", "toml.invalid_value"),
)


@functools.cache
def _toml_words() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(pattern), key) for pattern, key in _TOML_PATTERNS]


def toml_words(message: str) -> Message:
    """tomllib's message in words of the catalogue when it is one tomllib is known to give (the
    English is then the same), else as tomllib says it."""
    for pattern, key in _toml_words():
        if m := pattern.fullmatch(message):
            words = Message(key, **m.groupdict())
            if words.text("en") == message:
                return words
    return Message.external(message)


def find_config(start: Path | None = None) -> Config:
    """The settings of the nearest file that has some (`ezplan.settings_files`)."""
    for name in candidates(str(start) if start is not None else None):
        p = Path(name)
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
                "cfg.unknown_rule",
                key=key,
                code=code,
                hint=hint(code, known),
                known=", ".join(known),
            )


def _parse(table: dict, path: Path) -> Config:
    where = Mark(_shown(path), 1, 1)
    unknown = set(table) - KEYS
    if unknown:
        raise InputError(
            where,
            "cfg.unknown_settings",
            names=", ".join(sorted(unknown)),
            keys=", ".join(sorted(KEYS)),
        )
    for key in ("select", "ignore"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(where, "cfg.list_of_codes", key=key)
        _known_codes(where, key, value)
    for key in ("strict", "strict_unchecked"):
        if not isinstance(table.get(key, False), bool):
            raise InputError(where, "cfg.bool", key=key)
    lang = table.get("lang")
    if lang is not None and lang not in ("zh", "en"):
        raise InputError(where, "cfg.lang")
    for key in ("on_track", "moderate"):
        value = table.get(key, 0.5)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 10:
            raise InputError(where, "cfg.ratio", key=key)
    if float(table.get("moderate", 0.6)) > float(table.get("on_track", 0.95)):
        raise InputError(where, "cfg.order")
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
