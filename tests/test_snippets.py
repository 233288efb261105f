"""Every snippet a page runs: its style, and its output on every Python version.

The output check is the same one the site build makes (tools.snippets.check_run), so a
snippet whose output drifts fails here with the same diff the build would print.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample

from tools.build import fence, interpreters, runner, transcripts

USAGES = {u.snippet: u for u in fence.find_all()}


def _id(snippet: str) -> str:
    return snippet.removeprefix("snippets/")


@pytest.mark.parametrize("snippet", USAGES, ids=_id)
def test_style(snippet: str, eval_example: EvalExample) -> None:
    """ruff lint and format (settings in pyproject.toml), through pytest-examples."""
    path = fence.ROOT / snippet
    example = CodeExample.create(path.read_text(encoding="utf-8"), path=path)
    # pytest-examples takes any example in a .py file for a docstring and collapses PEP 8's
    # two blank lines between definitions; a snippet is a whole module, so keep them.
    example.in_py_file = lambda: False
    # A snippet with min_python="3.11" may use 3.11 syntax (except*); pytest-examples knows up to py311.
    oldest = interpreters.version_key(USAGES[snippet].options.min_python)
    target = "py311" if oldest >= (3, 11) else "py310"
    eval_example.set_config(line_length=100, target_version=target, quotes="double")
    if eval_example.update_examples:
        eval_example.format(example)
    else:
        eval_example.lint(example)


OUTPUT_CASES = [
    pytest.param(usage, version, id=f"{_id(snippet)}-py{version}")
    for snippet, usage in USAGES.items()
    for version in interpreters.requested()
    if usage.run.runs_on(version)
]


@pytest.mark.parametrize(("usage", "version"), OUTPUT_CASES)
def test_output(usage: fence.Fence, version: str) -> None:
    """The snippet prints exactly its committed transcript, and exits as its fence says."""
    interpreter = interpreters.find(version)
    if interpreter is None:
        pytest.fail(
            f"Python {version} not found: install it, or set ASYNCIO_BASICS_PYTHONS "
            "to the versions you have (CI must run them all)"
        )
    run = runner.run(usage.snippet, interpreter, usage.run)
    expected = transcripts.read(usage.snippet, version)
    problems = snippets.check_run(run, usage.run, expected)
    assert not problems, f"{usage.where}: " + "\n".join(problems)


def test_every_snippet_is_used_and_every_transcript_belongs() -> None:
    problems = transcripts.stray_files(USAGES.values())
    assert not problems, "\n".join(problems)


def test_snippets_dir_is_not_empty() -> None:
    assert USAGES, "no page runs any snippet"
    assert all(Path(fence.ROOT / s).is_file() for s in USAGES)
