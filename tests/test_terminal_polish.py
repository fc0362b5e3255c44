"""What a planner sees in a terminal or a pipe beyond `check`: a closed pipe ends every command
with 141, piped text has no trailing spaces, numbers are never cut across lines."""

from __future__ import annotations

import os
import subprocess
import sys
from itertools import pairwise

import pytest
from click.testing import CliRunner

from ezplan.cli import main
from tests.conftest import ROOT


@pytest.mark.parametrize(
    "args",
    [["check"], ["milestones"], ["explain", "retail_sales"], ["rules"]],
    ids=lambda a: a[0],
)
def test_a_closed_pipe_ends_every_command_with_141(args):
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the first line is written
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "ezplan", *args, "--lang", "zh"],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80"},
            stdout=write,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(write)
    assert proc.returncode == 141, proc.stderr.decode("utf-8", "replace")
    assert proc.stderr == b""


@pytest.mark.parametrize("args", [["check"], ["milestones"], ["explain", "exports"]])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_piped_text_has_no_trailing_spaces(monkeypatch, args, lang):
    monkeypatch.chdir(ROOT)
    r = CliRunner().invoke(main, [*args, "--lang", lang], env={"COLUMNS": "100"})
    assert r.stdout.strip()
    assert [line for line in r.stdout.splitlines() if line.endswith(" ")] == []


def _plan_with_actuals(tmp_path):
    """The bundled plan with actual results for 2022: retail sales ahead of the path, foreign
    trade behind it."""
    b = (ROOT / "baselines.yaml").read_text(encoding="utf-8")
    b = b.replace(
        "        quote: 2020年，受疫情影响，全市实现社会消费品零售总额326.57亿元。\n",
        "        quote: 2020年，受疫情影响，全市实现社会消费品零售总额326.57亿元。\n"
        "      2022: 401.2亿元\n",
        1,
    ).replace(
        "        quote: 2020年受新冠肺炎疫情影响，全市完成外贸进出口总额42080万美元\n",
        "        quote: 2020年受新冠肺炎疫情影响，全市完成外贸进出口总额42080万美元\n"
        "      2022: 6.1亿美元\n",
        1,
    )
    assert b.count("2022: ") >= 2
    (tmp_path / "baselines.yaml").write_text(b, encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(
        (ROOT / "targets.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return tmp_path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_target_appears_in_milestones_with_why_it_has_no_path(monkeypatch, lang):
    from ezplan.loader import load_plan

    monkeypatch.chdir(ROOT)
    plan = load_plan(ROOT)
    r = CliRunner().invoke(main, ["milestones", "--lang", lang], env={"COLUMNS": "100"})
    assert r.exit_code == 0, r.output
    for iid in plan.target_ids:
        ind = plan.indicators[iid]
        name = (ind.name_en or ind.name) if lang == "en" else ind.name
        assert name in r.stdout.replace("\n", " ") or name in r.stdout, name
    why = "无年度目标路径：baselines.yaml未记录2020年水平" if lang == "zh" else "no yearly path:"
    assert r.stdout.count(why) == 2  # online retail and the e-commerce firms: no base level
    assert "\n\n\n" not in r.stdout  # one blank line between blocks, never two
    one = CliRunner().invoke(
        main, ["milestones", "ecommerce_firms_introduced", "--lang", lang], env={"COLUMNS": "80"}
    )
    assert why in one.stdout and "1至5个" in one.stdout
    assert not one.stdout.startswith("\n")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 80, 120])
def test_progress_says_which_side_of_the_path(tmp_path, lang, width):
    d = _plan_with_actuals(tmp_path)
    r = CliRunner().invoke(
        main, ["milestones", "--plan", str(d), "--lang", lang], env={"COLUMNS": str(width)}
    )
    out = r.stdout
    # by hand: retail's 2022 milestone 326.57 × (500/326.57)^(2/5) = 387.2亿元, so the actual
    # 401.2 is 401.2/387.2 − 1 = +3.6%; trade's 4.208 × (12/4.208)^(2/5) = 6.40亿美元 against
    # 6.1: 6.1/6.40 − 1 = −4.7%
    if lang == "zh":
        assert "高3.6%" in out and "低4.7%" in out and "差距" not in out
        assert "401.2（2022年）" in out
    else:
        assert "3.6% above" in out and "4.7% below" in out
    assert "（亿\n" not in out and "(亿\n" not in out  # a unit is never cut
    md = (
        CliRunner()
        .invoke(main, ["milestones", "--plan", str(d), "--lang", lang, "--format", "md"])
        .stdout
    )
    assert ("高3.6%" if lang == "zh" else "3.6% above") in md


def test_docx_milestone_sections_are_numbered_as_shown(tmp_path, monkeypatch):
    docx = pytest.importorskip("docx")
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(ROOT)
    out = tmp_path / "r.docx"
    r = CliRunner().invoke(main, ["report", "--to", str(out), "--lang", "zh"])
    assert r.exit_code == 0, r.output
    paras = [p.text for p in docx.Document(str(out)).paragraphs]
    start = next(i for i, p in enumerate(paras) if p.startswith("（一）社会消费品零售总额"))
    heads = [p for p in paras[start:] if p.startswith("（")][:6]
    numbers = [h[: h.index("）") + 1] for h in heads]
    assert numbers == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert any(p.startswith("无年度目标路径：") for p in paras)


def _explain(iid, lang, width):
    r = CliRunner().invoke(
        main, ["explain", iid, "--plan", str(ROOT), "--lang", lang], env={"COLUMNS": str(width)}
    )
    assert r.exit_code == 0, r.output
    return r.stdout


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("iid", ["retail_sales", "exports", "network_retail", "fdi_contract"])
def test_explain_fits_and_keeps_figures_whole(iid, lang, width):
    import re

    from rich.cells import cell_len

    out = _explain(iid, lang, width)
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    cut = [
        (a, b)
        for a, b in pairwise(lines)
        if re.search(r"[0-9.]$", a)
        and re.match(r"\s*[0-9.%亿万元]", b)
        and not re.match(r"\s*\d+\. ", b)  # the next numbered step
    ]
    assert not cut  # no number, and no number from its unit, split across lines
    assert "∞" not in out
    for line in lines:  # an interval line never wraps back to column 0
        assert not line.startswith("["), line


def test_explain_speaks_one_language_and_keeps_digits():
    zh = _explain("retail_sales", "zh", 80)
    assert zh.splitlines()[0].startswith("社会消费品零售总额 [retail_sales]")
    assert "Total retail" not in zh and "单位：亿元" in zh
    assert "允许[9.5%, 10.5%]" in zh and "允许[499.5亿元, 500.5亿元]" in zh
    assert "421.855亿元 … 421.865亿元" in zh  # not 421.9亿元 … 421.9亿元
    exports = _explain("exports", "zh", 120)
    assert "1.6011" in exports or "1.60105" in exports  # 16011万美元 keeps its five digits
    assert "∞" not in _explain("network_retail", "zh", 80)
    assert "≥ 39.50%" in _explain("network_retail", "zh", 80)
    en = _explain("exports", "en", 120)
    assert "quote: " in en and "quote：" not in en
    assert "、" not in "".join(line for line in en.splitlines() if "contradiction" in line)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    import shutil

    from ezplan.scan import find_documents, scan

    docs = tmp_path_factory.mktemp("docs")
    for name in ("文山壮族苗族自治州.md", "宣城市.md"):
        shutil.copy(ROOT / "tests" / "data" / "corpus" / name, docs / name)
    return scan(find_documents([docs]), jobs=1)


@pytest.mark.parametrize("width", [60, 80, 120, 160])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_scan_table_keeps_figures_and_words_whole(scanned, width, lang):
    import io
    import re

    from rich.cells import cell_len
    from rich.console import Console

    from ezplan.cli.extract import _table

    con = Console(file=io.StringIO(), width=width, color_system=None)
    _table(scanned, lang, "note", con)
    out = con.file.getvalue()
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    messages = [f.message(lang) for d in scanned.documents for f in d.result.findings]
    assert messages
    figure = re.compile(r"\d[\d,.]*(?:%|倍|个百分点|[万亿]*(?:美元|元))(?:–\d[\d,.]*%?)?")
    for message in messages:
        for fig in figure.findall(message):
            assert any(fig in line for line in lines), (fig, width, lang)
    for word in ("constant_prices", "growth-rate", "level-rate"):  # never cut
        assert out.count(word[:-2]) == out.count(word), word
    if width <= 80:
        assert "┃" not in out  # blocks, not a table of columns ten cells wide
    if width >= 160:
        assert "┃" in out


def test_scan_quote_shows_the_figure_the_finding_is_about():
    from ezplan.cli.extract import quote_window

    quote = "前文" * 80 + "地区生产总值由2015年的664.9亿元增加到2020年的1185.12亿元" + "后文" * 80
    shown = quote_window(quote, "按年均增长9.1%，2015年的664.9亿元到2020年为1027.732亿元")
    assert "664.9亿元" in shown and shown.startswith("…") and shown.endswith("…")
    assert len(shown) <= 122
    assert quote_window("短句1185.12亿元。", "1185.12亿元") == "短句1185.12亿元。"


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rules_fit_the_terminal(width, lang):
    from rich.cells import cell_len

    r = CliRunner().invoke(main, ["rules", "--lang", lang], env={"COLUMNS": str(width)})
    lines = r.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    if lang == "en":
        assert "`direction: up`" in r.stdout  # inline code kept whole


COMMANDS = ["", "check", "extract", "scan", "milestones", "export", "report", "explain", "init"]


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", COMMANDS)
def test_help_never_breaks_code_names_or_ranges(command, lang, width):
    import re

    args = [command] if command else []
    r = CliRunner().invoke(main, [*args, "--help", "--lang", lang], env={"COLUMNS": str(width)})
    assert r.exit_code == 0, r.output
    text = r.stdout
    assert text.count("`") % 2 == 0
    for line in text.splitlines():
        assert line.count("`") % 2 == 0, line  # `ezplan check` on one line
        assert not re.search(r"(?:^|\s)\.$|、\.$|<=$|\s-$", line), line
    assert "提示语言" not in text
    if command == "export":
        assert "--to FILE" in text and "FILE" in text
    if command == "extract":
        assert "--out DIR" in text


def test_help_names_what_the_metavar_names():
    r = CliRunner().invoke(main, ["check", "--help", "--lang", "zh"], env={"COLUMNS": "100"})
    assert "-o, --output FILE" in r.stdout and "写入 FILE" in r.stdout
    assert "输出语言" in r.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_bare_rate_is_offered_percent_only(tmp_path, lang):
    (tmp_path / "baselines.yaml").write_text(
        (ROOT / "baselines.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    t = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(t.replace("annual: 10%", "annual: 10", 1), "utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path), "--lang", lang])
    assert r.exit_code == 2
    assert "10%" in r.stderr and "10亿元" not in r.stderr


def test_chinese_messages_use_chinese_punctuation(monkeypatch):
    monkeypatch.chdir(ROOT)
    zh = CliRunner().invoke(main, ["check", "--lang", "zh"], env={"COLUMNS": "200"}).stdout
    assert "（82.6亿元 = 12亿美元；37.6亿元 = 5.46亿美元）" in zh
    assert "6.54亿美元（45.0亿元）" in zh and "是…的2.4倍（×2.4）" in zh
    assert "2021年0.52亿美元，2022年0.58亿美元" in zh
    en = CliRunner().invoke(main, ["check", "--lang", "en"], env={"COLUMNS": "200"}).stdout
    listed = [line for line in en.splitlines() if "does not appear in its quote" not in line]
    assert "、" not in "\n".join(listed)  # figures listed with ", " in English
    assert "2021 0.52亿美元, 2022 0.58亿美元" in en


def test_an_unknown_key_at_the_top_reads_without_a_stray_space(tmp_path):
    (tmp_path / "baselines.yaml").write_text(
        (ROOT / "baselines.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    t = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(t.replace("plan:", "plam:", 1), "utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path), "--lang", "zh"])
    assert "文件顶层中有无法识别的键“plam”" in r.stderr


def test_markdown_export_titles_the_plan_in_english(monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "x.md"
    r = CliRunner().invoke(main, ["export", "--to", str(out), "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("# Ezhou 14th Five-Year Plan for Commerce")


def test_level_rate_steps_give_intervals_with_their_unit():
    zh = _explain("retail_sales", "zh", 120)
    assert "2020年326.57亿元 → [326.565亿元, 326.575亿元]；2025年500亿元" in zh
    en = _explain("retail_sales", "en", 120)
    assert "2020 326.57亿元 → [326.565亿元, 326.575亿元]; 2025 500亿元" in en


def test_progress_export_says_why_a_target_has_no_path(monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "p.csv"
    r = CliRunner().invoke(main, ["export", "--to", str(out), "--what", "progress", "--lang", "zh"])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8-sig")
    assert "无年度目标路径：baselines.yaml未记录2020年水平，约210亿元无从起算" in text


def test_progress_blocks_use_full_width_colons_in_chinese(tmp_path):
    d = _plan_with_actuals(tmp_path)
    r = CliRunner().invoke(
        main, ["milestones", "--plan", str(d), "--lang", "zh"], env={"COLUMNS": "60"}
    )
    assert "最新实际：401.2（2022年）" in r.stdout and "较当年目标：高3.6%" in r.stdout
    assert ": " not in r.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_extract_summary_fits_60_columns_and_quotes_around_the_figure(tmp_path, lang):
    from rich.cells import cell_len

    doc = ROOT / "tests" / "data" / "corpus" / "宣城市.md"
    r = CliRunner().invoke(
        main,
        ["extract", str(doc), "--out", str(tmp_path / "d"), "--lang", lang],
        env={"COLUMNS": "60"},
    )
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    long = [line for line in lines if cell_len(line) > 60 and "/" not in line]
    assert not long  # only a path too long for any line may stand out
    assert sum("20年一遇" in line for line in lines) >= 2  # its entry, and in its quote


def test_milestones_json_says_why_a_target_has_no_path(monkeypatch):
    import json

    monkeypatch.chdir(ROOT)
    r = CliRunner().invoke(main, ["milestones", "--format", "json"])
    by_id = {m["indicator"]: m for m in json.loads(r.stdout)["milestones"]}
    assert by_id["retail_sales"]["no_path"] is None
    assert by_id["online_retail"]["no_path"]["reason"] == "no-base"
    assert by_id["ecommerce_firms_introduced"]["no_path"]["zh"].startswith("无年度目标路径：")


def test_explain_names_the_whole_of_a_share():
    assert "2020年占社会消费品零售总额比重：40%以上" in _explain("network_retail", "zh", 120)
    assert "share of Total retail sales of consumer goods in 2020" in _explain(
        "network_retail", "en", 120
    )


def test_explain_names_the_parts_of_a_total():
    assert "分项：出口总额 [exports]、进口总额 [imports]" in _explain("trade_total", "zh", 120)


def test_a_finding_names_each_other_target_it_weighs_on_once(tmp_path, monkeypatch):
    """The bundled plan with 社会消费品零售总额's 2025 level typed as 161万美元 gives three
    whole-plan contradictions at that figure; their 'also' lists named 限额以上…零售额 and
    出口总额 twice each (a target weighed by two of them, counted for each)."""
    import shutil

    shutil.copy(ROOT / "baselines.yaml", tmp_path / "baselines.yaml")
    text = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(
        text.replace("    level: 500亿元\n", "    level: 161万美元\n", 1), encoding="utf-8"
    )
    monkeypatch.setenv("COLUMNS", "400")
    out = CliRunner().invoke(main, ["--lang", "en", "check", str(tmp_path)]).output
    also = [line for line in out.splitlines() if "; also " in line]
    assert also, out
    for line in also:
        names = line.split("; also ", 1)[1].split(", ")
        assert len(names) == len(set(names)), line
