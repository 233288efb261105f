"""Make every search close its file however it ends: when it finishes, fails or is
cancelled, so that nothing is left open; the medium search still divides by 0."""

STARTED = [
    "find_divisibles(508000, 34113)",
    "find_divisibles(100052, 0)",
    "find_divisibles(500, 3)",
]
CLOSED = [
    ("find_divisibles(100052, 0)", "100052 / 0: file closed"),
    ("find_divisibles(500, 3)", "500 / 3: file closed"),
    ("find_divisibles(508000, 34113)", "508000 / 34113: file closed"),
]
STARTER_FAILS = [
    "each search closes its own file as it stops: all three print `file closed`",
    "nothing is left open at the end (`still open: []`)",
]


def _printed_by(run):
    """(label of the task that printed it, line, whether in that task's last step), for each
    line of output."""
    trace = run.trace if isinstance(run.trace, dict) else {}
    steps, lanes = trace.get("steps") or [], trace.get("lanes") or []
    last = {step.get("lane"): i for i, step in enumerate(steps)}  # each task's last step
    printed = []
    for item in trace.get("output") or []:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            continue
        step, text = item
        label, in_last = "", False
        if isinstance(step, int) and 0 <= step < len(steps):
            lane = steps[step].get("lane")
            if isinstance(lane, int) and 0 <= lane < len(lanes):
                label, in_last = str(lanes[lane].get("label")), last.get(lane) == step
        printed += [(label, line, in_last) for line in str(text).splitlines()]
    return printed


def checks(run):
    printed = _printed_by(run)
    searches = [label for label in run.tasks if label.startswith("find_divisibles(")]
    closed = sorted(
        (label, line)
        for label, line, in_last in printed
        if line.endswith("file closed") and in_last
    )
    tiny = [(label, line) for label, line, _ in printed if line.startswith("done with ")]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "the three searches start, and the tiny one finds its 167 numbers",
            searches == STARTED
            and tiny == [("find_divisibles(500, 3)", "done with 500 / 3: 167 found")],
        ),
        (
            "the medium search still fails, and main reports its ZeroDivisionError",
            any(line.startswith("a search failed: ZeroDivisionError") for line in run.lines),
        ),
        (STARTER_FAILS[0], closed == CLOSED),
        (STARTER_FAILS[1], run.lines[-1:] == ["still open: []"]),
    ]
