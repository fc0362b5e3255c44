"""The terminal view at 60, 80 and 120 columns, in Chinese and English: nothing cut, no figure
split across lines, nothing wider than the terminal."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from ezplan import rules
from ezplan.cli import main
from ezplan.loader import load_plan
from ezplan.render.wrap import wrap, wrap_balanced, wrap_code
from tests.conftest import ROOT

# a figure as messages write it: 326.57亿元, 8.89%, 增长2.4倍, 2016–2019年
FIGURE = re.compile(r"\d[\d,.]*(?:%|倍|个百分点|[万亿]*(?:美元|元))")


@pytest.fixture(scope="module")
def findings():
    return rules.run(load_plan(ROOT))


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_whole_at_every_width(monkeypatch, findings, width, lang):
    monkeypatch.chdir(ROOT)
    r = CliRunner().invoke(
        main, ["check", "--lang", lang, "--no-color"], env={"COLUMNS": str(width)}
    )
    lines = r.stdout.splitlines()
    assert max(cell_len(line.rstrip()) for line in lines) <= width
    for f in findings:
        for figure in FIGURE.findall(f.message(lang)):
            assert any(figure in line for line in lines), (figure, width, lang)
    plan = load_plan(ROOT)
    for iid in plan.target_ids:
        for lv in plan.levels:
            if lv.indicator == iid and lv.scope == "target":
                for s in lv.figures:
                    assert any(s.text in line for line in lines), (s.text, width, lang)
    if lang == "zh":  # the before-stop hook's check: no line ends inside a number
        assert not [line for line in lines if re.search(r"[0-9.]$", line.rstrip())]


def test_wrap_keeps_figures_and_closing_punctuation():
    text = (
        "由2016–2019年年均增长12.6%及2019年的421.86亿元推得262.43亿元"
        "（允许[261.962亿元, 262.901亿元]）"
    )
    lines = wrap(text, 30)
    # the interval [a, b] is one piece (26 cells): it cannot follow 262.43亿元（允许 (16) on a
    # line of 30, so it starts the next one, its closing bracket kept with it
    assert lines == [
        "由2016–2019年年均增长12.6%及",
        "2019年的421.86亿元推得",
        "262.43亿元（允许",
        "[261.962亿元, 262.901亿元]）",
    ]
    assert all(cell_len(line) <= 30 for line in lines)


def test_no_break_space_glues_a_year_to_its_value():
    assert wrap("then 2021\u00a00.524亿美元, 2022\u00a00.577亿美元", 22) == [
        "then 2021 0.524亿美元,",
        "2022 0.577亿美元",
    ]


def test_plan_text_is_never_markup(tmp_path, monkeypatch):
    from tests.conftest import write_plan

    monkeypatch.chdir(tmp_path)
    write_plan(
        tmp_path,
        'indicators:\n  x: {name: "[red]销售额[/red] \\e[31m", unit: 亿元,\n'
        "    levels: {2020: 100亿元}}\n",
        "targets:\n  x: {level: 200亿元, annual: 10%}\n",
    )
    r = CliRunner().invoke(main, ["check", "--lang", "zh"], env={"COLUMNS": "100"})
    assert r.exit_code == 1, r.output
    assert "[red]销售额[/red]" in r.stdout and "\\x1b[31m" in r.stdout
    assert "\x1b" not in r.stdout  # no escape sequence from the plan reaches the terminal


def test_an_exchange_rate_and_a_growth_figure_stay_whole():
    """English quotes 6.902元/美元 and 年均增长10% as figures: never 6.902元/美 / 元, nor
    年均增 / 长10%."""
    text = "at least 6.944元/美元 and at most 6.902元/美元; what is wrong: 年均增长10% → 8.9%"
    for width in range(12, 40):
        lines = wrap(text, width)
        joined = " ".join(lines)
        assert "6.944元/美元" in joined and "6.902元/美元" in joined and "年均增长10%" in joined


@pytest.mark.parametrize(
    "text",
    [
        "Quote the line with `quote: text` here, then Qqq and `a` and Quarterly `b`",
        "QXZJ `x` and `yy` over 2016–2020",
    ],
)
def test_code_spans_stay_whole_and_the_text_around_them_unchanged(text):
    """A code span is one unbreakable piece, and letters that happen to look like its
    stand-in (a capital Q, "Qqq") are text, not spans."""
    spans = re.findall(r"`[^`]+`", text)
    for width in range(8, 60):
        lines = wrap_code(text, width)
        assert " ".join(lines).split() == text.split()  # words, spans and order unchanged
        for span in spans:
            assert any(span in line for line in lines)  # never cut


def test_the_chinese_summary_breaks_between_clauses():
    """共3个错误 is never 共3个错 / 误: the summary line breaks after ，、； only."""

    def summary(width: int) -> list[str]:
        env = {"COLUMNS": str(width)}
        r = CliRunner().invoke(main, ["check", str(ROOT), "--lang", "zh"], env=env)
        lines = r.stdout.rstrip("\n").split("\n")
        return lines[max(i for i, line in enumerate(lines) if "项目标：" in line) :]

    (whole,) = summary(200)
    for width in (40, 60, 80):
        lines = summary(width)
        assert "".join(lines) == whole and len(lines) > 1
        assert all(line[-1] in "，、；：" for line in lines[:-1]), lines
        assert all(cell_len(line) <= width for line in lines)


def test_balanced_wrap_uses_as_few_lines_more_evenly():
    # 外贸进出口总额 is 14 cells: 12 a line takes two lines (12 + 2); the narrowest width that
    # still takes two is 8, which leaves 4 characters and 3, not 6 and an orphan 额
    assert wrap("外贸进出口总额", 12) == ["外贸进出口总", "额"]
    assert wrap_balanced("外贸进出口总额", 12) == ["外贸进出", "口总额"]
    # 22 cells: 18 + 4 (大幅) at 18; 11 a line would take three (社会消费品 / 零售总额大 / 幅),
    # so 12: 社会消费品零 / 售总额大幅
    assert wrap_balanced("社会消费品零售总额大幅", 18) == ["社会消费品零", "售总额大幅"]
    # a last line of a quarter of the width or more (售总额: 6 of 12) is left as it is
    assert wrap_balanced("社会消费品零售总额", 12) == ["社会消费品零", "售总额"]
    assert wrap_balanced("出口总额", 12) == ["出口总额"]  # fits: as it is
    # a last line of a quarter of the width or more is left where the words put it
    assert wrap_balanced("城乡特困人员基本生活标准不低于当地上年度城乡低保标准", 34) == [
        "城乡特困人员基本生活标准不低于当地",
        "上年度城乡低保标准",
    ]
    text = "Online retail sales of enterprises above the designated size"
    for width in range(12, 40):
        lines, even = wrap(text, width), wrap_balanced(text, width)
        assert len(even) == len(lines) and " ".join(even) == " ".join(lines)
        assert max(map(cell_len, even)) <= max(map(cell_len, lines))
        if 4 * cell_len(lines[-1]) >= width:
            assert even == lines


def test_no_name_leaves_one_character_alone_in_the_chinese_table():
    r = CliRunner().invoke(main, ["check", str(ROOT), "--lang", "zh"], env={"COLUMNS": "80"})
    table = r.stdout.split("\n\n")[0].splitlines()[3:]
    names = [line.split("  ")[0].strip() for line in table]
    assert "额" not in names and "业" not in names  # 外贸进出口总 / 额, …电商企 / 业 before
    assert "外贸进出" in names and "口总额" in names


def test_a_path_is_never_cut_after_a_slash():
    text = "已写入 /tmp/drafts/baselines.yaml 和 /tmp/drafts/targets.yaml"
    # 见 / tmp/… before: a path from the root was a slash, then a word
    assert wrap(text, 40) == ["已写入 /tmp/drafts/baselines.yaml 和", "/tmp/drafts/targets.yaml"]
    assert wrap("见 /tmp/a.yaml 第3行", 10) == ["见", "/tmp/a.yaml", "第3行"]
    # a slash between Chinese words or in a unit is as it was
    assert wrap("增长/下降", 4) == ["增长", "/下", "降"]
    assert "6.9元/美元，" in wrap("2025年的汇率为6.9元/美元，", 12)
