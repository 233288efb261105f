"""Make main get its count, 32, without the RuntimeError: inside async code, await. The
ordinary code at the bottom still counts with asyncio.run."""

STARTER_FAILS = [
    "the program ends without an error (exit status 0)",
    "main prints: inside main: 32 numbers",
    "main awaits the search on its own loop (main's task pauses while the search waits)",
]


def _lanes(run):
    """({task label: its number of steps}, [(label of the task that printed it, line)])."""
    trace = run.trace if isinstance(run.trace, dict) else {}
    steps, lanes = trace.get("steps") or [], trace.get("lanes") or []
    labels = [str(lane.get("label")) if isinstance(lane, dict) else "" for lane in lanes]
    counts = [0] * len(labels)
    for step in steps:
        lane = step.get("lane") if isinstance(step, dict) else None
        if isinstance(lane, int) and 0 <= lane < len(labels):
            counts[lane] += 1
    printed = []
    for item in trace.get("output") or []:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            continue
        step, text = item
        label = ""
        if isinstance(step, int) and 0 <= step < len(steps) and isinstance(steps[step], dict):
            lane = steps[step].get("lane")
            if isinstance(lane, int) and 0 <= lane < len(labels):
                label = labels[lane]
        printed += [(label, line) for line in str(text).splitlines()]
    return dict(zip(labels, counts, strict=True)), printed


def checks(run):
    steps, printed = _lanes(run)
    inside = [label for label, line in printed if line == "inside main: 32 numbers"]
    return [
        (STARTER_FAILS[0], run.status == 0),
        (
            "the ordinary code at the bottom still prints: outside any loop: 167 numbers",
            run.lines_starting("outside any loop:") == ["outside any loop: 167 numbers"],
        ),
        (STARTER_FAILS[1], inside == ["main()"]),
        (STARTER_FAILS[2], steps.get("main()", 0) >= 2),
    ]
