"""The in-browser runner gives what `python <snippet>` gives, on 3.14 and on 3.15.

Each runnable snippet runs through the page's own worker.js and runner.py, in Node, on both
WebAssembly engines (tools/wasm: Pyodide's CPython 3.14, the page's runtime, and its 3.15),
and is held to that version's committed transcript: output (masked), exit status, which lines
went to stderr, and the engine the provenance record names. One run per snippet and engine,
judged as it came: a run that differs fails, with no second try. The runs of one session
happen at once (one Node per core, and nothing else: `make test` runs the `engines` tests
after the rest), each from a memory snapshot of a freshly started engine
(a test proves a script sees no difference), and each test checks one of them.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import os

import figures
import pytest

from tools import wasm
from tools.pipeline import cache, fence, interpreters, playground, transcripts

# The runs on the engines need a quiet machine: a WebAssembly step is several times slower than
# a native one, and beside a build and a browser it gets so little CPU that a timer's wake-up
# comes 0.2 s late and reorders a script's lines. `make test` runs them after everything else.
engines = pytest.mark.engines

ALL = fence.by_snippet(fence.find_all())
RUN_TESTS = {
    "test_the_engine_prints_the_transcript",
    "test_the_engine_draws_the_timeline_of_that_run",
}
CASES = [(version, usage.snippet) for version in wasm.ENGINES for usage in wasm.runnable(version)]


@pytest.fixture(scope="session")
def engine_runs(request: pytest.FixtureRequest, snapshots) -> dict:
    """The runs this session selected, all at once, one Node per core: (version, snippet) -> run."""
    selected = list(
        dict.fromkeys(
            (item.callspec.params["version"], item.callspec.params["snippet"])
            for item in request.session.items
            if getattr(item, "originalname", "") in RUN_TESTS
        )
    )
    usages = fence.by_snippet(fence.find_all())

    def run(case: tuple[str, str]) -> wasm.Run:
        version, snippet = case
        engine = wasm.ENGINES[version]
        return wasm.run(engine, snippet, usages[snippet].run, snapshot=snapshots[version])

    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        return dict(zip(selected, pool.map(run, selected), strict=True))


PROBE = """\
import asyncio, os, sys
print(sys.version, sys.argv, sys.path, os.getcwd(), sys.flags, sys.getrecursionlimit())
print(sorted(sys.modules), sorted(os.environ), type(asyncio.get_event_loop_policy()))
print(hash("asyncio") == hash("asyncio"), __name__, __file__)
"""


@engines
@pytest.mark.parametrize("version", wasm.ENGINES)
def test_a_run_from_the_snapshot_is_a_run_from_a_fresh_start(snapshots, version: str) -> None:
    """The shortcut the proof below takes changes nothing a script can see."""
    engine = wasm.ENGINES[version]
    usage = wasm.runnable(version)[0]
    fresh = wasm.run(engine, usage.snippet, usage.run, source=PROBE)
    saved = wasm.run(engine, usage.snippet, usage.run, source=PROBE, snapshot=snapshots[version])
    assert fresh.status == 0 and not fresh.error, fresh
    assert "asyncio" in fresh.output and usage.snippet in fresh.output
    assert fresh.python.startswith(version + ".")
    seen = lambda run: (run.output, run.stderr, run.status, run.python)  # noqa: E731
    assert seen(saved) == seen(fresh)  # the timelines' times differ, as any two runs' do


@engines
@pytest.mark.parametrize("version", wasm.ENGINES)
def test_a_loop_that_waits_for_a_timer_leaves_the_cpu_alone(snapshots, version: str) -> None:
    """Pyodide's time.sleep spins; runner.py waits with Atomics.wait where it can (Node does),
    so the engines' runs do not take cores from each other and the rest of the suite."""
    usage = wasm.runnable(version)[0]
    probe = "import asyncio, time\nprint(asyncio.new_event_loop()._selector._sleep is time.sleep)\n"
    found = wasm.run(
        wasm.ENGINES[version], usage.snippet, usage.run, source=probe, snapshot=snapshots[version]
    )
    assert (found.output, found.status) == ("False\n", 0), found


@engines
@pytest.mark.parametrize(
    ("version", "snippet"), CASES, ids=[f"{s.removeprefix('snippets/')}-py{v}" for v, s in CASES]
)
def test_the_engine_prints_the_transcript(engine_runs, version: str, snippet: str) -> None:
    problems = wasm.differences(wasm.ENGINES[version], ALL[snippet], engine_runs[version, snippet])
    assert not problems, "\n".join(problems)


@engines
@pytest.mark.parametrize(
    ("version", "snippet"), CASES, ids=[f"{s.removeprefix('snippets/')}-py{v}" for v, s in CASES]
)
def test_the_engine_draws_the_timeline_of_that_run(engine_runs, version: str, snippet: str) -> None:
    """Every Run is traced (playground.job), and the page draws it below the output: the
    trace printed exactly what the page shows, and the picture and its text tell that run."""
    found = engine_runs[version, snippet]
    usage = ALL[snippet]
    assert found.trace is not None, f"{snippet}: no timeline message from the worker"
    printed = "".join(text for _, text in found.trace["output"])
    assert printed == found.output, f"{snippet}: the trace printed other output than the page shows"
    if usage.timeline:  # the build draws it: so does the page
        assert found.trace["steps"], f"{snippet}: the build draws a timeline, the page's run none"
    if not found.trace["steps"]:
        assert 'class="timeline-none"' in found.timeline, found.timeline
        return
    problems = figures.text_problems(found.timeline) + figures.output_problems(
        found.timeline, found.output
    )
    assert not problems, f"{snippet} on {version}: " + "; ".join(problems)


def test_a_run_that_differs_is_named_with_its_diff_and_the_fix() -> None:
    """The proof's judgement, on a run that prints one line more than the transcript."""
    usage = wasm.runnable("3.15")[0]
    engine = wasm.ENGINES["3.15"]
    _, output = transcripts.split(transcripts.read(usage.snippet, "3.15"))
    found = wasm.Run(
        output + "one line more\n", "", usage.run.expected_returncode("3.15"), "3.15.0rc1"
    )
    [problem] = wasm.differences(engine, usage, found)
    assert problem.startswith(f"{usage.where}: {usage.snippet} on {engine.name} (Python 3.15)")
    assert "+one line more" in problem and "make update-browser-examples" in problem
    assert wasm.differences(engine, usage, dataclasses.replace(found, output=output)) == []


def test_every_snippet_that_cannot_run_in_the_browser_says_why() -> None:
    """A process pool, threads, sockets, child processes: Pyodide has none of them."""
    cannot = (
        "ProcessPoolExecutor",
        "to_thread",
        "threading",
        "subprocess",
        "socket",
        "open_connection",
    )
    for usage in ALL.values():
        source = (fence.ROOT / usage.snippet).read_text(encoding="utf-8")
        uses = [name for name in cannot if name in source]
        if uses:
            assert usage.no_browser, (
                f'{usage.where}: uses {uses}: add no_browser="<reason>" to its fence'
            )
        elif usage.no_browser:  # another reason (the browser's event loop differs): say it
            assert "browser" in usage.no_browser, (
                f"{usage.where}: say why the browser cannot run it"
            )
    runnable = wasm.runnable(playground.PYTHON)
    assert len(runnable) + sum(bool(u.no_browser) for u in ALL.values()) == len(ALL)


def test_no_browser_is_not_a_run_option() -> None:
    """It changes what the page shows, never the run: same options, same cache key."""
    text = '```python exec="on" no_browser="it starts threads"\n--8<-- "{}"\n```\n'
    snippet = next(iter(ALL))
    [with_it] = fence.scan(text.format(snippet), "docs/x.md")
    [without] = fence.scan(
        text.replace(' no_browser="it starts threads"', "").format(snippet), "docs/x.md"
    )
    assert with_it.no_browser == "it starts threads" and with_it.run == without.run
    interpreter = interpreters.current()
    assert cache.key(snippet, interpreter, with_it.run) == cache.key(
        snippet, interpreter, fence.RunOptions()
    )
    assert "no_browser" not in {f.name for f in dataclasses.fields(fence.RunOptions)}


def test_the_build_stops_with_npm_ci_when_the_runtime_is_missing(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(playground, "PACKAGE", tmp_path / "node_modules" / "pyodide")
    with pytest.raises(playground.RuntimeMissing, match=r"Run `npm ci` at the repository root"):
        playground.copy_runtime(tmp_path / "site")
    assert not (tmp_path / "site" / playground.SITE_PATH).exists()


def test_the_site_holds_one_copy_of_the_runtime_and_the_pages_link_it(built_site) -> None:
    folder = built_site / playground.SITE_PATH
    assert sorted(p.name for p in folder.iterdir()) == sorted(playground.RUNTIME_FILES)
    for name in playground.RUNTIME_FILES:
        assert (folder / name).read_bytes() == (playground.PACKAGE / name).read_bytes(), name
    assert [p for p in built_site.rglob("pyodide.asm.wasm")] == [folder / "pyodide.asm.wasm"]
    for usage in ALL.values():
        text = (built_site / usage.site_path / "index.html").read_text(encoding="utf-8")
        if usage.checkpoint:  # its output is the answer to a question: no Run button gives it away
            assert f'data-snippet="{usage.snippet}"' not in text, usage.where
        elif usage.no_browser:
            assert f'class="playground-note" data-snippet="{usage.snippet}"' in text, usage.where
            assert usage.no_browser in text, usage.where
        elif usage in playground.runnable():
            assert f'class="playground" data-snippet="{usage.snippet}"' in text, usage.where
