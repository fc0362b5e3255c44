"""Many plans on every core: plans checked in batches, each batch in a worker process, the
results in order.

Plans are independent, so a run of hundreds is spread over a process pool; each worker sends
back a plan's findings and target rows (`slim`), not the plan's network and facts, and the
caller renders each result as it comes and lets it go — memory stays that of a few batches,
however many plans there are. A batch's whole-plan networks are solved as one
(`analyse_many`): one vectorised step of the search then asks every plan's next question, where
a plan alone is searched one small question at a time. A few plans are checked here, in this
process: starting workers costs more.
"""

from __future__ import annotations

import gc
import math
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ezplan.discover import PlanRef
from ezplan.errors import InputError
from ezplan.report import WHOLE_PLAN, PlanResult, Report

if TYPE_CHECKING:
    from ezplan.model import Plan
    from ezplan.network import Analysis
    from ezplan.rules import Rule

MIN_PLANS = 8
"""Fewer plans than this (or one core) are checked in this process."""

BATCH = 200
"""The most plans analysed together. A search step costs about the same for one plan as for
dozens (numpy's cost per call), so a plan's share falls with the batch: the bundled plan's
analysis costs ~14 ms of CPU alone, 5.7 ms a plan in a batch of 100 and 4.6 ms in one of 200
(a worker's peak memory 69 and 121 MB)."""

BATCH_BYTES = 4_000_000
"""… and the most bytes of plan files in a batch (200 copies of the bundled plan: 3.4 MB), so
that a batch holds no more than one large plan and memory stays that of a few plans however
many there are (a plan larger than this is a batch of its own)."""

FIRST = 2
"""Plans in each worker's first batch, so that the first results are written within a moment
of the start, not after a whole batch (~2 s for 200 copies of the bundled plan); the few plans
analysed apart cost ~20 ms of CPU."""

TRIM_INDICATORS = 10_000
"""A plan this large frees hundreds of MiB when its check ends (its figures, facts and network):
the C heap's free pages go back to the system before its findings are written (at 100,000
indicators the resident size at rendering −200 MiB; a no-op without glibc's malloc_trim)."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def check_each(
    refs: list[PlanRef],
    codes: list[str] | None = None,
    prepare: Callable[[PlanResult], Any] | None = None,
) -> Iterator[Any]:
    """Each plan's result, slimmed, in the order of `refs`; the rules chosen by their codes.

    `prepare` (a function a worker can be sent: module-level, or a `functools.partial` of one)
    makes of each result what the caller reads — a plan's rendered text — in the worker that
    checked it, and that is yielded instead: text costs a fraction of what a result's findings
    cost to pickle in a worker and to unpickle here. Plans checked in this process are yielded
    as results, unprepared: the caller lays out a result as it would have laid it out for
    `prepare` (the renderers' `render_each` take either), without the copy between."""
    workers = min(cores(), len(refs))
    if workers < 2 or len(refs) < MIN_PLANS:
        for batch in batches(refs, 1, first=FIRST):
            yield from check_batch(batch, codes)
        return
    import multiprocessing

    tasks = [(batch, codes, prepare) for batch in batches(refs, workers, first=FIRST)]
    with multiprocessing.Pool(workers, initializer=_worker) as pool:
        for results in pool.imap(_check_batch_of, tasks):
            yield from results


def batches(
    refs: list[PlanRef],
    workers: int,
    size: Callable[[PlanRef], int] | None = None,
    first: int = 0,
) -> list[list[PlanRef]]:
    """`refs` in order, cut into batches of at most BATCH plans — as many as a multiple of
    `workers`, of near-equal length, so that no worker is left with the last long one — and of
    at most BATCH_BYTES of files (`size`: a plan's bytes). With `first`, each worker's first
    batch holds that many plans, where the others would be much longer (a few plans are
    checked at once anyway)."""
    if not refs:
        return []
    size = size or _files_size
    head = workers * first
    if first and len(refs) >= 8 * head:
        return [
            *_cut(refs[:head], first, size),
            *batches(refs[head:], workers, size),
        ]
    count = workers * math.ceil(len(refs) / (workers * BATCH))
    return _cut(refs, math.ceil(len(refs) / count), size)


def _cut(refs: list[PlanRef], most: int, size: Callable[[PlanRef], int]) -> list[list[PlanRef]]:
    """`refs` in order, in batches of at most `most` plans and BATCH_BYTES of files."""
    out: list[list[PlanRef]] = []
    held = 0
    for ref in refs:
        n = size(ref)
        if not out or len(out[-1]) >= most or held + n > BATCH_BYTES:
            out.append([])
            held = 0
        out[-1].append(ref)
        held += n
    return out


def _files_size(ref: PlanRef) -> int:
    try:
        return ref.baselines.stat().st_size + ref.targets.stat().st_size
    except OSError:  # reported when the plan is read
        return 0


def check_one(ref: PlanRef, codes: list[str] | None = None) -> PlanResult:
    """One plan's result, slimmed; a plan that cannot be read gives its error."""
    return check_batch([ref], codes)[0]


def check_batch(refs: Sequence[PlanRef], codes: list[str] | None = None) -> list[PlanResult]:
    """Each plan's result, slimmed (a plan that cannot be read gives its error); the plans'
    whole-plan networks analysed together."""
    from ezplan.loader import load_plan

    loaded: list[Plan | InputError] = []
    for ref in refs:
        try:
            loaded.append(load_plan(ref.directory, ref.baselines, ref.targets))
        except InputError as e:
            loaded.append(e)
    large = any(
        not isinstance(p, InputError) and len(p.indicators) >= TRIM_INDICATORS for p in loaded
    )
    out = _results(refs, loaded, codes)
    if large:
        loaded.clear()  # the last reference to the plans
        from ezplan.network.analysis import return_free_memory

        return_free_memory()  # what their checks freed, before their findings are written
    return out


def _results(
    refs: Sequence[PlanRef], loaded: list[Plan | InputError], codes: list[str] | None
) -> list[PlanResult]:
    from ezplan import rules
    from ezplan.report import report

    chosen = [rules.rule(c) for c in codes] if codes is not None else None
    plans = [p for p in loaded if not isinstance(p, InputError)]
    networks = iter(_networks(plans, chosen))
    out = []
    for ref, p in zip(refs, loaded, strict=True):
        if isinstance(p, InputError):
            out.append(PlanResult(ref.name, error=p))
        else:
            out.append(PlanResult(ref.name, slim(report(p, chosen, next(networks)))))
    return out


def _networks(plans: list[Plan], chosen: list[Rule] | None) -> Sequence[Analysis | None]:
    """The plans' whole-plan analyses made together, if the whole-plan rule is to run (else
    none), before any rule runs, and keeping only what the rule reads: the search is a large
    plan's peak, and the rules' findings would sit under it, as would the network under the
    findings (100,000 generated indicators: 1,578 → 1,281 MiB)."""
    if not plans or (chosen is not None and all(r.code != WHOLE_PLAN for r in chosen)):
        return [None] * len(plans)
    from ezplan.network import analyse_many

    return analyse_many(plans, intervals=False)


def slim(r: Report) -> Report:
    """What a renderer of `ezplan check` reads of a report: its findings, its target rows and
    the plan's names, without the figures, the facts and the whole-plan network."""
    plan = replace(r.plan, levels=[], growth=[], cumulative=[], shares=[], points=[])
    return Report(plan, r.findings, r.rows, None)


_done = 0  # plans this worker has checked


def _prepared(results: list[PlanResult], prepare: Callable[[PlanResult], Any] | None) -> list[Any]:
    return results if prepare is None else [prepare(r) for r in results]


def _check_batch_of(
    args: tuple[list[PlanRef], list[str] | None, Callable[[PlanResult], Any] | None],
) -> list[Any]:
    global _done
    refs, codes, prepare = args
    _done += len(refs)
    if _done >= 100:  # the rare cycle (an exception's traceback) is freed now and then
        _done = 0
        gc.collect()
    return _prepared(check_batch(refs, codes), prepare)


def _worker() -> None:
    """A worker: no cyclic garbage collection (see `ezplan.cli.signals`), and the terminal's
    signals to the whole process group (SIGINT, SIGHUP) left to the parent, which ends the pool.
    SIGTERM ends a worker at once, whatever the parent made of it: it is how the pool ends its
    workers (a reader that stops early, a closed pipe, the parent interrupted); ignored, the
    parent would wait for them for ever."""
    gc.disable()
    # what the worker has from its parent (the modules, the command's objects) is never
    # garbage: the collections now and then (`_check_batch_of`) leave it unvisited, and its
    # pages unwritten (a forked worker shares them with its parent until written)
    gc.freeze()
    for name in ("SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
