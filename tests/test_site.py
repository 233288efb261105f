"""The real site builds strictly, and every page shows what its snippets printed."""

from __future__ import annotations

import html
import re

import pytest

from tools.pipeline import fence, interpreters, transcripts


def test_the_site_builds_strictly(site_build) -> None:
    """`mkdocs build` (strict) of the real site: every error it logged, with page and line."""
    errors = [line for line in site_build.log.splitlines() if line.startswith(("ERROR", "WARNING"))]
    assert site_build.returncode == 0 and not errors, "\n".join(errors) or site_build.log[-3000:]


def _page_text(site, usage: fence.Fence) -> tuple[str, str]:
    """(the built page's path, its text as a reader sees it: tags removed, entities decoded)."""
    page = usage.site_path + "index.html"
    raw = (site / page).read_text(encoding="utf-8")
    return page, html.unescape(re.sub(r"<[^>]+>", "", raw))


def test_every_snippet_output_is_on_its_page(site_build) -> None:
    newest = site_build.record["versions"][-1]  # the build shows each version it ran
    checked = 0
    for usage in fence.find_all():
        if not usage.run.runs_on(newest):
            continue
        page, text = _page_text(site_build.site, usage)
        # Exactly what this build's own run printed, durations included (that run is held to
        # its transcript by tests/test_snippets.py).
        run = site_build.runs(usage.snippet)[newest]
        shown = transcripts.compose(run["command"], run["output"]).rstrip("\n")
        assert shown in text, (
            f"{usage.where}: {page} does not show the build's own run on Python {newest}"
        )
        checked += 1
    assert checked, "no snippet output was looked for"


def test_a_snippet_no_selected_python_runs_shows_its_recorded_output(site_build) -> None:
    """3.14-only snippets on a machine without a native 3.14: the page shows each version's
    committed transcript (printed by that version's WebAssembly build), labelled recorded."""
    selected = site_build.record["versions"]
    checked = 0
    for usage in fence.find_all():
        if any(usage.run.runs_on(v) for v in selected) or usage.checkpoint:
            continue
        _, text = _page_text(site_build.site, usage)
        recorded = {v: transcripts.read(usage.snippet, v) for v in interpreters.SUPPORTED}
        newest, shown = [(v, t) for v, t in recorded.items() if t is not None][-1]
        assert shown.rstrip("\n") in text, (
            f"{usage.where}: the page does not show {newest}'s recorded output"
        )
        assert f"Python {newest} (recorded)" in text or f"{newest}, recorded)" in text, usage.where
        checked += 1
    if not checked:
        pytest.skip(f"every snippet runs on one of the selected Pythons ({', '.join(selected)})")
