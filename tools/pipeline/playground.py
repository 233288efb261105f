"""The in-browser runner, build side: Run / Stop / Reset under each snippet, Python offline.

The reader's browser runs a snippet in Pyodide (CPython 3.14 compiled to WebAssembly, npm
package `pyodide`, pinned in package.json). The build copies the few files the runner needs
from node_modules/pyodide into the site once, at `assets/pyodide/`, shared by every page;
nothing of it is fetched until a reader clicks Run. The page side lives in
docs/javascripts/playground/: playground.js (buttons, editing, output), worker.js (one
interpreter per run, in a Web Worker) and runner.py (runs the script as `python <snippet>`
would, with CPython's own event loop, and draws the run's timeline with trace.py and
picture.py, copied beside it). tools/wasm/ runs the same worker and runner.py in Node,
on this runtime and on Pyodide's 3.15 build, for the tests and for recording transcripts.

A snippet that cannot run there (child processes, threads, sockets, a process pool) says
so on its fence, `no_browser="<reason>"`, and the page shows the reason instead of a button.
"""

from __future__ import annotations

import functools
import html
import json
import shutil
import zlib
from pathlib import Path

from mkdocs.exceptions import PluginError

from tools.pipeline import fence
from tools.pipeline.fence import Fence, RunOptions

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
PYTHON = "3.14"  # the version the page's runtime embeds: the stable one, named on the page
# The build's tracer, drawing and grading code, which runner.py uses to draw every Run's
# timeline and judge an exercise: copied beside it (javascripts/playground/), fetched with
# the runtime on the first Run or Check.
TOOLS = {name: Path(__file__).with_name(f"{name}.py") for name in ("trace", "picture", "grading")}


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
    """Copy the runtime into <site>/assets/pyodide/ once, and the tracer and drawing code
    beside runner.py; return the runtime's folder (None without the runner)."""
    if not enabled():
        return None
    source = runtime_dir()
    target = site_dir / SITE_PATH
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copyfile(source / name, target / name)
    page_side = site_dir / PAGE_SIDE.relative_to(ROOT / "docs")
    page_side.mkdir(parents=True, exist_ok=True)
    for path in TOOLS.values():
        shutil.copyfile(path, page_side / path.name)
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
    return {
        "path": snippet,
        "source": source,
        "args": list(options.args),
        "env": dict(options.env),
        "trace": True,  # every Run draws its timeline (runner.py)
    }


def controls_html(snippet: str, options: RunOptions, no_browser: str = "", checks: str = "") -> str:
    """The runner's markup under a snippet's output: buttons (hidden until playground.js is
    there); with `checks` (an exercise's checks.py, from the site's root), a Check button."""
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
        **({"checks": checks} if checks else {}),
    }
    attributes = " ".join(f'data-{key}="{html.escape(value)}"' for key, value in data.items())
    check = (
        '<button type="button" class="md-button playground-check">Check</button>' if checks else ""
    )
    return (
        f'\n\n<div class="playground" {attributes} hidden>'
        f'<div class="playground-buttons" role="group" aria-label="Run {name} in your browser">'
        '<button type="button" class="md-button playground-run">Run</button>'
        f"{check}"
        '<button type="button" class="md-button playground-stop" disabled>Stop</button>'
        '<button type="button" class="md-button playground-reset" disabled>Reset</button>'
        '<span class="playground-status" role="status"></span></div></div>\n\n'
    )


def runnable(fences: list[Fence] | None = None, version: str = PYTHON) -> list[Fence]:
    """Each snippet the browser can run on `version` (the page's runtime by default), once."""
    found = fence.by_snippet(fences or fence.find_all())
    return [u for u in found.values() if not u.no_browser and u.run.runs_on(version)]
