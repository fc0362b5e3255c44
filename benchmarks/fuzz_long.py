"""The long run of the mutation fuzzer (tests/test_fuzz_mutants.py).

Usage: python benchmarks/fuzz_long.py [N] [--random]

Runs N mutants of the bundled plan (default 10,000) through `ezplan check`, each in one of the
output formats, and asserts the same promises as the CI run: exit 0/1/2, never a traceback, one
line `file:line:col: message` on 2 with the position inside the file, strict JSON, well-formed
XML, one-line annotations, no raw control characters. The mutants are the same every run
(derandomized) unless --random is given. Prints how long it took and how the exits fell.
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
    n = int(args[0]) if args else 10_000
    env = {**os.environ, "EZPLAN_FUZZ_EXAMPLES": str(n)}
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(ROOT / "tests" / "test_fuzz_mutants.py"),
        "-k",
        "mutants_of",
        "--hypothesis-show-statistics",
    ]
    if "--random" in sys.argv:
        cmd += ["--hypothesis-seed", str(int(time.time()))]
        env["EZPLAN_FUZZ_RANDOM"] = "1"
    start = time.perf_counter()
    r = subprocess.run(cmd, cwd=ROOT, env=env)
    print(f"{n:,} mutants in {time.perf_counter() - start:.0f} s; pytest exit {r.returncode}")
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
