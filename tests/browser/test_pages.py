"""Every page, on a 375 px wide phone screen, in both palettes: offline, error-free, accessible."""

from __future__ import annotations

from urllib.parse import urlsplit

PALETTES = {"dark": "slate", "light": "default"}  # color_scheme -> mkdocs-material's palette


def test_every_request_goes_to_the_local_server(visit, site_url: str, page_path: str) -> None:
    """No web fonts, no CDN, no API: a page must work with no network at all."""
    record = visit(page_path)
    local = urlsplit(site_url).netloc
    outside = [u for u in record.requests if urlsplit(u).netloc != local]
    assert not outside, f"{record.url} asked other hosts: {outside}"
    assert record.requests, f"{record.url}: no request was recorded at all"


def test_no_console_errors_and_no_failed_requests(visit, page_path: str) -> None:
    record = visit(page_path)
    assert not record.errors, f"{record.url}:\n" + "\n".join(record.errors)
    assert not record.failed, f"{record.url} failed to load {record.failed}"


def test_no_horizontal_scrolling_on_a_phone(visit, page_path: str) -> None:
    record = visit(page_path)
    assert record.scroll_width <= record.viewport_width, (
        f"{record.url} is {record.scroll_width} px wide on a {record.viewport_width} px screen"
    )


def test_axe_finds_nothing_serious(visit, page_path: str) -> None:
    """axe-core, injected after the page settled: no serious or critical violation."""
    record = visit(page_path)
    # The first visit follows the system's preference (dark), then the toggle gives light.
    assert record.schemes == PALETTES, f"{record.url}: palettes {record.schemes}, not {PALETTES}"
    found = [
        f"{scheme}: {v['impact']}: {v['id']} ({v['help']})\n    " + "\n    ".join(v["nodes"][:5])
        for scheme in PALETTES
        for v in record.serious(scheme)
    ]
    assert not found, f"{record.url}:\n" + "\n".join(found)
