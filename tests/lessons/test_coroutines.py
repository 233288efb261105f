"""docs/coroutines.md: calling a coroutine function runs nothing; asyncio.run runs it."""

from __future__ import annotations

from tests.lessons.claims import IN_TURN, Page
from tools.pipeline import transcripts

page = Page("docs/coroutines.md")

BASELINE = "snippets/synchronous-baseline/find_divisibles.py"
CALLING = "snippets/coroutines/calling_runs_nothing.py"
ASYNC_MAIN = "snippets/coroutines/async_main_called.py"
RUN = "snippets/coroutines/asyncio_run.py"
CHECKPOINT = "snippets/coroutines/checkpoint_await_runs_it.py"
TRACEMALLOC = "RuntimeWarning: Enable tracemalloc to get the object allocation traceback"
WARNING = f"{CALLING}:23: RuntimeWarning: coroutine 'find_divisibles' was never awaited"
COROUTINE = "find_divisibles returned <coroutine object find_divisibles at 0x...>"


@page.claim("There is no finding numbers below ... line", CALLING)
def _(out):
    assert not out.starting("finding numbers")


@page.claim("the body of find_divisibles never started", CALLING)
def _(out):
    assert not out.starting("finding numbers") and not out.starting("done with")


@page.claim("What the call returned is a coroutine object", CALLING)
def _(out):
    assert out.lines[0] == COROUTINE


@page.claim("main is finished comes next: the last line the script prints itself", CALLING)
def _(out):
    assert out.lines[1] == "main is finished"
    assert out.stdout == [COROUTINE, "main is finished"]


@page.claim("The last three lines are not printed by the script at all", CALLING)
def _(out):
    assert out.stderr == out.lines[-3:] and len(out.lines) == 5


@page.claim("written by Python on standard error", CALLING)
def _(out):
    assert out.stderr[:1] == [WARNING]


@page.claim("The warning comes after main is finished", CALLING)
def _(out):
    assert out.index(WARNING) == out.index("main is finished") + 1


@page.claim("the warning names line 23, the main() call running at that moment", CALLING)
def _(out):
    assert out.lines[out.index(WARNING) + 1] == "  main()"


@page.claim("Its last line suggests tracemalloc", CALLING)
def _(out):
    assert out.lines[-1] == TRACEMALLOC


@page.claim("The only output is the warning, this time about 'main'", ASYNC_MAIN)
def _(out):
    assert out.lines == [
        f"{ASYNC_MAIN}:23: RuntimeWarning: coroutine 'main' was never awaited",
        "  main()",
        TRACEMALLOC,
    ]
    assert out.stderr == out.lines


@page.claim("so find_divisibles was not even called", ASYNC_MAIN)
def _(out):
    assert "find_divisibles" not in out.text


@page.claim(
    "This time every line is there, and in exactly the order of the synchronous baseline",
    RUN,
    BASELINE,
)
def _(run, baseline):
    assert transcripts.mask(run.text) == transcripts.mask(baseline.text)


@page.claim("the first call starts and finishes, then the second, then the third", RUN)
def _(out):
    assert out.steps[:6] == IN_TURN


@page.claim("coroutine object made comes before answer starts", CHECKPOINT)
def _(out):
    assert out.index("coroutine object made") < out.index("answer starts")


@page.claim("its body ran when main awaited it, which then gave back 42", CHECKPOINT)
def _(out):
    assert out.lines == ["coroutine object made", "answer starts", "await gave 42"]


test_claims = page.test()


def test_the_lines_the_page_names(line_number) -> None:
    # The page: line 4 gets `async`, line 17 creates the coroutine, line 23 calls main().
    assert line_number(CALLING, "async def find_divisibles(inrange, div_by):") == 4
    assert line_number(CALLING, "divs1 = find_divisibles(508000, 34113)") == 17
    assert line_number(CALLING, "main()") == 23


def test_asyncio_run_changes_what_the_page_lists(change) -> None:
    # The highlighted lines: import asyncio, two async defs, three awaits, asyncio.run.
    changed = change(BASELINE, RUN).added
    assert sorted(changed) == [1, 5, 17, 19, 20, 21, 26], changed
    assert changed[1] == "import asyncio"
    assert changed[5].startswith("async def find_divisibles")
    assert changed[17] == "async def main():"
    assert all(changed[n].strip().startswith("await find_divisibles(") for n in (19, 20, 21))
    assert changed[26].strip() == "asyncio.run(main())"
