"""The bundled Ezhou plan: every finding pinned, every number computed by hand here.

Arithmetic (by hand / a calculator, not by ezplan):
- retail: 326.57 × 1.1^5 = 326.57 × 1.61051 = 525.944; 500 needs (500/326.57)^(1/5) − 1:
  500/326.57 = 1.531065, ln = 0.425965, /5 = 0.085193, e^ − 1 = 8.893%.
- exports 2015→2019: 增长18.9% over 4 years is 1.189^(1/4) − 1: ln 1.189 = 0.173113, /4 =
  0.043278, e^ − 1 = 4.4228%, not 4.3% (4.3% ± 0.05 < 4.41%): error.
- trade 2015→2019: 1.249^(1/4) − 1 = 5.72% → rounds to 5.7%; imports 1.293^(1/4) − 1 = 6.64%
  → 6.6%: fine.
- trade 2020→2025: 12/4.208 = 2.8517 (增长185.2%) but 4.208 × 2.82 = 11.867 rounds to 12;
  1.23^5 = 2.8153 (增长181.5%, within 182 ± 0.5): fine.
- exports 2020→2025: 5.46/1.6011 = 3.4102 = 增长2.41倍, fits 增长2.4倍 (×3.4), not ×2.4;
  1.28^5 = 3.436 = 增长2.44倍: fine; 3.4102^(1/5) − 1 = 27.81% → 28%.
- 合同外资 8.1 < 其中新批合同外资 8.98: a part larger than its whole: error.
- 实际利用外资: Σ 1.1^t (t=1..5) = 6.71561; 3.2/6.71561 = 0.476502 in 2020; average 3.2/5 = 0.64
  a year against 6.93/5 = 1.386 in 2016–2020 while growing 10% a year: warning.
- imports 2025 = 12 − 5.46 = 6.54亿美元 (82.6 − 37.6 = 45.0亿元); 6.54/2.6069 = 2.5087,
  ^(1/5) − 1 = 20.20%.
- 2015 levels implied: retail 421.86/1.126^4 = 421.86/1.607550 = 262.43亿元; trade 67968/1.249 =
  54418万美元; exports 27285/1.189 = 22948; imports 40683/1.293 = 31464; and 22948 + 31464 =
  54412 ≈ 54418 within rounding (no finding).
- 网络零售额 ≥ 40% × 326.57 = 130.63亿元; 约210 of 500 = 42.0%.
- exchange rate: 82.6/12 = 6.8833, 37.6/5.46 = 6.8864 (agree within rounding).
- bonded zone: 121 + 241 + 553 + 390 = 1305 (no finding).
- 南浦路星悦茂 turnover: the plan prints "7：6亿元"; the file reads 7.6亿元, which is not in its
  quote (the quote's numbers are 7 and 6): warning.
- 引进1至5个电商企业: one figure, no base, no rate: not checkable (note).
- whole plan, 2025 exchange rate: 37.6亿元 = 5.46亿美元 allows [37.55/5.465, 37.65/5.455] =
  [6.8710, 6.9019]元/美元; at that rate 82.6亿元 is [82.55/6.9019, 82.65/6.8710] =
  [11.9605, 12.0288]亿美元, over 42080万美元 ×[2.8423, 2.8586] = 增长184.23%–185.86%, not
  增长182% (181.5–182.5): a warning, resting on one rate for 2025.
- whole plan, exports 2016–2019: 年均增长4.3% is the culprit; 增长18.9% needs 1.1885^(1/4) − 1
  = 4.412% to 1.1895^(1/4) − 1 = 4.434%; 18.9% to fit 4.3% would be 1.0425^4 − 1 = 18.11% to
  1.0435^4 − 1 = 18.57%, but the 2015 identity exports = trade − imports = [67967.5/1.2495 −
  40683.5/1.2925, 67968.5/1.2485 − 40682.5/1.2935] = [22919.4, 22988.6]万美元 needs 27285 over
  that: ×[1.1869, 1.1905], 增长18.69%–19.05%.
- eight baseline indicators (电子商务交易额, 应用电子商务比例, 示范行政区, 贸易往来国家和地区,
  境外投资项目, 境外投资额, 对外承包工程, 新批外资项目) take part in no target or relation:
  one note.
"""

from __future__ import annotations

import pytest

from ezplan import rules
from ezplan.findings import PerLanguage
from ezplan.loader import load_plan
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def found():
    return rules.run(load_plan(ROOT))


def line_of(filename: str, after: str, text: str) -> int:
    """The line of the first `text` below the first line containing `after`."""
    lines = (ROOT / filename).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i in range(start, len(lines)) if text in lines[i]) + 1


EXPECTED = [
    # (file, after, text, check, severity, message id, indicator)
    (
        "baselines.yaml",
        "  retail_sales:",
        "annual: 12.6%",
        "history",
        "note",
        "implied",
        "retail_sales",
    ),
    (
        "baselines.yaml",
        "  network_retail:",
        "value: 40%以上",
        "share",
        "note",
        "implied-numerator",
        "network_retail",
    ),
    (
        "baselines.yaml",
        "  trade_total:",
        "total: 增长24.9%",
        "history",
        "note",
        "implied",
        "trade_total",
    ),
    ("baselines.yaml", "  exports:", "total: 增长18.9%", "history", "note", "implied", "exports"),
    ("baselines.yaml", "  exports:", "annual: 4.3%", "growth-rate", "error", "mismatch", "exports"),
    ("baselines.yaml", "  imports:", "total: 增长29.3%", "history", "note", "implied", "imports"),
    (
        "baselines.yaml",
        "  fdi_contract_new:",
        "value: 8.98亿美元",
        "part-whole",
        "error",
        "part-exceeds",
        "fdi_contract_new",
    ),
    (
        "targets.yaml",
        "  retail_sales:",
        "annual: 10%",
        "level-rate",
        "error",
        "mismatch",
        "retail_sales",
    ),
    (
        "targets.yaml",
        "  online_retail:",
        "level: 约210亿元",
        "part-whole",
        "note",
        "share",
        "online_retail",
    ),
    (
        "targets.yaml",
        "  trade_total:",
        "level: [82.6亿元",
        "currency",
        "note",
        "implied",
        "trade_total",
    ),
    (
        "targets.yaml",
        "  trade_total:",
        "level: [82.6亿元",
        "part-whole",
        "note",
        "derived",
        "imports",
    ),
    (
        "targets.yaml",
        "  exports:",
        "level: [37.6亿元, 5.46亿美元]",
        "whole-plan",
        "warning",
        "contradiction",
        "exports",
    ),
    (
        "targets.yaml",
        "  exports:",
        "total: 增长2.4倍",
        "level-growth",
        "note",
        "reading",
        "exports",
    ),
    (
        "targets.yaml",
        "  fdi_actual:",
        "cumulative: 3.2亿美元",
        "cumulative",
        "warning",
        "below-previous",
        "fdi_actual",
    ),
    (
        "targets.yaml",
        "  fdi_actual:",
        "cumulative: 3.2亿美元",
        "cumulative",
        "note",
        "implied-base",
        "fdi_actual",
    ),
    (
        "targets.yaml",
        "  xingyuemao_turnover:",
        "value: 7.6亿元",
        "quote",
        "warning",
        "missing",
        "xingyuemao_turnover",
    ),
    (
        "targets.yaml",
        "  ecommerce_firms_introduced:",
        "level: 1至5个",
        "unchecked",
        "note",
        "single-figure",
        "ecommerce_firms_introduced",
    ),
    (
        "baselines.yaml",
        "indicators:",
        "  ecommerce_transactions:",
        "unused",
        "note",
        "unused",
        None,
    ),
]


def test_every_finding_is_pinned(found):
    got = sorted(
        (f.mark.file, f.mark.line, f.check, f.severity.label, f.message_id, f.indicator)
        for f in found
    )
    want = sorted(
        (file, line_of(file, after, text), check, sev, mid, iid)
        for file, after, text, check, sev, mid, iid in EXPECTED
    )
    assert got == want


def pick(found, check, indicator, message_id):
    (f,) = [
        f for f in found if (f.check, f.indicator, f.message_id) == (check, indicator, message_id)
    ]
    return f


def test_retail_numbers(found):
    f = pick(found, "level-rate", "retail_sales", "mismatch")
    assert f.data["expected"] == pytest.approx(525.944, abs=1e-3)
    assert f.data["implied_rate"]["value"] == pytest.approx(0.08893, abs=1e-5)
    assert f.message("en").startswith(
        "at 10% a year, 326.57亿元 (2020) grows to 525.9亿元 by 2025, not "
        "500亿元; 500亿元 needs 8.89% a year — any one of them could be what is wrong"
    )
    assert f.message("zh").startswith(
        "按年均增长10%，2020年的326.57亿元到2025年为525.9亿元，而非500亿元；"
        "达到500亿元需年均增长8.89%——其中任何一个都可能有误"
    )


def test_exports_history_numbers(found):
    f = pick(found, "growth-rate", "exports", "mismatch")
    assert f.data["implied_rate"]["value"] == pytest.approx(0.044228, abs=1e-6)
    assert "4.42% a year, not 4.3%" in f.message("en")


def test_trade_total_rests_on_one_exchange_rate(found):
    (f,) = [f for f in found if f.check == "whole-plan"]
    assert {x["text"] for x in f.data["figures"]} == {
        "42080万美元",
        "82.6亿元",
        "37.6亿元",
        "5.46亿美元",
        "增长182%",
    }
    assert [a["kind"] for a in f.data["assumptions"]] == ["one_rate_per_year"]
    fits = {c["figure"]: c["fits"] for c in f.data["culprits"] if c["figure"]}
    assert (fits["增长182%"]["low"], fits["增长182%"]["high"]) == pytest.approx(
        (184.23, 185.86), abs=0.01
    )
    assert "184.2%–185.9%" in f.message("en")


def test_exports_history_names_the_likely_typo(found):
    f = pick(found, "growth-rate", "exports", "mismatch")
    first = f.data["culprits"][0]
    assert first["figure"] == "4.3%" and first["resolves_all"]
    assert (first["fits"]["low"], first["fits"]["high"]) == pytest.approx((4.412, 4.434), abs=5e-4)
    en = f.message("en")
    assert "— the likely wrong figure is 年均增长4.3%: 4.412%–4.434% would fit" in en
    assert "changing 增长18.9% instead (to 18.11%–18.57%)" in en
    assert "Total foreign trade (exports and imports) in 2015" in en and "18.68%–19.05%" in en


def test_fdi_numbers(found):
    w = pick(found, "cumulative", "fdi_actual", "below-previous")
    assert (w.data["average"], w.data["previous_average"]) == pytest.approx((0.64, 1.386))
    n = pick(found, "cumulative", "fdi_actual", "implied-base")
    assert n.data["implied_base"] == pytest.approx(0.476502, abs=1e-6)


def test_derived_imports(found):
    f = pick(found, "part-whole", "imports", "derived")
    assert f.data["derived"]["value"] == pytest.approx(6.54)
    assert f.data["annual_rate"] == pytest.approx(0.2020, abs=1e-4)
    assert "45.0亿元" in f.message("en")


def test_implied_2015_levels(found):
    values = {f.indicator: f.data["implied"]["value"] for f in found if f.check == "history"}
    assert values["retail_sales"] == pytest.approx(262.43, abs=5e-3)
    assert values["trade_total"] * 1e4 == pytest.approx(54418, abs=0.5)
    assert values["exports"] * 1e4 == pytest.approx(22948, abs=0.5)
    assert values["imports"] * 1e4 == pytest.approx(31464, abs=0.5)


def test_unused_lists_the_recorded_achievements(found):
    f = pick(found, "unused", None, "unused")
    assert f.params["count"] == PerLanguage("8\xa0indicators", "8")
    for iid in ["ecommerce_transactions", "trade_partner_economies", "fdi_projects_new"]:
        assert iid in f.message("en")


def test_no_false_alarm_on_consistent_figures(found):
    flagged = {(f.check, f.indicator) for f in found if f.severity.label != "note"}
    for ok in [
        ("level-rate", "trade_total"),
        ("level-growth", "trade_total"),
        ("growth-rate", "trade_total"),
        ("level-rate", "exports"),
        ("growth-rate", "imports"),
        ("currency", "exports"),
        ("part-whole", "bonded_zone_land"),
        ("part-whole", "trade_total"),
    ]:
        assert ok not in flagged
