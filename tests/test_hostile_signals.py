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
    assert proc.returncode == code
    assert err.decode("utf-8").strip() == said
    assert out.read_text(encoding="utf-8") == "old"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
