"""Time of the whole-plan network analysis against the time of `ezplan check`'s rules.

Usage: python benchmarks/bench_network.py [N]   (default 2500 groups = 10,000 indicators)
Target: `analyse(plan)` adds no more than the rules already take on the same plan.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.make_plan import make
from ezplan import rules
from ezplan.loader import load_plan
from ezplan.network.analysis import Analysis
from ezplan.network.plan import build
from ezplan.network.solve import solve


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        d = make(Path(tmp), n)
        t0 = time.perf_counter()
        plan = load_plan(d)
        t1 = time.perf_counter()
        found = rules.run(plan)
        t2 = time.perf_counter()
        built = build(plan)
        net = built.net.compile()
        t3 = time.perf_counter()
        solution = solve(net)
        t4 = time.perf_counter()
        analysis = Analysis(built, solution)
        t5 = time.perf_counter()
        print(f"{len(plan.indicators)} indicators, {len(found)} findings")
        print(
            f"network: {net.n_vars} variables, {net.n_items} figures and assumptions; "
            f"{len(analysis.errors)} error and {len(analysis.warnings)} warning contradictions "
            f"in {solution.steps} propagations"
        )
        print(
            f"check: load {t1 - t0:.2f}s  rules {t2 - t1:.2f}s  |  network: build {t3 - t2:.2f}s"
            f"  solve {t4 - t3:.2f}s  results {t5 - t4:.2f}s  "
            f"(total {t5 - t2:.2f}s, {(t5 - t2) / (t2 - t0):.0%} of load + rules)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2500)
