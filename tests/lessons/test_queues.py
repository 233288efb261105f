"""docs/queues.md: a producer, two workers, queue.join(), cancelling, and Queue.shutdown()."""

from tests.lessons.claims import Page

page = Page("docs/queues.md")
WORKERS = "snippets/queues/workers.py"
SHUTDOWN = "snippets/queues/shutdown.py"
CHECKPOINT = "snippets/queues/checkpoint_join.py"
FINISHED = r"^(\d+\.\d+) s: worker (\d) finished job (\w)$"


def finished(out):
    """[(seconds, worker, job)] in the order the jobs were finished."""
    return [(float(m[1]), m[2], m[3]) for m in out.findall(FINISHED)]


@page.claim("Worker 1 takes job a and is busy with it for 0.6 s", WORKERS)
def _(out):
    [(seconds, worker)] = [(s, w) for s, w, job in finished(out) if job == "a"]
    assert worker == "1" and 0.6 <= seconds < 0.75


@page.claim("Meanwhile worker 2 finishes b, then c", WORKERS)
def _(out):
    assert [(w, job) for _, w, job in finished(out)][:3] == [("2", "b"), ("2", "c"), ("1", "a")]


@page.claim("go to whichever worker is free first", WORKERS)
def _(out):
    # worker 2 is free after c (0.5 s), worker 1 after a (0.6 s)
    assert [(w, job) for _, w, job in finished(out)][3:] == [("2", "d"), ("1", "e")]


@page.claim("the five jobs take about 0.8 s in all", WORKERS)
def _(out):
    assert len(finished(out)) == 5
    assert 0.8 <= out.number(r"^(\d+\.\d+) s: every job is done$") < 1.0


@page.claim("Both workers report cancelled() == True", WORKERS)
def _(out):
    assert out.lines[-1] == "workers cancelled: [True, True]"


@page.claim("done in the same order, by the same workers, as before", SHUTDOWN, WORKERS)
def _(shutdown, workers):
    assert [f[1:] for f in finished(shutdown)] == [f[1:] for f in finished(workers)]


@page.claim("When worker 2 has finished job d, it finds the queue empty and shut down", SHUTDOWN)
def _(out):
    def at(text):
        [position] = [i for i, line in enumerate(out.lines) if line.endswith(f" s: {text}")]
        return position

    assert at("worker 2 stops") == at("worker 2 finished job d") + 1
    assert at("worker 1 stops") == at("worker 1 finished job e") + 1
    assert at("worker 2 stops") < at("worker 1 finished job e")


@page.claim("main waits for the two tasks to end by themselves", SHUTDOWN)
def _(out):
    assert out.lines[-1].endswith(" s: every worker has stopped")
    assert out.returncode == 0


@page.claim("Both jobs finish before queue.join() returns, and in the order", CHECKPOINT)
def _(out):
    assert out.lines == [
        "jobs queued",
        "finished a job of 200 ms",
        "finished a job of 100 ms",
        "queue.join() returned",
    ]


test_claims = page.test()
