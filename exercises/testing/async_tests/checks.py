"""Make the two tests async, so that they await find_divisibles: both still run, each runs
its search on an event loop, and both pass."""

DONE = ["done with 10 / 3: 4 found", "done with 100052 / 3210: 32 found"]
STARTER_FAILS = [
    "each test runs its search on an event loop (find_divisibles prints its done line)",
    "no coroutine is left without an await (no RuntimeWarning)",
    "both tests pass: the report ends with OK",
]


def _in_a_step(run):
    """Each line printed while a task of an event loop was running."""
    trace = run.trace if isinstance(run.trace, dict) else {}
    steps = trace.get("steps") or []
    lines = []
    for item in trace.get("output") or []:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            continue
        step, text = item
        if isinstance(step, int) and 0 <= step < len(steps):
            lines += str(text).splitlines()
    return lines


def checks(run):
    done = sorted(line for line in _in_a_step(run) if line.startswith("done with "))
    report = [line for line in run.lines if line.strip()]
    return [
        (
            "the report says: Ran 2 tests",
            any(line.startswith("Ran 2 tests ") for line in run.lines),
        ),
        (STARTER_FAILS[0], done == DONE),
        (STARTER_FAILS[1], not any("was never awaited" in line for line in run.lines)),
        (STARTER_FAILS[2], run.status == 0 and bool(report) and report[-1] == "OK"),
    ]
