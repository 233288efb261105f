"""docs/from-ordinary-code.md: asyncio.run from outside a loop only, Runner, a loop in a thread."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/from-ordinary-code.md")

INSIDE = "snippets/from-ordinary-code/run_inside_loop.py"
RUNNER = "snippets/from-ordinary-code/runner.py"
THREAD = "snippets/from-ordinary-code/from_a_thread.py"
CHECKPOINT = "snippets/from-ordinary-code/checkpoint_which_call.py"

ERROR = "RuntimeError('asyncio.run() cannot be called from a running event loop')"


@page.claim("From outside any loop it works: 167 numbers", INSIDE)
def _(out):
    assert out.lines[0] == "outside any loop: 167 numbers"


@page.claim(
    "From inside main, where the loop that asyncio.run(main()) started is running, it raises",
    INSIDE,
)
def _(out):
    assert out.lines[1] == f"inside main: {ERROR}"
    assert out.returncode == 0  # caught: the script goes on and ends normally


@page.claim("which is what the RuntimeWarning about find_divisibles says", INSIDE)
def _(out):
    [warning] = [line for line in out.lines if "RuntimeWarning: coroutine" in line]
    assert warning.endswith("RuntimeWarning: coroutine 'find_divisibles' was never awaited")
    assert out.lines.index(warning) > 1  # after the error, when the coroutine is thrown away


@page.claim("Two calls of asyncio.run ran on two different loops", RUNNER)
def _(out):
    assert out.lines[0] == "asyncio.run twice, one loop: False"


@page.claim("the runner's two calls ran on the same one, and it was closed", RUNNER)
def _(out):
    assert out.lines[1:] == [
        "runner.run twice, one loop: True",
        "found 167 numbers on it",
        "closed at the end of the with block: True",
    ]


@page.claim("The script got a concurrent.futures._base.Future back", THREAD)
def _(out):
    assert out.lines[0] == "handed over, got a concurrent.futures._base.Future"


@page.claim("and its result: the 167 numbers", THREAD)
def _(out):
    assert out.lines[1:] == ["result: 167 numbers"]


@page.claim("It prints 42. The rule is per thread", CHECKPOINT)
def _(out):
    assert out.lines == ["from main's thread, awaited: 42", "from another thread: 42"]


test_claims = page.test()
