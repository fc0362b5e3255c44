"""Periods as plans write them: 2021-2025, 2021—2025年, 2021至2025年, or one year."""

from __future__ import annotations

import functools
import re

from ezplan.errors import MessageError
from ezplan.figures import normalize_digits


class PeriodError(MessageError):
    """A period that cannot be read (a ValueError), its message in both languages."""


def period_error(text: str) -> PeriodError:
    return PeriodError("period.unreadable", text=text)


_SEP = r"(?:-+|—+|–+|~|至|到)"
_PERIOD_RE = re.compile(rf"^([0-9]{{4}})\s*年?\s*{_SEP}\s*([0-9]{{4}})\s*年?$")
_YEAR_RE = re.compile(r"^([0-9]{4})\s*年?$")  # 0-9 only: no other script's digits
FIRST_YEAR, LAST_YEAR = 1900, 2200


@functools.lru_cache(maxsize=4096, typed=True)  # plans write a few periods many times
def parse_period(value: str | int) -> tuple[int, int]:
    """`2021-2025` → (2020, 2025): a period's base year is the year before its first year.

    Plans write 2021-2025, 2021—2025, 2021－2025, 2021年-2025年, 2021至2025年 or one year.
    """
    text = normalize_digits(str(value).strip()).translate({0x2212: "-"})
    if m := _PERIOD_RE.match(text):
        first, last = int(m.group(1)), int(m.group(2))
        if first > last:
            raise PeriodError("period.backwards", text=text)
    elif m := _YEAR_RE.match(text):
        first = last = int(m.group(1))
    else:
        raise period_error(text)
    if not (first > FIRST_YEAR and last <= LAST_YEAR):
        raise PeriodError("period.out_of_range", text=text, first=FIRST_YEAR + 1, last=LAST_YEAR)
    return first - 1, last
