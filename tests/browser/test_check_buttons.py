"""Exercises in Chromium: on each page that has one, a reader types a solution into the first
exercise and checks it, then a wrong one (the starter), and reads the verdict, offline."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tools.pipeline import exercise, fence, grading

EXERCISES = list({e.page: e for e in reversed(exercise.find_all())}.values())[
    ::-1
]  # first per page
COLD = 120_000  # ms: the first Check downloads and starts Python


@pytest.fixture(scope="module")
def reader(browser, site_url: str):
    """One reader for the module, on a phone: the runtime is downloaded once. Every request,
    the worker's and the checks' included, stays on the local server."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context
    context.close()
    local = urlsplit(site_url).netloc
    remote = sorted(
        {u for u in requests if urlsplit(u).netloc != local and not u.startswith("data:")}
    )
    assert not remote, f"requests that left the site: {remote}"
    assert any(u.endswith("/checks.py") for u in requests), "no Check fetched its checks.py"


def _type(tab, code, text: str) -> None:
    code.click()
    tab.keyboard.press("ControlOrMeta+a")
    tab.keyboard.press("Delete")
    tab.keyboard.insert_text(text)  # as pasted: typing would take a second per line


def _check(tab, box) -> tuple[str, list[str]]:
    """Press Check; the announced status and the verdict's conditions, as shown."""
    box.locator(".playground-check").click()
    box.locator(".playground-exit").wait_for(timeout=COLD)
    verdict = box.locator(".playground-verdict li").all_text_contents()
    return box.locator(".playground-status").text_content(), verdict


@pytest.mark.parametrize("found", EXERCISES, ids=lambda e: e.folder.removeprefix("exercises/"))
def test_a_solution_passes_and_the_starter_is_named_wrong(reader, site_url: str, found) -> None:
    tab = reader.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        tab.goto(site_url + fence.site_path(found.page.removeprefix("docs/")), wait_until="load")
        starter = found.path("starter.py")
        box = tab.locator(f'.playground[data-snippet="{starter}"]')
        code = tab.locator(".highlight", has=tab.locator(".filename", has_text=starter))
        code = code.first.locator("pre > code")

        _type(tab, code, found.source("solution.py"))
        status, verdict = _check(tab, box)
        assert status.startswith("Checked: Well done: all"), (status, verdict)
        assert verdict and all(line.startswith("✓ holds: ") for line in verdict), verdict

        _type(tab, code, found.source("starter.py"))
        status, verdict = _check(tab, box)
        failing = [
            line.removeprefix("✗ does not hold: ") for line in verdict if line.startswith("✗")
        ]
        assert status.startswith("Checked: Not yet:"), (status, verdict)
        assert failing == grading.starter_fails(found.source("checks.py")), verdict
        assert not errors, errors
    finally:
        tab.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_after_a_check(
    browser, site_url: str, axe_source: str, scheme: str
) -> None:
    """The verdict, the output and the run's timeline, in both palettes, on a phone."""
    found = EXERCISES[0]
    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(site_url + fence.site_path(found.page.removeprefix("docs/")), wait_until="load")
        box = tab.locator(f'.playground[data-snippet="{found.path("starter.py")}"]')
        _check(tab, box)
        assert box.locator(".playground-verdict").count() == 1
        assert box.locator(".playground-timeline figure.timeline").count() == 1
        tab.add_script_tag(content=axe_source)
        serious = tab.evaluate(
            """box => axe.run(document.querySelector(box), {resultTypes: ['violations']})
            .then(r => r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))""",
            f'.playground[data-snippet="{found.path("starter.py")}"]',
        )
        assert not serious, serious
        width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"the verdict or timeline made the page {width[0]} px wide"
    finally:
        context.close()
