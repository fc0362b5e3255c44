"""A cheap guard against quadratic work: checking a plan four times as large takes about four
times as long, not sixteen.

Timed in this process, the best of two runs at each size, with a generous bound (8×, where
linear work gives about 4× and quadratic 16×). Skipped on a machine too busy to time anything;
absolute speed is measured in benchmarks/, never here.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from benchmarks.make_plan import make
from benchmarks.run import replica
from ezplan import rules
from ezplan.discover import find_plans
from ezplan.facts import Facts
from ezplan.milestones import build
from ezplan.progress import assess
from ezplan.render import json_out, text
from ezplan.report import check_all

BOUND = 8.0
SMALL = 400  # indicators; four times as many in the large plan
# The rules but the whole-plan one, whose network is timed in benchmarks/bench_network.py: so
# that the loops over a plan's figures, where quadratic work has crept in before, weigh most.
LOCAL = [r for r in rules.all_rules() if r.code != "whole-plan"]


def _busy() -> bool:
    try:
        load = os.getloadavg()[0]
    except OSError:  # pragma: no cover - no load average on this system
        return False
    return load > 0.75 * (os.cpu_count() or 1)


pytestmark = pytest.mark.skipif(_busy(), reason="the machine is too busy to time anything")


def _best(work: Callable[[], object]) -> float:
    times = []
    for _ in range(2):
        t = time.perf_counter()
        work()
        times.append(time.perf_counter() - t)
    return min(times)


def _everything(d: Path) -> Callable[[], object]:
    """What `ezplan check` (text and JSON) and `ezplan milestones` do, in this process."""

    def work() -> None:
        run = check_all(find_plans([str(d)]), LOCAL)
        out = io.StringIO()
        console = Console(file=out, color_system=None, width=120, soft_wrap=False)
        text.render(run, console, "zh")
        json_out.render(run, "en")
        plan = run.results[0].report.plan  # type: ignore[union-attr]
        assess(build(plan, Facts(plan)))

    return work


@pytest.mark.parametrize("shape", ["generated", "replica"])
def test_four_times_the_plan_is_about_four_times_the_work(shape, tmp_path):
    def plan(n: int) -> Path:
        d = tmp_path / f"{shape}-{n}"
        return make(d, n // 4) if shape == "generated" else replica(d, n)

    small, large = plan(SMALL), plan(4 * SMALL)
    _everything(small)()  # imports and caches
    ratios = []
    for _ in range(3):  # a ratio over the bound is measured again: a busy moment is no regression
        ratios.append(_best(_everything(large)) / _best(_everything(small)))
        if ratios[-1] < BOUND:
            break
    ratio = min(ratios)
    assert ratio < BOUND, f"4× the indicators took {ratio:.1f}× the time: quadratic somewhere?"
