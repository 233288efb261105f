"""docs/index.md: no claims. The home page runs no script and says nothing about any output;
it only says which Pythons the site covers and where to start."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/index.md", makes_no_claims="it runs no script")

test_claims = page.test()
