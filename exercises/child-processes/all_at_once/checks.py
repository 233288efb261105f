"""Make the three stand-in children run at the same time, so that all are done in about
0.3 s, keeping each child's wait as it is."""

CHILDREN = {"slow": 0.3, "medium": 0.2, "quick": 0.1}
STARTER_FAILS = ["the children run at the same time: all are done within 0.45 s"]


def timed_lines(run):
    """(seconds since the run began, line) for each line printed during a step of a task."""
    steps = run.trace.get("steps", [])
    timed = []
    for step, text in run.trace.get("output", []):
        if isinstance(step, int) and 0 <= step < len(steps):
            at = steps[step].get("start", 0.0)
            timed += [(at, line.strip()) for line in str(text).splitlines()]
    return timed


def checks(run):
    timed = timed_lines(run)
    started, exited = {}, {}
    for at, line in timed:
        name, _, rest = line.partition(" child ")
        if rest == "started":
            started.setdefault(name, []).append(at)
        elif rest.startswith("exited after "):
            exited.setdefault(name, []).append(at)
    each_once = all(len(started.get(n, [])) == 1 == len(exited.get(n, [])) for n in CHILDREN)
    own_wait = each_once and all(
        exited[n][0] - started[n][0] >= 0.8 * seconds for n, seconds in CHILDREN.items()
    )
    took = (
        max(exited[n][0] for n in CHILDREN) - min(started[n][0] for n in CHILDREN)
        if each_once
        else 99.0
    )
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        ("the slow, medium and quick children each start and exit once", each_once),
        ("each child still runs for its own time: 0.3, 0.2 and 0.1 s", own_wait),
        ("the children run at the same time: all are done within 0.45 s", took < 0.45),
    ]
