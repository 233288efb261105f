"""Made once per build: runs every fence's snippet on every selected Python, concurrently.

The hooks hand the executor all fences of the site before any page renders; it submits
every run at once to a pool of `jobs` workers (ASYNCIO_BASICS_JOBS, default: the number of
CPUs), in page order, and each fence's formatter waits only for its own runs. What a page
shows, and in which order, does not depend on which run finished first.

Three ways to get a run, chosen once per build (`Mode.from_environment`):

* real: every run is a fresh process (strict builds: `make build`, tests, CI, deploy);
* cached: `make serve` replays runs whose inputs did not change (cache.py);
* recorded: ASYNCIO_BASICS_BENCH_NO_EXEC=1 (tools/bench.py only) runs nothing and shows the
  committed transcripts, to measure what a build costs without execution.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.pipeline import cache, runner, timeline, transcripts
from tools.pipeline.fence import ROOT, Fence, RunOptions
from tools.pipeline.interpreters import Interpreter
from tools.pipeline.transcripts import Run

CACHE_ENV = "ASYNCIO_BASICS_CACHE"
NO_EXEC_ENV = "ASYNCIO_BASICS_BENCH_NO_EXEC"
JOBS_ENV = "ASYNCIO_BASICS_JOBS"


class SwitchError(Exception):
    """An environment switch used where it must not be."""


@dataclass(frozen=True)
class Mode:
    cache: Path | None = None  # folder of stored runs, or None: always run
    no_exec: bool = False  # show recorded transcripts, run nothing

    @classmethod
    def from_environment(cls, strict: bool, root: Path = ROOT) -> Mode:
        folder = os.environ.get(CACHE_ENV, "").strip()
        no_exec = os.environ.get(NO_EXEC_ENV, "").strip() not in {"", "0"}
        if strict and (folder or no_exec):
            used = " and ".join(n for n, on in ((CACHE_ENV, folder), (NO_EXEC_ENV, no_exec)) if on)
            raise SwitchError(
                f"{used} is set, but this build is strict: strict builds (make build, make test, "
                "CI, mike deploy) always run every snippet for real. Unset it; the cache is for "
                "`make serve`, the no-execution switch for tools/bench.py."
            )
        return cls(cache=(root / folder) if folder else None, no_exec=no_exec)


def jobs_from_environment() -> int:
    raw = os.environ.get(JOBS_ENV, "").strip()
    if not raw:
        return os.cpu_count() or 1
    if not raw.isdigit() or int(raw) < 1:
        raise SwitchError(
            f"{JOBS_ENV}={raw!r}: give the number of snippet runs at a time, 1 or more"
        )
    return int(raw)


@dataclass(frozen=True)
class Result:
    """One snippet on one Python in this build, and what is wrong with it."""

    run: Run
    problems: tuple[str, ...]
    ran: bool = True  # False: the committed transcript, shown without running (no-exec mode)

    @property
    def version(self) -> str:
        return self.run.interpreter.version


class Executor:
    def __init__(
        self, interpreters: list[Interpreter], mode: Mode = Mode(), jobs: int = 1, root: Path = ROOT
    ) -> None:
        self.interpreters = interpreters
        self.mode = mode
        self.root = root
        self.store = cache.Store(mode.cache) if mode.cache else None
        self._pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="snippet")
        self._runs: dict[tuple[str, str], Future[Result]] = {}
        self._traces: dict[str, Future[dict[str, Any]]] = {}

    def start(self, fences: Iterable[Fence]) -> None:
        """Submit every run the fences need, in page order; returns at once."""
        for fence in fences:
            for interpreter in self.interpreters_for(fence.run):
                self._submit(
                    self._runs,
                    (fence.snippet, interpreter.version),
                    self._result,
                    fence.snippet,
                    interpreter,
                    fence.run,
                )
            if fence.timeline and not self.mode.no_exec and self.interpreters_for(fence.run):
                self._submit(self._traces, fence.snippet, self._trace, fence.snippet, fence.run)

    def interpreters_for(self, options: RunOptions) -> list[Interpreter]:
        return [i for i in self.interpreters if options.runs_on(i.version)]

    def results(self, fence: Fence) -> list[Result]:
        """Every selected Python's result for the fence's snippet, oldest first (waits)."""
        self.start([fence])  # a no-op for fences the build already started
        return [
            self._runs[(fence.snippet, i.version)].result()
            for i in self.interpreters_for(fence.run)
        ]

    def trace(self, fence: Fence) -> dict[str, Any]:
        """The timeline data of the fence's snippet; TimelineError if its traced run failed,
        or printed something else than the plain run of the same Python that the page shows."""
        self.start([fence])
        data = self._traces[fence.snippet].result()
        shown = self.results(fence)[-1].run  # the newest version's: the one traced
        timeline.check_against(data, shown.transcript, fence.snippet, fence.run)
        return data

    def all_results(self) -> list[Result]:
        return [future.result() for future in self._runs.values()]

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, table: dict, key: Any, fn: Callable[..., Any], *args: Any) -> None:
        if key not in table:
            table[key] = self._pool.submit(fn, *args)

    def _result(self, snippet: str, interpreter: Interpreter, options: RunOptions) -> Result:
        if self.mode.no_exec:
            expected = transcripts.read(snippet, interpreter.version, self.root)
            output = transcripts.split(expected)[1] if expected else ""
            run = Run(
                snippet,
                interpreter,
                options.command(snippet),
                output,
                options.expected_returncode(interpreter.version),
                0.0,
            )
            return Result(run, (), ran=False)
        run = self._cached(
            snippet,
            interpreter,
            options,
            lambda: runner.run(snippet, interpreter, options, self.root),
        )
        problems = transcripts.check(run, options, self.root)
        return Result(run, tuple(problems))

    def _trace(self, snippet: str, options: RunOptions) -> dict[str, Any]:
        interpreter = self.interpreters_for(options)[-1]  # the newest one the build runs
        traced = timeline.trace_options(options)
        run = self._cached(
            snippet,
            interpreter,
            traced,
            lambda: runner.run(snippet, interpreter, traced, self.root),
            extra={"tracer": timeline.TRACER_DIGEST},
            keep=lambda r: (
                not r.timed_out and r.returncode == options.expected_returncode(interpreter.version)
            ),
        )
        return timeline.parse_run(run, traced)

    def _cached(
        self,
        snippet: str,
        interpreter: Interpreter,
        options: RunOptions,
        fresh: Callable[[], Run],
        extra: dict[str, str] | None = None,
        keep: Callable[[Run], bool] | None = None,
    ) -> Run:
        if self.store is None:
            return fresh()
        key = cache.key(snippet, interpreter, options, self.root, extra=extra)
        hit = self.store.get(key, snippet, interpreter)
        if hit is not None:
            return hit
        run = fresh()
        passed = keep(run) if keep else not transcripts.check(run, options, self.root)
        if passed:  # a failing run is never replayed
            self.store.put(key, run)
        return run
