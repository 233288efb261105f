"""The real site builds strictly, and every page shows what its snippets printed."""

from __future__ import annotations

import html
import re

from tools.build import fence, interpreters, runner, transcripts


def test_every_snippet_output_is_on_its_page(built_site) -> None:
    for usage in fence.find_all():
        page = usage.page.removeprefix("docs/").removesuffix(".md")
        page = "index.html" if page == "index" else f"{page.removesuffix('/index')}/index.html"
        text = html.unescape(re.sub(r"<[^>]+>", "", (built_site / page).read_text(encoding="utf-8")))
        version = interpreters.SUPPORTED[:4][-1]
        if not usage.run.runs_on(version):
            continue
        expected = transcripts.read(usage.snippet, version)
        assert expected is not None, f"{usage.where}: no transcript for {usage.snippet}"
        # Masked, because the page shows this build's real durations.
        assert transcripts.mask(expected.rstrip("\n")) in transcripts.mask(text), f"{usage.where}: output not on {page}"
