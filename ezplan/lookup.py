"""Finding an indicator by what a person types: its id, its Chinese or English name, or a part
of a name — and a did-you-mean when nothing matches."""

from __future__ import annotations

from ezplan.model import Plan
from ezplan.suggest import close_matches


class NotFound(LookupError):
    """No single indicator answers to the query; `candidates` are the ones it might mean."""

    def __init__(self, query: str, candidates: list[str], ambiguous: bool) -> None:
        super().__init__(query)
        self.query = query
        self.candidates = candidates
        self.ambiguous = ambiguous


def find_indicator(plan: Plan, query: str, among: list[str] | None = None) -> str:
    """The id of the indicator `query` names: exact id, exact name, then a unique part of a name.

    `among` limits the search (e.g. to the targets)."""
    ids = among if among is not None else list(plan.indicators)
    q = query.strip()
    if q in ids:
        return q
    names = {iid: _names(plan, iid) for iid in ids}
    exact = [iid for iid, ns in names.items() if q.casefold() in (n.casefold() for n in ns)]
    if len(exact) == 1:
        return exact[0]
    part = [iid for iid, ns in names.items() if any(q.casefold() in n.casefold() for n in ns)]
    if len(part) == 1 and q:
        return part[0]
    if len(exact) > 1 or len(part) > 1:
        raise NotFound(query, exact or part, ambiguous=True)
    # 社零 for 社会消费品零售总额: an abbreviation keeps the characters in order
    abbreviated = [
        iid for iid, ns in names.items() if len(q) >= 2 and any(_in_order(q, n) for n in ns)
    ]
    if len(abbreviated) == 1:
        return abbreviated[0]
    if len(abbreviated) > 1:
        raise NotFound(query, abbreviated, ambiguous=True)
    by_name = {n: iid for iid, ns in names.items() for n in ns}
    guesses = close_matches(q, [*ids, *by_name])
    raise NotFound(query, list(dict.fromkeys(by_name.get(g, g) for g in guesses)), False)


def _in_order(query: str, name: str) -> bool:
    rest = iter(name.casefold())
    return all(ch in rest for ch in query.casefold())


def _names(plan: Plan, iid: str) -> list[str]:
    ind = plan.indicators[iid]
    return [n for n in (ind.name, ind.name_en) if n]


def describe(plan: Plan, iid: str, lang: str = "en") -> str:
    """exports (出口总额), in Chinese exports（出口总额）, for lists of candidates."""
    name = plan.indicators[iid].name
    return f"{iid}（{name}）" if lang == "zh" else f"{iid} ({name})"


def describe_all(plan: Plan, iids: list[str]) -> dict[str, str]:
    """A list of candidates in each language: a, b / a、b."""
    return {
        "en": ", ".join(describe(plan, c, "en") for c in iids),
        "zh": "、".join(describe(plan, c, "zh") for c in iids),
    }
