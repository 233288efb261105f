"""docs/why-asyncio.md: no claims. The page runs no script: its one picture of a page load
is a drawing, not a program's output, and what it says about CPU-bound work is measured,
and claimed, in docs/cpu-bound-work.md."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/why-asyncio.md", makes_no_claims="it runs no script; its picture is a drawing")

test_claims = page.test()
