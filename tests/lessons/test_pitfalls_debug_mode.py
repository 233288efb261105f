"""docs/pitfalls-debug-mode.md: what debug mode adds to a forgotten coroutine and to slow steps.

The page's first section, the reference table of the switches and what debug mode checks, runs
no snippet of its own: there is no output for it to be checked against (debugging.md runs one
script with each switch).
"""

from __future__ import annotations

import re

from tests.lessons.claims import Page
from tools.pipeline import fence

page = Page("docs/pitfalls-debug-mode.md")

MISSING_DEBUG = "snippets/pitfalls-debug-mode/missing_await_debug.py"
SLOW = "snippets/pitfalls-debug-mode/slow_steps.py"
NOT_AWAITED = "snippets/pitfalls-await/tasks_not_awaited.py"
NOT_AWAITED_DEV = "snippets/pitfalls-debug-mode/tasks_not_awaited_dev.py"
CHECKPOINT = "snippets/pitfalls-debug-mode/checkpoint_blocking.py"

BIG, MEDIUM, TINY = "508000 / 34113", "100052 / 3210", "500 / 3"
NEVER_AWAITED = "RuntimeWarning: coroutine 'find_divisibles' was never awaited"
HEADER = "Coroutine created at (most recent call last)"
DONE = r"^done with {} after (\d+\.\d) ms$"
TOOK = r"^Executing <Task finished name='{}' .* took (\d+\.\d+) seconds$"


def frames(out) -> list[tuple[str, str]]:
    """(`File "...", line N, in f`, the source line under it) for each traceback frame."""
    return [
        (line.strip(), out.lines[i + 1].strip())
        for i, line in enumerate(out.lines)
        if line.strip().startswith('File "')
    ]


def reports(out) -> list[str]:
    return out.starting("Executing <")


def report_of(out, task: str) -> int:
    return out.index(f"Executing <Task finished name='{task}' coro=<find_divisibles() done")


# --- Where a forgotten coroutine was created ---------------------------------------------


@page.claim(
    "The warning now carries a traceback headed Coroutine created at (most recent call last)",
    MISSING_DEBUG,
)
def _(out):
    assert out.lines[out.index(f"{MISSING_DEBUG}:22: {NEVER_AWAITED}") + 1] == HEADER


@page.claim(
    "from asyncio.run(main()) on line 27, through the event loop's own functions, to line 22 in main",
    MISSING_DEBUG,
)
def _(out):
    chain = frames(out)
    assert chain[0] == (f'File "{MISSING_DEBUG}", line 27, in <module>', "asyncio.run(main())")
    assert chain[-1] == (f'File "{MISSING_DEBUG}", line 22, in main', "find_divisibles(500, 3)")
    middle = [where for where, _ in chain[1:-1]]
    assert middle and all(
        where.startswith(f'File ".../lib/python{out.version}/asyncio/') for where in middle
    )


@page.claim(
    "Its middle part differs between versions, which is why the output has a tab per version",
    MISSING_DEBUG,
)
def _(out):
    functions = [where.rsplit(" in ", 1)[1] for where, _ in frames(out)[1:-1]]
    runner = ["run", "run"] if out.version != "3.10" else ["run"]  # asyncio.run, then Runner.run
    assert functions == [*runner, "run_until_complete", "run_forever", "_run_once", "_run"]


@page.claim(
    "runs the loop, _run_once takes the next callback from the ready queue, and the callback steps the task of main",
    MISSING_DEBUG,
)
def _(out):
    code = [line for _, line in frames(out)]
    at = code.index("self.run_forever()")
    assert code[at : at + 3] == ["self.run_forever()", "self._run_once()", "handle._run()"]


@page.claim(
    "from 3.11 on it goes through asyncio.Runner, which adds the frame return runner.run(main)",
    MISSING_DEBUG,
)
def _(out):
    through_runner = any(line == "return runner.run(main)" for _, line in frames(out))
    assert through_runner == (out.version != "3.10")


@page.claim("Here the warning already named line 22, so the traceback adds little", MISSING_DEBUG)
def _(out):
    assert out.starting(f"{MISSING_DEBUG}:22: {NEVER_AWAITED}")
    assert frames(out)[-1][0].endswith("line 22, in main")


# --- Steps that hold up the loop -------------------------------------------------------------


@page.claim("whole search is one step, and each report follows the done line of its search", SLOW)
def _(out):
    assert report_of(out, "Task-2") == out.index(f"done with {BIG}") + 1
    assert report_of(out, "Task-3") == out.index(f"done with {MEDIUM}") + 1
    took = out.number(TOOK.format("Task-2"))
    assert took * 1000 >= 0.9 * out.number(DONE.format(BIG))  # the step holds the whole search


@page.claim("result=[0, 34113, ...] and result=[0, 3210, ...] show which search it was", SLOW)
def _(out):
    assert "result=[0, 34113, 68226, " in out.lines[report_of(out, "Task-2")]
    assert "result=[0, 3210, 6420, " in out.lines[report_of(out, "Task-3")]


@page.claim("The tiny third search takes far less than 1 ms", SLOW)
def _(out):
    assert out.number(DONE.format(TINY)) < 1.0


@page.claim("can now and then cross 1 ms and get a line too", SLOW)
def _(out):
    # Every other report is one of those: main's first step, the tiny search, wait's callback,
    # the shutdown steps.
    others = [
        line
        for line in reports(out)
        if not re.match(r"Executing <Task finished name='Task-[23]' ", line)
    ]
    for line in others:
        assert line.startswith(("Executing <Task pending name='Task-1' coro=<main() running",
                                "Executing <Task finished name='Task-4' coro=<find_divisibles() done",
                                "Executing <Handle _wait.<locals>._on_completion(",
                                "Executing <Task finished name='Task-5' coro=<BaseEventLoop.shutdown_asyncgens()",
                                "Executing <Task finished name='Task-6' coro=<BaseEventLoop.shutdown_default_executor()")), line  # fmt: skip
    assert len(reports(out)) - len(others) == 2


# --- Tasks nobody waits for ----------------------------------------------------------------------


@page.claim(
    "The output is the same as without -X dev: no warning, and exit status 0",
    NOT_AWAITED_DEV,
    NOT_AWAITED,
)
def _(dev, plain):
    assert dev.lines == plain.lines
    assert not [line for line in dev.lines if "Warning" in line or "Error" in line]
    assert dev.returncode == 0


# --- Checkpoint --------------------------------------------------------------------------------


@page.claim(
    "After both lines comes one Executing report, for the only step of main, which took at least "
    "the 0.15 seconds of the sleep, well over the 100 ms limit",
    CHECKPOINT,
)
def _(out):
    assert out.lines[:2] == ["before the blocking call", "after the blocking call"]
    assert len(reports(out)) == 1 and out.lines[2] == reports(out)[0]
    assert out.lines[2].startswith("Executing <Task finished name='Task-1' coro=<main() done")
    took = out.number(r"took (\d+\.\d+) seconds$")
    assert took >= 0.149 and took > 0.1  # time.sleep waits at least its argument


# --- The lines the page names by number (the source, not the output) -----------------------------


@page.claim(
    "may add one more line at the end: debug mode reporting that the last step of main took 0.1 seconds or more",
    MISSING_DEBUG,
)
def _(out):
    """Natively the last step is quick: no report. The browser's slower engine may print one,
    which its fence allows for the engines only (browser_optional_lines), and never records."""
    assert not out.findall(r"^Executing <Task finished name='Task-1'")
    allowed = fence.by_snippet(fence.find_all())[MISSING_DEBUG].browser_optional_lines
    line = "Executing <Task finished name='Task-1' coro=<main() done, defined at x.py:19> took 0.105 seconds"
    assert allowed and re.search(allowed, line)


def test_the_lines_the_page_names(line_number) -> None:
    assert line_number(SLOW, "asyncio.get_running_loop().slow_callback_duration = 0.001") == 19
    assert line_number(MISSING_DEBUG, "find_divisibles(500, 3)") == 22
    assert line_number(MISSING_DEBUG, "asyncio.run(main())") == 27


def test_the_slow_steps_never_pause() -> None:
    # "whose find_divisibles never pauses": each search is one step.
    from tools.pipeline.fence import ROOT

    assert "asyncio.sleep" not in (ROOT / SLOW).read_text(encoding="utf-8")


test_claims = page.test()
