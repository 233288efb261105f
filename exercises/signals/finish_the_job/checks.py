"""Make the worker stop between two jobs once SIGTERM has arrived (the stop event is set):
the job under way finishes, no new one starts, and main ends normally."""

STARTER_FAILS = ["no job starts after SIGTERM arrives"]


def checks(run):
    lines = run.lines
    arrived = [i for i, line in enumerate(lines) if line == "SIGTERM arrives"]
    at = arrived[0] if len(arrived) == 1 else len(lines)
    before, after = lines[:at], lines[at + 1 :]
    started = [line.split()[1] for line in before if line.startswith("job ") and " started" in line]
    under_way = started[-1] if started else None
    stopping = [i for i, line in enumerate(lines) if line == "worker: stopping"]
    return [
        (
            "main ends normally: main: done, exit status 0",
            run.status == 0 and bool(lines) and lines[-1] == "main: done, exit status 0",
        ),
        ("SIGTERM arrives while a job is under way", len(arrived) == 1 and under_way is not None),
        (
            "the job under way when SIGTERM arrives still finishes",
            under_way is not None and f"job {under_way} done" in after,
        ),
        (
            STARTER_FAILS[0],
            len(arrived) == 1 and not any(line.endswith(" started") for line in after),
        ),
        (
            "the worker says it is stopping, after SIGTERM",
            len(arrived) == 1 and len(stopping) == 1 and stopping[0] > at,
        ),
    ]
