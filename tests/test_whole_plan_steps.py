"""The whole-plan rule's derivation steps, in words in both languages."""

from __future__ import annotations

from ezplan.findings import steps_in
from tests.conftest import findings_for, write_plan

ASSUMED = ("even_growth", "one_rate_per_year", "about_core", "exact_word")


def test_a_step_resting_on_an_assumption_names_it_in_words(tmp_path):
    """固定资产投资 累计3625亿元 over 2021–2025 at 年均增长11.8% from 819.24亿元 in 2020: an
    even path sums to 819.24 × Σ1.118^t (t = 1…5, 7.0743) = 5796亿元, so the target's figures
    disagree only if the sum grows evenly at 11.8% — the step that rests on that said
    '← even_growth' in both languages, the network's own name for it."""
    write_plan(
        tmp_path,
        """\
        indicators:
          x:
            name: 固定资产投资
            unit: 亿元
            levels: {2020: 819.24亿元}
        """,
        "targets:\n  x: {cumulative: 3625亿元, annual: 11.8%}\n",
    )
    (f,) = [f for f in findings_for(tmp_path, "whole-plan") if f.steps]
    en, zh = steps_in(f, "en"), steps_in(f, "zh")
    assert any(s.endswith("← assumed: the sum grows evenly at 11.8% a year") for s in en), en
    assert any(s.endswith("← 假设累计额每年均按11.8%增长") for s in zh), zh
    assert not [s for s in en + zh if any(kind in s for kind in ASSUMED)]


def test_an_observed_sum_is_not_assumed_to_have_grown_evenly(tmp_path):
    """文山州: 累计完成固定资产投资3625亿元 over 2016–2020, 年均增长11.8%, 819.24亿元 in 2020 —
    the whole-plan rule warned that they 'cannot all hold if the sum grows evenly' (an even
    path from 819.24 / 1.118^5 = 470.1 sums to 3318), but the five years went as they went (亳州
    市's own 2020 growth of 1.7% beside its five-year 10.9% shows it): evenness is the planning
    convention for a target's sum, not a fact about the past."""
    write_plan(
        tmp_path,
        """\
        indicators:
          x:
            name: 固定资产投资
            unit: 亿元
            levels: {2020: 819.24亿元}
            cumulative:
              - {period: 2016-2020, value: 3625亿元}
            growth:
              - {period: 2016-2020, annual: 11.8%}
        """,
        "targets: {}\n",
    )
    assert [f for f in findings_for(tmp_path, "whole-plan") if f.severity.label != "note"] == []
