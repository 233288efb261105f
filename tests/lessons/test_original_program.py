"""docs/original-program.md: the original final script on 3.10-3.13, and its rewrite."""

from __future__ import annotations

import pytest

from tools.build import fence, interpreters, runner, transcripts

ORIGINAL = "snippets/original-program/original.py"
AS_ERROR = "snippets/original-program/warning_as_error.py"
NO_WAIT = "snippets/original-program/no_wait.py"
NO_WAIT_DEBUG = "snippets/original-program/no_wait_debug.py"
REWRITE = "snippets/original-program/rewrite.py"

USAGES = {u.snippet: u for u in fence.find_all()}
WARNS = {"3.10": False, "3.11": False, "3.12": True, "3.13": True}
DESTROYED = "Task was destroyed but it is pending!"
BIG_NUMBERS = str(list(range(0, 508000, 34113)))
EXPECTED = [  # what the original printed on 3.10 and 3.11, and the rewrite everywhere
    "finding nums in range 508000 divisible by 34113",
    "finding nums in range 100052 divisible by 3210",
    "finding nums in range 500 divisible by 3",
    "Done w/ nums in range 500 divisible by 3",
    "Done w/ nums in range 100052 divisible by 3210",
    "Done w/ nums in range 508000 divisible by 34113",
    BIG_NUMBERS,
]


def warning(snippet: str) -> list[str]:
    return [
        f"{snippet}:27: DeprecationWarning: There is no current event loop",
        "  loop = asyncio.get_event_loop()",
    ]


def source_lines(snippet: str) -> list[str]:
    return (fence.ROOT / snippet).read_text(encoding="utf-8").split("\n")


def test_the_lines_the_page_refers_to(line_number) -> None:
    assert line_number(ORIGINAL, "loop = asyncio.get_event_loop()") == 27
    assert line_number(ORIGINAL, "loop.set_debug(1)") == 28
    assert line_number(ORIGINAL, "except Exception as e:  # noqa: F841") == 31
    assert line_number(ORIGINAL, "loop.close()") == 35
    assert line_number(ORIGINAL, "await asyncio.sleep(0.0001)") == 11
    assert line_number(ORIGINAL, "divs1 = loop.create_task(find_divisibles(508000, 34113))") == 18
    assert line_number(ORIGINAL, "divs3 = loop.create_task(find_divisibles(500, 3))") == 20
    assert sum("# noqa" in line for line in source_lines(ORIGINAL)) == 3  # "three # noqa comments"


def test_original_runs_on_every_version_and_warns_on_312_and_313_only(output, version) -> None:
    t = output(ORIGINAL)
    expected = (warning(ORIGINAL) if WARNS[version] else []) + EXPECTED
    assert t.lines == expected, t  # and set_debug(1) adds nothing
    assert BIG_NUMBERS.count(",") + 1 == 15  # "the 15 numbers"


@pytest.mark.parametrize("version", ["3.12", "3.13"])
def test_the_314_chain_shown_with_the_warning_as_an_error(output) -> None:
    usage = USAGES[AS_ERROR]
    assert (usage.run.args, usage.run.min_python, usage.run.returncode) == (
        ("-W", "error::DeprecationWarning"),
        "3.12",
        1,
    )
    assert source_lines(AS_ERROR) == source_lines(ORIGINAL), "the page runs the original"
    t = output(AS_ERROR)
    assert t.lines == [
        "Traceback (most recent call last):",
        f'  File "{AS_ERROR}", line 35, in <module>',
        "    loop.close()",
        "    ^^^^",
        "NameError: name 'loop' is not defined",
    ], t


def test_the_warning_run_is_not_recorded_for_310_and_311() -> None:
    # The page says that run is shown for 3.12 and 3.13 only.
    for version in ("3.10", "3.11"):
        assert not USAGES[AS_ERROR].run.runs_on(version)
        assert not snippets.version_transcript(AS_ERROR, version).exists()


def test_no_wait_comments_out_the_await_the_result_and_set_debug(change) -> None:
    changed = change(ORIGINAL, NO_WAIT)
    assert sorted(changed.added) == [21, 28, 30], changed
    assert changed.added[21].strip() == "# await asyncio.wait([divs1, divs2, divs3])"
    assert changed.added[28].strip() == "# loop.set_debug(1)"
    assert changed.added[30].strip() == "# print(d1.result())"
    back = change(NO_WAIT, NO_WAIT_DEBUG)
    assert sorted(back.added) == [28] and back.added[28].strip() == "loop.set_debug(1)", back


def test_no_wait_tasks_begin_and_are_destroyed_pending_at_line_11(output, version) -> None:
    t = output(NO_WAIT)
    expected = (warning(NO_WAIT) if WARNS[version] else []) + EXPECTED[:3]
    expected += [
        DESTROYED,
        f"task: <Task pending name='Task-<n>' coro=<find_divisibles() running at {NO_WAIT}:11> "
        "wait_for=<Future pending cb=[Task.task_wakeup()]>>",
    ] * 3
    assert t.masked() == expected, t
    assert USAGES[NO_WAIT].options.returncode == 0, "the page says the exit status is 0"


def test_set_debug_adds_where_each_task_was_created_310_in_reverse(output, version) -> None:
    t = output(NO_WAIT_DEBUG)
    if WARNS[version]:
        assert t.lines[:2] == warning(NO_WAIT_DEBUG), t
    else:
        assert t.lines[0] == EXPECTED[0], t
    assert [line for line in t.lines if line.startswith("finding")] == EXPECTED[:3], t
    assert not [line for line in t.lines if line.startswith("Done")], t
    starts = [i for i, line in enumerate(t.lines) if line == DESTROYED]
    assert len(starts) == 3 and starts[0] == (5 if WARNS[version] else 3), t
    ends = [*starts[1:], len(t.lines)]
    created_in_main = []
    for start, end in zip(starts, ends, strict=True):
        block = t.lines[start:end]
        assert block[1] == "source_traceback: Object created at (most recent call last):", t
        # The traceback ends at the line of main that created the task...
        assert block[-3].startswith(f'  File "{NO_WAIT_DEBUG}", line ') and block[-3].endswith(
            ", in main"
        ), t
        line = int(block[-3].split(", line ")[1].split(",")[0])
        assert block[-2].strip() == source_lines(NO_WAIT_DEBUG)[line - 1].strip(), t
        created_in_main.append(line)
        # ...and the task says where it, and the future it waits for, were created.
        task = block[-1]
        assert task.startswith("task: <Task pending name='Task-"), t
        assert f"running at {NO_WAIT_DEBUG}:11> " in task, t
        assert "wait_for=<Future pending cb=[Task.task_wakeup()] created at " in task, t
        assert task.endswith(f"> created at {NO_WAIT_DEBUG}:{line}>"), t
    assert created_in_main == ([20, 19, 18] if version == "3.10" else [18, 19, 20]), t


def test_rewrite_prints_what_the_original_printed_on_310_without_a_warning(output) -> None:
    assert output(REWRITE).lines == EXPECTED
    text = "\n".join(source_lines(REWRITE))
    for old in ("get_event_loop", "run_until_complete", "set_debug", "loop", "except", "format("):
        assert old not in text, f"the page says the rewrite has no {old}"
    assert "asyncio.gather(" in text and "asyncio.run(main())" in text
