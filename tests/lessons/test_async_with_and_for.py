"""docs/async-with-and-for.md: an async context manager, an async generator, and when the
generator's clean-up runs if a loop leaves it early."""

from tests.lessons.claims import Page

page = Page("docs/async-with-and-for.md")
MANAGER = "snippets/async-with-and-for/context_manager.py"
GENERATOR = "snippets/async-with-and-for/async_generator.py"
BREAK = "snippets/async-with-and-for/break_early.py"
CHECKPOINT = "snippets/async-with-and-for/checkpoint_error.py"


@page.claim("opening, then the block, then closing, and only then after the block", MANAGER)
def _(out):
    assert out.lines == [
        "opening the database",
        "using <connection to the database>",
        "closed the database",
        "after the block",
    ]


@page.claim("The async for loop gets a value every 0.1 s", GENERATOR)
def _(out):
    times = [float(m[1]) for m in out.findall(r"^(\d+\.\d+) s: got \d+$")]
    assert len(times) == 3
    gaps = [b - a for a, b in zip([0.0, *times], times, strict=False)]
    assert all(0.09 <= gap < 0.2 for gap in gaps), gaps


@page.claim("The comprehension gets all three values at once", GENERATOR)
def _(out):
    third = out.number(r"^(\d+\.\d+) s: got 30$")
    at_once = out.number(r"^(\d+\.\d+) s: got \[10, 20, 30\] at once$")
    assert 0.28 <= at_once - third < 0.45


@page.claim("With a plain break, after the loop comes before the generator's finally", BREAK)
def _(out):
    assert out.index("plain: after the loop") < out.index("plain: the generator's finally")


@page.claim("which runs later, once main pauses: here during its sleep", BREAK)
def _(out):
    assert out.index("plain: the generator's finally") < out.index("plain: main went on")


@page.claim("so its finally comes first", BREAK)
def _(out):
    assert out.index("aclosing: the generator's finally") < out.index("aclosing: after the block")


@page.claim("The database is closed before main catches the error", CHECKPOINT)
def _(out):
    assert out.lines == [
        "opening the database",
        "inside the block",
        "closed the database",
        "main caught: something went wrong",
    ]


test_claims = page.test()
