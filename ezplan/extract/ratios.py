"""The sectors' shares of output written as one ratio: 三次产业结构由18.1:38.8:43.1调整为
14.2:35.0:50.8. Each part is a figure of its own sector (三次产业结构：第一产业 …), at the year the
ratio is stated for (the first of a 由…调整为… pair at the start of the period). The parts carry
no unit in the text, so none is given to them: they are listed for review, not placed.

Any other a:b:c stays what `tokens` says it is: a ratio, skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SUBJECT = r"(?P<subject>(?:三次|一二三|一、二、三)产业(?:结构|比重|比例|构成|比)?)"
_NUM = r"\d+(?:\.\d+)?"
_TRIPLE = rf"({_NUM})\s*[:：]\s*({_NUM})\s*[:：]\s*({_NUM})(?!\s*[:：\d])"
_RATIO_RE = re.compile(
    rf"{_SUBJECT}(?P<lead>[^，,；;。\d]{{0,6}}?){_TRIPLE}"
    rf"(?:(?P<to>[^，,；;。\d]{{0,4}}?(?:为|到|至))\s*{_TRIPLE})?"
)
SECTORS = ("第一产业", "第二产业", "第三产业")


@dataclass
class RatioPart:
    start: int  # offset of the number in the folded sentence
    value: str  # as written
    indicator: str  # 三次产业结构：第一产业
    starting: bool  # the 由/从 side of a change: the level before it


def sector_ratios(text: str) -> list[RatioPart]:
    """Every part of every sector ratio in a folded sentence."""
    parts: list[RatioPart] = []
    for m in _RATIO_RE.finditer(text):
        subject = m.group("subject")
        pair = m.group("to") is not None
        starting = pair or bool(re.search(r"(由|从)\s*$", m.group("lead")))
        for k in range(3):
            g = 3 + k  # groups 1 and 2 are subject and lead
            parts.append(RatioPart(m.start(g), m.group(g), f"{subject}：{SECTORS[k]}", starting))
        if pair:
            for k in range(3):
                g = 7 + k  # group 6 is the verb before the second ratio
                parts.append(RatioPart(m.start(g), m.group(g), f"{subject}：{SECTORS[k]}", False))
    return parts
