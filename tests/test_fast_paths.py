"""Every fast path against the straightforward one it replaces: the same result, always.

Speed itself is measured in benchmarks/ (and guarded against quadratic growth by
tests/test_scaling.py); here only sameness is checked.
"""

from __future__ import annotations

import copy
import io
import json
import random
import re
import string
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.console import Console

from benchmarks.make_plan import make
from ezplan import engine, schema, shape
from ezplan.cli import help_pages
from ezplan.discover import find_plans
from ezplan.facts import Facts, claim_factors
from ezplan.figures import FigureError, parse_any, parse_plain
from ezplan.loader import load_plan
from ezplan.pool import check_each, slim
from ezplan.render import json_out, plain, text
from ezplan.render.wrap import cells, wrap, wrap_pieces
from ezplan.report import PlanResult, Run, check_all, report
from ezplan.source import load_yaml
from ezplan.suggest import NearMisses, near_miss
from ezplan.units import parse_unit
from ezplan.verdicts import unchecked_reasons

from .conftest import ROOT
from .plangen import write_mixed_plans

# --- derived files kept in step with their source ----------------------------------------------


def test_plan_shape_is_derived_from_the_models():
    committed = (ROOT / "ezplan" / "plan_shape.json").read_text(encoding="utf-8")
    assert committed == schema.shape_text(), "run: python -m ezplan.schema > ezplan/plan_shape.json"


def test_help_pages_are_what_click_shows():
    committed = (ROOT / "ezplan" / "help_pages.json").read_text(encoding="utf-8")
    make = "import ezplan.cli as c; print(c.help_pages(), end='')"
    assert committed == help_pages(), f'run: python -c "{make}" > ezplan/help_pages.json'


# --- the shape check and pydantic --------------------------------------------------------------

_DOCS = {
    "Baselines": load_yaml(ROOT / "baselines.yaml").data,
    "Targets": load_yaml(ROOT / "targets.yaml").data,
}
_ODD = [
    None,
    True,
    0,
    -3,
    1899,
    2020,
    "",
    "x",
    "2020",
    "Up",
    "up",
    "a_b",
    "A",
    [],
    {},
    [1],
    {"x": 1},
]


def _paths(data: object, at: tuple = ()) -> list[tuple]:
    out = [at]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*at, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*at, i))
    return out


def _mutated(model: str, rnd: random.Random) -> object:
    data = copy.deepcopy(_DOCS[model])
    for _ in range(rnd.randint(1, 3)):
        path = rnd.choice(_paths(data)[1:])
        parent = data
        for p in path[:-1]:
            parent = parent[p]
        key = path[-1]
        what = rnd.randrange(4)
        if what == 0:
            parent[key] = copy.deepcopy(rnd.choice(_ODD))
        elif what == 1 and isinstance(parent, dict):
            del parent[key]
        elif what == 2 and isinstance(parent, dict):
            parent[rnd.choice(["quote", "valeu", 2021, "levels", "x"])] = rnd.choice(_ODD)
        elif isinstance(parent, dict) and not isinstance(key, int):
            parent[key.upper() if isinstance(key, str) else str(key)] = parent.pop(key)
    return data


def _plain(value: object) -> object:
    if isinstance(value, shape.Record):
        return {k: _plain(v) for k, v in vars(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.mark.parametrize("model", ["Baselines", "Targets"])
def test_the_shape_check_agrees_with_pydantic(model):
    from pydantic import ValidationError

    cls = getattr(schema, model)
    rnd = random.Random(13)
    accepted = 0
    for data in [_DOCS[model], *(_mutated(model, rnd) for _ in range(300))]:
        try:
            fast = _plain(shape.checker(model)(copy.deepcopy(data)))
        except shape.Mismatch:
            fast = None
        try:
            slow = cls.model_validate(copy.deepcopy(data)).model_dump()
        except ValidationError:
            slow = None
        assert fast == slow, data
        accepted += slow is not None
    assert 10 < accepted < 290  # both kinds of data were tried


# --- figures, line breaking, did-you-mean --------------------------------------------------------

_PIECES = [
    *"0123456789.",
    "5",
    "亿元",
    "万美元",
    "%",
    "增长",
    "下降",
    "倍",
    "以上",
    "约",
    "多",
    "家",
]
_PIECES += ["个百分点", "年", " ", "１", "²", "万亿", "-", ",", "e", "翻一番", "比2020年", "平方米"]
_UNITS = [None, *(parse_unit(u) for u in ("亿元", "%", "个", "万美元", "个百分点"))]


def _same_as_any_figure(text_: str, unit) -> bool:
    """parse_plain reads `text_` as parse_any does (False: it declined, leaving it to parse_any)."""
    fast = parse_plain(text_, unit)
    if fast is None:
        return False
    try:
        slow = parse_any(text_, unit)
    except FigureError as e:
        slow = e
    assert fast == slow and repr(fast) == repr(slow)
    return True


_PLAIN = st.builds(
    lambda n, d, suffix: f"{n / 10**d:.{d}f}{suffix}",
    st.integers(0, 10**7),
    st.integers(0, 3),
    st.sampled_from(["", "亿元", "万美元", "%", "个", "个百分点", "亿", "元"]),
)


@given(
    st.one_of(_PLAIN, st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5).map("".join)),
    st.sampled_from(_UNITS),
)
def test_plain_figures_read_as_any_figure(text_, unit):
    # a text parse_plain declines is parse_any's alone; those it reads are compared. (Not
    # assume(): on a random seed, too few of the joined pieces read, and the health check
    # failed the run now and then)
    _same_as_any_figure(text_, unit)


@pytest.mark.parametrize(
    ("text_", "unit"),
    [
        ("326.57亿元", "亿元"),
        ("500亿元", "亿元"),
        ("42080万美元", "万美元"),
        ("10%", "%"),
        ("23.5%", "%"),
        ("5", "个"),
        ("12", "%"),
    ],
)
def test_common_figures_take_the_plain_path(text_, unit):
    assert _same_as_any_figure(text_, parse_unit(unit))


_WRAP = list("增长亿元美元的年均，。（）《》“”%-–—.,:;!? \u00a0abcXYZ0123456789≥≤×~+→·")
_WRAP += ["12.5亿元", "2021", "2015–2019", "Exports", "≥ 5%", "  ", "\n", "é", "👍", "\u200d"]


@given(st.lists(st.sampled_from(_WRAP), max_size=40), st.integers(1, 30))
def test_lines_break_as_piece_by_piece(pieces, width):
    text_ = "".join(pieces)
    assert wrap(text_, width) == wrap_pieces(text_, width)


@given(st.lists(st.text("ab_cA", max_size=6), max_size=60), st.text("ab_cAd", max_size=7))
def test_near_misses_from_the_index_are_the_scan(ids, word):
    assert NearMisses(ids).of(word) == [x for x in dict.fromkeys(ids) if near_miss(word, x)]


# --- vectorised against one at a time ------------------------------------------------------------


def test_cumulative_rate_of_many_is_each_one_alone():
    rng = np.random.default_rng(1)
    b, s = rng.uniform(0.1, 100, 100), rng.uniform(0.5, 20, 100)
    n = rng.integers(1, 10, 100).astype(float)
    many = engine.cumulative_rate(b, b * s, n)
    for i in range(100):
        one = engine.cumulative_rate(b[i], b[i] * s[i], n[i])
        assert (one.value, one.ok) == (many.value[i], many.ok[i])


@given(
    st.lists(
        st.tuples(
            st.floats(1e-6, 1e12),  # a base
            st.one_of(  # a rate: near zero (the series' own branch), ordinary, or a bracket's
                st.floats(-1e-12, 1e-12),
                st.floats(-0.999999, 5.0),
                st.floats(5.0, 2.0**62),
            ),
            st.integers(1, 60),
        ),
        min_size=1,
        max_size=20,
    )
)
@example([(1164971151.0, 1164971130.0, 33)])  # past the largest float: +inf both ways
def test_the_bisections_sum_is_cumulative_totals_to_the_bit(cases):
    """cumulative_rate bisects on a maskless sum: it must compare the very same numbers."""
    b, r, n = (np.array(column, dtype=float) for column in zip(*cases, strict=True))
    reference = engine.cumulative_total(b, r, n).value
    lean = engine._total_of_valid(b, r, n)
    assert lean.tobytes() == reference.tobytes()


def test_paths_at_rate_of_many_is_each_one_alone():
    rng = np.random.default_rng(2)
    b, r = rng.uniform(1, 100, 50), rng.uniform(-0.5, 0.5, 50)
    n = rng.integers(1, 8, 50)
    for i, path in enumerate(engine.paths_at_rate(b, r, n)):
        alone = engine.path_at_rate([b[i]], [r[i]], int(n[i]))
        assert path is not None and (path == alone.value[0]).all()


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> list[Path]:
    """Plans of every form of figure, consistent and not, and a generated one."""
    root = tmp_path_factory.mktemp("plans")
    out = write_mixed_plans(root, 12)
    out.append(make(root / "generated", 30))
    return [ROOT, *out]


def test_batched_verdicts_are_one_at_a_time(plans):
    for d in plans:
        plan = load_plan(d)
        facts = Facts(plan)
        ids = list(plan.target_ids)
        assert unchecked_reasons(plan, facts, ids) == {
            i: unchecked_reasons(plan, facts, [i])[i] for i in ids
        }
        assert claim_factors(plan.growth) == [claim_factors([c])[0] for c in plan.growth]


# --- output written directly against output laid out by rich ------------------------------------


def _text(run: Run, width: int, lang: str, fast: bool, monkeypatch) -> str:
    buf = io.StringIO()
    console = Console(file=buf, color_system=None, width=width, highlight=False, soft_wrap=False)
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(plain.Plain, "text", lambda self, t: False)
            m.setattr(plain.Plain, "fitted", lambda self, t, fit: False)
            m.setattr(plain.Plain, "table_rows", lambda self, *a: None)
        text.render(run, console, lang)
    return buf.getvalue()


@pytest.fixture(scope="module")
def run(plans) -> Run:
    return check_all(find_plans([str(p) for p in plans]))


@pytest.mark.parametrize(("width", "lang"), [(40, "zh"), (80, "en"), (120, "zh")])
def test_text_written_directly_is_what_rich_prints(run, width, lang, monkeypatch):
    assert _text(run, width, lang, True, monkeypatch) == _text(run, width, lang, False, monkeypatch)


@pytest.mark.parametrize("width", [8, 21, 22, 23, 24, 40, 80, 120])
def test_finding_lines_know_whether_they_fit(run, width):
    """Whether a finding's lines fit, as `finding_lines` knows it, is what measuring them says
    (below 24 cells it may say no where they do: rich then lays them out)."""
    for r in run.results:
        for f in r.findings:
            for name in (None, "名" * 30, "a name"):
                lines, fit = text.finding_lines(f, "zh", name, width)
                measured = all(cells(line) <= width for line in lines.split("\n"))
                assert fit == measured if width >= 24 else (measured or not fit)


def test_text_written_as_it_goes_is_the_text_written_at_once(run, monkeypatch):
    """A long report is written whenever enough is held: every piece, once, in order."""
    whole = _text(run, 80, "zh", True, monkeypatch)
    writes: list[str] = []

    class Recording(io.StringIO):
        def write(self, s: str) -> int:
            writes.append(s)
            return super().write(s)

    monkeypatch.setattr(plain, "HELD", 50)
    buf = Recording()
    console = Console(file=buf, color_system=None, width=80, highlight=False, soft_wrap=False)
    text.render(run, console, "zh")
    assert buf.getvalue() == whole
    assert len(writes) > len(run.findings)  # written as it went, not once at the end


def test_json_from_orjson_is_json_dumps(run):
    doc = json_out.document(run, "en")
    fast = json_out.dumps(doc, indent=2)
    slow = json.dumps(json_out.plain(doc), ensure_ascii=False, indent=2)
    slow = json_out._RAW_RE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", slow)
    assert json.loads(fast) == json.loads(slow)
    if not re.search(r"\d[eE][-+]?\d", slow):  # orjson writes 1e-05 as 1e-5: the same number
        assert fast == slow


def test_json_without_orjson_is_the_same_document(run, monkeypatch):
    doc = json_out.document(run, "en")
    fast = json_out.dumps(doc, indent=2)
    monkeypatch.setitem(sys.modules, "orjson", None)  # the `fast` extra not installed
    assert json.loads(json_out.dumps(doc, indent=2)) == json.loads(fast)


def test_many_plans_streamed_as_at_once(plans, run, monkeypatch):
    refs = find_plans([str(p) for p in plans])
    whole = run
    monkeypatch.setattr("ezplan.pool.MIN_PLANS", 2)  # through the process pool
    streamed = list(check_each(refs))
    assert [r.name for r in streamed] == [r.name for r in whole.results]
    out: list[str] = []
    json_out.render_each(iter(streamed), "zh", out.append)
    assert "".join(out) == json_out.render(whole, "zh")
    buf = io.StringIO()
    console = Console(file=buf, color_system=None, width=100, highlight=False, soft_wrap=False)
    text.render_each(iter(streamed), console, "zh", many=True)
    assert buf.getvalue() == _text(whole, 100, "zh", True, monkeypatch)


def test_a_slim_report_renders_as_the_full_one(plans):
    for d in plans[:4]:
        full = report(load_plan(d))
        run = Run([PlanResult(str(d), full)])
        light = Run([PlanResult(str(d), slim(full))])
        assert json_out.render(run, "en") == json_out.render(light, "en")


def test_random_names_keep_the_layout(monkeypatch, tmp_path):
    """Names of every width and script, in the table and the findings."""
    rnd = random.Random(3)
    chars = string.ascii_letters + "增长率亿元（）《》，。 " + "é👍"
    b = ["indicators:"]
    t = ["plan: {name: 测试, period: 2021-2025}", "targets:"]
    for i in range(20):
        name = "".join(rnd.choice(chars) for _ in range(rnd.randint(1, 60))).strip() or "x"
        b.append(
            f"  x{i}: {{name: {json.dumps(name, ensure_ascii=False)}, unit: 亿元, "
            f"levels: {{2020: {rnd.randint(1, 99)}亿元}}}}"
        )
        t.append(f"  x{i}: {{level: {rnd.randint(1, 999)}亿元, annual: {rnd.randint(1, 30)}%}}")
    (tmp_path / "baselines.yaml").write_text("\n".join(b) + "\n", encoding="utf-8")
    (tmp_path / "targets.yaml").write_text("\n".join(t) + "\n", encoding="utf-8")
    run = check_all(find_plans([str(tmp_path)]))
    for width in (50, 80, 133):
        assert _text(run, width, "en", True, monkeypatch) == _text(
            run, width, "en", False, monkeypatch
        )


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(ROOT), "--format", "json"],
        ["check", str(ROOT), "--no-color"],
        ["check", str(ROOT / "nowhere")],
        ["milestones", "--plan", str(ROOT)],
        ["check", "--no-such-option"],
    ],
)
def test_the_launcher_ends_as_the_command_line_does(args, tmp_path):
    """`ezplan.launch` ends the process without the interpreter's teardown: the same output,
    flushed, and the same exit code as the command line ending as usual."""
    direct = "import sys; from ezplan.cli import main; sys.argv[0] = 'ezplan'; main()"
    usual = subprocess.run(
        [sys.executable, "-c", direct, *args], capture_output=True, cwd=tmp_path, timeout=120
    )
    quick = subprocess.run(
        [sys.executable, "-m", "ezplan", *args], capture_output=True, cwd=tmp_path, timeout=120
    )
    assert (quick.returncode, quick.stdout, quick.stderr) == (
        usual.returncode,
        usual.stdout,
        usual.stderr,
    )
    assert usual.stdout or usual.stderr


def test_a_pool_stopped_early_ends_with_its_workers(tmp_path):
    """A reader that stops after the first plan (a closed pipe, an error while rendering) ends
    the process pool: the workers go, nobody waits for them. Run apart, so that a pool that
    cannot end fails this test instead of hanging the suite."""
    for i in range(10):
        (tmp_path / f"p{i}").mkdir()
        for name in ("baselines.yaml", "targets.yaml"):
            (tmp_path / f"p{i}" / name).write_bytes((ROOT / name).read_bytes())
    code = (
        "import sys; from ezplan import pool; from ezplan.discover import find_plans\n"
        "pool.MIN_PLANS = 2\n"
        "results = pool.check_each(find_plans([sys.argv[1]]))\n"
        "assert next(results).report is not None\n"
        "results.close()\n"
    )
    # no pipes: a worker left behind would hold them open, and the wait for their end too
    p = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )
    assert p.returncode == 0


def test_a_findings_fields_are_written_as_objects_not_as_their_keys():
    """`Fields` is a tuple of values that reads as a mapping: JSON must see the mapping."""
    from ezplan.findings import fields

    data = fields({"low": np.float64(1.5), "high": float("inf"), "nested": fields({"x": 2})})
    assert json_out.plain({"fits": data}) == {
        "fits": {"low": 1.5, "high": None, "nested": {"x": 2}}
    }
