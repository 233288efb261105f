"""Run main with asyncio.run, and have it run the three searches in the same order and print
what they found."""

SEARCHES = ["508000 / 34113", "100052 / 3210", "500 / 3"]
STARTER_FAILS = [
    "Python gives no 'was never awaited' warning",
    "main runs, started by asyncio.run",
    "the searches run one after another: large, medium, tiny",
    "main prints: found 15, 32 and 167 numbers",
]


def said(line):
    """("finding", "500 / 3") for "finding numbers below 500 divisible by 3"."""
    if line.startswith("finding numbers below "):
        inrange, _, div_by = line.removeprefix("finding numbers below ").partition(" divisible by ")
        return ("finding", f"{inrange} / {div_by}")
    if line.startswith("done with "):
        return ("done", line.removeprefix("done with ").partition(" after")[0])
    return None


def checks(run):
    steps = [said(line) for line in run.lines if said(line)]
    one_after_another = [(word, search) for search in SEARCHES for word in ("finding", "done")]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "Python gives no 'was never awaited' warning",
            not any("was never awaited" in line for line in run.lines),
        ),
        ("main runs, started by asyncio.run", "main()" in run.tasks),
        ("the searches run one after another: large, medium, tiny", steps == one_after_another),
        ("main prints: found 15, 32 and 167 numbers", "found 15, 32 and 167 numbers" in run.lines),
    ]
