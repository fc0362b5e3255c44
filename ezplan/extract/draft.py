"""Statements → draft plan files: one indicator per subject, every figure in its slot.

Figures of the same subject (after place words such as 全市 are dropped) join one indicator, split
by dimension (an amount and a percentage of the same name are two indicators). Observed figures go
to `baselines.yaml` (levels by year, growth and cumulative amounts over past periods, shares);
goals to `targets.yaml` (one target per indicator and period; the plan's period is the default),
figures with no year to `projects`. Every figure keeps its verbatim quote and its line in the
document, and a `review:` note on every guess. A figure that has no slot (an absolute change, a
change in points over a past period, an annual rate whose period is unknown, a unit ezplan does
not read) or that would clash with another in its slot is left out and listed, never dropped
silently and never bent to fit.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ezplan.extract.ids import IdMaker
from ezplan.extract.statements import Found, Reading
from ezplan.extract.text import strip_place
from ezplan.units import UnitError, parse_unit

_LEVELISH = ("level", "count", "cumulative", "change_abs")
_GROWTH = ("annual", "total", "change_pp")


@dataclass
class _Indicator:
    name: str
    dim: str | None
    figures: list[Found] = field(default_factory=list)
    id: str = ""
    unit: str | None = None
    notes: list[str] = field(default_factory=list)
    part_of: str | None = None  # a name

    def is_percent(self) -> bool:
        return self.dim == "percent"


@dataclass
class _Slot:
    """The figures in one place of a draft: one, or the same amount in several units."""

    figures: list[Found]

    def spec(self) -> Any:
        specs = [_spec(f) for f in self.figures]
        return specs[0] if len(specs) == 1 else specs


@dataclass
class Draft:
    baselines: dict[str, Any]
    targets: dict[str, Any]
    placed: list[Found]
    unplaced: list[Found]


def _unit_spelling(unit: str) -> str:
    return {"㎡": "平方米", "m²": "平方米", "m2": "平方米", "m": "米"}.get(unit, unit)


def _dimension(f: Found) -> str | None:
    if f.kind in _GROWTH:
        return None
    if f.kind == "share":
        return None
    if f.unit in ("%",):
        return "percent"
    try:
        u = parse_unit(_unit_spelling(f.unit))
    except UnitError:
        return None
    if u.dimension.startswith("money:"):
        return "money"
    return u.dimension


def name_key(name: str) -> str:
    """The form two subjects are compared in: no place words, spaces or quotation marks."""
    s = re.sub(r"[\s“”\"‘’「」]", "", name)
    return strip_place(s)


def _spec(f: Found) -> dict[str, Any]:
    out: dict[str, Any] = {"value": f.text, "quote": f.quote, "line": f.line}
    if f.review:
        out["review"] = f.review
    return out


def _part_name(f: Found) -> str:
    """The indicator a figure is drafted under: for a share, the part (网络零售额 of
    网络零售额占社会消费品零售总额)."""
    if f.kind == "share":
        from ezplan.extract.statements import split_share

        return split_share(f.indicator)[0]
    return f.indicator


def _guess_unit(name: str) -> str:
    if re.search(r"率|比重|占比|比例|指数|强度", name):
        return "%"
    if re.search(r"人口|就业|人数|人次|游客", name):
        return "万人"
    return "亿元"


class _Builder:
    def __init__(self, reading: Reading, document: str) -> None:
        self.r = reading
        self.document = document
        self.groups: dict[tuple[str, str | None], _Indicator] = {}
        self.ids = IdMaker()
        self.placed: list[Found] = []
        self.unplaced: list[Found] = []
        plan = reading.plan
        self.plan = plan
        self.base_year = plan[0] - 1 if plan else None
        self.renamed: dict[int, str] = {}

    # -- grouping
    def _group_for(self, f: Found) -> _Indicator | None:
        name = name_key(self.renamed.get(id(f), _part_name(f)))
        if not name:
            return None
        dim = "percent" if id(f) in self.renamed else _dimension(f)
        if dim is not None:
            key = (name, dim)
        else:
            same = [g for (n, _), g in self.groups.items() if n == name]
            if f.kind == "change_pp":
                same.sort(key=lambda g: g.dim != "percent")
            else:
                same.sort(key=lambda g: (g.dim is None, g.dim == "percent"))
            if same:
                return same[0]
            key = (name, None)
        g = self.groups.get(key)
        if g is None:
            g = self.groups[key] = _Indicator(name, dim)
            if dim is None:  # a later amount of the same name joins this group
                pass
        return g

    def _merge_untyped(self) -> None:
        """A group made by a growth figure before the name's amounts appeared joins them."""
        for (name, dim), g in list(self.groups.items()):
            if dim is not None:
                continue
            typed = [h for (n, d), h in self.groups.items() if n == name and d is not None]
            if typed:
                target = sorted(typed, key=lambda h: h.dim == "percent")[0]
                target.figures.extend(g.figures)
                del self.groups[(name, dim)]

    def _share_fallback(self) -> None:
        """A share of a whole that is not among the indicators becomes a level in % of
        'part占whole比重'; the figure's kind stays share."""
        amounts = {
            name_key(f.indicator)
            for f in self.r.figures
            if f.kind in _LEVELISH and f.unit != "%" and f.unit_known
        }
        for f in self.r.figures:
            if f.kind != "share":
                continue
            if f.of and name_key(f.of) in amounts:
                continue
            name = f.indicator
            if not re.search(r"占|比重|比例", name):
                name = f"{name}占比"
            self.renamed[id(f)] = name
            f.notes.append(f"placed as a level in % of {name}: the whole is not among the figures")

    def build(self) -> Draft:
        self._share_fallback()
        for f in self.r.figures:
            reason = self._unplaceable(f)
            if reason:
                f.why_unplaced = reason
                self.unplaced.append(f)
                continue
            g = self._group_for(f)
            if g is None:
                f.why_unplaced = "no subject found for it"
                self.unplaced.append(f)
                continue
            g.figures.append(f)
        self._merge_untyped()
        for g in self.groups.values():
            self._unit(g)
        ordered = sorted(self.groups.values(), key=lambda g: min(f.line for f in g.figures))
        for g in ordered:
            g.id = self.ids.make(g.name)
        self._parts()
        indicators: dict[str, Any] = {}
        targets: dict[str, Any] = {}
        projects: dict[str, Any] = {}
        for g in ordered:
            self._place(g, indicators, targets, projects)
        plan_info: dict[str, Any] = {
            "name": _title(self.r),
            "document": self.document,
        }
        if self.plan:
            plan_info["period"] = f"{self.plan[0]}-{self.plan[1]}"
        else:
            plan_info["period"] = "2021-2025"
            plan_info["review"] = (
                "the plan's period was not found in the document; 2021-2025 assumed"
            )
        renames = _separate_new_targets(indicators, targets)
        _apply_renames(renames, self.placed, indicators, targets, projects)
        _drop_dangling_parts(indicators, targets, projects)
        tdoc: dict[str, Any] = {"plan": plan_info, "targets": targets}
        if projects:
            tdoc["projects"] = projects
        self.placed.sort(key=lambda f: (f.line, f.column))
        self.unplaced.sort(key=lambda f: (f.line, f.column))
        return Draft({"indicators": indicators}, tdoc, self.placed, self.unplaced)

    def _unplaceable(self, f: Found) -> str | None:
        if not f.unit_known:
            return f"unit {f.unit} is not one ezplan reads"
        if f.figure is None:
            return "ezplan cannot read it as a figure"
        if f.kind == "change_abs":
            return "an absolute change (增加X) has no place in the plan files"
        if f.kind in ("annual", "total", "change_pp", "cumulative") and f.period is None:
            return "its period is not known"
        if f.kind == "change_pp" and f.role != "target":
            return "a change in points over a past period has no place in baselines.yaml"
        if f.unit == "‰":
            return "‰ is not a unit ezplan reads"
        if f.sum_ratio:
            return "a ratio of two periods' sums is not a growth of the indicator's level"
        return None

    def _unit(self, g: _Indicator) -> None:
        if g.dim == "percent":
            g.unit = "%"
            return
        amounts = [f for f in g.figures if f.kind in _LEVELISH and _dimension(f) == g.dim]
        amounts.sort(key=lambda f: (f.role != "actual", f.line))
        if amounts:
            g.unit = _unit_spelling(amounts[0].unit)
            return
        shares = [f for f in g.figures if f.kind == "share"]
        for f in shares:
            w = name_key(f.of or "")
            whole = [
                h for (n, d), h in self.groups.items() if n == w and d not in (None, "percent")
            ]
            if whole:
                if whole[0].unit is None:
                    self._unit(whole[0])
                g.unit, g.dim = whole[0].unit, whole[0].dim
                g.notes.append(f"unit {g.unit} taken from {whole[0].name}, the whole of its share")
                return
        if g.dim is None and any(f.kind == "change_pp" for f in g.figures) and not shares:
            g.unit = "%"
            g.dim = "percent"
            return
        g.unit = _guess_unit(g.name)
        g.notes.append(f"unit {g.unit} guessed: the document states no level for it")

    def _parts(self) -> None:
        by_name: dict[str, list[_Indicator]] = {}
        for g in self.groups.values():
            by_name.setdefault(g.name, []).append(g)
        for g in self.groups.values():
            wholes = [name_key(f.part_of) for f in g.figures if f.part_of]
            for w in wholes:
                cands = [h for h in by_name.get(w, []) if h is not g and h.dim == g.dim]
                if cands and g.dim is not None:
                    g.part_of = cands[0].id
                    break

    # -- placing
    def _target_key(self, f: Found) -> tuple[int, int] | None:
        """(base year, end year) of the target a goal belongs to."""
        if f.period is not None:
            first, last = f.period
            return first - 1, last
        if f.year is not None and self.base_year is not None:
            return self.base_year, f.year
        return None

    def _place(
        self,
        g: _Indicator,
        indicators: dict[str, Any],
        targets: dict[str, Any],
        projects: dict[str, Any],
    ) -> None:
        head: dict[str, Any] = {"name": g.name, "unit": g.unit}
        if g.part_of:
            head["part_of"] = g.part_of
        if g.notes:
            head["review"] = "; ".join(g.notes)
        base: dict[str, Any] = {}
        tgs: dict[tuple[int, int], dict[str, Any]] = {}
        prj: list[Found] = []
        for f in sorted(g.figures, key=lambda f: (f.line, f.column)):
            if f.role is None:
                if f.kind in ("level", "count") and f.year is None and f.period is None:
                    prj.append(f)
                elif f.year is not None or f.period is not None:
                    self._unplace(f, "the document's plan period is not known")
                else:
                    self._unplace(f, "no year or period")
                continue
            if f.role == "actual":
                self._place_base(g, f, base)
            else:
                key = self._target_key(f)
                if key is None:
                    self._unplace(f, "no year or period")
                    continue
                self._place_target(g, f, tgs.setdefault(key, {}))
        if base:
            indicators[g.id] = head | base
        main = (self.base_year, self.plan[1]) if self.plan else None
        for key in sorted(tgs, key=lambda k: (k != main, k)):
            body = tgs[key]
            if not body:
                continue
            tid = g.id if key == main else self.ids.unique(f"{g.id}_{key[1]}")
            entry = dict(head)
            if key != main:
                entry["period"] = f"{key[0] + 1}-{key[1]}" if key[1] - key[0] > 1 else f"{key[1]}"
            targets[tid] = entry | body
        single = len(prj) == 1 and not base and not any(tgs.values())
        for f in prj:
            pid = g.id if single else self.ids.make(g.name, prefix="project")
            entry = dict(head)
            entry["value"] = _Slot([f])
            projects[pid] = entry
            f.placed, f.id = True, pid
            self.placed.append(f)

    def _unplace(self, f: Found, reason: str) -> None:
        f.why_unplaced = reason
        f.placed = False
        self.unplaced.append(f)

    def _put(
        self,
        g: _Indicator,
        f: Found,
        slot: dict[str, Any],
        key: Any,
        holder: str,
        many: bool = True,
    ) -> None:
        """Put f at slot[key]; the same amount in another currency (折合) joins it as a list
        where the slot takes several figures (`many`: levels, cumulative amounts, projects)."""
        cur = slot.get(key)
        if cur is None:
            slot[key] = _Slot([f])
            f.placed, f.id = True, holder
            self.placed.append(f)
            return
        other = cur.figures[0]
        same = f.same_as is not None and any(self.r.figures[f.same_as] is o for o in cur.figures)
        if same and many:
            cur.figures.append(f)
            f.placed, f.id = True, holder
            self.placed.append(f)
            return
        if f.text == other.text:
            self._unplace(f, f"repeats the figure at line {other.line}")
            other.notes.append(f"also stated at line {f.line}")
            return
        self._unplace(
            f, f"{holder} already has {other.text} here (line {other.line}); one of them is wrong"
        )

    def _place_base(self, g: _Indicator, f: Found, base: dict[str, Any]) -> None:
        kind = "level" if id(f) in self.renamed else f.kind
        if kind in ("level", "count") and f.year is not None:
            if g.is_percent() != (f.unit == "%"):
                self._unplace(f, f"{f.unit} does not fit {g.name} in {g.unit}")
                return
            self._put(g, f, base.setdefault("levels", {}), f.year, g.id)
        elif kind in ("cumulative", "count") and f.period is not None:
            period = f"{f.period[0]}-{f.period[1]}"
            self._put(g, f, self._entry(base, "cumulative", period), "value", g.id)
        elif kind in ("annual", "total") and f.period is not None:
            period = f"{f.period[0]}-{f.period[1]}"
            entry = self._entry(base, "growth", period, f.constant_prices)
            self._put(g, f, entry, kind, g.id, many=False)
        elif kind == "share" and f.year is not None:
            of = self._whole(f)
            if of is None:
                self._unplace(f, "the whole it is a share of is not among the indicators")
                return
            entry = {"of": of, "year": f.year}
            base.setdefault("shares", [])
            for e in base["shares"]:
                if e["of"] == of and e["year"] == f.year:
                    self._put(g, f, e, "value", g.id, many=False)
                    return
            base["shares"].append(entry)
            self._put(g, f, entry, "value", g.id, many=False)
        else:
            self._unplace(f, "no year or period for it")

    def _entry(
        self, base: dict[str, Any], field_: str, period: str, constant: bool = False
    ) -> dict[str, Any]:
        lst = base.setdefault(field_, [])
        for e in lst:
            if e["period"] == period:
                if constant:
                    e["constant_prices"] = True
                return e
        e: dict[str, Any] = {"period": period}
        if constant:
            e["constant_prices"] = True
        lst.append(e)
        return e

    def _whole(self, f: Found) -> str | None:
        if not f.of:
            return None
        w = name_key(f.of)
        for (n, dim), h in self.groups.items():
            if n == w and dim not in (None, "percent"):
                return h.id
        return None

    def _place_target(self, g: _Indicator, f: Found, body: dict[str, Any]) -> None:
        kind = "level" if id(f) in self.renamed else f.kind
        if kind in ("level", "count"):
            if g.is_percent() != (f.unit == "%"):
                self._unplace(f, f"{f.unit} does not fit {g.name} in {g.unit}")
                return
            self._put(g, f, body, "level", g.id)
        elif kind in ("annual", "total"):
            self._put(g, f, body, kind, g.id, many=False)
            if f.constant_prices:
                body["constant_prices"] = True
        elif kind == "cumulative":
            self._put(g, f, body, "cumulative", g.id)
        elif kind == "change_pp":
            if not g.is_percent():
                self._unplace(f, f"a change in points, but {g.name} is in {g.unit}")
                return
            self._put(g, f, body, "change", g.id, many=False)
        elif kind == "share":
            of = self._whole(f)
            if of is None:
                self._unplace(f, "the whole it is a share of is not among the indicators")
                return
            if "share" in body:
                self._unplace(f, f"{g.id} already has a share target")
                return
            entry = {"of": of}
            body["share"] = entry
            self._put(g, f, entry, "value", g.id, many=False)
        else:
            self._unplace(f, "no slot for it")


def _title(r: Reading) -> str:
    """The document's title: its title line, a 《…规划》 it names itself by, or its file name."""
    src = r.source
    title = (src.title or "").strip("*# \t")
    if re.search(r"规划|纲要|报告|公报|计划|方案", title):
        return title
    for b in src.blocks[:12]:
        m = re.search(r"《([^》]{4,40}(?:规划|纲要|计划|方案))》", b.text)
        if m:
            return m.group(1)
    return title if len(title.replace(" ", "")) > 4 else Path(src.path).stem


def _drop_dangling_parts(*sections: dict[str, Any]) -> None:
    """part_of may only name an indicator the drafts define."""
    known = {k for sec in sections for k in sec}
    for sec in sections:
        for entry in sec.values():
            if entry.get("part_of") not in (None, *known):
                del entry["part_of"]


def _near_miss(a: str, b: str) -> bool:
    """Two ids one slip apart (as the loader judges a target id that is not in baselines)."""
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


def _separate_new_targets(indicators: dict[str, Any], targets: dict[str, Any]) -> dict[str, str]:
    """A target that is not in baselines.yaml must not look like a slip for one that is: no
    baseline's name, no id one letter away from a baseline's id. Returns the renames."""
    base_names = {v.get("name") for v in indicators.values()}
    only_base = [i for i in indicators if i not in targets]
    taken = {*indicators, *targets}
    renames: dict[str, str] = {}
    for tid in list(targets):
        if tid in indicators:
            continue
        entry = targets[tid]
        if entry.get("name") in base_names:
            period = entry.get("period", "")
            entry["name"] = (
                f"{entry['name']}（{period}年目标）" if period else f"{entry['name']}（目标）"
            )
        new, n = tid, 0
        while any(_near_miss(new, b) for b in only_base) or (new != tid and new in taken):
            n += 1
            new = f"{tid}_new{n}"
        if new != tid:
            renames[tid] = new
            taken.add(new)
    return renames


def _apply_renames(renames: dict[str, str], placed: list[Found], *sections: dict[str, Any]) -> None:
    if not renames:
        return
    for sec in sections:
        for old in [k for k in sec if k in renames]:
            sec[renames[old]] = sec.pop(old)
        for entry in sec.values():
            if entry.get("part_of") in renames:
                entry["part_of"] = renames[entry["part_of"]]
            share = entry.get("share")
            if isinstance(share, dict) and share.get("of") in renames:
                share["of"] = renames[share["of"]]
            for sh in entry.get("shares", []):
                if sh.get("of") in renames:
                    sh["of"] = renames[sh["of"]]
    for f in placed:
        if f.id in renames:
            f.id = renames[f.id]


def _strip_private(data: Any) -> Any:
    if isinstance(data, _Slot):
        return data.spec()
    if isinstance(data, dict):
        return {k: _strip_private(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_strip_private(v) for v in data]
    return data


def build_draft(reading: Reading, out_dir: str | Path | None = None) -> Draft:
    """The two drafts for a reading; `document` in the plan is relative to out_dir if given."""
    path = reading.source.path
    document = path
    if out_dir is not None:
        try:
            document = os.path.relpath(Path(path).resolve(), Path(out_dir).resolve())
        except ValueError:  # another drive on Windows
            document = str(Path(path).resolve())
    draft = _Builder(reading, Path(document).as_posix()).build()
    draft.baselines = _strip_private(draft.baselines)
    draft.targets = _strip_private(draft.targets)
    return draft
