"""Slips of one digit (ezplan.typos), and the whole-plan rule's order of fixes: one a slip
explains first, one leaving a 元/美元 pair at no plausible rate last. Expected values by hand in
the comments."""

from __future__ import annotations

import shutil

import pytest

from ezplan.typos import ADDED, DROPPED, POINT, SWAPPED, slip_into, slips
from tests.conftest import ROOT, findings_for


@pytest.mark.parametrize(
    ("typed", "decimals", "meant", "kind"),
    [
        (112, 0, 121, SWAPPED),  # 1-1-2 → 1-2-1: the last two digits
        (29.4, 1, 24.9, SWAPPED),  # 2-9-4 → 2-4-9, the point kept one from the right
        (39, 0, 390, DROPPED),  # a 0 left out
        (553, 0, 5553, DROPPED),  # a repeated 5 left out
        (5553, 0, 553, ADDED),
        (3265.7, 1, 326.57, POINT),
        (8.26, 2, 82.6, POINT),
    ],
)
def test_each_kind_of_slip_is_undone(typed, decimals, meant, kind):
    assert (pytest.approx(meant), kind) in [(v, k) for v, k in slips(typed, decimals)]


def test_a_different_digit_is_no_slip():
    # 500 → 5300 (a 3 put in) would land in any range near 5300: not tried
    assert all(v != pytest.approx(5300) for v, _ in slips(500, 0))
    assert all(v != pytest.approx(5.41) for v, _ in slips(5.46, 2))  # a last digit changed


@pytest.mark.parametrize(
    ("value", "decimals", "lo", "hi", "found"),
    [
        (112, 0, 119, 123, (121, SWAPPED)),
        # the range holds the value: nothing to undo
        (121, 0, 119, 123, None),
        # open or reaching 0 (a level's ≤ 8.150): any tenth fits, no slip is told
        (8.98, 2, 0.0, 8.15, None),
        # 395 steps of 1万美元 wide: 26069 → 26609 lands in it by chance, no slip is told
        (26069, 0, 26326, 26721, None),
        # 4.77 points wide, a fifth of 24: 增长42%'s 24 lands in [23.88, 28.65] by chance
        (42, 0, 23.88, 28.65, None),
        # 10 steps wide at most: 67968 ↔ 69768 in [67967, 67969]
        (69768, 0, 67967, 67969, (67968, SWAPPED)),
        # a slip's value carries its rounding: 1.7 → 7.1, which means [7.05, 7.15] and so
        # fits 70467 / 990865 = 7.1116%–7.1117% (a bulletin's share typed with digits swapped)
        (1.7, 1, 7.1116, 7.1117, (7.1, SWAPPED)),
        # …and 10 → 1 (a 0 too many), [0.5, 1.5] against 57.6 / 5777 = 0.9961%–0.9980%
        (10, 0, 0.9961, 0.9980, (1, ADDED)),
    ],
)
def test_a_slip_is_told_only_where_the_range_pins_the_figure(value, decimals, lo, hi, found):
    got = slip_into(value, decimals, lo, hi)
    assert got == (None if found is None else (pytest.approx(found[0]), found[1]))


def test_a_part_of_a_sum_typed_with_a_digit_left_out_is_named_first(tmp_path):
    """The bundled plan's bonded zone (1305亩 = 121 + 241 + 553 + 390) with 390亩 typed 39亩:
    the parts add up to 954亩. Any of the five could fix it alone; the largest came first and
    the typo was not shown at all (three are shown). 39亩 → 388–392亩 (1305 − 121 − 241 − 553
    = 390, ± four figures' 0.5) is one slip away: first, and said."""
    for name in ("baselines.yaml", "targets.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    text = (tmp_path / "targets.yaml").read_text(encoding="utf-8")
    assert text.count("390亩") >= 1
    (tmp_path / "targets.yaml").write_text(text.replace("390亩", "39亩"), encoding="utf-8")
    (f,) = [f for f in findings_for(tmp_path) if "954.0亩" in f.message("en")]
    en = f.message("en")
    assert (
        "any one of them could be what is wrong: 39亩 → 388.0–392.0亩 (390 would fit, as if a" in en
    )
    assert "（390即相符：疑漏打一位数字）" in f.message("zh")


def test_no_break_is_told_where_the_fix_meets_what_is_needed(tmp_path):
    """The bundled plan with 2020's trade typed 4208万美元 for 42080万美元: 'changing 增长182%
    instead (to 2633%–2871%) would break what Total foreign trade in 2020 must be, which needs
    ≥ -100.0%' — a need every growth meets, so no break (a reviewer's trial: 32 such clauses,
    ≥ 0亿美元 among them). The clauses that say a real need stay."""
    for name in ("baselines.yaml", "targets.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    text = (tmp_path / "baselines.yaml").read_text(encoding="utf-8")
    assert "42080万美元" in text
    (tmp_path / "baselines.yaml").write_text(text.replace("42080万美元", "4208万美元"), "utf-8")
    messages = [f.message("en") for f in findings_for(tmp_path)]
    assert not [m for m in messages if "needs ≥ -100" in m or "needs ≥ 0亿" in m], messages
    assert any("would break what" in m for m in messages)


def test_a_fix_that_leaves_a_pair_at_no_plausible_exchange_rate_comes_last(tmp_path):
    """The bundled plan with 82.6亿元 (= 12亿美元, 2025) typed 28.6亿元: 28.6 / 12 = 2.383元 per
    美元 against 37.6亿元 = 5.46亿美元's 37.6 / 5.46 = 6.886. Fixing either 元 figure resolves
    it; the correct 37.6亿元 was named (at 2.383, 5.46亿美元 is 13.0亿元: a rate no plan
    means). The typo is named, its range at about the other pair's rate: 12 × 6.886 = 82.6."""
    import re

    for name in ("baselines.yaml", "targets.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    text = (tmp_path / "targets.yaml").read_text(encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(text.replace("82.6亿元", "28.6亿元"), "utf-8")
    messages = [
        f.message("en") for f in findings_for(tmp_path) if "2.383元 per 美元" in f.message("en")
    ]
    assert messages
    for m in messages:
        assert "the likely wrong figure is 37.6亿元" not in m, m
        lo, hi = map(
            float, re.search(r"likely wrong figure is 28\.6亿元: ([\d.]+)–([\d.]+)亿元", m).groups()
        )
        assert abs((lo + hi) / 2 / 12 / (37.6 / 5.46) - 1) < 0.015, (lo, hi)


def test_figures_that_each_resolve_it_alone_are_all_named(tmp_path):
    """A share of a whole pinned by its own growth: 1000亿元 (2019) = 952.4亿元 × 1.05 (1000 /
    952.4 = 1.04998, within 5%'s rounding), so the whole is not the culprit. The part 71亿元
    (7.1% of 1000) typed 17亿元: the part (→ about 70.5–71.5亿元) and the share (→ 1.7%, 17 /
    1000) each fix it alone. Only the first was named, 'the likely wrong figure', and the
    other left out (a reviewer's trial of typed slips in a statistical bulletin)."""
    from tests.conftest import write_plan

    b = (
        "indicators:\n"
        "  gdp: {name: 生产总值, unit: 亿元, levels: {2018: 952.4亿元, 2019: 1000亿元},\n"
        "        growth: [{period: 2019, annual: 5%}]}\n"
        "  farm: {name: 第一产业增加值, unit: 亿元, levels: {2019: 17亿元},\n"
        "         shares: [{of: gdp, year: 2019, value: 7.1%}]}\n"
    )
    d = write_plan(tmp_path, b, "targets: {}\n")
    found = [f for f in findings_for(d) if f.severity.label == "error"]
    en = " ".join(f.message("en") for f in found)
    assert "any one of them could be what is wrong: " in en
    # 17 → 71 is two digits swapped: 71 fits 70.5–71.5 (7.1% of 1000, its width ± 0.05 points)
    assert "17亿元 → " in en and "(71 would fit, as if two digits were swapped)" in en
    assert "7.1% → " in en and "likely wrong" not in en
