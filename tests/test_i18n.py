"""One catalogue, both languages: every user-facing string has a Chinese and an English form, and
the two take the same parameters. The tests below fail on a string that is not translated: an
entry without its Chinese, an error raised with text instead of an id of the catalogue, an option
without help, a message shown in English to a user who asked for Chinese."""

from __future__ import annotations

import ast
import pickle
import re
import string

import pytest
import yaml
from click.testing import CliRunner

from ezplan import rules
from ezplan.cli import commands, main
from ezplan.errors import InputError, Mark
from ezplan.i18n import TEXT, Message, cli, errors, extract, reports, speaking, ui
from tests.conftest import ROOT, write_plan

CATALOGUES = {
    "ui": ui.TEXT,
    "reports": reports.TEXT,
    "errors": errors.TEXT,
    "cli": cli.TEXT,
    "extract": extract.TEXT,
}
# the same in both languages, and rightly so: text from outside the catalogue, a value, a name
SAME_IN_BOTH = {"external", "found.bool", "report_made_with", "cumulative"}
CJK = re.compile("[\u3400-\u9fff]")


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize(
    ("catalogue", "key"),
    [(name, key) for name, table in CATALOGUES.items() for key in sorted(table)],
)
def test_every_interface_string_in_both_languages(catalogue, key):
    entry = CATALOGUES[catalogue][key]
    assert entry.get("zh") and entry.get("en"), key
    assert fields(entry["zh"]) == fields(entry["en"]), key
    # a Chinese form that is the English one copied is no translation
    assert entry["zh"] != entry["en"] or key in SAME_IN_BOTH, key
    if key not in SAME_IN_BOTH and CJK.search(entry["en"]) is None:
        # words to translate (not just punctuation around parameters): Chinese in Chinese
        words = re.sub(r"\{[^}]*\}", "", entry["en"])
        if re.search(r"[A-Za-z]{3,}", words) and not re.fullmatch(r"[\W\d]*", words):
            assert CJK.search(entry["zh"]) or key in {"help.usage"}, key


def test_the_catalogue_is_the_union_of_its_modules():
    assert sum(len(t) for t in CATALOGUES.values()) == len(TEXT)


@pytest.mark.parametrize("rule", rules.all_rules(), ids=lambda r: r.code)
def test_every_rule_speaks_both_languages(rule):
    assert rule.title.get("zh") and rule.title.get("en")
    assert rule.doc_in("zh") != rule.doc_in("en"), "no Chinese documentation (DOC_ZH)"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.doc_in("zh"))
    for mid, m in rule.module.MESSAGES.items():
        assert m.get("zh") and m.get("en"), (rule.code, mid)
        assert fields(m["zh"]) == fields(m["en"]), (rule.code, mid)


def test_builtin_checks_in_both_languages():
    for code in rules.BUILTIN:
        assert rules.doc(code, "zh") != rules.doc(code, "en")
        assert rules.title(code, "zh") != rules.title(code, "en")


def test_a_step_with_words_keeps_both_languages_through_pickle():
    from ezplan.errors import Mark
    from ezplan.findings import Finding, Severity, steps_in

    step = {"en": "allows", "zh": "允许"}
    f = Finding("share", Severity.NOTE, "x", Mark("f", 1, 1), "m", {}, steps=("1 + 1", step))
    g = pickle.loads(pickle.dumps(f))
    assert steps_in(g, "en") == ["1 + 1", "allows"] and steps_in(g, "zh") == ["1 + 1", "允许"]


# --- errors are raised by an id of the catalogue, never with text ----------------------------

RAISING = [
    "errors",
    "figures",
    "loader",
    "validation",
    "source",
    "config",
    "discover",
    "output",
    "schema",
    "suggest",
    "template",
    "scan",
    "cli/check",
    "cli/explain",
    "cli/plan_files",
    "cli/analysts",
    "cli/extract",
    "cli/common",
    "cli/signals",
    "cli/localized",
]
ERROR_TYPES = {"InputError", "OutputError", "FigureError", "MessageError", "PeriodError", "Usage"}


def _message_argument(call: ast.Call) -> ast.expr | None:
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
    if name in ("InputError", "OutputError", "Usage") and len(call.args) >= 2:
        return call.args[1] if name != "Usage" else call.args[0]
    if name in ("InputError", "OutputError"):
        return None
    if name in ERROR_TYPES | {"Message"} and call.args:
        return call.args[0]
    return None


@pytest.mark.parametrize("module", RAISING)
def test_every_error_is_raised_by_an_id_of_the_catalogue(module):
    tree = ast.parse((ROOT / "ezplan" / f"{module}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            arg = _message_argument(node)
            where = f"ezplan/{module}.py:{node.lineno}"
            if isinstance(arg, ast.Constant):
                assert arg.value in TEXT, f"{where}: {arg.value!r} is not an id of the catalogue"
            elif isinstance(arg, ast.JoinedStr):
                # an id put together (f"os.{name}") is checked when the Message is made; text
                # put together is a message nobody can translate
                assert name == "Message", f"{where}: an error raised with an f-string"
            assert name != "UsageError", f"{where}: click.UsageError with text: use Usage(id)"
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            assert name not in ("ValueError", "UsageError", "ClickException"), (
                f"ezplan/{module}.py:{node.lineno}: {name} raised with text"
            )


def test_an_error_shows_in_either_language_and_keeps_both_through_pickle():
    e = InputError(Mark("t.yaml", 3, 5), "file.too_large", size=9_000_000, limit=8_388_608)
    assert e.text("en") == "file too large (9,000,000 bytes; ezplan reads at most 8,388,608)"
    assert CJK.search(e.text("zh")) and "9,000,000" in e.text("zh")
    with speaking("zh"):
        assert str(e) == "t.yaml:3:5: " + e.text("zh")
    with speaking("en"):
        assert str(e) == "t.yaml:3:5: " + e.text("en")
    again = pickle.loads(pickle.dumps(e))
    assert (again.mark, again.text("zh"), again.text("en")) == (e.mark, e.text("zh"), e.text("en"))
    with pytest.raises(KeyError):
        Message("no.such.message")


# --- help: every command and option, in the language of the invocation -----------------------


def _commands():
    return sorted(commands().items())


@pytest.mark.parametrize(("name", "command"), _commands(), ids=lambda x: str(x))
def test_every_command_and_option_has_help_in_the_catalogue(name, command):
    from ezplan.cli.localized import help_id

    assert f"cmd.{name}" in TEXT
    for param in command.params:
        if param.param_type_name == "option":
            assert help_id(name, param), f"{name} {param.opts}: no help in ezplan.i18n.cli"


@pytest.mark.parametrize("name", [None, *sorted(commands())])
def test_help_is_chinese_in_a_chinese_locale(name, monkeypatch):
    from ezplan.cli.localized import help_id
    from ezplan.i18n import t

    monkeypatch.setenv("COLUMNS", "80")
    args = [name, "--help"] if name else ["--help"]
    zh = CliRunner().invoke(main, args, env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    en = CliRunner().invoke(main, args, env={"LANG": "C.UTF-8", "LC_ALL": ""})
    assert zh.exit_code == 0 and en.exit_code == 0, (zh.output, en.output)
    assert en.stdout.startswith("Usage: ") and "Options:" in en.stdout
    assert zh.stdout.startswith("用法：") and "选项：" in zh.stdout
    # none of the English help, nor click's own words around it
    flat = " ".join(zh.stdout.split())
    command = commands()[name] if name else main
    english = [t(f"cmd.{name or 'ezplan'}", "en"), "Show this message and exit.", "[default:"]
    english += [
        t(key, "en") for p in command.params if (key := help_id(name or "ezplan", p)) is not None
    ]
    for text in english:
        for sentence in re.split(r"(?<=[.;:])\s+", " ".join(text.split())):
            assert sentence not in flat or len(sentence) < 12, sentence


def test_help_with_lang_zh(monkeypatch):
    r = CliRunner().invoke(main, ["check", "--help", "--lang", "zh"], env={"LANG": "C.UTF-8"})
    assert r.exit_code == 0 and r.stdout.startswith("用法：")


def test_help_follows_the_settings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ezplan.toml").write_text('lang = "zh"\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--help"], env={"LANG": "C.UTF-8", "LC_ALL": ""})
    assert r.exit_code == 0 and r.stdout.startswith("用法：")
    r = CliRunner().invoke(main, ["check", "--help", "--lang", "en"])
    assert r.stdout.startswith("Usage: ")


# --- load errors and usage errors in Chinese ------------------------------------------------

PLAN = (
    "indicators:\n  exports: {name: 出口总额, unit: 亿美元, levels: {2020: 1亿美元}}\n",
    "targets:\n  exports: {level: 2亿美元}\n",
)
RULE_CODES = {w for r in rules.all_rules() for w in re.findall(r"[A-Za-z]+", r.code)}


def words(text: str) -> list[str]:
    """English words (two letters or more) of a text."""
    return re.findall(r"[A-Za-z]{2,}", text)


def _case(tmp_path, name):
    """A bad input: the arguments, and the text a user typed (ids, keys, file names)."""
    b, t = PLAN
    if name == "misspelt key":
        t = t.replace("level:", "levle:")
    elif name == "bad figure":
        t = t.replace("2亿美元", "2亿英镑")
    elif name == "bad period":
        t = t.replace(
            "targets:", "targets:\n  x: {name: 新, unit: 亿元, period: 2025-2021, level: 1亿元}"
        )
    elif name == "not UTF-8":
        pass
    d = write_plan(tmp_path / "plan", b, t)
    if name == "not UTF-8":
        (d / "baselines.yaml").write_bytes(b"indicators: {}\n# \xb5\n")
    args = {
        "missing file": ["check", str(tmp_path / "nowhere")],
        "unknown option": ["check", str(d), "--lnag", "zh"],
        "unknown rule code": ["check", str(d), "--select", "level-rat"],
        "unknown command": ["chek", str(d)],
        "invalid choice": ["check", str(d), "--format", "xml"],
        "missing argument": ["plot", "--plan", str(d), "--to", "x.svg"],
        "extra argument": ["schema", "targets", "baselines"],
        "option needs a value": ["check", str(d), "--select"],
        "flag takes no value": ["check", str(d), "--strict=yes"],
        "out of range": ["milestones", "--plan", str(d), "--on-track", "20"],
        "not a target": ["plot", "nothing", "--plan", str(d), "--to", "x.svg"],
        "bad extension": ["export", "--plan", str(d), "--to", "x.doc"],
    }.get(name, ["check", str(d)])
    typed = " ".join([*args, *(p.read_text("utf-8", "replace") for p in d.glob("*.yaml"))])
    return args, typed


CASES = [
    "misspelt key",
    "bad figure",
    "bad period",
    "not UTF-8",
    "missing file",
    "unknown option",
    "unknown rule code",
    "unknown command",
    "invalid choice",
    "missing argument",
    "extra argument",
    "option needs a value",
    "flag takes no value",
    "out of range",
    "not a target",
    "bad extension",
]


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_one_chinese_line_with_lang_zh(tmp_path, name):
    args, typed = _case(tmp_path, name)
    env = {"LANG": "C.UTF-8", "LC_ALL": ""}
    zh = CliRunner().invoke(main, [*args, "--lang", "zh"], env=env)
    en = CliRunner().invoke(main, [*args, "--lang", "en"], env=env)
    assert zh.exit_code == en.exit_code == 2, (zh.output, en.output)
    (zh_line,) = zh.stderr.splitlines()
    (en_line,) = en.stderr.splitlines()
    assert "Traceback" not in zh.output and CJK.search(zh_line) and zh_line != en_line, zh_line
    # what the user typed, the names the English message quotes (ids, keys, options, file
    # extensions, hexadecimal bytes), file names and the rules' codes stay as they are; every
    # other English word is gone
    names = set(words(typed)) | RULE_CODES | {"ezplan", "yaml", "baselines", "targets", "UTF"}
    quoted = re.findall(r"'[^']*'|--[A-Za-z][\w-]*|\.[A-Za-z]\w*|0x[0-9A-Fa-f]+", en_line)
    names |= set(words(" ".join(quoted)))
    english = set(words(en_line)) - names
    assert english, en_line
    left = english & set(words(zh_line))
    assert not left, (zh_line, left)


def test_english_stays_english(tmp_path):
    args, _ = _case(tmp_path, "misspelt key")
    r = CliRunner().invoke(main, [*args, "--lang", "en"], env={"LANG": "zh_CN.UTF-8"})
    assert "unknown key 'levle' in targets.exports; did you mean 'level'?" in r.stderr
    args, _ = _case(tmp_path, "unknown option")
    r = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert "ezplan check: no such option '--lnag'" in r.stderr and "'--lang'" in r.stderr


def test_the_language_of_errors_comes_from_the_settings_then_the_locale(tmp_path, monkeypatch):
    args, _ = _case(tmp_path, "misspelt key")
    monkeypatch.chdir(tmp_path)
    c_locale = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    zh_locale = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    assert "unknown key" in CliRunner().invoke(main, args, env=c_locale).stderr
    assert CJK.search(CliRunner().invoke(main, args, env=zh_locale).stderr)
    (tmp_path / "ezplan.toml").write_text('lang = "zh"\n', encoding="utf-8")
    assert CJK.search(CliRunner().invoke(main, args, env=c_locale).stderr)
    assert "unknown key" in CliRunner().invoke(main, [*args, "--lang", "en"]).stderr
    # settings that cannot be read say so in the locale's language
    (tmp_path / "ezplan.toml").write_text('lang = "fr"\n', encoding="utf-8")
    assert "lang must be zh or en" in CliRunner().invoke(main, args, env=c_locale).stderr
    assert "lang 必须是 zh 或 en" in CliRunner().invoke(main, args, env=zh_locale).stderr


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "jsonl"])
def test_machine_formats_carry_the_load_error_in_the_chosen_language(tmp_path, fmt):
    args, _ = _case(tmp_path, "misspelt key")
    r = CliRunner().invoke(main, [*args, "--format", fmt, "--lang", "zh"])
    assert r.exit_code == 2
    assert "无法识别的键“levle”" in r.stdout and "unknown key" not in r.stdout


# --- the template -------------------------------------------------------------------------------


def test_init_writes_the_template_in_the_language_asked_for(tmp_path, monkeypatch):
    from ezplan.template import TEMPLATES

    for lang in ("zh", "en"):
        d = tmp_path / lang
        r = CliRunner().invoke(main, ["init", str(d), "--lang", lang])
        assert r.exit_code == 0, r.output
        monkeypatch.chdir(d)
        assert CliRunner().invoke(main, ["check", "--strict"]).exit_code == 0
        text = (d / "baselines.yaml").read_text("utf-8") + (d / "targets.yaml").read_text("utf-8")
        # prose, not YAML commented out: two words in a row
        comments = re.findall(r"#\s*(.*)", text)
        prose = [c for c in comments if re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", c)]
        english = [c for c in prose if not CJK.search(c)]
        if lang == "zh":
            assert not english, english  # every comment with words in it is Chinese
            assert "已写入" in r.stdout
        else:
            assert english and "wrote" in r.stdout
    # the same plan in both: only the comments differ
    zh, en = TEMPLATES["zh"], TEMPLATES["en"]
    assert [yaml.safe_load(x) for x in zh] == [yaml.safe_load(x) for x in en]


def test_init_follows_the_locale(tmp_path):
    r = CliRunner().invoke(main, ["init", str(tmp_path)], env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert r.exit_code == 0 and "规划目标" in (tmp_path / "targets.yaml").read_text("utf-8")


def test_lang_before_the_command_holds_for_the_command(tmp_path, monkeypatch):
    """`ezplan --lang zh check` is Chinese whatever the locale and the settings say; the
    command's own --lang still wins."""
    (tmp_path / "ezplan.toml").write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    env = {"LANG": "C.UTF-8", "LC_ALL": ""}
    args = ["--plan", str(ROOT)]
    r = CliRunner().invoke(main, ["--lang", "zh", "milestones", "社零", *args], env=env)
    assert r.exit_code == 0 and "年份" in r.stdout and "Year" not in r.stdout
    r = CliRunner().invoke(main, ["--lang", "zh", "milestones", *args, "--lang", "en"], env=env)
    assert r.exit_code == 0 and "Year" in r.stdout
    r = CliRunner().invoke(main, ["--lang", "xx", "check"], env=env)
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1


def test_chinese_periods_use_one_dash():
    """规划期 writes 2021—2025年; every period in Chinese findings, explain, milestones and the
    review notes of extract's drafts is written the same way (the en dash is for English)."""
    env = {"COLUMNS": "200"}
    document = str(ROOT / "tests" / "data" / "corpus" / "南充市.md")
    for args in (
        ["check", str(ROOT)],
        ["explain", "--plan", str(ROOT), "exports"],
        ["explain", "--plan", str(ROOT), "fdi_actual"],
        ["milestones", "--plan", str(ROOT)],
        ["extract", document],
    ):
        said = {
            lang: CliRunner().invoke(main, [*args, "--lang", lang], env=env).stdout
            for lang in ("zh", "en")
        }
        assert re.findall(r"\d{4}—\d{4}年", said["zh"]), args
        assert not re.findall(r"\d{4}[–-]\d{4}年", said["zh"]), (args, said["zh"])
        assert not re.findall(r"\d{4}—\d{4}", said["en"]), args
