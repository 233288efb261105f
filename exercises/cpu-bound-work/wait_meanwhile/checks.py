"""Let the searches compute while the download waits, so that the download's wait no longer
adds to their time; keep the download and the two searches as they are."""

STARTER_FAILS = ["the searches compute while the download waits"]


def _steps(run, prefix):
    lanes = {i for i, lane in enumerate(run.trace["lanes"]) if lane["label"].startswith(prefix)}
    return sorted(
        (step for step in run.trace["steps"] if step["lane"] in lanes),
        key=lambda step: step["start"],
    )


def _printed_in(run, line):
    """The step of the loop that printed `line`, or None."""
    for step, text in run.trace["output"]:
        if line + "\n" in text and step is not None and step < len(run.trace["steps"]):
            return run.trace["steps"][step]
    return None


def checks(run):
    starts, done = _printed_in(run, "download starts"), _printed_in(run, "download done")
    waited = starts is not None and done is not None and done["start"] - starts["end"] >= 0.38
    downloads = [label for label in run.tasks if label.startswith("download(")]
    waits = _steps(run, "download(")
    meanwhile = len(downloads) == 1 and any(
        waits[0]["end"] <= step["start"] and step["end"] <= waits[-1]["start"]
        for step in _steps(run, "find_divisibles(")
    )
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "the two searches keep their sizes and find 44 and 468 numbers",
            sorted(run.lines_starting("done with "))
            == ["done with 1500000 / 3210: 468 found", "done with 1500000 / 34113: 44 found"],
        ),
        (
            "the download still waits its 0.4 s, once",
            waited and run.lines.count("download done") == 1,
        ),
        ("the searches compute while the download waits", meanwhile),
    ]
