"""The in-browser runner gives what `python <snippet>` gives on 3.14, for every runnable snippet.

Each snippet runs through the page's own worker.js and runner.py, on the runtime files the
build copies into the site, in Node (tests/playground/node_worker.mjs stands in for the
browser's Worker). One Node process per snippet, as many at once as there are cores, each
starting from a memory snapshot of a freshly started Pyodide (a test proves a script sees no
difference); the runs happen once per session and each test checks one of them.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import os
import shutil
import warnings

import pytest

from tools.build import cache, fence, interpreters, playground, transcripts

pytestmark = pytest.mark.browser  # the in-browser runner's proof: in `make test`, not `make check`

RUNNABLE = {u.snippet: u for u in playground.runnable()}
ALL = fence.by_snippet(fence.find_all())


@pytest.fixture(scope="session")
def snapshot(tmp_path_factory: pytest.TempPathFactory):
    """A Pyodide that has just started, saved once: each run starts from it in 0.8 s, not 4 s."""
    if shutil.which("node") is None:
        pytest.fail(
            "node is needed to run the in-browser runner's worker (Debian: apt-get install -y nodejs)"
        )
    playground.runtime_dir()  # a clear message when `npm ci` was not run
    return playground.make_snapshot(tmp_path_factory.mktemp("pyodide") / "fresh.snapshot")


def _compared(snippet: str, run: playground.BrowserRun) -> tuple[str, str | None]:
    """(the run as a transcript, the committed 3.14 transcript or None), both masked."""
    options = RUNNABLE[snippet].run
    expected = transcripts.read(snippet, playground.PYTHON)
    got = transcripts.mask(playground.transcript(snippet, options, run.output), options)
    return got, None if expected is None else transcripts.mask(expected, options)


def _as_recorded(snippet: str, run: playground.BrowserRun) -> bool:
    """Whether a run printed its 3.14 transcript (masked) with the expected exit status."""
    got, expected = _compared(snippet, run)
    return got == expected and run.status == playground.expected_status(RUNNABLE[snippet])


RETRIED: list[str] = []


@pytest.fixture(scope="session")
def browser_runs(request: pytest.FixtureRequest, snapshot) -> dict[str, playground.BrowserRun]:
    """The runs of the snippets this session selected, all at once, one Node per core.

    Pyodide's time.sleep spins in Node, so beside the rest of the suite a timer can wake
    0.1 s late and reorder a timing-sensitive script's lines. A run that differs is run once
    more, alone; only its second run is judged, and a warning in the summary names it."""
    selected = [
        item.callspec.params["snippet"]
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_the_browser_prints_the_314_transcript"
    ]

    def run(snippet: str) -> playground.BrowserRun:
        return playground.run_in_node(snippet, RUNNABLE[snippet].run, snapshot=snapshot)

    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        runs = dict(zip(selected, pool.map(run, selected), strict=True))
    for snippet, first in runs.items():
        if not first.error and not _as_recorded(snippet, first):
            RETRIED.append(snippet)
            runs[snippet] = run(snippet)
    return runs


PROBE = """\
import asyncio, os, sys
print(sys.version, sys.argv, sys.path, os.getcwd(), sys.flags, sys.getrecursionlimit())
print(sorted(sys.modules), sorted(os.environ), type(asyncio.get_event_loop_policy()))
print(hash("asyncio") == hash("asyncio"), __name__, __file__)
"""


def test_a_run_from_the_snapshot_is_a_run_from_a_fresh_start(snapshot) -> None:
    """The shortcut the proof below takes changes nothing a script can see."""
    snippet = next(iter(RUNNABLE))
    fresh = playground.run_in_node(snippet, RUNNABLE[snippet].run, source=PROBE)
    saved = playground.run_in_node(snippet, RUNNABLE[snippet].run, source=PROBE, snapshot=snapshot)
    assert fresh.status == 0 and not fresh.error, fresh
    assert "asyncio" in fresh.output and snippet in fresh.output
    assert saved == fresh


@pytest.mark.parametrize("snippet", RUNNABLE, ids=lambda s: s.removeprefix("snippets/"))
def test_the_browser_prints_the_314_transcript(browser_runs, snippet: str) -> None:
    usage = RUNNABLE[snippet]
    run = browser_runs[snippet]
    if snippet in RETRIED:
        warnings.warn(
            f"{usage.where}: the first run differed beside the suite; judged on a second run",
            stacklevel=2,
        )
    assert not run.error, f"{usage.where}: the worker failed:\n{run.error}"
    assert run.status is not None, (
        f"{usage.where}: {snippet} still ran after {usage.run.timeout:g} s"
    )
    got, expected = _compared(snippet, run)
    assert expected is not None, (
        f"{usage.where}: no 3.14 transcript; record it with `make update-browser-examples`"
    )
    assert got == expected, (
        f"{usage.where}: the browser's output differs from "
        f"{transcripts.path_for(snippet, playground.PYTHON)}:\n{got}"
    )
    assert run.status == playground.expected_status(usage), run.output


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
    assert len(RUNNABLE) + sum(bool(u.no_browser) for u in ALL.values()) == len(ALL)


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
        page = usage.page.removeprefix("docs/").removesuffix(".md").removesuffix("index")
        text = (built_site / page / "index.html").read_text(encoding="utf-8")
        if usage.checkpoint:  # its output is the answer to a question: no Run button gives it away
            assert f'data-snippet="{usage.snippet}"' not in text, usage.where
        elif usage.no_browser:
            assert f'class="playground-note" data-snippet="{usage.snippet}"' in text, usage.where
            assert usage.no_browser in text, usage.where
        elif usage.snippet in RUNNABLE:
            assert f'class="playground" data-snippet="{usage.snippet}"' in text, usage.where
