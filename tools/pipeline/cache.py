"""Replaying unchanged runs in `make serve`.

`mkdocs serve` rebuilds the whole site on every save. With ASYNCIO_BASICS_CACHE=<folder>
(set by `make serve` only) a run that passed its checks is stored under a key made of
everything that can change what it prints, and replayed while none of it changes:

* the snippet's bytes (a snippet is a whole program: it imports nothing of its folder);
* the interpreter: its path, full version and standard library path;
* the code that runs a snippet and scrubs its output (runner.py, transcripts.py);
* the fence's run options, and the whole environment the runner passes;
* the repository root (outputs are scrubbed relative to it);
* anything else the caller names (the timeline adds its tracer's code).

A run that failed is never stored, so a failure on the page is always a real, fresh run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from pathlib import Path

from tools.pipeline import runner, transcripts
from tools.pipeline.fence import ROOT, RunOptions
from tools.pipeline.interpreters import Interpreter
from tools.pipeline.transcripts import Run

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
    """Digest of the snippet. A snippet is a whole program: it imports nothing from its folder,
    where every .py file is a snippet of its own (transcripts.stray_files)."""
    return {snippet: hashlib.sha256((root / snippet).read_bytes()).hexdigest()}


class Store:
    """One JSON file per key under a folder (.cache/ is git-ignored)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / "runs" / f"{key}.json"

    def get(self, key: str, snippet: str, interpreter: Interpreter) -> Run | None:
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
            run = Run.from_record(data, interpreter)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: run it again
        return run if run.snippet == snippet else None

    def put(self, key: str, run: Run) -> None:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as f:
            json.dump(run.to_record(), f)
        os.replace(f.name, path)
