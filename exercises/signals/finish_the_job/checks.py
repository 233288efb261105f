"""Make the worker stop between two jobs once SIGTERM has arrived (the stop event is set):
the job under way finishes its full 0.1 s, no new one starts, and main ends normally."""

STARTER_FAILS = ["no job starts after SIGTERM arrives"]


def _printed_at(run):
    """{line: (start, end) of the step of the loop that printed it}, for lines printed in
    a step (the first time each was printed)."""
    trace = run.trace if isinstance(run.trace, dict) else {}
    steps = trace.get("steps") or []
    at = {}
    for item in trace.get("output") or []:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            continue
        step, text = item
        if isinstance(step, int) and 0 <= step < len(steps):
            for line in str(text).splitlines():
                at.setdefault(line, (steps[step].get("start", 0.0), steps[step].get("end", 0.0)))
    return at


def checks(run):
    lines = run.lines
    arrived = [i for i, line in enumerate(lines) if line == "SIGTERM arrives"]
    at = arrived[0] if len(arrived) == 1 else len(lines)
    before, after = lines[:at], lines[at + 1 :]
    started = [line.split()[1] for line in before if line.startswith("job ") and " started" in line]
    under_way = started[-1] if started else None
    stopping = [i for i, line in enumerate(lines) if line == "worker: stopping"]
    printed = _printed_at(run)
    began = printed.get(f"job {under_way} started")
    ended = printed.get(f"job {under_way} done")
    # A lower bound only: a busy machine wakes the job later, never sooner.
    full_length = began is not None and ended is not None and ended[0] - began[1] >= 0.09
    return [
        (
            "main ends normally: main: done, exit status 0",
            run.status == 0 and bool(lines) and lines[-1] == "main: done, exit status 0",
        ),
        ("SIGTERM arrives while a job is under way", len(arrived) == 1 and under_way is not None),
        (
            "the job under way when SIGTERM arrives still finishes, all of its 0.1 s "
            "(its done line 0.09 s or more after its started line)",
            under_way is not None and f"job {under_way} done" in after and full_length,
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
