"""docs/signals.md: Ctrl-C under asyncio.run (a cancellation from 3.11), SIGTERM handlers."""

from __future__ import annotations

from tests.lessons.claims import Page
from tools.pipeline.interpreters import version_key

page = Page("docs/signals.md")

CTRL_C = "snippets/signals/ctrl_c.py"
SIGTERM = "snippets/signals/sigterm.py"
CHECKPOINT = "snippets/signals/checkpoint_swallowed.py"


def cancels(out) -> bool:
    """From 3.11, asyncio.run turns Ctrl-C into a cancellation of main."""
    return version_key(out.version) >= (3, 11)


@page.claim("On every version, the finally blocks of both coroutines run, inner first", CTRL_C)
def _(out):
    assert out.index("find_divisibles: cleaning up") < out.index("main: cleaning up")


@page.claim("KeyboardInterrupt then reaches the top of the program", CTRL_C)
def _(out):
    assert out.lines[-1] == "KeyboardInterrupt reached the top of the program"
    assert out.index("main: cleaning up") < len(out.lines) - 1


@page.claim("the search stops at its next await with CancelledError", CTRL_C)
def _(out):
    # 200,000 is a multiple of 50,000, so the next await comes before another multiple of
    # 34113: both ways stop after the same six numbers.
    assert out.lines[0] == "find_divisibles: cleaning up after 6 numbers"


@page.claim("main prints main: cancelled", CTRL_C)
def _(out):
    assert ("main: cancelled" in out.lines) == cancels(out)
    if cancels(out):
        assert out.lines[1:3] == ["main: cancelled", "main: cleaning up"]


@page.claim("main: cancelled never appears", CTRL_C)
def _(out):
    if not cancels(out):
        assert out.lines == [
            "find_divisibles: cleaning up after 6 numbers",
            "main: cleaning up",
            "KeyboardInterrupt reached the top of the program",
        ]


@page.claim("The worker finished the job it was doing, saw the event, and returned", SIGTERM)
def _(out):
    assert out.lines == [
        "worker: SIGTERM seen between two jobs; stopping cleanly",
        "main: done, exit status 0",
    ]
    assert out.returncode == 0


@page.claim("No: it prints main: cancelled, and returns anyway, then partial result", CHECKPOINT)
def _(out):
    if cancels(out):
        assert out.lines == ["main: cancelled, and returns anyway", "partial result"]


@page.claim("never sees it and the script prints KeyboardInterrupt", CHECKPOINT)
def _(out):
    if not cancels(out):
        assert out.lines == ["KeyboardInterrupt"]


test_claims = page.test()
