"""The drafts as YAML text: ordered keys, every string double-quoted (JSON escaping is valid YAML),
so a quote never changes meaning and a figure keeps its digits."""

from __future__ import annotations

import json
from typing import Any


def _scalar(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if v is None:
        return "null"
    return json.dumps(str(v), ensure_ascii=False)


def _key(k: Any) -> str:
    if isinstance(k, int):
        return str(k)
    s = str(k)
    return s if s.replace("_", "a").isalnum() and s.isascii() else json.dumps(s, ensure_ascii=False)


def dump(data: Any, indent: int = 0) -> str:
    """YAML for nested dicts, lists and scalars."""
    return "".join(_lines(data, indent))


def _lines(data: Any, indent: int):
    pad = " " * indent
    if isinstance(data, dict):
        for k, v in data.items():
            if (isinstance(v, dict) and v) or (isinstance(v, list) and v):
                yield f"{pad}{_key(k)}:\n"
                yield from _lines(v, indent + 2)
            elif isinstance(v, dict | list):
                yield f"{pad}{_key(k)}: {'{}' if isinstance(v, dict) else '[]'}\n"
            else:
                yield f"{pad}{_key(k)}: {_scalar(v)}\n"
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, dict) and item:
                first = True
                for line in _lines(item, indent + 2):
                    if first:
                        yield f"{pad}- {line[indent + 2 :]}"
                        first = False
                    else:
                        yield line
            elif isinstance(item, list):
                raise ValueError("nested lists are not written")
            else:
                yield f"{pad}- {_scalar(item)}\n"
    else:
        yield f"{pad}{_scalar(data)}\n"
