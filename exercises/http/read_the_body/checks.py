"""Read exactly Content-Length bytes of body, so that each fetch ends as soon as its reply
has come, not when the server hangs up a second later; keep the requests and the server."""

PATHS = ["/0.3", "/0.1", "/0.2", "/0.3", "/0.1", "/0.2"]
STARTER_FAILS = [
    "all six take about as long as the slowest reply, 0.3 s (less than 0.65 s in all)",
]


def checks(run):
    expected = [f"GET {p}: HTTP/1.1 200 OK, waited {p[1:]} s" for p in PATHS]
    fetches = [label for label in run.tasks if label.startswith("fetch(")]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "every request gets 200 OK and its body, in the order of the requests",
            run.lines_starting("GET ") == expected,
        ),
        ("the six requests go at once, each in a fetch task of its own", len(fetches) == 6),
        ("the server still takes its time (at least 0.3 s in all)", run.seconds >= 0.28),
        (
            "all six take about as long as the slowest reply, 0.3 s (less than 0.65 s in all)",
            run.seconds < 0.65,
        ),
    ]
