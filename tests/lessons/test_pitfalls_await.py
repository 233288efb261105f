"""docs/pitfalls-await.md: a missing await, tasks nobody waits for, await in a plain def."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/pitfalls-await.md")

MISSING = "snippets/pitfalls-await/missing_await.py"
NOT_AWAITED = "snippets/pitfalls-await/tasks_not_awaited.py"
NOT_AWAITED_DEV = "snippets/pitfalls-debug-mode/tasks_not_awaited_dev.py"
AWAIT_IN_DEF = "snippets/pitfalls-await/await_in_def.py"
CHECKPOINT = "snippets/pitfalls-await/checkpoint_greetings.py"

BIG, MEDIUM, TINY = "508000 / 34113", "100052 / 3210", "500 / 3"
NEVER_AWAITED = "RuntimeWarning: coroutine 'find_divisibles' was never awaited"
TRACEMALLOC = "RuntimeWarning: Enable tracemalloc to get the object allocation traceback"
MAIN_LINE = "three tasks created; main returns without waiting for them"


def finding(label: str) -> str:
    inrange, div_by = label.split(" / ")
    return f"finding numbers below {inrange} divisible by {div_by}"


def complaints(out) -> list[str]:
    """Lines only Python itself writes: warnings, tracebacks, asyncio's log."""
    words = ("Warning", "Traceback", "Error", "Task was destroyed", "Executing <")
    return [line for line in out.lines if any(word in line for word in words)]


# --- Forgetting await on a coroutine ------------------------------------------------


@page.claim("The first two searches run as before", MISSING)
def _(out):
    searches = [
        line.split(" after ")[0] for line in out.lines if line.startswith(("finding", "done"))
    ]
    assert searches == [finding(BIG), f"done with {BIG}", finding(MEDIUM), f"done with {MEDIUM}"]


@page.claim("The third one prints nothing at all", MISSING)
def _(out):
    assert not out.starting(finding(TINY)) and not out.starting(f"done with {TINY}")


@page.claim("the RuntimeWarning names line 22 and comes before main is finished", MISSING)
def _(out):
    assert out.index(f"{MISSING}:22: {NEVER_AWAITED}") < out.index("main is finished")


@page.claim("The warning's three lines go to standard error", MISSING)
def _(out):
    assert out.stderr == [
        f"{MISSING}:22: {NEVER_AWAITED}",
        "  find_divisibles(500, 3)",
        TRACEMALLOC,
    ]
    assert "main is finished" in out.stdout


@page.claim("the program carries on and exits with status 0", MISSING)
def _(out):
    assert out.returncode == 0
    assert out.lines[-1] == "main is finished"


# --- Forgetting to wait for tasks ----------------------------------------------------


@page.claim("All three tasks start: each prints its finding numbers ... line", NOT_AWAITED)
def _(out):
    assert out.starting("finding") == [finding(BIG), finding(MEDIUM), finding(TINY)]


@page.claim("None of them finishes: there is no done with ... line", NOT_AWAITED)
def _(out):
    assert not out.starting("done with")


@page.claim(
    "And nothing says so, not even debug mode: no warning, no error, exit status 0",
    NOT_AWAITED,
    NOT_AWAITED_DEV,
)
def _(out, dev):
    for run in (out, dev):
        assert not complaints(run)
        assert run.returncode == 0
    assert dev.lines == out.lines


@page.claim("Every task reports done=True and cancelled=True", NOT_AWAITED)
def _(out):
    assert out.starting("task") == [f"task{n}: done=True, cancelled=True" for n in (1, 2, 3)]


@page.claim(
    "Each task gets a first turn because it was already in the ready queue when main returned",
    NOT_AWAITED,
)
def _(out):
    assert out.index(MAIN_LINE) == 0  # main returned before any task had a turn
    assert out.lines[1:4] == [finding(BIG), finding(MEDIUM), finding(TINY)]  # in the order created


# --- await inside a plain def ----------------------------------------------------------


@page.claim("main starts is never printed", AWAIT_IN_DEF)
def _(out):
    assert not out.starting("main starts") and not out.starting("finding")


@page.claim(
    "The SyntaxError points at the await on line 13 and says 'await' outside async function",
    AWAIT_IN_DEF,
)
def _(out):
    assert out.lines[0] == f'  File "{AWAIT_IN_DEF}", line 13'
    assert out.lines[1].strip() == "await asyncio.sleep(0)"
    assert out.lines[-1] == "SyntaxError: 'await' outside async function"


@page.claim("'await' outside async function; the exit status is 1", AWAIT_IN_DEF)
def _(out):
    assert out.returncode == 1


@page.claim("Every supported version prints the same", AWAIT_IN_DEF)
def _(out):
    assert out.lines == [
        f'  File "{AWAIT_IN_DEF}", line 13',
        "    await asyncio.sleep(0)",
        "    ^^^^^^^^^^^^^^^^^^^^^^",
        "SyntaxError: 'await' outside async function",
    ]


# --- Checkpoint -------------------------------------------------------------------------


@page.claim(
    "Only the second greeting appears: the first call made a coroutine that nothing awaited, "
    "and Python's warning about it comes first, on standard error",
    CHECKPOINT,
)
def _(out):
    assert out.starting("hello") == ["hello, second"]
    warning = out.index(f"{CHECKPOINT}:9: RuntimeWarning: coroutine 'greet' was never awaited")
    assert warning < out.index("hello, second")
    assert out.stderr[0] == out.lines[warning] and "hello, second" in out.stdout


# --- The lines the page names by number (the source, not the output) -------------------


def test_the_lines_the_page_names(line_number) -> None:
    assert (
        line_number(MISSING, "find_divisibles(500, 3)") == 22
    )  # "the third call has lost its await"
    assert (
        line_number(AWAIT_IN_DEF, "def find_divisibles(inrange, div_by):") == 5
    )  # "lost its async"
    assert line_number(AWAIT_IN_DEF, "await asyncio.sleep(0)") == 13


def test_the_missing_await_is_the_only_change_from_a_whole_main(change) -> None:
    awaited = change(MISSING, "snippets/pitfalls-debug-mode/missing_await_debug.py")
    assert not awaited.added and not awaited.removed  # the debug page runs the same script
    assert change(NOT_AWAITED, NOT_AWAITED_DEV).added == {}


test_claims = page.test()
