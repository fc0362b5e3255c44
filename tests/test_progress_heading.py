"""A progress status is no better than where the target is heading: a running total or a level
close to this year's milestone is not "on track" when the rest of the way, at the current pace
or at the planned rate, falls short of the target."""

from __future__ import annotations

import pytest

from ezplan.loader import load_plan
from ezplan.milestones import build
from ezplan.progress import assess
from tests.conftest import write_plan

FDI = """\
indicators:
  f:
    name: 实际利用外资
    unit: 亿美元
    levels: {{2021: {y2021}, 2022: {y2022}}}
"""
FDI_TARGET = "targets:\n  f: {annual: 10%, cumulative: 3.2亿美元, direction: up}\n"


def _fdi(tmp_path, y2021: str, y2022: str):
    (m,) = build(load_plan(write_plan(tmp_path, FDI.format(y2021=y2021, y2022=y2022), FDI_TARGET)))
    (p,) = assess([m])
    return p


def test_a_running_total_near_its_path_but_falling_behind_is_not_on_track(tmp_path):
    """累计3.2亿美元 at 10% a year, 0.6 in 2021 and 0.45 in 2022 (the bundled 鄂州 plan's FDI).
    By hand: the implied 2020 amount is 3.2 / Σ1.1^t (t = 1..5) = 3.2 / 6.71561 = 0.476502,
    so the path's running total in 2022 is 0.476502 × (1.1 + 1.21) = 1.100719 and the ratio
    1.05 / 1.100719 = 0.9539 (≥ 0.95, which alone said "on track"). The rest at the planned 10%
    from 0.45: 0.45 × (1.1 + 1.21 + 1.331) = 1.63845, so 2025 reaches 1.05 + 1.63845 = 2.68845,
    2.68845 / 3.2 = 0.8401 of the target: moderate progress (≥ 0.6, < 0.95)."""
    p = _fdi(tmp_path, "0.6亿美元", "0.45亿美元")
    assert p.status == "moderate"
    assert p.ratio == pytest.approx(1.05 / 1.100719, abs=1e-5)
    assert p.at_planned_rate == pytest.approx(2.68845)


def test_a_running_total_on_its_path_stays_on_track(tmp_path):
    """The path's own amounts (0.524152, 0.576567 → 0.5242, 0.5766): the rest at 10% from
    0.5766 is 0.5766 × 3.641 = 2.09940, 2025 reaches 1.1008 + 2.0994 = 3.2002 ≥ 3.2."""
    p = _fdi(tmp_path, "0.5242亿美元", "0.5766亿美元")
    assert p.at_planned_rate == pytest.approx(3.20020, abs=1e-5)
    assert p.status == "on_track"


def test_a_level_whose_pace_misses_the_target_is_not_on_track(tmp_path):
    """100 in 2020 to 371.293 in 2025 needs 30% a year (1.3^5 = 3.71293); 128.5 in 2021 is
    28.5% achieved, ratio 0.95 (on track by the ratio alone). At this pace 2025 reaches
    128.5 × 1.285^4 = 128.5 × 2.726544 = 350.361, 350.361 / 371.293 = 0.9436 of the target:
    moderate. At the planned 30%: 128.5 × 1.3^4 = 128.5 × 2.8561 = 367.009 (0.9885)."""
    write_plan(
        tmp_path,
        "indicators:\n  x: {name: 产值, unit: 亿元, levels: {2020: 100亿元, 2021: 128.5亿元}}\n",
        "targets:\n  x: {level: 371.293亿元}\n",
    )
    (p,) = assess(build(load_plan(tmp_path)))
    assert p.status == "moderate"
    assert p.ratio == pytest.approx(0.95, abs=1e-9)
    assert p.projection == pytest.approx(350.361, abs=1e-3)
    assert p.at_planned_rate == pytest.approx(367.009, abs=1e-3)


def test_a_level_on_pace_stays_on_track(tmp_path):
    """100 → 161.051 needs 10% a year; 121 in 2022 is exactly on it: 121 × 1.1^3 = 161.051."""
    write_plan(
        tmp_path,
        "indicators:\n  x: {name: 产值, unit: 亿元, levels: {2020: 100亿元, 2022: 121亿元}}\n",
        "targets:\n  x: {level: 161.051亿元}\n",
    )
    (p,) = assess(build(load_plan(tmp_path)))
    assert p.projection == pytest.approx(161.051)
    assert p.status == "on_track"


def test_the_status_says_where_the_target_is_heading(tmp_path):
    """The FDI case above: the note gives the sum the planned 10% brings, 2.68845 → 2.69 (one
    digit finer than 3.2), in the table's notes and the export's explanation."""
    from ezplan.render import milestone_tables as mt

    write_plan(tmp_path, FDI.format(y2021="0.6亿美元", y2022="0.45亿美元"), FDI_TARGET)
    (m,) = build(load_plan(tmp_path))
    (p,) = assess([m])
    assert p.held_back_by == "planned"
    assert mt.held_back_note(m, p, "zh") == (
        "按规划所需的年均增长10.00%从最新一年起算，至2025年累计2.69（目标3.2亿美元）"
    )
    assert "2.69 in all by 2025 (target 3.2亿美元)" in mt.held_back_note(m, p, "en")
    md = mt.markdown([m], [p], "zh")
    assert "- 实际利用外资：~ 进展一般 — 按规划所需的年均增长10.00%" in md


def test_the_reports_say_why_a_status_is_held_back(tmp_path):
    """helper-45: the terminal, Markdown and the export said why 实际利用外资 is only 进展一般
    (the plan's 10% from 0.45 sums to 2.69 of 3.2); the HTML and Word reports' progress
    sections did not."""
    from click.testing import CliRunner

    from ezplan.cli import main

    d = write_plan(tmp_path, FDI.format(y2021="0.6亿美元", y2022="0.45亿美元"), FDI_TARGET)
    html, docx_path = tmp_path / "r.html", tmp_path / "r.docx"
    for out in (html, docx_path):
        r = CliRunner().invoke(main, ["--lang", "zh", "report", "--plan", str(d), "--to", str(out)])
        assert r.exit_code == 0, r.output
    assert "至2025年累计2.69（目标3.2亿美元）" in html.read_text(encoding="utf-8")
    import docx

    text = "\n".join(p.text for p in docx.Document(str(docx_path)).paragraphs)
    assert "至2025年累计2.69（目标3.2亿美元）" in text


def test_an_average_short_of_the_sum_beside_on_track_says_what_the_status_follows(tmp_path):
    """helper-70: 0.55 (2021) and 0.60 (2022) toward 累计3.2亿美元 at 10%: 'at this pace 2.88'
    ((0.55 + 0.60) / 2 × 5 = 2.875) beside '✓ on track' read as a contradiction. The status
    follows the rest at the planned 10% from 0.60: 1.15 + 0.60 × (1.1 + 1.21 + 1.331) =
    1.15 + 2.1846 = 3.3346 ≥ 3.2 — the note says so."""
    from ezplan.render import milestone_tables as mt

    (m,) = build(
        load_plan(
            write_plan(tmp_path, FDI.format(y2021="0.55亿美元", y2022="0.60亿美元"), FDI_TARGET)
        )
    )
    (p,) = assess([m])
    assert p.status == "on_track" and p.held_back_by is None
    assert p.projection == pytest.approx(2.875)
    assert p.at_planned_rate == pytest.approx(3.3346)
    note = mt.held_back_note(m, p, "en")
    assert (
        "at this pace (the yearly average so far) 2.88 in all by 2025, short of 3.2亿美元" in note
    )
    assert "from the latest year's amount: 3.33 in all" in note
    assert "不及3.2亿美元" in mt.held_back_note(m, p, "zh")
