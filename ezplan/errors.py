"""Where a figure came from, and the one error type for input the tool cannot use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Mark:
    """A 1-based position in a source file."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class InputError(Exception):
    """Input that cannot be used; printed as one line `file:line:col: message`."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message

    def __str__(self) -> str:
        return f"{self.mark}: {self.message}"
