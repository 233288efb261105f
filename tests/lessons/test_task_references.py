"""docs/task-references.md: keeping background tasks alive, and what eager tasks change."""

from tests.lessons.claims import Page

page = Page("docs/task-references.md")
BACKGROUND = "snippets/task-references/background_set.py"
GROUP = "snippets/task-references/taskgroup.py"
EAGER = "snippets/task-references/eager.py"
CHECKPOINT = "snippets/task-references/checkpoint_eager.py"


@page.claim("The set holds both tasks at first", BACKGROUND)
def _(out):
    assert out.lines[0] == "main: 2 tasks in background_tasks"


@page.claim(
    "the email task is done and has removed itself, so 1 task is left; after 0.55 s the set is empty",
    BACKGROUND,
)
def _(out):
    assert out.lines[1:] == [
        "email is done",
        "main: 1 left",
        "report is done",
        "main: 0 left",
    ]


@page.claim("Neither task is stored in a variable, and both run to the end", GROUP)
def _(out):
    assert out.lines == [
        "main: two tasks started, no variable needed",
        "email is done",
        "report is done",
        "main: the block waited for both",
    ]


@page.claim("create_task returned comes first and the body starts afterwards", EAGER)
def _(out):
    lazy = out.lines[: out.index("the eager task factory:")]
    assert lazy == [
        "the default task factory:",
        "  create_task returned",
        "  lazy: the body starts",
        "  lazy: the body ends",
    ]


@page.claim("the body's first line comes before create_task returned", EAGER)
def _(out):
    eager = out.lines[out.index("the eager task factory:") :]
    assert eager[1:3] == ["  eager: the body starts", "  create_task returned"]


@page.claim("The rest of the body runs later, as usual", EAGER)
def _(out):
    eager = out.lines[out.index("the eager task factory:") :]
    assert eager[3] == "  eager: the body ends"


@page.claim("the last line shows it done=True at once, with its result", EAGER)
def _(out):
    assert out.lines[-1] == (
        "  a task that never pauses: done=True at once, 'no await, nothing to wait for'"
    )


@page.claim("Both tasks start before main prints both tasks created", CHECKPOINT)
def _(out):
    assert out.lines[:3] == ["one starts", "two starts", "both tasks created"]


@page.claim("Task two ends first: its sleep is shorter", CHECKPOINT)
def _(out):
    assert out.lines[3:] == ["two ends", "one ends"]


test_claims = page.test()
