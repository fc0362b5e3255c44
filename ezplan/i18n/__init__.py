"""Every string a user reads, in Chinese and English: one catalogue, looked up by id.

The catalogue is assembled from one module per area (``ui`` for the terminal views, ``reports``
for exports and reports), so that each area's words live together; ids are unique across them.
Rule messages live with their rules (``MESSAGES`` in each rule module).
"""

from __future__ import annotations

import os

from ezplan.i18n import reports, ui

LANGS = ("zh", "en")


def _assemble(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for table in tables:
        clash = out.keys() & table.keys()
        assert not clash, f"message ids defined twice: {sorted(clash)}"
        out |= table
    return out


TEXT = _assemble(ui.TEXT, reports.TEXT)


def t(key: str, lang: str, **kw: object) -> str:
    entry = TEXT[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**kw) if kw else text


def counted(n: int, word: str, lang: str) -> str:
    """3 errors, 1 warning in English; the bare number in Chinese, whose words carry no plural."""
    if lang != "en":
        return str(n)
    return f"{n}\u00a0{word}" if n == 1 else f"{n}\u00a0{word}s"


def plan_period(base_year: int, end_year: int, lang: str) -> str:
    """规划期 2021—2025年（基期 2020年）: the years a plan runs over, and its base year."""
    return t("period", lang, first=base_year + 1, end=end_year, base=base_year)


def default_lang() -> str:
    """zh when the locale is Chinese, else en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
