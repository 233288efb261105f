"""docs/why-asyncio.md: the page's one picture is a drawing; its checkpoint previews overlapping
waits (what it says about CPU-bound work is measured, and claimed, in docs/cpu-bound-work.md)."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/why-asyncio.md")

CHECKPOINT = "snippets/why-asyncio/checkpoint_overlapping_waits.py"


@page.claim("About 0.5 s, the slowest wait alone", CHECKPOINT)
def _(out):
    seconds = out.number(r"^4 files, 0\.8 s of waiting in all, after (\d\.\d) s$")
    assert 0.5 <= seconds < 0.8, seconds


test_claims = page.test()
