"""Record every snippet's transcript on purpose: `make update-examples`.

`make update-examples` formats every snippet first (pytest-examples, with ruff), so that the
line numbers tracebacks and warnings quote are those of the formatted files; this then runs
each snippet on every selected Python and rewrites the .out files whose masked text changed. It refuses to
record a run that hung or exited with a status its fence does not expect, so an accident
is never committed as the truth.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tools.pipeline import fence, interpreters, runner, transcripts
from tools.pipeline.executor import jobs_from_environment
from tools.pipeline.fence import ROOT


def main(wanted: list[str]) -> int:
    """Record every snippet, or only the `wanted` ones (paths as the fences name them)."""
    try:
        every = fence.find_all()
        chosen = fence.named(every, wanted)  # find_all allows one fence per snippet
        selected = interpreters.selected()
    except (fence.FenceError, interpreters.SelectionError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Python versions: {', '.join(i.version for i in selected)}")
    jobs = [(f, i) for f in chosen for i in selected if f.run.runs_on(i.version)]
    with ThreadPoolExecutor(jobs_from_environment()) as pool:
        runs = list(pool.map(lambda job: runner.run(job[0].snippet, job[1], job[0].run), jobs))
    failures, changed, before = [], [], transcripts.provenance()
    for found in chosen:
        mine = [r for (f, _), r in zip(jobs, runs, strict=True) if f is found]
        refused = [
            f"{found.where}: {p}" for r in mine for p in transcripts.check_exit(r, found.run)
        ]
        failures += refused
        if not refused:
            produced = {r.interpreter.version: r.recording for r in mine}
            changed += transcripts.write(found.snippet, produced, found.run)
    transcripts.forget_removed(every)
    return report(changed, f"{len(chosen)} snippets", failures, before)


def report(changed: list[Path], recorded: str, failures: list[str], record_before: dict) -> int:
    """Say what changed and what was refused; the exit status: 1 if anything was refused."""
    for path in changed:
        print(f"{'updated' if path.exists() else 'removed'} {path.relative_to(ROOT)}")
    if transcripts.provenance() != record_before:
        print(f"updated {transcripts.PROVENANCE} (who printed each transcript)")
    print(f"{recorded}, {len(changed)} transcript files changed")
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
