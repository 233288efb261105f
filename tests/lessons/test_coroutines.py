"""docs/coroutines.md: calling a coroutine function runs nothing; asyncio.run runs it."""

from __future__ import annotations

BASELINE = "snippets/synchronous-baseline/find_divisibles.py"
CALLING = "snippets/coroutines/calling_runs_nothing.py"
ASYNC_MAIN = "snippets/coroutines/async_main_called.py"
RUN = "snippets/coroutines/asyncio_run.py"
TRACEMALLOC = "Enable tracemalloc to get the object allocation traceback"


def test_calling_returns_a_coroutine_object_and_runs_no_body(output) -> None:
    t = output(CALLING)
    if t.starting("finding numbers"):
        t.fail("the page says the body of find_divisibles never starts")
    assert t.lines[0] == "find_divisibles returned <coroutine object find_divisibles at 0x...>", t
    assert t.lines[1] == "main is finished", t


def test_never_awaited_warning_follows_main_and_names_the_main_call(output, line_number) -> None:
    t = output(CALLING)
    # The page: line 4 gets `async`, line 17 creates the coroutine, line 23 calls main().
    assert line_number(CALLING, "async def find_divisibles(inrange, div_by):") == 4
    assert line_number(CALLING, "divs1 = find_divisibles(508000, 34113)") == 17
    assert line_number(CALLING, "main()") == 23
    warning = f"{CALLING}:23: RuntimeWarning: coroutine 'find_divisibles' was never awaited"
    assert t.index(warning) == t.index("main is finished") + 1, t
    assert t.lines[t.index(warning) + 1] == "  main()", t
    assert t.lines[-1] == f"RuntimeWarning: {TRACEMALLOC}", t
    assert len(t.lines) == 5, t  # "the last three lines" are the warning


def test_async_main_called_plainly_prints_only_the_warning_about_main(output) -> None:
    t = output(ASYNC_MAIN)
    assert t.lines == [
        f"{ASYNC_MAIN}:23: RuntimeWarning: coroutine 'main' was never awaited",
        "  main()",
        f"RuntimeWarning: {TRACEMALLOC}",
    ], t


def test_asyncio_run_prints_the_baseline_lines_in_the_baseline_order(output) -> None:
    t = output(RUN)
    assert t.done_order() == ["508000 / 34113", "100052 / 3210", "500 / 3"], t
    assert t.masked() == output(BASELINE).masked(), f"{t} differs from {BASELINE}"


def test_asyncio_run_changes_the_lines_the_page_lists(change) -> None:
    changed = change(BASELINE, RUN).added
    assert sorted(changed) == [1, 5, 17, 19, 20, 21, 26], changed
    assert changed[1] == "import asyncio"
    assert changed[5].startswith("async def find_divisibles")
    assert changed[17] == "async def main():"
    assert all(changed[n].strip().startswith("await find_divisibles(") for n in (19, 20, 21))
    assert changed[26].strip() == "asyncio.run(main())"
