"""Have three workers take the jobs from the one queue, so that all five are done in about
the time of the longest, job a; keep the jobs and the producer."""

JOBS = ["a", "b", "c", "d", "e"]
STARTER_FAILS = [
    "three workers take jobs from the queue",
    "all five jobs are done in about the time of job a, 0.6 s (less than 1 s in all)",
]


def checks(run):
    finished = [line.partition(": worker ")[2].split() for line in run.lines]
    finished = [
        words for words in finished if len(words) == 4 and words[1:3] == ["finished", "job"]
    ]
    jobs = sorted(words[3] for words in finished)
    workers = {words[0] for words in finished}
    worker_tasks = [label for label in run.tasks if label.startswith("worker(")]
    done = [i for i, line in enumerate(run.lines) if line.endswith("every job is done")]
    last_job = max((i for i, line in enumerate(run.lines) if " finished job " in line), default=-1)
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        ("each of the jobs a, b, c, d and e is done once", jobs == JOBS),
        (
            "three workers take jobs from the queue",
            len(workers) == 3 and len(worker_tasks) == 3,
        ),
        (
            "main says every job is done only after the last one",
            len(done) == 1 and done[0] > last_job,
        ),
        ("the jobs still take their time (at least 0.6 s in all)", run.seconds >= 0.58),
        (
            "all five jobs are done in about the time of job a, 0.6 s (less than 1 s in all)",
            run.seconds < 1.0,
        ),
    ]
