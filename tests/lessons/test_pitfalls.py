"""docs/pitfalls.md: what each mistake prints, on stdout and stderr, and what debug mode adds."""

from __future__ import annotations

import re

from tools.build import fence, interpreters, runner, transcripts

MISSING = "snippets/pitfalls/missing_await.py"
MISSING_DEBUG = "snippets/pitfalls/missing_await_debug.py"
SLOW = "snippets/pitfalls/slow_steps.py"
NOT_AWAITED = "snippets/pitfalls/tasks_not_awaited.py"
NOT_AWAITED_DEV = "snippets/pitfalls/tasks_not_awaited_dev.py"
AWAIT_IN_DEF = "snippets/pitfalls/await_in_def.py"
SWALLOWED = "snippets/pitfalls/swallowed.py"
UNSWALLOWED = "snippets/pitfalls/unswallowed.py"
CLEANUP = "snippets/pitfalls/cleanup.py"

BIG, MEDIUM, TINY, BY_ZERO = "508000 / 34113", "100052 / 3210", "500 / 3", "100052 / 0"
NEVER_AWAITED = "RuntimeWarning: coroutine 'find_divisibles' was never awaited"
USAGES = {u.snippet: u for u in fence.find_all()}


def finding(label: str) -> str:
    inrange, div_by = label.split(" / ")
    return f"finding numbers below {inrange} divisible by {div_by}"


def zero_division_message(version: str) -> str:
    return "integer division or modulo by zero" if version == "3.10" else "integer modulo by zero"


def source(snippet: str) -> str:
    return (fence.ROOT / snippet).read_text(encoding="utf-8")


def kinds(t) -> list[str]:
    """Each line cut before its duration: `done with 500 / 3`, `Executing <Task finished`."""
    return [line.split(" after ")[0].split(" name=")[0] for line in t.lines]


def frames(t) -> list[tuple[str, str]]:
    """(`File "...", line N, in f`, the source line under it) for each traceback frame."""
    return [
        (line.strip(), t.lines[i + 1].strip())
        for i, line in enumerate(t.lines)
        if line.strip().startswith('File "')
    ]


def stderr_markers(t) -> list[str]:
    """Lines that only Python itself writes: warnings, tracebacks, asyncio's log."""
    words = ("Warning", "Traceback", "Error", "Task was destroyed", "Executing <")
    return [line for line in t.lines if any(w in line for w in words)]


def test_missing_await_skips_the_third_search_and_warns_at_once(output, line_number) -> None:
    t = output(MISSING)
    assert line_number(MISSING, "find_divisibles(500, 3)") == 22
    assert line_number(MISSING, "asyncio.run(main())") == 27
    assert kinds(t) == [
        finding(BIG),
        f"done with {BIG}",
        finding(MEDIUM),
        f"done with {MEDIUM}",  # "the first two searches run as before", the third not at all
        f"{MISSING}:22: {NEVER_AWAITED}",
        "  find_divisibles(500, 3)",
        "RuntimeWarning: Enable tracemalloc to get the object allocation traceback",
        "main is finished",
    ], t


def test_debug_mode_adds_where_the_coroutine_was_created(output, version) -> None:
    assert source(MISSING_DEBUG) == source(MISSING), "the page says it is the same script"
    assert USAGES[MISSING_DEBUG].options.env == (("PYTHONASYNCIODEBUG", "1"),)
    t = output(MISSING_DEBUG)
    warning = t.index(f"{MISSING_DEBUG}:22: {NEVER_AWAITED}")
    assert t.lines[warning + 1] == "Coroutine created at (most recent call last)", t
    chain = frames(t)
    assert chain[0] == (f'File "{MISSING_DEBUG}", line 27, in <module>', "asyncio.run(main())"), t
    assert chain[-1] == (f'File "{MISSING_DEBUG}", line 22, in main', "find_divisibles(500, 3)"), t
    middle = [frame for frame, _ in chain[1:-1]]
    assert middle and all(
        f.startswith(f'File ".../lib/python{version}/asyncio/') for f in middle
    ), t
    assert t.lines[-1] == "main is finished", t
    # 3.10 runs main straight from asyncio.run; 3.11 and later through asyncio.Runner.
    through_runner = any("return runner.run(main)" in line for line in t.lines)
    assert through_runner == (version != "3.10"), t
    # Without debug mode, none of this: the warning is followed by the source line.
    assert "Coroutine created at (most recent call last)" not in output(MISSING).lines


def test_debug_mode_reports_the_two_long_steps_after_their_done_lines(output, line_number) -> None:
    t = output(SLOW)
    assert "asyncio.sleep" not in source(SLOW), "the page says this find_divisibles never pauses"
    assert line_number(SLOW, "asyncio.get_running_loop().slow_callback_duration = 0.001") == 19
    assert line_number(SLOW, "asyncio.run(main(), debug=True)") == 27
    report = "Executing <Task finished"
    assert kinds(t) == [
        finding(BIG),
        f"done with {BIG}",
        report,  # each report right after the done line of its search
        finding(MEDIUM),
        f"done with {MEDIUM}",
        report,
        finding(TINY),
        f"done with {TINY}",  # and none for the tiny search
    ], t
    first, second = t.lines[2], t.lines[5]
    assert "coro=<find_divisibles() done" in first and "result=[0, 34113, " in first, t
    assert "coro=<find_divisibles() done" in second and "result=[0, 3210, " in second, t
    assert all(re.search(r" took \d+\.\d+ seconds$", line) for line in (first, second)), t
    assert t.done_ms(TINY) < 1, t  # "a few hundredths of a millisecond"


def test_tasks_not_awaited_start_never_finish_and_nothing_complains(output) -> None:
    t = output(NOT_AWAITED)
    assert t.lines == [
        "three tasks created; main returns without waiting for them",
        finding(BIG),
        finding(MEDIUM),
        finding(TINY),
        "task1: done=True, cancelled=True",
        "task2: done=True, cancelled=True",
        "task3: done=True, cancelled=True",
    ], t
    assert USAGES[NOT_AWAITED].options.returncode == 0


def test_dev_mode_prints_nothing_more_for_tasks_not_awaited(output) -> None:
    assert source(NOT_AWAITED_DEV) == source(NOT_AWAITED)
    assert USAGES[NOT_AWAITED_DEV].options.args == ("-X", "dev")
    dev = output(NOT_AWAITED_DEV)
    assert dev.masked() == output(NOT_AWAITED).masked(), dev
    assert not stderr_markers(dev), dev


def test_await_in_a_plain_def_is_a_syntax_error_before_anything_runs(output, line_number) -> None:
    assert USAGES[AWAIT_IN_DEF].options.returncode == 1
    assert line_number(AWAIT_IN_DEF, "def find_divisibles(inrange, div_by):") == 5
    assert line_number(AWAIT_IN_DEF, "await asyncio.sleep(0)") == 13
    t = output(AWAIT_IN_DEF)
    assert t.lines == [
        f'  File "{AWAIT_IN_DEF}", line 13',
        "    await asyncio.sleep(0)",
        "    ^^^^^^^^^^^^^^^^^^^^^^",
        "SyntaxError: 'await' outside async function",
    ], t  # so `main starts` is never printed


def test_except_exception_pass_hides_the_error_and_exits_zero(output, line_number) -> None:
    assert line_number(SWALLOWED, "find_divisibles(100052, 0),") == 22
    assert line_number(SWALLOWED, "except Exception:") == 31
    assert USAGES[SWALLOWED].options.returncode == 0
    t = output(SWALLOWED)
    assert [line.split(" after ")[0] for line in t.lines] == [
        finding(BIG),
        finding(BY_ZERO),
        finding(TINY),
        f"done with {TINY}",
    ], t
    assert not stderr_markers(t) and not t.starting("found"), t


def test_without_the_try_the_traceback_names_line_10_and_the_error(output, version) -> None:
    assert USAGES[UNSWALLOWED].options.returncode == 1
    t = output(UNSWALLOWED)
    assert t.masked()[:4] == output(SWALLOWED).masked(), "the same run, up to the traceback"
    assert t.lines[4] == "Traceback (most recent call last):", t
    last = (f'File "{UNSWALLOWED}", line 10, in find_divisibles', "if i % div_by == 0:")
    assert frames(t)[-1] == last, t
    message = zero_division_message(version)
    assert t.lines[-1] == f"ZeroDivisionError: {message}", t
    marked = [line for line in t.lines if set(line.strip()) <= {"^", "~"} and line.strip()]
    assert bool(marked) == (version != "3.10"), t  # "from 3.11 on ... ^ and ~"


def test_finally_blocks_run_for_the_failed_the_finished_and_the_cancelled(output, version) -> None:
    t = output(CLEANUP)
    message = zero_division_message(version)
    assert [line.split(" after ")[0] for line in t.lines] == [
        finding(BIG),
        finding(BY_ZERO),
        f"  {BY_ZERO} stops at 0",
        finding(TINY),
        f"  {TINY} stops at 499",
        f"done with {TINY}",
        f"a search failed: ZeroDivisionError('{message}')",
        "main is finished",
        f"  {BIG} stops at 150000",  # cancelled by asyncio.run, after main returned
        "asyncio.run has returned",
    ], t
    assert "except ZeroDivisionError as error:" in source(CLEANUP)
    assert "except Exception" not in source(CLEANUP)
