"""docs/event-loop-and-tasks.md: tasks start only when main waits, then run one after another."""

from __future__ import annotations

import re

PREVIOUS = "snippets/coroutines/asyncio_run.py"
TASKS = "snippets/event-loop-and-tasks/create_tasks.py"


def test_created_line_comes_before_any_task_starts(output) -> None:
    t = output(TASKS)
    assert t.lines[0] == "three tasks created; main now waits for them", t


def test_tasks_run_one_after_another_in_creation_order(output) -> None:
    t = output(TASKS)
    steps = [re.sub(r" after .*", "", line) for line in t.lines[1:-1]]
    assert steps == [
        "finding numbers below 508000 divisible by 34113",
        "done with 508000 / 34113",
        "finding numbers below 100052 divisible by 3210",
        "done with 100052 / 3210",
        "finding numbers below 500 divisible by 3",
        "done with 500 / 3",
    ], t
    assert t.lines[-1].startswith("all three tasks took "), t


def test_only_main_changes_lines_19_to_24(change) -> None:
    diff = change(PREVIOUS, TASKS)
    assert sorted(diff.added) == list(range(19, 25)), diff
    assert sum("asyncio.create_task(find_divisibles(" in line for line in diff.added.values()) == 3
    assert diff.added[23].strip() == "await asyncio.wait([task1, task2, task3])"
