"""docs/synchronous-baseline.md: each call finishes before the next starts."""

from __future__ import annotations

from tests.lessons.claims import IN_TURN, Page

page = Page("docs/synchronous-baseline.md")

BASELINE = "snippets/synchronous-baseline/find_divisibles.py"
CHECKPOINT = "snippets/synchronous-baseline/checkpoint_one_call_at_a_time.py"
DONE = r"^done with {} after (\d+\.\d) ms$"


@page.claim("Each call starts only after the previous one has finished", BASELINE)
def _(out):
    assert out.steps[:6] == IN_TURN


@page.claim("the tiny third call (500 numbers) waits behind the large first one", BASELINE)
def _(out):
    assert out.index("finding numbers below 500 ") > out.index("done with 508000 / 34113")


@page.claim("even though it needs almost no time itself", BASELINE)
def _(out):
    # Its own line reports a tiny fraction of the large call's time.
    assert out.number(DONE.format("500 / 3")) < 0.1 * out.number(DONE.format("508000 / 34113"))


@page.claim("short starts comes only after long ends", CHECKPOINT)
def _(out):
    assert out.lines == ["long starts", "long ends", "short starts", "short ends"]


test_claims = page.test()
