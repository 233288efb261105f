"""Helpers shared by the tests that build a small copy of the project."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tools.build import executor, fence, interpreters, runner, transcripts


def mkdocs_build(root: Path, *flags: str, **env: str) -> tuple[int, str]:
    """`mkdocs build` the project at `root` into root/../site; return (exit code, log).

    No --strict unless a flag asks: mkdocs.yml's own `strict: true` must be what fails
    the build. One Python is enough here (the version matrix is test_snippets.py's job),
    and the caller's cache switches never leak in.
    """
    skip = (executor.CACHE_ENV, executor.NO_EXEC_ENV)
    environ = {k: v for k, v in os.environ.items() if k not in skip}
    environ |= {"ASYNCIO_BASICS_PYTHONS": interpreters.current().version, **env}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *flags, "--site-dir", str(root.parent / "site")],
        cwd=root,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return proc.returncode, proc.stdout + proc.stderr
