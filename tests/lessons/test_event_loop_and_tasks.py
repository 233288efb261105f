"""docs/event-loop-and-tasks.md: tasks start only when main waits, then run one after another."""

from __future__ import annotations

from tests.lessons.claims import IN_TURN, Page

page = Page("docs/event-loop-and-tasks.md")

PREVIOUS = "snippets/coroutines/asyncio_run.py"
BASELINE = "snippets/synchronous-baseline/find_divisibles.py"
TASKS = "snippets/event-loop-and-tasks/create_tasks.py"
CHECKPOINT = "snippets/event-loop-and-tasks/checkpoint_when_tasks_run.py"
CREATED = "three tasks created; main now waits for them"
DONE = r"^done with {} after (\d+\.\d) ms$"
LABELS = ("508000 / 34113", "100052 / 3210", "500 / 3")


@page.claim("The first line of output is three tasks created; main now waits for them", TASKS)
def _(out):
    assert out.lines[0] == CREATED


@page.claim("printed before any task has started", TASKS)
def _(out):
    assert out.index(CREATED) < min(
        out.index(f"finding numbers below {n} ") for n in (508000, 100052, 500)
    )


@page.claim(
    "After that first line, the output is the same as in the synchronous baseline", TASKS, BASELINE
)
def _(tasks, baseline):
    assert tasks.steps[1:-1] == baseline.steps[:-1]  # between 'created' and 'took'


@page.claim("the first task starts and finishes, then the second, then the third", TASKS)
def _(out):
    assert out.steps[1:-1] == IN_TURN
    assert out.lines[-1].startswith("all three tasks took ")


@page.claim("The small third task still waits behind the large first one", TASKS)
def _(out):
    assert out.index("finding numbers below 500 ") > out.index("done with 508000 / 34113")


@page.claim("The tasks start in the order they were created", TASKS)
def _(out):
    starts = [out.index(f"finding numbers below {n} ") for n in (508000, 100052, 500)]
    assert starts == sorted(starts)


@page.claim(
    "The times in the done with ... lines are of the same size as in the baseline", TASKS, BASELINE
)
def _(tasks, baseline):
    # Same size: within a factor of five either way (the build runs both while other
    # snippets run too), for the large search that dominates.
    ratio = tasks.number(DONE.format(LABELS[0])) / baseline.number(DONE.format(LABELS[0]))
    assert 1 / 5 < ratio < 5, ratio
    # "with nothing in between": in each run, each search starts on the line after the last
    # one's end. (Not a timing: on a busy machine the system's own pauses fall in between.)
    for out in (tasks, baseline):
        steps = [line for line in out.steps if line.startswith(("finding", "done"))]
        assert steps == [s.split(" after ")[0] for s in IN_TURN], steps


@page.claim("The task's line comes between main's two lines", CHECKPOINT)
def _(out):
    assert out.lines == ["main created the task", "the task says hello", "main is back"]


test_claims = page.test()


def test_only_main_changes_lines_19_to_24(change) -> None:
    diff = change(PREVIOUS, TASKS)
    assert sorted(diff.added) == list(range(19, 25)), diff
    assert sum("asyncio.create_task(find_divisibles(" in line for line in diff.added.values()) == 3
    assert diff.added[23].strip() == "await asyncio.wait([task1, task2, task3])"
