"""CPython's WebAssembly builds, run in Node: this machine's Python 3.14 and 3.15.

Neither version installs natively here. npm `pyodide` (CPython 3.14, also the runtime the
page's Run button loads) and `pyodide-315` (CPython 3.15), both pinned in package.json, run
every snippet the browser can run. A run goes through the page's own worker.js and runner.py;
node_worker.mjs stands in for the browser's Worker. So what is proven here is what a reader's
Run gives, and what is recorded as 3.14's or 3.15's transcript was printed by that version.

Users: tests/test_playground.py (every runnable snippet on both engines, against its
transcript) and tools/update_browser_examples.py (recording them). The site build never
imports this package: it only copies the page's runtime (tools/pipeline/playground.py).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tools.pipeline import fence, interpreters, playground, render, transcripts
from tools.pipeline.fence import Fence, RunOptions

ROOT = fence.ROOT
NODE_WORKER = Path(__file__).with_name("node_worker.mjs")
HOME = Path("/home/pyodide")  # the script's working directory inside Pyodide


class EngineMissing(RuntimeError):
    """An engine's npm package is not installed; the message says what to run."""


@dataclass(frozen=True)
class Engine:
    """One WebAssembly build of CPython, installed by `npm ci` under node_modules/<package>."""

    version: str  # "3.15"
    package: str  # "pyodide-315" (an npm alias of pyodide 315.x)

    @property
    def folder(self) -> Path:
        return playground.PACKAGE.parent / self.package

    @cached_property
    def release(self) -> str:
        """The npm release, "314.0.7"."""
        manifest = self.folder / "package.json"
        if not manifest.is_file():
            raise EngineMissing(
                f"node_modules/{self.package} is missing: the Python {self.version} engine is npm "
                f"`{self.package}` (package.json). Run `npm ci` at the repository root."
            )
        return json.loads(manifest.read_text(encoding="utf-8"))["version"]

    @property
    def name(self) -> str:
        """How a transcript's provenance names it: "Pyodide 314.0.7"."""
        return f"Pyodide {self.release}"

    @property
    def interpreter(self) -> interpreters.Interpreter:
        """For transcripts.scrub: the standard library is a zip file inside Pyodide."""
        stdlib = f"/lib/python{self.version.replace('.', '')}.zip"
        return interpreters.Interpreter(self.version, self.name, self.version, stdlib)


ENGINES = {
    "3.14": Engine("3.14", playground.PACKAGE.name),  # the page's runtime
    "3.15": Engine("3.15", "pyodide-315"),
}


@dataclass(frozen=True)
class Run:
    """One snippet run by an engine, as the page would show it."""

    output: str  # stdout and stderr, in the order written
    stderr: str  # stderr alone (the worker tells the streams apart)
    status: int | None  # exit status; None when it was killed at the timeout
    python: str = ""  # the engine's sys.version, "3.14.2"
    error: str = ""  # the worker itself failed
    timeline: str = ""  # the figure the page draws below the output (HTML)
    trace: dict | None = None  # what it was drawn from (tools/pipeline/trace.py)
    draw_ms: float = 0.0  # how long drawing it took, after the script ended
    verdict: list | None = None  # an exercise's conditions, [[condition, holds], ...]


def runnable(version: str, fences: list[Fence] | None = None) -> list[Fence]:
    """Each snippet the browser can run on `version`, once."""
    return playground.runnable(fences, version)


def make_snapshot(engine: Engine, path: Path) -> Path:
    """Save the memory of an engine that has just started, for run(snapshot=path)."""
    proc = subprocess.run(
        ["node", str(NODE_WORKER), str(engine.folder), "--make-snapshot", str(path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if proc.returncode != 0 or not path.is_file():
        raise RuntimeError(
            f"{NODE_WORKER.name} could not snapshot {engine.name}:\n{proc.stderr[-2000:]}"
        )
    return path


def run(
    engine: Engine,
    snippet: str,
    options: RunOptions,
    source: str | None = None,
    snapshot: Path | None = None,
    checks: str | None = None,
) -> Run:
    """Run a snippet as the page does (worker.js, runner.py), on `engine`, in Node.

    `snapshot` (from make_snapshot): start from it, 4 s of CPU sooner; the interpreter is the
    one a fresh start gives (tests/test_playground.py checks both ways)."""
    if source is None:  # what the page's code block holds: the script as shown
        source, _ = render.code_for_download((ROOT / snippet).read_text(encoding="utf-8"), snippet)
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as file:
        job = playground.job(snippet, source, options)
        json.dump(job | ({"checks": checks} if checks else {}), file)
        file.flush()
        # --liftoff-only: V8's baseline code, without its optimizing tier, which compiles in
        # background threads for code that runs a second or two here: the same output, a
        # quarter less time for the runs side by side (tests/test_playground.py).
        command = ["node", "--liftoff-only", str(NODE_WORKER), str(engine.folder), file.name]
        try:
            proc = subprocess.run(
                command + ([str(snapshot)] if snapshot else []),
                capture_output=True, text=True, timeout=options.timeout + 30,
            )  # fmt: skip
        except subprocess.TimeoutExpired as expired:
            stdout = expired.stdout or b""
            stdout = stdout.decode() if isinstance(stdout, bytes) else stdout
            return _parse(stdout)
    found = _parse(proc.stdout)
    if found.status is None and not found.error:
        return Run(found.output, found.stderr, None, found.python,
                   f"node exited with {proc.returncode}: {proc.stderr[-2000:]}")  # fmt: skip
    return found


def _parse(stdout: str) -> Run:
    output, stderr, status, python, error = [], [], None, "", ""
    drawn: dict = {}
    verdict = None
    for line in stdout.splitlines():
        message = json.loads(line)
        if message["type"] == "ready":
            python = message["version"]
        elif message["type"] == "output":
            output.append(message["text"])
            if message["stream"] == "stderr":
                stderr.append(message["text"])
        elif message["type"] == "exit":
            status = message["status"]
        elif message["type"] == "error":
            error = message["message"]
        elif message["type"] == "timeline":
            drawn = message
        elif message["type"] == "verdict":
            verdict = message["results"]
    return Run("".join(output), "".join(stderr), status, python, error,
               drawn.get("html", ""), drawn.get("trace"), drawn.get("ms", 0.0), verdict)  # fmt: skip


def recording(engine: Engine, usage: Fence, found: Run) -> transcripts.Recording:
    """A run as the transcript it records: the command, then the output, scrubbed, without
    the lines that only a slower build prints (the fence's browser_optional_lines)."""

    def clean(text: str) -> str:
        scrubbed = transcripts.scrub(text, engine.interpreter, HOME)
        return transcripts.without_lines(scrubbed, usage.browser_optional_lines)

    command = usage.run.command(usage.snippet)
    return transcripts.Recording(
        transcripts.compose(command, clean(found.output)),
        engine.name,
        found.python,
        clean(found.stderr),
        found.status,
    )


def output_problem(engine: Engine, usage: Fence, output: str) -> str:
    """Why an engine's output (as the page shows it) is not its committed transcript, or ""."""
    committed = transcripts.read(usage.snippet, engine.version)
    if committed is None:
        return "no transcript; record it with `make update-browser-examples`"
    got = recording(engine, usage, Run(output, "", 0)).transcript
    ignore, options = usage.browser_optional_lines, usage.run
    if transcripts.mask(got, options) == transcripts.mask(
        transcripts.without_lines(committed, ignore), options
    ):
        return ""
    file = transcripts.path_for(usage.snippet, engine.version)
    return (
        f"output differs from {file}:\n"
        + transcripts.diff(committed, got, file, engine.name)
        + "\nIf the change is intended: `make update-browser-examples`, then review `git diff snippets/`."
    )


def differences(engine: Engine, usage: Fence, found: Run) -> list[str]:
    """What is wrong with an engine's run of a snippet, against its committed transcript
    for the engine's version and who printed it (transcripts.PROVENANCE); [] when nothing."""
    who = f"{usage.where}: {usage.snippet} on {engine.name} (Python {engine.version})"
    if found.error:
        return [f"{who}: the worker failed:\n{found.error}"]
    if found.status is None:
        return [f"{who}: still ran after {usage.run.timeout:g} s"]
    if not found.python.startswith(engine.version + "."):
        return [f"{who}: the engine says it is Python {found.python}"]
    committed = transcripts.read(usage.snippet, engine.version) or ""
    file = transcripts.path_for(usage.snippet, engine.version)
    got = recording(engine, usage, found)
    options = usage.run
    problems = [f"{who}: {p}" for p in [output_problem(engine, usage, found.output)] if p]
    expected = options.expected_returncode(engine.version)
    if found.status != expected:
        problems.append(f"{who}: exit status {found.status}, expected {expected}")
    printer = transcripts.printer(usage.snippet, engine.version) or {}
    if options.streams and not problems:
        lines = transcripts.stderr_lines(committed, got.stderr, options)
        if printer.get("stderr") != lines:
            said = (
                f"says lines {printer['stderr']} of {file} went to stderr"
                if "stderr" in printer
                else f"records no stderr lines of {file}"
            )
            problems.append(
                f"{who}: {transcripts.PROVENANCE} {said}; this run wrote lines {lines} there. "
                "Re-record: `make update-browser-examples`."
            )
    if printer.get("engine", "").startswith("Pyodide") and printer["engine"] != engine.name:
        problems.append(
            f"{who}: {file} was recorded by {printer['engine']}, not by the pinned {engine.name}; "
            "re-record it with `make update-browser-examples`"
        )
    return problems
