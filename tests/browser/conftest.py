"""The built site, served on 127.0.0.1 the way mike publishes it, and one Chromium for all.

The site is served under /latest/ with a versions.json beside it, as on GitHub Pages, so
the version selector finds what it looks for. Chromium is Debian's (`make test` installs it
when missing); Playwright only drives it and never downloads a browser of its own.
Every page is opened once in a fresh context (no cache, no stored palette), in both
palettes, and what happened is kept for the tests in this folder; the session ends with a table of
what each page cost and what axe-core found.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tools.pipeline import fence

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("ASYNCIO_BASICS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = fence.ROOT / "node_modules" / "axe-core" / "axe.min.js"
PREFIX = "/latest/"  # where the site lives on the test server, as under mike
VERSIONS = [{"version": "1.0", "title": "1.0", "aliases": ["latest"]}]
PHONE = {"width": 375, "height": 800}


@pytest.hookimpl(tryfirst=True)  # before -m deselects anything
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test (`make check` leaves them out)."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


def page_paths(root: Path = fence.ROOT) -> list[str]:
    """Every page of the site, as a path under the site root ("" for the home page)."""
    sources = sorted((root / fence.DOCS).rglob("*"))
    return [
        fence.site_path(source.relative_to(root / fence.DOCS).as_posix())
        for source in sources
        if source.suffix in {".md", ".ipynb"}
    ]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes `page_path` runs once per page."""
    if "page_path" in metafunc.fixturenames:
        paths = page_paths()
        metafunc.parametrize("page_path", paths, ids=[p.strip("/") or "home" for p in paths])


# --- the server --------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, site: Path, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(site), **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        path = urlsplit(self.path).path
        if path == "/versions.json":
            body = json.dumps(VERSIONS).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path.startswith(PREFIX):
            self.path = "/" + self.path[len(PREFIX) :]
            super().do_GET()
        else:
            self.send_error(404)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # Stop ends a worker mid-download
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """http://127.0.0.1:<port>/latest/ serving the built site."""
    handler = functools.partial(_Handler, site=built_site)
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{PREFIX}"
    server.shutdown()
    server.server_close()


# --- the browser -------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests drive Debian's chromium. "
            "`make test` installs it (as root: apt-get update && apt-get install -y chromium); "
            "or point ASYNCIO_BASICS_CHROMIUM at another Chromium."
        )
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(
            f"{AXE.relative_to(fence.ROOT)} is missing: run `npm ci` at the repository root "
            "(`make test` does it)"
        )
    return AXE.read_text(encoding="utf-8")


# color_scheme -> mkdocs-material's palette. A visit starts dark, so the first visit is seen to
# follow the system's preference, then switches to light with the page's toggle, as a reader does.
PALETTES = {"dark": "slate", "light": "default"}
_SCHEME = "document.body.getAttribute('data-md-color-scheme')"
_AXE_RUN = """axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + '  ' + n.failureSummary)})))"""


@dataclass
class Visit:
    """What happened when one page was opened in a fresh browser context, in both palettes."""

    url: str
    schemes: dict[str, str] = field(default_factory=dict)  # color_scheme -> palette it showed
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    bytes: int = 0  # response bodies, as served (uncompressed)
    scroll_width: int = 0
    viewport_width: int = 0
    violations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # per color_scheme

    def serious(self, scheme: str) -> list[dict[str, Any]]:
        return [
            v for v in self.violations.get(scheme, []) if v["impact"] in {"serious", "critical"}
        ]


_VISITS: dict[str, Visit] = {}


@pytest.fixture(scope="session")
def visit(browser, site_url: str, axe_source: str):
    """visit(path) -> Visit, each page opened once per session."""

    def _visit(path: str) -> Visit:
        if path not in _VISITS:
            _VISITS[path] = _open(browser, site_url + path, axe_source)
        return _VISITS[path]

    return _visit


def _open(browser: Any, url: str, axe_source: str) -> Visit:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    record = Visit(url)
    page.on("request", lambda request: record.requests.append(request.url))
    page.on("requestfailed", lambda request: record.failed.append(request.url))
    page.on(
        "console",
        lambda message: (
            record.errors.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: record.errors.append(f"uncaught: {error}"))
    sizes: list[Any] = []
    page.on("requestfinished", lambda request: sizes.append(request))
    try:
        page.goto(url, wait_until="networkidle")
        page.add_script_tag(content=axe_source)
        for scheme, palette in PALETTES.items():
            if record.schemes:  # the palette toggle, as a reader switches
                page.locator('form[data-md-component="palette"] label:not([hidden])').click()
                try:
                    page.wait_for_function(f"{_SCHEME} === {palette!r}", timeout=5000)
                except PlaywrightTimeout:  # test_axe_finds_nothing_serious names the palette
                    pass
            record.schemes[scheme] = page.evaluate(_SCHEME)
            record.violations[scheme] = page.evaluate(_AXE_RUN)
        record.scroll_width, record.viewport_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        record.bytes = sum(request.sizes()["responseBodySize"] for request in sizes)
    finally:
        context.close()
    return record


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _VISITS:
        return
    terminalreporter.write_sep("=", "pages in Chromium at 375 px (first visit, no cache)")
    terminalreporter.write_line(
        f"{'page':<24} {'requests':>8} {'bytes':>9}  axe serious+critical (dark / light)"
    )
    for path, shown in sorted(_VISITS.items()):
        counts = " / ".join(str(len(shown.serious(scheme))) for scheme in PALETTES)
        terminalreporter.write_line(
            f"{path or '(home)':<24} {len(shown.requests):>8} {shown.bytes:>9}  {counts}"
        )
