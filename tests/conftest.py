"""Helpers for writing small plans in tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

from ezplan import rules
from ezplan.findings import Finding
from ezplan.loader import load_plan

# Property tests judge arithmetic, not speed: no per-example deadline on a busy CI machine.
settings.register_profile("ezplan", deadline=None)
settings.load_profile("ezplan")

ROOT = Path(__file__).resolve().parent.parent

PLAN_HEAD = """\
plan:
  name: 测试规划
  period: 2021-2025
"""


def write_plan(directory: Path, baselines: str, targets: str, head: str = PLAN_HEAD) -> Path:
    """Write baselines.yaml and targets.yaml (targets get a plan: header) into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "baselines.yaml").write_text(textwrap.dedent(baselines), encoding="utf-8")
    (directory / "targets.yaml").write_text(head + textwrap.dedent(targets), encoding="utf-8")
    return directory


def findings_for(directory: Path, code: str | None = None) -> list[Finding]:
    plan = load_plan(directory)
    found = rules.run(plan, [rules.rule(code)] if code else None)
    return found


@pytest.fixture
def plan_dir(tmp_path: Path):
    def make(baselines: str = "indicators: {}\n", targets: str = "targets: {}\n") -> Path:
        return write_plan(tmp_path / "plan", baselines, targets)

    return make


@pytest.fixture(autouse=True)
def _locale_neutral(monkeypatch):
    """Tests read the same on any machine: no locale variable chooses the language (ezplan then
    speaks English); a test about the locale sets its own."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(autouse=True)
def _process_state_kept():
    """A test leaves the process as it found it: the terminal's signals handled and the cyclic
    collector as they were. Once in a full run, SIGINT and SIGHUP were found ignored and the
    collector off in later tests (a pool worker's state, `ezplan.pool._worker`), and the signal
    tests failed far from the cause: the test after which it changed fails now, by name, and
    the state is put back."""
    import gc
    import signal

    names = [n for n in ("SIGINT", "SIGHUP", "SIGTERM") if hasattr(signal, n)]
    before = {n: signal.getsignal(getattr(signal, n)) for n in names}
    collecting = gc.isenabled()
    yield
    after = {n: signal.getsignal(getattr(signal, n)) for n in names}
    changed = {n: (before[n], after[n]) for n in names if after[n] != before[n]}
    for n in changed:
        signal.signal(getattr(signal, n), before[n])
    if gc.isenabled() != collecting:
        (gc.enable if collecting else gc.disable)()
        changed["gc"] = (collecting, not collecting)
    assert not changed, f"this test changed the process's state: {changed}"


@pytest.fixture(autouse=True)
def _floating_point_errors_raise():
    """Any floating-point warning numpy would give is an error in tests (underflow to zero is
    not a warning in numpy's defaults and stays silent)."""
    import numpy as np

    with np.errstate(divide="raise", over="raise", invalid="raise", under="ignore"):
        yield


@pytest.fixture(autouse=True)
def _nothing_kept_from_other_tests():
    """Each test reads its plans as the first plans of a process: what the loader kept from
    another test's plans is forgotten."""
    from ezplan.loader import clear_caches

    clear_caches()
