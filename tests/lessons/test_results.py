"""docs/results.md: task.result(), and gather's results in argument order."""

from __future__ import annotations

SLEEP_ZERO = "snippets/suspension/sleep_zero.py"
TASK_RESULT = "snippets/results/task_result.py"
GATHER = "snippets/results/gather_order.py"

BIG = list(range(0, 508000, 34113))
MEDIUM = list(range(0, 100052, 3210))
TINY = list(range(0, 500, 3))
PAUSE_LINE = 'print(f"  {inrange} / {div_by} pauses at {i}")'


def test_result_before_done_raises_and_is_printed_before_any_task_starts(output) -> None:
    t = output(TASK_RESULT)
    too_early = "too early: task1.result() raised InvalidStateError('Result is not set.')"
    assert t.lines[0] == too_early, t
    assert t.lines[1].startswith("finding numbers"), t


def test_result_after_wait_is_the_big_searchs_list(output) -> None:
    t = output(TASK_RESULT)
    assert len(BIG) == 15 and BIG[-1] == 477582  # the numbers the page quotes
    assert t.lines[-2] == str(BIG), t
    assert len(MEDIUM) == 32 and len(TINY) == 167
    assert t.lines[-1] == "task2 found 32 numbers, task3 found 167", t


def test_gather_results_follow_the_arguments_not_the_finishing_order(output) -> None:
    t = output(GATHER)
    assert t.done_order() == ["500 / 3", "100052 / 3210", "508000 / 34113"], t
    assert t.lines[-3:] == [
        f"divs1: {len(BIG)} numbers, the last is {BIG[-1]}",
        f"divs2: {len(MEDIUM)} numbers, the last is {MEDIUM[-1]}",
        f"divs3: {len(TINY)} numbers, the last is {TINY[-1]}",
    ], t


def test_both_use_the_sleep_zero_function_without_the_pause_line(change, line_number) -> None:
    for script in (TASK_RESULT, GATHER):
        diff = change(SLEEP_ZERO, script)
        function_removed = {n: text for n, text in diff.removed.items() if n < 19}
        assert [line.strip() for line in function_removed.values()] == [PAUSE_LINE], diff
        assert all(n >= 19 for n in diff.added), diff  # nothing added to find_divisibles
        assert line_number(script, "async def main():") == 19
    assert sorted(change(TASK_RESULT, GATHER).added) == list(range(20, 28))
