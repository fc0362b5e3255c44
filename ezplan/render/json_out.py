"""One JSON document per run: a summary and every finding, with the numbers behind it."""

from __future__ import annotations

import json
from typing import Any

from ezplan import __version__, fmt
from ezplan.findings import Finding, summary
from ezplan.report import Report, TargetRow
from ezplan.rules import rule


def finding_dict(f: Finding, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "check": f.check,
        "title": rule(f.check).title.get(lang, rule(f.check).title["en"]),
        "severity": f.severity.label,
        "indicator": f.indicator,
        "file": f.mark.file,
        "line": f.mark.line,
        "column": f.mark.column,
        "scope": f.scope,
        "message": f.message(lang),
    }
    for key, value in f.data.items():
        out.setdefault(key, _clean(value))
    out["related"] = [str(m) for m in f.related]
    out["steps"] = list(f.steps)
    return out


def _clean(value: Any) -> Any:
    """Plain JSON values: numpy scalars to Python, open ends to "inf", never NaN."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, int) and not hasattr(value, "dtype"):
        return value
    return fmt.json_number(float(value))


def _row(row: TargetRow) -> dict[str, Any]:
    return {
        "indicator": row.indicator,
        "name": row.name,
        "base_year": row.base_year,
        "end_year": row.end_year,
        "base": row.base.text if row.base else None,
        "target": [s.text for s in row.target],
        "cumulative": row.cumulative,
        "stated_rate": row.stated_rate.text if row.stated_rate else None,
        "stated_total": row.stated_total.text if row.stated_total else None,
        "implied_rate": fmt.json_number(row.implied_rate) if row.implied_rate is not None else None,
        "verdict": row.verdict.label if row.verdict is not None else "ok",
    }


def document(report: Report, lang: str) -> dict[str, Any]:
    counts = summary(report.findings)
    plan = report.plan
    return {
        "summary": {
            "tool": "ezplan",
            "version": __version__,
            "plan": plan.name,
            "base_year": plan.base_year,
            "target_year": plan.target_year,
            "files": {"baselines": plan.baselines_file, "targets": plan.targets_file},
            "errors": counts["error"],
            "warnings": counts["warning"],
            "notes": counts["note"],
            "text": report.summary_line(lang),
            "targets": [_row(r) for r in report.rows],
        },
        "findings": [finding_dict(f, lang) for f in report.findings],
    }


def render(report: Report, lang: str) -> str:
    return json.dumps(document(report, lang), ensure_ascii=False, indent=2, allow_nan=False)
