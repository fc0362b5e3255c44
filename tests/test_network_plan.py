"""The plan adapter: the bundled Ezhou plan and small plans, numbers worked by hand.

Ezhou, 2025 trade (targets.yaml), under one exchange rate for 2025:
- exports 37.6亿元 = 5.46亿美元: rate ∈ [37.55/5.465, 37.65/5.455] = [6.871, 6.9019];
- trade 82.6亿元 at that rate: [82.55/6.9019, 82.65/6.871] = [11.9604, 12.0288]亿美元;
- over 2020's 42080万美元 ([4.20795, 4.20805]亿): ×[2.84227, 2.85859], 增长184.23%–185.86%;
- the plan says 增长182% (181.5%–182.5%): a contradiction, but only under the one rate.
Ezhou, exports 2015→2019 (baselines.yaml): 增长18.9% needs 4.4119%–4.4338% a year
(1.1885^¼ − 1, 1.1895^¼ − 1), not 4.3%; 4.3% gives 18.115%–18.569% (1.0425⁴ − 1, 1.0435⁴ − 1)
while the 2015 parts identity needs about 18.69%–19.05% (see test_network_conflicts).
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ezplan import rules
from ezplan.findings import Severity
from ezplan.loader import load_plan
from ezplan.model import Stated
from ezplan.network import Assumption, analyse
from tests.conftest import ROOT, write_plan


@pytest.fixture(scope="module")
def ezhou():
    return analyse(load_plan(ROOT))


def texts(members) -> set[str]:
    return {m.text for m in members if isinstance(m, Stated)}


def culprit(c, text):
    return next(k for k in c.culprits if isinstance(k.member, Stated) and k.member.text == text)


def test_ezhou_trade_total_contradicts_through_the_2025_exchange_rate(ezhou):
    trade = [c for c in ezhou.warnings if "增长182%" in texts(c.members)]
    assert trade, "the 2025 trade contradiction is missing"
    c = trade[0]
    assert c.tier == "warning"
    (rate,) = c.assumptions
    assert rate == Assumption("one_rate_per_year", year=2025, planned=True)
    assert {"82.6亿元", "37.6亿元", "5.46亿美元", "增长182%"} <= texts(c.members)
    assert "42080万美元" in texts(c.members) or {"16011万美元", "26069万美元"} <= texts(c.members)
    fit = culprit(c, "增长182%").fit_conflict
    assert fit.unit == "%"
    assert (fit.lo, fit.hi) == pytest.approx((184.2274, 185.8594), abs=2e-4)
    assert not any("增长182%" in texts(e.members) for e in ezhou.errors)


def test_ezhou_exports_rate_is_the_culprit(ezhou):
    (c,) = [e for e in ezhou.errors if texts(e.members) == {"4.3%", "增长18.9%"}]
    top, second = c.culprits
    assert top.member.text == "4.3%" and top.resolves_all and top.resolves >= 2
    assert (top.fit_conflict.lo, top.fit_conflict.hi) == pytest.approx((4.41185, 4.43381), 1e-5)
    assert top.fit_conflict.unit == "%"
    assert second.member.text == "增长18.9%" and second.resolves_all is False
    assert (second.fit_conflict.lo, second.fit_conflict.hi) == pytest.approx(
        (18.11478, 18.56863), 1e-5
    )
    # changing 18.9% runs into 2015 exports + imports = trade, which needs ~18.69%–19.05%
    assert "4.3%" in texts(second.blocked_by) and "增长24.9%" in texts(second.blocked_by)
    assert 18.6 < second.blocked_needs.lo < 18.7 and 19.0 < second.blocked_needs.hi < 19.1
    other = next(e for e in ezhou.errors if texts(e.members) == texts(second.blocked_by))
    assert other.culprits[0].member.text == "4.3%"
    assert 4.37 < other.culprits[0].fit_conflict.lo < other.culprits[0].fit_conflict.hi < 4.46


def test_ezhou_other_errors_and_what_was_set_aside(ezhou):
    groups = [texts(e.members) for e in ezhou.errors]
    assert {"326.57亿元", "500亿元", "10%"} in groups  # 326.57 × 1.1^5 = 525.94, not 500
    assert {"8.1亿美元", "8.98亿美元"} in groups  # 其中 8.98 > the whole 8.1
    assert "4.3%" in texts(ezhou.set_aside("error"))


def test_ezhou_intervals_and_their_derivation(ezhou):
    by_year = {
        iv.quantity.year: iv
        for iv in ezhou.intervals_for("exports")
        if iv.quantity.kind == "level" and iv.quantity.unit == "亿美元"
    }
    # 2015 exports: 27285万美元 over 增长18.9%: [2.72845/1.1895, 2.72855/1.1885] 亿美元
    assert (by_year[2015].lo, by_year[2015].hi) == pytest.approx((2.293779, 2.295793), 1e-6)
    sources = {s.source.text for s in by_year[2015].steps if isinstance(s.source, Stated)}
    assert sources == {"27285万美元", "增长18.9%"}
    (pair,) = [s for s in load_plan(ROOT).levels if s.indicator == "exports" and s.year == 2025]
    usd = next(f for f in pair.figures if f.text == "5.46亿美元")
    (iv,) = ezhou.intervals_for(usd)
    assert (iv.lo, iv.hi) == pytest.approx((5.455, 5.465))


SHARE_BASE = """\
indicators:
  gdp: {name: 地区生产总值, unit: 亿元, levels: {2020: 1000亿元}}
  rd:
    name: 研发经费
    unit: 亿元
    shares: [{of: gdp, year: 2020, value: 2.0%}]
"""
SHARE_TARGETS = """\
targets:
  gdp: {level: 突破1500亿元}
  rd: {annual: 8%, share: {of: gdp, value: 2.5%}}
"""


def test_share_path_contradiction(tmp_path):
    # R&D 2020 ≤ 2.05% × 1000.5 = 20.51; at ≤ 8.5% a year, 2025 ≤ 20.51 × 1.085^5 = 30.84;
    # 2.5% (≥ 2.45%) of more than 1499.5 is ≥ 36.74: impossible
    d = write_plan(tmp_path, SHARE_BASE, SHARE_TARGETS)
    plan = load_plan(d)
    local = [r for r in rules.all_rules() if r.code != "whole-plan"]
    found = rules.run(plan, local)
    assert not [f for f in found if f.severity >= Severity.WARNING]  # each passes alone
    a = analyse(plan)
    (c,) = a.contradictions
    assert c.tier == "error"
    assert texts(c.members) == {"1000亿元", "2.0%", "8%", "突破1500亿元", "2.5%"}
    # the whole-plan rule reports it, once, with every figure and where it stands
    (f,) = [f for f in rules.run(plan) if f.check == "whole-plan"]
    assert f.severity is Severity.ERROR
    assert {x["text"] for x in f.data["figures"]} == texts(c.members)
    assert all(x["line"] and x["file"] for x in f.data["figures"])


CONSISTENT_BASE = """\
indicators:
  gdp:
    name: 地区生产总值
    unit: 亿元
    levels: {2019: 950亿元, 2020: 1000亿元}
    growth: [{period: 2016-2020, annual: 7.2%, total: 增长41.6%}]
  trade: {name: 外贸进出口总额, unit: 亿美元, parts: [exports, imports], levels: {2020: 30.0亿美元}}
  exports: {name: 出口, unit: 亿美元, levels: {2020: 18.2亿美元}}
  imports: {name: 进口, unit: 亿美元, levels: {2020: 11.8亿美元}}
  rd: {name: 研发经费, unit: 亿元, shares: [{of: gdp, year: 2020, value: 2.0%}]}
  urban: {name: 城镇化率, unit: "%", levels: {2020: 60.5%}}
  fdi:
    name: 实际利用外资
    unit: 亿美元
    levels: {2020: 2.6亿美元}
    cumulative: [{period: 2016-2020, value: 12.4亿美元}]
"""
CONSISTENT_TARGETS = """\
targets:
  gdp: {level: 1400亿元左右, annual: 7%}
  trade: {level: [333.4亿元, 48.3亿美元], annual: 10%, total: 增长61%}
  exports: {level: [202.2亿元, 29.3亿美元], annual: 10%}
  rd: {annual: 12%, share: {of: gdp, value: 2.5%以上}}
  urban: {level: 65.5%, change: 提高5个百分点}
  fdi: {annual: 8%, cumulative: 16.5亿美元}
"""


def test_a_consistent_plan_has_no_contradiction(tmp_path):
    # Written as a planner would, from exact values, at 6.9元 per 美元:
    # gdp 1000 × 1.07^5 = 1402.55 → 约1400; 1.072^5 = 1.41571 → 增长41.6%;
    # trade 30 × 1.1^5 = 48.3153 → 48.3亿美元, × 6.9 = 333.376 → 333.4亿元; 增长61.05% → 61%;
    # exports 18.2 × 1.1^5 = 29.3113 → 29.3亿美元, × 6.9 = 202.248 → 202.2亿元;
    # rd 20 × 1.12^5 = 35.247, of 1402.55 is 2.513% → 2.5%以上; urban 60.5 + 5 = 65.5;
    # fdi 2.6 × Σ1.08^t (t = 1…5) = 2.6 × 6.335929 = 16.473 → 16.5亿美元
    plan = load_plan(write_plan(tmp_path, CONSISTENT_BASE, CONSISTENT_TARGETS))
    a = analyse(plan)
    assert a.contradictions == ()
    assert not a.incomplete
    (rate,) = [
        iv
        for iv in a.intervals_for("trade", assumptions=True)
        if iv.quantity.kind == "exchange_rate"
    ]
    # one 2025 rate: [333.35/48.35, 333.45/48.25] ∩ [202.15/29.35, 202.25/29.25]
    assert rate.lo >= 333.35 / 48.35 - 1e-9 and rate.hi <= 333.45 / 48.25 + 1e-9


def test_constant_prices_growth_is_not_tied_to_levels(tmp_path):
    base = "indicators:\n  gdp: {name: 地区生产总值, unit: 亿元, levels: {2020: 1000亿元}}\n"
    # at current prices 1000 × 1.075^5 = 1435.6 < 1499.5 would contradict; at constant prices
    # the rate says nothing about current-price levels
    t = "targets:\n  gdp: {level: 1500亿元, annual: 7%, constant_prices: true}\n"
    assert analyse(load_plan(write_plan(tmp_path / "c", base, t))).contradictions == ()
    t = "targets:\n  gdp: {level: 1500亿元, annual: 7%}\n"
    (c,) = analyse(load_plan(write_plan(tmp_path / "n", base, t))).contradictions
    assert texts(c.members) == {"1000亿元", "1500亿元", "7%"}


def test_about_figure_at_the_edge_of_its_width_is_a_warning(tmp_path):
    base = "indicators:\n  x: {name: 指标, unit: 亿元, levels: {2020: 100亿元}}\n"
    # 6% (5.5%–6.5%) from 100 (±0.5): [99.5 × 1.055^5, 100.5 × 1.065^5] = [130.04, 137.69]
    # 约130: ±6.5 = [123.5, 136.5], inner half [126.75, 133.25]: both overlap, no contradiction
    t = "targets:\n  x: {level: 约130亿元, annual: 6%}\n"
    assert analyse(load_plan(write_plan(tmp_path / "a", base, t))).contradictions == ()
    # 8%: at least 99.5 × 1.075^5 = 142.84 > 136.5: impossible even at 约's edge
    t = "targets:\n  x: {level: 约130亿元, annual: 8%}\n"
    a = analyse(load_plan(write_plan(tmp_path / "b", base, t)))
    assert [c.tier for c in a.contradictions] == ["error"]
    # 约144: ±7.2 = [136.8, 151.2] reaches 137.69, its inner half [140.4, 147.6] does not
    t = "targets:\n  x: {level: 约144亿元, annual: 6%}\n"
    a = analyse(load_plan(write_plan(tmp_path / "c", base, t)))
    (c,) = a.contradictions
    assert c.tier == "warning" and c.assumptions[0].kind == "about_core"
    assert texts(c.members) == {"100亿元", "6%"}


@st.composite
def true_plans(draw):
    """A plan written, as a planner would, from exact values: every figure rounded (or 约, or
    a bound on the right side), every relation true of the exact values — including one
    exchange rate for 2025 and even growth — so nothing may be found, in either tier."""
    rnd = draw(st.randoms(use_true_random=False))
    fx = rnd.uniform(6.3, 7.2)
    base, targets = ["indicators:"], ["targets:"]
    for i in range(rnd.randint(1, 3)):
        a0, b0 = rnd.uniform(5, 900), rnd.uniform(5, 900)
        r = rnd.uniform(0.02, 0.15)
        g = rnd.uniform(0.0, 0.2)  # 2016–2019
        a19 = a0 / (1 + r) * rnd.uniform(0.9, 1.1)
        base += [
            f"  w{i}: {{name: 总{i}, unit: 亿元, parts: [a{i}, b{i}], "
            f"levels: {{2020: {a0 + b0:.1f}亿元}}}}",
            f"  a{i}:",
            f"    name: 甲{i}",
            "    unit: 亿元",
            f"    levels: {{2019: {a19:.2f}亿元, 2020: {a0:.2f}亿元}}",
            f"    growth: [{{period: 2016-2019, annual: {((1 + g) ** 0.25 - 1) * 100:.1f}%, "
            f"total: 增长{g * 100:.1f}%}}]",
            f"    shares: [{{of: w{i}, year: 2020, value: {a0 / (a0 + b0) * 100:.1f}%}}]",
            f"  b{i}: {{name: 乙{i}, unit: 亿元, levels: {{2020: {b0:.2f}亿元}}}}",
        ]
        a25 = a0 * (1 + r) ** 5
        level = rnd.choice(
            [f"{a25:.1f}亿元", f"约{a25:.0f}亿元", f"突破{math.floor(a25)}亿元", None]
        )
        pair = f"[{a25:.1f}亿元, {a25 / fx:.2f}亿美元]"
        level = pair if level is None else level
        cum = a0 * sum((1 + r) ** t for t in range(1, 6))
        targets.append(
            f"  a{i}: {{level: {level}, annual: {r * 100:.1f}%, "
            f"total: 增长{((1 + r) ** 5 - 1) * 100:.0f}%, cumulative: {cum:.1f}亿元}}"
        )
        if rnd.random() < 0.7:
            b25 = b0 * (1 + r / 2) ** 5
            targets.append(f"  b{i}: {{level: [{b25:.1f}亿元, {b25 / fx:.2f}亿美元]}}")
    return "\n".join(base) + "\n", "\n".join(targets) + "\n"


@settings(max_examples=25)
@given(true_plans())
def test_plans_written_from_true_values_have_no_contradiction(tmp_path_factory, files):
    d = write_plan(tmp_path_factory.mktemp("p"), *files)
    a = analyse(load_plan(d))
    assert a.contradictions == (), [texts(c.members) for c in a.contradictions]


@settings(max_examples=20)
@given(true_plans(), st.sampled_from([3.0, -3.0, 5.0]))
def test_a_corrupted_rate_is_found_and_named(tmp_path_factory, files, shift):
    # the first target's annual rate moved by a few points: its level (rounded to 0.1) and its
    # total growth no longer fit, so the network must find it and name the rate among culprits
    base, targets = files
    m = re.search(r"annual: (-?\d+\.\d)%", targets)
    assert m is not None
    moved = f"{float(m.group(1)) + shift:.1f}%"
    targets = targets[: m.start(1)] + moved[:-1] + targets[m.end(1) :]
    d = write_plan(tmp_path_factory.mktemp("c"), base, targets)
    a = analyse(load_plan(d))
    assert a.contradictions
    named = {
        cu.member.text
        for c in a.contradictions
        for cu in c.culprits
        if isinstance(cu.member, Stated)
    }
    assert moved in named
