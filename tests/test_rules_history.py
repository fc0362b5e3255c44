"""The history rule: a level a growth figure implies where the plan states none."""

from __future__ import annotations

from tests.conftest import findings_for, write_plan


def test_the_implied_level_is_shown_within_its_own_interval(tmp_path):
    """海口市: 增长84% over 2020 and 3.4万人 in 2020 imply 1.8万人 (allowed [1.82万人, 1.88万人])
    — the level at the figures' precision fell outside its own interval. 3.4/1.84 = 1.8478;
    3.4万人 allows [3.35, 3.45] and 84% [83.5%, 84.5%], so the interval is
    [3.35/1.845, 3.45/1.835] = [1.8157, 1.8801], shown [1.82, 1.88]; the level one digit finer,
    1.85, lies in it, 1.8 does not."""
    write_plan(
        tmp_path,
        """\
        indicators:
          talent:
            name: 引进人才
            unit: 万人
            levels: {2020: 3.4万人}
            growth:
              - {period: '2020', total: 增长84%}
        """,
        "targets: {}\n",
    )
    (f,) = findings_for(tmp_path, "history")
    text = f.message("en")
    assert "imply 1.85万人 (allowed [1.82万人, 1.88万人])" in text, text


def test_an_implied_level_carries_three_significant_digits(tmp_path):
    """广东省: 增长7.2% over 2020 and 突破4万亿元 in 2020 implied '4万亿元' for 2019 — at the
    stated figure's one digit the growth disappeared; 4 / 1.072 = 3.7313, shown 3.73. The
    interval keeps its own digits (突破4万亿元 allows ≥ 3.5, so ≥ 3.5 / 1.0725 = 3.26 → 3.3)."""
    write_plan(
        tmp_path,
        """\
        indicators:
          invest:
            name: 固定资产投资
            unit: 万亿元
            levels: {2020: 突破4万亿元}
            growth:
              - {period: '2020', total: 增长7.2%}
        """,
        "targets: {}\n",
    )
    (f,) = findings_for(tmp_path, "history")
    text = f.message("en")
    assert "imply 3.73万亿元 (allowed ≥ 3.3万亿元)" in text, text


def test_a_level_bounded_from_above_only_says_so(tmp_path):
    """山东省: 居民人均可支配收入32886元 (2020), 比2010年翻了一番 — at least ×2, and as a round word
    ≥ ×1.932 (2^0.95): the 2010 level is at most 32886.5 / 1.93187 = 17023.1元, with no floor;
    it was shown 'allowed [0.0元, 17023.1元]'. With a floor on the level too (突破500列 after
    增长2倍以上), nothing bounds the year before: no note."""
    write_plan(
        tmp_path,
        """\
        indicators:
          income:
            name: 居民人均可支配收入
            unit: 元
            levels: {2020: 32886元}
            growth:
              - {period: 2011-2020, total: 翻了一番}
          trains:
            name: 中欧班列
            unit: 列
            levels: {2020: 突破500列}
            growth:
              - {period: '2020', total: 增长2倍以上}
        """,
        "targets: {}\n",
    )
    (f,) = findings_for(tmp_path, "history")
    assert f.indicator == "income"
    assert "imply 16443元 (allowed ≤ 17023.1元)" in f.message("en"), f.message("en")
