"""Charts and the one-file HTML report."""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from ezplan.cli import main
from tests.conftest import ROOT

pytest.importorskip("matplotlib")


def run(*args, ok=True):
    r = CliRunner().invoke(main, list(args))
    if ok:
        assert r.exit_code == 0, r.output
    return r


def test_svg_keeps_chinese_text_as_text(tmp_path):
    to = tmp_path / "p.svg"
    run("plot", "retail_sales", "fdi_actual", "--plan", str(ROOT), "--to", str(to), "--lang", "zh")
    svg = to.read_text("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "社会消费品零售总额" in svg and "实际利用外资" in svg  # text, not paths


def test_png_without_a_cjk_font_says_so(tmp_path, monkeypatch):
    from ezplan.render import charts

    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    to = tmp_path / "p.png"
    r = run("plot", "exports", "--plan", str(ROOT), "--to", str(to), "--lang", "zh")
    assert to.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "no CJK font found" in r.stderr


def test_plot_usage_errors(tmp_path):
    r = run("plot", "exports", "--plan", str(ROOT), "--to", str(tmp_path / "p.gif"), ok=False)
    assert r.exit_code == 2 and "write .svg or .png" in r.stderr
    r = run("plot", "nothing", "--plan", str(ROOT), "--to", str(tmp_path / "p.svg"), ok=False)
    assert r.exit_code == 2 and "not a target: nothing" in r.stderr


def test_missing_matplotlib_gives_a_hint(tmp_path, monkeypatch):
    for name in list(sys.modules):
        if name == "matplotlib" or name.startswith("matplotlib.") or name == "ezplan.render.charts":
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    r = run("plot", "exports", "--plan", str(ROOT), "--to", str(tmp_path / "p.png"), ok=False)
    assert r.exit_code == 2 and "pip install 'ezplan[plot]'" in r.stderr
    assert "Traceback" not in r.output
    # SVG charts and the HTML report are written directly: no matplotlib needed
    run("plot", "exports", "--plan", str(ROOT), "--to", str(tmp_path / "p.svg"))
    run("report", "--plan", str(ROOT), "--to", str(tmp_path / "r.html"))
    # the Word report needs the docx extra, and says so in one line
    r = run("report", "--plan", str(ROOT), "--to", str(tmp_path / "r.docx"), ok=False)
    assert r.exit_code == 2 and r.stderr.strip() == (
        "writing .docx needs python-docx and matplotlib: pip install 'ezplan[docx]'"
    )
    assert not (tmp_path / "r.docx").exists()


class Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k in ("src", "href", "xlink:href", "action", "poster", "data") and v:
                self.refs.append(v)


def test_report_is_self_contained_and_complete(tmp_path):
    to = tmp_path / "r.html"
    run("report", "--plan", str(ROOT), "--to", str(to), "--lang", "zh")
    html = to.read_text("utf-8")
    p = Refs()
    p.feed(html)
    # every reference points inside the page
    assert all(ref.startswith("#") for ref in p.refs), [r for r in p.refs if r[0] != "#"]
    assert all(u.startswith("#") for u in re.findall(r"url\(\s*['\"]?([^)'\"]*)", html))
    assert "<link" not in html and "@import" not in html and "<script" not in html
    # a chart per target with a path (retail, trade, exports, FDI), and every target named
    assert p.tags.count("svg") == 4
    for name in [
        "社会消费品零售总额",
        "限额以上企业通过公共网络实现零售额",
        "外贸进出口总额",
        "出口总额",
        "实际利用外资",
        "引进有影响的综合性电商企业",
    ]:
        assert name in html
    assert "8.89%" in html and "326.57" in html  # check results and milestone tables


def test_report_shows_progress_when_actuals_exist(tmp_path):
    from tests.conftest import write_plan

    d = write_plan(
        tmp_path / "p",
        "indicators:\n  x: {name: 销售额, unit: 亿元, "
        "levels: {2020: 100.00亿元, 2022: 121.00亿元}}\n",
        "targets:\n  x: {level: 161.05亿元, annual: 10%}\n",
    )
    to = tmp_path / "r.html"
    run("report", "--plan", str(d), "--to", str(to), "--lang", "zh")
    html = to.read_text("utf-8")
    assert "进度正常" in html and "121.00（2022年）" in html  # 10% a year so far: on track


def test_a_target_with_no_path_is_said_not_drawn_empty(tmp_path):
    """plot of a target with no yearly path (增长8% for 2021 with no 2020 level) wrote an empty
    1×1 SVG and said 'wrote'; now it says why on stderr and writes nothing (exit 2), and beside
    a target that has a path it draws that one and names the other."""
    from tests.conftest import write_plan

    plan = write_plan(
        tmp_path / "p",
        "indicators:\n  a: {name: 甲, unit: 亿元}\n"
        "  b: {name: 乙, unit: 亿元, levels: {2020: 100亿元}}\n",
        "targets:\n  a: {period: '2021', total: 增长8%}\n  b: {level: 200亿元}\n",
    )
    out = tmp_path / "a.svg"
    r = CliRunner().invoke(main, ["plot", "a", "--plan", str(plan), "--to", str(out)])
    assert r.exit_code == 2 and not out.exists()
    assert "甲: not drawn — no yearly path" in r.stderr
    r = CliRunner().invoke(main, ["plot", "a", "b", "--plan", str(plan), "--to", str(out)])
    assert r.exit_code == 0 and "<polyline" in out.read_text(encoding="utf-8")
    assert "甲: not drawn" in r.stderr and "乙" not in r.stderr


@pytest.mark.parametrize(
    ("actuals", "running"),
    [
        # 0.55 (2021), 0.60 (2022): Σ 0.55, 1.15 — beside the path's running total
        ("{2021: 0.55亿美元, 2022: 0.60亿美元}", [(2021, 0.55), (2022, 1.15)]),
        # 2022 missing: the sum stops where a year has no actual
        ("{2021: 0.55亿美元, 2023: 0.70亿美元}", [(2021, 0.55)]),
    ],
)
def test_a_cumulative_chart_draws_the_actual_running_total(tmp_path, actuals, running):
    """helper-70: the chart drew the actual yearly amounts only, which cannot be set against
    the path's running total."""
    from ezplan.loader import load_plan
    from ezplan.milestones import build
    from ezplan.render.charts import chart
    from tests.conftest import write_plan

    b = f"indicators:\n  f: {{name: 实际利用外资, unit: 亿美元, levels: {actuals}}}\n"
    (m,) = build(
        load_plan(write_plan(tmp_path, b, "targets:\n  f: {annual: 10%, cumulative: 3.2亿美元}\n"))
    )
    (line,) = [s for s in chart(m, "zh").series if s.label == "实际累计"]
    assert list(zip(line.xs, line.ys, strict=True)) == [(y, pytest.approx(v)) for y, v in running]
