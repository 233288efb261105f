"""docs/call-graphs.md: asyncio.print_call_graph (3.14+), a task and who awaits it."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/call-graphs.md")

GRAPH = "snippets/call-graphs/call_graph.py"
CHECKPOINT = "snippets/call-graphs/checkpoint_awaited_by.py"


def tasks(out) -> list[str]:
    """The tasks the graph lists, in order."""
    return [line.split("name='")[1].split("'")[0] for line in out.lines if "* Task(name=" in line]


def frames(out, after: str) -> list[str]:
    """The functions of the call stack printed after the task named `after`."""
    start = next(i for i, line in enumerate(out.lines) if f"* Task(name='{after}'" in line)
    found = []
    for line in out.lines[start + 2 :]:
        if not line.strip().startswith("|"):
            break
        found.append(
            line.split(", in ")[1].removeprefix("async ").rstrip("()")
            + " @ "
            + line.split(", line ")[1].split(",")[0]
        )
    return found


@page.claim(
    "The graph starts with the task named medium, stopped in find_divisibles at line 11", GRAPH
)
def _(out):
    assert tasks(out)[0] == "medium"
    assert frames(out, "medium")[-1] == "find_divisibles @ 11"


@page.claim("It is awaited by Task-1, the task that asyncio.run made for main", GRAPH)
def _(out):
    assert tasks(out) == ["medium", "Task-1"]
    assert out.index("+ Awaited by:") < out.index("* Task(name='Task-1'")


@page.claim(
    "runs from the task group's exit code (_aexit, __aexit__) through search_all at line 17", GRAPH
)
def _(out):
    stack = frames(out, "Task-1")
    assert [frame.split(" @ ")[0] for frame in stack] == [
        "TaskGroup._aexit",
        "TaskGroup.__aexit__",
        "search_all",
        "main",
    ]
    assert stack[2:] == ["search_all @ 17", "main @ 23"]


@page.claim("The large task does not appear", GRAPH)
def _(out):
    assert "large" not in tasks(out)


@page.claim(
    "leaf first (the task that printed it), awaited by middle, awaited by Task-1", CHECKPOINT
)
def _(out):
    assert tasks(out) == ["leaf", "middle", "Task-1"]
    assert out.text.count("+ Awaited by:") == 2


test_claims = page.test()
