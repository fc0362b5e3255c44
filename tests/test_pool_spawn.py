"""The process pool as Windows and macOS start it: each worker a fresh interpreter (spawn), which
inherits nothing — not the language asked for, not the modules, not the settings — and is sent
its tasks pickled. It must write what a forked worker writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .plangen import write_mixed_plans, write_unreadable_plan

# the pool on two cores whatever the machine has (on one, every plan is checked in process)
RUN = """
import multiprocessing, sys
multiprocessing.set_start_method("{method}")
import ezplan.pool
ezplan.pool.cores = lambda: 2
sys.argv = ["ezplan", *sys.argv[1:]]
from ezplan.launch import main
main()
"""


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("spawn")
    broken = write_unreadable_plan(root / "broken")
    return [str(p) for p in (ROOT, *write_mixed_plans(root, 8), broken)]


@pytest.mark.parametrize(("fmt", "lang"), [("text", "zh"), ("jsonl", "en")])
def test_spawned_workers_write_what_forked_ones_write(plans, fmt, lang):
    args = ["--lang", lang, "check", "--format", fmt, *plans]
    # the locale's language is the other one: a spawned worker must follow --lang alone
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    env["LANG"] = env["LC_ALL"] = "en_US.UTF-8" if lang == "zh" else "zh_CN.UTF-8"
    env.pop("EZPLAN_LANG", None)
    spawned, forked = (
        subprocess.run(
            [sys.executable, "-c", RUN.format(method=method), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            env=env,
        )
        for method in ("spawn", "fork")
    )
    assert spawned.returncode == forked.returncode == 2  # one plan cannot be read
    assert spawned.stderr == forked.stderr and Path(plans[-1]).name in spawned.stderr
    assert spawned.stdout == forked.stdout
    assert spawned.stdout.count("错误" if lang == "zh" else '"severity": "error"') > 0
