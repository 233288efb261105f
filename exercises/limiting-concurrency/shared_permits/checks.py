"""Make the semaphore limit the four requests to two at once, as its 2 says; keep the
requests and their lengths."""

NAMES = ["A", "B", "C", "D"]
STARTER_FAILS = ["never more than two requests in flight at once"]


def checks(run):
    events = []  # ("A", "starts"), ("B", "ends"), ... in the order they were printed
    for line in run.lines:
        words = line.rpartition(": ")[2].split()
        if len(words) == 2 and words[0] in NAMES and words[1] in ("starts", "ends"):
            events.append((words[0], words[1]))
    in_flight, most, order_ok = set(), 0, True
    for name, what in events:
        if what == "starts":
            order_ok = order_ok and name not in in_flight
            in_flight.add(name)
        else:
            order_ok = order_ok and name in in_flight
            in_flight.discard(name)
        most = max(most, len(in_flight))
    starts = [name for name, what in events if what == "starts"]
    ends = [name for name, what in events if what == "ends"]
    a_ends = events.index(("A", "ends")) if ("A", "ends") in events else -1
    reused = all(
        (name, "starts") in events and events.index((name, "starts")) < a_ends for name in "CD"
    )
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "each of A, B, C and D starts once, then ends once",
            sorted(starts) == NAMES and sorted(ends) == NAMES and order_ok,
        ),
        ("never more than two requests in flight at once", most <= 2),
        (
            "a freed permit goes to the next request at once: C and D start before A ends",
            reused,
        ),
        ("the requests still take their time (at least 0.5 s in all)", run.seconds >= 0.48),
    ]
