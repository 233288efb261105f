"""Run a snippet the way a reader would, and turn its output into a stable transcript.

Shared by the site build (tools/mkdocs_hooks.py) and the test suite (tests/), so the
page and CI always agree on what a snippet printed.

A run is `python snippets/<lesson>/<name>.py` from the repository root, as a real
process: `__name__ == "__main__"`, stdout and stderr on one pipe in the order a
terminal shows them, the exit code, and a timeout.
"""

from __future__ import annotations

import functools
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SUPPORTED_PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14", "3.15")
"""Minor versions the site teaches; each may have its own transcripts."""

DEFAULT_PYTHONS = SUPPORTED_PYTHONS[:4]
"""What `make test` runs by default. 3.14 and 3.15 run in the GitHub workflow's matrix; 3.14's
transcripts are recorded in the browser's Python (tools/playground.py)."""

DEFAULT_TIMEOUT = 30.0
"""Seconds before a snippet is killed and reported as hanging."""

# The environment a snippet sees: only what makes its output reproducible. Anything
# from the caller's shell (PYTHONASYNCIODEBUG, PYTHONWARNINGS, PYTHONDEVMODE, colours)
# would change what it prints, so nothing else is passed through.
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


@dataclass(frozen=True)
class Interpreter:
    version: str  # "3.12"
    executable: str
    full_version: str  # "3.12.1"
    stdlib: str  # absolute path of its standard library


@dataclass(frozen=True)
class RunOptions:
    """How a page asks for a snippet to be run (options on its exec fence)."""

    returncode: int = 0
    args: tuple[str, ...] = ()  # interpreter options, e.g. ("-X", "dev")
    env: tuple[tuple[str, str], ...] = ()  # extra environment, shown in the command
    timeout: float = DEFAULT_TIMEOUT
    min_python: str = SUPPORTED_PYTHONS[0]
    max_python: str = SUPPORTED_PYTHONS[-1]  # e.g. a script whose point is an API a later Python removed

    def command(self, snippet: str) -> str:
        """The command line a reader types, as shown on the page and in the transcript."""
        env = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env)
        parts = [env, "python", *self.args, snippet]
        return " ".join(p for p in parts if p)

    def runs_on(self, version: str) -> bool:
        return version_key(self.min_python) <= version_key(version) <= version_key(self.max_python)


@dataclass(frozen=True)
class Run:
    snippet: str  # path relative to the repository root, with forward slashes
    interpreter: Interpreter
    command: str
    output: str  # scrubbed stdout+stderr, interleaved
    returncode: int | None  # None when killed at the timeout
    seconds: float

    @property
    def timed_out(self) -> bool:
        return self.returncode is None

    @property
    def transcript(self) -> str:
        """What the page shows and what is committed: the command, then the output."""
        return f"$ {self.command}\n{self.output}"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


@functools.cache
def _probe(executable: str) -> Interpreter | None:
    code = "import sys, sysconfig; print(sys.version.split()[0]); print(sysconfig.get_paths()['stdlib'])"
    try:
        out = subprocess.run(
            [executable, "-c", code], capture_output=True, text=True, timeout=20, check=True
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return None  # e.g. a pyenv shim for a version that is not installed
    full = out[0].strip()
    return Interpreter(".".join(full.split(".")[:2]), executable, full, out[1].strip())


def _candidates(version: str) -> list[str]:
    found = []
    override = os.environ.get(f"ASYNCIO_BASICS_PYTHON_{version.replace('.', '_')}")
    if override:
        found.append(override)
    pyenv = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    versions = glob.glob(os.path.join(pyenv, "versions", f"{version}.*", "bin", f"python{version}"))
    found += sorted(versions, key=lambda p: version_key(Path(p).parents[1].name.split("-")[0]), reverse=True)
    which = shutil.which(f"python{version}")
    if which:
        found.append(which)
    if sys.version.startswith(version + "."):
        # The interpreter behind our venv, so snippets never see the tooling's packages.
        found.append(getattr(sys, "_base_executable", sys.executable))
    return found


@functools.cache
def find_interpreter(version: str) -> Interpreter | None:
    """Find a working interpreter for a minor version, or None."""
    for candidate in _candidates(version):
        interpreter = _probe(candidate)
        if interpreter and interpreter.version == version:
            return interpreter
    return None


def requested_versions() -> tuple[str, ...]:
    """The versions to run: all supported ones, or those in $ASYNCIO_BASICS_PYTHONS."""
    raw = os.environ.get("ASYNCIO_BASICS_PYTHONS", "").replace(",", " ").split()
    return tuple(raw) if raw else DEFAULT_PYTHONS


def current_interpreter() -> Interpreter:
    interpreter = _probe(sys.executable)
    assert interpreter is not None
    return interpreter


# --- normalisation ---------------------------------------------------------------
# Two kinds, both documented in CONTRIBUTING.md:
# * scrub: machine-specific text that means nothing to a reader; replaced everywhere,
#   so the page and the committed transcript never show it.
# * mask: text that honestly varies between runs (timings, task numbers, stdlib line
#   numbers that move between patch releases); kept on the page, hidden only when
#   two transcripts are compared.

_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")


def scrub(text: str, interpreter: Interpreter, root: Path = ROOT) -> str:
    text = text.replace("\r\n", "\n")
    text = text.replace(str(root) + os.sep, "")
    stdlib = interpreter.stdlib.rstrip(os.sep) + os.sep
    text = text.replace(stdlib, f".../lib/python{interpreter.version}/")
    return _ADDRESS.sub("0x...", text)


MASKS: tuple[tuple[re.Pattern[str], str], ...] = (
    # asyncio debug mode reports slow steps only when they happen to be slow
    (re.compile(r"^Executing <.*> took \d+\.\d+ seconds\n", re.M), ""),
    (re.compile(r"\b\d+(?:\.\d+)?(?: ?(?:s|ms|seconds?)\b)"), "<duration>"),
    (re.compile(r"\bTask-\d+\b"), "Task-<n>"),
    (re.compile(r'(File "\.\.\./lib/python3\.\d+/[^"]+", line )\d+'), r"\g<1><n>"),
    (re.compile(r"(\.\.\./lib/python3\.\d+/[\w/]+\.py):\d+"), r"\g<1>:<n>"),  # debug mode's "created at"
)


def mask(text: str) -> str:
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text


# --- running ---------------------------------------------------------------------


def environment(options: RunOptions = RunOptions()) -> dict[str, str]:
    """The whole environment a snippet runs with (also part of tools/exec_cache.py's key)."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **BASE_ENV, **dict(options.env)}
    if "HOME" in os.environ:
        env["HOME"] = os.environ["HOME"]
    return env


def run_snippet(
    snippet: str,
    interpreter: Interpreter,
    options: RunOptions = RunOptions(),
    root: Path = ROOT,
) -> Run:
    """Run `python <snippet>` from `root` and return its scrubbed, interleaved output."""
    env = environment(options)
    argv = [interpreter.executable, *options.args, snippet]
    started = time.perf_counter()
    # A new session, so that a hanging snippet's children die with it.
    with subprocess.Popen(
        argv,
        cwd=root,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    ) as process:
        try:
            raw, _ = process.communicate(timeout=options.timeout)
            returncode: int | None = process.returncode
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            raw, _ = process.communicate()
            returncode = None
    seconds = time.perf_counter() - started
    output = scrub(raw.decode("utf-8", "replace"), interpreter, root)
    return Run(snippet, interpreter, options.command(snippet), output, returncode, seconds)
