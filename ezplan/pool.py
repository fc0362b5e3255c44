"""Many plans on every core: each plan checked in a worker process, the results in order.

Plans are independent, so a run of hundreds is spread over a process pool; each worker sends
back a plan's findings and target rows (`slim`), not the plan's network and facts, and the
caller renders each result as it comes and lets it go — memory stays that of a few plans, however
many there are. A few plans are checked here, in this process: starting workers costs more.
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Iterator
from dataclasses import replace

from ezplan.discover import PlanRef
from ezplan.errors import InputError
from ezplan.report import PlanResult, Report

MIN_PLANS = 8
"""Fewer plans than this (or one core) are checked in this process."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def check_each(refs: list[PlanRef], codes: list[str] | None = None) -> Iterator[PlanResult]:
    """Each plan's result, slimmed, in the order of `refs`; the rules chosen by their codes."""
    workers = min(cores(), len(refs))
    if workers < 2 or len(refs) < MIN_PLANS:
        for ref in refs:
            yield check_one(ref, codes)
        return
    import multiprocessing

    chunk = max(1, min(16, len(refs) // (workers * 8)))
    with multiprocessing.Pool(workers, initializer=_worker) as pool:
        yield from pool.imap(_check_one_of, [(ref, codes) for ref in refs], chunksize=chunk)


def check_one(ref: PlanRef, codes: list[str] | None = None) -> PlanResult:
    """One plan's result, slimmed; a plan that cannot be read gives its error."""
    from ezplan import rules
    from ezplan.loader import load_plan
    from ezplan.report import report

    try:
        plan = load_plan(ref.directory, ref.baselines, ref.targets)
    except InputError as e:
        return PlanResult(ref.name, error=e)
    chosen = [rules.rule(c) for c in codes] if codes is not None else None
    return PlanResult(ref.name, slim(report(plan, chosen)))


def slim(r: Report) -> Report:
    """What a renderer of `ezplan check` reads of a report: its findings, its target rows and
    the plan's names, without the figures, the facts and the whole-plan network."""
    plan = replace(r.plan, levels=[], growth=[], cumulative=[], shares=[], points=[])
    return Report(plan, r.findings, r.rows, None)


_done = 0  # plans this worker has checked


def _check_one_of(args: tuple[PlanRef, list[str] | None]) -> PlanResult:
    global _done
    _done += 1
    if _done % 100 == 0:  # the rare cycle (an exception's traceback) is freed now and then
        gc.collect()
    return check_one(*args)


def _worker() -> None:
    """A worker: no cyclic garbage collection (see `ezplan.cli.signals`), and the terminal's
    signals to the whole process group (SIGINT, SIGHUP) left to the parent, which ends the pool.
    SIGTERM ends a worker at once, whatever the parent made of it: it is how the pool ends its
    workers (a reader that stops early, a closed pipe, the parent interrupted); ignored, the
    parent would wait for them for ever."""
    gc.disable()
    for name in ("SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
