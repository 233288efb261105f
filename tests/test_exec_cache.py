"""The execution cache of `make serve`: every part of its key, and who may use it.

The key tests change one input at a time and check that the stored run is no longer
found, after checking that the unchanged inputs do find it (so a cache that never hits
cannot pass). The build tests run MkDocs on a small copy of the project, with a snippet
that counts its own runs in a file outside the project.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from support import Project

from tools.pipeline import cache, executor, interpreters, notebook, runner, timeline
from tools.pipeline.fence import RunOptions
from tools.pipeline.transcripts import Run

HERE = interpreters.current()
SNIPPET = "snippets/lesson/main.py"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A snippet, another snippet beside it, and its transcript."""
    files = {
        SNIPPET: 'print("hello")\n',
        "snippets/lesson/other.py": 'print("another snippet")\n',
        "snippets/lesson/main.out": "$ python snippets/lesson/main.py\nhello\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def _key(
    root: Path,
    interpreter: interpreters.Interpreter = HERE,
    options: RunOptions | None = None,
    extra: dict[str, str] | None = None,
) -> str:
    return cache.key(SNIPPET, interpreter, options or RunOptions(), root, extra=extra)


def test_changing_any_key_part_misses_the_cache(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = cache.Store(tree / ".cache")
    base = _key(tree)
    store.put(base, Run(SNIPPET, HERE, "python " + SNIPPET, "hello\n", 0, 0.01))
    # Control: the same inputs, and changes that cannot alter the output, still hit.
    (tree / "snippets/lesson/other.py").write_text("print('changed')\n", encoding="utf-8")
    (tree / "snippets/lesson/main.out").write_text("changed\n", encoding="utf-8")
    assert _key(tree) == base
    hit = store.get(base, SNIPPET, HERE)
    assert hit is not None and hit.output == "hello\n" and hit.returncode == 0

    def misses(why: str, **kwargs) -> None:
        key = _key(kwargs.pop("root", tree), **kwargs)
        assert key != base, f"{why}: same key"
        assert store.get(key, SNIPPET, HERE) is None, f"{why}: still a cache hit"

    def edit(rel: str) -> None:
        path = tree / rel
        original = path.read_bytes()
        path.write_bytes(original + b"# edited\n")
        misses(f"editing {rel}")
        path.write_bytes(original)
        assert _key(tree) == base

    edit(SNIPPET)

    for field, value in [
        ("executable", "/elsewhere/bin/python3"),
        ("full_version", HERE.full_version + "1"),
        ("version", "3.99"),
        ("stdlib", "/elsewhere/lib"),
    ]:
        misses(f"interpreter {field}", interpreter=dataclasses.replace(HERE, **{field: value}))

    for field, value in [
        ("returncode", 1),
        ("args", ("-X", "dev")),
        ("env", (("PYTHONASYNCIODEBUG", "1"),)),
        ("timeout", 5.0),
        ("min_python", "3.12"),
        ("max_python", "3.12"),
        ("streams", True),
        ("optional_lines", "^Executing <"),
    ]:
        misses(f"run option {field}", options=dataclasses.replace(RunOptions(), **{field: value}))

    with monkeypatch.context() as m:
        m.setattr(cache, "_RUN_CODE", cache._RUN_CODE + "changed")
        misses("tools/pipeline/runner.py or transcripts.py")
    # A traced run (timeline.py) is stored apart from the plain one, and under its tracer's code.
    traced = _key(tree, extra={"tracer": timeline.TRACER_DIGEST})
    misses("the tracer", extra={"tracer": timeline.TRACER_DIGEST})
    misses("the tracer's code", extra={"tracer": timeline.TRACER_DIGEST + "changed"})
    assert _key(tree, extra={"tracer": timeline.TRACER_DIGEST}) == traced
    with monkeypatch.context() as m:
        m.setenv("PATH", "/elsewhere/bin:" + os.environ.get("PATH", ""))
        misses("PATH passed to the snippet")
    with monkeypatch.context() as m:
        m.setenv("HOME", "/elsewhere")
        misses("HOME passed to the snippet")
    with monkeypatch.context() as m:
        m.setitem(runner.BASE_ENV, "COLUMNS", "120")
        misses("the runner's fixed environment")
    moved = tree.parent / "moved"
    shutil.copytree(tree, moved)
    misses("repository root", root=moved)

    assert _key(tree) == base  # every change above was undone


def test_a_damaged_entry_is_a_miss(tree: Path) -> None:
    store = cache.Store(tree / ".cache")
    key = _key(tree)
    store.put(key, Run(SNIPPET, HERE, "python " + SNIPPET, "hello\n", 0, 0.01))
    store.path(key).write_text("{not json", encoding="utf-8")
    assert store.get(key, SNIPPET, HERE) is None


def test_strict_builds_refuse_both_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (executor.CACHE_ENV, executor.NO_EXEC_ENV):
        with monkeypatch.context() as m:
            m.setenv(name, ".cache/test" if name == executor.CACHE_ENV else "1")
            with pytest.raises(
                executor.SwitchError, match=f"^{name} is set, but this build is strict"
            ):
                executor.Mode.from_environment(strict=True)
            assert executor.Mode.from_environment(strict=False) != executor.Mode()
    monkeypatch.delenv(executor.CACHE_ENV, raising=False)
    monkeypatch.delenv(executor.NO_EXEC_ENV, raising=False)
    assert executor.Mode.from_environment(strict=True) == executor.Mode()
    assert executor.Mode.from_environment(strict=False) == executor.Mode()


def test_the_notebook_cache_follows_the_same_switch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def notebook_config(strict: bool) -> dict:
        # mkdocs-jupyter's defaults: it caches in every build unless told otherwise
        plugin = SimpleNamespace(
            config={"cache": True, "cache_dir": ".cache/mkdocs-jupyter", "execute": True}
        )
        mode = executor.Mode.from_environment(strict)  # as the hooks' on_config does
        notebook.configure(plugin, mode.cache, mode.no_exec)
        return plugin.config

    monkeypatch.delenv(executor.CACHE_ENV, raising=False)
    monkeypatch.delenv(executor.NO_EXEC_ENV, raising=False)
    assert notebook_config(strict=True)["cache"] is False
    assert notebook_config(strict=False)["cache"] is False
    monkeypatch.setenv(executor.CACHE_ENV, str(tmp_path))
    served = notebook_config(strict=False)
    assert served["cache"] is True and served["execute"] is True
    assert Path(served["cache_dir"]).parent == tmp_path / "notebook"
    # The kernel's environment is part of the folder name, so changing it misses.
    monkeypatch.setenv("PYTHONASYNCIODEBUG", "1")
    assert notebook_config(strict=False)["cache_dir"] != served["cache_dir"]
    monkeypatch.delenv(executor.CACHE_ENV)
    monkeypatch.setenv(executor.NO_EXEC_ENV, "1")
    assert notebook_config(strict=False)["execute"] is False
    monkeypatch.delenv(executor.NO_EXEC_ENV)


# --- through a real build -----------------------------------------------------------

COUNTED = "snippets/lesson/counted.py"
PAGE = '# Lesson\n\n```python exec="on"\n--8<-- "snippets/lesson/counted.py"\n```\n'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    counter = tmp_path / "runs.txt"
    project = Project.create(tmp_path / "project", index=PAGE)
    project.write(
        COUNTED, f'with open({str(counter)!r}, "a") as f:\n    f.write("x")\nprint("counted")\n'
    )
    project.write("snippets/lesson/counted.out", f"$ python {COUNTED}\ncounted\n")
    return project.root


def _build(root: Path, *flags: str, **env: str) -> tuple[int, str]:
    return Project(root).build(*flags, **env)


def _runs(root: Path) -> int:
    counter = root.parent / "runs.txt"
    return len(counter.read_text()) if counter.exists() else 0


def _page(root: Path) -> str:
    return Project(root).html("index.html")


def test_serve_replays_unchanged_runs_and_reruns_edited_ones(project: Path) -> None:
    cache = {executor.CACHE_ENV: ".cache/exec"}
    assert _build(project, "--no-strict", **cache)[0] == 0
    assert _runs(project) == 1
    code, log = _build(project, "--no-strict", **cache)
    assert code == 0, log
    assert _runs(project) == 1, "an unchanged snippet ran again"
    assert "counted" in _page(project)
    with open(project / COUNTED, "a") as f:
        f.write("# an edit\n")
    assert _build(project, "--no-strict", **cache)[0] == 0
    assert _runs(project) == 2, "an edited snippet was replayed from the cache"


def test_a_failing_run_is_never_stored(project: Path) -> None:
    (project / "snippets/lesson/counted.out").write_text(f"$ python {COUNTED}\nsomething else\n")
    for expected_runs in (1, 2):
        code, log = _build(project, "--no-strict", **{executor.CACHE_ENV: ".cache/exec"})
        assert code == 0 and "output differs from the committed transcript" in log
        assert _runs(project) == expected_runs


def test_a_strict_build_refuses_the_cache(project: Path) -> None:
    # The hook passes the build's strictness on: mkdocs.yml's `strict: true` refuses the
    # switch before anything runs (the no-exec switch: test_strict_builds_refuse_both_switches).
    code, log = _build(project, **{executor.CACHE_ENV: ".cache/exec"})
    assert code != 0 and f"{executor.CACHE_ENV} is set, but this build is strict" in log
    assert _runs(project) == 0


def test_no_exec_shows_recorded_transcripts_without_running(project: Path) -> None:
    code, log = _build(project, "--no-strict", **{executor.NO_EXEC_ENV: "1"})
    assert code == 0, log
    assert f"{executor.NO_EXEC_ENV} is set: no snippet runs" in log
    assert _runs(project) == 0
    assert "counted" in _page(project)
