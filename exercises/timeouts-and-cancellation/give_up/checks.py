"""Make main give up on the large search after about 5 ms and print `main gave up`,
keeping the search in its own task and its size as they are."""

STARTED = "finding numbers below 508000 divisible by 34113"
SEARCH = "find_divisibles("
STARTER_FAILS = [
    "main gives up before the search is done",
    "main gives up at 5 ms: at most 2 steps of the search start after the one under way "
    "at 5 ms (3 before Python 3.12)",
]


def _steps_after_5_ms(run):
    """How many steps of the search start after the one under way 5 ms after its first
    began, or None if the search ran no step of its own.

    A 5 ms limit is due by the end of that step, and the loop looks at its timers between
    two steps: the search gets one more step, then the one that stops it (before 3.12,
    wait_for waits for one wake-up more), however slow the machine. A 15 ms limit gives it
    more whenever a step takes less than 10 ms."""
    lanes = run.trace.get("lanes") or []
    ours = {i for i, lane in enumerate(lanes) if str(lane.get("label", "")).startswith(SEARCH)}
    steps = sorted(
        (s["start"], s["end"]) for s in run.trace.get("steps") or [] if s.get("lane") in ours
    )
    if not steps:
        return None
    at_5_ms = steps[0][0] + 0.005
    under_way = [i for i, (_, end) in enumerate(steps) if end >= at_5_ms]
    return len(steps) - under_way[0] - 1 if under_way else 0


def _allowed(run):
    """3 steps before Python 3.12, 2 from 3.12 on (the version the run names)."""
    version = str(run.trace.get("python", "")).split(".")
    try:
        return 3 if (int(version[0]), int(version[1])) < (3, 12) else 2
    except (ValueError, IndexError):
        return 2


def checks(run):
    lines = [line.strip() for line in run.lines]
    gave_up = "main gave up" in lines and not any(
        line.startswith(("done with", "main got")) for line in lines
    )
    after = _steps_after_5_ms(run)
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "main starts the large search, 508000 / 34113, as its own task",
            lines.count(STARTED) == 1 and "find_divisibles(508000, 34113)" in run.tasks,
        ),
        (
            "the search runs for at least half of the 5 ms (2.5 ms or more of its own steps)",
            run.busy(SEARCH) >= 0.0025,
        ),
        ("main gives up before the search is done", gave_up),
        (STARTER_FAILS[1], gave_up and after is not None and after <= _allowed(run)),
    ]
