"""docs/lock-and-event.md: a lost update across an await, fixed with a Lock; an Event."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/lock-and-event.md")

LOST = "snippets/lock-and-event/lost_update.py"
LOCKED = "snippets/lock-and-event/with_lock.py"
EVENT = "snippets/lock-and-event/event.py"
CHECKPOINT = "snippets/lock-and-event/checkpoint_lock_order.py"

EXPECTED = len(range(0, 1000, 3)) + len(range(0, 1000, 5)) + len(range(0, 1000, 7))
MAIN_SETS = "main: after 0.1 s, is the event set? False; now it is"
SEARCHES = ("508000 / 34113", "100052 / 3210", "500 / 3")


@page.claim("It counted 334 instead of 677, exactly the number of multiples of 3 alone", LOST)
def _(out):
    assert (EXPECTED, len(range(0, 1000, 3))) == (677, 334)  # the numbers the page quotes
    assert out.lines == ["expected 677, counted 334"]


@page.claim("Now every increment counts: 677", LOCKED)
def _(out):
    assert out.lines == ["expected 677, counted 677"]


@page.claim("All three searches print that they wait before main says anything", EVENT)
def _(out):
    assert out.lines[:4] == [f"{s} is ready and waits" for s in SEARCHES] + [MAIN_SETS]


@page.claim("none finds a number before main sets the event; go.is_set() was False", EVENT)
def _(out):
    found = [i for i, line in enumerate(out.lines) if " found " in line]
    assert len(found) == 3 and min(found) > out.index(MAIN_SETS)


@page.claim("One set() woke all three", EVENT)
def _(out):
    assert out.lines[4:] == [
        "508000 / 34113 found 15 numbers",
        "100052 / 3210 found 32 numbers",
        "500 / 3 found 167 numbers",
    ]


@page.claim("first has the lock, first lets go, second has the lock, second lets go", CHECKPOINT)
def _(out):
    assert out.lines == [
        "first has the lock",
        "first lets go",
        "second has the lock",
        "second lets go",
    ]


test_claims = page.test()
