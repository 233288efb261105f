"""Run one snippet on one Python, the way a reader would: a real process, nothing else.

`python snippets/<lesson>/<name>.py` from the repository root: `__name__ == "__main__"`,
stdout and stderr on one pipe in the order a terminal shows them, the exit status, and a
timeout that kills the script and every child it started.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from tools.pipeline.fence import ROOT, RunOptions
from tools.pipeline.interpreters import Interpreter
from tools.pipeline.transcripts import Run, scrub

# The environment a snippet sees: only what makes its output reproducible. Anything from
# the caller's shell (PYTHONASYNCIODEBUG, PYTHONWARNINGS, PYTHONDEVMODE, colours) would
# change what it prints, so nothing else is passed through.
DEFAULT = RunOptions()  # a fence with no run options (frozen, so one shared default is safe)

BASE_ENV = {
    "PYTHONUNBUFFERED": "1",  # keep stdout and stderr in the order they were written
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONIOENCODING": "utf-8",
    "PYTHONHASHSEED": "0",
    "PYTHON_COLORS": "0",
    "NO_COLOR": "1",
    "LC_ALL": "C.UTF-8",
    "COLUMNS": "80",
}


def environment(options: RunOptions = DEFAULT) -> dict[str, str]:
    """The whole environment a snippet runs with (also part of the cache key)."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **BASE_ENV, **dict(options.env)}
    if "HOME" in os.environ:
        env["HOME"] = os.environ["HOME"]
    return env


def run(
    snippet: str, interpreter: Interpreter, options: RunOptions = DEFAULT, root: Path = ROOT
) -> Run:
    """Run `python <snippet>` from `root`; with options.streams, a second run gives stderr alone."""
    output, returncode, seconds = _process(snippet, interpreter, options, root, merged=True)
    stderr = None
    if options.streams and returncode is not None:
        stderr, _, _ = _process(snippet, interpreter, options, root, merged=False)
    scrubbed = scrub(output, interpreter, root)
    stderr = scrub(stderr, interpreter, root) if stderr is not None else None
    return Run(
        snippet, interpreter, options.command(snippet), scrubbed, returncode, seconds, stderr
    )


def _process(
    snippet: str, interpreter: Interpreter, options: RunOptions, root: Path, merged: bool
) -> tuple[str, int | None, float]:
    """(output, exit status or None if killed, seconds). merged=False: stderr only."""
    started = time.perf_counter()
    # A new session, so that a hanging snippet's children die with it.
    with subprocess.Popen(
        [interpreter.executable, *options.args, snippet],
        cwd=root,
        env=environment(options),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if merged else subprocess.DEVNULL,
        stderr=subprocess.STDOUT if merged else subprocess.PIPE,
        start_new_session=True,
    ) as process:
        try:
            out, err = process.communicate(timeout=options.timeout)
            returncode: int | None = process.returncode
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            out, err = process.communicate()
            returncode = None
    raw = out if merged else err
    return raw.decode("utf-8", "replace"), returncode, time.perf_counter() - started
