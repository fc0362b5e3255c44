"""Time and memory of `ezplan check` stages on a large synthetic plan.

Usage: python benchmarks/bench_check.py [N]   (default 2000 groups ≈ 10,000 indicators)
Goal: the whole check of 10,000 indicators in under 10 s and 1 GiB on one core.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.make_plan import make
from ezplan import rules
from ezplan.facts import Facts
from ezplan.findings import Checked, Finding
from ezplan.loader import load_plan
from ezplan.verdicts import target_rows


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        d = make(Path(tmp), n)
        t0 = time.perf_counter()
        plan = load_plan(d)
        t1 = time.perf_counter()
        facts = Facts(plan)
        timings = {}
        outcome = rules.Outcome([], [])
        for r in sorted(rules.all_rules(), key=lambda r: r.after):
            s = time.perf_counter()
            for item in r.check(plan, facts, outcome):
                if isinstance(item, Checked):
                    outcome.checked.append(item)
                elif isinstance(item, Finding):
                    outcome.findings.append(item)
            timings[r.code] = time.perf_counter() - s
        found = outcome.findings
        t2 = time.perf_counter()
        target_rows(plan, facts, found, outcome.checked)
        t3 = time.perf_counter()
        tracemalloc.start()  # a second pass for memory: tracing slows the first one down
        rules.run(load_plan(d))
        peak = tracemalloc.get_traced_memory()[1]
        print(f"{len(plan.indicators)} indicators, {len(found)} findings")
        print(
            f"load {t1 - t0:.2f}s  rules {t2 - t1:.2f}s  table {t3 - t2:.2f}s  "
            f"peak {peak / 2**20:.0f} MiB"
        )
        for code, s in sorted(timings.items(), key=lambda x: -x[1]):
            print(f"  {code:16} {s:.3f}s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
