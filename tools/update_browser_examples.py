"""Record the 3.14 and 3.15 transcripts with this machine's engines: `make update-browser-examples`.

Neither version installs natively here; their WebAssembly builds (tools/wasm) run every
snippet the browser can run, through the page's own runner. Each version's transcript comes
from its own engine's run, and the provenance record (snippets/transcripts.json) says which
engine and patch release printed it. A run that hung, or exited with a status its fence
does not expect, is refused. `python -m tools.update_browser_examples [snippet ...]` records
only those snippets; GitHub's native 3.14 and 3.15 jobs record what no engine can run.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ThreadPoolExecutor

from tools import wasm
from tools.pipeline import fence, interpreters, transcripts
from tools.update_examples import report


def main(wanted: list[str]) -> int:
    fences = fence.find_all()
    try:
        chosen = fence.named(fences, wanted)
    except fence.FenceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    engines = []
    for engine in wasm.ENGINES.values():
        native = interpreters.find(engine.version)
        if native:  # a native interpreter is preferred to its WebAssembly build
            print(f"Python {engine.version} is installed ({native.executable}): record it "
                  f"natively, with {interpreters.SELECT_ENV} naming {engine.version} and `make update-examples`")  # fmt: skip
        else:
            engines.append(engine)
    before = transcripts.provenance()
    jobs = [
        (engine, usage) for engine in engines for usage in wasm.runnable(engine.version, chosen)
    ]
    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:  # always a fresh start, no snapshot
        runs = list(pool.map(lambda job: wasm.run(job[0], job[1].snippet, job[1].run), jobs))
    failures, changed = [], []
    produced: dict[str, dict[str, transcripts.Recording]] = {}
    for (engine, usage), found in zip(jobs, runs, strict=True):
        who = f"{usage.where}: {usage.snippet} on {engine.name}"
        expected = usage.run.expected_returncode(engine.version)
        if found.error or found.status is None:
            failures.append(f"{who}: {found.error or 'timed out'}")
        elif found.status != expected:
            failures.append(f"{who}: exit status {found.status}, expected {expected}")
        else:
            produced.setdefault(usage.snippet, {})[engine.version] = wasm.recording(
                engine, usage, found
            )
    usages = fence.by_snippet(fences)
    for snippet, recordings in produced.items():
        changed += transcripts.write(snippet, recordings, usages[snippet].run)
    return report(changed, f"{len(produced)} snippets recorded", failures, before)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
