"""A mutation fuzzer over the bundled plan: whatever is done to baselines.yaml and targets.yaml,
`ezplan check` keeps its promises.

Each example takes the bundled files and applies one to four mutations — a byte flipped,
inserted or deleted; a hostile token inserted (control characters, bidi, invalid UTF-8, YAML
syntax, tags, anchors, digit-like characters, huge numbers, markup); a line deleted, duplicated
or re-indented; a number, unit or year replaced — then runs `ezplan check` in one of the output
formats and asserts:

- the exit code is 0, 1 or 2, and there is never a traceback;
- on 2, stderr is one line `file:line:col: message`, and the position lies inside the file;
- JSON (json, jsonl, sarif) is strict JSON and valid UTF-8; JUnit is well-formed XML; GitHub
  annotations are one line each; no output carries a raw control character.

In CI the examples are derandomized (the same every run) and few; the long run is
`python benchmarks/fuzz_long.py` (EZPLAN_FUZZ_EXAMPLES, default 10000).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ezplan.cli import main

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = {name: (ROOT / name).read_bytes() for name in ("baselines.yaml", "targets.yaml")}
EXAMPLES = int(os.environ.get("EZPLAN_FUZZ_EXAMPLES", "80"))
FORMATS = ["json", "jsonl", "sarif", "junit", "github", "text"]
UNMUTATED = ["json", "github"]  # the bundled plan as it is (the mutants cover every format)

TOKENS = [
    # control characters, bidi, line separators, bytes that are not UTF-8
    b"\x00",
    b"\x01",
    b"\x1b[31m",
    b"\x7f",
    "\u0085".encode(),
    "\u2028".encode(),
    "\u202e".encode(),
    "\ufeff".encode(),
    b"\xff",
    b"\xc0\xaf",
    b"\xe6\xb5",
    b"\xed\xa0\x80",
    b"\t",
    b"\r",
    b"\r\n",
    b"\n",
    # YAML syntax
    b" ",
    b"  ",
    b":",
    b": ",
    b"- ",
    b"#",
    b"&a ",
    b"*a",
    b"!!python/object/apply:os.system ",
    b"!x ",
    b"!!str ",
    b"!!float ",
    b"<<: ",
    b"---\n",
    b"...\n",
    b"%TAG ! tag:x,2000:\n",
    b"? ",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b"'",
    b'"',
    b'"\\e[2J"',
    b'"\\0"',
    b"\\",
    b"|",
    b">",
    b"@",
    b"`",
    b"[" * 80,
    b"{a: " * 70,
    # figures and digit-like characters
    "①".encode(),
    "²".encode(),
    "٣".encode(),
    "𝟏".encode(),
    "１".encode(),
    "．".encode(),
    "，".encode(),
    "％".encode(),
    b"e5",
    b"E-3",
    b"9" * 20,
    b"9" * 5000,
    b"0",
    b"-",
    b"+",
    b".",
    "亿".encode(),
    "万".encode(),
    "元".encode(),
    "美元".encode(),
    b"%",
    "倍".encode(),
    "翻".encode(),
    "番".encode(),
    "翻5番".encode(),
    "翻0番".encode(),
    "增长".encode(),
    "下降".encode(),
    "下降100%".encode(),
    "约".encode(),
    "以上".encode(),
    "以内".encode(),
    "至".encode(),
    "年".encode(),
    "比上年".encode(),
    "是2015年的".encode(),
    "提高2个百分点".encode(),
    b"1e5",
    b".inf",
    b".nan",
    b"0x10",
    b"null",
    b"~",
    b"true",
    b"no",
    b"on",
    # years and periods
    b"2021-2025",
    b"0001-0005",
    b"1900",
    b"2200",
    b"2201",
    b"9999",
    "2021至2030年".encode(),
    # markup
    b"[/red]",
    b"[red]",
    b"<script>",
    b"&amp;",
    b"]]>",
    b"::error::",
    b"%0A",
    b"{0}",
]

NUMBER_RE = re.compile(rb"\d+(?:\.\d+)?")
UNIT_RE = re.compile("亿元|万元|亿美元|万美元|%|亩|个|倍".encode())
YEAR_RE = re.compile(rb"(?:19|20)\d\d")
NUMBERS = [b"0", b"1", b"-1", b"0.0001", b"999999999999999", b"1" + b"0" * 40, b"1.5.2"]
UNITS = ["亿元", "万亿元", "元", "美元", "%", "个百分点", "倍", "亩", "斤", ""]
YEARS = [b"0001", b"1899", b"1900", b"1901", b"2200", b"2201", b"3000", b"99999"]

positions = st.integers(min_value=0, max_value=2**20)
mutation = st.one_of(
    st.tuples(st.just("flip"), positions, st.integers(0, 255)),
    st.tuples(st.just("insert"), positions, st.sampled_from(TOKENS)),
    st.tuples(st.just("replace"), positions, st.sampled_from(TOKENS)),
    st.tuples(st.just("delete"), positions, st.integers(1, 64)),
    st.tuples(st.just("duplicate"), positions, st.integers(1, 200)),
    st.tuples(st.just("truncate"), positions, st.just(0)),
    st.tuples(st.just("delete_line"), positions, st.just(0)),
    st.tuples(st.just("duplicate_line"), positions, st.just(0)),
    st.tuples(st.just("swap_lines"), positions, positions),
    st.tuples(st.just("indent"), positions, st.integers(-4, 4)),
    st.tuples(st.just("number"), positions, st.sampled_from(NUMBERS)),
    st.tuples(st.just("unit"), positions, st.sampled_from(UNITS)),
    st.tuples(st.just("year"), positions, st.sampled_from(YEARS)),
)
mutants = st.tuples(
    st.sampled_from(["baselines.yaml", "targets.yaml"]),
    st.lists(mutation, min_size=1, max_size=4),
)


def _nth_match(pattern: re.Pattern[bytes], data: bytes, at: int) -> re.Match[bytes] | None:
    found = list(pattern.finditer(data))
    return found[at % len(found)] if found else None


def mutate(data: bytes, op: tuple) -> bytes:
    """One mutation of `data`; positions wrap around the length."""
    kind, a, b = op
    n = max(len(data), 1)
    i = a % n
    lines = data.split(b"\n")
    j = a % len(lines)
    if kind == "flip":
        return data[:i] + bytes([b]) + data[i + 1 :]
    if kind == "insert":
        return data[:i] + b + data[i:]
    if kind == "replace":
        return data[:i] + b + data[i + len(b) :]
    if kind == "delete":
        return data[:i] + data[i + b :]
    if kind == "duplicate":
        return data[: i + b] + data[i : i + b] + data[i + b :]
    if kind == "truncate":
        return data[:i]
    if kind == "delete_line":
        return b"\n".join(lines[:j] + lines[j + 1 :])
    if kind == "duplicate_line":
        return b"\n".join(lines[: j + 1] + lines[j:])
    if kind == "swap_lines":
        k = b % len(lines)
        lines[j], lines[k] = lines[k], lines[j]
        return b"\n".join(lines)
    if kind == "indent":
        line = lines[j]
        lines[j] = b" " * b + line if b >= 0 else line[min(-b, len(line) - len(line.lstrip())) :]
        return b"\n".join(lines)
    pattern = {"number": NUMBER_RE, "unit": UNIT_RE, "year": YEAR_RE}[kind]
    m = _nth_match(pattern, data, a)
    if m is None:
        return data
    new = b.encode() if isinstance(b, str) else b
    return data[: m.start()] + new + data[m.end() :]


_RAW_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_LINE_RE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): \S.*$")
_BREAK_RE = re.compile(r"\r\n|\r|\n")


def _no_nan(constant: str) -> None:
    raise AssertionError(f"{constant} in JSON output")


def _inside(files: dict[str, bytes], directory: Path, where: re.Match[str]) -> None:
    """A reported position lies in the file: a line it has (or the one after a final
    newline), and a column up to one past the line's end."""
    name = Path(where["file"]).name
    if not where["file"].startswith(str(directory)) or name not in files:
        return
    line, col = int(where["line"]), int(where["col"])
    data = files[name]
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "replace")
    lines = _BREAK_RE.split(text)
    assert 1 <= line <= len(lines), f"line {line} of a file of {len(lines)} lines"
    assert 1 <= col <= len(lines[line - 1]) + 1, f"column {col} of {lines[line - 1]!r}"


def judge(files: dict[str, bytes], fmt: str, strict: bool = False) -> int:
    """Write the files, run `ezplan check` on them and assert every promise; the exit code."""
    directory = Path(tempfile.mkdtemp(prefix="ezplan-fuzz-"))
    try:
        for name, data in files.items():
            (directory / name).write_bytes(data)
        args = ["check", str(directory), "--format", fmt, "--lang", "en"]
        r = CliRunner().invoke(main, [*args, "--strict"] if strict else args)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise AssertionError(f"{r.exception!r} for {fmt}") from r.exception
    code = r.exit_code
    out = r.stdout_bytes.decode("utf-8")
    err = r.stderr_bytes.decode("utf-8")
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in out + err
    assert not _RAW_RE.search(out), f"raw control character on stdout: {out[:300]!r}"
    assert not _RAW_RE.search(err.rstrip("\n")), f"raw control character on stderr: {err!r}"
    if code == 2:
        lines = err.splitlines()
        assert len(lines) == 1, f"not one line: {err!r}"
        where = _LINE_RE.match(lines[0])
        assert where, f"not file:line:col: message: {lines[0]!r}"
        _inside(files, directory, where)
    else:
        assert err == "", err
    if fmt in ("json", "sarif"):
        json.loads(out, parse_constant=_no_nan)
    elif fmt == "jsonl":
        for line in out.splitlines():
            json.loads(line, parse_constant=_no_nan)
    elif fmt == "junit":
        ET.fromstring(r.stdout_bytes)
    elif fmt == "github":
        *annotations, summary = out.splitlines()
        assert all(a.startswith("::") for a in annotations) and not summary.startswith("::")
    return code


def apply(files: dict[str, bytes], which: str, ops: list[tuple]) -> dict[str, bytes]:
    data = files[which]
    for op in ops:
        data = mutate(data, op)
    return {**files, which: data}


@pytest.mark.parametrize("fmt", UNMUTATED)
def test_the_bundled_plan_keeps_the_promises_unmutated(fmt):
    assert judge(dict(BUNDLED), fmt) == 1  # the bundled plan has errors


def test_mutations_change_the_files():
    base = BUNDLED["targets.yaml"]
    assert mutate(base, ("insert", 0, b"\x00")) == b"\x00" + base
    assert mutate(base, ("truncate", 10, 0)) == base[:10]
    assert mutate(b"a: 12\n", ("number", 0, b"99")) == b"a: 99\n"
    assert mutate("x: 12亿元\n".encode(), ("unit", 0, "%")) == b"x: 12%\n"
    assert mutate(b"p: 2021-2025\n", ("year", 1, b"2201")) == b"p: 2021-2201\n"


@settings(
    max_examples=EXAMPLES,
    derandomize=not os.environ.get("EZPLAN_FUZZ_RANDOM"),
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutants, st.sampled_from(FORMATS), st.booleans())
def test_mutants_of_the_bundled_plan_keep_the_promises(mutant, fmt, strict):
    which, ops = mutant
    code = judge(apply(dict(BUNDLED), which, ops), fmt, strict)
    event(f"exit {code}")
