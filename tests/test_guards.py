"""Each guard, proved by breaking a small copy of the project and building it.

The copy uses the real mkdocs.yml (minus its nav) and the real tools/, so removing a
guard from either makes the matching test here fail. `test_control_builds` proves the
copy builds cleanly before anything is broken. What a run did wrong (hung, failed or stopped
failing, printed something else, with or without optional lines) is found by pure functions,
unit-tested in test_runner.py; `test_snippet_that_raises` proves that such a problem reaches
the build's log with its page and line.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import Project

from tools import publish
from tools.pipeline import fence, interpreters, transcripts

LESSON = "snippets/synchronous-baseline/find_divisibles.py"
PAGE = """# A lesson

Some prose with a [link to the home page](index.md#a-home).

```python exec="on"{options}
--8<-- "{snippet}"
```
"""


def lesson(project: Project, snippet: str = LESSON, options: str = "", extra: str = "") -> None:
    """docs/lesson.md: one exec fence, its include on line 6."""
    project.page(
        "lesson.md", PAGE.format(snippet=snippet, options=options and " " + options) + extra
    )


@pytest.fixture
def project(tmp_path: Path) -> Project:
    result = Project.create(tmp_path / "project")
    result.copy(LESSON)
    lesson(result)
    return result


def test_control_builds(project: Project) -> None:
    code, log = project.build()
    assert code == 0, log
    html = project.html("lesson/index.html")
    assert "finding numbers below 508000 divisible by 34113" in html
    assert "snippets/synchronous-baseline/find_divisibles.py" in html


def test_missing_snippet(project: Project) -> None:
    lesson(project, snippet="snippets/synchronous-baseline/no_such_file.py")
    code, log = project.build()
    assert code != 0
    assert (
        "docs/lesson.md:6: snippet snippets/synchronous-baseline/no_such_file.py does not exist"
        in log
    )


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


def test_broken_link(project: Project) -> None:
    lesson(project, extra="\nSee [the missing page](missing.md).\n")
    code, log = project.build()
    assert code != 0
    assert "lesson.md" in log and "missing.md" in log


def test_broken_anchor(project: Project) -> None:
    lesson(project, extra="\nSee [nowhere](index.md#no-such-heading).\n")
    code, log = project.build()
    assert code != 0
    assert "lesson.md" in log and "no-such-heading" in log


def test_python_fence_that_is_not_a_snippet(project: Project) -> None:
    lesson(project, extra='\n```python\nprint("pasted, never run")\n```\n')
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
    transcript = transcripts.shared_path(LESSON, project.root)
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
    transcript = transcripts.shared_path(LESSON, project.root)
    before = transcript.read_text(encoding="utf-8")
    project.write(LESSON, 'raise RuntimeError("boom")\n')
    result = _update(project)
    assert result.returncode == 1
    assert (
        f"docs/lesson.md:6: {LESSON} on Python" in result.stderr
        and "exited with 1" in result.stderr
    )
    assert transcript.read_text(encoding="utf-8") == before


# --- fence options and the choice of Pythons -------------------------------------------


def test_a_fence_with_its_own_title_runs_shows_its_output_and_its_download(
    project: Project,
) -> None:
    """The hooks know each fence by its place on the page, never by its title."""
    lesson(project, options='title="Finding divisors, one by one"')
    code, log = project.build()
    assert code == 0, log
    html = project.html("lesson/index.html")
    link = re.search(
        r'<span class="filename">Finding divisors, one by one <a class="snippet-download" '
        r'href="([^"]+)" download="find_divisibles.py"',
        html,
    )
    assert link, "the titled code block has no download link (named after the script)"
    assert (project.site / "lesson" / link[1]).resolve() == (project.site / LESSON).resolve()
    assert (project.site / LESSON).is_file()
    assert "finding numbers below 508000 divisible by 34113" in html
    assert f"Output (Python {interpreters.current().version})" in html


def _require(*versions: str) -> None:
    missing = [v for v in versions if interpreters.find(v) is None]
    if missing:
        pytest.fail(f"Python {', '.join(missing)} not found: this test needs it installed")


@pytest.mark.parametrize(
    ("selected", "label"),
    [
        ("3.12", "Python 3.12"),
        ("3.10 3.12", "Python 3.10, 3.12"),  # not "3.10–3.12": 3.11 did not run
        ("3.11 3.12 3.13", "Python 3.11–3.13"),  # a range only when every version in it ran
    ],
)
def test_a_narrowed_build_labels_outputs_with_exactly_the_versions_it_ran(
    project: Project, selected: str, label: str
) -> None:
    _require(*selected.split())
    code, log = project.build(**{interpreters.SELECT_ENV: selected})
    assert code == 0, log
    html = project.html("lesson/index.html")
    assert re.findall(r'<span class="filename">(Output \([^<]*\))</span>', html) == [
        f"Output ({label})"
    ]


def test_a_selected_python_that_is_missing_fails_the_strict_build(
    project: Project, tmp_path: Path
) -> None:
    here = interpreters.current().version  # found as the interpreter behind the venv
    hidden = "3.13" if here != "3.13" else "3.12"
    nowhere = tmp_path / "no-pythons-here"
    nowhere.mkdir()
    hide = {  # every place interpreters._candidates looks
        f"ASYNCIO_BASICS_PYTHON_{hidden.replace('.', '_')}": str(nowhere / f"python{hidden}"),
        "PYENV_ROOT": str(nowhere),
        "PATH": str(nowhere),
    }
    code, log = project.build(**hide, **{interpreters.SELECT_ENV: f"{here} {hidden}"})
    assert code != 0
    assert f"Python {hidden} not found" in log, log
    for command in (f"pyenv install {hidden}", f"uv python install {hidden}", f"python{hidden}"):
        assert command in log, log
    assert f'run the others on purpose: {interpreters.SELECT_ENV}="{here}" make test' in log
    assert not (project.site / "lesson" / "index.html").exists(), "the build went on without it"
    # `make serve` (not strict) goes on with the Pythons it finds, and says which one is missing.
    code, log = project.build(
        "--no-strict", **hide, **{interpreters.SELECT_ENV: f"{here} {hidden}"}
    )
    assert code == 0 and f"Python {hidden} not found" in log, log
    assert f"Python {here}" in project.html("lesson/index.html")
    # Control: hidden this way, the version the venv runs on is still found and builds.
    code, log = project.build(**hide, **{interpreters.SELECT_ENV: here})
    assert code == 0, log


def test_deploy_refuses_a_narrowed_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ran: list[list[str]] = []
    monkeypatch.setattr(publish, "_run", lambda args, root, **kwargs: ran.append(args) or "")
    monkeypatch.setenv(interpreters.SELECT_ENV, "3.12")
    with pytest.raises(publish.PublishError) as error:
        publish.deploy("refs/heads/main", tmp_path)
    assert ran == [], "deploy ran something before refusing"
    message = str(error.value)
    assert message.startswith(f"{interpreters.SELECT_ENV}='3.12' narrows the build to 3.12")
    assert f"every supported Python ({' '.join(interpreters.SUPPORTED)})" in message
    # A local preview (`make versions`) may be narrowed; so the refusal above is the check.
    publish.deploy("refs/heads/main", tmp_path, preview=True)
    assert [args[1:] for args in ran] == [["deploy", "dev"]]
    monkeypatch.delenv(interpreters.SELECT_ENV)  # every supported version: not narrowed
    publish.deploy("refs/heads/main", tmp_path)
    assert [args[1:] for args in ran] == [["deploy", "dev"]] * 2


def test_a_fence_that_markdown_does_not_render_is_an_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A fence on the page that the formatter never rendered (superfences refused it) is reported."""
    from types import SimpleNamespace

    from tools.pipeline import hooks, render

    fences = [f for f in fence.find_all() if f.page == "docs/coroutines.md"]
    page = SimpleNamespace(file=SimpleNamespace(src_uri="coroutines.md"))
    rendered = "".join(f"<div>{render.download_marker(f.title)} href=...></div>" for f in fences)
    hooks.on_page_content(rendered, page, None, None)
    assert "not rendered" not in caplog.text
    hooks.on_page_content(rendered.replace(fences[-1].snippet, "x"), page, None, None)
    assert caplog.text.count("not rendered") == 1
    assert f"{fences[-1].where}: this exec fence was not rendered as a code block" in caplog.text


def test_an_exit_status_that_changes_from_a_version_on(project: Project) -> None:
    """returncode="0, 1 from 3.14": the fence renders (markdown-exec takes the option), and
    0 holds on the versions before; what changes is test_runner.py's to check."""
    lesson(project, options='returncode="0, 1 from 3.14"')
    code, log = project.build()
    assert code == 0, log
    assert "finding numbers below 508000 divisible by 34113" in project.html("lesson/index.html")
