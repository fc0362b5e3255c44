"""翻番 is a word, not a number: it has no digits to say how exact it is. As a fact it allows
what 约翻番 allows — 2^(1 ± 5%) = ×1.9319–2.0705 (ln 2 × 0.95 = 0.65848, e^0.65848 = 1.9319;
ln 2 × 1.05 = 0.72780, e^0.72780 = 2.0705) — and its exact reading (×2) is an assumption: figures
that agree only with the word read loosely are a warning, not an error.

宣城's 2021 report: 游客接待量…实现翻番，年均增长14% over 2016–2020. 14% allows at most
1.145^5 = 1.9679 (1.145² = 1.311025, ⁴ = 1.718787, × 1.145 = 1.968011): not ×2, but within
×1.93–2.07."""

from __future__ import annotations

import math

import pytest

from ezplan import fmt
from ezplan.figures import parse_figure
from ezplan.findings import steps_in
from ezplan.loader import load_plan
from ezplan.network import analyse
from tests.conftest import findings_for, write_plan

LOOSE_LO, LOOSE_HI = 1.93187, 2.07053  # 2^0.95, 2^1.05 (see the module's docstring)
TOURISTS = "indicators:\n  x: {name: 游客接待量, unit: 万人次, levels: {2015: 100万人次}}\n"
REVIEW = "plan: {name: 测试, period: 2016-2020}\n"


def test_a_doubling_word_read_loosely_allows_what_about_doubling_allows():
    lo, hi = parse_figure("翻一番").round_word_factor_interval()
    assert (lo, hi) == pytest.approx((LOOSE_LO, LOOSE_HI), abs=1e-5)
    assert parse_figure("约翻一番").factor_interval() == pytest.approx((lo, hi))
    lo, hi = parse_figure("翻番以上").round_word_factor_interval()
    assert lo == pytest.approx(LOOSE_LO, abs=1e-5) and math.isinf(hi)
    # 翻两番: 2^(2 × 0.95) = 2^1.9 = 3.7321, 2^2.1 = 4.2871
    assert parse_figure("翻两番").round_word_factor_interval() == pytest.approx(
        (3.7321, 4.2871), abs=1e-4
    )
    # already loose, or a number: no second reading
    for text in ("约翻一番", "接近翻番", "增长100%", "是2020年的2倍"):
        assert parse_figure(text).round_word_factor_interval() is None, text


def rate_findings(tmp_path, total, annual):
    d = write_plan(
        tmp_path, TOURISTS, f"targets:\n  x: {{total: {total}, annual: {annual}}}\n", REVIEW
    )
    return [(f.severity.label, f.message_id, f) for f in findings_for(d, "growth-rate")]


def test_a_rate_that_fits_only_a_loose_doubling_is_a_warning(tmp_path):
    # 14%: ×[1.135^5, 1.145^5] = [1.8830, 1.9680] (1.135² = 1.288225, ⁴ = 1.659524, × 1.135 =
    # 1.883560) misses ≥ ×2 and meets ≥ ×1.9319
    ((sev, mid, f),) = rate_findings(tmp_path, "翻番以上", "14%")
    assert (sev, mid) == ("warning", "round-word")
    assert "they agree only if 翻番以上 is a round word, not an exact one (≥ ×1.932" in f.message(
        "en"
    )
    assert "仅当翻番以上为约数而非确数（按约翻番即≥ ×1.932）时相符" in f.message("zh")
    assert f.data["round_word_factor"]["low"] == pytest.approx(LOOSE_LO, abs=1e-5)
    assert f.data["round_word_factor"]["high"] is None  # ≥: no upper end (JSON has no ∞)
    # 2^(0.95/5) − 1 = e^0.131698 − 1 = 14.08%
    assert "翻番以上 as a round word (≥ ×1.932) allows ≥ 14.08% a year — overlap" in steps_in(
        f, "en"
    )


def test_a_rate_too_low_even_for_a_loose_doubling_stays_an_error(tmp_path):
    # 13%: at most 1.135^5 = ×1.8836 < ×1.9319
    ((sev, mid, _),) = rate_findings(tmp_path, "翻一番", "13%")
    assert (sev, mid) == ("error", "mismatch")


def test_a_rate_that_fits_an_exact_doubling_is_silent(tmp_path):
    # 15%: [1.145^5, 1.155^5] = [1.9680, 2.0546] holds ×2
    assert rate_findings(tmp_path, "翻一番", "15%") == []


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        # 195 (±0.5) over 100 (±0.5): [194.5/100.5, 195.5/99.5] = [1.9353, 1.9648]: not ×2,
        # within ×1.9319–2.0705
        ("195万人次", [("warning", "round-word")]),
        # 190: [189.5/100.5, 190.5/99.5] = [1.8856, 1.9146] < 1.9319
        ("190万人次", [("error", "mismatch")]),
        ("200万人次", []),
    ],
)
def test_levels_against_a_doubling_word(tmp_path, level, expected):
    d = write_plan(
        tmp_path, TOURISTS, f"targets:\n  x: {{level: {level}, total: 翻一番}}\n", REVIEW
    )
    found = findings_for(d, "level-growth")
    assert [(f.severity.label, f.message_id) for f in found] == expected
    if expected and expected[0][1] == "round-word":
        assert "as 约翻一番" in found[0].message("en")


def test_a_chain_against_a_doubling_word(tmp_path):
    # 2016–2018 增长40% and 2019–2020 增长40%: [1.395², 1.405²] = [1.9460, 1.9740], not ×2 but
    # within ×1.9319–2.0705 — a warning; 增长35% twice ([1.345², 1.355²] = [1.8090, 1.8360]) is
    # short of even ×1.9319
    def chained(pct):
        growth = (
            "    growth:\n"
            f"      - {{period: 2016-2018, total: 增长{pct}%}}\n"
            f"      - {{period: 2019-2020, total: 增长{pct}%}}\n"
            "      - {period: 2016-2020, total: 翻一番}\n"
        )
        block = "indicators:\n  x:\n    name: 游客接待量\n    unit: 万人次\n"
        d = write_plan(tmp_path / str(pct), block + growth, "targets: {}\n", REVIEW)
        return [(f.severity.label, f.message_id) for f in findings_for(d, "chained-growth")]

    assert chained(40) == [("warning", "round-word")]
    assert chained(35) == [("error", "mismatch")]


def test_the_network_assumes_the_exact_reading(tmp_path):
    """The whole-plan network holds the word as ×1.9319–2.0705 and the exact ×2 as an
    assumption (tier 2) that is set aside with its figure."""
    d = write_plan(tmp_path, TOURISTS, "targets:\n  x: {total: 翻番以上, annual: 14%}\n", REVIEW)
    (c,) = analyse(load_plan(d)).contradictions
    assert c.tier == "warning"
    assert [a.kind for a in c.assumptions] == ["exact_word"]
    assert c.assumptions[0].stated.text == "翻番以上"
    assert [s.text for s in c.figures] == ["14%"]
    d = write_plan(
        tmp_path / "e", TOURISTS, "targets:\n  x: {total: 翻番以上, annual: 13%}\n", REVIEW
    )
    (c,) = analyse(load_plan(d)).contradictions
    assert c.tier == "error"
    assert {s.text for s in c.figures} == {"翻番以上", "13%"}


def test_a_contradiction_of_assumptions_alone_names_their_figures(tmp_path):
    """济南's 进出口总额实现翻番 with 年均增长约14.4%: 约14.4% allows 14.4 ± 0.72 (5%), so
    1.1512^5 = 2.0222 reaches ×2; its inner half (± 0.36) at most 1.1476^5 = 1.9905 does not.
    Every member is an assumption (the 约's core, the word's exact reading): the finding names
    both figures, where it had none to point at."""
    d = write_plan(
        tmp_path, TOURISTS, "targets:\n  x: {total: 翻番以上, annual: 约14.4%}\n", REVIEW
    )
    (f,) = [f for f in findings_for(d, "whole-plan") if f.severity.label != "note"]
    assert f.severity.label == "warning"
    en = f.message("en")
    assert "if 翻番以上 means at least ×2 exactly, not about it" in en
    assert "if 约14.4% is not at the very edge of its width" in en
    assert (
        "翻番以上, 年均增长约14.4% cannot all hold. Any one of these would resolve the "
        "contradiction: 翻番以上 read as a round word; 约14.4% at the edge of its width." in en
    )
    assert "若翻番以上确指不低于2倍而非约数" in f.message("zh")


def test_explain_says_what_a_doubling_word_allows():
    """`explain` listed 翻番以上 as allowing '≥ 1.0' (its count of 番): it is ≥ ×2, and as a
    round word ≥ ×1.932 (2^0.95)."""
    assert fmt.allowed(parse_figure("翻番以上")) == "≥ ×2 (as a round word ≥ ×1.932)"
    assert fmt.allowed(parse_figure("翻一番"), "zh") == "×2（约数：[×1.932, ×2.071]）"
    # 约翻两番 is already a round figure: 2^1.9 = 3.7321, 2^2.1 = 4.2871
    assert fmt.allowed(parse_figure("约翻两番")) == "[×3.732, ×4.287]"


def test_levels_a_doubling_word_implies_are_as_loose_as_the_word(tmp_path):
    """出口 doubled from 100 (±0.5) over 2016–2020 and 进口 100 make 进出口 295 in 2020: exactly
    ×2, 出口 is [199, 201] and the sum [298.5, 301.5] misses [294.5, 295.5]; as a round word
    [99.5 × 1.9319, 100.5 × 2.0705] = [192.2, 208.1] and the sum reaches it. part-whole gave an
    error beside the whole-plan rule's warning on the same figures; it is one warning now."""
    d = write_plan(
        tmp_path,
        """\
        indicators:
          t: {name: 进出口总额, unit: 亿元, parts: [ex, im], levels: {2020: 295亿元}}
          ex:
            name: 出口总额
            unit: 亿元
            levels: {2015: 100亿元}
            growth:
              - {period: 2016-2020, total: 翻番}
          im: {name: 进口总额, unit: 亿元, levels: {2020: 100亿元}}
        """,
        "targets: {}\n",
    )
    found = [(f.check, f.severity.label) for f in findings_for(d) if f.severity.label != "note"]
    assert found == [("whole-plan", "warning")]


def test_a_word_and_a_rate_report_the_figure_not_the_core_of_its_width(tmp_path):
    """翻番 with 约14% (13.3%–14.7%, 1.147^5 = ×1.985 at most): the exact ×2 contradicts the
    whole width of 约14%, not only its core — the finding says the rate would fit at 14.87%
    (2^(1/5) − 1), where it said 'read to the ends of their widths, the figures agree'."""
    d = write_plan(tmp_path, TOURISTS, "targets:\n  x: {total: 翻番, annual: 约14%}\n", REVIEW)
    (f,) = [f for f in findings_for(d) if f.severity.label != "note"]
    assert (f.check, f.severity.label, f.message_id) == ("growth-rate", "warning", "round-word")
    assert f.message("en").endswith("if a figure is wrong, it is 年均增长约14%: 14.87% would fit.")
    # the rate's own width, so that ×1.93 beside ×1.932 does not read as a contradiction:
    # [1.133^5, 1.147^5] = [1.8666, 1.9853]
    assert "gives ×1.93 ([×1.867, ×1.985] across its width)" in f.message("en")


def test_an_at_most_word_reads_as_a_ceiling(tmp_path):
    """不超过翻番 with 207 from 100: [206.5/100.5, 207.5/99.5] = [2.0547, 2.0854] is above ×2 and
    reaches below ×2.0705: a warning, whose words say ≤, not a range from ×0."""
    d = write_plan(
        tmp_path, TOURISTS, "targets:\n  x: {level: 207万人次, total: 不超过翻番}\n", REVIEW
    )
    (f,) = findings_for(d, "level-growth")
    assert f.message_id == "round-word"
    assert "not an exact one (≤ ×2.071, as 约翻番)" in f.message("en")
    assert fmt.allowed(parse_figure("不超过翻番")) == "≤ ×2 (as a round word ≤ ×2.071)"


def test_two_words_that_read_alike_are_told_apart(tmp_path):
    """翻番 over 2016–2020 in baselines.yaml and 翻番 over 2021–2025 in targets.yaml with 388 in
    2025: exactly, 2020 is [199, 201] and 388/2 = [193.75, 194.25] — both exact readings make the
    contradiction, and the message told them apart by nothing."""
    d = write_plan(
        tmp_path,
        """\
        indicators:
          x:
            name: 游客接待量
            unit: 万人次
            levels: {2015: 100万人次}
            growth:
              - {period: 2016-2020, total: 翻番}
        """,
        "targets:\n  x: {level: 388万人次, total: 翻番}\n",
    )
    (f,) = [f for f in findings_for(d) if f.check == "whole-plan" and f.severity.label != "note"]
    en = f.message("en")
    assert "if 翻番 (line 7 of " in en and "baselines.yaml) means ×2 exactly" in en
    assert "if 翻番 (line 5 of " in en and "targets.yaml) means ×2 exactly" in en
    zh = f.message("zh")
    assert "baselines.yaml第7行的翻番确指2倍而非约数" in zh
    assert "targets.yaml第5行的翻番确指2倍而非约数" in zh


def test_explain_names_the_assumption_a_figure_contradicts(tmp_path):
    """explain said 14% 'takes part in a contradiction with an assumption (one exchange rate a
    year …)' whatever the assumption was: it says which."""
    from click.testing import CliRunner

    from ezplan.cli import main

    d = write_plan(tmp_path, TOURISTS, "targets:\n  x: {total: 翻番, annual: 14%}\n", REVIEW)
    r = CliRunner().invoke(main, ["explain", "x", "--plan", str(d), "--lang", "en"])
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    assert "with the assumption that 翻番 means ×2 exactly, not about it" in text
    assert "exchange rate" not in text


def test_two_implied_levels_that_differ_only_by_the_word_read_exactly(tmp_path):
    """2020: 200 and 翻番 over 2016–2020 imply 2015 = [199.5/2, 200.5/2] = [99.75, 100.25]
    exactly, or [199.5/2.0705, 200.5/1.9319] = [96.35, 103.78] read as a round word; 2018: 140
    and 增长45% over 2016–2018 imply [139.5/1.455, 140.5/1.445] = [95.88, 97.23]. The history
    rule called them an error; they differ only by the word read exactly: the whole-plan
    rule's warning."""
    d = write_plan(
        tmp_path,
        """\
        indicators:
          x:
            name: 游客接待量
            unit: 万人次
            levels: {2020: 200万人次, 2018: 140万人次}
            growth:
              - {period: 2016-2020, total: 翻番}
              - {period: 2016-2018, total: 增长45%}
        """,
        "targets: {}\n",
    )
    found = [(f.check, f.severity.label) for f in findings_for(d) if f.severity.label != "note"]
    assert found == [("whole-plan", "warning")]
