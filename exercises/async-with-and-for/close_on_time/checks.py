"""Make main close the thermometer before it says it is done with it, keeping the loop
that stops at 20."""

CLOSED = "the thermometer closed after 2 readings"
DONE = "main is done with the thermometer"
STARTER_FAILS = ["main closes the thermometer, once, before it is done with it"]


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
    closed = [i for i, (_, line) in enumerate(said) if line.startswith("the thermometer closed")]
    done = [i for i, (_, line) in enumerate(said) if line == DONE]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "main gets 10 and 20, and the loop stops there, after 2 readings",
            [line for _, line in said if line.startswith("main got ")]
            == ["main got 10", "main got 20"]
            and all(said[i][1] == CLOSED for i in closed),
        ),
        (
            "main closes the thermometer, once, before it is done with it",
            len(closed) == 1
            and len(done) == 1
            and closed[0] < done[0]
            and said[closed[0]][0] == "main()",
        ),
    ]
