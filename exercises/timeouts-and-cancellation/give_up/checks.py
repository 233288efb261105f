"""Make main give up on the large search after 5 ms and print `main gave up`, without
changing the search's size."""

STARTED = "finding numbers below 508000 divisible by 34113"
STARTER_FAILS = ["main gives up before the search is done"]


def checks(run):
    lines = [line.strip() for line in run.lines]
    steps = run.trace.get("steps", [])
    searched = sum(step.get("end", 0.0) - step.get("start", 0.0) for step in steps)
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        ("main starts the large search, 508000 / 34113", lines.count(STARTED) == 1),
        ("the search runs until the 5 ms are up (4 ms or more of searching)", searched >= 0.004),
        (
            "main gives up before the search is done",
            "main gave up" in lines
            and not any(line.startswith(("done with", "main got")) for line in lines),
        ),
    ]
