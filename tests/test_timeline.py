"""Timeline pictures: the tracer on every Python, and the pictures in the built site.

A picture must show the run the page shows: its text alternative lists what each step
printed, which must be the transcript, line for line; and its bars must finish in the
order of the transcript's `done with ...` lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import figures
import pytest

from tools.pipeline import fence, interpreters, picture, runner, timeline, trace
from tools.pipeline.fence import RunOptions

FENCES = [(f.page, f.snippet) for f in fence.find_all() if f.timeline]

TWO_WORKERS = """\
import asyncio


async def worker(name):
    for _ in range(2):
        print(name)
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(worker("a"), worker("b"))
    print("main done")


asyncio.run(main())
"""

TWO_CALLS = """\
def work(n):
    print("working", n)
    return sum(range(n))


def main():
    work(1000)
    work(10)
    print("main done")


main()
"""


def _trace(tmp_path: Path, source: str, version: str) -> dict:
    interpreter = interpreters.find(version)
    if interpreter is None:
        pytest.fail(f"Python {version} not found (ASYNCIO_BASICS_PYTHONS chooses versions)")
    script = tmp_path / "script.py"
    script.write_text(source, encoding="utf-8")
    run = runner.run(str(script), interpreter, timeline.trace_options(RunOptions()))
    assert run.returncode == 0, run.output
    return trace.parse(run.output)


@pytest.mark.parametrize("version", interpreters.requested())
def test_the_tracer_follows_each_task_of_the_c_accelerated_loop(tmp_path, version) -> None:
    data = _trace(tmp_path, TWO_WORKERS, version)
    assert data["kind"] == "asyncio"
    assert data["task_class"] == "_asyncio.Task", "not the C-accelerated Task CPython uses"
    labels = [lane["label"] for lane in data["lanes"]]
    assert labels == ["main()", "worker('a')", "worker('b')"]  # asyncio.run's own are left out
    assert [s["lane"] for s in data["steps"]] == [0, 1, 2, 1, 2, 1, 2, 0]
    by_step = [(data["steps"][i]["lane"], text) for i, text in data["output"]]
    assert by_step == [(1, "a\n"), (2, "b\n"), (1, "a\n"), (2, "b\n"), (0, "main done\n")]
    starts = [s["start"] for s in data["steps"]]
    assert starts == sorted(starts) and all(s["end"] >= s["start"] for s in data["steps"])


@pytest.mark.parametrize("version", interpreters.requested())
def test_the_tracer_follows_the_calls_of_a_synchronous_main(tmp_path, version) -> None:
    data = _trace(tmp_path, TWO_CALLS, version)
    assert data["kind"] == "calls"
    assert [lane["label"] for lane in data["lanes"]] == ["work(1000)", "work(10)"]
    assert [s["lane"] for s in data["steps"]] == [0, 1]
    assert data["output"] == [[0, "working 1000\n"], [1, "working 10\n"], [None, "main done\n"]]


UNSEEN = """\
import asyncio
import gc
import traceback


async def forever():
    await asyncio.Event().wait()


async def main():
    asyncio.create_task(forever())  # no reference kept: collected while pending
    await asyncio.sleep(0)
    gc.collect()
    print("collected")
    stack = traceback.extract_stack()
    first = next(i for i, frame in enumerate(stack) if frame.filename == __file__)
    print(len(stack) - first, "frames from the script's own up")


asyncio.run(main())
"""


# Not 3.10: its profile hook (the tracer's way before sys.monitoring) copies every frame's
# locals at each event, which can keep a task alive longer. Pictures are drawn with the
# newest Python a build runs (3.13 here, 3.15 on GitHub), and the page runs 3.14.
@pytest.mark.parametrize("version", [v for v in interpreters.requested() if v != "3.10"])
def test_a_traced_run_prints_what_an_untraced_one_prints(tmp_path, version) -> None:
    """The page traces every Run: the tracer puts no frame on the stack (tracebacks,
    "Coroutine created at") and keeps no task alive ("Task was destroyed" comes in place)."""
    script = tmp_path / "script.py"
    script.write_text(UNSEEN, encoding="utf-8")
    plain = runner.run(str(script), interpreters.find(version), RunOptions())
    data = _trace(tmp_path, UNSEEN, version)
    assert "Task was destroyed but it is pending" in plain.output
    assert "".join(text for _, text in data["output"]) == plain.output


def test_a_traced_run_that_prints_something_else_is_refused() -> None:
    data = {"steps": [{"lane": 0}], "output": [[0, "b\n"], [0, "a\n"]], "python": "3.12.1"}
    with pytest.raises(timeline.TimelineError, match="something other than the plain run"):
        timeline.check_against(data, "$ python x.py\na\nb\n", "x.py", RunOptions())
    timeline.check_against(data, "$ python x.py\nb\na\n", "x.py", RunOptions())
    # A line the fence declares optional may be missing from the traced run, and only then.
    slow = "$ python x.py\nb\nslow step took 5 ms\na\n"
    with pytest.raises(timeline.TimelineError, match="something other than the plain run"):
        timeline.check_against(data, slow, "x.py", RunOptions())
    timeline.check_against(data, slow, "x.py", RunOptions(optional_lines="^slow step"))


def test_timeline_fences_are_found() -> None:
    assert FENCES, 'no page has a timeline="on" fence: the picture tests below test nothing'


def test_masking_hides_the_measured_geometry_and_nothing_else() -> None:
    page = '<p>took 5</p><svg class="timeline"><rect x="1.5" width="20"/></svg><p>12</p>'
    other = '<p>took 5</p><svg class="timeline"><rect x="3.0" width="17"/></svg><p>12</p>'
    assert timeline.mask_pictures(page) == timeline.mask_pictures(other)
    assert timeline.mask_pictures(page).endswith("<p>12</p>")


def _figure(built_site: Path, page: str, snippet: str) -> str:
    rel = fence.site_path(page.removeprefix("docs/"))
    text = (built_site / rel / "index.html").read_text(encoding="utf-8")
    ident = f"timeline-{Path(snippet).stem}"
    found = re.findall(rf'<figure class="timeline" id="{ident}"[^>]*>.*?</figure>', text, re.S)
    assert len(found) == 1, f"{page}: expected one timeline picture for {snippet}"
    return found[0]


@pytest.mark.parametrize(("page", "snippet"), FENCES, ids=[s for _, s in FENCES])
def test_each_picture_says_in_text_what_it_shows(built_site, page: str, snippet: str) -> None:
    """Its title and <desc>, read against the bars drawn: rows, turns, first and last
    moments, finishing order; and one list item per bar."""
    figure = _figure(built_site, page, snippet)
    assert "one real run" in figure and "during this build" in figure
    assert figure.count('class="timeline-step') >= 3
    problems = figures.text_problems(figure)
    assert not problems, f"{snippet}: " + "; ".join(problems)


@pytest.mark.parametrize(("page", "snippet"), FENCES, ids=[s for _, s in FENCES])
def test_each_picture_shows_the_order_of_the_output(site_build, page: str, snippet: str):
    """What its steps printed is the page's output, and find_divisibles rows finish in the
    order of its `done with` lines (the picture is of a separate run: durations masked)."""
    figure = _figure(site_build.site, page, snippet)
    python = re.search(r"on Python (3\.\d+)\.\d+", figure)[1]
    output = site_build.runs(snippet)[python]["output"]  # what the page shows under the code
    problems = figures.output_problems(figure, output, masked=True)
    assert not problems, f"{snippet}: " + "; ".join(problems)
    lines = output.rstrip("\n").split("\n")
    printed = sum(len(quoted) + more for quoted, more in figures.printed_in_steps(figure))
    assert printed >= len(lines) - 2, f"{snippet}: most lines are printed in steps"


def _synthetic(lanes: int, turns: int, label=lambda n: f"work({n})") -> dict:
    """A run of `lanes` tasks taking `turns` turns each in rotation, each turn printing a line."""
    steps, output = [], []
    for turn in range(turns):
        for lane in range(lanes):
            output.append([len(steps), f"{label(lane)} turn {turn}\n"])
            start = (turn * lanes + lane) * 0.001
            steps.append({"lane": lane, "start": start, "end": start + 0.0005})
    names = [{"label": label(n), "name": f"Task-{n + 2}"} for n in range(lanes)]
    return {"kind": "asyncio", "python": "3.14.2", "lanes": names, "steps": steps, "output": output}


def test_a_long_run_is_drawn_in_part_and_says_what_it_left_out() -> None:
    data = _synthetic(lanes=picture.MAX_LANES + 3, turns=40)
    figure = picture.render(data, "long.py", "t", "A caption.")
    shown_rows = figure.count('class="timeline-label"')
    left_steps = len(data["steps"]) - picture.MAX_STEPS
    assert shown_rows == picture.MAX_LANES
    assert figure.count('class="timeline-step') == picture.MAX_STEPS
    assert f"3 more task rows and {left_steps} more steps are not shown" in figure
    assert figures.text_problems(figure) == []
    output = "".join(text for _, text in data["output"])
    assert figures.output_problems(figure, output) == []


def test_rows_that_read_alike_are_told_apart_by_their_task() -> None:
    data = _synthetic(lanes=3, turns=2, label=lambda n: "search(500, 3)")
    figure = picture.render(data, "same.py", "t", "A caption.")
    labels = re.findall(r'class="timeline-label"[^>]*>([^<]+)<', figure)
    assert labels == [f"search(500, 3) [Task-{n}]" for n in (2, 3, 4)]
    assert figures.text_problems(figure) == []
