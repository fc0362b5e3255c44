"""Files → Plan: load both YAML files with positions, validate, and build the model.

Every problem becomes an `InputError` pointing at `file:line:col`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ezplan import yaml_events
from ezplan.errors import InputError, Mark, MessageError, os_reason, printable
from ezplan.figures import Figure, FigureError, Kind, parse_figure
from ezplan.i18n import Either, Message
from ezplan.model import (
    CumulativeClaim,
    GrowthClaim,
    Indicator,
    Level,
    Plan,
    PointsClaim,
    Scope,
    ShareClaim,
    Stated,
)
from ezplan.periods import parse_period
from ezplan.source import Document, PathKey, load_yaml
from ezplan.suggest import NearMisses, close_matches, hint
from ezplan.units import Unit, UnitError, parse_unit
from ezplan.validation import validate, where

if TYPE_CHECKING:  # the models are read as `ezplan.shape` Records, or as pydantic's models
    from ezplan import schema as S

BASELINES = "baselines.yaml"
TARGETS = "targets.yaml"


def display_path(path: str | Path) -> str:
    """A path as findings show it: relative to the working directory when inside it, and
    printable (control characters and the bytes of a name that is not UTF-8 escaped)."""
    p = Path(path)
    try:
        rel = p.resolve().relative_to(_working_directory())
    except (ValueError, OSError, RuntimeError):  # outside, a loop of links, no working directory
        return printable(str(path))
    return printable(rel.as_posix())


_CWD: list[Any] = [None, None]  # the working directory as the OS names it, and resolved


def _working_directory() -> Path:
    """The working directory, resolved once while it stays the same (each plan's two files are
    shown relative to it)."""
    cwd = os.getcwd()
    if cwd != _CWD[0]:
        _CWD[:] = [cwd, Path(cwd).resolve()]
    return _CWD[1]


def resolve_files(
    path: str | Path | None = None,
    baselines: str | Path | None = None,
    targets: str | Path | None = None,
) -> tuple[Path, Path]:
    """The two files to read: from a plan directory, given one by one, or ./ by default."""
    base = Path(path) if path is not None else Path(".")
    try:
        is_file = path is not None and base.is_file()
    except OSError as e:  # a directory above it that cannot be searched
        raise InputError(
            Mark(display_path(base), 1, 1), "file.cannot_read", reason=os_reason(e)
        ) from None
    if is_file:
        raise InputError(
            Mark(display_path(base), 1, 1),
            "load.not_a_plan_dir",
            baselines=BASELINES,
            targets=TARGETS,
        )
    if path is None and (baselines is None) != (targets is None):
        # one file named: its partner is the one beside it, not the one in ./
        given = Path(baselines or targets)  # type: ignore[arg-type]
        base = given.parent
    return (
        Path(baselines) if baselines else base / BASELINES,
        Path(targets) if targets else base / TARGETS,
    )


def load_plan(
    path: str | Path | None = None,
    baselines: str | Path | None = None,
    targets: str | Path | None = None,
) -> Plan:
    b_path, t_path = resolve_files(path, baselines, targets)
    _not_a_plan(b_path, t_path)
    if _exists(t_path) and not _exists(b_path):  # what is there says more than what is not
        t_doc = load_yaml(t_path, display_path(t_path))
        b_doc = load_yaml(b_path, display_path(b_path))
    else:
        b_doc = load_yaml(b_path, display_path(b_path))
        t_doc = load_yaml(t_path, display_path(t_path))
    compiler = _Compiler(b_doc, t_doc)
    del b_doc, t_doc  # the compiler lets each go once it is compiled
    try:
        return compiler.compile()
    finally:
        if len(_FIGURES) > _FIGURES_KEPT:
            _FIGURES.clear()


def _exists(p: Path) -> bool:
    try:
        return p.exists()
    except OSError:
        return False


def _not_a_plan(b_path: Path, t_path: Path) -> None:
    """A directory with neither plan file: say how to start one, not just "no such file"."""
    if b_path.parent != t_path.parent:
        return
    try:
        missing = not b_path.exists() and not t_path.exists() and b_path.parent.is_dir()
    except OSError:
        return
    if missing:
        where = display_path(b_path.parent) or "."
        raise InputError(
            Mark(where, 1, 1),
            "load.no_plan_here",
            baselines=BASELINES,
            targets=TARGETS,
            where=where,
        )


def _at(mark: Mark, path: PathKey, e: ValueError) -> InputError:
    """A figure's or a period's problem, placed: `targets.exports.annual: …`."""
    problem = e.msg if isinstance(e, MessageError) else Message.external(str(e))
    place = where(path)
    return InputError(mark, "at", path=place, problem=_for_field(place, problem))


# A bare number where a figure with a unit belongs: the hint names only what the field can hold.
_NO_UNIT_HINTS = {"annual": "figure.no_unit_rate", "total": "figure.no_unit_growth"}


def _for_field(place: str, problem: Message) -> Message:
    """A figure's problem, its hint narrowed to the field it is in: a bare ``annual: 10`` is
    offered ``10%`` only, never ``10亿元``."""
    hint = _NO_UNIT_HINTS.get(place.rsplit(".", 1)[-1])
    if hint is None or problem.id != "figure.no_unit":
        return problem
    return Message(hint, **problem.params)


# What a field must hold, said only when it does not: a message id, named with the indicator's
# unit where it takes one
_IN_UNIT = {"what.level_in", "what.value_in"}
_PERCENT, _AMOUNT = (Kind.PERCENT,), (Kind.AMOUNT,)


def _what(what: str, unit: Unit | None) -> Message:
    return Message(what, unit=str(unit)) if what in _IN_UNIT else Message(what)


# --- compiling the model ----------------------------------------------------------------------

# Each figure read once for its text and unit: a plan repeats many (5%, 增长10% …), plans repeat
# each other's, and a Figure is immutable. Kept from one plan to the next (a worker checks
# many), but not past a large plan: its plan keeps its figures, the cache would keep its keys.
_FIGURES: dict[tuple[type, Any, Unit | None], Figure] = {}
_FIGURES_KEPT = 20_000


def clear_caches() -> None:
    """Forget what was kept from one plan to the next: the figures read and the plain scalars
    resolved (each starts afresh, as the first plan of a process does)."""
    _FIGURES.clear()
    yaml_events._PLAIN.clear()


class _Compiler:
    def __init__(self, b_doc: Document, t_doc: Document) -> None:
        self.b = b_doc
        self.t = t_doc
        # what each indicator's definitions say, with where (found only if it is needed)
        self.defs: dict[str, dict[str, tuple[Any, Document, PathKey]]] = {}
        self.def_marks: dict[str, Mark] = {}
        self.projects: set[str] = set()
        self.constant_ids: set[str] = set()
        self.rate_ranges: dict[str, tuple[float, float]] = {}

    # -- indicators
    def _define(self, iid: str, d: S.IndicatorDef, doc: Document, path: PathKey) -> None:
        if iid not in self.def_marks:
            self.def_marks[iid] = doc.mark(path, key=True)
        if d.plausible_rate is not None:
            self.rate_ranges[iid] = self._rate_range(
                doc, (*path, "plausible_rate"), d.plausible_rate
            )
        slot = self.defs.setdefault(iid, {})
        for name in ("section", "quote"):  # where the indicator stands: the first file saying it
            value = getattr(d, name, None)
            if value is not None and name not in slot:
                slot[name] = (value, doc, path)
        for name in ("name", "name_en", "unit", "parts", "part_of", "direction"):
            value = getattr(d, name)
            if value is None:
                continue
            if name in slot and slot[name][0] != value:
                prev_value, prev_doc, prev_path = slot[name]
                raise InputError(
                    doc.mark((*path, name)),
                    "load.differs",
                    id=iid,
                    name=name,
                    value=value,
                    previous=prev_value,
                    mark=str(prev_doc.mark(prev_path)),
                )
            slot.setdefault(name, (value, doc, (*path, name)))

    def _indicators(self, plan: Plan) -> None:
        for iid, slot in self.defs.items():
            mark = self.def_marks[iid]
            if "unit" not in slot:
                raise InputError(mark, "load.no_unit", id=iid)
            try:
                unit = parse_unit(slot["unit"][0])
            except UnitError:  # the only thing parse_unit refuses: a unit not in its table
                _, doc, path = slot["unit"]
                raise InputError(
                    doc.mark(path),
                    "load.unknown_unit",
                    id=iid,
                    unit=slot["unit"][0],
                    units=Message("units_hint"),
                ) from None
            if "name" not in slot:
                raise InputError(mark, "load.no_name", id=iid)
            plan.indicators[iid] = Indicator(
                id=iid,
                name=slot["name"][0],
                unit=unit,
                mark=mark,
                name_en=slot.get("name_en", (None,))[0],
                parts=tuple(slot.get("parts", ((),))[0]),
                part_of=slot.get("part_of", (None,))[0],
                direction=slot.get("direction", (None,))[0],
                quote=slot.get("quote", (None,))[0],
                section=slot.get("section", (None,))[0],
                is_project=iid in self.projects,
                plausible_rate=self.rate_ranges.get(iid),
            )
        for iid, slot in self.defs.items():
            for ref_name in ("parts", "part_of"):
                if ref_name not in slot:
                    continue
                refs, doc, path = slot[ref_name]
                for ref in refs if isinstance(refs, list) else [refs]:
                    if ref not in plan.indicators:
                        self._known(plan, ref, doc.mark(path))
                    if ref == iid:
                        raise InputError(doc.mark(path), "load.part_of_itself", id=iid)

    def _known(self, plan: Plan, ref: str, mark: Mark) -> None:
        if ref not in plan.indicators:
            known = ", ".join(sorted(plan.indicators)[:12])
            raise InputError(
                mark,
                "load.unknown_indicator",
                id=ref,
                hint=hint(ref, plan.indicators),
                known=known,
            )

    def _target_ids(self, b: S.Baselines, t: S.Targets) -> None:
        """Each target is an indicator of baselines.yaml, or declared new (name and unit) here.

        A slip in an id would otherwise give a target with no base that nobody checks.
        """
        by_name = {ind.name: iid for iid, ind in b.indicators.items() if ind.name}
        misses: NearMisses | None = None
        for iid, tg in t.targets.items():
            if iid in b.indicators:
                continue
            mark = self.t.mark(("targets", iid), key=True)
            if tg.name in by_name:
                other = by_name[tg.name]
                raise InputError(
                    mark,
                    "load.target_has_name_of",
                    id=iid,
                    name=tg.name,
                    other=other,
                    file=BASELINES,
                )
            misses = misses or NearMisses(b.indicators)
            slips = [x for x in misses.of(iid) if x not in t.targets]
            if slips:
                x = slips[0]
                raise InputError(
                    mark,
                    "load.slip",
                    id=iid,
                    file=BASELINES,
                    other=x,
                    name=b.indicators[x].name,
                )
            if tg.name is None or tg.unit is None:
                like = close_matches(iid, b.indicators)
                if like:
                    raise InputError(
                        mark,
                        "load.target_not_in_baselines_guess",
                        id=iid,
                        file=BASELINES,
                        names=Either(like),
                    )
                raise InputError(mark, "load.target_not_in_baselines", id=iid, file=BASELINES)

    def _rate_range(self, doc: Document, path: PathKey, raw: list[Any]) -> tuple[float, float]:
        ends = []
        for i, r in enumerate(raw):
            try:
                f = parse_figure(r)
            except FigureError as e:
                raise _at(doc.mark((*path, i)), path, e) from None
            if f.kind is not Kind.PERCENT:
                raise InputError(doc.mark((*path, i)), "load.expected_rate", path=where(path))
            ends.append(f.value / 100)
        if not -1 < ends[0] < ends[1]:
            raise InputError(doc.mark(path), "load.rate_range", path=where(path))
        return ends[0], ends[1]

    # -- figures
    def _figures(
        self,
        doc: Document,
        path: PathKey,
        raw: Any,
        field: str,
        unit: Unit | None,
        src: S.Source | None,
        default_tolerance: float | None,
    ) -> tuple[Stated, ...]:
        if isinstance(raw, list):
            if not raw:
                raise InputError(doc.mark(path), "load.empty_list", path=where(path))
            return tuple(
                self._figure(doc, (*path, i), r, field, unit, src, default_tolerance)
                for i, r in enumerate(raw)
            )
        return (self._figure(doc, path, raw, field, unit, src, default_tolerance),)

    def _figure(
        self,
        doc: Document,
        path: PathKey,
        raw: Any,
        field: str,
        unit: Unit | None,
        src: S.Source | None,
        default_tolerance: float | None,
    ) -> Stated:
        if src is None:
            quote = section = note = line = review = None
        else:
            quote, section, note, line = src.quote, src.section, src.note, src.line
            review = src.review
        tolerance = default_tolerance
        value_path = path
        if not isinstance(raw, (str, int, float)):  # the mapping form: a FigureSpec
            if raw.quote:  # a figure's own quote brings its own line
                quote, line = raw.quote, raw.line
            section = raw.section or section
            note = raw.note or note
            line = raw.line or line
            review = raw.review or review
            value_path = (*path, "value")
            if raw.tolerance is not None:
                tolerance = self._ratio(doc, (*path, "tolerance"), raw.tolerance)
            raw = raw.value
        mark = doc.mark(value_path)
        key = (type(raw), raw, unit)
        fig = _FIGURES.get(key)
        if fig is None:
            try:
                fig = _FIGURES[key] = parse_figure(raw, unit)
            except FigureError as e:
                raise _at(mark, value_path, e) from None
        return Stated(
            fig.with_tolerance(tolerance), mark, field, quote, section, note, line, review
        )

    def _ratio(self, doc: Document, path: PathKey, raw: Any) -> float:
        try:
            f = parse_figure(raw)
        except FigureError as e:
            raise _at(doc.mark(path), path, e) from None
        if f.kind is not Kind.PERCENT or f.value < 0:
            raise InputError(doc.mark(path), "load.expected_percentage", path=where(path))
        return f.value / 100

    def _period(self, doc: Document, path: PathKey, raw: Any) -> tuple[int, int]:
        try:
            return parse_period(raw)
        except ValueError as e:
            raise _at(doc.mark(path), path, e) from None

    def _expect(self, s: Stated, kinds: tuple[Kind, ...], what: str, unit: Unit | None) -> None:
        """`s` is of one of `kinds` and, as an amount, converts to `unit`; else an error that
        says it should be `what` (`_what`)."""
        f = s.figure
        if f.kind not in kinds:
            raise InputError(
                s.mark, "load.not_what", field=s.field, text=f.text, what=_what(what, unit)
            )
        if f.kind is Kind.AMOUNT and unit is not None and f.unit is not None:
            same = f.unit.dimension == unit.dimension
            money = f.unit.currency is not None and unit.currency is not None
            if not (same or money):
                raise InputError(
                    s.mark,
                    "load.does_not_convert",
                    field=s.field,
                    text=f.text,
                    unit=str(f.unit),
                    target=str(unit),
                )

    def _level_kinds(self, unit: Unit) -> tuple[Kind, ...]:
        return _PERCENT if unit.is_percent else _AMOUNT

    # -- the two files
    def compile(self) -> Plan:
        b: S.Baselines = validate(self.b, "Baselines")
        t: S.Targets = validate(self.t, "Targets")
        self._definitions(b, t)
        base_year, target_year = self._period(self.t, ("plan", "period"), t.plan.period)
        tol = None
        if t.plan.about_tolerance is not None:
            tol = self._ratio(self.t, ("plan", "about_tolerance"), t.plan.about_tolerance)
        plan = Plan(
            name=t.plan.name,
            base_year=base_year,
            target_year=target_year,
            baselines_file=self.b.path,
            targets_file=self.t.path,
            mark=self.t.mark(("plan",)),
            period_mark=self.t.mark(("plan", "period")),
            quote=t.plan.quote,
            document=t.plan.document,
            name_en=t.plan.name_en,
        )
        if t.plan.exchange_rate is not None:
            path = ("plan", "exchange_rate")
            s = self._figure(
                self.t, path, t.plan.exchange_rate, "exchange_rate", parse_unit("元"), t.plan, None
            )
            if (
                s.figure.kind is not Kind.AMOUNT
                or s.figure.unit is None
                or (s.figure.unit.currency != "CNY" or s.figure.value <= 0)
            ):
                raise InputError(s.mark, "load.exchange_rate")
            plan.exchange_rate = s
        plan.one_rate_per_year = t.plan.one_rate_per_year
        if t.plan.plausible_rate is not None:
            path = ("plan", "plausible_rate")
            plan.plausible_rate = self._rate_range(self.t, path, t.plan.plausible_rate)
        self._indicators(plan)
        self.defs.clear()  # (it holds the documents)
        for i, iid in enumerate(t.plan.constant_prices):
            if iid not in plan.indicators:
                self._known(plan, iid, self.t.mark(("plan", "constant_prices", i)))
            self.constant_ids.add(iid)
        self._baselines(plan, b, tol)
        # baselines.yaml is compiled: its data, positions and records go before the targets are
        # compiled, rather than add to the peak of a large plan's load
        del b
        self.b = Document(self.b.path)
        self._targets(plan, t, tol)
        self._projects(plan, t, tol)
        return plan

    def _definitions(self, b: S.Baselines, t: S.Targets) -> None:
        for iid, ind in b.indicators.items():
            self._define(iid, ind, self.b, ("indicators", iid))
        self._target_ids(b, t)
        for iid, tgt in t.targets.items():
            self._define(iid, tgt, self.t, ("targets", iid))
        for iid, prj in t.projects.items():
            if iid in t.targets:
                raise InputError(
                    self.t.mark(("projects", iid), key=True), "load.target_and_project", id=iid
                )
            self.projects.add(iid)
            self._define(iid, prj, self.t, ("projects", iid))

    def _baselines(self, plan: Plan, b: S.Baselines, tol: float | None) -> None:
        doc = self.b
        for iid, ind in b.indicators.items():
            unit = plan.indicators[iid].unit
            root: PathKey = ("indicators", iid)
            for year, raw in ind.levels.items():
                self._observed(plan, doc, (*root, "levels", year), year, key=True)
                figs = self._figures(doc, (*root, "levels", year), raw, "level", unit, ind, tol)
                for s in figs:
                    self._expect(s, self._level_kinds(unit), "what.level_in", unit)
                plan.levels.append(Level(iid, year, figs, "history"))
            for i, g in enumerate(ind.growth):
                path = (*root, "growth", i)
                by, ey = self._period(doc, (*path, "period"), g.period)
                self._observed(plan, doc, (*path, "period"), ey)
                self._growth(plan, doc, path, iid, g, (by, ey), g, "history", tol)
                if g.change is not None:
                    self._change(plan, doc, path, iid, g.change, (by, ey), g, "history", tol)
            for i, c in enumerate(ind.cumulative):
                path = (*root, "cumulative", i)
                by, ey = self._period(doc, (*path, "period"), c.period)
                self._observed(plan, doc, (*path, "period"), ey)
                figs = self._figures(doc, (*path, "value"), c.value, "cumulative", unit, c, tol)
                for s in figs:
                    self._expect(s, _AMOUNT, "what.amount", unit)
                plan.cumulative.append(CumulativeClaim(iid, by, ey, figs, "history"))
            for i, sh in enumerate(ind.shares):
                path = (*root, "shares", i)
                if sh.of not in plan.indicators:
                    self._known(plan, sh.of, doc.mark((*path, "of")))
                s = self._figure(doc, (*path, "value"), sh.value, "share", None, sh, tol)
                self._expect(s, _PERCENT, "what.percentage", None)
                plan.shares.append(ShareClaim(iid, sh.of, sh.year, s, "history"))

    @staticmethod
    def _observed(plan: Plan, doc: Document, path: PathKey, year: int, key: bool = False) -> None:
        """baselines.yaml holds what was observed, actual results of the plan's years included:
        nothing after the plan's last year (a past growth over 2016-2091 was read and dropped
        without a word)."""
        if year > plan.target_year:
            raise InputError(
                doc.mark(path, key=key), "load.observed_after_plan", year=year, end=plan.target_year
            )

    def _growth(
        self,
        plan: Plan,
        doc: Document,
        path: PathKey,
        iid: str,
        g: Any,
        period: Any,
        src: S.Source,
        scope: Scope,
        tol: float | None,
    ) -> GrowthClaim | None:
        if g.annual is None and g.total is None:
            if scope == "history" and getattr(g, "change", None) is None:
                raise InputError(doc.mark(path), "load.give_growth", path=where(path))
            return None
        if isinstance(period, tuple):
            by, ey = period
        else:
            by, ey = self._period(doc, (*path, "period"), period)
        annual = total = None
        if g.annual is not None:
            annual = self._figure(doc, (*path, "annual"), g.annual, "annual", None, src, tol)
            self._expect(annual, (Kind.PERCENT, Kind.GROWTH_PERCENT), "what.annual_rate", None)
        if g.total is not None:
            total = self._figure(doc, (*path, "total"), g.total, "total", None, src, tol)
            self._expect(
                total,
                (Kind.GROWTH_PERCENT, Kind.GROWTH_TIMES, Kind.MULTIPLE, Kind.DOUBLING),
                "what.growth",
                None,
            )
        for s in (annual, total):
            if s is not None:
                self._since(s, by, ey)
        mark = (annual or total).mark  # type: ignore[union-attr]
        constant = g.constant_prices or iid in self.constant_ids
        claim = GrowthClaim(iid, by, ey, scope, mark, annual, total, constant)
        plan.growth.append(claim)
        return claim

    def _since(self, s: Stated, by: int, ey: int) -> None:
        """比2015年…, 比上年… must name the period the figure stands in."""
        f = s.figure
        if f.base_year is not None and f.base_year != by:
            raise InputError(
                s.mark,
                "load.measured_from",
                field=s.field,
                text=f.text,
                year=f.base_year,
                first=by + 1,
                end=ey,
                base=by,
            )
        if f.year_on_year and ey - by != 1:
            raise InputError(
                s.mark,
                "load.over_one_year",
                field=s.field,
                text=f.text,
                first=by + 1,
                end=ey,
                years=ey - by,
            )

    def _change(
        self,
        plan: Plan,
        doc: Document,
        path: PathKey,
        iid: str,
        raw: Any,
        period: tuple[int, int],
        src: S.Source,
        scope: Scope,
        tol: float | None,
    ) -> None:
        s = self._figure(doc, (*path, "change"), raw, "change", None, src, tol)
        self._expect(s, (Kind.POINTS,), "what.change", None)
        if not plan.indicators[iid].unit.is_percent:
            raise InputError(
                s.mark, "load.change_not_ratio", id=iid, unit=str(plan.indicators[iid].unit)
            )
        plan.points.append(PointsClaim(iid, *period, s, scope))

    def _targets(self, plan: Plan, t: S.Targets, tol: float | None) -> None:
        doc = self.t
        for iid, tg in t.targets.items():
            plan.target_ids.append(iid)
            root: PathKey = ("targets", iid)
            plan.target_marks[iid] = doc.mark(root, key=True)
            unit = plan.indicators[iid].unit
            if tg.period is not None:
                by, ey = self._period(doc, (*root, "period"), tg.period)
                plan.target_periods[iid] = (by, ey)
            else:
                by, ey = plan.base_year, plan.target_year
            stated_any = False
            if tg.level is not None:
                figs = self._figures(doc, (*root, "level"), tg.level, "level", unit, tg, tol)
                for s in figs:
                    self._expect(s, self._level_kinds(unit), "what.level_in", unit)
                plan.levels.append(Level(iid, ey, figs, "target"))
                stated_any = True
            if self._growth(plan, doc, root, iid, tg, (by, ey), tg, "target", tol):
                stated_any = True
            if tg.cumulative is not None:
                path = (*root, "cumulative")
                figs = self._figures(doc, path, tg.cumulative, "cumulative", unit, tg, tol)
                for s in figs:
                    self._expect(s, _AMOUNT, "what.amount", unit)
                plan.cumulative.append(CumulativeClaim(iid, by, ey, figs, "target"))
                stated_any = True
            if tg.share is not None:
                path = (*root, "share")
                if tg.share.of not in plan.indicators:
                    self._known(plan, tg.share.of, doc.mark((*path, "of")))
                src = tg.share if tg.share.quote else tg
                s = self._figure(doc, (*path, "value"), tg.share.value, "share", None, src, tol)
                self._expect(s, _PERCENT, "what.percentage", None)
                plan.shares.append(ShareClaim(iid, tg.share.of, ey, s, "target"))
                stated_any = True
            if tg.change is not None:
                self._change(plan, doc, root, iid, tg.change, (by, ey), tg, "target", tol)
                stated_any = True
            if not stated_any:
                raise InputError(doc.mark(root, key=True), "load.no_figure", id=iid)

    def _projects(self, plan: Plan, t: S.Targets, tol: float | None) -> None:
        for iid, pr in t.projects.items():
            unit = plan.indicators[iid].unit
            path = ("projects", iid, "value")
            figs = self._figures(self.t, path, pr.value, "value", unit, pr, tol)
            for s in figs:
                self._expect(s, self._level_kinds(unit), "what.value_in", unit)
            plan.levels.append(Level(iid, None, figs, "project"))
