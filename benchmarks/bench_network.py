"""Time of the whole-plan network analysis against the rest of `ezplan check`, and its growth.

Usage: python benchmarks/bench_network.py [N…]   (N groups of 4 indicators; default 2500 =
10,000 indicators; several N show how the time grows: 625 2500 10000 for 2,500, 10,000 and
40,000 indicators)

"rest" is what `ezplan check` does besides the whole-plan rule: load, the other rules, the
table. "network" is `analyse(plan)` as the rule calls it (build, solve, results in the plan's
terms); "rule" the whole-plan rule's own work on top of it. Target: network + rule ≤ 40% of the
rest at 10,000 indicators, growing linearly. "+MiB" is how much the process's resident memory
grew over the analysis (what it keeps, and what its search left in the allocator's pools).
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.make_plan import make
from ezplan import rules, source
from ezplan.facts import Facts
from ezplan.findings import Checked, Finding
from ezplan.loader import load_plan
from ezplan.verdicts import target_rows

WHOLE = "whole-plan"


def resident() -> float:
    """The process's resident memory, in MiB (Linux)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(n: int) -> None:
    source.MAX_NODES = max(source.MAX_NODES, 100 * n)  # a benchmark plan is large on purpose
    with tempfile.TemporaryDirectory() as tmp:
        d = make(Path(tmp), n)
        t0 = time.perf_counter()
        plan = load_plan(d)
        t1 = time.perf_counter()
        facts = Facts(plan)
        outcome = rules.Outcome([], [])
        other = network = rule = 0.0
        for r in sorted(rules.all_rules(), key=lambda r: r.after):
            s = time.perf_counter()
            if r.code == WHOLE:
                before = resident()
                analysis = facts.network
                network = time.perf_counter() - s
                grown = resident() - before
                s = time.perf_counter()
            for item in r.check(plan, facts, outcome):
                if isinstance(item, Checked):
                    outcome.checked.append(item)
                elif isinstance(item, Finding):
                    outcome.findings.append(item)
            if r.code == WHOLE:
                rule = time.perf_counter() - s
            else:
                other += time.perf_counter() - s
        s = time.perf_counter()
        target_rows(plan, facts, outcome.findings, outcome.checked)
        table = time.perf_counter() - s
        rest = (t1 - t0) + other + table
        whole = network + rule
        print(
            f"{len(plan.indicators):>6} indicators: {len(analysis.errors)} error and "
            f"{len(analysis.warnings)} warning contradictions"
        )
        print(
            f"        rest {rest:.2f}s (load {t1 - t0:.2f}  rules {other:.2f}  table "
            f"{table:.2f})  |  whole-plan {whole:.2f}s (network {network:.2f}  rule "
            f"{rule:.2f}) = {whole / rest:.0%} of the rest; network "
            f"{network / len(plan.indicators) * 1e6:.0f} µs an indicator, +{grown:.0f} MiB"
        )


if __name__ == "__main__":
    gc.disable()  # as `ezplan` runs (ezplan.cli.signals): the collector's scans are not the work
    for arg in sys.argv[1:] or ["2500"]:
        main(int(arg))
