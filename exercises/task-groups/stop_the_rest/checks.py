"""Run the searches in a task group, so that when the medium one fails, the group cancels
the other two before main reports the error."""

STARTED = [
    "find_divisibles(508000, 34113)",
    "find_divisibles(100052, 0)",
    "find_divisibles(500, 3)",
]
LAST = {"find_divisibles(508000, 34113)": 507999, "find_divisibles(500, 3)": 499}
STARTER_FAILS = [
    "the large and tiny searches are cancelled: each stops before its end, with no done line",
    "both have stopped before main reports the error",
]


def _steps(run):
    """[(task label, start, end)] of each step, and [(step index, line)] of the output."""
    trace = run.trace if isinstance(run.trace, dict) else {}
    steps, lanes = trace.get("steps") or [], trace.get("lanes") or []
    labels = [str(lane.get("label")) if isinstance(lane, dict) else "" for lane in lanes]
    spans = []
    for step in steps:
        lane = step.get("lane")
        label = labels[lane] if isinstance(lane, int) and 0 <= lane < len(labels) else ""
        spans.append((label, step.get("start") or 0.0, step.get("end") or 0.0))
    printed = []
    for item in trace.get("output") or []:
        if isinstance(item, (list, tuple)) and len(item) == 2:
            printed += [(item[0], line) for line in str(item[1]).splitlines()]
    return spans, printed


def _stopped_early(spans, printed, label):
    """Whether the search `label` printed that it stopped before its last number."""
    stops = [
        line.rpartition(" stops at ")[2]
        for step, line in printed
        if isinstance(step, int) and 0 <= step < len(spans) and spans[step][0] == label
        if " stops at " in line
    ]
    return len(stops) == 1 and stops[0].isdigit() and int(stops[0]) < LAST[label]


def checks(run):
    spans, printed = _steps(run)
    searches = [label for label in run.tasks if label.startswith("find_divisibles(")]
    reports = [
        step
        for step, line in printed
        if line.startswith("a search failed: ") and "ZeroDivisionError" in line
    ]
    # the step of main that printed the report, and the last moment a search ran
    report = reports[0] if len(reports) == 1 else None
    in_main = isinstance(report, int) and 0 <= report < len(spans)
    in_main = in_main and spans[report][0] == "main()"
    searched = [end for label, _, end in spans if label.startswith("find_divisibles(")]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        ("the three searches start, large, medium, tiny", searches == STARTED),
        ("the medium search fails, and main reports its ZeroDivisionError once", in_main),
        (
            STARTER_FAILS[0],
            all(_stopped_early(spans, printed, label) for label in LAST)
            and not any(line.startswith("done with ") for line in run.lines),
        ),
        (
            STARTER_FAILS[1],
            in_main and bool(searched) and max(searched) <= spans[report][1],
        ),
    ]
