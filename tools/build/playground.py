"""The in-browser runner, build side: Run / Stop / Reset under each snippet, Python offline.

The reader's browser runs a snippet in Pyodide (CPython 3.14 compiled to WebAssembly, npm
package `pyodide`, pinned in package.json). The build copies the few files the runner needs
from node_modules/pyodide into the site once, at `assets/pyodide/`, shared by every page;
nothing of it is fetched until a reader clicks Run. The page side lives in
docs/javascripts/playground/: playground.js (buttons, editing, output), worker.js (one
interpreter per run, in a Web Worker) and runner.py (runs the script as `python <snippet>`
would, with CPython's own event loop). tests/test_playground.py runs every runnable snippet
through the same worker and runner.py in Node, and compares with its 3.14 transcript.

A snippet that cannot run there (child processes, threads, sockets, a process pool) says
so on its fence, `no_browser="<reason>"`, and the page shows the reason instead of a button.
"""

from __future__ import annotations

import concurrent.futures
import functools
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from tools.build import fence, interpreters, render, transcripts
from tools.build.fence import Fence, RunOptions

ROOT = fence.ROOT
PACKAGE = ROOT / "node_modules" / "pyodide"
PAGE_SIDE = ROOT / "docs" / "javascripts" / "playground"
SITE_PATH = "assets/pyodide"  # one URL for every page, so a visitor downloads it once
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PYTHON = "3.14"  # the version Pyodide embeds; its transcripts are <name>.3.14.out
# Where the script and the standard library live inside Pyodide, as transcripts.scrub sees them.
INTERPRETER = interpreters.Interpreter(PYTHON, "pyodide", PYTHON, "/lib/python314.zip")
HOME = Path("/home/pyodide")


class RuntimeMissing(PluginError):
    """node_modules/pyodide is not installed; the message says what to run (and fails the build)."""


def enabled(root: Path = ROOT) -> bool:
    """Whether this site has the runner (a small copy of the project, made by a test, has not)."""
    return (root / "docs" / "javascripts" / "playground" / "worker.js").is_file()


def runtime_dir() -> Path:
    missing = [name for name in RUNTIME_FILES if not (PACKAGE / name).is_file()]
    if missing:
        raise RuntimeMissing(
            f"{_shown(PACKAGE)}/ lacks {', '.join(missing)}: the in-browser runner copies "
            "Pyodide from there into the site. Run `npm ci` at the repository root (package.json pins it)."
        )
    return PACKAGE


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def copy_runtime(site_dir: Path) -> Path | None:
    """Copy the runtime into <site>/assets/pyodide/ once; return that folder (None without the runner)."""
    if not enabled():
        return None
    source = runtime_dir()
    target = site_dir / SITE_PATH
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copyfile(source / name, target / name)
    return target


@functools.cache
def download_size() -> tuple[int, int]:
    """(bytes, gzipped bytes) that the first click downloads."""
    raw = gzipped = 0
    for name in RUNTIME_FILES:
        data = (runtime_dir() / name).read_bytes()
        raw += len(data)
        gzipped += len(zlib.compress(data, 6))
    return raw, gzipped


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def job(snippet: str, source: str, options: RunOptions) -> dict:
    """What playground.js sends the worker for one run (tests send exactly the same)."""
    return {"path": snippet, "source": source, "args": list(options.args), "env": dict(options.env)}


def expected_status(usage: Fence) -> int:
    return usage.run.expected_returncode(PYTHON)


def transcript_file(snippet: str) -> str:
    """Where the 3.14 transcript of a snippet is (shared with other versions, or its own)."""
    return transcripts.path_for(snippet, PYTHON)


def transcript(snippet: str, options: RunOptions, output: str) -> str:
    """A browser run's output as a transcript: the command, then the output, scrubbed."""
    return transcripts.compose(
        options.command(snippet), transcripts.scrub(output, INTERPRETER, HOME)
    )


def controls_html(snippet: str, options: RunOptions, no_browser: str = "") -> str:
    """The runner's markup under a snippet's output: buttons (hidden until playground.js is there)."""
    if not enabled():
        return ""
    name = html.escape(snippet)
    if no_browser:
        return (
            f'\n\n<p class="playground-note" data-snippet="{name}">Not runnable in your browser: '
            f"{html.escape(no_browser)}. Download it and run it with Python on your computer.</p>\n\n"
        )
    _, gzipped = download_size()
    data = {
        "snippet": snippet,
        "command": options.command(snippet),
        "job": json.dumps(job(snippet, "", options)),
        "download": _megabytes(gzipped),
    }
    attributes = " ".join(f'data-{key}="{html.escape(value)}"' for key, value in data.items())
    return (
        f'\n\n<div class="playground" {attributes} hidden>'
        f'<div class="playground-buttons" role="group" aria-label="Run {name} in your browser">'
        '<button type="button" class="md-button playground-run">Run</button>'
        '<button type="button" class="md-button playground-stop" disabled>Stop</button>'
        '<button type="button" class="md-button playground-reset" disabled>Reset</button>'
        '<span class="playground-status" role="status"></span></div></div>\n\n'
    )


# --- running a snippet through the page's own worker, in Node (tests, recording) -----------

NODE_WORKER = ROOT / "tests" / "playground" / "node_worker.mjs"


@dataclass(frozen=True)
class BrowserRun:
    output: str  # stdout and stderr as the page shows them, in order
    status: int | None  # exit status; None when it was killed at the timeout
    error: str = ""  # the worker itself failed


def make_snapshot(path: Path) -> Path:
    """Save the memory of a Pyodide that has just started, for run_in_node(snapshot=path)."""
    proc = subprocess.run(
        ["node", str(NODE_WORKER), str(runtime_dir()), "--make-snapshot", str(path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if proc.returncode != 0 or not path.is_file():
        raise RuntimeError(
            f"{_shown(NODE_WORKER)} could not make a snapshot:\n{proc.stderr[-2000:]}"
        )
    return path


def run_in_node(
    snippet: str, options: RunOptions, source: str | None = None, snapshot: Path | None = None
) -> BrowserRun:
    """Run a snippet as the page does (worker.js, runner.py, the copied runtime files), in Node.

    `snapshot` (from make_snapshot): start the interpreter from it, 4 s of CPU sooner; the
    interpreter is the same one a fresh start gives (tests/test_playground.py checks both)."""
    if source is None:  # what the page's code block holds: the script as shown
        source, _ = render.code_for_download((ROOT / snippet).read_text(encoding="utf-8"), snippet)
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as file:
        json.dump(job(snippet, source, options), file)
        file.flush()
        command = ["node", str(NODE_WORKER), str(runtime_dir()), file.name]
        try:
            proc = subprocess.run(
                command + ([str(snapshot)] if snapshot else []),
                capture_output=True, text=True, timeout=options.timeout + 30,
            )  # fmt: skip
        except subprocess.TimeoutExpired as expired:
            stdout = (
                expired.stdout.decode()
                if isinstance(expired.stdout, bytes)
                else expired.stdout or ""
            )
            return BrowserRun(_output(stdout)[0], None)
    output, status, error = _output(proc.stdout)
    if status is None and not error:
        error = f"node exited with {proc.returncode}: {proc.stderr[-2000:]}"
    return BrowserRun(output, status, error)


def _output(stdout: str) -> tuple[str, int | None, str]:
    parts, status, error = [], None, ""
    for line in stdout.splitlines():
        message = json.loads(line)
        if message["type"] == "output":
            parts.append(message["text"])
        elif message["type"] == "exit":
            status = message["status"]
        elif message["type"] == "error":
            error = message["message"]
    return "".join(parts), status, error


def runnable(fences: list[Fence] | None = None) -> list[Fence]:
    """Each snippet the browser can run on Python 3.14, once."""
    found = fence.by_snippet(fences or fence.find_all())
    return [u for u in found.values() if not u.no_browser and u.run.runs_on(PYTHON)]


def main() -> None:
    """`make update-browser-examples` (python -m tools.build.playground [snippet...]): record
    <name>.3.14.out and .3.15.out through Pyodide."""
    wanted = set(sys.argv[1:])
    usages = [u for u in runnable() if not wanted or u.snippet in wanted]
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        runs = list(pool.map(lambda u: run_in_node(u.snippet, u.run), usages))
    for usage, run in zip(usages, runs, strict=True):
        if run.error or run.status is None:
            print(f"{usage.snippet}: {run.error or 'timed out'}")
            continue
        text = transcript(usage.snippet, usage.run, run.output)
        if run.status != expected_status(usage):
            print(f"{usage.snippet}: exit status {run.status}, expected {expected_status(usage)}")
        produced = {
            PYTHON: text,
            "3.15": text,
        }  # 3.15.0rc1 printed what 3.14 prints for every snippet
        shared = transcripts.shared_path(usage.snippet)
        masked = transcripts.mask(text, usage.run)
        if (
            shared.is_file()
            and transcripts.mask(shared.read_text(encoding="utf-8"), usage.run) != masked
        ):
            # 3.14 differs: the shared file becomes each older version's own (transcripts.write
            # takes no shared file as evidence for a version).
            for version in interpreters.SUPPORTED:
                if version not in produced and usage.run.runs_on(version):
                    shutil.copyfile(shared, transcripts.version_path(usage.snippet, version))
        for path in transcripts.write(usage.snippet, produced, usage.run):
            print(
                f"wrote {path.relative_to(ROOT)}"
                if path.exists()
                else f"removed {path.relative_to(ROOT)}"
            )


if __name__ == "__main__":
    main()
