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

from tools.pipeline import fence, interpreters, runner, timeline, trace, transcripts
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
def test_each_picture_shows_the_order_of_the_output(site_build, page: str, snippet: str):
    figure = _figure(site_build.site, page, snippet)
    python = re.search(r"on Python (3\.\d+)\.\d+", figure)[1]
    lines = site_build.runs(snippet)[python]["output"].rstrip("\n").split("\n")  # the page's

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


_ROW = re.compile(
    r"(?P<label>[^.]+?(?:\([^)]*\))?): (?P<turns>\d+) turns?, [\d.]+ ms in all, from (?P<start>[\d.]+) ms to (?P<end>[\d.]+) ms"
)


def _drawn(figure: str) -> tuple[dict[str, list[tuple[float, float]]], float]:
    """Each row's bars as (start, end) in ms, read off the SVG; and ms per viewBox unit."""
    rows = {
        float(y) + 5: label
        for y, label in re.findall(
            r'<text class="timeline-label" x="8" y="([\d.]+)">([^<]+)</text>', figure
        )
    }
    ticks = re.findall(r'<text class="timeline-tick" x="([\d.]+)"[^>]*>([\d.]+) ms</text>', figure)
    span_ms, span_x = float(ticks[-1][1]), float(ticks[-1][0]) - 8
    scale = span_ms / span_x
    bars: dict[str, list[tuple[float, float]]] = {
        html.unescape(label): [] for label in rows.values()
    }
    for x, y, width in re.findall(
        r'<rect class="timeline-step[^"]*" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', figure
    ):
        label = html.unescape(rows[float(y)])
        bars[label].append(((float(x) - 8) * scale, (float(x) + float(width) - 8) * scale))
    return bars, scale


@pytest.mark.parametrize(("page", "snippet"), FENCES, ids=[s for _, s in FENCES])
def test_each_text_alternative_says_what_its_picture_shows(
    built_site, page: str, snippet: str
) -> None:
    """The <desc> is read against the bars drawn: turns, first and last moments, finishing order."""
    figure = _figure(built_site, page, snippet)
    desc = html.unescape(re.search(r"<desc [^>]*>([^<]+)</desc>", figure)[1])
    bars, scale = _drawn(figure)
    told = {m["label"].strip(): m for m in _ROW.finditer(desc)}
    assert sorted(told) == sorted(bars), (
        f"{snippet}: the text names rows {sorted(told)}, the picture {sorted(bars)}"
    )
    slack = max(0.3, 2.0 * scale)  # the rounding of the text, and the shortest bar drawn wider
    for label, drawn in bars.items():
        said = told[label]
        assert int(said["turns"]) == len(drawn), (
            f"{snippet}: {label}: {said['turns']} turns said, {len(drawn)} drawn"
        )
        assert abs(float(said["start"]) - drawn[0][0]) <= slack, (
            f"{snippet}: {label} starts elsewhere"
        )
        assert abs(float(said["end"]) - max(e for _, e in drawn)) <= slack, (
            f"{snippet}: {label} ends elsewhere"
        )
    steps = re.findall(r"<li>", figure)
    assert len(steps) == sum(len(d) for d in bars.values()), (
        f"{snippet}: the step list and the bars disagree"
    )
    if len(bars) > 1:
        order = re.search(r"They finished in this order: ([^\n]+)\.$", desc)
        assert order, f"{snippet}: the text does not say in which order the rows finished"
        ends = {label: max(e for _, e in drawn) for label, drawn in bars.items()}
        said_order = (
            order[1].split(", ")
            if "(" not in order[1]
            else re.findall(r"[^,(]+\([^)]*\)|[^,]+", order[1])
        )
        said_order = [s.strip() for s in said_order]
        for earlier, later in zip(said_order, said_order[1:], strict=False):
            assert ends[earlier] <= ends[later] + slack, (
                f"{snippet}: said {earlier} finished before {later}"
            )


@pytest.mark.parametrize(("page", "snippet"), FENCES, ids=[s for _, s in FENCES])
def test_each_finishing_order_is_the_order_of_the_done_lines(
    site_build, page: str, snippet: str
) -> None:
    """Rows named find_divisibles(n, d) finish in the order their `done with n / d` lines appear."""
    figure = _figure(site_build.site, page, snippet)
    desc = html.unescape(re.search(r"<desc [^>]*>([^<]+)</desc>", figure)[1])
    python = re.search(r"on Python (3\.\d+)\.\d+", figure)[1]
    output = site_build.runs(snippet)[python]["output"]  # what the page shows under the code
    done = [f"{a}, {b}" for a, b in re.findall(r"^done with (\d+) / (\d+)", output, re.M)]
    order = re.search(r"They finished in this order: (.+)\.$", desc)
    finished = re.findall(r"find_divisibles\((\d+, \d+)\)", order[1]) if order else []
    if len(done) < 2 or len(finished) < 2:
        pytest.skip(f"{snippet}: no two tasks of find_divisibles to order")
    assert finished == done, f"{snippet}: the picture's text says {finished}, the output {done}"
