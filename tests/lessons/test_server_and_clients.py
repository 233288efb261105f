"""docs/server-and-clients.md: requests to a local server one after another, concurrently, and
with a time limit."""

from tests.lessons.claims import Page

page = Page("docs/server-and-clients.md")
BOTH = "snippets/server-and-clients/server_and_clients.py"
TIMEOUT = "snippets/server-and-clients/timeout.py"
CHECKPOINT = "snippets/server-and-clients/checkpoint_gather.py"
REQUESTS = ["0.25", "0.2", "0.15", "0.1", "0.05"]


def replies(out, title):
    start = out.lines.index(title) + 1
    block = out.lines[start : start + len(REQUESTS)]
    assert all(line.startswith("  reply: waited ") for line in block), block
    return [line.split()[-1] for line in block]


@page.claim("One after another, the replies come in the order of the requests", BOTH)
def _(out):
    assert replies(out, "one after another:") == REQUESTS


@page.claim("the total is a bit more than the sum of the five waits, 0.75 s", BOTH)
def _(out):
    assert 0.75 <= out.number(r"^one after another: (\d+\.\d+) s$") < 1.3


@page.claim("Concurrently, the quickest reply comes first and the slowest last", BOTH)
def _(out):
    assert replies(out, "concurrently:") == REQUESTS[::-1]


@page.claim("the total is close to the longest single wait, 0.25 s", BOTH)
def _(out):
    concurrently = out.number(r"^concurrently: (\d+\.\d+) s$")
    assert 0.25 <= concurrently < 0.45
    assert concurrently < 0.5 * out.number(r"^one after another: (\d+\.\d+) s$")


@page.claim(
    "The client gives up on the 0.5 s request after about 0.4 s, and finally still closes the",
    TIMEOUT,
)
def _(out):
    second = out.index("asking for 0.5,")
    assert out.lines[second + 1].startswith("  gave up after")
    assert 0.4 <= out.number(r"gave up after (\d+\.\d+) s") < 0.55
    assert not out.findall(r"waited 0\.5")
    # the server's reader saw the end of the stream: the client had closed the connection
    assert "  server: the client of the 0.5 request is gone; no reply" in out.lines


@page.claim("finishes its 0.5 s wait, then finds the client gone", TIMEOUT)
def _(out):
    gone = out.index("server: the client of the 0.5 request is gone; no reply")
    assert out.index("gave up after") < gone  # after the client had given up, at 0.4 s
    assert not out.findall(r"waited 0\.5")


@page.claim("appears while the last request is being served, and before its reply", TIMEOUT)
def _(out):
    gone = out.index("server: the client of the 0.5 request is gone; no reply")
    assert out.index("asking for 0.4, no time limit") < gone < out.index("reply: waited 0.4")


@page.claim("The client gets the 0.1 s reply first, although it asked for 0.3 s first", CHECKPOINT)
def _(out):
    assert out.lines[:2] == ["client got: waited 0.1", "client got: waited 0.3"]


test_claims = page.test()
