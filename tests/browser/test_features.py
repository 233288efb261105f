"""Site-wide reader features, driven in Chromium: search, palette, copy, download."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.pipeline import fence, render

USAGES = {u.snippet: u for u in fence.find_all()}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def tab(browser, site_url: str):
    """A fresh desktop browser tab, allowed to read the clipboard."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"uncaught errors: {errors}"


def _search(tab, site_url: str, query: str) -> list[str]:
    tab.goto(site_url, wait_until="networkidle")
    tab.keyboard.press("/")  # mkdocs-material's shortcut to the search box
    tab.locator("input.md-search__input").press_sequentially(query)  # typed, as a reader does
    results = tab.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    return [results.nth(i).get_attribute("href") for i in range(results.count())]


def test_search_finds_a_word_on_the_page_that_uses_it(tab, site_url: str) -> None:
    hrefs = _search(tab, site_url, "gather")
    assert any("results/" in href for href in hrefs), hrefs


def test_search_for_taskgroup_finds_the_task_groups_page(tab, site_url: str) -> None:
    hrefs = _search(tab, site_url, "TaskGroup")
    assert any("task-groups/" in href for href in hrefs), hrefs


def test_the_dark_palette_is_remembered_from_page_to_page(tab, site_url: str) -> None:
    tab.goto(site_url + "why-asyncio/", wait_until="networkidle")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert tab.evaluate(scheme) == "default"
    tab.locator('form[data-md-component="palette"] label:not([hidden])').click()
    assert tab.evaluate(scheme) == "slate"
    tab.locator("a.md-footer__link--next").click()  # the previous/next footer
    tab.wait_for_load_state("networkidle")
    assert tab.url.endswith("/synchronous-baseline/")
    assert tab.evaluate(scheme) == "slate", "the next page forgot the dark palette"
    tab.locator('form[data-md-component="palette"] label:not([hidden])').click()
    tab.goto(site_url, wait_until="networkidle")
    assert tab.evaluate(scheme) == "default", "switching back to light was not remembered"


def _code_block(tab, snippet: str):
    return tab.locator(".highlight", has=tab.locator(".filename", has_text=snippet)).first


@pytest.fixture(scope="module")
def reader(browser, site_url: str):
    """One tab for the copy and download tests, which go through the pages in order: it opens
    each page once (23 loads, not 78), as a reader would, and copies from every block there."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, errors
    context.close()


@pytest.fixture
def reader_at(reader, site_url: str):
    """reader_at(path) -> the tab, on that page; no uncaught error may happen meanwhile."""
    tab, errors = reader

    def _at(path: str):
        if tab.url != site_url + path:
            tab.goto(site_url + path, wait_until="networkidle")
        return tab

    yield _at
    found = list(errors)
    errors.clear()  # reported once, by the test that saw them
    assert not found, f"uncaught errors on {tab.url}: {found}"


@pytest.mark.parametrize("snippet", USAGES, ids=lambda s: s.removeprefix("snippets/"))
def test_copy_and_download_give_exactly_the_script_shown(reader_at, snippet: str) -> None:
    source = (fence.ROOT / snippet).read_text(encoding="utf-8")
    shown, _ = render.code_for_download(source, snippet)
    tab = reader_at(USAGES[snippet].site_path)
    block = _code_block(tab, snippet)
    # A snippet in a collapsed deep dive: open it, as a reader would.
    block.evaluate(
        "b => { for (let d = b.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; }"
    )
    # What the page shows: the script, with annotation bubbles where `# (1)!` was.
    visible = block.locator("code").evaluate(
        """code => { const copy = code.cloneNode(true);
        copy.querySelectorAll('.md-annotation').forEach(a => a.remove());
        return copy.textContent; }"""
    )
    assert [line.rstrip() for line in visible.rstrip("\n").split("\n")] == shown.rstrip("\n").split(
        "\n"
    )
    assert block.locator(".md-annotation").count() == len(render.annotations(source))

    block.hover()
    block.locator('button[data-md-type="copy"]').click()
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied == shown.rstrip("\n"), "the copy button copied something else than the script"

    with tab.expect_download() as download:
        block.locator("a.snippet-download").click()
    assert download.value.suggested_filename == Path(snippet).name
    data = Path(download.value.path()).read_text(encoding="utf-8")
    assert data == shown, "the downloaded script is not the one shown"
    assert render.MARKER not in data


def test_edit_this_page_opens_the_page_source(tab, site_url: str) -> None:
    from mkdocs.config import load_config

    config = load_config(str(fence.ROOT / "mkdocs.yml"))
    if not (config.repo_url and config.edit_uri):
        pytest.skip("mkdocs.yml sets no repo_url and edit_uri")
    tab.goto(site_url + "suspension/", wait_until="networkidle")
    edit = tab.locator('a.md-content__button[title="Edit this page"]')
    expected = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/suspension.md"
    assert edit.get_attribute("href") == expected
