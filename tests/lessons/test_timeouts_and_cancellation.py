"""docs/timeouts-and-cancellation.md: where a timeout or a cancel() lands, and what it raises."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/timeouts-and-cancellation.md")

TIMEOUT = "snippets/timeouts-and-cancellation/timeout.py"
WAIT_FOR = "snippets/timeouts-and-cancellation/wait_for.py"
NO_PAUSE = "snippets/timeouts-and-cancellation/timeout_no_pause.py"
CANCEL = "snippets/timeouts-and-cancellation/cancel.py"
CHECKPOINT = "snippets/timeouts-and-cancellation/checkpoint_cleanup.py"
LIMIT_MS = 5
STARTS = [
    "finding numbers below 508000 divisible by 34113",
    "finding numbers below 100052 divisible by 3210",
    "finding numbers below 500 divisible by 3",
]


@page.claim(
    "The search never prints done, and main reports that it gave up after more than 5 ms", TIMEOUT
)
def _(out):
    assert out.lines[0] == STARTS[0] and not out.starting("done with")
    assert len(out.lines) == 2 and out.number(r"^gave up after (\d+\.\d) ms$") > LIMIT_MS


@page.claim(
    "On 3.10, wait_for raises asyncio.exceptions.TimeoutError", WAIT_FOR, versions=("3.10",)
)
def _(out):
    assert out.lines[-2:] == [
        "wait_for raised <class 'asyncio.exceptions.TimeoutError'>",
        "is it the built-in TimeoutError? False",
    ]


@page.claim(
    "From 3.11 on, wait_for raises the built-in TimeoutError",
    WAIT_FOR,
    versions=("3.11", "3.12", "3.13", "3.14", "3.15"),
)
def _(out):
    assert out.lines[-2:] == [
        "wait_for raised <class 'TimeoutError'>",
        "is it the built-in TimeoutError? True",
    ]


@page.claim("The search runs to its end and returns its 15 numbers", NO_PAUSE)
def _(out):
    assert out.lines[0] == STARTS[0] and out.lines[1].startswith("done with 508000 / 34113")
    assert out.lines[2] == "no timeout: found 15 numbers"


@page.claim("main goes on after more than 5 ms, with no TimeoutError", NO_PAUSE)
def _(out):
    assert "timed out" not in out.text and len(out.lines) == 4
    assert out.number(r"^main went on after (\d+\.\d) ms$") > LIMIT_MS


@page.claim("so all three tasks start before main cancels task1", CANCEL)
def _(out):
    assert out.lines[:4] == [*STARTS, "main cancels task1"]


@page.claim(
    "The large search never prints done, while the medium and the tiny one finish as usual", CANCEL
)
def _(out):
    done = [
        line.removeprefix("done with ").split(" after")[0] for line in out.starting("done with")
    ]
    assert done == ["500 / 3", "100052 / 3210"]
    assert out.lines[-1] == "task2 found 32 numbers, task3 found 167"


@page.claim("gather returns the CancelledError in task1's place instead of raising it", CANCEL)
def _(out):
    assert out.lines[-2] == "task1: cancelled=True, its result is CancelledError('')"


@page.claim("The finally block of slow prints its line before main reports the timeout", CHECKPOINT)
def _(out):
    assert out.lines == ["slow started", "slow cleans up", "main: the wait timed out"]


@page.claim("slow finished never appears", CHECKPOINT)
def _(out):
    assert "slow finished" not in out.text


test_claims = page.test()


def test_the_limits_and_the_pause_the_page_names(line_number) -> None:
    for snippet in (TIMEOUT, NO_PAUSE):
        line_number(snippet, "async with asyncio.timeout(0.005):")  # the page's "5 ms"
    assert (
        line_number(
            CANCEL, "await asyncio.sleep(0)  # let each task start and reach its first pause"
        )
        == 23
    )
