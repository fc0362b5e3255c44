"""Where settings may be: `ezplan.toml` or `pyproject.toml` at or above the working directory."""

from __future__ import annotations

import os
from collections.abc import Iterator

NAMES = ("ezplan.toml", "pyproject.toml")  # an ezplan.toml wins in the same directory


def candidates(start: str | None = None) -> Iterator[str]:
    """Each settings file from `start` (default: the working directory) upwards, nearest first.
    A directory that cannot be searched holds none we can use."""
    try:
        here = os.path.realpath(start if start is not None else os.getcwd())
    except (OSError, RuntimeError):  # the working directory was removed
        return
    while True:
        for name in NAMES:
            path = os.path.join(here, name)
            if os.path.isfile(path):
                yield path
        parent = os.path.dirname(here)
        if parent == here:
            return
        here = parent
