"""The project's own Python (tools/, tests/) passes ruff as the snippets do (test_snippets.py).

Settings in pyproject.toml. `ruff format tools tests` and `ruff check --fix tools tests`
repair most of what this reports.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tools.pipeline.fence import ROOT

FOLDERS = ["tools", "tests"]


@pytest.mark.parametrize(
    "command",
    [["check", "--output-format", "concise"], ["format", "--check", "--diff"]],
    ids=["lint", "format"],
)
def test_ruff(command: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", *command, *FOLDERS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    fix = "ruff format" if command[0] == "format" else "ruff check --fix"
    assert proc.returncode == 0, (
        f"ruff {' '.join(command)} {' '.join(FOLDERS)}:\n{proc.stdout}{proc.stderr}\n"
        f"To fix: .venv/bin/python -m {fix} {' '.join(FOLDERS)}"
    )
