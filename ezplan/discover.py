"""Which plans to check: plan directories, directories holding plans, or the plan files themselves.

A plan is a directory with both `baselines.yaml` and `targets.yaml`. A path may be
- such a directory;
- a directory searched recursively for plan directories (hidden ones and virtual environments
  skipped);
- one of the two files (as pre-commit passes them): its directory is the plan, so a changed
  targets.yaml is always checked together with its baselines.yaml.
Results come in a stable order (sorted paths), each plan once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ezplan.errors import InputError, Mark
from ezplan.loader import BASELINES, TARGETS, display_path

SKIP_DIRS = {"node_modules", "__pycache__", "site-packages", "venv"}


@dataclass(frozen=True, order=True)
class PlanRef:
    directory: Path
    baselines: Path
    targets: Path

    @property
    def name(self) -> str:
        return display_path(self.directory) or "."


def _ref(directory: Path) -> PlanRef:
    return PlanRef(directory, directory / BASELINES, directory / TARGETS)


def _is_plan(directory: Path) -> bool:
    return (directory / TARGETS).is_file() and (directory / BASELINES).is_file()


def _walk(root: Path) -> list[Path]:
    found = []
    stack = [root]
    while stack:
        d = stack.pop()
        if _is_plan(d):
            found.append(d)
        try:
            children = sorted(p for p in d.iterdir() if p.is_dir() and not p.is_symlink())
        except OSError:
            continue
        for c in children:
            if c.name.startswith(".") or c.name in SKIP_DIRS or (c / "pyvenv.cfg").exists():
                continue
            stack.append(c)
    return found


def find_plans(paths: list[str | Path]) -> list[PlanRef]:
    """Plan directories for the given paths (default: the current directory)."""
    dirs: set[Path] = set()
    for raw in paths or ["."]:
        p = Path(raw)
        if p.is_file() or (not p.exists() and p.name in (BASELINES, TARGETS)):
            if p.name not in (BASELINES, TARGETS):
                raise InputError(
                    Mark(display_path(p), 1, 1),
                    f"expected a plan directory or a file named {BASELINES} or {TARGETS}",
                )
            dirs.add(p.parent)
        elif p.is_dir():
            inside = [p] if _is_plan(p) else _walk(p)
            if not inside:
                # Not a plan and none below: read it as one, so the missing file is named.
                inside = [p]
            dirs.update(inside)
        else:
            raise InputError(Mark(display_path(p), 1, 1), "no such file or directory")
    return sorted(_ref(d) for d in dirs)
