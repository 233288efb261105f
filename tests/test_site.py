"""The real site builds strictly, and every page shows what its snippets printed."""

from __future__ import annotations

import html
import re

from tools.build import fence, transcripts


def test_every_snippet_output_is_on_its_page(site_build) -> None:
    newest = site_build.record["versions"][-1]  # the build shows each version it ran
    checked = 0
    for usage in fence.find_all():
        page = usage.page.removeprefix("docs/").removesuffix(".md")
        page = "index.html" if page == "index" else f"{page.removesuffix('/index')}/index.html"
        text = html.unescape(
            re.sub(r"<[^>]+>", "", (site_build.site / page).read_text(encoding="utf-8"))
        )
        if not usage.run.runs_on(newest):
            continue
        expected = transcripts.read(usage.snippet, newest)
        assert expected is not None, f"{usage.where}: no transcript for {usage.snippet}"
        # Masked, because the page shows this build's real durations.
        masked = transcripts.mask(text, usage.run)
        assert transcripts.mask(expected.rstrip("\n"), usage.run) in masked, (
            f"{usage.where}: output not on {page}"
        )
        # And exactly what this build's own run printed, durations included.
        run = site_build.runs(usage.snippet)[newest]
        shown = transcripts.compose(run["command"], run["output"]).rstrip("\n")
        assert shown in text, (
            f"{usage.where}: {page} does not show the build's own run on Python {newest}"
        )
        checked += 1
    assert checked, "no snippet output was looked for"
