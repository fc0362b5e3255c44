"""Did-you-mean: the known names closest to a misspelt one, for ids, keys and rule codes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ezplan.i18n import Either, Message


def close_matches(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` candidates that look like `word`: a close spelling, or one containing the other."""
    pool = list(dict.fromkeys(candidates))
    folded = {c.casefold(): c for c in pool}
    w = word.casefold()
    found = [folded[m] for m in difflib.get_close_matches(w, list(folded), n=n, cutoff=0.75)]
    if len(w) >= 2:
        found += [c for c in pool if c not in found and (w in c.casefold() or c.casefold() in w)]
    return found[:n]


def hint(word: str, candidates: Iterable[str]) -> Message | str:
    """'; did you mean 'annual'?' (；是否应为“annual”？) — or nothing when no candidate is close.
    A message of the catalogue, shown in the language of the message it is part of."""
    found = close_matches(word, candidates)
    if not found:
        return ""
    return Message("did_you_mean", names=Either(found))


def near_miss(a: str, b: str) -> bool:
    """Two ids one slip apart: a letter added, dropped, changed or two swapped; case or _ aside."""
    x, y = a.casefold().replace("_", ""), b.casefold().replace("_", "")
    if x == y:
        return True
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]]
        )
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


class NearMisses:
    """The ids one slip away from a word (`near_miss`), found through an index of every id with
    each letter left out in turn — a slip leaves one letter out, or the same out of both —
    rather than by comparing the word with every id. A slip changes the length by one at most,
    so the ids are indexed by length, for the lengths asked about only."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.order: dict[str, int] = {}
        self.by_length: dict[int, list[str]] = {}  # the ids by their length folded
        for i, x in enumerate(ids):
            if x not in self.order:
                self.order[x] = i
                self.by_length.setdefault(len(_fold(x)), []).append(x)
        self.index: dict[str, list[str]] = {}
        self.indexed: set[int] = set()  # the lengths whose ids are in the index

    def of(self, word: str) -> list[str]:
        """The ids `near_miss` matches with `word`, in the order they were given."""
        folded = _fold(word)
        for n in (len(folded) - 1, len(folded), len(folded) + 1):
            if n not in self.indexed:
                self.indexed.add(n)
                for x in self.by_length.get(n, ()):
                    for key in _deletions(_fold(x)):
                        self.index.setdefault(key, []).append(x)
        found = {x for key in _deletions(folded) for x in self.index.get(key, ())}
        return sorted((x for x in found if near_miss(word, x)), key=self.order.__getitem__)


def _fold(word: str) -> str:
    return word.casefold().replace("_", "")


def _deletions(x: str) -> set[str]:
    return {x, *(x[:i] + x[i + 1 :] for i in range(len(x)))}
