"""JUnit XML: one test suite per plan, one test case per target and per file-level check.

A test case fails when it carries an error (or a warning, under --strict); its findings are the
failure's text. A target that cannot be checked is skipped (it fails under --strict unless the
settings say strict_unchecked = false). Findings that do not fail a case go to its system-out.
A plan that could not be read is a suite with one errored test case.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ezplan.errors import printable
from ezplan.findings import Finding, Severity
from ezplan.report import PlanResult, Run


def _line(f: Finding, lang: str) -> str:
    return f"{f.mark}: {f.severity.label} [{f.check}] {f.message(lang)}"


def _case(
    suite: ET.Element,
    classname: str,
    name: str,
    found: list[Finding],
    lang: str,
    strict: bool,
    unchecked_fails: bool = False,
) -> tuple[int, int, int]:
    """One test case; returns (failures, errors, skipped)."""
    case = ET.SubElement(suite, "testcase", classname=classname, name=name)
    bar = Severity.WARNING if strict else Severity.ERROR
    failing = [
        f
        for f in found
        if f.severity >= bar or (f.check == "unchecked" and strict and unchecked_fails)
    ]
    loading = [f for f in found if f.check == "load"]
    if loading:
        e = ET.SubElement(case, "error", message=loading[0].message(lang), type="load")
        e.text = "\n".join(_line(f, lang) for f in loading)
        return 0, 1, 0
    if failing:
        first = failing[0]
        el = ET.SubElement(case, "failure", message=first.message(lang), type=first.check)
        el.text = "\n".join(_line(f, lang) for f in failing)
    skipping = [f for f in found if f.check == "unchecked" and f not in failing]
    if skipping and not failing:
        ET.SubElement(case, "skipped", message=skipping[0].message(lang))
    rest = [f for f in found if f not in failing]
    if rest:
        ET.SubElement(case, "system-out").text = "\n".join(_line(f, lang) for f in rest)
    return (1 if failing else 0), 0, (1 if skipping and not failing else 0)


def _suite(
    root: ET.Element, result: PlanResult, lang: str, strict: bool, unchecked_fails: bool
) -> None:
    suite = ET.SubElement(root, "testsuite", name=f"ezplan {result.name}")
    tests = failures = errors = skipped = 0
    if result.report is None:
        fails, errs, _ = _case(suite, result.name, "load", result.findings, lang, strict)
        tests, failures, errors = 1, fails, errs
    else:
        report = result.report
        plan = report.plan
        by_target: dict[str, list[Finding]] = {iid: [] for iid in plan.target_ids}
        other: dict[tuple[str, str], list[Finding]] = {}
        for f in report.findings:
            if f.indicator in by_target and f.scope == "target":
                by_target[f.indicator].append(f)
            else:
                other.setdefault((f.mark.file, f.check), []).append(f)
        for iid, found in by_target.items():
            name = f"{iid} {plan.indicators[iid].name}"
            fails, _, skips = _case(
                suite, plan.targets_file, name, found, lang, strict, unchecked_fails
            )
            tests, failures, skipped = tests + 1, failures + fails, skipped + skips
        for (file, check), found in sorted(other.items()):
            fails, _, _ = _case(suite, file, check, found, lang, strict)
            tests, failures = tests + 1, failures + fails
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(skipped))


def _printable(root: ET.Element) -> None:
    """Text and attributes XML 1.0 can hold: control characters (not allowed in XML, even as
    character references) and the undecodable bytes of a path are written as escapes (\\x01)."""
    for el in root.iter():
        if el.text:
            el.text = printable(el.text, keep_newlines=True)
        for key, value in el.attrib.items():
            el.set(key, printable(value, keep_newlines=True))


def render(run: Run, lang: str, strict: bool = False, unchecked_fails: bool = True) -> str:
    root = ET.Element("testsuites", name="ezplan")
    for result in run.results:
        _suite(root, result, lang, strict, unchecked_fails)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    _printable(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
