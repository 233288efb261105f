"""Make start_in_background keep each task in background_tasks until it is done, without
changing main."""

STARTER_FAILS = [
    "both jobs finish, each in its own task: email, then report",
    "main counts 2 tasks at first, 1 once the email is done, 0 once the report is done",
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


def _count(line):
    """The number in "main: 2 tasks in background_tasks" or "main: 1 left"; None if none."""
    words = line.split()
    return int(words[1]) if len(words) > 1 and words[1].isdigit() else None


def checks(run):
    done = [(label, line) for label, line in _printed_by(run) if line.endswith(" is done")]
    # what main saw: its counts, and the jobs finishing in between
    seen = [
        _count(line) if line.startswith("main: ") else line
        for line in run.lines
        if line.startswith("main: ") or line.endswith(" is done")
    ]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            STARTER_FAILS[0],
            done
            == [("job('email', 0.1)", "email is done"), ("job('report', 0.2)", "report is done")],
        ),
        (STARTER_FAILS[1], seen == [2, "email is done", 1, "report is done", 0]),
    ]
