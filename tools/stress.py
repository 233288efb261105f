"""`make stress`: run every snippet many times on a busy machine, and report any run whose
output ever differs from its committed transcript.

Transcripts are compared exactly as the build and the tests compare them
(tools.pipeline.transcripts.check, after masking durations and task numbers), so a snippet listed
here would, one day, fail a build for no reason. Beside the runs, CPU-burning processes
(one per core by default) keep the machine busy, as a loaded CI runner would be.

    python -m tools.stress [--runs 50] [--burners N] [--jobs 1] [SUBSTRING ...]

SUBSTRING limits the run to snippets whose path contains it. ASYNCIO_BASICS_PYTHONS
chooses the versions, as everywhere. Not part of `make test`: it takes a long time.
"""

from __future__ import annotations

import argparse
import functools
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from tools.pipeline import fence, interpreters, runner, transcripts


@dataclass
class Tally:
    snippet: str
    version: str
    runs: int = 0
    slowest: float = 0.0
    problems: Counter[str] = field(default_factory=Counter)  # masked text -> runs
    examples: dict[str, str] = field(default_factory=dict)  # masked text -> first real one

    @property
    def differed(self) -> int:
        return sum(self.problems.values())

    def add(self, seconds: float, problems: list[str]) -> None:
        self.runs += 1
        self.slowest = max(self.slowest, seconds)
        if problems:
            text = "\n".join(problems)
            self.problems[transcripts.mask(text)] += (
                1  # runs that differ the same way count together
            )
            self.examples.setdefault(transcripts.mask(text), text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--runs", type=int, default=50, help="runs of each snippet on each version (default 50)"
    )
    parser.add_argument(
        "--burners",
        type=int,
        default=os.cpu_count() or 1,
        help="CPU-burning processes (default: one per core)",
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="snippet runs at the same time (default 1)"
    )
    parser.add_argument(
        "only",
        nargs="*",
        metavar="SUBSTRING",
        help="only snippets whose path contains one of these",
    )
    args = parser.parse_args(argv)

    usages = {
        snippet: f
        for snippet, f in fence.by_snippet(fence.find_all()).items()
        if not args.only or any(s in snippet for s in args.only)
    }
    versions = [v for v in interpreters.requested() if interpreters.find(v)]
    missing = sorted(set(interpreters.requested()) - set(versions))
    if not usages or not versions:
        print("error: nothing to run (no matching snippet, or no Python found)", file=sys.stderr)
        return 2
    tallies = [Tally(s, v) for s, u in usages.items() for v in versions if u.run.runs_on(v)]
    print(
        f"{len(tallies)} snippet x version pairs, {args.runs} runs each, {args.jobs} at a time, "
        f"beside {args.burners} CPU burner(s); Python {', '.join(versions)}"
        + (f" (not found: {', '.join(missing)})" if missing else ""),
        flush=True,
    )
    started = time.perf_counter()
    burners = [_burner() for _ in range(args.burners)]
    try:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for tally in tallies:
                usage = usages[tally.snippet]
                interpreter = interpreters.find(tally.version)
                one = functools.partial(_one, usage, interpreter)
                for seconds, problems in pool.map(one, range(args.runs)):
                    tally.add(seconds, problems)
                verdict = "ok" if not tally.differed else f"DIFFERED in {tally.differed}"
                print(
                    f"{verdict:>16} / {tally.runs}  slowest {tally.slowest:6.2f} s  "
                    f"{tally.snippet} on {tally.version}",
                    flush=True,
                )
    finally:
        for burner in burners:
            os.killpg(burner.pid, signal.SIGKILL)
            burner.wait()
    minutes = (time.perf_counter() - started) / 60
    bad = [t for t in tallies if t.differed]
    runs = sum(t.runs for t in tallies)
    print(f"\n{runs} runs in {minutes:.1f} min; {len(bad)} of {len(tallies)} pairs ever differed")
    for tally in bad:
        print(f"\n== {tally.snippet} on Python {tally.version}: ", end="")
        print(f"{tally.differed} of {tally.runs} runs differed")
        for problem, count in tally.problems.most_common():
            print(f"-- {count} run(s) like this one:\n{tally.examples[problem]}")
    return 1 if bad else 0


def _one(
    usage: fence.Fence, interpreter: interpreters.Interpreter, _: int
) -> tuple[float, list[str]]:
    run = runner.run(usage.snippet, interpreter, usage.run)
    return run.seconds, transcripts.check(run, usage.run)


def _burner() -> subprocess.Popen[bytes]:
    # Its own session, so that killing it can never reach anything else.
    return subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True)


if __name__ == "__main__":
    sys.exit(main())
