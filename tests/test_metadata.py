"""What the built site tells browsers, search engines and language models about itself:
its address, source links, 404 page, sitemap, and llms.txt with the verified outputs.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from tools.pipeline import fence, transcripts


class _Loader(yaml.SafeLoader):
    pass


# mkdocs.yml uses mkdocs' `!ENV [NAME, default]` tag; unset variables give the default.
_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def _config() -> dict:
    return yaml.load((fence.ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


# What the tests' builds use: mkdocs.yml's defaults (no SITE_URL or REPO_URL set).
DEFAULT_SITE_URL = _config()["site_url"]
DEFAULT_REPO_URL = _config()["repo_url"]


def _nav_pages(items: list | None = None) -> list[str]:
    """Every page of the nav, its parts' pages included, in reading order."""
    pages = []
    for item in _config()["nav"] if items is None else items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_default_site_url_is_the_repositorys_github_pages() -> None:
    """The defaults name one repository (change both in a fork)."""
    owner, name = DEFAULT_REPO_URL.removeprefix("https://github.com/").split("/")
    assert DEFAULT_SITE_URL == f"https://{owner}.github.io/{name}/"


def test_404_page(built_site: Path) -> None:
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert "404 - Not found" in page
    # absolute asset links, so the page works for a missing URL at any depth
    assert f'href="{urlsplit(DEFAULT_SITE_URL).path}assets/stylesheets/' in page


def test_sitemap_lists_every_page(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert sorted(listed) == sorted(DEFAULT_SITE_URL + fence.site_path(p) for p in _nav_pages())


def test_every_page_links_to_its_source_for_editing(built_site: Path) -> None:
    for page in _nav_pages():
        html = (built_site / fence.site_path(page) / "index.html").read_text(encoding="utf-8")
        assert f'href="{DEFAULT_REPO_URL}/edit/main/docs/{page}"' in html, page


def test_no_page_calls_the_github_api(built_site: Path) -> None:
    """The theme fetches stars and forks for a `source` component; the override drops it."""
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in html, path
        if path.name == "index.html":
            assert f'<a href="{DEFAULT_REPO_URL}" title="Go to repository"' in html, path


def test_llms_txt_lists_every_page_in_reading_order(built_site: Path) -> None:
    llms = (built_site / "llms.txt").read_text(encoding="utf-8")
    linked = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", llms, re.M)
    assert linked == [DEFAULT_SITE_URL + fence.site_path(p) + "index.md" for p in _nav_pages()]
    for url in linked:
        assert (built_site / url.removeprefix(DEFAULT_SITE_URL)).is_file(), url


def test_llms_full_txt_carries_the_verified_outputs(site_build) -> None:
    full = (site_build.site / "llms-full.txt").read_text(encoding="utf-8")
    version = site_build.record["versions"][-1]  # the newest Python this build ran
    checked = 0
    for usage in fence.find_all():
        run = site_build.runs(usage.snippet).get(version)
        if run is None:
            continue
        # This build's own run (held to its transcript by tests/test_snippets.py), as text.
        shown = transcripts.compose(run["command"], run["output"]).rstrip("\n")
        assert shown in full, f"{usage.where}: output not in llms-full.txt"
        checked += 1
    assert checked, "no snippet output to look for"
    assert "finding numbers below 500 divisible by 3" in full
