"""Replaying unchanged runs in `make serve`.

`mkdocs serve` rebuilds the whole site on every save. With ASYNCIO_BASICS_CACHE=<folder>
(set by `make serve` only) a run that passed its checks is stored under a key made of
everything that can change what it prints, and replayed while none of it changes:

* the snippet's bytes, and those of every module it imports from its own folder (the
  folder `python snippets/<lesson>/<name>.py` puts first on sys.path), followed recursively;
* the interpreter: its path, full version and standard library path;
* the code that runs a snippet and scrubs its output (runner.py, transcripts.py);
* the fence's run options, and the whole environment the runner passes;
* the repository root (outputs are scrubbed relative to it);
* anything else the caller names (the timeline adds its tracer's code).

A run that failed is never stored, so a failure on the page is always a real, fresh run.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from tools.build import runner, transcripts
from tools.build.fence import ROOT, RunOptions
from tools.build.interpreters import Interpreter
from tools.build.transcripts import Run

FORMAT = 2  # bump when the stored layout or the key's meaning changes

# Read once, with the modules: they are not reloaded by `mkdocs serve`, so this is the
# code that really runs and scrubs the snippets.
_RUN_CODE = hashlib.sha256(
    Path(runner.__file__).read_bytes() + Path(transcripts.__file__).read_bytes()
).hexdigest()


def key(
    snippet: str,
    interpreter: Interpreter,
    options: RunOptions,
    root: Path = ROOT,
    environment: dict[str, str] | None = None,
    extra: dict[str, str] | None = None,
) -> str:
    """A digest of everything that can change what `python <snippet>` prints."""
    parts = {
        "format": FORMAT,
        "root": str(root),
        "sources": sources(snippet, root),
        "interpreter": dataclasses.asdict(interpreter),
        "runner": _RUN_CODE,
        "options": dataclasses.asdict(options),
        "environment": runner.environment(options) if environment is None else environment,
        "extra": extra or {},
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
                data["stderr"],
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
            "stderr": run.stderr,
        }
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as f:
            json.dump(data, f)
        os.replace(f.name, path)
