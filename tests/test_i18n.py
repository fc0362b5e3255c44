"""One catalogue, both languages: every user-facing string has a Chinese and an English form, and
the two take the same parameters."""

from __future__ import annotations

import string

import pytest

from ezplan import rules
from ezplan.i18n import TEXT


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_interface_string_in_both_languages(key):
    entry = TEXT[key]
    assert entry.get("zh") and entry.get("en"), key
    assert fields(entry["zh"]) == fields(entry["en"]), key


@pytest.mark.parametrize("rule", rules.all_rules(), ids=lambda r: r.code)
def test_every_rule_speaks_both_languages(rule):
    assert rule.title.get("zh") and rule.title.get("en")
    assert rule.doc_in("zh") != rule.doc_in("en"), "no Chinese documentation (DOC_ZH)"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.doc_in("zh"))
    for mid, m in rule.module.MESSAGES.items():
        assert m.get("zh") and m.get("en"), (rule.code, mid)
        assert fields(m["zh"]) == fields(m["en"]), (rule.code, mid)


def test_builtin_checks_in_both_languages():
    for code in rules.BUILTIN:
        assert rules.doc(code, "zh") != rules.doc(code, "en")
        assert rules.title(code, "zh") != rules.title(code, "en")


def test_a_step_with_words_keeps_both_languages_through_pickle():
    import pickle

    from ezplan.findings import Words

    w = pickle.loads(pickle.dumps(Words("allows", "允许")))
    assert (str(w), w.zh) == ("allows", "允许")
