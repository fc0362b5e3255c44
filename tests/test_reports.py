"""The analysts' outputs: terminal tables at any width, CSV and XLSX exports, the HTML and Word
reports, charts, cumulative progress and the CJK font lookup. Numbers are computed by hand in
the comments."""

from __future__ import annotations

import csv
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.console import Console

from ezplan.cli import main
from ezplan.facts import Facts
from ezplan.loader import load_plan
from ezplan.milestones import build
from ezplan.progress import assess
from ezplan.render import milestone_tables as mt
from tests.conftest import write_plan

# 2020 → 2025: retail x at 10% a year (161.05 = 100 × 1.1^5), a ratio r moving in points, a
# cumulative f with no base-year amount (its 2020 amount is implied), a falling d, a range g.
BASELINES = """\
indicators:
  x:
    name: 社会消费品零售总额（限额以上单位，含网络零售）
    name_en: Retail sales of consumer goods by enterprises above the designated size
    unit: 亿元
    levels: {2020: 100.00亿元, 2021: 108.00亿元, 2022: 118.50亿元}
  r:
    name: 城镇化率
    name_en: Urbanisation rate
    unit: "%"
    levels: {2020: 41.0%, 2022: 42.0%}
  f:
    name: 实际利用外资
    name_en: Foreign direct investment actually used
    unit: 亿美元
    levels: {2021: 0.60亿美元, 2022: 0.70亿美元}
    cumulative:
      - {period: 2016-2020, value: 6.93亿美元}
  d:
    name: 单位能耗
    name_en: Energy use per unit of output
    unit: 吨
    levels: {2020: 0.50吨, 2022: 0.47吨}
"""
TARGETS = """\
targets:
  x:
    level: 161.05亿元
    annual: 12%
    quote: 到2025年达到161.05亿元，年均增长12%<script>alert("x")</script>
  r: {level: 46.0%, change: 提高5个百分点}
  f: {annual: 10%, cumulative: 3.2亿美元, direction: up}
  d: {level: 0.40吨, direction: down}
  g:
    name: 引进企业
    name_en: Firms attracted
    unit: 个
    level: 1至5个
"""
DAY = "1764460800"  # SOURCE_DATE_EPOCH of 2025-11-30 00:00 UTC


@pytest.fixture(scope="module")
def plan_dir(tmp_path_factory):
    return write_plan(tmp_path_factory.mktemp("plan"), BASELINES, TARGETS)


def run(*args, ok=True, env=None):
    r = CliRunner().invoke(main, list(args), env=env)
    if ok:
        assert r.exit_code == 0, r.output
    return r


def progress_of(plan_dir):
    plan = load_plan(plan_dir)
    ms = build(plan, Facts(plan))
    return ms, assess(ms)


# --- cumulative progress --------------------------------------------------------------------


def test_cumulative_progress_by_running_totals(plan_dir):
    ms, ps = progress_of(plan_dir)
    f, p = ms[2], ps[2]
    # 3.2 ÷ Σ1.1^t (t = 1…5) = 3.2 ÷ 6.71561 = 0.476502 in 2020 (derived, not data)
    assert f.base_implied and f.amounts[0] == pytest.approx(0.476502, abs=1e-6)
    # the path's running total by 2022: 0.476502 × (1.1 + 1.21) = 1.100720
    assert p.milestone == pytest.approx(1.100720, abs=1e-6)
    # actual running total 0.60 + 0.70 = 1.30; ratio 1.30 ÷ 1.100720 = 1.181 ≥ 0.95
    assert (p.cumulative, p.year, p.actual, p.status) == (
        True,
        2022,
        pytest.approx(1.3),
        "on_track",
    )
    assert p.ratio == pytest.approx(1.3 / 1.100720)
    assert p.projection == pytest.approx(3.25)  # 1.30 ÷ 2 years × 5 years
    # the rest, 3.2 − 1.3 = 1.9, from 0.70 a year over 3 years: 0.70 × Σ(1 + r)^t = 1.9
    r = p.remaining_rate
    assert 0.70 * sum((1 + r) ** k for k in (1, 2, 3)) == pytest.approx(1.9)
    assert p.achieved_rate is None  # no recorded 2020 amount to measure growth from


def test_cumulative_progress_needs_every_year(tmp_path):
    d = write_plan(
        tmp_path,
        "indicators:\n  f: {name: 外资, unit: 亿美元, levels: {2022: 1.20亿美元}}\n",
        "targets:\n  f: {annual: 10%, cumulative: 6.71561亿美元}\n",
    )
    (m,), (p,) = progress_of(d)
    assert (p.status, p.reason, p.missing) == (
        "not_assessable",
        "progress_why_missing_years",
        (2021,),
    )
    assert "2021" in mt.progress_reason(m, p, "zh") and "缺少" in mt.progress_reason(m, p, "zh")


@pytest.mark.parametrize(
    ("a2021", "a2022", "status"),
    [
        # path from 1.00000 (6.71561 = Σ1.1^t): running totals 1.1, 2.31
        ("1.0", "1.2", "on_track"),  # 2.2 ÷ 2.31 = 0.952
        ("1.0", "1.1", "moderate"),  # 2.1 ÷ 2.31 = 0.909
        ("0.5", "0.8", "limited"),  # 1.3 ÷ 2.31 = 0.563
        ("3.5", "3.3", "achieved"),  # 6.8 ≥ 6.71561
    ],
)
def test_cumulative_status_thresholds(tmp_path, a2021, a2022, status):
    d = write_plan(
        tmp_path,
        "indicators:\n  f: {name: 外资, unit: 亿美元, "
        f"levels: {{2021: {a2021}亿美元, 2022: {a2022}亿美元}}}}\n",
        "targets:\n  f: {annual: 10%, cumulative: 6.71561亿美元}\n",
    )
    (_,), (p,) = progress_of(d)
    assert p.status == status


def test_level_progress_without_a_base_says_why(tmp_path):
    d = write_plan(
        tmp_path,
        "indicators:\n  x: {name: 甲, unit: 亿元, levels: {2022: 120亿元}}\n",
        "targets:\n  x: {level: 161亿元}\n",
    )
    (m,), (p,) = progress_of(d)
    assert (p.status, p.reason) == ("not_assessable", "progress_why_no_base")
    assert mt.progress_reason(m, p, "en") == "no 2020 level is recorded to measure progress from"


# --- the terminal ---------------------------------------------------------------------------

# What the progress table must show whole, worked out by hand:
# x: milestone 2022 = 100 × 1.1^2 = 121.00; 118.50 is (118.5 − 121) ÷ 121 = −2.1%; √1.185 − 1 =
#    8.86% a year so far; (161.05 ÷ 118.5)^(1/3) − 1 = 10.77% now needed; 118.5 × 1.0886^3 = 152.86
# r: 41.0 → 46.0 is 1 point a year: 43.0 in 2022; 42.0 is −1.0 point; +0.50 a year so far;
#    (46 − 42) ÷ 3 = +1.33 a year needed; 42 + 0.5 × 3 = 43.5
# f: running total 1.30 against 1.10; +18.1%; 1.30 ÷ 2 × 5 = 3.25
# d: 0.50 → 0.40: 0.50 × 0.8^(2/5) = 0.4568 in 2022; 0.47 is +2.9%; √0.94 − 1 = −3.05%
EXPECTED = {
    "zh": [
        "118.50（2022年）", "121.00", "低2.1%", "8.86%", "10.77%", "152.86", "~ 进展一般",
        "42.0（2022年）", "43.0", "低1.0个百分点", "+0.50个百分点", "+1.33个百分点", "43.5",
        "! 进展有限", "累计1.30（2022年）", "1.10", "高18.1%", "3.25", "✓ 进度正常",
        "0.47（2022年）", "-3.05%", "– 暂无实际数据", "0.48（推算）",
    ],
    "en": [
        "118.50 (2022)", "121.00", "2.1% below", "8.86%", "10.77%", "152.86",
        "~ moderate progress", "1.0 pp below", "+0.50 pp", "+1.33 pp", "! limited progress",
        "Σ 1.30 (2022)", "✓ on track", "– no actuals yet", "0.48 (derived)",
    ],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 80, 120])
def test_terminal_tables_never_cut_a_number(plan_dir, lang, width):
    ms, ps = progress_of(plan_dir)
    console = Console(file=io.StringIO(), width=width, color_system=None, record=True)
    mt.render_text(ms, ps, console, lang)
    out = console.export_text()
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    missing = [s for s in EXPECTED[lang] if not any(s in line for line in lines)]
    assert not missing, (missing, out)
    assert "…" not in out
    # a ratio indicator's stated path is a change in points, not a growth rate
    assert ("按规划变化" if lang == "zh" else "at stated change") in out
    # x in 2022: 121.00 on the required path, 100 × 1.12^2 = 125.44 at the stated 12%, 118.50
    # actual; f's running total reaches 3.20 in 2025 — whole, in their tables
    assert re.search(r"2022 +121\.00 +125\.44 +118\.50", out)
    assert re.search(r"2025 +0\.77 +3\.20", out)


# --- exports --------------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, for Excel and WPS
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_export_writes_every_table(plan_dir, tmp_path):
    to = tmp_path / "plan.csv"
    r = run("export", "--plan", str(plan_dir), "--to", str(to), "--lang", "zh")
    names = ["plan.csv", "plan-progress.csv", "plan-findings.csv", "plan-targets.csv"]
    assert [line.split("/")[-1] for line in r.stdout.splitlines()] == [
        f"wrote {n}"[6:] for n in names
    ]
    milestones = read_csv(to)
    assert milestones[0][0] == "年份" and "城镇化率·按规划变化（%）" in milestones[0]
    progress = {row[0]: row for row in read_csv(tmp_path / "plan-progress.csv")}
    head = progress["指标代码"]
    x = dict(zip(head, progress["x"], strict=True))
    # one percent convention: rates as 8.86%, which Excel reads as the number 0.0886
    assert x["已实现年均增速（%；比率类指标为个百分点）"] == "8.86%"
    assert (x["单位"], x["最新实际值（指标单位；累计目标为累计值）"]) == ("亿元", "118.50")
    r_ = dict(zip(head, progress["r"], strict=True))
    assert r_["已实现年均增速（%；比率类指标为个百分点）"] == "0.50"  # points, said by the header
    findings = read_csv(tmp_path / "plan-findings.csv")
    assert findings[0][:6] == ["序号", "级别", "指标", "核对项目", "问题说明", "原文"]
    rows = [dict(zip(findings[0], row, strict=True)) for row in findings[1:]]
    level_rate = next(row for row in rows if row["规则代码"] == "level-rate")
    assert level_rate["级别"] == "✗ 错误" and "<script>" in level_rate["原文"]
    targets = read_csv(tmp_path / "plan-targets.csv")
    assert targets[0][-2:] == ["结论", "说明"]
    # one table alone goes to the file named
    one = tmp_path / "only.csv"
    run("export", "--plan", str(plan_dir), "--to", str(one), "--what", "findings", "--lang", "zh")
    assert read_csv(one)[0][0] == "序号" and not list(tmp_path.glob("only-*.csv"))


def test_xlsx_export_in_chinese(plan_dir, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    to = tmp_path / "plan.xlsx"
    run("export", "--plan", str(plan_dir), "--to", str(to), "--lang", "zh")
    wb = openpyxl.load_workbook(to)
    assert wb.sheetnames == ["目标核对", "年度目标分解", "实际进展", "问题与提示"]
    for ws in wb:
        heads = [c.value for c in ws[1]]
        for col, head in enumerate(heads, 1):
            cells = [ws.cell(r, col) for r in range(2, ws.max_row + 1)]
            numbers = [c for c in cells if isinstance(c.value, int | float) and head != "年份"]
            if numbers and head not in ("序号", "基期年份", "目标年份"):
                assert "（" in head, (ws.title, head)  # the unit, or where the unit is said
            for c in numbers:  # one percent convention: a fraction shown as percent
                if "%" in c.number_format:
                    assert abs(c.value) < 5, (ws.title, head, c.value)
            # wide enough for its longest value (Chinese counts double), or wrapped
            width = ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width
            texts = [c.value for c in cells if isinstance(c.value, str)]
            longest = max([cell_len(s) for line in texts for s in line.split("\n")] + [0])
            wrapped = all(c.alignment.wrap_text for c in cells if c.value is not None)
            assert width >= min(longest, 40) or wrapped, (ws.title, head, width, longest)
    progress = wb["实际进展"]
    heads = [c.value for c in progress[1]]
    x = {h: c for h, c in zip(heads, progress[2], strict=True)}
    assert x["已实现年均增速（%；比率类指标为个百分点）"].value == pytest.approx(1.185**0.5 - 1)
    assert x["最新实际值（指标单位；累计目标为累计值）"].number_format == '0.00"亿元"'
    r = {h: c for h, c in zip(heads, progress[3], strict=True)}
    assert r["已实现年均增速（%；比率类指标为个百分点）"].value == pytest.approx(0.5)
    assert "个百分点" in r["已实现年均增速（%；比率类指标为个百分点）"].number_format
    milestones = wb["年度目标分解"]
    heads = [c.value for c in milestones[1]]
    amount = heads.index("实际利用外资·当年额（亿美元）") + 1
    base = milestones.cell(2, amount)  # 2020: derived, marked so
    assert base.value == pytest.approx(0.4765, abs=1e-4) and "推算" in base.number_format
    assert milestones.cell(2, amount + 1).value is None  # nothing summed in 2020
    findings = wb["问题与提示"]
    heads = [c.value for c in findings[1]]
    quotes = [row[heads.index("原文")].value for row in findings.iter_rows(min_row=2)]
    assert any(q and "<script>" in q for q in quotes)
    assert all(
        c.data_type == "s" for row in findings.iter_rows(min_row=2) for c in row[1:8] if c.value
    )


# --- the HTML report ------------------------------------------------------------------------

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"}
SVG_EMPTY = {"rect", "circle", "polyline", "polygon", "line", "path"}


class Page(HTMLParser):
    """Well-formed: every element closed in order; text outside the appendix collected."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.body_text: list[str] = []
        self.appendix_text: list[str] = []
        self.scripts = 0
        self._appendix_depth: int | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "section" and ("class", "appendix") in attrs:
            self._appendix_depth = len(self.stack)

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID | SVG_EMPTY:
            self.errors.append(f"<{tag}/>")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        if self._appendix_depth == len(self.stack):
            self._appendix_depth = None
        self.stack.pop()

    def handle_data(self, data):
        (self.body_text if self._appendix_depth is None else self.appendix_text).append(data)


@pytest.fixture(scope="module")
def pages(plan_dir, tmp_path_factory):
    out = {}
    d = tmp_path_factory.mktemp("html")
    for lang in ("zh", "en"):
        to = d / f"r-{lang}.html"
        run("report", "--plan", str(plan_dir), "--to", str(to), "--lang", lang,
            env={"SOURCE_DATE_EPOCH": DAY})  # fmt: skip
        out[lang] = to.read_text("utf-8")
    return out


FILE_LINE = re.compile(r"\w+\.ya?ml:\d+")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_report_is_well_formed_and_complete(pages, lang):
    html = pages[lang]
    page = Page()
    page.feed(html)
    page.close()
    assert not page.errors and page.stack == [], (page.errors, page.stack)
    body = "".join(page.body_text)
    # the plan text is never markup: the quote's <script> is shown, not run
    assert page.scripts == 0 and '<script>alert("x")</script>' in body
    names = {
        "zh": ["社会消费品零售总额（限额以上单位，含网络零售）", "城镇化率", "实际利用外资",
               "单位能耗", "引进企业"],
        "en": ["Retail sales of consumer goods", "Urbanisation rate",
               "Foreign direct investment actually used", "Energy use per unit", "Firms attracted"],
    }[lang]  # fmt: skip
    assert all(n in body for n in names), [n for n in names if n not in body]
    period, date = {
        "zh": ("规划期 2021—2025年（基期 2020年）", "生成日期：2025年11月30日"),
        "en": ("plan period 2021–2025 (base year 2020)", "Generated on 2025-11-30"),
    }[lang]
    assert period in body and date in body and "ezplan " in body
    # positions and rule codes only in the appendix, which has every finding's
    assert not FILE_LINE.search(body), FILE_LINE.findall(body)
    assert "level-rate" not in body
    appendix = "".join(page.appendix_text)
    assert re.search(r"targets\.yaml:\d+:\d+", appendix) and "level-rate" in appendix
    # a verdict with its mark, the reason of a target that cannot be checked, units
    mark = {"zh": "✗ 错误", "en": "✗ error"}[lang]
    assert mark in body
    reason = {"zh": "仅列出“1至5个”这一个数字", "en": "1至5个 is the only figure stated"}[lang]
    assert reason in body
    assert "tone-bad" in html and "tone-good" in html  # status colours
    # the level-rate computation in plain words: 100 × 1.12^5 = 176.23 ≠ 161.05
    assert "176.23" in body


def test_html_cumulative_chart_shows_the_previous_period_and_the_derived_base(pages):
    html = pages["zh"]
    section = html[html.index('id="target-f"') :]
    section = section[: section.index("</section>")]
    assert "2016—2020年年均1.386亿美元" in section  # 6.93 ÷ 5, the previous period's level
    assert "2016—2020年累计6.93亿美元" in section
    assert "2020年推算值（由累计额和增速推出，非统计数据）" in section
    assert 'stroke-dasharray="6 4"' in section  # the derived bar is dashed, not solid data
    assert "0.48（推算）" in section  # and marked in the table


# --- the Word report ------------------------------------------------------------------------


def test_docx_report_has_the_same_content(plan_dir, tmp_path):
    docx = pytest.importorskip("docx")
    pytest.importorskip("matplotlib")
    to = tmp_path / "r.docx"
    run("report", "--plan", str(plan_dir), "--to", str(to), "--lang", "zh",
        env={"SOURCE_DATE_EPOCH": DAY})  # fmt: skip
    doc = docx.Document(str(to))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert doc.paragraphs[0].text == "测试规划"
    assert "规划期 2021—2025年（基期 2020年）" in text and "2025年11月30日" in text
    for heading in ("一、目标核对情况", "二、发现的问题", "三、实际进展", "四、年度目标分解"):
        assert heading in text
    assert '<script>alert("x")</script>' in text  # the quote, as text
    cells = {c.text for table in doc.tables for row in table.rows for c in row.cells}
    assert {"✗ 错误", "✓ 进度正常", "8.86%", "+1.33个百分点", "0.48（推算）"} <= cells
    assert not any(FILE_LINE.search(c) for c in cells if "问题" in c)
    # a chart per target with a path: x, r, f, d
    assert len(doc.inline_shapes) == 4
    assert abs(doc.sections[0].page_width - docx.shared.Mm(210)) < docx.shared.Mm(0.1)  # A4


# --- charts and fonts -----------------------------------------------------------------------


def test_png_chart_is_a_png(plan_dir):
    pytest.importorskip("PIL")
    from ezplan.render import png_chart
    from ezplan.render.charts import chart

    ms, _ = progress_of(plan_dir)
    data = png_chart.png(chart(ms[2], "en"), None)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")


def test_a_font_installed_after_the_cache_is_found(tmp_path, monkeypatch):
    """matplotlib's cached font list predates the font: ezplan adds the new file itself."""
    mpl = pytest.importorskip("matplotlib")
    import copy

    from matplotlib import font_manager

    from ezplan.render import charts

    dejavu = Path(mpl.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    new = tmp_path / "fonts" / "NewlyInstalled.ttf"
    new.parent.mkdir()
    shutil.copy(dejavu, new)
    stale = copy.copy(font_manager.fontManager)
    stale.ttflist = [f for f in stale.ttflist if f.name != "DejaVu Sans"]
    monkeypatch.setattr(font_manager, "fontManager", stale)
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [str(new)])
    monkeypatch.setattr(charts, "CJK_FAMILIES", ("DejaVu Sans",))
    monkeypatch.setattr(charts, "_font_cache_file", lambda: str(tmp_path / "fontlist.json"))
    assert charts.cjk_font() == "DejaVu Sans"
    assert (tmp_path / "fontlist.json").exists()  # saved, so the next run finds it at once
    hint = charts.no_cjk_warning()
    assert "fontlist.json" in hint and "\n" not in hint


def test_a_target_points_at_the_finding_its_figures_take_part_in():
    """Trade's 82.6亿元 and 12亿美元 take part in the whole-plan exchange-rate contradiction
    filed under exports: trade's verdict is that warning, and its row must say where it is."""
    from ezplan.render.report_content import finding_items, target_lines
    from ezplan.report import load_plan, report
    from tests.conftest import ROOT

    rep = report(load_plan(ROOT))
    items = finding_items(rep, "en")
    lines = {line.row.indicator: line for line in target_lines(rep, items, "en")}
    (whole_plan,) = [i for i in items if i.finding.check == "whole-plan"]
    assert whole_plan.finding.indicator == "exports"
    for iid in ("trade_total", "exports"):
        assert lines[iid].status == "warning"
        assert lines[iid].explanation == f"see finding {whole_plan.number}"


def test_terminal_names_every_target_a_finding_decides(tmp_path):
    """The whole-plan warning filed under exports also makes trade's verdict a warning: its
    header names both, so each ! in the table has its reason below it. The English title is
    the plan's English name."""
    from click.testing import CliRunner

    from ezplan.cli import main
    from tests.conftest import ROOT

    for lang, expected in (
        ("en", "whole-plan  Exports; also Total foreign trade"),
        ("zh", "whole-plan  出口总额（及外贸进出口总额）"),
    ):
        r = CliRunner().invoke(main, ["check", str(ROOT), "--lang", lang], env={"COLUMNS": "160"})
        assert expected in r.stdout, r.stdout
    assert r.stdout.splitlines()[0].startswith("鄂州市商务发展第十四个五年规划")
    r = CliRunner().invoke(main, ["check", str(ROOT), "--lang", "en"], env={"COLUMNS": "160"})
    assert r.stdout.splitlines()[0].startswith("Ezhou 14th Five-Year Plan for Commerce")


def test_a_finding_on_a_baseline_shows_its_section():
    """fdi_contract_new's 8.98亿美元 (a 2016–2020 sum) carries no section of its own: the
    indicator's `section:` in baselines.yaml is where it stands, for the report's 出处."""
    from ezplan.render.report_content import finding_items
    from ezplan.report import load_plan, report
    from tests.conftest import ROOT

    items = finding_items(report(load_plan(ROOT)), "zh")
    (item,) = [i for i in items if i.finding.indicator == "fdi_contract_new"]
    assert item.section == "第一章第一节（四）外资利用取得新成果"
