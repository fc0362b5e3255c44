"""The one place where ezplan's speed and memory are measured: every command, every size.

Usage:
    python benchmarks/run.py [--quick] [--only NAMES] [--json OUT.json] [--before OLD.json]
                             [--ezplan PATH]

Runs the command line in fresh processes, as a user runs it (the interpreter started, the
modules imported from their compiled bytecode — kept under a temporary PYTHONPYCACHEPREFIX and
made by one run before the timed ones — the garbage collector as the program sets it, OpenBLAS
on one thread in every child as `ezplan.launch` sets it), each measurement the median of several
runs (the import floor and the bundled check taken in turn). It prints a Markdown table: wall
time, peak resident memory of the largest process (from /usr/bin/time; with a process pool,
that of the parent or of one worker), and the ratio to the libyaml `compose` of the same files
measured in the same run — the floor no YAML-based checker can go below; then the goals of issue
13, each met or not.
With --before, the numbers of an earlier run (its --json) stand beside.

Sizes: the bundled plan; generated plans (benchmarks/make_plan.py) and replicas of the bundled
plan at 1,000, 10,000 and 100,000 indicators; 400 and 4,000 copies of the bundled plan in one
directory tree. `--quick` stops at 10,000 indicators and 400 plans. `--only` takes
startup, sizes and many, comma-separated.
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
HEAVY = ("numpy", "pydantic", "yaml")
ENV: dict[str, str] = {}  # the children's environment (set in main)


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
            env=ENV,
        )
        times.append(time.perf_counter() - t0)
        code = p.returncode
        last = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "0"
        peaks.append(int(last) / 1024 if last.isdigit() else float("nan"))
    return statistics.median(times), max(peaks), code


def first_output(cmd: list[str], cwd: Path, runs: int = 3) -> float:
    """Median seconds from the start of `cmd` to the first bytes it writes to stdout (a run of
    many plans streams its results: how long a user waits to see one)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out, err = subprocess.PIPE, subprocess.DEVNULL
        p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, env=ENV)
        assert p.stdout is not None
        first = p.stdout.read1(1)
        times.append(time.perf_counter() - t0 if first else float("nan"))
        while p.stdout.read1(1 << 16):
            pass
        p.wait()
    seen = [t for t in times if t == t]  # NaN: a run that wrote nothing
    return statistics.median(seen) if seen else float("nan")


def compose_floor(files: list[Path], cwd: Path, python: str, runs: int = 3) -> float:
    """libyaml composing the same files, in a fresh interpreter: the parsing floor."""
    listing = cwd / "_files.txt"
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    code = (
        "import yaml,sys\n"
        "L=getattr(yaml,'CSafeLoader',yaml.SafeLoader)\n"
        "for f in open(sys.argv[1],encoding='utf-8').read().split('\\n'):\n"
        "    yaml.compose(open(f,encoding='utf-8'),Loader=L)\n"
    )
    t, _, _ = timed([python, "-c", code, str(listing)], cwd, runs)
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


def heavy_imports(python: str, program: list[str], cwd: Path) -> str:
    """Which of numpy, pydantic and yaml `program` imports (from -X importtime)."""
    p = subprocess.run(
        [python, "-X", "importtime", *program], cwd=cwd, capture_output=True, text=True, env=ENV
    )
    names = {line.rsplit("|", 1)[-1].strip() for line in p.stderr.splitlines() if "|" in line}
    return ",".join(m for m in HEAVY if m in names)


class Results:
    def __init__(self, before: dict[str, dict]) -> None:
        self.rows: list[dict] = []
        self.before = before

    def add(self, row: dict) -> dict:
        self.rows.append(row)
        if "seconds" not in row:  # the --help imports: printed by the caller
            return row
        old = self.before.get(row["what"], {})
        was = f"(before {old['seconds']:.3f} s)" if "seconds" in old else ""
        ratio = f"{row['x_compose']:.2f}×" if row.get("x_compose") else ""
        mem = f"{row['peak_mib']:8.1f} MiB" if "peak_mib" in row else " " * 12
        code = f"(exit {row['exit']})" if "exit" in row else ""
        print(
            f"{row['what']:58} {row.get('seconds', 0):8.3f} s {mem} {ratio:>8}  {code} {was}",
            flush=True,
        )
        return row

    def get(self, what: str) -> dict:
        return next((r for r in self.rows if r["what"] == what), {})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="stop at 10,000 indicators, 400 plans")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--before", help="the --json of an earlier run, to show beside")
    ap.add_argument("--ezplan", default=str(Path(sys.executable).parent / "ezplan"))
    ap.add_argument("--only", default="", help="comma-separated: startup,sizes,many")
    args = ap.parse_args()
    ez = [args.ezplan]
    python = str(Path(args.ezplan).parent / "python")
    only = set(filter(None, args.only.split(",")))
    before = {}
    if args.before:
        before = {r["what"]: r for r in json.loads(Path(args.before).read_text("utf-8"))}
    res = Results(before)

    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        ENV.update(os.environ)
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        ENV.update({"COLUMNS": "120", "NO_COLOR": "1", "PYTHONPYCACHEPREFIX": str(tmp / "pycache")})
        # numpy imported as ezplan imports it (ezplan.launch), also for the floor and compose:
        # OpenBLAS's threads, started at import, would weigh on the floor alone
        ENV.setdefault("OPENBLAS_NUM_THREADS", "1")

        def row(what: str, cmd: list[str], floor: float | None, runs: int = 3) -> dict:
            t, mem, code = timed(cmd, tmp, runs)
            out = {"what": what, "seconds": round(t, 3), "peak_mib": round(mem, 1), "exit": code}
            if floor:
                out["x_compose"] = round(t / floor, 2)
            return res.add(out)

        for warm in ([*ez, "check", str(ROOT)], [*ez, "--help"], [python, "-c", FLOOR_IMPORTS]):
            subprocess.run(warm, cwd=tmp, env=ENV, capture_output=True)  # bytecode, caches
        if not only or "startup" in only:
            # the floor and the check taken in turn, so that a change in the machine's load
            # weighs on both alike
            bundled = [*ez, "check", str(ROOT)]
            pairs = [
                (timed([python, "-c", FLOOR_IMPORTS], tmp, 1), timed(bundled, tmp, 1))
                for _ in range(15)
            ]
            floor = statistics.median(f[0] for f, _ in pairs)
            res.add({"what": "import floor (yaml click rich numpy pydantic)", "seconds": floor})
            t = round(statistics.median(c[0] for _, c in pairs), 3)
            mem, code = max(c[1] for _, c in pairs), pairs[-1][1][2]
            r = {"what": "check, bundled plan", "seconds": t, "peak_mib": mem, "exit": code}
            r["x_floor"] = round(t / floor, 2)
            res.add(r)
            row("--help", [*ez, "--help"], None, 11)
            row("--version", [*ez, "--version"], None, 11)
            heavy = heavy_imports(python, [args.ezplan, "--help"], tmp)
            res.add({"what": "--help imports", "modules": heavy})
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
                    floor = compose_floor(files, tmp, python)
                    label = f"{shape} {real:,} indicators"
                    res.add({"what": f"{label}: compose", "seconds": round(floor, 3)})
                    res.rows[-1]["indicators"] = real
                    runs = 3 if n <= 10_000 else 1
                    row(f"{label}: check", [*ez, "check", str(d)], floor, runs)
                    json_cmd = [*ez, "check", str(d), "--format", "json"]
                    row(f"{label}: check --format json", json_cmd, floor, runs)
                    plan = ["--plan", str(d)]
                    row(
                        f"{label}: milestones --format json",
                        [*ez, "milestones", *plan, "--format", "json"],
                        floor,
                        runs,
                    )
                    csv = [*ez, "export", *plan, "--to", str(tmp / "x.csv")]
                    row(f"{label}: export .csv", csv, floor, runs)
                    html = [*ez, "report", *plan, "--to", str(tmp / "x.html")]
                    row(f"{label}: report .html", html, floor, 1)
                    shutil.rmtree(d)
        if not only or "many" in only:
            for n in [400] if args.quick else [400, 4000]:
                d = many(tmp / f"many-{n}", n)
                files = sorted(d.glob("*/*.yaml"))
                floor = compose_floor(files, tmp, python, 1)
                res.add({"what": f"{n} plans: compose", "seconds": round(floor, 3)})
                as_json = [*ez, "check", str(d), "--format", "json"]
                row(f"{n} plans: check --format json", as_json, floor, 1)
                row(f"{n} plans: check", [*ez, "check", str(d)], floor, 1)
                first = first_output([*ez, "check", str(d)], tmp)
                res.add({"what": f"{n} plans: check, first output", "seconds": round(first, 3)})
                shutil.rmtree(d)
    if args.json:
        Path(args.json).write_text(json.dumps(res.rows, ensure_ascii=False, indent=1), "utf-8")
    print()
    print(table(res))
    print()
    print(goals(res))


def table(res: Results) -> str:
    """The results as a Markdown table, the earlier run's beside."""
    lines = [
        "| measurement | before | after | × compose before → after | peak MiB before → after |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for r in res.rows:
        if "seconds" not in r:
            was = res.before.get(r["what"], {}).get("modules", "?")
            now = r.get("modules") or "none"
            lines.append(f"| {r['what']} | {was or 'none'} | {now} | | |")
            continue
        old = res.before.get(r["what"], {})
        refused = old.get("exit") == 2 and r.get("exit") != 2
        was = "refused" if refused else _s(old.get("seconds"))
        if "x_compose" in r:
            ratio = f"{_x(None if refused else old.get('x_compose'))} → {_x(r['x_compose'])}"
        elif "x_floor" in r:
            ratio = f"{_x(old.get('x_floor'))} → {_x(r['x_floor'])} of the floor"
        else:
            ratio = ""
        mem = f"{_m(old.get('peak_mib'))} → {_m(r.get('peak_mib'))}" if "peak_mib" in r else ""
        lines.append(f"| {r['what']} | {was} | {_s(r['seconds'])} | {ratio} | {mem} |")
    return "\n".join(lines)


def _s(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f} s" if x < 10 else f"{x:.1f} s"


def _x(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}×"


def _m(x: float | None) -> str:
    return "—" if x is None else f"{x:,.0f}"


def goals(res: Results) -> str:
    """Each goal of issue 13 with what this run measured, met or not."""
    out = ["| goal | measured | met |", "| --- | --- | :---: |"]

    def goal(text: str, measured: str, ok: bool | None) -> None:
        out.append(f"| {text} | {measured} | {'—' if ok is None else 'yes' if ok else 'no'} |")

    b = res.get("check, bundled plan")
    if b:
        x = b["x_floor"]
        goal("`ezplan check` (bundled) ≤ 1.5× the import floor", f"{x:.2f}×", x <= 1.5)
        for opt in ("--help", "--version"):
            r = res.get(opt)
            goal(f"`{opt}` ≤ 50 ms", f"{r['seconds'] * 1000:.0f} ms", r["seconds"] <= 0.05)
        heavy = res.get("--help imports").get("modules", "")
        goal("`--help` imports no numpy, pydantic, yaml", heavy or "none", not heavy)
    for shape in ("generated", "replica"):
        c10 = _size(res, shape, 10_000, "check")
        if c10:
            x = c10["x_compose"]
            goal(f"10k ({shape}): check ≤ 2.5× compose", _x(x), x <= 2.5)
            for cmd in ("milestones --format json", "export .csv"):
                r = _size(res, shape, 10_000, cmd)
                if r:
                    x = r["seconds"] / c10["seconds"]
                    goal(f"10k ({shape}): {cmd.split()[0]} ≤ 1.2× check", f"{x:.2f}×", x <= 1.2)
        c100 = _size(res, shape, 100_000, "check")
        if c10 and c100:
            per = (c100["seconds"] / c100["n"]) / (c10["seconds"] / c10["n"])
            fits = c100["exit"] in (0, 1) and c100["peak_mib"] <= 1024
            seen = f"exit {c100['exit']}, {c100['peak_mib']:,.0f} MiB"
            goal(f"100k ({shape}): checks, within 1 GiB", seen, fits)
            goal(f"100k ({shape}): cost per indicator ≤ 1.3× 10k's", f"{per:.2f}×", per <= 1.3)
        for n, limit in ((1_000, 5), (10_000, 60)):
            r = _size(res, shape, n, "report .html")
            if r:
                ok = r["seconds"] <= limit
                goal(f"report at {n // 1000}k ({shape}) ≤ {limit} s", _s(r["seconds"]), ok)
    p400 = res.get("400 plans: check --format json")
    if p400:
        goal("400 plans ≤ 3× compose", _x(p400["x_compose"]), p400["x_compose"] <= 3)
    p4000 = res.get("4000 plans: check --format json")
    if p400 and p4000:
        grow = p4000["peak_mib"] / p400["peak_mib"]
        goal("memory flat in the number of plans (4,000 vs 400)", f"{grow:.2f}×", grow <= 1.2)
    return "\n".join(out)


def _size(res: Results, shape: str, n: int, cmd: str) -> dict:
    """The row of `cmd` on the plan of `shape` nearest `n` indicators, with its count."""
    for r in res.rows:
        if r["what"].startswith(shape) and r["what"].endswith(": compose"):
            real = r.get("indicators", 0)
            if real and 0.8 * n <= real <= 1.25 * n:
                found = res.get(r["what"].replace(": compose", f": {cmd}"))
                return found | {"n": real} if found else {}
    return {}


if __name__ == "__main__":
    main()
