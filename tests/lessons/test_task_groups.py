"""docs/task-groups.md: a failing task cancels the others; what leaves the block, and how."""

from __future__ import annotations

import re

from tests.lessons.claims import Page

page = Page("docs/task-groups.md")

ERROR = "snippets/task-groups/taskgroup_error.py"
OUTSIDE = "snippets/task-groups/cancelled_from_outside.py"
CHECKPOINT = "snippets/task-groups/checkpoint_first_failure.py"
# The message of `x % 0` is version-specific ("integer modulo by zero", from 3.14 "division by zero").
CAUGHT = r"caught ExceptionGroup\('unhandled errors in a TaskGroup', \[ZeroDivisionError\('[a-z ]+'\)\]\)"


@page.claim(
    "All three searches start, the medium one fails at once, and neither of the others prints a done line",
    ERROR,
)
def _(out):
    assert out.lines[:3] == [
        "finding numbers below 508000 divisible by 34113",
        "finding numbers below 100052 divisible by 0",
        "finding numbers below 500 divisible by 3",
    ]
    assert not out.starting("done with")


@page.claim(
    "So task1 and task3 report cancelled=True, and task2, which failed, cancelled=False", ERROR
)
def _(out):
    assert out.lines[-3:] == [
        "task1: cancelled=True",
        "task2: cancelled=False",
        "task3: cancelled=True",
    ]


@page.claim(
    "The caught line shows the error wrapped in an ExceptionGroup, although only one task failed",
    ERROR,
)
def _(out):
    assert re.fullmatch(CAUGHT, out.lines[3]) and len(out.lines) == 7  # one error in the group
    assert out.starting("task2") == ["task2: cancelled=False"]  # the only task that failed


@page.claim("The block raised a bare CancelledError(), not an exception group", OUTSIDE)
def _(out):
    assert out.lines[0] == "the block raised CancelledError()"


@page.claim("the task that ran it ended up cancelled, as main asked", OUTSIDE)
def _(out):
    assert out.lines == ["the block raised CancelledError()", "main: the task was cancelled: True"]


@page.claim("wait_long stops comes first and the caught ValueError last", CHECKPOINT)
def _(out):
    assert out.lines == ["wait_long stops", "caught (ValueError('bad input'),)"]
    assert "wait_long finished" not in out.text and "the block ended normally" not in out.text


test_claims = page.test()


def test_the_medium_search_divides_by_zero_on_line_23(line_number) -> None:
    assert line_number(ERROR, "task2 = tg.create_task(find_divisibles(100052, 0))") == 23
