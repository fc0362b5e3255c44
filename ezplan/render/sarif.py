"""SARIF 2.1.0, for code-scanning tools: rule metadata and a physical location per result.

Written by `json_out.dumps`: valid UTF-8, no NaN or Infinity, no raw control characters.
"""

from __future__ import annotations

from typing import Any

from ezplan import __version__
from ezplan.findings import Finding, Severity
from ezplan.render.github import clean_path
from ezplan.render.json_out import dumps
from ezplan.report import Run
from ezplan.rules import BUILTIN, all_rules, doc, rule, title
from ezplan.verdicts import TargetRow

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}


def _level(code: str) -> str:
    """The most severe level a rule reports: a rule that only notes is not an error."""
    if code in BUILTIN:
        return "error"
    return getattr(rule(code).module, "LEVEL", "error")


def _rule(code: str) -> dict[str, Any]:
    text = doc(code)
    summary = text.split("\n\n", 1)[0].replace("\n", " ")
    return {
        "id": code,
        "name": "".join(w.capitalize() for w in code.split("-")),
        "shortDescription": {"text": title(code, "en")},
        "fullDescription": {"text": summary},
        "help": {"text": text},
        "defaultConfiguration": {"level": _level(code)},
    }


def _location(mark: Any) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": clean_path(mark.file), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": mark.line, "startColumn": mark.column},
        }
    }


def _result(f: Finding, index: dict[str, int], lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.check,
        "ruleIndex": index[f.check],
        "level": LEVEL[f.severity],
        "message": {"text": f.message(lang)},
        "locations": [_location(f.mark)],
    }
    if f.related:
        out["relatedLocations"] = [{"id": i, **_location(m)} for i, m in enumerate(f.related, 1)]
    if f.indicator:
        out["properties"] = {"indicator": f.indicator, "scope": f.scope}
    return out


def _verdict(row: TargetRow) -> dict[str, Any]:
    return {
        "indicator": row.indicator,
        "name": row.name,
        "verdict": row.status,
        "checks": list(row.checks),
        "reason": row.reason.code if row.reason else None,
    }


def document(run: Run, lang: str) -> dict[str, Any]:
    codes = [r.code for r in all_rules()] + sorted(BUILTIN)
    index = {c: i for i, c in enumerate(codes)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "ezplan",
                        "version": __version__,
                        "rules": [_rule(c) for c in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index, lang) for f in run.findings],
                # Each target's verdict; code scanning shows results only, so they live here.
                "properties": {"targets": [_verdict(r) for r in run.rows]},
            }
        ],
    }


def render(run: Run, lang: str) -> str:
    return dumps(document(run, lang), indent=2) + "\n"
