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

import os
from dataclasses import dataclass
from pathlib import Path

from ezplan.errors import InputError, Mark, os_reason
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
    """Both files are there, whatever they are: a FIFO or a dangling link named targets.yaml is
    then reported when the plan is read, rather than the plan skipped. A directory that cannot
    be searched counts too, so that it is reported, not passed over."""
    both = all(os.path.lexists(directory / name) for name in (TARGETS, BASELINES))
    return both or not os.access(directory, os.X_OK)


def _walk(root: Path) -> list[Path]:
    found = []
    stack = [root]
    while stack:
        d = stack.pop()
        if _is_plan(d):
            found.append(d)
            continue
        try:
            with os.scandir(d) as entries:
                children = sorted(Path(e.path) for e in entries if e.is_dir(follow_symlinks=False))
        except OSError:
            if d != root:
                found.append(d)  # cannot be searched: reported when read as a plan
            continue
        for c in reversed(children):
            if c.name.startswith(".") or c.name in SKIP_DIRS or os.path.exists(c / "pyvenv.cfg"):
                continue
            stack.append(c)
    return found


def _unreadable(p: Path, e: OSError) -> InputError:
    return InputError(Mark(display_path(p), 1, 1), "file.cannot_read", reason=os_reason(e))


def find_plans(paths: list[str | Path]) -> list[PlanRef]:
    """Plan directories for the given paths (default: the current directory)."""
    dirs: set[Path] = set()
    for raw in paths or ["."]:
        p = Path(raw)
        try:
            is_dir = p.is_dir()  # raises when a directory above cannot be searched
        except OSError as e:
            raise _unreadable(p, e) from None
        exists = is_dir or os.path.lexists(p)
        if p.name in (BASELINES, TARGETS) and not is_dir:
            # one of the two files, or something named like one: its directory is the plan,
            # and reading it says what is wrong with the file
            dirs.add(p.parent)
        elif is_dir:
            inside = [p] if _is_plan(p) else _walk(p)
            if not inside:
                # Not a plan and none below: read it as one, so the missing file is named.
                inside = [p]
            dirs.update(inside)
        elif exists:
            raise InputError(
                Mark(display_path(p), 1, 1),
                "plans.not_plan_or_file",
                baselines=BASELINES,
                targets=TARGETS,
            )
        else:
            raise InputError(Mark(display_path(p), 1, 1), "plans.no_such_path")
    return sorted(_ref(d) for d in dirs)
