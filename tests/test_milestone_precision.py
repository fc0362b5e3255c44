"""Milestones show each number with the digits its figures carry: a stated figure as stated, a
derived one one digit finer than the coarser figure it comes from, whole things counted whole."""

from __future__ import annotations

import pytest

from ezplan.loader import load_plan
from ezplan.milestones import build
from ezplan.progress import assess
from ezplan.render import milestone_tables as mt
from tests.conftest import ROOT, write_plan


def _cells(m, key: str, lang: str = "zh") -> dict[int, str]:
    (col,) = [c for c in mt.columns(m, lang) if c.key == key]
    return {y: col.cell(y, lang) for y in m.years}


@pytest.fixture(scope="module")
def ezhou():
    return {m.indicator: m for m in build(load_plan(ROOT))}


def test_a_path_keeps_its_ends_as_stated_and_its_steps_one_digit_finer(ezhou):
    """鄂州's 外贸进出口总额: 42080万美元 (4.2080亿美元) in 2020 to 12亿美元 in 2025 — the path
    ended '12.0000'. By hand: (12 / 4.2080)^(1/5) = 2.851711^0.2 = 1.233157, so 2021 is
    4.2080 × 1.233157 = 5.1891; one digit finer than 12 (the coarser figure) is 5.2."""
    trade = _cells(ezhou["trade_total"], "required_path")
    assert trade == {2020: "4.2080", 2021: "5.2", 2022: "6.4", 2023: "7.9", 2024: "9.7", 2025: "12"}
    # 出口总额: 1.6011 → 5.46 (two decimals: derived with three): 1.6011 × 3.410155^0.2 =
    # 1.6011 × 1.278073 = 2.0463; at the stated 28%: 1.6011 × 1.28^5 = 1.6011 × 3.435974 = 5.5013
    exports = _cells(ezhou["exports"], "required_path")
    assert (exports[2020], exports[2021], exports[2025]) == ("1.6011", "2.046", "5.46")
    assert _cells(ezhou["exports"], "stated_path")[2025] == "5.501"


def test_a_projection_is_one_digit_finer_than_the_figures(tmp_path):
    """外贸 5.5亿美元 in 2022 (from 4.2080): √(5.5 / 4.208) − 1 = √1.307034 − 1 = 14.33% a year;
    at that pace 2025 reaches 5.5 × 1.143256^3 = 5.5 × 1.494276 = 8.2185 — it read '8.2185',
    its milestone 4.2080 × 1.233157^2 = 6.3991 read '6.3991'."""
    write_plan(
        tmp_path,
        "indicators:\n  t: {name: 外贸, unit: 亿美元,"
        " levels: {2020: 42080万美元, 2022: 5.5亿美元}}\n",
        "targets:\n  t: {level: 12亿美元}\n",
    )
    (m,) = build(load_plan(tmp_path))
    (p,) = assess([m])
    cells = mt.progress_cells(m, p, "zh")
    assert (cells["projection"], cells["milestone"]) == ("8.2", "6.4")


def test_whole_things_counted_are_whole(tmp_path):
    """20家 to 22家 in five years: 20 × 1.1^(t/5) = 20.385, 20.777, 21.177, 21.585, 22 — it
    read 20.4家, 20.8家 … (the step rule's decimal); a firm is counted whole."""
    write_plan(
        tmp_path,
        "indicators:\n  f: {name: 企业, unit: 家, levels: {2020: 20家}}\n",
        "targets:\n  f: {level: 22家}\n",
    )
    (m,) = build(load_plan(tmp_path))
    assert m.required == pytest.approx([20, 20.385, 20.777, 21.177, 21.585, 22], abs=1e-3)
    assert _cells(m, "required_path") == {
        2020: "20",
        2021: "20",
        2022: "21",
        2023: "21",
        2024: "22",
        2025: "22",
    }


def test_a_count_with_an_actual_stays_whole(tmp_path):
    """20家 → 22家 with 21家 in 2022: the actual read 21.0 (the step rule had raised the
    indicator's decimals to 1); milestone 20 × 1.1^(2/5) = 20.777 → 21, at this pace
    21 × (21/20)^(3/2) = 21 × 1.075930 = 22.595 → 23."""
    write_plan(
        tmp_path,
        "indicators:\n  f: {name: 企业, unit: 家, levels: {2020: 20家, 2022: 21家}}\n",
        "targets:\n  f: {level: 22家}\n",
    )
    (m,) = build(load_plan(tmp_path))
    (p,) = assess([m])
    assert _cells(m, "actual")[2022] == "21"
    cells = mt.progress_cells(m, p, "zh")
    assert (cells["latest"], cells["milestone"], cells["projection"]) == (
        "21（2022年）",
        "21",
        "23",
    )
