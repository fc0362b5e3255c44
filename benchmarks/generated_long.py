"""The long run of the generated plans (tests/test_generated_plans.py, tests/plangen.py).

Usage: python benchmarks/generated_long.py [N] [--random]

Checks N plans consistent by construction (default 3,000) — every figure form: levels in 亿元,
万元 and 亿美元, annual rates, 增长X%, 增长X倍, 是…的X倍, 翻番, 约/左右/接近 with the default or
a per-figure tolerance, 近, bounds, ranges, cumulative sums, two currencies, shares, parts,
constant prices, percentage points, declines, 比上年, per-target periods, history and chained
growth — asserting no error on any; and N plans with one relation made truly infeasible,
asserting an error on that target and on no other. The same plans every run unless --random.
Prints how long it took and how often each form and each kind of infeasible change came up.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 3000
    env = {**os.environ, "EZPLAN_GENERATED_PLANS": str(n)}
    if "--random" in sys.argv:
        env["EZPLAN_GENERATED_RANDOM"] = "1"
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(ROOT / "tests" / "test_generated_plans.py"),
        "-k",
        "generated",
        "--hypothesis-show-statistics",
    ]
    start = time.perf_counter()
    r = subprocess.run(cmd, cwd=ROOT, env=env)
    print(f"{n:,} consistent and {n:,} inconsistent plans in {time.perf_counter() - start:.0f} s")
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
