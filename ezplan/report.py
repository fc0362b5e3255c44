"""The library entry point: check a plan and summarise every target, for any renderer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ezplan import rules
from ezplan.discover import PlanRef
from ezplan.errors import InputError
from ezplan.facts import Facts
from ezplan.findings import Finding, Severity, summary, unglue, worst
from ezplan.i18n import LANGS, counted, t
from ezplan.loader import load_plan
from ezplan.model import Plan
from ezplan.verdicts import CONSISTENT, NOT_CHECKABLE, TargetRow, target_rows
from ezplan.verdicts import counts as verdict_counts

WHOLE_PLAN = "whole-plan"  # the rule that asks for the network

if TYPE_CHECKING:
    from ezplan.network import Analysis


@dataclass
class Report:
    plan: Plan
    findings: list[Finding]
    rows: list[TargetRow] = field(default_factory=list)
    facts: Facts | None = None  # what the rules shared (the whole-plan network, for explain)

    @property
    def worst(self) -> Severity | None:
        return worst(self.findings)

    def summary_line(self, lang: str, glued: bool = False) -> str:
        return summary_line(self.findings, self.rows, lang, glued)


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


def report(
    plan: Plan,
    chosen: list[rules.Rule] | None = None,
    network: Analysis | None = None,
    intervals: bool = True,
) -> Report:
    """`network`: the plan's whole-plan analysis, when it was made with other plans'.
    `intervals`: the analysis keeps what `ezplan explain` reads (else its contradictions only,
    all the rules read: a third of what it holds)."""
    if network is None and (chosen is None or any(r.code == WHOLE_PLAN for r in chosen)):
        from ezplan.network import analyse_many

        # the network first, while only the plan is held: its search is a large plan's peak,
        # and the other rules' findings would sit under it (100,000 indicators: −150 MiB)
        network = analyse_many([plan], intervals=intervals)[0]
    facts = Facts(plan, network)
    outcome = rules.evaluate(plan, chosen, facts)
    rows = target_rows(plan, facts, outcome.findings, outcome.checked, outcome.reasons)
    return Report(plan, outcome.findings, rows, facts)


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

    @property
    def rows(self) -> list[TargetRow]:
        return [row for r in self.results if r.report for row in r.report.rows]

    def summary_line(self, lang: str, glued: bool = False) -> str:
        """As a run's tally says it, the plans that could not be read included."""
        tally = Tally()
        for r in self.results:
            tally.add(r)
        return tally.summary_line(lang, glued)


class Tally:
    """What a run's summary and exit code need, counted plan by plan as results come (so that
    the results themselves need not be kept)."""

    def __init__(self) -> None:
        self.counts = summary([])
        self.status = verdict_counts([])
        self.elsewhere = off_target([], [])
        self.worst: Severity | None = None
        self.unreadable = False
        self.results = 0
        self.readable = 0

    def add(self, result: PlanResult) -> PlanResult:
        found = result.findings
        rows = result.report.rows if result.report is not None else []
        unreadable, readable = result.error is not None, result.report is not None
        self._count(summary(found), verdict_counts(rows), worst(found), unreadable, 1, readable)
        for k, v in off_target(found, rows).items():
            self.elsewhere[k] += v
        return result

    def merge(self, other: Tally) -> None:
        """Count in what `other` counted (a plan's tally, made where it was checked)."""
        self._count(
            other.counts, other.status, other.worst, other.unreadable, other.results, other.readable
        )
        for k, v in other.elsewhere.items():
            self.elsewhere[k] += v

    def _count(
        self,
        counts: dict[str, int],
        status: dict[str, int],
        w: Severity | None,
        unreadable: bool,
        results: int,
        readable: int,
    ) -> None:
        """Count in a plan's counts, or several plans' (`results` of them)."""
        for k, v in counts.items():
            self.counts[k] += v
        for k, v in status.items():
            self.status[k] += v
        if w is not None and (self.worst is None or w > self.worst):
            self.worst = w
        self.unreadable = self.unreadable or unreadable
        self.results += results
        self.readable += readable

    def summary_line(self, lang: str, glued: bool = False) -> str:
        text = _summary_text(self.counts, self.status, self.elsewhere, lang, True)
        if (unread := self.results - self.readable) > 0:  # their errors are among the counts
            text += t("plans_unread", lang, n=counted(unread, "plan", lang))
        return text if glued else unglue(text)


def summary_line(
    findings: list[Finding], rows: list[TargetRow], lang: str, glued: bool = False
) -> str:
    """6 targets: 2 consistent, 1 not checkable, 1 with warnings, 2 with errors; then the
    findings by severity (some are on baselines, not on targets)."""
    counts, status = summary(findings), verdict_counts(rows)
    return _summary_text(counts, status, off_target(findings, rows), lang, glued)


def off_target(findings: list[Finding], rows: list[TargetRow]) -> dict[str, int]:
    """The errors and warnings that weigh on no target's verdict (on past figures, on a
    baseline, a file that could not be read): the summary says so, or its "0 with errors"
    would read as a contradiction of "1 error in all"."""
    weighed = {k for r in rows for k in r.weighed_by}
    out = {Severity.ERROR.label: 0, Severity.WARNING.label: 0}
    for f in findings:
        if f.severity > Severity.NOTE and f.key not in weighed:
            out[f.severity.label] += 1
    return out


def _summary_text(
    counts: dict[str, int],
    status: dict[str, int],
    elsewhere: dict[str, int],
    lang: str,
    glued: bool,
) -> str:
    text = t(
        "summary",
        lang,
        targets=counted(sum(status.values()), "target", lang),
        consistent=status[CONSISTENT],
        unchecked=status[NOT_CHECKABLE],
        warned=status["warning"],
        failed=status["error"],
        errors=counted(counts["error"], "error", lang),
        warnings=counted(counts["warning"], "warning", lang),
        notes=counted(counts["note"], "note", lang),
    )
    named = [counted(n, label, lang) for label, n in elsewhere.items() if n]
    if named:
        if lang == "zh":
            parts = "、".join(f"{n}个{t(label, lang)}" for label, n in elsewhere.items() if n)
        else:
            parts = " and ".join(named)
        text += t("off_target", lang, parts=parts)
    return text if glued else unglue(text)


def load_finding(error: InputError) -> Finding:
    message = {lang: error.text(lang) for lang in LANGS}  # shown in the report's language
    return Finding(
        "load", Severity.ERROR, None, error.mark, "load", {"message": message}, scope="file"
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
