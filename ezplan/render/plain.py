"""Output to a rich console that writes text itself wherever rich would print it unchanged.

Without colour, rich prints a `Text` whose lines all fit the width as those lines; laying them
out through rich costs a hundred microseconds a line. `Plain` writes such text as it is, and
hands everything else — colour, a line too wide, a tab, an ASCII-only or legacy Windows
console — to rich, in order. The tests compare both ways on the same reports.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from ezplan.render.wrap import cells

HELD = 1 << 20
"""The most characters held before they are written."""


class Plain:
    def __init__(self, console: Console) -> None:
        self.console = console
        self.width = console.width
        self.plain = (
            console.color_system is None
            and not console.legacy_windows
            and not console.options.ascii_only
            and not console.quiet
            and not console.record
        )
        self._buffer: list[str] = []
        self._held = 0  # characters in the buffer

    def _hold(self, text: str) -> None:
        self._buffer.append(text)
        self._held += len(text)
        if self._held > HELD:  # a report of a hundred thousand findings: written as it goes
            self.flush()

    def fits(self, line: str) -> bool:
        return "\t" not in line and cells(line) <= self.width

    def text(self, text: str) -> bool:
        """Write `text` (lines, each ending in a newline) if rich would print it unchanged."""
        if not self.plain or not all(self.fits(line) for line in text.split("\n")):
            return False
        self._hold(text)
        return True

    def fitted(self, text: str, fit: bool) -> bool:
        """`text`, where the caller knows whether its lines fit (`fit`: measured as they were
        made); else as `text` finds it."""
        if fit and self.plain and "\t" not in text:
            self._hold(text)
            return True
        return self.text(text)

    def write(self, text: str) -> None:
        """Write `text` as it is (the caller knows rich would)."""
        self._hold(text)

    def rich(self, *renderables: Any) -> None:
        """`console.print(*renderables)`, as text where that is the same."""
        if not renderables and self.plain:
            self._hold("\n")
            return
        if len(renderables) == 1 and _simple(renderables[0]):
            r = renderables[0]
            if self.text(r.plain + r.end):
                return
        self.flush()
        self.console.print(*renderables)

    def table_rows(self, rows: list[list[str]], widths: list[int], right: list[bool]) -> str | None:
        """The body rows of a rich table with boxes of spaces, no edge and padding of one
        between columns (`box.SIMPLE_HEAD`, ``pad_edge=False``): each cell's lines justified
        in its column, cells aligned at the top. None when a line does not fit its column."""
        last = len(widths) - 1
        out: list[str] = []
        for row in rows:
            split = [cell.split("\n") for cell in row]
            for i in range(max(len(c) for c in split)):
                parts = []
                for j, cell in enumerate(split):
                    content = cell[i] if i < len(cell) else ""
                    if right[j]:
                        content = content.rstrip()
                    if "\t" in content:
                        return None
                    pad = widths[j] - cells(content)
                    if pad < 0:
                        return None
                    body = " " * pad + content if right[j] else content + " " * pad
                    parts.append(("" if j == 0 else " ") + body + ("" if j == last else " "))
                out.append(" ".join(parts))
        return "".join(line + "\n" for line in out)

    def flush(self) -> None:
        if self._buffer:
            self.console.file.write("".join(self._buffer))
            self._buffer = []
            self._held = 0


def _simple(r: Any) -> bool:
    """A Text that rich prints as its lines when they fit: no justification to pad it."""
    return isinstance(r, Text) and r.justify in (None, "default") and "\t" not in r.plain
