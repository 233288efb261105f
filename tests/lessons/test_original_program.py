"""docs/original-program.md: the original final script on 3.10-3.15, without its wait, and rewritten.

Up to 3.13 the old calls still work; from 3.14 on `get_event_loop()` raises, so each sentence
says which versions it is about, and its claim runs on exactly those (3.14 and 3.15 on their
transcripts where this machine cannot run them natively).
"""

from __future__ import annotations

import ast

from tests.lessons.claims import Page
from tools.pipeline import fence, interpreters, transcripts

page = Page("docs/original-program.md")

ORIGINAL = "snippets/original-program/original.py"
AS_ERROR = "snippets/original-program/warning_as_error.py"
NO_WAIT = "snippets/original-program/no_wait.py"
NO_WAIT_DEBUG = "snippets/original-program/no_wait_debug.py"
REWRITE = "snippets/original-program/rewrite.py"
CHECKPOINT = "snippets/original-program/checkpoint_gather_order.py"
NOT_AWAITED = "snippets/pitfalls-await/tasks_not_awaited.py"

TO_313 = ("3.10", "3.11", "3.12", "3.13")  # get_event_loop() still creates a loop
FROM_314 = ("3.14", "3.15")  # get_event_loop() raises; the program ends with a NameError
WARNS = {"3.10": False, "3.11": False, "3.12": True, "3.13": True}
NAME_ERROR = "NameError: name 'loop' is not defined"
SILENT_FROM = {"3.10": (3, 10, 10), "3.11": (3, 11, 2)}  # earlier patch releases warned
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


def without_warning(out) -> list[str]:
    return out.lines[2:] if WARNS[out.version] else out.lines


def blocks(out) -> list[list[str]]:
    """Each `Task was destroyed` message with the lines after it, up to the next one."""
    starts = [i for i, line in enumerate(out.lines) if line == DESTROYED]
    return [out.lines[a:b] for a, b in zip(starts, [*starts[1:], len(out.lines)], strict=True)]


def assert_name_error_alone(out, snippet: str) -> None:
    """From 3.14: the traceback of `loop.close()` on line 35 is the whole output, exit status 1."""
    assert out.lines[0] == "Traceback (most recent call last):" and out.lines[-1] == NAME_ERROR
    assert out.lines[1] == f'  File "{snippet}", line 35, in <module>' and len(out.lines) == 5
    assert out.returncode == 1


def full_version(out) -> tuple[int, ...]:
    """The patch release that printed `out`: this build's interpreter, or the transcript's."""
    found = interpreters.find(out.version) if out.seconds is not None else None
    printed = (
        found.full_version if found else transcripts.printer(out.snippet, out.version)["python"]
    )
    return tuple(int(part) for part in printed.split(".")[:3])


# --- The original program ---------------------------------------------------------------------


@page.claim(
    "On Python 3.10 and 3.11 it runs without a complaint, provided the patch release is 3.10.10 "
    "or later, or 3.11.2 or later (this site runs newer ones)",
    ORIGINAL,
    versions=("3.10", "3.11"),
)
def _(out):
    assert out.lines == EXPECTED
    assert full_version(out) >= SILENT_FROM[out.version]  # a build on 3.10.9 would warn


@page.claim(
    "the tiny one finishes first, then the medium one, then the large one, and the script prints the 15 numbers",
    ORIGINAL,
    versions=TO_313,
)
def _(out):
    assert without_warning(out) == EXPECTED
    assert len(ast.literal_eval(out.lines[-1])) == 15


@page.claim(
    "On 3.12 and 3.13 the same lines come after a DeprecationWarning for line 27",
    ORIGINAL,
    versions=("3.12", "3.13"),
)
def _(out):
    assert out.lines == warning(ORIGINAL) + EXPECTED


@page.claim(
    "Up to 3.13, loop.set_debug(1) on line 28 adds nothing to this output",
    ORIGINAL,
    versions=TO_313,
)
def _(out):
    assert without_warning(out) == EXPECTED  # no debug report, no other message


@page.claim(
    "every coroutine is awaited, every task finishes, and no step holds the loop",
    ORIGINAL,
    versions=TO_313,
)
def _(out):
    assert len(out.starting("Done w/")) == 3
    assert not [line for line in out.lines if "never awaited" in line or "Executing <" in line]


@page.claim(
    "silent on 3.10.10+ and 3.11.2+ (earlier patch releases warned), a DeprecationWarning on 3.12 "
    "and 3.13, a RuntimeError from 3.14 on",
    ORIGINAL,
)
def _(out):
    warned = bool(out.findall(r"DeprecationWarning: There is no current event loop$"))
    if out.version in FROM_314:  # the RuntimeError is swallowed; what shows is its consequence
        assert not warned and out.lines[-1] == NAME_ERROR and out.returncode == 1
    else:
        assert warned == WARNS[out.version] and out.returncode == 0


@page.claim("waits and returns the results in argument order", CHECKPOINT)
def _(out):
    assert out.lines[-1] == "['slow', 'fast']"


# --- The 3.14 chain, imitated on 3.12 and 3.13 ----------------------------------------------------


@page.claim(
    "You can watch the same chain of events on 3.12 and 3.13, where line 27 only warns",
    ORIGINAL,
    versions=("3.12", "3.13"),
)
def _(out):
    assert out.lines[:2] == warning(ORIGINAL) and out.returncode == 0


@page.claim("the only thing left to see is the NameError from line 35", AS_ERROR)
def _(out):
    assert out.lines == [
        "Traceback (most recent call last):",
        f'  File "{AS_ERROR}", line 35, in <module>',
        "    loop.close()",
        "    ^^^^",
        "NameError: name 'loop' is not defined",
    ]
    assert out.returncode == 1


@page.claim(
    "3.10.10+ and 3.11.2+ do not warn at line 27, so this run is shown for 3.12 and 3.13 only",
    ORIGINAL,
    versions=("3.10", "3.11"),
)
def _(out):
    assert not out.findall("Warning")
    assert not fence.by_snippet(fence.find_all())[AS_ERROR].run.runs_on(out.version)


# --- Not waiting ------------------------------------------------------------------------------------


@page.claim("On 3.10 to 3.13 the tasks do begin and never finish", NO_WAIT, versions=TO_313)
def _(out):
    assert out.starting("finding") == EXPECTED[:3]
    assert not out.starting("Done")


@page.claim(
    "each task ends with Task was destroyed but it is pending! on standard error",
    NO_WAIT,
    versions=TO_313,
)
def _(out):
    assert len(blocks(out)) == 3
    assert [line for block in blocks(out) for line in block] == out.stderr[-6:]
    assert all(line.startswith("finding") for line in out.stdout)


@page.claim("so they are still paused at line 11 when Python shuts down", NO_WAIT, versions=TO_313)
def _(out):
    for block in blocks(out):
        assert f"coro=<find_divisibles() running at {NO_WAIT}:11>" in block[1]


@page.claim("No exception stops the program, and its exit status is 0", NO_WAIT, versions=TO_313)
def _(out):
    assert out.returncode == 0 and not out.findall("Traceback")


@page.claim(
    "From 3.14 on, the program never gets that far: as in the section above, it prints only the "
    "traceback of the NameError from line 35 and exits with status 1",
    NO_WAIT,
    versions=FROM_314,
)
def _(out):
    assert_name_error_alone(out, NO_WAIT)
    assert out.stderr == out.lines  # all of it is the traceback, on standard error


@page.claim(
    "On 3.10 to 3.13, debug mode adds no new message; it adds detail to the three that were already there",
    NO_WAIT_DEBUG,
    NO_WAIT,
    versions=TO_313,
)
def _(debug, plain):
    assert len(blocks(debug)) == len(blocks(plain)) == 3
    messages = [
        line.replace(NO_WAIT_DEBUG, NO_WAIT) for line in debug.lines
    ]  # the file names differ
    assert [
        line for line in messages if not line.startswith((" ", "source_traceback", "task:"))
    ] == [line for line in plain.lines if not line.startswith((" ", "task:"))]


@page.claim(
    "Each one now has a source_traceback that ends at the line of main that created the task",
    NO_WAIT_DEBUG,
    versions=TO_313,
)
def _(out):
    source = (fence.ROOT / NO_WAIT_DEBUG).read_text(encoding="utf-8").split("\n")
    for block in blocks(out):
        assert block[1] == "source_traceback: Object created at (most recent call last):"
        where = block[-3]
        assert where.startswith(f'  File "{NO_WAIT_DEBUG}", line ') and where.endswith(", in main")
        line = int(where.split(", line ")[1].split(",")[0])
        assert 18 <= line <= 20 and block[-2].strip() == source[line - 1].strip()


@page.claim(
    "the task's description says where the task and the future it was waiting for were created",
    NO_WAIT_DEBUG,
    versions=TO_313,
)
def _(out):
    for block in blocks(out):
        task, line = block[-1], block[-3].split(", line ")[1].split(",")[0]
        assert "wait_for=<Future pending cb=[Task.task_wakeup()] created at " in task
        assert task.endswith(f"> created at {NO_WAIT_DEBUG}:{line}>")


@page.claim(
    "Python 3.10 reports the three tasks in the opposite order", NO_WAIT_DEBUG, versions=TO_313
)
def _(out):
    created = [int(block[-3].split(", line ")[1].split(",")[0]) for block in blocks(out)]
    assert created == ([20, 19, 18] if out.version == "3.10" else [18, 19, 20])


@page.claim(
    "On 3.14 and 3.15 this script, too, ends with the NameError from line 35 alone",
    NO_WAIT_DEBUG,
    versions=FROM_314,
)
def _(out):
    assert_name_error_alone(out, NO_WAIT_DEBUG)


@page.claim("The same mistake with asyncio.run prints no such message", NOT_AWAITED)
def _(out):
    assert not out.findall(DESTROYED) and not out.findall("Warning")


# --- The same program today ---------------------------------------------------------------------


@page.claim(
    "Every version prints exactly what the original printed on 3.10 and 3.11, with no warning",
    REWRITE,
)
def _(rewrite):
    assert rewrite.lines == EXPECTED  # the original's output on 3.10 and 3.11: the first claim


# --- Checkpoint ------------------------------------------------------------------------------------


@page.claim(
    "The fast call finishes first, but gather returns its results in the order of its arguments, "
    "so the list starts with the slow one",
    CHECKPOINT,
)
def _(out):
    assert out.lines == ["fast is done", "slow is done", "['slow', 'fast']"]


# --- The source: the lines the page names, and what changed between scripts ------------------------


def source_lines(snippet: str) -> list[str]:
    return (fence.ROOT / snippet).read_text(encoding="utf-8").split("\n")


def test_the_lines_the_page_names(line_number) -> None:
    assert line_number(ORIGINAL, "loop = asyncio.get_event_loop()") == 27
    assert line_number(ORIGINAL, "loop.set_debug(1)") == 28
    assert line_number(ORIGINAL, "except Exception as e:  # noqa: F841") == 31
    assert line_number(ORIGINAL, "loop.close()") == 35
    assert line_number(ORIGINAL, "await asyncio.sleep(0.0001)") == 11
    assert line_number(ORIGINAL, "divs1 = loop.create_task(find_divisibles(508000, 34113))") == 18
    assert line_number(ORIGINAL, "divs3 = loop.create_task(find_divisibles(500, 3))") == 20
    assert sum("# noqa" in line for line in source_lines(ORIGINAL)) == 3  # "three # noqa comments"


def test_the_warning_run_is_the_original_and_only_on_312_and_313() -> None:
    assert source_lines(AS_ERROR) == source_lines(ORIGINAL), "the page runs the original"
    run = fence.by_snippet(fence.find_all())[AS_ERROR].run
    assert (run.args, run.min_python, run.returncode) == (
        ("-W", "error::DeprecationWarning"),
        "3.12",
        1,
    )
    for version in ("3.10", "3.11"):
        assert not (fence.ROOT / AS_ERROR).with_suffix(f".{version}.out").exists()


def test_no_wait_comments_out_the_await_the_result_and_set_debug(change) -> None:
    changed = change(ORIGINAL, NO_WAIT)
    assert sorted(changed.added) == [21, 28, 30], changed
    assert changed.added[21].strip() == "# await asyncio.wait([divs1, divs2, divs3])"
    assert changed.added[28].strip() == "# loop.set_debug(1)"
    assert changed.added[30].strip() == "# print(d1.result())"
    back = change(NO_WAIT, NO_WAIT_DEBUG)
    assert sorted(back.added) == [28] and back.added[28].strip() == "loop.set_debug(1)", back


def test_the_rewrite_drops_every_old_call() -> None:
    text = "\n".join(source_lines(REWRITE))
    for old in ("get_event_loop", "run_until_complete", "set_debug", "loop", "except", "format("):
        assert old not in text, f"the page says the rewrite has no {old}"
    assert "asyncio.gather(" in text and "asyncio.run(main())" in text


@page.claim(
    "The program prints none of its lines, only a traceback for NameError: name 'loop' is not defined",
    ORIGINAL,
    versions=FROM_314,
)
def _(out):
    assert out.lines[0] == "Traceback (most recent call last):"
    assert out.lines[-1] == "NameError: name 'loop' is not defined"
    assert not out.starting("finding nums") and not out.starting("Done w/")


@page.claim("and exits with status 1", ORIGINAL, versions=FROM_314)
def _(out):
    assert out.returncode == 1


@page.claim(
    "The real cause, the RuntimeError from line 27, is not shown anywhere",
    ORIGINAL,
    versions=FROM_314,
)
def _(out):
    assert "RuntimeError" not in out.text


test_claims = page.test()
