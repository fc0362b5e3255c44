"""The one place where ezplan's speed and memory are measured: every command, every size.

Usage:
    python benchmarks/run.py [--quick] [--json OUT.json] [--ezplan PATH] [--only NAMES]

Runs the command line in fresh processes (so that imports, the garbage collector and memory are
what a user gets), each measurement the median of several runs, and prints a Markdown table:
wall time, peak resident memory (from /usr/bin/time), and the ratio to the libyaml `compose` of
the same files measured in the same run — the floor no YAML-based checker can go below.

Sizes: the bundled plan; generated plans (benchmarks/make_plan.py) and replicas of the bundled
plan at 1,000, 10,000 and 100,000 indicators; 400 and 4,000 copies of the bundled plan in one
directory tree. `--quick` stops at 10,000 indicators and 400 plans.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_plan import make  # noqa: E402

FLOOR_IMPORTS = "import yaml, click, rich, numpy, pydantic, rich.console, rich.table"


def timed(cmd: list[str], cwd: Path, runs: int = 3) -> tuple[float, float, int]:
    """(median seconds, peak MiB, exit code) of `cmd` run `runs` times."""
    times, peaks, code = [], [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *cmd],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "COLUMNS": "120", "NO_COLOR": "1"},
        )
        times.append(time.perf_counter() - t0)
        code = p.returncode
        last = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "0"
        peaks.append(int(last) / 1024 if last.isdigit() else float("nan"))
    return statistics.median(times), max(peaks), code


def compose_floor(files: list[Path], cwd: Path, runs: int = 3) -> float:
    """libyaml composing the same files, in a fresh interpreter: the parsing floor."""
    listing = cwd / "_files.txt"
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    code = (
        "import yaml,sys\n"
        "L=getattr(yaml,'CSafeLoader',yaml.SafeLoader)\n"
        "for f in open(sys.argv[1],encoding='utf-8').read().split('\\n'):\n"
        "    yaml.compose(open(f,encoding='utf-8'),Loader=L)\n"
    )
    t, _, _ = timed([sys.executable, "-c", code, str(listing)], cwd, runs)
    return t


def replica(directory: Path, indicators: int) -> Path:
    """The bundled plan's indicators copied until there are about `indicators` of them."""
    b = yaml.safe_load((ROOT / "baselines.yaml").read_text(encoding="utf-8"))
    t = yaml.safe_load((ROOT / "targets.yaml").read_text(encoding="utf-8"))
    ids = set(b["indicators"]) | set(t["targets"]) | set(t.get("projects", {}))
    copies = max(1, round(indicators / len(ids)))

    def renamed(node: object, k: int) -> object:
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key in ("parts",):
                    value = [f"{v}_{k}" for v in value]
                elif key in ("part_of", "of"):
                    value = f"{value}_{k}"
                out[key] = renamed(value, k)
            return out
        if isinstance(node, list):
            return [renamed(v, k) for v in node]
        return node

    bi, tt, tp = {}, {}, {}
    for k in range(copies):
        for iid, d in b["indicators"].items():
            bi[f"{iid}_{k}"] = renamed(d, k)
        for iid, d in t["targets"].items():
            tt[f"{iid}_{k}"] = renamed(d, k)
        for iid, d in t.get("projects", {}).items():
            tp[f"{iid}_{k}"] = renamed(d, k)
    directory.mkdir(parents=True, exist_ok=True)
    dump = {"allow_unicode": True, "sort_keys": False, "width": 1000}
    (directory / "baselines.yaml").write_text(
        yaml.safe_dump({"indicators": bi}, **dump), encoding="utf-8"
    )
    (directory / "targets.yaml").write_text(
        yaml.safe_dump({"plan": t["plan"], "targets": tt, "projects": tp}, **dump),
        encoding="utf-8",
    )
    return directory


def count_indicators(d: Path) -> int:
    b = yaml.load((d / "baselines.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader)
    t = yaml.load((d / "targets.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader)
    ids = set(b.get("indicators") or {}) | set(t.get("targets") or {})
    return len(ids | set(t.get("projects") or {}))


def many(directory: Path, n: int) -> Path:
    for i in range(n):
        d = directory / f"p{i:05d}"
        d.mkdir(parents=True)
        shutil.copy(ROOT / "baselines.yaml", d / "baselines.yaml")
        shutil.copy(ROOT / "targets.yaml", d / "targets.yaml")
    return directory


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="stop at 10,000 indicators, 400 plans")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--ezplan", default=str(Path(sys.executable).parent / "ezplan"))
    ap.add_argument("--only", default="", help="comma-separated: startup,sizes,many")
    args = ap.parse_args()
    ez = [args.ezplan]
    only = set(filter(None, args.only.split(",")))
    rows: list[dict] = []

    def row(what: str, cmd: list[str], cwd: Path, floor: float | None, runs: int = 3) -> None:
        t, mem, code = timed(cmd, cwd, runs)
        rows.append(
            {
                "what": what,
                "seconds": round(t, 3),
                "peak_mib": round(mem, 1),
                "exit": code,
                "x_compose": round(t / floor, 2) if floor else None,
            }
        )
        ratio = f"{t / floor:.2f}×" if floor else ""
        print(f"{what:58} {t:8.3f} s {mem:8.1f} MiB {ratio:>8}  (exit {code})", flush=True)

    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        if not only or "startup" in only:
            floor, _, _ = timed([sys.executable, "-c", FLOOR_IMPORTS], tmp, 7)
            rows.append({"what": "import floor (yaml click rich numpy pydantic)", "seconds": floor})
            print(f"{'import floor':58} {floor:8.3f} s")
            row("check, bundled plan", [*ez, "check", str(ROOT)], tmp, None, 7)
            rows[-1]["x_floor"] = round(rows[-1]["seconds"] / floor, 2)
            row("--help", [*ez, "--help"], tmp, None, 7)
            row("--version", [*ez, "--version"], tmp, None, 7)
            probe = (
                "import sys\nfrom ezplan.cli import main\n"
                "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
                "print(','.join(m for m in ('numpy','pydantic','yaml') if m in sys.modules))"
            )
            p = subprocess.run(
                [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp
            )
            heavy = p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ""
            rows.append({"what": "--help imports", "modules": heavy})
            print(f"{'--help imports':58} {heavy or 'none of numpy, pydantic, yaml'}")
        sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
        if not only or "sizes" in only:
            for shape in ("generated", "replica"):
                for n in sizes:
                    d = tmp / f"{shape}-{n}"
                    if shape == "generated":
                        make(d, n // 4)
                    else:
                        replica(d, n)
                    real = count_indicators(d)
                    files = [d / "baselines.yaml", d / "targets.yaml"]
                    floor = compose_floor(files, tmp)
                    label = f"{shape} {real:,} indicators"
                    print(f"{label}: compose {floor:.3f} s")
                    rows.append({"what": f"{label}: compose", "seconds": round(floor, 3)})
                    runs = 3 if n <= 10_000 else 1
                    row(f"{label}: check", [*ez, "check", str(d)], tmp, floor, runs)
                    row(
                        f"{label}: check --format json",
                        [*ez, "check", str(d), "--format", "json"],
                        tmp,
                        floor,
                        runs,
                    )
                    if n <= 10_000:
                        row(
                            f"{label}: milestones --format json",
                            [*ez, "milestones", "--plan", str(d), "--format", "json"],
                            tmp,
                            floor,
                            runs,
                        )
                        row(
                            f"{label}: export .csv",
                            [*ez, "export", "--plan", str(d), "--to", str(tmp / "x.csv")],
                            tmp,
                            floor,
                            runs,
                        )
                        row(
                            f"{label}: report .html",
                            [*ez, "report", "--plan", str(d), "--to", str(tmp / "x.html")],
                            tmp,
                            floor,
                            1,
                        )
        if not only or "many" in only:
            for n in [400] if args.quick else [400, 4000]:
                d = many(tmp / f"many-{n}", n)
                files = sorted(d.glob("*/*.yaml"))
                floor = compose_floor(files, tmp, 1)
                print(f"{n} plans: compose {floor:.3f} s")
                rows.append({"what": f"{n} plans: compose", "seconds": round(floor, 3)})
                row(
                    f"{n} plans: check --format json",
                    [*ez, "check", str(d), "--format", "json"],
                    tmp,
                    floor,
                    1,
                )
                shutil.rmtree(d)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
