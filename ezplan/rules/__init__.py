"""The consistency rules. Each rule is a module in this package with:

- ``CODE``: a stable kebab-case id (``level-rate``), used by --select/--ignore and in every output;
- ``TITLE``: ``{"en": …, "zh": …}``, one line;
- a docstring that is its user documentation (``ezplan rules`` prints it), and ``DOC_ZH``, the
  same in Chinese;
- ``MESSAGES``: message templates by id, ``{"en": …, "zh": …}``;
- ``check(plan, facts)``: a generator of findings, computing all its cases as numpy arrays, and
  of a ``Checked`` for every relation it judged (so that "consistent" is earned, never assumed).

A rule with ``AFTER = n`` (n ≥ 1) runs after the others, in the order of n, and is given what
they found: ``check(plan, facts, outcome)``. It may yield ``Amend(old, new)`` to replace a
finding of another rule with a richer one (the whole-plan rule names a local finding's likely
culprit rather than reporting the contradiction twice).

Modules are found by name; adding a rule is adding a module. Modules starting with ``_`` are
helpers, not rules.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from types import ModuleType
from typing import TYPE_CHECKING

from ezplan.findings import Checked, Finding, in_order
from ezplan.model import Plan

if TYPE_CHECKING:
    from ezplan.verdicts import Reason


@dataclass(frozen=True)
class Rule:
    code: str
    title: dict[str, str]
    doc: str
    module: ModuleType

    def doc_in(self, lang: str) -> str:
        """The rule's documentation in `lang`."""
        return getattr(self.module, "DOC_ZH", self.doc).strip() if lang == "zh" else self.doc

    @cached_property  # read for every rule of every plan checked
    def after(self) -> int:
        """0 for a rule of its own; n ≥ 1 to run after the others, given what they found."""
        return int(getattr(self.module, "AFTER", 0))

    def check(
        self, plan: Plan, facts: object, outcome: Outcome | None = None
    ) -> Iterator[Finding | Checked | Amend]:
        if self.after:
            return self.module.check(plan, facts, outcome or Outcome([], []))
        return self.module.check(plan, facts)


@cache
def all_rules() -> tuple[Rule, ...]:
    rules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        rules.append(Rule(mod.CODE, mod.TITLE, (mod.__doc__ or "").strip(), mod))
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes)), f"duplicate rule codes: {codes}"
    return tuple(sorted(rules, key=lambda r: r.code))


# Checks that are not rules: a plan that could not be read is reported like a finding.
BUILTIN: dict[str, dict] = {
    "load": {
        "title": {"en": "Plan files that cannot be read", "zh": "无法读取的规划文件"},
        "doc": {
            "en": "A plan file that is not readable, not UTF-8, not valid YAML or not of the "
            "plan's shape. The message names the position and what would be accepted.",
            "zh": "无法读取的规划文件：不可读、不是 UTF-8、不是有效的 YAML，或不符合规划文件的"
            "结构。消息指出位置以及可接受的写法。",
        },
        "messages": {"load": {"en": "{message}", "zh": "{message}"}},
    }
}


def rule(code: str) -> Rule:
    try:
        return _by_code()[code]
    except KeyError:
        raise KeyError(code) from None


@cache
def _by_code() -> dict[str, Rule]:
    """The rules by code: read for every finding's title and message."""
    return {r.code: r for r in all_rules()}


def title(code: str, lang: str) -> str:
    t = BUILTIN[code]["title"] if code in BUILTIN else rule(code).title
    return t.get(lang) or t["en"]


def doc(code: str, lang: str = "en") -> str:
    if code in BUILTIN:
        d = BUILTIN[code]["doc"]
        return d.get(lang) or d["en"]
    return rule(code).doc_in(lang)


def message_template(code: str, message_id: str, lang: str) -> str:
    table = BUILTIN[code]["messages"] if code in BUILTIN else rule(code).module.MESSAGES
    messages = table[message_id]
    return messages.get(lang) or messages["en"]


def select(codes: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules by code; unknown codes raise KeyError naming them."""
    known = {r.code for r in all_rules()}
    wanted = set(codes) if codes else set(known)
    unknown = (wanted | set(ignore)) - known
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    return [r for r in all_rules() if r.code in wanted and r.code not in set(ignore)]


@dataclass
class Outcome:
    """What the rules found, and which relations they judged. `unselected`: what the rules left
    out by --select/--ignore would have found — a later rule consults it so as not to report,
    under another name, what the user chose not to see."""

    findings: list[Finding]
    checked: list[Checked]
    unselected: list[Finding] = field(default_factory=list)
    # why each target no relation of which was judged is not checkable, by indicator: found by
    # the `unchecked` rule for what was judged when it ran, read again for the summary table's
    # rows (which find the reason of a target whose judgement a later rule took back)
    reasons: dict[str, Reason] | None = None


@dataclass(frozen=True)
class Amend:
    """A later rule's replacement for a finding an earlier rule made."""

    old: Finding
    new: Finding


def evaluate(plan: Plan, rules: Iterable[Rule] | None = None, facts: object = None) -> Outcome:
    from ezplan.facts import Facts

    facts = facts if facts is not None else Facts(plan)
    outcome = Outcome([], [])
    chosen = list(rules if rules is not None else all_rules())
    if any(r.after for r in chosen):
        codes = {r.code for r in chosen}  # (a rule's code is its identity: `all_rules`)
        for r in all_rules():
            if not r.after and r.code not in codes:
                outcome.unselected.extend(
                    item for item in r.check(plan, facts) if isinstance(item, Finding)
                )
    where: dict[int, int] = {}  # a finding's place in the list, by identity (no equality scans)
    for r in sorted(chosen, key=lambda r: r.after):
        if r.after and isinstance(facts, Facts):
            facts.forget_values()  # the later rules read what was found, not the values
        for item in r.check(plan, facts, outcome):
            if isinstance(item, Checked):
                outcome.checked.append(item)
            elif isinstance(item, Amend):
                at = where.pop(id(item.old))
                outcome.findings[at] = item.new
                where[id(item.new)] = at
            else:
                where[id(item)] = len(outcome.findings)
                outcome.findings.append(item)
    outcome.findings.sort(key=in_order)
    return outcome


def run(plan: Plan, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """The findings of the rules on `plan`, in file order."""
    return evaluate(plan, rules).findings
