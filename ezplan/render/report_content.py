"""What the reports and exports say, built once for every format (HTML, Word, Excel, CSV).

Each target's verdict in words (with the reason when it is not checkable), each finding in plain
words with the plan's own sentence and the computation behind it, numbered so that the body can
refer to it while its `file:line:col` and rule code stay in an appendix — officials read the
body, whoever maintains the plan files reads the appendix.

Plan text is returned as text (made printable: no control characters, which XML formats refuse);
escaping it for a format is the renderer's job.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from ezplan.errors import printable
from ezplan.findings import Finding, steps_in
from ezplan.i18n import t
from ezplan.model import Plan, Stated
from ezplan.report import Report
from ezplan.rules import title as rule_title
from ezplan.verdicts import CONSISTENT, NOT_CHECKABLE, TargetRow, findings_by_target

VERDICT_MARK = {CONSISTENT: "✓", NOT_CHECKABLE: "–", "warning": "!", "error": "✗"}
SEVERITY_MARK = {"error": "✗", "warning": "!", "note": "i"}
# A tone per status, for colours; the mark carries the meaning when printed in black and white.
VERDICT_TONE = {CONSISTENT: "good", NOT_CHECKABLE: "none", "warning": "fair", "error": "bad"}
SEVERITY_TONE = {"error": "bad", "warning": "fair", "note": "none"}
# The tones' colours in the office formats (RRGGBB): a pale fill, and text dark enough on white
TONE_FILL = {
    "good": "E3F2E6",
    "fair": "FFF1D6",
    "poor": "FDE2CC",
    "bad": "FADBD8",
    "none": "EEEEEE",
}
TONE_TEXT = {
    "good": "1B6B34",
    "fair": "8A5300",
    "poor": "A34700",
    "bad": "A00018",
    "none": "555555",
}


def text(s: str | None) -> str:
    """Plan text as shown in a report: control characters written as escapes."""
    return printable(s or "", keep_newlines=True)


def generated_on() -> dt.date:
    """Today, or the day SOURCE_DATE_EPOCH names (reproducible builds and tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def date_text(day: dt.date, lang: str) -> str:
    """2026年11月30日 / 2026-11-30."""
    return t("report_date", lang, y=day.year, m=day.month, d=day.day)


def plan_title(plan: Plan, lang: str) -> str:
    """The plan's name; its English name in English when the plan gives one."""
    name_en = getattr(plan, "name_en", None)
    return text(name_en if lang == "en" and name_en else plan.name)


def verdict_words(status: str, lang: str) -> str:
    """✓ 一致, – 无法核对, ! 警告, ✗ 错误."""
    return f"{VERDICT_MARK[status]} {t(status, lang)}"


@dataclass(frozen=True)
class FindingItem:
    number: int
    finding: Finding
    severity: str  # error, warning, note
    mark: str  # ✗ ! i
    indicator: str | None  # its label in the report's language
    rule: str  # the rule's title in words
    message: str
    quote: str | None  # the plan's sentence the figure comes from
    section: str | None
    steps: tuple[str, ...]
    where: str  # file:line:col, for the appendix only

    @property
    def anchor(self) -> str:
        return f"finding-{self.number}"


def quote_index(plan: Plan) -> dict[tuple[str, int, int], Stated]:
    """Every stated figure by its position, to find the sentence a finding is about."""
    out: dict[tuple[str, int, int], Stated] = {}
    figures: list[Stated] = [s for lv in plan.levels for s in lv.figures]
    for g in plan.growth:
        figures += [s for s in (g.annual, g.total) if s is not None]
    figures += [s for c in plan.cumulative for s in c.amounts]
    figures += [sc.value for sc in plan.shares]
    figures += [p.change for p in plan.points]
    if plan.exchange_rate is not None:
        figures.append(plan.exchange_rate)
    for s in figures:
        out.setdefault((s.mark.file, s.mark.line, s.mark.column), s)
    return out


def finding_items(report: Report, lang: str) -> list[FindingItem]:
    """Every finding, errors first, then warnings, then notes (each in file order), numbered."""
    plan = report.plan
    stated = quote_index(plan)
    by_line = {(k[0], k[1]): s for k, s in reversed(list(stated.items()))}
    ordered = sorted(report.findings, key=lambda f: (-f.severity, f.key))
    out = []
    for n, f in enumerate(ordered, 1):
        ind = plan.indicators.get(f.indicator) if f.indicator else None
        s = stated.get((f.mark.file, f.mark.line, f.mark.column)) or by_line.get(
            (f.mark.file, f.mark.line)
        )
        quote = s.quote if s is not None and s.quote else (ind.quote if ind else None)
        section = s.section if s is not None and s.section else (ind.section if ind else None)
        out.append(
            FindingItem(
                n,
                f,
                f.severity.label,
                SEVERITY_MARK[f.severity.label],
                text(ind.label(lang)) if ind else None,
                rule_title(f.check, lang),
                text(f.message(lang)),
                text(quote) if quote else None,
                text(section) if section else None,
                tuple(text(step) for step in steps_in(f, lang)),
                text(str(f.mark)),
            )
        )
    return out


@dataclass(frozen=True)
class TargetLine:
    row: TargetRow
    name: str
    unit: str
    base: str  # 326.57亿元（2020年）
    target: str  # 500亿元（2025年）, 累计3.2亿美元（2021—2025年）
    stated: str  # 10% / 增长182%
    implied: str  # 8.89%, ≥ 2.46%
    status: str  # consistent, not_checkable, warning, error
    verdict: str  # ✗ 错误
    explanation: str  # why not checkable, what was checked, or which findings
    findings: tuple[int, ...]  # the numbers of its warnings and errors


def _year(year: int, lang: str) -> str:
    return t("report_in_year", lang, year=year)


def target_lines(report: Report, items: list[FindingItem], lang: str) -> list[TargetLine]:
    from ezplan.render.json_out import reason_text

    plan = report.plan
    # a target's verdict points at every finding that weighs on it, also one filed under another
    # indicator (a whole-plan contradiction its figures take part in)
    number = {id(item.finding): item.number for item in items}
    weighing = findings_by_target(plan, [item.finding for item in items])
    problems = {
        iid: sorted(number[id(f)] for f in fs if id(f) in number) for iid, fs in weighing.items()
    }
    out = []
    for r in report.rows:
        unit = plan.indicators[r.indicator].unit.symbol
        base = f"{text(r.base.text)}{_year(r.base_year, lang)}" if r.base else "—"
        if r.target:
            shown = " / ".join(text(s.text) for s in r.target)
            if r.cumulative:
                span = t("report_span", lang, first=r.base_year + 1, end=r.end_year)
                target = f"{t('cumulative', lang)}{shown}{t('report_paren', lang, x=span)}"
            else:
                target = f"{shown}{_year(r.end_year, lang)}"
        else:
            target = "—"
        stated = " / ".join(text(s.text) for s in r.stated) or "—"
        implied = r.implied(lang)
        status = r.status
        numbers = tuple(problems.get(r.indicator, ()))
        if status == NOT_CHECKABLE:
            why = text(reason_text(r, lang))
            for prefix in (t("not_checkable", lang) + "：", t("not_checkable", lang) + ": "):
                if why.startswith(prefix):
                    why = why[len(prefix) :]
            explanation = why
        elif numbers:
            explanation = t("report_see_findings", lang, numbers=_numbers(numbers, lang))
        else:
            titles = t("report_list_sep", lang).join(rule_title(c, lang) for c in r.checks)
            explanation = t("report_checked", lang, checks=titles)
        out.append(
            TargetLine(
                r,
                text(r.label(lang)),
                unit,
                base,
                target,
                stated,
                implied,
                status,
                verdict_words(status, lang),
                explanation,
                numbers,
            )
        )
    return out


def _numbers(numbers: tuple[int, ...], lang: str) -> str:
    return t("report_list_sep", lang).join(str(n) for n in numbers)
