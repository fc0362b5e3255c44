"""The hostile corpus (tests/hostile/*.yaml): every case is refused in one line at its position
with exit 2, or accepted with its figure read as the value written in the case.

The promises checked for every case, whatever it expects:
- exit 0, 1 or 2 — or 128 + a signal's number for an interrupted write — and never a traceback;
- on exit 2, exactly one line on stderr, `file:line:col: message` (or `file: message` for a
  file that cannot be written);
- JSON on stdout is valid UTF-8 and strict JSON (no NaN, no Infinity);
- nothing half-written: no temporary file is left anywhere in the case's directory.

See tests/hostile/README.md for the format of a case.
"""

from __future__ import annotations

import contextlib
import errno
import html
import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from ezplan.cli import main
from ezplan.loader import load_plan

from .conftest import terminal_signals

HERE = Path(__file__).resolve().parent / "hostile"
ROOT = HERE.parent.parent
TEMPLATES = yaml.safe_load((HERE / "templates.yaml").read_text(encoding="utf-8"))
CATEGORIES = sorted(p.stem for p in HERE.glob("*.yaml") if p.stem != "templates")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _load() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for category in CATEGORIES:
        for case in yaml.safe_load((HERE / f"{category}.yaml").read_text(encoding="utf-8")):
            cases.append((f"{category}/{case['id']}", case))
    return cases


CASES = _load()
NAME_FORMATS = ["json", "sarif", "junit", "github", "text", "html", "md", "csv"]  # jsonl: as json


def _params() -> list[Any]:
    out = []
    for name, case in CASES:
        if "name" in case:
            continue  # names.yaml: run in every format by test_hostile_name
        marks = []
        if "xfail" in case:
            marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
        out.append(pytest.param(case, id=name, marks=marks))
    return out


# --- building a case ---------------------------------------------------------------------------


def _name(case: dict[str, Any], text: str) -> str:
    """A path as the case writes it; with `bytes_paths`, \\xNN is that byte (a name that is not
    UTF-8, as Python keeps it: a lone surrogate)."""
    if case.get("bytes_paths"):
        return os.fsdecode(text.encode("latin-1"))
    return text


def _encode(case: dict[str, Any], text: str) -> bytes:
    encoding = case.get("encoding", "utf-8")
    if encoding == "bytes":  # each character U+0000–U+00FF is one byte
        return text.encode("latin-1")
    return text.encode(encoding)


_INVISIBLE_RE = re.compile("[\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def _quoted(figure: Any) -> str:
    """A YAML double-quoted string holding `figure`: characters a file may not hold as they
    are (controls, bidi, separators) written as escapes, so they reach the value."""
    text = json.dumps(str(figure), ensure_ascii=False)
    return _INVISIBLE_RE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _files(case: dict[str, Any]) -> dict[str, str]:
    template = TEMPLATES[case.get("template", "plain")]
    files = {"baselines.yaml": template["baselines"], "targets.yaml": template["targets"]}
    if "figure" in case or "repeat" in case:
        figure = case["figure"] if "figure" in case else case["repeat"][0] * case["repeat"][1]
        text = str(figure) if case.get("raw") else _quoted(figure)
        files = {k: v.replace("{figure}", text) for k, v in files.items()}
    for key in ("baselines", "targets"):
        if key in case:
            files[f"{key}.yaml"] = case[key]
    files.update(case.get("files", {}))
    return {k: _expand(v) for k, v in files.items()}


_REPEAT_RE = re.compile(r"⟦(.*?)\*(\d+)⟧", re.DOTALL)


def _expand(text: str) -> str:
    """⟦TEXT*N⟧ in a case file stands for TEXT written N times (a bomb, a long line); {i} in
    TEXT is the count, from 0."""

    def repeat(m: re.Match[str]) -> str:
        body, n = m.group(1), int(m.group(2))
        if "{i}" not in body:
            return body * n
        return "".join(body.replace("{i}", str(i)) for i in range(n))

    return _REPEAT_RE.sub(repeat, text)


def _setup(work: Path, case: dict[str, Any]) -> None:
    for action in case.get("setup", []):
        (kind, arg), *_ = action.items()
        args = arg if isinstance(arg, list) else [arg]
        path = work / _name(case, args[0])
        if kind == "remove":
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        elif kind == "mkdir":
            path.mkdir(parents=True, exist_ok=True)
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "socket":
            s = socket.socket(socket.AF_UNIX)
            with contextlib.chdir(path.parent):  # a socket's path is limited to ~100 bytes
                s.bind(path.name)
            s.close()
        elif kind == "symlink":
            os.symlink(_name(case, args[1]), path)
        elif kind == "sparse":  # a file of that many bytes, written without writing them
            with open(path, "wb") as f:
                f.truncate(int(args[1]))
        elif kind == "write":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(_encode(case, _expand(args[1])))
        elif kind == "pad":  # grow a file to exactly that size with a comment line
            size = int(args[1])
            data = path.read_bytes()
            path.write_bytes(b"#" + b"x" * (size - len(data) - 2) + b"\n" + data)
        elif kind == "chmod":
            os.chmod(path, int(str(args[1]), 8))
        else:  # pragma: no cover - a typo in a case file
            raise AssertionError(f"unknown setup action {kind}")


def _fault(monkeypatch: pytest.MonkeyPatch, faults: dict[str, str]) -> None:
    """Faults injected into the write path: an errno, or a signal sent to ourselves."""

    def failing(name: str, real: Any) -> Any:
        what = faults[name]

        def call(*a: Any, **k: Any) -> Any:
            if what.startswith("SIG"):
                os.kill(os.getpid(), getattr(signal, what))
                return real(*a, **k)
            code = getattr(errno, what)
            raise OSError(code, os.strerror(code))

        return call

    for name in faults:
        if name == "mkstemp":
            monkeypatch.setattr(tempfile, "mkstemp", failing(name, tempfile.mkstemp))
        else:
            monkeypatch.setattr(os, name, failing(name, getattr(os, name)))


def _sends_signal(case: dict[str, Any]) -> bool:
    return any(str(what).startswith("SIG") for what in case.get("faults", {}).values())


class _Timeout(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: int):
    """A case that would block (a FIFO read) fails instead of hanging the suite."""

    def expire(signum: int, frame: Any) -> None:
        raise _Timeout(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _run_as_nobody(work: Path, args: list[str]) -> tuple[int, bytes, bytes]:
    """Permissions mean nothing to root: run the command as nobody."""
    os.chmod(work.parent, 0o755)
    for p in [work, *work.rglob("*")]:
        with contextlib.suppress(OSError):
            if not p.is_symlink() and os.stat(p).st_mode & 0o700 == 0o700:
                os.chmod(p, os.stat(p).st_mode | 0o055)
    code = "import sys; from ezplan.cli import main; sys.argv[0] = 'ezplan'; main()"
    drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    r = subprocess.run(
        [*drop, sys.executable, "-c", code, *args],
        cwd=work,
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"},
    )
    return r.returncode, r.stdout, r.stderr


_CLEANUP: list[Path] = []


@pytest.fixture(autouse=True)
def _remove_directories_made_for_nobody():
    yield
    while _CLEANUP:
        base = _CLEANUP.pop()
        for p in [base, *base.rglob("*")]:
            with contextlib.suppress(OSError):
                if not p.is_symlink():
                    os.chmod(p, 0o700)
        shutil.rmtree(base, ignore_errors=True)


def run_case(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, int, bytes, bytes]:
    nobody = bool(case.get("as_nobody")) and IS_ROOT
    if nobody and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    # nobody must be able to reach the case's directory: not under pytest's private tmp
    base = Path(
        tempfile.mkdtemp(prefix="ezplan-hostile-") if nobody else tempfile.mkdtemp(dir=tmp_path)
    )
    if case.get("as_nobody"):
        _CLEANUP.append(base)  # its modes are restored before it is removed
    work = base / "w"
    work.mkdir()
    own = {f"{k}.yaml" for k in ("baselines", "targets") if k in case} | set(case.get("files", {}))
    for name, text in _files(case).items():
        path = work / _name(case, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        # the case's own files in its encoding; the template's always in UTF-8
        path.write_bytes(_encode(case, text) if name in own else text.encode("utf-8"))
    _setup(work, case)
    args = [_name(case, a) for a in case.get("args", ["check", "--format", "json"])]
    if nobody:
        code, out, err = _run_as_nobody(work, args)
        return work, code, out, err
    monkeypatch.chdir(work)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _fault(monkeypatch, case.get("faults", {}))
    old_umask = os.umask(int(str(case["umask"]), 8)) if "umask" in case else None
    # a signal the case sends is handled, even in a run started with it ignored
    signals = terminal_signals() if _sends_signal(case) else contextlib.nullcontext()
    try:
        with signals, _deadline(20):
            r = CliRunner().invoke(main, args, catch_exceptions=True)
    finally:
        if old_umask is not None:
            os.umask(old_umask)
        monkeypatch.undo()
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise AssertionError(f"not one line and exit 2: {r.exception!r}") from r.exception
    return work, r.exit_code, r.stdout_bytes, r.stderr_bytes


# --- judging it --------------------------------------------------------------------------------


# What may never reach a terminal or a log as it is (newlines and tabs between lines may).
_RAW_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _no_nan(constant: str) -> None:
    raise AssertionError(f"{constant} in JSON output")


def check_promises(case: dict[str, Any], work: Path, code: int, out: bytes, err: bytes) -> None:
    stderr = err.decode("utf-8")  # valid UTF-8, whatever the paths
    assert "Traceback" not in stderr, stderr
    assert code in (0, 1, 2, 129, 130, 143), (code, stderr)
    if code == 2:
        lines = stderr.splitlines()
        assert len(lines) == 1, f"not one line on stderr: {stderr!r}"
    stdout = out.decode("utf-8")
    fmt = _format(case)
    if code in (0, 1) and fmt in ("json", "sarif") and stdout:
        json.loads(stdout, parse_constant=_no_nan)
    if code in (0, 1) and fmt == "jsonl":
        for line in stdout.splitlines():
            json.loads(line, parse_constant=_no_nan)
    if code in (0, 1) and fmt == "junit" and stdout:
        ET.fromstring(out)  # well-formed XML
    if code in (0, 1) and fmt == "github" and stdout:
        *annotations, summary = stdout.splitlines()
        assert all(line.startswith("::") for line in annotations), stdout
        assert not summary.startswith("::")
    assert not _RAW_RE.search(stdout), f"a raw control character on stdout: {stdout[:300]!r}"
    assert not _RAW_RE.search(stderr.rstrip("\n")), f"a raw control character on stderr: {stderr!r}"
    left = [p for p in work.rglob("*") if p.name.endswith(".tmp") and p.name.startswith(".")]
    assert not left, f"half-written files left: {left}"


def _format(case: dict[str, Any]) -> str | None:
    args = case.get("args", ["check", "--format", "json"])
    return args[args.index("--format") + 1] if "--format" in args else None


def _target_figures(plan: Any, field: str) -> list[Any]:
    found = []
    for level in plan.levels:
        found += [s for s in level.figures if level.scope != "history"]
    for g in plan.growth:
        found += [s for s in (g.annual, g.total) if s is not None and g.scope == "target"]
    for c in plan.cumulative:
        found += [s for s in c.amounts if c.scope == "target"]
    found += [s.value for s in plan.shares if s.scope == "target"]
    found += [p.change for p in plan.points if p.scope == "target"]
    return [s.figure for s in found if s.field == field]


DEFAULT_KIND = {"annual": "percent", "change": "points", "share": "percent"}
FIELD = {"plain": "level", "tolerance": "level"}


def check_read(case: dict[str, Any], work: Path) -> None:
    """The figure was read as the value the case states (written by hand)."""
    want = case["read"]
    template = case.get("template", "plain")
    plan = load_plan(work)
    if template == "exchange":
        figures = [plan.exchange_rate.figure]
    elif template in ("period", "target_period"):
        got = (
            (plan.base_year, plan.target_year) if template == "period" else plan.target_periods["x"]
        )
        assert list(got) == want["years"], got
        return
    else:
        field = want.get("field", FIELD.get(template, template))
        figures = _target_figures(plan, field)
    assert figures, f"no {template} figure read"
    index = want.get("index", 0)
    f = figures[index]
    if "count" in want:
        assert len(figures) == want["count"]
    assert f.value == pytest.approx(want["value"], rel=1e-12, abs=1e-12), f
    if "unit" in want:
        assert str(f.unit) == want["unit"], f
    assert f.kind.value == want.get("kind", DEFAULT_KIND.get(template, "amount")), f
    assert f.comparator.value == want.get("comparator", "exact"), f
    for key in ("low", "high", "base_year", "year_on_year", "half_step", "tolerance"):
        if key in want:
            assert getattr(f, key) == pytest.approx(want[key]), (key, f)


def check_after(case: dict[str, Any], work: Path) -> None:
    for check in case.get("after", []):
        (kind, arg), *_ = check.items()
        args = arg if isinstance(arg, list) else [arg]
        p = work / _name(case, str(args[0]))
        if kind == "exists":
            assert os.path.lexists(p), p
        elif kind == "absent":
            assert not os.path.lexists(p), p
        elif kind == "is_symlink":
            assert p.is_symlink(), p
        elif kind == "is_fifo":
            assert stat.S_ISFIFO(os.lstat(p).st_mode), p
        elif kind == "is_socket":
            assert stat.S_ISSOCK(os.lstat(p).st_mode), p
        elif kind == "is_dir":
            assert p.is_dir() and not p.is_symlink(), p
        elif kind == "is_chardev":
            assert stat.S_ISCHR(os.lstat(args[0]).st_mode), args[0]
        elif kind == "mode":
            assert stat.S_IMODE(os.stat(p).st_mode) == int(str(args[1]), 8), oct(os.stat(p).st_mode)
        elif kind == "content":
            assert p.read_text(encoding="utf-8") == args[1]
        elif kind == "contains":
            assert args[1] in p.read_text(encoding="utf-8")
        elif kind == "json_file":
            json.loads(p.read_bytes().decode("utf-8"), parse_constant=_no_nan)
        else:  # pragma: no cover - a typo in a case file
            raise AssertionError(f"unknown check {kind}")


@pytest.mark.parametrize("case", _params())
def test_hostile_case(case, tmp_path, monkeypatch):
    work, code, out, err = run_case(case, tmp_path, monkeypatch)
    check_promises(case, work, code, out, err)
    stderr = err.decode("utf-8")
    if "refused" in case:
        want = case["refused"]
        at = want["at"] if "at" in want else TEMPLATES[case["template"]]["at"]
        assert code == 2, (code, stderr, out[:500])
        line = stderr.rstrip("\n")
        assert line.startswith(_name(case, at) + ": ") or line.startswith(at + ": "), line
        says = want.get("says", [])
        for words in [says] if isinstance(says, str) else says:
            assert words in line, line
    else:
        want_exit = case.get("exit", [0, 1])
        assert code in (want_exit if isinstance(want_exit, list) else [want_exit]), (
            code,
            stderr,
        )
        if "stderr" in case:
            assert stderr.rstrip("\n") == case["stderr"]
        if "read" in case:
            monkeypatch.chdir(work)
            check_read(case, work)
    if "stdout_has" in case:
        text = out.decode("utf-8")
        for words in case["stdout_has"]:
            assert words in text, text[:2000]
    if "stdout_lacks" in case:
        text = out.decode("utf-8")
        for words in case["stdout_lacks"]:
            assert words not in text, words
    check_after(case, work)


def test_the_corpus_is_large_and_every_id_unique():
    names = [name for name, _ in CASES]
    assert len(names) == len(set(names))
    assert len(names) >= 400, len(names)
    assert set(CATEGORIES) >= {
        "encodings",
        "yaml",
        "figures",
        "periods",
        "names",
        "filesystem",
        "outputs",
    }


# --- names: plan text in every output ----------------------------------------------------------


def _name_params() -> list[Any]:
    out = []
    for name, case in CASES:
        if "name" not in case:
            continue
        for fmt in NAME_FORMATS:
            marks = []
            if fmt in case.get("xfail", {}):
                marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"][fmt]))
            out.append(pytest.param(case, fmt, id=f"{name}/{fmt}", marks=marks))
    return out


NAME_ARGS = {
    "html": ["report", "--to", "out.html"],
    "md": ["export", "--to", "out.md"],
    "csv": ["export", "--to", "out.csv", "--what", "targets"],
}


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _decoded(fmt: str, text: str, raw: bytes) -> str:
    """The text a reader of the format sees, its own escapes undone."""
    if fmt in ("json", "sarif"):
        return " ".join(_strings(json.loads(text)))
    if fmt == "jsonl":
        return " ".join(s for x in text.splitlines() for s in _strings(json.loads(x)))
    if fmt == "junit":
        root = ET.fromstring(raw)
        return " ".join([*root.itertext(), *(v for el in root.iter() for v in el.attrib.values())])
    if fmt == "html":
        return html.unescape(text)
    if fmt == "github":
        for code, ch in (("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
            text = text.replace(code, ch)
    return text


@pytest.mark.parametrize(("case", "fmt"), _name_params())
def test_hostile_name(case, fmt, tmp_path, monkeypatch):
    """The plan's name and an indicator's name (quoted by a part-whole finding) are `name`."""
    name = _expand(case["name"])
    quoted = _quoted(name)
    plan = {
        "id": case["id"],
        "baselines": "indicators:\n"
        f"  w: {{name: {quoted}, unit: 亿元, levels: {{2020: 100亿元}}}}\n"
        "  p: {name: 部分, unit: 亿元, part_of: w, levels: {2020: 150亿元}}\n",
        "targets": f"plan:\n  name: {quoted}\n  period: 2021-2025\n"
        "targets:\n  w: {level: 200亿元, annual: 10%}\n",
        "args": NAME_ARGS.get(fmt, ["check", "--format", fmt, "--lang", "en"]),
    }
    monkeypatch.setenv("COLUMNS", "250")
    work, code, out, err = run_case(plan, tmp_path, monkeypatch)
    check_promises(plan, work, code, out, err)
    assert err == b"", err
    if fmt in NAME_ARGS:
        assert code == 0
        written = work / NAME_ARGS[fmt][2]
        text = written.read_bytes().decode("utf-8-sig")
        lines = text.replace("\r\n", "\n") if fmt == "csv" else text  # CSV rows end in CRLF
        assert not _RAW_RE.search(lines), f"a raw control character in {written.name}"
    else:
        assert code == 1
        text = out.decode("utf-8")
    assert case["marker"] in _decoded(fmt, text, out)
    if fmt == "json":
        doc = json.loads(text)
        assert doc["summary"]["plan"] == name
        assert doc["summary"]["targets"][0]["name"] == name
    elif fmt == "sarif":
        doc = json.loads(text)
        assert doc["runs"][0]["properties"]["targets"][0]["name"] == name
        assert any(name in r["message"]["text"] for r in doc["runs"][0]["results"])
    elif fmt == "jsonl":
        assert any(name in json.loads(line)["message"] for line in text.splitlines())
    elif fmt == "text" and "shown" in case:
        assert case["shown"] in text, text
    elif fmt == "html":
        for words in case.get("html_has", []):
            assert words in text
        for words in case.get("html_lacks", []):
            assert words not in text


def test_a_removed_working_directory_is_one_line(tmp_path, monkeypatch):
    """`ezplan check` run from a directory that was removed: one line, exit 2."""
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    r = CliRunner().invoke(main, ["check", "--format", "json"])
    assert r.exit_code == 2, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    (line,) = r.stderr.splitlines()
    assert line.startswith(".:1:1: no plan here")
