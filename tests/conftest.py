"""Helpers for writing small plans in tests."""

from __future__ import annotations

import contextlib
import signal
import textwrap
from collections.abc import Iterator
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


TERMINAL_SIGNALS = ("SIGINT", "SIGHUP", "SIGTERM")


@contextlib.contextmanager
def terminal_signals() -> Iterator[None]:
    """SIGINT, SIGHUP and SIGTERM handled as in a run started from a terminal, while the block
    runs, for a test that sends one to ezplan. A run started in the background by a script
    (`pytest &` where there is no job control: SIGINT ignored) or under nohup (SIGHUP ignored)
    inherits them ignored, and ezplan keeps an ignored signal ignored, as it should
    (`ezplan.cli.signals.handled`): the signal sent to the command in this process, or to a
    child (which inherits what is ignored), would then change nothing (exit 0, not 130 or 129;
    a child that never ends)."""
    present = [getattr(signal, n) for n in TERMINAL_SIGNALS if hasattr(signal, n)]
    ignored = [s for s in present if signal.getsignal(s) is signal.SIG_IGN]
    for signum in ignored:  # as Python sets them up when they are not ignored
        handler = signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL
        signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum in ignored:
            signal.signal(signum, signal.SIG_IGN)


@pytest.fixture(autouse=True)
def _process_state_kept():
    """A test leaves the process as it found it: the terminal's signals handled and the cyclic
    collector as they were (a pool worker ignores SIGINT and SIGHUP and collects nothing,
    `ezplan.pool._worker`: that state in this process would fail later tests far from the
    cause). The test after which it changed fails, by name, and the state is put back. (A run
    started with the signals ignored is another matter: see `terminal_signals`.)"""
    import gc

    names = [n for n in TERMINAL_SIGNALS if hasattr(signal, n)]
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
