"""Send the five requests all at once, so the replies come quickest first and all five take
about as long as the slowest; keep the requests and the order they are sent in."""

REQUESTS = ["0.25", "0.2", "0.15", "0.1", "0.05"]
STARTER_FAILS = [
    "each request is asked in a task of its own (five ask tasks)",
    "the replies come quickest first: 0.05, 0.1, 0.15, 0.2, 0.25",
    "all five take about as long as the slowest, 0.25 s (less than 0.5 s in all)",
]


def checks(run):
    asked = [line.removeprefix("asking for ") for line in run.lines_starting("asking for ")]
    replies = [
        line.strip().removeprefix("reply: waited ") for line in run.lines if "reply:" in line
    ]
    asks = [label for label in run.tasks if label.startswith("ask(")]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "the requests are sent in the order 0.25, 0.2, 0.15, 0.1, 0.05, as before",
            asked == REQUESTS,
        ),
        ("every request gets its own reply", sorted(replies) == sorted(REQUESTS)),
        ("each request is asked in a task of its own (five ask tasks)", len(asks) == 5),
        ("the replies come quickest first: 0.05, 0.1, 0.15, 0.2, 0.25", replies == REQUESTS[::-1]),
        ("the server still waits for each request (at least 0.25 s in all)", run.seconds >= 0.24),
        (
            "all five take about as long as the slowest, 0.25 s (less than 0.5 s in all)",
            run.seconds < 0.5,
        ),
    ]
