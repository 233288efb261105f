"""Make the three searches finish in the order tiny, medium, large, keeping their sizes."""

SEARCHES = [
    "find_divisibles(500, 3)",
    "find_divisibles(100052, 3210)",
    "find_divisibles(508000, 34113)",
]
STARTER_FAILS = ["the searches finish tiny, medium, large"]


def checks(run):
    called = [label for label in run.tasks if label.startswith("find_divisibles(")]
    finished = [label for label in run.finished if label.startswith("find_divisibles(")]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "main calls find_divisibles once for each of the three searches, sizes unchanged",
            sorted(called) == sorted(SEARCHES),
        ),
        ("the searches finish tiny, medium, large", finished == SEARCHES),
    ]
