"""The real site builds strictly, and every page shows what its snippets printed."""

from __future__ import annotations

import html
import re

from tools import runner, snippets


def test_every_snippet_output_is_on_its_page(built_site) -> None:
    for usage in snippets.find_usages():
        page = usage.page.removeprefix("docs/").removesuffix(".md")
        page = "index.html" if page == "index" else f"{page.removesuffix('/index')}/index.html"
        text = html.unescape(re.sub(r"<[^>]+>", "", (built_site / page).read_text(encoding="utf-8")))
        version = runner.DEFAULT_PYTHONS[-1]
        if not usage.options.runs_on(version):
            continue
        expected = snippets.expected_transcript(usage.snippet, version)
        assert expected is not None, f"{usage.where}: no transcript for {usage.snippet}"
        # Masked, because the page shows this build's real durations.
        assert runner.mask(expected.rstrip("\n")) in runner.mask(text), f"{usage.where}: output not on {page}"
