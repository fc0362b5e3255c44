"""A real signal from outside, while `ezplan check --output` is flushing its file: the temporary
file is removed, the previous file is intact, and the exit code is 128 + the signal.

(tests/hostile/outputs.yaml delivers the same signals from inside the write; this is the
process as a user or a CI runner stops it.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import terminal_signals
from .test_hostile import CASES, _sends_signal

ROOT = Path(__file__).resolve().parent.parent

# The command, with its fsync held up until the test has sent the signal.
DRIVER = """
import os, sys, time
real, ready = os.fsync, sys.argv[1]
def slow(fd):
    open(ready, "w").close()  # the test may signal now
    time.sleep(30)
    real(fd)
os.fsync = slow
from ezplan.cli import main
sys.argv = ["ezplan", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize(
    ("signum", "code", "said"),
    [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")],
)
def test_a_signal_during_the_write_leaves_the_old_file(tmp_path, signum, code, said):
    (tmp_path / "baselines.yaml").write_text(
        "indicators:\n  x: {name: 甲, unit: 亿元, levels: {2020: 100亿元}}\n", encoding="utf-8"
    )
    (tmp_path / "targets.yaml").write_text(
        "plan:\n  name: 测试\n  period: 2021-2025\ntargets:\n  x: {level: 161亿元, annual: 10%}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    ready = tmp_path / "ready"
    args = ["check", str(tmp_path), "--format", "json", "--output", str(out)]
    with terminal_signals():  # the child handles them, even if this run ignores them
        proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(ready), *args],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stderr=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # mid-write
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()  # its pipes closed and its exit collected here, not in a later test
    assert proc.returncode == code
    assert err.decode("utf-8").strip() == said
    assert out.read_text(encoding="utf-8") == "old"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# The tests that send SIGINT, SIGHUP or SIGTERM to ezplan, here and in tests/hostile.
SENDING = [
    "tests/test_hostile_signals.py::test_a_signal_during_the_write_leaves_the_old_file",
    *(f"tests/test_hostile.py::test_hostile_case[{name}]" for name, c in CASES if _sends_signal(c)),
]

IGNORING = """
import signal, sys
import pytest
for name in ("SIGINT", "SIGHUP", "SIGTERM"):
    signal.signal(getattr(signal, name), signal.SIG_IGN)
sys.exit(pytest.main(sys.argv[1:]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_the_signal_tests_pass_in_a_run_started_with_the_signals_ignored(tmp_path):
    """A run of the suite started in the background by a script (no job control: SIGINT
    ignored) or under nohup (SIGHUP ignored) inherits the signals ignored, and the tests that
    send them must still see them handled: once such a run failed them (exit 0, not 130 or 129;
    a child that never ended)."""
    run = [sys.executable, "-c", IGNORING, "-p", "no:cacheprovider", f"--basetemp={tmp_path}/run"]
    r = subprocess.run(
        [*run, *SENDING],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert f"{len(SENDING) + 1} passed" in r.stdout  # two signals sent from outside
    assert len(SENDING) > 4
