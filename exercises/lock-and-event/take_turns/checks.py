"""Make the three searches save their counts one at a time (for example with a lock), so
that the total is 214; keep them running together and the 0.1 s wait between reading and
writing the total."""

import re

ADDED = re.compile(r"(\d+) / (\d+) added (\d+): the total is now (\d+)$")
COUNTS = {("508000", "34113"): 15, ("100052", "3210"): 32, ("500", "3"): 167}
STARTER_FAILS = [
    "the saves take turns: three waits of 0.1 s, one after another",
    "no count is lost: the total grows by each count, to 214",
]


def spans(run):
    """(first start, last end, seconds busy) of each search's task."""
    lanes = run.trace.get("lanes", [])
    found = {}
    for step in run.trace.get("steps", []):
        lane = step.get("lane")
        if not (isinstance(lane, int) and 0 <= lane < len(lanes)):
            continue
        if not str(lanes[lane].get("label", "")).startswith("find_divisibles("):
            continue
        start, end = step.get("start", 0.0), step.get("end", 0.0)
        first, last, busy = found.get(lane, (start, end, 0.0))
        found[lane] = (min(first, start), max(last, end), busy + end - start)
    return list(found.values())


def checks(run):
    added = [ADDED.search(line) for line in run.lines]
    added = [match.groups() for match in added if match]
    searches = spans(run)
    total, grows = 0, bool(added)
    for _, _, count, now in added:
        total, grows = int(now), grows and int(now) == total + int(count)
    waited = 0.0
    if searches:
        # From the first search's start to the last one's end, the time no search ran:
        # about 0.1 s when the three waits overlap, 0.3 s when they take turns.
        waited = max(s[1] for s in searches) - min(s[0] for s in searches)
        waited -= sum(s[2] for s in searches)
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "each search adds its own count: 15, 32 and 167",
            sorted((a, b, int(count)) for a, b, count, _ in added)
            == sorted((a, b, count) for (a, b), count in COUNTS.items()),
        ),
        (
            "the three searches run at the same time: all start before any ends",
            len(searches) == 3 and max(s[0] for s in searches) < min(s[1] for s in searches),
        ),
        ("the saves take turns: three waits of 0.1 s, one after another", waited > 0.18),
        ("no count is lost: the total grows by each count, to 214", grows and total == 214),
    ]
