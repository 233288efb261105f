"""docs/suspension.md: where each stride pauses, and the order the tasks finish in."""

from __future__ import annotations

from collections import Counter

TASKS = "snippets/event-loop-and-tasks/create_tasks.py"
EVERY_500000 = "snippets/suspension/sleep_every_500000.py"
EVERY_50000 = "snippets/suspension/sleep_every_50000.py"
SLEEP_ZERO = "snippets/suspension/sleep_zero.py"

BIG, MEDIUM, TINY = "508000 / 34113", "100052 / 3210", "500 / 3"
START = {
    BIG: "finding numbers below 508000 divisible by 34113",
    MEDIUM: "finding numbers below 100052 divisible by 3210",
    TINY: "finding numbers below 500 divisible by 3",
}


def events(t) -> list[str]:
    """The lines between main's first and last, with durations cut off."""
    return [line.strip().split(" after ")[0] for line in t.lines[1:-1]]


def pause(label: str, i: int) -> str:
    return f"{label} pauses at {i}"


def test_500000_stride_pauses_four_times_in_the_rounds_the_page_describes(output) -> None:
    t = output(EVERY_500000)
    assert [line.strip() for line in t.starting("  ")] == [
        pause(BIG, 0),
        pause(MEDIUM, 0),
        pause(TINY, 0),
        pause(BIG, 500000),
    ], t
    assert events(t) == [
        START[BIG], pause(BIG, 0),
        START[MEDIUM], pause(MEDIUM, 0),
        START[TINY], pause(TINY, 0),
        pause(BIG, 500000),
        f"done with {MEDIUM}",
        f"done with {TINY}",
        f"done with {BIG}",
    ], t  # fmt: skip


def test_500000_stride_small_tasks_report_nearly_the_big_tasks_time(output) -> None:
    t = output(EVERY_500000)
    # Their clocks ran while the big task checked its first 500,000 numbers.
    for label in (MEDIUM, TINY):
        assert t.done_ms(label) > 0.7 * t.done_ms(BIG), t


def test_50000_stride_takes_turns_and_finishes_in_order_of_size(output) -> None:
    t = output(EVERY_50000)
    counts = Counter(line.strip().split(" pauses")[0] for line in t.starting("  "))
    assert counts == {BIG: 11, MEDIUM: 3, TINY: 1}, t
    assert t.done_order() == [TINY, MEDIUM, BIG], t
    assert events(t) == [
        START[BIG], pause(BIG, 0),
        START[MEDIUM], pause(MEDIUM, 0),
        START[TINY], pause(TINY, 0),
        pause(BIG, 50000), pause(MEDIUM, 50000), f"done with {TINY}",
        pause(BIG, 100000), pause(MEDIUM, 100000),
        pause(BIG, 150000), f"done with {MEDIUM}",
        *(pause(BIG, i) for i in range(200000, 500001, 50000)),
        f"done with {BIG}",
    ], t  # fmt: skip


def test_50000_stride_tiny_task_waits_far_less_than_with_500000(output) -> None:
    # It waits for one 50,000-number turn of each other task, not for 500,000 numbers.
    fine, coarse = output(EVERY_50000), output(EVERY_500000)
    assert fine.done_ms(TINY) < 0.5 * coarse.done_ms(TINY), f"{fine}\n{coarse}"


def test_sleep_zero_prints_the_same_lines_in_the_same_order(output) -> None:
    assert output(SLEEP_ZERO).masked() == output(EVERY_50000).masked()


def test_each_script_changes_the_lines_the_page_names(change) -> None:
    added = change(TASKS, EVERY_500000)
    assert not added.removed and sorted(added.added) == [12, 13, 14], added
    assert added.added[12].strip() == "if i % 500000 == 0:"
    assert added.added[14].strip() == "await asyncio.sleep(0.0001)"
    stride = change(EVERY_500000, EVERY_50000)
    assert sorted(stride.added) == [12] and stride.added[12].strip() == "if i % 50000 == 0:", stride
    zero = change(EVERY_50000, SLEEP_ZERO)
    assert sorted(zero.added) == [14] and zero.added[14].strip() == "await asyncio.sleep(0)", zero
