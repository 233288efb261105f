"""Each guard, proved by breaking a small copy of the project and building it.

The copy uses the real mkdocs.yml (minus its nav) and the real tools/, so removing a
guard from either makes the matching test here fail. `test_control_builds` proves the
copy builds cleanly before anything is broken.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import mkdocs_build
from tools.build import fence, interpreters, runner, transcripts

LESSON = "snippets/synchronous-baseline/find_divisibles.py"
PAGE = """# A lesson

Some prose with a [link to the home page](index.md#a-home).

```python exec="on"{options}
--8<-- "{snippet}"
```
"""


@dataclass
class Project:
    root: Path

    def page(self, snippet: str = LESSON, options: str = "", extra: str = "") -> None:
        text = PAGE.format(snippet=snippet, options=options and " " + options) + extra
        (self.root / "docs" / "lesson.md").write_text(text, encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def build(self) -> tuple[int, str]:
        return mkdocs_build(self.root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    shutil.copytree(fence.ROOT / "tools", root / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(fence.ROOT / "overrides", root / "overrides")  # theme.custom_dir
    config = (fence.ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^nav:\n(?:[ \t]+.*\n|\n)*", "", config, flags=re.M)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\n## A home\n", encoding="utf-8")
    for path in (fence.ROOT / LESSON).parent.iterdir():
        if path.name.startswith("find_divisibles."):
            dest = root / path.relative_to(fence.ROOT)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, dest)
    result = Project(root)
    result.page()
    return result


def test_control_builds(project: Project) -> None:
    code, log = project.build()
    assert code == 0, log
    html = (project.root.parent / "site" / "lesson" / "index.html").read_text(encoding="utf-8")
    assert "finding numbers below 508000 divisible by 34113" in html
    assert "snippets/synchronous-baseline/find_divisibles.py" in html


def test_missing_snippet(project: Project) -> None:
    project.page(snippet="snippets/synchronous-baseline/no_such_file.py")
    code, log = project.build()
    assert code != 0
    assert "docs/lesson.md:6: snippet snippets/synchronous-baseline/no_such_file.py does not exist" in log


def test_orphan_snippet(project: Project) -> None:
    project.write("snippets/synchronous-baseline/forgotten.py", 'print("nobody runs me")\n')
    code, log = project.build()
    assert code != 0
    assert "snippets/synchronous-baseline/forgotten.py:1: orphan snippet: no page runs it" in log


def test_snippet_that_raises(project: Project) -> None:
    project.write(LESSON, 'print("before")\nraise RuntimeError("boom")\n')
    code, log = project.build()
    assert code != 0
    assert f"docs/lesson.md:6: {LESSON} on Python" in log
    assert "exited with 1" in log
    assert f'File "{LESSON}", line 2' in log  # the snippet's own line, from its traceback
    assert "RuntimeError: boom" in log


def test_snippet_that_hangs(project: Project) -> None:
    project.write(LESSON, "import time\n\ntime.sleep(600)\n")
    project.page(options='timeout="1"')
    code, log = project.build()
    assert code != 0
    assert f"docs/lesson.md:6: {LESSON} on Python" in log
    assert "was killed after 1 s: it hangs" in log


def test_failing_on_purpose_that_starts_succeeding(project: Project) -> None:
    project.page(options='returncode="1"')
    code, log = project.build()
    assert code != 0
    assert "exited with 0, but its fence says it fails on purpose" in log
    assert "docs/lesson.md:6" in log


def test_output_drift(project: Project) -> None:
    transcript = snippets.shared_transcript(LESSON, project.root)
    text = transcript.read_text(encoding="utf-8")
    transcript.write_text(text.replace("below 500 divisible", "below 501 divisible"), encoding="utf-8")
    code, log = project.build()
    assert code != 0
    assert "output differs from the committed transcript" in log
    assert "-finding numbers below 501 divisible by 3" in log
    assert "+finding numbers below 500 divisible by 3" in log
    assert "make update-examples" in log


def test_broken_link(project: Project) -> None:
    project.page(extra="\nSee [the missing page](missing.md).\n")
    code, log = project.build()
    assert code != 0
    assert "lesson.md" in log and "missing.md" in log


def test_broken_anchor(project: Project) -> None:
    project.page(extra="\nSee [nowhere](index.md#no-such-heading).\n")
    code, log = project.build()
    assert code != 0
    assert "lesson.md" in log and "no-such-heading" in log


def test_python_fence_that_is_not_a_snippet(project: Project) -> None:
    project.page(extra='\n```python\nprint("pasted, never run")\n```\n')
    code, log = project.build()
    assert code != 0
    assert "docs/lesson.md:9: a python code block must be a snippet" in log


def _update(project: Project) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASYNCIO_BASICS_PYTHONS": interpreters.current().version}
    return subprocess.run(
        [sys.executable, "-m", "tools.update_examples"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_update_examples_twice_changes_nothing(project: Project) -> None:
    transcript = snippets.shared_transcript(LESSON, project.root)
    transcript.unlink()
    first = _update(project)
    assert first.returncode == 0, first.stderr
    assert f"updated {transcript.relative_to(project.root)}" in first.stdout
    recorded = transcript.read_text(encoding="utf-8")
    second = _update(project)
    assert second.returncode == 0, second.stderr
    assert "0 transcript files changed" in second.stdout
    assert transcript.read_text(encoding="utf-8") == recorded


def test_update_examples_refuses_to_record_an_accident(project: Project) -> None:
    transcript = snippets.shared_transcript(LESSON, project.root)
    before = transcript.read_text(encoding="utf-8")
    project.write(LESSON, 'raise RuntimeError("boom")\n')
    result = _update(project)
    assert result.returncode == 1
    assert f"docs/lesson.md:6: {LESSON} on Python" in result.stderr and "exited with 1" in result.stderr
    assert transcript.read_text(encoding="utf-8") == before
