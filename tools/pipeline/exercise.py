"""Exercises: a task on the page, starter code the reader edits in place, and a Check button
that runs it in the browser and judges the run by the exercise's own conditions.

An exercise lives in exercises/<lesson>/<name>/: starter.py (what the reader starts from),
solution.py, and checks.py (the conditions, tools/pipeline/grading.py). Its page shows it
with a fence, then hints and the solution, each collapsed:

    ```python exercise="on"
    --8<-- "exercises/results/finish_order/starter.py"
    ```

    ??? tip "Hint 1"
        ...

    ??? success "A solution"
        ```python
        --8<-- "exercises/results/finish_order/solution.py"
        ```

`expand` turns those fences into plain code blocks before Markdown reads the page: the
starter gets Run / Check / Stop / Reset under it (playground.controls_html), and checks.py
is copied into the site, fetched on the first Check. tests/test_exercises.py proves every
exercise both ways on every supported Python, natively and in the browser's engines.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from tools.pipeline import fence, playground
from tools.pipeline.fence import FenceError, RunOptions

ROOT = fence.ROOT
EXERCISES = fence.EXERCISES
FILES = ("starter.py", "solution.py", "checks.py")
_HINT = re.compile(r'^[ \t]*\?\?\?\+?[ \t]+tip[ \t]+"Hint', re.M)


@dataclass(frozen=True)
class Exercise:
    page: str  # "docs/results.md"
    line: int  # 1-based line of its include
    folder: str  # "exercises/results/finish_order"
    run: RunOptions = RunOptions()  # the fence's min_python, max_python, timeout

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    def path(self, name: str) -> str:
        return f"{self.folder}/{name}"

    def source(self, name: str, root: Path = ROOT) -> str:
        return (root / self.folder / name).read_text(encoding="utf-8")


def _fences(lines: list[str]):
    """(start, end, indent, attrs, included path) of each python fence that includes one file."""
    i = 0
    while i < len(lines):
        opened = fence._OPEN.match(lines[i])
        if not opened:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not lines[end].strip().startswith(opened["ticks"]):
            end += 1
        include = fence.include_path("\n".join(lines[i + 1 : end]))
        if opened["lang"].lower() in {"python", "py"} and include:
            yield i, end, opened["indent"], dict(fence._ATTR.findall(opened["attrs"])), include
        i = end + 1


def scan(text: str, page: str, root: Path = ROOT) -> list[Exercise]:
    """The exercises of a page; FenceError names a missing file, hint or solution."""
    found = []
    lines = text.split("\n")
    for start, end, _, attrs, path in _fences(lines):
        if not fence.truthy(attrs.get("exercise", "")):
            continue
        where = f"{page}:{start + 2}"
        folder, _, name = path.rpartition("/")
        if not (folder.startswith(EXERCISES + "/") and name == "starter.py"):
            raise FenceError(
                f"{where}: an exercise fence includes exercises/<lesson>/<name>/starter.py"
            )
        missing = [name for name in FILES if not (root / folder / name).is_file()]
        if missing:
            raise FenceError(f"{where}: {folder}/ lacks {', '.join(missing)}")
        after = "\n".join(lines[end + 1 :]).split("\n## ")[0]  # up to the next section
        if f'--8<-- "{folder}/solution.py"' not in after or not _HINT.search(after):
            raise FenceError(
                f'{where}: an exercise is followed by its hints (??? tip "Hint 1", ...) and its '
                f'solution (a python fence of --8<-- "{folder}/solution.py" in a ??? block)'
            )
        unknown = sorted(set(attrs) - {"exercise", "min_python", "max_python", "timeout"})
        if unknown:
            raise FenceError(
                f"{where}: an exercise fence takes min_python, max_python, timeout; not {unknown}"
            )
        found.append(Exercise(page, start + 2, folder, fence.parse_run_options(attrs, where)))
    return found


def find_all(root: Path = ROOT) -> list[Exercise]:
    """Every exercise of docs/, in page order."""
    found = []
    for page in sorted((root / fence.DOCS).rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        found += scan(text, page.relative_to(root).as_posix(), root)
    return found


def expand(text: str, root: Path = ROOT) -> str:
    """The page with each fence that includes a file of exercises/ holding that file, and an
    exercise's starter titled with its path and followed by its buttons. Below its heading,
    the exercise (task, code, hints, solution) stays out of the search index, which every
    page downloads: the lesson's prose is what a search should find."""
    lines = text.split("\n")
    for start, end, indent, attrs, path in reversed(list(_fences(lines))):
        if not path.startswith(EXERCISES + "/"):
            continue
        code = (root / path).read_text(encoding="utf-8").rstrip("\n").split("\n")
        block = [f'{indent}```python title="{path}"'] + [indent + line for line in code]
        block.append(f"{indent}```")
        if fence.truthy(attrs.get("exercise", "")):
            folder = path.rpartition("/")[0]
            options = fence.parse_run_options(attrs, path)  # min_python: the page's Python?
            needs = (
                ""
                if options.runs_on(playground.PYTHON)
                else f"it needs Python {options.min_python}"
            )
            checks = f"{folder}/checks.py"
            block += ["", playground.controls_html(path, options, needs, checks=checks)]
            stop = next(
                (i for i in range(end + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
            )
            lines[stop:stop] = ["</section>", ""]
            lines[start : end + 1] = block
            heading = next((i for i in range(start - 1, -1, -1) if lines[i].startswith("#")), -1)
            opening = '<section class="exercise" data-search-exclude="" markdown="1">'
            lines[heading + 1 : heading + 1] = ["", opening, ""]
            continue
        lines[start : end + 1] = block
    return "\n".join(lines)


def copy_checks(site_dir: Path, root: Path = ROOT) -> None:
    """Each exercise's checks.py, where the page's Check button fetches it."""
    for checks in sorted((root / EXERCISES).glob("*/*/checks.py")):
        target = site_dir / checks.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(checks, target)
