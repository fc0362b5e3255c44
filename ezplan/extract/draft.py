"""Indicators → draft plan files: every figure in its slot.

Observed figures go to `baselines.yaml` (levels by year, growth and cumulative amounts over past
periods, shares); goals to `targets.yaml` (one target per indicator and period; the plan's period
is the default), figures with no year to `projects`. Every figure keeps its verbatim quote and its
line in the document, and a `review:` note on every guess. A figure that has no slot (an absolute
change, a change in points over a past period, an annual rate whose period is unknown, a unit
ezplan does not read) or that would clash with another in its slot is left out and listed, never
dropped silently and never bent to fit. The indicators are `indicators`', their ids `ids`', and
`tidy` makes the drafts load.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ezplan.extract.found import Found, Reading
from ezplan.extract.ids import IdMaker
from ezplan.extract.indicators import Indicator, Indicators
from ezplan.extract.notes import Note, joined, note_id, period_words
from ezplan.extract.tidy import apply_renames, drop_dangling_parts, separate_new_targets, title
from ezplan.figures import Kind
from ezplan.i18n import Message

_UNREAD_NOTES = ("extract.ratio_part", "extract.words_magnitude", "extract.range_no_form")


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


def _spec(f: Found) -> dict[str, Any]:
    out: dict[str, Any] = {"value": f.text, "quote": f.quote, "line": f.line}
    if f.review:
        out["review"] = f.review
    return out


class _Builder:
    def __init__(self, reading: Reading, document: str) -> None:
        self.r = reading
        self.document = document
        self.ind = Indicators(reading)
        self.ids = IdMaker()
        self.placed: list[Found] = []
        self.unplaced: list[Found] = []
        plan = reading.plan
        self.plan = plan
        self.base_year = plan[0] - 1 if plan else None

    def build(self) -> Draft:
        self.ind.share_fallback()
        for f in self.r.figures:
            reason = self._unplaceable(f)
            if reason:
                f.why_unplaced = reason
                self.unplaced.append(f)
                continue
            g = self.ind.group_for(f)
            if g is None:
                f.why_unplaced = Note("extract.why.no_subject")
                self.unplaced.append(f)
                continue
            g.figures.append(f)
        self.ind.merge_untyped()
        self.ind.merge_synonyms()
        self.ind.set_units()
        ordered = sorted(self.ind.groups.values(), key=lambda g: min(f.line for f in g.figures))
        for g in ordered:
            g.id = self.ids.make(g.name)
        self.ind.link_parts()
        indicators: dict[str, Any] = {}
        targets: dict[str, Any] = {}
        projects: dict[str, Any] = {}
        for g in ordered:
            self._place(g, indicators, targets, projects)
        plan_info: dict[str, Any] = {
            "name": title(self.r),
            "document": self.document,
        }
        if self.plan:
            plan_info["period"] = f"{self.plan[0]}-{self.plan[1]}"
        else:
            plan_info["period"] = "2021-2025"
            plan_info["review"] = Message("extract.plan_assumed").text()
        if "统计公报" in plan_info["name"]:
            # a bulletin's 元/美元 pairs are flows each converted by the body that reports it
            # (its own footnote: 对外投资…沿用美元计价): no one rate a year to hold them to
            plan_info["one_rate_per_year"] = False
        renames = separate_new_targets(indicators, targets)
        apply_renames(renames, self.placed, indicators, targets, projects)
        drop_dangling_parts(indicators, targets, projects)
        tdoc: dict[str, Any] = {"plan": plan_info, "targets": targets}
        if projects:
            tdoc["projects"] = projects
        self.placed.sort(key=lambda f: (f.line, f.column))
        self.unplaced.sort(key=lambda f: (f.line, f.column))
        return Draft({"indicators": indicators}, tdoc, self.placed, self.unplaced)

    def _unplaceable(self, f: Found) -> Note | None:
        if not f.unit_known:
            return Note("extract.unit_unknown", unit=f.unit or Note("extract.no_unit"))
        if f.figure is None:
            # a note that already says why no figure is read (a ratio's part, 突破千亿) is the
            # reason itself: "not placed: ezplan cannot read it" on top would say it twice
            said = [n for n in f.notes if note_id(n) in _UNREAD_NOTES]
            return said[0] if said else Note("extract.why.cannot_read")
        if f.kind == "change_abs":
            return Note("extract.why.change_abs")
        if f.kind in ("annual", "total", "change_pp", "cumulative") and f.period is None:
            return Note("extract.why.period_unknown")
        if f.gap:
            return Note("extract.why.gap")
        if f.role == "actual" and any(note_id(n) == "extract.planned" for n in f.notes):
            return Note("extract.why.planned_past")
        if any(note_id(n) == "extract.multiple_of_other" for n in f.notes):
            return Note("extract.why.multiple_of_other")
        if (
            f.year is None
            and f.period is None
            and any(note_id(n) == "extract.in_glossary" for n in f.notes)
        ):
            return Note("extract.why.glossary")  # a glossary's figure with no time of its own
        for said in ("extract.peak", "extract.yearly_average"):
            if any(note_id(n) == said for n in f.notes):
                return Note("extract.why.no_years_level")
        if any(note_id(n) == "extract.growth_of_restated" for n in f.notes):
            return Note("extract.why.growth_of_restated")
        if f.sum_ratio:
            return Note("extract.why.sum_ratio")
        return None

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
        g: Indicator,
        indicators: dict[str, Any],
        targets: dict[str, Any],
        projects: dict[str, Any],
    ) -> None:
        head: dict[str, Any] = {"name": g.name, "unit": g.unit}
        if g.part_of:
            head["part_of"] = g.part_of
        if g.notes:
            head["review"] = joined(g.notes)
        base: dict[str, Any] = {}
        tgs: dict[tuple[int, int], dict[str, Any]] = {}
        prj: list[Found] = []
        for f in sorted(g.figures, key=lambda f: (f.line, f.column)):
            if f.role is None:
                if any(note_id(n) == "extract.from_level_no_year" for n in f.notes):
                    # 由每人每年550元提高到580元 in a year: the level before, of no stated year —
                    # not a project's value
                    self._unplace(f, Note("extract.why.no_time_for_it"))
                elif f.kind in ("level", "count") and f.year is None and f.period is None:
                    prj.append(f)
                elif f.year is not None or f.period is not None:
                    self._unplace(f, Note("extract.why.plan_unknown"))
                else:
                    self._unplace(f, Note("extract.why.no_time"))
                continue
            if f.role == "actual":
                self._place_base(g, f, base)
            else:
                key = self._target_key(f)
                if key is None:
                    self._unplace(f, Note("extract.why.no_time"))
                    continue
                self._place_target(g, f, tgs.setdefault(key, {}))
        if base:
            indicators[g.id] = head | base
        tgs = {k: b for k, b in tgs.items() if b}
        self._place_targets(g, head, tgs, targets, base.get("levels", {}), indicators)
        single = len(prj) == 1 and not base and not any(tgs.values())
        for f in prj:
            pid = g.id if single else self.ids.unique(f"{g.id}_project")
            entry = dict(head)
            entry["value"] = _Slot([f])
            projects[pid] = entry
            f.placed, f.id = True, pid
            self.placed.append(f)

    def _place_targets(
        self,
        g: Indicator,
        head: dict[str, Any],
        tgs: dict[tuple[int, int], dict[str, Any]],
        targets: dict[str, Any],
        levels: dict[Any, Any],
        indicators: dict[str, Any],
    ) -> None:
        """An indicator's targets, one per period. The target over the plan's period stands on
        the indicator's id; without one, the earliest (今年: 2021) does, with its own `period`,
        so that it is checked against the indicator's baselines — unless the indicator is a flow
        (新增, 建成 … in one year: this year's is not a level grown from last year's). targets.yaml
        holds one target per id: any other target gets an id of its own (`gdp_2021`), which the
        checker takes for another indicator — with, in baselines.yaml, the indicator's level of
        the target's base year copied under that id, so that it is checked against it (not for
        a flow); its review note says so."""
        main = (self.base_year, self.plan[1]) if self.plan else None
        order = sorted(tgs, key=lambda k: (k != main, k[1] - k[0] > 1, k))
        # …unless a level of it is changed from one to another (由80户下属企业，改组为…60户: the
        # 60 is the stock left, not 60 things done)
        flow = any(f.flow for f in g.figures if f.kind in ("level", "count")) and not any(
            note_id(n).startswith("extract.from_level") for f in g.figures for n in f.inferred
        )
        # a growth is from last year's amount, a flow's too (完成一般公共预算收入906.1亿元, then
        # 增长8%左右): only a flow's level or count is no level grown from last year's
        own = (
            order[0]
            if order
            and (order[0] == main or not (flow and levels) or set(tgs[order[0]]) <= _GROWTH_ONLY)
            else None
        )
        for key in order:
            body = tgs[key]
            entry = dict(head)
            if key != main:
                entry["period"] = _period_text(key)
            if key == own:
                tid = g.id
            else:
                tid = self.ids.unique(f"{g.id}_{key[1]}")
                start = levels.get(key[0]) if own is not None else None
                if start is not None:
                    # 森林覆盖率 41.5% (2020), 41.7% in 2021, 41.8% in 2025: the 2021 target
                    # starts from the level the indicator has, copied under its own id
                    entry["name"] = f"{g.name}（{_period_text(key)}年目标）"
                    note = Note("extract.second_target_copied", name=g.name, id=g.id, year=key[0])
                    copy = head | {"name": entry["name"], "levels": {key[0]: start}}
                    indicators[tid] = copy | {"review": joined([*g.notes, note])}
                elif own is not None:
                    note = Note(
                        "extract.second_target",
                        name=g.name,
                        id=g.id,
                        tid=tid,
                        period=period_words(min(own[0] + 1, own[1]), own[1]),
                    )
                else:
                    note = Note("extract.flow_target", name=g.name, id=g.id)
                entry["review"] = joined([*g.notes, note])
                for f in _slot_figures(body):
                    f.id = tid
            targets[tid] = entry | body

    def _unplace(self, f: Found, reason: Note) -> None:
        f.why_unplaced = reason
        f.placed = False
        self.unplaced.append(f)

    def _put(
        self,
        g: Indicator,
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
            self._unplace(f, Note("extract.why.repeats", line=other.line))
            other.notes.append(Note("extract.also_stated", line=f.line))
            return
        if len(cur.figures) == 1 and _agreeing(f, other):
            # 突破2400亿元 (line 17), 2401.1亿元 (line 33): the same value, one more precisely —
            # the narrower is the slot's. A target stated first stays (突破4500亿元、力争达到
            # 5000亿元: the second is a stretch, not the target more precisely)
            narrower = _width(f) < _width(other) and f.role != "target"
            keep, drop = (f, other) if narrower else (other, f)
            if keep is f:
                cur.figures[0] = f
                f.placed, f.id = True, holder
                self.placed.append(f)
                self.placed.remove(other)
            self._unplace(drop, Note("extract.why.agrees", text=keep.text, line=keep.line))
            return
        # named as the planner reads it, its id beside (x_93b8ee alone says nothing)
        named = f"“{g.name}”({holder})"
        self._unplace(f, Note("extract.why.clash", holder=named, text=other.text, line=other.line))

    def _place_base(self, g: Indicator, f: Found, base: dict[str, Any]) -> None:
        kind = self.ind.kind_of(f)
        if kind in ("level", "count") and f.year is not None:
            if g.is_percent() != (f.unit == "%"):
                self._unplace(
                    f, Note("extract.why.unit_misfit", unit=f.unit, name=g.name, gunit=g.unit)
                )
                return
            self._put(g, f, base.setdefault("levels", {}), f.year, g.id)
        elif kind in ("cumulative", "count") and f.period is not None:
            period = _years_text(f.period)
            self._put(g, f, self._entry(base, "cumulative", period), "value", g.id)
        elif kind in ("annual", "total") and f.period is not None:
            period = _years_text(f.period)
            # one entry a price basis: 比上年增长10.6%，扣除价格因素，实际增长8.3% is two growths
            # of one year, each checked against what its basis allows
            entry = self._entry(base, "growth", period, f.constant_prices)
            self._put(g, f, entry, kind, g.id, many=False)
        elif kind == "change_pp" and f.period is not None:
            # 城镇化率提高4.9个百分点 over 2016-2020: a ratio's change in points, a growth entry's
            # `change` (the plan files hold it; the drafts had left it out)
            if not g.is_percent():
                self._unplace(f, Note("extract.why.points_not_percent", name=g.name, unit=g.unit))
                return
            period = _years_text(f.period)
            entry = self._entry(base, "growth", period, f.constant_prices)
            self._put(g, f, entry, "change", g.id, many=False)
        elif kind == "share" and f.year is not None:
            of = self.ind.whole_id(f)
            if of is None:
                self._unplace(f, Note("extract.why.whole_missing"))
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
            self._unplace(f, Note("extract.why.no_time_for_it"))

    def _same_basis(self, g: Indicator, f: Found, entry: dict[str, Any]) -> bool:
        """A target holds one growth, of one price basis (a baseline's growths have an entry a
        basis). A multiple of levels (是…的1.7倍, at current prices) beside a rate at comparable
        prices (GDP's 年均增长8.3%, by convention) is left out and listed: checked together they
        would make a false contradiction. Whether f may go in."""
        others = [
            o
            for k in ("annual", "total")
            if isinstance(entry.get(k), _Slot)
            for o in entry[k].figures
            if o.constant_prices != f.constant_prices
        ]
        if not others:
            return True
        current = f if not f.constant_prices else others[0]
        if current.figure is None or current.figure.kind is not Kind.MULTIPLE:
            return True
        reason = Note("extract.why.price_basis", name=g.name)
        if current is f:
            self._unplace(f, reason)
            return False
        for k in ("annual", "total"):
            slot = entry.get(k)
            if isinstance(slot, _Slot) and current in slot.figures:
                del entry[k]
        self.placed.remove(current)
        self._unplace(current, reason)
        return True

    def _entry(
        self, base: dict[str, Any], field_: str, period: str, constant: bool = False
    ) -> dict[str, Any]:
        lst = base.setdefault(field_, [])
        for e in lst:
            if e["period"] == period and e.get("constant_prices", False) == constant:
                return e
        e: dict[str, Any] = {"period": period}
        if constant:
            e["constant_prices"] = True
        lst.append(e)
        return e

    def _place_target(self, g: Indicator, f: Found, body: dict[str, Any]) -> None:
        kind = self.ind.kind_of(f)
        if kind in ("level", "count"):
            if g.is_percent() != (f.unit == "%"):
                self._unplace(
                    f, Note("extract.why.unit_misfit", unit=f.unit, name=g.name, gunit=g.unit)
                )
                return
            self._put(g, f, body, "level", g.id)
        elif kind in ("annual", "total"):
            if not self._same_basis(g, f, body):
                return
            self._put(g, f, body, kind, g.id, many=False)
            if f.constant_prices:
                body["constant_prices"] = True
        elif kind == "cumulative":
            self._put(g, f, body, "cumulative", g.id)
        elif kind == "change_pp":
            if not g.is_percent():
                self._unplace(f, Note("extract.why.points_not_percent", name=g.name, unit=g.unit))
                return
            self._put(g, f, body, "change", g.id, many=False)
        elif kind == "share":
            of = self.ind.whole_id(f)
            if of is None:
                self._unplace(f, Note("extract.why.whole_missing"))
                return
            if "share" in body:
                self._unplace(f, Note("extract.why.share_taken", id=g.id))
                return
            entry = {"of": of}
            body["share"] = entry
            self._put(g, f, entry, "value", g.id, many=False)
        else:
            self._unplace(f, Note("extract.why.no_slot"))


def _strip_private(data: Any) -> Any:
    if isinstance(data, _Slot):
        return data.spec()
    if isinstance(data, dict):
        return {k: _strip_private(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_strip_private(v) for v in data]
    return data


_GROWTH_ONLY = frozenset({"annual", "total", "constant_prices"})


def _period_text(key: tuple[int, int]) -> str:
    """(base year, end year) → 2021-2025, or 2021 for one year."""
    return f"{key[0] + 1}-{key[1]}" if key[1] - key[0] > 1 else f"{key[1]}"


def _years_text(period: tuple[int, int]) -> str:
    """(first year, last year) → 2016-2020, or 2020 for one year (not "2020-2020")."""
    return _period_text((period[0] - 1, period[1]))


def _slot_figures(data: Any) -> list[Found]:
    if isinstance(data, _Slot):
        return list(data.figures)
    if isinstance(data, dict):
        return [f for v in data.values() for f in _slot_figures(v)]
    return []


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


def _interval(f: Found) -> tuple[float, float] | None:
    """What a figure allows, in its indicator's terms: an amount in the unit's base (亿元 and
    万亿元 alike), a percentage or a multiple as written."""
    fig = f.figure
    if fig is None:
        return None
    lo, hi = fig.interval()
    if fig.unit is None:
        return lo, hi
    k = fig.unit.scale
    return lo * k, hi * k


def _agreeing(a: Found, b: Found) -> bool:
    """Two figures for one slot that can both hold (突破2400亿元 and 2401.1亿元) — not two whose
    widths only touch (增长7% and 增长8% meet at 7.5% alone: two different figures)."""
    fa, fb = a.figure, b.figure
    if fa is None or fb is None or fa.kind is not fb.kind:
        return False
    if (fa.unit is None) != (fb.unit is None):
        return False
    if fa.unit is not None and fb.unit is not None and fa.unit.dimension != fb.unit.dimension:
        return False
    ia, ib = _interval(a), _interval(b)
    return ia is not None and ib is not None and max(ia[0], ib[0]) < min(ia[1], ib[1])


def _width(f: Found) -> float:
    iv = _interval(f)
    return iv[1] - iv[0] if iv is not None else float("inf")
