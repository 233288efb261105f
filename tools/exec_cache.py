"""Replay snippet runs in `make serve`, and the benchmark's no-execution floor.

`mkdocs serve` rebuilds the whole site on every save, and without help it would run every
snippet on every Python each time. With ASYNCIO_BASICS_CACHE=<folder> (set by `make serve`
only) a run that matched its transcript is stored under a key made of everything that can
change what it prints, and replayed while none of it changes:

* the snippet's bytes, and those of every module it imports from its own folder (the
  folder `python snippets/<lesson>/<name>.py` puts first on sys.path), followed recursively;
* the interpreter: its path, full version and standard library path;
* tools/runner.py, the code that runs the snippet and scrubs its output;
* the fence's run options, and the whole environment the runner passes;
* the repository root (outputs are scrubbed relative to it).

A run that failed is never stored, so a failure on the page is always a real, fresh run.
The notebook page is cached the same way through mkdocs-jupyter's own cache, whose key is
the notebook and the plugin's options; the kernel's interpreter and the packages that run
it are added here by giving each combination its own folder.

ASYNCIO_BASICS_BENCH_NO_EXEC=1 (set by tools/bench.py only) runs nothing: pages show the
recorded transcripts. It measures what a build costs without execution.

Strict builds (`make build`, the tests, CI, `mike deploy`) refuse both switches with an
error: they always run every snippet and the notebook for real.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import hashlib
import json
import logging
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from tools import runner, snippets
from tools.runner import ROOT, Interpreter, Run, RunOptions

CACHE_ENV = "ASYNCIO_BASICS_CACHE"
NO_EXEC_ENV = "ASYNCIO_BASICS_BENCH_NO_EXEC"
FORMAT = 1  # bump when the stored layout or the key's meaning changes

log = logging.getLogger("mkdocs.plugins.asyncio_basics")

# Read once, with the module: tools.runner is imported at the same moment and is not
# reloaded by `mkdocs serve`, so this is the code that really runs the snippets.
_runner_code = Path(runner.__file__).read_bytes()


class SwitchError(Exception):
    """An environment switch used where it must not be."""


@dataclasses.dataclass
class Mode:
    cache: Path | None = None  # folder of stored runs, or None: always run
    no_exec: bool = False  # show recorded transcripts, run nothing


mode = Mode()


def configure(strict: bool, plugins: Any = None) -> Mode:
    """Read the switches for one build; set up the notebook plugin to match."""
    global mode
    folder = os.environ.get(CACHE_ENV, "").strip()
    no_exec = os.environ.get(NO_EXEC_ENV, "").strip() not in {"", "0"}
    if strict and (folder or no_exec):
        used = " and ".join(
            name for name, on in ((CACHE_ENV, folder), (NO_EXEC_ENV, no_exec)) if on
        )
        raise SwitchError(
            f"{used} is set, but this build is strict: strict builds (make build, make test, "
            "CI, mike deploy) always run every snippet for real. Unset it; the cache is for "
            "`make serve`, the no-execution switch for tools/bench.py."
        )
    mode = Mode(cache=(ROOT / folder) if folder else None, no_exec=no_exec)
    if no_exec:
        log.warning(f"{NO_EXEC_ENV} is set: no snippet runs, pages show recorded transcripts")
    notebooks = plugins.get("mkdocs-jupyter") if plugins is not None else None
    if notebooks is not None:
        # mkdocs-jupyter caches by default; only `make serve` may read a cache.
        notebooks.config["cache"] = mode.cache is not None
        if mode.cache is not None:
            notebooks.config["cache_dir"] = str(mode.cache / "notebook" / _notebook_digest())
        if no_exec:
            notebooks.config["execute"] = False
    return mode


def run_snippet(
    snippet: str, interpreter: Interpreter, options: RunOptions, expected: str | None
) -> Run:
    """What the build calls instead of runner.run_snippet: a real run, unless a switch is on."""
    if mode.no_exec:
        return recorded_run(snippet, interpreter, options, expected)
    if mode.cache is None:
        return runner.run_snippet(snippet, interpreter, options)
    store = Store(mode.cache)
    key = cache_key(snippet, interpreter, options)
    hit = store.get(key, snippet, interpreter)
    if hit is not None:
        return hit
    run = runner.run_snippet(snippet, interpreter, options)
    if not snippets.check_run(run, options, expected):
        store.put(key, run)
    return run


def recorded_run(
    snippet: str, interpreter: Interpreter, options: RunOptions, expected: str | None
) -> Run:
    """The committed transcript, dressed as a run that took no time."""
    output = (expected or "").partition("\n")[2]
    return Run(snippet, interpreter, options.command(snippet), output, options.returncode, 0.0)


# --- the key ---------------------------------------------------------------------


def cache_key(
    snippet: str,
    interpreter: Interpreter,
    options: RunOptions,
    root: Path = ROOT,
    environment: dict[str, str] | None = None,
) -> str:
    """A digest of everything that can change what `python <snippet>` prints."""
    parts = {
        "format": FORMAT,
        "root": str(root),
        "sources": sources(snippet, root),
        "interpreter": dataclasses.asdict(interpreter),
        "runner": hashlib.sha256(_runner_code).hexdigest(),
        "options": dataclasses.asdict(options),
        "environment": runner.environment(options) if environment is None else environment,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def sources(snippet: str, root: Path = ROOT) -> dict[str, str]:
    """Digest of the snippet and of every module it imports from its folder, recursively."""
    folder = (root / snippet).parent
    todo, found = [root / snippet], {}
    while todo:
        path = todo.pop()
        if path in found:
            continue
        data = path.read_bytes()
        found[path] = hashlib.sha256(data).hexdigest()
        todo += _local_imports(data, path, folder)
    return {p.relative_to(root).as_posix(): digest for p, digest in sorted(found.items())}


def _local_imports(source: bytes, path: Path, folder: Path) -> list[Path]:
    """Files under `folder` that `import` statements in `source` would load."""
    files = []
    for relative, name in _imported_names(source):
        base = folder
        if relative:  # `from ..x import y`: from the importing file's package, upwards
            base = path.parents[relative - 1]
        parts = name.split(".")
        for i in range(1, len(parts) + 1):  # `import a.b` runs a/__init__.py, then a/b.py
            stem = base.joinpath(*parts[:i])
            for candidate in (stem.parent / (stem.name + ".py"), stem / "__init__.py"):
                if candidate.is_file() and folder in candidate.parents:
                    files.append(candidate)
    return files


@functools.lru_cache(maxsize=1024)  # a build asks once per version for the same bytes
def _imported_names(source: bytes) -> tuple[tuple[int, str], ...]:
    """(relative level, dotted name) of every module an import statement names."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return ()  # it cannot import anything: it fails before that
    names: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(0, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            prefix = module + "." if module else ""
            names += [(node.level, module)] if module else []
            names += [(node.level, prefix + alias.name) for alias in node.names]
    return tuple(names)


def _notebook_digest() -> str:
    """What mkdocs-jupyter's own key leaves out: the kernel's Python and the packages running it."""
    parts = {
        "format": FORMAT,
        "python": [sys.executable, sys.version],
        "packages": {
            name: _version(name)
            for name in ("mkdocs-jupyter", "nbconvert", "nbclient", "ipykernel", "jupytext")
        },
        # The kernel inherits the build's whole environment (the hook sets SOURCE_DATE_EPOCH).
        "environment": {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},
        "modules": {
            p.relative_to(ROOT).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((ROOT / snippets.DOCS).rglob("*.py"))
        },
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


# --- the store -------------------------------------------------------------------


class Store:
    """One JSON file per key under a folder (.cache/ is git-ignored)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / "runs" / f"{key}.json"

    def get(self, key: str, snippet: str, interpreter: Interpreter) -> Run | None:
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
            return Run(
                snippet,
                interpreter,
                data["command"],
                data["output"],
                data["returncode"],
                data["seconds"],
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: run it again

    def put(self, key: str, run: Run) -> None:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "snippet": run.snippet,  # for people looking into the folder
            "python": run.interpreter.full_version,
            "command": run.command,
            "output": run.output,
            "returncode": run.returncode,
            "seconds": run.seconds,
        }
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as f:
            json.dump(data, f)
        os.replace(f.name, path)
