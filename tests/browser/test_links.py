"""Every link and anchor in the served site resolves (a crawl over HTTP, no browser needed).

MkDocs checks the links written in Markdown; this also covers what the theme and the build
hooks add: navigation, the previous/next footer, download links, the outdated banner.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from tools.pipeline import fence


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        for name in ("href", "src"):
            if values.get(name) and tag in {"a", "link", "script", "img", "source", "iframe"}:
                self.links.append(values[name])


def _get(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


@pytest.fixture(scope="module")
def crawl(site_url: str) -> dict[str, _Page]:
    """Every HTML page reachable from the home page, parsed."""
    pages: dict[str, _Page] = {}
    todo = [site_url]
    while todo:
        url = todo.pop()
        if url in pages:
            continue
        status, body, kind = _get(url)
        if status != 200:
            continue  # reported by the test, with the page that links to it
        page = _Page()
        if kind == "text/html":
            page.feed(body.decode("utf-8"))
        pages[url] = page
        for link in page.links:
            target = urldefrag(urljoin(url, link)).url
            if target.startswith(site_url) and target not in pages and kind == "text/html":
                todo.append(target)
    return pages


def test_every_internal_link_and_anchor_resolves(crawl: dict[str, _Page], site_url: str) -> None:
    local = urlsplit(site_url).netloc
    broken = []
    checked = 0
    for url, page in crawl.items():
        for link in page.links:
            if link.startswith(("mailto:", "javascript:")):
                continue
            target = urljoin(url, link)
            parts = urlsplit(target)
            if parts.netloc != local:
                continue  # another site: the repository, the theme's credits
            base, fragment = urldefrag(target)
            if base not in crawl:
                status, _, _ = _get(base)
                if status != 200:
                    broken.append(f"{url}: {link} -> HTTP {status}")
                    continue
            elif fragment and fragment not in crawl[base].ids:
                broken.append(f"{url}: {link} -> no id {fragment!r} on {base}")
            checked += 1
    assert not broken, "\n".join(broken)
    assert len(crawl) >= len(list((fence.ROOT / "docs").rglob("*.md"))), sorted(crawl)
    assert checked > 100, f"only {checked} links checked: is the crawl following links?"


NOTEBOOKS = sorted(
    p.relative_to(fence.ROOT / "docs") for p in (fence.ROOT / "docs").rglob("*.ipynb")
)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_the_notebook_can_be_downloaded_from_its_page(crawl, site_url: str, notebook) -> None:
    page_url = site_url + notebook.with_suffix("").as_posix() + "/"
    assert page_url in crawl, f"{notebook}: no page at {page_url}"
    links = [urljoin(page_url, link) for link in crawl[page_url].links if link.endswith(".ipynb")]
    assert links, f"{page_url} has no link to download {notebook}"
    status, body, _ = _get(links[0])
    assert status == 200, f"{links[0]}: HTTP {status}"
    assert json.loads(body)["cells"], f"{links[0]} is not a notebook"
