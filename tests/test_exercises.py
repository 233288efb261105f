"""Every exercise, proved both ways on every supported Python: its starter fails exactly the
conditions its checks.py names in STARTER_FAILS (the reason its task gives), its solution
passes them all. Natively, each runs under the build's tracer and is graded here; on 3.14
and 3.15, the page's own worker runs and grades it in the WebAssembly engines (`engines`).
The pages' side: every lesson of the main path has an exercise, with hints and a solution.
"""

from __future__ import annotations

import concurrent.futures
import os
from pathlib import Path

import pytest

from tools import wasm
from tools.pipeline import exercise, grading, interpreters, runner, timeline, trace
from tools.pipeline.fence import DOCS, ROOT, FenceError

EXERCISES = exercise.find_all()
NATIVE = [
    (found, version, kind)
    for found in EXERCISES
    for version in interpreters.requested()
    if found.run.runs_on(version)
    for kind in ("starter", "solution")
]
ENGINE = [
    (found, version, kind)
    for found in EXERCISES
    for version in wasm.ENGINES
    if found.run.runs_on(version)
    for kind in ("starter", "solution")
]


def _id(case) -> str:
    found, version, kind = case
    return f"{found.folder.removeprefix('exercises/')}-{kind}-py{version}"


def _held(found: exercise.Exercise, kind: str, verdict: list, where: str, output: str) -> None:
    failing = [condition for condition, holds in verdict if not holds]
    printed = "\n".join(output.splitlines()[-30:])
    if kind == "solution":
        assert not failing, (
            f"{where}: the solution fails {failing}. It printed (last 30 lines):\n{printed}\n"
            f"Fix {found.folder}/solution.py, or the condition in checks.py if it is wrong."
        )
    else:
        expected = grading.starter_fails(found.source("checks.py"))
        assert expected, f"{found.folder}/checks.py: STARTER_FAILS names no condition"
        assert sorted(failing) == sorted(expected), (
            f"{where}: the starter fails {failing}; its task says it fails {expected} "
            f"(STARTER_FAILS in checks.py). It printed (last 30 lines):\n{printed}\n"
            "Make the starter fail for that reason, or change STARTER_FAILS and the task."
        )


@pytest.fixture(scope="session")
def native_verdicts(request: pytest.FixtureRequest) -> dict:
    """Each selected case's verdict, the runs side by side, one per core."""
    wanted = [c for c in NATIVE if any(_id(c) in item.nodeid for item in request.session.items)]

    def grade(case):
        found, version, kind = case
        options = timeline.trace_options(found.run)
        run = runner.run(found.path(f"{kind}.py"), interpreters.find(version), options, ROOT)
        try:
            data = trace.parse(run.output)
        except ValueError as error:
            return [[f"the run ends and is traced ({error})", False]], run.output
        return grading.grade(found.source("checks.py"), data), grading.Run(data).output

    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        return {_id(c): v for c, v in zip(wanted, pool.map(grade, wanted), strict=True)}


@pytest.mark.quiet  # timed: `make test` runs it last, with the engines
@pytest.mark.parametrize("case", NATIVE, ids=_id)
def test_natively(native_verdicts, case) -> None:
    found, version, kind = case
    verdict, output = native_verdicts[_id(case)]
    _held(found, kind, verdict, f"{found.where}: {kind} on Python {version}", output)


@pytest.fixture(scope="session")
def engine_verdicts(request: pytest.FixtureRequest, snapshots) -> dict:
    """Each selected case's run by the page's worker in Node, one per core (as the engines'
    runs of tests/test_playground.py: `make test` runs them last, on a quiet machine)."""
    wanted = [c for c in ENGINE if any(_id(c) in item.nodeid for item in request.session.items)]

    def run(case) -> wasm.Run:
        found, version, kind = case
        return wasm.run(
            wasm.ENGINES[version],
            found.path("starter.py"),  # the page runs every edit as the starter
            found.run,
            source=found.source(f"{kind}.py"),
            snapshot=snapshots[version],
            checks=found.source("checks.py"),
        )

    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        return {_id(c): r for c, r in zip(wanted, pool.map(run, wanted), strict=True)}


@pytest.mark.engines
@pytest.mark.parametrize("case", ENGINE, ids=_id)
def test_in_the_browsers_engine(engine_verdicts, case) -> None:
    found, version, kind = case
    ran = engine_verdicts[_id(case)]
    where = f"{found.where}: {kind} on {wasm.ENGINES[version].name}"
    assert ran.verdict is not None, f"{where}: no verdict from the worker: {ran.error}"
    _held(found, kind, ran.verdict, where, ran.output)


def test_every_lesson_of_the_main_path_has_an_exercise() -> None:
    from tests.test_metadata import _config, _nav_pages

    main_path = [
        item for item in _config()["nav"] if "Reference" not in item and "Home" not in item
    ]
    pages = {found.page for found in EXERCISES}
    missing = [f"{DOCS}/{page}" for page in _nav_pages(main_path) if f"{DOCS}/{page}" not in pages]
    assert not missing, "lessons without an exercise (CONTRIBUTING.md, Exercises): " + ", ".join(
        missing
    )


# --- the exercise fence and the grader, on their own --------------------------------


def _folder(root: Path, *files: str) -> str:
    folder = root / "exercises" / "lesson" / "task"
    folder.mkdir(parents=True)
    for name in files:
        (folder / name).write_text("", encoding="utf-8")
    return "exercises/lesson/task"


PAGE = """# A lesson

```python exercise="on"
--8<-- "exercises/lesson/task/starter.py"
```

??? tip "Hint 1"
    Look up.

??? success "A solution"
    ```python
    --8<-- "exercises/lesson/task/solution.py"
    ```
"""


def test_an_exercise_fence_names_its_page_and_line_and_what_is_missing(tmp_path: Path) -> None:
    _folder(tmp_path, "starter.py", "solution.py")
    with pytest.raises(FenceError, match=r"docs/x.md:4: exercises/lesson/task/ lacks checks.py"):
        exercise.scan(PAGE, "docs/x.md", tmp_path)
    (tmp_path / "exercises/lesson/task/checks.py").write_text("", encoding="utf-8")
    assert [e.where for e in exercise.scan(PAGE, "docs/x.md", tmp_path)] == ["docs/x.md:4"]
    for without in ('??? tip "Hint 1"', '--8<-- "exercises/lesson/task/solution.py"'):
        with pytest.raises(FenceError, match=r"docs/x.md:4: an exercise is followed by its hints"):
            exercise.scan(PAGE.replace(without, "Nothing here."), "docs/x.md", tmp_path)


def test_expand_shows_the_files_titled_and_gives_the_starter_its_check_button(tmp_path) -> None:
    _folder(tmp_path, "starter.py", "solution.py", "checks.py")
    (tmp_path / "exercises/lesson/task/starter.py").write_text("print('start')\n", encoding="utf-8")
    (tmp_path / "exercises/lesson/task/solution.py").write_text("print('done')\n", encoding="utf-8")
    page = exercise.expand(PAGE, tmp_path)
    assert "```python title=\"exercises/lesson/task/starter.py\"\nprint('start')\n```" in page
    assert (
        "    ```python title=\"exercises/lesson/task/solution.py\"\n    print('done')\n    ```"
        in page
    )
    assert 'data-checks="exercises/lesson/task/checks.py"' in page and "playground-check" in page
    assert page.count("playground-check") == 1  # the solution has no buttons
    # Below its heading, out of the search index every page downloads.
    assert page.count('<section class="exercise" data-search-exclude="" markdown="1">') == 1
    order = ["# A lesson", "<section", "starter.py", "Hint 1", "solution.py", "</section>"]
    assert [page.index(mark) for mark in order] == sorted(page.index(mark) for mark in order)


CHECKS = """
STARTER_FAILS = ["b came first"]

def checks(run):
    return [("it ends well", run.status == 0), ("b came first", run.lines[0] == "b")]
"""


def test_the_grader_judges_what_the_run_did() -> None:
    def traced(*lines: str, status: int = 0) -> dict:
        output = [[None, line + "\n"] for line in lines]
        return {"output": output, "returncode": status, "steps": [], "lanes": [], "total": 0.1}

    assert grading.grade(CHECKS, traced("b", "a")) == [
        ["it ends well", True],
        ["b came first", True],
    ]
    assert grading.grade(CHECKS, traced("a", "b", status=1)) == [
        ["it ends well", False],
        ["b came first", False],
    ]
    [[said, holds]] = grading.grade(CHECKS, traced())  # no line at all: the check cannot read it
    assert not holds and said.startswith("the checks could not read this run (IndexError")
    assert grading.starter_fails(CHECKS) == ["b came first"]
