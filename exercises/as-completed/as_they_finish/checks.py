"""Make main print each search's numbers as soon as that search is done, without changing
the searches or the order main starts them in."""

STARTED = [
    "find_divisibles(508000, 34113)",
    "find_divisibles(100052, 3210)",
    "find_divisibles(500, 3)",
]
DONE = ["done with 500 / 3", "done with 100052 / 3210", "done with 508000 / 34113"]
GOT = [
    "main got 167 numbers, the last is 498",
    "main got 32 numbers, the last is 99510",
    "main got 15 numbers, the last is 477582",
]
STARTER_FAILS = ["main prints the tiny and the medium results before the large search is done"]


def printed_by(run):
    """(label of the task that printed it, line) for each line of output."""
    steps, lanes = run.trace.get("steps", []), run.trace.get("lanes", [])
    said = []
    for step, text in run.trace.get("output", []):
        label = None
        if isinstance(step, int) and 0 <= step < len(steps):
            lane = steps[step].get("lane")
            if isinstance(lane, int) and 0 <= lane < len(lanes):
                label = lanes[lane].get("label")
        said += [(label, line.strip()) for line in str(text).splitlines()]
    return said


def checks(run):
    said = printed_by(run)
    lines = [line for _, line in said]
    got = [line for line in lines if line.startswith("main got ")]
    done = [line for line in lines if line.startswith("done with ")]
    large_done = lines.index(DONE[2]) if DONE[2] in lines else -1
    early = [lines.index(line) for line in GOT[:2] if line in lines]
    searches = [label for label in run.tasks if label.startswith("find_divisibles(")]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "the three searches keep their sizes, and main gets their 15, 32 and 167 numbers",
            sorted(got) == sorted(GOT) and sorted(done) == sorted(DONE),
        ),
        ("main starts them large, medium, tiny, as before", searches == STARTED),
        (
            "main prints the results itself",
            bool(got) and all(label == "main()" for label, line in said if line in got),
        ),
        (
            "main prints the tiny and the medium results before the large search is done",
            got == GOT and len(early) == 2 and 0 <= large_done and max(early) < large_done,
        ),
    ]
