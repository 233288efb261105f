"""docs/results.md: task.result(), a TaskGroup's results, and gather's results in argument order."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/results.md")

SLEEP_ZERO = "snippets/suspension/sleep_zero.py"
TASK_RESULT = "snippets/results/task_result.py"
TASKGROUP = "snippets/results/taskgroup.py"
GATHER = "snippets/results/gather_order.py"
CHECKPOINT = "snippets/results/checkpoint_gather_order.py"

BIG = list(range(0, 508000, 34113))
MEDIUM = list(range(0, 100052, 3210))
TINY = list(range(0, 500, 3))
PAUSE_LINE = 'print(f"  {inrange} / {div_by} pauses at {i}")'
SIZES = {"508000 / 34113": "large", "100052 / 3210": "medium", "500 / 3": "tiny"}


def finished(out) -> list[str]:
    return [
        SIZES[line.removeprefix("done with ").split(" after")[0]]
        for line in out.starting("done with")
    ]


@page.claim("The first line is printed before any task has started", TASK_RESULT)
def _(out):
    assert out.lines[0].startswith("too early:")
    assert out.lines[1].startswith("finding numbers below 508000 ")


@page.claim(
    "task1.result() raises InvalidStateError('Result is not set.') instead of waiting", TASK_RESULT
)
def _(out):
    assert (
        out.lines[0] == "too early: task1.result() raised InvalidStateError('Result is not set.')"
    )


@page.claim("the 15 multiples of 34113 below 508,000, from 0 to 477582", TASK_RESULT)
def _(out):
    assert len(BIG) == 15 and BIG[-1] == 477582  # the numbers the page quotes
    assert out.lines[-2] == str(BIG)


@page.claim("32 numbers for the medium search and 167 for the tiny one", TASK_RESULT)
def _(out):
    assert len(MEDIUM) == 32 and len(TINY) == 167
    assert out.lines[-1] == "task2 found 32 numbers, task3 found 167"


@page.claim("The block's last line prints before any search starts", TASKGROUP)
def _(out):
    assert out.lines[0] == "three tasks created; the block waits for them at its end"
    assert all(line.startswith("finding numbers below") for line in out.lines[1:4])


@page.claim("creating tasks does not run them", TASKGROUP)
def _(out):
    assert out.index("three tasks created") < out.index("finding numbers below 508000 ")


@page.claim("finish in the same order as in Suspension: tiny, medium, large", TASKGROUP, SLEEP_ZERO)
def _(group, suspension):
    assert finished(group) == finished(suspension) == ["tiny", "medium", "large"]


@page.claim("all three tasks are done comes only after the last of them", TASKGROUP)
def _(out):
    assert out.index("all three tasks are done") == out.index("done with 508000 / 34113") + 1
    assert out.index("all three tasks are done") > max(out.index(f"done with {s}") for s in SIZES)


@page.claim("task1 found the same 15 numbers as above", TASKGROUP, TASK_RESULT)
def _(group, one_by_one):
    assert group.lines[-2:] == [
        "task1 found 15 numbers, the last is 477582",
        "task2 found 32, task3 found 167",
    ]
    assert one_by_one.lines[-2] == str(BIG)


@page.claim(
    "The done lines show the order in which the tasks finished: tiny, medium, large", GATHER
)
def _(out):
    assert finished(out) == ["tiny", "medium", "large"]


@page.claim(
    "holds the 15 numbers of the large search, the first argument, even though that search finished last",
    GATHER,
)
def _(out):
    assert out.lines[-3] == f"divs1: {len(BIG)} numbers, the last is {BIG[-1]}"
    assert finished(out)[-1] == "large"


@page.claim("divs2 holds the 32 of the medium one and divs3 the 167 of the tiny one", GATHER)
def _(out):
    assert out.lines[-2:] == [
        f"divs2: {len(MEDIUM)} numbers, the last is {MEDIUM[-1]}",
        f"divs3: {len(TINY)} numbers, the last is {TINY[-1]}",
    ]


@page.claim("fast done is printed before slow done, yet the list starts with 'slow'", CHECKPOINT)
def _(out):
    assert out.lines == ["fast done", "slow done", "['slow', 'fast']"]


test_claims = page.test()


def test_all_use_the_sleep_zero_function_without_the_pause_line(change, line_number) -> None:
    for script in (TASK_RESULT, TASKGROUP, GATHER):
        diff = change(SLEEP_ZERO, script)
        function_removed = {n: text for n, text in diff.removed.items() if n < 19}
        assert [line.strip() for line in function_removed.values()] == [PAUSE_LINE], diff
        assert all(n >= 19 for n in diff.added), diff  # nothing added to find_divisibles
        assert line_number(script, "async def main():") == 19
    assert sorted(change(TASK_RESULT, GATHER).added) == list(range(20, 28))
    assert sorted(change(TASK_RESULT, TASKGROUP).added) == list(range(20, 28))  # "lines 19–27"
