"""Rehearse GitHub's Python 3.14 and 3.15 jobs here: `make rehearse`.

Those jobs run every snippet on a native 3.14 or 3.15 and hold each run to its transcript,
then check every claim on that run. This machine has neither natively, so the rehearsal
runs what it can with the WebAssembly builds (tools/wasm) and reports what it cannot:

1. Every snippet that runs on the version has a transcript for it. One without fails the
   GitHub job at once (the job then uploads what it printed, to be committed): listed here.
2. Every snippet the browser can run prints its transcript on that version's engine
   (tests/test_playground.py), and every claim holds on that version's output
   (tests/lessons/, on the committed transcripts).

What it cannot prove: the snippets the browser cannot run (child processes, threads,
sockets) are only checked against their transcripts by the native job, and a native
interpreter may differ from its WebAssembly build in what timing decides (debug mode's
slow-step reports). `python -m tools.rehearse 3.15` rehearses one version.
"""

from __future__ import annotations

import subprocess
import sys

from tools import wasm
from tools.pipeline import fence, transcripts


def main(versions: list[str]) -> int:
    unknown = [v for v in versions if v not in wasm.ENGINES]
    if unknown:
        print(
            f"error: no engine for Python {', '.join(unknown)}; rehearse {' '.join(wasm.ENGINES)}"
        )
        return 2
    fences = fence.find_all()
    missing = [
        f"{f.where}: {f.snippet} has no Python {version} transcript"
        for version in versions
        for f in transcripts.untranscribed(fences, version)
    ]
    for line in missing:
        print(f"error: {line}; GitHub's native job fails on it and uploads what it printed")
    selection = " or ".join(f"py{v}" for v in versions)
    pytest = [sys.executable, "-m", "pytest", "-k", f"({selection}) or snapshot or cpu"]
    status = 0
    for phase in (  # the claims (on a build), then the engines alone (tests/test_playground.py)
        [*pytest, "-n", "auto", "--dist", "loadscope", "tests/lessons"],
        [*pytest, "-p", "no:xdist", "-m", "engines", "tests/test_playground.py"],
    ):
        print(f"rehearsing Python {', '.join(versions)}: {' '.join(phase[1:])}", flush=True)
        status = subprocess.run(phase, cwd=fence.ROOT, check=False).returncode or status
    if missing:
        print(f"{len(missing)} snippet(s) without a transcript: the GitHub job fails on them")
    return status or (1 if missing else 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or list(wasm.ENGINES)))
