"""Character folding that keeps positions: full-width digits and signs to ASCII, one for one.

Every later step finds figures in the folded text and reports offsets that are valid in the
original, so a column always points at the character as the document writes it.
"""

from __future__ import annotations

_TABLE = {0xFF10 + i: 0x30 + i for i in range(10)}  # ０-９
_TABLE |= {0xFF21 + i: 0x41 + i for i in range(26)}  # Ａ-Ｚ
_TABLE |= {0xFF41 + i: 0x61 + i for i in range(26)}  # ａ-ｚ
_TABLE |= {ord(a): ord(b) for a, b in zip("％．～－＋／", "%.~-+/", strict=True)}
_TABLE[0x3000] = 0x20  # ideographic space


def fold(text: str) -> str:
    """Full-width digits, letters and %.~-+/ to ASCII; the length never changes."""
    return text.translate(_TABLE)


PLACE_WORDS = (
    "全市",
    "全省",
    "全区",
    "全县",
    "全州",
    "全盟",
    "全自治区",
    "全国",
    "我市",
    "我省",
    "我区",
    "我县",
    "我州",
    "本市",
    "本省",
    "全市域",
)


# the end of a zone's name: a part of the place (三江新区, 自贸区青岛片区, 综保区, 复兴城产业园)
ZONE_SUFFIX = (
    r"(?:片区|新区|新城|示范区|开发区|产业园区?|园区|高新区|保税区|综保区|经开区|试验区|合作区)"
)


def strip_place(name: str, keep_one: bool = True) -> str:
    """A subject without the place words a plan puts before it (全市, 我省 …)."""
    s = name
    changed = True
    while changed:
        changed = False
        for w in PLACE_WORDS:
            if s.startswith(w) and (len(s) > len(w) or not keep_one):
                s = s[len(w) :]
                changed = True
    return s
