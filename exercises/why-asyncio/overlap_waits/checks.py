"""Let the four fetches wait at the same time, so the three small files do not wait behind
the slow photo; keep every file and its wait."""

WAITS = {"page.html": 0.1, "photo.jpg": 0.3, "style.css": 0.1, "logo.png": 0.1}
SMALL = ["page.html", "style.css", "logo.png"]
STARTER_FAILS = ["page.html, style.css and logo.png are all in within 0.25 s"]


def arrivals(run):
    """Seconds from the first step to the end of the step that printed each `got` line."""
    steps = run.trace.get("steps") or []
    if not steps:
        return {}
    start = min(step.get("start") or 0.0 for step in steps)
    seen = {}
    for index, text in run.trace.get("output") or []:
        if not isinstance(index, int) or not 0 <= index < len(steps):
            continue
        for line in str(text).splitlines():
            if line.startswith("got "):
                seen.setdefault(line.removeprefix("got "), (steps[index].get("end") or 0.0) - start)
    return seen


def checks(run):
    got = sorted(line.removeprefix("got ") for line in run.lines_starting("got "))
    at = arrivals(run)
    small = [at.get(name) for name in SMALL]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        ("all four files arrive, once each", got == sorted(WAITS)),
        (
            "each file still takes its time to arrive: 0.1 s, the photo 0.3 s",
            all(
                at.get(name) is not None and at[name] >= wait - 0.02 for name, wait in WAITS.items()
            ),
        ),
        (
            "page.html, style.css and logo.png are all in within 0.25 s",
            all(t is not None and t < 0.25 for t in small),
        ),
    ]
