"""ezplan extract measured against hand-made figures; the scores are pinned so they can only
improve. The matching rules are `ezplan.extract.evaluate`'s (tested here on small cases)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ezplan.extract import extract
from ezplan.extract.evaluate import (
    GoldDocument,
    Item,
    gold_from_plan,
    load_gold,
    predicted_items,
    same_indicator,
    score,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"

# (matched at least, extracted in scope at most) as measured; raise them when extraction improves
PINNED = {
    "宣城市": (55, 55),
    "山西省": (72, 74),
    "福州市": (216, 220),
    "文山壮族苗族自治州": (213, 218),
    # the held-out set of round 2 (P 87.8% / R 83.7% and P 90.0% / R 72.0% when measured
    # blind), tuning material since round 3
    "南充市": (124, 129),
    "吉林省": (22, 25),
}
# annotated blind and never used to write the rules: measured once, when the rules were done
# (round 3: 河北省 P 89.0% / R 84.4%, 贵港市 P 93.1% / R 93.1%); a floor, like the others
HELD_OUT = {
    "河北省": (81, 91),
    "贵港市": (54, 58),
}


def test_matching_rules():
    g = Item("全市地区生产总值", "level", "1,200", (2025, 2025), 3, 5)
    assert same_indicator("全市地区生产总值", "地区生产总值")
    assert same_indicator(
        "非金融类企业境外投资项目（备案）", "商务系统备案的非金融类企业境外投资项目"
    )
    assert not same_indicator("", "地区生产总值")
    gold = GoldDocument("d", [g], [(1, 10)])
    ok = Item("地区生产总值", "level", "1200.0", (2025, 2025), 3, 9)
    assert score(gold, [ok]).matched == 1
    for wrong in (
        Item("地区生产总值", "count", "1200", (2025, 2025), 3, 5),  # kind
        Item("地区生产总值", "level", "1201", (2025, 2025), 3, 5),  # value
        Item("地区生产总值", "level", "1200", (2021, 2025), 3, 5),  # time
        Item("地区生产总值", "level", "1200", (2025, 2025), 4, 5),  # line
        Item("一般公共预算收入", "level", "1200", (2025, 2025), 3, 5),  # indicator
    ):
        s = score(gold, [wrong])
        assert (s.matched, s.precision, s.recall) == (0, 0.0, 0.0)
    out_of_scope = Item("x", "level", "1", None, 11, 1)
    assert score(gold, [ok, out_of_scope]).predicted == 1


def test_bundled_plan_recall_and_precision():
    gold = gold_from_plan(ROOT / "baselines.yaml", ROOT / "targets.yaml")
    s = score(gold, predicted_items(extract(DATA / "extract" / "ezhou-plan.txt").figures))
    assert s.gold == 63
    assert s.matched >= 58  # recall 92.1%
    assert s.predicted - s.matched <= 4  # precision 93.5%
    assert s.recall >= 0.90


@pytest.mark.parametrize("name", sorted(PINNED) + sorted(HELD_OUT))
def test_gold_documents_pinned(name):
    path = DATA / "gold" / f"{name}.json"
    if not path.exists():
        pytest.skip(f"no gold for {name}")
    gold = load_gold(path)
    s = score(gold, predicted_items(extract(DATA / "corpus" / f"{name}.md").figures))
    least, most = (PINNED | HELD_OUT)[name]
    assert s.matched >= least, s.as_dict()
    assert s.predicted - s.matched <= most - least, s.as_dict()


def test_gold_overall():
    total = None
    for name in PINNED:
        path = DATA / "gold" / f"{name}.json"
        if not path.exists():
            pytest.skip("gold incomplete")
        s = score(load_gold(path), predicted_items(extract(DATA / "corpus" / f"{name}.md").figures))
        total = s if total is None else total + s
    assert total is not None
    assert total.recall >= 0.90 and total.precision >= 0.90, total.as_dict()
    assert total.core_recall >= 0.95, total.as_dict()
