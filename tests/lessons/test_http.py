"""docs/http.md: many HTTP requests at once over loopback, with the standard library's streams."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/http.md")

MANY = "snippets/http/many_requests.py"
CHECKPOINT = "snippets/http/checkpoint_blocking_handler.py"

WAITS = [0.3, 0.1, 0.2, 0.3, 0.1, 0.2]


def took(out) -> float:
    return out.number(r"^6 requests, 1\.2 s of waiting in all, took (\d+\.\d+) s$")


@page.claim(
    "Every request got HTTP/1.1 200 OK and the body its path asked for, in the order of the requests",
    MANY,
)
def _(out):
    assert out.lines[:6] == [
        f"GET /{seconds}: HTTP/1.1 200 OK, waited {seconds} s" for seconds in WAITS
    ]


@page.claim("The six waits add up to 1.2 s, yet all six took about 0.3 s", MANY)
def _(out):
    assert round(sum(WAITS), 1) == 1.2
    assert 0.3 <= took(out) < 0.6  # the longest wait, far from the sum


@page.claim("About 0.5 s, five times 0.1 s", CHECKPOINT)
def _(out):
    seconds = out.number(r"^5 requests of 0\.1 s took (\d+\.\d) s$")
    assert 0.5 <= seconds < 0.8, seconds


@page.claim("every reply still comes (five 204 No Content)", CHECKPOINT)
def _(out):
    assert out.lines[0] == "5 replies of 204 No Content"


test_claims = page.test()
