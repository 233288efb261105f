"""Every snippet a page runs: its style (and every exercise's), and its output on every
selected Python.

The output check is the one the site build makes (tools.pipeline.transcripts), read from the
suite's one build of the site, so a snippet whose output drifts fails here with the diff
the build printed, one test per snippet and version.
"""

from __future__ import annotations

import re

import pytest
from pytest_examples import CodeExample, EvalExample

from tools.pipeline import exercise, fence, interpreters, transcripts

FENCES = fence.by_snippet(fence.find_all())


def _id(snippet: str) -> str:
    return snippet.removeprefix("snippets/")


# Every script a reader sees: each snippet, and each exercise's starter, solution and checks,
# with the oldest Python it must run on.
STYLED = {snippet: found.run.min_python for snippet, found in FENCES.items()} | {
    found.path(name): found.run.min_python
    for found in exercise.find_all()
    for name in exercise.FILES
}


@pytest.mark.parametrize("script", STYLED, ids=_id)
def test_style(script: str, eval_example: EvalExample) -> None:
    """ruff lint and format (settings in pyproject.toml), through pytest-examples."""
    path = fence.ROOT / script
    example = CodeExample.create(path.read_text(encoding="utf-8"), path=path)
    # pytest-examples takes any example in a .py file for a docstring and collapses PEP 8's
    # two blank lines between definitions; a snippet is a whole module, so keep them.
    example.in_py_file = lambda: False
    # A script for 3.11 and later may use 3.11 syntax (except*); pytest-examples knows up to py311.
    target = "py311" if interpreters.version_key(STYLED[script]) >= (3, 11) else "py310"
    eval_example.set_config(line_length=100, target_version=target, quotes="double")
    if eval_example.update_examples:
        eval_example.format(example)
    else:
        eval_example.lint(example)


OUTPUT_CASES = [
    pytest.param(found, version, id=f"{_id(snippet)}-py{version}")
    for snippet, found in FENCES.items()
    for version in interpreters.requested()
    if found.run.runs_on(version)
]


@pytest.mark.parametrize(("found", "version"), OUTPUT_CASES)
def test_output(site_build, found: fence.Fence, version: str) -> None:
    """The build's run printed exactly the committed transcript, and exited as the fence says."""
    run = site_build.runs(found.snippet).get(version)
    assert run is not None, (
        f"{found.where}: the build did not run {found.snippet} on Python {version}"
    )
    problems = transcripts.check(transcripts.Run.from_record(run), found.run)
    assert not problems, f"{found.where}: " + "\n".join(problems)


def test_every_snippet_is_used_and_every_transcript_belongs() -> None:
    problems = transcripts.stray_files(FENCES.values())
    assert not problems, "\n".join(problems)


def test_every_own_transcript_was_printed_by_its_version() -> None:
    """A <name>.3.X.out comes from a run of 3.X (native or WebAssembly), as recorded."""
    problems = transcripts.unrecorded(FENCES.values())
    assert not problems, "\n".join(problems)


def test_a_version_transcript_quotes_its_own_standard_library() -> None:
    """A <name>.3.15.out that shows .../lib/python3.14/ was copied from 3.14's run."""
    wrong = []
    for path in sorted((fence.ROOT / fence.SNIPPETS).rglob("*.3.*.out")):
        version = re.search(r"\.(3\.\d+)\.out$", path.name)[1]
        others = set(re.findall(r"\.\.\./lib/python(3\.\d+)/", path.read_text(encoding="utf-8")))
        if others - {version}:
            wrong.append(
                f"{path.relative_to(fence.ROOT)}:1: quotes Python {', '.join(sorted(others))}'s library"
            )
    assert not wrong, "\n".join(wrong) + "\nRecord it from its own version's run."


def test_snippets_dir_is_not_empty() -> None:
    assert FENCES, "no page runs any snippet"
