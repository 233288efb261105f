"""Timeline pictures: the tracer on every Python, and the pictures in the built site.

A picture must show the run the page shows: its text alternative lists what each step
printed, which must be the transcript, line for line; and its bars must finish in the
order of the transcript's `done with ...` lines.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tools.build import fence, interpreters, runner, timeline, trace, transcripts
from tools.build.fence import RunOptions

FENCES = timeline.fences()

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


def test_a_traced_run_that_prints_something_else_is_refused() -> None:
    data = {"steps": [{"lane": 0}], "output": [[0, "b\n"], [0, "a\n"]], "python": "3.12.1"}
    with pytest.raises(timeline.TimelineError, match="something other than the transcript"):
        timeline.check_against(data, "$ python x.py\na\nb\n", "x.py")
    timeline.check_against(data, "$ python x.py\nb\na\n", "x.py")


def test_masking_hides_the_measured_geometry_and_nothing_else() -> None:
    page = '<p>took 5</p><svg class="timeline"><rect x="1.5" width="20"/></svg><p>12</p>'
    other = '<p>took 5</p><svg class="timeline"><rect x="3.0" width="17"/></svg><p>12</p>'
    assert timeline.mask_pictures(page) == timeline.mask_pictures(other)
    assert timeline.mask_pictures(page).endswith("<p>12</p>")


def _figure(built_site: Path, page: str, snippet: str) -> str:
    rel = page.removeprefix("docs/").removesuffix(".md")
    text = (built_site / rel / "index.html").read_text(encoding="utf-8")
    ident = f"timeline-{Path(snippet).stem}"
    found = re.findall(rf'<figure class="timeline" id="{ident}"[^>]*>.*?</figure>', text, re.S)
    assert len(found) == 1, f"{page}: expected one timeline picture for {snippet}"
    return found[0]


@pytest.mark.parametrize(("page", "snippet"), FENCES, ids=[s for _, s in FENCES])
def test_each_timeline_fence_has_a_picture_with_a_text_alternative(
    built_site, page: str, snippet: str
) -> None:
    figure = _figure(built_site, page, snippet)
    svg = re.search(r"<svg [^>]*>", figure)[0]
    assert 'role="img"' in svg
    for ident in re.search(r'aria-labelledby="([^"]+)"', svg)[1].split():
        label = re.search(rf'<(title|desc) id="{ident}">([^<]+)</\1>', figure)
        assert label and len(label[2]) > 20, f"{snippet}: no text for {ident}"
    assert "one real run" in figure and "during this build" in figure
    assert figure.count('class="timeline-step') >= 3


@pytest.mark.parametrize(("page", "snippet"), FENCES, ids=[s for _, s in FENCES])
def test_each_picture_shows_the_order_of_the_transcript(built_site, page: str, snippet: str):
    figure = _figure(built_site, page, snippet)
    python = re.search(r"on Python (3\.\d+)\.\d+", figure)[1]
    expected = transcripts.read(snippet, python)
    assert expected is not None
    lines = expected.rstrip("\n").split("\n")[1:]

    # What each step printed, in step order, is the transcript (outside-step lines aside).
    printed = []
    for item in re.findall(r"<li>(.*?)</li>", figure, re.S):
        said = html.unescape(item).partition(", printed “")[2]
        printed += said.removesuffix("”").split("”; “") if said else []
    printed = [transcripts.mask(line) for line in printed]  # a separate run: its own durations
    in_steps = [transcripts.mask(line.strip()) for line in lines]
    in_steps = [line for line in in_steps if line in printed]
    assert printed == in_steps
    assert len(printed) >= len(lines) - 2, f"{snippet}: most lines are printed in steps"

    # The bars of each find_divisibles call end in the order of the `done with` lines.
    rows = {
        int((float(y) - 14) // timeline.LANE): html.unescape(label)
        for y, label in re.findall(r'class="timeline-label" x="8" y="([\d.]+)">([^<]+)<', figure)
    }
    ends: dict[str, float] = {}
    for x, y, width in re.findall(
        r'class="timeline-step[^"]*" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', figure
    ):
        label = rows[int((float(y) - 19) // timeline.LANE)]
        ends[label] = max(ends.get(label, 0.0), float(x) + float(width))
    calls = {
        m[1]: f"{m[2]} / {m[3]}"
        for m in (re.match(r"(find_divisibles\((\d+), (\d+)\))", k) for k in ends)
        if m
    }
    drawn = [calls[label] for label in sorted(calls, key=ends.get)]
    done = [m[1] for m in (re.match(r"done with (\d+ / \d+) after", line) for line in lines) if m]
    assert drawn == done, (
        f"{snippet}: the bars finish in the order {drawn}, the transcript says {done}"
    )
