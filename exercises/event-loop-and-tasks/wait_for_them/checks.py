"""Have main wait for the three tasks it creates, so that it prints its total after the
searches, not before they start; keep the tasks and the order main creates them in."""

STARTED = ["508000 / 34113", "100052 / 3210", "500 / 3"]
STARTER_FAILS = ["main prints its total after all three searches are done"]


def printed(run):
    """(label of the task that printed it, or None; line) for each line of output."""
    steps = run.trace.get("steps") or []
    lanes = run.trace.get("lanes") or []
    found = []
    for index, text in run.trace.get("output") or []:
        label = None
        if isinstance(index, int) and 0 <= index < len(steps):
            lane = steps[index].get("lane")
            if isinstance(lane, int) and 0 <= lane < len(lanes):
                label = lanes[lane].get("label")
        found += [(label, line) for line in str(text).splitlines()]
    return found


def task_of(search):
    """The label of a search's task: find_divisibles(500, 3) for 500 / 3."""
    return "find_divisibles(" + search.replace(" / ", ", ") + ")"


def checks(run):
    lines = printed(run)
    done = [(label, line) for label, line in lines if line.startswith("done with ")]
    in_tasks = all(
        any(label == task_of(s) and line.startswith(f"done with {s} after") for label, line in done)
        for s in STARTED
    )
    started = [
        line.removeprefix("finding numbers below ").replace(" divisible by ", " / ")
        for label, line in lines
        if line.startswith("finding numbers below ") and str(label).startswith("find_divisibles(")
    ]
    total = [i for i, line in enumerate(run.lines) if line.startswith("all three tasks took")]
    last_done = max(
        (i for i, line in enumerate(run.lines) if line.startswith("done with ")), default=None
    )
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        ("each search runs to its end in a task of its own", in_tasks),
        ("the tasks start large, medium, tiny: the order main creates them in", started == STARTED),
        (
            "main prints its total after all three searches are done",
            len(done) == 3 and len(total) == 1 and last_done is not None and total[0] > last_done,
        ),
    ]
