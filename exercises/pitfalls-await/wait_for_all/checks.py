"""Make main run all three searches as tasks and wait for them, so that each prints its
done line before main is finished."""

DONE = {
    "find_divisibles(508000, 34113)": "done with 508000 / 34113: 15 found",
    "find_divisibles(100052, 3210)": "done with 100052 / 3210: 32 found",
    "find_divisibles(500, 3)": "done with 500 / 3: 167 found",
}
STARTER_FAILS = [
    "the three searches run as tasks, started large, medium, tiny",
    "each search prints its own done line: 15, 32 and 167 found",
    "`main is finished` comes after the three done lines",
    "no coroutine is left without an await (no RuntimeWarning)",
]


def _printed_by(run):
    """(label of the task that printed it, line) for each line of output."""
    trace = run.trace if isinstance(run.trace, dict) else {}
    steps, lanes = trace.get("steps") or [], trace.get("lanes") or []
    printed = []
    for item in trace.get("output") or []:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            continue
        step, text = item
        label = ""
        if isinstance(step, int) and 0 <= step < len(steps):
            lane = steps[step].get("lane")
            if isinstance(lane, int) and 0 <= lane < len(lanes):
                label = str(lanes[lane].get("label"))
        printed += [(label, line) for line in str(text).splitlines()]
    return printed


def checks(run):
    searches = [label for label in run.tasks if label.startswith("find_divisibles(")]
    done = sorted(
        (label, line) for label, line in _printed_by(run) if line.startswith("done with ")
    )
    done_at = [i for i, line in enumerate(run.lines) if line.startswith("done with ")]
    finished_at = [i for i, line in enumerate(run.lines) if line.startswith("main is finished")]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (STARTER_FAILS[0], searches == list(DONE)),
        (STARTER_FAILS[1], done == sorted(DONE.items())),
        (
            STARTER_FAILS[2],
            len(done_at) == 3 and len(finished_at) == 1 and finished_at[0] > max(done_at),
        ),
        (STARTER_FAILS[3], not any("was never awaited" in line for line in run.lines)),
    ]
