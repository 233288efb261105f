"""Make divs1, divs2 and divs3 hold the large, medium and tiny search's numbers, without
changing the searches, the order they start in, or the order they finish in."""

STARTED = [
    "find_divisibles(508000, 34113)",
    "find_divisibles(100052, 3210)",
    "find_divisibles(500, 3)",
]
FINISHED = ["done with 500 / 3", "done with 100052 / 3210", "done with 508000 / 34113"]
RESULTS = [
    "divs1: 15 numbers, the last is 477582",
    "divs2: 32 numbers, the last is 99510",
    "divs3: 167 numbers, the last is 498",
]
STARTER_FAILS = ["divs1, divs2, divs3 hold the large, medium and tiny search's numbers"]


def checks(run):
    started = [label for label in run.tasks if label.startswith("find_divisibles(")]
    finished = [line.partition(" after")[0] for line in run.lines_starting("done with ")]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        ("the searches run as tasks, started large, medium, tiny", started == STARTED),
        ("they still finish tiny, medium, large", finished == FINISHED),
        (
            "divs1, divs2, divs3 hold the large, medium and tiny search's numbers",
            run.lines_starting("divs") == RESULTS,
        ),
    ]
