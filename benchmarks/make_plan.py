"""Write a large synthetic plan (every kind of figure, many indicators) for benchmarking.

Usage: python benchmarks/make_plan.py DIR [N]

N groups (default 2000) of 4 indicators each — a total t, its parts a and b, a share s — so
4·N indicators: 8,000 by default; benchmarks/run.py writes 250, 2,500 and 25,000 groups for its
1,000, 10,000 and 100,000.
"""

from __future__ import annotations

import random
from pathlib import Path


def make(directory: Path, n: int, seed: int = 1) -> Path:
    rnd = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    b = ["indicators:"]
    t = ["plan:", "  name: 基准规划", "  period: 2021-2025", "targets:"]
    for i in range(n):
        base = round(rnd.uniform(10, 1000), 2)
        rate = rnd.choice([5, 8, 10, 12, 15])
        end = round(base * (1 + rate / 100) ** 5 * rnd.choice([1, 1, 1, 0.95]), 1)
        b += [
            f"  t{i}:",
            f"    name: 总量{i}",
            "    unit: 亿元",
            f"    parts: [a{i}, b{i}]",
            f"    levels: {{2019: {round(base * 1.1, 2)}亿元, 2020: {base}亿元}}",
            f"    growth: [{{period: 2016-2019, total: 增长{rnd.randint(10, 60)}%, annual: "
            f"{rnd.randint(3, 12)}%}}]",
            f"    cumulative: [{{period: 2016-2020, value: {round(base * 5, 1)}亿元}}]",
            f"  a{i}: {{name: 甲{i}, unit: 亿元, levels: {{2020: {round(base * 0.4, 2)}亿元}}}}",
            f"  b{i}: {{name: 乙{i}, unit: 亿元, levels: {{2020: {round(base * 0.6, 2)}亿元}}}}",
            f"  s{i}:",
            f"    name: 占比{i}",
            "    unit: 亿元",
            f"    shares: [{{of: t{i}, year: 2020, value: 30%以上}}]",
        ]
        t += [
            f"  t{i}:",
            f"    level: [{end}亿元, {round(end / 6.9, 2)}亿美元]",
            f"    annual: {rate}%",
            f"    total: 增长{round(((1 + rate / 100) ** 5 - 1) * 100)}%",
            f"    cumulative: {round(base * 6.5, 1)}亿元",
            f"  a{i}: {{level: {round(end * 0.4, 1)}亿元}}",
        ]
    (directory / "baselines.yaml").write_text("\n".join(b) + "\n", encoding="utf-8")
    (directory / "targets.yaml").write_text("\n".join(t) + "\n", encoding="utf-8")
    return directory


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path, help="where to write the two plan files")
    parser.add_argument("groups", type=int, nargs="?", default=2000, help="groups of 4 indicators")
    args = parser.parse_args()
    make(args.directory, args.groups)
