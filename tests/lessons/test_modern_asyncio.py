"""docs/modern-asyncio.md: TaskGroup, except*, timeouts, cancellation, and CPU-bound work."""

from __future__ import annotations

import re

import pytest

from tools.build import fence, interpreters, runner, transcripts

TASKGROUP = "snippets/modern-asyncio/taskgroup.py"
TASKGROUP_ERROR = "snippets/modern-asyncio/taskgroup_error.py"
TIMEOUT = "snippets/modern-asyncio/timeout.py"
TIMEOUT_NO_PAUSE = "snippets/modern-asyncio/timeout_no_pause.py"
WAIT_FOR = "snippets/modern-asyncio/wait_for.py"
CANCEL = "snippets/modern-asyncio/cancel.py"
CPU_TASKS = "snippets/modern-asyncio/cpu_bound_tasks.py"
TO_THREAD = "snippets/modern-asyncio/to_thread.py"
PROCESS_POOL = "snippets/modern-asyncio/process_pool.py"
GATHER = "snippets/results/gather_order.py"

USAGES = {u.snippet: u for u in fence.find_all()}
SINCE_311 = [v for v in interpreters.SUPPORTED[:4] if interpreters.version_key(v) >= (3, 11)]
BIG, MEDIUM, TINY = "508000 / 34113", "100052 / 3210", "500 / 3"
STARTS = [
    "finding numbers below 508000 divisible by 34113",
    "finding numbers below 100052 divisible by 3210",
    "finding numbers below 500 divisible by 3",
]


def source(snippet: str) -> str:
    return (fence.ROOT / snippet).read_text(encoding="utf-8")


def gave_up_ms(t) -> float:
    found = [m for m in map(re.compile(r"^gave up after (\d+\.\d) ms$").match, t.lines) if m]
    if len(found) != 1:
        t.fail("expected one `gave up after ... ms` line")
    return float(found[0][1])


def timing(t, way: str) -> float:
    """Milliseconds of the line `<way>: <ms> ms, found 44, 468, 500000 numbers`."""
    pattern = re.compile(rf"^{re.escape(way)}: +(\d+\.\d) ms, found 44, 468, 500000 numbers$")
    found = [m for m in map(pattern.match, t.lines) if m]
    if len(found) != 1:
        t.fail(f"expected one `{way}: ... ms, found 44, 468, 500000 numbers` line")
    return float(found[0][1])


def test_311_only_snippets_are_marked_so_and_have_no_310_transcript() -> None:
    for snippet in (TASKGROUP, TASKGROUP_ERROR, TIMEOUT, TIMEOUT_NO_PAUSE):
        assert USAGES[snippet].options.min_python == "3.11", snippet
        assert not snippets.version_transcript(snippet, "3.10").exists(), snippet
    assert USAGES[WAIT_FOR].options.min_python == "3.10"  # "exists on every version"


@pytest.mark.parametrize("version", SINCE_311)
def test_taskgroup_waits_at_the_end_of_its_block(output) -> None:
    t = output(TASKGROUP)
    assert t.lines[0] == "three tasks created; the block waits for them at its end", t
    assert t.lines[1:4] == STARTS, t
    assert t.done_order() == [TINY, MEDIUM, BIG] == output(GATHER).done_order(), t
    assert t.lines[7] == "all three tasks are done", t  # right after the last done line
    assert t.lines[8:] == [
        "task1 found 15 numbers, the last is 477582",
        "task2 found 32, task3 found 167",
    ], t


@pytest.mark.parametrize("version", SINCE_311)
def test_a_failing_task_cancels_the_others_and_raises_a_group(output, line_number) -> None:
    assert line_number(TASKGROUP_ERROR, "task2 = tg.create_task(find_divisibles(100052, 0))") == 23
    assert "except* ZeroDivisionError as group:" in source(TASKGROUP_ERROR)
    t = output(TASKGROUP_ERROR)
    assert t.lines == [
        STARTS[0],
        "finding numbers below 100052 divisible by 0",
        STARTS[2],
        "caught ExceptionGroup('unhandled errors in a TaskGroup', "
        "[ZeroDivisionError('integer modulo by zero')])",
        "task1: cancelled=True",
        "task2: cancelled=False",
        "task3: cancelled=True",
    ], t


@pytest.mark.parametrize("version", SINCE_311)
def test_timeout_gives_up_later_than_its_limit_at_a_pause(output) -> None:
    assert "async with asyncio.timeout(0.005):" in source(TIMEOUT)
    t = output(TIMEOUT)
    assert t.lines[0] == STARTS[0] and not t.done_order(), t
    assert len(t.lines) == 2 and gave_up_ms(t) > 5, t


def test_wait_for_raises_asyncios_own_timeout_error_on_310_only(output, version) -> None:
    t = output(WAIT_FOR)
    assert t.lines[0] == STARTS[0] and not t.done_order(), t
    assert gave_up_ms(t) > 5, t
    if version == "3.10":
        expected = [
            "wait_for raised <class 'asyncio.exceptions.TimeoutError'>",
            "is it the built-in TimeoutError? False",
        ]
    else:
        expected = [
            "wait_for raised <class 'TimeoutError'>",
            "is it the built-in TimeoutError? True",
        ]
    assert t.lines[-2:] == expected, t
    assert "except asyncio.TimeoutError as error:" in source(WAIT_FOR)


@pytest.mark.parametrize("version", SINCE_311)
def test_a_timeout_without_a_pause_never_fires(output) -> None:
    assert "await" not in source(TIMEOUT_NO_PAUSE).split("async def main")[0], "it never pauses"
    t = output(TIMEOUT_NO_PAUSE)
    assert t.lines[0] == STARTS[0] and t.done_order() == [BIG], t
    assert t.lines[2] == "no timeout: found 15 numbers", t
    went_on = re.fullmatch(r"main went on after (\d+\.\d) ms", t.lines[3])
    assert went_on and float(went_on[1]) > 5 and len(t.lines) == 4, t  # far more than 5 ms


def test_cancel_stops_the_large_search_at_its_first_pause(output, line_number) -> None:
    pause = "await asyncio.sleep(0)  # let each task start and reach its first pause"
    assert line_number(CANCEL, pause) == 23
    t = output(CANCEL)
    assert t.lines[:4] == [*STARTS, "main cancels task1"], t
    assert t.done_order() == [TINY, MEDIUM], t
    assert t.lines[-2:] == [
        "task1: cancelled=True, its result is CancelledError('')",
        "task2 found 32 numbers, task3 found 167",
    ], t


def test_coroutines_do_not_make_cpu_work_faster(output) -> None:
    t = output(CPU_TASKS)
    assert len(t.lines) == 2, t
    sequential, tasks = timing(t, "one after another"), timing(t, "as three tasks")
    assert tasks > 0.85 * sequential, f"{t}: the page says 'about the same time'"


def test_threads_do_not_make_python_cpu_work_faster(output) -> None:
    t = output(TO_THREAD)
    assert len(t.lines) == 2, t
    sequential, threads = timing(t, "one after another"), timing(t, "in three threads")
    assert threads > 0.85 * sequential, f"{t}: the page says 'about as long'"


def test_processes_finish_sooner_but_not_three_times_sooner(output) -> None:
    t = output(PROCESS_POOL)
    assert len(t.lines) == 2, t
    sequential, processes = timing(t, "one after another"), timing(t, "in three processes")
    assert sequential / 3 < processes < 0.9 * sequential, t
    assert "ProcessPoolExecutor(max_workers=3)" in source(PROCESS_POOL)


def test_the_cpu_scripts_share_their_searches_and_function() -> None:
    # The page reads the three outputs as one comparison: same work everywhere.
    searches = "SEARCHES = [(1_500_000, 34113), (1_500_000, 3210), (1_500_000, 3)]"
    for snippet in (CPU_TASKS, TO_THREAD, PROCESS_POOL):
        assert searches in source(snippet), snippet
    plain = source(TO_THREAD).split("def find_divisibles")[1].split("\n\n")[0]
    assert plain == source(PROCESS_POOL).split("def find_divisibles")[1].split("\n\n")[0]
    assert "print" not in plain
