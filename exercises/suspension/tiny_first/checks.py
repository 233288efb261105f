"""Make the three searches finish in the order tiny, medium, large, without changing their
sizes or the order main starts them in."""

FOUND = {"508000 / 34113": 15, "100052 / 3210": 32, "500 / 3": 167}
STARTED = [
    "find_divisibles(508000, 34113)",
    "find_divisibles(100052, 3210)",
    "find_divisibles(500, 3)",
]
STARTER_FAILS = ["the searches finish tiny, medium, large"]


def checks(run):
    done = {}
    for line in run.lines_starting("done with "):
        search, _, said = line.removeprefix("done with ").partition(": ")
        done[search] = said
    searches = [label for label in run.tasks if label.startswith("find_divisibles(")]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "the three searches keep their sizes and find 15, 32 and 167 numbers",
            done == {search: f"{count} found" for search, count in FOUND.items()},
        ),
        ("main starts them large, medium, tiny, as before", searches == STARTED),
        ("the searches finish tiny, medium, large", list(done) == list(FOUND)[::-1]),
    ]
