"""docs/suspension.md: where each stride pauses, and the order the tasks finish in."""

from __future__ import annotations

from collections import Counter

from tests.lessons.claims import Page

page = Page("docs/suspension.md")

EVERY_500000 = "snippets/suspension/sleep_every_500000.py"
EVERY_50000 = "snippets/suspension/sleep_every_50000.py"
SLEEP_ZERO = "snippets/suspension/sleep_zero.py"
BIG, MEDIUM, TINY = "508000 / 34113", "100052 / 3210", "500 / 3"
DONE = r"^done with {} after (\d+\.\d) ms$"


def done_order(out) -> list[str]:
    return [
        line.removeprefix("done with ").split(" after")[0] for line in out.starting("done with")
    ]


def pauses(out) -> Counter[str]:
    return Counter(line.split(" pauses")[0] for line in out.starting("") if " pauses at " in line)


def events(out) -> list[str]:
    """Every line but main's first and last, durations cut off: what the page narrates."""
    return [line.strip().split(" after ")[0] for line in out.lines[1:-1]]


@page.claim("all three start before any finishes", EVERY_500000)
def _(out):
    starts = [out.index(f"finding numbers below {n}") for n in (508000, 100052, 500)]
    assert max(starts) < min(out.index(f"done with {x}") for x in (BIG, MEDIUM, TINY))


@page.claim("the medium and the tiny task finish before the large one", EVERY_500000)
def _(out):
    assert done_order(out) == [MEDIUM, TINY, BIG]


@page.claim("look at the pause lines: there are only four", EVERY_500000)
def _(out):
    assert sum(pauses(out).values()) == 4
    assert [line for line in out.starting("") if " pauses at " in line] == [
        f"{BIG} pauses at 0", f"{MEDIUM} pauses at 0", f"{TINY} pauses at 0", f"{BIG} pauses at 500000",
    ]  # fmt: skip


@page.claim(
    "Task 2 runs to the end of its range and prints done, then task 3 does the same", EVERY_500000
)
def _(out):
    assert events(out)[-3:] == [f"done with {MEDIUM}", f"done with {TINY}", f"done with {BIG}"]
    assert events(out)[-4] == f"{BIG} pauses at 500000"


@page.claim(
    "Their done lines also report nearly as many milliseconds as the large task's", EVERY_500000
)
def _(out):
    # Their clocks ran while the big task checked its first 500,000 numbers.
    for label in (MEDIUM, TINY):
        assert out.number(DONE.format(label)) > 0.7 * out.number(DONE.format(BIG))


@page.claim(
    "Now the large task pauses 11 times (at 0, 50,000, ..., 500,000), the medium one 3 times",
    EVERY_50000,
)
def _(out):
    assert pauses(out) == {BIG: 11, MEDIUM: 3, TINY: 1}


@page.claim(
    "then task 3 finishes: the rest of its range needs no pause. It is the first done", EVERY_50000
)
def _(out):
    assert events(out)[6:9] == [
        f"{BIG} pauses at 50000",
        f"{MEDIUM} pauses at 50000",
        f"done with {TINY}",
    ]


@page.claim(
    "Tasks 1 and 2 then alternate, 50,000 numbers at a time, until task 2 passes 100,000",
    EVERY_50000,
)
def _(out):
    assert events(out)[9:13] == [
        f"{BIG} pauses at 100000", f"{MEDIUM} pauses at 100000", f"{BIG} pauses at 150000", f"done with {MEDIUM}",
    ]  # fmt: skip


@page.claim("Task 1 carries on alone until it is done", EVERY_50000)
def _(out):
    assert events(out)[13:] == [
        *(f"{BIG} pauses at {i}" for i in range(200000, 500001, 50000)),
        f"done with {BIG}",
    ]


@page.claim("The tasks now finish in order of size: tiny, medium, large", EVERY_50000)
def _(out):
    assert done_order(out) == [TINY, MEDIUM, BIG]


@page.claim(
    "The tiny task's done line reports far fewer milliseconds than with the 500,000 step",
    EVERY_50000,
    EVERY_500000,
)
def _(fine, coarse):
    # It waits for one 50,000-number turn of each other task, not for 500,000 numbers.
    assert fine.number(DONE.format(TINY)) < 0.5 * coarse.number(DONE.format(TINY))


@page.claim(
    "The lines are the same, in the same order, as with asyncio.sleep(0.0001)",
    SLEEP_ZERO,
    EVERY_50000,
)
def _(zero, tenth):
    assert events(zero) == events(tenth)
    assert zero.lines[0] == tenth.lines[0] and len(zero.lines) == len(tenth.lines)


CHECKPOINT = "snippets/suspension/checkpoint_no_pause.py"


@page.claim("The task's line comes after main has awaited helper", CHECKPOINT)
def _(out):
    assert out.lines == [
        "helper runs",
        "main has awaited helper",
        "other task runs",
        "main has awaited sleep(0)",
    ]


@page.claim(
    "The task runs only when main pauses at await asyncio.sleep(0)",
    CHECKPOINT,
)
def _(out):
    assert out.index("main has awaited helper") < out.index("other task runs")
    assert out.index("other task runs") < out.index("main has awaited sleep(0)")


test_claims = page.test()
