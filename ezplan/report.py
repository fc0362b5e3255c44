"""The library entry point: check a plan and summarise every target, for any renderer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ezplan import engine, rules
from ezplan.discover import PlanRef
from ezplan.errors import InputError
from ezplan.facts import Facts
from ezplan.findings import Finding, Severity, summary, worst
from ezplan.i18n import t
from ezplan.loader import load_plan
from ezplan.model import Plan, Stated


@dataclass(frozen=True)
class TargetRow:
    """One target as the summary table shows it."""

    indicator: str
    name: str
    name_en: str | None
    base_year: int
    end_year: int
    base: Stated | None
    target: tuple[Stated, ...]  # the end-year level(s), or the cumulative amount
    cumulative: bool
    stated_rate: Stated | None
    stated_total: Stated | None
    implied_rate: float | None  # from the levels (水平法), or 累计法 for cumulative targets
    verdict: Severity | None  # the worst finding on this target; None = consistent


@dataclass
class Report:
    plan: Plan
    findings: list[Finding]
    rows: list[TargetRow] = field(default_factory=list)

    @property
    def worst(self) -> Severity | None:
        return worst(self.findings)

    def summary_line(self, lang: str) -> str:
        return summary_line(self.findings, len(self.rows), lang)


def check(
    path: str | Path | None = None,
    baselines: str | Path | None = None,
    targets: str | Path | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> Report:
    """Load a plan, run the selected rules and summarise its targets."""
    chosen = rules.select(select, ignore)
    plan = load_plan(path, baselines, targets)
    return report(plan, chosen)


def report(plan: Plan, chosen: list[rules.Rule] | None = None) -> Report:
    findings = rules.run(plan, chosen)
    return Report(plan, findings, target_rows(plan, Facts(plan), findings))


def target_rows(plan: Plan, facts: Facts, findings: list[Finding]) -> list[TargetRow]:
    problems: dict[str | None, list[Finding]] = {}
    for f in findings:
        if f.scope == "target" and f.severity > Severity.NOTE:
            problems.setdefault(f.indicator, []).append(f)
    rows = []
    for iid in plan.target_ids:
        ind = plan.indicators[iid]
        st = plan.target(iid)
        claim, cum, level, by, ey = st.growth, st.cumulative, st.level, st.base_year, st.end_year
        base = facts.amount(iid, by)
        target: tuple[Stated, ...] = ()
        if level is not None:
            target = level.figures
        elif cum is not None:
            target = cum.amounts
        implied = None
        end = facts.amount(iid, ey)
        if base is not None and end is not None and level is not None:
            r = engine.annual_rate(base.face, end.face, ey - by)
            implied = float(r.value) if r.ok and np.isfinite(r.value) else None
        elif base is not None and cum is not None:
            s = facts.stated_val(iid, cum.amounts[0])
            if s is not None:
                r = engine.cumulative_rate(base.face, s.face, cum.years)
                implied = float(r.value) if r.ok else None
        mine = problems.get(iid, [])
        rows.append(
            TargetRow(
                iid,
                ind.name,
                ind.name_en,
                by,
                ey,
                base.stated if base else None,
                target,
                level is None and cum is not None,
                claim.annual if claim else None,
                claim.total if claim else None,
                implied,
                worst(mine),
            )
        )
    return rows


@dataclass
class PlanResult:
    """One plan of a run: its report, or the error that kept it from being read."""

    name: str
    report: Report | None = None
    error: InputError | None = None

    @property
    def findings(self) -> list[Finding]:
        if self.report is not None:
            return self.report.findings
        assert self.error is not None
        return [load_finding(self.error)]


@dataclass
class Run:
    """Every plan checked in one invocation, in a stable order."""

    results: list[PlanResult]

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def unreadable(self) -> bool:
        return any(r.error is not None for r in self.results)

    @property
    def worst(self) -> Severity | None:
        return worst(self.findings)

    def summary_line(self, lang: str) -> str:
        targets = sum(len(r.report.rows) for r in self.results if r.report)
        return summary_line(self.findings, targets, lang)


def summary_line(findings: list[Finding], targets: int, lang: str) -> str:
    """3 error(s), 1 warning(s), 10 note(s) in 6 target(s)."""
    counts = summary(findings)
    return t(
        "summary",
        lang,
        errors=counts["error"],
        warnings=counts["warning"],
        notes=counts["note"],
        targets=targets,
    )


def load_finding(error: InputError) -> Finding:
    return Finding(
        "load", Severity.ERROR, None, error.mark, "load", {"message": error.message}, scope="file"
    )


def check_all(refs: list[PlanRef], chosen: list[rules.Rule] | None = None) -> Run:
    """Check every plan; one that cannot be read does not stop the others."""
    results = []
    for ref in refs:
        try:
            plan = load_plan(ref.directory, ref.baselines, ref.targets)
        except InputError as e:
            results.append(PlanResult(ref.name, error=e))
            continue
        results.append(PlanResult(ref.name, report(plan, chosen)))
    return Run(results)
