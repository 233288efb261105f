"""The in-browser runner in Chromium: the real buttons, on the built site, offline.

One snippet of each kind of job (options, environment, failing on purpose) is run with its
Run button and must print its 3.14 transcript (tests/test_playground.py runs every snippet
through the same worker, in Node); one is
edited and run, turned into an endless loop and stopped, then reset and run again. Every
request, the worker's included, must stay on the local server.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import figures
import pytest

from tools import wasm
from tools.pipeline import fence, playground, render

PAGE_ENGINE = wasm.ENGINES[playground.PYTHON]  # the runtime the page loads
RUNNABLE = [u for u in playground.runnable() if not u.checkpoint]  # a checkpoint has no Run button
ON_COROUTINES = next(u for u in RUNNABLE if u.page == "docs/coroutines.md")
# One snippet of each kind of job the page sends (interpreter options, environment, an exit
# status that is not 0): tests/test_playground.py runs every snippet through the same worker.
ONE_OF_EACH_KIND = list(
    {
        (u.run.args, u.run.env, u.run.expected_returncode(playground.PYTHON) != 0): u
        for u in reversed(RUNNABLE)
    }.values()
)[::-1]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}
COLD = 120_000  # ms: the first Run downloads and starts Python, on a busy machine too


@pytest.fixture(scope="module")
def session(browser, site_url: str):
    """One context for the module, as one reader: the runtime is downloaded once, then cached."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context, requests, errors
    context.close()


@pytest.fixture
def tab(session):
    context, requests, errors = session
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    page.close()
    assert not errors, f"errors on the page: {errors}"


def _box(tab, snippet: str):
    return tab.locator(f'.playground[data-snippet="{snippet}"]')


def _code(tab, snippet: str):
    return tab.locator(".highlight", has=tab.locator(".filename", has_text=snippet)).first.locator(
        "pre > code"
    )


def _run(box, timeout: float = COLD) -> str:
    """Click Run, wait for the exit status; return what the output block shows."""
    box.locator(".playground-run").click()  # clears the output block at once
    box.locator(".playground-exit").wait_for(timeout=timeout)
    return box.locator(".playground-output").text_content()


def _held_to_transcript(usage, shown: str) -> None:
    """A run as the page shows it prints the page runtime's transcript and exits as expected."""
    first, _, rest = shown.partition("\n")
    assert first == f"$ {usage.run.command(usage.snippet)}"
    body, status = re.fullmatch(r"(.*?)exit status (-?\d+)\n", rest, re.S).groups()
    problem = wasm.output_problem(PAGE_ENGINE, usage, body)
    assert not problem, f"{usage.where}: {problem}"
    assert int(status) == usage.run.expected_returncode(playground.PYTHON), shown


def test_nothing_of_python_loads_before_a_click(session, tab, site_url: str) -> None:
    _, requests, _ = session
    requests.clear()
    tab.goto(site_url + "coroutines/", wait_until="networkidle")
    assert _box(tab, ON_COROUTINES.snippet).is_visible()
    loaded = [
        url for url in requests if "/assets/pyodide/" in url or "/playground/worker.js" in url
    ]
    assert not loaded, f"loaded before any click: {loaded}"


@pytest.mark.parametrize(
    "usage", ONE_OF_EACH_KIND, ids=lambda u: u.snippet.removeprefix("snippets/")
)
def test_run_prints_the_314_transcript(session, tab, site_url: str, usage) -> None:
    tab.goto(site_url + usage.site_path, wait_until="networkidle")
    box = _box(tab, usage.snippet)
    _held_to_transcript(usage, _run(box))
    assert (
        box.locator(".playground-status")
        .text_content()
        .startswith("Ran in your browser, on Python 3.14")
    )


def test_edit_run_stop_reset(session, tab, site_url: str) -> None:
    usage = RUNNABLE[0]
    tab.goto(site_url + usage.site_path, wait_until="networkidle")
    box, code = _box(tab, usage.snippet), _code(tab, usage.snippet)
    shown_source, _ = render.code_for_download(
        (fence.ROOT / usage.snippet).read_text(encoding="utf-8")
    )
    run, stop, reset = (box.locator(f".playground-{name}") for name in ("run", "stop", "reset"))
    assert code.get_attribute("role") == "textbox" and "editable" in code.get_attribute(
        "aria-label"
    )

    code.click()  # edit in place, with the keyboard
    tab.keyboard.press("ControlOrMeta+a")
    tab.keyboard.type('print("edited in the browser", 6 * 7)')
    assert reset.is_enabled()
    shown = _run(box)
    assert shown.endswith(
        "$ python " + usage.snippet + "\nedited in the browser 42\nexit status 0\n"
    ), shown

    # A run that never ends: Stop ends it, and the buttons are ready again.
    code.click()
    tab.keyboard.press("ControlOrMeta+a")
    tab.keyboard.type(
        'import time; [print("tick", flush=True) or time.sleep(0.05) for _ in iter(int, 1)]'
    )
    run.click()
    box.locator(".playground-output", has_text="tick").wait_for(timeout=COLD)
    assert stop.is_enabled() and run.is_disabled()
    stop.focus()
    tab.keyboard.press("Enter")  # the buttons work from the keyboard
    box.locator(".playground-exit", has_text="stopped").wait_for(timeout=5_000)
    assert box.locator(".playground-status").text_content() == "Stopped."
    ticks = box.locator(".playground-output").text_content().count("tick")
    tab.wait_for_timeout(500)
    assert box.locator(".playground-output").text_content().count("tick") == ticks, "it still runs"
    ours = lambda: [w for w in tab.workers if w.url.endswith("/playground/worker.js")]  # noqa: E731
    for _ in range(50):  # Chromium reports a worker's end a little later
        if len(ours()) <= 1:
            break
        tab.wait_for_timeout(100)
    assert len(ours()) <= 1, (
        f"{len(ours())} runner workers: the stopped one still runs (only the next may)"
    )
    assert run.is_enabled() and stop.is_disabled()

    reset.click()
    visible = code.evaluate(
        """code => { const copy = code.cloneNode(true);
        copy.querySelectorAll('.md-annotation').forEach(a => a.remove()); return copy.textContent; }"""
    )
    assert visible.rstrip("\n") == shown_source.rstrip("\n"), "Reset did not restore the script"
    _held_to_transcript(usage, _run(box))  # a fresh interpreter after the stop


TWO_COUNTERS = """import asyncio


async def count(name, pause):
    for step in range(2):
        print(name, step)
        await asyncio.sleep(pause)
    print("done", name)


async def main():
    await asyncio.gather(count("slow", 0.05), count("fast", 0.01))


asyncio.run(main())
"""


def test_an_edited_run_draws_its_own_timeline_on_a_phone(browser, site_url: str) -> None:
    """A reader on a phone rewrites a snippet and runs it: below the output, the picture of
    that very run, whose text alternative tells it (rows, turns, what each step printed,
    the order the tasks finished in); a second run replaces it."""
    usage = RUNNABLE[0]
    context = browser.new_context(viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto(site_url + usage.site_path, wait_until="networkidle")
        box, code = _box(tab, usage.snippet), _code(tab, usage.snippet)
        code.click()
        tab.keyboard.press("ControlOrMeta+a")
        tab.keyboard.type(TWO_COUNTERS)
        shown = _run(box)
        output = shown.partition("\n")[2].rpartition("exit status")[0]
        done = [line for line in output.splitlines() if line.startswith("done")]
        assert done == ["done fast", "done slow"], shown
        figure = box.locator(".playground-timeline figure.timeline")
        assert figure.count() == 1, "no timeline was drawn below the output (playground.js)"
        html = figure.evaluate("figure => figure.outerHTML")
        problems = figures.text_problems(html) + figures.output_problems(html, output)
        assert not problems, "; ".join(problems)
        desc = figure.locator("desc").text_content()
        assert desc.startswith("One row per task")
        assert desc.endswith(
            "finished in this order: count('fast', 0.01), count('slow', 0.05), main()."
        )
        assert "below the output" in box.locator(".playground-status").text_content()
        width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"the picture made the page {width[0]} px wide"

        figure.evaluate("figure => figure.dataset.old = 'yes'")
        _run(box)  # the same edited script again: one picture, the new run's
        assert box.locator(".playground-timeline").count() == 1
        assert figure.get_attribute("data-old") is None, "the first run's picture stayed"
    finally:
        context.close()


def test_the_first_click_says_what_it_downloads(browser, site_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)  # nothing cached, nothing started
    try:
        tab = context.new_page()
        tab.goto(site_url + "coroutines/", wait_until="networkidle")
        box = _box(tab, ON_COROUTINES.snippet)
        box.locator(".playground-run").click()
        _, gzipped = playground.download_size()
        expected = f"Loading Python 3.14 ({gzipped / 1e6:.1f} MB, once)…"
        assert box.locator(".playground-status").text_content() == expected
        box.locator(".playground-exit").wait_for(timeout=COLD)
    finally:
        context.close()


def test_not_runnable_snippets_say_why(tab, site_url: str) -> None:
    usage = next(u for u in fence.find_all() if u.no_browser)
    tab.goto(site_url + usage.site_path, wait_until="networkidle")
    note = tab.locator(f'.playground-note[data-snippet="{usage.snippet}"]')
    assert usage.no_browser in note.text_content()
    assert _box(tab, usage.snippet).count() == 0


def test_every_request_stayed_on_the_local_server(session, site_url: str) -> None:
    """Last in this module: it looks at what every test above asked for, the worker's requests too."""
    _, requests, _ = session
    local = urlsplit(site_url).netloc
    assert any(url.endswith("/assets/pyodide/pyodide.asm.wasm") for url in requests), (
        "no run was seen"
    )
    assert any(url.endswith("/playground/runner.py") for url in requests)
    remote = sorted(
        {url for url in requests if urlsplit(url).netloc != local and not url.startswith("data:")}
    )
    assert not remote, f"requests that left the site: {remote}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_after_a_run(
    browser, site_url: str, axe_source: str, scheme: str
) -> None:
    """The buttons, the status and the output block, with standard error in it, in both palettes."""
    usage = next(u for u in RUNNABLE if u.snippet.endswith("unswallowed.py"))
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(site_url + usage.site_path, wait_until="networkidle")
        box = _box(tab, usage.snippet)
        _run(box)
        assert box.locator(".playground-stderr").count() > 0
        tab.add_script_tag(content=axe_source)
        found = tab.evaluate(
            """snippet => axe.run(document.querySelector(`.playground[data-snippet="${snippet}"]`).parentElement,
            {resultTypes: ['violations']}).then(r => r.violations
            .filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))""",
            usage.snippet,
        )
        assert not found, found
    finally:
        context.close()
