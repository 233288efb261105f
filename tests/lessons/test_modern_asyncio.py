"""docs/modern-asyncio.md: no claims. The page is an overview that runs no script; each
lesson it leads to claims its own outputs."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/modern-asyncio.md", makes_no_claims="an overview that runs no script")

test_claims = page.test()
