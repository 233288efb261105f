"""The snippet runner and the transcript store, on small scripts made for each test."""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import pytest

from tools.pipeline import fence, interpreters, runner, transcripts

HERE = interpreters.current()


def _script(tmp_path: Path, code: str, name: str = "s.py") -> str:
    (tmp_path / "snippets").mkdir(parents=True, exist_ok=True)
    (tmp_path / "snippets" / name).write_text(code, encoding="utf-8")
    return f"snippets/{name}"


def test_runs_as_main_with_stdout_and_stderr_interleaved(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "print('one', __name__)\n"
        "print('two', file=sys.stderr)\n"
        "sys.stdout.write('three\\n')\n"
        "import warnings; warnings.warn('four')\n"
        "print('five')\n"
    )
    run = runner.run(_script(tmp_path, code), HERE, root=tmp_path)
    lines = run.output.splitlines()
    assert lines[0] == "one __main__"
    assert lines[1:3] == ["two", "three"]
    assert lines[3] == "snippets/s.py:5: UserWarning: four"  # repository path scrubbed
    assert lines[-1] == "five"
    assert run.returncode == 0
    assert run.transcript.startswith("$ python snippets/s.py\none __main__\n")


def test_the_callers_environment_does_not_leak(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONASYNCIODEBUG", "1")
    monkeypatch.setenv("PYTHONWARNINGS", "ignore")
    code = (
        "import os\nprint(os.environ.get('PYTHONASYNCIODEBUG'), os.environ.get('PYTHONWARNINGS'))\n"
    )
    assert runner.run(_script(tmp_path, code), HERE, root=tmp_path).output == "None None\n"


def test_fence_env_and_args_reach_the_process_and_the_command(tmp_path: Path) -> None:
    code = "import os, sys\nprint(os.environ['PYTHONASYNCIODEBUG'], sys.flags.dev_mode)\n"
    options = fence.RunOptions(args=("-X", "dev"), env=(("PYTHONASYNCIODEBUG", "1"),))
    run = runner.run(_script(tmp_path, code), HERE, options, root=tmp_path)
    assert run.output == "1 True\n"
    assert run.command == "PYTHONASYNCIODEBUG=1 python -X dev snippets/s.py"


def test_exit_code_and_traceback_paths(tmp_path: Path) -> None:
    run = runner.run(_script(tmp_path, "import json\njson.loads('{')\n"), HERE, root=tmp_path)
    assert run.returncode == 1
    assert 'File "snippets/s.py", line 2, in <module>' in run.output
    assert f'File ".../lib/python{HERE.version}/json/__init__.py", line ' in run.output
    assert str(tmp_path) not in run.output and HERE.stdlib not in run.output


def test_a_hanging_snippet_and_its_children_are_killed(tmp_path: Path) -> None:
    code = "import subprocess, sys, time\nsubprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\ntime.sleep(60)\n"
    options = fence.RunOptions(timeout=1)
    run = runner.run(_script(tmp_path, code), HERE, options, root=tmp_path)
    assert run.timed_out and run.seconds < 10
    problems = transcripts.check_exit(run, options)
    assert problems == [
        f'snippets/s.py on Python {HERE.version} was killed after 1 s: it hangs (or raise timeout="..." on the fence)'
    ]


def test_a_snippet_that_fails_on_purpose_must_keep_failing(tmp_path: Path) -> None:
    run = runner.run(_script(tmp_path, "print('fine')\n"), HERE, root=tmp_path)
    [problem] = transcripts.check_exit(run, fence.RunOptions(returncode=1))
    assert problem.startswith(
        f"snippets/s.py on Python {HERE.version} exited with 0, but its fence says it fails on "
        "purpose there (exit status 1); fix the snippet or the fence's returncode"
    )
    # returncode="0, 1 from <this version>": this version must fail, the ones before need not.
    changes = fence.RunOptions(returncode_from=((HERE.version, 1),))
    assert transcripts.check_exit(run, changes) and not transcripts.check_exit(
        run, dataclasses.replace(changes, returncode_from=(("9.99", 1),))
    )
    assert transcripts.check_exit(run, dataclasses.replace(changes, returncode_from=(("3.0", 1),)))


def test_run_options_are_read_from_the_fence() -> None:
    page = (
        '```python exec="on" returncode="0, 1 from 3.14" timeout="1" optional_lines="^slow"\n'
        '--8<-- "snippets/synchronous-baseline/find_divisibles.py"\n```\n'
    )
    [found] = fence.scan(page, "docs/lesson.md")
    assert found.run.returncode == 0 and found.run.returncode_from == (("3.14", 1),)
    assert found.run.timeout == 1 and found.run.optional_lines == "^slow"


def test_a_changed_output_is_shown_as_a_diff_with_the_fix(tmp_path: Path) -> None:
    snippet = _script(tmp_path, "print('below 500')\n")
    run = runner.run(snippet, HERE, root=tmp_path)
    committed = f"$ python {snippet}\nbelow 501\n"
    [problem] = transcripts.check_output(run, fence.RunOptions(), committed, tmp_path)
    assert problem.startswith(
        f"{snippet} on Python {HERE.version}: output differs from the committed transcript:\n"
    )
    assert "\n-below 501\n+below 500\n" in problem  # committed first, then this run
    assert problem.endswith("`make update-examples`, then review `git diff snippets/`.")


def test_optional_lines_ignore_a_matching_line_on_either_side(tmp_path: Path) -> None:
    slow = "slow step took 5 ms"
    for printed, recorded in ((["a", slow, "b"], ["a", "b"]), (["a", "b"], ["a", slow, "b"])):
        snippet = _script(tmp_path, "".join(f"print({line!r})\n" for line in printed))
        run = runner.run(snippet, HERE, root=tmp_path)
        committed = "".join(f"{line}\n" for line in [f"$ python {snippet}", *recorded])
        [problem] = transcripts.check_output(run, fence.RunOptions(), committed, tmp_path)
        assert f"\n{'+' if slow in printed else '-'}{slow}\n" in problem
        options = fence.RunOptions(optional_lines="^slow step")
        assert transcripts.check_output(run, options, committed, tmp_path) == []


def test_streams_on_records_stderr_from_a_second_run(tmp_path: Path) -> None:
    code = "import sys\nprint('out one')\nprint('err', file=sys.stderr)\nprint('out two')\n"
    run = runner.run(_script(tmp_path, code), HERE, fence.RunOptions(streams=True), root=tmp_path)
    assert run.output == "out one\nerr\nout two\n"  # still interleaved as a terminal shows it
    assert run.stderr == "err\n"
    assert runner.run(_script(tmp_path, code), HERE, root=tmp_path).stderr is None


def test_exit_status_and_output_are_checked_separately(tmp_path: Path) -> None:
    snippet = _script(tmp_path, "print('hi')\nraise SystemExit(3)\n")
    (tmp_path / "snippets" / "s.out").write_text("$ python snippets/s.py\nhi\n", encoding="utf-8")
    run = runner.run(snippet, HERE, root=tmp_path)
    assert (
        transcripts.check_output(
            run, fence.RunOptions(), transcripts.read(snippet, HERE.version, tmp_path)
        )
        == []
    )
    [problem] = transcripts.check_exit(run, fence.RunOptions())
    assert problem.startswith(f"snippets/s.py on Python {HERE.version} exited with 3:")
    assert transcripts.check_exit(run, fence.RunOptions(returncode=3)) == []


def test_scrub_and_mask() -> None:
    raw = f"{fence.ROOT}{os.sep}snippets/a.py <coroutine object main at 0x7f3a2b1c0d40> {HERE.stdlib}/asyncio/x.py"
    assert (
        transcripts.scrub(raw, HERE)
        == f"snippets/a.py <coroutine object main at 0x...> .../lib/python{HERE.version}/asyncio/x.py"
    )
    a = "done after 12.5 ms\n<Task finished name='Task-2'>\n  File \".../lib/python3.12/asyncio/events.py\", line 84\n"
    b = "done after 3.0 ms\n<Task finished name='Task-7'>\n  File \".../lib/python3.12/asyncio/events.py\", line 88\n"
    assert transcripts.mask(a) == transcripts.mask(b)
    # A line that appears or not by timing is dropped only where its fence says so.
    slow = "Executing <Task ...> took 0.120 seconds\nrest\n"
    assert transcripts.mask(slow) == "Executing <Task ...> took <duration>\nrest\n"
    assert transcripts.mask(slow, fence.RunOptions(optional_lines="^Executing <")) == "rest\n"
    # Masks are narrow: a changed number that is not a duration is still a difference.
    assert transcripts.mask("divisible by 3\n") != transcripts.mask("divisible by 4\n")
    assert transcripts.mask('File "snippets/a.py", line 3') != transcripts.mask(
        'File "snippets/a.py", line 4'
    )


def test_interpreters_are_found_for_each_requested_version() -> None:
    for version in interpreters.requested():
        found = interpreters.find(version)
        if found is None:
            pytest.fail(
                f"Python {version} not found (set ASYNCIO_BASICS_PYTHONS to test fewer versions)"
            )
        assert found.version == version
        assert not found.executable.startswith(sys.prefix + os.sep) or sys.prefix == sys.base_prefix


def _recorded(text: str, python: str = "3.0.0", stderr: str | None = None):
    return transcripts.Recording(text, transcripts.NATIVE, python, stderr)


def test_transcripts_shared_when_versions_agree_and_split_when_they_differ(tmp_path: Path) -> None:
    snippet = _script(tmp_path, "print('hi')\n")
    options = fence.RunOptions()
    four = interpreters.SUPPORTED[:4]
    same = {v: _recorded("$ python snippets/s.py\nhi after 1.0 ms\n") for v in four}
    changed = transcripts.write(snippet, same, options, tmp_path)
    assert [p.name for p in changed] == ["s.out"]
    # Same masked text (only a duration moved): nothing is rewritten.
    again = {v: _recorded("$ python snippets/s.py\nhi after 9.9 ms\n") for v in four}
    assert transcripts.write(snippet, again, options, tmp_path) == []
    # 3.12 starts to print something else: one file per version, the shared one goes.
    differ = dict(same, **{"3.12": _recorded("$ python snippets/s.py\nhi\nDeprecationWarning\n")})
    changed = transcripts.write(snippet, differ, options, tmp_path)
    assert sorted(p.name for p in changed) == sorted(["s.out"] + [f"s.{v}.out" for v in four])
    assert transcripts.read(snippet, "3.12", tmp_path).endswith("DeprecationWarning\n")
    assert transcripts.read(snippet, "3.14", tmp_path) is None  # never recorded: a loud miss
    assert transcripts.path_for(snippet, "3.13", tmp_path) == "snippets/s.3.13.out"


def test_provenance_names_who_printed_each_file_and_refuses_what_nobody_printed(
    tmp_path: Path,
) -> None:
    snippet = _script(tmp_path, "print('hi')\n")
    options = fence.RunOptions(streams=True)
    usage = fence.Fence("docs/p.md", 3, snippet, options)
    text = "$ python snippets/s.py\nhi\nWarning: x\nbye\n"
    produced = {"3.12": _recorded(text, "3.12.1", "Warning: x\n")}
    produced["3.14"] = transcripts.Recording(
        text.replace("bye", "ciao"), "Pyodide 314.0.7", "3.14.2", "Warning: x\n"
    )
    transcripts.write(snippet, produced, options, tmp_path)
    assert transcripts.printer(snippet, "3.14", tmp_path) == {
        "engine": "Pyodide 314.0.7",
        "python": "3.14.2",
        "stderr": [3],
    }
    assert transcripts.printer(snippet, "3.12", tmp_path)["engine"] == "CPython"
    assert transcripts.unrecorded([usage], tmp_path) == []
    # Whichever command records last (natives or engines), the record reads the same.
    same = dict(produced, **{"3.14": dataclasses.replace(produced["3.14"], transcript=text)})
    for n, order in enumerate((("3.12", "3.14"), ("3.14", "3.12"))):  # one shared file
        _script(tmp_path / str(n), "print('hi')\n")
        for version in order:
            transcripts.write(snippet, {version: same[version]}, options, tmp_path / str(n))
    first, second = ((tmp_path / str(n) / transcripts.PROVENANCE).read_text() for n in (0, 1))
    assert first == second, "the provenance record must not depend on the order of recording"
    # A later update with the native versions only keeps 3.14's file and its record.
    transcripts.write(snippet, {"3.12": produced["3.12"]}, options, tmp_path)
    assert transcripts.printer(snippet, "3.14", tmp_path)["python"] == "3.14.2"
    # A file that no run of its version printed (copied, or judged by hand) is refused.
    (tmp_path / "snippets" / "s.3.15.out").write_text(text, encoding="utf-8")
    [problem] = transcripts.unrecorded([usage], tmp_path)
    assert problem.startswith("snippets/s.3.15.out:1: nothing recorded that Python 3.15 printed it")


def test_a_shared_transcript_is_kept_for_the_versions_that_printed_it(tmp_path: Path) -> None:
    """The engines record 3.14 alone, and it differs from the shared file that 3.12 and 3.13
    printed: that file becomes their own, with its record; 3.14's text never replaces it."""
    snippet = _script(tmp_path, "print('hi')\n")
    options = fence.RunOptions()
    text = "$ python snippets/s.py\nhi\n"
    native = {"3.12": _recorded(text, "3.12.1"), "3.13": _recorded(text, "3.13.0")}
    transcripts.write(snippet, native, options, tmp_path)
    assert transcripts.path_for(snippet, "3.12", tmp_path) == "snippets/s.out"
    newer = transcripts.Recording(text + "more\n", "Pyodide 314.0.7", "3.14.2")
    transcripts.write(snippet, {"3.14": newer}, options, tmp_path)
    assert not (tmp_path / "snippets" / "s.out").exists()
    assert (
        transcripts.read(snippet, "3.12", tmp_path)
        == transcripts.read(snippet, "3.13", tmp_path)
        == text
    )
    assert transcripts.printer(snippet, "3.13", tmp_path)["python"] == "3.13.0"
    assert transcripts.read(snippet, "3.14", tmp_path) == text + "more\n"
    assert transcripts.read(snippet, "3.10", tmp_path) is None  # never recorded: no evidence


def test_stray_files_are_named(tmp_path: Path) -> None:
    _script(tmp_path, "print(1)\n", "used.py")
    _script(tmp_path, "print(2)\n", "orphan.py")
    (tmp_path / "snippets" / "used.out").write_text("x", encoding="utf-8")
    (tmp_path / "snippets" / "gone.3.12.out").write_text("x", encoding="utf-8")
    (tmp_path / "snippets" / "notes.txt").write_text("x", encoding="utf-8")
    usage = fence.Fence("docs/p.md", 3, "snippets/used.py", fence.RunOptions())
    problems = transcripts.stray_files([usage], tmp_path)
    assert len(problems) == 3
    assert problems[0].startswith(
        "snippets/gone.3.12.out: transcript of snippets/gone.py, which no page runs"
    )
    assert problems[1].startswith("snippets/notes.txt: not a snippet")
    assert problems[2].startswith("snippets/orphan.py:1: orphan snippet")


def test_page_scan_errors_name_page_and_line(tmp_path: Path) -> None:
    _script(tmp_path, "print(1)\n")
    ok = '# T\n\n```python exec="on" returncode="2" env="A=1 B=\'x y\'" args="-X dev"\n--8<-- "snippets/s.py"\n```\n'
    [usage] = fence.scan(ok, "docs/p.md", tmp_path)
    assert usage.where == "docs/p.md:4"
    assert usage.run == fence.RunOptions(
        returncode=2, args=("-X", "dev"), env=(("A", "1"), ("B", "x y"))
    )
    bad = {
        '```python exec="on" retruncode="1"\n--8<-- "snippets/s.py"\n```\n': "docs/p.md:2: unknown exec fence option(s) retruncode",
        '```python exec="on"\nprint(1)\n```\n': "docs/p.md:1: an exec fence must hold exactly one line",
        '```python exec="on"\n--8<-- "snippets/nope.py"\n```\n': "docs/p.md:2: snippet snippets/nope.py does not exist",
        '```python exec="on" min_python="3.9"\n--8<-- "snippets/s.py"\n```\n': "docs/p.md:2: min_python='3.9' is not one of",
    }
    for text, message in bad.items():
        with pytest.raises(
            fence.FenceError, match="^" + message.replace("(", r"\(").replace(")", r"\)")
        ):
            list(fence.scan(text, "docs/p.md", tmp_path))


def test_min_and_max_python_bound_the_versions_a_snippet_runs_on() -> None:
    options = fence.RunOptions(min_python="3.11", max_python="3.13")
    assert [v for v in interpreters.SUPPORTED if options.runs_on(v)] == ["3.11", "3.12", "3.13"]
    with pytest.raises(fence.FenceError, match="max_python='4.0' is not one of"):
        fence.parse_run_options({"max_python": "4.0"}, "docs/p.md:2")


def test_which_lines_went_to_stderr_leaves_out_optional_ones_and_refuses_a_mismatch() -> None:
    transcript = "$ python s.py\nstart\nExecuting <Task> took 0.2 seconds\nWarning: x\nend\n"
    options = fence.RunOptions(optional_lines="^Executing <")
    # The stderr-only run printed no slow-step report this time: the warning is still found.
    assert transcripts.stderr_lines(transcript, "Warning: x\n", options) == [4]
    # It printed one the transcript lacks: still line 4, the report being optional.
    stderr = "Executing <Task> took 0.1 seconds\nWarning: x\n"
    assert transcripts.stderr_lines(
        transcript.replace("Executing <Task> took 0.2 seconds\n", ""), stderr, options
    ) == [3]
    # A required line the transcript lacks: no answer rather than a wrong one.
    assert transcripts.stderr_lines(transcript, "Error: y\n", options) is None


def test_a_snippet_has_one_fence(tmp_path: Path) -> None:
    _script(tmp_path, "print(1)\n")
    page = '```python exec="on"\n--8<-- "snippets/s.py"\n```\n'
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(page, encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text("# B\n\n" + page, encoding="utf-8")
    with pytest.raises(
        fence.FenceError, match=r"^docs/b.md:4: snippets/s.py is already included at docs/a.md:2"
    ):
        fence.find_all(tmp_path)


def test_recording_forgets_the_records_of_a_removed_snippet(tmp_path: Path) -> None:
    """`unrecorded` says `make update-examples` rewrites a record that points nowhere: it does."""
    kept, removed = _script(tmp_path, "print('hi')\n"), _script(tmp_path, "print('hi')\n", "r.py")
    text = "$ python snippets/s.py\nhi\n"
    for snippet in (kept, removed):
        transcripts.write(
            snippet, {"3.12": _recorded(text, "3.12.1")}, fence.RunOptions(), tmp_path
        )
    (tmp_path / removed).unlink()
    (tmp_path / "snippets" / "r.out").unlink()
    usage = fence.Fence("docs/p.md", 3, kept, fence.RunOptions())
    [problem] = transcripts.unrecorded([usage], tmp_path)
    assert "snippets/r.out for Python 3.12: no such run" in problem
    transcripts.forget_removed([usage], tmp_path)
    assert transcripts.unrecorded([usage], tmp_path) == []
    assert list(transcripts.provenance(tmp_path)) == ["snippets/s.out"]


def test_recording_named_snippets_refuses_a_name_no_page_runs() -> None:
    """`make update-examples SNIPPETS=...` with a typo must say so, not record nothing."""
    fences = [
        fence.Fence("docs/p.md", 3, "snippets/p/a.py", fence.RunOptions()),
        fence.Fence("docs/p.md", 9, "snippets/p/b.py", fence.RunOptions()),
    ]
    assert fence.named(fences, []) == fences
    assert fence.named(fences, ["snippets/p/b.py"]) == [fences[1]]
    with pytest.raises(fence.FenceError, match=r"no page runs snippets/p/c\.py"):
        fence.named(fences, ["snippets/p/b.py", "snippets/p/c.py"])
